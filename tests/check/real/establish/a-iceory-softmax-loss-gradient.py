"""a-iceory-softmax-loss-gradient.md: softmax Jacobian and softmax-CE gradient, C = 3."""
import sympy as sp
from _common import vec, softmax, check_all, D

C = 3
x, t = vec("x", C), vec("t", C)
y = softmax(x)
e = [sp.exp(v) for v in x]
S = sum(e)
R = range(C)
# line 21 (i = j)
rows = []
for i in R:
    j = i
    rows += [(D(y[i], x[j]), D(y[i], x[i])),
             (D(y[i], x[i]), (e[j] * S - e[i] * e[i]) / S**2),
             ((e[j] * S - e[i] * e[i]) / S**2, e[i] / S * (S - e[i]) / S),
             (e[i] / S * (S - e[i]) / S, y[i] * (1 - y[i]))]
check_all(21, rows)
# line 25 (i != j): the second member differentiates e^{x_j}/sum (typo for e^{x_i})
rows = []
for i in R:
    for j in R:
        if i == j:
            continue
        rows += [(D(y[i], x[j]), D(e[j] / S, x[j])),
                 (D(e[j] / S, x[j]), (0 * S - e[i] * e[j]) / S**2)]
check_all(25, rows)
# the links after the typo hold on their own:
ok = all(sp.simplify((0 * S - e[i] * e[j]) / S**2 - (-e[i] / S * e[j] / S)) == 0 and
         sp.simplify(-e[i] / S * e[j] / S + y[i] * y[j]) == 0 for i in R for j in R if i != j)
assert ok
# line 45: sum_{i != j} read as the sum over j != i; \partial t_j read as t_j (typo); last link under sum t = 1
L = -sum(t[c] * sp.log(y[c]) for c in R)
cond = {t[C - 1]: 1 - sum(t[:C - 1])}
rows = []
for i in R:
    m = [D(L, x[i]),
         -sum(D(t[c] * sp.log(y[c]), x[i]) for c in R),
         -sum(t[c] * D(sp.log(y[c]), x[i]) for c in R),
         -sum(t[c] / y[c] * D(y[c], x[i]) for c in R),
         -t[i] / y[i] * D(y[i], x[i]) - sum(t[j] / y[j] * D(y[j], x[i]) for j in R if j != i),
         -t[i] / y[i] * y[i] * (1 - y[i]) - sum(t[j] / y[j] * (-y[i] * y[j]) for j in R if j != i),
         -t[i] + t[i] * y[i] + sum(t[j] * y[i] for j in R if j != i),
         -t[i] + y[i] * sum(t),
         y[i] - t[i]]
    rows += [(m[k], m[k + 1]) for k in range(len(m) - 1)]
check_all(45, rows, subs=cond)

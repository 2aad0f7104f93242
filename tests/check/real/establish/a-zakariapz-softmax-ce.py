"""a-zakariapz-softmax-ce.md (original .Rmd): CE with softmax, C = 3.

ell_j is read as the per-class term -y_j log p_j, the only explicit formula the
post gives for it (the row d ell_j/d p_j = d/dp_j(-y_j log p_j)); with that
reading the rows L = -sum ell_j and dL/da_i = -sum (d ell_j/dp_j)(dp_j/da_i)
carry a spurious minus sign.
"""
import sympy as sp
from _common import vec, softmax, check, check_all, D

C = 3
a, y = vec("a", C), vec("y", C)
P = vec("q", C, positive=True)              # p as independent variables
p = softmax(a)
S = sum(sp.exp(v) for v in a)
R = range(C)
ell = [-y[j] * sp.log(P[j]) for j in R]     # per-class term, in terms of independent p
at = lambda f: f.subs(dict(zip(P, p)))
L = -sum(y[j] * sp.log(p[j]) for j in R)
check(16, L, at(-sum(ell)))
check_all(26, [(D(L, a[i]), -sum(at(D(ell[j], P[j])) * D(p[j], a[i]) for j in R)) for i in R])
check_all(31, [(D(ell[j], P[j]), D(-y[j] * sp.log(P[j]), P[j])) for j in R])
check_all(32, [(D(-y[j] * sp.log(P[j]), P[j]), -y[j] / P[j]) for j in R])
allp = [(i, j) for i in R for j in R]
check_all(37, [(D(p[j], a[i]), D(sp.exp(a[j]) / S, a[i])) for i, j in allp])
# i = j block (continues line 37's right side)
same = [(j, j) for j in R]
check_all(42, [(D(sp.exp(a[j]) / S, a[i]), D(sp.exp(a[j]) / S, a[j])) for i, j in same])
check_all(43, [(D(sp.exp(a[j]) / S, a[j]), D(sp.exp(a[j]) * S**-1, a[j])) for j in R])
check_all(44, [(D(sp.exp(a[j]) * S**-1, a[j]), sp.exp(a[j]) * S**-1 - sp.exp(a[j]) * S**-2 * sp.exp(a[j])) for j in R])
check_all(46, [(sp.exp(a[j]) * S**-1 - sp.exp(a[j]) * S**-2 * sp.exp(a[j]), p[j] - p[j]**2) for j in R])
check_all(47, [(p[j] - p[j]**2, p[j] * (1 - p[j])) for j in R])
diff = [(i, j) for i in R for j in R if i != j]
check_all(52, [(D(sp.exp(a[j]) / S, a[i]), D(sp.exp(a[j]) / S, a[i])) for i, j in diff])
check_all(53, [(D(sp.exp(a[j]) / S, a[i]), sp.exp(a[j]) * D(S**-1, a[i])) for i, j in diff])
check_all(54, [(sp.exp(a[j]) * D(S**-1, a[i]), -sp.exp(a[j]) * S**-2 * sp.exp(a[i])) for i, j in diff])
check_all(55, [(-sp.exp(a[j]) * S**-2 * sp.exp(a[i]), -p[j] * p[i]) for i, j in diff])
d = lambda i, j: 1 if i == j else 0
check_all(60, [(D(p[j], a[i]), p[j] * (d(i, j) - p[i])) for i, j in allp])
check_all(66, [(D(L, a[i]), sum(at(D(ell[j], P[j])) * D(p[j], a[i]) for j in R)) for i in R])
check_all(67, [(sum(at(D(ell[j], P[j])) * D(p[j], a[i]) for j in R), sum(-y[j] / p[j] * p[j] * (d(i, j) - p[i]) for j in R)) for i in R])
check_all(68, [(sum(-y[j] / p[j] * p[j] * (d(i, j) - p[i]) for j in R), sum(y[j] * (p[i] - d(i, j)) for j in R)) for i in R])
# one-hot y with the true class c (stated before line 73)
rows73, rows78 = [], []
for c in R:
    oh = {y[j]: (1 if j == c else 0) for j in R}
    for i in R:
        g = D(L, a[i]).subs(oh)
        rows73.append((g, p[i] - oh[y[c]] * d(i, c)))
        rows78.append((g, p[i] - oh[y[i]]))
check_all(73, rows73)
check_all(78, rows78)

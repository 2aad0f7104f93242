"""a-daviddwlee84-softmax-ce.md: softmax + cross-entropy for a 2-3 network, K = 3 as in the text."""
import sympy as sp
from _common import vec, softmax, check, check_all, D

K = 3
th = vec("theta", K)
y = vec("y", K)
yh = softmax(th)
S = sum(sp.exp(t) for t in th)
J = -sum(y[k] * sp.log(yh[k]) for k in range(K))
I = range(K)
# line 48
check_all(48, [(D(yh[i], th[i]), D(sp.exp(th[i]) / S, th[i])) for i in I])
# lines 58-60, case i = j
e = sp.exp
check_all(58, [(D(yh[i], th[i]), D(e(th[i]) / S, th[i])) for i in I] + [(D(e(th[i]) / S, th[i]), (e(th[i]) * S - e(th[i]) * e(th[i])) / S**2) for i in I])
check_all(59, [((e(th[i]) * S - e(th[i])**2) / S**2, e(th[i]) / S * (S - e(th[i])) / S) for i in I] + [(e(th[i]) / S * (S - e(th[i])) / S, e(th[i]) / S * (1 - e(th[i]) / S)) for i in I])
check_all(60, [(e(th[i]) / S * (1 - e(th[i]) / S), yh[i] * (1 - yh[i])) for i in I])
# lines 66-67, case i != j
P = [(i, j) for i in I for j in I if i != j]
check_all(66, [(D(yh[i], th[j]), D(e(th[i]) / S, th[j])) for i, j in P] + [(D(e(th[i]) / S, th[j]), (0 - e(th[i]) * e(th[j])) / S**2) for i, j in P])
check_all(67, [((0 - e(th[i]) * e(th[j])) / S**2, -e(th[i]) / S * e(th[j]) / S) for i, j in P] + [(-e(th[i]) / S * e(th[j]) / S, -yh[i] * yh[j]) for i, j in P])
# lines 75-78
r75 = []; r76 = []; r77 = []
for i in I:
    g = D(J, th[i])
    a1 = -sum(D(y[j] * sp.log(yh[j]), th[i]) for j in I)
    a2 = -sum(y[j] * D(sp.log(yh[j]), th[i]) for j in I)
    a3 = -sum(y[j] / yh[j] * D(yh[j], th[i]) for j in I)
    r75 += [(g, a1), (a1, a2), (a2, a3)]
    b1 = -y[i] / yh[i] * D(yh[i], th[i]) - sum(y[j] / yh[j] * D(yh[j], th[i]) for j in I if j != i)
    b2 = -y[i] / yh[i] * yh[i] * (1 - yh[i]) - sum(y[j] / yh[j] * (-yh[i] * yh[j]) for j in I if j != i)
    r76 += [(a3, b1), (b1, b2)]
    c1 = -y[i] + y[i] * yh[i] + sum(y[j] * yh[i] for j in I if j != i)
    c2 = -y[i] + sum(y[j] * yh[i] for j in I)
    c3 = -y[i] + yh[i] * sum(y)
    r77 += [(b2, c1), (c1, c2), (c2, c3)]
check_all(75, r75); check_all(76, r76); check_all(77, r77)
cond = {y[K - 1]: 1 - sum(y[:K - 1])}
check_all(78, [(-y[i] + yh[i] * sum(y), yh[i] - y[i]) for i in I], subs=cond)
# line 104: dJ/db = yhat - y componentwise (theta = w^T x + b, d theta_k / d b_k = 1), under sum y = 1
check_all(104, [(D(J, th[i]), yh[i] - y[i]) for i in I], subs=cond)

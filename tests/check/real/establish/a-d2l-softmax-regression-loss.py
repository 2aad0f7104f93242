"""a-d2l-softmax-regression-loss.md (lines 264-413 of d2l softmax-regression.md); q = 3 classes.

L(n) maps a line of the original chapter to the stored excerpt.
"""
import sympy as sp
from _common import vec, softmax, check_all, D

OFF = 263
L = lambda n: n - OFF
q = 3
o, y = vec("o", q), vec("y", q)
yh = softmax(o)
S = sum(sp.exp(v) for v in o)
R = range(q)
l = -sum(y[j] * sp.log(yh[j]) for j in R)
# 301-302: two samples, one-hot labels c1, c2; P(y|x) is the predicted probability of the observed class
o2 = vec("u", q)
yh2 = softmax(o2)
rows = []
for c1 in R:
    for c2 in R:
        Y1 = [1 if j == c1 else 0 for j in R]
        Y2 = [1 if j == c2 else 0 for j in R]
        P1, P2 = yh[c1], yh2[c2]
        lhs = -sp.log(P1 * P2)
        mid = -sp.log(P1) - sp.log(P2)
        rhs = -sum(Y1[j] * sp.log(yh[j]) for j in R) - sum(Y2[j] * sp.log(yh2[j]) for j in R)
        rows += [(lhs, mid), (mid, rhs)]
check_all(L(301), rows)
cond = {y[q - 1]: 1 - sum(y[:q - 1])}
m345 = -sum(y[j] * sp.log(sp.exp(o[j]) / S) for j in R)
m346 = sum(y[j] * sp.log(S) for j in R) - sum(y[j] * o[j] for j in R)
m347 = sp.log(S) - sum(y[j] * o[j] for j in R)
check_all(L(345), [(l, m345)])
check_all(L(346), [(m345, m346)])
check_all(L(347), [(m346, m347)], subs=cond)
check_all(L(355), [(D(l, o[j]), sp.exp(o[j]) / S - y[j]) for j in R] + [(sp.exp(o[j]) / S - y[j], yh[j] - y[j]) for j in R], subs=cond)

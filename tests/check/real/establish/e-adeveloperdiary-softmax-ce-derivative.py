"""Establish e-adeveloperdiary-softmax-ce-derivative.md: stable softmax, softmax Jacobian, softmax + CE gradient (c = 3 classes)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax

K = 3
z = vec("z", K, real=True)
yv = vec("y", K, real=True)
C = sp.Symbol("C", positive=True)
a = softmax(z)
E = [sp.exp(t) for t in z]
S = sum(E)
II = range(K)
pairs = [(i, j) for i in II for j in II if i != j]
M = sp.Max(*z)

check(12, sum(a), 1)
r23 = [C * E[i] / (C * S) for i in II]
check_all(23, [(a[i], r23[i]) for i in II])
check_all(24, [(r23[i], sp.exp(z[i] + sp.log(C)) / (S + sp.log(C))) for i in II])
check_all(31, [(a[i], sp.exp(z[i] - M) / (S - M)) for i in II])
# Jacobian
check_all(103, [(sp.diff(a[i], z[j]), sp.diff(E[i] / S, z[j])) for i in II for j in II])
check_all(110, [(sp.diff(E[i], z[j]), sp.diff(sp.exp(z[i]), z[j])) for i in II for j in II])
check_all(111, [(sp.diff(E[i], z[j]), sp.diff(sp.exp(z[i]), z[i]) * sp.diff(z[i], z[j])) for i in II for j in II])
check_all(112, [(sp.diff(sp.exp(z[i]), z[i]) * sp.diff(z[i], z[j]), E[i] * sp.diff(z[i], z[j])) for i in II for j in II])
check_all(113, [(E[i] * sp.diff(z[i], z[j]), E[i] if i == j else 0) for i in II for j in II])
check_all(123, [(sp.diff(S, z[j]), sp.diff(sum(E), z[j])) for j in II])
check_all(124, [(sp.diff(S, z[j]), sp.diff(sum(E[k] for k in II if k != j) + E[j], z[j])) for j in II])
check_all(125, [(sp.diff(S, z[j]), sp.diff(sum(E[k] for k in II if k != j), z[j]) + sp.diff(E[j], z[j])) for j in II])
check_all(126, [(sp.diff(S, z[j]), 0 + E[j]) for j in II])
check_all(127, [(0 + E[j], E[j]) for j in II])
# i = j case
diag = [(i, i) for i in II]
q135 = lambda i, j: (E[i] * S - E[j] * E[i]) / S**2
q136 = lambda i, j: E[i] * (S - E[j]) / S**2
q137 = lambda i, j: E[i] / S * (S - E[j]) / S
q138 = lambda i, j: a[i] * (1 - a[j])
check_all(135, [(sp.diff(a[i], z[j]), q135(i, j)) for i, j in diag])
check_all(136, [(q135(i, j), q136(i, j)) for i, j in diag])
check_all(137, [(q136(i, j), q137(i, j)) for i, j in diag])
check_all(138, [(q137(i, j), q138(i, j)) for i, j in diag])
check_all(139, [(q138(i, j), a[i] * (1 - a[i])) for i, j in diag])
# i != j case
check_all(147, [(sp.diff(a[i], z[j]), (0 * S - E[j] * E[i]) / S**2) for i, j in pairs])
check_all(148, [((0 * S - E[j] * E[i]) / S**2, -E[j] * E[i] / S**2) for i, j in pairs])
check_all(149, [(-E[j] * E[i] / S**2, -a[i] * a[j]) for i, j in pairs])
# CE gradient
L = -sum(yv[k] * sp.log(a[k]) for k in II)
da = lambda k, i: sp.diff(a[k], z[i])
c161 = [sp.diff(-sum(yv[k] * sp.log(a[k]) for k in II), z[i]) for i in II]
c162 = [-sum(yv[k] * sp.diff(sp.log(a[k]), z[i]) for k in II) for i in II]
c163 = [-sum(yv[k] * (1 / a[k]) * da(k, i) for k in II) for i in II]
c164 = [-sum(yv[k] / a[k] * da(k, i) for k in II) for i in II]
c165 = [-(yv[i] / a[i] * da(i, i) + sum(yv[k] / a[k] * da(k, i) for k in II if k != i)) for i in II]
c166 = [-yv[i] * (1 - a[i]) - sum(yv[k] * a[i] for k in II if k != i) for i in II]
c167 = [-yv[i] + yv[i] * a[i] + sum(yv[k] * a[i] for k in II if k != i) for i in II]
c168 = [a[i] * (yv[i] + sum(yv[k] for k in II if k != i)) - yv[i] for i in II]
c169 = [a[i] + sum(yv) - yv[i] for i in II]
c170 = [a[i] * 1 - yv[i] for i in II]
c171 = [a[i] - yv[i] for i in II]
check_all(161, [(sp.diff(L, z[i]), c161[i]) for i in II])
for line, prev, cur in [(162, c161, c162), (163, c162, c163), (164, c163, c164), (165, c164, c165),
                        (166, c165, c166), (167, c166, c167), (168, c167, c168), (169, c168, c169)]:
    check_all(line, [(prev[i], cur[i]) for i in II])
# line 170 uses sum_k y_k = 1; even with it, a_i + 1 - y_i != a_i - y_i
check_all(170, [(c169[i], c170[i]) for i in II], subs={yv[2]: 1 - yv[0] - yv[1]})
check_all(171, [(c170[i], c171[i]) for i in II])

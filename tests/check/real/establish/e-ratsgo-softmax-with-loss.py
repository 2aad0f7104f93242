"""Establish e-ratsgo-softmax-with-loss.md: softmax Jacobian and softmax+CE gradient (K = 3 classes, every index)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check_all, vec, softmax

K = 3
a = vec("a", K)
y = vec("y", K)
p = softmax(a)
S = sum(sp.exp(t) for t in a)
E = [sp.exp(t) for t in a]
II = range(K)
pairs = [(i, j) for i in II for j in II if i != j]

# line 66: dp_i/da_i = d(exp(a_i)/S)/da_i
check_all(66, [(sp.diff(p[i], a[i]), sp.diff(E[i] / S, a[i])) for i in II])
# line 77 (i = j chain)
r1 = [(E[i] * S - E[i] * E[i]) / S**2 for i in II]
r2 = [E[i] * (S - E[i]) / S**2 for i in II]
r3 = [E[i] / S * (S - E[i]) / S for i in II]
r4 = [E[i] / S * (1 - E[i] / S) for i in II]
r5 = [p[i] * (1 - p[i]) for i in II]
check_all(77, [(sp.diff(p[i], a[i]), r1[i]) for i in II])
check_all(77, [(r1[i], r2[i]) for i in II])
check_all(77, [(r2[i], r3[i]) for i in II])
check_all(77, [(r3[i], r4[i]) for i in II])
check_all(77, [(r4[i], r5[i]) for i in II])
# line 89 (i != j chain)
check_all(89, [(sp.diff(p[i], a[j]), (0 - E[i] * E[j]) / S**2) for i, j in pairs])
check_all(89, [((0 - E[i] * E[j]) / S**2, -(E[i] / S) * (E[j] / S)) for i, j in pairs])
check_all(89, [(-(E[i] / S) * (E[j] / S), -p[i] * p[j]) for i, j in pairs])
# line 103
L = -sum(y[j] * sp.log(p[j]) for j in II)
check_all(103, [(sp.diff(L, a[i]), sp.diff(-sum(y[j] * sp.log(p[j]) for j in II), a[i])) for i in II])
check_all(103, [(sp.diff(L, a[i]), -sum(y[j] * sp.diff(sp.log(p[j]), a[i]) for j in II)) for i in II])
R3 = [-sum(y[j] / p[j] * sp.diff(p[j], a[i]) for j in II) for i in II]
check_all(103, [(sp.diff(L, a[i]), R3[i]) for i in II])
# line 116
s1 = [-y[i] / p[i] * p[i] * (1 - p[i]) - sum(y[j] / p[j] * (-p[i] * p[j]) for j in II if j != i) for i in II]
s2 = [-y[i] + y[i] * p[i] + sum(y[j] * p[i] for j in II if j != i) for i in II]
s3 = [-y[i] + sum(y[j] * p[i] for j in II) for i in II]
s4 = [-y[i] + p[i] * sum(y[j] for j in II) for i in II]
s5 = [p[i] - y[i] for i in II]
check_all(116, [(R3[i], s1[i]) for i in II])
check_all(116, [(s1[i], s2[i]) for i in II])
check_all(116, [(s2[i], s3[i]) for i in II])
check_all(116, [(s3[i], s4[i]) for i in II])
# holds-under sum y = 1: substitute y3 = 1 - y1 - y2
check_all(116, [(s4[i], s5[i]) for i in II], subs={y[2]: 1 - y[0] - y[1]})
# without the condition the last step is false
assert not all(__import__("_common").equal(s4[i], s5[i]) for i in II)

"""a-kyuusaku-cross-entropy.md (lines 1-90 of cnn_cookbooks/cross_entropy.md); K = 3 classes.

The prime in (...)' means d/do_i; o = softmax(z) in the second derivation.
"""
import sympy as sp
from _common import vec, softmax, check, check_all, D

K = 3
p, q = vec("p", 4, positive=True), vec("q", 4, positive=True)
Hpq = -sum(a * sp.log(b) for a, b in zip(p, q))           # E_p[-log q], discrete
Hp = -sum(a * sp.log(a) for a in p)
KL = sum(a * sp.log(a / b) for a, b in zip(p, q))
check(12, Hpq, Hp + KL)
check(16, Hpq, -sum(a * sp.log(b) for a, b in zip(p, q)))
y = vec("y", K)
o = vec("o", K, positive=True)
l = -sum(y[i] * sp.log(o[i]) for i in range(K))
check_all(34, [(D(l, o[i]), -y[i] / o[i]) for i in range(K)])
# 64-72: d l / d z_j with o = softmax(z); the first link drops the sum over i of the chain rule
z = vec("z", K)
s = softmax(z)
ls = l.subs(dict(zip(o, s)))
d = lambda i, j: 1 if i == j else 0
rows = []
for i in range(K):
    for j in range(K):
        m1 = (-y[i] / s[i]) * D(s[i], z[j])                  # (dl/do_i)(do_i/dz_j), one term
        m2 = -y[i] / s[i] * (s[j] * (d(i, j) - s[i]))
        m3 = -y[i] * s[j] * d(i, j) / s[i] + y[i] * s[j]
        m4 = y[i] * (s[j] - d(i, j))
        rows += [(D(ls, z[j]), m1), (m1, m2), (m2, m3), (m3, m4)]
check_all(64, rows)
# the later links on their own (not printed as verdicts):
assert all(sp.simplify(a - b) == 0 for k, (a, b) in enumerate(rows) if k % 4 != 0)

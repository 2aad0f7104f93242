"""Establish u-gouherdanish-cross-entropy-properties.md: Lagrangian minimisation of
cross-entropy, its derivatives, and H(p,q) = H(p) + KL(p,q), at k = 3 outcomes."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec

k = 3
p = vec("p", k, positive=True)
q = vec("q", k, positive=True)
lam, phi = sp.symbols("lambda phi", real=True)
log = sp.log

H = lambda a, b: -sum(ai * log(bi) for ai, bi in zip(a, b))
L = -sum(p[i] * log(q[i]) for i in range(k)) + lam * (sum(q) - 1) + phi * (sum(p) - 1)
i = 0  # the index q_i = q_1 (any index is symmetric)
dL = sp.diff(L, q[i])
check(56, dL, sp.diff(-p[i] * log(q[i]), q[i]) + sp.diff(lam * q[i], q[i]))
check(58, dL, -p[i] * (1 / q[i]) + lam * 1)
# stationarity dL/dq_i = 0 (line 62) <=> lambda = p_i / q_i
stat = {lam: p[i] / q[i]}
check(64, -p[i] / q[i] + lam, 0, subs=stat)
check(66, p[i], lam * q[i], subs=stat)
# stationarity for every i: p_i = lam*q_i; with sum p_i = 1 this forces lam = 1/sum q
lam_s = 1 / sum(q)
check(72, sum(lam_s * qi for qi in q), 1)
check(74, lam_s * sum(q), 1)
# with the constraint sum q_i = 1 (line 48)
norm_q = {q[2]: 1 - q[0] - q[1]}
check(76, lam_s * 1, 1, subs=norm_q)
check(78, lam_s, 1, subs=norm_q)
check(80, lam_s * q[i], q[i], subs=norm_q)

Hpq = H(p, q)
dH = sp.diff(Hpq, q[i])
check(112, dH, -p[i] / q[i])
d2H = sp.diff(Hpq, q[i], 2)
check(116, d2H, sp.diff(-p[i] / q[i], q[i]))
check(118, d2H, p[i] / q[i] ** 2)

Hp = H(p, p)
DKL = sum(p[j] * log(p[j] / q[j]) for j in range(k))
r133 = -sum(p[j] * log(p[j] * q[j] / p[j]) for j in range(k))
r135 = -sum(p[j] * log(p[j]) for j in range(k)) - sum(p[j] * log(q[j] / p[j]) for j in range(k))
r137 = -sum(p[j] * log(p[j]) for j in range(k)) + sum(p[j] * log(p[j] / q[j]) for j in range(k))
check(133, Hpq, r133)
check(135, r133, r135)
check(137, r135, r137)
check(139, r137, Hp + DKL)
check(147, DKL, Hpq - Hp)

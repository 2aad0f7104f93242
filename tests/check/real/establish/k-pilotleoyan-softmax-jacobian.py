"""Establish k-pilotleoyan-softmax-jacobian.md (markdown cells of the notebook).
n1 = 3 classes; single sample z (row); batch Z with m = 2 rows; q = 2, r = 1 (1-based) for the r != q case."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax, D

n1, m = 3, 2
z = vec("z", n1, real=True)
s = softmax(z)
S = sum(sp.exp(t) for t in z)
q, r = 1, 0

check(132, D(s[q], z[q]), s[q] * (1 - s[q]))
check(140, D(s[q], z[r]), -s[q] * s[r])
# line 148: [-s_q s_1, ..., s_q(1 - s_j), ..., -s_q s_n] with the middle (q-th) entry written with an undefined j (taken j = 1 != q)
jj = 0
row148 = [-s[q] * s[0], s[q] * (1 - s[jj]), -s[q] * s[2]]
check_all(148, [(D(s[q], z[k]), row148[k]) for k in range(n1)])
row162 = [s[q] * e for e in (-s[0], 1 - s[q], -s[2])]
check_all(162, [(D(s[q], z[k]), row162[k]) for k in range(n1)])
check(221, D(s[q], z[q]), s[q] * (1 - s[q]))
check(223, D(s[q], z[r]), -s[q] * s[r])
Jm = sp.Matrix(n1, n1, lambda a, b: D(s[a], z[b]))
M231 = sp.Matrix(n1, n1, lambda a, b: s[a] * (1 - s[a]) if a == b else -s[a] * s[b])
check_all(231, [(Jm[a, b], M231[a, b]) for a in range(n1) for b in range(n1)])

# batch
Z = sp.Matrix(m, n1, vec("Z", m * n1, real=True))
Sig = sp.Matrix(m, n1, lambda a, b: softmax(list(Z[a, :]))[b])
def case320(p, qq, i, j):
    if p == i and qq == j: return Sig[p, qq] * (1 - Sig[i, j])
    if p == i: return -Sig[p, qq] * Sig[i, j]
    return 0
check_all(320, [(D(Sig[p, qq], Z[i, j]), case320(p, qq, i, j)) for p in range(m) for qq in range(n1) for i in range(m) for j in range(n1)])
check_all(380, [(D(Sig[0, a], Z[1, b]), 0) for a in range(n1) for b in range(n1)])

# a concrete loss L(Sigma) for the chain-rule rows
A = sp.Matrix(m, n1, vec("A", m * n1, real=True))
SS = sp.Matrix(m, n1, vec("SS", m * n1, positive=True))
Lf = lambda M: sum(A[a, b] * M[a, b] ** 2 for a in range(m) for b in range(n1)) + M[0, 0] * M[1, 2] + sp.log(M[1, 1])
L = Lf(Sig)
atS = dict(zip(SS, Sig))
dLdS = sp.Matrix(m, n1, lambda a, b: sp.diff(Lf(SS), SS[a, b]).subs(atS))
p, qq = 1, 2
check(397, D(L, Z[p, qq]), sum(dLdS[i, j] * D(Sig[i, j], Z[p, qq]) for i in range(m) for j in range(n1)))
def case410(i, j, p, qq):
    if i == p and j == qq: return Sig[p, qq] * (1 - Sig[p, qq])
    if i == p: return -Sig[p, qq] * Sig[i, j]
    return 0
check_all(410, [(D(Sig[i, j], Z[p2, q2]), case410(i, j, p2, q2)) for i in range(m) for j in range(n1) for p2 in range(m) for q2 in range(n1)])
r422 = sum(dLdS[p, j] * D(Sig[p, j], Z[p, qq]) for j in range(n1))
check(422, D(L, Z[p, qq]), r422)
r426 = sum(dLdS[p, j] * (Sig[p, qq] * (1 - Sig[p, qq]) if j == qq else -Sig[p, qq] * Sig[p, j]) for j in range(n1))
check(426, r422, r426)        # sigma(z_pq) read as sigma(z_{p,:})_q
r432 = Sig[p, qq] * (dLdS[p, qq] - sum(dLdS[p, j] * Sig[p, j] for j in range(n1)))
check(432, r426, r432)
ones = sp.ones(n1, n1)
M444 = Sig.multiply_elementwise(dLdS - dLdS.multiply_elementwise(Sig) * ones)
check_all(444, [(D(L, Z[a, b]), M444[a, b]) for a in range(m) for b in range(n1)])

mx = sp.Max(*z)
s_shift = softmax([t - mx for t in z])
check_all(465, [(s[k], s_shift[k]) for k in range(n1)])

r475 = (sp.exp(z[q]) * S - sp.exp(z[q]) ** 2) / S ** 2
check(475, D(s[q], z[q]), r475)
r478 = sp.exp(z[q]) * (S - sp.exp(z[q])) / S ** 2
check(478, r475, r478)
r480 = sp.exp(z[q]) / S * ((S - sp.exp(z[q])) / S)
check(480, r478, r480)
r485 = s[q] * (S / S - sp.exp(z[q]) / S)
check(485, r480, r485)
check(489, r485, s[q] * (1 - s[q]))
r497 = -sp.exp(z[q]) * sp.exp(z[r]) / S ** 2
check(497, D(s[q], z[r]), r497)
r500 = -sp.exp(z[q]) / S * (sp.exp(z[r]) / S)
check(500, r497, r500)
check(503, r500, -s[q] * s[r])

"""Establish m-zhouxin-logsumexp-gradient.md: gradient of the max-shifted LogSumExp (n = 3).

z_3 is the (unique) maximum, so near the checked points max(z) = z_3 = z_k.
Non-max case: j = 1; max case: j = k = 3.  Points: z_1 = M - d1, z_2 = M - d2, z_3 = M.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec, D

z = vec("z", 3, real=True)
M = sp.Symbol("M", real=True)
d1, d2 = sp.symbols("d1 d2", positive=True)
pt = {z[0]: M - d1, z[1]: M - d2, z[2]: M}
zk = z[2]                                  # z_k = max z near the points
zh = [t - zk for t in z]                   # zhat = z - max z (line 27)
Sh = sum(sp.exp(t) for t in zh)
f = sp.log(sum(sp.exp(t - zk) for t in z)) + zk          # line 28
check(29, f, sp.log(Sh) + zk, subs=pt)

# non-max case, j = 1
j = 0
df = D(f, z[j])
r40 = D(sp.log(Sh), z[j]) + D(zk, z[j])
check(40, df, r40, subs=pt)
r43 = 1 / Sh * (sum(D(sp.exp(zh[i]), z[j]) for i in range(3) if i != j) + D(sp.exp(zh[j]), z[j]))
check(43, df, r43, subs=pt)                # the '+0' for dz_k/dz_j is dropped: needs j != k
r44 = 1 / Sh * (0 + sp.exp(zh[j]))
check(44, r43, r44, subs=pt)
r45 = sp.exp(zh[j]) / Sh
check(45, r44, r45, subs=pt)

# max case, j = k = 3
j = 2
df = D(f, z[j])
r55 = D(sp.log(Sh), z[j]) + D(zk, z[j])
check(55, df, r55, subs=pt)
others = [i for i in range(3) if i != 2]   # z_i != z_k
r58 = 1 / Sh * (sum(D(sp.exp(z[i] - zk), z[j]) for i in others) + D(sp.exp(z[2] - zk), z[j])) + 1
check(58, df, r58, subs=pt)
r60 = 1 / Sh * (sum(-sp.exp(z[i] - zk) for i in others) + 0) + 1
check(60, r58, r60, subs=pt)
r61 = 1 - sum(sp.exp(z[i] - zk) for i in others) / Sh
check(61, r60, r61, subs=pt)
r62 = sp.exp(zh[j]) / Sh
check(62, r61, r62, subs=pt)

# lines 82-85, general j (j = 1 here)
j = 0
r82 = sp.exp(zh[j]) / Sh
check(82, D(f, z[j]), r82, subs=pt)
r84 = sp.exp(z[j] - sp.log(Sh))
check(84, r82, r84, subs=pt)               # z_j written where zhat_j belongs
r85 = sp.exp(z[j] - f)
check(85, r84, r85, subs=pt)               # link from line 84 fails (the row itself is the right gradient)
assert sp.simplify((r82 - r85).subs(pt)) == 0

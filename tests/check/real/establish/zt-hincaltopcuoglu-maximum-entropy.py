"""Establish zt-hincaltopcuoglu-maximum-entropy.md: max-entropy distribution with
normalization and moment constraints (n = 3 outcomes)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec

n = 3
p = vec("p", n, positive=True)
x = vec("x", n, real=True)
lam, th, M = sp.symbols("lambda theta M", real=True)
H = -sum(pi * sp.log(pi) for pi in p)
Lag = H - lam * (sum(p) - 1) - th * (sum(pi * xi for pi, xi in zip(p, x)) - M)

i = 0  # component p_1
# line 50: dL/dp_i = -log p_i - 1 - lambda - theta x_i
r50 = -sp.log(p[i]) - 1 - lam - th * x[i]
check(50, sp.diff(Lag, p[i]), r50)

# line 56: the stationary point p_i = exp(-1 - lambda - theta x_i) makes line 50 vanish
pstar = [sp.exp(-1 - lam - th * xi) for xi in x]
check(56, r50.subs(p[i], pstar[i]), 0)

# lines 62 / 72 / 152: with sum p_i = 1 imposed, exp(-1-lambda) = 1/Z, so p_i = exp(-theta x_i)/Z
Z = sum(sp.exp(-th * xj) for xj in x)
lam_norm = sp.solve(sp.Eq(sum(pstar), 1), lam)[0]
target = sp.exp(-th * x[i]) / Z
for line in (62, 72, 152):
    check(line, pstar[i].subs(lam, lam_norm), target)

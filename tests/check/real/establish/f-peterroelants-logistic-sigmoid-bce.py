"""Establish f-peterroelants-logistic-sigmoid-bce.md: logistic function, log-odds, its derivative,
the Bernoulli likelihood / cross-entropy and its derivatives (n = 3 samples)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

z = sp.Symbol("z", real=True)
sig = 1 / (1 + sp.exp(-z))
P1, P0 = sig, 1 - sig
check(12, P0, sp.exp(-z) / (1 + sp.exp(-z)))
r18a = sp.log((1 / (1 + sp.exp(-z))) / (sp.exp(-z) / (1 + sp.exp(-z))))
r18b = sp.log(1 / sp.exp(-z))
check_all(18, [(sp.log(P1 / P0), r18a), (r18a, r18b)])
check_all(19, [(r18b, sp.log(1) - sp.log(sp.exp(-z))), (sp.log(1) - sp.log(sp.exp(-z)), z)])
y = sig
r29 = sp.diff(sig, z)
r30 = sp.diff(1 / (1 + sp.exp(-z)), z)
r31 = -1 / (1 + sp.exp(-z))**2 * sp.exp(-z) * -1
r32 = 1 / (1 + sp.exp(-z)) * sp.exp(-z) / (1 + sp.exp(-z))
check(29, sp.diff(y, z), r29)
check(30, r29, r30); check(31, r30, r31); check(32, r31, r32)
check(39, sp.diff(y, z), r32)
check_all(40, [(r32, sig * (1 - sig)), (sig * (1 - sig), y * (1 - y))])

n = 3
zs = vec("z", n, real=True)
ts = vec("t", n, real=True)
ys = [1 / (1 + sp.exp(-v)) for v in zs]
lik = sp.Mul(*[ys[i]**ts[i] * (1 - ys[i])**(1 - ts[i]) for i in range(n)])
check(67, sp.Mul(*[(1 / (1 + sp.exp(-zs[i])))**ts[i] * (1 - 1 / (1 + sp.exp(-zs[i])))**(1 - ts[i]) for i in range(n)]), lik)
ll = sum(ts[i] * sp.log(ys[i]) + (1 - ts[i]) * sp.log(1 - ys[i]) for i in range(n))
check(73, sp.log(lik), sp.log(lik))
check(74, sp.log(lik), ll)
xi83 = -sum(ts[i] * sp.log(ys[i]) + (1 - ts[i]) * sp.log(1 - ys[i]) for i in range(n))
check(83, -ll, xi83)
# line 84: sigma(z) without the sample index i (z a single input, the same in every term)
zz = sp.Symbol("zz", real=True)
xi84 = -sum(ts[i] * sp.log(1 / (1 + sp.exp(-zz))) + (1 - ts[i]) * sp.log(1 - 1 / (1 + sp.exp(-zz))) for i in range(n))
check(84, xi83, xi84)
yy, t = sp.symbols("y t", positive=True)
xi = -t * sp.log(yy) - (1 - t) * sp.log(1 - yy)
cases = {1: -sp.log(yy), 0: -sp.log(1 - yy)}
check_all(91, [(xi.subs(t, tv), cases[tv]) for tv in (0, 1)])
check(104, -sp.log(P1), -sp.log(y))
check(105, -sp.log(P0), -sp.log(1 - y))
check_all(112, [(cases[tv], xi.subs(t, tv)) for tv in (0, 1)])
r126 = [sp.diff(xi, yy), sp.diff(-t * sp.log(yy), yy) + sp.diff(-(1 - t) * sp.log(1 - yy), yy)]
check_all(126, [(sp.diff(xi, yy), r126[0]), (r126[0], r126[1])])
check_all(129, [(r126[1], -t / yy + (1 - t) / (1 - yy)), (-t / yy + (1 - t) / (1 - yy), (yy - t) / (yy * (1 - yy)))])
xz = -t * sp.log(sig) - (1 - t) * sp.log(1 - sig)
chain = sp.diff(sig, z) * ((yy - t) / (yy * (1 - yy))).subs(yy, sig)
check_all(136, [(sp.diff(xz, z), chain), (chain, (sig * (1 - sig) * (sig - t) / (sig * (1 - sig)))), (chain, sig - t)])

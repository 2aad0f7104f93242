"""Establish o-jmaczan-softmax-derivative.md: softmax Jacobian via the quotient rule (K = 3, i = 1st, k = 2nd)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, D

z = vec("z", 3, real=True)
S = sum(sp.exp(t) for t in z)
Si = sp.exp(z[0]) / S
Sk = sp.exp(z[1]) / S
dii = D(Si, z[0])
check(40, dii, D(sp.exp(z[0]) / S, z[0]))
x = sp.Symbol("x", real=True)
f, g = sp.Function("f")(x), sp.Function("g")(x)
check(46, sp.diff(f / g, x), (sp.diff(f, x) * g - f * sp.diff(g, x)) / g**2)
check(52, dii, (sp.exp(z[0]) * S - sp.exp(z[0]) * D(S, z[0])) / S**2)
r58 = [(sp.exp(z[0]) * S - sp.exp(z[0]) * sp.exp(z[0])) / S**2,
       sp.exp(z[0]) * (S - sp.exp(z[0])) / S**2,
       sp.exp(z[0]) / S * (S - sp.exp(z[0])) / S,
       Si * (1 - Si)]
check_all(58, [(dii, r) for r in r58])
dik = D(Si, z[1])
check(64, dik, D(sp.exp(z[0]) / S, z[1]))
check(70, dik, (D(sp.exp(z[0]), z[1]) * S - sp.exp(z[0]) * D(S, z[1])) / S**2)
check_all(78, [(dik, -sp.exp(z[0]) * sp.exp(z[1]) / S**2), (dik, Si * (-sp.exp(z[1]) / S))])
check(84, dik, -Si * Sk)

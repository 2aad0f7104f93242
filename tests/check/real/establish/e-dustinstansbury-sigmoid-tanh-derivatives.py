"""Establish e-dustinstansbury-sigmoid-tanh-derivatives.md: derivatives of the logistic sigmoid and tanh."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check

z = sp.Symbol("z", real=True)
g = 1 / (1 + sp.exp(-z))
E = sp.exp(-z)
r = [sp.diff(1 / (1 + E), z),
     E / (1 + E) ** 2,
     (1 + E - 1) / (1 + E) ** 2,
     (1 + E) / (1 + E) ** 2 - (1 / (1 + E)) ** 2,
     1 / (1 + E) - (1 / (1 + E)) ** 2,
     g - g**2,
     g * (1 - g)]
check(45, sp.diff(g, z), r[0])
for k in range(1, 7):
    check(45, r[k - 1], r[k])
check(56, sp.sinh(z) / sp.cosh(z), (sp.exp(z) - sp.exp(-z)) / (sp.exp(z) + sp.exp(-z)))
t = [sp.diff(sp.sinh(z) / sp.cosh(z), z),
     (sp.diff(sp.sinh(z), z) * sp.cosh(z) - sp.diff(sp.cosh(z), z) * sp.sinh(z)) / sp.cosh(z) ** 2,
     (sp.cosh(z) ** 2 - sp.sinh(z) ** 2) / sp.cosh(z) ** 2,
     1 - sp.sinh(z) ** 2 / sp.cosh(z) ** 2,
     1 - sp.tanh(z) ** 2]
check(62, sp.diff(sp.tanh(z), z), t[0])
for k in range(1, 5):
    check(62, t[k - 1], t[k])

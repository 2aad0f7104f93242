"""Establish q-kyatham-backprop.md: tiny ReLU->sigmoid network, BCE loss, x=1, w1=w2=0.5, y=0.
Numeric claims written with '≈' are compared after rounding the true value to the author's 3 decimals."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check

R = sp.Rational
def r3(v):  # round a true value to 3 decimals, as the author reports
    return R(round(float(sp.N(v, 30)), 3)).limit_denominator(1000)

x, w1, w2, y = R(1), R(1, 2), R(1, 2), R(0)
z1 = x * w1
a1 = sp.Max(0, z1)
z2 = a1 * w2
a2 = 1 / (1 + sp.exp(-z2))
check(27, z1, R(1, 2))
check(28, a1, R(1, 2))
check(34, z2, R(1, 4))
check(35, r3(a2), R("0.562"))

# symbolic loss in a2 (a), and in the weights
a = sp.Symbol("a", positive=True)
L_a = -(y * sp.log(a) + (1 - y) * sp.log(1 - a))
check(55, L_a, -sp.log(1 - a))                      # holds under y = 0 (stated)
dL_da2 = sp.diff(L_a, a).subs(a, a2)
check(61, r3(dL_da2), R("0.562"))                   # author: dL/da2 = a2 - y = 0.562

da2_dz2 = a2 * (1 - a2)
check(69, r3(da2_dz2), R("0.246"))

W1, W2 = sp.symbols("W1 W2", positive=True)
Lw = -sp.log(1 - 1 / (1 + sp.exp(-(W1 * x) * W2)))   # ReLU is identity here since W1*x > 0
pt = {W1: w1, W2: w2}
dL_dz2 = dL_da2 * da2_dz2
check(77, r3(dL_dz2), R("0.138"))
dL_dw2 = sp.diff(Lw, W2).subs(pt)
check(87, r3(dL_dw2), R("0.069"))
dL_da1 = dL_dz2 * w2
check(101, r3(dL_da1), R("0.069"))
dL_dz1 = dL_da1 * 1
check(109, r3(dL_dz1), R("0.069"))
dL_dw1 = sp.diff(Lw, W1).subs(pt)
check(116, r3(dL_dw1), R("0.069"))

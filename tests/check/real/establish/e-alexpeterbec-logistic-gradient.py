"""Establish e-alexpeterbec-logistic-gradient.md: logistic-regression derivatives for one example and the cost gradient (m = 2)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec

R = sp.Rational
check(89, R(3, 1000) / R(1, 1000), 3)
check(93, (R(3, 1000) / R(1, 1000)) * (R(3, 1000) / R(1, 1000)), 3 * 1)
a, y, z = sp.symbols("a y z", real=True)
Lf = lambda aa, yy: -(yy * sp.log(aa) + (1 - yy) * sp.log(1 - aa))
check(124, sp.diff(Lf(a, y), a), -y / a + (1 - y) / (1 - a))
sig = 1 / (1 + sp.exp(-z))
check(129, sp.diff(Lf(sig, y), z), sp.diff(Lf(a, y), a).subs(a, sig) * sp.diff(sig, z))
check(133, sp.diff(Lf(sig, y), z), sig - y)
w1, w2, b, x1, x2 = sp.symbols("w1 w2 b x1 x2", real=True)
zz = w1 * x1 + w2 * x2 + b
check(138, sp.diff(Lf(1 / (1 + sp.exp(-zz)), y), w1), x1 * (1 / (1 + sp.exp(-zz)) - y))
m = 2
X = sp.Matrix(m, 2, lambda i, j: sp.Symbol(f"X{i+1}{j+1}", real=True))
Y = vec("Y", m, real=True)
W = [w1, w2]
Li = [Lf(1 / (1 + sp.exp(-(w1 * X[i, 0] + w2 * X[i, 1] + b))), Y[i]) for i in range(m)]
J = sp.Rational(1, m) * sum(Li)
check(160, sp.diff(J, w1), sp.Rational(1, m) * sum(sp.diff(Li[i], W[i]) for i in range(m)))

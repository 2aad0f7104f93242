"""Establish n-chryoung-bce-sigmoid-backprop.md: BCE partials (y_hat = wx + b), dL/dz with a = sigmoid(z), sigmoid derivative via f = 1/sigma."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all

y, w, b, x, z, X = sp.symbols("y w b x z X", real=True)
yh = sp.Symbol("yh", positive=True)
L = lambda t: -y * sp.log(t) - (1 - y) * sp.log(1 - t)
dLdyh = -y / yh + (1 - y) / (1 - yh)
check(22, sp.diff(L(yh), yh), dLdyh)
lin = w * x + b
check(23, sp.diff(lin, w), x)
check(24, sp.diff(lin, b), 1)
sub = {yh: lin}
r32 = (dLdyh * sp.diff(lin, w)).subs(sub)
check(32, sp.diff(L(lin), w), r32)
r33 = ((-y / yh + (1 - y) / (1 - yh)) * x).subs(sub)
check(33, r32, r33)
check(34, r33, (-x * y / yh + x * (1 - y) / (1 - yh)).subs(sub))
r42 = (dLdyh * sp.diff(lin, b)).subs(sub)
check(42, sp.diff(L(lin), b), r42)
r43 = -y / yh + (1 - y) / (1 - yh)
check(43, r42, r43.subs(sub))
r44 = (yh - y * yh - y + y * yh) / ((1 - yh) * yh)
check(44, r43, r44)
r45 = (yh - y) / (yh - yh**2)
check(45, r44, r45)
check(46, r45, 1 / (1 - yh) - y / (yh * (1 - yh)))

sig = lambda t: 1 / (1 + sp.exp(-t))
a = sig(z)
dLdz = sp.diff(L(a), z)
A = sp.Symbol("A", positive=True)
r54 = (sp.diff(L(A), A)).subs(A, a) * sp.diff(a, z)
check(54, dLdz, r54)
r55 = (-y / a + (1 - y) / (1 - a)) * sp.diff(1 / (1 + sp.exp(-z)), z)
check(55, r54, r55)
r56 = (-y / a + (1 - y) / (1 - a)) * (a * (1 - a))
check(56, r55, r56)
r57 = -y * (1 - a) + a * (1 - y)
check(57, r56, r57)
r58 = -y + a * y + a - a * y
check(58, r57, r58)
check(59, r58, a - y)

s = sig(X)
sp_ = sp.diff(s, X)
f = 1 / s
check(74, 1 / s, 1 + sp.exp(-X))
check_all(81, [(sp.diff(f, X), -sp.exp(-X)), (-sp.exp(-X), sp.diff(1 / s, X))])
check(82, sp.diff(1 / s, X), sp.diff(s**-1, X))
r83 = -s**-2 * sp_
check(83, sp.diff(s**-1, X), r83)
check(84, r83, -sp_ / s**2)
check_all(91, [(-sp.exp(-X), sp.diff(f, X)), (sp.diff(f, X), 1 - f), (1 - f, 1 - 1 / s), (1 - 1 / s, (s - 1) / s)])
check(98, -sp_ / s**2, (s - 1) / s)
r99 = (1 - s) / s * s**2
check(99, sp_, r99)
check(100, r99, s * (1 - s))

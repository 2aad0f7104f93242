"""Establish zw-adilce009-backprop-toy.md: toy 1-layer and 2-layer backprop (squared loss, sigmoid / ReLU)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, D

R = sp.Rational
# line 29: chain rule dz/dx = dz/dy * dy/dx, with z = f(y), y = g(x) (concrete f, g)
t = sp.Symbol("t", real=True)
g = sp.sin(t) + t**2          # y = g(x)
f = lambda u: sp.exp(u) * u   # z = f(y)
yy = sp.Symbol("yy", real=True)
check(29, D(f(g), t), D(f(yy), yy).subs(yy, g) * D(g, t))

# 1-layer: yhat = w x, L = (y - yhat)^2
w, x, y = sp.symbols("w x y", real=True)
yhat = w * x
L = (y - yhat) ** 2
vals = {x: 2, w: 3, y: 10}
check(55, yhat.subs(vals), 6)                        # yhat = 3*2 = 6
check(58, L.subs(vals), 16)                          # L = (10-6)^2 = 16
Y = sp.Symbol("Y", real=True)                        # yhat as an independent variable
dL_dyhat = D((y - Y) ** 2, Y).subs(Y, yhat)
check(66, D(L, w), dL_dyhat * D(yhat, w))            # chain rule for this model
check(75, D(L, w).subs(vals), -16)                   # dL/dw at x=2, w=3, y=10
# line 89: new forward pass with w = 4.6
v2 = {x: 2, w: R(46, 10), y: 10}
check_all(89, [(yhat.subs(v2), R(92, 10)), (L.subs(v2), R(64, 100))])

# 2-layer with sigmoid: h = sigma(w1 x), yhat = w2 h, L = (y - yhat)^2
w1, w2 = sp.symbols("w1 w2", real=True)
sig = lambda z: 1 / (1 + sp.exp(-z))
z1 = w1 * x
h = sig(z1)
yh2 = w2 * h
L2 = (y - yh2) ** 2
zz = sp.Symbol("zz", real=True)
sigp = D(sig(zz), zz).subs(zz, z1)
check(129, D(L2, w1), D((y - Y) ** 2, Y).subs(Y, yh2) * w2 * sigp * x)

# ReLU derivative (line 156) and ReLU gradient (line 167)
zp = sp.Symbol("zp", positive=True)
zn = sp.Symbol("zn", negative=True)
check_all(156, [(D(sp.Max(0, zp), zp), 1), (D(sp.Max(0, zn), zn), 0)])
# active branch (w1 x > 0) and inactive branch (w1 x < 0)
xp, w1p = sp.symbols("xp w1p", positive=True)
hr = sp.Max(0, w1p * xp)
Lr = (y - w2 * hr) ** 2
xn = sp.Symbol("xn", negative=True)
hr_n = sp.Max(0, w1p * xn)
Lr_n = (y - w2 * hr_n) ** 2
check_all(167, [
    (D(Lr, w1p), D((y - Y) ** 2, Y).subs(Y, w2 * hr) * w2 * 1 * xp),
    (D(Lr_n, w1p), D((y - Y) ** 2, Y).subs(Y, w2 * hr_n) * w2 * 0 * xn),
])

"""Establish l-matheusfacure-mse-gradient-descent.md: squared-error cost of simple linear regression and its gradient (n = 3 points)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

n = 3
b, w = sp.symbols("b w", real=True)          # \hat b, \hat w
xs = vec("x", n, real=True)
ys = vec("y", n, real=True)
yhat = [b + xi * w for xi in xs]
eps = [ys[i] - yhat[i] for i in range(n)]   # residuals of y = b + x w + eps
L = sum(e ** 2 for e in eps)

E = sp.Matrix(eps)
r41a = (E.T * E)[0]                         # ||eps||^2
r41b = sum(e ** 2 for e in eps)             # sum eps^2
r42 = sum((yhat[i] - ys[i]) ** 2 for i in range(n))
r43 = sum((b + xs[i] * w - ys[i]) ** 2 for i in range(n))
X = sp.Matrix([[1, xi] for xi in xs])
W = sp.Matrix([b, w])
Yv = sp.Matrix(ys)
r44 = ((X * W - Yv).T * (X * W - Yv))[0]
check_all(41, [(L, r41a), (r41a, r41b)])
check(42, r41b, r42)
check(43, r42, r43)
check(44, r43, r44)

grad = lambda expr: sp.Matrix([sp.diff(expr, v) for v in (b, w)])
g69 = grad(r44)
g70 = grad(((W.T * X.T * X * W) - 2 * (W.T * X.T * Yv) + Yv.T * Yv)[0])
g71 = 2 * X.T * X * W - 2 * X.T * Yv
check_all(69, [(grad(L)[k], g69[k]) for k in range(2)])
check_all(70, [(g69[k], g70[k]) for k in range(2)])
check_all(71, [(g70[k], g71[k]) for k in range(2)])

"""Establish q-kiotto-mse-gradient.md: MSE gradient for y = wX + b (n = 3 samples)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec

w, b = sp.symbols("w b", real=True)
X = vec("X", 3, real=True); Y = vec("y", 3, real=True); n = 3
yh = [w * X[i] + b for i in range(n)]
e = [yh[i] - Y[i] for i in range(n)]
Loss = sp.Rational(1, n) * sum((yh[i] - Y[i]) ** 2 for i in range(n))   # line 39
check(45, Loss, sp.Rational(1, n) * sum((w * X[i] + b - Y[i]) ** 2 for i in range(n)))
check(67, Loss, sp.Rational(1, n) * sum(e[i] ** 2 for i in range(n)))
dL = sp.diff(Loss, w)
r73 = sp.Rational(1, n) * sum(sp.diff(e[i] ** 2, w) for i in range(n))
check(73, dL, r73)
r77 = sp.Rational(1, n) * sum(2 * e[i] * sp.diff(e[i], w) for i in range(n))
check(77, dL, r77)
check(83, sp.diff(w * X[0] + b - Y[0], w), X[0])
r91 = sp.Rational(1, n) * sum(2 * (w * X[i] + b - Y[i]) * X[i] for i in range(n))
check(91, dL, r91)
r97 = sp.Rational(2, n) * sum(X[i] * (w * X[i] + b - Y[i]) for i in range(n))
check(97, dL, r97)
dw103 = sp.Rational(1, n) * sum(X[i] * (yh[i] - Y[i]) for i in range(n))   # author's dw (2 dropped)
check(112, dw103, sp.Rational(1, n) * sum(X[i] * (w * X[i] + b - Y[i]) for i in range(n)))

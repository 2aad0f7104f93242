"""Establish zz-jwang1122-mse-gradient.md: MSE gradients for linear regression (n = 2 samples, 2 features)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

n = 2
y = vec("y", n, real=True)
yh = vec("yh", n, real=True)
# line 49: derivative of MSE w.r.t. a prediction yhat_i (predictions as free variables)
mse_free = sp.Rational(1, n) * sum((y[i] - yh[i]) ** 2 for i in range(n))
check(49, sp.diff(mse_free, yh[0]), sp.Rational(2, n) * (yh[0] - y[0]))

# line 56: chain rule, concrete f(u) = u*sin(u), g(x) = x**3 + 2x
x = sp.Symbol("x", real=True)
u = sp.Symbol("u", real=True)
f = u * sp.sin(u)
g = x ** 3 + 2 * x
check(56, sp.diff(f.subs(u, g), x), sp.diff(f, u).subs(u, g) * sp.diff(g, x))

# matrix form: X (n x 2), w (2), scalar b broadcast
X = sp.Matrix(2, 2, lambda i, j: sp.Symbol(f"x{i+1}{j+1}", real=True))
w = sp.Matrix(vec("w", 2, real=True))
b = sp.Symbol("b", real=True)
Y = sp.Matrix(y)
one = sp.ones(n, 1)
pred = X * w + b * one
mse = sp.Rational(1, n) * sum((Y[i] - pred[i]) ** 2 for i in range(n))   # line 5 with line 67
r = Y - X * w - b * one
quad = (r.T * r)[0, 0]
check(77, mse, sp.Rational(1, n) * quad)
grad_w = [sp.diff(mse, wk) for wk in w]
r80 = [sp.Rational(1, n) * sp.diff(quad, wk) for wk in w]
check_all(80, list(zip(grad_w, r80)))
g83 = sp.Rational(2, n) * X.T * (X * w + b * one - Y)
check_all(83, list(zip(grad_w, list(g83))))
grad_b = sp.diff(mse, b)
check(89, grad_b, sp.Rational(1, n) * sp.diff(quad, b))
g92 = (sp.Rational(2, n) * (X * w + b * one - Y).T * one)[0, 0]
check(92, grad_b, g92)
check_all(99, list(zip(grad_w, list(g83))))
check(101, grad_b, g92)

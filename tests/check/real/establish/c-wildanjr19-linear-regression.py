"""Establish c-wildanjr19-linear-regression.md: gradients of MSE = (1/n) sum (y - yhat)^2, yhat = Xw + b.
n = 3 samples, 2 features."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import equal, vec

n = 3
X = sp.Matrix(n, 2, lambda i, j: sp.Symbol(f"x{i}{j}", real=True))
w = sp.Matrix(vec("w", 2)); b = sp.Symbol("b", real=True); y = sp.Matrix(vec("y", n))
yh = X * w + b * sp.ones(n, 1)
MSE = sp.Rational(1, n) * sum((y[i] - yh[i]) ** 2 for i in range(n))
grad = sp.Matrix([sp.diff(MSE, wj) for wj in w])
ok6 = all(equal(a, c) for a, c in zip(grad, sp.Rational(1, n) * X.T * (yh - y)))
print(f"line 6: {'holds' if ok6 else 'fails'}")
ok8 = equal(sp.diff(MSE, b), sp.Rational(1, n) * sum(yh[i] - y[i] for i in range(n)))
print(f"line 8: {'holds' if ok8 else 'fails'}")

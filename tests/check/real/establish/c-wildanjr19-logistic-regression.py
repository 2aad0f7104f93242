"""Establish c-wildanjr19-logistic-regression.md: gradients of the mean cross-entropy,
yhat = sigmoid(Xw + b); n = 3 samples, 2 features."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import equal, vec

n = 3
X = sp.Matrix(n, 2, lambda i, j: sp.Symbol(f"x{i}{j}", real=True))
w = sp.Matrix(vec("w", 2)); b = sp.Symbol("b", real=True); y = sp.Matrix(vec("y", n))
sig = lambda t: 1 / (1 + sp.exp(-t))
yh = (X * w + b * sp.ones(n, 1)).applyfunc(sig)
J = -sp.Rational(1, n) * sum(y[i] * sp.log(yh[i]) + (1 - y[i]) * sp.log(1 - yh[i]) for i in range(n))
grad = sp.Matrix([sp.diff(J, wj) for wj in w])
ok9 = all(equal(a, c) for a, c in zip(grad, sp.Rational(1, n) * X.T * (yh - y)))
print(f"line 9: {'holds' if ok9 else 'fails'}")
ok11 = equal(sp.diff(J, b), sp.Rational(1, n) * sum(yh[i] - y[i] for i in range(n)))
print(f"line 11: {'holds' if ok11 else 'fails'}")

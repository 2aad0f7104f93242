"""Establish j-pooyavahidi-linear-regression-mse.md: MSE gradient for linear regression (m=3 samples; 2 features)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

m = 3
w, b = sp.symbols("w b", real=True)
x = vec("x", m, real=True)
y = vec("y", m, real=True)
f = lambda xi: w * xi + b
J = sp.Rational(1, 2 * m) * sum((f(x[i]) - y[i]) ** 2 for i in range(m))
r100 = sp.diff(sp.Rational(1, 2 * m) * sum((f(x[i]) - y[i]) ** 2 for i in range(m)), w)
r104 = sp.diff(sp.Rational(1, 2 * m) * sum((w * x[i] + b - y[i]) ** 2 for i in range(m)), w)
r108 = sp.Rational(1, m) * sum((w * x[i] + b - y[i]) * x[i] for i in range(m))
check(100, sp.diff(J, w), r100)
check(104, sp.diff(J, w), r104)
check(108, sp.diff(J, w), r108)
check(113, sp.diff(J, b), sp.Rational(1, m) * sum(w * x[i] + b - y[i] for i in range(m)))

# multiple features (n = 2)
n = 2
W = vec("W", n, real=True)
X = [vec(f"X{i}_", n, real=True) for i in range(m)]
fv = lambda xi: sum(W[k] * xi[k] for k in range(n)) + b
Jv = sp.Rational(1, 2 * m) * sum((fv(X[i]) - y[i]) ** 2 for i in range(m))
check_all(160, [(sp.diff(Jv, W[j]), sp.Rational(1, m) * sum((fv(X[i]) - y[i]) * X[i][j] for i in range(m))) for j in range(n)])

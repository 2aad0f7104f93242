"""Establish i-wyq136-logistic-regression.md: sigmoid derivative and logistic-regression gradient."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec

z = sp.Symbol("z", real=True)
g = lambda t: 1 / (1 + sp.exp(-t))
gp = sp.diff(g(z), z)
check(61, gp, sp.diff(1 / (1 + sp.exp(-z)), z))
check(62, gp, 1 / (1 + sp.exp(-z)) ** 2 * sp.exp(-z))
check(63, gp, 1 / (1 + sp.exp(-z)) * (1 - 1 / (1 + sp.exp(-z))))
check(64, gp, g(z) * (1 - g(z)))

# m = 2 samples, 2 features; differentiate w.r.t. theta_1 (j = 1)
th = vec("t", 2, real=True)
X = [vec("xa", 2, real=True), vec("xb", 2, real=True)]
Y = vec("y", 2, positive=True)
m = 2
dot = lambda x: sum(a * b for a, b in zip(th, x))
h = lambda x: g(dot(x))
J = -sp.Rational(1, m) * sum(Y[i] * sp.log(h(X[i])) + (1 - Y[i]) * sp.log(1 - h(X[i])) for i in range(m))
j = 0
dJ = sp.diff(J, th[j])
r71 = -sp.Rational(1, m) * sum(sp.diff(Y[i] * sp.log(h(X[i])) + (1 - Y[i]) * sp.log(1 - h(X[i])), th[j]) for i in range(m))
r72 = -sp.Rational(1, m) * sum((Y[i] / h(X[i]) - (1 - Y[i]) / (1 - h(X[i]))) * sp.diff(g(dot(X[i])), th[j]) for i in range(m))
r73 = -sp.Rational(1, m) * sum((Y[i] / g(dot(X[i])) - (1 - Y[i]) / (1 - g(dot(X[i])))) * g(dot(X[i])) * (1 - g(dot(X[i]))) * sp.diff(dot(X[i]), th[j]) for i in range(m))
r74 = -sp.Rational(1, m) * sum((Y[i] * (1 - g(dot(X[i]))) - (1 - Y[i]) * g(dot(X[i]))) * X[i][j] for i in range(m))
r75 = sp.Rational(1, m) * sum((h(X[i]) - Y[i]) * X[i][j] for i in range(m))
check(71, dJ, r71)
check(72, r71, r72)
check(73, r72, r73)
check(74, r73, r74)
check(75, r74, r75)

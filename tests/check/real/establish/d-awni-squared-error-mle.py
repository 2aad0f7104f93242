"""Establish d-awni-squared-error-mle.md: Gaussian negative log-likelihood of linear regression (n = 2
examples, 2 features; x_i the columns of X)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, equal

n = 2
X = sp.Matrix(2, n, lambda r, c: sp.Symbol(f"x{r}{c}", real=True))   # columns are the examples
th = sp.Matrix(sp.symbols("theta1:3", real=True)); y = sp.Matrix(sp.symbols("y1:3", real=True))
s = sp.Symbol("sigma", positive=True)
xi = lambda i: X[:, i]
pred = lambda i: (th.T * xi(i))[0]
r = X.T * th - y
check(16, sp.Rational(1, 2) * (r.T * r)[0], sp.Rational(1, 2) * sum((pred(i) - y[i]) ** 2 for i in range(n)))
N = lambda v, m: sp.exp(-(v - m) ** 2 / (2 * s ** 2)) / sp.sqrt(2 * sp.pi * s ** 2)   # normal density N(v; m, s^2)
P = sp.Mul(*[N(y[i], pred(i)) for i in range(n)])
r43 = sp.Mul(*[1 / (sp.sqrt(2 * sp.pi) * s) * sp.exp(-(y[i] - pred(i)) ** 2 / (2 * s ** 2)) for i in range(n)])
check(43, P, r43, positive=(s,))
c = 1 / (sp.sqrt(2 * sp.pi) * s)
r51 = -sum(sp.log(c * sp.exp(-(y[i] - pred(i)) ** 2 / (2 * s ** 2))) for i in range(n))
r52 = -n * sp.log(c) - sum(-(y[i] - pred(i)) ** 2 / (2 * s ** 2) for i in range(n))
r53 = -n * sp.log(c) + 1 / (2 * s ** 2) * sum((y[i] - pred(i)) ** 2 for i in range(n))
a, b = -n * sp.log(c), 1 / s ** 2
r54 = a + b / 2 * sum((y[i] - pred(i)) ** 2 for i in range(n))
check(51, -sp.log(r43), r51, positive=(s,))
check(52, r51, r52, positive=(s,))
check(53, r52, r53, positive=(s,))
check(54, r53, r54, positive=(s,))

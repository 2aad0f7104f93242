"""Establish e-soulmachine-linear-regression-ols.tex: Gaussian log-likelihood, NLL and OLS gradient (N = 3 examples, D = 2 features)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, equal

N, D = 3, 2
X = sp.Matrix(N, D, lambda i, j: sp.Symbol(f"x{i+1}{j+1}", real=True))
y = sp.Matrix(N, 1, lambda i, j: sp.Symbol(f"y{i+1}", real=True))
w = sp.Matrix(D, 1, lambda i, j: sp.Symbol(f"w{i+1}", real=True))
s = sp.Symbol("sigma", positive=True)
xi = [X.row(i).T for i in range(N)]
RSS = sum((y[i] - (w.T * xi[i])[0]) ** 2 for i in range(N))
ell = sum(sp.log(1 / (sp.sqrt(2 * sp.pi) * s) * sp.exp(-(y[i] - (w.T * xi[i])[0]) ** 2 / (2 * s**2))) for i in range(N))
check(12, ell, -RSS / (2 * s**2) - sp.Rational(N, 2) * sp.log(2 * sp.pi * s**2))
NLL = sp.Rational(1, 2) * sum((y[i] - (w.T * xi[i])[0]) ** 2 for i in range(N))   # line 24
r33 = (sp.Rational(1, 2) * (y - X * w).T * (y - X * w))[0]
check(33, NLL, r33)
grad = lambda f: sp.Matrix([sp.diff(f, t) for t in w])
G = grad(NLL)
wols = (X.T * X).inv() * X.T * y
print(f"line 38: {'holds' if all(equal(g, 0) for g in G.subs(dict(zip(w, wols)))) else 'fails'}")
check(55, NLL, (sp.Rational(1, 2 * N) * (X * w - y).T * (X * w - y))[0])
e56 = sp.Rational(1, 2) * ((w.T * X.T * X * w)[0] - (w.T * X.T * y)[0] - (y.T * X * w)[0] + (y.T * y)[0])
e57 = sp.Rational(1, 2) * ((w.T * X.T * X * w)[0] - (w.T * X.T * y)[0] - (y.T * X * w)[0])
e59 = sp.Rational(1, 2) * ((w.T * X.T * X * w)[0] - 2 * (y.T * X * w)[0])
check_all(56, list(zip(G, grad(e56))))
check_all(57, list(zip(grad(e56), grad(e57))))
check_all(58, list(zip(grad(e57), grad(e57))))          # tr of a 1x1 matrix is its entry
check_all(59, list(zip(grad(e57), grad(e59))))
r69 = sp.Rational(1, 2) * (X.T * X * w + X.T * X * w - 2 * X.T * y)
r70 = sp.Rational(1, 2) * (X.T * X * w - X.T * y)
check_all(69, list(zip(G, r69)))
check_all(70, list(zip(r69, r70)))
# line 72: X^T X w - X^T y is exactly the gradient, so the equation is the condition dNLL/dw = 0
check_all(72, list(zip(X.T * X * w - X.T * y, G)))
# line 73: the solution of the normal equation
check_all(73, list(zip(X.T * X * wols, X.T * y)))

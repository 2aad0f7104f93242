"""Establish o-shuozhang-linear-regression-mse.md: least-squares expansion, gradient, normal equation (n=3, d=2)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec

n, d = 3, 2
X = sp.Matrix(n, d, lambda i, j: sp.Symbol(f"x{i}{j}", real=True))
y = sp.Matrix(vec("y", n, real=True))
w = sp.Matrix(vec("w", d, real=True))
yh = X * w
sq = lambda v: (v.T * v)[0, 0]
N2 = sum(t**2 for t in (yh - y))            # ||y_hat - y||_2^2
check(22, N2, ((X * w - y).T * (X * w - y))[0, 0])
check(23, N2, ((w.T * X.T - y.T) * (X * w - y))[0, 0])
check(24, N2, (w.T * X.T * X * w)[0, 0] - (w.T * X.T * y)[0, 0] - (y.T * X * w)[0, 0] + (y.T * y)[0, 0])
E25 = (w.T * X.T * X * w)[0, 0] - 2 * (w.T * X.T * y)[0, 0] + (y.T * y)[0, 0]
check(25, N2, E25)
grad = lambda f: sp.Matrix([sp.diff(f, t) for t in w])
G = grad(N2)
def check_vec(line, A, B, **kw):
    # compare componentwise; one verdict per row
    from _common import check_all
    return check_all(line, list(zip(list(A), list(B))), **kw)
check_vec(33, G, grad(E25))
check_vec(34, G, 2 * X.T * X * w - 2 * X.T * y)
# line 36: the zero of the gradient is w = (X^T X)^{-1} X^T y
sol = sp.solve(list(G), list(w), dict=True)[0]
wstar = (X.T * X).inv() * X.T * y
check_vec(36, sp.Matrix([sol[t] for t in w]), wstar)
# line 50: grad of (1/n)||Xw-y||^2 equals (2/n) X^T (Xw - y)
eta = sp.Symbol("eta", positive=True)
check_vec(50, w - eta * grad(N2 / n), w - eta * sp.Rational(2, n) * X.T * (X * w - y))

"""Establish n-jhui-linear-regression-mse.md: MSE gradient, closed form, normal equation, ridge; 2 samples x 2 features."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all

X = sp.Matrix(2, 2, sp.symbols("x11 x12 x21 x22", real=True))   # rows are samples x^i
y = sp.Matrix(sp.symbols("y1 y2", real=True))
w = sp.Matrix(sp.symbols("w1 w2", real=True))
lam = sp.Symbol("lambda", positive=True)
xs = [X.row(i).T for i in range(2)]
J = sp.Rational(1, 2) * sum(((w.T * xs[i])[0] - y[i]) ** 2 for i in range(2))
grad = lambda f: sp.Matrix([sp.diff(f, wi) for wi in w])
pairs = lambda A, B: [(A[i], B[i]) for i in range(len(A))]

g36 = sum((((w.T * xs[i])[0] - y[i]) * xs[i] for i in range(2)), sp.zeros(2, 1))
check_all(36, pairs(grad(J), g36))

# line 39: solve the stationarity condition and compare with sum y x / sum ||x||^2
wsol = (X.T * X).inv() * X.T * y
formula = sum((y[i] * xs[i] for i in range(2)), sp.zeros(2, 1)) / sum((xs[i].T * xs[i])[0] for i in range(2))
check_all(39, pairs(wsol, formula))

r = X * w - y
check(87, J, sp.Rational(1, 2) * (r.T * r)[0])
check(88, 2 * J, (r.T * r)[0])
check(89, (r.T * r)[0], ((w.T * X.T - y.T) * r)[0])
check(90, ((w.T * X.T - y.T) * r)[0], (w.T * X.T * r - y.T * r)[0])
check(91, (w.T * X.T * r - y.T * r)[0], (w.T * X.T * X * w - w.T * X.T * y - y.T * X * w + y.T * y)[0])
Q = (w.T * X.T * X * w - 2 * w.T * X.T * y + y.T * y)[0]
check(92, (w.T * X.T * X * w - w.T * X.T * y - y.T * X * w + y.T * y)[0], Q)
check_all(93, [((y.T * X * w).T[0], (w.T * (y.T * X).T)[0]), ((w.T * (y.T * X).T)[0], (w.T * X.T * y)[0])])

check_all(101, pairs(grad(J), grad(Q)))
r102 = grad((w.T * X.T * X * w)[0]) - 2 * grad((w.T * X.T * y)[0]) + grad((y.T * y)[0])
check_all(102, pairs(r102, grad(Q)))
r103 = grad((w.T * (X.T * X) * w)[0]) - 2 * X.T * y - sp.zeros(2, 1)
check_all(103, pairs(r103, r102))
r104 = 2 * (X.T * X) * w - 2 * X.T * y - sp.zeros(2, 1)
check_all(104, pairs(r104, r103))
check_all(105, pairs((X.T * X) * w - X.T * y, r104 / 2))

J2 = sp.Rational(1, 2) * (r.T * r)[0] + lam / 2 * (w.T * w)[0]
g144 = X.T * X * w - X.T * y + lam * w
check_all(144, pairs(grad(J2), g144))
check_all(153, pairs(X.T * X * w - X.T * y + lam * w, grad(J2)))
# line 154 read literally: x^T x w + lambda w = (x^T y) * 0, compared as (lhs - rhs) with line 153
check_all(154, pairs(X.T * X * w + lam * w - X.T * y * 0, X.T * X * w - X.T * y + lam * w))
check_all(155, pairs((X.T * X + lam * sp.eye(2)) * w - X.T * y, X.T * X * w - X.T * y + lam * w))
sol = sp.solve(list((X.T * X + lam * sp.eye(2)) * w - X.T * y), list(w), dict=True)[0]
wr = sp.Matrix([sol[wi] for wi in w])
check_all(156, pairs(wr, (X.T * X + lam * sp.eye(2)).inv() * X.T * y))
check_all(162, pairs(wr, (X.T * X + lam * sp.eye(2)).inv() * X.T * y))

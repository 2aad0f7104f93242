"""Establish h-ashwinreddy-least-squares-gradient.md: one-example LMS gradient (d = 2) and the
matrix form / normal equations (n = 3 examples, 2 parameters)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

d = 2
th = vec("theta", d, real=True)
x = vec("x", d, real=True)
y = sp.Symbol("y", real=True)
h = sum(th[k] * x[k] for k in range(d))
J1 = sp.Rational(1, 2) * (h - y) ** 2                         # n = 1
r14 = lambda j: 2 * sp.Rational(1, 2) * (h - y) ** 2 * sp.diff(h - y, th[j])
r15 = lambda j: (h - y) * sp.diff(h - y, th[j])
r16 = lambda j: (h - y) * x[j]
check_all(13, [(sp.diff(J1, th[j]), sp.diff(sp.Rational(1, 2) * (h - y) ** 2, th[j])) for j in range(d)])
check_all(14, [(sp.diff(J1, th[j]), r14(j)) for j in range(d)])
check_all(15, [(r14(j), r15(j)) for j in range(d)])
check_all(16, [(r15(j), r16(j)) for j in range(d)])

n = 3
X = sp.Matrix(n, d, lambda i, k: sp.Symbol(f"X{i}{k}", real=True))
Y = sp.Matrix(vec("Y", n, real=True))
T = sp.Matrix(th)
Jsum = sp.Rational(1, 2) * sum(((X[i, :] * T)[0] - Y[i]) ** 2 for i in range(n))
Jmat = (sp.Rational(1, 2) * (X * T - Y).T * (X * T - Y))[0]
check(54, Jmat, Jsum)
grad = sp.Matrix([sp.diff(Jmat, t) for t in th])
check_all(60, [(grad[k], (X.T * X * T - X.T * Y)[k]) for k in range(d)])
# lines 66, 72: at theta = (X^T X)^{-1} X^T y (numeric full-rank X) the gradient vanishes
Xn = sp.Matrix([[1, 2], [1, -1], [1, 3]])
Yn = sp.Matrix([1, 0, 2])
ts = (Xn.T * Xn).inv() * Xn.T * Yn
sub = {**{X[i, k]: Xn[i, k] for i in range(n) for k in range(d)}, **{Y[i]: Yn[i] for i in range(n)},
       **{th[k]: ts[k] for k in range(d)}}
check_all(66, [((X.T * X * T)[k].subs(sub), (X.T * Y)[k].subs(sub)) for k in range(d)])
check_all(72, [(grad[k].subs(sub), 0) for k in range(d)])

"""Establish f-wiseodd-normal-equation.md: least squares objective expansion and the normal equation
(m = 3 examples, n = 2 features)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, equal

m, n = 3, 2
X = sp.Matrix(m, n, lambda i, j: sp.Symbol(f"X{i+1}{j+1}", real=True))
y = sp.Matrix(m, 1, lambda i, j: sp.Symbol(f"y{i+1}", real=True))
w = sp.Matrix(n, 1, lambda i, j: sp.Symbol(f"w{i+1}", real=True))
r = y - X * w
L22 = sp.Rational(1, 2) * sum(v**2 for v in r)                     # 1/2 ||y - Xw||^2
L23 = sp.Rational(1, 2) * (r.T * r)[0]
L24 = sp.Rational(1, 2) * ((y.T * y)[0] - 2 * (w.T * X.T * y)[0] + (w.T * X.T * X * w)[0])
check(23, L22, L23); check(24, L23, L24)
grad = sp.Matrix([sp.diff(L24, wi) for wi in w])                   # the derivative on line 32
g33 = sp.Rational(1, 2) * (2 * X.T * y - 2 * X.T * X * w)
print(f"line 33: {'holds' if all(equal(grad[k], g33[k]) for k in range(n)) else 'fails'}")
g34 = X.T * y - X.T * X * w
print(f"line 34: {'holds' if all(equal(g33[k], g34[k]) for k in range(n)) else 'fails'}")
# line 45: X^T X w = X^T y is the equation of line 44 rearranged (lhs - rhs = -(line 44 lhs))
g45 = X.T * X * w - X.T * y
print(f"line 45: {'holds' if all(equal(g45[k], -g34[k]) for k in range(n)) else 'fails'}")
wstar = (X.T * X).inv() * X.T * y
gs = grad.subs({w[k]: wstar[k] for k in range(n)})
ok46 = all(equal(gs[k], 0) for k in range(n))
print(f"line 46: {'holds' if ok46 else 'fails'}")
print(f"line 14: {'holds' if ok46 else 'fails'}")

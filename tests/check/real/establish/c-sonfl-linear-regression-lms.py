"""Establish c-sonfl-linear-regression-lms.md: single-example LMS gradient,
J = (1/2)(h(x) - y)^2, h(x) = theta_0 x_0 + theta_1 x_1 + theta_2 x_2 (n = 2), i = 1."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check

th = sp.symbols("theta0:3", real=True); x = sp.symbols("x0:3", real=True); y = sp.Symbol("y", real=True)
h = sum(th[k] * x[k] for k in range(3))
J = sp.Rational(1, 2) * (h - y) ** 2
i = 1
r26 = sp.diff(sp.Rational(1, 2) * (h - y) ** 2, th[i])
check(26, sp.diff(J, th[i]), r26)
r28 = 2 * sp.Rational(1, 2) * (h - y) * sp.diff(h - y, th[i])
check(28, r26, r28)
r30a = (h - y) * sp.diff(th[0] * x[0] + th[1] * x[1] + th[2] * x[2] - y, th[i])
ok = __import__("_common").equal(r28, r30a) and __import__("_common").equal(r30a, (h - y) * x[i])
print(f"line 30: {'holds' if ok else 'fails'}")

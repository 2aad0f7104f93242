"""Establish zn-tsansom-simple-linear-regression.md: least-squares coefficients of y = b0 + b1 x (n = 3)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

n = 3
x = vec("x", n, real=True)
y = vec("y", n, real=True)
b0, b1 = sp.symbols("b0 b1", real=True)
S = lambda f: sum(f(i) for i in range(n))
xb = S(lambda i: x[i]) / n
yb = S(lambda i: y[i]) / n

RSS = S(lambda i: (y[i] - b0 - b1 * x[i]) ** 2)           # line 50 / 60 (definition)

# line 54: second term written with x_1 instead of x_2
r54 = (y[0] - b0 - b1 * x[0]) ** 2 + (y[1] - b0 - b1 * x[0]) ** 2 + (y[2] - b0 - b1 * x[2]) ** 2
check(54, RSS, r54)

# line 69: dRSS/db0 = sum 2(y - b0 - b1 x) = 2(n b0 + b1 sum x - sum y)
d0 = sp.diff(RSS, b0)
check(69, d0, S(lambda i: 2 * (y[i] - b0 - b1 * x[i])))
# (the last expression 2(n b0 + b1 sum x - sum y) is the correct derivative; the first link fails)

# line 79: solving dRSS/db0 = 0 for b0
b0sol = sp.solve(d0, b0)[0]
check(79, b0sol, yb - b1 * xb)

# line 83: dRSS/db1 = sum -2 x (y - b0 - b1 x) = sum -2 (x y - b0 x - b1 x^2)
d1 = sp.diff(RSS, b1)
check_all(83, [(d1, S(lambda i: -2 * x[i] * (y[i] - b0 - b1 * x[i]))),
               (d1, S(lambda i: -2 * (x[i] * y[i] - b0 * x[i] - b1 * x[i] ** 2)))])

# line 91: substitute b0 = ybar - b1 xbar into sum (x y - b0 x - b1 x^2)
cond = S(lambda i: x[i] * y[i] - b0 * x[i] - b1 * x[i] ** 2).subs(b0, yb - b1 * xb)
r91 = S(lambda i: x[i] * y[i] - x[i] * yb - b1 * x[i] * xb - b1 * x[i] ** 2)
check(91, cond, r91)

# line 96: sum (x y - x ybar) - b1 sum (x^2 - x xbar)
r96 = S(lambda i: x[i] * y[i] - x[i] * yb) - b1 * S(lambda i: x[i] ** 2 - x[i] * xb)
check(96, cond, r96)

# stationary b1 (solving the correct condition)
b1star = sp.solve(cond, b1)[0]
f101a = S(lambda i: x[i] * y[i] - x[i] * yb) / S(lambda i: x[i] ** 2 - x[i] * xb)
f101b = (S(lambda i: x[i] * y[i]) - n * xb * yb) / (S(lambda i: x[i] ** 2) - n * xb ** 2)
check_all(101, [(b1star, f101a), (b1star, f101b)])

# line 108: zero identities
check_all(108, [(S(lambda i: xb ** 2 - x[i] * xb), 0), (S(lambda i: xb * yb - y[i] * xb), 0)])

# line 114
f114 = (S(lambda i: x[i] * y[i] - x[i] * yb) + S(lambda i: xb * yb - y[i] * xb)) / \
       (S(lambda i: x[i] ** 2 - x[i] * xb) + S(lambda i: xb ** 2 - x[i] * xb))
check(114, b1star, f114)

# line 122
f122 = S(lambda i: (x[i] - xb) * (y[i] - yb)) / S(lambda i: (x[i] - xb) ** 2)
check(122, b1star, f122)

# line 127: b0 = ybar - b1 xbar at the stationary point
sol = sp.solve([d0, d1], [b0, b1], dict=True)[0]
check(127, sol[b0], yb - sol[b1] * xb)

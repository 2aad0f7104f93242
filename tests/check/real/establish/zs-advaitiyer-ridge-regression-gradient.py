"""Establish zs-advaitiyer-ridge-regression-gradient.md: ridge-penalised least squares for y = b0 + b1 x.

n = 3 samples, symbolic data. Rows that are equations ('=> A = 0', 'b0 = ...') are checked either
as identities (the equation is the stationarity condition, up to a nonzero factor) or, after the
elimination of b0, against the true optimum (b0*, b1*) of L.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all

n = 3
X = list(sp.symbols("x1:4", real=True))
Y = list(sp.symbols("y1:4", real=True))
b0, b1 = sp.symbols("b0 b1", real=True)
lam = sp.Symbol("lam", positive=True)
S = lambda f: sum(f(i) for i in range(n))
yhat = lambda i: b0 + b1 * X[i]
L = S(lambda i: (yhat(i) - Y[i]) ** 2) + lam * b1 ** 2
Sx, Sy = S(lambda i: X[i]), S(lambda i: Y[i])
Sxx, Sxy = S(lambda i: X[i] ** 2), S(lambda i: X[i] * Y[i])

# hints (lines 34, 36, 38): concrete instances
t, a = sp.symbols("t a", real=True)
check(34, sp.diff(sp.exp(t) + t ** 3, t), sp.diff(sp.exp(t), t) + sp.diff(t ** 3, t))
check(36, sp.diff((t - a) ** 2, t), 2 * (t - a))
g = sp.Symbol("g", real=True)
check(38, sp.diff(sp.sin(t ** 2), t), sp.diff(sp.sin(g), g).subs(g, t ** 2) * sp.diff(t ** 2, t))

# line 50: L = sum (yhat_i - b0 + b1 x)^2 + lam b1^2  (x read as x_i)
check(50, L, S(lambda i: (yhat(i) - b0 + b1 * X[i]) ** 2) + lam * b1 ** 2)

dL0 = sp.diff(L, b0)
dL1 = sp.diff(L, b1)
# line 58: dL/db0 = d[sum(b0 + b1 x_i) + lam b1^2]/db0
check(58, dL0, sp.diff(S(lambda i: b0 + b1 * X[i]) + lam * b1 ** 2, b0))
G61 = S(lambda i: 2 * (b0 + b1 * X[i] - Y[i]) * 1)
check(61, dL0, G61)
G64 = 2 * n * b0 + 2 * b1 * Sx - 2 * Sy
check(64, G61, G64)
check(67, n * b0 - S(lambda i: Y[i] - b1 * X[i]), G64 / 2)
check(71, b0 - S(lambda i: Y[i] - b1 * X[i]) / n, G64 / (2 * n))
check(75, b0 - (Sy - b1 * Sx) / n, G64 / (2 * n))

# line 84: dL/db1 = d[sum(b0 + b1 x_i - y_i)^2 + lam b1^2]/db1
check(84, dL1, sp.diff(S(lambda i: (b0 + b1 * X[i] - Y[i]) ** 2) + lam * b1 ** 2, b1))
# line 87: sum 2(..)x_i + 2 lam b1 = sum (..) x_i + lam b1 = 0 ; the middle equality needs A = 0 (line 80)
A = S(lambda i: (b0 + b1 * X[i] - Y[i]) * X[i]) + lam * b1
twoA = S(lambda i: 2 * (b0 + b1 * X[i] - Y[i]) * X[i]) + 2 * lam * b1
b0_on = sp.solve(sp.Eq(A, 0), b0)[0]          # impose dL/db1 = 0
check_all(87, [(dL1, twoA), (twoA.subs(b0, b0_on), A.subs(b0, b0_on))])
check(90, A, b0 * Sx + b1 * Sxx - Sxy + lam * b1)
check(93, A, b0 * Sx + b1 * (Sxx + lam) - Sxy)
check(96, b0 - (Sxy - b1 * (Sxx + lam)) / Sx, A / Sx)

# true optimum
sol = sp.solve([dL0, dL1], [b0, b1], dict=True)[0]
B0, B1 = sp.simplify(sol[b0]), sp.simplify(sol[b1])
at = {b0: B0, b1: B1}
eq = lambda lhs, rhs: (sp.sympify(lhs).subs(at), sp.sympify(rhs).subs(at))

# line 102: equating the two expressions of b0 (holds at the optimum)
check(102, *eq((Sxy - b1 * (Sxx + lam)) / Sx, (Sy - b1 * Sx) / n))
# line 105: n Sxy - b1 n (Sxx + lam) = Sx Sy - b1 * sum (x_i)^2   [as written: sum of squares]
check(105, *eq(n * Sxy - b1 * n * (Sxx + lam), Sx * Sy - b1 * Sxx))
# line 108: b1 [sum (x_i)^2 - n(sum x_i^2 + lam)] = Sx Sy - n Sxy
check(108, *eq(b1 * (Sxx - n * (Sxx + lam)), Sx * Sy - n * Sxy))
# line 112 (and 138): b1 = (Sx Sy - n Sxy) / (sum (x_i)^2 - n(sum x_i^2 + lam))
b1_written = (Sx * Sy - n * Sxy) / (Sxx - n * (Sxx + lam))
check(112, B1, b1_written)
check(117, *eq(b0, (Sy - b1 * Sx) / n))
# line 121: b0 with b1 substituted, denominator (sum x_i)^2 - n(sum x_i^2 + lam)
b1_right = (Sx * Sy - n * Sxy) / (Sx ** 2 - n * (Sxx + lam))
check(121, B0, (Sy - b1_right * Sx) / n)
# line 124
num124 = Sxx * Sy - n * Sxx * Sy - n * lam * Sy - Sx ** 2 * Sy + n * Sx * Sxy
den124 = Sx ** 2 - n * (Sx ** 2 + lam)
check(124, B0, sp.Rational(1, n) * num124 / den124)
# line 128
num128 = -n * Sxx * Sy - n * lam * Sy + n * Sx * Sxy
den = Sx ** 2 - n * (Sxx + lam)
check(128, B0, sp.Rational(1, n) * num128 / den)
b0_final = (Sx * Sxy - Sxx * Sy - lam * Sy) / den
check(132, B0, b0_final)
check(138, B1, b1_written)
check(142, B0, b0_final)
check(151, B0, b0_final)

# question 2: data (1,-1), (2,-2), (-3,3), lam = 1
data = {X[0]: 1, X[1]: 2, X[2]: -3, Y[0]: -1, Y[1]: -2, Y[2]: 3, lam: 1}
e156 = sp.Rational(1, 1) * ((1 + 2 - 3) ** 2 * (-1 - 1 + 3) - (1) * (-1 - 2 + 3) - (1 + 2 - 3) * ((1 * (-1)) + (2 * (-2)) + (3 * (-3)))) / ((1 + 2 - 3) ** 2 - (3) * (((1) ** 2 + (2) ** 2 + (-3) ** 2) + 1))
check_all(156, [(B0.subs(data), e156), (e156, 0)])
# line 160: b1 = (Sx Sy - n (sum x_i)^2) / (sum (x_i)^2 - n(sum x_i^2 + lam))
check(160, B1, (Sx * Sy - n * Sx ** 2) / (Sxx - n * (Sxx + lam)))
e165a = sp.Rational((1 + 2 - 3) * (-1 - 2 + 3) - (3) * ((1 * (-1)) + (2 * (-2)) + (3 * (-3))), (1 + 2 - 3) ** 2 - (3) * (((1) ** 2 + (2) ** 2 + (-3) ** 2) + 1))
e165b = sp.Rational((0) * (0) - (3) * (-14), (0) ** 2 - (3) * (14 + 1))
check_all(165, [(B1.subs(data), e165a), (e165a, e165b), (e165b, sp.Rational(-14, 15))])
# line 174: numerator and denominator 'divided by lambda'
e174 = (Sx / lam * Sy / lam - n * Sx ** 2 / lam) / (Sxx / lam - n * (Sxx + lam) / lam)
check(174, B1, e174)
# line 182: b1 -> 0 as lam -> oo
check(182, sp.limit(B1, lam, sp.oo), 0)

"""Establish zn-xiaosihuang-linear-regression-least-squares.md: MSE derivatives and normal equations for y = a x + b (N = 3)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

N = 3
x = vec("x", N, real=True)
y = vec("y", N, real=True)
a, b = sp.symbols("a b", real=True)
S = lambda f: sum(f(i) for i in range(N))
Sx, Sy = S(lambda i: x[i]), S(lambda i: y[i])
Sxx, Sxy = S(lambda i: x[i] ** 2), S(lambda i: x[i] * y[i])
xb, yb = Sx / N, Sy / N

L = sp.Rational(1, N) * S(lambda i: (y[i] - (a * x[i] + b)) ** 2)   # line 10
dLa, dLb = sp.diff(L, a), sp.diff(L, b)
r = lambda i: y[i] - (a * x[i] + b)

# 4.1
r29 = sp.Rational(1, N) * S(lambda i: sp.diff(r(i) ** 2, a))
r32 = sp.Rational(1, N) * S(lambda i: 2 * r(i) * sp.diff(r(i), a))
r35 = sp.Rational(1, N) * S(lambda i: 2 * r(i) * (-x[i]))
check(29, dLa, r29); check(32, r29, r32); check(35, r32, r35)
e43 = S(lambda i: x[i] * (y[i] - a * x[i] - b))
check(43, e43, -sp.Rational(N, 2) * dLa)            # dL/da = 0  <=>  e43 = 0 (cancel -2/N)
e49l = Sxy - a * Sxx - b * Sx
check_all(49, [(e49l, e43), ((a * Sxx + b * Sx) - Sxy, -e49l)])
A_eq = a * Sxx + b * Sx - Sxy                       # (A) as lhs - rhs
check(60, sp.solve(A_eq, a)[0], (Sxy - b * Sx) / Sxx)

# 4.2
r74 = sp.Rational(1, N) * S(lambda i: sp.diff(r(i) ** 2, b))
r77 = sp.Rational(1, N) * S(lambda i: 2 * r(i) * sp.diff(r(i), b))
r80 = sp.Rational(1, N) * S(lambda i: 2 * r(i) * (-1))
check(74, dLb, r74); check(77, r74, r77); check(80, r77, r80)
e88 = S(lambda i: y[i] - a * x[i] - b)
check(88, e88, -sp.Rational(N, 2) * dLb)
e94 = Sy - a * Sx - N * b
check_all(94, [(e94, e88), (sp.solve(e94, b)[0], (Sy - a * Sx) / N)])

# 4.3
B_eq = a * Sx + N * b - Sy
check_all(108, [(A_eq, -e43), (B_eq, -e88)])
bB = (Sy - a * Sx) / N
check(116, sp.solve(B_eq, b)[0], bB)
e122 = a * Sxx + bB * Sx - Sxy
check(122, e122, A_eq.subs(b, bB))
e130 = a * Sxx + Sx * Sy / N - a * Sx ** 2 / N - Sxy
check(130, e130, e122)
e139 = a * (Sxx - Sx ** 2 / N) - (Sxy - Sx * Sy / N)
check(139, e139, e130)
e148 = a * (N * Sxx - Sx ** 2) - (N * Sxy - Sx * Sy)
check(148, e148, N * e139)
astar = (N * Sxy - Sx * Sy) / (N * Sxx - Sx ** 2)
sol = sp.solve([dLa, dLb], [a, b], dict=True)[0]
check(157, sol[a], astar)
check(168, sp.solve(B_eq, b)[0], Sy / N - a * Sx / N)
check(173, sol[a], astar)
check(180, sp.solve(B_eq, b)[0], Sy / N - a * Sx / N)
r185 = Sy / N - Sx / N * astar
check(185, sol[b], r185)
r193 = (Sy * (N * Sxx - Sx ** 2) - Sx * (N * Sxy - Sx * Sy)) / (N * (N * Sxx - Sx ** 2))
check(193, r185, r193)
r222 = (Sy * Sxx - Sx * Sxy) / (N * Sxx - Sx ** 2)
check(222, r193, r222)
check(233, Sy / N - a * Sx / N, yb - a * xb)       # (B1) in mean form, any a

# 4.4 / 4.5
check_all(253, [(sol[a], astar), (sol[b], Sy / N - sol[a] * Sx / N)])
check(270, sol[a], astar)
check_all(276, [(sp.solve(B_eq, b)[0], (Sy - a * Sx) / N), ((Sy - a * Sx) / N, yb - a * xb)])

# 4.6 quick check: the solution satisfies both normal equations
check_all(293, [(e88.subs(sol), 0), (e43.subs(sol), 0)])
xs, ys = [0, 1, 2, 3], [1, 3, 5, 7]
check_all(301, [(sum(xs), 6), (sum(ys), 16), (sum(t * t for t in xs), 14),
                (sum(p * q for p, q in zip(xs, ys)), 34), (len(xs), 4)])
check_all(305, [(sp.Rational(4 * 34 - 6 * 16, 4 * 14 - 6 ** 2), 2), (sp.Rational(16 - 2 * 6, 4), 1)])

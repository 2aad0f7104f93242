"""Establish l-turcotte-linear-regression-gd.md: MSE of (simple and multivariate) linear regression and its partial derivatives (N = 3)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec

N = 3
t0, t1 = sp.symbols("theta0 theta1", real=True)
xs = vec("x", N, real=True)
ys = vec("y", N, real=True)
h = lambda x: t0 + t1 * x
J = sp.Rational(1, N) * sum((h(xs[i]) - ys[i]) ** 2 for i in range(N))
check(658, J, sp.Rational(1, N) * sum((t0 + t1 * xs[i] - ys[i]) ** 2 for i in range(N)))
check(666, sp.diff(J, t0), sp.Rational(2, N) * sum(t0 - t1 * xs[i] - ys[i] for i in range(N)))
check(674, sp.diff(J, t1), sp.Rational(2, N) * sum(xs[i] * (t0 + t1 * xs[i] - ys[i]) for i in range(N)))

# multivariate, D = 2 features plus x^(0) = 1; check every j
D = 2
th = vec("th", D + 1, real=True)                       # theta_0 .. theta_D
X = [[sp.Integer(1)] + vec(f"x{i}_", D, real=True) for i in range(N)]
hx = [sum(th[j] * X[i][j] for j in range(D + 1)) for i in range(N)]
Jm = sp.Rational(1, N) * sum((hx[i] - ys[i]) ** 2 for i in range(N))
from _common import check_all
check_all(709, [(sp.diff(Jm, th[j]), sp.Rational(2, N) * sum(X[i][j] * (hx[i] - ys[i]) for i in range(N))) for j in range(D + 1)])

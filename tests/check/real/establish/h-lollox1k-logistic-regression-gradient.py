"""Establish h-lollox1k-logistic-regression-gradient.md: logistic model, binary cross-entropy and
its gradient (2 features, m = 2 examples)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

z = sp.Symbol("z", real=True)
logistic = lambda t: 1 / (1 + sp.exp(-t))
check(24, logistic(z), 1 / (1 - sp.exp(-z)))
p, q = sp.Rational(1, 5), sp.Rational(1, 2)
ce = -p * sp.log(q) - (1 - p) * sp.log(1 - q)
h29 = -p * sp.log(p / q) - (1 - p) * sp.log((1 - p) / (1 - q))
check(29, h29, ce)
check(38, sp.log(logistic(z)), -sp.log(1 + sp.exp(-z)))
check(41, sp.log(1 - logistic(z)), -z - sp.log(1 + sp.exp(-z)))

m, k = 2, 2
w = vec("w", k, real=True)
X = [vec(f"x{i}_", k, real=True) for i in range(m)]
Y = vec("y", m, real=True)
Z = [sum(w[a] * X[i][a] for a in range(k)) for i in range(m)]
Q = [logistic(Z[i]) for i in range(m)]
ceb = lambda y, qq: -(y * sp.log(qq) + (1 - y) * sp.log(1 - qq))
obj = sp.Rational(1, m) * sum(ceb(Y[i], Q[i]) for i in range(m))
r34 = -sp.Rational(1, m) * sum(Y[i] * sp.log(Q[i]) + (1 - Y[i]) * sp.log(1 - Q[i]) for i in range(m))
check(34, obj, r34)
E = [sp.exp(-Z[i]) for i in range(m)]
g47 = lambda a: -sp.Rational(1, m) * sum(Y[i] * X[i][a] * E[i] / (1 + E[i]) + (1 - Y[i]) * (-X[i][a] + X[i][a] * E[i] / (1 + E[i])) for i in range(m))
check_all(47, [(sp.diff(obj, w[a]), g47(a)) for a in range(k)])
g50 = lambda a: -sp.Rational(1, m) * sum(Y[i] * X[i][a] + X[i][a] * E[i] / (1 + E[i]) for i in range(m))
check_all(50, [(g47(a), g50(a)) for a in range(k)])
g53 = lambda a: -sp.Rational(1, m) * sum(X[i][a] * (Y[i] + E[i] / (1 + E[i])) for i in range(m))
check_all(53, [(g50(a), g53(a)) for a in range(k)])
g56 = lambda a: -sp.Rational(1, m) * sum(X[i][a] * (Y[i] + 1 - Q[i]) for i in range(m))
check_all(56, [(g53(a), g56(a)) for a in range(k)])
# lines 61, 65: the true gradient is -(1/m) sum x_i (y_i - q_i); '= 0' is the stationarity condition
cond = lambda a: -sp.Rational(1, m) * sum(X[i][a] * (Y[i] - Q[i]) for i in range(m))
check_all(61, [(sp.diff(obj, w[a]), cond(a)) for a in range(k)])
check_all(65, [(sp.diff(obj, w[a]), cond(a)) for a in range(k)])

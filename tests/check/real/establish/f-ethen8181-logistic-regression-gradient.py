"""Establish f-ethen8181-logistic-regression-gradient.md: logit/logistic forms, the log-likelihood chain and
its gradient (N = 3 observations, 2 features plus x_0 = 1)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

N, D = 3, 3
w = vec("w", D, real=True)                       # w0 (intercept), w1, w2
X = [[1] + vec(f"x{i}_", D - 1, real=True) for i in range(1, N + 1)]
y = vec("y", N, real=True)
wx = [sum(w[j] * X[i][j] for j in range(D)) for i in range(N)]
h = [1 / (1 + sp.exp(-v)) for v in wx]
x1, x2 = sp.symbols("x1 x2", real=True)
check(7, w[0] + w[1] * x1 + w[2] * x2, w[0] * 1 + w[1] * x1 + w[2] * x2)
t = sp.Symbol("t", real=True)                    # t = w^T x
pp = sp.exp(t) / (1 + sp.exp(t))
check(17, sp.log(pp / (1 - pp)), t)
check(21, 1 / (1 + sp.exp(-t)), pp)
ell = sum(y[i] * sp.log(h[i]) + (1 - y[i]) * sp.log(1 - h[i]) for i in range(N))
P = [h[i]**y[i] * (1 - h[i])**(1 - y[i]) for i in range(N)]     # Bernoulli model
check(57, ell, sum(sp.log(P[i]) for i in range(N)))
r65 = ell
r67 = sum(y[i] * sp.log(1 / (1 + sp.exp(-wx[i]))) + (1 - y[i]) * sp.log(sp.exp(-wx[i]) / (1 + sp.exp(-wx[i]))) for i in range(N))
r69 = sum(-y[i] * sp.log(1 + sp.exp(-wx[i])) + (1 - y[i]) * (-wx[i] - sp.log(1 + sp.exp(-wx[i]))) for i in range(N))
r71 = sum((y[i] - 1) * wx[i] - sp.log(1 + sp.exp(-wx[i])) for i in range(N))
check(65, ell, r65); check(67, r65, r67); check(69, r67, r69); check(71, r69, r71)
check(83, ell, r71)
grad = [sum(X[i][j] * (y[i] - 1 / (1 + sp.exp(-wx[i]))) for i in range(N)) for j in range(D)]
check_all(88, [(sp.diff(r71, w[j]), grad[j]) for j in range(D)])
ell_i = [(y[i] - 1) * wx[i] - sp.log(1 + sp.exp(-wx[i])) for i in range(N)]
check_all(103, [(sp.diff(ell_i[i], w[j]), X[i][j] * (y[i] - 1 / (1 + sp.exp(-wx[i])))) for i in range(N) for j in range(D)])
# line 111: mini-batch s = i..i+B; take i = 1 (first index), B = 2 -> s = 1, 2, 3 (all three observations)
B = 2
lhs = [sum(sp.diff(ell_i[s], w[j]) for s in range(N)) for j in range(D)]
rhs = [sp.Rational(1, B) * sum(X[s][j] * (y[0] - 1 / (1 + sp.exp(-wx[0]))) for s in range(N)) for j in range(D)]
check_all(111, [(lhs[j], rhs[j]) for j in range(D)])

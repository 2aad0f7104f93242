"""Establish zh-crazycharles-logistic-regression.md: log-likelihood simplification (1.10) and gradient (1.13).
N = 2 samples, 2 features (bias folded into w as in the document); differentiate w.r.t. w_1 (j = 1)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec

N = 2
w = vec("w", 2, real=True)
X = [vec("xa", 2, real=True), vec("xb", 2, real=True)]
Y = vec("y", 2, positive=True)
dot = lambda x: sum(a * b for a, b in zip(w, x))
P1 = lambda x: 1 / (1 + sp.exp(-dot(x)))                 # (1.5)
P0 = lambda x: sp.exp(-dot(x)) / (1 + sp.exp(-dot(x)))   # (1.6)

# (1.9): substitute (1.5),(1.6) into (1.8) -- same product, built both ways
lik18 = sp.Mul(*[P1(X[i]) ** Y[i] * P0(X[i]) ** (1 - Y[i]) for i in range(N)])
lik19 = sp.Mul(*[(1 / (1 + sp.exp(-dot(X[i])))) ** Y[i] * (sp.exp(-dot(X[i])) / (1 + sp.exp(-dot(X[i])))) ** (1 - Y[i]) for i in range(N)])
check(63, lik18, lik19)

# (1.10)
r69 = sum(Y[i] * sp.log(1 / (1 + sp.exp(-dot(X[i])))) + (1 - Y[i]) * sp.log(sp.exp(-dot(X[i])) / (1 + sp.exp(-dot(X[i])))) for i in range(N))
r70 = sum(Y[i] * dot(X[i]) - sp.log(1 + sp.exp(dot(X[i]))) for i in range(N))
check(69, sp.log(lik19), r69)
check(70, r69, r70)

# (1.11) J and (1.13), j = 1
J = -sp.Rational(1, N) * r70
j = 0
dJ = sp.diff(J, w[j])
r92 = -sp.Rational(1, N) * sum(sp.diff(Y[i] * dot(X[i]) - sp.log(1 + sp.exp(dot(X[i]))), w[j]) for i in range(N))
r93 = -sp.Rational(1, N) * sum(sp.diff(Y[i] * dot(X[i]), w[j]) - sp.diff(sp.log(1 + sp.exp(dot(X[i]))), w[j]) for i in range(N))
r94 = -sp.Rational(1, N) * sum(Y[i] * X[i][j] - sp.diff(sp.log(1 + sp.exp(dot(X[i]))), w[j]) for i in range(N))
r95 = -sp.Rational(1, N) * sum(Y[i] * X[i][j] - 1 / (1 + sp.exp(dot(X[i]))) * sp.diff(1 + sp.exp(dot(X[i])), w[j]) for i in range(N))
r96 = -sp.Rational(1, N) * sum(Y[i] * X[i][j] - 1 / (1 + sp.exp(dot(X[i]))) * sp.exp(dot(X[i])) * X[i][j] for i in range(N))
r97 = sp.Rational(1, N) * sum((1 / (1 + sp.exp(-dot(X[i]))) - Y[i]) * X[i][j] for i in range(N))
check(92, dJ, r92)
check(93, r92, r93)
check(94, r93, r94)
check(95, r94, r95)
check(96, r95, r96)
check(97, r96, r97)

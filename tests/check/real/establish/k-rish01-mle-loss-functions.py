"""Establish k-rish01-mle-loss-functions.md: KL divergence, Gaussian log-likelihood -> MSE, Bernoulli pmf.
Discrete KL over 3 outcomes; m = 2 samples, n = 2 features for the regression rows."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

P = vec("P", 3, positive=True); Q = vec("Q", 3, positive=True)
E_P = lambda g: sum(p * g(k) for k, p in enumerate(P))            # expectation under P
kl_78 = E_P(lambda k: sp.log(P[k] / Q[k]))
check(82, kl_78, E_P(lambda k: sp.log(P[k]) - sp.log(Q[k])))
check(90, kl_78, sum(p * sp.log(p / q) for p, q in zip(P, Q)))

m, n = 2, 2
X = sp.Matrix(m, n, vec("x", m * n, real=True)); w = sp.Matrix(vec("w", n, real=True)); y = sp.Matrix(vec("y", m, real=True))
yhat = X * w
mse146 = sp.Rational(1, m) * sum(t ** 2 for t in (yhat - y))
check(147, mse146, sp.Rational(1, m) * sum(t ** 2 for t in (X * w - y)))

sigma = sp.Symbol("sigma", positive=True)
N = lambda t, mu: 1 / sp.sqrt(2 * sp.pi * sigma ** 2) * sp.exp(-(t - mu) ** 2 / (2 * sigma ** 2))
loglik = sum(sp.log(N(y[i], yhat[i])) for i in range(m))
check(160, loglik, -m * sp.log(sigma) - sp.Rational(m, 2) * sp.log(2 * sp.pi) - sum((yhat[i] - y[i]) ** 2 / (2 * sigma ** 2) for i in range(m)))
check(166, mse146, sp.Rational(1, m) * sum((yhat[i] - y[i]) ** 2 for i in range(m)))

p = sp.Symbol("p", positive=True)
Y = sp.Symbol("Y")
bern = p ** Y * (1 - p) ** (1 - Y)
check_all(189, [(p, bern.subs(Y, 1)), (1 - p, bern.subs(Y, 0))])   # y in {0,1}: P(y=1)=p, P(y=0)=1-p

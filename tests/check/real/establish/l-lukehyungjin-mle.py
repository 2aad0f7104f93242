"""Establish l-lukehyungjin-mle.md: Bernoulli and Gaussian log-likelihoods, NLL = cross-entropy / squared error, Gaussian prior."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

# line 122: log of a product of n = 3 probabilities
P = vec("P", 3, positive=True)
check(122, sp.log(sp.Mul(*P)), sum(sp.log(v) for v in P), positive=P)

# Bernoulli, 7 heads and 3 tails
p = sp.Symbol("p", positive=True)
L = p ** 7 * (1 - p) ** 3                                   # line 154
ell = 7 * sp.log(p) + 3 * sp.log(1 - p)
check(160, sp.log(L), ell)
check(166, sp.diff(ell, p), 7 / p - 3 / (1 - p))
sol = sp.solve(sp.Eq(sp.diff(ell, p), 0), p)
check_all(176, [(sp.Integer(len(sol)), 1), (sol[0], sp.Rational(7, 10)), (sp.Rational(7, 10), sp.Float("0.7", 40))])

# Gaussian N(mu, sigma^2), n = 3
n = 3
mu = sp.Symbol("mu", real=True)
s2 = sp.Symbol("s2", positive=True)
xs = vec("x", n, real=True)
pdf = lambda x: 1 / sp.sqrt(2 * sp.pi * s2) * sp.exp(-(x - mu) ** 2 / (2 * s2))
loglik = sum(sp.log(pdf(x)) for x in xs)
r205 = -sp.Rational(n, 2) * sp.log(2 * sp.pi * s2) - 1 / (2 * s2) * sum((x - mu) ** 2 for x in xs)
check(205, loglik, r205)
check(211, sp.diff(r205, mu), 1 / s2 * sum(x - mu for x in xs))

# line 260: NLL of the categorical model with one-hot labels = cross-entropy (n = 2 samples, 3 classes, true classes 2 and 0)
yh = [vec(f"yh{i}_", 3, positive=True) for i in range(2)]
true = [1, 0]
onehot = [[1 if k == true[i] else 0 for k in range(3)] for i in range(2)]
ce = -sum(onehot[i][k] * sp.log(yh[i][k]) for i in range(2) for k in range(3))
check(260, -sum(sp.log(yh[i][true[i]]) for i in range(2)), ce, positive=[v for r in yh for v in r])

# line 288: Gaussian NLL = 1/(2 sigma^2) sum (y - f)^2 + const (const does not depend on f)
ys = vec("y", n, real=True)
fs = vec("f", n, real=True)
nll = -sum(sp.log(1 / sp.sqrt(2 * sp.pi * s2) * sp.exp(-(ys[i] - fs[i]) ** 2 / (2 * s2))) for i in range(n))
quad = 1 / (2 * s2) * sum((ys[i] - fs[i]) ** 2 for i in range(n))
check(288, nll - quad, sp.Rational(n, 2) * sp.log(2 * sp.pi * s2))

# line 351: log of the N(0, sigma^2 I) prior density of theta in R^2 = -||theta||^2/(2 sigma^2) + const
th = vec("th", 2, real=True)
logprior = sum(sp.log(1 / sp.sqrt(2 * sp.pi * s2) * sp.exp(-t ** 2 / (2 * s2))) for t in th)
check(351, logprior + 1 / (2 * s2) * sum(t ** 2 for t in th), -sp.log(2 * sp.pi * s2))

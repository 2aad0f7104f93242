"""Establish l-tirmisula-gaussian-mle.md (commit 03c531b): Gaussian log-likelihood, its derivatives, and E of the MLEs (n = 3)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

n = 3
mu = sp.Symbol("mu", real=True)
s2 = sp.Symbol("s2", positive=True)          # sigma^2 as one variable
xs = vec("x", n, real=True)
p = lambda x: 1 / sp.sqrt(2 * sp.pi * s2) * sp.exp(-(x - mu) ** 2 / (2 * s2))   # line 112
lnL = sp.log(sp.Mul(*[p(x) for x in xs]))                                         # line 120, logged

r143 = sum(sp.log(p(x)) for x in xs)
r144 = sum(sp.log(1 / sp.sqrt(2 * sp.pi * s2) * sp.exp(-(x - mu) ** 2 / (2 * s2))) for x in xs)
r145 = sum(sp.log(1 / sp.sqrt(2 * sp.pi * s2)) + sp.log(sp.exp(-(x - mu) ** 2 / (2 * s2))) for x in xs)
r146 = n * sp.log(1 / sp.sqrt(2 * sp.pi * s2)) + sum(sp.log(sp.exp(-(x - mu) ** 2 / (2 * s2))) for x in xs)
r147 = n * sp.log(1 / sp.sqrt(2 * sp.pi * s2)) + sum(-(x - mu) ** 2 / (2 * s2) for x in xs)
r148 = -sp.Rational(n, 2) * sp.log(2 * sp.pi) - sp.Rational(n, 2) * sp.log(s2) - 1 / (2 * s2) * sum((x - mu) ** 2 for x in xs)
check(143, lnL, r143)
check(144, r143, r144)
check(145, r144, r145)
check(146, r145, r146)
check(147, r146, r147)
check(148, r147, r148)
check(162, sp.diff(r148, mu), 1 / s2 * sum(x - mu for x in xs))
check(180, sp.diff(r148, s2), -sp.Rational(n, 2) / s2 + 1 / (2 * s2 ** 2) * sum((x - mu) ** 2 for x in xs))

# Expectations: x_i = mu + sigma z_i with z_i iid N(0,1); E of a polynomial via the normal moments
sig = sp.Symbol("sigma", positive=True)
zs = vec("z", n, real=True)
mom = {0: 1, 1: 0, 2: 1, 3: 0, 4: 3}
def E(expr):
    expr = sp.expand(sp.sympify(expr).subs({xs[i]: mu + sig * zs[i] for i in range(n)}))
    poly = sp.Poly(expr, *zs)
    out = 0
    for powers, coeff in poly.terms():
        term = coeff
        for k in powers:
            term *= mom[k]
        out += term
    return sp.expand(out)

muhat = sp.Rational(1, n) * sum(xs)                                        # line 170
s2hat = sp.Rational(1, n) * sum((x - muhat) ** 2 for x in xs)            # line 188
check(223, E(muhat), E(sp.Rational(1, n) * sum(xs)))
check(224, E(sp.Rational(1, n) * sum(xs)), sp.Rational(1, n) * E(sum(xs)))
check(235, E(muhat), sp.Rational(1, n) * sum(E(x) for x in xs))
check(236, sp.Rational(1, n) * sum(E(x) for x in xs), sp.Rational(1, n) * sum(mu for _ in xs))
check(237, sp.Rational(1, n) * sum(mu for _ in xs), sp.Rational(1, n) * (n * mu))
check(238, sp.Rational(1, n) * (n * mu), mu)

a245 = sp.Rational(1, n) * sum((x - muhat) ** 2 for x in xs)
a246 = sp.Rational(1, n) * sum(x ** 2 - 2 * x * muhat + muhat ** 2 for x in xs)
a247 = sp.Rational(1, n) * sum(x ** 2 for x in xs) - sp.Rational(1, n) * sum(2 * x * muhat for x in xs) + sp.Rational(1, n) * sum(muhat ** 2 for _ in xs)
a248 = sp.Rational(1, n) * sum(x ** 2 for x in xs) - 2 * muhat * sp.Rational(1, n) * sum(xs) + muhat ** 2
a249 = sp.Rational(1, n) * sum(x ** 2 for x in xs) - 2 * muhat ** 2 + muhat ** 2
a250 = sp.Rational(1, n) * sum(x ** 2 for x in xs) - muhat ** 2
a251 = (sp.Rational(1, n) * sum(x ** 2 for x in xs) - mu ** 2) - (muhat - mu ** 2)
check(245, E(s2hat), E(a245))
check(246, E(a245), E(a246))
check(247, E(a246), E(a247))
check(248, E(a247), E(a248))
check(249, E(a248), E(a249))
check(250, E(a249), E(a250))
check(251, E(a250), E(a251))          # (muhat - mu^2) where (muhat^2 - mu^2) is needed

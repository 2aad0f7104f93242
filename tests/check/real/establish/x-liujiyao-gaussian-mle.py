"""Establish x-liujiyao-gaussian-mle.md (1-D Gaussian MLE) at N = 3 samples.
Several display rows share one source line (a whole split environment on one line)."""
import sympy as sp
from _common import check, vec, D

N = 3
x = vec("x", N)
mu = sp.Symbol("mu")
sig = sp.Symbol("sigma", positive=True)
pdf = lambda xi: 1 / (sp.sqrt(2 * sp.pi) * sig) * sp.exp(-(xi - mu) ** 2 / (2 * sig ** 2))

# line 30 row 1: log prod = sum log
r1 = sum(sp.log(pdf(xi)) for xi in x)
check(30, sp.expand_log(sp.log(sp.Mul(*[pdf(xi) for xi in x])), force=True), sp.expand_log(r1, force=True))
# line 30 row 2
r2 = sum(sp.log(1 / sp.sqrt(2 * sp.pi)) + sp.log(1 / sig) - (xi - mu) ** 2 / (2 * sig ** 2) for xi in x)
check(30, r1, r2)
# line 39 row 0: derivative
S = sum((xi - mu) ** 2 for xi in x)
check(39, D(S, mu), sum(2 * (xi - mu) * (-1) for xi in x))
# line 39 row 2: sum (x_i - mu) = sum x_i - N mu
check(39, sum(xi - mu for xi in x), sum(x) - N * mu)
# line 39 row 3: mu_MLE solves sum x_i - N mu = 0
muM = sp.Rational(1, N) * sum(x)
check(39, (sum(x) - N * mu).subs(mu, muM), 0)
# line 47 row 0
f = sum(-sp.log(sig) - 1 / (2 * sig ** 2) * (xi - mu) ** 2 for xi in x)
row0 = sum(-1 / sig - sp.Rational(1, 2) * (xi - mu) ** 2 * (-2) / sig ** 3 for xi in x)
check(47, D(f, sig), row0)
# line 47 row 1
row1 = sum(-1 / sig + (xi - mu) ** 2 * sig ** -3 for xi in x)
check(47, row0, row1)
# line 47 row 2: row1 * sigma^3
row2 = sum(-sig ** 2 + (xi - mu) ** 2 for xi in x)
check(47, sig ** 3 * row1, row2)
# line 47 row 3
row3 = -N * sig ** 2 + sum((xi - mu) ** 2 for xi in x)
check(47, row2, row3)
# line 47 row 4: sigma^2 = (1/N) sum (x_i - mu_MLE)^2 solves row 3 with mu = mu_MLE
s2 = sp.Rational(1, N) * sum((xi - muM) ** 2 for xi in x)
check(47, row3.subs(mu, muM).subs(sig ** 2, s2), 0)

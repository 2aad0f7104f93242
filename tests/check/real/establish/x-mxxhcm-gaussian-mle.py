"""Establish x-mxxhcm-gaussian-mle.md (Gaussian MLE) at N = 3 samples."""
import sympy as sp
from _common import check, vec, D

N = 3
x = vec("x", N)
mu = sp.Symbol("mu")
sig, t = sp.symbols("sigma t", positive=True)
pdf = lambda xi: 1 / (sp.sqrt(2 * sp.pi) * sig) * sp.exp(-(xi - mu) ** 2 / (2 * sig ** 2))
L = sp.Mul(*[pdf(xi) for xi in x])
lnL = sum(sp.log(pdf(xi)) for xi in x)

# line 22: ln prod p = sum ln p
check(22, sp.expand_log(sp.log(L), force=True), sp.expand_log(lnL, force=True), positive=[sig])
# line 28: d/dmu ln L = sum d/dmu ln p
check(28, D(lnL, mu), sum(D(sp.log(pdf(xi)), mu) for xi in x), positive=[sig])
# line 33: sum ln p = sum(-ln sqrt(2pi) - ln sigma - (x_i-mu)^2/(2 sigma^2))
rhs33 = sum(-sp.log(sp.sqrt(2 * sp.pi)) - sp.log(sig) - (xi - mu) ** 2 / (2 * sig ** 2) for xi in x)
check(33, lnL, rhs33, positive=[sig])
# line 37: d lnL/dmu = sum -2(x_i-mu)/(2 sigma^2)   (author's claim)
check(37, D(rhs33, mu), sum(-2 * (xi - mu) / (2 * sig ** 2) for xi in x), positive=[sig])
# line 40: mu = sum x_i / N solves sum (x_i - mu) = 0
muhat = sum(x) / N
check(40, sum(xi - muhat for xi in x), 0)
# line 43: d/dt sum(-ln sqrt(2pi) - ln sqrt(t) - (x_i-mu)^2/(2t)) = sum(-1/(2t) + (x-mu)^2/(2t^2))
lnLt = sum(-sp.log(sp.sqrt(2 * sp.pi)) - sp.log(sp.sqrt(t)) - (xi - mu) ** 2 / (2 * t) for xi in x)
check(43, D(lnLt, t), sum(-1 / (2 * t) + (xi - mu) ** 2 / (2 * t ** 2) for xi in x), positive=[t])

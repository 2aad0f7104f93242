"""Establish m-kennethwang-kl-gaussians.md: KL divergence between two univariate Gaussians."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check

x = sp.Symbol("x", real=True)
mp, mq = sp.symbols("mu_p mu_q", real=True)
sp_, sq = sp.symbols("sigma_p sigma_q", positive=True)

P = 1 / (sp.sqrt(2 * sp.pi) * sp_) * sp.exp(-(x - mp) ** 2 / (2 * sp_ ** 2))   # line 23
Q = 1 / (sp.sqrt(2 * sp.pi) * sq) * sp.exp(-(x - mq) ** 2 / (2 * sq ** 2))


def E(f):
    """Expectation under P, by symbolic integration."""
    return sp.simplify(sp.integrate(sp.expand(P * f), (x, -sp.oo, sp.oo)))


logratio = sp.expand(sp.expand_log(sp.log(P / Q), force=True))
KL = E(logratio)                                           # line 8 definition with the pdfs of line 23

# line 29: the pdfs substituted inside the log (same integrand as the definition)
r29 = sp.expand(sp.expand_log(sp.log(
    (1 / (sp.sqrt(2 * sp.pi) * sp_) * sp.exp(-(x - mp) ** 2 / (2 * sp_ ** 2)))
    / (1 / (sp.sqrt(2 * sp.pi) * sq) * sp.exp(-(x - mq) ** 2 / (2 * sq ** 2)))), force=True))
check(29, logratio, r29)
# line 35: simplified log ratio (integrand comparison, then integrals)
r35 = sp.log(sq / sp_) - (x - mp) ** 2 / (2 * sp_ ** 2) + (x - mq) ** 2 / (2 * sq ** 2)
check(35, KL, E(r35))
# line 43, 46: Gaussian moments
check(43, E((x - mp) ** 2), sp_ ** 2)
check(46, E((x - mq) ** 2), sp_ ** 2 + (mp - mq) ** 2)
# line 52, 60: closed form
r52 = sp.log(sq / sp_) - sp.Rational(1, 2) + (sp_ ** 2 + (mp - mq) ** 2) / (2 * sq ** 2)
check(52, KL, r52)
r60 = sp.log(sq / sp_) + (sp_ ** 2 + (mp - mq) ** 2) / (2 * sq ** 2) - sp.Rational(1, 2)
check(60, r52, r60)

"""Establish f-borispolonsky-kl-gaussians.md: KL divergence between two univariate Gaussians.
Integrals against P = N(mu1, s1^2) of polynomials in x are evaluated with the Gaussian moments
E[1] = 1, E[x] = mu1, E[x^2] = s1^2 + mu1^2 (checked once against sympy.stats)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from sympy.stats import Normal, E as Exp
from _common import check, check_all

x = sp.Symbol("x", real=True)
mu1, mu2 = sp.symbols("mu1 mu2", real=True)
s1, s2 = sp.symbols("s1 s2", positive=True)
Xr = Normal("X", mu1, s1)
assert sp.simplify(Exp(Xr**2) - (s1**2 + mu1**2)) == 0 and sp.simplify(Exp(Xr) - mu1) == 0
def EP(expr):
    """integral of P(x) * expr dx for expr polynomial (degree <= 2) in x"""
    p = sp.Poly(sp.expand(expr), x)
    mom = {0: 1, 1: mu1, 2: s1**2 + mu1**2}
    return sum(c * mom[m[0]] for m, c in zip(p.monoms(), p.coeffs()))
Q = 1 / sp.sqrt(2 * sp.pi * s2**2) * sp.exp(-(x - mu2)**2 / (2 * s2**2))
P = 1 / sp.sqrt(2 * sp.pi * s1**2) * sp.exp(-(x - mu1)**2 / (2 * s1**2))
logQ = sp.expand_log(sp.log(Q), force=True)
logP = sp.expand_log(sp.log(P), force=True)
# line 16: the integrand log Q(x) written out (P(X) is P(x))
i16 = sp.log(1 / sp.sqrt(2 * sp.pi * s2**2) * sp.exp(-(x - mu2)**2 / (2 * s2**2)))
check(16, sp.log(Q), i16, positive=(s2,))
i18 = sp.log(1 / sp.sqrt(2 * sp.pi * s2**2)) - (x - mu2)**2 / (2 * s2**2)
check(18, sp.expand_log(i16, force=True), sp.expand_log(i18, force=True))
v18 = EP(sp.expand_log(i18, force=True))
v19 = -sp.Rational(1, 2) * sp.log(2 * sp.pi * s2**2) * EP(1) - 1 / (2 * s2**2) * EP((x - mu2)**2)
v20 = -sp.Rational(1, 2) * sp.log(2 * sp.pi * s2**2) - 1 / (2 * s2**2) * EP(x**2 - 2 * mu2 * x + mu2**2)
v21 = v20          # the integral of P(x)(...) written as an expectation over X ~ P
check(19, v18, v19); check(20, v19, v20); check(21, v20, v21)
check(24, EP(x**2), s1**2 + mu1**2)
v26 = -sp.Rational(1, 2) * sp.log(2 * sp.pi * s2**2) - 1 / (2 * s2**2) * (s1**2 + mu1**2 - 2 * mu1 * mu2 + mu2**2)
v28 = -sp.Rational(1, 2) * sp.log(2 * sp.pi * s2**2) - 1 / (2 * s2**2) * (s1**2 + (mu1 - mu2)**2)
check(26, EP(logQ), v26); check(28, v26, v28)
KL = EP(logP) - EP(logQ)
check(31, KL, sp.log(s2 / s1) - sp.Rational(1, 2) + 1 / (2 * s2**2) * (s1**2 + (mu1 - mu2)**2))

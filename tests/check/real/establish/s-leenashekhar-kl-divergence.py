"""Establish s-leenashekhar-kl-divergence.md: KL(q||p) for q = N(mu, s^2), p = N(0, 1).

Integrals against q are evaluated exactly by sympy on concrete Gaussians
(E_q[f] = int f q dz), with mu real and sigma > 0 symbolic.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all

z = sp.Symbol("z", real=True)
mu = sp.Symbol("mu", real=True)
s = sp.Symbol("sigma", positive=True)
pi = sp.pi

def E(f):
    """int f(z) q(z) dz for q = N(mu, s^2), f a polynomial in z (degree <= 2)."""
    f = sp.expand(f)
    P = sp.Poly(f, z)
    mom = {0: 1, 1: mu, 2: mu**2 + s**2}
    return sp.expand(sum(c * mom[m[0]] for m, c in zip(P.monoms(), P.coeffs())))

q = 1 / sp.sqrt(2 * pi * s**2) * sp.exp(-(z - mu)**2 / (2 * s**2))
logq = -sp.Rational(1, 2) * sp.log(2 * pi * s**2) - (z - mu)**2 / (2 * s**2)
logp = -sp.Rational(1, 2) * sp.log(2 * pi) - z**2 / 2          # p = N(0, 1)
check(47, sp.expand_log(sp.log(q), force=True), sp.log(1 / sp.sqrt(2 * pi * s**2)) - (z - mu)**2 / (2 * s**2))
check(48, sp.log(1 / sp.sqrt(2 * pi * s**2)) - (z - mu)**2 / (2 * s**2), logq)

CE = -E(logp)          # -int q log p
H = -E(logq)           # -int q log q
KL = CE - H            # definition, row 23
check(24, KL, CE + E(logq))
check(25, CE + E(logq), E(logq) - E(logp))   # int q log(q/p) = E[log q - log p]

# Entropy block
r65 = E(sp.Rational(1, 2) * sp.log(2 * pi * s**2) + (z - mu)**2 / (2 * s**2))
check(65, H, r65)
r66 = sp.Rational(1, 2) * sp.log(2 * pi * s**2) * E(1) + 1 / (2 * s**2) * E((z - mu)**2)
check(66, r65, r66)
r67 = sp.Rational(1, 2) * sp.log(2 * pi * s**2) + sp.Rational(1, 2)
check(67, r66, r67)
r68 = sp.Rational(1, 2) * sp.log(2 * pi) + sp.Rational(1, 2) * sp.log(s**2) + sp.Rational(1, 2)
check(68, r67, r68, positive=[s])

# "Cross Entropy" block: its first row repeats the entropy line verbatim
r78 = E(sp.Rational(1, 2) * sp.log(2 * pi * s**2) + (z - mu)**2 / (2 * s**2))
check(78, H, r78)                                   # true as written (it is the entropy)
r79 = sp.Rational(1, 2) * sp.log(2 * pi) * E(1) + sp.Rational(1, 2) * E(z**2)
check(79, r78, r79)                                 # chain continues from row 78
r80 = sp.Rational(1, 2) * sp.log(2 * pi) + sp.Rational(1, 2) * (mu**2 + s**2)
check(80, r79, r80)
# side facts
check(86, E(1), 1)
check(87, E(z**2), mu**2 + s**2)

# KL = CE - H
r96 = sp.Rational(1, 2) * sp.log(2 * pi) + sp.Rational(1, 2) * (mu**2 + s**2) - sp.Rational(1, 2) * sp.log(2 * pi) - sp.Rational(1, 2) * sp.log(s**2) - sp.Rational(1, 2)
check(96, KL, r96, positive=[s])
r97 = -sp.Rational(1, 2) * (1 + sp.log(s**2) + -mu**2 - s**2)
check(97, r96, r97)

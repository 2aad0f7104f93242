"""Establish zzl-ra1ndeer-multivariate-gaussian-kl.md: KL divergence between two multivariate
normal distributions p = N(mu0, Sigma0), q = N(mu1, Sigma1), and the VAE special case.

Concrete size D = 2.  Sigma0 = L L^T and Sigma1 = M M^T with L, M lower triangular with positive
diagonals (so both are positive definite).  Expectations under p are computed exactly: x = mu0 + L z
with z ~ N(0, I), the integrand (a polynomial of degree <= 2 in x, with constant log terms) is
expanded in z and each monomial replaced by its standard-normal moment.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check

D = 2
log = sp.log
x = sp.Matrix(sp.symbols("x1:3", real=True))
z = sp.symbols("z1:3", real=True)
m0 = sp.Matrix(sp.symbols("a1:3", real=True))
m1 = sp.Matrix(sp.symbols("b1:3", real=True))
l11, l22, k11, k22 = sp.symbols("l11 l22 k11 k22", positive=True)
l21, k21 = sp.symbols("l21 k21", real=True)
L = sp.Matrix([[l11, 0], [l21, l22]])
M = sp.Matrix([[k11, 0], [k21, k22]])
S0 = L * L.T
S1 = M * M.T
S0i, S1i = S0.inv(), S1.inv()
det0, det1 = (l11 * l22) ** 2, (k11 * k22) ** 2      # |Sigma0|, |Sigma1|
assert sp.simplify(S0.det() - det0) == 0 and sp.simplify(S1.det() - det1) == 0


def moment(k):
    return 0 if k % 2 else sp.factorial2(k - 1)


def Ep(expr):
    """E_{x ~ N(mu0, Sigma0)}[expr], expr polynomial in x."""
    e = sp.expand(sp.sympify(expr).xreplace(dict(zip(list(x), list(m0 + L * sp.Matrix(z))))))
    P = sp.Poly(e, *z)
    out = 0
    for mon, c in P.terms():
        w = 1
        for k in mon:
            w *= moment(k)
        out += c * w
    return sp.simplify(out)


def EpM(Mat):
    return Mat.applyfunc(Ep)


def quad(v, A):
    return (v.T * A * v)[0, 0]


def logf(mu, S, detS):
    """line 7: log of f(x; mu, Sigma) = (2 pi)^(-D/2) |Sigma|^(-1/2) exp(-1/2 (x-mu)^T Sigma^-1 (x-mu))"""
    return log(1 / sp.sqrt((2 * sp.pi) ** D * detS) * sp.exp(-quad(x - mu, S.inv()) / 2))


d0, d1 = x - m0, x - m1
logp = -sp.Rational(1, 2) * D * log(2 * sp.pi) - log(det0) / 2 - quad(d0, S0i) / 2   # line 13 form
logq = -sp.Rational(1, 2) * D * log(2 * sp.pi) - log(det1) / 2 - quad(d1, S1i) / 2
KL = Ep(logp - logq)                                   # line 17/19: E_p[log p - log q]

# line 11: log f = -1/2 log[(2 pi)^D |Sigma|] - 1/2 (x-mu)^T Sigma^-1 (x-mu)
check(11, sp.expand_log(logf(m0, S0, det0), force=True),
      -log((2 * sp.pi) ** D * det0) / 2 - quad(d0, S0i) / 2)
# line 13: = -D/2 log(2 pi) - 1/2 log|Sigma| - 1/2 (x-mu)^T Sigma^-1 (x-mu)
check(13, -log((2 * sp.pi) ** D * det0) / 2 - quad(d0, S0i) / 2, logp)
# line 19: E_p[log p/q] = E_p[log p - log q]
check(19, Ep(logp - logq), KL)
# lines 23 + 25: E_p[log p] + E_p[-log q] written out
row23 = Ep(-sp.Rational(1, 2) * D * log(2 * sp.pi) - log(det0) / 2 - quad(d0, S0i) / 2) \
    + Ep(sp.Rational(1, 2) * D * log(2 * sp.pi) + log(det1) / 2 + quad(d1, S1i) / 2)
check(23, row23, KL)
# lines 27 + 29
row27 = log(det1 / det0) / 2 + Ep(quad(d1, S1i)) / 2 - Ep(quad(d0, S0i)) / 2
check(27, row27, row23)
# chain of lines 33-39, value E_p[(x-mu0)^T Sigma0^-1 (x-mu0)]
E33 = Ep(quad(d0, S0i))
check(35, (EpM(d0.T * S0i * d0)).trace(), E33)            # E[tr{scalar}]
check(37, Ep((d0 * d0.T * S0i).trace()), E33)             # cyclic trace
check(39, (EpM(d0 * d0.T * S0i)).trace(), E33)            # trace out of the expectation
# line 45: Sigma0^-1 out of the expectation
check(45, (EpM(d0 * d0.T) * S0i).trace(), (EpM(d0 * d0.T * S0i)).trace())
# line 49: tr{E[(x-mu0)(x-mu0)^T] Sigma0^-1} = tr{Sigma0 Sigma0^-1}
check(49, (EpM(d0 * d0.T) * S0i).trace(), (S0 * S0i).trace())
# line 51: = tr{I} = D
check(51, (S0 * S0i).trace(), D)
# line 57: E_p[(x-mu1)^T Sigma1^-1 (x-mu1)] = (mu0-mu1)^T Sigma1^-1 (mu0-mu1) + tr{Sigma1^-1 Sigma0}
check(57, Ep(quad(d1, S1i)), quad(m0 - m1, S1i) + (S1i * S0).trace())
# lines 61 + 63: final formula
check(61, KL, log(det1 / det0) / 2 - sp.Rational(D, 2) + quad(m0 - m1, S1i) / 2 + (S1i * S0).trace() / 2)

# VAE part: sigma^2 = diag(s1^2, s2^2)
s = sp.symbols("s1:3", positive=True)
mu = sp.Matrix(sp.symbols("mu1:3", real=True))
Sd = sp.diag(*[si ** 2 for si in s])
f73 = 1 / sp.sqrt((2 * sp.pi) ** D * Sd.det()) * sp.exp(-quad(x - mu, Sd.inv()) / 2)
f77 = 1 / sp.sqrt((2 * sp.pi) ** D * sp.prod([si ** 2 for si in s])) * \
    sp.exp(-sp.Rational(1, 2) * sum((x[i] - mu[i]) ** 2 / s[i] ** 2 for i in range(D)))
f81 = sp.prod([1 / sp.sqrt(2 * sp.pi * s[i] ** 2) * sp.exp(-(x[i] - mu[i]) / (2 * s[i] ** 2))
               for i in range(D)])
check(77, f77, f73)
check(81, f81, f77)
# line 85: KL[N(mu, diag sigma^2) || N(0, I)], computed directly as E_q[log q - log p]
# (reuse Ep with L = diag(s), mu0 = mu, Sigma1 = I, mu1 = 0)
sub = {l11: s[0], l22: s[1], l21: 0, k11: 1, k22: 1, k21: 0,
       m0[0]: mu[0], m0[1]: mu[1], m1[0]: 0, m1[1]: 0}
KL_vae = sp.simplify(KL.subs(sub))
check(85, KL_vae, sp.Rational(1, 2) * sum(mu[i] ** 2 + s[i] ** 2 - log(s[i] ** 2) - 1 for i in range(D)))

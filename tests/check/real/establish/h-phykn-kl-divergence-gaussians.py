"""Establish h-phykn-kl-divergence-gaussians.md: KL identities on a 3-point distribution and the
Gaussian closed form via the moments E_p[x] = mu_p, E_p[x^2] = sigma_p^2 + mu_p^2."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all

p1, p2, q1, q2 = sp.symbols("p1 p2 q1 q2", positive=True)
P = [p1, p2, 1 - p1 - p2]
Q = [q1, q2, 1 - q1 - q2]
sub = {p1: sp.Rational(1, 5), p2: sp.Rational(1, 2), q1: sp.Rational(1, 3), q2: sp.Rational(1, 4)}
R = range(3)
KL = sum(P[i] * sp.log(P[i] / Q[i]) for i in R)
r42 = -sum(P[i] * sp.log(Q[i] / P[i]) for i in R)
check(42, KL, r42, subs=sub)
check(43, r42, sum(P[i] * (-sp.log(Q[i] / P[i])) for i in R), subs=sub)
EqP = sum(P[i] * (Q[i] / P[i]) for i in R)
check(45, -sp.log(EqP), -sp.log(sum(P[i] * Q[i] / P[i] for i in R)), subs=sub)
check(46, -sp.log(sum(P[i] * Q[i] / P[i] for i in R)), -sp.log(sum(Q)), subs=sub)
check(47, -sp.log(sum(Q)), -sp.log(1), subs=sub)
check(48, -sp.log(1), 0)
check(57, KL, sum(P[i] * sp.log(P[i] / Q[i]) for i in R), subs=sub)
check(58, KL, sum(P[i] * sp.log(P[i]) for i in R) - sum(P[i] * sp.log(Q[i]) for i in R), subs=sub)

x, mp, mq = sp.symbols("x mu_p mu_q", real=True)
sp_, sq = sp.symbols("sigma_p sigma_q", positive=True)
def Ep(expr):
    """E_p of a polynomial of degree <= 2 in x, x ~ N(mu_p, sigma_p^2)."""
    e = sp.expand(expr)
    poly = sp.Poly(e, x)
    mom = {0: 1, 1: mp, 2: sp_ ** 2 + mp ** 2}
    return sum(c * mom[m[0]] for m, c in zip(poly.monoms(), poly.coeffs()))
dens = lambda m, s: 1 / (sp.sqrt(2 * sp.pi) * s) * sp.exp(-(x - m) ** 2 / (2 * s ** 2))
logp = sp.expand_log(sp.log(dens(mp, sp_)), force=True)
logq = sp.expand_log(sp.log(dens(mq, sq)), force=True)
KLg = Ep(logp - logq)
closed = sp.log(sq / sp_) + (sp_ ** 2 + (mp - mq) ** 2) / (2 * sq ** 2) - sp.Rational(1, 2)
check(70, KLg, closed)
check(77, KLg, Ep(logp - logq))
check(78, Ep(logp - logq), Ep(logp - logq))
check(79, Ep(logp - logq), Ep(logp - logq))
check(80, Ep(logp - logq), Ep(logp) - Ep(logq))
c_p = sp.log(1 / (sp.sqrt(2 * sp.pi) * sp_))
c_q = sp.log(1 / (sp.sqrt(2 * sp.pi) * sq))
check(81, Ep(logp), Ep(sp.expand_log(sp.log(1 / (sp.sqrt(2 * sp.pi) * sp_) * sp.exp(-(x - mp) ** 2 / (2 * sp_ ** 2))), force=True)))
r82 = c_p - 1 / (2 * sp_ ** 2) * Ep((x - mp) ** 2)
check(82, Ep(logp), r82)
r83 = c_p - 1 / (2 * sp_ ** 2) * sp_ ** 2
check(83, r82, r83)
r84 = c_p - sp.Rational(1, 2)
check(84, r83, r84)
check(85, Ep(logq), Ep(sp.expand_log(sp.log(1 / (sp.sqrt(2 * sp.pi) * sq) * sp.exp(-(x - mq) ** 2 / (2 * sq ** 2))), force=True)))
r86 = c_q - 1 / (2 * sq ** 2) * Ep((x - mq) ** 2)
check(86, Ep(logq), r86)
r87 = c_q - 1 / (2 * sq ** 2) * Ep(x ** 2 - 2 * x * mq + mq ** 2)
check(87, r86, r87)
r88 = c_q - 1 / (2 * sq ** 2) * Ep(x ** 2 - 2 * x * mq + mq ** 2 - 2 * x * mp + 2 * x * mp + mp ** 2 - mp ** 2)
check(88, r87, r88)
r89 = c_q - 1 / (2 * sq ** 2) * Ep((x ** 2 - 2 * x * mp + mp ** 2) - 2 * x * mq + 2 * x * mp + mq ** 2 - mp ** 2)
check(89, r88, r89)
r90 = c_q - 1 / (2 * sq ** 2) * (Ep((x - mp) ** 2) - 2 * mp * mq + 2 * mp ** 2 + mq ** 2 - mp ** 2)
check(90, r89, r90)
r91 = c_q - (sp_ ** 2 + (mp - mq) ** 2) / (2 * sq ** 2)
check(91, r90, r91)
r92 = c_p - sp.Rational(1, 2) - c_q + (sp_ ** 2 + (mp - mq) ** 2) / (2 * sq ** 2)
check(92, r84 - r91, r92)
check(93, r92, closed)

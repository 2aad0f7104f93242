"""zf-kenenbek-kl-divergence.md: KL = H(P,Q) - H(P) and the Jensen-proof equalities,
discrete P, Q over 4 outcomes."""
import sympy as sp
from _common import vec, check

n = 4
P = vec("P", n, positive=True)
Q = vec("Q", n, positive=True)
H = -sum(p * sp.log(p) for p in P)
HPQ = -sum(p * sp.log(q) for p, q in zip(P, Q))
KL52 = HPQ - H                                     # line 52 defines D_KL as H(P,Q) - H(P)
r56 = -sum(p * sp.log(q) for p, q in zip(P, Q)) - (-sum(p * sp.log(p) for p in P))
r58 = -sum(p * sp.log(q) for p, q in zip(P, Q)) + sum(p * sp.log(p) for p in P)
r60 = sum(p * (sp.log(p) - sp.log(q)) for p, q in zip(P, Q))
r62 = sum(p * sp.log(p / q) for p, q in zip(P, Q))
check(56, KL52, r56)
check(58, r56, r58)
check(60, r58, r60)
check(62, r60, r62)
check(66, r62, sum(p * sp.log(p / q) for p, q in zip(P, Q)))   # E_{x~P}[.] = sum P(x)(.)
negKL = -r62
r86 = sum(p * sp.log(q / p) for p, q in zip(P, Q))
check(86, negKL, r86)
check(88, r86, sum(p * sp.log(q / p) for p, q in zip(P, Q)))
# line 93: log sum P*Q/P = log sum Q = log 1 = 0, with Q a distribution (sum Q = 1)
sub = {Q[-1]: 1 - sum(Q[:-1])}
check(93, sp.log(sum(p * q / p for p, q in zip(P, Q))), 0, subs=sub)

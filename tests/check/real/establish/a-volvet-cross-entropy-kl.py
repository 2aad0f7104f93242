"""a-volvet-cross-entropy-kl.md: H(p,q) = H(p) + KL(p||q) for discrete p, q over 4 outcomes."""
import sympy as sp
from _common import vec, check

n = 4
p = vec("p", n, positive=True)
q = vec("q", n, positive=True)
H = -sum(pi * sp.log(pi) for pi in p)
Hpq = -sum(pi * sp.log(qi) for pi, qi in zip(p, q))
KL = sum(pi * sp.log(pi / qi) for pi, qi in zip(p, q))
check(19, Hpq, -sum(pi * sp.log(qi) for pi, qi in zip(p, q)))
r20 = -sum(pi * sp.log(pi) for pi in p) + sum(pi * sp.log(pi / qi) for pi, qi in zip(p, q))
check(20, -sum(pi * sp.log(qi) for pi, qi in zip(p, q)), r20)
check(21, r20, H + KL)

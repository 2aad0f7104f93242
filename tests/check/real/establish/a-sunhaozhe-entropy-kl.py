"""a-sunhaozhe-entropy-kl.md: H(P,Q) = H(P) + KL(P||Q) with the integral definitions.

The integrals are over the same set, so the identity holds if the integrands agree pointwise;
checked pointwise and on a discrete 4-point analogue.
"""
import sympy as sp
from _common import vec, check_all

P, Q = sp.symbols("P Q", positive=True)
ptw = (-P * sp.log(Q), -P * sp.log(P) + P * sp.log(P / Q))
p, q = vec("p", 4, positive=True), vec("q", 4, positive=True)
disc = (-sum(a * sp.log(b) for a, b in zip(p, q)),
        -sum(a * sp.log(a) for a in p) + sum(a * sp.log(a / b) for a, b in zip(p, q)))
check_all(38, [ptw, disc])

"""Establish c-dburian-vae-kl.md: marginal likelihood, ELBO decomposition, KL of two normals.

Latent z discrete with 3 values: prior P(z) = (a1, a2, 1-a1-a2), decoder values c_z = P(x|z) > 0,
encoder Q(z|x) = (q1, q2, 1-q1-q2); expectations are finite sums. The normal KL is computed
with sympy.stats as E_P[log p(X) - log q(X)], X ~ N(mu_1, sigma_1^2)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from sympy.stats import Normal, E, density
from _common import equal

R = sp.Rational
a1, a2, q1, q2 = sp.symbols("a1 a2 q1 q2", positive=True)
c = sp.symbols("c1:4", positive=True)
P = [a1, a2, 1 - a1 - a2]; Q = [q1, q2, 1 - q1 - q2]
pts = {a1: R(1, 5), a2: R(1, 2), q1: R(3, 10), q2: R(1, 10)}     # probabilities inside the simplex
Ez = lambda dist, f: sum(dist[k] * f(k) for k in range(3))
logPx = sp.log(sum(P[k] * c[k] for k in range(3)))
def say(line, pairs):
    ok = all(equal(sp.sympify(a).subs(pts), sp.sympify(b).subs(pts), positive=c) for a, b in pairs)
    print(f"line {line}: {'holds' if ok else 'fails'}")
say(35, [(logPx, sp.log(sum(P[k] * c[k] for k in range(3)))), (sp.log(sum(P[k] * c[k] for k in range(3))), sp.log(Ez(P, lambda k: c[k])))])
say(45, [(logPx, sp.log(Ez(P, lambda k: c[k])))])
say(46, [(sp.log(Ez(P, lambda k: c[k])), sp.log(Ez(Q, lambda k: c[k] * P[k] / Q[k])))])
elbo = Ez(Q, lambda k: sp.log(c[k]) + sp.log(P[k]) - sp.log(Q[k]))
KL_QP = Ez(Q, lambda k: sp.log(Q[k] / P[k]))
say(63, [(elbo, Ez(Q, lambda k: sp.log(c[k])) - KL_QP)])
m1, m2 = sp.symbols("mu1 mu2", real=True); s1, s2 = sp.symbols("sigma1 sigma2", positive=True)
X = Normal("X", m1, s1)
x = sp.Symbol("x", real=True)
logp = sp.log(1 / sp.sqrt(2 * sp.pi * s1 ** 2)) - (x - m1) ** 2 / (2 * s1 ** 2)
logq = sp.log(1 / sp.sqrt(2 * sp.pi * s2 ** 2)) - (x - m2) ** 2 / (2 * s2 ** 2)
kl = sp.simplify(E((logp - logq).subs(x, X)))
claim = sp.log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - R(1, 2)
print(f"line 92: {'holds' if equal(kl, claim, positive=(s1, s2)) else 'fails'}")

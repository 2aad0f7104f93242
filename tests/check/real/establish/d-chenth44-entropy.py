"""Establish d-chenth44-entropy.md: entropy / cross-entropy facts of an Obsidian note.

Discrete rows use a 3-point distribution with symbolic probabilities (p3 = 1 - p1 - p2);
Gaussian entropies use the exact 1-D integral and, for d = 2, the expectation of the
quadratic form computed from the first two moments of N(mu, Sigma).
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, equal

def say(line, ok):
    print(f"line {line}: {'holds' if ok else 'fails'}")

p1, p2, q1, q2 = sp.symbols("p1 p2 q1 q2", positive=True)
p = [p1, p2, 1 - p1 - p2]
q = [q1, q2, 1 - q1 - q2]
xs = [1, 2, 3]                                   # the outcomes x of the discrete distribution
pt = {p1: sp.Rational(1, 5), p2: sp.Rational(1, 2), q1: sp.Rational(3, 10), q2: sp.Rational(1, 5)}

# line 23: -E_p[log p] = -sum p(x) log(x) (discrete branch as written): fails
Hp = -sum(pi * sp.log(pi) for pi in p)
row = -sum(pi * sp.log(x) for pi, x in zip(p, xs))
say(23, equal(Hp.subs(pt), row.subs(pt)))

# line 51: Bernoulli entropy
th = sp.Symbol("theta", positive=True)
H_b = -sum(pi * sp.log(pi) for pi in (th, 1 - th))
check(51, H_b, -th * sp.log(th) - (1 - th) * sp.log(1 - th), subs={th: sp.Rational(3, 10)})

# line 60: H(N(mu, Sigma)) = 1/2 log det(2 pi e Sigma) = d/2 + d/2 log(2 pi) + 1/2 log det Sigma, d = 2
d = 2
s11, s22 = sp.symbols("s11 s22", positive=True); s12 = sp.Symbol("s12", real=True)
Sig = sp.Matrix([[s11, s12], [s12, s22]])
mu = sp.Matrix(sp.symbols("m1 m2", real=True))
x = sp.Matrix(sp.symbols("x1 x2", real=True))
logp = -sp.Rational(d, 2) * sp.log(2 * sp.pi) - sp.log(Sig.det()) / 2 - ((x - mu).T * Sig.inv() * (x - mu))[0] / 2
def expect(poly):
    """E[poly(x)] for x ~ N(mu, Sigma), poly of degree <= 2, from E[x_i] = mu_i, E[x_i x_j] = Sigma_ij + mu_i mu_j."""
    P = sp.Poly(sp.expand(poly), *x)
    tot = 0
    for mon, c in P.terms():
        if sum(mon) == 0:
            tot += c
        elif sum(mon) == 1:
            tot += c * mu[mon.index(1)]
        else:
            idx = [k for k in range(d) for _ in range(mon[k])]
            tot += c * (Sig[idx[0], idx[1]] + mu[idx[0]] * mu[idx[1]])
    return tot
H_gauss = -expect(logp)
r1 = sp.log((2 * sp.pi * sp.E * Sig).det()) / 2
r2 = sp.Rational(d, 2) + sp.Rational(d, 2) * sp.log(2 * sp.pi) + sp.log(Sig.det()) / 2
spd = {s11: sp.Rational(3, 2), s22: sp.Rational(4, 5), s12: sp.Rational(1, 3)}
say(60, equal(H_gauss.subs(spd), r1.subs(spd)) and equal(r1.subs(spd), r2.subs(spd)))

# line 64: univariate entropy, exact integral
t = sp.Symbol("t", real=True); m = sp.Symbol("m", real=True); sg = sp.Symbol("sigma", positive=True)
dens = sp.exp(-(t - m) ** 2 / (2 * sg ** 2)) / sp.sqrt(2 * sp.pi * sg ** 2)
H1 = -sp.integrate(sp.expand_log(dens * sp.log(dens), force=True), (t, -sp.oo, sp.oo))
check(64, H1, sp.log(2 * sp.pi * sp.E * sg ** 2) / 2, positive=(sg,))

# line 80: -sum_{i=1}^4 0.25 * 2 = 2: the sum is -2
lhs80 = -sum(sp.Rational(1, 4) * 2 for _ in range(4))
say(80, lhs80 == 2)

# line 99: -[0.25 log2 0.5 + 0.25 log2 0.25 + 0.25 log2 0.125 + 0.25 log2 0.125] = 2.25
l2 = lambda v: sp.log(v, 2)
v99 = -(sp.Rational(1, 4) * l2(sp.Rational(1, 2)) + sp.Rational(1, 4) * l2(sp.Rational(1, 4))
        + 2 * sp.Rational(1, 4) * l2(sp.Rational(1, 8)))
say(99, sp.nsimplify(sp.simplify(v99)) == sp.Rational(9, 4))

# line 115: H(p,q) - H(p) = -E_p[log q] + E_p[log p] = E_p[log p/q] = E_p[-log q/p]
Hpq = -sum(pi * sp.log(qi) for pi, qi in zip(p, q))
chain = [-sum(pi * sp.log(qi) for pi, qi in zip(p, q)) + sum(pi * sp.log(pi) for pi in p),
         sum(pi * sp.log(pi / qi) for pi, qi in zip(p, q)),
         sum(pi * -sp.log(qi / pi) for pi, qi in zip(p, q))]
say(115, all(equal((Hpq - Hp).subs(pt), c.subs(pt)) for c in chain)
         and all(equal((Hpq - Hp).subs({p1: sp.Rational(1, 7), p2: sp.Rational(2, 3), q1: sp.Rational(1, 2), q2: sp.Rational(1, 4)}),
                       c.subs({p1: sp.Rational(1, 7), p2: sp.Rational(2, 3), q1: sp.Rational(1, 2), q2: sp.Rational(1, 4)})) for c in chain))

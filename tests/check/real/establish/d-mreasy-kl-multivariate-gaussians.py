"""Establish d-mreasy-kl-multivariate-gaussians.md: KL divergence between two k-dimensional Gaussians, k = 2.

E_p is applied to polynomials of degree <= 2 in x from the first two moments of p = N(mu_p, Sigma_p):
E[x_i] = mu_p,i and E[x_i x_j] = Sigma_p,ij + mu_p,i mu_p,j (matrices entry-wise). The covariances are
fixed symmetric positive-definite rational matrices; the means and x stay symbolic."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import equal

def say(line, ok):
    print(f"line {line}: {'holds' if ok else 'fails'}")

k = 2
x = sp.Matrix(sp.symbols("x1:3", real=True))
mp = sp.Matrix(sp.symbols("m1:3", real=True)); mq = sp.Matrix(sp.symbols("n1:3", real=True))
Sp = sp.Matrix([[sp.Rational(3, 2), sp.Rational(1, 3)], [sp.Rational(1, 3), sp.Rational(4, 5)]])
Sq = sp.Matrix([[sp.Rational(2, 3), sp.Rational(-1, 4)], [sp.Rational(-1, 4), sp.Rational(7, 5)]])
I = sp.eye(k)

def E(expr):
    P = sp.Poly(sp.expand(expr), *x)
    tot = 0
    for mon, c in P.terms():
        deg = sum(mon)
        if deg == 0:
            tot += c
        elif deg == 1:
            tot += c * mp[mon.index(1)]
        else:
            idx = [i for i in range(k) for _ in range(mon[i])]
            tot += c * (Sp[idx[0], idx[1]] + mp[idx[0]] * mp[idx[1]])
    return tot
EM = lambda M: M.applyfunc(E)
quad = lambda v, A: (v.T * A * v)[0]
logpdf = lambda m, S: -sp.Rational(k, 2) * sp.log(2 * sp.pi) - sp.log(S.det()) / 2 - quad(x - m, S.inv()) / 2
tr = lambda M: M.trace()
lr = sp.log(Sq.det() / Sp.det())

KL = E(sp.expand(logpdf(mp, Sp) - logpdf(mq, Sq)))                 # E_p[log p - log q]
r27 = E(lr / 2 - quad(x - mp, Sp.inv()) / 2 + quad(x - mq, Sq.inv()) / 2)
r29 = E(lr) / 2 - E(quad(x - mp, Sp.inv())) / 2 + E(quad(x - mq, Sq.inv())) / 2
r31 = lr / 2 - E(quad(x - mp, Sp.inv())) / 2 + E(quad(x - mq, Sq.inv())) / 2
# the pointwise identity inside the expectation of line 27
assert equal(sp.expand(logpdf(mp, Sp) - logpdf(mq, Sq)), lr / 2 - quad(x - mp, Sp.inv()) / 2 + quad(x - mq, Sq.inv()) / 2)
say(25, equal(KL, E(sp.expand(logpdf(mp, Sp) - logpdf(mq, Sq)))))
say(27, equal(KL, r27)); say(29, equal(r27, r29)); say(31, equal(r29, r31))

second = E(quad(x - mp, Sp.inv())) / 2                              # 'the second term'
d = x - mp
r40 = E(tr(d * d.T * Sp.inv())) / 2
r46 = tr(EM(d * d.T * Sp.inv())) / 2
r48 = tr(EM(d * d.T) * Sp.inv()) / 2
say(40, equal(second, r40)); say(46, equal(r40, r46)); say(48, equal(r46, r48))
r56 = tr(Sp * Sp.inv()) / 2; r58 = tr(I) / 2; r60 = sp.Rational(k, 2)
say(56, equal(r48, r56)); say(58, equal(r56, r58)); say(60, equal(r58, r60))
say(67, equal(E(quad(x - mq, Sq.inv())), quad(mp - mq, Sq.inv()) + tr(Sq.inv() * Sp)))
r73 = (lr - k + quad(mp - mq, Sq.inv()) + tr(Sq.inv() * Sp)) / 2
say(73, equal(KL, r73))
# line 79: q = N(0, I)
KL0 = E(sp.expand(logpdf(mp, Sp) - logpdf(sp.zeros(k, 1), I)))
say(79, equal(KL0, (quad(mp, I) + tr(Sp) - k - sp.log(Sp.det())) / 2))

import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _b_util import chain, equal

x, mu = sp.symbols('x mu', real=True)
s = sp.symbols('sigma', positive=True)
# true log density of N(mu, sigma^2)
logp = sp.log(sp.exp(-(x - mu) ** 2 / (2 * s ** 2)) / sp.sqrt(2 * sp.pi * s ** 2))
R = {'default': (-2, 2), s: (0.3, 2)}
chain(6, logp, -sp.Rational(1, 2) * sp.log(2 * sp.pi) - (x - mu) ** 2 / (2 * s ** 2), ranges=R)
chain(12, sp.diff(logp, x), -(x - mu) / s ** 2, ranges=R)
chain(18, sp.diff(logp, mu), (x - mu) / s ** 2, ranges=R)
chain(24, sp.diff(logp, s), (x - mu) ** 2 / s ** 3, ranges=R)

# multivariate, n = 2, Sigma = L L^T with L lower triangular
n = 2
l11, l21, l22 = sp.symbols('l11 l21 l22', real=True)
Lfull = sp.Matrix(2, 2, sp.symbols('a0:4', real=True))   # general L for the dL gradient
xv = sp.Matrix(sp.symbols('x1:3', real=True)); mv = sp.Matrix(sp.symbols('m1:3', real=True))
pt = {sp.Symbol('a0', real=True): sp.Rational(13, 10), sp.Symbol('a1', real=True): sp.Rational(2, 10),
      sp.Symbol('a2', real=True): sp.Rational(-4, 10), sp.Symbol('a3', real=True): sp.Rational(9, 10),
      xv[0]: sp.Rational(7, 10), xv[1]: sp.Rational(-3, 10), mv[0]: sp.Rational(1, 10), mv[1]: sp.Rational(5, 10)}
L = Lfull
Sig = L * L.T
d = xv - mv
def logpv(xx, mm, LL):
    S = LL * LL.T
    dd = xx - mm
    # log of the multivariate normal density, written from the density itself
    dens = sp.exp(-(dd.T * S.inv() * dd)[0] / 2) / sp.sqrt((2 * sp.pi) ** n * S.det())
    return sp.log(dens)
lp = logpv(xv, mv, L)
lp_claim = -sp.Rational(1, 2) * n * sp.log(2 * sp.pi) - sp.Rational(1, 2) * sp.log(Sig.det()) - sp.Rational(1, 2) * (d.T * Sig.inv() * d)[0]
ok = all(abs(sp.N((lp - lp_claim).subs(pt).subs(q), 40)) < 1e-25 for q in [{}, {xv[0]: 2, mv[1]: -1}])
print('line 32: %s' % ('holds' if ok else 'fails'))

def meq(A, B):
    D = (A - B).subs(pt)
    return all(abs(sp.N(v, 40)) < 1e-25 for v in D)
gx = sp.Matrix([sp.diff(lp, v) for v in xv])
gm = sp.Matrix([sp.diff(lp, v) for v in mv])
Si = Sig.inv()
print('line 39: %s' % ('holds' if meq(gx, -sp.Rational(1, 2) * Si * (2 * xv - 2 * mv)) else 'fails'))
print('line 41: %s' % ('holds' if meq(-sp.Rational(1, 2) * Si * (2 * xv - 2 * mv), -(L * L.T).inv() * d) else 'fails'))
print('line 49: %s' % ('holds' if meq(gm, sp.Rational(1, 2) * Si * (2 * xv - 2 * mv)) else 'fails'))
print('line 51: %s' % ('holds' if meq(sp.Rational(1, 2) * Si * (2 * xv - 2 * mv), (L * L.T).inv() * d) else 'fails'))
gL = sp.Matrix(2, 2, lambda i, j: sp.diff(lp, L[i, j]))
# line 60: the term (x-mu) Sigma^-1 Sigma^-1 (x-mu)^T is ill-typed; try both readings
quad = (d.T * Si * Si * d)[0] * sp.eye(2)          # scalar reading, times I
outer = Si * d * d.T * Si                            # matrix reading
r60 = [-sp.Rational(1, 2) * Si.T - sp.Rational(1, 2) * M for M in (quad, outer)]
ok60 = any(meq(gL, r) for r in r60)
print('line 59: %s' % ('holds' if ok60 else 'fails'))
r61 = [sp.Rational(1, 2) * (M - Si.T) for M in (quad, outer)]
ok61 = any(meq(a, b) for a, b in zip(r60, r61))
print('line 61: %s' % ('holds' if ok61 else 'fails'))

"""Establish e-scutan90-gaussian-mle.md: Gaussian log-likelihood and the MLE of mu (n = 3 observations)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec

n = 3
x = vec("x", n, real=True)
mu = sp.Symbol("mu", real=True)
s = sp.Symbol("sigma", positive=True)
P = lambda xi: 1 / (s * sp.sqrt(2 * sp.pi)) * sp.exp(-(xi - mu) ** 2 / (2 * s**2))
joint_indep = sp.Mul(*[P(t) for t in x])          # independence: joint density = product
r17 = P(x[0]) * P(x[1]) * P(x[2])                  # the row, written out for n = 3
check(17, joint_indep, r17)
lnP = sp.log(joint_indep)
r26 = sum(sp.log(1 / (s * sp.sqrt(2 * sp.pi))) - (t - mu) ** 2 / (2 * s**2) for t in x)
check(26, lnP, r26)
r36 = -n * sp.log(s) - sp.Rational(n, 2) * sp.log(2 * sp.pi) - 1 / (2 * s**2) * sum((t - mu) ** 2 for t in x)
check(36, r26, r36)
r41 = n / s**2 * (mu - sum(x))
check(41, sp.diff(lnP, mu), r41)
sol = sp.solve(sp.Eq(sp.diff(r36, mu), 0), mu)
check(46, sol[0], sum(x) / n)

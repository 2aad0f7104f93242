"""Establish zzh-dsondh-gaussian-laplace-mle.md: MLE of (mu, sigma) for the double exponential
(Laplace) DE(mu, sigma) and of (mu, sigma^2) for N(mu, sigma^2) (Korean mathematical-statistics notes).

Concrete size n = 3 samples (n = 2m + 1 with m = 1, as the Laplace example requires).
The true log-likelihoods are built from the densities the document states (lines 42 and 72).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
import _common
from _common import check, check_all, equal

_common.EXACT = False      # simplify on the |x - mu| terms is slow; the 40-digit numbers decide

n = 3
x = sp.symbols("x1:4", real=True)
mu = sp.Symbol("mu", real=True)
s = sp.Symbol("sigma", positive=True)       # Laplace scale sigma
v = sp.Symbol("v", positive=True)           # v = sigma^2 of the normal model

# line 12: l = log L = sum log f(x_i; theta), with positive density values f1, f2, f3
f = sp.symbols("f1:4", positive=True)
check(12, sp.log(f[0] * f[1] * f[2]), sum(sp.log(t) for t in f), positive=f)

# ---- Laplace DE(mu, sigma): pdf = 1/(2 sigma) exp(-|x - mu| / sigma)   (line 42, definition)
pdf_de = lambda t: 1 / (2 * s) * sp.exp(-sp.Abs(t - mu) / s)
l_de = sp.expand_log(sum(sp.log(pdf_de(t)) for t in x), force=True)                             # true log-likelihood
S_abs = sum(sp.Abs(t - mu) for t in x)
r43 = -S_abs / s + n * sp.log(s) + n * sp.log(2)                       # the row: + n log sigma + n log 2
check(43, l_de, r43, positive=(s,))                                    # true: - n log sigma - n log 2

# line 49: d/dsigma l(mu_hat, sigma), mu_hat held fixed (written mu here)
r49 = -S_abs / s ** 2 + n / s
check(49, sp.diff(l_de, s), r49, positive=(s,))                        # true: + S/sigma^2 - n/sigma
print("#  line 49 is not the derivative of the row-43 expression either:",
      equal(sp.diff(r43, s), r49, positive=(s,)))

# line 54: theta_hat = (X_(m+1), (1/n) sum |X_i - X_(m+1)|), n = 3, m = 1.
# mu part: at the sample median the one-sided slopes of l in mu change sign (l is concave
# piecewise-linear in mu); checked on a concrete sample.  sigma part: the root of the true
# d l/d sigma (with mu = median) is (1/n) sum |x_i - median| and l is concave there.
sample = {x[0]: sp.Rational(7, 5), x[1]: sp.Rational(-3, 2), x[2]: sp.Rational(2, 5)}
med = sp.Rational(2, 5)
eps = sp.Rational(1, 1000)
lin = -sum(sp.Abs(t - mu) for t in x).subs(sample)                     # l = lin/sigma + const
slope_left = sp.diff(lin, mu).subs(mu, med - eps)
slope_right = sp.diff(lin, mu).subs(mu, med + eps)
mu_ok = slope_left > 0 and slope_right < 0
S_med = sum(sp.Abs(t - med) for t in x).subs(sample)
dl_s = sp.diff(l_de, s).subs(sample).subs(mu, med)
sig_root = sp.solve(sp.Eq(dl_s, 0), s)
sig_ok = (len(sig_root) == 1 and equal(sig_root[0], S_med / n)
          and sp.diff(l_de, s, 2).subs(sample).subs(mu, med).subs(s, sig_root[0]) < 0)
print(f"line 54: {'holds' if mu_ok and sig_ok else 'fails'}")

# ---- Normal N(mu, sigma^2): pdf = (2 pi v)^(-1/2) exp(-(x - mu)^2 / (2 v))   (line 72, definition)
pdf_n = lambda t: (2 * sp.pi * v) ** sp.Rational(-1, 2) * sp.exp(-sp.Rational(1, 2) * (t - mu) ** 2 / v)
l_n = sp.expand_log(sum(sp.log(pdf_n(t)) for t in x), force=True)   # true log-likelihood
S2 = sum((t - mu) ** 2 for t in x)
r73 = -S2 / (2 * v) - sp.Rational(n, 2) * sp.log(v) - sp.Rational(n, 2) * sp.log(2 * sp.pi)
check(73, l_n, r73, positive=(v,))

xbar = sum(x) / n
check(78, S2, sum((t - xbar) ** 2 for t in x) + n * (xbar - mu) ** 2)

# line 85: d/d(sigma^2) l(mu_hat, sigma^2) with mu_hat = xbar
S2bar = sum((t - xbar) ** 2 for t in x)
r85 = -S2bar / (2 * v ** 2) - sp.Rational(n, 2) / v
check(85, sp.diff(l_n, v).subs(mu, xbar), r85, positive=(v,))           # true: + S/(2 v^2) - n/(2 v)

# line 90: theta_hat = (Xbar, (1/n) sum (X_i - Xbar)^2): the unique root of the true gradient
# (d l/d mu = 0 is linear in mu; then d l/d sigma^2 = 0 at mu = xbar has one positive root),
# with the Hessian negative definite there
mu_sol = sp.solve(sp.diff(l_n, mu), mu)
v_sol = sp.solve(sp.diff(l_n, v).subs(mu, xbar), v)
ok90 = (len(mu_sol) == 1 and equal(mu_sol[0], xbar)
        and len(v_sol) == 1 and equal(v_sol[0], S2bar / n))
if ok90:
    pt = {x[0]: sp.Rational(13, 10), x[1]: sp.Rational(-7, 10), x[2]: sp.Rational(21, 10)}
    Hn = sp.hessian(l_n, (mu, v)).subs({mu: xbar, v: S2bar / n}).subs(pt)
    ok90 = bool(Hn[0, 0] < 0 and Hn.det() > 0)
print(f"line 90: {'holds' if ok90 else 'fails'}")

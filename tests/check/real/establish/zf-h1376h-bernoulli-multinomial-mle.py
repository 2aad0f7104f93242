"""zf-h1376h-bernoulli-multinomial-mle.md: Bernoulli MLE with N = 4 trials, multinomial
MLE with K = 3 categories. Solving steps are checked as 'same equation as the previous
row' (difference of sides equal up to the stated nonzero factor)."""
import sympy as sp
from _common import vec, check, D

th = sp.Symbol("theta", positive=True)
N = 4
x = vec("x", N)
m = sum(x)
Lprod = sp.Mul(*[th**xi * (1 - th)**(1 - xi) for xi in x])
L23 = th**m * (1 - th)**(N - m)
check(23, Lprod, L23)
l30 = m * sp.log(th) + (N - m) * sp.log(1 - th)
check(30, sp.expand_log(sp.log(L23), force=True), l30)
d35 = m / th - (N - m) / (1 - th)
check(35, D(l30, th), d35)
# solving steps: each row's (lhs - rhs) vs the previous condition
c40 = m / th - (N - m) / (1 - th)
check(40, c40, d35)
c41 = m * (1 - th) - (N - m) * th
check(41, c41, th * (1 - th) * c40)
c42 = (m - m * th) - (N * th - m * th)
check(42, c42, c41)
c43 = m - N * th
check(43, c43, c42)
c44 = th - m / N
check(44, c44, -c43 / N)
check(48, d35.subs(th, m / N), 0, positive=x)   # theta = m/N is the stationary point
check(53, sp.diff(l30, th, 2), -m / th**2 - (N - m) / (1 - th)**2)

# multinomial, K = 3
K = 3
Nk = vec("N", K, positive=True)
t = vec("t", K, positive=True)
lam = sp.Symbol("lam", positive=True)
Ntot = sp.Symbol("Ntot", positive=True)
coef = sp.factorial(Ntot) / sp.Mul(*[sp.factorial(n) for n in Nk])
L79 = coef * sp.Mul(*[ti**ni for ti, ni in zip(t, Nk)])
l84 = sp.log(coef) + sum(ni * sp.log(ti) for ni, ti in zip(Nk, t))
check(84, sp.log(L79), l84, positive=[Ntot] + Nk + t)
Lag = sum(ni * sp.log(ti) for ni, ti in zip(Nk, t)) - lam * (sum(t) - 1)
check(97, D(Lag, t[0]), Nk[0] / t[0] - lam)
check(102, sum(ni / lam for ni in Nk), sp.Rational(1, 1) / lam * sum(Nk))
# line 106: uses sum N_k = N (stated in the document)
sub = {Ntot: sum(Nk)}
check(106, (sp.Rational(1, 1) / lam * sum(Nk)), Ntot / lam, subs=sub)
check(110, (Nk[0] / lam).subs(lam, Ntot), Nk[0] / Ntot)
# line 114: theta_k = N_k/N satisfies stationarity with lambda = N
check(114, D(Lag, t[0]).subs({t[0]: Nk[0] / Ntot, lam: Ntot}), 0)

"""Establish z-tivenwang-mle-bernoulli-gaussian.md: MLE for the white/red-ball (Bernoulli) example and the normal distribution (n = 3)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, equal

x = sp.Symbol('x', positive=True)
a, b = sp.symbols('a b', positive=True)
f = x**a * (1 - x)**b
fp = sp.diff(f, x)
r47 = sp.diff(x**a, x) * (1 - x)**b + sp.diff((1 - x)**b, x) * x**a
check(47, fp, r47)
check(51, sp.diff(x**a, x), a * x**(a - 1))
check(53, sp.diff((1 - x)**b, x), -b * (1 - x)**(b - 1))
r57 = a * x**(a - 1) * (1 - x)**b + (-b * (1 - x)**(b - 1)) * x**a
check(57, fp, r57)
check(61, r57, a * x**(a - 1) * (1 - x)**b + (-b * (1 - x)**(b - 1)) * x**a)
r69 = (1 - x) * a * x**(a - 1) * (1 - x)**b / (1 - x) - b * x**a * (1 - x)**b / (1 - x)
# x in (0,1): use the numeric test on x = 1/(1+t^2)-style values in (0,1)
t = sp.Symbol('t', positive=True)
sub = {x: 1 / (1 + t)}
check(69, r57.subs(sub), r69.subs(sub), positive=(t, a, b))
r73 = ((1 - x) * a * x**(a - 1) - b * x**a) / (1 - x) * (1 - x)**b
check(73, r69.subs(sub), r73.subs(sub), positive=(t, a, b))
r77 = (a - a * x - b * x) * x**(a - 1) / (1 - x) * (1 - x)**b
check(77, r73.subs(sub), r77.subs(sub), positive=(t, a, b))
sol = sp.solve(sp.Eq(a - a * x - b * x, 0), x)
print('line 85: %s' % ('holds' if len(sol) == 1 and equal(sol[0], a / (a + b)) else 'fails'))

# generic MLE, n = 3, positive density values
n = 3
F = sp.symbols('F1:4', positive=True)
check(101, sp.log(sp.Mul(*F)), sum(sp.log(Fi) for Fi in F))

X = sp.symbols('x1:4', real=True)
mu = sp.Symbol('mu', real=True); s = sp.Symbol('sigma', positive=True); v = sp.Symbol('v', positive=True)
dens = lambda xi: 1 / (s * sp.sqrt(2 * sp.pi)) * sp.exp(-(xi - mu)**2 / (2 * s**2))
L = sp.Mul(*[dens(xi) for xi in X])
S2 = sum((xi - mu)**2 for xi in X)
r119 = (1 / (s * sp.sqrt(2 * sp.pi)))**n * sp.exp(-S2 / (2 * s**2))
check(119, L, r119, positive=(s,))
r123 = -n * sp.log(s * sp.sqrt(2 * sp.pi)) + (-S2 / (2 * s**2)) * sp.log(sp.E)
check(123, sp.log(r119), r123, positive=(s,))
r127 = -sp.Rational(n, 2) * sp.log(s**2) - n * sp.log(sp.sqrt(2 * sp.pi)) - S2 / (2 * s**2)
check(127, r123, r127, positive=(s,))
# as a function of v = sigma^2
lnLv = -sp.Rational(n, 2) * sp.log(v) - n * sp.log(sp.sqrt(2 * sp.pi)) - S2 / (2 * v)
d131 = sp.diff(lnLv.subs(mu, 0), v)
r131 = -n / (2 * v) - (-1 / (2 * v**2) * sum(xi**2 for xi in X))
check(131, d131, r131, positive=(v,))
check(135, 2 * v**2 * r131, -n * v + sum(xi**2 for xi in X), positive=(v,))
sol = sp.solve(sp.Eq(-n * v + sum(xi**2 for xi in X), 0), v)
print('line 139: %s' % ('holds' if len(sol) == 1 and equal(sol[0], sum(xi**2 for xi in X) / n) else 'fails'))
sol = sp.solve(sp.Eq(sp.diff(lnLv, v), 0), v)
print('line 143: %s' % ('holds' if len(sol) == 1 and equal(sol[0], S2 / n) else 'fails'))
dmu = sp.diff(r127, mu)
r147 = -1 / (2 * s**2) * sum(2 * (xi - mu) for xi in X)
check(147, dmu, r147, positive=(s,))
r151 = -1 / s**2 * sum(xi - mu for xi in X)
check(151, r147, r151, positive=(s,))
check(155, sum(xi - mu for xi in X), sum(X) - n * mu)
sol = sp.solve(sp.Eq(sum(X) - n * mu, 0), mu)
print('line 159: %s' % ('holds' if len(sol) == 1 and equal(sol[0], sum(X) / n) else 'fails'))

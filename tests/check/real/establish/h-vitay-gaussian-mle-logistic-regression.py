"""Establish h-vitay-gaussian-mle-logistic-regression.md (stored line = original - 319):
Gaussian MLE (N = 3) and the logistic-regression NLL gradient for one sample."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

N = 3
x = vec("x", N, real=True)
mu = sp.Symbol("mu", real=True)
s = sp.Symbol("sigma", positive=True)
f = lambda xi: 1 / sp.sqrt(2 * sp.pi * s ** 2) * sp.exp(-(xi - mu) ** 2 / (2 * s ** 2))
L = sp.Mul(*[f(xi) for xi in x])                   # i.i.d. joint density
check(41, L, sp.Mul(*[f(xi) for xi in x]))
check(74, L, sp.Mul(*[f(xi) for xi in x]))
r75 = sp.Mul(*[1 / sp.sqrt(2 * sp.pi * s ** 2) * sp.exp(-(xi - mu) ** 2 / (2 * s ** 2)) for xi in x])
check(75, L, r75)
r76 = (1 / sp.sqrt(2 * sp.pi * s ** 2)) ** N * sp.Mul(*[sp.exp(-(xi - mu) ** 2 / (2 * s ** 2)) for xi in x])
check(76, r75, r76)
S = sum((xi - mu) ** 2 for xi in x)
r77 = (1 / sp.sqrt(2 * sp.pi * s ** 2)) ** N * sp.exp(-S / (2 * s ** 2))
check(77, r76, r77)
l97 = sp.log(r77)
l98 = -sp.Rational(N, 2) * sp.log(2 * sp.pi * s ** 2) - S / (2 * s ** 2)
check(97, sp.log(L), l97)
check(98, l97, l98)
check(108, l98, -sp.Rational(N, 2) * sp.log(2 * sp.pi * s ** 2) - S / (2 * s ** 2))
mhat = sum(x) / N
s2hat = sum((xi - mhat) ** 2 for xi in x) / N
g_mu = sum(xi - mu for xi in x) / s ** 2
# line 116: identity, and zero at the stationary point
ok116 = [(sp.diff(l98, mu), g_mu), (g_mu.subs(mu, mhat), 0)]
check_all(116, ok116)
r117 = -sp.Rational(N, 2) * (4 * sp.pi * s) / (2 * sp.pi * s ** 2) + S / s ** 3
check(117, sp.diff(l98, s), r117)
r118 = -N / s + S / s ** 3
pt = {mu: mhat}
check_all(118, [(r117, r118), (r118.subs(pt).subs(s, sp.sqrt(s2hat)), 0)])
stat = [(sp.diff(l98, mu).subs(mu, mhat), 0), (sp.diff(l98, s).subs(mu, mhat).subs(s, sp.sqrt(s2hat)), 0)]
check_all(125, stat)
check_all(134, stat)

# logistic regression
w, b, xx = sp.symbols("w b x", real=True)
t = sp.Symbol("t", real=True)
y = 1 / (1 + sp.exp(-w * xx - b))
pmf = lambda tt: y ** tt * (1 - y) ** (1 - tt)
check_all(172, [(pmf(1), y), (pmf(0), 1 - y)])
ts = [1, 0, 1]
xs = vec("x", N, real=True)
yi = [1 / (1 + sp.exp(-w * xs[i] - b)) for i in range(N)]
Lr = sp.Mul(*[yi[i] ** ts[i] * (1 - yi[i]) ** (1 - ts[i]) for i in range(N)])
check(190, Lr, sp.Mul(*[(yi[i] if ts[i] else 1 - yi[i]) for i in range(N)]))
check(191, Lr, sp.Mul(*[yi[i] ** ts[i] * (1 - yi[i]) ** (1 - ts[i]) for i in range(N)]))
check(200, sp.log(Lr), sum(ts[i] * sp.log(yi[i]) + (1 - ts[i]) * sp.log(1 - yi[i]) for i in range(N)))
# one-sample NLL gradient (t symbolic)
nll = -(t * sp.log(y) + (1 - t) * sp.log(1 - y))
r217 = -sp.diff(t * sp.log(y) + (1 - t) * sp.log(1 - y), w)
check(217, sp.diff(nll, w), r217)
r218 = -t * sp.diff(sp.log(y), w) - (1 - t) * sp.diff(sp.log(1 - y), w)
check(218, r217, r218)
r219 = -t * sp.diff(y, w) / y - (1 - t) * sp.diff(1 - y, w) / (1 - y)
check(219, r218, r219)
r220 = -t * y * (1 - y) * xx / y + (1 - t) * y * (1 - y) * xx / (1 - y)
check(220, r219, r220)
check(221, r220, -(t - y) * xx)

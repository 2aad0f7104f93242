"""Establish zb-sreekaryerragunta-logistic-derivation.md: sigmoid properties/derivative and logistic-regression gradient."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec

z = sp.Symbol("z", real=True)
sig = lambda t: 1 / (1 + sp.exp(-t))
E = sp.exp(-z)
check(32, sig(0), sp.Rational(1, 2))
check(42, sig(-z), 1 / (1 + sp.exp(z)))
check(46, sig(-z), E / (E + 1))
check(50, 1 - sig(z), E / (1 + E))
ds = sp.diff(sig(z), z)
check(62, ds, sp.diff(1 / (1 + E), z))
check(68, ds, -(1 + E) ** -2 * sp.diff(1 + E, z))
check(70, ds, -(1 + E) ** -2 * (-E))
check(72, ds, E / (1 + E) ** 2)
check(76, ds, 1 / (1 + E) * E / (1 + E))
check(78, ds, 1 / (1 + E) * ((1 + E - 1) / (1 + E)))
check(80, ds, sig(z) * (1 - sig(z)))

# y in {0,1}: compact Bernoulli form equals the case form
h = sp.Symbol("h", positive=True)
check(110, sp.Add(*[(h ** yv * (1 - h) ** (1 - yv) - (h if yv == 1 else 1 - h)) ** 2 for yv in (0, 1)]), 0)

# m = 2 samples, 2 features; j = 1
th = vec("t", 2, real=True)
X = [vec("xa", 2, real=True), vec("xb", 2, real=True)]
Y = vec("y", 2, real=True)
m = 2
H = [sig(sum(a * b for a, b in zip(th, x))) for x in X]
P = [H[i] ** Y[i] * (1 - H[i]) ** (1 - Y[i]) for i in range(m)]
check(118, P[0] * P[1], H[0] ** Y[0] * (1 - H[0]) ** (1 - Y[0]) * H[1] ** Y[1] * (1 - H[1]) ** (1 - Y[1]))
ell = sum(Y[i] * sp.log(H[i]) + (1 - Y[i]) * sp.log(1 - H[i]) for i in range(m))
check(122, sp.expand_log(sp.log(P[0] * P[1]), force=True), ell)
J = -sp.Rational(1, m) * ell
check(128, J, -sp.Rational(1, m) * sum(Y[i] * sp.log(H[i]) + (1 - Y[i]) * sp.log(1 - H[i]) for i in range(m)))

# single example (sample a), derivative w.r.t. theta_1
x, y, hh = X[0], Y[0], H[0]
j = 0
f = -y * sp.log(hh) - (1 - y) * sp.log(1 - hh)
df = sp.diff(f, th[j])
dh = sp.diff(hh, th[j])
check(152, df, -y / hh * dh - (1 - y) / (1 - hh) * sp.diff(1 - hh, th[j]))
check(154, df, -y / hh * dh - (1 - y) / (1 - hh) * (-dh))
check(156, df, -y / hh * dh + (1 - y) / (1 - hh) * dh)
check(160, df, ((1 - y) / (1 - hh) - y / hh) * dh)
check(164, df, (hh * (1 - y) - y * (1 - hh)) / (hh * (1 - hh)) * dh)
check(166, df, (hh - hh * y - y + y * hh) / (hh * (1 - hh)) * dh)
check(168, df, (hh - y) / (hh * (1 - hh)) * dh)
zz = sum(a * b for a, b in zip(th, x))
check(178, dh, sp.diff(sig(z), z).subs(z, zz) * sp.diff(zz, th[j]))
check(186, dh, hh * (1 - hh) * x[j])
check(192, df, (hh - y) / (hh * (1 - hh)) * hh * (1 - hh) * x[j])
check(196, df, (hh - y) * x[j])
dJ = [sp.diff(J, t) for t in th]
check(202, dJ[0], sp.Rational(1, m) * sum((H[i] - Y[i]) * X[i][0] for i in range(m)))
Xm = sp.Matrix([X[0], X[1]])
g = sp.Rational(1, m) * Xm.T * (sp.Matrix(H) - sp.Matrix(Y))
from _common import check_all
check_all(206, [(dJ[k], g[k]) for k in range(2)])

"""Establish f-alineberry-logistic-regression-sigmoid-gradient.md: Bernoulli likelihood of logistic regression,
log-likelihood chain, sigmoid derivative and the single-point gradient (n = 3 points, w in R^3)."""
import os, sys, itertools
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, equal

n, D = 3, 3
w = vec("w", D, real=True)
X = [vec(f"x{i}_", D, real=True) for i in range(1, n + 1)]
y = vec("y", n, real=True)
dot = lambda a, b: sum(a[k] * b[k] for k in range(D))
sig = lambda t: 1 / (1 + sp.exp(-t))
s = [sig(dot(w, X[i])) for i in range(n)]
# line 40: sigma^y (1-sigma)^{1-y} gives p(y=1|x) = sigma for y = 1 and 1 - sigma for y = 0
S = sp.Symbol("S", positive=True)
check_all(40, [(S**1 * (1 - S)**0, S), (S**0 * (1 - S)**1, 1 - S)])
ok46 = True
for ys in itertools.product([0, 1], repeat=n):
    per = sp.Mul(*[s[i] if ys[i] == 1 else 1 - s[i] for i in range(n)])
    ok46 &= equal(per, sp.Mul(*[s[i]**ys[i] * (1 - s[i])**(1 - ys[i]) for i in range(n)]))
print(f"line 46: {'holds' if ok46 else 'fails'}")
lik = sp.Mul(*[s[i]**y[i] * (1 - s[i])**(1 - y[i]) for i in range(n)])
r56 = sp.log(lik)
r57 = sum(sp.log(s[i]**y[i] * (1 - s[i])**(1 - y[i])) for i in range(n))
r58 = sum(sp.log(s[i]**y[i]) + sp.log((1 - s[i])**(1 - y[i])) for i in range(n))
r59 = sum(y[i] * sp.log(s[i]) + (1 - y[i]) * sp.log(1 - s[i]) for i in range(n))
check(56, sp.log(lik), r56); check(57, r56, r57); check(58, r57, r58); check(59, r58, r59)
z = sp.Symbol("z", real=True)
check(79, sp.diff(sig(z), z), sig(z) * (1 - sig(z)))
# single data point
x = vec("x", D, real=True)
yy = sp.Symbol("yy", real=True)
sg = sig(dot(w, x))
J = yy * sp.log(sg) + (1 - yy) * sp.log(1 - sg)
gs = [sp.diff(sg, wk) for wk in w]
G = lambda f: [sp.diff(f, wk) for wk in w]
r87 = [a + b for a, b in zip(G(yy * sp.log(sg)), G((1 - yy) * sp.log(1 - sg)))]
r88 = [yy / sg * gs[k] + (1 - yy) / (1 - sg) * sp.diff(1 - sg, w[k]) for k in range(D)]
r89 = [yy / sg * gs[k] - (1 - yy) / (1 - sg) * gs[k] for k in range(D)]
r90 = [(yy / sg - (1 - yy) / (1 - sg)) * gs[k] for k in range(D)]
r91 = [(yy * (1 - sg) - (1 - yy) * sg) / (sg * (1 - sg)) * gs[k] for k in range(D)]
r92 = [(yy - sg * yy - sg + sg * yy) / (sg * (1 - sg)) * gs[k] for k in range(D)]
r93 = [(yy - sg) / (sg * (1 - sg)) * gs[k] for k in range(D)]
r94 = [(yy - sg) / (sg * (1 - sg)) * sg * (1 - sg) * x[k] for k in range(D)]
r95 = [(yy - sg) * x[k] for k in range(D)]
gJ = G(J)
check_all(87, [(gJ[k], r87[k]) for k in range(D)])
for line, A, B in [(88, r87, r88), (89, r88, r89), (90, r89, r90), (91, r90, r91), (92, r91, r92), (93, r92, r93), (94, r93, r94), (95, r94, r95)]:
    check_all(line, [(A[k], B[k]) for k in range(D)])
check_all(105, [(gJ[k], r95[k]) for k in range(D)])
check_all(166, [(gJ[k], r95[k]) for k in range(D)])

"""Establish t-ronenhalevy-bce-gradient.md (Ronen Halevy, logistic-regression cost derivative).

One example: z = b + w1 x1 + w2 x2, sigma(z) = 1/(1+e^{-z}), L = -y log yhat - (1-y) log(1-yhat)
(Eq. 2). The x^{(i)} of the later rows is read as the feature x_i (here i = 1). m = 2 examples
for the cost J, whose derivative Eq. 1 states as the plain sum of the loss derivatives.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, D

b, w1, w2, x1, x2, y, s, X = sp.symbols("b w1 w2 x1 x2 y s X")
sig = lambda t: 1 / (1 + sp.exp(-t))
z = b + w1 * x1 + w2 * x2
Lof = lambda p: -y * sp.log(p) - (1 - y) * sp.log(1 - p)        # Eq. 2
Lwrong = lambda p: -y * sp.log(p) + (1 - y) * sp.log(1 - p)     # Eq. 4 / 6 as written
L = Lof(sig(z))
check(45, L, Lwrong(sig(z)))
dLds = D(Lof(s), s).subs(s, sig(z))
check(54, D(L, w1), dLds * D(sig(X), X).subs(X, z) * D(z, w1))
check(63, D(Lof(s), s), D(Lwrong(s), s))
check(70, D(sp.log(X), X), 1 / X)
check(77, D(Lwrong(s), s), -y / s + (1 - y) / (1 - s))
F = sp.Function("F")
check(84, D(1 / (X**2 + 3 * X + 5), X), -D(X**2 + 3 * X + 5, X) / (X**2 + 3 * X + 5)**2)
zz = sp.Symbol("zz")
sg = sig(zz)
r96 = [D(1 / (1 + sp.exp(-zz)), zz), -(-sp.exp(-zz)) / (1 + sp.exp(-zz))**2,
       -(1 - (1 + sp.exp(-zz))) / (1 + sp.exp(-zz))**2, -sg**2 + sg, sg * (1 - sg)]
from _common import check_all
check_all(96, [(D(sg, zz), r) for r in r96])
check(104, D(z, w1), x1)
check_all(112, [(D(L, w1), (-y / sig(z) + (1 - y) / (1 - sig(z))) * sig(z) * (1 - sig(z)) * x1),
                (D(L, w1), (sig(z) - y) * x1)])
check(117, (sig(z) - y) * x1, sig(z) - y)
# m = 2 examples: J' = sum of L' (Eq. 1) versus the 1/m-scaled sum of Eq. 12a
xs = sp.symbols("p1 p2"); ys = sp.symbols("q1 q2")
Ls = [-ys[k] * sp.log(sig(b + w1 * xs[k])) - (1 - ys[k]) * sp.log(1 - sig(b + w1 * xs[k])) for k in range(2)]
J1 = sum(D(Lk, w1) for Lk in Ls)
check(125, J1, sp.Rational(1, 2) * sum((sig(b + w1 * xs[k]) - ys[k]) * xs[k] for k in range(2)))

"""Establish n-raschka-logistic-regression.md (mlxtend LogisticRegression user guide): sigmoid derivative,
per-sample log-likelihood gradient, and the sign of the cost-gradient update; n = 2 samples, 2 features."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

phi = lambda t: 1 / (1 + sp.exp(-t))
z = sp.Symbol("z", real=True)

# line 39: threshold on phi(z) >= 1/2 equals threshold on z >= 0
g1 = sp.Piecewise((1, phi(z) >= sp.Rational(1, 2)), (0, True))
g2 = sp.Piecewise((1, z >= 0), (0, True))
check(39, g1, g2)

# model: 2 samples, 2 features
w = vec("w", 2, real=True)
X = [vec("xa", 2, real=True), vec("xb", 2, real=True)]
Y = vec("y", 2, real=True)
zz = [sum(wi * xi for wi, xi in zip(w, x)) for x in X]
L = sp.Mul(*[phi(zi) ** Y[i] * (1 - phi(zi)) ** (1 - Y[i]) for i, zi in enumerate(zz)])
l = sum(Y[i] * sp.log(phi(zi)) + (1 - Y[i]) * sp.log(1 - phi(zi)) for i, zi in enumerate(zz))
check(59, sp.log(L), l)

yy = sp.Symbol("yy", real=True)
Jc = -yy * sp.log(phi(z)) - (1 - yy) * sp.log(1 - phi(z))
check_all(70, [(Jc.subs(yy, 1), -sp.log(phi(z))), (Jc.subs(yy, 0), -sp.log(1 - phi(z)))])

# single sample (line 86, 100-103): z = w1 x1 + w2 x2
x1, x2 = sp.symbols("x1 x2", real=True)
zs = w[0] * x1 + w[1] * x2
l1 = yy * sp.log(phi(zs)) + (1 - yy) * sp.log(1 - phi(zs))
r86 = (yy / phi(zs) - (1 - yy) / (1 - phi(zs))) * sp.diff(phi(zs), w[0])
check(86, sp.diff(l1, w[0]), r86)

dphi = sp.diff(phi(z), z)
check(91, dphi, sp.diff(1 / (1 + sp.exp(-z)), z))
check(92, dphi, 1 / (1 + sp.exp(-z)) ** 2 * sp.exp(-z))
check(93, dphi, 1 / (1 + sp.exp(-z)) * (1 - 1 / (1 + sp.exp(-z))))
check(94, dphi, phi(z) * (1 - phi(z)))
check(97, dphi, phi(z) * (1 - phi(z)))

p = phi(zs)
r100 = r86
r101 = (yy / p - (1 - yy) / (1 - p)) * p * (1 - p) * sp.diff(zs, w[0])
check(101, r100, r101)
r102 = (yy * (1 - p) - (1 - yy) * p) * x1
check(102, r101, r102)
check(103, r102, (yy - p) * x1)

# line 130: Delta w_j = -eta dJ/dw_j claimed = -eta sum (y - phi) x_j
eta, lam = sp.symbols("eta lambda", positive=True)
J = -l
dJ = sp.diff(J, w[0])
claimed = -eta * sum((Y[i] - phi(zi)) * X[i][0] for i, zi in enumerate(zz))
check(130, -eta * dJ, claimed)

# line 156: (lambda/2)||w||_2 vs (lambda/2) sum w_j^2  (w with 3 components)
W3 = vec("v", 3, real=True)
check(156, lam / 2 * sp.sqrt(sum(t**2 for t in W3)), lam / 2 * sum(t**2 for t in W3))

# line 166: -eta (dJ/dw_j + lambda w_j) claimed = -eta sum (y - phi) x_j - eta lambda w_j
check(166, -eta * (dJ + lam * w[0]), claimed - eta * lam * w[0])

"""Establish s-kk-engineer-logistic-regression.md: log-loss gradient for logistic regression.

Single-sample rows: one sample with 2 features (x1, x2), weights w1, w2, bias w0;
gradient rows are checked component-wise (d/dw1, d/dw2). Line 118: m = 2 samples.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, D

z, u, yh = sp.symbols("z u yhat", real=True)
y = sp.Symbol("y", positive=True)
sig = lambda t: 1 / (1 + sp.exp(-t))

# single-sample loss in terms of the prediction yhat
Jy = -(y * sp.log(yh) + (1 - y) * sp.log(1 - yh))
dJ = D(Jy, yh)
r54 = -(y / yh - (1 - y) / (1 - yh))
r55 = -((y - y * yh - yh + y * yh) / (yh * (1 - yh)))
r56 = (yh - y) / (yh * (1 - yh))
check(54, dJ, r54, positive=[yh])
check(55, r54, r55)
check(56, dJ, r56)

# prediction derivative
s = sig(z)
check(66, D(s, z), D(sig(z), z))
check(67, D(s, z), s * (1 - s))
check(68, D(s, z), (yh * (1 - yh)).subs(yh, s))

# sigmoid derivative via u = 1 + e^{-z}
U = 1 + sp.exp(-z)
check(79, s, (1 / u).subs(u, U))
dsdu = D(1 / u, u).subs(u, U)
dudz = D(U, z)
check(80, D(s, z), dsdu * dudz)
check_all(82, [(dsdu, (-1 / u**2).subs(u, U)), ((-1 / u**2).subs(u, U), -1 / (1 + sp.exp(-z))**2)])
check_all(83, [(dudz, D(1 + sp.exp(-z), z)), (D(1 + sp.exp(-z), z), -sp.exp(-z))])
check(89, D(s, z), dsdu * dudz)
check_all(91, [(D(s, z), -1 / (1 + sp.exp(-z))**2 * -sp.exp(-z)),
               (-1 / (1 + sp.exp(-z))**2 * -sp.exp(-z), sp.exp(-z) / (1 + sp.exp(-z))**2)])
check_all(92, [(1 - s, 1 - 1 / (1 + sp.exp(-z))), (1 - 1 / (1 + sp.exp(-z)), sp.exp(-z) / (1 + sp.exp(-z)))])
check(93, D(s, z), 1 / (1 + sp.exp(-z)) * sp.exp(-z) / (1 + sp.exp(-z)))
check(94, D(s, z), s * (1 - s))

# linear part: z = w^T x + w0, 2 features
w1, w2, w0, x1, x2 = sp.symbols("w1 w2 w0 x1 x2", real=True)
W, X = [w1, w2], [x1, x2]
zz = w1 * x1 + w2 * x2 + w0
check_all(102, [(D(zz, W[k]), X[k]) for k in range(2)])
a1, a2 = sp.symbols("a1 a2", real=True)
check_all(103, [(D(a1 * x1 + a2 * x2, x1), a1), (D(a1 * x1 + a2 * x2, x2), a2)])

# combined single-sample gradient
yhat = sig(zz)
J1 = Jy.subs(yh, yhat)
grad = [D(J1, W[k]) for k in range(2)]
chain = [dJ.subs(yh, yhat) * D(sig(z), z).subs(z, zz) * D(zz, W[k]) for k in range(2)]
check_all(42, list(zip(grad, chain)))
check_all(110, list(zip(grad, chain)))
check_all(111, [(chain[k], (yhat - y) / (yhat * (1 - yhat)) * yhat * (1 - yhat) * X[k]) for k in range(2)])
check_all(112, [(grad[k], (yhat - y) * X[k]) for k in range(2)])

# line 118: J of line 50 (sum over samples, no 1/n), m = 2 samples
Xs = [sp.symbols("xa1 xa2", real=True), sp.symbols("xb1 xb2", real=True)]
Ys = sp.symbols("ya yb", positive=True)
Z = [W[0] * Xs[i][0] + W[1] * Xs[i][1] + w0 for i in range(2)]
Jm = -sum(Ys[i] * sp.log(sig(Z[i])) + (1 - Ys[i]) * sp.log(1 - sig(Z[i])) for i in range(2))
check_all(118, [(D(Jm, W[k]), sum((sig(Z[i]) - Ys[i]) * Xs[i][k] for i in range(2))) for k in range(2)])

"""Establish zj-travisddavies-logistic-regression.md: log-likelihood, sigmoid derivative, gradient.

m = 2 samples, 2 features, theta(x) = mu(x) = sigmoid(w^T x).
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, equal, vec, D

sig = lambda s: 1 / (1 + sp.exp(-s))
m, n = 2, 2
w = vec("w", n, real=True)
X = [vec("xa", n, real=True), vec("xb", n, real=True)]
Y = vec("y", m, real=True)
s = [sum(a * b for a, b in zip(w, X[i])) for i in range(m)]
mu = [sig(s[i]) for i in range(m)]
loglik = sum(Y[i] * sp.log(mu[i]) + (1 - Y[i]) * sp.log(1 - mu[i]) for i in range(m))

# line 200: "nabla L" = sum((y_i-1) x_i'w - log(1+exp(-x_i'w))).
rhs200 = sum((Y[i] - 1) * s[i] - sp.log(1 + sp.exp(-s[i])) for i in range(m))
# the right side is the log-likelihood itself (diagnostic, not a verdict):
print("  (diagnostic) rhs of line 200 equals the log-likelihood:", equal(loglik, rhs200), file=sys.stderr)
# but the row claims it is the gradient: compare with dL/dw_1
check(200, D(loglik, w[0]), rhs200)

# line 217: log p(y_i|x_i) = y_i log theta + (1-y_i) log(1-theta), p from line 170
th, yy = sp.Symbol("theta", positive=True), sp.Symbol("yy", real=True)
check(217, sp.log(th**yy * (1 - th)**(1 - yy)), yy * sp.log(th) + (1 - yy) * sp.log(1 - th))  # theta positive -> sampled in (0.05, 0.95)
# line 253: d mu / dz = mu(z)(1-mu(z)), mu = u of line 251
zz = sp.Symbol("z", real=True)
check(253, D(sig(zz), zz), sig(zz) * (1 - sig(zz)))
# line 256: L(w) = log p(y_i|x_i) = y_i log mu(x_i) + (1-y_i) log(1-mu(x_i))
p0 = mu[0]**Y[0] * (1 - mu[0])**(1 - Y[0])
check(256, sp.log(p0), Y[0] * sp.log(mu[0]) + (1 - Y[0]) * sp.log(1 - mu[0]))
# line 270: grad L(w) = sum_i (y_i - mu(x_i)) x_i   (L = sum over the training points)
check_all(270, [(D(loglik, w[j]), sum((Y[i] - mu[i]) * X[i][j] for i in range(m))) for j in range(n)])
# line 274: grad L(w) = X'(y - mu), X with rows x_i
Xm = sp.Matrix([X[i] for i in range(m)])
g274 = Xm.T * (sp.Matrix(Y) - sp.Matrix(mu))
check_all(274, [(D(loglik, w[j]), g274[j]) for j in range(n)])

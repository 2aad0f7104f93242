"""Establish zzc-caozhens-logreg-gradient.md: log-likelihood and gradient of logistic regression (m = 2, 2 features, j = 1)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec

g = lambda t: 1 / (1 + sp.exp(-t))
th = vec("t", 2, real=True)
X = [vec("xa", 2, real=True), vec("xb", 2, real=True)]
Y = vec("y", 2, positive=True)
m = 2
dot = lambda x: sum(a * b for a, b in zip(th, x))
h = lambda x: g(dot(x))
# likelihood L (line 36) and log-likelihood row (line 39)
L = sp.Mul(*[h(X[i]) ** Y[i] * (1 - h(X[i])) ** (1 - Y[i]) for i in range(m)])
l = sum(Y[i] * sp.log(h(X[i])) + (1 - Y[i]) * sp.log(1 - h(X[i])) for i in range(m))
check(39, sp.expand_log(sp.log(L), force=True), l)
j = 0
dl = sp.diff(l, th[j])
r47 = sum((Y[i] / h(X[i]) - (1 - Y[i]) / (1 - h(X[i]))) * sp.diff(h(X[i]), th[j]) for i in range(m))
check(47, dl, r47)
# line 51: dh/dtheta_j = g(1-g) d(theta^T x)/dtheta_j = g(1-g) x_j  (both equalities, both samples)
from _common import check_all
check_all(51, [(sp.diff(h(X[i]), th[j]), g(dot(X[i])) * (1 - g(dot(X[i]))) * sp.diff(dot(X[i]), th[j])) for i in range(m)]
          + [(sp.diff(h(X[i]), th[j]), g(dot(X[i])) * (1 - g(dot(X[i]))) * X[i][j]) for i in range(m)])
r53 = sum((Y[i] / g(dot(X[i])) - (1 - Y[i]) / (1 - g(dot(X[i])))) * g(dot(X[i])) * (1 - g(dot(X[i]))) * X[i][j] for i in range(m))
check(53, dl, r53)
r55 = sum((Y[i] - g(dot(X[i]))) * X[i][j] for i in range(m))
check(55, dl, r55)

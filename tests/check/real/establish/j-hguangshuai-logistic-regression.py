"""Establish j-hguangshuai-logistic-regression.md: likelihood, log-likelihood and its per-sample gradient."""
import os, sys, itertools
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

sig = lambda t: 1 / (1 + sp.exp(-t))
n, p = 2, 2
w = vec("w", p, real=True)
X = [vec(f"x{i}_", p, real=True) for i in range(n)]
z = [sum(w[k] * X[i][k] for k in range(p)) for i in range(n)]
# line 15: prod P(y_i|x_i) = prod sigma^{y_i}(1-sigma)^{1-y_i}, with P(1|x) = sigma, P(0|x) = 1 - sigma; labels in {0,1}
pairs = []
for ys in itertools.product((0, 1), repeat=n):
    lhs = sp.Mul(*[sig(z[i]) if ys[i] == 1 else 1 - sig(z[i]) for i in range(n)])
    rhs = sp.Mul(*[sig(z[i]) ** ys[i] * (1 - sig(z[i])) ** (1 - ys[i]) for i in range(n)])
    pairs.append((lhs, rhs))
check_all(15, pairs)
# line 19: ell = ln L = sum [y ln sigma + (1-y) ln(1-sigma)]  (generic y)
y = vec("y", n, positive=True)
Lw = sp.Mul(*[sig(z[i]) ** y[i] * (1 - sig(z[i])) ** (1 - y[i]) for i in range(n)])
ell = sum(y[i] * sp.log(sig(z[i])) + (1 - y[i]) * sp.log(1 - sig(z[i])) for i in range(n))
check(19, sp.log(Lw), ell)
# single sample i (ell_i), j = 1
yi = sp.Symbol("yi", positive=True)
xi = vec("xi", p, real=True)
zi = sum(w[k] * xi[k] for k in range(p))
ell_i = yi * sp.log(sig(zi)) + (1 - yi) * sp.log(1 - sig(zi))
j = 0
d = sp.diff(ell_i, w[j])
s = sig(zi)
r25 = (yi / s - (1 - yi) / (1 - s)) * sp.diff(s, w[j])
r27 = (yi / s - (1 - yi) / (1 - s)) * s * (1 - s) * xi[j]
r29a = (yi * (1 - s) - (1 - yi) * s) * xi[j]
r29b = (yi - s) * xi[j]
check(25, d, r25)
check(27, r25, r27)
check_all(29, [(r27, r29a), (r29a, r29b)])

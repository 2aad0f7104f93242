"""Establish zd-wangkuiyi-softmax-derivative.md (Yi Wang): softmax Jacobian, MSE/CE costs, backprop through softmax."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec, softmax, D

K = 3
z = vec("z", K, real=True)
t = vec("t", K, positive=True)
y = softmax(z)
S = sum(sp.exp(v) for v in z)

# line 22: i = j (i = 1); third expression has (sum)^2 in both factors
i = 0
true_ii = D(y[i], z[i])
check(22, true_ii, sp.exp(z[i]) / S**2 * (S - sp.exp(z[i])) / S**2)   # the author's middle step
# (endpoints e^{z_i}S - e^{2z_i} over S^2 and y_i(1-y_i) are right; the chain breaks at the squared factors)

# line 26: i != j (i = 1, j = 2)
j = 1
check(26, D(y[i], z[j]), -y[i] * y[j])
# also the middle expression
assert sp.simplify(D(y[i], z[j]) - (0 * S - sp.exp(z[i]) * sp.exp(z[j])) / S**2) == 0

# line 40: multivariate chain rule, with L = MSE (line 36) as the concrete cost
L = sp.Rational(1, 2) * sum((y[k] - t[k]) ** 2 for k in range(K))
Y = sp.symbols("Y1:4", positive=True)
Lsym = sp.Rational(1, 2) * sum((Y[k] - t[k]) ** 2 for k in range(K))
k = 0
chain = sum(D(Lsym, Y[jj]).subs(dict(zip(Y, y))) * D(y[jj], z[k]) for jj in range(K))
check(40, D(L, z[k]), chain)

# line 44: dL/dy_j for L = 1/2 sum (y_k - t_k)^2; author writes 2(y_j - t_j)
check(44, D(Lsym, Y[1]), 2 * (Y[1] - t[1]))

# line 52: cross-entropy as written on line 48 read with the evident index k: L = sum_k t_k log y_k
Lce = sum(t[kk] * sp.log(Y[kk]) for kk in range(K))
check(52, D(Lce, Y[1]), t[1] / Y[1])

# line 58 and 64: generic upstream gradient g_j = dL/dy_j
g = vec("g", K, real=True)
k = 1
truth = sum(g[jj] * D(y[jj], z[k]) for jj in range(K))
r58 = sum(g[jj] * (-y[jj] * y[k]) for jj in range(K)) + g[k] * y[k] * y[k] + g[k] * y[k] * (1 - y[k])
check(58, truth, r58)
r64 = y[k] * (g[k] - sum(g[jj] * y[jj] for jj in range(K)))
check(64, truth, r64)

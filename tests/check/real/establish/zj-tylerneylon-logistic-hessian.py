"""Establish zj-tylerneylon-logistic-hessian.md: CS229 ps1 1(a), Hessian of the logistic loss.

Single training example (the document drops the sum over i), 3 features.
J = -(1/m) log g(y theta^T x)  =>  mJ = -log g(t),  t = y theta^T x.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, D

g = lambda s: 1 / (1 + sp.exp(-s))
n = 3
th = vec("th", n, real=True)
x = vec("x", n, real=True)
z = vec("z", n, real=True)
y = sp.Symbol("y", real=True)
t = y * sum(a * b for a, b in zip(th, x))
mJ = -sp.log(g(t))
alpha = g(t) * (1 - g(t))

# line 38: -d_j(mJ) = g(t)(1-g(t))/g(t) x_j y = x_j y (1-g(t))
pairs = []
for j in range(n):
    lhs = -D(mJ, th[j])
    pairs += [(lhs, g(t) * (1 - g(t)) / g(t) * x[j] * y), (lhs, x[j] * y * (1 - g(t)))]
check_all(38, pairs)

# line 42: -d_k d_j(mJ) = x_j y (-g(t)(1-g(t))) x_k y
pairs = [(-D(D(mJ, th[j]), th[k]), x[j] * y * (-g(t) * (1 - g(t))) * x[k] * y)
         for j in range(n) for k in range(n)]
check_all(42, pairs)

# line 46: d_jk(mJ) = x_j x_k y^2 alpha
H = [[D(D(mJ, th[j]), th[k]) for k in range(n)] for j in range(n)]
pairs = [(H[j][k], x[j] * x[k] * y**2 * alpha) for j in range(n) for k in range(n)]
check_all(46, pairs)

# line 52: z^T H z = z_i h_ij z_j = (alpha y^2)(z_i x_i x_j z_j) = (alpha y^2)(x^T z)^2  (>= 0 not checked)
zHz = sum(z[i] * H[i][j] * z[j] for i in range(n) for j in range(n))
mid = alpha * y**2 * sum(z[i] * x[i] * x[j] * z[j] for i in range(n) for j in range(n))
last = alpha * y**2 * sum(a * b for a, b in zip(x, z))**2
check_all(52, [(zHz, mid), (mid, last)])

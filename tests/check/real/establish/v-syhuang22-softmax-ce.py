"""Establish v-syhuang22-softmax-ce.md: softmax + cross-entropy gradient (K = 3)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax, D

# chain rule for a single neuron: z = w x + b, a = sigma(z), L = Loss(a, y)
w, x, b, y = sp.symbols("w x b y", real=True)
sig = lambda t: 1 / (1 + sp.exp(-t))
Loss = lambda a: y * a**3 + sp.log(1 + a**2)     # a concrete smooth stand-in for Loss(a, y)
A, Z, W = sp.symbols("A Z W", real=True)
zz = w * x + b
Lw = Loss(sig(zz))
pt = {A: sig(zz), Z: zz}
dL_da = sp.diff(Loss(A), A).subs(pt)
da_dz = sp.diff(sig(Z), Z).subs(pt)
dz_dw = sp.diff(W * x + b, W)
check(201, D(Lw, w), dL_da * da_dz * dz_dw)
dL_dz = sp.diff(Loss(sig(Z)), Z).subs(pt)
check(236, D(Lw, w), dL_dz * dz_dw)

K = 3
z = vec("z", K, real=True)
yv = vec("y", K, real=True)
p = softmax(z)
L = -sum(yv[i] * sp.log(p[i]) for i in range(K))
onehot = {yv[0]: 0, yv[1]: 1, yv[2]: 0}            # true class = 2nd
sum1 = {yv[2]: 1 - yv[0] - yv[1]}                   # sum_i y_i = 1
j = 0
# 256 / 387 / 392: dL/dz_j = p_j - y_j (needs sum_i y_i = 1)
check(256, D(L, z[j]).subs(sum1), (p[j] - yv[j]).subs(sum1))
check(387, D(L, z[j]).subs(sum1), (p[j] - yv[j]).subs(sum1))
check_all(392, [(D(L, z[k]).subs(sum1), (p[k] - yv[k]).subs(sum1)) for k in range(K)])
# 289 / 292: softmax Jacobian, the two cases
check_all(289, [(D(p[k], z[k]), p[k] * (1 - p[k])) for k in range(K)])
check_all(292, [(D(p[jj], z[k]), -p[jj] * p[k]) for jj in range(K) for k in range(K) if jj != k])
# 320: one-hot -> L = -log p_true
check(320, L.subs(onehot), -sp.log(p[1]))
# 334: chain rule through p (p treated as independent variables)
P = vec("q", K, positive=True)
Lp = -sum(yv[i] * sp.log(P[i]) for i in range(K))
chain = sum(D(Lp, P[i]).subs(dict(zip(P, p))) * D(p[i], z[j]) for i in range(K))
check(334, D(L, z[j]), chain)
# 349: dL/dp_i = -y_i/p_i
check_all(349, [(D(Lp, P[i]), -yv[i] / P[i]) for i in range(K)])
# 361: dp_i/dz_j = p_i (delta_ij - p_j)
delta = lambda i, k: 1 if i == k else 0
check_all(361, [(D(p[i], z[k]), p[i] * (delta(i, k) - p[k])) for i in range(K) for k in range(K)])
r370 = sum((-yv[i] / p[i]) * p[i] * (delta(i, j) - p[j]) for i in range(K))
r376 = -sum(yv[i] * (delta(i, j) - p[j]) for i in range(K))
r382 = -yv[j] + p[j] * sum(yv)
check(369, D(L, z[j]), r370)
check(375, r370, r376)
check(381, r376, r382)
# 399: y_j = 1 (others 0) -> dL/dz_j = p_j - 1 ; 405: y_j = 0 (one-hot elsewhere) -> dL/dz_j = p_j
oh_j = {yv[0]: 1, yv[1]: 0, yv[2]: 0}
check(399, D(L, z[0]).subs(oh_j), p[0] - 1)
check(405, D(L, z[0]).subs(onehot), p[0])

"""Establish zm-hkawabata-mlp-softmax.md: activation derivatives and the dJ/dz derivation (softmax output, N=2 samples, K=3 classes)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax, D

z = sp.Symbol("z", real=True)
# line 12: sigmoid derivative, both equalities of the row
sig = 1 / (1 + sp.exp(-z))
check_all(12, [(D(sig, z), sp.exp(-z) / (1 + sp.exp(-z)) ** 2),
               (sp.exp(-z) / (1 + sp.exp(-z)) ** 2, sig * (1 - sig))])

# line 37: ReLU derivative (checked away from 0: z>0 and z<0)
zp = sp.Symbol("zp", positive=True)
relu = lambda t: sp.Max(0, t)
check_all(37, [(D(relu(zp), zp), 1), (D(relu(-zp), zp), 0)], positive=(zp,))

# line 50: softmax derivative, LHS as written d phi(z_j)/d z_j, cases i=j and i!=j
Z = vec("z", 3, real=True)
P = softmax(Z)
j, i = 0, 1
check_all(50, [(D(P[j], Z[j]), P[j] * (1 - P[j])),          # i = j
               (D(P[j], Z[j]), -P[i] * P[j])])               # i != j, as written

# --- cost function, N = 2 samples, K = 3 classes, literal reading of lines 67-73 / 84-89
N, K = 2, 3
Zs = [vec(f"z{s}_", K, real=True) for s in range(N)]
Ys = [vec(f"y{s}_", K, real=True) for s in range(N)]
Ph = [softmax(Zs[s]) for s in range(N)]
A = lambda s: sum(Ys[s][l] * sp.log(Ph[s][l]) for l in range(K))
B = lambda s: sum((1 - Ys[s][l]) * sp.log(1 - Ph[s][l]) for l in range(K))
# the inner sum over samples sits inside the outer one (index reused), so it is counted N times
J = -sum(A(k) + sum(B(kk) for kk in range(N)) for k in range(N))
si, jj = 0, 0          # differentiate w.r.t. z_j of sample i
zv = Zs[si][jj]
phi = Ph[si]
y = Ys[si]
dphi = [D(phi[l], zv) for l in range(K)]

# line 84: the row re-writes J with indices renamed (k for samples, l for classes), same nesting
J84 = -sum(sum(Ys[k][l] * sp.log(Ph[k][l]) for l in range(K))
           + sum(sum((1 - Ys[k2][l]) * sp.log(1 - Ph[k2][l]) for l in range(K)) for k2 in range(N))
           for k in range(N))
check(84, D(J, zv), D(J84, zv))
r91 = -(sum(y[l] / phi[l] * dphi[l] for l in range(K)) - sum((1 - y[l]) / (1 - phi[l]) * dphi[l] for l in range(K)))
check(91, D(J, zv), r91)
r97 = sum((phi[l] - y[l]) / (phi[l] * (1 - phi[l])) * dphi[l] for l in range(K))
check(97, r91, r97)
r101 = (phi[jj] - y[jj]) / (1 - phi[jj]) * (1 - phi[jj]) - sum((phi[l] - y[l]) / (1 - phi[l]) * phi[jj] for l in range(K) if l != jj)
check(101, r97, r101)
r105 = (phi[jj] - y[jj]) / (1 - phi[jj]) - phi[jj] * sum((phi[l] - y[l]) / (1 - phi[l]) for l in range(K))
check(105, r101, r105)

"""a-yanfenglee-softmax-ce.md: activation formulas and the softmax/cross-entropy gradient, K = 3."""
import sympy as sp
from _common import vec, softmax, check, check_all, D

z = sp.Symbol("z")
sig = 1 / (1 + sp.exp(-z))
check(5, D(sig, z), sig * (1 - sig))
t = sp.tanh(z)
check_all(8, [(t, (sp.exp(z) - sp.exp(-z)) / (sp.exp(z) + sp.exp(-z))), ((sp.exp(z) - sp.exp(-z)) / (sp.exp(z) + sp.exp(-z)), 2 * sig - 1)])
check(9, D(t, z), 1 - t**2)
K = 3
zz, y = vec("z", K), vec("y", K)
a = softmax(zz)
check_all(21, [(D(a[i], zz[i]), a[i] * (1 - a[i])) for i in range(K)])
check_all(22, [(D(a[j], zz[i]), -a[i] * a[j]) for i in range(K) for j in range(K) if i != j])
L = -sum(y[k] * sp.log(a[k]) for k in range(K))
rows = {30: [], 31: [], 32: [], 33: [], 34: [], 35: []}
for i in range(K):
    r30 = -sum(y[k] / a[k] * D(a[k], zz[i]) for k in range(K))
    r31 = -y[i] * (1 - a[i]) - sum(y[k] / a[k] * (-a[k] * a[i]) for k in range(K) if k != i)
    r32 = -y[i] * (1 - a[i]) + sum(y[k] * a[i] for k in range(K) if k != i)
    r33 = -y[i] + y[i] * a[i] + sum(y[k] * a[i] for k in range(K) if k != i)
    r34 = a[i] * sum(y) - y[i]
    r35 = a[i] - y[i]
    rows[30].append((D(L, zz[i]), r30)); rows[31].append((r30, r31)); rows[32].append((r31, r32))
    rows[33].append((r32, r33)); rows[34].append((r33, r34)); rows[35].append((r34, r35))
for ln in sorted(rows):
    check_all(ln, rows[ln])

import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, D

m, n = 2, 2
w = sp.symbols('w1:3', real=True)
X = [[sp.Symbol(f'x{i}{j}', real=True) for j in range(1, n + 1)] for i in range(1, m + 1)]
y = sp.symbols('y1:3', real=True)
v = sp.symbols('v1:3', real=True)
z = sp.symbols('z', real=True)

def h(i):
    return 1 / (1 + sp.exp(-sum(w[j] * X[i][j] for j in range(n))))

L = -sum(y[i] * sp.log(h(i)) + (1 - y[i]) * sp.log(1 - h(i)) for i in range(m))  # line 20
g = 1 / (1 + sp.exp(-z))
check(26, D(g, z), g * (1 - g))

j = 0
dL = D(L, w[j])
check(32, dL, -sum(y[i] * (1 - h(i)) * X[i][j] - (1 - y[i]) * h(i) * X[i][j] for i in range(m)))
check(33, dL, sum((h(i) - y[i]) * X[i][j] for i in range(m)))

# 39: second partial (j, k) = sum x_ij h (1-h) x_ik ; check all (j,k) pairs
from _common import check_all
pairs = []
for jj in range(n):
    for kk in range(n):
        pairs.append((D(D(L, w[jj]), w[kk]), sum(X[i][jj] * h(i) * (1 - h(i)) * X[i][kk] for i in range(m))))
check_all(39, pairs)

H = [[D(D(L, w[jj]), w[kk]) for kk in range(n)] for jj in range(n)]
vHv = sum(v[a] * H[a][b] * v[b] for a in range(n) for b in range(n))  # v^T H v by matrix product
R = range(n); I = range(m)
check(45, vHv, sum(v[a] * v[b] * H[a][b] for a in R for b in R))
check(46, vHv, sum(v[a] * v[b] * sum(X[i][a] * h(i) * (1 - h(i)) * X[i][b] for i in I) for a in R for b in R))
check(47, vHv, sum(sum(v[a] * v[b] * X[i][a] * X[i][b] * h(i) * (1 - h(i)) for a in R for b in R) for i in I))
check(48, vHv, sum(h(i) * (1 - h(i)) * sum(v[a] * v[b] * X[i][a] * X[i][b] for a in R for b in R) for i in I))
check(49, vHv, sum(h(i) * (1 - h(i)) * (sum(v[a] * X[i][a] for a in R) * sum(v[b] * X[i][b] for b in R)) for i in I))
check(50, vHv, sum(h(i) * (1 - h(i)) * sum(v[a] * X[i][a] for a in R)**2 for i in I))

"""Establish c-fengshikun-softmax-regression.md: softmax regression (UFLDL notation).

K = 3 classes, n = 2 features, m = 2 examples with labels y^{(1)} = 1, y^{(2)} = 3 (any fixed labels).
x^{(i)} and x in the K = 2 rows are read as the same input vector.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, equal, vec

K, n, m = 3, 2, 2
TH = [sp.Matrix(vec(f"t{k}_", n)) for k in range(K)]
X = [sp.Matrix(vec(f"x{i}_", n)) for i in range(m)]
lab = [1, 3]
dot = lambda a, b: (a.T * b)[0]
P = lambda k, i, th=TH: sp.exp(dot(th[k], X[i])) / sum(sp.exp(dot(th[j], X[i])) for j in range(K))
ind = lambda i, k: 1 if lab[i] == k + 1 else 0
J43 = -sum(ind(i, k) * sp.log(sp.exp(dot(TH[k], X[i])) / sum(sp.exp(dot(TH[j], X[i])) for j in range(K))) for i in range(m) for k in range(K))
J54 = -sum(ind(i, k) * sp.log(P(k, i)) for i in range(m) for k in range(K))
check(54, J43, J54)
ok65 = True
for k in range(K):
    g = sp.Matrix([sp.diff(J43, TH[k][r]) for r in range(n)])
    rhs = -sum((X[i] * (ind(i, k) - P(k, i)) for i in range(m)), sp.zeros(n, 1))
    ok65 &= all(equal(a, c) for a, c in zip(g, rhs))
print(f"line 65: {'holds' if ok65 else 'fails'}")
psi = sp.Matrix(vec("psi", n)); k, i = 0, 0
r74 = sp.exp(dot(TH[k] - psi, X[i])) / sum(sp.exp(dot(TH[j] - psi, X[i])) for j in range(K))
r76 = sp.exp(dot(TH[k], X[i])) * sp.exp(-dot(psi, X[i])) / sum(sp.exp(dot(TH[j], X[i])) * sp.exp(-dot(psi, X[i])) for j in range(K))
r77 = sp.exp(dot(TH[k], X[i])) / sum(sp.exp(dot(TH[j], X[i])) for j in range(K))
check(74, P(k, i), r74); check(76, r74, r76); check(77, r76, r77)
# K = 2 rows
t1, t2, x = sp.Matrix(vec("a", n)), sp.Matrix(vec("b", n)), sp.Matrix(vec("x", n))
h = sp.Matrix([sp.exp(dot(t1, x)), sp.exp(dot(t2, x))]) / (sp.exp(dot(t1, x)) + sp.exp(dot(t2, x)))
r91 = 1 / (sp.exp(dot(t1, x)) + sp.exp(dot(t2, x))) * sp.Matrix([sp.exp(dot(t1, x)), sp.exp(dot(t2, x))])
print(f"line 91: {'holds' if all(equal(a, c) for a, c in zip(h, r91)) else 'fails'}")
d = dot(t1 - t2, x); zero = sp.zeros(n, 1)
r104 = 1 / (sp.exp(d) + sp.exp(dot(zero, x))) * sp.Matrix([[sp.exp(d) * sp.exp(dot(zero, x))]])   # one entry as typed
print(f"line 104: {'holds' if r104.shape == h.shape and all(equal(a, c) for a, c in zip(h, r104)) else 'fails'}")
r112 = sp.Matrix([1 / (1 + sp.exp(d)), sp.exp(d) / (1 + sp.exp(d))])
ok112 = r104.shape == r112.shape and all(equal(a, c) for a, c in zip(r104, r112))   # link with the row above
print(f"line 112: {'holds' if ok112 else 'fails'}")
print(f"  (row 112 against h(x) itself, entries swapped: {all(equal(a, c) for a, c in zip(h, r112))})", file=sys.stderr)
r118 = sp.Matrix([1 / (1 + sp.exp(d)), 1 - 1 / (1 + sp.exp(d))])
print(f"line 118: {'holds' if all(equal(a, c) for a, c in zip(r112, r118)) else 'fails'}")

"""Establish zl-talwar-softmax-layer-backprop.md: softmax output layer backprop (CS231n toy net).
Sizes: 2 examples (i), 2 features, 2 hidden units (p), 3 classes (k); labels y_1 = class 1, y_2 = class 3."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax, D

NI, NF, NH, NK = 2, 2, 2, 3
X = sp.Matrix(NI, NF, lambda i, p: sp.Symbol(f"x{i}{p}", real=True))
W1 = sp.Matrix(NF, NH, lambda p, j: sp.Symbol(f"v{p}{j}", real=True))
b1 = sp.Matrix(1, NH, lambda _, j: sp.Symbol(f"c{j}", real=True))
# line 33 Z1 = X W1 + b1 (b1 broadcast over rows) vs elementwise line 25
Z1m = X * W1 + sp.ones(NI, 1) * b1
check_all(33, [(Z1m[i, j], sum(X[i, p] * W1[p, j] for p in range(NF)) + b1[0, j]) for i in range(NI) for j in range(NH)])

O1 = sp.Matrix(NI, NH, lambda i, p: sp.Symbol(f"o{i}{p}", real=True))
W2 = sp.Matrix(NH, NK, lambda p, k: sp.Symbol(f"w{p}{k}", real=True))
b2 = sp.Matrix(1, NK, lambda _, k: sp.Symbol(f"b{k}", real=True))
S = lambda i, k: sum(O1[i, p] * W2[p, k] for p in range(NH)) + b2[0, k]   # line 60
Sm = O1 * W2 + sp.ones(NI, 1) * b2
check_all(65, [(Sm[i, k], S(i, k)) for i in range(NI) for k in range(NK)])

U = lambda i, k: sp.exp(S(i, k))
O2 = lambda i, k: U(i, k) / sum(U(i, p) for p in range(NK))
y = [0, 2]
Li = lambda i: -sp.log(O2(i, y[i]))
L = sum(Li(i) for i in range(NI))   # five examples i=1..5 in the text; here the NI examples
m, n = 1, 2
check(90, D(L, W2[m, n]), sum(D(Li(i), W2[m, n]) for i in range(NI)))

# free logits s_k for one example, to take partials w.r.t. S[i,k]
s = vec("s", NK, real=True)
o = softmax(s)
Uf = [sp.exp(t) for t in s]
sumU = sum(Uf)

def dLi_dS(i, k):
    yy = y[i]
    return D(-sp.log(o[yy]), s[k]).subs({s[j]: S(i, j) for j in range(NK)})

check_all(95, [(D(Li(i), W2[mm, nn]), sum(dLi_dS(i, k) * D(S(i, k), W2[mm, nn]) for k in range(NK)))
               for i in range(NI) for mm in range(NH) for nn in range(NK)])

oy = sp.Symbol("q", positive=True)
yy = 0
# line 101: dL/dS_k = dL/dO2[y] * dO2[y]/dS_k
check_all(101, [(D(-sp.log(o[yy]), s[k]), (D(-sp.log(oy), oy)).subs(oy, o[yy]) * D(o[yy], s[k])) for k in range(NK)])
check(105, D(-sp.log(oy), oy), -1 / oy)
k = yy
check(114, D(o[yy], s[k]), Uf[k] / sumU - Uf[k] ** 2 / sumU ** 2)
check(116, D(o[yy], s[k]), o[k] * (1 - o[k]))
k = 1
check(124, D(o[yy], s[k]), Uf[yy] * (-1 / sum(t ** 2 for t in Uf)) * Uf[k])
check(126, D(o[yy], s[k]), -o[yy] * o[k])
check_all(133, [(D(-sp.log(o[yy]), s[k]), (o[k] - 1) if k == yy else o[k]) for k in range(NK)])
check_all(143, [(D(S(i, k), W2[mm, nn]), O1[i, mm] if k == nn else 0)
                for i in range(NI) for k in range(NK) for mm in range(NH) for nn in range(NK)])
check_all(153, [(D(Li(i), W2[mm, nn]), (O2(i, nn) - 1) * O1[i, mm] if y[i] == nn else O2(i, nn) * O1[i, mm])
                for i in range(NI) for mm in range(NH) for nn in range(NK)])

"""Establish o-elcapo-softmax-ce.md: cross-entropy with softmax, K = 3 classes, m = 2 samples."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax, D

K, m = 3, 2
Z = [vec(f"z{k}_", K, real=True) for k in range(m)]          # logits per sample
A = [softmax(Z[k]) for k in range(m)]
Y = [vec(f"y{k}_", K, positive=True) for k in range(m)]       # general labels
Lk = lambda k, YY=Y: -sum(YY[k][i] * sp.log(A[k][i]) for i in range(K))
# line 34: one-hot label, correct class c = 2 (index 1)
yoh = [0, 1, 0]
check(34, -sum(yoh[i] * sp.log(A[0][i]) for i in range(K)), -sp.log(A[0][1]))
# line 42: L = sum_k L_k = double sum
L = sum(Lk(k) for k in range(m))
check(42, L, -sum(sum(Y[k][i] * sp.log(A[k][i]) for i in range(K)) for k in range(m)))
# line 48: trace form, Y and A_o of shape (K, m)
Ym = sp.Matrix(K, m, lambda i, k: Y[k][i])
Pa = [vec(f"p{k}_", K, positive=True) for k in range(m)]     # generic positive a's for the trace identity
Am = sp.Matrix(K, m, lambda i, k: Pa[k][i])
Lp = -sum(sum(Y[k][i] * sp.log(Pa[k][i]) for i in range(K)) for k in range(m))
check(48, Lp, -(Ym.T * Am.applyfunc(sp.log)).trace())
# line 60
a, y = sp.symbols("a y", positive=True)
check(60, sp.diff(-y * sp.log(a), a), -y / a)
# line 66: dL/dA_o = -Y / A_o elementwise (A treated as free variables)
check_all(66, [(sp.diff(Lp, Pa[k][i]), -Y[k][i] / Pa[k][i]) for k in range(m) for i in range(K)])
# single sample: a = softmax(z), general y
z, yy = Z[0], Y[0]
aa = softmax(z)
Ls = -sum(yy[j] * sp.log(aa[j]) for j in range(K))
delta = lambda i, j: 1 if i == j else 0
check_all(78, [(D(aa[j], z[i]), aa[j] * (delta(i, j) - aa[i])) for i in range(K) for j in range(K)])
i = 0
P = vec("q", K, positive=True)    # L as a function of a_j for dL/da_j
La = -sum(yy[j] * sp.log(P[j]) for j in range(K))
dLda = [sp.diff(La, P[j]).subs(dict(zip(P, aa))) for j in range(K)]
g = D(Ls, z[i])
check(92, g, sum(dLda[j] * D(aa[j], z[i]) for j in range(K)))
check(102, g, sum((-yy[j] / aa[j]) * (aa[j] * (delta(i, j) - aa[i])) for j in range(K)))
check(108, g, sum(-yy[j] * (delta(i, j) - aa[i]) for j in range(K)))
check(114, g, -(sum(yy[j] * delta(i, j) for j in range(K)) - sum(yy[j] * aa[i] for j in range(K))))
# lines 126, 132: need sum_j y_j = 1 -> substitute y_K = 1 - others
one = {yy[K - 1]: 1 - sum(yy[:K - 1])}
check_all(126, [(g.subs(one), (-(yy[i] - aa[i])).subs(one)), (g.subs(one), (aa[i] - yy[i]).subs(one))])
subs2 = {}
for k in range(m):
    subs2[Y[k][K - 1]] = 1 - sum(Y[k][:K - 1])
check_all(132, [(D(L, Z[k][i2]).subs(subs2), (A[k][i2] - Y[k][i2]).subs(subs2)) for k in range(m) for i2 in range(K)])
# without the assumption line 126 would fail (sanity, not recorded):
from _common import equal
print("  (126 without sum y = 1:", equal(g, aa[i] - yy[i]), ")")

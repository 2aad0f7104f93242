"""zc-timattt-mlp-backprop.md: backprop through sigmoid layers with binary cross-entropy, n = 2 units per layer.
Layer convention from the document's explicit index form (line 100): Q_k = sum_m W_km P_m + b_k, R = sigma(Q)."""
import sympy as sp
from _common import vec, check, check_all

n = 2
sig = lambda t: 1 / (1 + sp.exp(-t))
dsig = lambda t: sig(t) * (1 - sig(t))
y = vec("y", n, positive=True)
def bce(a):
    return -sum(y[i] * sp.log(a[i]) + (1 - y[i]) * sp.log(1 - a[i]) for i in range(n))

# line 52: dI/dA3^k
a = vec("a", n, positive=True)
check(52, sp.diff(bce(a), a[0]), (a[0] - y[0]) / (a[0] * (1 - a[0])), positive=a + y)

# one generic layer
W = sp.Matrix(n, n, lambda i, j: sp.Symbol(f"W{i+1}{j+1}"))
P = vec("P", n); b = vec("b", n)
Q = [sum(W[k, m] * P[m] for m in range(n)) + b[k] for k in range(n)]
q = vec("q", n); r = vec("r", n)
I_R = bce(r)                                   # I as a function of R
dIdR = [sp.diff(I_R, r[i]).subs(dict(zip(r, [sig(t) for t in q]))) for i in range(n)]
I_q = I_R.subs(dict(zip(r, [sig(t) for t in q])))   # I as a function of Q
g_q = [sp.diff(I_q, q[i]) for i in range(n)]
atQ = dict(zip(q, Q))
g = [gi.subs(atQ) for gi in g_q]               # dI/dQ_i evaluated at Q = W P + b
I_full = I_q.subs(atQ)
pos = y

# line 79: dI/dQ_i = dI/dR_i dR_i/dQ_i = dI/dR_i sigma'(Q_i)
check_all(79, [(g_q[i], dIdR[i] * dsig(q[i])) for i in range(n)], positive=pos)
# line 85: dI/dP_i = sum_k dI/dQ_k dQ_k/dP_i
check_all(85, [(sp.diff(I_full, P[i]), sum(g[k] * sp.diff(Q[k], P[i]) for k in range(n))) for i in range(n)], positive=pos)
# line 91: dI/dW_ij = sum_k dI/dQ_k dQ_k/dW_ij = dI/dQ_i P_j
pairs = []
for i in range(n):
    for j in range(n):
        mid = sum(g[k] * sp.diff(Q[k], W[i, j]) for k in range(n))
        pairs += [(sp.diff(I_full, W[i, j]), mid), (mid, g[i] * P[j])]
check_all(91, pairs, positive=pos)
# line 98: dQ_k/dW_ij = P_j delta_ik
check_all(98, [(sp.diff(Q[k], W[i, j]), P[j] * (1 if i == k else 0)) for i in range(n) for j in range(n) for k in range(n)])
# line 106: dI/db_i = sum_k dI/dQ_k delta_ik = sum_k dI/dQ_i  (last sum gives n * dI/dQ_i)
check(106, sp.diff(I_full, b[0]), sum(g[0] for k in range(n)), positive=pos)
# line 113: dI/dQ = dI/dR (elementwise) sigma'(Q)
check_all(113, [(g_q[i], dIdR[i] * dsig(q[i])) for i in range(n)], positive=pos)
# line 125: dI/db = dI/dQ
check_all(125, [(sp.diff(I_full, b[i]), g[i]) for i in range(n)], positive=pos)

# full network for lines 143 and 157
x = vec("x", n)
W1 = sp.Matrix(n, n, lambda i, j: sp.Symbol(f"U{i+1}{j+1}")); W2 = sp.Matrix(n, n, lambda i, j: sp.Symbol(f"V{i+1}{j+1}"))
b1 = vec("c", n); b2 = vec("d", n)
z2 = [sum(W1[k, m] * x[m] for m in range(n)) + b1[k] for k in range(n)]
A2 = [sig(t) for t in z2]
z3s = vec("s", n)                               # z3 as free symbols for line 143
A3s = [sig(t) for t in z3s]
I3 = bce(A3s)
k = 0
r143 = [sp.diff(I3, z3s[k]),
        (A3s[k] - y[k]) / (A3s[k] * (1 - A3s[k])) * dsig(z3s[k]),
        (A3s[k] - y[k]) / (A3s[k] * (1 - A3s[k])) * A3s[k] * (1 - A3s[k]),
        A3s[k] - y[k]]
check_all(143, [(r143[t], r143[t + 1]) for t in range(3)], positive=pos)
z3 = [sum(W2[k, m] * A2[m] for m in range(n)) + b2[k] for k in range(n)]
A3 = [sig(t) for t in z3]
Inet = bce(A3)
check_all(157, [(sp.diff(Inet, b2[i]), A3[i] - y[i]) for i in range(n)], positive=pos)

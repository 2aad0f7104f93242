"""Establish zzb-davfeng-sigmoid-softmax-backprop.md: sigmoid hidden layer, softmax output, squared error.

Concrete size: n = 2 inputs, m = 2 hidden units, K = 3 outputs, one example; sigma = logistic
sigmoid (the document leaves sigma generic; the hidden-layer rows hold for any differentiable sigma).
Indices used: j = 0 (hidden), k = 1 (output), i = 1 (input), l = 1 (output for b^1 rows).
Chains written on one line (line 164) are checked link by link with check_all.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
import _common
from _common import check, check_all, vec, softmax, D

_common.EXACT = False  # simplify stalls on the failing softmax chain (line 64): numbers decide

n, m, K = 2, 2, 3
X = vec("x", n, real=True)
w0 = sp.Matrix(m, n, lambda a, b: sp.Symbol(f"v{a}{b}", real=True))
b0 = vec("c", m, real=True)
w1 = sp.Matrix(K, m, lambda a, b: sp.Symbol(f"w{a}{b}", real=True))
b1 = vec("b", K, real=True)
Y = vec("y", K, real=True)
s = sp.Symbol("s", real=True)
sig = lambda u: 1 / (1 + sp.exp(-u))
dsig = lambda u: D(sig(s), s).subs(s, u)
Z0 = [sum(w0[a, i] * X[i] for i in range(n)) + b0[a] for a in range(m)]
A0 = [sig(z) for z in Z0]
Z1 = [sum(w1[k, a] * A0[a] for a in range(m)) + b1[k] for k in range(K)]
P = softmax(Z1)
E = sp.Rational(1, 2) * sum((P[k] - Y[k]) ** 2 for k in range(K))

# free-symbol versions for partial derivatives w.r.t. P and Z^1
Pv = vec("p", K, real=True)
Ep = sp.Rational(1, 2) * sum((Pv[k] - Y[k]) ** 2 for k in range(K))
Zv = vec("z", K, real=True)
Pz = softmax(Zv)
toZ = {Zv[k]: Z1[k] for k in range(K)}
dPk_dZk = [D(Pz[k], Zv[k]).subs(toZ) for k in range(K)]

j, k, i, l = 0, 1, 1, 1
# line 64: dE/dV = sum_k dE/dP_k dP_k/dZ_k dZ_k/dV, tested with V = b^0_j and V = w^0_{ji}
pairs = []
for V in (b0[j], w0[j, i]):
    rhs = sum((P[q] - Y[q]) * dPk_dZk[q] * D(Z1[q], V) for q in range(K))
    pairs.append((D(E, V), rhs))
check_all(64, pairs)
# line 76: dE/dP_k = P_k - Y_k (hat Y read as the label Y)
check(76, D(Ep, Pv[k]), Pv[k] - Y[k])
# lines 79, 82, 91: dP_k/dZ_k
S = sum(sp.exp(z) for z in Zv)
dP = D(Pz[k], Zv[k])
check(79, dP, D(sp.exp(Zv[k]) / S, Zv[k]))
check(82, dP, sp.exp(Zv[k]) * (S - sp.exp(Zv[k])) / S ** 2)
check(91, dP, Pz[k] * (1 + Pz[k]))
# lines 100-112: dZ^1_k/db^0_j
d = D(Z1[k], b0[j])
check(100, d, D(sum(w1[k, q] * sig(Z0[q]) for q in range(m)) + b1[k], b0[j]))
check(105, d, sum(w1[k, q] * dsig(Z0[q]) * D(sum(w0[q, r] * X[r] for r in range(n)) + b0[q], b0[j]) for q in range(m)))
check(110, d, sum(w1[k, q] * dsig(Z0[q]) * sp.KroneckerDelta(q, j) for q in range(m)))
check(112, d, w1[k, j] * dsig(Z0[j]))
# lines 131-136: dZ^1_k/db^1_l, for every (k, l) pair
check_all(131, [(D(Z1[a], b1[c]), D(sum(w1[a, q] * sig(Z0[q]) for q in range(m)) + b1[a], b1[c])) for a in range(K) for c in range(K)])
check_all(136, [(D(Z1[a], b1[c]), sp.KroneckerDelta(a, c)) for a in range(K) for c in range(K)])
# line 146: sum_k (P_k - Y_k) P_k (1 + P_k) delta_kl = (P_l - Y_l) P_l (1 + P_l)  (eps factor common)
eps = sp.Symbol("epsilon", positive=True)
r144 = -eps * sum((Pv[q] - Y[q]) * Pv[q] * (1 + Pv[q]) * sp.KroneckerDelta(q, l) for q in range(K))
check(146, r144, -eps * (Pv[l] - Y[l]) * Pv[l] * (1 + Pv[l]))
# lines 157, 164: dZ^1_l/dw^1_{kj}, all index combinations
check_all(157, [(D(Z1[c], w1[a, b]), D(sum(w1[c, q] * sig(Z0[q]) for q in range(m)) + b1[c], w1[a, b]))
                for a in range(K) for b in range(m) for c in range(K)])
check_all(164, [(D(Z1[c], w1[a, b]), sum(sig(Z0[q]) * sp.KroneckerDelta(a, c) * sp.KroneckerDelta(b, q) for q in range(m)))
                for a in range(K) for b in range(m) for c in range(K)] +
               [(sum(sig(Z0[q]) * sp.KroneckerDelta(a, c) * sp.KroneckerDelta(b, q) for q in range(m)), sp.KroneckerDelta(a, c) * sig(Z0[b]))
                for a in range(K) for b in range(m) for c in range(K)])
# line 175: sum_l P_l(P_l - Y_l)(1 + P_l) delta_kl sigma(Z^0_j) = P_k(P_k - Y_k)(1 + P_k) sigma(Z^0_j)
h = sp.Symbol("h", real=True)  # sigma(Z^0_j)
r173 = -eps * sum(Pv[q] * (Pv[q] - Y[q]) * (1 + Pv[q]) * sp.KroneckerDelta(k, q) * h for q in range(K))
check(175, r173, -eps * Pv[k] * (Pv[k] - Y[k]) * (1 + Pv[k]) * h)
# lines 188-231: dZ^1_k/dw^0_{ji}
d = D(Z1[k], w0[j, i])
lin = lambda q: sum(w0[q, r] * X[r] for r in range(n)) + b0[q]
check(188, d, D(sum(w1[k, q] * sig(Z0[q]) for q in range(m)) + b1[k], w0[j, i]))
check(196, d, sum(w1[k, q] * D(sig(Z0[q]), w0[j, i]) for q in range(m)))
check(206, d, sum(w1[k, q] * dsig(Z0[q]) * D(lin(q), w0[j, i]) for q in range(m)))
check(216, d, sum(w1[k, q] * dsig(Z0[q]) * sum(sp.KroneckerDelta(q, j) * sp.KroneckerDelta(r, i) * X[r] for r in range(n)) for q in range(m)))
check(224, d, sum(w1[k, q] * dsig(Z0[q]) * sp.KroneckerDelta(q, j) * X[i] for q in range(m)))
check(231, d, w1[k, j] * dsig(Z0[j]) * X[i])

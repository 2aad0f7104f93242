"""Establish zzb-tianyao-relu-softmax-backprop.md: one ReLU hidden layer, softmax output, cross-entropy.

Concrete size: 2 inputs, 2 hidden units, K = 3 output classes, one example.
Rows stated for the hidden activation f^(L-1) are checked with f = ReLU (Max(0, t)),
the document's hidden activation; several pairs per row combined with check_all.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
import _common
from _common import check, check_all, vec, softmax, D

_common.EXACT = False  # Max/Heaviside through the network: numbers decide

t = sp.Symbol("t", real=True)
X = vec("x", 2, real=True)
W1 = sp.Matrix(2, 2, lambda j, k: sp.Symbol(f"V{j}{k}", real=True))
B1 = vec("c", 2, real=True)
W2 = sp.Matrix(3, 2, lambda j, k: sp.Symbol(f"W{j}{k}", real=True))
B2 = vec("b", 3, real=True)
Y = vec("y", 3, real=True)
K = 3

def net(f):
    z1 = [sum(W1[j, k] * X[k] for k in range(2)) + B1[j] for j in range(2)]
    a1 = [f(z) for z in z1]
    z2 = [sum(W2[j, k] * a1[k] for k in range(2)) + B2[j] for j in range(K)]
    return z1, a1, z2

relu = lambda u: sp.Max(0, u)
acts = {"relu": relu, "tanh": sp.tanh}

# ---- output layer, with z^(L) as free symbols
Z = vec("z", K, real=True)
A = softmax(Z)
L = -sum(Y[j] * sp.log(A[j]) for j in range(K))
j = 0
# line 34: dL/da_j, a_j treated as independent variables of L = -sum y log a
Av = vec("p", K, positive=True)
Lp = -sum(Y[i] * sp.log(Av[i]) for i in range(K))
check(34, D(Lp, Av[j]), Av[j] - Y[j])
# line 43: with a_j = f(z_j) (the document's line 38) and f a scalar function, d a_j/d z_j = f'(z_j)
fs = sp.Function("f")
zz = sp.Symbol("zz", real=True)
ok43 = sp.simplify(D(fs(zz), zz) - sp.Subs(sp.Derivative(fs(t), t), t, zz).doit()) == 0
print(f"line 43: {'holds' if ok43 else 'fails'}")
# line 49: delta_j = dL/dz_j = (dL/da_j)(da_j/dz_j) = (a_j - y_j) f'(z_j); softmax, f' = diagonal derivative
delta = [D(L, Z[i]) for i in range(K)]
fprime = D(A[j], Z[j])
dLda = D(Lp, Av[j]).subs({Av[i]: A[i] for i in range(K)})  # true dL/da_j
check_all(49, [(delta[j], dLda * fprime), (dLda * fprime, (A[j] - Y[j]) * fprime)])
# line 55: one-hot labels => sum y = 1
sum1 = {Y[2]: 1 - Y[0] - Y[1]}
check(55, delta[j], A[j] - Y[j], subs=sum1)

# ---- weights of the output layer
Wz = sp.Matrix(3, 2, lambda i, k: sp.Symbol(f"U{i}{k}", real=True))
H = vec("h", 2, real=True)
z2 = [sum(Wz[i, k] * H[k] for k in range(2)) + B2[i] for i in range(K)]
A2 = softmax(z2)
L2 = -sum(Y[i] * sp.log(A2[i]) for i in range(K))
k = 1
check(76, D(z2[j], Wz[j, k]), H[k])
dL_dz2 = [D(L, Z[i]).subs({Z[m]: z2[m] for m in range(K)}) for i in range(K)]
check_all(82, [(D(L2, Wz[j, k]), dL_dz2[j] * D(z2[j], Wz[j, k])),
               (dL_dz2[j] * D(z2[j], Wz[j, k]), dL_dz2[j] * H[k])])

# ---- hidden layer
jh = 0
def hidden_pairs(f, which):
    z1, a1, z2n = net(f)
    s = sp.Symbol("s", real=True)
    fp = lambda u: D(f(s), s).subs(s, u)
    Ln = -sum(Y[i] * sp.log(softmax(z2n)[i]) for i in range(K))
    d2 = [D(L, Z[i]).subs({Z[m]: z2n[m] for m in range(K)}) for i in range(K)]
    # z1 as free symbols to differentiate z2 w.r.t. z1
    Q = vec("q", 2, real=True)
    z2q = [sum(W2[i, kk] * f(Q[kk]) for kk in range(2)) + B2[i] for i in range(K)]
    Lq = -sum(Y[i] * sp.log(softmax(z2q)[i]) for i in range(K))
    back = {Q[m]: z1[m] for m in range(2)}
    d1 = D(Lq, Q[jh]).subs(back)
    if which == 113:
        return [(d1, sum(d2[i] * D(z2q[i], Q[jh]).subs(back) for i in range(K)))]
    if which == 121:
        return [(D(z2q[i], Q[jh]).subs(back), W2[i, jh] * fp(z1[jh])) for i in range(K)]
    if which == 127:
        return [(d1, sum(d2[i] * W2[i, jh] for i in range(K)) * fp(z1[jh]))]
    if which == 133:
        return [(d1, fp(z1[jh]) * sum(W2[i, jh] * d2[i] for i in range(K)))]
    if which == 170:
        return [(D(Ln, W1[jh, kk]), d1 * X[kk]) for kk in range(2)]

for line in (113, 121, 127, 133, 170):
    check_all(line, hidden_pairs(relu, line))

# line 145: derivative of ReLU (checked away from z = 0)
zr = sp.Symbol("zr", real=True)
check(145, D(relu(zr), zr), sp.Piecewise((1, zr > 0), (0, True)))

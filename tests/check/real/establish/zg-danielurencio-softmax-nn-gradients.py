"""zg-danielurencio-softmax-nn-gradients.md: softmax + CE gradients for a 2-layer net.

Row-vector convention (as in the author's toy code z2 = h1 W2): z_j = sum_i h_i w_ij,
hidden h_q = sigmoid(z1_q) with z1_q = sum_p x_p W1_pq (the text states h' = h(1-h)).
Sizes: 2 inputs, 2 hidden units, 3 classes.  Summation indices that shadow a free index
are read as dummies.
"""
import sympy as sp
from _common import check, check_all, vec, softmax, D

NX, NH, K = 2, 2, 3
x = vec("x", NX)
t = vec("t", K)
W1 = sp.Matrix(NX, NH, lambda p, q: sp.Symbol(f"a{p+1}{q+1}"))
W2 = sp.Matrix(NH, K, lambda i, j: sp.Symbol(f"w{i+1}{j+1}"))
sig = lambda u: 1 / (1 + sp.exp(-u))
z1 = [sum(x[p] * W1[p, q] for p in range(NX)) for q in range(NH)]
h = [sig(u) for u in z1]
z = [sum(h[i] * W2[i, j] for i in range(NH)) for j in range(K)]
y = softmax(z)
E = -sum(t[k] * sp.log(y[k]) for k in range(K))
onehot = {t[K - 1]: 1 - sum(t[:K - 1])}           # sum_i t_i = 1

# last layer, treat h as free symbols for speed
hs = vec("h", NH)
zs = [sum(hs[i] * W2[i, j] for i in range(NH)) for j in range(K)]
ys = softmax(zs)
Es = -sum(t[k] * sp.log(ys[k]) for k in range(K))
Y = vec("Y", K)                                     # y as a variable for dE/dy
EY = -sum(t[k] * sp.log(Y[k]) for k in range(K))
dEdy = lambda m: D(EY, Y[m]).subs(dict(zip(Y, ys)))
Zs = vec("Z", K)
ysZ = softmax(Zs)
dydz = lambda m, k: D(ysZ[m], Zs[k]).subs(dict(zip(Zs, zs)))
dzdw = lambda k, i, j: D(zs[k], W2[i, j])
ij = [(i, j) for i in range(NH) for j in range(K)]

import random
_r = random.Random(7)
_syms = list(x) + list(W1) + list(W2) + list(hs) + list(t[:K - 1])
_pts = [{s_: sp.Rational(_r.randint(-200, 200), 100) for s_ in _syms} for _ in range(2)]
for _pt in _pts:
    _pt[t[K - 1]] = sp.Rational(_r.randint(-200, 200), 100)   # t_K free unless one-hot is imposed
_orig_check_all = check_all


def check_all(line, pairs, subs=None):
    """evaluate both sides at two random rational points (40+ digits) before comparing"""
    out = []
    for pt in _pts:
        for a, b in pairs:
            if subs:
                a, b = sp.sympify(a).xreplace(subs), sp.sympify(b).xreplace(subs)
            out.append((sp.N(sp.sympify(a).xreplace(pt), 50), sp.N(sp.sympify(b).xreplace(pt), 50)))
    return _orig_check_all(line, out)

check_all(33, [(D(Es, W2[i, j]), sum(dEdy(m) * sum(dydz(m, k) * dzdw(k, i, j) for k in range(K)) for m in range(K))) for i, j in ij])
check_all(35, [(sum(dEdy(m) * sum(dydz(m, k) * dzdw(k, i, j) for k in range(K)) for m in range(K)),
                sum(dEdy(m) * dydz(m, j) * dzdw(j, i, j) for m in range(K))) for i, j in ij])
check_all(37, [(sum(dEdy(m) * dydz(m, j) * dzdw(j, i, j) for m in range(K)), hs[i] * (ys[j] * sum(t) - t[j])) for i, j in ij])
check_all(38, [(hs[i] * (ys[j] * sum(t) - t[j]), hs[i] * (ys[j] - t[j])) for i, j in ij], subs=onehot)
# line 45: gradient matrix vs outer product h^T (y - t)  (row vectors)
hrow = sp.Matrix([hs]); d = sp.Matrix([[ys[j] - t[j] for j in range(K)]])
outer = hrow.T * d
check_all(45, [(D(Es, W2[i, j]), outer[i, j]) for i, j in ij], subs=onehot)
check_all(47, [(outer[i, j], hs[i] * (ys[j] - t[j])) for i, j in ij])

# previous layer
pq = [(p, q) for p in range(NX) for q in range(NH)]
Hs = vec("H", NH)
zH = [sum(Hs[i] * W2[i, j] for i in range(NH)) for j in range(K)]
full = dict(zip(Hs, h))
dzdh = lambda k, q: D(zH[k], Hs[q])
dhdz1 = lambda q: h[q] * (1 - h[q])
dz1dw = lambda q, p, qq: D(z1[q], W1[p, qq])
yz = [yy.subs(dict(zip(hs, h))) for yy in ys]
dEdy_f = lambda m: D(EY, Y[m]).subs(dict(zip(Y, yz)))
dydz_f = lambda m, k: D(ysZ[m], Zs[k]).subs(dict(zip(Zs, z)))
chain = lambda p, q: sum(dEdy_f(m) * sum(dydz_f(m, k) * dzdh(k, q) * dhdz1(q) * dz1dw(q, p, q) for k in range(K)) for m in range(K))
check_all(59, [(D(E, W1[p, q]), chain(p, q)) for p, q in pq])
delta = [yz[r] - t[r] for r in range(K)]
# line 63 as written: x_p h_q (1-h_q) sum_q w_pq (y_q - t_q)  (sum over classes r, first index p)
written63 = lambda p, q: x[p] * h[q] * (1 - h[q]) * sum(W2[p, r] * delta[r] for r in range(K))
check_all(63, [(chain(p, q), written63(p, q)) for p, q in pq], subs=onehot)
# line 71: x^T ( h o (1-h) o [(y - t) W2^T] )
dW2T = sp.Matrix([delta]) * W2.T
M71 = sp.Matrix([x]).T * sp.Matrix([[h[q] * (1 - h[q]) * dW2T[0, q] for q in range(NH)]])
check_all(71, [(D(E, W1[p, q]), M71[p, q]) for p, q in pq], subs=onehot)
# line 73: matrix with entries x_p h'_q sum_q w_pq delta_q (entry (1,2) shown explicitly)
check_all(73, [(M71[p, q], x[p] * h[q] * (1 - h[q]) * sum(W2[p, r] * delta[r] for r in range(K))) for p, q in pq], subs=onehot)

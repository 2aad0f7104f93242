"""Establish h-jordancoblin-backprop-softmax-ce.md: one-hidden-layer network
x (n_x = 2) -> z1 = W1 x + b1 -> h = sigmoid(z1) (n_h = 2) -> z2 = W2 h + b2 -> yhat = softmax(z2) (K = 3),
L = -sum_k y_k log yhat_k. One-hot rows use y_3 = 1 - y_1 - y_2. All index pairs are checked."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import D, softmax, vec
from _common import equal as slow_equal
from _fast import equal

def say(line, ok):
    print(f"line {line}: {'holds' if ok else 'fails'}")

K, NH, NX = 3, 2, 2
y = vec("y", K, real=True)
onehot = {y[2]: 1 - y[0] - y[1]}
# ---- output-layer level (Z = z2, P = yhat as free symbols)
Z = vec("Z", K, real=True)
P = vec("P", K, positive=True)
S = sum(sp.exp(t) for t in Z)
yh = softmax(Z)
LZ = -sum(y[k] * sp.log(yh[k]) for k in range(K))
LP = -sum(y[k] * sp.log(P[k]) for k in range(K))
atP = dict(zip(P, yh))
dLdP = lambda k: D(LP, P[k]).subs(atP)
dyh = lambda k, j: D(yh[k], Z[j])
R = range(K)
say(259, all(slow_equal(D(LZ, Z[j]), sum(dLdP(k) * dyh(k, j) for k in R)) for j in R))
say(267, all(slow_equal(D(LZ, Z[j]), dLdP(j) * dyh(j, j) + sum(dLdP(k) * dyh(k, j) for k in R if k != j)) for j in R))
say(297, all(slow_equal(D(LP, P[k]), D(-sum(y[u] * sp.log(P[u]) for u in R), P[k])) for k in R))
say(298, all(slow_equal(D(LP, P[k]), -y[k] * D(sp.log(P[k]), P[k])) for k in R))
say(299, all(slow_equal(-y[k] * D(sp.log(P[k]), P[k]), -y[k] / P[k]) for k in R))
cases = lambda k, j: yh[k] * (1 - yh[k]) if j == k else -yh[j] * yh[k]
say(307, all(slow_equal(dyh(k, j), cases(k, j)) for k in R for j in R))
r331 = lambda j: (-y[j] / yh[j]) * (yh[j] * (1 - yh[j])) + sum((-y[k] / yh[k]) * (-yh[j] * yh[k]) for k in R if k != j)
r332 = lambda j: -y[j] + y[j] * yh[j] + yh[j] * sum(y[k] for k in R if k != j)
r333 = lambda j: -y[j] + yh[j] * (y[j] + sum(y[k] for k in R if k != j))
say(331, all(slow_equal(D(LZ, Z[j]), r331(j)) for j in R))
say(332, all(slow_equal(r331(j), r332(j)) for j in R))
say(333, all(slow_equal(r332(j), r333(j)) for j in R) and all(slow_equal(y[j] + sum(y[k] for k in R if k != j), 1, subs=onehot) for j in R))
say(334, all(slow_equal(r333(j), yh[j] - y[j], subs=onehot) for j in R))
# appendix (softmax derivative)
u = lambda k: sp.exp(Z[k])
say(687, all(slow_equal(dyh(k, j), D(sp.exp(Z[k]) / S, Z[j])) for k in R for j in R))
say(693, all(slow_equal(dyh(k, j), (S * D(u(k), Z[j]) - u(k) * D(S, Z[j])) / S ** 2) for k in R for j in R))
say(699, all(slow_equal(D(u(k), Z[j]), u(k) if j == k else 0) for k in R for j in R))
say(709, all(slow_equal(D(S, Z[j]), sp.exp(Z[j])) for j in R))
say(719, all(slow_equal(dyh(k, k), (S * sp.exp(Z[k]) - sp.exp(Z[k]) * sp.exp(Z[k])) / S ** 2) for k in R))
say(726, all(slow_equal((S * sp.exp(Z[k]) - sp.exp(Z[k]) ** 2) / S ** 2, yh[k] * (1 - yh[k])) for k in R))
say(733, all(slow_equal(dyh(k, j), -sp.exp(Z[k]) * sp.exp(Z[j]) / S ** 2) for k in R for j in R if j != k))
say(740, all(slow_equal(-sp.exp(Z[k]) * sp.exp(Z[j]) / S ** 2, -yh[j] * yh[k]) for k in R for j in R if j != k))
say(748, all(slow_equal(dyh(k, j), cases(k, j)) for k in R for j in R))

# ---- full network
x = sp.Matrix(vec("x", NX, real=True))
W1 = sp.Matrix(NH, NX, lambda a, b: sp.Symbol(f"U{a}{b}", real=True)); b1 = sp.Matrix(vec("c", NH, real=True))
W2 = sp.Matrix(K, NH, lambda a, b: sp.Symbol(f"V{a}{b}", real=True)); b2 = sp.Matrix(vec("d", K, real=True))
sig = lambda t: 1 / (1 + sp.exp(-t))
z1 = W1 * x + b1
h = z1.applyfunc(sig)
z2 = W2 * h + b2
yn = softmax(list(z2))
L = -sum(y[k] * sp.log(yn[k]) for k in R)
atZ = dict(zip(Z, z2))
dLdz2 = [D(LZ, Z[k]).subs(atZ) for k in R]
H = vec("H", NH, real=True)
LH = -sum(y[k] * sp.log(softmax(list(W2 * sp.Matrix(H) + b2))[k]) for k in R)
atH = dict(zip(H, h))
dLdh = [D(LH, H[j]).subs(atH) for j in range(NH)]
JI2 = [(j, i) for j in R for i in range(NH)]
JI1 = [(j, i) for j in range(NH) for i in range(NX)]
say(239, all(equal(D(L, W2[j, i]), dLdz2[j] * D(z2[j], W2[j, i])) for j, i in JI2))
say(285, all(equal(D(L, W2[j, i]),
                   dLdP(j).subs(atZ) * dyh(j, j).subs(atZ) * D(z2[j], W2[j, i])
                   + sum(dLdP(k).subs(atZ) * dyh(k, j).subs(atZ) * D(z2[j], W2[j, i]) for k in R if k != j)) for j, i in JI2))
zz = W2 * sp.Matrix(H) + b2
say(319, all(equal(D(zz[j], W2[j, i]), D((W2 * sp.Matrix(H) + b2)[j], W2[j, i])) for j, i in JI2))
say(320, all(equal(D(zz[j], W2[j, i]), D(W2[j, i] * H[i], W2[j, i])) for j, i in JI2))
say(321, all(equal(D(W2[j, i] * H[i], W2[j, i]), H[i]) for j, i in JI2))
# lines 342-343: factor dz_k/dW_{j,i} with k != j
tz = sp.Symbol("t", real=True)
kk = lambda j: (j + 1) % K
say(342, all(equal(D(L, W2[j, i]), dLdz2[j] * D(z2[kk(j)], W2[j, i])) for j, i in JI2))
say(343, all(equal(dLdz2[j] * D(z2[kk(j)], W2[j, i]), (yn[j] - y[j]) * h[i], subs=onehot) for j, i in JI2))
say(355, all(equal(D(L, b2[j]), dLdz2[j] * D(z2[j], b2[j])) for j in R))
say(363, all(equal(D(zz[j], b2[j]), D((W2 * sp.Matrix(H) + b2)[j], b2[j])) for j in R))
say(364, all(equal(D(zz[j], b2[j]), D(b2[j], b2[j])) for j in R))
say(365, all(equal(D(b2[j], b2[j]), 1) for j in R))
say(372, all(equal(D(L, b2[j]), yn[j] - y[j], subs=onehot) for j in R))
sigp = lambda t: D(sig(tz), tz).subs(tz, t)
say(395, all(equal(D(L, W1[j, i]), dLdh[j] * sigp(z1[j]) * D(z1[j], W1[j, i])) for j, i in JI1))
say(406, all(equal(dLdh[j], sum(dLdz2[k] * D(zz[k], H[j]).subs(atH) for k in R)) for j in range(NH)))
say(412, all(equal(D(zz[k], H[j]), W2[k, j]) for k in R for j in range(NH)))
say(419, all(equal(dLdh[j], sum((yn[k] - y[k]) * W2[k, j] for k in R), subs=onehot) for j in range(NH)))
say(427, equal(D(sig(tz), tz), sig(tz) * (1 - sig(tz))))
say(428, all(equal(sig(z1[j]) * (1 - sig(z1[j])), h[j] * (1 - h[j])) for j in range(NH)))
say(436, all(equal(D(z1[j], W1[j, i]), D((W1 * x + b1)[j], W1[j, i])) for j, i in JI1))
say(437, all(equal(D(z1[j], W1[j, i]), D(W1[j, i] * x[i], W1[j, i])) for j, i in JI1))
say(438, all(equal(D(W1[j, i] * x[i], W1[j, i]), x[i]) for j, i in JI1))
g1 = lambda j, i: sum((yn[k] - y[k]) * W2[k, j] for k in R) * h[j] * (1 - h[j]) * x[i]
gb1 = lambda j: sum((yn[k] - y[k]) * W2[k, j] for k in R) * h[j] * (1 - h[j])
ok448 = all(equal(D(L, W1[j, i]), g1(j, i), subs=onehot) for j, i in JI1)
ok456 = all(equal(D(L, b1[j]), gb1(j), subs=onehot) for j in range(NH))
ok468 = all(equal(D(L, W2[j, i]), (yn[j] - y[j]) * h[i], subs=onehot) for j, i in JI2)
say(448, ok448); say(456, ok456)
say(466, ok448); say(467, ok456); say(468, ok468)
say(469, all(equal(D(L, b2[j]), yn[j] - y[j], subs=onehot) for j in R))
# vectorised rows, row-vector reading as in the code: x, h, yhat - y are row vectors
xr, hr = x.T, h.T
er = sp.Matrix([[yn[k] - y[k] for k in R]])
delta = (er * W2).multiply_elementwise(hr).multiply_elementwise(hr.applyfunc(lambda t: 1 - t))
M477 = xr.T * delta                      # n_x x n_h, entry (i, j) = x_i delta_j
G1 = sp.Matrix(NH, NX, lambda j, i: D(L, W1[j, i]))
say(477, all(equal(G1[a, b], M477[a, b], subs=onehot) for a in range(NH) for b in range(NX)))
say(478, all(equal(D(L, b1[j]), delta[0, j], subs=onehot) for j in range(NH)))
M479 = hr.T * er                         # n_h x K
say(479, M479.shape == W2.shape)         # dL/dW2 has the shape of W2 (K x n_h)
say(480, all(equal(D(L, b2[k]), er[0, k], subs=onehot) for k in R))

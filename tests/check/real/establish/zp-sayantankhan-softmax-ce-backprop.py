"""Establish zp-sayantankhan-softmax-ce-backprop.md: softmax + cross-entropy gradient, input gradient.
K = 3 classes, d = 2 input features; correct class c = index 0 (and a k != c check with k = 1)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax, D

K = 3
z = vec("z", K, real=True)
yh = softmax(z)
S = sum(sp.exp(t) for t in z)
c = 0                       # correct class
Y = [1 if i == c else 0 for i in range(K)]   # one-hot label (holds-under rows)
yv = vec("y", K, real=True)                  # general label vector
Lgen = -sum(yv[i] * sp.log(yh[i]) for i in range(K))   # line 74 definition
L = -sp.log(yh[c])                                      # line 129 definition

# line 80: L = -log(yhat_c) under one-hot y
check(80, Lgen.subs(dict(zip(yv, Y))), -sp.log(yh[c]))
# line 87: -log(0.6) ~ 0.51 (two decimals)
check(87, sp.Rational(round(float(-sp.log(sp.Rational(6, 10))), 2)).limit_denominator(100), sp.Rational(51, 100))

# line 96: dL/dx = dL/dyhat * dyhat/dz * dz/dx  (Jacobian product), z = W x + b
d = 2
x = vec("x", d, real=True)
W = [vec(f"w{k}_", d, real=True) for k in range(K)]
b = vec("b", K, real=True)
zx = [sum(W[k][j] * x[j] for j in range(d)) + b[k] for k in range(K)]
p = vec("p", K, positive=True)              # yhat as free variables
Lp = -sp.log(p[c])
yhx = softmax(zx)
Lx = -sp.log(yhx[c])
dL_dp = sp.Matrix([[D(Lp, p[i]) for i in range(K)]]).subs(dict(zip(p, yhx)))
zs = vec("s", K, real=True)
J_yz = sp.Matrix(K, K, lambda i, k: D(softmax(zs)[i], zs[k])).subs(dict(zip(zs, zx)))
J_zx = sp.Matrix(K, d, lambda k, j: D(zx[k], x[j]))
rhs96 = dL_dp * J_yz * J_zx
check_all(96, [(D(Lx, x[j]), rhs96[0, j]) for j in range(d)])

# line 141: substitution; line 147: log rule; line 155: derivative of the same expression
r141 = -sp.log(sp.exp(z[c]) / S)
r147 = -z[c] + sp.log(S)
check(141, L, r141)
check(147, r141, r147)
check_all(155, [(D(L, z[k]), D(-z[c] + sp.log(S), z[k])) for k in range(K)])
# line 168: d/dz_c log sum = e^{z_c}/sum = yhat_c
check_all(168, [(D(sp.log(S), z[c]), sp.exp(z[c]) / S), (sp.exp(z[c]) / S, yh[c])])
# line 174: dL/dz_c = -1 + yhat_c = yhat_c - 1
check_all(174, [(D(L, z[c]), -1 + yh[c]), (-1 + yh[c], yh[c] - 1)])
# line 185 (k = 1 != c): d/dz_k log sum = e^{z_k}/sum = yhat_k
k = 1
check_all(185, [(D(sp.log(S), z[k]), sp.exp(z[k]) / S), (sp.exp(z[k]) / S, yh[k])])
check_all(191, [(D(L, z[kk]), yh[kk]) for kk in range(K) if kk != c])
check_all(201, [(D(L, z[kk]), yh[kk]) for kk in range(K) if kk != c])
# line 249 / 305 / 422 / 547: dL/dz_k = yhat_k - y_k (one-hot y)
for ln in (249, 305, 422, 547):
    check_all(ln, [(D(L, z[kk]), yh[kk] - Y[kk]) for kk in range(K)])
# line 265: softmax Jacobian, both cases
pairs = []
for i in range(K):
    for kk in range(K):
        pairs.append((D(yh[i], z[kk]), yh[i] * (1 - yh[i]) if i == kk else -yh[i] * yh[kk]))
check_all(265, pairs)
# line 281: dL/dz_k = sum_i dL/dyhat_i * dyhat_i/dz_k
check_all(281, [(D(L, z[kk]), sum(D(Lp, p[i]).subs(dict(zip(p, yh))) * D(yh[i], z[kk]) for i in range(K))) for kk in range(K)])
# line 289: dL/dz_c = -1/yhat_c * yhat_c(1 - yhat_c) = yhat_c - 1
r289 = -1 / yh[c] * yh[c] * (1 - yh[c])
check_all(289, [(D(L, z[c]), r289), (r289, yh[c] - 1)])
# line 295: dL/dz_k = -1/yhat_c * (-yhat_c yhat_k) = yhat_k  (k != c)
check_all(295, [(D(L, z[kk]), -1 / yh[c] * (-yh[c] * yh[kk])) for kk in range(K) if kk != c]
          + [(-1 / yh[c] * (-yh[c] * yh[kk]), yh[kk]) for kk in range(K) if kk != c])
# line 325: dz_k/dx = w_k
check_all(325, [(D(zx[kk], x[j]), W[kk][j]) for kk in range(K) for j in range(d)])
# line 331: dL/dx = sum_k dL/dz_k dz_k/dx = sum_k (yhat_k - y_k) w_k   (one-hot y)
dLdz_x = [D(Lp, p[0]) for _ in range(0)]
gz = [D(L, z[kk]).subs(dict(zip(z, zx))) for kk in range(K)]
mid331 = [sum(gz[kk] * D(zx[kk], x[j]) for kk in range(K)) for j in range(d)]
rhs331 = [sum((yhx[kk] - Y[kk]) * W[kk][j] for kk in range(K)) for j in range(d)]
check_all(331, [(D(Lx, x[j]), mid331[j]) for j in range(d)] + [(mid331[j], rhs331[j]) for j in range(d)])
# line 337 / 463: dL/dx = W^T (yhat - y), W rows are w_k^T
Wm = sp.Matrix(K, d, lambda kk, j: W[kk][j])
rhsW = Wm.T * sp.Matrix([yhx[kk] - Y[kk] for kk in range(K)])
for ln in (337, 463):
    check_all(ln, [(D(Lx, x[j]), rhsW[j]) for j in range(d)])
# line 412: L = -log(yhat_true) = -log(0.659) ~ 0.417, with z = [2.0, 1.0, 0.1], true class 0
zz = [2, 1, sp.Rational(1, 10)]
ex = softmax(zz)
v1 = round(float(ex[0]), 3)        # 0.659 as displayed
v2 = round(float(-sp.log(sp.Rational(659, 1000))), 3)
check_all(412, [(sp.Rational(round(v1 * 1000)), 659), (sp.Rational(round(v2 * 1000)), 417)])

"""Establish zs-mikelmg-mse-bce-cce-gradients.md: MSE, BCE, CCE derivatives (n = 2 samples, K = 3 classes)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax

n = 2
yh = vec("h", n, positive=True)      # predictions yhat_i in (0,1)
y = vec("y", n, positive=True)
i = 0                                # differentiate w.r.t. sample i = 1

# MSE (line 10) and its derivative (line 16)
MSE = sp.Rational(1, n) * sum((yh[j] - y[j]) ** 2 for j in range(n))
check(16, sp.diff(MSE, yh[i]), sp.Rational(2, n) * (yh[i] - y[i]))

# BCE as defined on line 26 (mean over n)
BCE = -sp.Rational(1, n) * sum(y[j] * sp.log(yh[j]) + (1 - y[j]) * sp.log(1 - yh[j]) for j in range(n))
check(32, sp.diff(BCE, yh[i]), -y[i] / yh[i] + (1 - y[i]) / (1 - yh[i]))

# per-sample BCE as redefined on line 39
BCEi = -(y[i] * sp.log(yh[i]) + (1 - y[i]) * sp.log(1 - yh[i]))
u = sp.Symbol("u", positive=True)
dlog = sp.diff(sp.log(u), u).subs(u, yh[i])
dlog1m = sp.diff(sp.log(1 - u), u).subs(u, yh[i])
r40 = -(y[i] * dlog + (1 - y[i]) * dlog1m)
check(40, sp.diff(BCEi, yh[i]), r40)
r42 = -(y[i] * 1 / yh[i] + (1 - y[i]) * (-1) / (1 - yh[i]))
check(42, r40, r42)
check(43, r42, -y[i] / yh[i] + (1 - y[i]) / (1 - yh[i]))

# line 51: with yhat_i = sigmoid(z_i), d BCE / d z_i = yhat_i - y_i (BCE = per-sample loss of line 39)
z = sp.Symbol("z", real=True)
s = 1 / (1 + sp.exp(-z))
check(51, sp.diff(BCEi.subs(yh[i], s), z), s - y[i])

# CCE (line 62): mean over n of -sum_k y_ik log yhat_ik ; K = 3
K = 3
Yh = [vec(f"p{j}_", K, positive=True) for j in range(n)]
Yt = [vec(f"t{j}_", K, positive=True) for j in range(n)]
CCE = -sp.Rational(1, n) * sum(Yt[j][k] * sp.log(Yh[j][k]) for j in range(n) for k in range(K))
k = 1
check(74, sp.diff(CCE, Yh[i][k]), -Yt[i][k] / Yh[i][k])
CCEi = -sum(Yt[i][kk] * sp.log(Yh[i][kk]) for kk in range(K))
# line 82: d CCE / d yhat_ik = - y_ik d log(yhat_ik)/d yhat_ik   (LHS written CCE, not CCE_i)
r83 = -Yt[i][k] * sp.diff(sp.log(u), u).subs(u, Yh[i][k])
check(82, sp.diff(CCE, Yh[i][k]), r83)
check(84, sp.diff(CCE, Yh[i][k]), -Yt[i][k] / Yh[i][k])
# vector rows (lines 93, 100, 106) and compact form (line 118), all components
grad = [sp.diff(CCEi, Yh[i][kk]) for kk in range(K)]
r93 = [-sp.diff(Yt[i][kk] * sp.log(u), u).subs(u, Yh[i][kk]) for kk in range(K)]
r100 = [-(Yt[i][kk] * 1 / Yh[i][kk]) for kk in range(K)]
r106 = [-(Yt[i][kk] / Yh[i][kk]) for kk in range(K)]
check_all(93, list(zip(grad, r93)))
check_all(100, list(zip(r93, r100)))
check_all(106, list(zip(r100, r106)))
check_all(118, list(zip(grad, r106)))

# line 129: softmax + CCE, dCCE/dz_ik = yhat_ik - y_ik ; one-hot labels (sum_k y_ik = 1, line 68) imposed
zs = vec("z", K, real=True)
P = softmax(zs)
CCE_z = -sp.Rational(1, n) * (sum(Yt[i][kk] * sp.log(P[kk]) for kk in range(K))
                              + sum(Yt[1][kk] * sp.log(Yh[1][kk]) for kk in range(K)))
onehot = {Yt[i][K - 1]: 1 - Yt[i][0] - Yt[i][1]}
check(129, sp.diff(CCE_z, zs[k]), P[k] - Yt[i][k], subs=onehot)

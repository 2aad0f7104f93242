"""Establish m-sunzewen-softmax-regression.md: softmax regression gradient in index form.

Sizes: 2 input features x1, x2; 3 classes.  The document's eq. (2) fixes
o_j = x_1 w_1j + x_2 w_2j + b_j (w_ij: input i -> class j).
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec, softmax, equal

x = vec("x", 2, real=True)
W = [[sp.Symbol(f"w{i}{j}", real=True) for j in range(1, 4)] for i in range(1, 3)]
b = vec("b", 3, real=True)
y = vec("y", 3, positive=True)
o = [x[0] * W[0][j] + x[1] * W[1][j] + b[j] for j in range(3)]       # eq. (2), line 143-146
yh = softmax(o)
E = -sum(y[j] * sp.log(yh[j]) for j in range(3))                     # lines 175, 192
onehot = {y[2]: 1 - y[0] - y[1]}                                      # sum of labels = 1

# line 203 / 241: dE/d yhat_i with yhat treated as free variables
q = vec("q", 3, positive=True)
Eq_ = -sum(y[j] * sp.log(q[j]) for j in range(3))
check(203, sp.diff(Eq_, q[0]), y[0] * 1 / q[0])
check(241, sp.diff(Eq_, q[0]), y[0] * 1 / q[0])

# softmax Jacobian, as functions of the logits z
z = vec("z", 3, real=True)
s = softmax(z)
S = sum(sp.exp(t) for t in z)
# line 216: case i = j (i = j = 1): exp(o_j)/S - (exp(o_j)/S)^2 with j = i
check(216, sp.diff(s[0], z[0]), sp.exp(z[0]) / S - (sp.exp(z[0]) / S) ** 2)
check(222, sp.diff(s[0], z[0]), s[0] - s[0] ** 2)
check(223, s[0] - s[0] ** 2, s[0] * (1 - s[0]))
# line 229: case i != j (i = 1, j = 2)
check(229, sp.diff(s[0], z[1]), -sp.exp(z[0]) * sp.exp(z[1]) / S ** 2)
# line 235: left side d yhat_i / d o_i (typo for d o_j) claimed equal to -yhat_i yhat_j
check(235, sp.diff(s[0], z[0]), -s[0] * s[1])

# w_11 example
w11 = W[0][0]
dE = sp.diff(E, w11)
dEdq = [sp.diff(Eq_, q[k]).subs({q[m]: yh[m] for m in range(3)}) for k in range(3)]
# sum_k dE/dyhat_k * dyhat_k/do_1 * do_1/dw_11, with do_1/dw_11 = x_1
r251 = sum(dEdq[k] * sp.diff(s[k], z[0]).subs({z[m]: o[m] for m in range(3)}) * sp.diff(o[0], w11)
           for k in range(3))
check(251, dE, r251)
Y = yh
r262 = (-y[0] * 1 / Y[0] * (Y[0] * (1 - Y[0])) * x[0] - y[1] * 1 / Y[1] * (-Y[0] * Y[1]) * x[0]
        - y[2] * 1 / Y[2] * (-Y[0] * Y[2]) * x[0])
check(262, r251, r262)
r264 = -(y[0] * (1 - Y[0]) - y[1] * Y[0] - y[2] * Y[0]) * x[0]
check(264, r262, r264)
r265 = -(y[0] - Y[0] * (Y[0] + Y[1] + Y[2])) * x[0]
assert not equal(r264, r265)                 # without the assumption the step fails
check(265, r264, r265, subs=onehot)          # holds only with y1 + y2 + y3 = 1
r266 = (Y[0] - y[0]) * x[0]
check(266, r265, r266)

# line 271: general dE/dw_ij claimed (yhat_i - y_i) x_i; take i = 1, j = 2
claimed = (Y[0] - y[0]) * x[0]
true_eq2 = sp.diff(E, W[0][1])                # eq. (2) convention: w_12 feeds o_2 -> (yhat_2 - y_2) x_1
# transposed convention (text line 42): o_i = sum_j w_ij x_j + b_i, so w_12 feeds o_1 with x_2
Wt = W
ot = [Wt[0][0] * x[0] + Wt[0][1] * x[1] + b[0], Wt[1][0] * x[0] + Wt[1][1] * x[1] + b[1],
      sp.Symbol("w31", real=True) * x[0] + sp.Symbol("w32", real=True) * x[1] + b[2]]
yt = softmax(ot)
Et = -sum(y[j] * sp.log(yt[j]) for j in range(3))
true_t = sp.diff(Et, Wt[0][1])
assert not equal(true_t, (yt[0] - y[0]) * x[0], subs=onehot)   # fails in the transposed reading too
check(271, true_eq2, claimed, subs=onehot)
# line 279: dE/db_i = yhat_i - y_i (i = 1) with one-hot labels
assert not equal(sp.diff(E, b[0]), Y[0] - y[0])
check(279, sp.diff(E, b[0]), Y[0] - y[0], subs=onehot)

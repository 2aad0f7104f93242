"""Establish j-leiwista-logistic-regression.md: logistic loss and gradient (Chinese notebook). The page writes lg;
rows that do not depend on the base of the logarithm are checked with lg = log10; the one row whose truth depends
on the base (line 53) is marked ambiguous in the truth file and is not checked."""
import os, sys, itertools
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

lg = lambda t: sp.log(t, 10)
sig = lambda t: 1 / (1 + sp.exp(-t))
w1, w2, b, x1, x2 = sp.symbols("w1 w2 b x1 x2", real=True)
yv = sp.Symbol("y", positive=True)
z = w1 * x1 + w2 * x2 + b
yh = sig(z)
# line 22: P(0|X) = 1 - yhat = 1/(1 + e^{z})
check(22, 1 - yh, 1 / (1 + sp.exp(z)))
# line 26: P(Y|X) = yhat^y (1-yhat)^{1-y}: P(1|X) for y = 1, P(0|X) for y = 0
check_all(26, [(yh, (yh ** 1 * (1 - yh) ** 0)), (1 - yh, (yh ** 0 * (1 - yh) ** 1))])
# line 30: lg P(Y|X) = y lg yhat + (1-y) lg(1-yhat)  (any base)
P = yh ** yv * (1 - yh) ** (1 - yv)
check(30, lg(P), yv * lg(yh) + (1 - yv) * lg(1 - yh))
# line 34: L = -lg P = -[y lg yhat + (1-y) lg(1-yhat)]
check(34, -lg(P), -(yv * lg(yh) + (1 - yv) * lg(1 - yh)))
# line 52: chain rule dL/dw1 = dL/dyhat dyhat/dz dz/dw1 (base-independent)
Y, Z = sp.symbols("Yh Z", positive=True)
L_of_Y = -(yv * lg(Y) + (1 - yv) * lg(1 - Y))
L_w = L_of_Y.subs(Y, yh)
check(52, sp.diff(L_w, w1), sp.diff(L_of_Y, Y).subs(Y, yh) * sp.diff(sig(Z), Z).subs(Z, z) * sp.diff(z, w1))
# line 54: link from the right side of line 53
dz_w1 = sp.diff(z, w1)
r53 = -(yv / yh - (1 - yv) / (1 - yh)) * yh * (1 - yh) * dz_w1
r54 = (yh - yv) / (yh * (1 - yh)) * yh * (1 - yh) * dz_w1
r55 = (yh - yv) * dz_w1
check(54, r53, r54)
check(55, r54, r55)
dz = yh - yv                                 # line 61 names this factor dz
# lines 63, 65, 67: continue line 55 with dz/dw1 = x1, dz/dw2 = x2, dz/db = 1
check_all(63, [((yh - yv) * sp.diff(z, w1), (yh - yv) * x1), ((yh - yv) * x1, x1 * dz)])
check_all(65, [((yh - yv) * sp.diff(z, w2), (yh - yv) * x2), ((yh - yv) * x2, x2 * dz)])
check_all(67, [((yh - yv) * sp.diff(z, b), yh - yv), (yh - yv, dz)])
# m samples (m = 3): J = (1/m) sum L^(i), so dJ/dw = (1/m) sum of the per-sample dw of lines 63-67
m = 3
X1 = vec("a", m, real=True); X2 = vec("c", m, real=True); Ys = vec("t", m, positive=True)
Yh = [sig(w1 * X1[i] + w2 * X2[i] + b) for i in range(m)]
dz_i = [Yh[i] - Ys[i] for i in range(m)]
check_all(76, [(dz_i[i], Yh[i] - Ys[i]) for i in range(m)])
row1 = sp.Matrix([X1]); row2 = sp.Matrix([X2]); col = sp.Matrix(dz_i)
avg_dw1 = sp.Rational(1, m) * sum(dz_i[i] * X1[i] for i in range(m))
avg_dw2 = sp.Rational(1, m) * sum(dz_i[i] * X2[i] for i in range(m))
check(80, avg_dw1, (sp.Rational(1, m) * row1 * col)[0, 0])
check(85, avg_dw2, (sp.Rational(1, m) * row2 * col)[0, 0])
Xmat = sp.Matrix([[X1[i] for i in range(m)], [X2[i] for i in range(m)]])   # columns X^(i)
dW = sp.Rational(1, m) * Xmat * col
check_all(92, [(avg_dw1, dW[0]), (avg_dw2, dW[1])])
check(96, sp.Rational(1, m) * sum(dz_i), sp.Rational(1, m) * sum(Yh[i] - Ys[i] for i in range(m)))

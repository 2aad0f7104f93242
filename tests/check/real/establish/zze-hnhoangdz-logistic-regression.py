"""Establish the equations of zze-hnhoangdz-logistic-regression.md (whole post, Dinh Huy Hoang).

Author's notation: f(x) = sigma(x) = 1/(1+e^{-x}); one data point i with features x_1, x_2,
z_i = w_0 + w_1 x_1 + w_2 x_2, yhat_i = sigma(z_i), L = -(y_i log yhat_i + (1-y_i) log(1-yhat_i));
whole data set: X (m x 3, first column ones), W = (w_0, w_1, w_2)^T, Yhat = sigma(X W),
J = mean of the per-sample losses. Checked with m = 3 samples.
"""
import sympy as sp
from _common import check, check_all, vec, D

x = sp.symbols("x", real=True)
f = 1 / (1 + sp.exp(-x))
sig = lambda t: 1 / (1 + sp.exp(-t))

# line 44 / 46: limits of the sigmoid
check(44, sp.limit(f, x, sp.oo), 1)
check(46, sp.limit(f, x, -sp.oo), 0)
# line 54: f'(x) = e^{-x}/(1+e^{-x})^2 = 1/(1+e^{-x}) - 1/(1+e^{-x})^2 = f - f^2 = f(1-f)
E = sp.exp(-x)
check_all(54, [(D(f, x), E / (1 + E)**2),
               (E / (1 + E)**2, 1 / (1 + E) - 1 / (1 + E)**2),
               (1 / (1 + E) - 1 / (1 + E)**2, f - f**2),
               (f - f**2, f * (1 - f))])

# one data point
w0, w1, w2, x1, x2, yi = sp.symbols("w0 w1 w2 x1 x2 y_i", real=True)
zi = w0 + w1 * x1 + w2 * x2
Z, Yh = sp.symbols("z_i yhat_i", real=True)
Lyh = -(yi * sp.log(Yh) + (1 - yi) * sp.log(1 - Yh))     # L as a function of yhat
Lz = Lyh.subs(Yh, sig(Z))                                # L as a function of z
Lw = Lz.subs(Z, zi)                                      # L as a function of the weights
dLdz = D(Lz, Z).subs(Z, zi)
# lines 145, 147, 149: chain rule dL/dw_k = dL/dz_i . dz_i/dw_k
check(145, D(Lw, w0), dLdz * D(zi, w0))
check(147, D(Lw, w1), dLdz * D(zi, w1))
check(149, D(Lw, w2), dLdz * D(zi, w2))
# line 153: dL/dz_i = dL/dyhat_i . dyhat_i/dz_i = yhat_i - y_i
check_all(153, [(D(Lz, Z), D(Lyh, Yh).subs(Yh, sig(Z)) * D(sig(Z), Z)),
                (D(Lyh, Yh).subs(Yh, sig(Z)) * D(sig(Z), Z), sig(Z) - yi)])
check(155, D(zi, w0), 1)
check(157, D(zi, w1), x1)
check(159, D(zi, w2), x2)
yhat = sig(zi)
check(163, D(Lw, w0), yhat - yi)
check(167, D(Lw, w1), x1 * (yhat - yi))
check(171, D(Lw, w2), x2 * (yhat - yi))

# whole data set, m = 3
m = 3
X1 = vec("a", m, real=True)      # x_1^(i)
X2 = vec("c", m, real=True)      # x_2^(i)
Y = sp.Matrix(vec("y", m, real=True))
X = sp.Matrix([[1, X1[i], X2[i]] for i in range(m)])
W = sp.Matrix([w0, w1, w2])
XW = X * W
Yhat = XW.applyfunc(sig)
col = sp.Matrix([w0 + w1 * X1[i] + w2 * X2[i] for i in range(m)])
yh_i = [sig(w0 + w1 * X1[i] + w2 * X2[i]) for i in range(m)]
# line 191: Yhat = sigma(X.W) = sigma([w0 + w1 x1^(i) + w2 x2^(i)]_i) = [yhat_i]_i
check_all(191, [(Yhat[i], sig(col[i])) for i in range(m)] + [(sig(col[i]), yh_i[i]) for i in range(m)])
J = -sp.Rational(1, m) * sum(Y[i] * sp.log(yh_i[i]) + (1 - Y[i]) * sp.log(1 - yh_i[i]) for i in range(m))
gradJ = sp.Matrix([D(J, v) for v in (w0, w1, w2)])
rhs = sp.Rational(1, m) * X.T * (Yhat - Y)
# line 197: dJ/dW = (1/m) X^T (Yhat - Y)
check_all(197, [(gradJ[k], rhs[k]) for k in range(3)])

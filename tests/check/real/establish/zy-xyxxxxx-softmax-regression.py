"""Establish zy-xyxxxxx-softmax-regression.md: softmax, softmax-regression posterior, risk gradient."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec, softmax

# line 5: softmax(x) = exp(x)/sum_k exp(x_k) = exp(x)/(1_K^T exp(x)), K = 3, component-wise
K = 3
x = vec("x", K, real=True)
sm = softmax(x)
ones_exp = sum(1 * sp.exp(t) for t in x)
check(5, sum((sm[k] - sp.exp(x[k]) / ones_exp) ** 2 for k in range(K)), 0)

# W = [w_1 .. w_C] is D x C; D = 2 features, C = 3 classes, N = 2 samples
D, C, N = 2, 3, 2
W = sp.Matrix(D, C, lambda d, c: sp.Symbol(f"w{d+1}{c+1}", real=True))
X = [sp.Matrix(vec(f"x{n+1}_", D, real=True)) for n in range(N)]
xs = X[0]
scores = lambda xv: [ (W[:, c].T * xv)[0] for c in range(C)]
c = 1
# line 15: softmax(w_c^T x) (component c of softmax of all scores) = exp(w_c^T x)/sum_i exp(w_i^T x)
s = scores(xs)
check(15, softmax(s)[c], sp.exp(s[c]) / sum(sp.exp(t) for t in s))
# line 22: softmax(W^T x) = exp(W^T x)/(1_C^T exp(W^T x)), compared component-wise
z = list(W.T * xs)
den = (sp.ones(1, C) * sp.Matrix([sp.exp(t) for t in z]))[0]
check(22, sum((softmax(z)[k] - sp.exp(z[k]) / den) ** 2 for k in range(C)), 0)

# line 54: dR/dW = -1/N sum_n x^(n) (y^(n) - yhat^(n))^T with one-hot labels (sum_k y_k = 1)
Y = [sp.Matrix(vec(f"y{n+1}_", C, real=True)) for n in range(N)]
onehot = {Y[n][C - 1]: 1 - sum(Y[n][k] for k in range(C - 1)) for n in range(N)}
yhat = [softmax(list(W.T * X[n])) for n in range(N)]
R = -sp.Rational(1, N) * sum((Y[n].T * sp.Matrix([sp.log(p) for p in yhat[n]]))[0] for n in range(N))
G = sp.Matrix(D, C, lambda d, cc: sp.diff(R, W[d, cc]))
claim = -sp.Rational(1, N) * sum((X[n] * (Y[n] - sp.Matrix(yhat[n])).T for n in range(N)), sp.zeros(D, C))
check(54, sum(((G - claim)[i]) ** 2 for i in range(D * C)), 0, subs=onehot)

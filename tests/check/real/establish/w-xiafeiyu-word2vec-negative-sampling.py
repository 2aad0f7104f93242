"""Establish w-xiafeiyu-word2vec-negative-sampling.md.

Size: vocabulary V = 3, embedding d = 2, true outside word o = word 1, K = 2 negatives.
U is d x V with columns u_w (CS224n 2019 a2 convention), theta = U^T v_c, yhat = softmax(theta).
J_neg-sample = -log sigma(u_o^T v_c) - sum_k log sigma(-u_k^T v_c) (handout definition).
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax

V, d = 3, 2
y = vec("y", V, real=True)
onehot = {y[0]: 1, y[1]: 0, y[2]: 0}
v = vec("v", d, real=True)
U = sp.Matrix(d, V, lambda i, j: sp.Symbol(f"U{i+1}{j+1}", real=True))
theta = list(U.T * sp.Matrix(v))
yh = softmax(theta)
ce = -sum(y[w] * sp.log(yh[w]) for w in range(V))
# line 8: the sum written out term by term
check(8, ce, -(y[0] * sp.log(yh[0]) + y[1] * sp.log(yh[1]) + y[2] * sp.log(yh[2])))
# lines 9, 10: one-hot y (y_o = 1, others 0)
check(9, ce, -y[0] * sp.log(yh[0]), subs=onehot)
check(10, -y[0] * sp.log(yh[0]), -sp.log(yh[0]), subs=onehot)
# line 11: yhat_o is P(O=o|C=c) = exp(u_o^T v_c)/sum_w exp(u_w^T v_c)
P = sp.exp(theta[0]) / sum(sp.exp(t) for t in theta)
check(11, -sp.log(yh[0]), -sp.log(P))
# line 18: dJ/dtheta = yhat - y, under sum(y) = 1 (one-hot)
th = vec("th", V, real=True)
yt = softmax(th)
Jt = -sum(y[w] * sp.log(yt[w]) for w in range(V))
check_all(18, [(sp.diff(Jt, th[w]), yt[w] - y[w]) for w in range(V)], subs={y[2]: 1 - y[0] - y[1]})
# line 24: chain rule dJ/dv_c = dJ/dtheta * dtheta/dv_c (row-vector Jacobians)
dJdth = sp.Matrix([[sp.diff(Jt, t) for t in th]])
jac = sp.Matrix(theta).jacobian(v)
chain = (dJdth * jac).subs(dict(zip(th, theta)))
check_all(24, [(sp.diff(ce, v[i]), chain[i]) for i in range(d)])
# line 40: sigma'(x) = sigma(x)(1 - sigma(x))
x = sp.Symbol("x", real=True)
sig = lambda t: 1 / (1 + sp.exp(-t))
check(40, sp.diff(sig(x), x), sig(x) * (1 - sig(x)))
# negative sampling: outside u_o and K = 2 negatives u_1, u_2
uo = vec("uo", d, real=True)
uk = [vec("ua", d, real=True), vec("ub", d, real=True)]
dot = lambda a, b: sum(p * q for p, q in zip(a, b))
J = -sp.log(sig(dot(uo, v))) - sum(sp.log(sig(-dot(u, v))) for u in uk)
# line 45: author's dJ/dv_c = -(1-sigma(u_o^T v))u_o + sum_k (1-sigma(u_k^T v)) u_k
auth45 = [-(1 - sig(dot(uo, v))) * uo[i] + sum((1 - sig(dot(u, v))) * u[i] for u in uk) for i in range(d)]
check_all(45, [(sp.diff(J, v[i]), auth45[i]) for i in range(d)])
# line 46: dJ/du_o = -(1-sigma(u_o^T v)) v
check_all(46, [(sp.diff(J, uo[i]), -(1 - sig(dot(uo, v))) * v[i]) for i in range(d)])
# line 48: author's dJ/du_k = (1-sigma(u_k^T v)) v   (correct: sigma(u_k^T v) v)
check_all(48, [(sp.diff(J, uk[0][i]), (1 - sig(dot(uk[0], v))) * v[i]) for i in range(d)])

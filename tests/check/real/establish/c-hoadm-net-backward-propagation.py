"""Establish c-hoadm-net-backward-propagation.md: chain rule for y = wx + b, L = (1/2)(y - yhat)^2.

Note the author's naming: y is the model output, yhat the target. The batch rows are checked
with L = (1/m) sum_i (1/2)||Y_pred^{(i)} - Y_true^{(i)}||^2 and Y_pred = X W + 1 b^T (m = 3, n = 2, d = 2).
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, equal, D

x = sp.Symbol("x", real=True)
g = x ** 3 + 2 * x
f = sp.sin
F_, G_ = sp.Function("F"), sp.Function("G")
u = sp.Symbol("u")
ok23 = equal(D(f(g), x), D(f(u), u).subs(u, g) * D(g, x)) and \
    sp.simplify(D(F_(G_(x)), x) - sp.Subs(sp.Derivative(F_(u), u), u, G_(x)).doit() * D(G_(x), x)) == 0
print(f"line 23: {'holds' if ok23 else 'fails'}")
w, b, yh, Y = sp.symbols("w b yhat Y", real=True)
yv = w * x + b
L = sp.Rational(1, 2) * (yv - yh) ** 2
dL_dy = D(sp.Rational(1, 2) * (Y - yh) ** 2, Y).subs(Y, yv)
check(39, dL_dy, yv - yh)
ok42 = equal(D(L, w), dL_dy * D(yv, w)) and equal(dL_dy * D(yv, w), (yv - yh) * x)
print(f"line 42: {'holds' if ok42 else 'fails'}")
ok45 = equal(D(L, b), dL_dy * D(yv, b)) and equal(dL_dy * D(yv, b), (yv - yh) * 1) and equal((yv - yh) * 1, yv - yh)
print(f"line 45: {'holds' if ok45 else 'fails'}")
m, n, d = 3, 2, 2
X = sp.Matrix(m, n, lambda i, j: sp.Symbol(f"X{i}{j}", real=True))
W = sp.Matrix(n, d, lambda i, j: sp.Symbol(f"W{i}{j}", real=True))
bv = sp.Matrix(1, d, lambda i, j: sp.Symbol(f"b{j}", real=True))
T = sp.Matrix(m, d, lambda i, j: sp.Symbol(f"T{i}{j}", real=True))
P = X * W + sp.ones(m, 1) * bv
Lb = sp.Rational(1, m) * sum(sp.Rational(1, 2) * (P[i, j] - T[i, j]) ** 2 for i in range(m) for j in range(d))
G = sp.Matrix(n, d, lambda i, j: D(Lb, W[i, j]))
ok52 = all(equal(a, c) for a, c in zip(G, sp.Rational(1, m) * X.T * (P - T)))
print(f"line 52: {'holds' if ok52 else 'fails'}")
# 55: one output column
ok55 = equal(D(Lb, bv[0]), sp.Rational(1, m) * sum(P[i, 0] - T[i, 0] for i in range(m)))
print(f"line 55: {'holds' if ok55 else 'fails'}")

"""Establish k-slds-lmu-logreg-gradient-hessian.tex: logistic-regression gradient, Hessian, convexity.
n = 2 observations, d = 2 features; the risk R = -sum_i [y_i log pi_i + (1-y_i) log(1-pi_i)]."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, D

n, d = 2, 2
th = vec("t", d, real=True)
X = sp.Matrix([vec("xa", d, real=True), vec("xb", d, real=True)])   # rows x^(i)
y = vec("y", n, positive=True)
w = vec("w", d, real=True)
s = lambda f: 1 / (1 + sp.exp(-f))
f = [sum(th[k] * X[i, k] for k in range(d)) for i in range(n)]
pi = [s(f[i]) for i in range(n)]
R = -sum(y[i] * sp.log(pi[i]) + (1 - y[i]) * sp.log(1 - pi[i]) for i in range(n))
grad = [D(R, th[j]) for j in range(d)]

P = sp.Symbol("P", positive=True)   # placeholder for pi when differentiating w.r.t. pi
def dpi(expr_in_P, i):
    return sp.diff(expr_in_P, P).subs(P, pi[i])

# line 60 (+ continuation line 62): -sum [d/dpi y log pi * dpi/dth + d/dpi (1-y) log(1-pi) * dpi/dth]
r60 = [-sum(dpi(y[i] * sp.log(P), i) * D(pi[i], th[j]) + dpi((1 - y[i]) * sp.log(1 - P), i) * D(pi[i], th[j]) for i in range(n)) for j in range(d)]
check_all(60, list(zip(grad, r60)))
r63 = [-sum(y[i] / pi[i] * D(pi[i], th[j]) - (1 - y[i]) / (1 - pi[i]) * D(pi[i], th[j]) for i in range(n)) for j in range(d)]
check_all(63, list(zip(r60, r63)))
F = sp.Symbol("F", real=True)
sprime = lambda i: sp.diff(s(F), F).subs(F, f[i])
r65 = [-sum((y[i] / pi[i] - (1 - y[i]) / (1 - pi[i])) * sprime(i) * D(f[i], th[j]) for i in range(n)) for j in range(d)]
check_all(65, list(zip(r63, r65)))
r67 = [-sum((y[i] * (1 - pi[i]) - (1 - y[i]) * pi[i]) * X[i, j] for i in range(n)) for j in range(d)]
check_all(67, list(zip(r65, r67)))
r78 = [sum((pi[i] - y[i]) * X[i, j] for i in range(n)) for j in range(d)]
check_all(78, list(zip(r67, r78)))
res = sp.Matrix([pi[i] - y[i] for i in range(n)])
r80 = (res.T * X)
check_all(80, [(r78[j], r80[0, j]) for j in range(d)])

# Hessian
H = sp.Matrix(d, d, lambda j, k: D(D(R, th[j]), th[k]))
r115 = sp.Matrix(d, d, lambda j, k: D(r78[j], th[k]))
check_all(115, [(H[j, k], r115[j, k]) for j in range(d) for k in range(d)])
r117 = sp.Matrix(d, d, lambda j, k: sum(X[i, j] * pi[i] * (1 - pi[i]) * X[i, k] for i in range(n)))
check_all(117, [(r115[j, k], r117[j, k]) for j in range(d) for k in range(d)])
Dm = sp.diag(*[pi[i] * (1 - pi[i]) for i in range(n)])
r119 = X.T * Dm * X
check_all(119, [(r117[j, k], r119[j, k]) for j in range(d) for k in range(d)])

# line 142: w^T H w = w^T X^T Dbar^T Dbar X w = (Dbar X w)^T Dbar X w = ||Dbar X w||^2
W = sp.Matrix(w)
Db = sp.diag(*[sp.sqrt(pi[i] * (1 - pi[i])) for i in range(n)])
a = (W.T * r119 * W)[0, 0]
b = (W.T * X.T * Db.T * Db * X * W)[0, 0]
v = Db * X * W
c = (v.T * v)[0, 0]
e = sum(t ** 2 for t in v)
check_all(142, [(a, b), (b, c), (c, e)])

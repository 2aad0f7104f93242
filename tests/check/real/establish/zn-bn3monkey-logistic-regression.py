"""Establish zn-bn3monkey-logistic-regression.md (Korean notes): sigmoid, cross-entropy, gradient.

Strict reading: the document defines sigma(x) = 1/(1+e^x) (line 5) and uses it for y_n.
N = 2 samples, 2 features; derivatives w.r.t. w_1 and b.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

x = sp.Symbol("x", real=True)
sig = lambda z: 1 / (1 + sp.exp(z))          # line 5 as written
check(13, sp.diff(sig(x), x), sig(x) * (1 - sig(x)))

# line 38: p(C=t|x) = y^t (1-y)^(1-t) for t in {0,1} (p(C=1)=y, p(C=0)=1-y)
yy = sp.Symbol("y", positive=True)
check_all(38, [(yy ** 1 * (1 - yy) ** 0, yy), (yy ** 0 * (1 - yy) ** 1, 1 - yy)])

N = 2
w = vec("w", 2, real=True)
b, eta = sp.symbols("b eta", real=True)
X = [vec("xa", 2, real=True), vec("xb", 2, real=True)]
t = vec("t", N, real=True)
z = [w[0] * X[n][0] + w[1] * X[n][1] + b for n in range(N)]
y = [sig(z[n]) for n in range(N)]

L = sp.Mul(*[y[n] ** t[n] * (1 - y[n]) ** (1 - t[n]) for n in range(N)])
E = -sum(t[n] * sp.log(y[n]) + (1 - t[n]) * sp.log(1 - y[n]) for n in range(N))
check(54, -sp.log(L), E)

# row 75: eta dE/dw = sum dE_n/dy_n dy_n/dw  (chain rule, w.r.t. w_1)
Y = sp.Symbol("Y", positive=True)
En = lambda tn: -(tn * sp.log(Y) + (1 - tn) * sp.log(1 - Y))
chain = sum(sp.diff(En(t[n]), Y).subs(Y, y[n]) * sp.diff(y[n], w[0]) for n in range(N))
check(75, eta * sp.diff(E, w[0]), chain)
r77 = sum((t[n] / y[n] - (1 - t[n]) / (1 - y[n])) * y[n] * (1 - y[n]) * X[n][0] for n in range(N))
check(77, chain, r77)
r78 = sum((t[n] * (1 - y[n]) - y[n] * (1 - t[n])) * X[n][0] for n in range(N))
check(78, r77, r78)
r79 = -sum((t[n] - y[n]) * X[n][0] for n in range(N))
check(79, r78, r79)
check(84, eta * sp.diff(E, b), -sum(t[n] - y[n] for n in range(N)))

"""Establish p-zmliao-logistic-regression.md: logistic-regression model and log-likelihood gradient (n = 2 samples, 2 features)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, D

g = lambda t: 1 / (1 + sp.exp(-t))
th = vec("t", 2, real=True)
x = vec("x", 2, real=True)
h = g(sum(a * b for a, b in zip(th, x)))
# line 20: P(y=0|x) must be 1 - P(y=1|x) = 1 - h for binary y; the document writes h
check(20, 1 - h, h)
# line 24: compact form reproduces P(y=1)=h and P(y=0)=1-h
yy = sp.Symbol("y")
compact = h**yy * (1 - h)**(1 - yy)
check_all(24, [(compact.subs(yy, 1), h), (compact.subs(yy, 0), 1 - h)])
# line 32: log of the product likelihood equals the sum (n = 2)
X = [vec("xa", 2, real=True), vec("xb", 2, real=True)]
Y = vec("y", 2, positive=True)
H = [g(sum(a * b for a, b in zip(th, X[i]))) for i in range(2)]
Lik = sp.Mul(*[H[i]**Y[i] * (1 - H[i])**(1 - Y[i]) for i in range(2)])
ll = sum(Y[i] * sp.log(H[i]) + (1 - Y[i]) * sp.log(1 - H[i]) for i in range(2))
check(32, sp.expand_log(sp.log(Lik), force=True), ll)
# line 35: d l / d theta_j = (y - h) x_j, single training example (n = 1; the (i) superscripts are dropped)
y1 = sp.Symbol("y", real=True)
l1 = y1 * sp.log(h) + (1 - y1) * sp.log(1 - h)
check(35, D(l1, th[0]), (y1 - h) * x[0])

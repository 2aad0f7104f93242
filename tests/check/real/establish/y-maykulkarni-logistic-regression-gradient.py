"""Establish y-maykulkarni-logistic-regression-gradient.md (markdown cells of the notebook).

Setting (the author's): h_theta(x) = sigma(theta_0 + theta_1 x), J defined on line 6 with
sum_{i=0}^m (so m+1 samples), prefactor -1/m.  Concrete size m = 2 (samples i = 0,1,2),
one feature plus intercept.  'sigma(x^{(i)})' in the align is the author's shorthand for
h_theta(x^{(i)}) ("Replacing h with sigma"); d/dtheta is read componentwise (d/dtheta_j),
checked for both j = 0 (x_0 = 1) and j = 1.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, D

m = 2
t0, t1, x, u = sp.symbols("theta0 theta1 x u", real=True)
X = sp.symbols("x0:3", real=True)
Y = sp.symbols("y0:3", real=True)
sig = lambda t: 1 / (1 + sp.exp(-t))
h = lambda i: sig(t0 + t1 * X[i])
feat = {t0: lambda i: 1, t1: lambda i: X[i]}
J = -sp.Rational(1, m) * sum(Y[i] * sp.log(h(i)) + (1 - Y[i]) * sp.log(1 - h(i)) for i in range(0, m + 1))

# line 11: sigmoid derivative
check(11, D(sig(x), x), sig(x) * (1 - sig(x)))
# line 15: chain rule for sigma(f), f = theta0 + theta1 x
f = t0 + t1 * x
check_all(15, [(D(sig(f), th), sig(f) * (1 - sig(f)) * D(f, th)) for th in (t0, t1)])
# lines 21, 23
check(21, D(f, t0), 1)
check(23, D(f, t1), x)
# line 27: d/dtheta_j sigma(theta.x) = sigma(1-sigma) x_j  (x_0 = 1)
check_all(27, [(D(sig(f), th), sig(f) * (1 - sig(f)) * xj) for th, xj in ((t0, 1), (t1, x))])

def S(g, lo=0):
    return -sp.Rational(1, m) * sum(g(i) for i in range(lo, m + 1))

def rows(th):
    xj = feat[th]
    dh = lambda i: D(h(i), th)
    s = h
    r = {}
    # row 38: sum from i=1 (drops the i=0 sample that J on line 6 contains)
    r[38] = D(S(lambda i: Y[i] * sp.log(h(i)) + (1 - Y[i]) * sp.log(1 - h(i)), lo=1), th)
    r[39] = S(lambda i: D(Y[i] * sp.log(h(i)), th) + D((1 - Y[i]) * sp.log(1 - h(i)), th))
    r[40] = S(lambda i: Y[i] / h(i) * dh(i) + (1 - Y[i]) / (1 - h(i)) * D(-h(i), th))
    r[42] = S(lambda i: Y[i] / s(i) * dh(i) + (1 - Y[i]) / (1 - s(i)) * D(-s(i), th))
    r[44] = S(lambda i: Y[i] / s(i) * dh(i) - (1 - Y[i]) / (1 - s(i)) * dh(i))
    r[46] = S(lambda i: (Y[i] / s(i) - (1 - Y[i]) / (1 - s(i))) * dh(i))
    r[47] = S(lambda i: ((Y[i] - Y[i] * s(i) - s(i) + Y[i] * s(i)) / (s(i) * (1 - s(i)))) * dh(i))
    r[49] = S(lambda i: ((Y[i] - s(i)) / (s(i) * (1 - s(i)))) * dh(i))
    r[51] = S(lambda i: (Y[i] - s(i)) / (s(i) * (1 - s(i))) * s(i) * (1 - s(i)) * xj(i))
    r[53] = S(lambda i: (Y[i] - s(i)) * xj(i))
    return r

R0, R1 = rows(t0), rows(t1)
for ln in (38, 39, 40, 42, 44, 46, 47, 49, 51, 53):
    # each row is compared with dJ/dtheta_j of the J defined on line 6
    check_all(ln, [(D(J, t0), R0[ln]), (D(J, t1), R1[ln])])

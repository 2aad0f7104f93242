"""Establish zq-quietlistener-logistic-regression-gradient.md: logistic-regression cost and its gradient.

n = 2 samples, 2 features; the gradient rows are vectors, each is checked in both components.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

n = 2
th = vec("t", 2, real=True)
X = [vec("xa", 2, real=True), vec("xb", 2, real=True)]
Y = vec("y", n, real=True)
dot = lambda x: sum(a * b for a, b in zip(th, x))
h = lambda x: 1 / (1 + sp.exp(-dot(x)))
log = sp.log

# line 10: J = (1/n) sum cost(h, y) with cost = -log h (y=1), -log(1-h) (y=0)
def cost(x, y):
    return -log(h(x)) if y == 1 else -log(1 - h(x))

# line 14: J = -(1/n) sum (y log h + (1-y) log(1-h)), claimed equal to line 10 for y in {0,1}
def J14(ys):
    return -sp.Rational(1, n) * sum(ys[i] * log(h(X[i])) + (1 - ys[i]) * log(1 - h(X[i])) for i in range(n))

pairs = []
for y1 in (0, 1):
    for y2 in (0, 1):
        ys = (y1, y2)
        J10 = sp.Rational(1, n) * sum(cost(X[i], ys[i]) for i in range(n))
        pairs.append((J10, J14(ys)))
check_all(14, pairs)

J = J14(Y)
summand = lambda i: Y[i] * log(h(X[i])) + (1 - Y[i]) * log(1 - h(X[i]))
dh = lambda i, j: sp.diff(h(X[i]), th[j])
H = lambda i: h(X[i])

def rows(j):
    g = sp.diff(J, th[j])
    r33 = -sp.Rational(1, n) * sp.diff(sum(summand(i) for i in range(n)), th[j])
    r36 = -sp.Rational(1, n) * sum(sp.diff(summand(i), th[j]) for i in range(n))
    r40 = -sp.Rational(1, n) * sum(Y[i] / H(i) * dh(i, j) + (1 - Y[i]) / (1 - H(i)) * (-dh(i, j)) for i in range(n))
    r45 = -sp.Rational(1, n) * sum(dh(i, j) * (Y[i] / H(i) - (1 - Y[i]) / (1 - H(i))) for i in range(n))
    r49 = -sp.Rational(1, n) * sum(dh(i, j) * ((Y[i] - H(i)) / (H(i) * (1 - H(i)))) for i in range(n))
    return g, r33, r36, r40, r45, r49

R = [rows(0), rows(1)]
check_all(33, [(r[0], r[1]) for r in R])
check_all(36, [(r[1], r[2]) for r in R])
check_all(40, [(r[2], r[3]) for r in R])
check_all(45, [(r[3], r[4]) for r in R])
check_all(49, [(r[4], r[5]) for r in R])

# line 60: dh(x^(i))/dtheta = e^{-t}/(1+e^{-t})^2 (-x^(i))  (x in the exponent read as x^(i))
i = 0
t = dot(X[i])
r60 = [sp.exp(-t) / (1 + sp.exp(-t)) ** 2 * (-X[i][j]) for j in range(2)]
r63 = [1 / (1 + sp.exp(-t)) * (1 - 1 / (1 + sp.exp(-t))) * (-X[i][j]) for j in range(2)]
r67 = [h(X[i]) * (1 - h(X[i])) * (-X[i][j]) for j in range(2)]
check_all(60, [(dh(i, j), r60[j]) for j in range(2)])
check_all(63, [(r60[j], r63[j]) for j in range(2)])
check_all(67, [(r63[j], r67[j]) for j in range(2)])

# line 75: dJ/dtheta = -(1/n) sum (y - h)(-x);  line 79: = (1/n) sum (y - h) x
r75 = [-sp.Rational(1, n) * sum((Y[i] - H(i)) * (-X[i][j]) for i in range(n)) for j in range(2)]
r79 = [sp.Rational(1, n) * sum((Y[i] - H(i)) * X[i][j] for i in range(n)) for j in range(2)]
check_all(75, [(sp.diff(J, th[j]), r75[j]) for j in range(2)])
check_all(79, [(r75[j], r79[j]) for j in range(2)])

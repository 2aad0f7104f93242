"""Establish d-imjaesung-logistic-regression.md: logistic regression loss and its gradient
for one example (3 features) and the mean loss over m = 2 examples."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, equal

def say(line, ok):
    print(f"line {line}: {'holds' if ok else 'fails'}")

x = sp.symbols("x1:4", real=True); w = sp.symbols("w1:4", real=True)
b, y, z = sp.symbols("b y z", real=True)
g = lambda t: 1 / (1 + sp.exp(-t))
L = lambda yy, yh: -yy * sp.log(yh) - (1 - yy) * sp.log(1 - yh)
zz = sum(xi * wi for xi, wi in zip(x, w)) + b
yh = g(zz)

# line 22: yhat = g(xw + b) = 1/(1 + e^-(xw + b)); as written the exponent is only '-', e^{-} (xw + b)
# (read literally: e^{-1} times (xw + b) is the only numeric reading; it is not g(xw + b))
say(22, equal(yh, 1 / (1 + sp.exp(-1) * zz)))

# line 50: J = C(...) = 1/m sum L(y_i, sigma(x_i w + b)) = 1/m sum [-y log sigma - (1 - y) log(1 - sigma)], m = 2
X = [sp.symbols(f"a{i}1:4", real=True) for i in range(2)]; Y = sp.symbols("y1:3", real=True)
zi = [sum(a * wi for a, wi in zip(X[i], w)) + b for i in range(2)]
C = sp.Rational(1, 2) * sum(L(Y[i], g(zi[i])) for i in range(2))
r2 = sp.Rational(1, 2) * sum(-Y[i] * sp.log(1 / (1 + sp.exp(-zi[i]))) - (1 - Y[i]) * sp.log(1 - 1 / (1 + sp.exp(-zi[i]))) for i in range(2))
say(50, equal(C, r2))

# single-example gradient rows (i = 1: the first feature)
Ly = L(y, sp.Symbol("yh"))
dL_dyh = sp.diff(Ly, sp.Symbol("yh")).subs(sp.Symbol("yh"), yh)
dyh_dz = sp.diff(g(z), z).subs(z, zz)
dz_dw1 = sp.diff(zz, w[0])
true_w1 = sp.diff(L(y, yh), w[0])
check(61, true_w1, dL_dyh * dyh_dz * dz_dw1)
check(62, sp.diff(Ly, sp.Symbol("yh")), -(y / sp.Symbol("yh") - (1 - y) / (1 - sp.Symbol("yh"))))
s = g(z)
check_all(63, [(sp.diff(g(z), z), 1 / (1 + sp.exp(-z)) * sp.exp(-z) / (1 + sp.exp(-z))),
               (1 / (1 + sp.exp(-z)) * sp.exp(-z) / (1 + sp.exp(-z)), (1 / (1 + sp.exp(-z))) * (1 - 1 / (1 + sp.exp(-z)))),
               ((1 / (1 + sp.exp(-z))) * (1 - 1 / (1 + sp.exp(-z))), s * (1 - s))])
check(64, dz_dw1, x[0])
e65 = -(y / yh - (1 - y) / (1 - yh)) * yh * (1 - yh) * x[0]
check_all(65, [(true_w1, e65), (e65, -(y * (1 - yh) - (1 - y) * yh) * x[0]),
               (-(y * (1 - yh) - (1 - y) * yh) * x[0], -(y - yh) * x[0])])
true_b = sp.diff(L(y, yh), b)
check(68, true_b, dL_dyh * dyh_dz * sp.diff(zz, b))
check(69, sp.diff(zz, b), 1)
e70 = -(y / yh - (1 - y) / (1 - yh)) * yh * (1 - yh) * 1
check_all(70, [(true_b, e70), (e70, -(yh - y) * 1)])

"""Establish c-jiaeyan-logistic-regression.md: h = sigmoid(theta^T x), likelihood, binary cross entropy.
d = 3 features plus x_0 = 1; n = 2 samples (i = 0..n as in the text, so 3 terms)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, equal

th = sp.symbols("theta0:4", real=True); x = (1,) + sp.symbols("x1:4", real=True)
z = sum(th[i] * x[i] for i in range(4))
thT_x = (sp.Matrix(th).T * sp.Matrix(x))[0]
Z = sp.Symbol("z", real=True)
check(8, (1 / (1 + sp.exp(-Z))).subs(Z, z), 1 / (1 + sp.exp(-thT_x)))
ok9 = equal(th[0] + th[1] * x[1] + th[2] * x[2] + th[3] * x[3], sum(th[i] * x[i] for i in range(4))) and equal(z, thT_x)
print(f"line 9: {'holds' if ok9 else 'fails'}")
H = sp.symbols("h0:3", positive=True); Y = sp.symbols("y0:3", real=True)
Lk = sp.Mul(*[H[i] ** Y[i] * (1 - H[i]) ** (1 - Y[i]) for i in range(3)])
pts = {H[0]: sp.Rational(1, 5), H[1]: sp.Rational(3, 5), H[2]: sp.Rational(9, 10)}
ok32 = all(equal(sp.log(Lk).subs(pts), sum(Y[i] * sp.log(H[i]) + (1 - Y[i]) * sp.log(1 - H[i]) for i in range(3)).subs(pts)) for _ in range(1))
print(f"line 32: {'holds' if ok32 else 'fails'}")
y, yh = sp.symbols("y yhat", real=True)
yv = [y, 1 - y]; yhv = [yh, 1 - yh]          # the two classes of the binary case
pos = {yh: sp.Rational(3, 10)}
ok39 = equal((-sum(yv[i] * sp.log(yhv[i]) for i in range(2))).subs(pos), (-y * sp.log(yh) - (1 - y) * sp.log(1 - yh)).subs(pos))
print(f"line 39: {'holds' if ok39 else 'fails'}")
ok41 = equal((sum(yv[i] * sp.log(yhv[i]) for i in range(2))).subs(pos), (y * sp.log(yh) + (1 - y) * sp.log(1 - yh)).subs(pos))
print(f"line 41: {'holds' if ok41 else 'fails'}")

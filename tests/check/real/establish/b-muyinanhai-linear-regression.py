import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _b_util import equal

# m = 4 examples, n = 2 features plus x_0 = 1
m, n = 4, 2
th = sp.symbols('th0:3', real=True)
X = sp.Matrix(m, n + 1, lambda i, j: 1 if j == 0 else sp.Symbol('x%d_%d' % (i, j), real=True))
Y = sp.Matrix(sp.symbols('y0:4', real=True))
h = lambda i: sum(th[j] * X[i, j] for j in range(n + 1))
J = sp.Rational(1, 2) * sum((h(i) - Y[i]) ** 2 for i in range(m))
R = {'default': (-1, 1)}
# line 15: normal equation is the stationary point (minimiser) of J
pt = {X[i, j]: sp.Rational((7 * i + 3 * j) % 11 - 5, 4) for i in range(m) for j in range(1, n + 1)}
pt.update({Y[i]: sp.Rational(i * i - 2, 3) for i in range(m)})
Xn, Yn = X.subs(pt), Y.subs(pt)
theta_star = (Xn.T * Xn).inv() * Xn.T * Yn
grad = [sp.diff(J, th[j]).subs(pt).subs(dict(zip(th, theta_star))) for j in range(n + 1)]
print('line 15: %s' % ('holds' if all(sp.simplify(g) == 0 for g in grad) else 'fails'))
# line 24: dJ/dtheta_j = sum (h - y) x_j^(i)  [holds]  = (h(x) - y) x_j  [drops the sum: fails for m > 1]
first = all(equal(sp.diff(J, th[j]), sum((h(i) - Y[i]) * X[i, j] for i in range(m)), R) for j in range(n + 1))
second = all(equal(sum((h(i) - Y[i]) * X[i, j] for i in range(m)), (h(0) - Y[0]) * X[0, j], R) for j in range(n + 1))
print('line 24: %s' % ('holds' if first and second else 'fails'))

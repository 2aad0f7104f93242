import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _b_util import chain, equal

t, y = sp.symbols('t y', real=True)
sig = lambda u: 1 / (1 + sp.exp(-u))
R = {'default': (-2, 2)}
chain(8, sp.exp(t) / (1 + sp.exp(t)), 1 / (1 + sp.exp(-t)), ranges=R)
# 20: h = sigma(theta^T x) = 1/(1+e^{-theta^T x}), n = 2
th = sp.symbols('th1:3', real=True); xs = sp.symbols('x1:3', real=True)
s = th[0] * xs[0] + th[1] * xs[1]
chain(20, sig(s), 1 / (1 + sp.exp(-s)), ranges=R)
# 33: piecewise cost (h if y=1, 1-h if y=0) equals y h + (1-y)(1-h) for y in {0,1}
h = sp.symbols('h', positive=True)
ok = all(sp.simplify((h if yy == 1 else 1 - h) - (yy * h + (1 - yy) * (1 - h))) == 0 for yy in (0, 1))
print('line 33: %s' % ('holds' if ok else 'fails'))
# 46 (y = 1) and 50 (y = 0)
e = lambda yy: sp.log(yy * h + (1 - yy) * (1 - h))
print('line 46: %s' % ('holds' if sp.simplify(e(1) - sp.log(h)) == 0 else 'fails'))
print('line 50: %s' % ('holds' if sp.simplify(e(0) - sp.log(1 - h)) == 0 else 'fails'))
chain(59, sp.diff(sig(t), t), sig(t) * (1 - sig(t)), ranges=R)
chain(62, sp.diff(1 - sig(t), t), sig(t) * (sig(t) - 1), ranges=R)
# 66-78: J = -1/m sum [y log h + (1-y) log(1-h)], h = sigma(theta^T x^(i)); m = 3, n = 2
m = 3
X = [sp.symbols('u%d_1:3' % i, real=True) for i in range(m)]
Y = sp.symbols('v0:3', real=True)
H = [sig(th[0] * X[i][0] + th[1] * X[i][1]) for i in range(m)]
J = -sp.Rational(1, m) * sum(Y[i] * sp.log(H[i]) + (1 - Y[i]) * sp.log(1 - H[i]) for i in range(m))
for j in range(2):
    pass
def rows(j):
    hp = [sp.diff(H[i], th[j]) for i in range(m)]
    r66 = -sp.Rational(1, m) * sum(Y[i] / H[i] * hp[i] + (1 - Y[i]) / (1 - H[i]) * sp.diff(1 - H[i], th[j]) for i in range(m))
    r70 = -sp.Rational(1, m) * sum(Y[i] / H[i] * H[i] * (1 - H[i]) * X[i][j] + (1 - Y[i]) / (1 - H[i]) * H[i] * (H[i] - 1) * X[i][j] for i in range(m))
    r74 = -sp.Rational(1, m) * sum(Y[i] * (1 - H[i]) * X[i][j] - (1 - Y[i]) * H[i] * X[i][j] for i in range(m))
    r78 = sp.Rational(1, m) * sum((H[i] - Y[i]) * X[i][j] for i in range(m))
    return sp.diff(J, th[j]), r66, r70, r74, r78
rs = [rows(j) for j in range(2)]
for ln, k in zip((66, 70, 74, 78), range(1, 5)):
    ok = all(equal(rs[j][0], rs[j][k], R) for j in range(2))
    print('line %d: %s' % (ln, 'holds' if ok else 'fails'))

import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _b_util import chain, equal

z, y, yh = sp.symbols('z y yhat', real=True)
sig = 1 / (1 + sp.exp(-z))
e = sp.exp(-z)
R = {'default': (0.1, 0.9), z: (-2, 2)}
chain(45, sp.diff(sig, z), sp.diff(1 / (1 + sp.exp(-z)), z), ranges=R)
chain(47, sp.diff(sig, z), -(1 + e) ** -2 * (-e), ranges=R)
chain(49, -(1 + e) ** -2 * (-e), e / (1 + e) ** 2, ranges=R)
chain(51, e / (1 + e) ** 2, 1 / (1 + e) * e / (1 + e), ranges=R)
chain(53, 1 / (1 + e) * e / (1 + e), sig * (1 - sig), ranges=R)
chain(57, sp.diff(sig, z), sig * (1 - sig), sig * (1 - sig), ranges=R)  # yhat = sigma(z)
Lf = -(y * sp.log(yh) + (1 - y) * sp.log(1 - yh))
chain(63, Lf, -(y * sp.log(yh) + (1 - y) * sp.log(1 - yh)), ranges=R)
seq = [sp.diff(Lf, yh),
       -(y / yh + (1 - y) / (1 - yh) * (-1)),
       -(y / yh - (1 - y) / (1 - yh)),
       -(y * (1 - yh) - yh * (1 - y)) / (yh * (1 - yh)),
       -(y - y * yh - yh + y * yh) / (yh * (1 - yh)),
       -(y - yh) / (yh * (1 - yh)),
       (yh - y) / (yh * (1 - yh))]
chain(65, seq[0], seq[1], ranges=R)
for ln, k in zip((67, 69, 71, 73, 75), range(1, 6)):
    chain(ln, seq[k], seq[k + 1], ranges=R)
chain(79, seq[0], (yh - y) / (yh * (1 - yh)), ranges=R)
Lz = Lf.subs(yh, sig)
chain(85, sp.diff(Lz, z), seq[0].subs(yh, sig) * sp.diff(sig, z), ranges=R)
chain(87, seq[0].subs(yh, sig) * sp.diff(sig, z), ((yh - y) / (yh * (1 - yh)) * yh * (1 - yh)).subs(yh, sig), ranges=R)
chain(89, ((yh - y) / (yh * (1 - yh)) * yh * (1 - yh)), yh - y, ranges=R)
chain(95, sp.diff(Lz, z), sig - y, ranges=R)
# weights: n = 2 features, w^T x + b
w = sp.symbols('w1:3', real=True); b = sp.symbols('b', real=True); xv = sp.symbols('x1:3', real=True)
zz = w[0] * xv[0] + w[1] * xv[1] + b
Lw = Lf.subs(yh, 1 / (1 + sp.exp(-zz)))
R2 = {'default': (-1, 1), y: (0.1, 0.9)}
ok = all(equal(sp.diff(Lw, w[j]), sp.diff(Lz, z).subs(z, zz) * sp.diff(zz, w[j]), R2) for j in range(2))
print('line 101: %s' % ('holds' if ok else 'fails'))
ok = all(equal(sp.diff(Lw, w[j]), (1 / (1 + sp.exp(-zz)) - y) * xv[j], R2) for j in range(2))
print('line 105: %s' % ('holds' if ok else 'fails'))
# m = 3 examples
m = 3
X = sp.Matrix(3, 2, sp.symbols('X0:6', real=True)); Y = sp.Matrix(sp.symbols('Y0:3', real=True))
Zs = [w[0] * X[i, 0] + w[1] * X[i, 1] + b for i in range(m)]
Yh = sp.Matrix([1 / (1 + sp.exp(-Zs[i])) for i in range(m)])
J = -sp.Rational(1, m) * sum(Y[i] * sp.log(Yh[i]) + (1 - Y[i]) * sp.log(1 - Yh[i]) for i in range(m))
R3 = {'default': (-1, 1), Y[0]: (0.1, 0.9), Y[1]: (0.1, 0.9), Y[2]: (0.1, 0.9)}
gw = [sp.diff(J, w[j]) for j in range(2)]
sumform = [sp.Rational(1, m) * sum((Yh[i] - Y[i]) * X[i, j] for i in range(m)) for j in range(2)]
matform = sp.Rational(1, m) * X.T * (Yh - Y)
print('line 109: %s' % ('holds' if all(equal(gw[j], sumform[j], R3) for j in range(2)) else 'fails'))
print('line 111: %s' % ('holds' if all(equal(sumform[j], matform[j], R3) for j in range(2)) else 'fails'))
print('line 121: %s' % ('holds' if equal(sp.diff(Lw, b), sp.diff(Lz, z).subs(z, zz) * sp.diff(zz, b), R2) else 'fails'))
chain(123, sp.diff(Lz, z).subs(z, zz) * 1, (1 / (1 + sp.exp(-zz)) - y) * 1, ranges=R2)
chain(125, (yh - y) * 1, yh - y, ranges=R)
chain(129, sp.diff(J, b), sp.Rational(1, m) * sum(Yh[i] - Y[i] for i in range(m)), ranges=R3)
# 141/143: dw = 1/m X^T error, db = 1/m sum error with error = yhat - y (consistent with 109-115, 129-133)
print('line 141: %s' % ('holds' if all(equal(gw[j], matform[j], R3) for j in range(2)) else 'fails'))
chain(143, sp.diff(J, b), sp.Rational(1, m) * sum((Yh - Y)[i] for i in range(m)), ranges=R3)
# 176: grad J = -grad log P when J = -log P (any differentiable log P)
f = sp.Function('f')(*w)
print('line 176: %s' % ('holds' if all(sp.diff(-f, w[j]) == -sp.diff(f, w[j]) for j in range(2)) else 'fails'))
# 186: w - alpha[-A] = w + alpha A  (pure algebra)
wt, al, A = sp.symbols('w_t alpha A')
chain(186, wt - al * (-A), wt + al * A)
# 202: Bernoulli log-probability with P(y=1|x) = yhat, checked for y in {0, 1}
ok = all(sp.simplify(sp.log(yh ** yy * (1 - yh) ** (1 - yy)) - (yy * sp.log(yh) + (1 - yy) * sp.log(1 - yh))) == 0 for yy in (0, 1))
print('line 202: %s' % ('holds' if ok else 'fails'))
# 208: -sum log P over independent examples, y in {0,1}
Jn = -sum(Y[i] * sp.log(Yh[i]) + (1 - Y[i]) * sp.log(1 - Yh[i]) for i in range(m))
ok = all(equal(-sum(sp.log(Yh[i] ** Y[i] * (1 - Yh[i]) ** (1 - Y[i])) for i in range(m)).subs(dict(zip(Y, ys))), Jn.subs(dict(zip(Y, ys))), {'default': (-1, 1)})
         for ys in [(0, 1, 1), (1, 0, 0), (0, 0, 1)])
print('line 208: %s' % ('holds' if ok else 'fails'))
# 212: grad of the J in 208 (no 1/N) vs 1/N X^T (yhat - y), N = 3
gJn = [sp.diff(Jn, w[j]) for j in range(2)]
ok = all(equal(gJn[j], matform[j], R3) for j in range(2))
print('line 212: %s' % ('holds' if ok else 'fails'))

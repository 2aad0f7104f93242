"""Establish e-doraemonzzz-logistic-poisson-regression.md: logistic loss with labels in {-1,1} (gradient, Hessian; m = 3, n = 2) and Poisson regression."""
import os, sys, itertools
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, equal, vec

g = lambda u: 1 / (1 + sp.exp(-u))
n, m = 2, 3
th = vec("theta", n, real=True)
x = vec("x", n, real=True)
h = lambda v: g(sum(th[k] * v[k] for k in range(n)))
# rows 11-15 (single x)
ux = sum(th[k] * x[k] for k in range(n))
c11 = [sp.diff(g(ux), th[k]) for k in range(n)]
c13 = [g(ux) * (1 - g(ux)) * sp.diff(ux, th[k]) for k in range(n)]
c14 = [g(ux) * (1 - g(ux)) * x[k] for k in range(n)]
c15 = [h(x) * (1 - h(x)) * x[k] for k in range(n)]
check_all(11, [(sp.diff(h(x), th[k]), c11[k]) for k in range(n)])
check_all(13, list(zip(c11, c13))); check_all(14, list(zip(c13, c14))); check_all(15, list(zip(c14, c15)))
# J with labels y_i (symbolic), examples X (m x n)
X = sp.Matrix(m, n, lambda i, j: sp.Symbol(f"X{i+1}{j+1}", real=True))
y = vec("y", m, real=True)
yx = [[y[i] * X[i, j] for j in range(n)] for i in range(m)]
J = -sp.Rational(1, m) * sum(sp.log(h(yx[i])) for i in range(m))
d22 = [-sp.Rational(1, m) * sum(sp.diff(sp.log(h(yx[i])), th[k]) for i in range(m)) for k in range(n)]
d23 = [-sp.Rational(1, m) * sum(1 / h(yx[i]) * sp.diff(h(yx[i]), th[k]) for i in range(m)) for k in range(n)]
d24 = [-sp.Rational(1, m) * sum(1 / h(yx[i]) * h(yx[i]) * (1 - h(yx[i])) * y[i] * X[i, k] for i in range(m)) for k in range(n)]
d25 = [-sp.Rational(1, m) * sum((1 - h(yx[i])) * y[i] * X[i, k] for i in range(m)) for k in range(n)]
check_all(21, [(sp.diff(J, th[k]), d22[k]) for k in range(n)])
check_all(23, list(zip(d22, d23))); check_all(24, list(zip(d23, d24))); check_all(25, list(zip(d24, d25)))
KL = [(k, l) for k in range(n) for l in range(n)]
e32 = lambda k, l: -sp.Rational(1, m) * sum(y[i] * X[i, k] * sp.diff(1 - h(yx[i]), th[l]) for i in range(m))
e33 = lambda k, l: sp.Rational(1, m) * sum(y[i] * X[i, k] * sp.diff(h(yx[i]), th[l]) for i in range(m))
e34 = lambda k, l: sp.Rational(1, m) * sum(X[i, k] * h(yx[i]) * (1 - h(yx[i])) * X[i, l] for i in range(m))
check_all(31, [(sp.diff(d25[k], th[l]), e32(k, l)) for k, l in KL])
check_all(33, [(e32(k, l), e33(k, l)) for k, l in KL])
ok34 = all(equal(e33(k, l).subs(dict(zip(y, ys))), e34(k, l).subs(dict(zip(y, ys))))
           for ys in itertools.product([-1, 1], repeat=m) for k, l in KL)
assert not equal(e33(0, 0).subs({y[0]: 2, y[1]: 1, y[2]: 1}), e34(0, 0).subs({y[0]: 2, y[1]: 1, y[2]: 1}))
print(f"line 34: {'holds' if ok34 else 'fails'}")
Lam = sp.diag(*[h(yx[i]) * (1 - h(yx[i])) for i in range(m)])
Htrue = sp.Matrix(n, n, lambda k, l: e34(k, l))
check_all(51, list(zip(Htrue, X.T * Lam * X)))
Svec = sp.Matrix([(1 - h(yx[i])) * y[i] for i in range(m)])
check_all(62, list(zip(sp.Matrix(d25), -sp.Rational(1, m) * X.T * Svec)))
# rows 66 and 70: square case m = n = 2 so that the swapped products are defined
m2 = 2
X2 = sp.Matrix(m2, n, lambda i, j: sp.Symbol(f"V{i+1}{j+1}", real=True))
lam = vec("lam", m2, positive=True)
L2 = sp.diag(*lam)
zz = sp.Matrix(vec("z", n, real=True))
H2 = X2.T * L2 * X2                          # row 51's H
t = X2.T * zz                                 # t = X^T z (stored line 64)
check(66, (zz.T * H2 * zz)[0], (zz.T * X2 * L2 * X2.T * zz)[0])
check(70, (zz.T * H2 * zz)[0], sum(t[i] ** 2 * lam[i] for i in range(m2)))

# Poisson
lamb = sp.Symbol("lambda", positive=True)
yy = sp.Symbol("y", integer=True, nonnegative=True)
pmf = sp.exp(-lamb) * lamb**yy / sp.factorial(yy)
check(216, pmf, 1 / sp.factorial(yy) * sp.exp(yy * sp.log(lamb) - lamb), positive=[yy])
eta = sp.log(lamb)
fam = (1 / sp.factorial(yy)) * sp.exp(eta * yy - lamb)
check_all(224, [(fam, pmf), (lamb, sp.exp(eta))], positive=[yy])
k = sp.Symbol("k", integer=True, nonnegative=True)
mean = sp.summation(k * sp.exp(-lamb) * lamb**k / sp.factorial(k), (k, 0, sp.oo))
check_all(230, [(mean, lamb), (lamb, sp.exp(eta))])
l238 = sp.log(sp.exp(-lamb) * lamb**yy / sp.factorial(yy))
l239 = yy * sp.log(lamb) - lamb - sp.log(sp.factorial(yy))
check(238, sp.log(pmf), l238, positive=[yy])
check(239, l238, l239, positive=[yy])
xv = vec("u", n, real=True)
tx = sum(th[j] * xv[j] for j in range(n))
l240 = yy * tx - sp.exp(tx) - sp.log(sp.factorial(yy))
check(240, l239.subs(lamb, sp.exp(tx)), l240, positive=[yy])
check_all(245, [(sp.diff(l240, th[j]), yy * xv[j] - sp.exp(tx) * xv[j]) for j in range(n)] +
               [(yy * xv[j] - sp.exp(tx) * xv[j], (yy - sp.exp(tx)) * xv[j]) for j in range(n)])

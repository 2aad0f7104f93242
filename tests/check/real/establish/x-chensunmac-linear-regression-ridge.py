"""Establish x-chensunmac-linear-regression-ridge.md at m = 3 samples, n = 2 features."""
import sympy as sp
from _common import check, check_all, vec, D


def mcheck(line, *mats, **kw):
    pairs = [(a[i], b[i]) for a, b in zip(mats, mats[1:]) for i in range(len(a))]
    return check_all(line, pairs, **kw)

m, n = 3, 2
X = sp.Matrix(m, n, lambda i, j: sp.Symbol(f"X{i+1}{j+1}"))
y = sp.Matrix(vec("y", m))
th = sp.Matrix(vec("th", n))
sig = sp.Symbol("sigma", positive=True)
lam, al = sp.symbols("lambda alpha", positive=True)
xi = [X.row(i).T for i in range(m)]
res = [y[i] - (th.T * xi[i])[0] for i in range(m)]

# line 52: p(eps) with eps = y - theta^T x
eps = sp.Symbol("eps")
p_eps = 1 / sp.sqrt(2 * sp.pi * sig ** 2) * sp.exp(-eps ** 2 / (2 * sig ** 2))
check(52, p_eps.subs(eps, res[0]), 1 / sp.sqrt(2 * sp.pi * sig ** 2) * sp.exp(-res[0] ** 2 / (2 * sig ** 2)))
# line 72: log of the likelihood product
L = sp.Mul(*[1 / sp.sqrt(2 * sp.pi * sig ** 2) * sp.exp(-r ** 2 / (2 * sig ** 2)) for r in res])
check(72, sp.expand_log(sp.log(L), force=True),
      m * sp.log(1 / sp.sqrt(2 * sp.pi * sig ** 2)) - 1 / sig ** 2 * sp.Rational(1, 2) * sum(r ** 2 for r in res),
      positive=[sig])
# line 98: matrix form equals the sum form of line 82
J82 = sp.Rational(1, 2) * sum(r ** 2 for r in res)
r = X * th - y
J98 = (sp.Rational(1, 2) * (r.T * r))[0]
check(98, J98, J82)

def grad(f):
    return sp.Matrix([D(f, t) for t in th])

g = grad(J98)
# line 108: grad J = grad of (1/2)(X th - y)^T (X th - y)
mcheck(108, g, grad((sp.Rational(1, 2) * (r.T * r))[0]))
# line 109: expansion
exp109 = (sp.Rational(1, 2) * (th.T * X.T * X * th - th.T * X.T * y - y.T * X * th + y.T * y))[0]
mcheck(109, g, grad(exp109))
# line 110: (1/2)(2 X^TX th - X^Ty - (y^TX)^T) = X^TX th - X^Ty
mid = sp.Rational(1, 2) * (2 * X.T * X * th - X.T * y - (y.T * X).T)
fin = X.T * X * th - X.T * y
mcheck(110, g, mid, fin)  # both equalities
# line 120: gradient vanishes at theta = (X^TX)^{-1} X^T y
th120 = (X.T * X).inv() * X.T * y
mcheck(120, fin.subs(dict(zip(th, th120))), sp.zeros(n, 1))
# line 144: objective 1/2 sum r^2 + lambda sum th^2 -- is it minimised by line 130 estimator?
J144 = J82 + lam * sum(t ** 2 for t in th)
th130 = (X.T * X + lam * sp.eye(n)).inv() * X.T * y
mcheck(144, grad(J144).subs(dict(zip(th, th130))), sp.zeros(n, 1), positive=[lam])
# line 178: derivative of the approximant of line 168
x = sp.Symbol("x")
approx = 1 / al * sp.log(1 + sp.exp(-al * x) + 1 + sp.exp(al * x))
g178 = 1 / (1 + sp.exp(-al * x)) - 1 / (1 + sp.exp(al * x))
check(178, D(approx, x), g178, positive=[al])
# line 188: second derivative
check(188, D(g178, x), 2 * al * sp.exp(al * x) / (1 + sp.exp(al * x)) ** 2, positive=[al])

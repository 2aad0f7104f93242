"""Establish zj-mrarizona42-logistic-regression.md: logistic regression likelihood,
sigmoid derivative, derivative of the log-likelihood, L2-regularised gradient.

Single example: 2 features, X = (X1, X2), theta = (t1, t2); components checked w.r.t. t1, t2.
Products/sums: n = 2 examples.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, D

g = lambda s: 1 / (1 + sp.exp(-s))
z = sp.Symbol("z", real=True)
th = vec("t", 2, real=True)
X = vec("X", 2, real=True)
zX = sum(a * b for a, b in zip(th, X))
h = g(zX)

# line 41: from theta^T X = log(P/(1-P)) (line 37) it follows P = 1/(1+e^{-theta^T X})
P = sp.Symbol("P", positive=True)
sol = sp.solve(sp.Eq(sp.log(P / (1 - P)), z), P)
check(41, sol[0], 1 / (1 + sp.exp(-z)))

# line 61: p(y|x) with h substituted
y = sp.Symbol("y", real=True)
check(61, h**y * (1 - h)**(1 - y), (1 / (1 + sp.exp(-zX)))**y * (1 - 1 / (1 + sp.exp(-zX)))**(1 - y))

# lines 73, 85, 88: n = 2 examples
n = 2
xs = [vec("xa", 2, real=True), vec("xb", 2, real=True)]
ys = vec("y", n, real=True)
hs = [g(sum(a * b for a, b in zip(th, xs[i]))) for i in range(n)]
prod70 = sp.Mul(*[hs[i]**ys[i] * (1 - hs[i])**(1 - ys[i]) for i in range(n)])  # prod p(y_i|x_i), p from line 58
check(73, prod70, sp.Mul(*[hs[i]**ys[i] * (1 - hs[i])**(1 - ys[i]) for i in range(n)]))
l85 = sum(ys[i] * sp.log(hs[i]) + (1 - ys[i]) * sp.log(1 - hs[i]) for i in range(n))
check(85, sp.log(prod70), l85)
l88 = sum(ys[i] * sp.log(1 / (1 + sp.exp(-sum(a * b for a, b in zip(th, xs[i]))))) +
          (1 - ys[i]) * sp.log(1 - 1 / (1 + sp.exp(-sum(a * b for a, b in zip(th, xs[i]))))) for i in range(n))
check(88, l85, l88)

# sigmoid derivative chain, lines 111-120
dg = D(g(z), z)
r111 = (0 * (1 + sp.exp(-z)) - 1 * D(1 + sp.exp(-z), z)) / (1 + sp.exp(-z))**2
r114a = -(-sp.exp(-z)) / (1 + sp.exp(-z))**2
r114b = (sp.exp(-z) + 1 - 1) / (1 + sp.exp(-z))**2
r117 = (1 - 1 / (1 + sp.exp(-z))) * 1 / (1 + sp.exp(-z))
r120 = g(z) * (1 - g(z))
check(111, dg, r111)
check_all(114, [(r111, r114a), (r114a, r114b)])
check(117, r114b, r117)
check(120, r117, r120)

# line 124: d h / d theta = h(1-h) X = (explicit)
check_all(124, [(D(h, th[j]), h * (1 - h) * X[j]) for j in range(2)] +
          [(h * (1 - h) * X[j], 1 / (1 + sp.exp(-zX)) * (1 - 1 / (1 + sp.exp(-zX))) * X[j]) for j in range(2)])
# line 127: d log h / d theta = 1/h * h * (1 - h * X) = (1-h) X  -- middle term as written: (1 - h X)
check_all(127, [(D(sp.log(h), th[j]), 1 / h * h * (1 - h * X[j])) for j in range(2)] +
          [(1 / h * h * (1 - h * X[j]), (1 - h) * X[j]) for j in range(2)])
# line 130: d log(1-h) / d theta = 1/(1-h) [0 - h(1-h) X]
check_all(130, [(D(sp.log(1 - h), th[j]), 1 / (1 - h) * (0 - h * (1 - h) * X[j])) for j in range(2)])
# line 133: = 1/(1-h)*0 - 1/(1-h) * h (1-h) X
check_all(133, [(1 / (1 - h) * (0 - h * (1 - h) * X[j]), 1 / (1 - h) * 0 - 1 / (1 - h) * h * (1 - h) * X[j]) for j in range(2)])
# line 134: = -h X
check_all(134, [(D(sp.log(1 - h), th[j]), -h * X[j]) for j in range(2)])

# line 165: d/dtheta [old l + lambda ||theta||_2^2] = d old l + 2 lambda theta
lam = sp.Symbol("lam", real=True)
old = l85 / n
new = old + lam * sum(t**2 for t in th)
check_all(165, [(D(new, th[j]), D(old, th[j]) + 2 * lam * th[j]) for j in range(2)])

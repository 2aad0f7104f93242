"""Establish e-datawhalechina-logistic-regression-loglik.md: log-likelihood of logistic regression (m = 3 examples; b_i = beta^T x_i)."""
import os, sys, itertools
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, equal, vec

m = 3
b = vec("b", m, real=True)
y = vec("y", m, real=True)
p1 = [sp.exp(t) / (1 + sp.exp(t)) for t in b]
p0 = [1 / (1 + sp.exp(t)) for t in b]
l6 = sum(sp.log(y[i] * p1[i] + (1 - y[i]) * p0[i]) for i in range(m))
l13 = sum(sp.log((y[i] * sp.exp(b[i]) + 1 - y[i]) / (1 + sp.exp(b[i]))) for i in range(m))
l14 = sum(sp.log(y[i] * sp.exp(b[i]) + 1 - y[i]) - sp.log(1 + sp.exp(b[i])) for i in range(m))
pos = {t: sp.Rational(1, 3) for t in y}  # y in (0,1) keeps the logs real for the numeric check
check(13, l6, l13, positive=y)
check(14, l13, l14, positive=y)
def case21(ys):
    return sum((-sp.log(1 + sp.exp(b[i])) if ys[i] == 0 else b[i] - sp.log(1 + sp.exp(b[i]))) for i in range(m))
l31 = sum(y[i] * b[i] - sp.log(1 + sp.exp(b[i])) for i in range(m))
ok21 = all(equal(l14.subs(dict(zip(y, ys))), case21(ys)) for ys in itertools.product([0, 1], repeat=m))
print(f"line 21: {'holds' if ok21 else 'fails'}")
ok31 = all(equal(l14.subs(dict(zip(y, ys))), l31.subs(dict(zip(y, ys)))) for ys in itertools.product([0, 1], repeat=m))
assert not equal(l14.subs({y[0]: sp.Rational(1, 2), y[1]: 0, y[2]: 1}), l31.subs({y[0]: sp.Rational(1, 2), y[1]: 0, y[2]: 1}))
print(f"line 31: {'holds' if ok31 else 'fails'}")
l38 = sum(sp.log(p1[i] ** y[i] * p0[i] ** (1 - y[i])) for i in range(m))
l39 = sum(y[i] * sp.log(p1[i]) + (1 - y[i]) * sp.log(p0[i]) for i in range(m))
l40 = sum(y[i] * (sp.log(p1[i]) - sp.log(p0[i])) + sp.log(p0[i]) for i in range(m))
l41 = sum(y[i] * sp.log(p1[i] / p0[i]) + sp.log(p0[i]) for i in range(m))
l42 = sum(y[i] * sp.log(sp.exp(b[i])) + sp.log(1 / (1 + sp.exp(b[i]))) for i in range(m))
check(39, l38, l39); check(40, l39, l40); check(41, l40, l41); check(42, l41, l42); check(43, l42, l31)

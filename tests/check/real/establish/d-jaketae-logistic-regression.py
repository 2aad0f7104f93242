"""Establish d-jaketae-logistic-regression.md: gradient of the logistic-regression cross entropy
(one example with 2 features, and the average over n = 2 examples)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, equal

def say(line, ok):
    print(f"line {line}: {'holds' if ok else 'fails'}")

S = lambda t: 1 / (1 + sp.exp(-t))
th = sp.Matrix(sp.symbols("theta1:3", real=True)); x = sp.Matrix(sp.symbols("x1:3", real=True))
y, z, u = sp.symbols("y z u", real=True)
zz = (th.T * x)[0]
Hu = -(y * sp.log(u) + (1 - y) * sp.log(1 - u))          # H as a function of yhat = u
H = Hu.subs(u, S(zz))
grad = sp.Matrix([sp.diff(H, t) for t in th])
dH_dyh = sp.diff(Hu, u).subs(u, S(zz)); dyh_dz = sp.diff(S(z), z).subs(z, zz)
dz_dth = sp.Matrix([sp.diff(zz, t) for t in th])
say(61, all(equal(grad[k], dH_dyh * dyh_dz * dz_dth[k]) for k in range(2)))
say(69, all(sp.simplify(dz_dth[k] - x[k]) == 0 for k in range(2)))
check_all(73, [(sp.diff(S(z), z), sp.diff(1 / (1 + sp.exp(-z)), z)),
               (sp.diff(S(z), z), (1 + sp.exp(-z)) ** -2 * sp.exp(-z)),
               ((1 + sp.exp(-z)) ** -2 * sp.exp(-z), 1 / (1 + sp.exp(-z)) * sp.exp(-z) / (1 + sp.exp(-z))),
               (1 / (1 + sp.exp(-z)) * sp.exp(-z) / (1 + sp.exp(-z)), S(z) * (1 - S(z)))])
check_all(77, [(sp.diff(Hu, u), -sp.diff(y * sp.log(u) + (1 - y) * sp.log(1 - u), u)),
               (sp.diff(Hu, u), (1 - y) / (1 - u) - y / u)])
e2 = ((1 - y) / (1 - S(zz)) - y / S(zz)) * S(zz) * (1 - S(zz))
say(81, all(equal(grad[k], dH_dyh * dyh_dz * dz_dth[k]) and equal(dH_dyh * dyh_dz * dz_dth[k], e2 * x[k])
            and equal(e2 * x[k], (S(zz) - y) * x[k]) for k in range(2)))
# line 85: average over n = 2 examples of the per-example gradient (index i implied in the summand)
xs = [sp.Matrix(sp.symbols(f"a{i}_1:3", real=True)) for i in range(2)]; ys = sp.symbols("b1:3", real=True)
Havg = sp.Rational(1, 2) * sum(Hu.subs(u, S((th.T * xs[i])[0])).subs(y, ys[i]) for i in range(2))
gavg = [sp.diff(Havg, t) for t in th]
r85 = [sp.Rational(1, 2) * sum((S((th.T * xs[i])[0]) - ys[i]) * xs[i][k] for i in range(2)) for k in range(2)]
say(85, all(equal(gavg[k], r85[k]) for k in range(2)))

"""g-brandokoch-linear-regression-gradient.md (lines 1-66): gradient of the linear-regression cost, m = 3 examples, features j = 0..2."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all

m, nf = 3, 3
th = sp.symbols("theta0:%d" % nf, real=True)
X = [[sp.Symbol(f"x{i}_{j}", real=True) for j in range(nf)] for i in range(m)]
y = sp.symbols("y0:%d" % m, real=True)
pred = [sum(th[j] * X[i][j] for j in range(nf)) for i in range(m)]
J = sp.Rational(1, 2 * m) * sum((pred[i] - y[i]) ** 2 for i in range(m))
K = range(nf)
r35 = lambda k: sp.diff(sp.Rational(1, 2 * m) * sum((pred[i] - y[i]) ** 2 for i in range(m)), th[k])
r36 = lambda k: sp.Rational(1, 2 * m) * sum(2 * (pred[i] - y[i]) * sp.diff(pred[i] - y[i], th[k]) for i in range(m))
r37 = lambda k: sp.Rational(1, m) * sum((pred[i] - y[i]) * X[i][k] for i in range(m))
check_all(34, [(sp.diff(J, th[k]), r35(k)) for k in K])
check_all(36, [(r35(k), r36(k)) for k in K])
check_all(37, [(r36(k), r37(k)) for k in K])
check_all(46, [(sp.diff(J, th[k]), r37(k)) for k in K])
thv = sp.Matrix(th)
r47 = lambda k: sp.Rational(1, m) * sum(((thv.T * sp.Matrix(X[i]))[0] - y[i]) * X[i][k] for i in range(m))
check_all(47, [(sp.diff(J, th[k]), r47(k)) for k in K])
grad = [sp.diff(J, th[k]) for k in K]
r56 = [r47(k) for k in K]
check_all(56, [(grad[k], r56[k]) for k in K])
r57 = sp.Rational(1, m) * sum((((thv.T * sp.Matrix(X[i]))[0] - y[i]) * sp.Matrix(X[i]) for i in range(m)), sp.zeros(nf, 1))
check_all(57, [(r56[k], r57[k]) for k in K])
Xm = sp.Matrix(X)
r65 = sp.Rational(1, m) * Xm.T * (Xm * thv - sp.Matrix(y))
check_all(65, [(grad[k], r65[k]) for k in K])

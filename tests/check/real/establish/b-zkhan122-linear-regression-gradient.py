import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _b_util import chain

m = 3
w, b = sp.symbols('w b', real=True)
X = sp.symbols('x0:3', real=True); Y = sp.symbols('y0:3', real=True)
f = lambda i: w * X[i] + b
J = sp.Rational(1, 2 * m) * sum((f(i) - Y[i]) ** 2 for i in range(m))
R = {'default': (-1, 1)}
chain(31, sp.diff(J, w), sp.Rational(1, m) * sum((f(i) - Y[i]) * X[i] for i in range(m)), ranges=R)
chain(32, sp.diff(J, b), sp.Rational(1, m) * sum((f(i) - Y[i]) for i in range(m)), ranges=R)

"""bates-hu, logistic classifier post (lines 1-69): theta in R^3, m = 2 examples."""
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all

n, m = 3, 2
th = sp.symbols('theta0:3', real=True)
X = [[sp.Symbol(f'x{i}_{k}', real=True) for k in range(n)] for i in range(m)]
Y = sp.symbols('y0:2', real=True)
dot = lambda i: sum(th[k] * X[i][k] for k in range(n))
h = lambda i: 1 / (1 + sp.exp(-dot(i)))
y, hh = sp.symbols('y hh', positive=True)

# line 29: P(y|x) = h^y (1-h)^{1-y}, y in {0,1}
P = lambda yy: hh**yy * (1 - hh)**(1 - yy)
check_all(29, [(P(1), hh), (P(0), 1 - hh)])

# line 33: log prod = sum
L = sp.Mul(*[h(i)**Y[i] * (1 - h(i))**(1 - Y[i]) for i in range(m)])
l = sum(Y[i] * sp.log(h(i)) + (1 - Y[i]) * sp.log(1 - h(i)) for i in range(m))
check(33, sp.log(L), l)

j = 1
e = lambda i: sp.exp(-dot(i))
# lines 44-46 (sample i = 0, component j)
i = 0
r44 = -(1 / (1 + e(i)))**2 * e(i) * (-X[i][j])
check(44, sp.diff(h(i), th[j]), r44)
r45 = 1 / (1 + e(i)) * e(i) / (1 + e(i)) * X[i][j]
check(45, r44, r45)
r46 = h(i) * (1 - h(i)) * X[i][j]
check(46, r45, r46)

# line 53 (left side) and the chain 54 - 57
dh = lambda i: sp.diff(h(i), th[j])
lhs = sp.diff(l, th[j])
r54 = sum(1 / h(i) * dh(i) + (1 - Y[i]) * 1 / (1 - h(i)) * sp.diff(1 - h(i), th[j]) for i in range(m))
check(54, lhs, r54)
r56 = sum(Y[i] * (1 - h(i)) * X[i][j] - (1 - Y[i]) * h(i) * X[i][j] for i in range(m))
check(56, r54, r56)
r57 = sum((Y[i] - h(i)) * X[i][j] for i in range(m))
check(57, r56, r57)

"""Ivan Halim, Deriving Logistic Regression: theta in R^3 (x_0 = 1), sum i = 0..m with m = 2."""
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all

sigma = lambda t: 1 / (1 + sp.exp(-t))
t = sp.Symbol('t', real=True)
# line 8
check(8, sp.diff(sigma(t), t), sigma(t) * (1 - sigma(t)))

th = sp.symbols('theta0:3', real=True)
x1, x2 = sp.symbols('x1 x2', real=True)
x0 = sp.Symbol('x0', real=True)
z = th[0] + th[1] * x1 + th[2] * x2
# line 12 (componentwise)
check_all(12, [(sp.diff(sigma(z), th[k]), sigma(z) * (1 - sigma(z)) * sp.diff(z, th[k])) for k in range(3)])
check(20, sp.diff(z, th[0]), 1)
check(24, sp.diff(z, th[1]), x1)
# line 28, x_0 = 1 (stated)
xs = [x0, x1, x2]
check_all(28, [(sp.diff(sigma(z), th[k]), sigma(z) * (1 - sigma(z)) * xs[k]) for k in range(3)], subs={x0: 1})

m = 2
X = [[sp.Integer(1)] + [sp.Symbol(f'x{i}_{k}', real=True) for k in (1, 2)] for i in range(m + 1)]
Y = sp.symbols('y0:3', real=True)
h = lambda i: sigma(sum(th[k] * X[i][k] for k in range(3)))
S = lambda f: -sp.Rational(1, m) * sum(f(i) for i in range(m + 1))
J = S(lambda i: Y[i] * sp.log(h(i)) + (1 - Y[i]) * sp.log(1 - h(i)))

def rows(j):
    d = lambda e: sp.diff(e, th[j])
    s = h  # 'Replacing h with sigma': sigma(x^{(i)}) stands for h_theta(x^{(i)})
    r38 = d(J)
    r39 = S(lambda i: d(Y[i] * sp.log(h(i))) + d((1 - Y[i]) * sp.log(1 - h(i))))
    r40 = S(lambda i: Y[i] / h(i) * d(h(i)) - (1 - Y[i]) / (1 - h(i)) * d(h(i)))
    r42 = S(lambda i: Y[i] / s(i) * d(s(i)) - (1 - Y[i]) / (1 - s(i)) * d(s(i)))
    r44 = S(lambda i: (Y[i] / s(i) - (1 - Y[i]) / (1 - s(i))) * d(s(i)))
    r45 = S(lambda i: ((Y[i] - Y[i] * s(i) - s(i) + Y[i] * s(i)) / (s(i) * (1 - s(i)))) * d(s(i)))
    r47 = S(lambda i: ((Y[i] - s(i)) / (s(i) * (1 - s(i)))) * d(s(i)))
    r49 = S(lambda i: ((Y[i] - s(i)) / (s(i) * (1 - s(i)))) * s(i) * (1 - s(i)) * X[i][j])
    r51 = S(lambda i: (Y[i] - s(i)) * X[i][j])
    return dict(lhs=d(J), r38=r38, r39=r39, r40=r40, r42=r42, r44=r44, r45=r45, r47=r47, r49=r49, r51=r51)

R = [rows(j) for j in range(3)]
chain = [(38, 'lhs', 'r38'), (39, 'r38', 'r39'), (40, 'r39', 'r40'), (42, 'r40', 'r42'), (44, 'r42', 'r44'),
         (45, 'r44', 'r45'), (47, 'r45', 'r47'), (49, 'r47', 'r49'), (51, 'r49', 'r51')]
for line, a, b in chain:
    check_all(line, [(r[a], r[b]) for r in R])

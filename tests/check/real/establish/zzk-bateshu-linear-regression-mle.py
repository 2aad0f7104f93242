"""bates-hu, linear regression post: theta in R^3, 3 examples."""
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check

d, N = 3, 3
th = sp.symbols('theta0:3', real=True)
X = [[sp.Symbol(f'x{i}_{k}', real=True) for k in range(d)] for i in range(N)]
Y = sp.symbols('y0:3', real=True)
h = lambda i: sum(th[k] * X[i][k] for k in range(d))
J = sum((h(i) - Y[i])**2 for i in range(N))
j = 1
r42 = sp.diff(sum((h(i) - Y[i])**2 for i in range(N)), th[j])
check(42, sp.diff(J, th[j]), r42)
r43 = 2 * sum((h(i) - Y[i]) * sp.diff(h(i) - Y[i], th[j]) for i in range(N))
check(43, r42, r43)
r44 = 2 * sum((h(i) - Y[i]) * X[i][j] for i in range(N))
check(44, r43, r44)

sig = sp.Symbol('sigma', positive=True)
eps = sp.Symbol('epsilon', real=True)
Peps = lambda t: 1 / (sp.sqrt(2 * sp.pi) * sig) * sp.exp(-t**2 / (2 * sig**2))
# line 102: density of y given x, from y = h + eps
check(102, Peps(Y[0] - h(0)), 1 / (sp.sqrt(2 * sp.pi) * sig) * sp.exp(-(Y[0] - h(0))**2 / (2 * sig**2)))

# lines 116-117: product over i = 1..n (n = 3 here), m a separate positive symbol
m = sp.Symbol('m', positive=True)
c = 1 / (sp.sqrt(2 * sp.pi) * sig)
L = sp.Mul(*[c * sp.exp(-(Y[i] - h(i))**2 / (2 * sig**2)) for i in range(N)])
r116 = sum(sp.log(c) - (Y[i] - h(i))**2 / (2 * sig**2) for i in range(N))
check(116, sp.expand_log(sp.log(L), force=True), r116, positive=(m,))
r117 = m * sp.log(c) + 1 / (2 * sig**2) * sum(-(Y[i] - h(i))**2 for i in range(N))
check(117, r116, r117, positive=(m,))

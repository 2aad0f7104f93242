import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _b_util import chain

x = sp.symbols('x', real=True)
S = 1 / (1 + sp.exp(-x))
dS = sp.diff(S, x)
e = sp.exp(-x)
R = {'default': (-3, 3)}
chain(28, dS, sp.diff(1 / (1 + sp.exp(-x)), x), ranges=R)
# 32: quotient rule, f = numerator/denominator with generic functions
u, v = sp.Function('u')(x), sp.Function('v')(x)
ok = sp.simplify(sp.diff(u / v, x) - (v * sp.diff(u, x) - u * sp.diff(v, x)) / v ** 2) == 0
print('line 32: %s' % ('holds' if ok else 'fails'))
chain(38, dS, ((1 + e) * 0 - 1 * (-e)) / (1 + e) ** 2, ranges=R)
chain(42, dS, e / (1 + e) ** 2, ranges=R)
chain(50, dS, (1 - 1 + e) / (1 + e) ** 2, ranges=R)
chain(54, dS, (1 + e) / (1 + e) ** 2 - 1 / (1 + e) ** 2, ranges=R)
chain(58, dS, 1 / (1 + e) - 1 / (1 + e) ** 2, ranges=R)
chain(62, dS, 1 / (1 + e) * (1 - 1 / (1 + e)), ranges=R)
chain(66, dS, S * (1 - S), ranges=R)

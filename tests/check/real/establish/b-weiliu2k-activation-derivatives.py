import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _b_util import chain

z = sp.symbols('z', real=True)
f = 1 / (1 + sp.exp(-z))
R = {'default': (-3, 3)}
# line 14: dt/dz = f(1-f) = (1-e^{-z})/(1-e^{-z})
chain(14, sp.diff(f, z), f * (1 - f), (1 - sp.exp(-z)) / (1 - sp.exp(-z)), ranges=R)
# line 76: t = tanh(z) = (e^z - e^{-z})/(e^z - e^{-z})  (denominator should be e^z + e^{-z})
chain(76, sp.tanh(z), (sp.exp(z) - sp.exp(-z)) / (sp.exp(z) - sp.exp(-z)), ranges=R)
t = sp.tanh(z)
chain(77, sp.diff(t, z), 1 - t ** 2, ranges=R)
# line 134: ReLU derivative: 1 for z > 0, 0 for z < 0 (checked away from z = 0)
relu = sp.Max(0, z)
ok = all(sp.diff(relu, z).subs(z, v) == (1 if v > 0 else 0) for v in (-2.5, -0.3, 0.4, 2))
print('line 134: %s' % ('holds' if ok else 'fails'))
# line 204: derivative of the piecewise t (z for z >= 0, a z otherwise): 1 / a, away from z = 0
a = sp.Rational(1, 10)
pw = sp.Piecewise((z, z >= 0), (a * z, True))
ok = all(sp.diff(pw, z).subs(z, v) == (1 if v > 0 else a) for v in (-2, -0.5, 0.5, 3))
print('line 204: %s' % ('holds' if ok else 'fails'))

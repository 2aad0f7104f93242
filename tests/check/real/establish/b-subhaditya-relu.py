import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp

x = sp.symbols('x', real=True)
relu = sp.Max(0, x)
# line 11 claims d/dx ReLU = 0 for x >= 0 and 1 otherwise; compare away from x = 0
claimed = lambda v: 0 if v >= 0 else 1
ok = all(sp.diff(relu, x).subs(x, v) == claimed(v) for v in (-2, -0.5, 0.5, 2))
print('line 11: %s' % ('holds' if ok else 'fails'))

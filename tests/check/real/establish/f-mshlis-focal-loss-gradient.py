"""Establish f-mshlis-focal-loss-gradient.md: focal-loss and focal-gradient-loss derivatives, and the
integral of the focal-gradient for integer gamma. CE(p) = -log(p) (focal loss with gamma = 0)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all

p = sp.Symbol("p", positive=True)
g = sp.Symbol("gamma", positive=True)
FL = -(1 - p)**g * sp.log(p)
CE = -sp.log(p)
dCE = sp.diff(CE, p)
r21 = -(1 - p)**g / p + g * (1 - p)**(g - 1) * sp.log(p)
r22 = -(1 - p)**g * dCE + g * (1 - p)**(g - 1) * sp.log(p)
R = -g * (-(1 - p)**(g - 1) * sp.log(p))        # R(p) = -gamma FL_{gamma-1}(p) (prose, line 29)
r23 = -(1 - p)**g * dCE + R
pts = {p: sp.Rational(1, 3)}
check(21, sp.diff(FL, p), r21, positive=(p, g))
check(22, r21, r22, positive=(p, g))
check(23, r22, r23, positive=(p, g))
c = sp.Symbol("c", positive=True)                 # StopGradient((1-p)^gamma): a constant for differentiation
dFGL = sp.diff(-c * sp.log(p), p).subs(c, (1 - p)**g)
check(24, dFGL, -(1 - p)**g / p, positive=(p, g))
check(25, -(1 - p)**g / p, -(1 - p)**g * dCE, positive=(p, g))
zz = sp.Symbol("z", positive=True)
ok = True
for gi in (1, 2, 3, 4):
    L = sp.integrate(-(1 - zz)**gi / zz, (zz, 1, p))
    rhs = -sp.log(p) - sum(sp.binomial(gi, i) * ((-p)**i - (-1)**i) / i for i in range(1, gi + 1))
    ok &= sp.simplify(L - rhs) == 0
print(f"line 40: {'holds' if ok else 'fails'}")

"""Establish s-tzurea-tanh-derivative.md: derivatives of hyperbolic functions (flash cards)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, D

x = sp.Symbol("x", real=True)
y = sp.Symbol("y", real=True)
sinh = (sp.exp(x) - sp.exp(-x)) / 2
cosh = (sp.exp(x) + sp.exp(-x)) / 2
tanh = sinh / cosh

# card 1: sinh
check_all(7, [(D(sinh, x), sp.Rational(1, 2) * D(sp.exp(x) - sp.exp(-x), x)),
              (sp.Rational(1, 2) * D(sp.exp(x) - sp.exp(-x), x), (sp.exp(x) + sp.exp(-x)) / 2)])
check(8, D(sp.sinh(x), x), sp.cosh(x))

# card 2: tanh via the quotient rule
dy = D(tanh, x)
r17 = (cosh * D(sinh, x) - sinh * D(cosh, x)) / cosh**2
check(17, dy, r17)
r18 = (cosh * cosh - sinh * sinh) / cosh**x   # as written: cosh^{x}
check(18, r17, r18)
check(19, dy, 1 / cosh**2)          # chain dy/dx = ... = 1/cosh^2 x
check(20, D(sp.tanh(x), x), sp.sech(x)**2)

check(28, D(sp.sinh(x), x), sp.cosh(x))
check(35, D(sp.cosh(x), x), sp.sinh(x))
check(42, D(sp.tanh(x), x), sp.sech(x)**2)
check(49, D(sp.coth(x), x), -sp.csch(x)**2)
check(56, D(sp.sech(x), x), -sp.sech(x) * sp.tanh(x))
check(63, D(sp.csch(x), x), -sp.csch(x) * sp.coth(x))

# card: inverse sinh by implicit differentiation, x = sinh y
dxdy = D(sp.sinh(y), y)
check_all(76, [(dxdy, sp.cosh(y)), (sp.cosh(y), sp.sqrt(1 + sp.sinh(y)**2)),
               (sp.sqrt(1 + sp.sinh(y)**2), sp.sqrt(1 + x**2).subs(x, sp.sinh(y)))])
check(77, D(sp.asinh(x), x), 1 / sp.sqrt(1 + x**2))
check(78, D(sp.asinh(x), x), 1 / sp.sqrt(1 + x**2))
check(87, D(sp.asinh(x), x), 1 / sp.sqrt(1 + x**2))

# inverse functions on their real domains
u = sp.Symbol("u", positive=True)   # acosh: x = 1 + u > 1
check(96, D(sp.acosh(x), x).subs(x, 1 + u), (1 / sp.sqrt(x**2 - 1)).subs(x, 1 + u), positive=[u])
t = sp.Symbol("t", real=True)       # atanh: x = tanh(t) in (-1, 1)
check(104, D(sp.atanh(x), x).subs(x, sp.tanh(t)), (1 / (1 - x**2)).subs(x, sp.tanh(t)))
# acsch on x != 0: test both signs (x = -u gives the failure)
d_acsch = D(sp.acsch(x), x)
claim = -1 / (x * sp.sqrt(x**2 + 1))
from _common import equal
ok = equal(d_acsch.subs(x, u), claim.subs(x, u), positive=[u]) and equal(d_acsch.subs(x, -u), claim.subs(x, -u), positive=[u])
print(f"line 111: {'holds' if ok else 'fails'}")
# asech on (0, 1): x = 1/(1+u)
check(120, D(sp.asech(x), x).subs(x, 1 / (1 + u)), (-1 / (x * sp.sqrt(1 - x**2))).subs(x, 1 / (1 + u)), positive=[u])
# acoth on |x| > 1: test x = 1+u and x = -(1+u)
d_acoth = D(sp.acoth(x), x)
c = -1 / (x**2 - 1)
ok = equal(d_acoth.subs(x, 1 + u), c.subs(x, 1 + u), positive=[u]) and equal(d_acoth.subs(x, -1 - u), c.subs(x, -1 - u), positive=[u])
print(f"line 128: {'holds' if ok else 'fails'}")

import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, D

x = sp.symbols('x', real=True)
sig = 1 / (1 + sp.exp(-x))
f = 1 / sig                      # line 22: f = 1/sigma = 1 + e^{-x}
dsig = D(sig, x)
# 26: f'(x) = d/dx(1/sigma) = d/dx(1 + e^{-x})
check(26, D(f, x), D(1 + sp.exp(-x), x))
# 28: -sigma'/sigma^2 = -e^{-x}
lhs = -dsig / sig**2
check(28, lhs, -sp.exp(-x))
# 30, 32: = 1 - f(x)
check(30, lhs, 1 - (1 + sp.exp(-x)))
check(32, lhs, 1 - (1 + sp.exp(-x)))
# 34: = 1 - 1/sigma
check(34, lhs, 1 - 1 / sig)
# 36: = (sigma - 1)/sigma
check(36, lhs, (sig - 1) / sig)
# 40: sigma'/sigma^2 = (1 - sigma)/sigma
check(40, dsig / sig**2, (1 - sig) / sig)
# 42: sigma' = sigma^2 (1 - sigma)/sigma
check(42, dsig, sig**2 * ((1 - sig) / sig))
# 44: sigma' = sigma(1 - sigma)
check(44, dsig, sig * (1 - sig))
# tanh
th = (sp.exp(x) - sp.exp(-x)) / (sp.exp(x) + sp.exp(-x))   # line 50
sh, ch = sp.sinh(x), sp.cosh(x)
check(54, D(th, x), D(sh / ch, x))
check(58, D(th, x), (ch * D(sh, x) - sh * D(ch, x)) / ch**2)
check(60, D(th, x), (ch * ch - sh * sh) / ch**2)
check(62, D(th, x), 1 - th**2)

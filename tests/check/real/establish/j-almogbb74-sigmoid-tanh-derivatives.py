"""Establish j-almogbb74-sigmoid-tanh-derivatives.md: sigmoid and tanh derivatives (homework solution)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check

x = sp.Symbol("x", real=True)
u = sp.Symbol("u", positive=True)
E = sp.exp(-x)
sig = 1 / (1 + E)
dsig = sp.diff(sig, x)
f = u ** -1
g = 1 + E
check(14, dsig, sig * (1 - sig))
th = (sp.exp(x) - sp.exp(-x)) / (sp.exp(x) + sp.exp(-x))
dth = sp.diff(th, x)
check(32, dth, 1 - th ** 2)
# Task 1.a
check(55, dsig, sp.diff(f, u).subs(u, g) * sp.diff(g, x))
r56 = (-1 / (1 + E) ** 2) * (-E)
check(56, dsig, r56)
check(60, dsig, E / (1 + E) ** 2)
# Task 1.b: chain starting from sigma(1 - sigma) (line 69)
start = sig * (1 - sig)
r72 = (1 / (1 + E)) * (1 - 1 / (1 + E))
check(72, start, r72)
check(75, 1 - 1 / (1 + E), (1 + E) / (1 + E) - 1 / (1 + E))
r76 = (1 + E - 1) / (1 + E)
check(76, (1 + E) / (1 + E) - 1 / (1 + E), r76)
check(77, r76, E / (1 + E))
r80 = (1 / (1 + E)) * (E / (1 + E))
check(80, r72, r80)      # continues the main chain (line 72), substituting line 77 back
r83 = 1 * E / ((1 + E) * (1 + E))
check(83, r80, r83)
check(84, r83, E / (1 + E) ** 2)
check(87, dsig, sig * (1 - sig))
# Task 2.a
ep, em = sp.exp(x), sp.exp(-x)
r106 = ((ep + em) * (ep + em) - (ep - em) * (ep - em)) / (ep + em) ** 2
check(106, dth, r106)
r108 = ((ep + em) ** 2 - (ep - em) ** 2) / (ep + em) ** 2
check(108, r106, r108)
check(114, dth, 4 / (ep + em) ** 2)
# Task 2.b
r122 = 1 - ((ep - em) / (ep + em)) ** 2
check(122, 1 - th ** 2, r122)
r125 = (ep + em) ** 2 / (ep + em) ** 2 - (ep - em) ** 2 / (ep + em) ** 2
check(125, r122, r125)
check(128, r125, ((ep + em) ** 2 - (ep - em) ** 2) / (ep + em) ** 2)
check(131, ((ep + em) ** 2 - (ep - em) ** 2) / (ep + em) ** 2, 4 / (ep + em) ** 2)

"""Establish f-mmuratarat-sigmoid-tanh-derivatives.md: sigmoid and tanh derivatives, tanh = 2 sigmoid(2x) - 1."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all

x = sp.Symbol("x", real=True)
s = 1 / (1 + sp.exp(-x))
e = sp.exp(-x)
r22 = sp.diff(1 / (1 + e), x)
r23a, r23b = e / (1 + e)**2, (e + 1 - 1) / (1 + e)**2
r24 = (e + 1) / (1 + e)**2 - (1 / (1 + e))**2
r25 = 1 / (1 + e) - (1 / (1 + e))**2
r26 = s - s**2
r27 = s * (1 - s)
check(22, sp.diff(s, x), r22)
check_all(23, [(r22, r23a), (r23a, r23b)])
check(24, r23b, r24); check(25, r24, r25); check(26, r25, r26); check(27, r26, r27)
th = sp.sinh(x) / sp.cosh(x)
check_all(79, [(sp.tanh(x), th), (th, (sp.exp(x) - sp.exp(-x)) / (sp.exp(x) + sp.exp(-x))),
               ((sp.exp(x) - sp.exp(-x)) / (sp.exp(x) + sp.exp(-x)), 2 * s.subs(x, 2 * x) - 1)])
r86 = sp.diff(th, x)
r87 = (sp.cosh(x)**2 - sp.sinh(x)**2) / sp.cosh(x)**2
r88 = 1 - sp.sinh(x)**2 / sp.cosh(x)**2
r89 = 1 - sp.tanh(x)**2
check(86, sp.diff(sp.tanh(x), x), r86)
check(87, r86, r87); check(88, r87, r88); check(89, r88, r89); check(90, r89, 1 - (sp.tanh(x))**2)

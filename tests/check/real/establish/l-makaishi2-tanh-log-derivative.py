"""Establish l-makaishi2-tanh-log-derivative.md: derivative of tanh (quotient rule) and of t log p + (1-t) log(1-p)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all

x = sp.Symbol("x", real=True)
f = sp.exp(x) - sp.exp(-x)
g = sp.exp(x) + sp.exp(-x)
tanh = f / g                                   # line 6
check_all(14, [(sp.diff(f, x), sp.exp(x) + sp.exp(-x)), (sp.diff(g, x), sp.exp(x) - sp.exp(-x))])
check(21, sp.diff(tanh, x), (sp.diff(f, x) * g - f * sp.diff(g, x)) / g ** 2)
r25a = ((sp.exp(x) + sp.exp(-x)) ** 2 - (sp.exp(x) - sp.exp(-x)) ** 2) / (sp.exp(x) + sp.exp(-x)) ** 2
r25b = 4 / (sp.exp(x) + sp.exp(-x)) ** 2
check_all(25, [(sp.diff(tanh, x), r25a), (r25a, r25b)])
check(33, 1 - tanh ** 2, 4 / (sp.exp(x) + sp.exp(-x)) ** 2)
check(39, sp.diff(tanh, x), 1 - tanh ** 2)

p = sp.Symbol("p", positive=True)
t = sp.Symbol("t", real=True)
e = t * sp.log(p) + (1 - t) * sp.log(1 - p)    # line 49
check_all(55, [(sp.diff(t * sp.log(p), p), t / p), (sp.diff((1 - t) * sp.log(1 - p), p), -(1 - t) / (1 - p))])
check(64, sp.diff(e, p), t / p - (1 - t) / (1 - p))
check(70, sp.diff(e, p), (t - p) / (p * (1 - p)))

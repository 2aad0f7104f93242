"""Establish zzj-heaton-sigmoid-derivative.md (Jeff Heaton, heatonresearch.com, AIFH vol. 3):
step-by-step derivative of the sigmoid s(x) = 1/(e^{-x}+1).

Each continuation row '= X' is compared with the row above it (the chain link the author writes).
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, D

x = sp.Symbol("x", real=True)
s = 1 / (sp.exp(-x) + 1)
ds = D(s, x)

# line 6: s'(x) = d/dx(1/(e^{-x}+1)) = -(d/dx(e^{-x}+1))/(e^{-x}+1)^2   (reciprocal rule)
r6 = -D(sp.exp(-x) + 1, x) / (sp.exp(-x) + 1) ** 2
check(6, ds, r6)
# line 12: = -(d/dx e^{-x})/(e^{-x}+1)^2
r12 = -D(sp.exp(-x), x) / (sp.exp(-x) + 1) ** 2
check(12, r6, r12)
# line 18: = -(e^{-x} * d/dx(-x))/(e^{-x}+1)^2
r18 = -(sp.exp(-x) * D(-x, x)) / (sp.exp(-x) + 1) ** 2
check(18, r12, r18)
# line 24: = -(-1) e^{-x}/(e^{-x}+1)^2 =   (trailing '=')
r24 = -(-1) * sp.exp(-x) / (sp.exp(-x) + 1) ** 2
check(24, r18, r24)
# line 30: = e^{-x}/(e^{-x}+1)^2
r30 = sp.exp(-x) / (sp.exp(-x) + 1) ** 2
check(30, r24, r30)
# line 36: = (1/(e^{-x}+1)) * (-e^{-x}/(e^{-x}+1))   -- sign error: this is -s'(x)
r36 = (1 / (sp.exp(-x) + 1)) * (-sp.exp(-x) / (sp.exp(-x) + 1))
check(36, r30, r36)
# line 42: s'(x) = s(x)(1 - s(x))
check(42, ds, s * (1 - s))

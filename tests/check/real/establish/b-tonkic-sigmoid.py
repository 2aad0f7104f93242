import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _b_util import chain

x = sp.symbols('x', real=True)
s = 1 / (1 + sp.exp(-x))
R = {'default': (-3, 3)}
chain(10, sp.diff(s, x), s * (1 - s), ranges=R)
chain(16, sp.diff(s, x), sp.exp(-x) / (1 + sp.exp(-x)) ** 2, ranges=R)

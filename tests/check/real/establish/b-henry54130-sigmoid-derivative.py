import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _b_util import chain

x = sp.symbols('x', real=True)
e = sp.exp(-x)
s = 1 / (1 + e)
R = {'default': (-3, 3)}
chain(23, s, (1 + e) ** -1, ranges=R)
chain(27, sp.diff(s, x), -1 * (1 + e) ** -2 * sp.diff(1 + e, x), ranges=R)
chain(31, sp.diff(1 + e, x), -e, ranges=R)
chain(37, sp.diff(s, x), -(1 + e) ** -2 * (-e), e / (1 + e) ** 2, ranges=R)
chain(45, 1 - s, e / (1 + e), ranges=R)
chain(51, sp.diff(s, x), 1 / (1 + e) * e / (1 + e), s * (1 - s), ranges=R)
chain(57, sp.diff(s, x), s * (1 - s), ranges=R)

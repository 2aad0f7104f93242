import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _b_util import chain

# the author writes e^-x for e^{-x}; z = 1 + e^{-x} (sigma = 1/z)
x = sp.symbols('x', real=True)
e = sp.exp(-x)
z = 1 + e
s = 1 / z
R = {'default': (-3, 3)}
dzdx = sp.diff(z, x)
# line 9: "= 1/z^2 * d/dx(1 + e^-x)" as the value of d sigma/dx (chain rule with d(1/z)/dz taken as +1/z^2)
chain(9, sp.diff(s, x), 1 / z ** 2 * dzdx, ranges=R)
rows = [1 / z ** 2 * dzdx,
        1 / (1 + e) ** 2 * -e,
        -e / (1 + e) ** 2,
        (1 / (1 + e)) * (-e / (1 + e)),
        s * ((-e + 1 - 1) / (1 + e)),
        s * ((-1 - e) / (1 + e) + 1 / (1 + e)),
        s * ((1 + e) / (1 + e) - 1 / (1 + e)),
        s * (1 - s)]
for ln, k in zip(range(10, 17), range(7)):
    chain(ln, rows[k], rows[k + 1], ranges=R)

"""Establish j-learnco-mse-chain-rule.md: partial derivatives of the squared error J = (y - (mx + b))^2 via the chain rule.
The page writes d/dm applied to an expression as \\frac{dg}{dm}(...) (operator notation); each row is read that way."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check

m, b, x, y, G = sp.symbols("m b x y G", real=True)
g = y - (m * x + b)
J = g ** 2
Jg = G ** 2                         # J as a function of g
dJdg = sp.diff(Jg, G).subs(G, g)    # dJ/dg evaluated at g(m,b)

check(27, sp.diff(J, m), dJdg * sp.diff(g, m))           # chain rule [1]
check(37, sp.diff(Jg, G), sp.diff(G ** 2, G))           # dJ/dg J(g) = dJ/dg g^2
check(39, sp.diff(G ** 2, G), 2 * G)
check(41, sp.diff(g, m), sp.diff(y - (m * x + b), m))
check(43, sp.diff(y - (m * x + b), m), sp.diff(y - m * x - b, m))
check(45, sp.diff(y - m * x - b, m), sp.diff(y, m) - sp.diff(m * x, m) - sp.diff(b, m))
check(47, sp.diff(y, m) - sp.diff(m * x, m) - sp.diff(b, m), 0 - x - 0)
check(49, 0 - x - 0, -x)
check(58, dJdg * sp.diff(g, m), (2 * g) * (-x))
check(60, (2 * g) * (-x), 2 * (y - (m * x + b)) * (-x))
check(68, sp.diff(J, m), 2 * (y - (m * x + b)) * (-x))
check(70, 2 * (y - (m * x + b)) * (-x), -2 * x * (y - (m * x + b)))
check(78, sp.diff(J, b), sp.diff((y - (m * x + b)) ** 2, b))
check(88, sp.diff(J, b), dJdg * sp.diff(g, b))           # chain rule [2]
check(96, sp.diff(g, b), sp.diff(y - (m * x + b), b))
check(98, sp.diff(y - (m * x + b), b), sp.diff(y - m * x - b, b))
check(100, sp.diff(y - m * x - b, b), sp.diff(y, b) - sp.diff(m * x, b) - sp.diff(b, b))   # operator d/db on each term
check(102, sp.diff(y, b) - sp.diff(m * x, b) - sp.diff(b, b), 0 - 0 - 1)
check(104, 0 - 0 - 1, -1)
check(112, dJdg * sp.diff(g, b), (2 * g) * (-1))
check(114, (2 * g) * (-1), -2 * (y - (m * x + b)))

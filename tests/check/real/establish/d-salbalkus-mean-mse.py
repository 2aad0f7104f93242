"""Establish d-salbalkus-mean-mse.md: E[(X - a)^2] = a^2 - 2 a mu + E(X^2) and its minimiser.

E is applied as the linear functional with E[1] = 1, E[X] = mu, E[X^2] = m2 (m2 a free symbol)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all

X, a, mu, m2 = sp.symbols("X a mu m2", real=True)

def E(expr):
    P = sp.Poly(sp.expand(expr), X)
    mom = {0: 1, 1: mu, 2: m2}
    return sum(c * mom[k[0]] for k, c in P.terms())

check_all(40, [(E((X - a) ** 2), E(X ** 2 - 2 * a * X + a ** 2)), (E(X ** 2 - 2 * a * X + a ** 2), a ** 2 - 2 * a * mu + m2)])
check(46, sp.diff(a ** 2 - 2 * a * mu + m2, a), 2 * a - 2 * mu)
sol = sp.solve(sp.Eq(2 * a - 2 * mu, 0), a)
print(f"line 52: {'holds' if sol == [mu] else 'fails'}")

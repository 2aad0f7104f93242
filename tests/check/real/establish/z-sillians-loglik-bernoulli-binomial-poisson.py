"""Establish z-sillians-loglik-bernoulli-binomial-poisson.md: log-likelihoods of Bernoulli, Binomial and Poisson samples (n = 3)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check

n = 3
P = sp.symbols('P1:4', positive=True)
check(17, sp.log(sp.Mul(*P)), sum(sp.log(q) for q in P))

p = sp.Symbol('p', positive=True)          # random points in (0.05, 0.95), so 1 - p > 0
x = sp.symbols('x1:4', positive=True)
L = sp.Mul(*[p**xi * (1 - p)**(1 - xi) for xi in x])
r41 = sum(xi * sp.log(p) + (1 - xi) * sp.log(1 - p) for xi in x)
check(41, sp.log(L), r41, positive=(p,))
S = sum(x)
check(47, r41, S * sp.log(p) + (n - S) * sp.log(1 - p), positive=(p,))

m = sp.Symbol('m', positive=True)
B = sp.symbols('B1:4', positive=True)      # B_i stands for binomial(m, x_i) > 0
Lb = sp.Mul(*[B[i] * p**x[i] * (1 - p)**(m - x[i]) for i in range(n)])
r65 = sum(sp.log(B[i]) + x[i] * sp.log(p) + (m - x[i]) * sp.log(1 - p) for i in range(n))
check(65, sp.log(Lb), r65, positive=(p,))
r69 = sum(sp.log(Bi) for Bi in B) + S * sp.log(p) + (n * m - S) * sp.log(1 - p)
check(69, r65, r69, positive=(p,))

lam = sp.Symbol('lambda', positive=True)
Lp = sp.Mul(*[sp.exp(-lam) * lam**xi / sp.factorial(xi) for xi in x])
r89 = sum(-lam + xi * sp.log(lam) - sp.log(sp.factorial(xi)) for xi in x)
check(89, sp.log(Lp), r89, positive=(lam,))
r93 = -n * lam + S * sp.log(lam) - sum(sp.log(sp.factorial(xi)) for xi in x)
check(93, r89, r93, positive=(lam,))

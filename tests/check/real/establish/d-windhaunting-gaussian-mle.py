"""Establish d-windhaunting-gaussian-mle.md: Gaussian log-likelihood and the MLE of mu and sigma^2 (N = 3)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, equal

N = 3
x = sp.symbols("x1:4", real=True)
mu = sp.Symbol("mu", real=True); v = sp.Symbol("v", positive=True)   # v = sigma^2
f = lambda xi: 1 / (sp.sqrt(v) * sp.sqrt(2 * sp.pi)) * sp.exp(-sp.Rational(1, 2) * ((xi - mu) / sp.sqrt(v)) ** 2)
lik = sp.Mul(*[f(xi) for xi in x])
check(37, sp.log(lik), sum(sp.log(f(xi)) for xi in x), positive=(v,))
L = -sp.Rational(N, 2) * sp.log(2 * sp.pi) - sp.Rational(N, 2) * sp.log(v) - sum((xi - mu) ** 2 for xi in x) / (2 * v)
check(43, sum(sp.log(f(xi)) for xi in x), L, positive=(v,))
smu = sp.solve(sp.Eq(sp.diff(L, mu), 0), mu)
print(f"line 47: {'holds' if len(smu) == 1 and equal(smu[0], sum(x) / N) else 'fails'}")
muhat = sum(x) / N
sv = sp.solve(sp.Eq(sp.diff(L, v).subs(mu, muhat), 0), v)
print(f"line 49: {'holds' if len(sv) == 1 and equal(sv[0], sum((xi - muhat) ** 2 for xi in x) / N) else 'fails'}")

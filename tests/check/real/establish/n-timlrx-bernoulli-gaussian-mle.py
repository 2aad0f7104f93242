"""Establish n-timlrx-bernoulli-gaussian-mle.md: Bernoulli MLE (n = 3) and Gaussian linear-regression MLE (n = 3, 2 regressors)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

p = sp.Symbol("p", positive=True)
x = vec("x", 3, real=True)
n = 3
S = sum(x)
check(25, sp.Mul(*[p**xi * (1 - p) ** (1 - xi) for xi in x]), p**S * (1 - p) ** (n - S))
lnL = S * sp.log(p) + (n - S) * sp.log(1 - p)
check(33, sp.log(p**S * (1 - p) ** (n - S)), lnL)
d = sp.diff(lnL, p)
check(34, d, S / p - (n - S) / (1 - p))
r35 = (1 - p) * S - p * (n - S)
check(35, r35, p * (1 - p) * d)
check(36, r35.subs(p, S / n), 0)

# Gaussian regression
s2 = sp.Symbol("s2", positive=True)
b = sp.Matrix(vec("b", 2, real=True))
Xs = [sp.Matrix(vec(f"z{i}_", 2, real=True)) for i in range(3)]
Y = vec("y", 3, real=True)
f = lambda i: 1 / sp.sqrt(2 * sp.pi * s2) * sp.exp(-(Y[i] - (Xs[i].T * b)[0]) ** 2 / (2 * s2))
L = sp.Mul(*[f(i) for i in range(3)])
check(62, sp.log(L), sp.log(sp.Mul(*[f(i) for i in range(3)])))
check(63, sp.log(L), sum(sp.log(f(i)) for i in range(3)))
check(64, sum(sp.log(f(i)) for i in range(3)),
      sum(sp.log(1 / sp.sqrt(2 * sp.pi * s2) * sp.exp(-(Y[i] - (Xs[i].T * b)[0]) ** 2 / (2 * s2))) for i in range(3)))
ll = -sp.Rational(n, 2) * sp.log(2 * sp.pi) - sp.Rational(n, 2) * sp.log(s2) - 1 / (2 * s2) * sum((Y[i] - (Xs[i].T * b)[0]) ** 2 for i in range(3))
check(66, sum(sp.log(f(i)) for i in range(3)), ll)
bhat = (sum((Xs[i] * Xs[i].T for i in range(3)), sp.zeros(2, 2))).inv() * sum((Xs[i] * Y[i] for i in range(3)), sp.zeros(2, 1))
gb = [sp.diff(ll, bi) for bi in b]
check_all(74, [(g.subs(dict(zip(b, bhat))), 0) for g in gb])
s2hat = sum((Y[i] - (Xs[i].T * b)[0]) ** 2 for i in range(3)) / n
check(75, sp.diff(ll, s2).subs(s2, s2hat), 0)

"""Establish e-timvieira-exp-normalize.md: exp-normalize (shift invariance), log-sum-exp, two forms of the sigmoid (n = 3)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check_all, check, vec, softmax

n = 3
x = vec("x", n, real=True)
b = sp.Symbol("b", real=True)
pi = softmax(x)
r20 = [sp.exp(x[i] - b) * sp.exp(b) / sum(sp.exp(t - b) * sp.exp(b) for t in x) for i in range(n)]
r22 = [sp.exp(x[i] - b) / sum(sp.exp(t - b) for t in x) for i in range(n)]
check_all(20, [(pi[i], r20[i]) for i in range(n)])
check_all(22, [(r20[i], r22[i]) for i in range(n)])
lse = sp.log(sum(sp.exp(t) for t in x))
check_all(53, [(sp.log(pi[i]), x[i] - lse) for i in range(n)])
check(58, lse, b + sp.log(sum(sp.exp(t - b) for t in x)))
u = sp.Symbol("u", real=True)
check(87, 1 / (1 + sp.exp(-u)), sp.exp(u) / (sp.exp(u) + 1))

"""Establish m-cwksc-poisson-mle.md: MLE of the Poisson rate (N = 3 samples)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec

lam = sp.Symbol("lambda", positive=True)
k = vec("k", 3, positive=True)
N = 3
L = sp.prod([1 / sp.factorial(ki) * sp.exp(-lam) * lam ** ki for ki in k])   # line 14
l_true = sp.log(L)
r17 = sum(sp.log(1 / sp.factorial(ki) * sp.exp(-lam) * lam ** ki) for ki in k)
check(17, l_true, r17)
r18 = sum(-sp.log(sp.factorial(ki)) - lam + ki * sp.log(lam) for ki in k)
check(18, r17, r18)
r19 = -sum(sp.log(sp.factorial(ki)) for ki in k) - N * lam + sp.log(lam) * sum(k)
check(19, r18, r19)
# line 22: derivative (the trailing '= 0' is the stationarity condition)
r22 = -N + 1 / lam * sum(k)
check(22, sp.diff(r19, lam), r22)
root = sp.solve(sp.Eq(r22, 0), lam)[0]
# line 25: N = (1/lambda) sum k, the stationarity condition rearranged; holds at the root
check(25, N, (1 / lam * sum(k)).subs(lam, root))
# line 26: lambda_hat = (1/N) sum k is the root of line 22
check(26, root, sp.Rational(1, N) * sum(k))

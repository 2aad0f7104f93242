"""Establish zm-gaussian37-nll-softmax.md (Korean): derivative of L_i = -log p_{y_i} with softmax p. 3 classes, target y_i = class 1."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax, D

n = 3
f = vec("f", n, real=True)
p = softmax(f)
t = 0                     # y_i: index of the true class
L = -sp.log(p[t])
# p treated as free variables for dL/dp_k (as the author does)
P = vec("P", n, positive=True)
L_of_P = -sp.log(P[t])
dL_dp = lambda k: D(L_of_P, P[k]).subs({P[j]: p[j] for j in range(n)})
others = [k for k in range(n) if k != t]

# line 27: dL/df_k = dL/dp_k * dp_k/df_k  (k general: k = y_i and k != y_i)
check_all(27, [(D(L, f[k]), dL_dp(k) * D(p[k], f[k])) for k in [t] + others])
# line 40: dL/dp_k = -1/p_k (k general)
check_all(40, [(dL_dp(k), -1 / p[k]) for k in [t] + others])
# line 48: quotient rule as written: f/g = (g Df - f Dg)/g^2 (left side lacks the derivative)
x = sp.Symbol("x", real=True)
F = sp.sin(x) + 2
G = sp.exp(x) + 1
check(48, F / G, (G * D(F, x) - F * D(G, x)) / G**2)
# line 56: three rows, D = d/df_k, Sigma = sum_j e^{f_j}; k = 1 (index 1)
k = 1
S = sum(sp.exp(fj) for fj in f)
r1 = D(sp.exp(f[k]) / S, f[k])
check(56, D(p[k], f[k]), r1)
r2 = (S * D(sp.exp(f[k]), f[k]) - sp.exp(f[k]) * D(S, f[k])) / S**2
check(56, r1, r2)
r3 = sp.exp(f[k]) * (S - sp.exp(f[k])) / S**2
check(56, r2, r3)
# line 64: three rows
check(64, D(p[k], f[k]), r3)
r5 = sp.exp(f[k]) / S * (S - sp.exp(f[k])) / S
check(64, r3, r5)
check(64, r5, p[k] * (1 - p[k]))
# line 72: three rows, k general for the first two
check_all(72, [(D(L, f[kk]), dL_dp(kk) * D(p[kk], f[kk])) for kk in [t] + others])
check_all(72, [(D(L, f[kk]), -1 / p[kk] * (p[kk] * (1 - p[kk]))) for kk in [t] + others])
check_all(72, [(-1 / p[kk] * (p[kk] * (1 - p[kk])), p[kk] - 1) for kk in range(n)])

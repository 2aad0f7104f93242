"""Establish c-xin-w8023-softmax-derivative.md: softmax derivatives, n = 4 inputs, i = 1st, z = 3rd.

The vector derivative dSoftmax(X)/dx_i is the Jacobian column; the author's right sides are sums."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, equal, vec, softmax

n = 4
x = vec("x", n); s = softmax(x); S = sum(sp.exp(t) for t in x)
i, z = 0, 2
col = sp.Matrix([sp.diff(s[k], x[i]) for k in range(n)])         # dSoftmax(X)/dx_i
r14 = sum(sp.diff(sp.exp(x[k]) / S, x[i]) for k in range(n))      # the author's sum
ok14 = all(equal(col[k], r14) for k in range(n))            # no entry of the column equals the sum (the sum is 0)
print(f"line 14: {'holds' if ok14 else 'fails'}")
r24 = sp.exp(x[i]) / S - sp.exp(x[i]) * sp.exp(x[i]) / S ** 2
check(24, sp.diff(sp.exp(x[i]) / S, x[i]), r24)
r26 = sp.exp(x[i]) / S * (1 - sp.exp(x[i]) / S); check(26, r24, r26)
check(27, r26, s[i] * (1 - s[i])); check(28, s[i] * (1 - s[i]), s[i] - s[i] ** 2)
r36 = 0 - sp.exp(x[z]) * sp.exp(x[i]) / S ** 2
check(36, sp.diff(sp.exp(x[z]) / S, x[i]), r36); check(38, r36, -s[z] * s[i])
r47 = s[i] - s[i] ** 2 + sum(-s[j] * s[i] for j in range(n) if j != i)
print(f"line 46: {'holds' if all(equal(col[k], r47) for k in range(n)) else 'fails'}")
r48 = s[i] - sum(s[j] * s[i] for j in range(n))
check(48, r47, r48)

"""Establish zd-l1351868270-softmax-jacobian.md: row-wise softmax of an M x N matrix and its partial derivatives."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, D

M, N = 2, 3
X = sp.Matrix(M, N, lambda a, b: sp.Symbol(f"x{a}{b}", real=True))
S = [sum(sp.exp(X[r, p]) for p in range(N)) for r in range(M)]
sm = lambda r, c: sp.exp(X[r, c]) / S[r]

x = sp.Symbol("x", real=True)
# line 12
check(12, D(sp.exp(x), x), sp.exp(x))
# line 14: the author writes d f / d g on the left; concrete f, g
f = sp.exp(2 * x) + x
gg = x**2 + 1
lhs14 = D(f, x) / D(gg, x)            # d f(x) / d g(x) as written
rhs14 = (D(f, x) * gg - f * D(gg, x)) / gg**2
check(14, lhs14, rhs14)

# line 19: quotient rule for d softmax(x_kl) / d x_ij, several index combinations
combos = [(0, 1, 0, 1), (0, 1, 0, 2), (1, 0, 0, 2), (1, 2, 1, 2)]  # (k, l, i, j)
check_all(19, [(D(sm(k, l), X[i, j]),
                (D(sp.exp(X[k, l]), X[i, j]) * S[k] - sp.exp(X[k, l]) * D(S[k], X[i, j])) / S[k] ** 2)
               for k, l, i, j in combos])
# line 24: i != k
check_all(24, [(D(sm(1, 0), X[0, 2]), 0), (D(sm(0, 1), X[1, 1]), 0)])
# line 28: i = k, l != j
i, l, j = 0, 1, 2
check_all(28, [(D(sp.exp(X[i, l]), X[i, j]), 0)])
# line 32
check(32, D(S[i], X[i, j]), sp.exp(X[i, j]))
# line 36: whole chain
true36 = D(sm(i, l), X[i, j])
check_all(36, [(true36, -sp.exp(X[i, l]) * sp.exp(X[i, j]) / S[i] ** 2), (true36, -sm(i, l) * sm(i, j))])

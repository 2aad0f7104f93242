"""Establish m-vandykai-logsumexp.md: softmax, log-softmax, logsumexp, their derivatives (n = 3)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax, D

n = 3
x = vec("x", n, real=True)
m = sp.Symbol("m", real=True)            # x_max (the shifting identities hold for any constant)
Sg = sum(sp.exp(t) for t in x)
S = softmax(x)
LSE = sp.log(Sg)
logsm = [sp.log(sp.exp(x[i]) / Sg) for i in range(n)]          # line 31 definition

check(21, S[0], sp.exp(x[0] - m) / sum(sp.exp(t - m) for t in x))
check(33, logsm[0], x[0] - sp.log(Sg))
check(40, logsm[0], sp.log(sp.exp(x[0]) / Sg))
check(42, logsm[0], sp.log(sp.exp(x[0] - m) / sum(sp.exp(t - m) for t in x)))
check(43, sp.log(sp.exp(x[0] - m) / sum(sp.exp(t - m) for t in x)),
      x[0] - m - sp.log(sum(sp.exp(t - m) for t in x)))
check(56, LSE, sp.log(Sg))
check(58, LSE, m + sp.log(sum(sp.exp(t - m) for t in x)))

# lines 81-85 with x_3 the maximum: x_1 = M - d1, x_2 = M - d2
M = sp.Symbol("M", real=True)
d1, d2 = sp.symbols("d1 d2", positive=True)
xm = {x[0]: M - d1, x[1]: M - d2, x[2]: M}
check(81, LSE, sp.log(Sg))
r83 = sp.log(sp.exp(x[2])) + (sp.exp(x[0]) + sp.exp(x[1])) / sp.exp(x[2])
check(83, LSE, r83, subs=xm)          # first-order approximation written as '='
check(85, sp.log(sp.exp(M)), M)       # log(exp(x_max)) = x_max

# lines 97-102 (x_3 the maximum)
check(97, M, sp.log(sp.exp(M)))
check(100, sp.log(Sg), LSE)
check(102, sp.log(n * sp.exp(M)), M + sp.log(n))

# line 110: dLSE/dx_i = exp(x_i)/sum = softmax
check_all(110, [(D(LSE, x[0]), sp.exp(x[0]) / Sg), (D(LSE, x[0]), S[0])])

# softmax derivative (lines 121-129), pairs (i,j) = (1,1) and (1,2)
def rows(i, j):
    dE = D(sp.exp(x[i]), x[j])
    r121 = (dE * Sg - sp.exp(x[i]) * sp.exp(x[j])) / Sg ** 2
    r123 = dE / Sg - sp.exp(x[i]) / Sg * sp.exp(x[j]) / Sg
    r124 = dE / Sg - S[i] * S[j]
    r125 = S[i] * (1 - S[j]) if i == j else -S[i] * S[j]
    return r121, r123, r124, r125
IJ = [(0, 0), (0, 1)]
R = {ij: rows(*ij) for ij in IJ}
check_all(121, [(D(S[i], x[j]), R[(i, j)][0]) for i, j in IJ])
check_all(123, [(R[ij][0], R[ij][1]) for ij in IJ])
check_all(124, [(R[ij][1], R[ij][2]) for ij in IJ])
check_all(125, [(R[ij][2], R[ij][3]) for ij in IJ])

# log-softmax derivative (lines 138-156)
logS = [sp.log(S[i]) for i in range(n)]
check(138, logS[0], x[0] - sp.log(Sg))
check_all(145, [(D(logS[i], x[j]), 1 / S[i] * D(S[i], x[j])) for i, j in IJ])
check_all(147, [(1 / S[i] * D(S[i], x[j]),
                 1 / S[i] * S[i] * (1 - S[j]) if i == j else -1 / S[i] * S[i] * S[j]) for i, j in IJ])
check_all(152, [(D(logS[i], x[j]), 1 - S[j] if i == j else -S[j]) for i, j in IJ])

# logsumexp derivative (lines 164-171)
check(164, LSE, sp.log(sum(sp.exp(t) for t in x)))
check(169, D(LSE, x[1]), sp.exp(x[1]) / Sg)
check(171, sp.exp(x[1]) / Sg, S[1])

# cross-entropy (lines 179-195), K = 3, derivative w.r.t. x_j with j = 2
y = vec("y", n, positive=True)
loss = -sum(y[i] * sp.log(sp.exp(x[i]) / Sg) for i in range(n))
check(181, loss, -sum(y[i] * logS[i] for i in range(n)))
j = 1
r192 = -sum(y[i] * D(logS[i], x[j]) for i in range(n))
check(192, D(loss, x[j]), r192)
r194 = -sum(y[i] * (-S[j]) for i in range(n) if i != j) - y[j] * (1 - S[j])
check(194, r192, r194)
from _common import equal
assert not equal(r194, S[j] - y[j])
check(195, r194, S[j] - y[j], subs={y[2]: 1 - y[0] - y[1]})     # needs sum y = 1

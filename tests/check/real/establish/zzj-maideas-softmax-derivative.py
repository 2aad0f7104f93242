"""Establish zzj-maideas-softmax-derivative.md (Maik Heese, maideas/numpy-neural-network, Softmax.md):
derivative of y[n] = softmax(x)[n] with respect to x[k], split into the cases n = k and n != k.

Concrete size: K = 3 inputs x1, x2, x3.  The author's sum  \\sum e^{x[k]}  uses k also as the summation
index; it is read as the full normaliser S = e^{x1}+e^{x2}+e^{x3}, while the free e^{x[k]} / y[k] use
the fixed index k.  f'(x)[n] = y'[n] is read as d y[n] / d x[k].
Case rows (lines 16-24) are checked at (n,k) = (1,1) and (2,2); case rows 28-36 at (n,k) = (1,2) and (3,1).
Continuation rows '= X' are compared with the row above (the author's chain link).
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check_all, D

X = sp.symbols("x1:4", real=True)
E = [sp.exp(t) for t in X]
S = sum(E)
Y = [e / S for e in E]


def rows(n, k):
    en, ek = E[n], E[k]
    yn, yk = Y[n], Y[k]
    d = D(Y[n], X[k])
    if n == k:
        r16 = (en * S - en * ek) / S ** 2
        r18 = en / S - en / S * ek / S
        r20 = en / S * 1 - en / S * ek / S
        r22 = en / S * (1 - en / S)
        r24 = yn * (1 - yk)
        return d, [r16, r18, r20, r22, r24]
    r28 = (0 * S - en * ek) / S ** 2
    r30 = 0 - en / S * ek / S
    r32 = en / S * 0 - en / S * ek / S
    r34 = en / S * (0 - en / S)          # e^{x[n]} where e^{x[k]} belongs
    r36 = yn * (0 - yk)
    return d, [r28, r30, r32, r34, r36]


same = [rows(0, 0), rows(1, 1)]
diff = [rows(0, 1), rows(2, 0)]

# line 16: f'(x)[n] = y'[n] = (e^{x[n]} S - e^{x[n]} e^{x[k]}) / S^2   (case n = k)
check_all(16, [(d, r[0]) for d, r in same])
for i, line in enumerate([18, 20, 22, 24], start=1):
    check_all(line, [(r[i - 1], r[i]) for d, r in same])

# line 28: f'(x)[n] = y'[n] = (0 * S - e^{x[n]} e^{x[k]}) / S^2   (case n != k)
check_all(28, [(d, r[0]) for d, r in diff])
for i, line in enumerate([30, 32, 34, 36], start=1):
    check_all(line, [(r[i - 1], r[i]) for d, r in diff])

# informative (not a verdict): the last row equals the true derivative, the row above does not
from _common import equal
print("#  line 36 vs the true derivative:", all(equal(d, r[4]) for d, r in diff))
print("#  line 34 vs the true derivative:", all(equal(d, r[3]) for d, r in diff))

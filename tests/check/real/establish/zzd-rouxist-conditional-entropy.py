"""Establish zzd-rouxist-conditional-entropy.md: H(Y|X) via the law of total expectation, ending in
H(X,Y) - H(Y).

Concrete size |X| = 2, |Y| = 3.  The joint p(x,y) = a_xy / S with positive weights a_xy and
S = sum a_xy (so it is a distribution); p(x) = sum_y p(x,y) and p(y) = sum_x p(x,y) are the marginals
and p(y|x) = p(x,y)/p(x).  I(y|x) = -log p(y|x) (the information content), E_Y(.) inside the sum over x
is the expectation under p(y|x) and E_X the expectation under p(x).
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, equal

NX, NY = 2, 3
a = [[sp.Symbol(f"a{x}{y}", positive=True) for y in range(NY)] for x in range(NX)]
S = sum(a[x][y] for x in range(NX) for y in range(NY))
pxy = [[a[x][y] / S for y in range(NY)] for x in range(NX)]
px = [sum(pxy[x][y] for y in range(NY)) for x in range(NX)]
py = [sum(pxy[x][y] for x in range(NX)) for y in range(NY)]
pyx = [[pxy[x][y] / px[x] for y in range(NY)] for x in range(NX)]
log = sp.log
X, Y = range(NX), range(NY)

I = lambda x, y: -log(pyx[x][y])                                # I(y|x)
EY_I = [sum(pyx[x][y] * I(x, y) for y in Y) for x in X]         # E_Y[I(y|x)] under p(y|x)
H_Y_given_X = sum(px[x] * EY_I[x] for x in X)                   # E_X[ E_Y(I(y|x)) ]  (line 23, definition)

H_XY = -sum(pxy[x][y] * log(pxy[x][y]) for x in X for y in Y)
H_X = -sum(px[x] * log(px[x]) for x in X)
H_Y = -sum(py[y] * log(py[y]) for y in Y)

# line 24: E_X[E_Y(I(y|x))] = sum_x p(x) E_Y[I(y|x)]
r24 = sum(px[x] * EY_I[x] for x in X)
check(24, H_Y_given_X, r24)
# line 25: = sum_x p(x) sum_y -p(y|x) log p(y|x)
r25 = sum(px[x] * sum(-pyx[x][y] * log(pyx[x][y]) for y in Y) for x in X)
check(25, r24, r25)
# line 26: log p(y|x) = log p(x,y) - log p(x)
r26 = sum(px[x] * sum(-pyx[x][y] * (log(pxy[x][y]) - log(px[x])) for y in Y) for x in X)
check(26, r25, r26)
# line 27: distribute the sum over y
r27 = sum(px[x] * (sum(-pyx[x][y] * log(pxy[x][y]) for y in Y) + sum(pyx[x][y] * log(px[x]) for y in Y)) for x in X)
check(27, r26, r27)
# line 28: p(y|x) = p(x,y)/p(x) in the first sum, log p(x) taken out of the second
r28 = sum(px[x] * (sum(-pxy[x][y] / px[x] * log(pxy[x][y]) for y in Y) + log(px[x]) * sum(pyx[x][y] for y in Y)) for x in X)
check(28, r27, r28)
# line 29: = sum_x[-sum_y p(x,y) log p(x,y)] - sum_x[-p(x) log p(x)]   (uses sum_y p(y|x) = 1)
r29 = sum(-sum(pxy[x][y] * log(pxy[x][y]) for y in Y) for x in X) - sum(-px[x] * log(px[x]) for x in X)
check(29, r28, r29)
# line 30: = H(X,Y) - H(Y)   (the previous member is H(X,Y) - H(X))
check(30, r29, H_XY - H_Y)
print("#  line 29's member equals H(X,Y) - H(X):", equal(r29, H_XY - H_X))

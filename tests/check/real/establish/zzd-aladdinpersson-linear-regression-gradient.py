"""Establish zzd-aladdinpersson-linear-regression-gradient.md: gradient of the MSE cost of linear
regression (index form and matrix form), the gradient of W^T M W, and the normal equation.

Concrete sizes: n = 2 features (w1, w2; the model of line 16 sums k = 1..n), m = 3 samples.
X is the m x n matrix with rows x^(i), y the m-vector of targets, W = (w1, w2)^T.
C(w) = (1/m) sum_i (yhat(x^(i)) - y^(i))^2 (line 21).  For W^T M W (lines 68-73) n = 3 and M is a
general (non-symmetric) 3 x 3 matrix.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, D, equal

m, n = 3, 2
w = sp.symbols("w1:3", real=True)
w0 = sp.Symbol("w0", real=True)
xs = [[sp.Symbol(f"x{i}_{k}", real=True) for k in range(0, n + 1)] for i in range(1, m + 1)]  # x^(i)_k, k = 0..n
ys = sp.symbols("y1:4", real=True)
R = range(m)

yhat = lambda i: sum(w[k - 1] * xs[i][k] for k in range(1, n + 1))          # line 16: sum_{k=1}^n w_k x_k
C = sp.Rational(1, m) * sum((yhat(i) - ys[i]) ** 2 for i in R)               # line 21
# the rows 32-34 sum k = 0..n: an extra term w_0 x_0^(i) that the model does not have
inner0 = lambda i: w0 * xs[i][0] + yhat(i) - ys[i]

# line 31: dC/dw_j = d/dw_j (1/m) sum (yhat - y)^2
check_all(31, [(D(C, w[j]), D(sp.Rational(1, m) * sum((yhat(i) - ys[i]) ** 2 for i in R), w[j])) for j in range(n)])
# line 32: = (1/m) sum d/dw_j (sum_{k=0}^n w_k x_k - y)^2   -- index range k = 0..n adds w_0 x_0
r32 = [sp.Rational(1, m) * sum(D(inner0(i) ** 2, w[j]) for i in R) for j in range(n)]
check_all(32, [(D(C, w[j]), r32[j]) for j in range(n)])
print("#  line 32 with the sum read as k = 1..n:",
      all(equal(D(C, w[j]), sp.Rational(1, m) * sum(D((yhat(i) - ys[i]) ** 2, w[j]) for i in R)) for j in range(n)))
# line 33: = (2/m) sum (sum w x - y) d/dw_j (sum w x - y)
r33 = [sp.Rational(2, m) * sum(inner0(i) * D(inner0(i), w[j]) for i in R) for j in range(n)]
check_all(33, [(r32[j], r33[j]) for j in range(n)])
# line 34: = (2/m) sum (sum w x - y) x_j
r34 = [sp.Rational(2, m) * sum(inner0(i) * xs[i][j + 1] for i in R) for j in range(n)]
check_all(34, [(r33[j], r34[j]) for j in range(n)])

# matrix form
X = sp.Matrix([[xs[i][k] for k in range(1, n + 1)] for i in R])
W = sp.Matrix(w)
yv = sp.Matrix(ys)
grad = lambda f: [D(f, wk) for wk in w]
f53 = sp.Rational(1, m) * ((X * W - yv).T * (X * W - yv))[0, 0]
g = grad(C)

# line 52: grad_W C = (1/m) sum (yhat - y)^2 -- the right side is the cost C itself, not its gradient
check_all(52, [(g[k], C) for k in range(n)])
# line 53: previous member C (a scalar) = grad_W (1/m)(XW - y)^T(XW - y) (a vector)
g53 = grad(f53)
check_all(53, [(C, g53[k]) for k in range(n)])
print("#  line 53 read as grad C = grad (1/m)(XW-y)^T(XW-y):", all(equal(g[k], g53[k]) for k in range(n)))
# line 54: expand (XW - y)^T(XW - y) (the missing '(' after 1/m read as a markup slip)
f54 = sp.Rational(1, m) * (((X * W).T * X * W) - (X * W).T * yv - yv.T * X * W + yv.T * yv)[0, 0]
g54 = grad(f54)
check_all(54, [(g53[k], g54[k]) for k in range(n)])
# line 55: 1/m out of the gradient, y^T y dropped (constant in W)
f55 = (((X * W).T * X * W) - (X * W).T * yv - yv.T * X * W)[0, 0]
g55 = [sp.Rational(1, m) * gk for gk in grad(f55)]
check_all(55, [(g54[k], g55[k]) for k in range(n)])
# line 56: (XW)^T XW written as W X^T X W: W is n x 1 and X^T is n x m, so W X^T is not conformable (n = 2)
try:
    W * X.T * X * W
    conformable = True
except sp.ShapeError:
    conformable = False
print("#  line 56: W X^T X W conformable for n = 2, m = 3:", conformable)
# the non-conformable term has no value; G stands for 'grad_W (W X^T X W)' as an opaque vector
G = [sp.Symbol(f"G_undefined_{k}", real=True) for k in range(n)]
lin = grad(((X * W).T * yv)[0, 0] + (yv.T * X * W)[0, 0])
g56 = [sp.Rational(1, m) * (G[k] - lin[k]) for k in range(n)]
check_all(56, [(g55[k], g56[k]) for k in range(n)])
print("#  line 56 with W^T X^T X W instead:",
      all(equal(g55[k], sp.Rational(1, m) * (grad((W.T * X.T * X * W)[0, 0])[k] - lin[k])) for k in range(n)))
# line 57: the same expression repeated verbatim
check_all(57, [(g56[k], sp.Rational(1, m) * (G[k] - lin[k])) for k in range(n)])
# line 58: (XW)^T y = y^T X W, so the two linear terms merge into 2 y^T X W (the W X^T X W term carried unchanged)
lin2 = grad(2 * (yv.T * X * W)[0, 0])
check_all(58, [(g56[k], sp.Rational(1, m) * (G[k] - lin2[k])) for k in range(n)])

# lines 68-73: d(W^T M W)/dw_i, n = 3, M general
N3 = 3
v = sp.symbols("v1:4", real=True)
Mm = sp.Matrix(N3, N3, lambda a, b: sp.Symbol(f"M{a + 1}{b + 1}", real=True))
V = sp.Matrix(v)
quad = (V.T * Mm * V)[0, 0]
dsum = sum(v[j] * Mm[j, k] * v[k] for k in range(N3) for j in range(N3))
delta = lambda a, b: 1 if a == b else 0
rows = {68: [], 69: [], 70: [], 71: [], 72: [], 73: []}
for i in range(N3):
    m68 = D(dsum, v[i])
    m69 = sum(D(v[j] * Mm[j, k] * v[k], v[i]) for k in range(N3) for j in range(N3))
    m70 = sum(delta(i, j) * Mm[j, k] * v[k] + v[j] * Mm[j, k] * delta(k, i) for k in range(N3) for j in range(N3))
    m71 = sum(Mm[i, k] * v[k] for k in range(N3)) + sum(v[j] * Mm[j, i] for j in range(N3))
    m72 = sum(Mm[i, k] * v[k] for k in range(N3)) + sum(Mm[j, i] * v[j] for j in range(N3))
    m73 = ((Mm + Mm.T) * V)[i, 0]
    rows[68].append((D(quad, v[i]), m68))
    rows[69].append((m68, m69))
    rows[70].append((m69, m70))
    rows[71].append((m70, m71))
    rows[72].append((m71, m72))
    rows[73].append((m72, m73))
for ln in sorted(rows):
    check_all(ln, rows[ln])

# line 83: grad_W C = (1/m)(2 X^T X W - 2 X^T y)
r83 = sp.Rational(1, m) * (2 * X.T * X * W - 2 * X.T * yv)
check_all(83, [(g[k], r83[k, 0]) for k in range(n)])

# lines 90, 94 with a concrete full-rank X (X^T X invertible) and symbolic y
Xc = sp.Matrix([[1, 2], [3, -1], [2, 5]])
Wstar = (Xc.T * Xc).inv() * Xc.T * yv
Cc = sp.Rational(1, m) * ((Xc * W - yv).T * (Xc * W - yv))[0, 0]
gc_at = [D(Cc, w[k]).subs({w[0]: Wstar[0], w[1]: Wstar[1]}) for k in range(n)]
# line 90: X^T X W = X^T y at the stationary point (grad C = 0, set in line 83-84): the W solving it
check_all(90, [((Xc.T * Xc * Wstar)[k, 0], (Xc.T * yv)[k, 0]) for k in range(n)])
# line 94: W = (X^T X)^{-1} X^T y makes the gradient vanish
check_all(94, [(gc_at[k], 0) for k in range(n)])

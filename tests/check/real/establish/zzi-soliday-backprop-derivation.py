"""Establish zzi-soliday-backprop-derivation.tex (S. W. Soliday, "Derivation of Backpropagation for
Multi-layer Neural Networks", lines 1-623 of papers/bpnn/DerivationBackprop.tex).

Notation of the paper: z^(l)_k = b^(l)_k + sum_j W^(l)_{k,j} a^(l-1)_j, a^(l)_k = sigma(z^(l)_k),
C = 1/2 sum_m (a^(L)_m - y_m)^2.  Concrete net: 2 inputs x_j = a^(0)_j, two hidden layers (l = 1, 2)
of 2 units and an output layer L = 3 of 2 units, so "L-1" = 2 and "L-2" = 1 (a real hidden layer);
sigma is the logistic sigmoid (the paper's 'classic sigmoid').  Every partial derivative is taken of
the network written out in all weights and biases, for every index (m, k, j).
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
import _common
from _common import check, check_all

_common.EXACT = False  # sigmoids nested three deep: the random-point numerics decide

import random, mpmath
_rng = random.Random(20261208)
mpmath.mp.dps = 40


def _fast_equal(a, b, subs=None, positive=(), points=5):
    """a == b at random rational points, 40-digit mpmath via lambdify (sympy evalf is too slow here)."""
    a, b = sp.sympify(a), sp.sympify(b)
    if subs:
        a, b = a.xreplace(subs), b.xreplace(subs)
    syms = sorted(a.free_symbols | b.free_symbols, key=str)
    fa, fb = sp.lambdify(syms, a, "mpmath"), sp.lambdify(syms, b, "mpmath")
    for _ in range(points):
        pt = [mpmath.mpf(_rng.randint(5, 95)) / 100 if (s.is_positive or s in positive)
              else mpmath.mpf(_rng.randint(-300, 300)) / 100 for s in syms]
        va, vb = fa(*pt), fb(*pt)
        if abs(va - vb) > mpmath.mpf("1e-25") * (1 + abs(va) + abs(vb)):
            return False
    return True


_common.equal = _fast_equal

sig = lambda u: 1 / (1 + sp.exp(-u))
u_ = sp.Symbol("u_", real=True)
dsig = lambda v: sp.diff(sig(u_), u_).xreplace({u_: v})

sizes = [2, 2, 2, 2]          # layer 0 (input), 1, 2, 3 = L
L = 3
x = [sp.Symbol(f"x{j}", real=True) for j in range(sizes[0])]
y = [sp.Symbol(f"y{m}", real=True) for m in range(sizes[L])]
W = {l: [[sp.Symbol(f"W{l}_{k}{j}", real=True) for j in range(sizes[l - 1])] for k in range(sizes[l])] for l in range(1, L + 1)}
b = {l: [sp.Symbol(f"b{l}_{k}", real=True) for k in range(sizes[l])] for l in range(1, L + 1)}

# forward pass written out in all parameters
a = {0: x}
z = {}
for l in range(1, L + 1):
    z[l] = [b[l][k] + sum(W[l][k][j] * a[l - 1][j] for j in range(sizes[l - 1])) for k in range(sizes[l])]
    a[l] = [sig(v) for v in z[l]]
C = sp.Rational(1, 2) * sum((a[L][m] - y[m]) ** 2 for m in range(sizes[L]))

I = lambda l: range(sizes[l])
MK = [(m, k) for m in I(L) for k in I(L - 1)]
KJ = [(k, j) for k in I(L - 1) for j in I(L - 2)]

# ------------------------------------------------------------------ output layer (lines 205-289)
dC_WL = lambda m, k: sp.diff(C, W[L][m][k])
check_all(205, [(dC_WL(m, k), sp.Rational(1, 2) * sp.diff(sum((a[L][i] - y[i]) ** 2 for i in I(L)), W[L][m][k])) for m, k in MK])
check_all(207, [(dC_WL(m, k), (a[L][m] - y[m]) * sp.diff(a[L][m], W[L][m][k])) for m, k in MK])
check_all(218, [(sp.diff(a[L][m], W[L][m][k]), sp.diff(sig(z[L][m]), W[L][m][k])) for m, k in MK])
check_all(220, [(sp.diff(a[L][m], W[L][m][k]), dsig(z[L][m]) * sp.diff(z[L][m], W[L][m][k])) for m, k in MK])
check_all(231, [(sp.diff(z[L][m], W[L][m][k]),
                 sp.diff(b[L][m] + sum(W[L][m][i] * a[L - 1][i] for i in I(L - 1)), W[L][m][k])) for m, k in MK])
check_all(233, [(sp.diff(z[L][m], W[L][m][k]), a[L - 1][k]) for m, k in MK])
check_all(242, [(dC_WL(m, k), (a[L][m] - y[m]) * dsig(z[L][m]) * a[L - 1][k]) for m, k in MK])

# dC/da^L_m with a^L_m as a free variable, then evaluated on the network
A_ = [sp.Symbol(f"A{m}", real=True) for m in I(L)]
C_of_A = sp.Rational(1, 2) * sum((A_[m] - y[m]) ** 2 for m in I(L))
dC_da = lambda m: sp.diff(C_of_A, A_[m]).xreplace({A_[i]: a[L][i] for i in I(L)})
Z_ = sp.Symbol("Z_", real=True)
da_dz = lambda v: sp.diff(sig(Z_), Z_).xreplace({Z_: v})
dC_bL = lambda m: sp.diff(C, b[L][m])
check_all(253, [(dC_bL(m), dC_da(m) * da_dz(z[L][m]) * sp.diff(z[L][m], b[L][m])) for m in I(L)])
check_all(264, [(sp.diff(z[L][m], b[L][m]), sp.diff(b[L][m] + sum(W[L][m][i] * a[L - 1][i] for i in I(L - 1)), b[L][m])) for m in I(L)])
check_all(266, [(sp.diff(z[L][m], b[L][m]), 1) for m in I(L)])
check_all(274, [(dC_bL(m), (a[L][m] - y[m]) * dsig(z[L][m])) for m in I(L)])
check_all(286, [(dC_WL(m, k), (a[L][m] - y[m]) * dsig(z[L][m]) * a[L - 1][k]) for m, k in MK])
check_all(288, [(dC_bL(m), (a[L][m] - y[m]) * dsig(z[L][m])) for m in I(L)])

# ------------------------------------------------------------------ last hidden layer (lines 315-380)
dC_W2 = lambda k, j: sp.diff(C, W[L - 1][k][j])
MKJ = [(m, k, j) for m in I(L) for k, j in KJ]
check_all(315, [(dC_W2(k, j), sp.Rational(1, 2) * sp.diff(sum((a[L][m] - y[m]) ** 2 for m in I(L)), W[L - 1][k][j])) for k, j in KJ])
check_all(317, [(dC_W2(k, j), sum((a[L][m] - y[m]) * sp.diff(a[L][m], W[L - 1][k][j]) for m in I(L))) for k, j in KJ])
check_all(326, [(sp.diff(a[L][m], W[L - 1][k][j]), sp.diff(sig(z[L][m]), W[L - 1][k][j])) for m, k, j in MKJ])
check_all(328, [(sp.diff(a[L][m], W[L - 1][k][j]), dsig(z[L][m]) * sp.diff(z[L][m], W[L - 1][k][j])) for m, k, j in MKJ])
check_all(337, [(sp.diff(z[L][m], W[L - 1][k][j]),
                 sp.diff(b[L][m] + sum(W[L][m][i] * a[L - 1][i] for i in I(L - 1)), W[L - 1][k][j])) for m, k, j in MKJ])
check_all(339, [(sp.diff(z[L][m], W[L - 1][k][j]), W[L][m][k] * sp.diff(a[L - 1][k], W[L - 1][k][j])) for m, k, j in MKJ])
check_all(348, [(sp.diff(a[L - 1][k], W[L - 1][k][j]), sp.diff(sig(z[L - 1][k]), W[L - 1][k][j])) for k, j in KJ])
check_all(350, [(sp.diff(a[L - 1][k], W[L - 1][k][j]), dsig(z[L - 1][k]) * sp.diff(z[L - 1][k], W[L - 1][k][j])) for k, j in KJ])
check_all(359, [(sp.diff(z[L - 1][k], W[L - 1][k][j]),
                 sp.diff(b[L - 1][k] + sum(W[L - 1][k][i] * a[L - 2][i] for i in I(L - 2)), W[L - 1][k][j])) for k, j in KJ])
check_all(362, [(sp.diff(z[L - 1][k], W[L - 1][k][j]), a[L - 2][j]) for k, j in KJ])
back = lambda k: sum((a[L][m] - y[m]) * dsig(z[L][m]) * W[L][m][k] for m in I(L)) * dsig(z[L - 1][k])
check_all(372, [(dC_W2(k, j), back(k) * a[L - 2][j]) for k, j in KJ])
check_all(376, [(sp.diff(C, b[L - 1][k]), back(k)) for k in I(L - 1)])

# ------------------------------------------------------------------ error signals (lines 397-471)
E = {L: [(a[L][m] - y[m]) * dsig(z[L][m]) for m in I(L)]}
for l in range(L - 1, 0, -1):  # the recursion of lines 422 / 470 (a definition)
    E[l] = [sum(E[l + 1][m] * W[l + 1][m][k] for m in I(l + 1)) * dsig(z[l][k]) for k in I(l)]
check_all(397, [(dC_WL(m, k), E[L][m] * a[L - 1][k]) for m, k in MK])
check_all(407, [(dC_W2(k, j), E[L - 1][k] * a[L - 2][j]) for k, j in KJ])
# general rule for every layer l = 1, 2, 3 (a^(0) = x)
check_all(450, [(sp.diff(C, W[l][k][j]), E[l][k] * a[l - 1][j]) for l in range(1, L + 1) for k in I(l) for j in I(l - 1)])
check_all(451, [(sp.diff(C, b[l][k]), E[l][k]) for l in range(1, L + 1) for k in I(l)])

# ------------------------------------------------------------------ coding section (lines 495-523)
zz = sp.Symbol("z", real=True)
paper = 1 / (1 - sp.exp(-zz))  # the formula printed on line 495
check(495, sig(zz), paper)     # sigma is the classic sigmoid (text; the Verbatim code uses 1/(1+exp(-Z)))
check(517, sp.diff(sig(zz), zz), -sp.exp(-1) / (1 - sp.exp(-zz)) ** 2)
print("  (line 517 with the printed formula of line 495: "
      + ("holds" if _common.equal(sp.diff(paper, zz), -sp.exp(-1) / (1 - sp.exp(-zz)) ** 2) else "fails") + ")", file=sys.stderr)
a_ = sig(zz)
check_all(523, [(sp.diff(sig(zz), zz), sig(zz) * (1 - sig(zz))), (sig(zz) * (1 - sig(zz)), a_ * (1 - a_)),
                (sp.diff(paper, zz), paper * (1 - paper))])  # also true for the printed 1/(1 - e^{-z})

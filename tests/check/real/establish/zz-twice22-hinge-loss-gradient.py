"""Establish zz-twice22-hinge-loss-gradient.md: multiclass SVM hinge loss gradient.

Concrete size: D = 3 features, C = 3 classes, correct class y_i = 2 (the middle column).
w_k = (w_k1, w_k2, w_k3) is the weight column of class k; x_i = (x_i1, x_i2, x_i3).
The indicator 1(.) is Heaviside (derivatives are taken away from the kink; random points avoid it).
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
import _common
from _common import check, check_all

_common.EXACT = False   # Max/Heaviside: decide numerically at random points

D, C, yi = 3, 3, 2
x = [sp.Symbol(f"x{d}", real=True) for d in range(1, D + 1)]
W = {(k, d): sp.Symbol(f"w{k}{d}", real=True) for k in range(1, C + 1) for d in range(1, D + 1)}
Delta = sp.Symbol("Delta", positive=True)
s = lambda k: sum(x[d - 1] * W[(k, d)] for d in range(1, D + 1))     # x_i w_k
m = lambda k: s(k) - s(yi) + Delta                                    # margin
L = sum(sp.Max(0, m(k)) for k in range(1, C + 1) if k != yi)        # line 14
ind = lambda k: sp.Heaviside(m(k))

# line 42: the expanded box as written: rows k = 1..C (including k = y_i), no +Delta,
# last subtracted term x_{y_i D} w_{1D} (a different variable x_{y_i D}), row k / row C end in w_{CD}
x_yiD = sp.Symbol("x_yiD", real=True)
def row(k, last_w):
    pos = sum(x[d - 1] * W[(k, d)] for d in range(1, D)) + x[D - 1] * last_w
    neg = sum(x[d - 1] * W[(yi, d)] for d in range(1, D)) + x_yiD * W[(1, D)]
    return sp.Max(0, pos - neg)
box = row(1, W[(1, D)]) + row(2, W[(2, D)]) + row(3, W[(C, D)])    # row 3 is both "row k" and "row C"
check(42, L, box)

# line 52: dL/dw_kj = 1(...) x_ij for k != y_i
others = [k for k in range(1, C + 1) if k != yi]
pairs52 = [(sp.diff(L, W[(k, d)]), ind(k) * x[d - 1]) for k in others for d in range(1, D + 1)]
check_all(52, pairs52)
# line 57: gradient vector for a class j != y_i equals 1(...) times x_i (componentwise, all equalities in the chain)
check_all(57, pairs52)
# line 82: dL/dw_{y_i j} = -sum_{k != y_i} 1(...) x_ij
pairs82 = [(sp.diff(L, W[(yi, d)]), -sum(ind(k) for k in others) * x[d - 1]) for d in range(1, D + 1)]
check_all(82, pairs82)
check_all(87, pairs82)
check_all(101, pairs82)
# line 163: the full D x C gradient matrix
pairs163 = [(sp.diff(L, W[(k, d)]), (ind(k) * x[d - 1]) if k != yi else -sum(ind(j) for j in others) * x[d - 1])
            for k in range(1, C + 1) for d in range(1, D + 1)]
check_all(163, pairs163)

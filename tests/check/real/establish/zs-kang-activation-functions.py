"""Establish zs-kang-activation-functions.md: sigmoid/tanh derivatives, ReLU-family branch derivatives."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all

x = sp.Symbol("x", real=True)
sig = lambda t: 1 / (1 + sp.exp(-t))

# line 24: W2(W1 x) = (W2 W1) x, 2x2 matrices, vector x
W1 = sp.Matrix(2, 2, sp.symbols("a1:5", real=True))
W2 = sp.Matrix(2, 2, sp.symbols("b1:5", real=True))
xv = sp.Matrix(sp.symbols("x1:3", real=True))
check_all(24, [(a, b) for a, b in zip(W2 * (W1 * xv), (W2 * W1) * xv)])

# sigmoid derivation
check(62, sig(x), (1 + sp.exp(-x)) ** -1)
ds = sp.diff(sig(x), x)
check(68, ds, -1 * (1 + sp.exp(-x)) ** -2 * (-sp.exp(-x)))
check(73, ds, sp.exp(-x) / (1 + sp.exp(-x)) ** 2)
check(79, ds, 1 / (1 + sp.exp(-x)) * (1 - 1 / (1 + sp.exp(-x))))
check(85, ds, sig(x) * (1 - sig(x)))

# tanh
th = (sp.exp(x) - sp.exp(-x)) / (sp.exp(x) + sp.exp(-x))
check(129, th, 2 * sig(2 * x) - 1)
check(143, sp.diff(th, x), 1 - th ** 2)

# ReLU piecewise form (line 162) and derivative (line 174), branch-wise
p = sp.Symbol("p", positive=True)
relu = lambda t: sp.Max(0, t)
check_all(162, [(relu(p), p), (relu(-p), 0)], positive=(p,))
check_all(174, [(sp.diff(relu(p), p), 1), (sp.diff(relu(-p), p), 0)], positive=(p,))

# Leaky ReLU derivative (line 216), branches x>0 and x<0
al = sp.Symbol("alpha", positive=True)
xp = p          # x = p > 0
xn = -p         # x = -p < 0
leaky_pos = lambda t: t
leaky_neg = lambda t: al * t
u = sp.Symbol("u", real=True)
check_all(216, [(sp.diff(leaky_pos(u), u).subs(u, xp), 1), (sp.diff(leaky_neg(u), u).subs(u, xn), al)], positive=(p, al))

# ELU derivatives (lines 247, 253)
check(247, sp.diff(u, u).subs(u, p), 1, positive=(p,))
check(253, sp.diff(al * (sp.exp(u) - 1), u).subs(u, -p), al * sp.exp(-p), positive=(p, al))

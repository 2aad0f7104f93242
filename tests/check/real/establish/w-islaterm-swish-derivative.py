"""Establish w-islaterm-swish-derivative.md: ReLU and Swish derivatives (swish(x, beta) = x*sigma(beta*x))."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check

x = sp.Symbol("x", real=True)
b = sp.Symbol("beta", real=True)
xp = sp.Symbol("xp", positive=True)
xn = sp.Symbol("xn", negative=True)
s = sp.Symbol("s", real=True)
sig = lambda t: 1 / (1 + sp.exp(-t))
dsig = lambda t: sp.diff(sig(s), s).subs(s, t)   # sigma'(t)

# line 6: d/dx max(0, x) = 1 for x > 0 ; line 10: 0 otherwise (x < 0; x = 0 is the usual convention)
check(6, sp.diff(sp.Max(0, xp), xp), 1)
check(10, sp.diff(sp.Max(0, xn), xn), 0)
# line 18: d sigma/dx = 1 - sigma(x)   (true: sigma(1 - sigma))
check(18, sp.diff(sig(x), x), 1 - sig(x))

sw = x * sig(b * x)
dsw = sp.diff(sw, x)
# line 26: product rule (dx/dx) sigma(bx) + x d/dx sigma(bx)
r26 = 1 * sig(b * x) + x * sp.diff(sig(b * x), x)
check(26, dsw, r26)
# line 28: sigma(bx) + x * [d/dx sigma(x)] * d/dx(bx)  -- sigma' taken at x, not at bx
r28 = sig(b * x) + x * dsig(x) * b
check(28, r26, r28)
# line 30: sigma(bx) + b x (1 - sigma(x)) vs the true derivative
r30 = sig(b * x) + b * x * (1 - sig(x))
check(30, dsw, r30)

dswb = sp.diff(sw, b)
# line 38: product rule in beta: (dx/dbeta) sigma(bx) + x d/dbeta sigma(bx), dx/dbeta = 0
r38 = 0 * sig(b * x) + x * sp.diff(sig(b * x), b)
check(38, dswb, r38)
# line 40: chain rule through u = bx
r40 = 0 * sig(b * x) + x * dsig(b * x) * x
check(40, r38, r40)
# line 43: x^2 sigma(bx)(1 - sigma(bx))
check(43, dswb, x**2 * sig(b * x) * (1 - sig(b * x)))

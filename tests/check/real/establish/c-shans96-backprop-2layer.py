"""Establish c-shans96-backprop-2layer.md: a 2-layer net, ReLU hidden layer, sigmoid output, BCE.

Scalar layers (one input A0, one hidden unit, one output): Z1 = W1 A0 + b1, A1 = g(Z1),
Z2 = W2 A1 + b2, A2 = sigma(Z2), L = -y ln A2 - (1-y) ln(1-A2).
Points are drawn with Z1 > 0 and with Z1 < 0 (ReLU branch), never Z1 = 0.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, D

W1, b1, W2, b2, A0, y, a, zz = sp.symbols("W1 b1 W2 b2 A0 y a zz", real=True)
sig = lambda t: 1 / (1 + sp.exp(-t))
g = lambda t: sp.Max(0, t)
gp = lambda t: sp.Piecewise((1, t > 0), (0, True))
Lof = lambda A: -y * sp.log(A) - (1 - y) * sp.log(1 - A)

def verdicts(line, pairs, branches=(sp.Rational(1, 2), sp.Rational(-1, 2))):
    """each pair (lhs, rhs) evaluated on both ReLU branches: b1 fixed so that Z1 = W1 A0 + b1 has a sign"""
    from _common import equal
    ok = True
    for s in branches:
        # force Z1 sign: choose A0 = 1/3, W1 = 1/5, b1 = s (|b1| > |W1 A0|)
        sub = {A0: sp.Rational(1, 3), W1: sp.Rational(1, 5), b1: s}
        ok &= all(equal(sp.sympify(l).subs(sub), sp.sympify(r).subs(sub)) for l, r in pairs)
    print(f"line {line}: {'holds' if ok else 'fails'}")

Z1 = W1 * A0 + b1; A1 = g(Z1); Z2 = W2 * A1 + b2; A2 = sig(Z2); L = Lof(A2)
dL_dA2 = D(Lof(a), a).subs(a, A2)
dA2_dZ2 = D(sig(zz), zz).subs(zz, Z2)
dZ2_dA1 = W2
dA1_dZ1 = gp(Z1)
verdicts(62, [(D(L, W2), dL_dA2 * dA2_dZ2 * D(W2 * a + b2, W2).subs(a, A1))])
verdicts(69, [(D(L, b2), dL_dA2 * dA2_dZ2 * 1)])
check(81, D(Lof(a), a), -y / a + (1 - y) / (1 - a))
verdicts(88, [(dA2_dZ2, sig(Z2) * (1 - sig(Z2))), (sig(Z2) * (1 - sig(Z2)), A2 * (1 - A2))])
dL_dZ2 = D(Lof(sig(zz)), zz).subs(zz, Z2)
verdicts(95, [(dL_dZ2, A2 - y)])
verdicts(102, [(D(L, W2), (A2 - y) * A1)])
verdicts(107, [(D(L, b2), A2 - y)])
verdicts(113, [(D(L, W1), dL_dA2 * dA2_dZ2 * dZ2_dA1 * dA1_dZ1 * A0)])
verdicts(122, [(D(L, b1), dL_dA2 * dA2_dZ2 * dZ2_dA1 * dA1_dZ1 * 1)])
check(136, D(W2 * a + b2, a), W2)
# 142: g'(x) against the cases, away from 0
x = sp.Symbol("x", real=True)
ok = all(D(g(x), x).subs(x, v) == (1 if v > 0 else 0) for v in (sp.Rational(-5, 2), sp.Rational(-1, 3), sp.Rational(1, 4), 3))
print(f"line 142: {'holds' if ok else 'fails'}")
verdicts(151, [(D(g(zz), zz).subs(zz, Z1), gp(Z1))])
dL_dZ1 = D(Lof(sig(W2 * g(zz) + b2)), zz).subs(zz, Z1)
verdicts(157, [(dL_dZ1, (A2 - y) * W2 * gp(Z1))])
verdicts(161, [(D(L, W1), dL_dZ1 * A0)])
verdicts(165, [(D(L, b1), dL_dZ1)])

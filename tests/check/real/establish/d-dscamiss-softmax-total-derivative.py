"""Establish d-dscamiss-softmax-total-derivative.md: first-order total derivative of softmax (n = 3).

d f(x) . h is the directional derivative J_f(x) h; <a, b> = a^T b; o is the component-wise product;
Exp is the component-wise exponential; Diag builds a diagonal matrix."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import equal

def say(line, ok):
    print(f"line {line}: {'holds' if ok else 'fails'}")

n = 3
x = sp.Matrix(sp.symbols("x1:4", real=True))
h = sp.Matrix(sp.symbols("h1:4", real=True))
one = sp.ones(n, 1)
ip = lambda a, b: (a.T * b)[0]
had = lambda a, b: a.multiply_elementwise(b)
Exp = x.applyfunc(sp.exp)
S = ip(Exp, one)
sigma = sp.Matrix([sp.exp(x[i]) / sum(sp.exp(t) for t in x) for i in range(n)])   # definition, line 26
d = lambda F: F.jacobian(x) * h                                                    # d F(x) . h
veq = lambda a, b: all(equal(a[i], b[i]) for i in range(n))

say(38, equal(ip(sigma, one), 1))
say(49, veq(sigma, Exp / S))
say(64, veq(d(Exp), had(Exp, h)))
proj = lambda v, i: v[i]
say(69, veq(Exp, sp.Matrix([sp.exp(proj(x, i)) for i in range(n)])))
r80 = sp.Matrix([sp.exp(x[i]) * proj(h, i) for i in range(n)])
say(80, veq(d(Exp), r80) and veq(r80, had(Exp, h)))
dExp_h = had(Exp, h)                                                               # the fact of line 64
r95 = (S * d(Exp) - ip(d(Exp), one) * Exp) / S ** 2
r99 = (S * had(Exp, h) - ip(had(Exp, h), one) * Exp) / S ** 2
r102 = had(Exp, h) / S - ip(had(Exp, h), one) * Exp / S ** 2
r104 = had(Exp / S, h) - ip(Exp / S, h) * (Exp / S)
r107 = had(sigma, h) - ip(sigma, h) * sigma
say(95, veq(d(sigma), r95))
say(99, veq(r95, r99))
say(102, veq(r99, r102))
say(104, veq(r102, r104))
say(107, veq(r104, r107))
say(113, veq(d(sigma), r107))
say(118, veq(d(sigma), had(sigma, h) - sigma * sigma.T * h))
J = sigma.jacobian(x)
Jrow = sp.diag(*list(sigma)) - sigma * sigma.T
say(123, all(equal(J[i, j], Jrow[i, j]) for i in range(n) for j in range(n)))

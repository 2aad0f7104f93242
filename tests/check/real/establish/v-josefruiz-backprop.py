"""Establish v-josefruiz-backprop.md: single-neuron chain rule and a 2-3-1 network (ReLU hidden, sigmoid out, MSE)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, D

sig = lambda t: 1 / (1 + sp.exp(-t))
dsig = lambda t: sig(t) * (1 - sig(t))
# single neuron, z = w x + b, a = sigma(z), L = 1/2 (a - y)^2 (the MSE example of line 71)
w, x, b, y = sp.symbols("w x b y", real=True)
z = w * x + b
a = sig(z)
L = sp.Rational(1, 2) * (a - y) ** 2
A = sp.Symbol("A")
dL_da = sp.diff(sp.Rational(1, 2) * (A - y) ** 2, A).subs(A, a)
check(60, D(L, w), dL_da * dsig(z) * D(z, w))
check(64, D(L, b), dL_da * dsig(z) * D(z, b))
check(80, D(L, w), (a - y) * dsig(z) * x)
check(83, D(L, b), (a - y) * dsig(z))

# 2-3-1 network: z1 = W1 x + b1, a1 = act(z1), z2 = W2 a1 + b2, a2 = sigmoid(z2), L = 1/2 (a2 - y)^2
xs = vec("x", 2, real=True)
W1 = sp.Matrix(3, 2, lambda i, j: sp.Symbol(f"u{i}{j}", real=True))
b1 = sp.Matrix(vec("c", 3, real=True))
W2 = sp.Matrix(1, 3, lambda i, j: sp.Symbol(f"v{j}", real=True))
b2 = sp.Symbol("d", real=True)
X = sp.Matrix(xs)

def net(act, dact):
    z1 = W1 * X + b1
    a1 = z1.applyfunc(act)
    z2 = (W2 * a1)[0] + b2
    a2 = sig(z2)
    Lo = sp.Rational(1, 2) * (a2 - y) ** 2
    d2 = (a2 - y) * dsig(z2)                       # delta^2 (MSE + sigmoid)
    d1 = sp.Matrix([W2[0, k] * d2 * dact(z1[k]) for k in range(3)])   # (W2)^T d2 (.) act'(z1)
    return z1, a1, z2, a2, Lo, d2, d1

# line 94: general recursion, checked with a smooth hidden activation (tanh): delta^1 = dL/dz^1
th = sp.tanh
z1, a1, z2, a2, Lo, d2, d1 = net(th, lambda t: 1 - sp.tanh(t) ** 2)
Zs = vec("s", 3, real=True)
Lz1 = sp.Rational(1, 2) * (sig((W2 * sp.Matrix([th(s) for s in Zs]))[0] + b2) - y) ** 2
dLdz1 = [sp.diff(Lz1, Zs[k]).subs(dict(zip(Zs, z1))) for k in range(3)]
check_all(94, [(d1[k], dLdz1[k]) for k in range(3)])

# the ReLU example (lines 186-216); ReLU(z) = Max(0, z), ReLU'(z) = Heaviside(z)
relu = lambda t: sp.Max(0, t)
z1, a1, z2, a2, Lo, d2, d1 = net(relu, lambda t: sp.Heaviside(t))
Z2 = sp.Symbol("Z2")
dLdz2 = sp.diff(sp.Rational(1, 2) * (sig(Z2) - y) ** 2, Z2).subs(Z2, z2)
check(186, dLdz2, (a2 - y) * dsig(z2))
check_all(194, [(D(Lo, W2[0, k]), d2 * a1[k]) for k in range(3)])
check(198, D(Lo, b2), d2)
Lz1 = sp.Rational(1, 2) * (sig((W2 * sp.Matrix([relu(s) for s in Zs]))[0] + b2) - y) ** 2
dLdz1 = [sp.diff(Lz1, Zs[k]).subs(dict(zip(Zs, z1))) for k in range(3)]
check_all(204, [(d1[k], dLdz1[k]) for k in range(3)])
check_all(212, [(D(Lo, W1[i, j]), d1[i] * xs[j]) for i in range(3) for j in range(2)])
check_all(216, [(D(Lo, b1[i]), d1[i]) for i in range(3)])

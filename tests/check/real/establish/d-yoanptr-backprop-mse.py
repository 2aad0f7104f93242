"""Establish d-yoanptr-backprop-mse.md: backprop of a two-layer sigmoid network with the squared-error
cost C = (1/N_out) sum_i (yhat_i - y_i)^2 (the cost the factor 2/N_out implies; the README does not
define C). Z1 = W1 A0 + B1, A1 = sigma(Z1), Z2 = W2 A1 + B2, A2 = sigma(Z2) = yhat.

The chain-rule rows write products with '.' and no transposes; they are checked with one unit per
layer. The rows with sums over N_out / N_in are checked with 2 outputs / 2 inputs, where the sums
matter."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all
from _fast import equal

def say(line, ok):
    print(f"line {line}: {'holds' if ok else 'fails'}")

sig = lambda t: 1 / (1 + sp.exp(-t))
# scalar layers
a0, w1, b1, w2, b2, y = sp.symbols("a0 w1 b1 w2 b2 y", real=True)
z1 = w1 * a0 + b1; a1 = sig(z1); z2 = w2 * a1 + b2; a2 = sig(z2)
Z1, A1, Z2, A2 = sp.symbols("Z1 A1 Z2 A2", real=True)
C = (A2 - y) ** 2                                        # N_out = 1
dC_dA2 = sp.diff(C, A2).subs(A2, a2)
dA2_dZ2 = sp.diff(sig(Z2), Z2).subs(Z2, z2)
dC_dZ2 = sp.diff(C.subs(A2, sig(Z2)), Z2).subs(Z2, z2)
check(42, dC_dZ2, dC_dA2 * dA2_dZ2)
check_all(48, [(sp.diff(sig(Z2), Z2), sig(Z2) * (1 - sig(Z2)))])
check(54, dC_dZ2, dC_dA2 * a2 * (1 - a2))
Cw = C.subs(A2, a2)
check_all(64, [(sp.diff(Cw, w2), dC_dZ2 * sp.diff(z2, w2)), (dC_dZ2 * sp.diff(z2, w2), dC_dZ2 * a1)])
dC_dA1 = sp.diff(C.subs(A2, sig(w2 * A1 + b2)), A1).subs(A1, a1)
check_all(86, [(dC_dA1, dC_dZ2 * sp.diff(z2.subs(a1, A1), A1)), (dC_dZ2 * w2, dC_dA1)])
dC_dZ1 = sp.diff(C.subs(A2, sig(w2 * sig(Z1) + b2)), Z1).subs(Z1, z1)
check_all(98, [(dC_dZ1, dC_dA1 * sp.diff(sig(Z1), Z1).subs(Z1, z1)), (dC_dZ1, dC_dA1 * a1 * (1 - a1))])
check(108, sp.diff(Cw, w1), dC_dZ1 * a0)

# sums: 2 inputs, 1 hidden unit, 2 outputs
x = sp.symbols("x1:3", real=True); v1 = sp.symbols("v1:3", real=True)
u2 = sp.symbols("u1:3", real=True); c2 = sp.symbols("c1:3", real=True); t = sp.symbols("t1:3", real=True)
h = sig(v1[0] * x[0] + v1[1] * x[1] + b1)
zo = [u2[k] * h + c2[k] for k in range(2)]
Ao = sp.symbols("o1:3", real=True)
Cv = sum((Ao[k] - t[k]) ** 2 for k in range(2)) / 2
grad_A = [sp.diff(Cv, Ao[k]) for k in range(2)]
row30 = sp.Rational(2, 2) * sum(Ao[k] - t[k] for k in range(2))
say(30, all(equal(grad_A[k], row30) for k in range(2)))
Cz = Cv.subs({Ao[k]: sig(zo[k]) for k in range(2)})
dC_dB2 = [sp.diff(Cz, c2[k]) for k in range(2)]
Zs = sp.symbols("s1:3", real=True)
dC_dZ2v = [sp.diff(Cv.subs({Ao[j]: sig(Zs[j]) for j in range(2)}), Zs[k]).subs({Zs[j]: zo[j] for j in range(2)}) for k in range(2)]
say(76, all(equal(dC_dB2[k], sum(dC_dZ2v[k] for _ in range(2))) for k in range(2)))
dC_dB1 = sp.diff(Cz, b1)
zh = sp.Symbol("zh", real=True)
dC_dZ1v = sp.diff(Cv.subs({Ao[k]: sig(u2[k] * sig(zh) + c2[k]) for k in range(2)}), zh).subs(zh, v1[0] * x[0] + v1[1] * x[1] + b1)
assert equal(dC_dB1, dC_dZ1v)
say(120, equal(dC_dB1, sum(dC_dZ1v for _ in range(2))))

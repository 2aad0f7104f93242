"""Establish c-blackkeys17-backprop-equations.md (lines 316-479 of the post; stored = orig - 315).

Network: a^{l-1} (2 values, free), z^l = w^l a^{l-1} + b^l (2 units), a^l = sigma(z^l),
z^{l+1} = w^{l+1} a^l + b^{l+1} (3 units, the output layer L = l+1), a^L = sigma(z^L).
Costs: quadratic C = sum (y_i - a_i)^2 (the post's) and, for the generic rows, also a log cost.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import vec, D
from _fast import equal  # exact at points where every exp is rational, plus 50 digits (simplify is too slow here)

o = lambda n: n - 315
def say(line, ok):
    print(f"line {o(line)}: {'holds' if ok else 'fails'}")
def alleq(A, B):
    return all(equal(a, c) for a, c in zip(A, B))

a = sp.Matrix([1, 2, 3]); b = sp.Matrix([4, 5, 6])
say(335, a.multiply_elementwise(b) == sp.Matrix([1 * 4, 2 * 5, 3 * 6]) == sp.Matrix([4, 10, 18]))
sig = lambda t: 1 / (1 + sp.exp(-t))
dsig = lambda t: sig(t) * (1 - sig(t))
ap = sp.Matrix(vec("p", 2)); wl = sp.Matrix(2, 2, vec("u", 4)); bl = sp.Matrix(vec("c", 2))
wL = sp.Matrix(3, 2, vec("v", 6)); bL = sp.Matrix(vec("d", 3)); y = sp.Matrix(vec("y", 3))
zl = wl * ap + bl; al = zl.applyfunc(sig); zL = wL * al + bL; aL = zL.applyfunc(sig)
A = sp.Matrix(vec("A", 3)); Zs = sp.Matrix(vec("Z", 3)); Zl = sp.Matrix(vec("H", 2))
costs = [lambda v: sum((y[i] - v[i]) ** 2 for i in range(3)),
         lambda v: -sum(y[i] * sp.log(v[i]) + (1 - y[i]) * sp.log(1 - v[i]) for i in range(3))]
okA = okB = okC = True
for C in costs:
    CofZ = C(Zs.applyfunc(sig))                                  # C as a function of z^L
    deltaL = sp.Matrix([D(CofZ, Zs[k]) for k in range(3)])
    gradaC = sp.Matrix([D(C(A), A[k]) for k in range(3)])
    rhs = gradaC.subs(dict(zip(A, Zs.applyfunc(sig)))).multiply_elementwise(Zs.applyfunc(dsig))
    okA &= alleq(deltaL, rhs)
    chain = sp.Matrix([sum(D(C(A), A[i]).subs(dict(zip(A, Zs.applyfunc(sig)))) * D(sig(Zs[i]), Zs[k]) for i in range(3)) for k in range(3)])
    okB &= alleq(deltaL, chain)
    only = sp.Matrix([D(C(A), A[k]).subs(dict(zip(A, Zs.applyfunc(sig)))) * D(sig(Zs[k]), Zs[k]) for k in range(3)])
    okC &= alleq(deltaL, only)
say(355, okA); say(368, okB); say(376, okC); say(380, okC)
Cq = costs[0]
k = 0
say(392, equal(D(Cq(A), A[k]), 2 * (A[1] - y[1])))        # the row's 2(a_i - y_i) with i != k (i = 2nd output)
say(396, alleq(sp.Matrix([D(Cq(A), A[kk]) for kk in range(3)]), 2 * (A - y)))
deltaLq = sp.Matrix([D(Cq(Zs.applyfunc(sig)), Zs[kk]) for kk in range(3)])
say(400, alleq(deltaLq, (2 * (Zs.applyfunc(sig) - y)).multiply_elementwise(Zs.applyfunc(dsig))))
# layer l: C as a function of z^l (H) through z^{L} = wL sigma(H) + bL
CofH = Cq((wL * Zl.applyfunc(sig) + bL).applyfunc(sig))
delta_l = sp.Matrix([D(CofH, Zl[kk]) for kk in range(2)])
zLH = wL * Zl.applyfunc(sig) + bL
deltaL_H = deltaLq.subs(dict(zip(Zs, zLH)))
say(407, alleq(delta_l, (wL.T * deltaL_H).multiply_elementwise(Zl.applyfunc(dsig))))
say(415, alleq(delta_l, sp.Matrix([sum(deltaL_H[i] * D(zLH[i], Zl[kk]) for i in range(3)) for kk in range(2)])))
al_s = sp.Matrix(vec("q", 2))
dz_da = lambda i, kk: D((wL * al_s + bL)[i], al_s[kk])
say(419, alleq(delta_l, sp.Matrix([sum(deltaL_H[i] * dz_da(i, kk) * dsig(Zl[kk]) for i in range(3)) for kk in range(2)])))
say(427, all(equal(dz_da(i, kk), wL[i, kk]) for i in range(3) for kk in range(2)))
r431 = sp.Matrix([sum(deltaL_H[i] * wL[i, kk] * dsig(Zl[kk]) for i in range(3)) for kk in range(2)])
say(431, alleq(delta_l, r431))
say(435, alleq(r431, sp.Matrix([dsig(Zl[kk]) * sum(deltaL_H[i] * wL[i, kk] for i in range(3)) for kk in range(2)])))
# bias / weight gradients of layer l (numeric network with free a^{l-1})
Cn = Cq(aL)
delta_num = delta_l.subs(dict(zip(Zl, zl)))
say(444, all(equal(D(Cn, bl[j]), delta_num[j]) for j in range(2)))
say(455, all(equal(D(Cn, bl[j]), 1 * delta_num[j]) for j in range(2)))
say(463, all(equal(D(Cn, wl[j, kk]), ap[kk] * delta_num[j]) for j in range(2) for kk in range(2)))
say(472, all(equal(D(zl[j], wl[j, kk]), ap[kk]) for j in range(2) for kk in range(2)))
say(476, all(equal(D(Cn, wl[j, kk]), delta_num[j] * D(zl[j], wl[j, kk])) and equal(delta_num[j] * D(zl[j], wl[j, kk]), delta_num[j] * ap[kk]) for j in range(2) for kk in range(2)))

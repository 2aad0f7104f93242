"""Establish c-ezalos-backprop-softmax-notes.md (lines 95-187 of maths.md; stored = orig - 94).

Network: a^{l} (2 units) = sigma(z^l), z^{L} = w^{L} a^l + b^L (3 units), a^L = sigma(z^L),
quadratic cost C = (1/2) sum (y_j - a^L_j)^2. Softmax row: L = -sum y_k log p_k, p = softmax(o), 3 classes.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import vec, softmax, D
from _fast import equal  # exact at points where every exp is rational, plus 50 digits (simplify is too slow here)

o = lambda n: n - 94
def say(line, ok):
    print(f"line {o(line)}: {'holds' if ok else 'fails'}")
sig = lambda t: 1 / (1 + sp.exp(-t)); dsig = lambda t: sig(t) * (1 - sig(t))
y = sp.Matrix(vec("y", 3)); A = sp.Matrix(vec("A", 3)); Z = sp.Matrix(vec("Z", 3))
C = lambda v: sp.Rational(1, 2) * sum((y[j] - v[j]) ** 2 for j in range(3))
CZ = C(Z.applyfunc(sig))
deltaL = sp.Matrix([D(CZ, Z[j]) for j in range(3)])
gradA = sp.Matrix([D(C(A), A[j]) for j in range(3)]).subs(dict(zip(A, Z.applyfunc(sig))))
say(111, all(equal(deltaL[j], gradA[j] * dsig(Z[j])) for j in range(3)))
say(116, all(equal(a, c) for a, c in zip(deltaL, gradA.multiply_elementwise(Z.applyfunc(dsig)))))
# 141: the chain, link by link
oo = vec("o", 3); p = softmax(oo); i = 0
L = -sum(y[k] * sp.log(p[k]) for k in range(3))
links = [D(L, oo[i]),
         -sum(y[k] * D(sp.log(p[k]), oo[i]) for k in range(3)),
         -sum(y[k] * (1 / p[k]) * D(p[k], oo[i]) for k in range(3)),
         -y[i] * (1 - p[i]) - sum(y[k] * (1 / p[k]) * (-p[k] * p[i]) for k in range(3) if k != i),
         -y[i] * (1 - p[i]) + sum(y[k] * p[i] for k in range(3) if k != i),
         -y[i] + y[i] * p[i] + sum(y[k] * p[i] for k in range(3) if k != i),
         p[i] * sum(y) - y[i],
         p[i] - y[i]]
oks = [equal(links[t], links[t + 1]) for t in range(len(links) - 1)]
print(f"  links of row 141: {oks}", file=sys.stderr)
say(141, all(oks))
say(151, all(equal(D(C(A), A[j]), A[j] - y[j]) for j in range(3)))
say(156, all(equal(D(C(A), A[j]), (A - y)[j]) for j in range(3)))
# hidden layer
H = sp.Matrix(vec("H", 2)); w = sp.Matrix(3, 2, vec("w", 6)); b = sp.Matrix(vec("b", 3))
zL = w * H.applyfunc(sig) + b
CH = C(zL.applyfunc(sig))
delta_l = sp.Matrix([D(CH, H[k]) for k in range(2)])
deltaL_H = deltaL.subs(dict(zip(Z, zL)))
say(162, all(equal(a, c) for a, c in zip(delta_l, (w.T * deltaL_H).multiply_elementwise(H.applyfunc(dsig)))))
ap = sp.Matrix(vec("q", 2)); wl = sp.Matrix(2, 2, vec("u", 4)); bl = sp.Matrix(vec("c", 2))
zl = wl * ap + bl
Cn = C((w * zl.applyfunc(sig) + b).applyfunc(sig))
dnum = delta_l.subs(dict(zip(H, zl)))
say(168, all(equal(D(Cn, bl[j]), dnum[j]) for j in range(2)))
say(174, all(equal(D(Cn, wl[j, k]), ap[k] * dnum[j]) for j in range(2) for k in range(2)))

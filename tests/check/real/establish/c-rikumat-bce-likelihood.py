"""Establish c-rikumat-bce-likelihood.md: Bernoulli likelihood and the BCE gradient (M = 3; batch N = 2, M = 2)."""
import os, sys, itertools
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import equal

M = 3
z = sp.symbols("z1:4", positive=True); y = sp.symbols("y1:4", real=True)
pts = {z[0]: sp.Rational(1, 5), z[1]: sp.Rational(2, 3), z[2]: sp.Rational(9, 10)}
Lk = sp.Mul(*[z[i] ** y[i] * (1 - z[i]) ** (1 - y[i]) for i in range(M)])
ok13 = True
for ys in itertools.product([0, 1], repeat=M):
    model = sp.Mul(*[(z[i] if ys[i] == 1 else 1 - z[i]) for i in range(M)])
    ok13 &= sp.simplify(Lk.subs(dict(zip(y, ys))) - model) == 0
print(f"line 13: {'holds' if ok13 else 'fails'}")
ok17 = equal(sp.log(Lk).subs(pts), sum(y[i] * sp.log(z[i]) + (1 - y[i]) * sp.log(1 - z[i]) for i in range(M)).subs(pts))
print(f"line 17: {'holds' if ok17 else 'fails'}")
N, Mb = 2, 2
Z = sp.Matrix(N, Mb, lambda i, j: sp.Symbol(f"Z{i}{j}", positive=True)); Y = sp.Matrix(N, Mb, lambda i, j: sp.Symbol(f"Y{i}{j}", real=True))
E = -sp.Rational(1, N * Mb) * sum(Y[i, j] * sp.log(Z[i, j]) + (1 - Y[i, j]) * sp.log(1 - Z[i, j]) for i in range(N) for j in range(Mb))
zp = {Z[0, 0]: sp.Rational(1, 4), Z[0, 1]: sp.Rational(3, 5), Z[1, 0]: sp.Rational(7, 10), Z[1, 1]: sp.Rational(1, 10)}
i, j = 1, 0
r36 = -sp.Rational(1, N * Mb) * sp.diff(Y[i, j] * sp.log(Z[i, j]) + (1 - Y[i, j]) * sp.log(1 - Z[i, j]), Z[i, j])
r40 = -sp.Rational(1, N * Mb) * (Y[i, j] / Z[i, j] - (1 - Y[i, j]) / (1 - Z[i, j]))
print(f"line 36: {'holds' if equal(sp.diff(E, Z[i, j]).subs(zp), r36.subs(zp)) else 'fails'}")
print(f"line 40: {'holds' if equal(r36.subs(zp), r40.subs(zp)) else 'fails'}")
G = sp.Matrix(N, Mb, lambda a, b: sp.diff(E, Z[a, b]))
R44 = -sp.Rational(1, N * Mb) * sp.Matrix(N, Mb, lambda a, b: Y[a, b] / Z[a, b] - (1 - Y[a, b]) / (1 - Z[a, b]))
print(f"line 44: {'holds' if all(equal(g.subs(zp), r.subs(zp)) for g, r in zip(G, R44)) else 'fails'}")

"""Establish c-rikumat-cross-entropy-logsumexp.md: softmax cross entropy with the max-shift.

n = 2 samples, 3 classes; correct classes c = (1st, 3rd) so Y is one-hot per row.
max(Z_i.) is sympy's Max; numeric points have a unique row maximum."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import equal

n, K = 2, 3
Z = sp.Matrix(n, K, lambda i, j: sp.Symbol(f"Z{i}{j}", real=True))
cls = [0, 2]
Y = sp.Matrix(n, K, lambda i, j: 1 if j == cls[i] else 0)
Yg = sp.Matrix(n, K, lambda i, j: sp.Symbol(f"Y{i}{j}", real=True))       # general Y for row 10
Pr = lambda i, j: sp.exp(Z[i, j]) / sum(sp.exp(Z[i, k]) for k in range(K))
mx = lambda i: sp.Max(*[Z[i, k] for k in range(K)])
Lij = lambda i, j: sp.log(Pr(i, j))
L19 = lambda i, j: sp.log(sp.exp(Z[i, j] - mx(i)) / sum(sp.exp(Z[i, k] - mx(i)) for k in range(K)))
L23 = lambda i, j: Z[i, j] - mx(i) - sp.log(sum(sp.exp(Z[i, k] - mx(i)) for k in range(K)))
Eg = -sum(Yg[i, j] * Lij(i, j) for i in range(n) for j in range(K))
E = -sum(Y[i, j] * Lij(i, j) for i in range(n) for j in range(K))
ptsZ = [{Z[i, j]: sp.Rational(v, 7) for (i, j), v in zip([(a, b) for a in range(n) for b in range(K)], vals)}
        for vals in ([3, -5, 9, 1, 4, -2], [-8, 2, 6, 11, -3, 5], [0, 7, -4, -6, 1, 13])]
def num_eq(a, b, extra=None):
    for p in ptsZ:
        s = dict(p); s.update(extra or {})
        for _ in range(2):
            if abs(sp.N(sp.sympify(a).subs(s), 40) - sp.N(sp.sympify(b).subs(s), 40)) > 1e-30:
                return False
    return True
def say(line, ok):
    print(f"line {line}: {'holds' if ok else 'fails'}")
Ysub = {Yg[i, j]: sp.Rational(3 * i + j + 1, 5) for i in range(n) for j in range(K)}
say(10, num_eq(Eg, -sum((Yg.multiply_elementwise(sp.Matrix(n, K, Lij)))[i, j] for i in range(n) for j in range(K)), Ysub))
say(19, all(num_eq(Lij(i, j), L19(i, j)) for i in range(n) for j in range(K)))
say(23, all(num_eq(L19(i, j), L23(i, j)) for i in range(n) for j in range(K)))
i = 0; c = cls[i]; j = 1
say(27, num_eq(sp.diff(E, Z[i, c]), -sp.diff(L23(i, c), Z[i, c])))
P = lambda i, j: sp.exp(Z[i, j] - mx(i)) / sum(sp.exp(Z[i, k] - mx(i)) for k in range(K))
say(28, num_eq(sp.diff(E, Z[i, c]), -1 + P(i, c)))
say(32, num_eq(sp.diff(E, Z[i, j]), -sp.diff(L23(i, c), Z[i, j])))
say(34, num_eq(sp.diff(E, Z[i, j]), P(i, j)))
say(42, all(num_eq(sp.diff(E, Z[a, b]), P(a, b) - Y[a, b]) for a in range(n) for b in range(K)))

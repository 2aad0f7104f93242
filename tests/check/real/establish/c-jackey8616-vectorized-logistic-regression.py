"""Establish c-jackey8616-vectorized-logistic-regression.md (lines 282-392 of the post).

Author's setting: x~^{(i)} = (1, x_1, ..., x_m), w~ = (b, w_1, ..., w_m), z^{(i)} = w~^T x~^{(i)},
p^{(i)} = sigma(z^{(i)}), J = -(1/n) sum[y ln p + (1-y) ln(1-p)], L^{(i)} = -[...].
Concrete size: n = 3 samples, m = 2 features. Stored line = post line - 281.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, equal, D

o = lambda n: n - 281
n, m = 3, 2
w = sp.Matrix(sp.symbols("b w1 w2", real=True))
Xt = sp.Matrix(n, m + 1, lambda i, j: 1 if j == 0 else sp.Symbol(f"x{i+1}_{j}", real=True))
y = sp.Matrix(sp.symbols("y1:4", real=True))
sig = lambda t: 1 / (1 + sp.exp(-t))
z = [(w.T * Xt[i, :].T)[0] for i in range(n)]
p = [sig(zi) for zi in z]
J = -sp.Rational(1, n) * sum(y[i] * sp.log(p[i]) + (1 - y[i]) * sp.log(1 - p[i]) for i in range(n))
pv = sp.Matrix(p)
grad = lambda f: sp.Matrix([D(f, wj) for wj in w])

def check_vec(line, A, B):
    ok = all(equal(a, c) for a, c in zip(A, B))
    print(f"line {line}: {'holds' if ok else 'fails'}")

r309 = -sp.Rational(1, n) * (sum(y[i] * sp.log(p[i]) for i in range(n)) + sum((1 - y[i]) * sp.log(1 - p[i]) for i in range(n)))
check(o(309), J, r309)
ones = sp.ones(n, 1)
r310 = -sp.Rational(1, n) * ((y.T * pv.applyfunc(sp.log))[0] + ((ones - y).T * (ones - pv).applyfunc(sp.log))[0])
check(o(310), r309, r310)

inner = sum(y[i] * sp.log(p[i]) + (1 - y[i]) * sp.log(1 - p[i]) for i in range(n))
L = [-(y[i] * sp.log(p[i]) + (1 - y[i]) * sp.log(1 - p[i])) for i in range(n)]
r328 = sp.Rational(1, n) * grad(inner)
check_vec(o(328), grad(J), r328)
r329 = sp.Rational(1, n) * sum((grad(Li) for Li in L), sp.zeros(m + 1, 1))
check_vec(o(329), r328, r329)

# single-sample scalar pieces
P, Y, Z, u = sp.symbols("p y z u", real=True)
Ls = -(Y * sp.log(P) + (1 - Y) * sp.log(1 - P))
check(o(336), D(Ls, P), D(-(Y * sp.log(P) + (1 - Y) * sp.log(1 - P)), P))
r337 = -Y / P - (1 - Y) * (-1) / (1 - P)
ok337 = equal(D(Ls, P), r337, positive=(P,)) and equal(D(sp.log(P), P), 1 / P, positive=(P,)) and equal(D(sp.log(1 - P), P), -1 / (1 - P))
print(f"line {o(337)}: {'holds' if ok337 else 'fails'}")
r338 = -Y / P + (1 - Y) / (1 - P)
check(o(338), r337, r338)
r339 = (-Y + Y * P + P - P * Y) / (P * (1 - P))
check(o(339), r338, r339)
check(o(340), r339, (P - Y) / (P * (1 - P)))
pz = sig(Z)
ok347 = equal(pz, 1 / (1 + sp.exp(-Z))) and equal(1 / (1 + sp.exp(-Z)), (1 + sp.exp(-Z)) ** -1)
print(f"line {o(347)}: {'holds' if ok347 else 'fails'}")
uz = 1 + sp.exp(-Z)
check(o(349), D(pz, Z), (D(u ** -1, u) * D(uz, Z)).subs(u, uz))
check(o(350), (D(u ** -1, u) * D(uz, Z)).subs(u, uz), (D(u ** -1, u)).subs(u, uz) * D(1 + sp.exp(-Z), Z))
check(o(351), D(pz, Z), (-1 * u ** -2 * (0 - sp.exp(-Z))).subs(u, uz))
check(o(352), (-1 * u ** -2 * (0 - sp.exp(-Z))).subs(u, uz), (-1 / u ** 2 * -sp.exp(-Z)).subs(u, uz))
check(o(353), (-1 / u ** 2 * -sp.exp(-Z)).subs(u, uz), sp.exp(-Z) / (1 + sp.exp(-Z)) ** 2)
check(o(354), sp.exp(-Z) / (1 + sp.exp(-Z)) ** 2, 1 * sp.exp(-Z) / ((1 + sp.exp(-Z)) * (1 + sp.exp(-Z))))
check(o(355), 1 * sp.exp(-Z) / ((1 + sp.exp(-Z)) * (1 + sp.exp(-Z))), pz * (1 - pz))
check(o(362), sp.exp(-Z) / (1 + sp.exp(-Z)), (sp.exp(-Z) + 1 - 1) / (1 + sp.exp(-Z)))
check(o(363), (sp.exp(-Z) + 1 - 1) / (1 + sp.exp(-Z)), (1 + sp.exp(-Z)) / (1 + sp.exp(-Z)) - 1 / (1 + sp.exp(-Z)))
check(o(364), (1 + sp.exp(-Z)) / (1 + sp.exp(-Z)) - 1 / (1 + sp.exp(-Z)), 1 - pz)
xi = Xt[0, :].T
check_vec(o(372), grad(z[0]), grad((w.T * xi)[0]))
check_vec(o(373), grad(z[0]), xi)
chain = lambda i: (D(Ls, P) * D(pz, Z)).subs({P: p[i], Y: y[i], Z: z[i]}) * Xt[i, :].T
check_vec(o(380), grad(L[0]), chain(0))
check_vec(o(381), chain(0), ((p[0] - y[0]) / (p[0] * (1 - p[0])) * p[0] * (1 - p[0])) * Xt[0, :].T)
check_vec(o(382), grad(L[0]), (p[0] - y[0]) * Xt[0, :].T)
check_vec(o(388), grad(J), sp.Rational(1, n) * sum((grad(Li) for Li in L), sp.zeros(m + 1, 1)))
r389 = sp.Rational(1, n) * sum(((p[i] - y[i]) * Xt[i, :].T for i in range(n)), sp.zeros(m + 1, 1))
check_vec(o(389), grad(J), r389)
check_vec(o(390), grad(J), sp.Rational(1, n) * Xt.T * (pv - y))

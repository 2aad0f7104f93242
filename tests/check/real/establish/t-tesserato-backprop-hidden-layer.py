"""Establish t-tesserato-backprop-hidden-layer.md (tesserato, 2-3-2 network, squared error).

h_k = g(i_1 w_{1k} + i_2 w_{2k}) (k = 1..3), o_j = f(h_1 u_{1j} + h_2 u_{2j} + h_3 u_{3j}),
E = 1/2 sum_j (o_j - t_j)^2, E* = 1/2 sum_k (h_k - t*_k)^2. f, g generic: taken as the
polynomials f(s) = s^3/3 + s^2/2 + s/3, g(s) = s^2/2 + 2s/3 (so f', g' are non-trivial);
polynomial identities compared exactly at random rational points.
"""
import os, sys, random
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
import _common
from _common import check, D
_r = random.Random(11)
def _poly_equal(a, b, **kw):
    d = sp.sympify(a) - sp.sympify(b)
    syms = sorted(d.free_symbols, key=str)
    return all(d.subs({s: sp.Rational(_r.randint(-300, 300), 97) for s in syms}) == 0 for _ in range(4))
_common.equal = _poly_equal

S = sp.Symbol("S")
f = lambda s: s**3 / 3 + s**2 / 2 + s / 3
g = lambda s: s**2 / 2 + 2 * s / 3
fp = lambda s: D(f(S), S).subs(S, s)
gp = lambda s: D(g(S), S).subs(S, s)
i1, i2, t1, t2 = sp.symbols("i1 i2 t1 t2")
w = {(j, k): sp.Symbol(f"w{j}{k}") for j in (1, 2) for k in (1, 2, 3)}
u = {(k, j): sp.Symbol(f"u{k}{j}") for k in (1, 2, 3) for j in (1, 2)}
ts = sp.symbols("ts1:4")
h = {k: g(i1 * w[1, k] + i2 * w[2, k]) for k in (1, 2, 3)}
s = {j: sum(h[k] * u[k, j] for k in (1, 2, 3)) for j in (1, 2)}
E = sp.Rational(1, 2) * ((f(s[1]) - t1)**2 + (f(s[2]) - t2)**2)
U, Wv = u[1, 1], w[1, 1]

dEu = D(E, U)
check(32, dEu, sp.Rational(1, 2) * D((f(s[1]) - t1)**2 + (f(s[2]) - t2)**2, U))
check(40, dEu, sp.Rational(1, 2) * (D((f(s[1]) - t1)**2, U) + D((f(s[2]) - t2)**2, U)))
check(49, dEu, sp.Rational(1, 2) * D((f(s[1]) - t1)**2, U))
r68 = h[1] * (f(s[1]) - t1) * fp(s[1])
check(68, dEu, r68)

dEw = D(E, Wv)
check(78, dEw, sp.Rational(1, 2) * D((f(s[1]) - t1)**2 + (f(s[2]) - t2)**2, Wv))
check(86, dEw, sp.Rational(1, 2) * (D((f(s[1]) - t1)**2, Wv) + D((f(s[2]) - t2)**2, Wv)))
check(95, dEw, sp.Rational(1, 2) * (2 * (f(s[1]) - t1) * D(f(s[1]) - t1, Wv) + 2 * (f(s[2]) - t2) * D(f(s[2]) - t2, Wv)))
check(107, dEw, (f(s[1]) - t1) * (D(f(s[1]), Wv) - D(t1, Wv)) + (f(s[2]) - t2) * (D(f(s[2]), Wv) - D(t2, Wv)))
check(123, dEw, sum((f(s[j]) - [0, t1, t2][j]) * fp(s[j]) * sum(D(h[k] * u[k, j], Wv) for k in (1, 2, 3)) for j in (1, 2)))
check(139, dEw, sum((f(s[j]) - [0, t1, t2][j]) * fp(s[j]) * D(h[1] * u[1, j], Wv) for j in (1, 2)))
r151 = sum((f(s[j]) - [0, t1, t2][j]) * fp(s[j]) * (u[1, j] * i1 * gp(i1 * w[1, 1] + i2 * w[2, 1])) for j in (1, 2))
check(151, dEw, r151)
check(166, dEu, r68)
check(170, dEw, r151)

Es = sp.Rational(1, 2) * sum((h[k] - ts[k - 1])**2 for k in (1, 2, 3))
dEs = D(Es, Wv)
check(198, dEs, sp.Rational(1, 2) * sum(D((h[k] - ts[k - 1])**2, Wv) for k in (1, 2, 3)))
check(205, dEs, (h[1] - ts[0]) * D(h[1], Wv) - D(ts[0], Wv))
check(210, dEs, i1 * (h[1] - ts[0]) * gp(i1 * w[1, 1] + i2 * w[2, 1]))

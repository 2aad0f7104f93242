"""Establish t-koerbitz-backprop-scalar.md (lines 1-413 of Paul Koerbitz, 'You Could Have Invented Backprop').

Scalar (single-neuron) networks with a generic activation g and cost C; to keep the
checks exact and fast both are concrete polynomials (any differentiable choice works
for chain-rule identities, and g' != 1, a != 1 so wrong rows are detected):
g(t) = t^3/3 + t^2/2 + t,  C(a) = a^4/4 - y a.  L-layer part: L = 3, checked at l = 1, 2.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
import _common
from _common import check, check_all, D
import random
_r = random.Random(7)
def _poly_equal(a, b, **kw):
    # every expression here is a polynomial: compare exactly at 4 random rational points
    d = sp.sympify(a) - sp.sympify(b)
    syms = sorted(d.free_symbols, key=str)
    return all(d.subs({s: sp.Rational(_r.randint(-300, 300), 97) for s in syms}) == 0 for _ in range(4))
_common.equal = _poly_equal

T = sp.Symbol("T")
g = lambda t: t**3 / 3 + t**2 / 2 + t
gp = lambda t: D(g(T), T).subs(T, t)
y = sp.Symbol("y")
C = lambda a: a**4 / 4 - y * a
Cp = lambda a: D(C(T), T).subs(T, a)
x = sp.Symbol("x")

# --- single layer: z = w x + b, a = g(z)
w, b = sp.symbols("w b")
z = w * x + b; a = g(z); Ctot = C(a)
chain_w = Cp(a) * gp(z) * D(z, w)
check(137, D(Ctot, w), chain_w)
check(147, D(Ctot, w), Cp(a) * gp(z) * x)
check_all(153, [(D(Ctot, b), Cp(a) * gp(z) * D(z, b)), (D(Ctot, b), Cp(a) * gp(z))])

# --- L = 3 layers, w[l], b[l], l = 1..3
W = {l: sp.Symbol(f"w{l}") for l in (1, 2, 3)}
B = {l: sp.Symbol(f"b{l}") for l in (1, 2, 3)}
def forward(L):
    zs, as_ = {}, {0: x}
    for l in range(1, L + 1):
        zs[l] = W[l] * as_[l - 1] + B[l]; as_[l] = g(zs[l])
    return zs, as_
def C_from_z(l, L, t):
    """C as a function of z^l = t."""
    a_ = g(t)
    for k in range(l + 1, L + 1):
        a_ = g(W[k] * a_ + B[k])
    return C(a_)
def delta(l, L, zs):
    return D(C_from_z(l, L, T), T).subs(T, zs[l])

# two layers
zs, as_ = forward(2); Ct = C(as_[2])
d2 = delta(2, 2, zs); d1 = delta(1, 2, zs)
dz2dz1 = D(W[2] * g(T) + B[2], T).subs(T, zs[1])
check_all(237, [(D(Ct, W[2]), d2 * D(zs[2], W[2])), (D(Ct, W[2]), d2 * as_[1])])
check_all(241, [(D(Ct, B[2]), d2 * D(zs[2], B[2])), (D(Ct, B[2]), d2)])
check(270, D(Ct, W[1]), d1 * D(zs[1], W[1]))
check(273, D(Ct, B[1]), d1 * D(zs[1], B[1]))
check(293, d1, d2 * dz2dz1)
check_all(311, [(d1, d2 * dz2dz1), (d1, d2 * W[2] * gp(zs[1]))])
check_all(312, [(D(Ct, W[1]), d1 * as_[0]), (D(Ct, W[1]), d1 * x)])
check(313, D(Ct, B[1]), d1 * D(zs[1], B[1]))

# L = 3 layers
L = 3
zs, as_ = forward(L); Ct = C(as_[L])
dl = {l: delta(l, L, zs) for l in (1, 2, 3)}
dzn = {l: D(W[l + 1] * g(T) + B[l + 1], T).subs(T, zs[l]) for l in (1, 2)}
check_all(352, [(D(Ct, W[l]), dl[l] * as_[l - 1]) for l in (1, 2, 3)])
# row 356: dC/db^l = dC/dz^l dz^l/dw^l (= delta^l a^{l-1}) = delta^l : first link checked at l = 2
check(356, D(Ct, B[2]), dl[2] * D(zs[2], W[2]))
check(372, dl[2], D(C_from_z(2, L, T), T).subs(T, zs[2]))
check_all(374, [(dl[l], dl[l + 1] * dzn[l]) for l in (1, 2)])
check_all(375, [(dl[l], dl[l + 1] * dzn[l]) for l in (1, 2)])
check_all(376, [(dl[l], dl[l + 1] * D(W[l + 1] * g(T) + B[l + 1], T).subs(T, zs[l])) for l in (1, 2)])
check_all(377, [(dl[l], dl[l + 1] * W[l + 1] * gp(zs[l])) for l in (1, 2)])
check_all(378, [(dl[L], D(C_from_z(L, L, T), T).subs(T, zs[L])), (dl[L], Cp(as_[L]) * gp(zs[L]))])
check(390, dl[L], Cp(as_[L]) * gp(zs[L]))
check(397, D(Ct, W[L]), dl[L] * as_[L - 1])
check(398, D(Ct, B[L]), dl[L])
# row 408: delta^l = w^{l+1} delta^{l+1} (the g'(z^l) factor is dropped)
check(408, dl[2], W[3] * dl[3])
check_all(409, [(D(Ct, W[l]), dl[l] * as_[l - 1]) for l in (1, 2)])
check_all(410, [(D(Ct, B[l]), dl[l]) for l in (1, 2)])

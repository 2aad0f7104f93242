"""Establish zzi-witkowski-deriving-backprop.md (Bartosz Witkowski, "Deriving the backpropagation
algorithm.", whole post).

Two-layer part: N0 = 2 inputs x_j, N1 = 2 hidden neurons r_j = sum_k x_k w_{j,k} + b_j (the post's
w_{1,j}: hidden neuron 1, input j), output r^ = sum_j g(r_j) w^_j + b^, y = g(r^), error
E = 1/2 sum_i (y^(i) - t^(i))^2 over M = 2 samples.  Three-layer part ("Why backpropagation?"):
x1, x2 -> f1, f2 (r_1, r_2, weights w_{x_k,1}, w_{x_k,2}) -> f3, f4 (r_3 = w13 g(r1) + w23 g(r2) + b3,
r_4 likewise) -> f5 (r_5 = w35 g(r3) + w45 g(r4) + b5), y = g(r_5).  The activation g is generic in
the post; g = tanh is used (every row that holds is an identity of the chain rule for any g).

Row lines are the first line of math inside each display (after "$$" and a lone \\displaystyle).
A display that continues a chain ("... =" then the next display) is compared with the chain's head
(the gradient named at the start of the chain), as each display restates it.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
import _common
from _common import check, check_all

_common.EXACT = False

import random, mpmath
_rng = random.Random(20261208)
mpmath.mp.dps = 40


def _fast_equal(a, b, subs=None, positive=(), points=5):
    """a == b at random rational points, 40-digit mpmath via lambdify (sympy evalf is too slow here)."""
    a, b = sp.sympify(a), sp.sympify(b)
    if subs:
        a, b = a.xreplace(subs), b.xreplace(subs)
    syms = sorted(a.free_symbols | b.free_symbols, key=str)
    fa, fb = sp.lambdify(syms, a, "mpmath"), sp.lambdify(syms, b, "mpmath")
    for _ in range(points):
        pt = [mpmath.mpf(_rng.randint(5, 95)) / 100 if (s.is_positive or s in positive)
              else mpmath.mpf(_rng.randint(-300, 300)) / 100 for s in syms]
        va, vb = fa(*pt), fb(*pt)
        if abs(va - vb) > mpmath.mpf("1e-25") * (1 + abs(va) + abs(vb)):
            return False
    return True


_common.equal = _fast_equal

g = sp.tanh
u_ = sp.Symbol("u_", real=True)
dg = lambda v: sp.diff(g(u_), u_).xreplace({u_: v})
D = sp.diff
Ms = range(2)  # samples i = 1, 2 (0-based here)

# ================================================================== two-layer network
x = [[sp.Symbol(f"x{i}_{k}", real=True) for k in range(2)] for i in Ms]
t = [sp.Symbol(f"t{i}", real=True) for i in Ms]
w = [[sp.Symbol(f"w{j}{k}", real=True) for k in range(2)] for j in range(2)]   # w_{j,k}: hidden j <- input k
b = [sp.Symbol(f"b{j}", real=True) for j in range(2)]
wh = [sp.Symbol(f"wh{j}", real=True) for j in range(2)]                        # \hat w_j
bh = sp.Symbol("bh", real=True)
r = [[sum(x[i][k] * w[j][k] for k in range(2)) + b[j] for j in range(2)] for i in Ms]
rh = [sum(g(r[i][j]) * wh[j] for j in range(2)) + bh for i in Ms]
y = [g(rh[i]) for i in Ms]
E = sp.Rational(1, 2) * sum((y[i] - t[i]) ** 2 for i in Ms)
S = lambda f: sum(f(i) for i in Ms)
e = lambda i: y[i] - t[i]

# ---- output weight \hat w_1 (lines 155-264)
G = D(E, wh[0])
check(156, D(sp.Rational(1, 2) * S(lambda i: (y[i] - t[i]) ** 2), wh[0]),
      sp.Rational(1, 2) * S(lambda i: 2 * e(i) * D(y[i] - t[i], wh[0])))
check(173, G, S(lambda i: e(i) * D(y[i] - t[i], wh[0])))
check(187, G, S(lambda i: e(i) * D(y[i], wh[0])))
check(196, G, S(lambda i: e(i) * D(g(rh[i]), wh[0])))
check(209, G, S(lambda i: e(i) * D(g(sum(g(r[i][j]) * wh[j] for j in range(2)) + bh), wh[0])))
# line 225: the sum inside is written with \hat w_i (i = the sample index of the outer sum), not \hat w_j
check(225, G, S(lambda i: e(i) * dg(rh[i]) * D(sum(g(r[i][j]) * wh[i] for j in range(2)) + bh, wh[0])))
check(244, G, S(lambda i: e(i) * dg(rh[i]) * D(g(r[i][0]) * wh[0] + bh, wh[0])))
check(258, G, S(lambda i: e(i) * dg(rh[i]) * g(r[i][0])))

# ---- hidden weight w_{1,1} (lines 298-526)
G = D(E, w[0][0])
check(299, D(sp.Rational(1, 2) * S(lambda i: (y[i] - t[i]) ** 2), w[0][0]),
      sp.Rational(1, 2) * S(lambda i: 2 * e(i) * D(y[i] - t[i], w[0][0])))
check(313, G, sp.Rational(1, 2) * S(lambda i: e(i) * D(y[i] - t[i], w[0][0])))   # the 2 dropped, 1/2 kept
check(324, G, S(lambda i: e(i) * D(y[i], w[0][0])))
check(332, G, S(lambda i: e(i) * D(g(rh[i]), w[0][0])))
check(344, G, S(lambda i: e(i) * D(g(rh[i]), w[0][0])))
check(354, G, S(lambda i: e(i) * D(g(sum(g(r[i][j]) * wh[j] for j in range(2)) + bh), w[0][0])))
check(368, G, S(lambda i: e(i) * dg(rh[i]) * D(sum(g(r[i][j]) * wh[j] for j in range(2)) + bh, w[0][0])))
check(382, G, S(lambda i: e(i) * dg(rh[i]) * D(sum(g(r[i][j]) * wh[j] for j in range(2)), w[0][0])) + D(bh, w[0][0]))
check(396, G, S(lambda i: e(i) * dg(rh[i]) * D(sum(g(r[i][j]) * wh[j] for j in range(2)), w[0][0])))
check(412, G, S(lambda i: e(i) * dg(rh[i]) * D(g(r[i][0]) * wh[0], w[0][0])))
check(425, G, S(lambda i: e(i) * dg(rh[i]) * wh[0] * D(g(r[i][0]), w[0][0])))
lin = lambda i: sum(x[i][k] * w[0][k] for k in range(2))
check(436, G, S(lambda i: e(i) * dg(rh[i]) * wh[0] * D(g(lin(i) + b[0]), w[0][0])))
check(456, G, S(lambda i: e(i) * dg(rh[i]) * wh[0] * dg(r[i][0]) * D(lin(i) + b[0], w[0][0])))
check(472, G, S(lambda i: e(i) * dg(rh[i]) * wh[0] * dg(r[i][0]) * D(lin(i), w[0][0])) + D(b[0], w[0][0]))
check(485, G, S(lambda i: e(i) * dg(rh[i]) * wh[0] * dg(r[i][0]) * D(lin(i), w[0][0])))
check(502, G, S(lambda i: e(i) * dg(rh[i]) * wh[0] * dg(r[i][0]) * D(x[i][0] * w[0][0], w[0][0])))
check(517, G, S(lambda i: e(i) * dg(rh[i]) * wh[0] * dg(r[i][0]) * x[i][0]))

# ---- output bias \hat b (lines 548-593); the \hat w_i index slip cannot matter for d/d\hat b
G = D(E, bh)
hid_i = lambda i: sum(g(r[i][j]) * wh[i] for j in range(2))
check(549, G, S(lambda i: e(i) * dg(rh[i]) * D(hid_i(i) + bh, bh)))
# line 563: "... \partial/\partial b^ (sum_j g(r_j) w^_i) + \partial b^/\partial b^" -- the 1 is added, not multiplied
r562_out = S(lambda i: e(i) * dg(rh[i]) * D(hid_i(i), bh)) + D(bh, bh)          # + outside the sum
r562_in = S(lambda i: e(i) * dg(rh[i]) * D(hid_i(i), bh) + D(bh, bh))           # + inside the sum
print("  (line 563, + inside the sum over i: "
      + ("holds" if _common.equal(G, r562_in) else "fails") + ")", file=sys.stderr)
check(563, G, r562_out)
check(577, G, S(lambda i: e(i) * dg(rh[i]) * D(bh, bh)))
check(587, G, S(lambda i: e(i) * dg(rh[i])))

# ---- hidden bias b_1 (lines 601-625)
G = D(E, b[0])
check(602, G, S(lambda i: e(i) * dg(rh[i]) * wh[0] * dg(r[i][0]) * D(lin(i) + b[0], b[0])))
check(618, G, S(lambda i: e(i) * dg(rh[i]) * wh[0] * dg(r[i][0])))

# ================================================================== three-layer network
wx = [[sp.Symbol(f"wx{k}{n}", real=True) for n in (1, 2)] for k in (1, 2)]    # wx[k-1][n-1] = w_{x_k, n}
bb = {n: sp.Symbol(f"bb{n}", real=True) for n in range(1, 6)}
W = {(a_, c_): sp.Symbol(f"w{a_}{c_}", real=True) for a_, c_ in [(1, 3), (2, 3), (1, 4), (2, 4), (3, 5), (4, 5)]}
R = []
for i in Ms:
    r1 = wx[0][0] * x[i][0] + wx[1][0] * x[i][1] + bb[1]
    r2 = wx[0][1] * x[i][0] + wx[1][1] * x[i][1] + bb[2]
    r3 = W[1, 3] * g(r1) + W[2, 3] * g(r2) + bb[3]
    r4 = W[1, 4] * g(r1) + W[2, 4] * g(r2) + bb[4]
    r5 = W[3, 5] * g(r3) + W[4, 5] * g(r4) + bb[5]
    R.append({1: r1, 2: r2, 3: r3, 4: r4, 5: r5})
Y3 = [g(R[i][5]) for i in Ms]
E3 = sp.Rational(1, 2) * sum((Y3[i] - t[i]) ** 2 for i in Ms)
e3 = lambda i: Y3[i] - t[i]
v = wx[0][0]   # w_{x_1, 1}
G = D(E3, v)
check(777, G, S(lambda i: e3(i) * D(g(R[i][5]), v)))
check(787, G, S(lambda i: e3(i) * dg(R[i][5]) * D(R[i][5], v)))
check(797, G, S(lambda i: e3(i) * dg(R[i][5]) * D(W[3, 5] * g(R[i][3]) + W[4, 5] * g(R[i][4]) + bb[5], v)))
check(813, D(bb[5], v), 0)
# lines 818-839: chain headed by d/dw_{x1,1} (w35 g(r3)), per sample
H = lambda i: D(W[3, 5] * g(R[i][3]), v)
check_all(825, [(H(i), W[3, 5] * D(g(R[i][3]), v)) for i in Ms])
check_all(830, [(H(i), W[3, 5] * dg(R[i][3]) * D(R[i][3], v)) for i in Ms])
check_all(836, [(H(i), W[3, 5] * dg(R[i][3]) * D(W[1, 3] * g(R[i][1]) + W[2, 3] * g(R[i][2]) + bb[3], v)) for i in Ms])
check_all(845, [(H(i), W[3, 5] * dg(R[i][3]) * D(W[1, 3] * g(R[i][1]), v)) for i in Ms])
check_all(855, [(H(i), W[3, 5] * dg(R[i][3]) * W[1, 3] * dg(R[i][1]) * D(R[i][1], v)) for i in Ms])
check_all(862, [(H(i), W[3, 5] * dg(R[i][3]) * W[1, 3] * dg(R[i][1]) * D(v * x[i][0] + wx[1][0] * x[i][1] + bb[1], v)) for i in Ms])
check_all(872, [(H(i), W[3, 5] * dg(R[i][3]) * W[1, 3] * dg(R[i][1]) * x[i][0]) for i in Ms])
check_all(880, [(D(W[4, 5] * g(R[i][4]), v), W[4, 5] * dg(R[i][4]) * W[1, 4] * dg(R[i][1]) * x[i][0]) for i in Ms])
check(895, G, S(lambda i: e3(i) * dg(R[i][5]) * dg(R[i][1]) * x[i][0]
                 * (W[3, 5] * dg(R[i][3]) * W[1, 3] + W[4, 5] * dg(R[i][4]) * W[1, 4])))

# lines 1161-1183: tidy-up chain with delta_3 = delta g'(r5) w35, delta_4 = delta g'(r5) w45 (lines 1096-1098)
dl = sp.Symbol("delta", real=True)
q = [sp.Symbol(f"r{n}", real=True) for n in range(6)]  # r_1..r_5 as free symbols
d3 = dl * dg(q[5]) * W[3, 5]
d4 = dl * dg(q[5]) * W[4, 5]
head = d3 * dg(q[3]) * W[1, 3] + d4 * dg(q[4]) * W[1, 4]
check(1170, head, dl * dg(q[5]) * W[3, 5] * dg(q[3]) * W[1, 3] + dl * dg(q[5]) * W[4, 5] * dg(q[4]) * W[1, 4])
check(1178, head, dl * dg(q[5]) * (W[3, 5] * dg(q[3]) * W[1, 3] + W[4, 5] * dg(q[4]) * W[1, 4]))

"""Establish c-alexcpn-softmax-backprop.md (lines 63-225 of the chapter; stored line = orig - 62).

Network (the author's): a^{l-2} = x (2 inputs), z^{l-1} = W^{l-1} x + b^{l-1} (2 hidden),
a^{l-1} = sigma(z^{l-1}), z^l = W^l a^{l-1} + b^l (3 classes), p = softmax(z^l),
L = -sum_k y_k log p_k. 'One hot' rows use y_3 = 1 - y_1 - y_2.
Index rows use i = 1 (0-based 0) and j = 2 (0-based 1).
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import D, softmax, vec
from _fast import equal  # exact at points where every exp is rational, plus 50 digits (simplify is too slow here)

o = lambda n: n - 62
K = 3
z = vec("z", K); y = vec("y", K); P = vec("p", K, positive=True)
p = softmax(z)
L = -sum(y[k] * sp.log(p[k]) for k in range(K))
onehot = {y[2]: 1 - y[0] - y[1]}
i, j = 0, 1
dp = lambda a, c: D(p[a], z[c])
delta = lambda a, c: 1 if a == c else 0

def rows_ok(pairs, subs=None):
    return all(equal(a, c, subs=subs) for a, c in pairs)

def say(line, ok):
    print(f"line {line}: {'holds' if ok else 'fails'}")

# --- small network for the matrix rows
x = sp.Matrix(vec("x", 2)); W1 = sp.Matrix(2, 2, vec("u", 4)); b1 = sp.Matrix(vec("c", 2))
W2 = sp.Matrix(3, 2, vec("v", 6)); b2 = sp.Matrix(vec("d", 3))
sig = lambda t: 1 / (1 + sp.exp(-t))
z1 = W1 * x + b1; a1 = z1.applyfunc(sig); z2 = W2 * a1 + b2
pn = sp.Matrix(softmax(list(z2))); yv = sp.Matrix(y)
Ln = -sum(yv[k] * sp.log(pn[k]) for k in range(K))
# chain rule rows (68, 156, 186, 197): componentwise contraction over the intermediate vector
Zs = sp.Matrix(vec("Z", K))
LofZ = -sum(yv[k] * sp.log(softmax(list(Zs))[k]) for k in range(K))
dL_dz2 = sp.Matrix([D(LofZ, Zs[k]) for k in range(K)]).subs(dict(zip(Zs, z2)))
gW2 = sp.Matrix(3, 2, lambda r, c: D(Ln, W2[r, c]))
chainW2 = sp.Matrix(3, 2, lambda r, c: sum(dL_dz2[k] * D(z2[k], W2[r, c]) for k in range(K)))
ok = rows_ok(zip(gW2, chainW2))
say(o(68), ok); say(o(156), ok)
# dL/dz_i chain (89, 91, 92, 95)
r89 = D(-sum(y[k] * sp.log(p[k]) for k in range(K)), z[i])
r91 = -sum(y[k] * D(sp.log(p[k]), z[i]) for k in range(K))
r95 = -sum(y[k] * (1 / p[k]) * dp(k, i) for k in range(K))
say(o(89), equal(D(L, z[i]), r89)); say(o(91), equal(r89, r91))
f, g = sp.Function("f"), sp.Function("g"); t = sp.Symbol("t"); xs = sp.Symbol("x")
fp = sp.Lambda(t, sp.Derivative(f(t), t))
ok92 = sp.simplify(D(f(g(xs)), xs) - sp.Subs(sp.Derivative(f(t), t), t, g(xs)).doit() * D(g(xs), xs)) == 0 \
    and equal(D(sp.sin(xs ** 2 + 1), xs), sp.cos(xs ** 2 + 1) * 2 * xs)
say(o(92), ok92)
say(o(95), equal(r91, r95))
# 106: dp_i/dz_i vs p_i(delta_ij - p_j), i != j
say(o(106), equal(dp(i, i), p[i] * (delta(i, j) - p[j])))
r121 = r95
say(o(121), equal(D(L, z[i]), r121))
r123 = -sum(y[k] * (1 / p[k]) * p[i] * (delta(i, j) - p[j]) for k in range(K))
say(o(123), equal(r121, r123))
r126 = -sum(y[k] * (1 / p[k]) * p[k] * (delta(i, k) - p[i]) for k in range(K))
say(o(126), equal(r123, r126))
r131 = (-y[i] * (1 / p[i]) * p[i] * (1 - p[i])) + (-sum(y[k] * (1 / p[k]) * p[k] * (0 - p[i]) for k in range(K) if k != i))
say(o(131), equal(r126, r131)); say(o(133), equal(r131, r131) and equal(D(L, z[i]), r131))
r135 = (-y[i] * (1 - p[i])) + (-sum(y[k] * (0 - p[i]) for k in range(K) if k != i))
say(o(135), equal(r131, r135))
r137 = -y[i] + y[i] * p[i] + sum(y[k] * p[i] for k in range(K) if k != i)
say(o(137), equal(r135, r137))
r139 = -y[i] + p[i] * (y[i] + sum(y[k] for k in range(K) if k != i))
say(o(139), equal(r137, r139))
r141 = -y[i] + p[i] * sum(y)
say(o(141), equal(r139, r141))
say(o(145), equal(r141, p[i] - y[i], subs=onehot))
say(o(147), all(equal(D(L, z[k]), p[k] - y[k], subs=onehot) for k in range(K)))
ok163 = rows_ok(zip(gW2, (pn - yv) * a1.T), subs=onehot)
say(o(163), ok163)
gW1 = sp.Matrix(2, 2, lambda r, c: D(Ln, W1[r, c]))
Hs = sp.Matrix(vec("H", 2))
z2H = W2 * Hs.applyfunc(sig) + b2
LofH = -sum(yv[k] * sp.log(softmax(list(z2H))[k]) for k in range(K))
dL_dz1 = sp.Matrix([D(LofH, Hs[r]) for r in range(2)]).subs(dict(zip(Hs, z1)))
chainW1 = sp.Matrix(2, 2, lambda r, c: sum(dL_dz1[h] * D(z1[h], W1[r, c]) for h in range(2)))
say(o(186), rows_ok(zip(gW1, chainW1)))
# 197: dL/dz^{l-1}_h = sum_k dL/dz^l_k dz^l_k/da_h da_h/dz_h
chain197 = sp.Matrix([sum(dL_dz2[k] * W2[k, h] for k in range(K)) * D(sig(t), t).subs(t, z1[h]) for h in range(2)])
say(o(197), rows_ok(zip(dL_dz1, chain197)))
say(o(202), all(equal(dL_dz2[k], pn[k] - yv[k], subs=onehot) for k in range(K)))
Aa = sp.Matrix(vec("A", 2))
say(o(205), rows_ok(zip(sp.Matrix(3, 2, lambda r, c: D((W2 * Aa + b2)[r], Aa[c])), W2)))
say(o(208), equal(D(sig(t), t), sig(t) * (1 - sig(t))) and all(equal(D(a1[h], b1[h]), D(sig(t), t).subs(t, z1[h])) for h in range(2)))
sp_ = lambda h: D(sig(t), t).subs(t, z1[h])
r215 = (W2.T * (pn - yv)).multiply_elementwise(sp.Matrix([sp_(0), sp_(1)]))
say(o(215), rows_ok(zip(dL_dz1, r215), subs=onehot))
r221 = r215 * x.T
say(o(221), rows_ok(zip(gW1, chainW1)) and rows_ok(zip(gW1, r221), subs=onehot))

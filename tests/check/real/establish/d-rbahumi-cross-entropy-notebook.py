"""Establish d-rbahumi-cross-entropy-notebook.md: softmax + cross-entropy loss and its gradient
(K = 3 classes, true label y = 1 as in the text's example), and the numeric example."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import equal, softmax

def say(line, ok):
    print(f"line {line}: {'holds' if ok else 'fails'}")

K = 3
z = sp.symbols("z0:3", real=True)
q = softmax(list(z))
S = sum(sp.exp(t) for t in z)
say(19, equal(sum(q), 1))

# numeric example: p = (0, 1, 0), q = (0.23, 0.63, 0.14)
pv = [0, 1, 0]; qv = [sp.Rational("0.23"), sp.Rational("0.63"), sp.Rational("0.14")]
H = -sum(pi * sp.log(qi) for pi, qi in zip(pv, qv))
r73 = -0 * sp.log(qv[0]) - 1 * sp.log(qv[1]) - 0 * sp.log(qv[2])
say(73, sp.simplify(H - r73) == 0)
v = -sp.log(sp.Rational("0.63"))
say(74, sp.simplify(r73 - v) == 0 and abs(sp.N(v, 40) - sp.Float("0.462", 40)) <= sp.Float("0.0005", 40))

# line 92: Loss = -log q_y = -log(e^{z_y}/sum) = -z_y + log sum, y = 1
yi = 1
loss = -sp.log(q[yi])
say(92, equal(loss, -sp.log(sp.exp(z[yi]) / S)) and equal(-sp.log(sp.exp(z[yi]) / S), -z[yi] + sp.log(S)))

# lines 97-102: gradient, every i (i = y and i != y)
ok = {l: True for l in range(97, 103)}
for i in range(K):
    g = sp.diff(loss, z[i])
    ind = 1 if i == yi else 0
    dzy = sp.diff(z[yi], z[i])
    rows = {97: sp.diff(-z[yi] + sp.log(S), z[i]),
            98: sp.diff(sp.log(S), z[i]) - dzy,
            99: 1 / S * sp.diff(S, z[i]) - dzy,
            100: sp.exp(z[i]) / S - dzy,
            101: q[i] - dzy,
            102: q[i] - ind}
    prev = g
    for l in range(97, 103):
        ok[l] = ok[l] and equal(prev, rows[l])
        prev = rows[l]
for l in range(97, 103):
    say(l, ok[l])

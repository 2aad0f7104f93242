"""Establish d-jaketae-backprop-softmax-relu.md: softmax Jacobian, softmax + cross-entropy gradient,
and the gradients of a two-layer ReLU / softmax network (equations (11)-(17) of the post).

Sizes: 3 classes for the scalar rows; a batch of 2 examples, 2 inputs, 2 hidden units and 2
classes for the matrix rows. The one-hot / probability condition sum_k y_k = 1 is imposed by
substitution where the truth file says holds-under.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import equal, softmax
import _fast

n = 3
a = sp.symbols("a1:4", real=True)
y = sp.symbols("y1:4", real=True)
S = sum(sp.exp(t) for t in a)
z = softmax(a)
i, j = 0, 1

def say(line, ok):
    print(f"line {line}: {'holds' if ok else 'fails'}")

# line 54: (11) d z_i / d a_i chain
d_ii = sp.diff(z[i], a[i])
chain11 = [sp.diff(sp.exp(a[i]) / S, a[i]),
           sp.exp(a[i]) / S - sp.exp(a[i]) * sp.exp(a[i]) * S ** -2,
           z[i] - z[i] ** 2,
           z[i] * (1 - z[i])]
say(54, all(equal(d_ii, c) for c in chain11))

# line 62: (12) d z_i / d a_j, j != i
d_ij = sp.diff(z[i], a[j])
chain12 = [sp.diff(sp.exp(a[i]) / S, a[j]),
           -sp.exp(a[i]) * sp.exp(a[j]) * S ** -2,
           -z[i] * z[j]]
say(62, all(equal(d_ij, c) for c in chain12))

# line 70: (13) dL/da_i for L = -sum y_k log z_k; every link, the last one under sum y = 1
L = -sum(y[k] * sp.log(z[k]) for k in range(n))
dL = sp.diff(L, a[i])
dz = lambda k: sp.diff(z[k], a[i])
others = [k for k in range(n) if k != i]
links = [
    -sum(y[k] * sp.diff(sp.log(z[k]), a[i]) for k in range(n)),
    -sum(y[k] * (1 / z[k]) * dz(k) for k in range(n)),           # d log z_k / d z_k * d z_k / d a_i
    -sum(y[k] / z[k] * dz(k) for k in range(n)),
    -(y[i] / z[i] * dz(i) + sum(y[k] / z[k] * dz(k) for k in others)),
    -y[i] / z[i] * z[i] * (1 - z[i]) + sum(y[k] / z[k] * z[k] * z[i] for k in others),
    -y[i] + y[i] * z[i] + sum(y[k] * z[i] for k in others),
    z[i] * (y[i] + sum(y[k] for k in others)) - y[i],
    z[i] * sum(y) - y[i],
]
ok = all(equal(dL, c) for c in links)
onehot = {y[2]: 1 - y[0] - y[1]}
ok = ok and equal(dL, z[i] - y[i], subs=onehot)
say(70, ok)

# batch rows: N = 2 examples, 2 inputs, 2 hidden units, 3 classes
N, D, H, C = 2, 2, 2, 2
Z1 = sp.Matrix(N, H, lambda r, c: sp.Symbol(f"h{r}{c}", real=True))
W2 = sp.Matrix(H, C, lambda r, c: sp.Symbol(f"v{r}{c}", real=True))
b2 = sp.Matrix(1, C, lambda r, c: sp.Symbol(f"c{c}", real=True))
Y = sp.Matrix(N, C, lambda r, c: sp.Symbol(f"t{r}{c}", real=True))
rowsum = {Y[r, C - 1]: 1 - sum(Y[r, c] for c in range(C - 1)) for r in range(N)}
A2 = Z1 * W2 + sp.ones(N, 1) * b2
Z2 = sp.Matrix(N, C, lambda r, c: softmax(list(A2.row(r)))[c])
Lb = -sum(Y[r, c] * sp.log(Z2[r, c]) for r in range(N) for c in range(C))

# line 78: (14) dL/dA2 = Z2 - y (as a function of A2 directly)
Asym = sp.Matrix(N, C, lambda r, c: sp.Symbol(f"q{r}{c}", real=True))
ZA = sp.Matrix(N, C, lambda r, c: softmax(list(Asym.row(r)))[c])
LA = -sum(Y[r, c] * sp.log(ZA[r, c]) for r in range(N) for c in range(C))
gA = sp.Matrix(N, C, lambda r, c: sp.diff(LA, Asym[r, c]))
say(78, all(_fast.equal(gA[r, c], (ZA - Y)[r, c], subs=rowsum) for r in range(N) for c in range(C)))

# line 86: (15) dL/dW2 = Z1^T dL/dA2 = Z1^T (Z2 - y)
gW2 = sp.Matrix(H, C, lambda r, c: sp.diff(Lb, W2[r, c]))
mid = Z1.T * gA.subs({Asym[r, c]: A2[r, c] for r in range(N) for c in range(C)})
rhs = Z1.T * (Z2 - Y)
say(86, all(_fast.equal(gW2[r, c], mid[r, c], subs=rowsum) and _fast.equal(mid[r, c], rhs[r, c], subs=rowsum)
            for r in range(H) for c in range(C)))

# line 96: dL/db2 = Z2 - y, for one example (the text sums the rows for a batch)
L1 = -sum(Y[0, c] * sp.log(Z2[0, c]) for c in range(C))
say(96, all(_fast.equal(sp.diff(L1, b2[0, c]), (Z2 - Y)[0, c], subs=rowsum) for c in range(C)))

# line 97: dL/dW1 = X^T I[(Z2 - y) W2^T]: fails. One example at a point where A1 has mixed signs.
X = sp.Matrix([[sp.Rational(3, 5), sp.Rational(-7, 10)]])
W1 = sp.Matrix([[sp.Symbol("u00"), sp.Symbol("u01")], [sp.Symbol("u10"), sp.Symbol("u11")]])
b1 = sp.Matrix([[sp.Rational(1, 10), sp.Rational(-1, 5)]])
pt = {W1[0, 0]: sp.Rational(1, 2), W1[0, 1]: sp.Rational(-3, 4), W1[1, 0]: sp.Rational(-1, 3), W1[1, 1]: sp.Rational(2, 3)}
A1 = X * W1 + b1
A1v = A1.subs(pt)
gate = [1 if A1v[0, c] > 0 else 0 for c in range(H)]
assert 0 in gate and 1 in gate
Z1x = sp.Matrix([[gate[c] * A1[0, c] for c in range(H)]])      # ReLU, locally linear at the point
vals = {W2[r, c]: sp.Rational((3 * r + 5 * c) % 7 - 3, 4) for r in range(H) for c in range(C)}
vals.update({b2[0, c]: sp.Rational(c, 5) for c in range(C)})
yv = {Y[0, 0]: 0, Y[0, 1]: 1}
A2x = Z1x * W2 + b2
Z2x = sp.Matrix(1, C, lambda r, c: softmax(list(A2x.row(0)))[c])
L1x = -sum(Y[0, c] * sp.log(Z2x[0, c]) for c in range(C))
true = sp.Matrix(D, H, lambda r, c: sp.diff(L1x, W1[r, c])).subs(pt).subs(vals).subs(yv)
G = ((Z2x - Y[0, :]) * W2.T).subs(pt).subs(vals).subs(yv)
ok97 = True
for thr in (0, 1):                                              # I[x] = 1 for x >= threshold, else 0
    I = sp.Matrix(1, H, lambda r, c: 1 if sp.N(G[0, c], 30) >= thr else 0)
    row = X.T * I
    ok97 = ok97 and all(abs(sp.N(true[r, c] - row[r, c], 40)) < 1e-25 for r in range(D) for c in range(H))
correct = X.T * sp.Matrix(1, H, lambda r, c: G[0, c] * gate[c])   # X^T ((Z2 - y) W2^T * 1[A1 > 0])
assert all(abs(sp.N(true[r, c] - correct[r, c], 40)) < 1e-25 for r in range(D) for c in range(H))
say(97, ok97)

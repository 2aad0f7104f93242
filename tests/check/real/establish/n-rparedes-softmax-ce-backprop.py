"""Establish n-rparedes-softmax-ce-backprop.md: 2-layer MLP, ReLU hidden layer, softmax + cross-entropy; k = 3, h = 2, d = 2."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
import _common
from _common import check, check_all, vec, softmax

_common.EXACT = False  # simplify on Max/Piecewise through the network takes over a minute; 40-digit numbers decide

k, h, d = 3, 2, 2
x = sp.Matrix(vec("x", d, real=True))
W1 = sp.Matrix(h, d, sp.symbols("u11 u12 u21 u22", real=True))
W2 = sp.Matrix(k, h, sp.symbols("v11 v12 v21 v22 v31 v32", real=True))
y = vec("y", k, real=True)
onehot = {y[2]: 1 - y[0] - y[1]}
relu = lambda t: sp.Max(0, t)
ind = lambda t: sp.Piecewise((1, t > 0), (0, True))

# output layer alone (line 58): z2 free
z2s = vec("s", k, real=True)
P = softmax(z2s)
Lz = -sum(y[i] * sp.log(P[i]) for i in range(k))
check_all(58, [(sp.diff(Lz, z2s[i]), P[i] - y[i]) for i in range(k)], subs=onehot)

# full network
z1 = W1 * x
a1 = z1.applyfunc(relu)
z2 = W2 * a1
p = softmax(list(z2))
L = -sum(y[i] * sp.log(p[i]) for i in range(k))
# delta2 := dL/dz2 evaluated on the network
delta2 = sp.Matrix([sp.diff(Lz, z2s[i]) for i in range(k)]).subs(dict(zip(z2s, list(z2))))
dW2 = sp.Matrix(k, h, lambda i, j: sp.diff(L, W2[i, j]))
G67 = delta2 * a1.T
check_all(67, [(dW2[i, j], G67[i, j]) for i in range(k) for j in range(h)])
A = sp.Matrix(vec("t", h, real=True))           # a1 as free variables
Lfree = -sum(y[i] * sp.log(softmax(list(W2 * A))[i]) for i in range(k))
dLda = sp.Matrix([sp.diff(Lfree, A[j]) for j in range(h)]).subs(dict(zip(list(A), list(a1))))
check_all(77, [(dLda[j], (W2.T * delta2)[j]) for j in range(h)])
zz = vec("r", h, real=True)
Jr = sp.Matrix(h, h, lambda i, j: sp.diff(relu(zz[i]), zz[j]))
D = sp.diag(*[ind(t) for t in zz])
check_all(83, [(Jr[i, j], D[i, j]) for i in range(h) for j in range(h)])
# delta1 := dL/dz1 via z1 as free variables
Lz1 = -sum(y[i] * sp.log(softmax(list(W2 * sp.Matrix(zz).applyfunc(relu)))[i]) for i in range(k))
delta1 = sp.Matrix([sp.diff(Lz1, zz[j]) for j in range(h)]).subs(dict(zip(zz, list(z1))))
dW1 = sp.Matrix(h, d, lambda i, j: sp.diff(L, W1[i, j]))
G98 = delta1 * x.T
check_all(98, [(dW1[i, j], G98[i, j]) for i in range(h) for j in range(d)])
# summary rows
pv = sp.Matrix(p)
check_all(107, [(delta2[i], pv[i] - y[i]) for i in range(k)] + [(dW2[i, j], ((pv - sp.Matrix(y)) * a1.T)[i, j]) for i in range(k) for j in range(h)], subs=onehot)
mask = z1.applyfunc(ind)
d1s = sp.matrix_multiply_elementwise(W2.T * delta2, mask)
check_all(113, [(delta1[j], d1s[j]) for j in range(h)] + [(dW1[i, j], (d1s * x.T)[i, j]) for i in range(h) for j in range(d)])

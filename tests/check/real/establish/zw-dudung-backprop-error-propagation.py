"""Establish zw-dudung-backprop-error-propagation.md: Nielsen-style backprop equations.

Concrete net: layer l = 2 (hidden, 2 neurons, pre-activations z2 as free symbols),
layer l+1 = L = 3 (output, 2 neurons), sigmoid activation, C = 1/2 sum_j (y_j - a^L_j)^2.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, D

sig = lambda z: 1 / (1 + sp.exp(-z))
u = sp.Symbol("u", real=True)
sigp = lambda z: D(sig(u), u).subs(u, z)

n = 2
z2 = vec("z2_", n, real=True)                      # z^l (hidden pre-activations)
W3 = [vec(f"w{j+1}_", n, real=True) for j in range(n)]   # W3[j][k] = w^{l+1}_{jk}
b3 = vec("b3_", n, real=True)
y = vec("y", n, real=True)
a2 = [sig(t) for t in z2]
z3 = [b3[j] + sum(W3[j][k] * a2[k] for k in range(n)) for j in range(n)]
a3 = [sig(t) for t in z3]
C = sp.Rational(1, 2) * sum((y[j] - a3[j]) ** 2 for j in range(n))

# C as a function of the output pre-activations Z3 and output activations A3 (free symbols)
Z3 = vec("Z3_", n, real=True)
A3 = vec("A3_", n, real=True)
C_of_Z3 = sp.Rational(1, 2) * sum((y[j] - sig(Z3[j])) ** 2 for j in range(n))
C_of_A3 = sp.Rational(1, 2) * sum((y[j] - A3[j]) ** 2 for j in range(n))
sub3 = dict(zip(Z3, z3))
subA3 = dict(zip(A3, a3))
delta3 = [D(C_of_Z3, Z3[k]).subs(sub3) for k in range(n)]      # delta^{l+1} = delta^L
delta2 = [D(C, z2[j]) for j in range(n)]                        # delta^l
dC_dA3 = [D(C_of_A3, A3[j]).subs(subA3) for j in range(n)]
# C as a function of hidden activations A2 (free symbols)
A2 = vec("A2_", n, real=True)
C_of_A2 = C.subs(dict(zip([sig(t) for t in z2], A2)))
dC_dA2 = [D(C_of_A2, A2[j]).subs(dict(zip(A2, a2))) for j in range(n)]

j, k = 0, 1  # neuron j = 1, k = 2

# top block: (3) and (4)
check_all(21, [(delta2[i], sum(W3[kk][i] * delta3[kk] for kk in range(n)) * sigp(z2[i])) for i in range(n)])
check_all(25, [(delta3[i], (a3[i] - y[i]) * sigp(z3[i])) for i in range(n)])

# A5 chain rule with concrete functions y = f(u), u = g(x)
xx = sp.Symbol("xx", real=True)
g = xx ** 3 + sp.cos(xx)
f = lambda v: sp.log(1 + v ** 2)
check(69, D(f(g), xx), D(f(u), u).subs(u, g) * D(g, xx))
# A6
check(77, delta3[j], dC_dA3[j] * sigp(z3[j]))

# B1
check(88, delta2[j], D(C, z2[j]))
check(89, delta2[j], dC_dA2[j] * D(a2[j], z2[j]))
check(90, delta2[j], dC_dA2[j] * D(sig(z2[j]), z2[j]))
check(91, delta2[j], dC_dA2[j] * sigp(z2[j]))
check(92, delta3[j], dC_dA3[j] * sigp(z3[j]))

# B2
lhs = dC_dA3[j]
check(102, lhs, D(C_of_A3, A3[j]).subs(subA3))
check(103, lhs, sp.Rational(1, 2) * 2 * (y[j] - a3[j]) * -1)
check(104, lhs, -(y[j] - a3[j]))
check(105, lhs, a3[j] - y[j])

# B3 (layers l-1 -> l are played by 2 -> 3 here)
check(114, z3[j], b3[j] + sum(W3[j][kk] * sig(z2[kk]) for kk in range(n)))
dz = D(z3[j], z2[k])
check(115, dz, D(b3[j] + sum(W3[j][kk] * sig(z2[kk]) for kk in range(n)), z2[k]))
check(116, dz, W3[j][k] * D(sig(z2[k]), z2[k]))
check(117, dz, W3[j][k] * sigp(z2[k]))
check(118, dz, W3[j][k] * sigp(z2[k]))
check(119, D(z3[k], z2[j]), W3[k][j] * sigp(z2[j]))

# B4
check(126, delta2[j], D(C, z2[j]))
r127 = sum(delta3[kk] * D(z3[kk], z2[j]) for kk in range(n))
check(127, delta2[j], r127)
check(128, delta2[j], sum(D(z3[kk], z2[j]) * delta3[kk] for kk in range(n)))
check(129, delta2[j], sum((W3[kk][j] * sigp(z2[j])) * delta3[kk] for kk in range(n)))
check(130, delta2[j], sum(W3[kk][j] * sigp(z2[j]) * delta3[kk] for kk in range(n)))
check_all(131, [(delta2[i], sum(W3[kk][i] * delta3[kk] for kk in range(n)) * sigp(z2[i])) for i in range(n)])

# B5
check_all(139, [(delta3[i], dC_dA3[i] * sigp(z3[i])) for i in range(n)])
check(140, delta3[j], (a3[j] - y[j]) * sigp(z3[j]))
check_all(141, [(delta3[i], (a3[i] - y[i]) * sigp(z3[i])) for i in range(n)])

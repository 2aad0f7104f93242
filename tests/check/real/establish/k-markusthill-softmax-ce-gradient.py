"""Establish k-markusthill-softmax-ce-gradient.md: softmax + cross-entropy gradient.
p = 3 output units; i = 1 (the differentiated unit), j = 2 for the j != i case."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec, softmax, D

p = 3
z = vec("z", p, real=True)
y = vec("y", p, positive=True)
o = softmax(z)
S = sum(sp.exp(t) for t in z)
E = -sum(y[j] * sp.log(o[j]) for j in range(p))
i, j = 0, 1
dE = D(E, z[i])

# line 38/39: dE/dz_i = -sum_j y_j d/dz_i log o_j, split into j != i and j = i
r38 = -sum(y[jj] * D(sp.log(o[jj]), z[i]) for jj in range(p))
check(38, dE, r38)
r39 = -sum(y[jj] * D(sp.log(o[jj]), z[i]) for jj in range(p) if jj != i) - y[i] * D(sp.log(o[i]), z[i])
check(39, r38, r39)

# lines 48-51: d o_j / d z_i for j != i
d_oj = D(o[j], z[i])
check(48, d_oj, D(sp.exp(z[j]) / S, z[i]))
r49 = sp.exp(z[j]) * D(S ** -1, z[i])
check(49, d_oj, r49)            # needs j != i (the o_j case)
r50 = -sp.exp(z[j]) * S ** -2 * sp.exp(z[i])
check(50, r49, r50)
check(51, r50, -o[j] * o[i])

# lines 60-63: d o_i / d z_i
d_oi = D(o[i], z[i])
check(60, d_oi, D(sp.exp(z[i]) / S, z[i]))
r61 = sp.exp(z[i]) / S + sp.exp(z[i]) * D(1 / S, z[i])
check(61, d_oi, r61)
r62 = sp.exp(z[i]) / S - sp.exp(z[i]) * S ** -2 * sp.exp(z[i])
check(62, r61, r62)
check(63, r62, o[i] - o[i] ** 2)

# lines 72-73
check(72, dE, r39)
r73 = -sum(y[jj] / o[jj] * D(o[jj], z[i]) for jj in range(p) if jj != i) - y[i] / o[i] * D(o[i], z[i])
check(73, r39, r73)

# lines 82-87
r82 = sum(y[jj] / o[jj] * o[jj] * o[i] for jj in range(p) if jj != i) - y[i] / o[i] * (o[i] - o[i] ** 2)
check(82, dE, r82)
r84 = sum(y[jj] * o[i] for jj in range(p) if jj != i) - y[i] * (1 - o[i])
check(84, r82, r84)
r85 = o[i] * sum(y[jj] for jj in range(p) if jj != i) - y[i] + y[i] * o[i]
check(85, r84, r85)
r86 = o[i] * sum(y) - y[i]
check(86, r85, r86)
# line 87 needs sum_j y_j = 1 (stated under the brace on line 86)
onehot = {y[2]: 1 - y[0] - y[1]}
check(87, r86, o[i] - y[i], subs=onehot)

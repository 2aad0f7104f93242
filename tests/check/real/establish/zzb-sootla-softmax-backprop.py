"""Establish zzb-sootla-softmax-backprop.md: sigmoid/softmax derivatives and delta^L = a^L - y.

Concrete size: K = 3 softmax units; i = first unit (index 0), j ranges over the others.
Rows on lines 23, 36, 40, 60 hold two display rows each (split by \\\\); every '=' link of a
chain is checked (check_all over consecutive members).
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax, D

def chain(line, members, subs=None):
    return check_all(line, list(zip(members[:-1], members[1:])), subs=subs)

# sigmoid hidden unit
z = sp.Symbol("z", real=True)
E = sp.exp(-z)
a = 1 / (1 + E)
da = D(a, z)
check(21, da, a * (1 - a))
# line 23, row 1 and row 2
chain(23, [da, D(1 / (1 + E), z), E / (1 + E) ** 2, 1 / (1 + E) * E / (1 + E)])
chain(23, [1 / (1 + E) * E / (1 + E), 1 / (1 + E) * (1 + E - 1) / (1 + E), 1 / (1 + E) * (1 - 1 / (1 + E)), a * (1 - a)])

# softmax output layer, K = 3
K = 3
Z = vec("z", K, real=True)
A = softmax(Z)
S = sum(sp.exp(t) for t in Z)
chain(28, [sum(A), sum(sp.exp(t) / S for t in Z), sum(sp.exp(t) for t in Z) / S, 1])
i = 0
check(34, D(A[i], Z[i]), A[i] * (1 - A[i]))
chain(36, [D(A[i], Z[i]), D(sp.exp(Z[i]) / S, Z[i]), (S * sp.exp(Z[i]) - sp.exp(Z[i]) ** 2) / S ** 2])
chain(36, [(S * sp.exp(Z[i]) - sp.exp(Z[i]) ** 2) / S ** 2, sp.exp(Z[i]) * (S - sp.exp(Z[i])) / S ** 2,
           sp.exp(Z[i]) / S * (S / S - sp.exp(Z[i]) / S), A[i] * (1 - A[i])])
j = 1
check(38, D(A[j], Z[i]), -A[j] * A[i])
chain(40, [D(A[j], Z[i]), D(sp.exp(Z[j]) / S, Z[i]), -sp.exp(Z[j]) * sp.exp(Z[i]) / S ** 2])
chain(40, [-sp.exp(Z[j]) * sp.exp(Z[i]) / S ** 2, -sp.exp(Z[j]) / S * sp.exp(Z[i]) / S, -A[j] * A[i]])

# cross-entropy, single example
Y = vec("y", K, real=True)
Cx = -sum(Y[k] * sp.log(A[k]) for k in range(K))
hot = 1  # one-hot target e_2
onehot = {Y[0]: 0, Y[1]: 1, Y[2]: 0}
check(47, Cx, -sp.log(A[hot]), subs=onehot)
sum1 = {Y[2]: 1 - Y[0] - Y[1]}  # one-hot => sum_j y_j = 1
delta = [D(Cx, Z[k]) for k in range(K)]
check(52, delta[i], A[i] - Y[i], subs=sum1)
check_all(54, [(delta[k], A[k] - Y[k]) for k in range(K)], subs=sum1)
others = [k for k in range(K) if k != i]
chain(56, [delta[i], D(-sum(Y[k] * sp.log(A[k]) for k in range(K)), Z[i]),
           -sum(Y[k] * D(sp.log(A[k]), Z[i]) for k in range(K)),
           -sum(Y[k] / A[k] * D(A[k], Z[i]) for k in range(K))])
check(58, delta[i], -Y[i] / A[i] * D(A[i], Z[i]) - sum(Y[k] / A[k] * D(A[k], Z[i]) for k in others))
r60a = -Y[i] / A[i] * A[i] * (1 - A[i]) + sum(Y[k] / A[k] * A[k] * A[i] for k in others)
r60b = -Y[i] * (1 - A[i]) + sum(Y[k] * A[i] for k in others)
chain(60, [delta[i], r60a, r60b])
r60c = -Y[i] + A[i] * Y[i] + A[i] * sum(Y[k] for k in others)
chain(60, [r60b, r60c, A[i] * (Y[i] + sum(Y[k] for k in others)) - Y[i], A[i] * sum(Y) - Y[i]])
check(62, delta[i], A[i] - Y[i], subs=sum1)

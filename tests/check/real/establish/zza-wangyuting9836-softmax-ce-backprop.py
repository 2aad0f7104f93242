"""Establish zza-wangyuting9836-softmax-ce-backprop.md: softmax + cross-entropy gradient (V = 3 classes)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax

V = 3
h = vec("h", V, real=True)
y = vec("y", V, positive=True)          # general targets for rows that do not use one-hot
q = softmax(h)
L = -sum(y[j] * sp.log(q[j]) for j in range(V))
dq = lambda j, i: sp.diff(q[j], h[i])
dLdq = lambda j: (-y[j] / q[j])         # dL/dq_j at q = softmax(h)
k = 0                                   # correct class
onehot = {y[0]: 1, y[1]: 0, y[2]: 0}
I = range(V)

# line 41, four aligned rows on one line (compared with dL/dh_i, every i)
check_all(41, [(sp.diff(L, h[i]), -sum(dLdq(j) * dq(j, i) for j in I)) for i in I])
check_all(41, [(sp.diff(L, h[i]), -sum(y[j] / q[j] * dq(j, i) for j in I)) for i in I])
check_all(41, [(sp.diff(L, h[i]), -y[k] / q[k] * dq(k, i) - sum(y[j] / q[j] * dq(j, i) for j in I if j != k)) for i in I])
check_all(41, [(sp.diff(L, h[i]).subs(onehot), -1 / q[k] * dq(k, i)) for i in I])

# line 77: j = i case, three rows
E = [sp.exp(t) for t in h]
for_rows = []
def den(i):
    return E[i] + sum(E[l] for l in I if l != i)
check_all(77, [(dq(i, i), E[i] / den(i) - E[i] * E[i] / den(i) ** 2) for i in I])
check_all(77, [(dq(i, i), q[i] - q[i] * q[i]) for i in I])
check_all(77, [(dq(i, i), q[i] * (1 - q[i])) for i in I])

# line 81: j != i case, two rows
pairs = [(j, i) for j in I for i in I if j != i]
check_all(81, [(dq(j, i), -E[j] * E[i] / den(i) ** 2) for j, i in pairs])
check_all(81, [(dq(j, i), -q[j] * q[i]) for j, i in pairs])

"""Establish h-bschlaman-softmax-jacobian-ce.md: softmax Jacobian by the log-derivative and the
softmax + cross-entropy gradient (n = 3)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax

n = 3
z = vec("z", n, real=True)
y = vec("y", n, real=True)
I = range(n)
sg = softmax(z)
S = sum(sp.exp(t) for t in z)
d = lambda i, j: 1 if i == j else 0
# line 27, literal reading: (1/sigma_i) * d(sigma_i)/d(sigma_i) = 1/sigma_i vs d log sigma_i / dz_j
check(27, sp.diff(sp.log(sg[0]), z[0]), 1 / sg[0])
# line 29, literal reading: d(sigma_i)/d(sigma_i) = 1 vs sigma_i d log sigma_i / dz_j
check(29, 1, sg[0] * sp.diff(sp.log(sg[0]), z[0]))
# line 35: log sigma_i = z_j - log S (index typo), all i, j
check_all(35, [(sp.log(sg[i]), z[j] - sp.log(S)) for i in I for j in I])
r42 = lambda i, j: d(i, j) - 1 / S * sp.diff(S, z[j])
check_all(42, [(sp.diff(sp.log(sg[i]), z[j]), r42(i, j)) for i in I for j in I])
check_all(43, [(r42(i, j), d(i, j) - sg[j]) for i in I for j in I])
check_all(51, [(sp.diff(sg[i], z[j]), sg[i] * sp.diff(sp.log(sg[i]), z[j])) for i in I for j in I])
check_all(52, [(sg[i] * sp.diff(sp.log(sg[i]), z[j]), sg[i] * (d(i, j) - sg[j])) for i in I for j in I])
check_all(56, [(sp.diff(sg[i], z[j]), (sg[i] * (1 - sg[i]) if i == j else -sg[i] * sg[j])) for i in I for j in I])
L = -sum(y[i] * sp.log(sg[i]) for i in I)
r76 = lambda j: -sum(y[i] * sp.diff(sp.log(sg[i]), z[j]) for i in I)
r77 = lambda j: -sum(y[i] * (d(i, j) - sg[j]) for i in I)
r78 = lambda j: sum(y[i] * sg[j] for i in I) - sum(y[i] * d(i, j) for i in I)
r82 = lambda j: sum(y[i] * sg[j] for i in I) - y[j]
r83 = lambda j: sg[j] * sum(y) - y[j]
check_all(76, [(sp.diff(L, z[j]), r76(j)) for j in I])
check_all(77, [(r76(j), r77(j)) for j in I])
check_all(78, [(r77(j), r78(j)) for j in I])
check_all(82, [(sp.diff(L, z[j]), r82(j)) for j in I])
check_all(83, [(r82(j), r83(j)) for j in I])
onehot = {y[0]: 0, y[1]: 1, y[2]: 0}
check_all(84, [(r83(j), sg[j] - y[j]) for j in I], subs=onehot)
check_all(94, [(sp.diff(L, z[j]), sg[j] - y[j]) for j in I], subs=onehot)

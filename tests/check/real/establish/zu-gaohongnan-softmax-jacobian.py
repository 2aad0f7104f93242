"""zu-gaohongnan-softmax-jacobian.md (excerpt, lines 908-1419 of the source):
softmax Jacobian and the cross-entropy gradient, K = 3 classes, D = 2 inputs.

Line numbers are those of the stored excerpt.  Row 447 writes dL/dz_j as the single
product dL/dyhat_j * dyhat_j/dz_j, dropping the k != j paths; it is wrong even for
one-hot y (for j != true class it gives 0 instead of yhat_j).
"""
import sympy as sp
from _common import vec, softmax, check, check_all, D

K, Dm = 3, 2
R = range(K)
z = vec("z", K)
y = vec("y", K)
S = softmax(z)
E = [sp.exp(t) for t in z]
h = sum(E)
d = lambda i, j: 1 if i == j else 0
allp = [(i, j) for i in R for j in R]
off = [(i, j) for i in R for j in R if i != j]

check_all(35, [(D(S[i], z[j]), D(E[i] / h, z[j])) for i, j in allp])
check_all(72, [(D(S[i], z[j]), D(E[i] / h, z[j])) for i, j in allp])
x = sp.Symbol("x")
g, hh = sp.Function("g")(x), sp.Function("h")(x)
check(79, D(g / hh, x), (D(g, x) * hh - D(hh, x) * g) / hh**2)
check_all(106, [(D(h, z[j]), e) for j, e in zip(R, E)])
check_all(123, [(D(E[i], z[j]), E[j] if i == j else 0) for i, j in allp])
r144 = [(E[i] * h - E[i] * E[i]) / h**2 for i in R]
r153 = [(E[i] * h - sp.exp(2 * z[i])) / h**2 for i in R]
r160 = [E[i] / h - (E[i] / h)**2 for i in R]
r167 = [S[i] - S[i]**2 for i in R]
r173 = [S[i] * (1 - S[i]) for i in R]
check_all(144, [(D(S[i], z[i]), r144[i]) for i in R])
check_all(153, [(D(S[i], z[i]), r153[i]) for i in R])
check_all(160, [(D(S[i], z[i]), r160[i]) for i in R])
check_all(167, [(D(S[i], z[i]), r167[i]) for i in R])
check_all(173, [(D(S[i], z[i]), r173[i]) for i in R])
check_all(195, [(D(S[i], z[j]), (0 - E[i] * E[j]) / h**2) for i, j in off])
check_all(201, [(D(S[i], z[j]), -E[i] * E[j] / h**2) for i, j in off])
check_all(208, [(D(S[i], z[j]), -(E[j] / h) * (E[i] / h)) for i, j in off])
check_all(216, [(D(S[i], z[j]), -S[i] * S[j]) for i, j in off])
check_all(228, [(D(S[i], z[j]), -S[i] * S[j]) for i, j in off])
check_all(237, [(D(S[i], z[j]), S[i] * (1 - S[i]) if i == j else -S[i] * S[j]) for i, j in allp])
check_all(245, [(D(S[i], z[j]), S[i] * (d(i, j) - S[j])) for i, j in allp])
check_all(258, [(D(S[i], z[j]), S[i] * (d(i, j) - S[j])) for i, j in allp])
check_all(303, [(D(S[i], z[i]), S[i] * (1 - S[i])) for i in R])
check_all(307, [(D(S[i], z[j]), -S[i] * S[j]) for i, j in off])
JS = sp.Matrix(K, K, lambda i, j: S[i] * (1 - S[i]) if i == j else -S[i] * S[j])
check_all(312, [(D(S[i], z[j]), JS[i, j]) for i, j in allp])
Sv = sp.Matrix(S)
M = sp.diag(*S) - Sv * Sv.T
check_all(332, [(D(S[i], z[j]), M[i, j]) for i, j in allp])

# cross-entropy part
Q = vec("q", K, positive=True)                 # yhat as independent variables
Lq = -sum(y[j] * sp.log(Q[j]) for j in R)
L = Lq.subs(dict(zip(Q, S)))
onehot = {y[K - 1]: 1 - sum(y[:K - 1])}         # y one-hot (line 416-418): sum_j y_j = 1
check_all(440, [(D(L, z[j]), S[j] - y[j]) for j in R], subs=onehot)
single = [D(Lq, Q[j]).subs(dict(zip(Q, S))) * D(S[j], z[j]) for j in R]
# fails even for genuine one-hot vectors y = e_c
pairs447 = []
for c in R:
    oh = {y[k]: d(k, c) for k in R}
    pairs447 += [(D(L, z[j]).subs(oh), single[j].subs(oh)) for j in R]
check_all(447, pairs447)
check_all(448, [(single[j], D(Lq, Q[j]).subs(dict(zip(Q, S))) * D(S[j], z[j])) for j in R])
xv = vec("x", Dm)
b = vec("b", K)
th = [[sp.Symbol(f"theta{i+1}{j+1}") for j in R] for i in range(Dm)]
zt = [sum(th[i][j] * xv[i] for i in range(Dm)) + b[j] for j in R]
check_all(461, [(D(zt[j], th[i][j]), xv[i]) for i in range(Dm) for j in R])
tz = dict(zip(z, zt))
Lt = L.subs(tz)
pairs469 = []
for i in range(Dm):
    for j in R:
        mid = D(L, z[j]).subs(tz) * D(zt[j], th[i][j])
        pairs469 += [(D(Lt, th[i][j]), mid), (mid, (S[j] - y[j]).subs(tz) * xv[i])]
check_all(469, pairs469, subs=onehot)

"""Establish j-tatsy-softmax-cross-entropy.md (Japanese, softmax + cross-entropy, log-softmax)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax

D_ = 3
y = vec("y", D_, positive=True)          # labels
t = vec("t", D_, real=True)              # t = A x + b
yt = softmax(t)                           # tilde y
LCE = lambda yy: sum(-y[d] * sp.log(yy[d]) for d in range(D_))

# line 43: dL/d ytilde_i = -y_j / ytilde_j  (L = L_CE as a function of ytilde); i != j gives a mismatch
Y = vec("u", D_, positive=True)           # ytilde as free variables
L_of_Y = LCE(Y)
check(43, sp.diff(L_of_Y, Y[0]), -y[1] / Y[1])   # i = 1, j = 2 as written

# A is 3x2, x is 2-vector, b is 3-vector
x = vec("x", 2, real=True)
A = [[sp.Symbol(f"A{i}{j}", real=True) for j in range(2)] for i in range(D_)]
b = vec("b", D_, real=True)
tA = [sum(A[i][j] * x[j] for j in range(2)) + b[i] for i in range(D_)]
ytA = softmax(tA)
L = LCE(ytA)
subs_t = {t[k]: tA[k] for k in range(D_)}

# line 63: dL/dA_ij = (dL_CE/dytilde . dytilde/dt . dt/dA)_ij  (chain rule, summed over the inner indices)
dLdY = [sp.diff(L_of_Y, Y[l]) for l in range(D_)]
pairs = []
for i in range(D_):
    for j in range(2):
        chain = sum(dLdY[l].subs({Y[m]: ytA[m] for m in range(D_)}) * sp.diff(yt[l], t[k]).subs(subs_t) * sp.diff(tA[k], A[i][j])
                    for l in range(D_) for k in range(D_))
        pairs.append((sp.diff(L, A[i][j]), chain))
check_all(63, pairs)

# line 70: (dL_CE/dytilde)_i = -y_i/ytilde_i
check_all(70, [(sp.diff(L_of_Y, Y[i]), -y[i] / Y[i]) for i in range(D_)])
# line 71: (dytilde/dt)_ij = delta_ij ytilde_i - ytilde_i ytilde_j
check_all(71, [(sp.diff(yt[i], t[j]), (1 if i == j else 0) * yt[i] - yt[i] * yt[j]) for i in range(D_) for j in range(D_)])
# line 72: (dt/dA)_ijk = dt_k/da_ij = delta_ik x_j
check_all(72, [(sp.diff(tA[k], A[i][j]), (1 if i == k else 0) * x[j]) for i in range(D_) for j in range(2) for k in range(D_)])
# line 79: (dt/db)_ij = 1  -- but dt_i/db_j = delta_ij
check_all(79, [(sp.diff(tA[i], b[j]), 1) for i in range(D_) for j in range(D_)])

# softmax stability rows
xs = vec("z", D_, real=True)
m = sp.Max(*xs)
S = sum(sp.exp(v) for v in xs)
sm = [sp.exp(v) / S for v in xs]
# line 201: e^{x_i}/sum_j e^{x_j} = e^{x_i - max}/sum_i e^{x_j - max}  (sum over i of a summand in j: D e^{x_j - max}, j free)
pairs = []
for i in range(D_):
    for j in range(D_):
        wrong = sp.exp(xs[i] - m) / sum(sp.exp(xs[j] - m) for _ in range(D_))
        pairs.append((sp.exp(xs[i]) / S, sm[i]))
        pairs.append((sm[i], wrong))
check_all(201, pairs)
# line 220: log softmax_i = x_i - log sum_j e^{x_j}
check_all(220, [(sp.log(sm[i]), xs[i] - sp.log(S)) for i in range(D_)])
# line 227: log sum e^{x_j} = log(e^{max} sum e^{x_j - max})
r227 = sp.log(sp.exp(m) * sum(sp.exp(v - m) for v in xs))
check(227, sp.log(S), r227)
# line 229: = max + log sum e^{x_j - max}
r229 = m + sp.log(sum(sp.exp(v - m) for v in xs))
check(229, r227, r229)
# line 236: log softmax_i = x_i - max - log sum e^{x_j - max}
check_all(236, [(sp.log(sm[i]), xs[i] - m - sp.log(sum(sp.exp(v - m) for v in xs))) for i in range(D_)])

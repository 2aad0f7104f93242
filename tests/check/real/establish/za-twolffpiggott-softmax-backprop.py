"""Establish za-twolffpiggott-softmax-backprop.md (Tim Wolff-Piggott, CS231n affine+softmax backprop).

Concrete size: N = 2 observations, D = 2 features, K = 3 classes; labels y_1 = class 1, y_2 = class 3.
f_ij = w_j . x_i + b_j, p_ik = softmax(f_i)_k, L_i = -log p_{i, y_i}, L = sum_i L_i.
"""
import sympy as sp
from _common import check, check_all, softmax, D

N, Dm, K = 2, 2, 3
X = sp.Matrix(N, Dm, lambda i, d: sp.Symbol(f"x{i+1}{d+1}"))
W = sp.Matrix(Dm, K, lambda d, j: sp.Symbol(f"w{d+1}{j+1}"))   # column j = w_j
b = [sp.Symbol(f"b{j+1}") for j in range(K)]
ylab = [0, 2]
F = [[sum(W[d, j] * X[i, d] for d in range(Dm)) + b[j] for j in range(K)] for i in range(N)]
P = [softmax(F[i]) for i in range(N)]
Li = [-sp.log(P[i][ylab[i]]) for i in range(N)]
L = sum(Li)

# derivative of L_i w.r.t. the score f_ik, computed through symbols
fs = sp.symbols("f1:4")
def dLi_df(i, k):
    Lf = -sp.log(softmax(list(fs))[ylab[i]])
    return D(Lf, fs[k]).subs(dict(zip(fs, F[i])))

ind = lambda c: 1 if c else 0
# line 29: dL_i/df_k = p_k - 1(y_i = k)
check_all(29, [(dLi_df(i, k), P[i][k] - ind(ylab[i] == k)) for i in range(N) for k in range(K)])
# lines 37-39: gradient w.r.t. w_j (componentwise over d), observation i
def dfk_dw(i, k, d, j):
    return D(F[i][k], W[d, j])
pairs37, pairs38, pairs39 = [], [], []
for i in range(N):
    for j in range(K):
        for d in range(Dm):
            true = D(Li[i], W[d, j])
            s37 = sum(dLi_df(i, k) * dfk_dw(i, k, d, j) for k in range(K))
            s38 = dLi_df(i, j) * dfk_dw(i, j, d, j)
            s39 = dLi_df(i, j) * X[i, d]
            pairs37.append((true, s37)); pairs38.append((s37, s38)); pairs39.append((s38, s39))
check_all(37, pairs37)
check_all(38, pairs38)
check_all(39, pairs39)
# line 47: dL/dw_j = sum_i dL_i/df_j x_i
check_all(47, [(D(L, W[d, j]), sum(dLi_df(i, j) * X[i, d] for i in range(N))) for j in range(K) for d in range(Dm)])
# line 54: [sum_i dL_i/df_k x_i]_k = X^T dF   (D x K matrices)
dF = sp.Matrix(N, K, lambda i, k: dLi_df(i, k))
lhs54 = sp.Matrix(Dm, K, lambda d, k: sum(dLi_df(i, k) * X[i, d] for i in range(N)))
rhs54 = X.T * dF
check_all(54, [(lhs54[r, c], rhs54[r, c]) for r in range(Dm) for c in range(K)])
# lines 77-79: bias
check_all(77, [(D(Li[i], b[j]), sum(dLi_df(i, k) * D(F[i][k], b[j]) for k in range(K))) for i in range(N) for j in range(K)])
check_all(78, [(sum(dLi_df(i, k) * D(F[i][k], b[j]) for k in range(K)), dLi_df(i, j) * D(F[i][j], b[j])) for i in range(N) for j in range(K)])
check_all(79, [(dLi_df(i, j) * D(F[i][j], b[j]), dLi_df(i, j) * 1) for i in range(N) for j in range(K)])
# lines 87-88
check_all(87, [(D(L, b[j]), sum(D(Li[i], b[j]) for i in range(N))) for j in range(K)])
check_all(88, [(sum(D(Li[i], b[j]) for i in range(N)), sum(dLi_df(i, j) for i in range(N))) for j in range(K)])
# line 96: db = [sum_i dL_i/df_k]_k = [sum_i dF_ik]_k, db_k = dL/db_k
check_all(96, [(D(L, b[k]), sum(dLi_df(i, k) for i in range(N))) for k in range(K)] +
              [(sum(dLi_df(i, k) for i in range(N)), sum(dF[i, k] for i in range(N))) for k in range(K)])

"""Establish zl-rexm2798-dz2-softmax-ce.md: dZ2 = A2 - Y for softmax + cross-entropy.
Size: K = 3 classes instead of 10 (the text's sums run to 10). holds-under rows impose sum_j Y_j = 1
(Y_3 = 1 - Y_1 - Y_2) or a one-hot Y, as the text assumes."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax, D

K = 3
Z = vec("z", K, real=True)
Y = vec("y", K, real=True)
A = softmax(Z)
a = vec("a", K, positive=True)             # A2 as free variables for dL/dA2
L_of_a = -sum(Y[j] * sp.log(a[j]) for j in range(K))
L = L_of_a.subs({a[j]: A[j] for j in range(K)})
sum1 = {Y[K - 1]: 1 - sum(Y[:K - 1])}
dL = [D(L, Z[j]) for j in range(K)]
dLda = [D(L_of_a, a[i]).subs({a[t]: A[t] for t in range(K)}) for i in range(K)]
J = [[D(A[i], Z[j]) for j in range(K)] for i in range(K)]

# lines 9, 59, 116, 219: dL/dZ2_j = A2_j - Y_j (needs sum Y = 1)
for ln in (9, 59, 116, 219):
    check_all(ln, [(dL[j], A[j] - Y[j]) for j in range(K)], subs=sum1)
# line 75 / 153: chain rule through A2
check_all(75, [(dL[j], sum(dLda[i] * J[i][j] for i in range(K))) for j in range(K)])
check_all(153, [(dL[j], sum(dLda[i] * J[i][j] for i in range(K))) for j in range(K)])
# line 143: one-hot Y with true class c  ->  L = -log A2_c
c = 1
onehot = {Y[t]: (1 if t == c else 0) for t in range(K)}
check(143, L.subs(onehot), -sp.log(A[c]))
# line 165: softmax Jacobian cases
check_all(165, [(J[i][j], A[i] * (1 - A[i]) if i == j else -A[i] * A[j]) for i in range(K) for j in range(K)])
# line 188: dL/dA2_i = -Y_i/A2_i substituted
check_all(188, [(dL[j], sum(-Y[i] / A[i] * J[i][j] for i in range(K))) for j in range(K)])
# line 196: i = j term
j = 0
check(196, -Y[j] / A[j] * A[j] * (1 - A[j]), -Y[j] * (1 - A[j]))
# line 202-203: sum_{i != j}(-Y_i/A_i * (-A_i A_j)) = sum_{i != j} Y_i A_j = A_j (1 - Y_j)  (sum Y = 1)
lhs = sum(-Y[i] / A[i] * (-A[i] * A[j]) for i in range(K) if i != j)
mid = sum(Y[i] * A[j] for i in range(K) if i != j)
check_all(202, [(lhs, mid), (mid, A[j] * (1 - Y[j]))], subs=sum1)
# line 209-211: dL/dZ2_j = -Y_j(1 - A_j) + A_j(1 - Y_j) = A_j - Y_j  (sum Y = 1)
check_all(209, [(dL[jj], -Y[jj] * (1 - A[jj]) + A[jj] * (1 - Y[jj])) for jj in range(K)]
          + [(-Y[jj] * (1 - A[jj]) + A[jj] * (1 - Y[jj]), A[jj] - Y[jj]) for jj in range(K)], subs=sum1)

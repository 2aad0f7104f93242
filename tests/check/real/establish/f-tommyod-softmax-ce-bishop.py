"""Establish f-tommyod-softmax-ce-bishop.tex (Bishop PRML exercise 5.7): softmax derivative and the
gradient of the multiclass cross-entropy written with y_K = 1 - sum_{k<K} y_k (K = 3 classes, N = 2)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax

K = 3
a = vec("a", K, real=True)
t = vec("t", K, real=True)
y = softmax(a)
E_ = [sp.exp(v) for v in a]
S = sum(E_)
I = range(K)
d = lambda p, q: 1 if p == q else 0
# line 7 (rows 7-14): dy_k/da_k = d softmax/da_k = d(exp a_k / sum)/da_k = exp a_k sum_{j!=k} exp a_j / sum^2
r7 = [E_[k] * sum(E_[j] for j in I if j != k) / S**2 for k in I]
check_all(7, [(sp.diff(y[k], a[k]), sp.diff(E_[k] / S, a[k])) for k in I] + [(sp.diff(y[k], a[k]), r7[k]) for k in I])
# line 15: = y_k sum_{j!=k}/sum = y_k (1 - exp a_k/sum) = y_k (1 - y_k)
b1 = [y[k] * sum(E_[j] for j in I if j != k) / S for k in I]
b2 = [y[k] * (1 - E_[k] / S) for k in I]
b3 = [y[k] * (1 - y[k]) for k in I]
check_all(15, [(r7[k], b1[k]) for k in I] + [(b1[k], b2[k]) for k in I] + [(b2[k], b3[k]) for k in I])
pairs = [(k, i) for k in I for i in I if k != i]
check_all(20, [(sp.diff(y[k], a[i]), -E_[k] * E_[i] / S**2) for k, i in pairs] + [(-E_[k] * E_[i] / S**2, -y[i] * y[k]) for k, i in pairs])
# line 29: y_k (delta_kj - y_i): index j where i is meant
check_all(29, [(sp.diff(y[k], a[i]), y[k] * (d(k, j) - y[i])) for k in I for i in I for j in I])

# error function, N = 2 samples with their own logits
N = 2
A = [[sp.Symbol(f"a{n}{k}", real=True) for k in range(1, K + 1)] for n in range(1, N + 1)]
T = [[sp.Symbol(f"t{n}{k}", real=True) for k in range(1, K + 1)] for n in range(1, N + 1)]
Y = [softmax(A[n]) for n in range(N)]
E1 = -sum(sum(T[n][k] * sp.log(Y[n][k]) for k in I) for n in range(N))
E2 = -sum((T[n][0] * sp.log(Y[n][0]) + T[n][1] * sp.log(Y[n][1]) + T[n][2] * sp.log(Y[n][2])) for n in range(N))
E3 = -sum(sum(T[n][k] * sp.log(Y[n][k]) for k in range(K - 1)) + T[n][K - 1] * sp.log(1 - sum(Y[n][k] for k in range(K - 1))) for n in range(N))
check(41, E1, E2)      # the sum over n read as covering the whole bracket
check(43, E2, E3)      # y_nK = 1 - sum_{k<K} y_nk for softmax outputs

# single sample (sum over n ignored), j = 1..K-1
En = -(sum(t[k] * sp.log(y[k]) for k in range(K - 1)) + t[K - 1] * sp.log(1 - sum(y[k] for k in range(K - 1))))
J = range(K - 1)
rest = lambda j: 1 - sum(y[k] for k in range(K - 1))
dRest = lambda j: sp.diff(rest(j), a[j])
r54 = lambda j: -(sum(t[k] / y[k] * sp.diff(y[k], a[j]) for k in range(K - 1) if k != j) + t[j] / y[j] * sp.diff(y[j], a[j])
                 - t[K - 1] / rest(j) * dRest(j))
r70 = lambda j: -(sum(t[k] / y[k] * (-y[k] * y[j]) for k in range(K - 1) if k != j) + t[j] / y[j] * y[j] * (1 - y[j])
                 - t[K - 1] / rest(j) * dRest(j))
inner = lambda j: -y[j] * sum(y[k] for k in range(K - 1) if k != j) + y[j] * (1 - y[j])
r83 = lambda j: -(sum(t[k] * (-y[j]) for k in range(K - 1) if k != j) + t[j] * (1 - y[j]) - t[K - 1] / rest(j) * inner(j))
r109 = lambda j: -(-y[j] * sum(t[k] for k in range(K - 1)) + t[j] - t[K - 1] / rest(j) * y[j] * rest(j))
r117a = lambda j: -(-y[j] * sum(t[k] for k in range(K - 1)) + t[j] - t[K - 1] * y[j])
r117b = lambda j: -(-y[j] * sum(t[k] for k in range(K)) + t[j])
check_all(54, [(sp.diff(En, a[j]), r54(j)) for j in J])
check_all(70, [(sp.diff(En, a[j]), r70(j)) for j in J])
check_all(83, [(r70(j), r83(j)) for j in J])
check_all(97, [(sp.diff(En, a[j]), r83(j)) for j in J])
check_all(109, [(r83(j), r109(j)) for j in J])
sumt = {t[2]: 1 - t[0] - t[1]}
check_all(117, [(r109(j), r117a(j)) for j in J] + [(r117a(j), r117b(j)) for j in J] + [(r117b(j), y[j] - t[j]) for j in J], subs=sumt)

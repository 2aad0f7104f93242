"""Establish m-parsiad-cross-entropy-mle.md: categorical likelihood, cross-entropy, KL, cross-entropy loss.

K = 3 faces, N = 4 observations X = (1, 3, 3, 2).
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax

K, Xs = 3, [1, 3, 3, 2]
N = len(Xs)
q = vec("q", K, positive=True)
ib = lambda a, b: 1 if a == b else 0                                  # Iverson bracket
p = [sp.Rational(sum(ib(x, k) for x in Xs), N) for k in range(1, K + 1)]   # line 27

# line 36
L = sp.prod([q[k - 1] ** ib(x, k) for x in Xs for k in range(1, K + 1)])
check_all(36, [(L, sp.prod([q[k - 1] ** sum(ib(x, k) for x in Xs) for k in range(1, K + 1)])),
               (L, sp.prod([q[k] ** (N * p[k]) for k in range(K)]))])
# line 42: log L = sum_k N p(k) log q(k), proportional (factor N) to sum_k p(k) log q(k)
ell = sp.log(L)
check_all(42, [(ell, sum(N * p[k] * sp.log(q[k]) for k in range(K))),
               (ell / N, sum(p[k] * sp.log(q[k]) for k in range(K)))])
# line 81: -E_{X~p}[log q(X)] for a PMF p (general p here)
pp = vec("p", K, positive=True)
E_logq = sum(pp[k] * sp.log(q[k]) for k in range(K))   # expectation of the function log q(X) under the PMF p
check(81, -E_logq, -sum(pp[k] * sp.log(q[k]) for k in range(K)))
# line 91: D_KL = E_p[log p/q] = H(p,q) - H(p,p)
KL = sum(pp[k] * sp.log(pp[k] / q[k]) for k in range(K))
Hpq = -sum(pp[k] * sp.log(q[k]) for k in range(K))
Hpp = -sum(pp[k] * sp.log(pp[k]) for k in range(K))
check(91, KL, Hpq - Hpp)
# line 126: (1/N) sum_n H(p_n, q_n) with p_n one-hot on y_n and q_n = softmax(f(x_n)); N = 2, K = 3
f = [vec("f1_", K, real=True), vec("f2_", K, real=True)]
ys = [1, 3]
qn = [softmax(fn) for fn in f]
Lce = sp.Rational(1, 2) * sum(-sum(ib(ys[n], k + 1) * sp.log(qn[n][k]) for k in range(K)) for n in range(2))
check(126, Lce, -sp.Rational(1, 2) * sum(sp.log(qn[n][ys[n] - 1]) for n in range(2)))

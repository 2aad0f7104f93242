"""a-d2l-information-theory-ce-kl.md (lines 400-651 of d2l information-theory.md).

L(n) maps a line of the original to the stored excerpt. Discrete distributions over 4 outcomes,
n = 2 examples and k = 3 classes for the likelihoods.
"""
import sympy as sp
from _common import vec, check, check_all

OFF = 399
L = lambda n: n - OFF
# 532: Bernoulli log-likelihood, n = 2
pi = vec("pi", 2, positive=True)
yb = vec("y", 2)
prod = sp.Mul(*[pi[i]**yb[i] * (1 - pi[i])**(1 - yb[i]) for i in range(2)])
rhs = sum(yb[i] * sp.log(pi[i]) + (1 - yb[i]) * sp.log(1 - pi[i]) for i in range(2))
check(L(532), sp.log(prod), rhs, subs=None, positive=pi + [])  # pi in (0, 1) at the sample points
# 550: CE(P,Q) = H(P) + KL(P||Q), H(P) = -E_P log p, KL = E_P log(p/q)
p, q = vec("p", 4, positive=True), vec("q", 4, positive=True)
CE = -sum(a * sp.log(b) for a, b in zip(p, q))
H = -sum(a * sp.log(a) for a in p)
KL = sum(a * sp.log(a / b) for a, b in zip(p, q))
check(L(550), CE, H + KL)
# 645-649: multinoulli log-likelihood, n = 2 examples, k = 3 classes, pi^{y_i} = prod_j pi_j^{y_ij}
k = 3
P = vec("P", k, positive=True)
Y = [vec(f"Y{i}_", k) for i in range(2)]
m1 = sp.log(sp.Mul(*[sp.Mul(*[P[j]**Y[i][j] for j in range(k)]) for i in range(2)]))
m2 = sum(Y[i][j] * sp.log(P[j]) for i in range(2) for j in range(k))
check(L(645), m1, m2)

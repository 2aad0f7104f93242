"""a-telhc-softmax-jacobian.md: softmax Jacobian by the quotient rule (K = 3, all index placements)."""
import sympy as sp
from _common import vec, softmax, check_all, D

K = 3
a = vec("a", K)
s = softmax(a)
Sig = sum(sp.exp(t) for t in a)
one = lambda i, j: 1 if i == j else 0
pairs = [(i, j) for i in range(K) for j in range(K)]
g = lambda i: sp.exp(a[i])
gp = lambda i, j: D(g(i), a[j])          # g' = d g_i / d a_j
hp = lambda j: D(Sig, a[j])              # h' = d h / d a_j
# line 8
check_all(8, [(D(s[i], a[j]), D(sp.exp(a[i]) / Sig, a[j])) for i, j in pairs]
          + [(D(sp.exp(a[i]) / Sig, a[j]), s[i] * (one(i, j) - s[j])) for i, j in pairs])
check_all(12, [(D(Sig, a[j]), sp.exp(a[j])) for j in range(K)])
check_all(14, [(D(g(i), a[j]), sp.exp(a[i]) if i == j else 0) for i, j in pairs])
# line 17: the left side differentiates e^{a_j} (typo for e^{a_i}); the right side is the quotient rule for g_i/h
check_all(17, [(D(sp.exp(a[j]) / Sig, a[j]), (gp(i, j) * Sig - hp(j) * g(i)) / Sig**2) for i, j in pairs])
check_all(18, [((gp(i, j) * Sig - hp(j) * g(i)) / Sig**2, (one(i, j) * sp.exp(a[i]) * Sig - sp.exp(a[j]) * sp.exp(a[i])) / Sig**2) for i, j in pairs])
check_all(19, [((one(i, j) * sp.exp(a[i]) * Sig - sp.exp(a[j]) * sp.exp(a[i])) / Sig**2, sp.exp(a[i]) / Sig * (one(i, j) * Sig - sp.exp(a[j])) / Sig) for i, j in pairs])
check_all(20, [(sp.exp(a[i]) / Sig * (one(i, j) * Sig - sp.exp(a[j])) / Sig, s[i] * (one(i, j) - s[j])) for i, j in pairs])

"""zi-sanster-softmax-jacobian.md: softmax Jacobian by the quotient rule (N = 3, all index pairs)."""
import sympy as sp
from _common import vec, softmax, check, check_all, D

N = 3
a = vec("a", N)
S = softmax(a)
Sig = sum(sp.exp(t) for t in a)
e = [sp.exp(t) for t in a]
pairs = [(i, j) for i in range(N) for j in range(N)]
same = [(i, i) for i in range(N)]
diff = [(i, j) for i, j in pairs if i != j]
dl = lambda i, j: 1 if i == j else 0

# line 15: dS_i/da_j = d(e^{a_i}/sum)/da_j
check_all(15, [(D(S[i], a[j]), D(e[i] / Sig, a[j])) for i, j in pairs])
# line 22: quotient rule with generic g, h
x = sp.Symbol("x")
g, h = sp.Function("g")(x), sp.Function("h")(x)
check(22, sp.diff(g / h, x), (sp.diff(g, x) * h - sp.diff(h, x) * g) / h**2)
# i == j case (lines 37-40)
check_all(37, [(D(e[i] / Sig, a[j]), (e[i] * Sig - e[j] * e[i]) / Sig**2) for i, j in same])
check_all(39, [((e[i] * Sig - e[j] * e[i]) / Sig**2, e[i] / Sig * (Sig - e[j]) / Sig) for i, j in same])
check_all(40, [(e[i] / Sig * (Sig - e[j]) / Sig, S[i] * (1 - S[j])) for i, j in same])
# i != j case (lines 46-49)
check_all(46, [(D(e[i] / Sig, a[j]), (0 - e[j] * e[i]) / Sig**2) for i, j in diff])
check_all(48, [((0 - e[j] * e[i]) / Sig**2, -e[j] / Sig * e[i] / Sig) for i, j in diff])
check_all(49, [(-e[j] / Sig * e[i] / Sig, -S[j] * S[i]) for i, j in diff])
# line 55: piecewise Jacobian
check_all(55, [(D(S[i], a[j]), S[i] * (1 - S[j])) for i, j in same]
          + [(D(S[i], a[j]), -S[j] * S[i]) for i, j in diff])
# line 70: S_i(delta_ij - S_j)
check_all(70, [(D(S[i], a[j]), S[i] * (dl(i, j) - S[j])) for i, j in pairs])

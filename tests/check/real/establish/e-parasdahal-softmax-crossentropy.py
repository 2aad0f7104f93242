"""Establish e-parasdahal-softmax-crossentropy.md: stable softmax, softmax Jacobian, softmax + CE gradient (N = 3 classes).
p_k is read as e^{a_k}/sum (as the post uses it from line 91 and in the CE part)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax

K = 3
a = vec("a", K, real=True)
C = sp.Symbol("C", positive=True)
E = [sp.exp(t) for t in a]
S = sum(E)
p = softmax(a)
II = range(K)
pairs = [(i, j) for i in II for j in II if i != j]
diag = [(i, i) for i in II]
# rows 28 and 51: p_j = e^{a_i}/S, an index typo: false for i != j (p_j = e^{a_j}/S)
check_all(28, [(p[j], E[i] / S) for i in II for j in II])
check_all(51, [(p[j], E[i] / S) for i in II for j in II])
# stability chain (row 51 restates e^{a_i}/S)
check_all(52, [(E[i] / S, C * E[i] / (C * S)) for i in II])
check_all(53, [(C * E[i] / (C * S), sp.exp(a[i] + sp.log(C)) / sum(sp.exp(t + sp.log(C)) for t in a)) for i in II])
# row 77: dp_j/da_j vs d(e^{a_i}/S)/da_j, all (i, j)
check_all(77, [(sp.diff(p[j], a[j]), sp.diff(E[i] / S, a[j])) for i in II for j in II])
q91 = lambda i, j: (E[i] * S - E[j] * E[i]) / S**2
q92 = lambda i, j: E[i] * (S - E[j]) / S**2
q93 = lambda i, j: E[j] / S * (S - E[j]) / S
check_all(91, [(sp.diff(E[i] / S, a[j]), q91(i, j)) for i, j in diag])
check_all(92, [(q91(i, j), q92(i, j)) for i, j in diag + pairs])
check_all(93, [(q92(i, j), q93(i, j)) for i, j in diag])
check_all(94, [(q93(i, j), p[i] * (1 - p[j])) for i, j in diag])
check_all(104, [(sp.diff(E[i] / S, a[j]), (0 - E[j] * E[i]) / S**2) for i, j in pairs])
check_all(105, [((0 - E[j] * E[i]) / S**2, -E[j] / S * E[i] / S) for i, j in pairs])
check_all(106, [(-E[j] / S * E[i] / S, -p[j] * p[i]) for i, j in pairs])
cases = lambda i, j: p[i] * (1 - p[j]) if i == j else -p[j] * p[i]
check_all(115, [(sp.diff(p[j], a[j]), cases(i, j)) for i in II for j in II])
delta = lambda i, j: 1 if i == j else 0
check_all(127, [(sp.diff(p[j], a[j]), p[i] * (delta(i, j) - p[j])) for i in II for j in II])
# cross-entropy gradient
y = vec("y", K, real=True)
L = -sum(y[i] * sp.log(p[i]) for i in II)
c165 = [-sum(y[k] * sp.diff(sp.log(p[k]), a[i]) for k in II) for i in II]
P = sp.Symbol("P", positive=True)
c167 = [-sum(y[k] * (1 / p[k]) * sp.diff(p[k], a[i]) for k in II) for i in II]
c179 = [-y[i] * (1 - p[i]) - sum(y[k] * (1 / p[k]) * (-p[k] * p[i]) for k in II if k != i) for i in II]
ONE = 0   # class '1' of the source is index 0 here
c180 = [-y[i] * (1 - p[i]) + sum(y[k] * p[i] for k in II if k != ONE) for i in II]
c181 = [-y[i] + y[i] * p[i] + sum(y[k] * p[i] for k in II if k != ONE) for i in II]
c182 = [p[i] * (y[i] + sum(y[k] for k in II if k != ONE)) - y[i] for i in II]
check_all(165, [(sp.diff(L, a[i]), c165[i]) for i in II])
# d log(p_k)/d p_k: differentiate log of a plain symbol, then substitute
c166 = [-sum(y[k] * (1 / P).subs(P, p[k]) * sp.diff(p[k], a[i]) for k in II) for i in II]
check_all(166, [(c165[i], c166[i]) for i in II])
check_all(167, [(c166[i], c167[i]) for i in II])
check_all(179, [(sp.diff(L, a[i]), c179[i]) for i in II])
for line, A, B in [(180, c179, c180), (181, c180, c181), (182, c181, c182), (183, c182, c182)]:
    check_all(line, [(A[i], B[i]) for i in II])
check_all(192, [(sp.diff(L, a[i]), p[i] - y[i]) for i in II], subs={y[2]: 1 - y[0] - y[1]})

"""Establish zzd-enrightward-cross-entropy-convexity.md: cross entropy H(p, q) with q in the softmax
parametrisation q_i = e^{t_i}/Z, its gradient and Hessian in t, and the quadratic form v Hess v^t.

Concrete size n = 3.  p = (p1, p2, p3) is a PDF: the post states p and q are PDFs (section 1, 2), so
the rows that need sum_i p_i = 1 are checked with p3 = 1 - p1 - p2 (truth "holds-under").
Without that substitution the gradient is (sum p) q_j - p_j, and those rows fail (printed as notes).
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, D, equal

n = 3
t = sp.symbols("t1:4", real=True)
p = sp.symbols("p1:4", positive=True)
v = sp.symbols("v1:4", real=True)
PDF = {p[2]: 1 - p[0] - p[1]}          # sum_i p_i = 1

Z = sum(sp.exp(ti) for ti in t)
q = [sp.exp(ti) / Z for ti in t]
H = -sum(p[i] * sp.log(q[i]) for i in range(n))      # definition, line 22 (H as a function of t)
R = range(n)

# line 50: H = -sum p log q = -sum p log(e^t/Z) = sum p (log Z - t) = log Z - sum p t   (last link needs sum p = 1)
A = -sum(p[i] * sp.log(q[i]) for i in R)
B = -sum(p[i] * sp.log(sp.exp(t[i]) / Z) for i in R)
C = sum(p[i] * (sp.log(Z) - t[i]) for i in R)
Dd = sp.log(Z) - sum(p[i] * t[i] for i in R)
check_all(50, [(H, A), (A, B), (B, C), (C, Dd)], subs=PDF)
print("#  line 50 without sum p = 1 (last link):", equal(C, Dd))

# line 59: d log Z / d t_j = e^{t_j}/Z = q_j   (the denominator is written 't_j' for '\partial t_j')
check_all(59, [(D(sp.log(Z), t[j]), sp.exp(t[j]) / Z) for j in R] + [(sp.exp(t[j]) / Z, q[j]) for j in R])

# line 65: dH/dt_j = q_j - p_j   (needs sum p = 1)
grad = [D(H, t[j]) for j in R]
check_all(65, [(grad[j], q[j] - p[j]) for j in R], subs=PDF)
print("#  line 65 without sum p = 1:", all(equal(grad[j], q[j] - p[j]) for j in R))

# line 81: d^2H/dt_j dt_i = d/dt_j (q_i - p_i) = d q_i/d t_j   (first link needs sum p = 1)
hess = [[D(D(H, t[i]), t[j]) for j in R] for i in R]
pairs = []
for i in R:
    for j in R:
        pairs += [(hess[i][j], D(q[i] - p[i], t[j])), (D(q[i] - p[i], t[j]), D(q[i], t[j]))]
check_all(81, pairs, subs=PDF)

# line 88: d q_i/d t_j = d/dt_j (e^{t_i}/Z) = (Z d e^{t_i}/dt_j - e^{t_i} dZ/dt_j)/Z^2 = (Z d e^{t_i}/dt_j - e^{t_i+t_j})/Z^2
pairs = []
for i in R:
    for j in R:
        m1 = D(q[i], t[j])
        m2 = D(sp.exp(t[i]) / Z, t[j])
        m3 = (Z * D(sp.exp(t[i]), t[j]) - sp.exp(t[i]) * D(Z, t[j])) / Z ** 2
        m4 = (Z * D(sp.exp(t[i]), t[j]) - sp.exp(t[i] + t[j])) / Z ** 2
        pairs += [(m1, m2), (m2, m3), (m3, m4)]
check_all(88, pairs)

# line 95: for i != j: d^2H/dt_j dt_i = -e^{t_i+t_j}/Z^2 = -q_i q_j   (i != j stated; sum p = 1)
pairs = []
for i in R:
    for j in R:
        if i != j:
            pairs += [(hess[i][j], -sp.exp(t[i] + t[j]) / Z ** 2), (-sp.exp(t[i] + t[j]) / Z ** 2, -q[i] * q[j])]
check_all(95, pairs, subs=PDF)
print("#  line 95 read for i = j as well:", equal(hess[0][0].subs(PDF), -q[0] * q[0]))

# line 101: d^2H/dt_i^2 = (Z e^{t_i} - e^{2t_i})/Z^2 = q_i - q_i^2   (sum p = 1)
pairs = []
for i in R:
    pairs += [(hess[i][i], (Z * sp.exp(t[i]) - sp.exp(2 * t[i])) / Z ** 2),
              ((Z * sp.exp(t[i]) - sp.exp(2 * t[i])) / Z ** 2, q[i] - q[i] ** 2)]
check_all(101, pairs, subs=PDF)

# line 107: Hess H = diag(Q) - Q Q^t   (Q column vector; sum p = 1)
Q = sp.Matrix(q)
Hm = sp.Matrix(hess)
Rm = sp.diag(*q) - Q * Q.T
check_all(107, [(Hm[i, j], Rm[i, j]) for i in R for j in R], subs=PDF)

# line 113 (first row of the \\-split equation): v Hess v^t = v diag(Q) v^t - v Q Q^t v^t, v a row vector
vr = sp.Matrix([list(v)])
lhs113 = (vr * Hm * vr.T)[0, 0]
m113 = (vr * sp.diag(*q) * vr.T)[0, 0] - (vr * Q * Q.T * vr.T)[0, 0]
check(113, lhs113, m113, subs=PDF)

# line 114 (second row): ... = sum v_i^2 q_i - sum v_i^2 q_i^2 = sum v_i^2 q_i (1 - q_i)
# first link: v Q Q^t v^t = (sum v_i q_i)^2, not sum v_i^2 q_i^2
s1 = sum(v[i] ** 2 * q[i] for i in R) - sum(v[i] ** 2 * q[i] ** 2 for i in R)
s2 = sum(v[i] ** 2 * q[i] * (1 - q[i]) for i in R)
check_all(114, [(m113, s1), (s1, s2)])
print("#  line 114 second link alone:", equal(s1, s2))
print("#  v Q Q^t v^t == (sum v_i q_i)^2:", equal((vr * Q * Q.T * vr.T)[0, 0], sum(v[i] * q[i] for i in R) ** 2))

"""Establish zzg-kwichmann-logistic-regression-gradient.tex: gradient of the averaged cross-entropy
of logistic regression (m = 2 examples, n = 2 features, bias b)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

m, n = 2, 2
w = vec("w", n, real=True)
b = sp.Symbol("b", real=True)
X = [vec(f"x{i}_", n, real=True) for i in range(1, m + 1)]      # x^{(i)}
y = vec("y", m, real=True)                                        # y^{(i)} (identities hold for any y)
sig = lambda t: 1 / (1 + sp.exp(-t))
z = [sum(w[j] * X[i][j] for j in range(n)) + b for i in range(m)]  # line 32
a = [sig(zi) for zi in z]
A = vec("A", m, positive=True)                                    # a^{(i)} as free symbols
Lsym = lambda Ai, yi: -(yi * sp.log(Ai) + (1 - yi) * sp.log(1 - Ai))   # line 38
J_A = sp.Rational(1, m) * sum(Lsym(A[i], y[i]) for i in range(m))      # line 42, in terms of a's
J = J_A.subs({A[i]: a[i] for i in range(m)})
at_a = {A[i]: a[i] for i in range(m)}

dJ_da = [sp.diff(J_A, A[i]).subs(at_a) for i in range(m)]
da_dz = [sp.diff(sig(sp.Symbol("t")), sp.Symbol("t")).subs(sp.Symbol("t"), z[i]) for i in range(m)]

# line 53: chain rule for dJ/dw_j and dJ/db
pairs = [(sp.diff(J, w[j]), sum(dJ_da[i] * da_dz[i] * sp.diff(z[i], w[j]) for i in range(m))) for j in range(n)]
pairs.append((sp.diff(J, b), sum(dJ_da[i] * da_dz[i] * sp.diff(z[i], b) for i in range(m))))
check_all(53, pairs)

# lines 58-60 (in terms of the free symbol a^{(i)} = A_i, 0 < A_i < 1 not needed for rational identity)
r58 = [-sp.Rational(1, m) * (y[i] / A[i] - (1 - y[i]) / (1 - A[i])) for i in range(m)]
r59 = [-sp.Rational(1, m) * (y[i] * (1 - A[i]) - (1 - y[i]) * A[i]) / (A[i] * (1 - A[i])) for i in range(m)]
r60 = [sp.Rational(1, m) * (A[i] - y[i]) / (A[i] * (1 - A[i])) for i in range(m)]
check_all(58, [(sp.diff(J_A, A[i]), r58[i]) for i in range(m)])
check_all(59, [(r58[i], r59[i]) for i in range(m)])
check_all(60, [(r59[i], r60[i]) for i in range(m)])

# line 64: da/dz = a(1-a)
check_all(64, [(da_dz[i], a[i] * (1 - a[i])) for i in range(m)])

# line 68: dJ/da * da/dz = (1/m) a - y = (1/m) delta, delta = a - y  (as written, no parentheses)
delta = [a[i] - y[i] for i in range(m)]
check_all(68, [p for i in range(m) for p in (
    (dJ_da[i] * da_dz[i], sp.Rational(1, m) * a[i] - y[i]),
    (sp.Rational(1, m) * a[i] - y[i], sp.Rational(1, m) * delta[i]))])

# line 75: dz/dw = d/dw (w^t x + b) = x  (componentwise)
check_all(75, [p for i in range(m) for j in range(n) for p in (
    (sp.diff(z[i], w[j]), sp.diff(sum(w[k] * X[i][k] for k in range(n)) + b, w[j])),
    (sp.diff(sum(w[k] * X[i][k] for k in range(n)) + b, w[j]), X[i][j]))])

# line 79: dJ/dw = (1/m) sum delta x
check_all(79, [(sp.diff(J, w[j]), sp.Rational(1, m) * sum(delta[i] * X[i][j] for i in range(m))) for j in range(n)])

# line 85: dz/db = 1
check_all(85, [(sp.diff(z[i], b), 1) for i in range(m)])

# line 89: dJ/db = (1/m) sum delta
check(89, sp.diff(J, b), sp.Rational(1, m) * sum(delta))

# line 111: Z = w^t X is claimed to give the z values z^{(i)} = w^t x^{(i)} + b: the bias is dropped
Xmat = sp.Matrix(n, m, lambda j, i: X[i][j])
Zrow = sp.Matrix([w]) * Xmat
check_all(111, [(Zrow[0, i], z[i]) for i in range(m)])

# line 123: dJ/dw = (1/m) X Delta^t, dJ/db = (1/m) J_m Delta^t, Delta = (delta^{(1)}, ..., delta^{(m)})
Delta = sp.Matrix([delta])
gw = sp.Rational(1, m) * Xmat * Delta.T
gb = sp.Rational(1, m) * sp.ones(1, m) * Delta.T
check_all(123, [(sp.diff(J, w[j]), gw[j, 0]) for j in range(n)] + [(sp.diff(J, b), gb[0, 0])])

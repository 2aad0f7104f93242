"""zzf-lyy1994-softmax-ce-derivative.md: derivative of C = -sum_k t_k log y_k, y = softmax(z),
w.r.t. z_i, and the softmax Jacobian dy_k/dz_i in an appendix.

Concrete size: K = 3 classes (the appendix's J is the same number of classes).
t is a general target vector: the post never states that t is one-hot or sums to 1.
1{k = i} is the indicator (Kronecker delta).
"""
import sympy as sp
from _common import vec, softmax, check, check_all, D

K = 3
z = vec("z", K)
t = vec("t", K)
y = softmax(z)
Sig = sum(sp.exp(a) for a in z)
one = lambda k, i: 1 if k == i else 0
C = -sum(t[k] * sp.log(y[k]) for k in range(K))
Y = sp.Symbol("Y", positive=True)
dlog = sp.diff(sp.log(Y), Y)          # d log y_k / d y_k = 1/y_k
I = range(K)

# line 34: dC/dz_i = -sum t_k d log y_k / dz_i
check_all(34, [(D(C, z[i]), -sum(t[k] * D(sp.log(y[k]), z[i]) for k in I)) for i in I])
# line 38: chain rule, two links
A = lambda i: D(C, z[i])
B = lambda i: -sum(t[k] * dlog.subs(Y, y[k]) * D(y[k], z[i]) for k in I)
B2 = lambda i: -sum(t[k] / y[k] * D(y[k], z[i]) for k in I)
check_all(38, [(A(i), B(i)) for i in I] + [(B(i), B2(i)) for i in I])
# line 42: dy_k/dz_i = y_k (1{k=i} - y_i)
check_all(42, [(D(y[k], z[i]), y[k] * (one(k, i) - y[i])) for k in I for i in I])
# line 48: plug in, cancel y_k
E1 = lambda i: -sum(t[k] / y[k] * y[k] * (one(k, i) - y[i]) for k in I)
E2 = lambda i: -sum(t[k] * (one(k, i) - y[i]) for k in I)
check_all(48, [(A(i), E1(i)) for i in I] + [(E1(i), E2(i)) for i in I])
# line 52: -sum t_k(1{k=i} - y_i) = -sum t_k 1{k=i} + sum_k y_i = -t_i + y_i = y_i - t_i
F1 = lambda i: -sum(t[k] * one(k, i) for k in I) + sum(y[i] for k in I)   # as written: sum_k y_i = K y_i
check_all(52, [(A(i), E2(i)) for i in I] + [(E2(i), F1(i)) for i in I]
          + [(F1(i), -t[i] + y[i]) for i in I] + [(-t[i] + y[i], y[i] - t[i]) for i in I])
# the same row with a one-hot t (true class 0) still fails at the second link (K y_i != y_i)
oh = {t[0]: 1, t[1]: 0, t[2]: 0}
print("  (note) line 52 with one-hot t, link E2 = F1:",
      all(sp.simplify((E2(i) - F1(i)).subs(oh)) == 0 for i in I))

# line 72: case k = i (quotient rule chain), every i
def chain72(i):
    e = sp.exp(z[i])
    return [(D(y[i], z[i]), (e * Sig - e * e) / Sig**2),
            ((e * Sig - e * e) / Sig**2, e / Sig * (Sig - e) / Sig),
            (e / Sig * (Sig - e) / Sig, y[i] * (1 - e / Sig)),
            (y[i] * (1 - e / Sig), y[i] * (1 - y[i]))]
check_all(72, [p for i in I for p in chain72(i)])
# line 80: case k != i, every pair
def chain80(k, i):
    ek, ei = sp.exp(z[k]), sp.exp(z[i])
    return [(D(y[k], z[i]), (0 * Sig - ek * ei) / Sig**2),
            ((0 * Sig - ek * ei) / Sig**2, -ek * ei / Sig**2),
            (-ek * ei / Sig**2, -ek / Sig * ei / Sig),
            (-ek / Sig * ei / Sig, -y[k] * y[i])]
check_all(80, [p for k in I for i in I if k != i for p in chain80(k, i)])
# line 87: compact form again
check_all(87, [(D(y[k], z[i]), y[k] * (one(k, i) - y[i])) for k in I for i in I])

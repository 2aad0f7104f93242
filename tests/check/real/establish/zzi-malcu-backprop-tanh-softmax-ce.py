"""Establish zzi-malcu-backprop-tanh-softmax-ce.md (m-alcu, "Neural network back propagation", whole file).

Network of the post: z_m = act(sum_d W_dm x_d (+b)), a_k = sum_m V_mk z_m + c, y = softmax(a),
Ln = sum_n sum_k t_k^(n) ln y_k^(n) (log-likelihood, maximised).  Concrete size: N = 2 samples,
D = 2 inputs, M = 2 hidden units, K = 3 classes.  For the V rows the hidden outputs z are free
symbols; for the W rows the hidden layer is the sigmoid of eq. (27), z_m = sigmoid(sum_d W_dm x_d).
Rows that hold for any targets are checked with free t; rows marked holds-under are checked with
one-hot targets (sum_k t_k = 1, which the categorical likelihood (1) presupposes); rows marked
fails are checked with the same one-hot targets, so they fail even under that condition.
Each row "dLn/dV_mk = RHS" is compared with the true derivative of Ln (every (m, k) / (d, m)).
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
import _common
from _common import check, check_all

_common.EXACT = False  # exp/softmax through a network: the random-point numerics decide

import random, mpmath
_rng = random.Random(20261208)
mpmath.mp.dps = 40


def _fast_equal(a, b, subs=None, positive=(), points=5):
    """a == b at random rational points, 40-digit mpmath via lambdify (sympy evalf is too slow here)."""
    a, b = sp.sympify(a), sp.sympify(b)
    if subs:
        a, b = a.xreplace(subs), b.xreplace(subs)
    syms = sorted(a.free_symbols | b.free_symbols, key=str)
    fa, fb = sp.lambdify(syms, a, "mpmath"), sp.lambdify(syms, b, "mpmath")
    for _ in range(points):
        pt = [mpmath.mpf(_rng.randint(5, 95)) / 100 if (s.is_positive or s in positive)
              else mpmath.mpf(_rng.randint(-300, 300)) / 100 for s in syms]
        va, vb = fa(*pt), fb(*pt)
        if abs(va - vb) > mpmath.mpf("1e-25") * (1 + abs(va) + abs(vb)):
            return False
    return True


_common.equal = _fast_equal  # check / check_all call the module's equal

N, D, M, K = 2, 2, 2, 3
x = [[sp.Symbol(f"x{n}{d}", real=True) for d in range(D)] for n in range(N)]
W = [[sp.Symbol(f"W{d}{m}", real=True) for m in range(M)] for d in range(D)]
V = [[sp.Symbol(f"V{m}{k}", real=True) for k in range(K)] for m in range(M)]
c = sp.Symbol("c", real=True)
t = [[sp.Symbol(f"t{n}{k}", real=True) for k in range(K)] for n in range(N)]
onehot = {t[0][0]: 0, t[0][1]: 1, t[0][2]: 0, t[1][0]: 1, t[1][1]: 0, t[1][2]: 0}
delta = lambda i, j: 1 if i == j else 0

# softmax derivatives in terms of free logits A, then substituted
A = [[sp.Symbol(f"A{n}{k}", real=True) for k in range(K)] for n in range(N)]
def softmax(v):
    s = sum(sp.exp(u) for u in v)
    return [sp.exp(u) / s for u in v]
Ysm = [softmax(A[n]) for n in range(N)]
dYsm = [[[sp.diff(Ysm[n][kp], A[n][k]) for k in range(K)] for kp in range(K)] for n in range(N)]


def net(z):
    """logits a, outputs y, softmax Jacobian dy[n][k'][k] and Ln for hidden outputs z[n][m]."""
    a = [[sum(V[m][k] * z[n][m] for m in range(M)) + c for k in range(K)] for n in range(N)]
    sub = {A[n][k]: a[n][k] for n in range(N) for k in range(K)}
    y = [[Ysm[n][k].xreplace(sub) for k in range(K)] for n in range(N)]
    dy = [[[dYsm[n][kp][k].xreplace(sub) for k in range(K)] for kp in range(K)] for n in range(N)]
    Ln = sum(t[n][k] * sp.log(y[n][k]) for n in range(N) for k in range(K))
    return a, y, dy, Ln


# ---------------------------------------------------------------- eq. (2): log of the likelihood (1)
Yp = [[sp.Symbol(f"Y{n}{k}", positive=True) for k in range(K)] for n in range(N)]
P1 = sp.Mul(*[Yp[n][k] ** t[n][k] for n in range(N) for k in range(K)])
check(33, sp.log(P1), sum(t[n][k] * sp.log(Yp[n][k]) for n in range(N) for k in range(K)))

# ---------------------------------------------------------------- V rows: z free
zf = [[sp.Symbol(f"z{n}{m}", real=True) for m in range(M)] for n in range(N)]
a, y, dy, Ln = net(zf)
MK = [(m, k) for m in range(M) for k in range(K)]
true_dV = {(m, k): sp.diff(Ln, V[m][k]) for m, k in MK}
kq = lambda k: (k + 1) % K  # a k' different from k for the rows that leave k' dangling

# (9) sum over k' of d/dV (t_k ln y_k): the summand ignores k'
r9 = lambda m, k: sum(sp.diff(t[n][k] * sp.log(y[n][k]), V[m][k]) for n in range(N) for kp in range(K))
check_all(51, [(true_dV[m, k], r9(m, k)) for m, k in MK], subs=onehot)
# (10) t_k' dLn/dy_k dy_k/da_k da_k/dV_mk, with dLn/dy_k^(n) = t_k^(n)/y_k^(n)
r10 = lambda m, k: sum(t[n][kp] * (t[n][k] / y[n][k]) * dy[n][k][k] * zf[n][m] for n in range(N) for kp in range(K))
check_all(53, [(true_dV[m, k], r10(m, k)) for m, k in MK], subs=onehot)
# (11) t_k' / y_k' dy_k'/da_k da_k/dV_mk
r11 = lambda m, k: sum(t[n][kp] / y[n][kp] * dy[n][kp][k] * zf[n][m] for n in range(N) for kp in range(K))
check_all(55, [(true_dV[m, k], r11(m, k)) for m, k in MK])
# (12) softmax Jacobian
check_all(59, [(dYsm[0][kp][k], Ysm[0][kp] * (delta(k, kp) - Ysm[0][k])) for k in range(K) for kp in range(K)])
# (13)
r13 = lambda m, k: sum(t[n][kp] / y[n][kp] * y[n][kp] * (delta(k, kp) - y[n][k]) * zf[n][m] for n in range(N) for kp in range(K))
check_all(61, [(true_dV[m, k], r13(m, k)) for m, k in MK])
# (14) second term written with y_k' instead of y_k
r14 = lambda m, k: (sum(t[n][kp] * delta(k, kp) * zf[n][m] for n in range(N) for kp in range(K))
                    - sum(t[n][kp] * y[n][kp] * zf[n][m] for n in range(N) for kp in range(K)))
check_all(63, [(true_dV[m, k], r14(m, k)) for m, k in MK], subs=onehot)
# (15) sum_n t_k z - sum_n y_k' z, k' left dangling (taken != k)
r15 = lambda m, k: sum(t[n][k] * zf[n][m] for n in range(N)) - sum(y[n][kq(k)] * zf[n][m] for n in range(N))
check_all(65, [(true_dV[m, k], r15(m, k)) for m, k in MK], subs=onehot)
# (16) sum_n (t_k' - y_k) z, k' dangling (taken != k)
r16 = lambda m, k: sum((t[n][kq(k)] - y[n][k]) * zf[n][m] for n in range(N))
check_all(67, [(true_dV[m, k], r16(m, k)) for m, k in MK], subs=onehot)
# (17) da_k/dV_mk = z_m
check_all(71, [(sp.diff(a[n][k], V[m][k]), zf[n][m]) for n in range(N) for m, k in MK])
# (18) boxed, under one-hot targets
r18 = lambda m, k: sum((t[n][k] - y[n][k]) * zf[n][m] for n in range(N))
check_all(73, [(true_dV[m, k], r18(m, k)) for m, k in MK], subs=onehot)

# ---------------------------------------------------------------- W rows: sigmoid hidden layer (27)
sig = lambda u: 1 / (1 + sp.exp(-u))
zW = [[sig(sum(W[d][m] * x[n][d] for d in range(D))) for m in range(M)] for n in range(N)]
aW, yW, dyW, LnW = net(zW)
DM = [(d, m) for d in range(D) for m in range(M)]
true_dW = {(d, m): sp.diff(LnW, W[d][m]) for d, m in DM}
dz = lambda n, d, m: sp.diff(zW[n][m], W[d][m])

# (19)
r19 = lambda d, m: sum(sp.diff(t[n][kp] * sp.log(yW[n][kp]), W[d][m]) for n in range(N) for kp in range(K))
check_all(75, [(true_dW[d, m], r19(d, m)) for d, m in DM])
# (21) multivariable chain rule, concrete f(a1, a2, a3) and a_k(x)
s = sp.Symbol("s", real=True)
u1, u2, u3 = sp.symbols("u1 u2 u3", real=True)
fgen = u1 * u2 ** 2 + sp.exp(u3) * u1
ak = [sp.sin(s), s ** 3 + 1, sp.exp(2 * s)]
fsub = {u1: ak[0], u2: ak[1], u3: ak[2]}
check(81, sp.diff(fgen.xreplace(fsub), s), sum(sp.diff(fgen, u).xreplace(fsub) * sp.diff(ak[i], s) for i, u in enumerate((u1, u2, u3))))
# (22) dLn/dy_k' sum_k dy_k'/da_k da_k/dz_m dz_m/dW_dm, with dLn/dy_k' = t_k'/y_k'
dadz = lambda n, k, m: sp.diff(sum(V[mm][k] * zf[n][mm] for mm in range(M)) + c, zf[n][m])
r22 = lambda d, m: sum(t[n][kp] / yW[n][kp] * sum(dyW[n][kp][k] * dadz(n, k, m) * dz(n, d, m) for k in range(K))
                       for n in range(N) for kp in range(K))
check_all(83, [(true_dW[d, m], r22(d, m)) for d, m in DM])
# (23) the same with t_k' (1/y_k') written out
check_all(85, [(true_dW[d, m], r22(d, m)) for d, m in DM])
# (24) softmax Jacobian written out
r24 = lambda d, m: sum(sum(t[n][kp] / yW[n][kp] * yW[n][kp] * (delta(k, kp) - yW[n][k]) * dadz(n, k, m) * dz(n, d, m)
                           for k in range(K)) for n in range(N) for kp in range(K))
check_all(87, [(true_dW[d, m], r24(d, m)) for d, m in DM])
# (25) sum_k (t_k - y_k) ..., needs sum_k' t_k' = 1
r25 = lambda d, m: sum((t[n][k] - yW[n][k]) * dadz(n, k, m) * dz(n, d, m) for n in range(N) for k in range(K))
check_all(89, [(true_dW[d, m], r25(d, m)) for d, m in DM], subs=onehot)
# (28) da_k/dz_m = d/dz_m (sum_m' V_m'k z_m') = V_mk
check_all(95, [(sp.diff(a[n][k], zf[n][m]), sp.diff(sum(V[mm][k] * zf[n][mm] for mm in range(M)), zf[n][m]))
               for n in range(N) for m, k in MK]
          + [(sp.diff(sum(V[mm][k] * zf[n][mm] for mm in range(M)), zf[n][m]), V[m][k]) for n in range(N) for m, k in MK])
# (29) dz_m/dW_dm = z_m (1 - z_m) x_d for the sigmoid of (27)
check_all(97, [(dz(n, d, m), zW[n][m] * (1 - zW[n][m]) * x[n][d]) for n in range(N) for d, m in DM])
# (30) boxed, under one-hot targets
r30 = lambda d, m: sum((t[n][k] - yW[n][k]) * V[m][k] * zW[n][m] * (1 - zW[n][m]) * x[n][d] for n in range(N) for k in range(K))
check_all(99, [(true_dW[d, m], r30(d, m)) for d, m in DM], subs=onehot)

# the holds-under rows really need the one-hot condition: with free targets they differ
_free = all(_common.equal(true_dV[m, k], r18(m, k)) for m, k in MK)
print(f"  (check: row 73 with free targets -> {'holds' if _free else 'fails'}; row 89 -> "
      f"{'holds' if all(_common.equal(true_dW[d, m], r25(d, m)) for d, m in DM) else 'fails'})", file=sys.stderr)

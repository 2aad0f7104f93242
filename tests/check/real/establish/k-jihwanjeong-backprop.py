"""Establish k-jihwanjeong-backprop.md (lines 30-344 of the post; stored line = original - 29).
Row-vector convention of the post: u^l = h^{l-1} W^l + b^l, h^l = phi(u^l), W^l in R^{m_{l-1} x m_l}.
Net: m0 = 2 inputs, hidden layer l = 1 (2 units), output layer L = 2 (2 units), phi = sigmoid (element-wise).
Generic-loss rows use E = 1/2 ||t - h^L||^2 per sample; the MSE and softmax/CE sections use their own losses."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import vec, D

import random, mpmath
_rng = random.Random(7)
mpmath.mp.dps = 50

def num_equal(a, b, subs=None, points=4):
    """a == b at random rational points, 50-digit mpmath evaluation (simplify is far too slow for these nets)."""
    a, b = sp.sympify(a), sp.sympify(b)
    if subs:
        a, b = a.xreplace(subs), b.xreplace(subs)
    syms = sorted(a.free_symbols | b.free_symbols, key=str)
    fa = sp.lambdify(syms, a, "mpmath"); fb = sp.lambdify(syms, b, "mpmath")
    for _ in range(points):
        pt = [mpmath.mpf(_rng.randint(5, 95)) / 100 if s.is_positive else mpmath.mpf(_rng.randint(-200, 200)) / 100 for s in syms]
        va, vb = fa(*pt), fb(*pt)
        if abs(va - vb) > mpmath.mpf("1e-30") * (1 + abs(va) + abs(vb)):
            return False
    return True

def check(line, a, b):
    print(f"line {line}: {'holds' if num_equal(a, b) else 'fails'}")
def check_all(line, pairs, subs=None):
    print(f"line {line}: {'holds' if all(num_equal(a, b, subs=subs) for a, b in pairs) else 'fails'}")
def mat_pairs(A, B):
    assert A.shape == B.shape
    return [(A[i, j], B[i, j]) for i in range(A.shape[0]) for j in range(A.shape[1])]

phi = lambda t: 1 / (1 + sp.exp(-t))
Tt = sp.Symbol("T", real=True)
dphi = lambda t: sp.diff(phi(Tt), Tt).subs(Tt, t)
Phi = lambda M: M.applyfunc(phi)
dPhi = lambda M: M.applyfunc(dphi)
had = lambda A, B: A.multiply_elementwise(B)

W1 = sp.Matrix(2, 2, vec("a", 4, real=True)); b1 = sp.Matrix(1, 2, vec("c", 2, real=True))
W2 = sp.Matrix(2, 2, vec("v", 4, real=True)); b2 = sp.Matrix(1, 2, vec("e", 2, real=True))

# ---------- single sample ----------
x = sp.Matrix(1, 2, vec("x", 2, real=True)); t = sp.Matrix(1, 2, vec("t", 2, real=True))
u1 = x * W1 + b1; h1 = Phi(u1); u2 = h1 * W2 + b2; h2 = Phi(u2)
Eh = lambda h: sp.Rational(1, 2) * sum((t[k] - h[k]) ** 2 for k in range(2))
E = Eh(h2)
H2s = sp.Matrix(1, 2, vec("H2s", 2, real=True)); U2s = sp.Matrix(1, 2, vec("U2s", 2, real=True))
U1s = sp.Matrix(1, 2, vec("U1s", 2, real=True)); H1s = sp.Matrix(1, 2, vec("H1s", 2, real=True))
atH2 = dict(zip(H2s, h2)); atU2 = dict(zip(U2s, u2)); atU1 = dict(zip(U1s, u1)); atH1 = dict(zip(H1s, h1))
dE_dh2 = [sp.diff(Eh(H2s), H2s[k]).subs(atH2) for k in range(2)]
dE_du2 = [sp.diff(Eh(Phi(U2s)), U2s[k]).subs(atU2) for k in range(2)]
dE_du1 = [sp.diff(Eh(Phi(Phi(U1s) * W2 + b2)), U1s[k]).subs(atU1) for k in range(2)]
dh2_du2 = [sp.diff(phi(U2s[k]), U2s[k]).subs(atU2) for k in range(2)]
dh1_du1 = [sp.diff(phi(U1s[k]), U1s[k]).subs(atU1) for k in range(2)]
delta2 = sp.Matrix(1, 2, dE_du2); delta1 = sp.Matrix(1, 2, dE_du1)
i, j = 0, 1

# line 14 (output nodes): dE/dW_ij^L = dE/du_j du_j/dW_ij  (where dE/du_j = dE/dh_j dh_j/du_j)
check_all(43, [(D(E, W2[i, j]), dE_du2[j] * D(u2[j], W2[i, j])), (dE_du2[j], dE_dh2[j] * dh2_du2[j])])
check(44, D(E, W2[i, j]), dE_dh2[j] * dh2_du2[j] * D(u2[j], W2[i, j]))
check(45, D(E, b2[j]), dE_dh2[j] * dh2_du2[j] * D(u2[j], b2[j]))
lin = sum(h1[k] * W2[k, j] for k in range(2)) + b2[j]
check_all(53, [(D(u2[j], W2[i, j]), D(lin, W2[i, j])), (D(lin, W2[i, j]), h1[i])])
check_all(54, [(D(u2[j], b2[j]), D(lin, b2[j])), (D(lin, b2[j]), 1)])

# hidden units, l = 1, downstream layer l+1 = 2
du2_du1 = lambda d_, jj: sp.diff((Phi(U1s) * W2 + b2)[d_], U1s[jj]).subs(atU1)
du2_dh1 = lambda d_, jj: sp.diff((H1s * W2 + b2)[d_], H1s[jj]).subs(atH1)
s74 = sum(dE_du2[d_] * du2_du1(d_, j) for d_ in range(2))
check_all(74, [(dE_du1[j], s74), (s74, sum(dE_du2[d_] * du2_du1(d_, j) for d_ in range(2)))])
s75a = sum(dE_du2[d_] * du2_dh1(d_, j) * dh1_du1[j] for d_ in range(2))
s75b = sum(dE_du2[d_] * W2[j, d_] * dh1_du1[j] for d_ in range(2))
check_all(75, [(s74, s75a), (s75a, s75b)])
bracket = sum(dE_du2[d_] * W2[j, d_] for d_ in range(2))
check_all(83, [(D(E, W1[i, j]), dE_du1[j] * D(u1[j], W1[i, j])), (dE_du1[j] * D(u1[j], W1[i, j]), bracket * dh1_du1[j] * D(u1[j], W1[i, j])),
               (bracket * dh1_du1[j] * D(u1[j], W1[i, j]), bracket * dh1_du1[j] * x[i])])
check_all(84, [(D(E, b1[j]), dE_du1[j] * D(u1[j], b1[j])), (dE_du1[j] * D(u1[j], b1[j]), bracket * dh1_du1[j] * D(u1[j], b1[j])),
               (bracket * dh1_du1[j] * D(u1[j], b1[j]), bracket * dh1_du1[j])])

# vectorized, single sample
gW2 = sp.Matrix(2, 2, lambda a_, c_: D(E, W2[a_, c_]))
M98 = sp.Matrix(2, 2, lambda a_, c_: h1[a_] * dE_dh2[c_] * dh2_du2[c_])
check_all(98, mat_pairs(gW2, M98))
dEdh = sp.Matrix(1, 2, dE_dh2)
check_all(109, mat_pairs(gW2, h1.T * had(dEdh, dPhi(u2))) + mat_pairs(h1.T * had(dEdh, dPhi(u2)), h1.T * delta2))
gb2 = sp.Matrix(1, 2, lambda _, c_: D(E, b2[c_]))
check_all(110, mat_pairs(gb2, had(dEdh, dPhi(u2))) + mat_pairs(had(dEdh, dPhi(u2)), delta2))
gW1 = sp.Matrix(2, 2, lambda a_, c_: D(E, W1[a_, c_]))
check_all(119, mat_pairs(gW1, x.T * had(delta2 * W2.T, dPhi(u1))))
gb1 = sp.Matrix(1, 2, lambda _, c_: D(E, b1[c_]))
check_all(120, mat_pairs(gb1, had(delta2 * W2.T, dPhi(u1))))
# line 97: delta^l = [delta^{l+1} W^{l+1}] o phi'(u^l)   (no transpose)
check_all(126, mat_pairs(delta1, had(delta2 * W2, dPhi(u1))))

# ---------- n = 2 samples ----------
n = 2
X = sp.Matrix(n, 2, vec("X", 4, real=True)); Tm = sp.Matrix(n, 2, vec("Tm", 4, real=True))
one = sp.ones(n, 1)
U1 = X * W1 + one * b1; H1 = Phi(U1); U2 = H1 * W2 + one * b2; H2 = Phi(U2)
Eq = lambda q, Hrow: sp.Rational(1, 2) * sum((Tm[q, k] - Hrow[k]) ** 2 for k in range(2))
Etot = sum(Eq(q, H2[q, :]) for q in range(n))
HS = sp.Matrix(n, 2, vec("HS", 4, real=True)); US = sp.Matrix(n, 2, vec("US", 4, real=True)); U1S = sp.Matrix(n, 2, vec("UoS", 4, real=True))
atHS = dict(zip(HS, H2)); atUS = dict(zip(US, U2)); atU1S = dict(zip(U1S, U1))
dEq_dH = lambda q, k: sp.diff(Eq(q, HS[q, :]), HS[q, k]).subs(atHS)
dH_dU = lambda q, k: sp.diff(phi(US[q, k]), US[q, k]).subs(atUS)
dEq_dU2 = lambda q, k: sp.diff(Eq(q, Phi(US)[q, :]), US[q, k]).subs(atUS)
Delta2 = sp.Matrix(n, 2, lambda q, k: dEq_dU2(q, k))
GW2 = sp.Matrix(2, 2, lambda a_, c_: D(Etot, W2[a_, c_]))
Mq = lambda q: sp.Matrix(2, 2, lambda a_, c_: H1[q, a_] * dEq_dH(q, c_) * dH_dU(q, c_))
sumq = sp.Matrix(2, 2, lambda a_, c_: sum(D(Eq(q, H2[q, :]), W2[a_, c_]) for q in range(n)))
check_all(145, mat_pairs(GW2, sumq) + mat_pairs(sumq, Mq(0) + Mq(1)))
M158 = sp.Matrix(2, 2, lambda a_, c_: sum(H1[q, a_] * dEq_dH(q, c_) * dH_dU(q, c_) for q in range(n)))
check_all(158, mat_pairs(Mq(0) + Mq(1), M158))
check_all(170, [(GW2[i, j], M158[i, j]), (M158[i, j], sum(H1[q, i] * Delta2[q, j] for q in range(n)))])
check_all(179, mat_pairs(GW2, H1.T * Delta2))
Gb2 = sp.Matrix(1, 2, lambda _, c_: D(Etot, b2[c_]))
s187 = sum(dEq_dU2(q, j) * D(U2[q, j], b2[j]) for q in range(n))
check_all(187, [(Gb2[j], s187), (s187, sum(Delta2[q, j] for q in range(n)))])
check(188, sum(Delta2[q, j] for q in range(n)), (one.T * Delta2)[0, j])
# hidden layer, multi-sample
GW1 = sp.Matrix(2, 2, lambda a_, c_: D(Etot, W1[a_, c_]))
dHdU1 = lambda q, k: sp.diff(phi(U1S[q, k]), U1S[q, k]).subs(atU1S)
A200 = sum(D(Eq(q, H2[q, :]), W1[i, j]) for q in range(n))
B200 = sum(sum(Delta2[q, d_] * W2[j, d_] for d_ in range(2)) * dHdU1(q, j) * X[q, i] for q in range(n))
check_all(200, [(GW1[i, j], A200), (A200, B200)])
C201 = sum(X[q, i] * (Delta2[q, :] * W2[j, :].T)[0, 0] * dHdU1(q, j) for q in range(n))
D201 = sum(X[q, i] * (Delta2 * W2.T)[q, j] * dphi(U1[q, j]) for q in range(n))
check_all(201, [(B200, C201), (C201, D201)])
M202 = X.T * had(dPhi(U1), Delta2 * W2.T)
check(202, D201, M202[i, j])
check_all(203, mat_pairs(GW1, M202))
Delta1 = sp.Matrix(n, 2, lambda q, k: sp.diff(Eq(q, Phi(Phi(U1S) * W2 + one * b2)[q, :]), U1S[q, k]).subs(atU1S))
Gb1 = sp.Matrix(1, 2, lambda _, c_: D(Etot, b1[c_]))
check_all(204, mat_pairs(Gb1, one.T * Delta1))
q = 0
check_all(212, [(Delta2[q, k], (had(sp.Matrix(1, 2, [dEq_dH(q, 0), dEq_dH(q, 1)]), dPhi(U2[q, :])))[0, k]) for k in range(2)])
dU2dU1 = lambda q, d_, k: sp.diff((Phi(U1S) * W2 + one * b2)[q, d_], U1S[q, k]).subs(atU1S)
s214 = sum(Delta2[q, d_] * dU2dU1(q, d_, j) for d_ in range(2))
check_all(214, [(Delta1[q, j], s214), (s214, sum(Delta2[q, d_] * W2[j, d_] * dphi(U1[q, j]) for d_ in range(2)))])
check(215, sum(Delta2[q, d_] * W2[j, d_] * dphi(U1[q, j]) for d_ in range(2)), had(Delta2 * W2.T, dPhi(U1))[q, j])
check_all(216, mat_pairs(Delta1, had(Delta2 * W2.T, dPhi(U1))))

# ---------- MSE loss: E = 1/(2n) sum_q ||t_q - y_q||^2, E^q = 1/(2n) ||t_q - y_q||^2, y = phi(U^L) ----------
YS = sp.Matrix(n, 2, vec("YS", 4, real=True))
Emse_q = lambda q, Y: sp.Rational(1, 2 * n) * sum((Tm[q, k] - Y[q, k]) ** 2 for k in range(2))
check(239, sp.diff(Emse_q(q, YS), YS[q, j]), sp.Rational(1, n) * (YS[q, j] - Tm[q, j]))
Y = Phi(US)
Emse = sum(Emse_q(qq, Y) for qq in range(n))
dEdU = sp.Matrix(n, 2, lambda qq, k: sp.diff(Emse, US[qq, k]))
dEdY = lambda qq, k: sp.diff(sum(Emse_q(r, YS) for r in range(n)), YS[qq, k]).subs(dict(zip(YS, Y)))
check_all(240, [(dEdU[q, j], dEdY(q, j) * sp.diff(Y[q, j], US[q, j])), (dEdY(q, j) * sp.diff(Y[q, j], US[q, j]), sp.Rational(1, n) * (Y[q, j] - Tm[q, j]) * dphi(US[q, j]))])
check_all(241, mat_pairs(dEdU, had(sp.Rational(1, n) * (Y - Tm), dPhi(US))))

# ---------- softmax output + cross-entropy: E = sum_q E^q, E^q = -sum_j t_qj log y_qj ----------
def softmax_row(r):
    den = sum(sp.exp(US[r, k]) for k in range(3))
    return [sp.exp(US[r, k]) / den for k in range(3)]
US = sp.Matrix(n, 3, vec("Z", 6, real=True)); T3 = sp.Matrix(n, 3, vec("s", 6, positive=True))
Ysm = sp.Matrix(n, 3, lambda r, k: softmax_row(r)[k])
YS3 = sp.Matrix(n, 3, vec("Q", 6, positive=True))
Ece = lambda Ym: -sum(T3[r, k] * sp.log(Ym[r, k]) for r in range(n) for k in range(3))
Eq_ce = lambda r, Ym: -sum(T3[r, k] * sp.log(Ym[r, k]) for k in range(3))
j3 = 1
dy = lambda c: sp.diff(Ysm[q, c], US[q, j3])
ind = lambda a_, b_: 1 if a_ == b_ else 0
check_all(291, [(dy(j3), Ysm[q, j3] * (1 - Ysm[q, j3]))] + [(dy(c), -Ysm[q, c] * Ysm[q, j3]) for c in range(3) if c != j3])
check_all(296, [(dy(c), Ysm[q, c] * (ind(c, j3) - Ysm[q, j3])) for c in range(3)])
atY = dict(zip(YS3, Ysm))
dEdy = lambda c: sp.diff(Ece(YS3), YS3[q, c]).subs(atY)
dEqdy = lambda c: sp.diff(Eq_ce(q, YS3), YS3[q, c]).subs(atY)
delta = sp.diff(Ece(Ysm), US[q, j3])
r305 = sum(dEdy(c) * dy(c) for c in range(3))
check_all(305, [(delta, r305)])
r306 = sum(dEdy(c) * Ysm[q, c] * (ind(c, j3) - Ysm[q, j3]) for c in range(3))
check(306, r305, r306)
r307 = dEqdy(j3) * Ysm[q, j3] - sum(dEqdy(c) * Ysm[q, c] * Ysm[q, j3] for c in range(3))
check(307, r306, r307)
r308 = -T3[q, j3] / Ysm[q, j3] * Ysm[q, j3] - sum((-T3[q, c] / Ysm[q, c]) * Ysm[q, c] * Ysm[q, j3] for c in range(3))
check(308, r307, r308)
onehot = {T3[r, 2]: 1 - T3[r, 0] - T3[r, 1] for r in range(n)}   # targets sum to 1 (one-hot, stated on line 314)
r309a = Ysm[q, j3] * sum(T3[q, c] for c in range(3)) - T3[q, j3]
check_all(309, [(r308, r309a), (r309a, Ysm[q, j3] - T3[q, j3])], subs=onehot)
dEdU_ce = sp.Matrix(n, 3, lambda r, k: sp.diff(Ece(Ysm), US[r, k]))
check_all(310, mat_pairs(dEdU_ce, Ysm - T3), subs=onehot)

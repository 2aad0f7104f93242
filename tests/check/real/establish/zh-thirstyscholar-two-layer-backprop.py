"""Establish zh-thirstyscholar-two-layer-backprop.md: two-layer network Y1 = X W1 + b1, H1 = f(Y1),
yhat = H1 W2 + b2, loss L(yhat).  Concrete size: N = 2 examples, D = 2 inputs, 2 hidden, 2 outputs.
A generic smooth loss is used for the theory part, f = tanh for the generic activation,
then MSE and ReLU for the special cases.  Each matrix row is checked for every index (i, j)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all

N, D, Hn, O = 2, 2, 2, 2
M = lambda name, r, c: sp.Matrix(r, c, lambda i, j: sp.Symbol(f"{name}{i+1}{j+1}", real=True))
X = M("x", N, D); W1 = M("u", D, Hn); b1 = M("c", 1, Hn); W2 = M("w", Hn, O); b2 = M("b", 1, O)
H = M("h", N, Hn)          # H^1 as free symbols for the output-layer rows
Yh = M("p", N, O)          # yhat as free symbols to define the generic loss
ones = sp.ones(N, 1)

def Lgen(Y):               # a generic smooth scalar loss of yhat
    return sum(sp.exp(Y[m, n] / (m + n + 2)) for m in range(N) for n in range(O)) + Y[0, 0] * Y[1, 1] ** 2

yhat_H = H * W2 + ones * b2                         # yhat as a function of H^1
L_H = Lgen(yhat_H)
G = Lgen(Yh).diff  # helper
dLdy = sp.Matrix(N, O, lambda m, n: sp.diff(Lgen(Yh), Yh[m, n]).subs({Yh[a, b]: yhat_H[a, b] for a in range(N) for b in range(O)}))
IJ_H = [(i, j) for i in range(N) for j in range(Hn)]
IJ_W = [(i, j) for i in range(Hn) for j in range(O)]

# line 107: dL/dH_ij = sum_mn dL/dyhat_mn dyhat_mn/dH_ij = (dL/dyhat) . (dyhat/dH_ij)
chain = lambda i, j: sum(dLdy[m, n] * sp.diff(yhat_H[m, n], H[i, j]) for m in range(N) for n in range(O))
dotp = lambda i, j: sum((dLdy.multiply_elementwise(yhat_H.diff(H[i, j])))[m, n] for m in range(N) for n in range(O))
check_all(107, [(sp.diff(L_H, H[i, j]), chain(i, j)) for i, j in IJ_H] + [(chain(i, j), dotp(i, j)) for i, j in IJ_H])
# line 111: matrix of those dot products
check_all(111, [(sp.diff(L_H, H[i, j]), dotp(i, j)) for i, j in IJ_H])

# dL/dH^1 derivation (lines 123-128, 133)
r125 = lambda i, j: sum(dLdy[m, n] * sp.diff(sum(H[m, k] * W2[k, n] for k in range(Hn)) + b2[n], H[i, j]) for m in range(N) for n in range(O))
r126 = lambda i, j: sum(dLdy[i, n] * sp.diff(sum(H[i, k] * W2[k, n] for k in range(Hn)) + b2[n], H[i, j]) for n in range(O))
r127 = lambda i, j: sum(dLdy[i, n] * W2.T[n, j] for n in range(O))
r128 = lambda i, j: (dLdy * W2.T)[i, j]
check_all(123, [(sp.diff(L_H, H[i, j]), chain(i, j)) for i, j in IJ_H])
check_all(125, [(chain(i, j), r125(i, j)) for i, j in IJ_H])
check_all(126, [(r125(i, j), r126(i, j)) for i, j in IJ_H] + [(sp.diff(sum(H[i, k] * W2[k, n] for k in range(Hn)) + b2[n], H[i, j]), W2[j, n]) for i, j in IJ_H for n in range(O)])
check_all(127, [(r126(i, j), r127(i, j)) for i, j in IJ_H])
check_all(128, [(r127(i, j), r128(i, j)) for i, j in IJ_H])
check_all(133, [(sp.diff(L_H, H[i, j]), (dLdy * W2.T)[i, j]) for i, j in IJ_H])

# dL/dW^2 (lines 139-144, 150)
c139 = lambda i, j: sum(dLdy[m, n] * sp.diff(yhat_H[m, n], W2[i, j]) for m in range(N) for n in range(O))
r141 = lambda i, j: sum(dLdy[m, n] * sp.diff(sum(H[m, k] * W2[k, n] for k in range(Hn)) + b2[n], W2[i, j]) for m in range(N) for n in range(O))
r142 = lambda i, j: sum(dLdy[m, j] * sp.diff(sum(H[m, k] * W2[k, j] for k in range(Hn)) + b2[j], W2[i, j]) for m in range(N))
r143 = lambda i, j: sum(H.T[i, m] * dLdy[m, j] for m in range(N))
r144 = lambda i, j: (H.T * dLdy)[i, j]
check_all(139, [(sp.diff(L_H, W2[i, j]), c139(i, j)) for i, j in IJ_W])
check_all(141, [(c139(i, j), r141(i, j)) for i, j in IJ_W])
check_all(142, [(r141(i, j), r142(i, j)) for i, j in IJ_W] + [(sp.diff(sum(H[m, k] * W2[k, j] for k in range(Hn)) + b2[j], W2[i, j]), H[m, i]) for i, j in IJ_W for m in range(N)])
check_all(143, [(r142(i, j), r143(i, j)) for i, j in IJ_W])
check_all(144, [(r143(i, j), r144(i, j)) for i, j in IJ_W])
check_all(150, [(sp.diff(L_H, W2[i, j]), (H.T * dLdy)[i, j]) for i, j in IJ_W])

# dL/db^2 (lines 156-159, 165); sum_0 = column sums (axis 0) as the author defines
c156 = lambda j: sum(dLdy[m, n] * sp.diff(yhat_H[m, n], b2[j]) for m in range(N) for n in range(O))
r158 = lambda j: sum(dLdy[m, j] * sp.diff(sum(H[m, k] * W2[k, j] for k in range(Hn)) + b2[j], b2[j]) for m in range(N))
r159 = lambda j: sum(dLdy[m, j] for m in range(N))
check_all(156, [(sp.diff(L_H, b2[j]), c156(j)) for j in range(O)])
check_all(158, [(c156(j), r158(j)) for j in range(O)])
check_all(159, [(r158(j), r159(j)) for j in range(O)])
colsum = (ones.T * dLdy)
check_all(165, [(sp.diff(L_H, b2[j]), colsum[0, j]) for j in range(O)])

# first layer with f = tanh (lines 172-175, 180, 185-187): full network from X
f = sp.tanh
Y1 = M("q", N, Hn)         # Y^1 as free symbols
H_of_Y = Y1.applyfunc(f)
L_Y = L_H.subs({H[a, b]: H_of_Y[a, b] for a in range(N) for b in range(Hn)}, simultaneous=True)
dLdH_Y = (dLdy * W2.T).subs({H[a, b]: H_of_Y[a, b] for a in range(N) for b in range(Hn)}, simultaneous=True)
c172 = lambda i, j: sum(dLdH_Y[m, n] * sp.diff(H_of_Y[m, n], Y1[i, j]) for m in range(N) for n in range(Hn))
r174 = lambda i, j: dLdH_Y[i, j] * sp.diff(H_of_Y[i, j], Y1[i, j])
r175 = lambda i, j: dLdH_Y[i, j] * sp.diff(f(Y1[i, j]), Y1[i, j])
check_all(172, [(sp.diff(L_Y, Y1[i, j]), c172(i, j)) for i, j in IJ_H])
check_all(174, [(c172(i, j), r174(i, j)) for i, j in IJ_H])
check_all(175, [(r174(i, j), r175(i, j)) for i, j in IJ_H])
gradf = Y1.applyfunc(lambda t: sp.diff(f(t), t))
dLdY = dLdH_Y.multiply_elementwise(gradf)
check_all(180, [(sp.diff(L_Y, Y1[i, j]), dLdY[i, j]) for i, j in IJ_H])

Y1_X = X * W1 + ones * b1
sub_Y = {Y1[a, b]: Y1_X[a, b] for a in range(N) for b in range(Hn)}
L_X = L_Y.subs(sub_Y, simultaneous=True)
dLdY_X = dLdY.subs(sub_Y, simultaneous=True)
pt = {s: sp.Rational((7 * k) % 23 - 11, 10) for k, s in enumerate(sorted(L_X.free_symbols, key=str))}
num = lambda e: sp.N(e.subs(pt), 30)
close = lambda a, b: abs(num(a) - num(b)) < 1e-20
rhsX = dLdY_X * W1.T; rhsW1 = X.T * dLdY_X; rhsb1 = ones.T * dLdY_X
# first-layer gradients are checked at a fixed rational point (exact symbolic comparison is slow)
def verdict(line, ok):
    print(f"line {line}: {'holds' if ok else 'fails'}")
verdict(185, all(close(sp.diff(L_X, X[i, j]), rhsX[i, j]) for i in range(N) for j in range(D)))
verdict(186, all(close(sp.diff(L_X, W1[i, j]), rhsW1[i, j]) for i in range(D) for j in range(Hn)))
verdict(187, all(close(sp.diff(L_X, b1[j]), rhsb1[0, j]) for j in range(Hn)))

# MSE (lines 206-211)
Yt = M("t", N, O)
Lmse = sp.Rational(1, N) * sum((Yh[i, j] - Yt[i, j]) ** 2 for i in range(N) for j in range(O))
IJ_O = [(i, j) for i in range(N) for j in range(O)]
check_all(206, [(sp.diff(Lmse, Yh[i, j]), sp.diff(Lmse, Yh[i, j])) for i, j in IJ_O])
check_all(208, [(sp.diff(Lmse, Yh[i, j]), sp.Rational(1, N) * sp.diff(sum((Yh[a, b] - Yt[a, b]) ** 2 for a in range(N) for b in range(O)), Yh[i, j])) for i, j in IJ_O])
check_all(209, [(sp.Rational(1, N) * sp.diff(sum((Yh[a, b] - Yt[a, b]) ** 2 for a in range(N) for b in range(O)), Yh[i, j]), sp.Rational(1, N) * sp.diff((Yh[i, j] - Yt[i, j]) ** 2, Yh[i, j])) for i, j in IJ_O])
check_all(210, [(sp.Rational(1, N) * sp.diff((Yh[i, j] - Yt[i, j]) ** 2, Yh[i, j]), sp.Rational(2, N) * (Yh[i, j] - Yt[i, j])) for i, j in IJ_O])
check_all(211, [(sp.Rational(2, N) * (Yh[i, j] - Yt[i, j]), (sp.Rational(2, N) * (Yh - Yt))[i, j]) for i, j in IJ_O])

# ReLU (line 221): f'(x) vs the piecewise / indicator, at nonzero points
x = sp.Symbol("x", real=True)
relu = sp.Max(x, 0)
pts = [sp.Rational(k, 7) for k in (-20, -3, -1, 1, 2, 19)]
pw = sp.Piecewise((0, x <= 0), (1, True))
ind = sp.Piecewise((1, x > 0), (0, True))
verdict(221, all(sp.diff(relu, x).subs(x, p) == pw.subs(x, p) == ind.subs(x, p) for p in pts))
# lines 235-236 with ReLU: dL/dH ⊙ f'(Y) = dL/dH ⊙ 1(H > 0), H = max(Y, 0)
Yv = [sp.Rational(k, 5) for k in (-7, -2, 3, 9)]
verdict(234, True if all(sp.diff(sp.Max(x, 0), x).subs(x, v) == (1 if v > 0 else 0) for v in Yv) else False)
verdict(236, all((1 if sp.Max(v, 0) > 0 else 0) == sp.diff(sp.Max(x, 0), x).subs(x, v) for v in Yv))

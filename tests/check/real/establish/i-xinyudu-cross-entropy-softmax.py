"""Establish i-xinyudu-cross-entropy-softmax.md: quadratic vs cross-entropy gradients for a sigmoid
neuron, the author's sigmoid-derivative chain, softmax + log-likelihood gradients and backprop."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax

sig = lambda t: 1 / (1 + sp.exp(-t))
dsig = lambda t: sig(t) * (1 - sig(t))

# 4-2, 4-3: single neuron, C=(y-a)^2/2, a=sigma(wx+b); the document sets x=1, y=0
w, b, x, y = sp.symbols("w b x y", real=True)
zz = w * x + b
C = (y - sig(zz)) ** 2 / 2
check_all(29, [(sp.diff(C, w), (sig(zz) - y) * dsig(zz) * x),
               (sp.diff(C, w).subs({x: 1, y: 0}), (sig(zz) * dsig(zz) * x).subs({x: 1, y: 0}))])
check_all(33, [(sp.diff(C, b), (sig(zz) - y) * dsig(zz)),
               (sp.diff(C, b).subs({x: 1, y: 0}), (sig(zz) * dsig(zz)).subs({x: 1, y: 0}))])

# 4-4 .. 4-7: three-input neuron, n=2 samples, cross-entropy
W = vec("w", 3, real=True)
XS = [vec("xa", 3, real=True), vec("xb", 3, real=True)]
YS = vec("y", 2, real=True)
n = 2
zf = lambda xv: sum(a * c for a, c in zip(W, xv)) + b
CE = -sp.Rational(1, n) * sum(YS[i] * sp.log(sig(zf(XS[i]))) + (1 - YS[i]) * sp.log(1 - sig(zf(XS[i]))) for i in range(n))
j = 1
r56a = -sp.Rational(1, n) * sum((YS[i] / sig(zf(XS[i])) - (1 - YS[i]) / (1 - sig(zf(XS[i])))) * sp.diff(sig(zf(XS[i])), W[j]) for i in range(n))
r56b = -sp.Rational(1, n) * sum((YS[i] / sig(zf(XS[i])) - (1 - YS[i]) / (1 - sig(zf(XS[i])))) * dsig(zf(XS[i])) * XS[i][j] for i in range(n))
check_all(56, [(sp.diff(CE, W[j]), r56a), (r56a, r56b)])

# line 63: the author's sigma(z) = 1/(1-e^{-z}) -- not the sigmoid 1/(1+e^{-z}) used everywhere else
z = sp.Symbol("z", real=True)
s_auth = 1 / (1 - sp.exp(-z))
check(63, s_auth, sig(z))                       # definition row: wrong sign
u = sp.Symbol("u", real=True)                   # u stands for e^{-z}
# row 2 as written: d sigma/d(1-e^{-z}) * d[(1-e^{-z}) sigma]/d e^{-z} * d e^{-z}/dz ; (1-u)*sigma = 1
mid = sp.diff(((1 - u) * (1 / (1 - u))), u)
row2 = (-1 / (1 - sp.exp(-z)) ** 2) * mid.subs(u, sp.exp(-z)) * sp.diff(sp.exp(-z), z)
check(63, sp.diff(s_auth, z), row2)
row3 = -1 / (1 - sp.exp(-z)) ** 2 * (-1) * (-sp.exp(-z))
check(63, sp.diff(s_auth, z), row3)
row4 = 1 / (1 - sp.exp(-z)) * (-sp.exp(-z)) / (1 - sp.exp(-z))
check(63, row3, row4)
check(63, row4, s_auth * (1 - s_auth))

check(68, sp.diff(CE, W[j]), sp.Rational(1, n) * sum(XS[i][j] * (sig(zf(XS[i])) - YS[i]) for i in range(n)))
check(72, sp.diff(CE, b), sp.Rational(1, n) * sum(sig(zf(XS[i])) - YS[i] for i in range(n)))

# 4-8 .. 4-10: sigmoid output layer with 2 neurons, 2 inputs a^{L-1}, n=2 samples
WL = sp.Matrix(2, 2, lambda r, c: sp.Symbol(f"W{r}{c}", real=True))
BL = vec("bb", 2, real=True)
AK = [vec("ka", 2, real=True), vec("kb", 2, real=True)]
YJ = [vec("ya", 2, real=True), vec("yb", 2, real=True)]
zL = lambda ak, jj: sum(WL[jj, k] * ak[k] for k in range(2)) + BL[jj]
C8 = -sp.Rational(1, n) * sum(YJ[i][jj] * sp.log(sig(zL(AK[i], jj))) + (1 - YJ[i][jj]) * sp.log(1 - sig(zL(AK[i], jj)))
                              for i in range(n) for jj in range(2))
jj, kk = 1, 0
check(80, sp.diff(C8, WL[jj, kk]), sp.Rational(1, n) * sum(AK[i][kk] * (sig(zL(AK[i], jj)) - YJ[i][jj]) for i in range(n)))
check(84, sp.diff(C8, BL[jj]), sp.Rational(1, n) * sum(sig(zL(AK[i], jj)) - YJ[i][jj] for i in range(n)))

# 4-11 as written: e^{z_j}/sum_k e^{z_j} (index typo) vs the softmax
zs = vec("z", 3, real=True)
check(93, sp.exp(zs[0]) / (3 * sp.exp(zs[0])), softmax(zs)[0])

# softmax output + log-likelihood, with a sigmoid hidden layer (for 4-II..4-IV)
x0 = vec("x", 2, real=True)
W1 = sp.Matrix(2, 2, lambda r, c: sp.Symbol(f"V{r}{c}", real=True))
b1 = vec("c", 2, real=True)
z1 = [sum(W1[r, k] * x0[k] for k in range(2)) + b1[r] for r in range(2)]
a1 = [sig(t) for t in z1]
W2 = sp.Matrix(3, 2, lambda r, c: sp.Symbol(f"U{r}{c}", real=True))
b2 = vec("d", 3, real=True)
z2 = [sum(W2[r, k] * a1[k] for k in range(2)) + b2[r] for r in range(3)]
a2 = softmax(z2)
ycls = 1
yv = [1 if r == ycls else 0 for r in range(3)]
Cll = -sp.log(a2[ycls])
jj, kk = 2, 1
check(107, sp.diff(Cll, W2[jj, kk]), a1[kk] * (a2[jj] - yv[jj]))
check(111, sp.diff(Cll, b2[jj]), a2[jj] - yv[jj])
# delta_j^L = dC/dz_j^L computed with independent logits
zsL = vec("q", 3, real=True)
CL = -sp.log(softmax(zsL)[ycls])
check_all(116, [(sp.diff(CL, zsL[r]), softmax(zsL)[r] - yv[r]) for r in range(3)])
check_all(121, [(sp.diff(CL, zsL[r]), softmax(zsL)[r] - yv[r]) for r in range(3)])
# hidden layer: delta^l = dC/dz^l via independent pre-activations
h = vec("h", 2, real=True)
z2h = [sum(W2[r, k] * sig(h[k]) for k in range(2)) + b2[r] for r in range(3)]
Ch = -sp.log(softmax(z2h)[ycls])
deltaL = [softmax(z2h)[r] - yv[r] for r in range(3)]
check_all(125, [(sp.diff(Ch, h[k]), sum(W2[r, k] * deltaL[r] for r in range(3)) * dsig(h[k])) for k in range(2)])
sub = {h[k]: z1[k] for k in range(2)}
delta1 = [sp.diff(Ch, h[k]).subs(sub) for k in range(2)]
check_all(129, [(sp.diff(Cll, b1[r]), delta1[r]) for r in range(2)])
check_all(133, [(sp.diff(Cll, W1[r, k]), delta1[r] * x0[k]) for r in range(2) for k in range(2)])

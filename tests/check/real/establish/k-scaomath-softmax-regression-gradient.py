"""Establish k-scaomath-softmax-regression-gradient.md (markdown cells of UCI Math 10 Lecture 18).
Softmax regression with K = 3 classes, n = 2 features, N = 2 samples; labels y^(1) = 1, y^(2) = 3.
w_k = (w_k1, w_k2); sigma_k^(i) = exp(w_k^T x^(i)) / sum_m exp(w_m^T x^(i)); L = -(1/N) sum_i sum_k 1{y^(i)=k} ln sigma_k^(i)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import vec, D
from _fast import equal  # exact at points where every exp is rational, plus 50 digits

def check(line, a, b):
    print(f"line {line}: {'holds' if equal(a, b) else 'fails'}")
def check_all(line, pairs):
    print(f"line {line}: {'holds' if all(equal(a, b) for a, b in pairs) else 'fails'}")

K, n, N = 3, 2, 2
Wk = [vec(f"w{k + 1}_", n, real=True) for k in range(K)]
xs = [vec("xa", n, real=True), vec("xb", n, real=True)]
labels = [1, 3]
ind = lambda a, b: 1 if a == b else 0
dot = lambda w, x: sum(a * b for a, b in zip(w, x))
S = [sum(sp.exp(dot(Wk[m], xs[i])) for m in range(K)) for i in range(N)]
sig = [[sp.exp(dot(Wk[k], xs[i])) / S[i] for k in range(K)] for i in range(N)]   # sig[i][k]
L = -sp.Rational(1, N) * sum(ind(labels[i], k + 1) * sp.log(sig[i][k]) for i in range(N) for k in range(K))

# line 79 (and 204): the softmax probabilities substituted into the loss
L_sub = -sp.Rational(1, N) * sum(ind(labels[i], k + 1) * sp.log(sp.exp(dot(Wk[k], xs[i])) / S[i]) for i in range(N) for k in range(K))
check(79, L, L_sub)

# line 98: dL/dw_k = -(1/N) sum x (1{y=k} - sigma_k) = (1/N) sum x (sigma_k - 1{y=k})   (k = 2)
k = 1
pairs = []
for l in range(n):
    a = D(L, Wk[k][l])
    b = -sp.Rational(1, N) * sum(xs[i][l] * (ind(labels[i], k + 1) - sig[i][k]) for i in range(N))
    c = sp.Rational(1, N) * sum(xs[i][l] * (sig[i][k] - ind(labels[i], k + 1)) for i in range(N))
    pairs += [(a, b), (b, c)]
check_all(98, pairs)

# line 192: logistic loss rewritten with the indicator sum over k in {0,1}   (labels 1 and 0, h = P(y=1|x))
wl = vec("v", n, real=True)
h = [1 / (1 + sp.exp(-dot(wl, xs[i]))) for i in range(N)]
yb = [1, 0]
Plog = lambda i, kk: h[i] if kk == 1 else 1 - h[i]
Llog = -sp.Rational(1, N) * sum(yb[i] * sp.log(h[i]) + (1 - yb[i]) * sp.log(1 - h[i]) for i in range(N))
check(192, Llog, -sp.Rational(1, N) * sum(ind(yb[i], kk) * sp.log(Plog(i, kk)) for i in range(N) for kk in (0, 1)))
check(204, L, L_sub)

# line 229 (star): dL/dw_jl = -sum_i sum_k 1{y=k} d ln sigma_k/dw_jl = -sum sum 1{y=k} (1/sigma_k) d sigma_k/dw_jl  (no 1/N)
j, l = 1, 0
wjl = Wk[j][l]
dL = D(L, wjl)
s1 = -sum(ind(labels[i], kk + 1) * D(sp.log(sig[i][kk]), wjl) for i in range(N) for kk in range(K))
s2 = -sum(ind(labels[i], kk + 1) / sig[i][kk] * D(sig[i][kk], wjl) for i in range(N) for kk in range(K))
check_all(229, [(dL, s1), (s1, s2)])

# lines 243-254 (dagger), 268, 281: for sample 1 and every k
i = 0
e = lambda kk: sp.exp(dot(Wk[kk], xs[i]))
p243, p248, p254, p268, p281 = [], [], [], [], []
for kk in range(K):
    lhs = D(sig[i][kk], wjl)
    r243 = D(e(kk) / S[i], wjl)
    r248 = 1 / S[i] * D(e(kk), wjl) - e(kk) / S[i] ** 2 * D(S[i], wjl)
    r254 = 1 / S[i] * ind(j, kk) * e(kk) * D(dot(Wk[kk], xs[i]), wjl) - e(kk) / S[i] ** 2 * e(j) * D(dot(Wk[j], xs[i]), wjl)
    p243.append((lhs, r243)); p248.append((r243, r248)); p254.append((r248, r254))
    cases = e(j) * xs[i][l] if j == kk else 0
    p268.append((ind(j, kk) * e(kk) * D(dot(Wk[kk], xs[i]), wjl), cases))
    mid = e(kk) / S[i] * (ind(j, kk) - e(j) / S[i]) * xs[i][l]
    p281 += [(lhs, mid), (mid, sig[i][kk] * (ind(j, kk) - sig[i][j]) * xs[i][l])]
check_all(243, p243); check_all(248, p248); check_all(254, p254); check_all(268, p268); check_all(281, p281)

# lines 298-317: dL/dw_jl chain (no 1/N in the first row)
r298 = -sum(ind(labels[i], kk + 1) * (ind(j, kk) - sig[i][j]) * xs[i][l] for i in range(N) for kk in range(K))
check(298, dL, r298)
r305 = -sum(xs[i][l] * (sum(ind(labels[i], kk + 1) * ind(j, kk) for kk in range(K)) - sum(ind(labels[i], kk + 1) * sig[i][j] for kk in range(K))) for i in range(N))
check(305, r298, r305)
r311 = -sum(xs[i][l] * (ind(labels[i], j + 1) - sig[i][j]) for i in range(N))
check(311, r305, r311)
check(317, r311, -sum(xs[i][l] * (ind(labels[i], j + 1) - sp.exp(dot(Wk[j], xs[i])) / S[i]) for i in range(N)))

# line 330 (diamond, reading section): dL/dw_k = -sum x (1{y=k} - sigma_k) = sum x (sigma_k - 1{y=k})  (no 1/N)
pairs = []
for l2 in range(n):
    a = D(L, Wk[k][l2])
    b = -sum(xs[i][l2] * (ind(labels[i], k + 1) - sig[i][k]) for i in range(N))
    c = sum(xs[i][l2] * (sig[i][k] - ind(labels[i], k + 1)) for i in range(N))
    pairs += [(a, b), (b, c)]
check_all(330, pairs)

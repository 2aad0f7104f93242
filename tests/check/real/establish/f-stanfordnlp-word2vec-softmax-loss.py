"""Establish f-stanfordnlp-word2vec-softmax-loss.tex: CBOW / skip-gram softmax cross-entropy objectives and the
negative-sampling objective (|V| = 3 words, embedding size n = 2, window m = 1, 2+2 (w, c) pairs)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax

V = 3
y = vec("y", V, real=True)
yh = softmax(vec("z", V, real=True))
H = lambda yy, pp: -sum(yy[j] * sp.log(pp[j]) for j in range(V))
# line 7: H = -y_i log(yhat_i) for y one-hot at i
check_all(7, [(H([1 if j == i else 0 for j in range(V)], yh), -1 * sp.log(yh[i])) for i in range(V)])

U = [vec(f"u{j}_", 2, real=True) for j in range(1, V + 1)]   # rows u_j of the output matrix
vh = vec("vh", 2, real=True)                                   # hat v (or v_c)
dot = lambda p, q: p[0] * q[0] + p[1] * q[1]
scores = [dot(U[j], vh) for j in range(V)]
Sx = sum(sp.exp(s) for s in scores)
yhat = softmax(scores)                                         # yhat = softmax(U vhat)
c = 0
check(14, -sp.log(yhat[c]), -sp.log(sp.exp(scores[c]) / Sx))
check(15, -sp.log(sp.exp(scores[c]) / Sx), -scores[c] + sp.log(Sx))

# skip-gram, m = 1: context words o1 = 1, o2 = 2 (indices into the vocabulary), center c
m = 1
ctx = [1, 2]
p1, p2 = sp.symbols("p1 p2", positive=True)
joint = p1 * p2                     # naive-Bayes assumption: P(w_{c-1}, w_{c+1} | w_c) = product
check(68, -sp.log(joint), -sp.log(p1 * p2))
r70 = -sp.log(sp.Mul(*[sp.exp(scores[o]) / Sx for o in ctx]))
check(70, -sp.log(sp.Mul(*[yhat[o] for o in ctx])), r70)
check(71, r70, -sum(scores[o] for o in ctx) + 2 * m * sp.log(Sx))
check(81, r70, -sum(sp.log(yhat[o]) for o in ctx))
onehot = lambda o: [1 if j == o else 0 for j in range(V)]
check(82, -sum(sp.log(yhat[o]) for o in ctx), sum(H(onehot(o), yhat) for o in ctx))

# negative sampling
sig = lambda s: 1 / (1 + sp.exp(-s))
vw, vc, uw = vec("vw", 2, real=True), vec("vc", 2, real=True), vec("uw", 2, real=True)
# line 112 defines P(D=1|w,c) = sigma(v_c^T v_w); lines 118-139 use sigma(u_w^T v_c)
check(112, sig(dot(vc, vw)), sig(dot(uw, vc)))
s = sp.symbols("s1 s2", real=True)      # u_w^T v_c for the pairs in D
r = sp.symbols("r1 r2", real=True)      # u_w^T v_c for the pairs in tilde D
P1 = sp.symbols("P1 P2", positive=True)  # P(D=1|w,c) on D
Q1 = sp.symbols("Q1 Q2", positive=True)  # P(D=1|w,c) on tilde D
o115 = sp.Mul(*P1) * sp.Mul(*[(1 - q) for q in Q1])   # P(D=0|.) = 1 - P(D=1|.)
o116 = sp.Mul(*P1) * sp.Mul(*[(1 - q) for q in Q1])
check(116, o115, o116)
o117 = sum(sp.log(p) for p in P1) + sum(sp.log(1 - q) for q in Q1)
check(117, sp.log(o116), o117, subs={Q1[0]: sp.Rational(1, 3), Q1[1]: sp.Rational(2, 5)}, positive=P1)
sub = {P1[0]: sig(s[0]), P1[1]: sig(s[1]), Q1[0]: sig(r[0]), Q1[1]: sig(r[1])}
o118 = sum(sp.log(1 / (1 + sp.exp(-x))) for x in s) + sum(sp.log(1 - 1 / (1 + sp.exp(-x))) for x in r)
o119 = sum(sp.log(1 / (1 + sp.exp(-x))) for x in s) + sum(sp.log(1 / (1 + sp.exp(x))) for x in r)
check(118, o117.subs(sub), o118)
check(119, o118, o119)

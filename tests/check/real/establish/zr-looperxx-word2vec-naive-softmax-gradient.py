"""Establish zr-looperxx-word2vec-naive-softmax-gradient.md (CS224n a2 word2vec naive-softmax gradients).
Concrete size: d = 2 dimensions, vocabulary of 3 words, true outside word o = word 1 (index 0)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

d, V, o = 2, 3, 0
vc = vec("v", d, real=True)
U = [vec(f"u{w}_", d, real=True) for w in range(V)]          # U[w] = u_w (columns of U)
dot = lambda a, b: sum(x * y for x, y in zip(a, b))
S = sum(sp.exp(dot(U[w], vc)) for w in range(V))
P = [sp.exp(dot(U[w], vc)) / S for w in range(V)]             # line 6: P(O=w|C=c) = yhat_w
J = -sp.log(P[o])                                             # line 10
yh = P
ys = vec("y", V, real=True)
onehot = {ys[w]: (1 if w == o else 0) for w in range(V)}

# line 20: -sum_w y_w log yhat_w = -log yhat_o  (y one-hot)
check(20, -sum(ys[w] * sp.log(yh[w]) for w in range(V)), -sp.log(yh[o]), subs=onehot)

# lines 37-42: gradient w.r.t. v_c, component-wise
g = [sp.diff(J, vc[k]) for k in range(d)]
r37 = [-sp.diff(dot(U[o], vc), vc[k]) + sp.diff(sp.log(S), vc[k]) for k in range(d)]
r38 = [-U[o][k] + 1 / S * sp.diff(S, vc[k]) for k in range(d)]
r39 = [-U[o][k] + sum(sp.exp(dot(U[w], vc)) * U[w][k] / S for w in range(V)) for k in range(d)]
r40 = [-U[o][k] + sum(P[w] * U[w][k] for w in range(V)) for k in range(d)]
r41 = [-U[o][k] + sum(yh[w] * U[w][k] for w in range(V)) for k in range(d)]
r42 = [sum(U[w][k] * (yh[w] - ys[w]) for w in range(V)) for k in range(d)]   # U (yhat - y)
check_all(37, list(zip(g, r37)))
check_all(38, list(zip(r37, r38)))
check_all(39, list(zip(r38, r39)))
check_all(40, list(zip(r39, r40)))
check_all(41, list(zip(r40, r41)))
check_all(42, list(zip(r41, r42)), subs=onehot)

# line 53-54: dJ/du_w = -d(u_o^T v_c)/du_w + d log(sum)/du_w, for every w
check_all(53, [(sp.diff(J, U[w][k]), -sp.diff(dot(U[o], vc), U[w][k]) + sp.diff(sp.log(S), U[w][k]))
               for w in range(V) for k in range(d)])
# lines 62-64: w != o
wn = [w for w in range(V) if w != o]
check_all(62, [(sp.diff(J, U[w][k]), 0 + P[w] * vc[k]) for w in wn for k in range(d)])
check_all(64, [(P[w] * vc[k], yh[w] * vc[k]) for w in wn for k in range(d)])
# lines 72-75: w = o
check_all(72, [(sp.diff(J, U[o][k]), -vc[k] + P[o] * vc[k]) for k in range(d)])
check_all(74, [(-vc[k] + P[o] * vc[k], yh[o] * vc[k] - vc[k]) for k in range(d)])
check_all(75, [(yh[o] * vc[k] - vc[k], (yh[o] - 1) * vc[k]) for k in range(d)])
# line 82: dJ/dU = v_c (yhat - y)^T, entry (k, w)
check_all(82, [(sp.diff(J, U[w][k]), vc[k] * (yh[w] - ys[w])) for w in range(V) for k in range(d)], subs=onehot)

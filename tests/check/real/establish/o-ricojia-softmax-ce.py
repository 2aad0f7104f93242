"""Establish o-ricojia-softmax-ce.md: KL/cross-entropy, softmax-CE log-sum-exp, BCE with logits, softmax Jacobian."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec, softmax, D

# distributions P, Q over 3 outcomes (positive)
P = vec("p", 3, positive=True)
Q = vec("q", 3, positive=True)
H_P = -sum(p * sp.log(p) for p in P)
H_PQ = -sum(p * sp.log(q) for p, q in zip(P, Q))
KL = sum(p * sp.log(p / q) for p, q in zip(P, Q))  # standard D_KL(P||Q)
r25 = -sum(p * sp.log(p / q) for p, q in zip(P, Q))
check(25, r25, KL, positive=P + Q)
r26 = sum(p * sp.log(q) for p, q in zip(P, Q)) - sum(p * sp.log(p) for p in P)
# row 26: first equality with row 25 holds, but it must also equal H(P,Q) - H(P)
ok_first = sp.simplify(sp.expand_log(r26 - r25, force=True)) == 0
print("  (row 26 first equality with row 25:", ok_first, ")")
check(26, r26, H_PQ - H_P, positive=P + Q)

# softmax + CE, k = 3 classes, one-hot label with correct class m = 2 (index 1)
yh = vec("s", 3, real=True)          # logits \hat{y}
p = softmax(yh)
y = [0, 1, 0]
m = 1
check(59, -sum(y[i] * sp.log(p[i]) for i in range(3)), -sp.log(p[m]))
check(61, -sp.log(p[m]), -yh[m] + sp.log(sum(sp.exp(t) for t in yh)))

# BCE with logits, both signs of the logit
t = sp.Symbol("t", real=True)        # label y
sig = lambda x: 1 / (1 + sp.exp(-x))
a = sp.Symbol("a", positive=True)
for x in (a, -a):
    L = -(t * sp.log(sig(x)) + (1 - t) * sp.log(1 - sig(x)))
    r132 = sp.Max(x, 0) - x * t + sp.log(1 + sp.exp(-sp.Abs(x)))
    ok = check(132, L, r132, positive=[a])

# line 144, literal reading: dJ/dy_j (label) vs claimed -y_j/yhat_j
Y = vec("y", 3, positive=True)
YH = vec("h", 3, positive=True)
J = sum(-Y[i] * sp.log(YH[i]) for i in range(3))
j = 0
check(144, D(J, Y[j]), -Y[j] / YH[j], positive=Y + YH)

# softmax Jacobian, C = 3, j = 1st, c = 2nd
z = vec("z", 3, real=True)
S = sum(sp.exp(w) for w in z)
yj = sp.exp(z[0]) / S
dj = D(yj, z[0])
check(154, dj, D(sp.exp(z[0]) / S, z[0]))
check(163, dj, (S * D(sp.exp(z[0]), z[0]) - sp.exp(z[0]) * D(S, z[0])) / S**2)
check(167, dj, (sp.exp(z[0]) * S - sp.exp(z[0]) * sp.exp(z[0])) / S**2)
check(170, dj, sp.exp(z[0]) * (S - sp.exp(z[0])) / S**2)
check(185, dj, yj * (1 - yj))
dc = D(yj, z[1])
yc = sp.exp(z[1]) / S
check(193, dc, D(sp.exp(z[0]) / S, z[1]))
check(195, dc, (0 * S - sp.exp(z[0]) * sp.exp(z[1])) / S**2)
check(197, dc, -sp.exp(z[0]) * sp.exp(z[1]) / S**2)
check(199, dc, -yj * yc)

"""Establish e-donnet-softmax-regression-cost.md: sigmoid as a 2-class softmax, softmax properties, gradient of the log-softmax likelihood
(labels 0..2, D = 2 features incl. bias, X a row vector)."""
import os, sys, random
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, equal, vec

D, K = 2, 3   # K labels 0..2 (the source's sum_{i=0}^{K} with K = 2)
X = sp.Matrix([vec("x", D, real=True)])                 # 1 x D
Th = [sp.Matrix([vec(f"t{k}_", D, real=True)]) for k in range(K)]
u = lambda k: (X * Th[k].T)[0]
sig = lambda v: 1 / (1 + sp.exp(-v))
th = Th[1]
ut = (X * th.T)[0]
# binary
check(40, 1 / (1 + sp.exp(-ut)), 1 / (1 + sp.exp(ut)))      # model vs the row's 1/(1+e^{X theta^T})
check(42, 1 - 1 / (1 + sp.exp(-ut)), 1 - sig(ut))
c = [1 / (1 + sp.exp(-ut)),
     1 / (1 + sp.exp(-ut)) * sp.exp(ut) / sp.exp(ut),
     sp.exp(ut) / (sp.exp(ut) + sp.exp(ut - ut)),
     sp.exp(ut) / (sp.exp(ut) + sp.exp(0)),
     sp.exp(ut) / (sp.exp(ut) + 1)]
check(55, sig(ut), c[0])
for line, k in zip([56, 57, 58, 59], range(1, 5)):
    check(line, c[k - 1], c[k])
t0 = Th[0]
e70 = sp.exp(ut) / (sp.exp(ut) + 1)
e71 = sp.exp(ut) / (sp.exp(ut) + sp.exp(0))
e72 = sp.exp(ut) / (sp.exp(ut) + sp.exp(0 * X[0]))
e73 = sp.exp(ut) / (sp.exp(ut) + sp.exp(u(0)))
e74 = sp.exp(ut) / sum(sp.exp(u(i)) for i in range(2))
check(70, sig(ut), e70); check(71, e70, e71); check(72, e71, e72)
zero0 = {v: 0 for v in t0}
check(73, e72, e73.subs(zero0))
check(74, e73, e74)
# softmax properties
S = sum(sp.exp(u(i)) for i in range(K))
P = [sp.exp(u(k)) / S for k in range(K)]
rng = random.Random(7)
def ineq_true(exprs_chain):
    syms = sorted(set().union(*[e.free_symbols for e in exprs_chain]), key=str)
    for _ in range(8):
        pt = {s: sp.Rational(rng.randint(-300, 300), 100) for s in syms}
        vals = [sp.N(e.subs(pt), 30) for e in exprs_chain]
        if any(vals[i] > vals[i + 1] + sp.Float("1e-20") for i in range(len(vals) - 1)):
            return False
    return True
ok83 = all(ineq_true([sp.Integer(0), sp.exp(u(k)), sp.exp(u(k)) + sum(sp.exp(u(i)) for i in range(K) if i != k)]) for k in range(K))
print(f"line 83: {'holds' if ok83 else 'fails'}")
ok84 = all(equal(sp.exp(u(k)) + sum(sp.exp(u(i)) for i in range(K) if i != k), S) for k in range(K)) and all(ineq_true([sp.Integer(0), sp.exp(u(k)), S]) for k in range(K))
print(f"line 84: {'holds' if ok84 else 'fails'}")
ok85 = all(ineq_true([sp.Integer(0), P[k], sp.Integer(1)]) for k in range(K))
print(f"line 85: {'holds' if ok85 else 'fails'}")
print(f"line 86: {'holds' if ok85 else 'fails'}")        # phi(z) is the softmax P(Y=k|X)
s90 = sum(sp.exp(u(k)) / S for k in range(K))
s91 = sum(sp.exp(u(k)) for k in range(K)) / S
check(90, sum(P), s90); check(91, s90, s91); check(92, s91, S / S); check(93, S / S, 1)
# log-softmax and its gradient
check_all(134, [(sp.log(P[k]), sp.log(sp.exp(u(k)) / S)) for k in range(K)])
check_all(135, [(sp.log(sp.exp(u(k)) / S), u(k) - sp.log(S)) for k in range(K)])
grad = lambda f, j: [sp.diff(f, v) for v in Th[j]]
f = lambda Y, i: 1 if Y == i else 0
obj = lambda Y: sum(f(Y, i) * sp.log(P[i]) for i in range(K))
pairsJ = [(k, j) for k in range(K) for j in range(K)]
# rows 140-141 under Y = k
check_all(140, [(a, b) for k, j in pairsJ for a, b in zip(grad(obj(k), j), grad(f(k, k) * sp.log(P[k]), j))])
check_all(141, [(a, b) for k, j in pairsJ for a, b in zip(grad(f(k, k) * sp.log(P[k]), j), grad(u(k) - sp.log(S), j))])
Xl = list(X)
same = [(k, k) for k in range(K)]
r143 = lambda k, j: [Xl[d] - grad(sp.log(S), j)[d] for d in range(D)]
r144 = lambda k, j: [Xl[d] - 1 / S * grad(S, j)[d] for d in range(D)]
r145 = lambda k, j: [Xl[d] - 1 / S * grad(sp.exp(u(j)), j)[d] for d in range(D)]
r146 = lambda k, j: [Xl[d] - Xl[d] * sp.exp(u(j)) / S for d in range(D)]
r147 = lambda k, j: [Xl[d] - Xl[d] * P[j] for d in range(D)]
r148 = lambda k, j: [Xl[d] * (1 - P[j]) for d in range(D)]
check_all(143, [(a, b) for k, j in same for a, b in zip(grad(u(k) - sp.log(S), j), r143(k, j))])
for line, A, B in [(144, r143, r144), (145, r144, r145), (146, r145, r146), (147, r146, r147), (148, r147, r148)]:
    check_all(line, [(a, b) for k, j in same for a, b in zip(A(k, j), B(k, j))])
diff = [(k, j) for k in range(K) for j in range(K) if k != j]
n152 = lambda k, j: [-g for g in grad(sp.log(S), j)]
n153 = lambda k, j: [-1 / S * g for g in grad(S, j)]
n154 = lambda k, j: [-1 / S * g for g in grad(sp.exp(u(j)), j)]
n155 = lambda k, j: [-Xl[d] * sp.exp(u(j)) / S for d in range(D)]
n156 = lambda k, j: [-Xl[d] * P[j] for d in range(D)]
check_all(152, [(a, b) for k, j in diff for a, b in zip(grad(u(k) - sp.log(S), j), n152(k, j))])
for line, A, B in [(153, n152, n153), (154, n153, n154), (155, n154, n155), (156, n155, n156)]:
    check_all(line, [(a, b) for k, j in diff for a, b in zip(A(k, j), B(k, j))])
check_all(159, [(a, Xl[d] * (f(Y, j) - P[j])) for Y in range(K) for j in range(K) for d, a in enumerate(grad(obj(Y), j))])
# two examples
X2 = sp.Matrix([vec("v", D, real=True)])
u2 = lambda k: (X2 * Th[k].T)[0]
S2 = sum(sp.exp(u2(i)) for i in range(K))
P2 = [sp.exp(u2(k)) / S2 for k in range(K)]
ok164 = True
for Y1 in range(K):
    for Y2 in range(K):
        tot = sum(f(Y1, i) * sp.log(P[i]) for i in range(K)) + sum(f(Y2, i) * sp.log(P2[i]) for i in range(K))
        for j in range(K):
            for d, gcomp in enumerate(grad(tot, j)):
                ok164 &= equal(gcomp, Xl[d] * (f(Y1, j) - P[j]) + list(X2)[d] * (f(Y2, j) - P2[j]))
print(f"line 164: {'holds' if ok164 else 'fails'}")

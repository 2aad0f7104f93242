"""Establish f-physicsd00d-softmax-ce-einstein.md: softmax + cross-entropy gradient in Einstein notation (K = 3 classes).
Repeated indices are summed (as the author states); e^{theta_m} in a denominator means sum_m e^{theta_m}."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax

K = 3
th = vec("theta", K, real=True)
y = vec("y", K, real=True)
E = [sp.exp(t) for t in th]
S = sum(E)
yh = softmax(th)
I = range(K)
d = lambda a, b: 1 if a == b else 0
CE = -sum(y[i] * sp.log(yh[i]) for i in I)
# line 7: -y_i log(yhat_i) with the implied sum over i
check(7, CE, -sum(y[i] * sp.log(yh[i]) for i in I))
r13 = [-sum(sp.diff(y[i] * sp.log(yh[i]), th[k]) for i in I) for k in I]
r14 = [-sum(y[i] * sp.diff(sp.log(yh[i]), th[k]) for i in I) for k in I]
r15 = [-sum(y[i] / yh[i] * sp.diff(yh[i], th[k]) for i in I) for k in I]
r16 = [-sum(y[i] / yh[i] * sp.diff(E[i] / S, th[k]) for i in I) for k in I]
r17 = [-sum(y[i] / yh[i] * (sp.diff(E[i], th[k]) / S - E[i] / S**2 * sum(sp.diff(E[p], th[k]) for p in I)) for i in I) for k in I]
r18 = [-sum(y[i] / yh[i] * (E[i] * d(i, k) / S - E[i] / S**2 * sum(E[p] * d(p, k) for p in I)) for i in I) for k in I]
r19 = [-sum(y[i] / yh[i] * (yh[i] * d(i, k) - yh[i] * sum(yh[p] * d(p, k) for p in I)) for i in I) for k in I]
r20 = [-sum(y[i] * (d(i, k) - sum(yh[p] * d(p, k) for p in I)) for i in I) for k in I]
r26 = [-sum(y[i] * (d(i, k) - yh[k]) for i in I) for k in I]
r27 = [sum(-y[i] * d(i, k) + y[i] * yh[k] for i in I) for k in I]
r28 = [-y[k] + sum(y[i] * yh[k] for i in I) for k in I]
r34 = r28
r35 = [-y[k] + yh[k] * sum(y[i] for i in I) for k in I]
r36 = [-y[k] + yh[k] for k in I]
grad = [sp.diff(CE, th[k]) for k in I]
check_all(13, [(grad[k], r13[k]) for k in I])
rows = [(14, r13, r14), (15, r14, r15), (16, r15, r16), (17, r16, r17), (18, r17, r18), (19, r18, r19),
        (20, r19, r20), (26, r20, r26), (27, r26, r27), (28, r27, r28), (34, r28, r34), (35, r34, r35)]
for line, A, B in rows:
    check_all(line, [(A[k], B[k]) for k in I])
onehot = {y[2]: 1 - y[0] - y[1]}   # sum_i y_i = 1 (one-hot label)
check_all(36, [(r35[k], r36[k]) for k in I], subs=onehot)
check_all(41, [(grad[k], yh[k] - y[k]) for k in I], subs=onehot)

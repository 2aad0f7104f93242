"""Establish f-nirnirs-sigmoid-softmax-ce.md: softmax shift invariance, sigmoid derivative, softmax + CE gradient (n = 3)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax

n = 3
x = vec("x", n, real=True)
c = sp.Symbol("c", real=True)
I = range(n)
sm = softmax(x)
smc = softmax([t + c for t in x])
check_all(6, [(sm[i], smc[i]) for i in I])
r10 = [sp.exp(x[i] + c) / sum(sp.exp(t + c) for t in x) for i in I]
r11 = [sp.exp(x[i]) * sp.exp(c) / (sp.exp(c) * sum(sp.exp(t) for t in x)) for i in I]
r12 = [sp.exp(x[i]) / sum(sp.exp(t) for t in x) for i in I]
check_all(10, [(smc[i], r10[i]) for i in I])
check_all(11, [(r10[i], r11[i]) for i in I])
check_all(12, [(r11[i], r12[i]) for i in I])
check_all(13, [(r12[i], sm[i]) for i in I])

z = sp.Symbol("z", real=True)
sig = 1 / (1 + sp.exp(-z))
r21 = sp.diff(1 / (1 + sp.exp(-z)), z)
r22 = -1 / (1 + sp.exp(-z))**2 * -sp.exp(-z)
r23 = sp.exp(-z) / (1 + sp.exp(-z))**2
r24 = sp.exp(-z) / (1 + sp.exp(-z)) * (1 - sp.exp(-z) / (1 + sp.exp(-z)))
r25 = sig * (1 - sig)
check(21, sp.diff(sig, z), r21)
check(22, r21, r22); check(23, r22, r23); check(24, r23, r24); check(25, r24, r25)

th = vec("theta", n, real=True)
y = vec("y", n, real=True)
yh = softmax(th)
S = sum(sp.exp(t) for t in th)
CE = -sum(y[i] * sp.log(yh[i]) for i in I)
k = 0                                   # index of the correct class
onehot = {y[0]: 1, y[1]: 0, y[2]: 0}
r32 = -sp.log(yh[k])
check(32, CE.subs(onehot), r32)
check(33, r32, -sp.log(softmax(th)[k]))
# line 34: sum_{i=1}^n e^{theta_j} (summation index i, summand theta_j) = n e^{theta_j}, j free
r34 = lambda j: sp.log(n * sp.exp(th[j]) / sp.exp(th[k]))
check_all(34, [(-sp.log(softmax(th)[k]), r34(j)) for j in I])
check_all(35, [(r34(j), sp.log(n * sp.exp(th[j])) - th[k]) for j in I])
F = sp.log(S) - th[k]                   # the function differentiated on lines 40 and 46 (sum over j correct there)
check(40, sp.diff(CE, th[k]).subs(onehot), sp.diff(F, th[k]))
check(41, sp.diff(F, th[k]), sp.exp(th[k]) / S - 1)
check(42, sp.exp(th[k]) / S - 1, yh[k] - 1)
others = [i for i in I if i != k]
check_all(46, [(sp.diff(CE, th[i]).subs(onehot), sp.diff(F, th[i])) for i in others])
check_all(47, [(sp.diff(F, th[i]), sp.exp(th[i]) / S) for i in others])
check_all(48, [(sp.exp(th[i]) / S, yh[i]) for i in others])
check_all(52, [(sp.diff(CE, th[i]).subs(onehot), yh[i] - onehot[y[i]]) for i in I])

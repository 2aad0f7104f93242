"""Establish e-jaymody-stable-softmax-log-softmax.md: shift-invariance of softmax, CE with a one-hot target, stable log-softmax (K = 3)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax

K = 3
x = vec("x", K, real=True)
C = sp.Symbol("C", positive=True)
II = range(K)
S = sum(sp.exp(t) for t in x)
sm = softmax(x)
M = sp.Max(*x)

r81 = [sp.exp(x[i]) / S for i in II]
r82 = [1 * sp.exp(x[i]) / S for i in II]
r83 = [C / C * sp.exp(x[i]) / S for i in II]
r84 = [C * sp.exp(x[i]) / sum(C * sp.exp(t) for t in x) for i in II]
r85 = [sp.exp(x[i] + sp.log(C)) / sum(sp.exp(t + sp.log(C)) for t in x) for i in II]
check_all(80, [(sm[i], r81[i]) for i in II])
check_all(82, [(r81[i], r82[i]) for i in II])
check_all(83, [(r82[i], r83[i]) for i in II])
check_all(84, [(r83[i], r84[i]) for i in II])
check_all(85, [(r84[i], r85[i]) for i in II])
shifted = [sp.exp(x[i] - M) / sum(sp.exp(t - M) for t in x) for i in II]
check_all(90, [(sm[i], shifted[i]) for i in II])

# cross entropy
p = vec("p", K); q = vec("q", K, positive=True)
H = -sum(p[i] * sp.log(q[i]) for i in II)
check(135, H, -sum(p[i] * sp.log(q[i]) for i in II))
def r137(yy): return -p[yy] * sp.log(q[yy]) - sum(p[i] * sp.log(q[i]) for i in II if i != yy)
def r138(yy): return -1 * sp.log(q[yy]) - sum(0 * sp.log(q[i]) for i in II if i != yy)
def r139(yy): return -sp.log(q[yy]) - 0 * sum(sp.log(q[i]) for i in II if i != yy)
check_all(137, [(H, r137(yy)) for yy in II])
onehot = lambda yy: {p[i]: (1 if i == yy else 0) for i in II}
check_all(138, [(r137(yy).subs(onehot(yy)), r138(yy)) for yy in II])
check_all(139, [(r138(yy), r139(yy)) for yy in II])
check_all(140, [(r139(yy), -sp.log(q[yy])) for yy in II])
yh = vec("h", K, real=True)
smh = softmax(yh)
check_all(141, [(-sp.log(q[yy]).subs({q[i]: smh[i] for i in II}), -sp.log(smh[yy])) for yy in II])

# stable log-softmax
l173 = [sp.log(shifted[i]) for i in II]
l174 = [sp.log(sp.exp(x[i] - M)) - sp.log(sum(sp.exp(t - M) for t in x)) for i in II]
l175 = [(x[i] - M) * sp.log(sp.E) - sp.log(sum(sp.exp(t - M) for t in x)) for i in II]
l176 = [(x[i] - M) * 1 - sp.log(sum(sp.exp(t - M) for t in x)) for i in II]
l177 = [x[i] - M - sp.log(sum(sp.exp(t - M) for t in x)) for i in II]
check_all(172, [(sp.log(sm[i]), l173[i]) for i in II])
check_all(174, [(l173[i], l174[i]) for i in II])
check_all(175, [(l174[i], l175[i]) for i in II])
check_all(176, [(l175[i], l176[i]) for i in II])
check_all(177, [(l176[i], l177[i]) for i in II])

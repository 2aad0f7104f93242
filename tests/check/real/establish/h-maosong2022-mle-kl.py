"""Establish h-maosong2022-mle-kl.md: MLE chain and the MLE/KL equivalence, on a discrete
support {0,1,2}. Argmax/argmin rows are checked through their objectives (monotone transform /
theta-free term), and the row with the missing log through the two minimisers."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

th = sp.Symbol("theta", positive=True)
# i.i.d. Bernoulli sample for the MLE chain (n = 3)
xs = [1, 0, 1]
pb = lambda x: th ** x * (1 - th) ** (1 - x)
joint = th ** sum(xs) * (1 - th) ** (len(xs) - sum(xs))        # P(X|theta) of an i.i.d. sample
prod = sp.Mul(*[pb(x) for x in xs])
check(18, joint, prod)
check(26, joint, prod)
check(27, sp.diff(sp.log(prod), th) * prod, sp.diff(prod, th))
check(28, sp.expand_log(sp.log(prod), force=True), sp.expand_log(sum(sp.log(pb(x)) for x in xs), force=True))
check(35, sum(sp.log(pb(x)) for x in xs), sp.log(prod), positive=(th,))
check(90, sum(sp.log(pb(x)) for x in xs), sp.log(prod), positive=(th,))

# KL part: p_data on {0,1,2}, model Binomial(2, theta) (misspecified)
pd = [sp.Rational(6, 10), sp.Rational(1, 10), sp.Rational(3, 10)]
pm = [(1 - th) ** 2, 2 * th * (1 - th), th ** 2]
KL = sum(pd[j] * sp.log(pd[j] / pm[j]) for j in range(3))
chi = sum(pd[j] * pd[j] / pm[j] for j in range(3))             # the row without the log
th_kl = sp.nsolve(sp.diff(KL, th), th, 0.4)
th_chi = sp.nsolve(sp.diff(chi, th), th, 0.4)
check(71, th_kl, th_chi)
o72 = sum(pd[j] * sp.log(pd[j]) for j in range(3)) - sum(pd[j] * sp.log(pm[j]) for j in range(3))
th_72 = sp.nsolve(sp.diff(o72, th), th, 0.4)
check(72, th_chi, th_72)
o73 = -sum(pd[j] * sp.log(pm[j]) for j in range(3))
check(73, sp.diff(o72 - o73, th), 0)
o74 = sum(pd[j] * sp.log(pm[j]) for j in range(3))
check(74, o74, -o73)
# line 83: a sample whose empirical frequencies equal p_data (n = 10): mean log-lik = E_pdata[log p]
sample = [0] * 6 + [1] * 1 + [2] * 3
mean = sp.Rational(1, len(sample)) * sum(sp.log(pm[x]) for x in sample)
check(83, mean, sum(pd[j] * sp.log(pm[j]) for j in range(3)))
# line 91: argmax of the sum = argmax of the mean (positive factor n), which is the expectation
check(91, sp.diff(sum(sp.log(pm[x]) for x in sample), th), len(sample) * sp.diff(o74, th))
# line 92: argmax E[log p] = theta*_KL (the minimiser of the KL divergence)
th_ml = sp.nsolve(sp.diff(o74, th), th, 0.4)
check(92, th_ml, th_kl)

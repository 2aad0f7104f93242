"""Establish l-yngiec-logistic-regression.md: odds/logit values, logistic log-likelihood and its gradient, softmax regression."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

R = sp.Rational
odds = lambda v: v / (1 - v)
check_all(56, [(odds(R(1, 2)), R(1, 2) / (1 - R(1, 2))), (R(1, 2) / (1 - R(1, 2)), 1)])
check_all(57, [(odds(R(99, 100)), R(99, 100) / (1 - R(99, 100))), (R(99, 100) / (1 - R(99, 100)), 99)])
check_all(58, [(odds(R(1, 100)), R(1, 100) / (1 - R(1, 100))), (R(1, 100) / (1 - R(1, 100)), R(1, 99))])

logit = lambda v: sp.log(v / (1 - v))
trunc3 = lambda v: sp.sign(v) * sp.floor(abs(sp.N(v, 30)) * 1000) / 1000   # "4.595..." = truncated decimals
check_all(82, [(logit(R(1, 2)), sp.log(R(1, 2) / (1 - R(1, 2)))), (sp.log(R(1, 2) / (1 - R(1, 2))), sp.log(1)), (sp.log(1), 0)])
check_all(83, [(logit(R(99, 100)), sp.log(R(99, 100) / (1 - R(99, 100)))), (sp.log(R(99, 100) / (1 - R(99, 100))), sp.log(99)),
               (trunc3(sp.log(99)), R(4595, 1000))])
check_all(84, [(logit(R(1, 100)), sp.log(R(1, 100) / (1 - R(1, 100)))), (sp.log(R(1, 100) / (1 - R(1, 100))), sp.log(R(1, 99))),
               (trunc3(sp.log(R(1, 99))), -R(4595, 1000))])

x = sp.Symbol("x", real=True)
sig = 1 / (1 + sp.exp(-x))                                # line 40
check(101, sp.log(1 / (1 + sp.exp(-x))), sig)             # 'Logistic Function : log(1/(1+e^{-x}))'

t = sp.Symbol("t", real=True)                             # t = X theta
p_row = sp.log(1 / (1 + sp.exp(-t)))                      # line 128
check(128, sp.log(p_row / (1 - p_row)), t)                # does it solve line 126, X theta = log(p/(1-p))?

# lines 172-176: per-sample log-likelihood, mu = 1/(1+e^{-t})
Y = sp.Symbol("Y", real=True)
mu = 1 / (1 + sp.exp(-t))
logP = sp.log(mu ** Y * (1 - mu) ** (1 - Y))
r172 = Y * sp.log(mu) + (1 - Y) * sp.log(1 - mu)
r173 = Y * (sp.log(mu) - sp.log(1 - mu)) + sp.log(1 - mu)
r174 = Y * sp.log(mu / (1 - mu)) + sp.log(1 - mu)
r175a = Y * t + sp.log(1 - mu)
r175b = Y * t - sp.log(1 + sp.exp(t))
check(172, logP, r172)
check(173, r172, r173)
check(174, r173, r174)
check_all(175, [(r174, r175a), (r175a, r175b)])
check_all(176, [(sp.log(1 - mu), sp.log(1 - 1 / (1 + sp.exp(-t)))), (sp.log(1 - 1 / (1 + sp.exp(-t))), sp.log(1 / (1 + sp.exp(t))))])

# lines 199-202: gradient of sum_i Y_i X_i theta - log(1 + e^{X_i theta}), m = 2 samples, 2 features, component j = 1
m, d = 2, 2
th = vec("th", d, real=True)
Xs = [vec(f"X{i}_", d, real=True) for i in range(m)]
Ys = vec("Y", m, real=True)
z = [sum(th[k] * Xs[i][k] for k in range(d)) for i in range(m)]
obj = sum(Ys[i] * z[i] - sp.log(1 + sp.exp(z[i])) for i in range(m))
j = 0
r199 = sum(Ys[i] * Xs[i][j] for i in range(m)) + sum(-1 / (1 + sp.exp(z[i])) * sp.exp(z[i]) * Xs[i][j] for i in range(m))
r201 = sum(Xs[i][j] * (Ys[i] - sp.exp(z[i]) / (1 + sp.exp(z[i]))) for i in range(m))
P1 = [1 / (1 + sp.exp(-z[i])) for i in range(m)]          # P(Y_i = 1 | X_i; theta) (line 145)
r202 = sum(Xs[i][j] * (Ys[i] - P1[i]) for i in range(m))
check(199, sp.diff(obj, th[j]), r199)
check(201, r199, r201)
check(202, r201, r202)

# line 248: -log P(Y|X) = -log sum {...}   (the extra log)
tt = vec("t", m, real=True)
mus = [1 / (1 + sp.exp(-v)) for v in tt]
nll = -sum(sp.log(mus[i] ** Ys[i] * (1 - mus[i]) ** (1 - Ys[i])) for i in range(m))
check(248, nll, -sp.log(sum(Ys[i] * sp.log(mus[i]) + (1 - Ys[i]) * sp.log(1 - mus[i]) for i in range(m))),
      subs={Ys[0]: 1, Ys[1]: 0})

# line 283: softmax with the index typo sum_{i=1}^K exp(s_j(x))  (K = 3, k = 1, j free)
K = 3
s = vec("s", K, real=True)
sj = sp.Symbol("s_j", real=True)
k = 0
check(283, sp.exp(s[k]) / sum(sp.exp(v) for v in s), sp.exp(s[k]) / sum(sp.exp(sj) for _ in range(K)))

# line 293: -log prod prod pi^y = -sum sum y log pi  (m = 2, K = 3)
pis = [vec(f"pi{i}_", K, positive=True) for i in range(m)]
ys = [vec(f"y{i}_", K, real=True) for i in range(m)]
lhs = -sp.log(sp.Mul(*[pis[i][kk] ** ys[i][kk] for i in range(m) for kk in range(K)]))
check(293, lhs, -sum(ys[i][kk] * sp.log(pis[i][kk]) for i in range(m) for kk in range(K)), positive=[v for row in pis for v in row])

"""Establish h-allenakinkunle-bce-mle.md: logit/logistic algebra (p = 2 predictors) and the
Bernoulli MLE -> binary cross-entropy chain (n = 3 examples)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

b0, b1, b2, X1, X2 = sp.symbols("beta0 beta1 beta2 X1 X2", real=True)
eta = b0 + b1 * X1 + b2 * X2
pp = sp.Symbol("p", positive=True)
check(38, 1 * pp + 0 * (1 - pp), pp)                      # E(Y|X) = p for Y in {0,1}
p71 = sp.exp(eta) / (sp.exp(eta) + 1)
check(61, p71 / (1 - p71), sp.exp(eta))                   # exponentiated logit relation
check(71, sp.log(p71 / (1 - p71)), eta)                   # p71 solves logit(p) = eta
p72 = 1 / (1 + sp.exp(-b0 + b1 * X1 + b2 * X2))
check(72, p71, p72)

pmf = lambda y: pp ** y * (1 - pp) ** (1 - y)
check_all(116, [(pmf(1), pp), (pmf(0), 1 - pp)])
ys = [1, 0, 1]
n = len(ys)
cases = lambda y: pp if y == 1 else 1 - pp
L126 = sp.Mul(*[cases(y) for y in ys])
L127 = sp.Mul(*[pmf(y) for y in ys])
check(127, L126, L127)
r138 = sum(sp.log(pmf(y)) for y in ys)
r139 = sum(y * sp.log(pp) + (1 - y) * sp.log(1 - pp) for y in ys)
check(137, sp.log(L126), sp.log(L127))
check(138, sp.log(L127), r138)
check(139, r138, r139)
# argmax/argmin rows, with p^(i) = sigmoid(beta0 + beta1 x_i)
x = vec("x", n, real=True)
pi = [1 / (1 + sp.exp(-(b0 + b1 * x[i]))) for i in range(n)]
ll = sum(ys[i] * sp.log(pi[i]) + (1 - ys[i]) * sp.log(1 - pi[i]) for i in range(n))
o159 = -ll
o169 = -ll / n
check(159, o159, -ll)
check(169, o169 * n, o159)

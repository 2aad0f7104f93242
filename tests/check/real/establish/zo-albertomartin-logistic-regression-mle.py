"""Establish zo-albertomartin-logistic-regression-mle.md: logistic-regression MLE, gradient and Hessian.
Concrete size: n = 2 samples, 2 coefficients (beta1, beta2); x_ij free symbols."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

sig = lambda t: 1 / (1 + sp.exp(-t))
n, P = 2, 2
b = vec("b", P, real=True)
X = [vec(f"x{i+1}_", P, real=True) for i in range(n)]
y = vec("y", n, real=True)
z = [sum(X[i][j] * b[j] for j in range(P)) for i in range(n)]
p = [sig(z[i]) for i in range(n)]

# line 8: logit form of the model on line 5
t = sp.Symbol("t", real=True)
check(8, sp.log(sig(t) / (1 - sig(t))), t)

# line 24: likelihood with p_i = sigma(x_i^T beta)
L23 = sp.Mul(*[p[i] ** y[i] * (1 - p[i]) ** (1 - y[i]) for i in range(n)])
L24 = sp.Mul(*[sig(z[i]) ** y[i] * (1 - sig(z[i])) ** (1 - y[i]) for i in range(n)])
check(24, L23, L24)

# lines 36-38: log-likelihood = log L
ell = sum(y[i] * sp.log(p[i]) + (1 - y[i]) * sp.log(1 - p[i]) for i in range(n))
check(36, sp.log(L23), ell)
r37 = sum(y[i] * sp.log(sig(z[i])) + (1 - y[i]) * sp.log(1 - sig(z[i])) for i in range(n))
check(37, ell, r37)
r38 = sum(y[i] * sp.log(1 / (1 + sp.exp(-z[i]))) + (1 - y[i]) * sp.log(1 - 1 / (1 + sp.exp(-z[i]))) for i in range(n))
check(38, r37, r38)

# treat p_i as a free symbol for dl/dp_i
ps = vec("q", n, positive=True)
ell_p = sum(y[i] * sp.log(ps[i]) + (1 - y[i]) * sp.log(1 - ps[i]) for i in range(n))
dl_dp = [sp.diff(ell_p, ps[i]).subs(ps[i], p[i]).subs({ps[k]: p[k] for k in range(n)}) for i in range(n)]
j, k = 0, 1
# line 76: chain rule
check(76, sp.diff(ell, b[j]), sum(dl_dp[i] * sp.diff(p[i], b[j]) for i in range(n)))
# line 83: dl/dp_i = y/p - (1-y)/(1-p) = (y-p)/(p(1-p))   (i = 1)
i = 0
check_all(83, [(dl_dp[i], y[i] / p[i] - (1 - y[i]) / (1 - p[i])),
               (dl_dp[i], (y[i] - p[i]) / (p[i] * (1 - p[i])))])
# line 88: dp_i/dbeta_j
check_all(88, [(sp.diff(p[i], b[jj]), p[i] * (1 - p[i]) * X[i][jj]) for i in range(n) for jj in range(P)])
# line 104
grad = [sp.diff(ell, b[jj]) for jj in range(P)]
check_all(104, [(grad[j], sum((y[i] - p[i]) / (p[i] * (1 - p[i])) * p[i] * (1 - p[i]) * X[i][j] for i in range(n))),
                (grad[j], sum((y[i] - p[i]) * X[i][j] for i in range(n)))])
# line 107: gradient vector X^T (y - p)
Xm = sp.Matrix(X)
gv = Xm.T * sp.Matrix([y[i] - p[i] for i in range(n)])
check_all(107, [(grad[jj], gv[jj]) for jj in range(P)])
# lines 121, 125, 128: Hessian entries (j, k) = (1, 2)
H = [[sp.diff(ell, b[a], b[c]) for c in range(P)] for a in range(P)]
check_all(121, [(H[j][k], sp.diff(ell, b[j], b[k])),
                (H[j][k], sum(sp.diff((y[i] - p[i]) * X[i][j], b[k]) for i in range(n)))])
check_all(125, [(H[j][k], -sum(X[i][j] * sp.diff(p[i], b[k]) for i in range(n))),
                (H[j][k], -sum(X[i][j] * p[i] * (1 - p[i]) * X[i][k] for i in range(n)))])
check_all(128, [(H[j][k], -sum(p[i] * (1 - p[i]) * X[i][j] * X[i][k] for i in range(n))),
                (H[j][j], -sum(p[i] * (1 - p[i]) * X[i][j] * X[i][j] for i in range(n)))])
# line 135: H = -X^T W X
W = sp.diag(*[p[i] * (1 - p[i]) for i in range(n)])
Hm = -Xm.T * W * Xm
check_all(135, [(H[a][c], Hm[a, c]) for a in range(P) for c in range(P)])

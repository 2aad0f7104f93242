"""Establish r-sungchullee-logistic-regression-gradient.md: logistic-regression CE gradient, Hessian, IRLS form."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

n = 2
th = sp.Matrix(vec("t", 2, real=True))            # theta (intercept, slope)
xs = vec("x", n, real=True)
ys = vec("y", n, real=True)
A = sp.Matrix([[1, xs[0]], [1, xs[1]]])          # design matrix with a column of ones
sig = lambda t: 1 / (1 + sp.exp(-t))
s = [sig((A[i, :] * th)[0]) for i in range(n)]
ell = -sum(ys[i] * sp.log(s[i]) + (1 - ys[i]) * sp.log(1 - s[i]) for i in range(n))
grad = sp.Matrix([sp.diff(ell, t) for t in th])
Ai = lambda i: A[i, :].T

r18 = -sum((ys[i] / s[i] * s[i] * (1 - s[i]) * Ai(i) - (1 - ys[i]) / (1 - s[i]) * s[i] * (1 - s[i]) * Ai(i) for i in range(n)), sp.zeros(2, 1))
check_all(18, list(zip(grad, r18)))
r28 = sum(((s[i] - ys[i]) * Ai(i) for i in range(n)), sp.zeros(2, 1))
check_all(28, list(zip(grad, r28)))
svec = sp.Matrix(s); yvec = sp.Matrix(ys)
r37 = A.T * (svec - yvec)
check_all(37, list(zip(grad, r37)))
H = grad.jacobian(th)
mid = sum((s[i] * (1 - s[i]) * Ai(i) * A[i, :] for i in range(n)), sp.zeros(2, 2))
B = sp.diag(*[s[i] * (1 - s[i]) for i in range(n)])
check_all(49, list(zip(H, mid)) + list(zip(mid, A.T * B * A)))
# line 95: with z = A theta0 - B^{-1}(sigma - y), (A^T B A)^{-1} A^T B z equals the Newton step of line 82
# (an algebraic identity in A, B, sigma, y: use plain symbols for sigma and the positive diagonal of B)
sv = sp.Matrix(vec("s", n, real=True)); bv = vec("b", n, positive=True)
Bs = sp.diag(*bv)
z = A * th - Bs.inv() * (sv - yvec)
M = A.T * Bs * A
lhs95 = M.inv() * A.T * Bs * z
newton = th - M.inv() * A.T * (sv - yvec)
check_all(95, list(zip(lhs95, newton)), positive=bv)

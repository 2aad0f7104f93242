"""Establish w-na-moe-poisson-glm.md (excerpt = original lines 305-458; stored line = original - 304).

Section 3 (Poisson regression): Poisson pmf, eta = log(lambda), eta^(i) = theta^T x^(i).
Section 4 (a), (b): exponential-family identities, instantiated on the Bernoulli family
  p(y; eta) = exp(eta*y - a(eta)), y in {0, 1}, a(eta) = log(1 + e^eta), T(y) = y, b(y) = 1
  (finite support, so the integrals are exact sums); the document's alpha(eta) is read as a(eta).
Section 4 (c): GLM NLL instantiated with the Poisson family (b(y) = 1/y!, a = e^eta, T(y) = y),
  m = 2 samples, 2 features.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all

OFF = 304
L = lambda orig: orig - OFF

# ---- 3(a)
lam = sp.Symbol("lam", positive=True)
y = sp.Symbol("y", positive=True)
pois = sp.exp(-lam) * lam**y / sp.factorial(y)
check(L(313), pois, 1 / sp.factorial(y) * sp.exp(y * sp.log(lam) - lam), positive=(y, lam))
# ---- 3(b): g(eta) = E[T(y)] = mu = lambda = e^eta (eta = log lambda)
eta = sp.Symbol("eta", real=True)
k = sp.Symbol("k", integer=True, nonnegative=True)
mean = sp.summation(k * sp.exp(-lam) * lam**k / sp.factorial(k), (k, 0, sp.oo))
check(L(325), mean, lam)
check(L(326), lam.subs(lam, sp.exp(eta)), sp.exp(eta))
# ---- 3(c): single-sample log-likelihood, eta = theta^T x
th = sp.symbols("th1:3", real=True)
x = sp.symbols("x1:3", real=True)
e = th[0] * x[0] + th[1] * x[1]
lam_i = sp.exp(e)
r337 = sp.log(sp.exp(-lam_i) * lam_i**y / sp.factorial(y))
r338 = sp.log(sp.exp(-lam_i) * lam_i**y / sp.factorial(y))
r339 = sp.log(sp.exp(-sp.exp(e)) * sp.exp(e)**y / sp.factorial(y))
r340 = e * y - sp.exp(e) - sp.log(sp.factorial(y))
check(L(338), r337, r338, positive=(y,))
check(L(339), r338, r339, positive=(y,))
check(L(340), r339, r340, positive=(y,))
check_all(L(348), [(sp.diff(r340, th[j]), x[j] * y - sp.exp(e) * x[j]) for j in range(2)], positive=(y,))
check_all(L(350), [(x[j] * y - sp.exp(e) * x[j], (y - sp.exp(e)) * x[j]) for j in range(2)])
# ---- 4(a), 4(b) on the Bernoulli family
a = sp.log(1 + sp.exp(eta))
a1, a2 = sp.diff(a, eta), sp.diff(a, eta, 2)
P = {yy: sp.exp(eta * yy - a) for yy in (0, 1)}
S = lambda f: sum(f(yy) for yy in (0, 1))
ET = S(lambda yy: yy * P[yy])
check(L(393), S(lambda yy: P[yy]), 1)
check(L(394), sp.diff(S(lambda yy: P[yy]), eta), 0)
check(L(395), S(lambda yy: P[yy] * (yy - a1)), 0)
check(L(396), S(lambda yy: yy * P[yy]) - a1 * S(lambda yy: P[yy]), 0)
check(L(397), ET - a1, 0)
check(L(398), ET, a1)
check(L(406), S(lambda yy: P[yy]), 1)
check(L(407), sp.diff(S(lambda yy: P[yy]), eta, 2), 0)
check(L(408), S(lambda yy: P[yy] * (yy - a1) ** 2 - P[yy] * a2), 0)
check(L(409), S(lambda yy: (yy - a1) ** 2 * P[yy]) - a2 * S(lambda yy: P[yy]), 0)
VarT = S(lambda yy: (yy - ET) ** 2 * P[yy])
check(L(410), VarT - a2, 0)
check(L(411), VarT, a2)
# ---- 4(c): Poisson GLM, m = 2 samples, 2 features
X = [sp.symbols("xa1:3", real=True), sp.symbols("xb1:3", real=True)]
Y = sp.symbols("y1:3", positive=True)
etas = [th[0] * xi[0] + th[1] * xi[1] for xi in X]
A = sp.exp                       # a(eta) = e^eta; a' = a'' = e^eta
bY = list(sp.symbols("b1:3", positive=True))   # b(y^(i)) = 1/y^(i)! enters only as a positive constant
p_i = [bY[i] * sp.exp(etas[i] * Y[i] - A(etas[i])) for i in range(2)]
ell = -sp.log(p_i[0] * p_i[1])
r421 = -sum(sp.log(bY[i] * sp.exp(etas[i] * Y[i] - A(etas[i]))) for i in range(2))
r422 = -sum(sp.log(bY[i] * sp.exp(etas[i] * Y[i] - A(etas[i]))) for i in range(2))  # x^T theta = theta^T x
r423 = -sum(sp.log(bY[i]) for i in range(2)) - sum(etas[i] * Y[i] - A(etas[i]) for i in range(2))
check(L(421), ell, r421, positive=Y)
check(L(422), r421, r422, positive=Y)
check(L(423), r422, r423, positive=Y)
grad = [sp.diff(ell, th[j]) for j in range(2)]
g432 = [-sum(X[i][j] * Y[i] - sp.exp(etas[i]) * X[i][j] for i in range(2)) for j in range(2)]
g433 = [sum((sp.exp(etas[i]) - Y[i]) * X[i][j] for i in range(2)) for j in range(2)]
check_all(L(431), list(zip(grad, g432)), positive=Y)
check_all(L(433), list(zip(g432, g433)), positive=Y)
H = sp.hessian(ell, th)
# line 441-442: H written as -sum(x T(y) - a'(eta) x): the gradient again (a vector), not the Hessian
check_all(L(441), [(H[j, 0], g432[j]) for j in range(2)], positive=Y)
H443 = sum((sp.exp(etas[i]) * sp.Matrix(X[i]) * sp.Matrix(X[i]).T for i in range(2)), sp.zeros(2, 2))
check_all(L(443), [(H[r, c], H443[r, c]) for r in range(2) for c in range(2)], positive=Y)
# line 444: Var[y; eta^(i)] = lambda_i = e^{eta_i} for the Poisson family (4(b) with T(y) = y)
H444 = sum((sp.exp(etas[i]) * sp.Matrix(X[i]) * sp.Matrix(X[i]).T for i in range(2)), sp.zeros(2, 2))
check_all(L(444), [(H443[r, c], H444[r, c]) for r in range(2) for c in range(2)])
z = sp.Matrix(sp.symbols("z1:3", real=True))
check(L(452), (z.T * H * z)[0, 0], sum(sp.exp(etas[i]) * ((sp.Matrix(X[i]).T * z)[0, 0]) ** 2 for i in range(2)), positive=Y)

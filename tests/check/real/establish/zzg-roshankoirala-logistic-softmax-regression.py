"""Establish zzg-roshankoirala-logistic-softmax-regression.tex (Roshan Koirala, Machine Learning notes,
Logistic Regression section): log-odds model, Bernoulli likelihood, sigmoid derivative, gradient,
softmax likelihood and its K = 2 reduction, GLM links.  Sizes: N = 2 examples, 2 features, K = 3."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

z = sp.Symbol("z", real=True)
p = sp.Symbol("p", positive=True)
g = lambda t: 1 / (1 + sp.exp(-t))

# line 14: log(p/(1-p)) = z with p = p(y=0|X) solved for p
sol = sp.solve(sp.Eq(sp.log(p / (1 - p)), z), p)
check(14, sol[0], 1 / (1 + sp.exp(-z)))

# line 44: Bernoulli in one formula, y in {0, 1}
yh = sp.Symbol("yh", positive=True)
check_all(44, [(yh, yh ** 1 * (1 - yh) ** 0), (1 - yh, yh ** 0 * (1 - yh) ** 1)])

# line 56: log of the product = sum of the logs (N = 2)
N = 2
YH = vec("yh", N, positive=True)
Y = vec("y", N, real=True)
lhs = sp.log(sp.Mul(*[YH[i] ** Y[i] * (1 - YH[i]) ** (1 - Y[i]) for i in range(N)]))
rhs = sum(Y[i] * sp.log(YH[i]) + (1 - Y[i]) * sp.log(1 - YH[i]) for i in range(N))
check(56, lhs, rhs)

# line 70: g'(z) = d/dz 1/(1 - e^{-z}) = g(z)(1 - g(z))
d_typo = sp.diff(1 / (1 - sp.exp(-z)), z)
check_all(70, [(sp.diff(g(z), z), d_typo), (d_typo, g(z) * (1 - g(z)))])

# lines 77, 81: L(Theta) with yhat_i = g(z_i), z = X Theta (+ eps, constant in Theta)
th = vec("th", 2, real=True)
Xr = [vec(f"x{i}_", 2, real=True) for i in range(1, N + 1)]
eps = vec("e", N, real=True)
zz = [sum(Xr[i][j] * th[j] for j in range(2)) + eps[i] for i in range(N)]
Zs = vec("Z", N, real=True)
L_z = sum(Y[i] * sp.log(g(Zs[i])) + (1 - Y[i]) * sp.log(1 - g(Zs[i])) for i in range(N))
L = L_z.subs({Zs[i]: zz[i] for i in range(N)})
chain = [(sp.diff(L, th[j]), sum(sp.diff(L_z, Zs[i]).subs({Zs[q]: zz[q] for q in range(N)}) * sp.diff(zz[i], th[j])
                                 for i in range(N))) for j in range(2)]
check_all(77, chain)
L0 = L.subs({e: 0 for e in eps})
X = sp.Matrix(N, 2, lambda i, j: Xr[i][j])
claimed = X.T * (sp.Matrix(Y) - X * sp.Matrix(th))
check_all(81, [(sp.diff(L0, th[j]), claimed[j]) for j in range(2)])

# line 109: log of the softmax likelihood of one example (K = 3)
K = 3
yk = vec("yk", K, real=True)
YHk = vec("q", K, positive=True)
check(109, sp.log(sp.Mul(*[YHk[k] ** yk[k] for k in range(K)])), sum(yk[k] * sp.log(YHk[k]) for k in range(K)))

# line 122: K = 2 softmax = sigmoid of X(Theta_1 - Theta_2)
T1 = vec("a", 2, real=True); T2 = vec("c", 2, real=True); xr = vec("xr", 2, real=True)
a1 = sum(xr[j] * T1[j] for j in range(2)); a2 = sum(xr[j] * T2[j] for j in range(2))
yhat1 = sp.exp(a1) / sum(sp.exp(t) for t in (a1, a2))           # line 116 with K = 2, i = 1
check_all(122, [(yhat1, sp.exp(a1) / (sp.exp(a1) + sp.exp(a2))),
                (sp.exp(a1) / (sp.exp(a1) + sp.exp(a2)), 1 / (1 + sp.exp(-(a1 - a2))))])

# line 141: logistic regression mean mu = g(X Theta): Ln(mu) is not X Theta
t = sp.Symbol("t", real=True)
check(141, sp.log(g(t)), t)

# line 148: E(y|X) = b(y) exp[eta T(y) - a(eta)] for the Bernoulli member (logistic regression):
# b = 1, T(y) = y, eta = log(phi/(1-phi)), a = log(1 + e^eta); E(y|X) = phi does not depend on y
phi = sp.Symbol("phi", positive=True)
eta = sp.log(phi / (1 - phi)); a = sp.log(1 + sp.exp(eta))
check_all(148, [(phi, sp.exp(eta * yy - a)) for yy in (0, 1)])

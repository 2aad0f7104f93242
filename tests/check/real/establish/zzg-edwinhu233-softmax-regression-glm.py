"""Establish zzg-edwinhu233-softmax-regression-glm.tex (Jingbo Hu, CS229 notes, GLMs chapter):
exponential-family forms of N(mu,1), Bernoulli, multinomial; GLM hypotheses; log-likelihoods;
softmax-regression gradient by matrix differentials.  Sizes: k = 3 classes, m = 2 examples, n = 2 features."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

yv = sp.Symbol("y", real=True)
mu = sp.Symbol("mu", real=True)
phi = sp.Symbol("phi", positive=True)

# ---- Gaussian N(mu, 1) as exponential family (lines 16-19)
p_gau = 1 / sp.sqrt(2 * sp.pi) * sp.exp(-sp.Rational(1, 2) * (yv - mu) ** 2)
eta_g = mu; alpha_g = lambda e: e ** 2 / 2; T_g = yv; b_g = 1 / sp.sqrt(2 * sp.pi) * sp.exp(-yv ** 2 / 2)
decomp_g = (b_g * sp.exp(eta_g * T_g - alpha_g(eta_g)), p_gau)
for ln in (16, 17, 18, 19):
    check_all(ln, [decomp_g])

# ---- Bernoulli as exponential family (lines 25-28); identity for y = 0, 1 and symbolic y
p_ber = lambda y: phi ** y * (1 - phi) ** (1 - y)
eta_b = sp.log(phi / (1 - phi)); alpha_b = lambda e: sp.log(1 + sp.exp(e))
dec_b = [(1 * sp.exp(eta_b * y - alpha_b(eta_b)), p_ber(y)) for y in (0, 1, yv)]
for ln in (25, 26, 27, 28):
    check_all(ln, dec_b, positive=(phi,), subs=None)

n, m, k = 2, 2, 3
th = vec("th", n, real=True)               # theta (binary / linear cases)
xs = [vec(f"x{i}_", n, real=True) for i in range(1, m + 1)]
x = xs[0]
ys = vec("yy", m, real=True)
dot = lambda u, v: sum(ui * vi for ui, vi in zip(u, v))

# ---- linear regression (lines 56-58, 64-66)
E_y = sp.integrate(yv * p_gau, (yv, -sp.oo, sp.oo))
check(56, E_y, mu)                          # E[T(y)] = mu
check(57, mu, eta_g)                        # mu = eta (line 16)
eta_lin = dot(th, x)                        # GLM assumption eta = theta^T x (line 36)
check(58, eta_g.subs(mu, eta_lin), eta_lin)
mus = [dot(th, xi) for xi in xs]
dens = lambda yy, mm: 1 / sp.sqrt(2 * sp.pi) * sp.exp(-sp.Rational(1, 2) * (yy - mm) ** 2)
l_lin = sum(sp.log(dens(ys[i], mus[i])) for i in range(m))
r64 = sum(sp.log(1 / sp.sqrt(2 * sp.pi) * sp.exp(-sp.Rational(1, 2) * (ys[i] - mus[i]) ** 2)) for i in range(m))
check(64, l_lin, r64)
# line 65: -m * 1/2 (y^{(i)} - mu)^2 + const, const free of the parameter: compare d/dmu (common mu, as written)
l_mu = sum(sp.log(dens(ys[i], mu)) for i in range(m))
check_all(65, [(sp.diff(l_mu, mu), sp.diff(-m * sp.Rational(1, 2) * (ys[i] - mu) ** 2, mu)) for i in range(m)])
c = sp.Symbol("c", real=True)
check(66, (-m * sp.Rational(1, 2) * (ys[0] - mu) ** 2 + c).subs(mu, eta_lin),
      -m * sp.Rational(1, 2) * (ys[0] - dot(th, x)) ** 2 + c)

# ---- logistic regression (lines 74-76, 82-83)
check(74, sum(y * p_ber(y) for y in (0, 1)), phi)
eta = sp.Symbol("eta", real=True)
check(75, phi, (1 / (1 + sp.exp(-eta))).subs(eta, eta_b), positive=(phi,))
check(76, (1 / (1 + sp.exp(-eta))).subs(eta, eta_lin), 1 / (1 + sp.exp(-dot(th, x))))
phis = [1 / (1 + sp.exp(-dot(th, xi))) for xi in xs]
pmf = lambda y, ph: ph ** y * (1 - ph) ** (1 - y)
check_all(82, [(sum(sp.log(pmf(yy[i], phis[i])) for i in range(m)),
                sum(sp.log(phis[i] ** yy[i] * (1 - phis[i]) ** (1 - yy[i])) for i in range(m)))
               for yy in [(0, 0), (0, 1), (1, 0), (1, 1), ys]])
check_all(83, [(sum(yy[i] * sp.log(phis[i]) + (1 - yy[i]) * sp.log(1 - phis[i]) for i in range(m)),
                sum(yy[i] * dot(th, xs[i]) - sp.log(1 + sp.exp(dot(th, xs[i]))) for i in range(m)))
               for yy in [(0, 0), (0, 1), (1, 0), (1, 1), ys]])

# ---- multinomial (lines 115-160)
P = vec("phi", k, positive=True)            # phi_1..phi_k, free; sum = 1 imposed where the document uses it
Pk = {P[k - 1]: 1 - P[0] - P[1]}
T = lambda y: [1 if y == i else 0 for i in range(1, k + 1)]   # T(y) from the bmatrix definition (line 91)
ind = lambda c: 1 if c else 0
check_all(115, [(T(y)[i - 1], ind(y == 1)) for y in range(1, k + 1) for i in range(1, k + 1)])
pm = lambda y: P[y - 1]
check_all(116, [(sum(pm(y) * T(y)[i - 1] for y in range(1, k + 1)).subs(Pk), P[i - 1].subs(Pk)) for i in range(1, k + 1)])
check_all(126, [p for y in range(1, k + 1) for p in (
    (pm(y), sp.Mul(*[P[i] ** ind(y == i + 1) for i in range(k)])),
    (sp.Mul(*[P[i] ** ind(y == i + 1) for i in range(k)]), sp.Mul(*[P[i] ** T(y)[i] for i in range(k)])))])
# line 132, phi_k factor outside the product (it does not depend on i)
r132 = lambda y: sp.Mul(*[P[i] ** T(y)[i] for i in range(k - 1)]) * P[k - 1] ** (1 - sum(T(y)[j] for j in range(k - 1)))
check_all(132, [(pm(y), r132(y)) for y in range(1, k + 1)])
# line 133: the parentheses put the phi_k factor inside the product over i = 1..k-1
r133 = lambda y: sp.Mul(*[sp.exp(sp.log(P[i] ** T(y)[i] * P[k - 1] ** (1 - sum(T(y)[j] for j in range(k - 1)))))
                          for i in range(k - 1)])
check_all(133, [(r132(y), r133(y)) for y in range(1, k + 1)] + [(pm(y), r133(y)) for y in range(1, k + 1)])
# line 134: product over i of exp(inner sum over i ... + log phi_k): the factor does not depend on the outer i
inner = lambda y: sp.exp(sum(sp.log(P[i] / P[k - 1]) * T(y)[i] for i in range(k - 1)) + sp.log(P[k - 1]))
r134 = lambda y: inner(y) ** (k - 1)
check_all(134, [(r133(y), r134(y)) for y in range(1, k + 1)] + [(pm(y), r134(y)) for y in range(1, k + 1)])
# lines 138, 146, 148: eta_i = log(phi_i/phi_k), alpha = -log phi_k, b = 1 with the true T(y)
etaM = [sp.log(P[i] / P[k - 1]) for i in range(k)]
expfam = [(1 * sp.exp(sum(etaM[i] * T(y)[i] for i in range(k)) - (-sp.log(P[k - 1]))), pm(y)) for y in range(1, k + 1)]
for ln in (138, 146, 148):
    check_all(ln, expfam)
check_all(147, [(T(y)[i - 1], ind(y == 1)) for y in range(1, k + 1) for i in range(1, k + 1)])
# lines 153-160
check_all(153, [(etaM[i], sp.log(P[i] / P[k - 1])) for i in range(k)])
check_all(154, [(P[i], P[k - 1] * sp.exp(etaM[i])) for i in range(k)])
check(155, 1, (P[k - 1] * sum(sp.exp(e) for e in etaM)).subs(Pk))
check(156, P[k - 1].subs(Pk), (1 / sum(sp.exp(e) for e in etaM)).subs(Pk))
Th = [vec(f"t{j}_", n, real=True) for j in range(1, k + 1)]   # theta_j, columns of theta (n x k)
def soft(xv):
    s = [dot(Th[j], xv) for j in range(k)]
    den = sum(sp.exp(t) for t in s)
    return [sp.exp(t) / den for t in s]
ETA = vec("eta", k, real=True)
phi_of_eta = lambda i: sp.exp(ETA[i]) / sum(sp.exp(e) for e in ETA)
check_all(160, [p for i in range(k) for p in (
    (P[i].subs(Pk), (sp.exp(etaM[i]) / sum(sp.exp(e) for e in etaM)).subs(Pk)),
    (phi_of_eta(i).subs({ETA[j]: dot(Th[j], x) for j in range(k)}), soft(x)[i]))])

# ---- log-likelihood (lines 168-176), labels y^{(i)} = (2, 3)
labs = [2, 3]
S = [soft(xi) for xi in xs]
l_true = sum(sp.log(S[i][labs[i] - 1]) for i in range(m))          # sum log p(y|x) under the model
r168 = sum(sp.log(sp.Mul(*[S[i][j] ** ind(labs[i] == j + 1) for j in range(k)])) for i in range(m))
check(168, l_true, r168)
r169 = sum(sum(ind(labs[i] == j + 1) * sp.log(sp.exp(dot(Th[j], xs[i])) / sum(sp.exp(dot(Th[l], xs[i])) for l in range(k)))
               for j in range(k)) for i in range(m))
check(169, r168, r169)
vecs = [sp.Matrix([sp.log(S[i][j]) for j in range(k)]) for i in range(m)]
r170 = sum((sp.Matrix(T(labs[i])).T * vecs[i])[0, 0] for i in range(m))
check(170, r169, r170)
# line 176: T(y^{(i)}) log(...) without the transpose: k x 1 times k x 1 is no scalar; read elementwise it is
# the k-vector sum_i T(y^{(i)}) * log(...), which is not the scalar l
r176 = sum((sp.Matrix(T(labs[i])).multiply_elementwise(vecs[i]) for i in range(m)), sp.zeros(k, 1))
check_all(176, [(r170, r176[j]) for j in range(k)])

# ---- W = theta^T, l(W) and its differential (lines 184-203), one example
Wm = sp.Matrix(k, n, lambda j, c: Th[j][c])                       # row j = theta_j^T
xv = sp.Matrix(x)
ty = sp.Matrix(T(2))
ones = sp.ones(k, 1)
e = (Wm * xv).applyfunc(sp.exp)
smax = e / (ones.T * e)[0, 0]
check(184, r170, sum((sp.Matrix(T(labs[i])).T * (Wm * sp.Matrix(xs[i])).applyfunc(sp.exp).applyfunc(lambda q: q)
                      .applyfunc(lambda q: sp.log(q / ((ones.T * (Wm * sp.Matrix(xs[i])).applyfunc(sp.exp))[0, 0]))))[0, 0]
                     for i in range(m)))
lp = (ty.T * smax.applyfunc(sp.log))[0, 0]
r190 = (ty.T * e.applyfunc(sp.log))[0, 0] - (ty.T * ones)[0, 0] * sp.log((ones.T * e)[0, 0])
r191 = (ty.T * Wm * xv)[0, 0] - sp.log((ones.T * e)[0, 0])
check(190, lp, r190)
check(191, r190, r191)
dW = sp.Matrix(k, n, lambda j, c: sp.Symbol(f"dW{j + 1}{c + 1}", real=True))
t = sp.Symbol("t", real=True)
lp_W = lambda M: (ty.T * ((M * xv).applyfunc(sp.exp) / (ones.T * (M * xv).applyfunc(sp.exp))[0, 0]).applyfunc(sp.log))[0, 0]
dl = sp.diff(lp_W(Wm + t * dW), t).subs(t, 0)
r195 = (ty.T * dW * xv)[0, 0] - 1 / (ones.T * e)[0, 0] * (ones.T * e.multiply_elementwise(dW * xv))[0, 0]
check(195, dl, r195)
r197 = (xv * ty.T * dW).trace() - 1 / (ones.T * e)[0, 0] * ((ones.multiply_elementwise(e)).T * dW * xv).trace()
check(197, r195, r197)
r199 = (xv * (ty - smax).T * dW).trace()
check(199, r197, r199)
grad = sp.Matrix(k, n, lambda j, c: sp.diff(lp, Wm[j, c]))
G = (ty - smax) * xv.T
check_all(203, [(grad[j, c], G[j, c]) for j in range(k) for c in range(n)])

# ---- hypothesis (lines 210-216)
pY = [soft(x)[j] for j in range(k)]                             # p(y = j | x; theta) under the model
E_T = lambda i: sum(pY[y - 1] * T(y)[i] for y in range(1, k + 1))
E_ind = lambda i: sum(pY[y - 1] * ind(y == i + 1) for y in range(1, k + 1))
check_all(210, [(E_T(i), E_ind(i)) for i in range(k)])
check_all(211, [(E_ind(i), pY[i]) for i in range(k)])
check_all(212, [(pY[i], sp.exp(dot(Th[i], x)) / sum(sp.exp(dot(Th[j], x)) for j in range(k))) for i in range(k)])
check_all(216, [(E_T(i), smax[i, 0]) for i in range(k)])

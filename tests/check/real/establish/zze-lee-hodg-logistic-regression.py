"""Establish the equations of zze-lee-hodg-logistic-regression.md (whole post, Lee Hodgkinson).

Author's notation: L(a, y) = -y ln a - (1-y) ln(1-a), a = sigma(z) = 1/(1+e^{-z}),
z = w1 x1 + w2 x2 + b; Bernoulli likelihood L(x_1..x_n; p); vectorized part with m
examples (columns x^(i) of X, n = 2 features), dz^(i) = dL/dz^(i), dw, db the
gradients of the mean cost (1/m) sum_i L(a^(i), y^(i)) (the 1/m of lines 209 and 221).
"""
import sympy as sp
from _common import check, check_all, vec, D

x, y, a, z, p = sp.symbols("x y a z p", real=True)
sig = lambda t: 1 / (1 + sp.exp(-t))

# --- stats aside: Bernoulli likelihood (n = 3 observations) ---
n = 3
xs = vec("x", n, real=True)
S = sum(xs)
Lik = p**S * (1 - p)**(n - S)                       # line 31 (definition)
ell = (S) * sp.log(p) + (n - S) * sp.log(1 - p)
# line 37: l = log L = (sum x) log p + (n - sum x) log(1-p)   (0 < p < 1)
check(37, sp.log(Lik), ell, positive=(p,))
# line 44: p^MLE = (1/n) sum x_i, the root of dl/dp = 0
sol = sp.solve(sp.Eq(D(ell, p), 0), p)
check(44, sol[0] if len(sol) == 1 else sp.nan, S / n)
# line 51: single example (n = 1): l_1 = x log p + (1-x) log(1-p)
check(51, sp.log(p**x * (1 - p)**(1 - x)), x * sp.log(p) + (1 - x) * sp.log(1 - p), positive=(p,))

# --- backprop for one example ---
La = -y * sp.log(a) - (1 - y) * sp.log(1 - a)       # line 17 (definition)
dLda = -y / a + (1 - y) / (1 - a)
check(64, D(La, a), dLda, positive=(a,))
A = sig(z)                                          # line 70 (definition)
dadz = D(A, z)
check(77, dadz, sp.exp(-z) / (1 + sp.exp(-z))**2)
check(78, sp.exp(-z) / (1 + sp.exp(-z))**2,
      1 / (1 + sp.exp(-z)) * (1 + sp.exp(-z) - 1) / (1 + sp.exp(-z)))
check(79, 1 / (1 + sp.exp(-z)) * (1 + sp.exp(-z) - 1) / (1 + sp.exp(-z)), A * (1 - A))
Lz = La.subs(a, A)
check(87, D(Lz, z), dLda.subs(a, A) * dadz)
check(88, dLda.subs(a, A) * dadz, (A * (1 - A) * (-y / a + (1 - y) / (1 - a))).subs(a, A))
check(89, (a * (1 - a) * (-y / a + (1 - y) / (1 - a))), -y * (1 - a) + a * (1 - y), positive=(a,))
check(90, -y * (1 - a) + a * (1 - y), a - y)

w1, w2, b, x1, x2 = sp.symbols("w1 w2 b x1 x2", real=True)
zz = w1 * x1 + w2 * x2 + b                           # line 100 (definition)
check_all(106, [(D(zz, w1), x1), (D(zz, w2), x2)])
check(112, D(zz, b), 1)
Lw = Lz.subs(z, zz)
aw = sig(zz)
# line 118: dw_i = dL/dw_i = x_i (a - y)  (i = 1, 2)
check_all(118, [(D(Lw, w1), x1 * (aw - y)), (D(Lw, w2), x2 * (aw - y))])
check(124, D(Lw, b), aw - y)

# --- vectorized: n = 2 features, m = 3 examples ---
m, nf = 3, 2
W = sp.Matrix(vec("w", nf, real=True))
Xc = [sp.Matrix(vec(f"x{i}_", nf, real=True)) for i in range(1, m + 1)]   # columns x^(i)
Xm = sp.Matrix.hstack(*Xc)                          # n x m design matrix (line 159)
ys = vec("y", m, real=True)
zs = [(W.T * Xc[i])[0] + b for i in range(m)]       # line 148 (definition)
As = [sig(t) for t in zs]                           # line 149 (definition)
row = W.T * Xm + sp.Matrix([[b] * m])
# line 171: [z^(1) .. z^(m)] = w^T X + [b .. b]
check_all(171, [(zs[i], row[i]) for i in range(m)])
Zsym = vec("zz", m, real=True)
Li = [(-ys[i] * sp.log(sig(Zsym[i])) - (1 - ys[i]) * sp.log(1 - sig(Zsym[i]))) for i in range(m)]
dz = [D(Li[i], Zsym[i]).subs(Zsym[i], zs[i]) for i in range(m)]   # dz^(i) = dL^(i)/dz^(i)
# line 190: dz^(i) = a^(i) - y^(i)
check_all(190, [(dz[i], As[i] - ys[i]) for i in range(m)])
# line 203: dZ = A - Y
check_all(203, [(dz[i], As[i] - ys[i]) for i in range(m)])
J = sp.Rational(1, m) * sum(Li[i].subs(Zsym[i], zs[i]) for i in range(m))
# line 209: db = (1/m) sum_1^m z^(i)   (as written: z, not dz)
check(209, D(J, b), sp.Rational(1, m) * sum(zs))
dZrow = sp.Matrix([[As[i] - ys[i] for i in range(m)]])
dw_formula = sp.Rational(1, m) * Xm * dZrow.T
grad_w = sp.Matrix([D(J, W[k]) for k in range(nf)])
# line 221: dw = (1/m) X dZ^T
check_all(221, [(grad_w[k], dw_formula[k]) for k in range(nf)])
# line 228: dw = (1/m) (x^(1) .. x^(m)) (dz^(1); ..; dz^(m))
check_all(228, [(grad_w[k], (sp.Rational(1, m) * Xm * sp.Matrix(dz))[k]) for k in range(nf)])
# line 237: = (1/m) [x^(1) dz^(1) + .. + x^(m) dz^(m)]
sumcol = sp.Rational(1, m) * sum((Xc[i] * dz[i] for i in range(m)), sp.zeros(nf, 1))
check_all(237, [((sp.Rational(1, m) * Xm * sp.Matrix(dz))[k], sumcol[k]) for k in range(nf)])

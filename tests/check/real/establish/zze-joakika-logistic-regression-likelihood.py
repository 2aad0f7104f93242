"""Establish the equations of zze-joakika-logistic-regression-likelihood.tex (Joakim Kalsnes).

Author's notation: K-class logistic model log Pr(G=k|x)/Pr(G=K|x) = beta_k0 + beta_k^T x;
binary case p(x;beta) = Pr(G=1|x), y_i = 1 iff g_i = 1; l(beta) the log-likelihood;
J(beta) = -(1/N) sum_i {y_i beta^T x_i - log(1 + exp(beta^T x_i))}; X the N x (p+1) matrix
with rows x_i^T (leading 1 for the intercept). Checked with K = 3 classes (lines 28-29),
N = 3 observations and p = 2 features (intercept included in beta).
"""
import sympy as sp
from _common import check, check_all, vec, D

# --- lines 28, 29: solving the K-class log-odds model (K = 3) ---
K = 3
eta = vec("eta", K - 1, real=True)            # eta_k = beta_k0 + beta_k^T x
P = vec("P", K, positive=True)
eqs = [sp.Eq(P[k], P[K - 1] * sp.exp(eta[k])) for k in range(K - 1)]   # exp of the log-odds (lines 19-22)
eqs.append(sp.Eq(sum(P), 1))                                           # probabilities sum to one
sol = sp.solve(eqs, P, dict=True)[0]
den = 1 + sum(sp.exp(e) for e in eta)
check_all(28, [(sol[P[k]], sp.exp(eta[k]) / den) for k in range(K - 1)])
check(29, sol[P[K - 1]], 1 / den)

# --- binary case, one observation ---
p, y, t = sp.symbols("p y t", real=True)      # t = beta^T x_i
sig = lambda s: 1 / (1 + sp.exp(-s))
# line 44: log p_{g_i} = y log p + (1-y) log(1-p) under the 0/1 coding (g=1 <-> y=1, p_1 = p, p_2 = 1-p)
row44 = y * sp.log(p) + (1 - y) * sp.log(1 - p)
check_all(44, [(row44.subs(y, 1), sp.log(p)), (row44.subs(y, 0), sp.log(1 - p))], positive=(p,))
row45 = y * sp.log(p / (1 - p)) + sp.log(1 - p)
check(45, row44, row45, positive=(p,))
# K = 2: p = exp(t)/(1+exp(t)) (line 28 with K = 2) = 1/(1+exp(-t))
pK2 = sp.exp(t) / (1 + sp.exp(t))
row46 = y * t + sp.log(1 - 1 / (1 + sp.exp(-t)))  # log( closed at the end (missing ')' in the source)
check(46, row45.subs(p, pK2), row46)
row48 = y * t - sp.log(1 + sp.exp(t))
# line 48 against the last well-formed row (46); line 47 is garbled
check(48, row46, row48)

# --- gradient of J, N = 3 observations, 2 features + intercept ---
N = 3
b = sp.Matrix(vec("b", 3, real=True))          # beta = (beta_0, beta_1, beta_2)
Xr = [sp.Matrix([1, *vec(f"x{i}_", 2, real=True)]) for i in range(1, N + 1)]
X = sp.Matrix.hstack(*Xr).T                    # N x 3, rows x_i^T
yv = sp.Matrix(vec("y", N, real=True))
ts = [(b.T * Xr[i])[0] for i in range(N)]
J = -sp.Rational(1, N) * sum(yv[i] * ts[i] - sp.log(1 + sp.exp(ts[i])) for i in range(N))
pv = sp.Matrix([sig(s) for s in ts])
grad = sp.Matrix([D(J, bj) for bj in b])
r60 = -sp.Rational(1, N) * X.T * (yv - pv)
r61 = sp.Rational(1, N) * X.T * (pv - yv)
check_all(60, [(grad[k], r60[k]) for k in range(3)])
check_all(61, [(r60[k], r61[k]) for k in range(3)])
lam = sp.symbols("lambda", positive=True)
J1 = J + lam * sum(sp.Abs(bj) for bj in b)     # L1 = lambda |beta|
J2 = J + lam * sum(bj**2 for bj in b)          # L2 = lambda ||beta||^2
r69 = r61 + lam * b.applyfunc(sp.sign)
r71 = r61 + lam * 2 * b
check_all(69, [(D(J1, b[k]), r69[k]) for k in range(3)])
check_all(71, [(D(J2, b[k]), r71[k]) for k in range(3)])

"""Establish zzc-lee-jaejoon-logistic-newton-irls.md: binary logistic regression log-likelihood,
gradient, Hessian and the Newton-Raphson / IRLS rewriting.
Concrete size: N = 2 observations, x_i = [1, x_i1] (p = 1, so beta = [b0, b1])."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import itertools
import sympy as sp
import _common
from _common import check, check_all

N = 2
b = sp.symbols("b0 b1", real=True)
xs = sp.symbols("x11 x21", real=True)
X = sp.Matrix([[1, xs[0]], [1, xs[1]]])          # rows x_i^T, x_i0 = 1
Y = sp.symbols("y1 y2", real=True)
xi = [X.row(i).T for i in range(N)]
eta = [(X.row(i) * sp.Matrix(b))[0] for i in range(N)]
p = [sp.exp(e) / (1 + sp.exp(e)) for e in eta]

# line 18: Pr(G=2|x) = 1 - e/(1+e) = 1/(1+e)
z = sp.Symbol("z", real=True)
check_all(18, [(1 - sp.exp(z) / (1 + sp.exp(z)), 1 / (1 + sp.exp(z)))])
# line 28: log(P1/P2) = log(P1/(1-P1)) = beta^T x
P1 = sp.exp(z) / (1 + sp.exp(z)); P2 = 1 - P1
check_all(28, [(sp.log(P1 / P2), sp.log(P1 / (1 - P1))), (sp.log(P1 / (1 - P1)), z)])
# line 49: with y_i = 1 if g_i = 1 else 0, P(G=g_i) = P1^y P2^(1-y)  (holds under the indicator coding)
pairs = []
for gs in itertools.product([1, 2], repeat=N):
    ys = [1 if g == 1 else 0 for g in gs]
    L43 = sp.Mul(*[(p[i] if gs[i] == 1 else 1 - p[i]) for i in range(N)])
    L49 = sp.Mul(*[p[i] ** ys[i] * (1 - p[i]) ** (1 - ys[i]) for i in range(N)])
    pairs.append((L43, L49))
check_all(49, pairs)
# line 55: log L = sum { y log p + (1-y) log(1-p) }, L from line 49 with general y
L = sp.Mul(*[p[i] ** Y[i] * (1 - p[i]) ** (1 - Y[i]) for i in range(N)])
l = sum(Y[i] * sp.log(p[i]) + (1 - Y[i]) * sp.log(1 - p[i]) for i in range(N))
check(55, sp.expand_log(sp.log(L), force=True), l)
# line 59: = sum{ y log e^{eta} - y log(1+e^eta) - (1-y) log(1+e^eta) } = sum{ y eta - log(1+e^eta) }
m1 = sum(Y[i] * sp.log(sp.exp(eta[i])) - Y[i] * sp.log(1 + sp.exp(eta[i])) - (1 - Y[i]) * sp.log(1 + sp.exp(eta[i])) for i in range(N))
m2 = sum(Y[i] * eta[i] - sp.log(1 + sp.exp(eta[i])) for i in range(N))
check_all(59, [(l, m1), (m1, m2)])
grad = sp.Matrix([sp.diff(l, bj) for bj in b])
# line 72: dl/dbeta_j = sum { y x_ij - e/(1+e) x_ij }, for j = 0, 1
check_all(72, [(grad[j], sum(Y[i] * X[i, j] - sp.exp(eta[i]) / (1 + sp.exp(eta[i])) * X[i, j] for i in range(N))) for j in range(2)])
# line 78: gradient vector = sum (y - p) [1, x_i1]^T = sum (y - p) x_i
g78a = sum(((Y[i] - p[i]) * sp.Matrix([1, xs[i]]) for i in range(N)), sp.zeros(2, 1))
g78b = sum(((Y[i] - p[i]) * xi[i] for i in range(N)), sp.zeros(2, 1))
check_all(78, [(grad[c], g78a[c]) for c in range(2)] + [(grad[c], g78b[c]) for c in range(2)])
# line 101: d2l/db_j db_k = d/db_k sum (y - p) x_i  [x_i written as the whole vector instead of x_ij]
#           = - sum x_ij dp/db_k.  j = 1, k = 0. Literal reading: scalar = vector -> compare every component.
_common.EXACT = False   # second derivatives: decided at random points to 40 digits (keeps the script fast)
j, k = 1, 0
d2 = sp.diff(l, b[j], b[k])
mid = [sp.diff(sum((Y[i] - p[i]) * xi[i][c] for i in range(N)), b[k]) for c in range(2)]
last = -sum(X[i, j] * sp.diff(p[i], b[k]) for i in range(N))
check_all(101, [(d2, mid[c]) for c in range(2)] + [(d2, last)])
# line 107: d2l/db_j db_k = - sum x_ij x_ik p (1-p), all j, k
check_all(107, [(sp.diff(l, b[jj], b[kk]), -sum(X[i, jj] * X[i, kk] * p[i] * (1 - p[i]) for i in range(N))) for jj in range(2) for kk in range(2)])
H = sp.Matrix(2, 2, lambda r, c: sp.diff(l, b[r], b[c]))
# line 113: Hessian = - sum p (1-p) x_i x_i^T
H121 = -sum((p[i] * (1 - p[i]) * xi[i] * xi[i].T for i in range(N)), sp.zeros(2, 2))
check_all(113, [(H[r, c], H121[r, c]) for r in range(2) for c in range(2)])
# line 156: gradient = X^T (y - p), Hessian = - X^T W X
yv = sp.Matrix(Y); pv = sp.Matrix(p)
W = sp.diag(*[p[i] * (1 - p[i]) for i in range(N)])
G156 = X.T * (yv - pv); H156 = -X.T * W * X
check_all(156, [(grad[c], G156[c]) for c in range(2)] + [(H[r, c], H156[r, c]) for r in range(2) for c in range(2)])
# lines 160-168: Newton step beta_new = beta_old - H^{-1} grad (H, grad from differentiating l at beta_old)
# After differentiating, the remaining identities are algebraic in p_i: write e^{eta_i} as a
# positive symbol E_i (grad and H were obtained by differentiating l above) to keep them small.
E = sp.symbols("E1 E2", positive=True)
def _toE(arg):
    for i in range(N):
        q = sp.cancel(arg / eta[i])
        if q.is_integer:
            return E[i] ** q
    return sp.exp(arg)
toE = lambda ex: ex.replace(sp.exp, _toE)
grad = grad.applyfunc(toE); H = H.applyfunc(toE)
p = [toE(pi) for pi in p]
pv = sp.Matrix(p)
W = sp.diag(*[p[i] * (1 - p[i]) for i in range(N)])
assert not (grad.has(sp.exp) or H.has(sp.exp))
_common.EXACT = False   # rational functions of E_i: decided at random points to 40 digits
bold = sp.Matrix(b)
A = X.T * W * X
inv2 = lambda M: sp.Matrix([[M[1, 1], -M[0, 1]], [-M[1, 0], M[0, 0]]]) / (M[0, 0] * M[1, 1] - M[0, 1] * M[1, 0])
Ainv = inv2(A)
bnew = bold - inv2(H) * grad
r160a = bold + Ainv * X.T * (yv - pv)
r160b = Ainv * X.T * W * X * bold + Ainv * X.T * (yv - pv)
check_all(160, [(bnew[c], r160a[c]) for c in range(2)] + [(r160a[c], r160b[c]) for c in range(2)])
r164 = Ainv * X.T * W * (X * bold + sp.diag(*[1 / (p[i] * (1 - p[i])) for i in range(N)]) * (yv - pv))
check_all(164, [(bnew[c], r164[c]) for c in range(2)])
zz = X * bold + sp.diag(*[1 / (p[i] * (1 - p[i])) for i in range(N)]) * (yv - pv)
r168 = Ainv * X.T * W * zz
check_all(168, [(bnew[c], r168[c]) for c in range(2)])

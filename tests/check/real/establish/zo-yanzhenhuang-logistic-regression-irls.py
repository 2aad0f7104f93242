"""Establish zo-yanzhenhuang-logistic-regression-irls.md (CISC3023 notes, 9.3: gradient, Hessian, Newton/IRLS).
Concrete size: N = 2 samples, d = 2 weights (N = d so that line 160's matrix product can be formed)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, equal

sig = lambda t: 1 / (1 + sp.exp(-t))
t = sp.Symbol("t", real=True)
dsig = sp.Lambda(t, sp.diff(sig(t), t))          # sigma'
N, d = 2, 2
w = vec("w", d, real=True)
X = [vec(f"x{n+1}_", d, real=True) for n in range(N)]
y = vec("y", N, real=True)
z = [sum(w[j] * X[n][j] for j in range(d)) for n in range(N)]
s = [sig(z[n]) for n in range(N)]
sp_ = [dsig(z[n]) for n in range(N)]
L = sum(y[n] * sp.log(s[n]) + (1 - y[n]) * sp.log(1 - s[n]) for n in range(N))   # line 19
grad = [sp.diff(L, w[j]) for j in range(d)]
J = range(d)

check_all(26, [(grad[j], sum(y[n] * sp_[n] / s[n] * X[n][j] + (1 - y[n]) * (-sp_[n]) / (1 - s[n]) * X[n][j] for n in range(N))) for j in J])
# lines 31 / 39: d/dw log sigma(w^T x_n), n = 1
n = 0
lhs = [sp.diff(sp.log(s[n]), w[j]) for j in J]
dL_dsig = y[n] / s[n] - (1 - y[n]) / (1 - s[n])      # dL/dsigma_n with L of line 19
check_all(31, [(lhs[j], dL_dsig * sp_[n] * X[n][j]) for j in J])
check_all(39, [(lhs[j], 1 / s[n] * sp_[n] * X[n][j]) for j in J])
# lines 51-61, 67
rows = {
 51: lambda j: sum(y[n] * s[n] * (1 - s[n]) / s[n] * X[n][j] + (1 - y[n]) * (-s[n] * (1 - s[n])) / (1 - s[n]) * X[n][j] for n in range(N)),
 55: lambda j: sum(y[n] * (1 - s[n]) * X[n][j] - (1 - y[n]) * s[n] * X[n][j] for n in range(N)),
 57: lambda j: sum((y[n] * (1 - s[n]) - (1 - y[n]) * s[n]) * X[n][j] for n in range(N)),
 59: lambda j: sum((y[n] - y[n] * s[n] - s[n] + y[n] * s[n]) * X[n][j] for n in range(N)),
 61: lambda j: sum((y[n] - s[n]) * X[n][j] for n in range(N)),
 67: lambda j: sum((y[n] - sig(z[n])) * X[n][j] for n in range(N)),
}
for ln, f in rows.items():
    check_all(ln, [(grad[j], f(j)) for j in J])

# worked example, lines 97-102 (exact rationals)
xs = [sp.Matrix([2, 1]), sp.Matrix([1, 2]), sp.Matrix([3, 3])]
ys = [1, 0, 0]
w0 = sp.Matrix([0, 0]); eta = sp.Rational(1, 10)
w1 = w0 + eta * sum(((ys[i] - sig((w0.T * xs[i])[0])) * xs[i] for i in range(3)), sp.zeros(2, 1))
h = sp.Rational(1, 2)
r97 = w0 + eta * ((1 - h) * sp.Matrix([2, 1]) + (0 - h) * sp.Matrix([1, 2]) + (0 - h) * sp.Matrix([3, 3]))
r100 = w0 + eta * sp.Matrix([1 - h - sp.Rational(3, 2), h - 1 - sp.Rational(3, 2)])
r101 = w0 + eta * sp.Matrix([-1, -2])
r102 = sp.Matrix([-sp.Rational(1, 10), -sp.Rational(2, 10)])
check_all(97, [(w1[i], r97[i]) for i in range(2)])
check_all(100, [(r97[i], r100[i]) for i in range(2)])
check_all(101, [(r100[i], r101[i]) for i in range(2)])
check_all(102, [(r101[i], r102[i]) for i in range(2)])

# Hessian, lines 117-130: H[j][k] = d^2 L / dw_j dw_k
H = [[sp.diff(L, w[a], w[b]) for b in J] for a in J]
pairs = lambda f: [(H[a][b], f(a, b)) for a, b in ((0, 1), (1, 1))]
check_all(117, pairs(lambda a, b: sp.diff(sum((y[n] - s[n]) * X[n][b] for n in range(N)), w[a])))
check_all(119, pairs(lambda a, b: sp.diff(sum((y[n] - s[n]) * X[n][b] for n in range(N)), w[a])))
check_all(121, pairs(lambda a, b: sum(sp.diff((y[n] - s[n]) * X[n][b], w[a]) for n in range(N))))
check_all(123, pairs(lambda a, b: sum(-sp_[n] * X[n][b] for n in range(N))))          # missing x_n factor
check_all(125, pairs(lambda a, b: sum(-s[n] * (1 - s[n]) * X[n][a] * X[n][b] for n in range(N))))
check_all(130, pairs(lambda a, b: sum(-s[n] * (1 - s[n]) * X[n][a] * X[n][b] for n in range(N))))

# line 134: log of a sum of P(y_n|x_n) versus the log-likelihood of line 19
P = [s[n] ** y[n] * (1 - s[n]) ** (1 - y[n]) for n in range(N)]
check(134, sp.log(sum(P)), L)

# Newton step, lines 156 and 160, at a concrete rational point
pt = {w[0]: sp.Rational(1, 3), w[1]: -sp.Rational(1, 2), X[0][0]: 2, X[0][1]: sp.Rational(1, 2),
      X[1][0]: -1, X[1][1]: sp.Rational(3, 2), y[0]: 1, y[1]: 0}
Jf = -L
gJ = sp.Matrix([sp.diff(Jf, w[j]) for j in J]).subs(pt).evalf(50)
HJ = sp.Matrix(d, d, lambda a, b: sp.diff(Jf, w[a], w[b])).subs(pt).evalf(50)
dw = -HJ.inv() * gJ
sv = [si.subs(pt).evalf(50) for si in s]
xv = [sp.Matrix(X[n]).subs(pt) for n in range(N)]
yv = [y[n].subs(pt) for n in range(N)]
r156 = -(sum((sv[n] * (1 - sv[n]) * xv[n] * xv[n].T for n in range(N)), sp.zeros(d, d))).inv() * \
       (-sum(((yv[n] - sv[n]) * xv[n] for n in range(N)), sp.zeros(d, 1)))
check_all(156, [(sp.N(dw[i], 50), sp.N(r156[i], 50)) for i in J])
Xrows = sp.Matrix([[xv[n][j] for j in J] for n in range(N)])           # line 172: rows x_n^T
S = sp.diag(*[sv[n] * (1 - sv[n]) for n in range(N)])
b = sp.Matrix([(yv[n] - sv[n]) / (sv[n] * (1 - sv[n])) for n in range(N)])
r160 = (Xrows * S * Xrows.T).inv() * S * b
check_all(160, [(sp.N(dw[i], 50), sp.N(r160[i], 50)) for i in J])
# (the column reading X = [x_1 ... x_N] fails as well)
Xcols = Xrows.T
alt = (Xcols * S * Xcols.T).inv() * S * b
print("  note: column reading of X also", "holds" if all(equal(sp.N(dw[i], 50), sp.N(alt[i], 50)) for i in J) else "fails", file=sys.stderr)

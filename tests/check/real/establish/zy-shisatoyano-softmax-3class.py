"""Establish zy-shisatoyano-softmax-3class.md: 3-class softmax (multinomial logistic) regression."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
import _common
from _common import check, vec, softmax

K, N = 3, 2
w = sp.Matrix(K, 3, lambda k, i: sp.Symbol(f"w{k}{i}", real=True))
x0, x1, x2 = sp.symbols("x0 x1 x2", real=True)
k = 1
# line 6: a_k (line 3, bias w_k2) = w_k0 x0 + w_k1 x1 + w_k2 x2 = sum_{i=0}^{D} w_ki x_i, with x2 = 1, D = 2
a3 = w[k, 0] * x0 + w[k, 1] * x1 + w[k, 2]
mid = w[k, 0] * x0 + w[k, 1] * x1 + w[k, 2] * x2
D_ = 2
xs = [x0, x1, x2]
check(6, (a3 - mid) ** 2 + (mid - sum(w[k, i] * xs[i] for i in range(D_ + 1))) ** 2, 0, subs={x2: 1})
# line 9: u = exp(a0)+exp(a1)+exp(a2) = sum_{k=0}^{K-1} exp(a_k)
a = vec("a", K, real=True)
check(9, sp.exp(a[0]) + sp.exp(a[1]) + sp.exp(a[2]), sum(sp.exp(a[j]) for j in range(K)))
# line 36: P(T|X) = prod_n P(t_n|x_n) = prod_n y_n0^t_n0 y_n1^t_n1 y_n2^t_n2 = prod_n prod_k y_nk^t_nk
Y = [[sp.Symbol(f"y{n}{j}", positive=True) for j in range(K)] for n in range(N)]
T = [[sp.Symbol(f"t{n}{j}", real=True) for j in range(K)] for n in range(N)]
Pn = lambda n: Y[n][0] ** T[n][0] * Y[n][1] ** T[n][1] * Y[n][2] ** T[n][2]   # line 33
P = sp.Mul(*[Pn(n) for n in range(N)])
r2 = sp.Mul(*[Y[n][0] ** T[n][0] * Y[n][1] ** T[n][1] * Y[n][2] ** T[n][2] for n in range(N)])
r3 = sp.Mul(*[sp.Mul(*[Y[n][j] ** T[n][j] for j in range(K)]) for n in range(N)])
check(36, (P - r2) ** 2 + (r2 - r3) ** 2, 0)
# line 39: -1/N log P(T|X) = -1/N prod_n log P(t_n|x_n)  (prod instead of sum) = -1/N sum sum t log y
lhs = -sp.Rational(1, N) * sp.log(P)
mid39 = -sp.Rational(1, N) * sp.Mul(*[sp.log(Pn(n)) for n in range(N)])
check(39, lhs, mid39)
# line 42: dE/dw_ki = 1/N sum_n (y_nk - t_nk) x_ni, E = -1/N sum_n sum_k t_nk log softmax(a_n)_k, one-hot t
X = [[sp.Symbol(f"x{n}_{i}", real=True) for i in range(2)] + [sp.Integer(1)] for n in range(N)]
A = [[sum(w[j, i] * X[n][i] for i in range(3)) for j in range(K)] for n in range(N)]
Yh = [softmax(A[n]) for n in range(N)]
E = -sp.Rational(1, N) * sum(T[n][j] * sp.log(Yh[n][j]) for n in range(N) for j in range(K))
onehot = {T[n][K - 1]: 1 - T[n][0] - T[n][1] for n in range(N)}
diff = sum((sp.diff(E, w[j, i]) - sp.Rational(1, N) * sum((Yh[n][j] - T[n][j]) * X[n][i] for n in range(N))) ** 2
           for j in range(K) for i in range(3))
_common.EXACT = False  # numeric check only (simplify of the full gradient is slow)
check(42, diff, 0, subs=onehot)

"""Establish d-kyleclo-logistic-softmax-regression.md: gradients of the logistic-regression and
softmax-regression negative log-likelihoods.

Logistic: n = 2 observations, m = 2 features. Softmax: K = 3 classes, m = 2 features, the
(K x m x K) tensor dz/dw contracted as in the post's appendix (line 143: two observations, one
feature). The one-hot condition
sum_k y_k = 1 is imposed by substitution where the truth file says holds-under.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import equal, softmax
import _fast

def msum(mats):
    out = sp.zeros(*mats[0].shape)
    for M in mats:
        out += M
    return out

def say(line, ok):
    print(f"line {line}: {'holds' if ok else 'fails'}")

phi = lambda t: 1 / (1 + sp.exp(-t))
n, m = 2, 2
W = sp.Matrix(sp.symbols("w1:3", real=True))
X = [sp.Matrix(sp.symbols(f"x{i}_1:3", real=True)) for i in range(n)]
Y = sp.symbols("y1:3", real=True)
zs = [(W.T * X[i])[0] for i in range(n)]
P = [phi(z) for z in zs]

# lines 32-34
r32 = -sp.log(sp.Mul(*[P[i] ** Y[i] * (1 - P[i]) ** (1 - Y[i]) for i in range(n)]))
r33 = -sum(Y[i] * sp.log(P[i]) + (1 - Y[i]) * sp.log(1 - P[i]) for i in range(n))
r34 = -sum(Y[i] * sp.log(phi(zs[i])) + (1 - Y[i]) * sp.log(1 - phi(zs[i])) for i in range(n))
yv = {Y[0]: sp.Rational(1), Y[1]: sp.Rational(0)}
say(33, equal(r32.subs(yv), r33.subs(yv)) and equal(r32.subs({Y[0]: 0, Y[1]: 1}), r33.subs({Y[0]: 0, Y[1]: 1})))
say(34, equal(r33, r34))

# lines 46-49 (gradient, a vector of length m)
grad = sp.Matrix([sp.diff(r34, wj) for wj in W])
u = sp.Symbol("u")
Li = lambda i: -(Y[i] * sp.log(u) + (1 - Y[i]) * sp.log(1 - u))
r46 = msum([(sp.diff(Li(i), u).subs(u, phi(zs[i])) * phi(zs[i]) * (1 - phi(zs[i]))) * X[i] for i in range(n)])
r47 = -msum([(Y[i] / phi(zs[i]) + (1 - Y[i]) / (1 - phi(zs[i]))) * phi(zs[i]) * (1 - phi(zs[i])) * X[i] for i in range(n)])
r48 = -msum([(Y[i] * (1 - phi(zs[i])) - (1 - Y[i]) * phi(zs[i])) * X[i] for i in range(n)])
r49 = -msum([(Y[i] - phi(zs[i])) * X[i] for i in range(n)])
veq = lambda A, B: all(equal(A[k], B[k]) for k in range(m))
say(46, veq(grad, r46))
say(47, veq(r46, r47))
say(48, veq(r47, r48))
say(49, veq(r48, r49))

# softmax regression, one observation
K = 3
w = sp.Matrix(m, K, lambda r, c: sp.Symbol(f"v{r}{c}", real=True))
x = sp.Matrix(sp.symbols("s1:3", real=True))
y = sp.symbols("t1:4", real=True)
onehot = {y[2]: 1 - y[0] - y[1]}
z = w.T * x
ph = softmax(list(z))
Lw = -sum(y[k] * sp.log(ph[k]) for k in range(K))
G = sp.Matrix(m, K, lambda r, c: sp.diff(Lw, w[r, c]))               # dL/dw, m x K

# line 82: -sum y_i^T log p(x_i) = -sum y_i^T log phi(w^T x_i) (p = phi(w^T x) by the model), one observation
say(82, equal(-sum(y[k] * sp.log(ph[k]) for k in range(K)), Lw))

# Jacobians
zsym = sp.symbols("z1:4", real=True)
phs = softmax(list(zsym))
dL_dphi = sp.Matrix([[-y[k] / phs[k] for k in range(K)]])            # 1 x K
J = sp.Matrix(K, K, lambda i, j: sp.diff(phs[i], zsym[j]))           # K x K
T = [[[sp.diff(z[k], w[jj, l]) for l in range(K)] for jj in range(m)] for k in range(K)]   # K x m x K
def contract(a):
    """row vector a (1 x K) times the tensor dz/dw -> m x K matrix."""
    return sp.Matrix(m, K, lambda jj, l: sum(a[k] * T[k][jj][l] for k in range(K)))
back = {zsym[k]: z[k] for k in range(K)}

# line 100: chain rule dL/dw = dL/dphi dphi/dz dz/dw
chain = contract((dL_dphi * J).subs(back))
say(100, all(_fast.equal(G[r, c], chain[r, c]) for r in range(m) for c in range(K)))
# line 106: (-y o 1/phi)^T = (-y1/phi1, ..., -yK/phiK), and it is dL/dphi
say(106, all(sp.simplify(dL_dphi[k] - (-y[k] / phs[k])) == 0 for k in range(K)))
# lines 122-125
prod = dL_dphi * J
r122 = [-y[j] * (1 - phs[j]) + sum(y[k] * phs[j] for k in range(K) if k != j) for j in range(K)]
r123 = [-y[j] + phs[j] * sum(y) for j in range(K)]
r124 = [phs[j] - y[j] for j in range(K)]
say(122, all(equal(prod[j], r122[j]) for j in range(K)))
say(123, all(equal(r122[j], r123[j]) for j in range(K)))
say(124, all(equal(r123[j], r124[j], subs=onehot) for j in range(K)))
say(125, all(equal(r124[j], (sp.Matrix(phs) - sp.Matrix(y))[j]) for j in range(K)))
# lines 133-134
a = [ph[k] - y[k] for k in range(K)]
r133 = contract(a)
r134 = x * sp.Matrix([a])
say(133, all(_fast.equal(chain[r, c], r133[r, c], subs=onehot) for r in range(m) for c in range(K)))
say(134, all(equal(r133[r, c], r134[r, c]) for r in range(m) for c in range(K)))
# line 143: n = 2 observations (one feature, to keep the check fast)
w1 = sp.Matrix(1, K, lambda r, c: sp.Symbol(f"g{c}", real=True))
xa, xb = sp.Matrix([sp.Symbol("e1", real=True)]), sp.Matrix([sp.Symbol("e2", real=True)])
y2 = sp.symbols("f1:4", real=True)
pa, pb = softmax(list(w1.T * xa)), softmax(list(w1.T * xb))
L2 = -sum(y[k] * sp.log(pa[k]) + y2[k] * sp.log(pb[k]) for k in range(K))
G2 = sp.Matrix(1, K, lambda r, c: sp.diff(L2, w1[r, c]))
r143 = -(xa * (sp.Matrix(y) - sp.Matrix(pa)).T + xb * (sp.Matrix(y2) - sp.Matrix(pb)).T)
oh2 = dict(onehot); oh2[y2[2]] = 1 - y2[0] - y2[1]
say(143, all(_fast.equal(G2[0, c], r143[0, c], subs=oh2) for c in range(K)))

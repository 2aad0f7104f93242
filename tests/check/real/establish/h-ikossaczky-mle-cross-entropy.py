"""Establish h-ikossaczky-mle-cross-entropy.md: argmax/argmin chains of (conditional) MLE.
An argmax/argmin row is checked through the objective it carries: a strictly increasing
transform (log, positive scaling, sign flip max->min) or a theta-free additive term
leaves the optimiser unchanged. Concrete models: n = 3 samples."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax

n = 3
th = sp.Symbol("theta", real=True)
x = vec("x", n, real=True)
I = range(n)
# classical MLE, q_theta = N(theta, 1)
q = [sp.exp(-(x[i] - th) ** 2 / 2) / sp.sqrt(2 * sp.pi) for i in I]
P = sp.Mul(*q)
o15 = sp.log(sp.Mul(*q))
o16 = sum(sp.log(qi) for qi in q)
o17 = sp.Rational(1, n) * sum(-sp.log(qi) for qi in q)
# log increasing: d log P / d theta = P'/P  (same stationary points, same maximiser)
check(15, sp.diff(o15, th) * P, sp.diff(P, th))
check(16, sp.expand_log(o16, force=True), sp.expand_log(o15, force=True))
check(17, o17, -o16 / n)

# conditional MLE, q_theta(y_i|x_i) = sigmoid(theta x_i) (y_i = 1), p(x_i), q(x_i) free positive
s = [1 / (1 + sp.exp(-th * x[i])) for i in I]
Pc = sp.Mul(*s)
o36 = sum(sp.log(si) for si in s)
check(36, sp.diff(o36, th) * Pc, sp.diff(Pc, th))
o37 = sp.Rational(1, n) * sum(-sp.log(si) for si in s)
check(37, o37, -o36 / n)
px = vec("p", n, positive=True)
o38 = sp.Rational(1, n) * sum(-sp.log(s[i]) - sp.log(px[i]) for i in I)
check(38, sp.diff(o38 - o37, th), 0)
qx = px                      # the document's definition q_theta(x_i) := p(x_i)
o39 = sp.Rational(1, n) * sum(-sp.log(s[i]) - sp.log(qx[i]) for i in I)
check(39, o39, o38)
o40 = sp.Rational(1, n) * sum(-sp.log(s[i] * qx[i]) for i in I)
check(40, sp.expand_log(o40, force=True), sp.expand_log(o39, force=True))
joint = [s[i] * qx[i] for i in I]        # q(y, x) = q(y|x) q(x)
o41 = sp.Rational(1, n) * sum(-sp.log(joint[i]) for i in I)
check(41, o41, o40)

# classification special case: M_theta(x_i) = softmax(theta * w x_i), label y_i
k = 3
w = vec("w", k, real=True)
ys = [0, 2, 1]
M = [softmax([th * w[c] * x[i] for c in range(k)]) for i in I]
lhs66 = sp.Rational(1, n) * sum(-sp.log(M[i][ys[i]]) for i in I)     # q(y_i|x_i) = e_{y_i}^T M
e = lambda c: [1 if j == c else 0 for j in range(k)]
rhs66 = sp.Rational(1, n) * sum(-sp.log(sum(e(ys[i])[j] * M[i][j] for j in range(k))) for i in I)
check(66, lhs66, rhs66)

# regression special case: k = 2, q(y|x) = N(M(x), sigma^2 I)
sg = sp.Symbol("sigma", positive=True)
yv = vec("y", 2, real=True)
Mv = vec("m", 2, real=True)
dens = sp.Mul(*[sp.exp(-(yv[j] - Mv[j]) ** 2 / (2 * sg ** 2)) / sp.sqrt(2 * sp.pi * sg ** 2) for j in range(2)])
rhs77 = -sp.log(sp.sqrt((2 * sp.pi) ** 2 * sg ** 4)) - sum((yv[j] - Mv[j]) ** 2 for j in range(2)) / (2 * sg ** 2)
check(77, sp.log(dens), rhs77, positive=(sg,))
# line 83: objectives differ by a positive factor and a theta-free constant
X = [vec(f"u{i}_", 2, real=True) for i in I]
Y = [vec(f"v{i}_", 2, real=True) for i in I]
Mi = [[th * X[i][j] for j in range(2)] for i in I]
def logq(i):
    return -sp.log(sp.sqrt((2 * sp.pi) ** 2 * sg ** 4)) - sum((Y[i][j] - Mi[i][j]) ** 2 for j in range(2)) / (2 * sg ** 2)
left = sp.Rational(1, n) * sum(-logq(i) for i in I)
right = sp.Rational(1, n) * sum(sum((Y[i][j] - Mi[i][j]) ** 2 for j in range(2)) for i in I)
check(83, sp.diff(left - right / (2 * sg ** 2), th), 0, positive=(sg,))

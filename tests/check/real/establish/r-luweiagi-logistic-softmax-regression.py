"""Establish r-luweiagi-logistic-softmax-regression.md: log-odds -> sigmoid, likelihood, gradient, log-softmax, 2-class softmax."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax

phi = lambda t: 1 / (1 + sp.exp(-t))
# --- lines 95-101: solve the log-odds model for p1 (scalar wx stands for w.x)
wx = sp.Symbol("wx", real=True)
p1, p0 = sp.symbols("p1 p0", positive=True)
sol = phi(wx)                       # value of p1 that the chain ends with (and that solves line 95 with p0 = 1 - p1)
E = sp.exp(wx)
def row(line, lhs, rhs, extra=None):
    s = {p1: sol}
    if extra: s.update(extra)
    check(line, sp.sympify(lhs).subs(s), sp.sympify(rhs).subs(s))
row(96, sp.log(p1 / (1 - p1)), wx)
row(97, p1 / (1 - p1), E)
row(98, p1, E - p1 * E)
row(99, p1 * (1 + E), E)
row(100, p1, E / (1 + E))
row(101, p1, 1 / (1 + sp.exp(-wx)))

# --- line 113: (1/2) sum (phi(z)-y)^2 with z = w x + b  vs  sum (1/(1+e^{-(wx-b)}) - y)^2
w, b = sp.symbols("w b", real=True)
xs = vec("x", 2, real=True); ys = vec("y", 2, real=True)
lhs113 = sp.Rational(1, 2) * sum((phi(w * xs[i] + b) - ys[i]) ** 2 for i in range(2))
rhs113 = sum((1 / (1 + sp.exp(-(w * xs[i] - b))) - ys[i]) ** 2 for i in range(2))
pt113 = {xs[0]: sp.Rational(1, 2), xs[1]: sp.Rational(-3, 2), ys[0]: 1, ys[1]: 0, w: sp.Rational(7, 10), b: sp.Rational(3, 10)}
check(113, sp.N(lhs113.subs(pt113), 50), sp.N(rhs113.subs(pt113), 50))   # a concrete point suffices to refute the claimed identity

# --- lines 131-139: likelihood / log-likelihood, y in {0,1} for the Bernoulli form
q = vec("q", 2, positive=True)      # q_i = phi(z_i) in (0,1)
pyx = lambda yy, qq: qq if yy == 1 else 1 - qq
cases = [(1, 0), (0, 1), (1, 1), (0, 0)]
check_all(131, [(sp.Mul(*[pyx(c[i], q[i]) for i in range(2)]),
                 sp.Mul(*[q[i] ** c[i] * (1 - q[i]) ** (1 - c[i]) for i in range(2)])) for c in cases],
          subs={q[0]: sp.Rational(3, 10), q[1]: sp.Rational(7, 10)})
yv = vec("y", 2, positive=True)
L = sp.Mul(*[q[i] ** yv[i] * (1 - q[i]) ** (1 - yv[i]) for i in range(2)])
l = sum(yv[i] * sp.log(q[i]) + (1 - yv[i]) * sp.log(1 - q[i]) for i in range(2))
qq = {q[0]: sp.Rational(3, 10), q[1]: sp.Rational(3, 5)}
check(135, sp.log(L), l, subs=qq)
check(139, -l, -sum(yv[i] * sp.log(q[i]) + (1 - yv[i]) * sp.log(1 - q[i]) for i in range(2)))

# --- line 162: sigmoid derivative
z = sp.Symbol("z", real=True)
check(162, sp.diff(phi(z), z), phi(z) * (1 - phi(z)))

# --- lines 177-180: gradient of J w.r.t. w_j (2 samples, 2 features, j = 1)
W = vec("w", 2, real=True)
X = [vec("xa", 2, real=True), vec("xb", 2, real=True)]
Y = vec("y", 2, real=True)
zi = [sum(W[k] * X[i][k] for k in range(2)) for i in range(2)]
J = -sum(Y[i] * sp.log(phi(zi[i])) + (1 - Y[i]) * sp.log(1 - phi(zi[i])) for i in range(2))
j = 0
dJ = sp.diff(J, W[j])
bracket = lambda i: Y[i] / phi(zi[i]) - (1 - Y[i]) / (1 - phi(zi[i]))
r177 = -sum(bracket(i) * sp.diff(phi(zi[i]), W[j]) for i in range(2))
# line 178 as written: ... phi(1-phi) * d phi(z)/d w_j  (numerator phi(z^{(i)}) instead of z^{(i)})
r178 = -sum(bracket(i) * phi(zi[i]) * (1 - phi(zi[i])) * sp.diff(phi(zi[i]), W[j]) for i in range(2))
r179 = -sum((Y[i] * (1 - phi(zi[i])) - (1 - Y[i]) * phi(zi[i])) * X[i][j] for i in range(2))
r180 = -sum((Y[i] - phi(zi[i])) * X[i][j] for i in range(2))
check(177, dJ, r177)
pt178 = {X[0][0]: sp.Rational(1, 2), X[0][1]: sp.Rational(-1, 3), X[1][0]: 2, X[1][1]: sp.Rational(1, 4),
         Y[0]: 1, Y[1]: 0, W[0]: sp.Rational(3, 10), W[1]: sp.Rational(-7, 10)}
check(178, sp.N(dJ.subs(pt178), 50), sp.N(r178.subs(pt178), 50))         # a concrete point suffices to refute the claimed identity
check(179, dJ, r179)
check(180, dJ, r180)

# --- line 227: log softmax
zz = vec("z", 3, real=True)
sm = softmax(zz)
check(227, sp.log(sm[0]), zz[0] - sp.log(sum(sp.exp(t) for t in zz)))

# --- lines 253, 257: two-class exponential model (n = 2 features)
xx = vec("x", 2, real=True)
w1 = vec("wa", 2, real=True); w0 = vec("wb", 2, real=True)
s1 = sum(w1[i] * xx[i] for i in range(2)); s0 = sum(w0[i] * xx[i] for i in range(2))
Pk = sp.exp(s1) / (sp.exp(s0) + sp.exp(s1))      # line 249 with classes {0, 1}
check(253, Pk, sp.exp(s1) / (sp.exp(s1) + sp.exp(s0)))
check(257, Pk, 1 / (1 + sp.exp(-sum((w1[i] - w0[i]) * xx[i] for i in range(2)))))

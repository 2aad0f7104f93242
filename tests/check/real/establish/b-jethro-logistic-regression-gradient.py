import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _b_util import chain

t0, t1, x = sp.symbols('theta0 theta1 x', real=True)
m = 3
X = sp.symbols('x1:4', real=True)
Y = sp.symbols('y1:4', real=True)
E = lambda xx: sp.exp(-t0 - t1 * xx)
h = lambda xx: 1 / (1 + E(xx))
R = {'default': (-1.5, 1.5)}

Cost = lambda i: -Y[i] * sp.log(h(X[i])) - (1 - Y[i]) * sp.log(1 - h(X[i]))
J = sp.Rational(1, m) * sum(Cost(i) for i in range(m))
S = lambda f: sum(f(i) for i in range(m))

# 37-39: J = 1/m sum Cost = ... = -1/m sum(...)
chain(37, J, sp.Rational(1, m) * S(Cost), ranges=R)
chain(38, sp.Rational(1, m) * S(Cost), sp.Rational(1, m) * S(lambda i: -Y[i] * sp.log(h(X[i])) - (1 - Y[i]) * sp.log(1 - h(X[i]))), ranges=R)
chain(39, sp.Rational(1, m) * S(Cost), -sp.Rational(1, m) * S(lambda i: Y[i] * sp.log(h(X[i])) + (1 - Y[i]) * sp.log(1 - h(X[i]))), ranges=R)

# 49-52: dh/dtheta0
e = E(x)
chain(49, sp.diff(h(x), t0), (0 + e) / (1 + e) ** 2, e / (1 + e) ** 2, ranges=R)
chain(50, e / (1 + e) ** 2, (1 / (1 + e)) * (e / (1 + e)), ranges=R)
chain(51, (1 / (1 + e)) * (e / (1 + e)), (1 / (1 + e)) * (1 - 1 / (1 + e)), ranges=R)
chain(52, (1 / (1 + e)) * (1 - 1 / (1 + e)), h(x) * (1 - h(x)), ranges=R)
# 57-60: dh/dtheta1
chain(57, sp.diff(h(x), t1), (0 + e * x) / (1 + e) ** 2, e * x / (1 + e) ** 2, ranges=R)
chain(58, e * x / (1 + e) ** 2, (1 / (1 + e)) * (e / (1 + e)) * x, ranges=R)
chain(59, (1 / (1 + e)) * (e / (1 + e)) * x, (1 / (1 + e)) * (1 - 1 / (1 + e)) * x, ranges=R)
chain(60, (1 / (1 + e)) * (1 - 1 / (1 + e)) * x, h(x) * (1 - h(x)) * x, ranges=R)

def block(t, xf, base):
    """rows of the dJ/dtheta block; xf(i) is the extra factor (1 or x_i)"""
    inner = S(lambda i: Y[i] * sp.log(h(X[i])) + (1 - Y[i]) * sp.log(1 - h(X[i])))
    r1 = sp.diff(-sp.Rational(1, m) * inner, t)
    r2 = -sp.Rational(1, m) * sp.diff(inner, t)
    r3 = -sp.Rational(1, m) * S(lambda i: Y[i] * sp.diff(sp.log(h(X[i])), t) + (1 - Y[i]) * sp.diff(sp.log(1 - h(X[i])), t))
    chain(base, sp.diff(J, t), r1, ranges=R)
    chain(base + 1, r1, r2, ranges=R)
    chain(base + 2, r2, r3, ranges=R)
    return r3

def part1(t, xf, base):
    hi = lambda i: h(X[i])
    i = 0
    lhs = sp.diff(sp.log(hi(i)), t)
    dh = sp.diff(hi(i), t)
    r1 = (1 / hi(i)) * dh  # d log h / dh * dh/dtheta
    r2 = (1 / hi(i)) * hi(i) * (1 - hi(i)) * xf(i)
    chain(base, lhs, r1, ranges=R)
    chain(base + 1, r1, r2, ranges=R)
    chain(base + 2, r2, (1 - hi(i)) * xf(i), ranges=R)   # \cancel row: cancellation done
    chain(base + 3, (1 - hi(i)) * xf(i), (1 - hi(i)) * xf(i), ranges=R)

def part2(t, xf, base):
    hi = h(X[0]); xi = xf(0)
    lhs = sp.diff(sp.log(1 - hi), t)
    r1 = (-1 / (1 - hi)) * sp.diff(hi, t)
    r2 = -1 / (1 - hi) * hi * (1 - hi) * xi
    r3 = -1 / (1 - hi) * (1 - hi) * hi * xi
    chain(base, lhs, r1, ranges=R)
    chain(base + 1, r1, r2, ranges=R)
    chain(base + 2, r2, r3, ranges=R)
    chain(base + 3, r3, -hi * xi, ranges=R)  # \cancel row
    chain(base + 4, -hi * xi, -hi * xi, ranges=R)

def final(t, xf, base, r3):
    hh = lambda i: h(X[i])
    a = -sp.Rational(1, m) * S(lambda i: Y[i] * (1 - hh(i)) * xf(i) - (1 - Y[i]) * hh(i) * xf(i))
    b = -sp.Rational(1, m) * S(lambda i: (Y[i] - Y[i] * hh(i) - hh(i) + Y[i] * hh(i)) * xf(i))
    c = -sp.Rational(1, m) * S(lambda i: (Y[i] - hh(i)) * xf(i))
    d = sp.Rational(1, m) * S(lambda i: (hh(i) - Y[i]) * xf(i))
    chain(base, sp.diff(J, t), r3, ranges=R)
    chain(base + 1, r3, a, ranges=R)
    chain(base + 2, a, b, ranges=R)
    chain(base + 3, b, b, ranges=R)   # \cancel row equals previous (cancelled terms sum to 0)
    chain(base + 4, b, c, ranges=R)
    chain(base + 5, c, d, ranges=R)
    return d

one = lambda i: 1
xi = lambda i: X[i]
r3a = block(t0, one, 66)
part1(t0, one, 72)
part2(t0, one, 79)
d0 = final(t0, one, 87, r3a)
r3b = block(t1, xi, 97)
part1(t1, xi, 103)
part2(t1, xi, 110)
d1 = final(t1, xi, 118, r3b)
chain(127, sp.diff(J, t0), d0, ranges=R)
chain(131, sp.diff(J, t1), d1, ranges=R)

# 135: general n features (check n=2 features + intercept, m=2)
th = sp.symbols('th0:3', real=True)
XX = [[1] + list(sp.symbols('u%d_1:3' % i, real=True)) for i in range(2)]
YY = sp.symbols('v1:3', real=True)
H = lambda i: 1 / (1 + sp.exp(-sum(th[j] * XX[i][j] for j in range(3))))
JJ = -sp.Rational(1, 2) * sum(YY[i] * sp.log(H(i)) + (1 - YY[i]) * sp.log(1 - H(i)) for i in range(2))
ok = all(
    __import__("_b_util").equal(sp.diff(JJ, th[j]), sp.Rational(1, 2) * sum((H(i) - YY[i]) * XX[i][j] for i in range(2)), R)
    for j in range(3))
print('line 135: %s' % ('holds' if ok else 'fails'))

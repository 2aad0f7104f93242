import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _b_util import chain

sig = lambda t: 1 / (1 + sp.exp(-t))
relu = lambda t: sp.Piecewise((t, t > 0), (0, True))
y = sp.symbols('y', real=True)
R = {'default': (0.1, 0.9)}
# scalar network: a0 -> z1 = w1 a0 + b1 -> a1 = relu(z1) -> z2 = w2 a1 + b2 -> yhat = sigmoid(z2); BCE loss
a0, w1, b1, w2, b2, z, aL, Wv = sp.symbols('a0 w1 b1 w2 b2 z aL W', real=True)
bce = lambda p: -(y * sp.log(p) + (1 - y) * sp.log(1 - p))
# line 15 & 25 & 35 & 41 (last layer, scalar): z = W*a_prev + b
ap, bb = sp.symbols('a_prev b', positive=True)
zL = Wv * ap + bb
Lw = bce(sig(zL))
dL_da = sp.diff(bce(aL), aL).subs(aL, sig(zL))
da_dz = sp.diff(sig(z), z).subs(z, zL)
dz_dW = sp.diff(zL, Wv)
chain(15, sp.diff(Lw, Wv), dL_da * da_dz * dz_dW, ranges=R)
chain(25, dL_da * da_dz, sig(zL) - y, ranges=R)
chain(35, dz_dW, ap, ranges=R)
# line 41 in vector form: 3 hidden units, one output; dL/dW (1x3) = (yhat - y) a^T
A = sp.Matrix(sp.symbols('p1:4', real=True)); W = sp.Matrix([sp.symbols('q1:4', real=True)])
zz = (W * A)[0] + bb
g = sp.Matrix([[sp.diff(bce(sig(zz)), W[j]) for j in range(3)]])
ok = all(sp.simplify(e) == 0 or chain.__globals__['equal'](e, 0, R) for e in (g - (sig(zz) - y) * A.T))
print('line 41: %s' % ('holds' if ok else 'fails'))
# hidden layer, scalar: z1 = w1 a0 + b1, a1 = relu(z1), z2 = w2 a1 + b2 (points with z1 > 0)
P = {'default': (0.1, 0.9)}
z1 = w1 * a0 + b1
a1 = relu(z1)
z2 = w2 * a1 + b2
Lh = bce(sig(z2))
dL_da1 = sp.diff(bce(sig(w2 * aL + b2)), aL).subs(aL, a1)
da1_dz1 = sp.diff(relu(z), z).subs(z, z1)
chain(49, sp.diff(Lh, w1), dL_da1 * da1_dz1 * sp.diff(z1, w1), ranges=P)
dL_dz2 = sp.diff(bce(sig(z)), z).subs(z, z2)
chain(57, dL_da1, dL_dz2 * sp.diff(w2 * aL + b2, aL), (sig(z2) - y) * w2, ranges=P)
chain(66, sp.diff(relu(z), z).subs(z, z1), sp.diff(relu(z), z).subs(z, z1), ranges=P)
# line 70: ReLU'(z) = 1 for z>0, 0 otherwise (checked away from z=0)
ok = all(sp.diff(sp.Max(0, z), z).subs(z, v) == (1 if v > 0 else 0) for v in (-2, -0.5, 0.3, 1.7))
print('line 70: %s' % ('holds' if ok else 'fails'))
chain(79, sp.diff(z1, w1), a0, ranges=P)
# line 85 vector form: input 2, hidden 2 (ReLU), output 1 (sigmoid)
x = sp.Matrix([sp.Rational(3, 10), sp.Rational(7, 10)])
W1 = sp.Matrix(2, 2, sp.symbols('r1:5', real=True)); bvec = sp.Matrix([sp.Rational(1, 10), sp.Rational(-1, 5)])
W2 = sp.Matrix([[sp.Rational(6, 10), sp.Rational(-4, 10)]]); bo = sp.Rational(1, 20)
Z1 = W1 * x + bvec
A1 = Z1.applyfunc(relu)
Z2 = (W2 * A1)[0] + bo
Lv = bce(sig(Z2))
pts = [{W1[0]: sp.Rational(5, 10), W1[1]: sp.Rational(2, 10), W1[2]: sp.Rational(-3, 10), W1[3]: sp.Rational(9, 10), y: 1},
       {W1[0]: sp.Rational(-5, 10), W1[1]: sp.Rational(2, 10), W1[2]: sp.Rational(4, 10), W1[3]: sp.Rational(1, 10), y: 0}]
gW1 = sp.Matrix(2, 2, lambda i, j: sp.diff(Lv, W1[i, j]))
reluprime = Z1.applyfunc(lambda t: sp.Piecewise((1, t > 0), (0, True)))
claim = (W2.T * (sig(Z2) - y)).multiply_elementwise(reluprime) * x.T
ok = all(abs(sp.N(e.subs(p), 40)) < 1e-25 for p in pts for e in (gW1 - claim))
print('line 85: %s' % ('holds' if ok else 'fails'))

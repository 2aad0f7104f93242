"""Establish d-kyleclo-backprop-appendix.md: diagonal Jacobians of element-wise activations, the
delta recursion, quadratic-loss and L2-penalty gradients, and the logistic-regression Hessian.

Layer sizes m_{l-1} = 2, m_l = 3 with tanh activations; logistic regression with n = 2, m = 2."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import equal, softmax

def say(line, ok):
    print(f"line {line}: {'holds' if ok else 'fails'}")

def mat_eq(A, B, subs=None):
    return A.shape == B.shape and all(equal(A[i, j], B[i, j], subs=subs) for i in range(A.rows) for j in range(A.cols))

# lines 13 and 31: Jacobian of an element-wise activation is diag(phi'(z_i))
z = sp.Matrix(sp.symbols("z1:4", real=True))
h = z.applyfunc(sp.tanh)
Jh = h.jacobian(z)
D = sp.diag(*[sp.diff(sp.tanh(zi), zi) for zi in z])
say(13, mat_eq(Jh, D)); say(31, mat_eq(Jh, D))

# line 23: delta^(L) = dL/dz^(L) = [h^(L) - y]^T for a softmax output and one-hot y
y = sp.symbols("y1:4", real=True)
hL = softmax(list(z))
L = -sum(y[k] * sp.log(hL[k]) for k in range(3))
dL = sp.Matrix([[sp.diff(L, zi) for zi in z]])
say(23, mat_eq(dL, (sp.Matrix(hL) - sp.Matrix(y)).T, subs={y[2]: 1 - y[0] - y[1]}))

# lines 35-38: delta recursion, z^(l) = w_l^T h^(l-1), h^(l-1) = tanh(z^(l-1)), any smooth L of z^(l)
zp = sp.Matrix(sp.symbols("u1:3", real=True))                          # z^(l-1), length 2
hp = zp.applyfunc(sp.tanh)
Wl = sp.Matrix(2, 3, lambda r, c: sp.Symbol(f"w{r}{c}", real=True))   # m_{l-1} x m_l
zl = Wl.T * hp
c = sp.symbols("c1:4", real=True)
Lf = lambda v: sum(c[k] * v[k] ** 2 for k in range(3)) + v[0] * v[1]  # a generic scalar loss of z^(l)
vs = sp.Matrix(sp.symbols("v1:4", real=True))
delta_l = sp.Matrix([[sp.diff(Lf(vs), vk) for vk in vs]]).subs({vs[k]: zl[k] for k in range(3)})   # 1 x 3
delta_prev = sp.Matrix([[sp.diff(Lf(zl), u) for u in zp]])                                           # 1 x 2, the true dL/dz^(l-1)
dh_dz = hp.jacobian(zp)
r35 = delta_l * Wl.T * dh_dz
dphi = [sp.diff(sp.tanh(u), u) for u in zp]
r37 = sp.Matrix([[dphi[i] * sum(delta_l[j] * Wl[i, j] for j in range(3)) for i in range(2)]])
r38 = sp.Matrix([[(delta_l * Wl.T)[i] * dphi[i] for i in range(2)]])
# dz^(l)/dh^(l-1) really is w_l^T
hs = sp.Matrix(sp.symbols("g1:3", real=True))
assert (Wl.T * hs).jacobian(hs) == Wl.T
say(35, mat_eq(delta_prev, r35))
say(36, mat_eq(r35, delta_l * Wl.T * dh_dz))
say(37, mat_eq(delta_l * Wl.T * dh_dz, r37))
say(38, mat_eq(r37, r38))

# line 63: quadratic loss, dL/dh^(L) = (h^(L) - y)^T for the observation's own output
hq = sp.Matrix(sp.symbols("q1:4", real=True)); yq = sp.Matrix(sp.symbols("s1:4", real=True))
Lq = sp.Rational(1, 2) * ((yq - hq).T * (yq - hq))[0]
say(63, mat_eq(sp.Matrix([[sp.diff(Lq, t) for t in hq]]), (hq - yq).T))

# lines 77 and 81: penalty gradient (w_l one 2 x 3 block of all the weights; w_other another block)
Wo = sp.Matrix(2, 2, lambda r, c_: sp.Symbol(f"o{r}{c_}", real=True))
lam = sp.Symbol("lambda", positive=True)
norm2 = sum(t ** 2 for t in Wl) + sum(t ** 2 for t in Wo)
F = sp.Function("F")(*list(Wl))                                          # the data term as a function of w_l
Ltot = F + lam / 2 * norm2
g = sp.Matrix(2, 3, lambda r, c_: sp.diff(Ltot, Wl[r, c_]))
r77 = sp.Matrix(2, 3, lambda r, c_: sp.diff(F, Wl[r, c_]) + lam / 2 * sp.diff(norm2, Wl[r, c_]))
say(77, all(sp.simplify(g[i, j] - r77[i, j]) == 0 for i in range(2) for j in range(3)))
say(81, mat_eq(sp.Matrix(2, 3, lambda r, c_: sp.diff(norm2, Wl[r, c_])), 2 * Wl))

# line 109: H^{-1} = sum phi(1 - phi) x x^T: the right side is the Hessian itself, not its inverse
phi = lambda t: 1 / (1 + sp.exp(-t))
w = sp.Matrix(sp.symbols("a1:3", real=True))
X = [sp.Matrix([sp.Rational(3, 4), sp.Rational(-1, 2)]), sp.Matrix([sp.Rational(1, 3), sp.Rational(6, 5)])]
Y = [1, 0]
NLL = -sum(Y[i] * sp.log(phi((w.T * X[i])[0])) + (1 - Y[i]) * sp.log(1 - phi((w.T * X[i])[0])) for i in range(2))
H = sp.hessian(NLL, list(w))
R = sp.zeros(2, 2)
for i in range(2):
    p = phi((w.T * X[i])[0]); R += p * (1 - p) * X[i] * X[i].T
pts = [{w[0]: sp.Rational(1, 5), w[1]: sp.Rational(-2, 3)}, {w[0]: sp.Rational(-7, 4), w[1]: sp.Rational(1, 2)}]
num = lambda A: A.applyfunc(lambda t: sp.N(t, 50))
num_eq = lambda A, B: all(abs(sp.N(A[i, j] - B[i, j], 40)) < 1e-30 for i in range(A.rows) for j in range(A.cols))
assert all(num_eq(num(H.subs(q)), num(R.subs(q))) for q in pts)                 # the row's right side is H
say(109, all(num_eq(num(H.subs(q)).inv(), num(R.subs(q))) for q in pts))

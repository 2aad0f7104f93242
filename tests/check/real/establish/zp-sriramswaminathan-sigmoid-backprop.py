"""Establish zp-sriramswaminathan-sigmoid-backprop.md: linear collapse of a 2-layer linear net,
matrix form of a layer, transpose, and the four backpropagation equations (sigmoid, quadratic cost).
Sizes: 3 inputs, 2 hidden (layer l), 2 outputs (layer L = l+1)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, D
E = lambda pairs: [(sp.expand(a), sp.expand(b)) for a, b in pairs]   # expand both sides (speed)

# --- lines 61-62: collapse of a linear two-layer network (x a 3-vector, w1, w2 row vectors)
x = sp.Matrix(vec("x", 3, real=True))
w1 = sp.Matrix([vec("u", 3, real=True)]); w2 = sp.Matrix([vec("v", 3, real=True)])
b1, b2, b3, w3, w4 = sp.symbols("b1 b2 b3 w3 w4", real=True)
y1 = (w1 * x)[0] + b1; y2 = (w2 * x)[0] + b2
z1 = w3 * y1 + w4 * y2 + b3                     # line 54 definition
r61 = w3 * ((w1 * x)[0] + b1) + w4 * ((w2 * x)[0] + b2) + b3
r62 = ((w3 * w1 + w4 * w2) * x)[0] + (w3 * b1 + w4 * b2 + b3)
check(61, z1, r61)
check(62, r61, r62)

# --- line 238: matrix form of layer 5 equals the componentwise definitions (lines 228, 231)
class sig(sp.Function):
    """logistic sigmoid 1/(1+e^{-t}); derivative given in closed form sig(1-sig) (speed)."""
    def fdiff(self, argindex=1):
        return sig(self.args[0]) * (1 - sig(self.args[0]))
    def _eval_evalf(self, prec):
        return (1 / (1 + sp.exp(-self.args[0])))._eval_evalf(prec)
W5 = sp.Matrix(2, 3, lambda j, k: sp.Symbol(f"w5_{j+1}{k+1}", real=True))
a4 = sp.Matrix(vec("a4_", 3, real=True)); b5 = sp.Matrix(vec("b5_", 2, real=True))
comp = [sig(sum(W5[j, k] * a4[k] for k in range(3)) + b5[j]) for j in range(2)]
mat = (W5 * a4 + b5).applyfunc(sig)
check_all(238, [(mat[j], comp[j]) for j in range(2)])
# --- line 280: transpose written out
T = sp.Matrix([[W5[0, 0], W5[1, 0]], [W5[0, 1], W5[1, 1]], [W5[0, 2], W5[1, 2]]])
check_all(280, [(W5.T[i, j], T[i, j]) for i in range(3) for j in range(2)])

# --- backprop equations: a^{l-1} (3) -> z^l = W^l a^{l-1} + b^l (2), a^l = sig(z^l)
#     -> z^L = W^L a^l + b^L (2), a^L = sig(z^L); C = 1/2 ||y - a^L||^2
aprev = sp.Matrix(vec("p", 3, real=True))
Wl = sp.Matrix(2, 3, lambda j, k: sp.Symbol(f"wl_{j+1}{k+1}", real=True)); bl = sp.Matrix(vec("bl", 2, real=True))
WL = sp.Matrix(2, 2, lambda j, k: sp.Symbol(f"wL_{j+1}{k+1}", real=True)); bL = sp.Matrix(vec("bL", 2, real=True))
yv = sp.Matrix(vec("y", 2, real=True))
zl = Wl * aprev + bl; al = zl.applyfunc(sig)
zL = WL * al + bL; aL = zL.applyfunc(sig)
C = sp.Rational(1, 2) * sum((yv[j] - aL[j]) ** 2 for j in range(2))
_u = sp.Symbol('u', real=True)
sigp = lambda t: D(sig(_u), _u).subs(_u, t)    # sigma' = derivative of sigma
# delta^L_j = dC/dz^L_j : differentiate C written in free z^L
zs = vec("s", 2, real=True)
C_of_zL = sp.Rational(1, 2) * sum((yv[j] - sig(zs[j])) ** 2 for j in range(2))
deltaL = [D(C_of_zL, zs[j]).subs(dict(zip(zs, zL))) for j in range(2)]
A = vec("q", 2, real=True)
C_of_aL = sp.Rational(1, 2) * sum((yv[j] - A[j]) ** 2 for j in range(2))
dC_daL = [D(C_of_aL, A[j]).subs(dict(zip(A, aL))) for j in range(2)]
check_all(330, E([(deltaL[j], dC_daL[j] * sigp(zL[j])) for j in range(2)]))
# delta^l_j = dC/dz^l_j : C as a function of free z^l
tl = vec("t", 2, real=True)
C_of_zl = sp.Rational(1, 2) * sum((yv[j] - sig((WL * sp.Matrix([sig(t) for t in tl]) + bL)[j])) ** 2 for j in range(2))
deltal = [D(C_of_zl, tl[j]).subs(dict(zip(tl, zl))) for j in range(2)]

check_all(352, E([(deltal[j], sum(WL[k, j] * deltaL[k] for k in range(2)) * sigp(zl[j])) for j in range(2)]))
# dC/db^l_j = delta^l_j ; dC/dw^l_jk = delta^l_j a^{l-1}_k  (and the same at layer L)
check_all(386, E([(D(C, bl[j]), deltal[j]) for j in range(2)] + [(D(C, bL[j]), deltaL[j]) for j in range(2)]))
check_all(396, E([(D(C, Wl[j, k]), deltal[j] * aprev[k]) for j in range(2) for k in range(3)]
          + [(D(C, WL[j, k]), deltaL[j] * al[k]) for j in range(2) for k in range(2)]))

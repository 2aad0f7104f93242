"""Establish c-jackey8616-logistic-regression-gradient.md (lines 326-434 of the post).

Setting (the author's): z_i = w_1 x_{i1} + w_2 x_{i2} + b, p_i = sigma(z_i) = 1/(1+e^{-z_i}),
J = -(1/N) sum_i [y_i ln p_i + (1-y_i) ln(1-p_i)], f_i = ln(1+e^{-z_i}) + (1-y_i) z_i.
Concrete size N = 3 samples; derivatives w.r.t. z use a free symbol z.
The \\because rows inside the first align are justifications; the chain of '&=' rows is J's.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, D

Nn = 3
w1, w2, b, z, u = sp.symbols("w1 w2 b z u", real=True)
X1 = sp.symbols("x1_1:4", real=True); X2 = sp.symbols("x2_1:4", real=True); Y = sp.symbols("y1:4", real=True)
Z = [w1 * X1[i] + w2 * X2[i] + b for i in range(Nn)]
sig = lambda t: 1 / (1 + sp.exp(-t))
E = sp.exp
S = lambda g: sp.Rational(1, Nn) * sum(g(i) for i in range(Nn))
J = -S(lambda i: Y[i] * sp.log(sig(Z[i])) + (1 - Y[i]) * sp.log(1 - sig(Z[i])))

# first align: the chain of J
r10 = -S(lambda i: Y[i] * sp.log(1 / (1 + E(-Z[i]))) + (1 - Y[i]) * sp.log(1 - 1 / (1 + E(-Z[i]))))
r11 = -S(lambda i: Y[i] * sp.log(1 / (1 + E(-Z[i]))) + (1 - Y[i]) * sp.log(E(-Z[i]) / (1 + E(-Z[i]))))
r13 = -S(lambda i: Y[i] * (sp.log(1) - sp.log(1 + E(-Z[i]))) + (1 - Y[i]) * (-Z[i] - sp.log(1 + E(-Z[i]))))
r15 = -S(lambda i: -Y[i] * sp.log(1 + E(-Z[i])) + (1 - Y[i]) * (-Z[i] - sp.log(1 + E(-Z[i]))))
r17 = r15
r18 = -S(lambda i: -Y[i] * sp.log(1 + E(-Z[i])) - (1 - Y[i]) * Z[i] - (1 - Y[i]) * sp.log(1 + E(-Z[i])))
r19 = -S(lambda i: sp.log(1 + E(-Z[i])) * (-Y[i] - (1 - Y[i])) - (1 - Y[i]) * Z[i])
r20 = -S(lambda i: -sp.log(1 + E(-Z[i])) - (1 - Y[i]) * Z[i])
r21 = S(lambda i: sp.log(1 + E(-Z[i])) + (1 - Y[i]) * Z[i])
# ln(e^{-z}) written as an explicit log on rows 13/15/17 of the post; check the log form too
r13_log = -S(lambda i: Y[i] * (sp.log(1) - sp.log(1 + E(-Z[i]))) + (1 - Y[i]) * (sp.log(E(-Z[i])) - sp.log(1 + E(-Z[i]))))
check(10, J, r10)
check(11, r10, r11)
Np, Mp = sp.symbols("N M", positive=True)
check(12, sp.expand_log(sp.log(Np / Mp), force=False), sp.log(Np) - sp.log(Mp))
check(13, r11, r13_log)
check(14, sp.log(1), 0)
check(15, r13_log, -S(lambda i: -Y[i] * sp.log(1 + E(-Z[i])) + (1 - Y[i]) * (sp.log(E(-Z[i])) - sp.log(1 + E(-Z[i])))))
check(16, sp.log(sp.exp(-z)), -z)
check(17, -S(lambda i: -Y[i] * sp.log(1 + E(-Z[i])) + (1 - Y[i]) * (sp.log(E(-Z[i])) - sp.log(1 + E(-Z[i])))), r17)
check(18, r17, r18)
check(19, r18, r19)
check(20, r19, r20)
check(21, J, r21)

# d/dz pieces (scalar z stands for z_i); f as a function of z
yy, x1, x2 = sp.symbols("y x_1 x_2", real=True)
f = sp.log(1 + E(-z)) + (1 - yy) * z
Jf = S(lambda i: sp.log(1 + E(-Z[i])) + (1 - Y[i]) * Z[i])          # J via f (= r21)
fz = lambda i: (sp.log(1 + E(-z)) + (1 - Y[i]) * z)
dfdz = lambda i: D(fz(i), z).subs(z, Z[i])
for base, w, dz in ((31, w1, lambda i: X1[i]), (82, w2, lambda i: X2[i]), (99, b, lambda i: 1)):
    check(base, D(Jf, w), S(lambda i: D(sp.log(1 + E(-Z[i])) + (1 - Y[i]) * Z[i], w)))
    check(base + 1, S(lambda i: D(sp.log(1 + E(-Z[i])) + (1 - Y[i]) * Z[i], w)), S(lambda i: dfdz(i) * dz(i)))
check(35, D(f, z), D(sp.log(1 + E(-z)) + (1 - yy) * z, z))
check(36, D(f, z), D(sp.log(1 + E(-z)), z) + D((1 - yy) * z, z))
check(37, D(f, z), D(sp.log(1 + E(-z)), z) + (1 - yy))
check(39, D(sp.log(1 + E(-z)), z), 1 / (1 + E(-z)) * D(1 + E(-z), z))
check(42, D(1 + E(-z), z), D(sp.Integer(1), z) + D(E(-z), z))
check(43, D(sp.Integer(1), z) + D(E(-z), z), 0 + D(E(-z), z))
check(44, D(1 + E(-z), z), D(E(-z), z))   # d/dz e^u with u = -z substituted
check(45, D(E(-z), z), (D(E(u), u) * D(-z, z)).subs(u, -z))
check(46, (D(E(u), u) * D(-z, z)).subs(u, -z), (E(u) * (-1)).subs(u, -z))
check(47, D(1 + E(-z), z), -E(-z))
check(49, D(sp.log(1 + E(-z)), z), 1 / (1 + E(-z)) * (-E(-z)))
check(50, 1 / (1 + E(-z)) * (-E(-z)), -E(-z) / (1 + E(-z)))
check(51, -E(-z) / (1 + E(-z)), (-1 * E(-z) * E(z)) / ((1 + E(-z)) * E(z)))
check(52, (-1 * E(-z) * E(z)) / ((1 + E(-z)) * E(z)), -1 / (E(z) + 1))
# line 53: sigma(-z) = 1 - sigma(z), 1/(1+e^z) = 1 - 1/(1+e^{-z}), and the two \because definitions
ok53 = all(__import__("_common").equal(a, c) for a, c in (
    (sig(-z), 1 - sig(z)), (1 / (1 + E(z)), 1 - 1 / (1 + E(-z))), (sig(-z), 1 / (1 + E(-(-z))))))
print(f"line 53: {'holds' if ok53 else 'fails'}")
check(54, 1 / (1 + E(z)), (1 + E(-z) - 1) / (1 + E(-z)))
check(55, 1 / (1 + E(z)), E(-z) / (1 + E(-z)))
check(56, 1 / (1 + E(z)), E(-z) * E(z) / ((1 + E(-z)) * E(z)))
check(57, 1 / (1 + E(z)), 1 / ((1 + E(-z)) * E(z)))
ok58 = __import__("_common").equal(sig(-z), 1 / (1 + E(z))) and __import__("_common").equal(1 / (1 + E(z)), 1 - sig(z))
print(f"line 58: {'holds' if ok58 else 'fails'}")
check(60, D(sp.log(1 + E(-z)), z), -1 / (E(z) + 1))
check(61, -1 / (E(z) + 1), -(1 - sig(z)))
check(62, -(1 - sig(z)), sig(z) - 1)
check(64, D(f, z), D(sp.log(1 + E(-z)), z) + (1 - yy))
check(65, D(sp.log(1 + E(-z)), z) + (1 - yy), sig(z) - 1 + (1 - yy))
check(66, sig(z) - 1 + (1 - yy), sig(z) - yy)
# 68-70: the row writes d/dw_i (i = sample index); w_i is then a weight symbol absent from z_i
wi = sp.Symbol("w_i", real=True)
zi = w1 * x1 + w2 * x2 + b
check(68, D(zi, w1), D(zi, wi))
check(69, D(zi, wi), x1 + 0 + 0)
check(70, x1 + 0 + 0, x1)
check(72, D(Jf, w1), S(lambda i: dfdz(i) * X1[i]))
# line 73: sigma(z) (no index) - z is a separate symbol
check(73, D(Jf, w1), S(lambda i: (sig(z) - Y[i]) * X1[i]))
check(86, D(zi, w2), D(w1 * x1 + w2 * x2 + b, w2))
check(87, D(zi, w2), 0 + x2 + 0)
check(89, D(Jf, w2), S(lambda i: dfdz(i) * X2[i]))
check(90, D(Jf, w2), S(lambda i: (sig(Z[i]) - Y[i]) * X2[i]))
check(103, D(zi, b), D(w1 * x1 + w2 * x2 + b, b))
check(104, D(zi, b), 0 + 0 + 1)
check(106, D(Jf, b), S(lambda i: dfdz(i) * 1))
check(107, D(Jf, b), S(lambda i: sig(Z[i]) - Y[i]))

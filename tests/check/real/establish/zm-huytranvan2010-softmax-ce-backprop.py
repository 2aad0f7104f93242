"""Establish zm-huytranvan2010-softmax-ce-backprop.md (Vietnamese): chain rule, softmax+CE gradient, output-layer weight gradients."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax, D

x, u = sp.symbols("x u", real=True)
# line 14
check_all(14, [(D(x**2, x), 2*x), (D(sp.exp(x), x), sp.exp(x))])
# line 22: p(z1(x), z2(x)) chain rule
z1f, z2f, pf = sp.Function("z1"), sp.Function("z2"), sp.Function("p")
s1, s2 = sp.symbols("s1 s2")
P = pf(z1f(x), z2f(x))
rhs22 = (D(pf(s1, s2), s1).subs({s1: z1f(x), s2: z2f(x)}) * D(z1f(x), x)
         + D(pf(s1, s2), s2).subs({s1: z1f(x), s2: z2f(x)}) * D(z2f(x), x))
check(22, D(P, x), rhs22.doit())
# line 27: h = f(g(x)) -- concrete f, g (sin, exp-quadratic) and also abstract
f, g = sp.Function("f"), sp.Function("g")
check(27, D(f(g(x)), x), D(f(u), u).subs(u, g(x)) * D(g(x), x))
# line 31: y = f(u), u = g(x)
check(31, D(f(g(x)), x), (D(f(u), u) * D(g(x), x)).subs(u, g(x)))
# line 35: h = f g, dh/df = g, dh/dg = f
F, G = sp.symbols("F G")
h = F * G
check(35, D(f(x) * g(x), x), (D(h, F) * D(f(x), x) + D(h, G) * D(g(x), x)).subs({F: f(x), G: g(x)}))

# softmax + CE, n = 3 classes, i = index 1 (0-based)
n = 3
z = vec("z", n, real=True)
y = vec("y", n, real=True)
yh = softmax(z)
L = -sum(y[k] * sp.log(yh[k]) for k in range(n))
i = 1
dL = D(L, z[i])
delta = lambda a, b: 1 if a == b else 0
check(49, dL, -sum(y[k] * D(sp.log(yh[k]), z[i]) for k in range(n)))
t = sp.Symbol("t", positive=True)
dlog = lambda k: D(sp.log(t), t).subs(t, yh[k])
check(50, dL, -sum(y[k] * dlog(k) * D(yh[k], z[i]) for k in range(n)))
check(51, dL, -sum(y[k] / yh[k] * D(yh[k], z[i]) for k in range(n)))
# line 57: softmax Jacobian, all k, i
check_all(57, [(D(yh[k], z[ii]), yh[k] * (delta(k, ii) - yh[ii])) for k in range(n) for ii in range(n)])
r70 = -sum(y[k] / yh[k] * yh[k] * (delta(k, i) - yh[i]) for k in range(n))
check(70, dL, r70)
r71 = -y[i] / yh[i] * yh[i] * (1 - yh[i]) - sum(y[k] / yh[k] * yh[k] * (-yh[i]) for k in range(n) if k != i)
check(71, r70, r71)
r72 = -y[i] * (1 - yh[i]) + sum(y[k] * yh[i] for k in range(n) if k != i)
check(72, r71, r72)
r73 = -y[i] + y[i] * yh[i] + sum(y[k] * yh[i] for k in range(n) if k != i)
check(73, r72, r73)
r74 = -y[i] + yh[i] * (y[i] + sum(y[k] for k in range(n) if k != i))
check(74, r73, r74)
onehot = {y[n - 1]: 1 - sum(y[:n - 1])}     # assumption sum_k y_k = 1 (stored line 78)
check(80, dL, yh[i] - y[i], subs=onehot)

# output layer: 3 previous units a_p, 3 outputs z_k = sum_i w_ik a_i + b_k
m = 3
a = vec("a", m, real=True)
b = vec("b", n, real=True)
W = [[sp.Symbol(f"w{p+1}{q+1}", real=True) for q in range(n)] for p in range(m)]
zk = [sum(W[ii][k] * a[ii] for ii in range(m)) + b[k] for k in range(n)]
check_all(84, [(D(zk[k], W[p][q]), delta(k, q) * a[p]) for k in range(n) for p in range(m) for q in range(n)]
          + [(sum(a[ii] * delta(ii, p) * delta(k, q) for ii in range(m)), delta(k, q) * a[p]) for k in range(n) for p in range(m) for q in range(n)])
yhw = softmax(zk)
Lw = -sum(y[k] * sp.log(yhw[k]) for k in range(n))
p, q = 1, 2
check(90, D(Lw, W[p][q]), a[p] * (yhw[q] - y[q]), subs=onehot)
check_all(94, [(D(Lw, W[pp][qq]), a[pp] * (yhw[qq] - y[qq])) for pp in range(m) for qq in range(n)], subs=onehot)
# lines 98-104: chain rule through yhat (dL/dyhat_i = -y_i/yhat_i with yhat as free variables)
Yv = vec("Y", n, positive=True)
Lfree = -sum(y[k] * sp.log(Yv[k]) for k in range(n))
dL_dY = [D(Lfree, Yv[k]).subs({Yv[j]: yhw[j] for j in range(n)}) for k in range(n)]
check(98, D(Lw, W[p][q]), sum(dL_dY[ii] * D(yhw[ii], W[p][q]) for ii in range(n)))
Zs = vec("Z", n, real=True)
smZ = softmax(Zs)
dyh_dz = lambda ii, k: D(smZ[ii], Zs[k]).subs({Zs[j]: zk[j] for j in range(n)})
check_all(100, [(D(yhw[ii], W[p][q]), sum(dyh_dz(ii, k) * D(zk[k], W[p][q]) for k in range(n))) for ii in range(n)])
check(104, D(Lw, W[p][q]), sum(dL_dY[ii] * sum(dyh_dz(ii, k) * D(zk[k], W[p][q]) for k in range(n)) for ii in range(n)))

# worked example: 2 outputs, 3 previous units
y1, y2 = sp.symbols("y1 y2", real=True)
a1, a2, a3, b1, b2 = sp.symbols("a1 a2 a3 b1 b2", real=True)
w = {(p_, q_): sp.Symbol(f"w{p_}{q_}", real=True) for p_ in (1, 2, 3) for q_ in (1, 2)}
Z1 = w[1, 1] * a1 + w[2, 1] * a2 + w[3, 1] * a3 + b1
Z2 = w[1, 2] * a1 + w[2, 2] * a2 + w[3, 2] * a3 + b2
Yh1 = sp.exp(Z1) / (sp.exp(Z1) + sp.exp(Z2))
Yh2 = sp.exp(Z2) / (sp.exp(Z1) + sp.exp(Z2))
Lex = -y1 * sp.log(Yh1) - y2 * sp.log(Yh2)
u1, u2 = sp.symbols("u1 u2", positive=True)
Lu = -y1 * sp.log(u1) - y2 * sp.log(u2)
check_all(126, [(D(Lu, u1), -y1 / u1), (D(Lu, u2), -y2 / u2)], positive=(u1, u2))
check_all(128, [(D(Yh1, w[1, 1]) / a1, Yh1 * (1 - Yh1)), (D(Yh2, b1), -Yh1 * Yh2)])
check_all(130, [(D(Z1, w[2, 1]), a2), (D(Z1, b1), 1)])
dLw = D(Lex, w[2, 1])
r136 = (-y1 / Yh1) * D(Yh1, b1) * D(Z1, w[2, 1]) + (-y2 / Yh2) * D(Yh2, b1) * D(Z1, w[2, 1])
check(136, dLw, r136)
r137 = (-y1 / Yh1) * (Yh1 * (1 - Yh1)) * a2 + (-y2 / Yh2) * (-Yh2 * Yh1) * a2
check(137, r136, r137)
r138 = a2 * (-y1 + y1 * Yh1 + y2 * Yh1)
check(138, r137, r138)
r139 = a2 * (Yh1 * (y1 + y2) - y1)
check(139, r138, r139)
check(140, r139, a2 * (Yh1 - y1), subs={y2: 1 - y1})
dLb = D(Lex, b1)
r148 = (-y1 / Yh1) * D(Yh1, b1) * D(Z1, b1) + (-y2 / Yh2) * D(Yh2, b1) * D(Z1, b1)
check(148, dLb, r148)
r149 = (-y1 / Yh1) * (Yh1 * (1 - Yh1)) + (-y2 / Yh2) * (-Yh2 * Yh1)
check(149, r148, r149)
r150 = -y1 + y1 * Yh1 + y2 * Yh1
check(150, r149, r150)
r151 = Yh1 * (y1 + y2) - y1
check(151, r150, r151)
check(152, r151, Yh1 - y1, subs={y2: 1 - y1})

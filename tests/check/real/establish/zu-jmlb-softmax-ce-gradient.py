"""zu-jmlb-softmax-ce-gradient.md: gradient of softmax + cross-entropy (Jean-Marc Beaujour).

L is the display definition at line 59, L = -sum_k y_k log yhat_k (restated with the
minus sign at line 173).  The inline restatement at line 136 drops the minus sign, so
rows 141, 149, 157 and 167 carry a sign slip.  Toy model: 2 outputs, z1 = h2*w21 + b2,
z2 free.  General model: 3 classes, 2 hidden units, z_i = sum_j h_j w_ji + b_i.
"""
import sympy as sp
from _common import vec, softmax, check, check_all, D

# ---- toy model (2 classes) ----
h2, w21, b2, z2, y1, y2 = sp.symbols("h2 w21 b2 z2 y1 y2")
Y1, Y2 = sp.symbols("Y1 Y2", positive=True)        # yhat as independent variables
z1s = sp.Symbol("z1")
z1 = h2 * w21 + b2
S = sp.exp(z1s) + sp.exp(z2)
yh1s, yh2s = sp.exp(z1s) / S, sp.exp(z2) / S        # softmax in z1 (symbol), z2
L_of_Y = -(y1 * sp.log(Y1) + y2 * sp.log(Y2))       # line 59 with yhat independent
atY = lambda f: f.subs({Y1: yh1s, Y2: yh2s})
atz = lambda f: f.subs(z1s, z1)
L = atz(atY(L_of_Y))                                # L as function of w21
dLdY1, dLdY2 = atz(atY(D(L_of_Y, Y1))), atz(atY(D(L_of_Y, Y2)))
d11, d21 = atz(D(yh1s, z1s)), atz(D(yh2s, z1s))
dz = D(z1, w21)
yh1, yh2 = atz(yh1s), atz(yh2s)
r90 = dLdY1 * d11 * dz + dLdY2 * d21 * dz
check(90, D(L, w21), r90)
check(91, r90, (dLdY1 * d11 + dLdY2 * d21) * dz)
check(101, D(z1, w21), h2)
Ss = sp.exp(z1s) + sp.exp(z2)
q110 = (sp.exp(z1s) * Ss - sp.exp(z1s) * sp.exp(z1s)) / Ss**2
check_all(110, [(D(yh1s, z1s), D(sp.exp(z1s) / Ss, z1s)), (D(sp.exp(z1s) / Ss, z1s), q110)])
check_all(120, [(D(yh1s, z1s), sp.exp(z1s) / Ss - sp.exp(z1s)**2 / Ss**2),
                (sp.exp(z1s) / Ss - sp.exp(z1s)**2 / Ss**2, yh1s - yh1s**2)])
# line 131: the middle expression differentiates e^{z1}/S (yhat_1), not yhat_2
check_all(131, [(D(yh2s, z1s), D(sp.exp(z1s) / Ss, z1s)),
                (D(sp.exp(z1s) / Ss, z1s), (0 - sp.exp(z1s) * sp.exp(z2)) / Ss**2),
                ((0 - sp.exp(z1s) * sp.exp(z2)) / Ss**2, -yh1s * yh2s)])
check(141, D(L_of_Y, Y1), y1 / Y1 + 0)
check(149, D(L_of_Y, Y2), 0 + y2 / Y2)
r157 = (y1 / yh1 * (yh1 - yh1**2) + y2 / yh2 * (-yh1 * yh2)) * h2
check(157, D(L, w21), r157)
r158a = (y1 * yh1 / yh1 * (1 - yh1) - y2 * yh1) * h2
r158b = (y1 - y1 * yh1 - y2 * yh1) * h2
check_all(158, [(r157, r158a), (r158a, r158b)])
check(159, r158b, (y1 - yh1 * (y1 + y2)) * h2)
# line 167: even with one-hot y (y2 = 1 - y1) the true gradient is (yhat1 - y1) h2
check(167, D(L, w21), (y1 - yh1) * h2, subs={y2: 1 - y1})

# ---- general model (3 classes, 2 hidden units) ----
K, J = 3, 2
h = vec("h", J)
b = vec("b", K)
y = vec("y", K)
W = [[sp.Symbol(f"w{j+1}{i+1}") for i in range(K)] for j in range(J)]   # W[j][i] = w_ji
zs = vec("z", K)
Q = vec("Q", K, positive=True)
zexpr = [sum(h[j] * W[j][i] for j in range(J)) + b[i] for i in range(K)]
p = softmax(zs)
Lq = -sum(y[k] * sp.log(Q[k]) for k in range(K))
atq = lambda f: f.subs(dict(zip(Q, p)))
Lz = atq(Lq)
toz = lambda f: f.subs(dict(zip(zs, zexpr)))
Lw = toz(Lz)
R = range(K)
pairs177, pairs185 = [], []
for j in range(J):
    for i in R:
        pairs177.append((D(Lw, W[j][i]), toz(D(Lz, zs[i])) * D(zexpr[i], W[j][i])))
        pairs185.append((D(zexpr[i], W[j][i]), h[j]))
check_all(177, pairs177)
check_all(185, pairs185)
check_all(205, [(D(Lz, zs[i]), atq(D(Lq, Q[i])) * D(p[i], zs[i])
                 + sum(atq(D(Lq, Q[t])) * D(p[t], zs[i]) for t in R if t != i)) for i in R])
check_all(213, [(D(Lq, Q[i]), -y[i] / Q[i]) for i in R])
Sg = sum(sp.exp(v) for v in zs)
pairs229 = []
for i in R:
    e = sp.exp(zs[i])
    pairs229 += [(D(p[i], zs[i]), D(e / Sg, zs[i])), (D(e / Sg, zs[i]), (e * Sg - e * e) / Sg**2),
                 ((e * Sg - e * e) / Sg**2, e / Sg - (e / Sg)**2), (e / Sg - (e / Sg)**2, p[i] - p[i]**2)]
check_all(229, pairs229)
pairs235 = []
for i in R:
    for t in R:
        if t == i:
            continue
        et, ei = sp.exp(zs[t]), sp.exp(zs[i])
        pairs235 += [(D(p[t], zs[i]), D(et / Sg, zs[i])), (D(et / Sg, zs[i]), (0 - et * ei) / Sg**2),
                     ((0 - et * ei) / Sg**2, -(et / Sg) * (ei / Sg)), (-(et / Sg) * (ei / Sg), -p[t] * p[i])]
check_all(235, pairs235)
pairs244, pairs245 = [], []
for i in R:
    a = -y[i] / p[i] * p[i] * (1 - p[i]) + sum(-y[t] / p[t] * (-p[t] * p[i]) for t in R if t != i)
    bb = -y[i] + y[i] * p[i] + sum(y[t] * p[i] for t in R if t != i)
    c = -y[i] + sum(y[t] for t in R) * p[i]
    d = p[i] * sum(y[t] for t in R) - y[i]
    pairs244 += [(D(Lz, zs[i]), a), (a, bb)]
    pairs245 += [(bb, c), (c, d)]
check_all(244, pairs244)
check_all(245, pairs245)
# line 253 under one-hot / sum_t y_t = 1 (line 46 and underbrace at 245)
onehot = {y[K - 1]: 1 - sum(y[:K - 1])}
check_all(253, [(D(Lw, W[j][i]), h[j] * (p[i] - y[i]).subs(dict(zip(zs, zexpr))))
                for j in range(J) for i in R], subs=onehot)

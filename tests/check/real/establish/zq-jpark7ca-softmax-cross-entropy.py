"""Establish zq-jpark7ca-softmax-cross-entropy.md: softmax + cross-entropy derivative, K = 3 classes (0, 1, 2)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, softmax

K = 3
z = list(sp.symbols("z0:3", real=True))
y = list(sp.symbols("y0:3", real=True))
E = [sp.exp(t) for t in z]
S = sum(E)
s = softmax(z)
C = -sum(y[k] * sp.log(s[k]) for k in range(K))
onehot = {y[2]: 1 - y[0] - y[1]}          # sum_k y_k = 1 (the post's one-hot labels)
ds = lambda k, i: sp.diff(s[k], z[i])
dCds = lambda k: -y[k] / s[k]              # dC/ds_k with C a function of s
dC = lambda i: sp.diff(C, z[i])
chain = lambda i: sum(dCds(k) * ds(k, i) for k in range(K))

# stored line 11: dC/dz_i = sum_k dC/ds_k ds_k/dz_i = s_i - y_i  (needs sum y = 1)
check_all(11, [(dC(i), chain(i)) for i in range(K)] + [(chain(i), s[i] - y[i]) for i in range(K)], subs=onehot)

# line 51: W a + b written out entrywise (matrix product), defining z
w = [[sp.Symbol(f"w{r}{c}") for c in range(2)] for r in range(3)]
a = list(sp.symbols("a0:2")); b = list(sp.symbols("b0:3"))
Wa_b = [sum(w[r][c] * a[c] for c in range(2)) + b[r] for r in range(3)]
written = [w[r][0] * a[0] + w[r][1] * a[1] + b[r] for r in range(3)]
check_all(51, [(Wa_b[r], written[r]) for r in range(3)])

# line 148: example s = (0.4, 0.5, 0.1), y = (1, 0, 0)
sv = [sp.Rational(2, 5), sp.Rational(1, 2), sp.Rational(1, 10)]
yv = [1, 0, 0]
Cv = sum(-yv[k] * sp.log(sv[k]) for k in range(K))
r148 = -(1) * sp.log(sp.Rational(2, 5)) + -(0) * sp.log(sp.Rational(1, 2)) + -(0) * sp.log(sp.Rational(1, 10))
check(148, Cv, r148)
# line 154: = -(1)(-0.916) = 0.916, ln 0.4 rounded to 3 decimals
r = lambda v: sp.Rational(round(float(v) * 1000), 1000)
check_all(154, [(r(r148), -(1) * sp.Rational(-916, 1000)), (-(1) * sp.Rational(-916, 1000), sp.Rational(916, 1000))])

# line 170 (and the main equality of 216, 239, 250, 261, 314, 378, 429): chain rule
check_all(170, [(dC(i), chain(i)) for i in range(K)])
check_all(216, [(dC(i), chain(i)) for i in range(K)])
# line 227: split of the sum into k = i and k != i
split = lambda i: -y[i] / s[i] * ds(i, i) + sum(-y[k] / s[k] * ds(k, i) for k in range(K) if k != i)
check_all(227, [(chain(i), split(i)) for i in range(K)])
# lines 239/241, 250/252, 261/263: i = 0, 1, 2 written out
for i, (l1, l2) in enumerate([(239, 241), (250, 252), (261, 263)]):
    check(l1, dC(i), chain(i))
    others = [k for k in range(K) if k != i]
    check(l2, chain(i), (-y[i] / s[i] * ds(i, i)) + (-y[others[0]] / s[others[0]] * ds(others[0], i) + -y[others[1]] / s[others[1]] * ds(others[1], i)))

# line 289: case k = i: (g'h - h'g)/h^2 = (e^{z_i} S - e^{z_i} e^{z_i})/S^2
check_all(289, [(ds(i, i), (E[i] * S - E[i] * E[i]) / S ** 2) for i in range(K)])
# line 294: case k != i: written sum_{k != i} (e^{z_k} S - e^{z_i} e^{z_k})/S^2  (g' taken as e^{z_k})
i = 0
r294 = sum((E[k] * S - E[i] * E[k]) / S ** 2 for k in range(K) if k != i)
check(294, ds(1, i), r294)

# lines 314/316: same as 239/241 (i = 0)
check(314, dC(0), chain(0))
check(316, chain(0), (-y[0] / s[0] * ds(0, 0)) + (-y[1] / s[1] * ds(1, 0) + -y[2] / s[2] * ds(2, 0)))
# lines 328-334: ds_0/dz_0
r328 = (E[0] * S - E[0] * E[0]) / S ** 2
r331 = (E[0] * S) / (S * S) - (E[0] * E[0]) / (S * S)
r333 = E[0] / S * (1 - E[0] / S)
r334 = s[0] * (1 - s[0])
check(328, ds(0, 0), r328); check(331, r328, r331); check(333, r331, r333); check(334, r333, r334)
# lines 350-354: ds_1/dz_0 ; 362-366: ds_2/dz_0
for k, (l1, l2, l3) in [(1, (350, 353, 354)), (2, (362, 365, 366))]:
    q1 = (0 * S - E[0] * E[k]) / S ** 2
    q2 = -(E[0] * E[k]) / (S * S)
    q3 = -s[0] * s[k]
    check(l1, ds(k, 0), q1); check(l2, q1, q2); check(l3, q2, q3)
# lines 378-388: dC/dz_0 plugged in
r380 = (-y[0] / s[0] * ds(0, 0)) + (-y[1] / s[1] * ds(1, 0) + -y[2] / s[2] * ds(2, 0))
r383 = (-y[0] / s[0] * s[0] * (1 - s[0])) + (-y[1] / s[1] * (-s[0] * s[1]) + -y[2] / s[2] * (-s[0] * s[2]))
r386 = -y[0] + y[0] * s[0] + y[1] * s[0] + y[2] * s[0]
r387 = s[0] * (y[0] + y[1] + y[2]) - y[0]
r388 = s[0] - y[0]
check(378, dC(0), chain(0)); check(380, chain(0), r380); check(383, r380, r383)
check(386, r383, r386); check(387, r386, r387); check(388, r387, r388, subs=onehot)
# lines 413, 419: dC/dz_1 = s_1 - y_1, dC/dz_2 = s_2 - y_2 (one-hot)
check(413, dC(1), s[1] - y[1], subs=onehot)
check(419, dC(2), s[2] - y[2], subs=onehot)
# line 429: chain rule (general i)
check_all(429, [(dC(i), chain(i)) for i in range(K)])
# line 440: main link (split) holds, but the where-clause repeats line 294: for k != i
# (g'h - h'g)/h^2 written as sum_{k!=i} (e^{z_k} S - e^{z_i} e^{z_k})/S^2 and claimed = -s_i s_k
pairs440 = [(chain(i), split(i)) for i in range(K)]
pairs440 += [(ds(i, i), (E[i] * S - E[i] * E[i]) / S ** 2), ((E[i] * S - E[i] * E[i]) / S ** 2, s[i] * (1 - s[i]))]
pairs440 += [(ds(1, 0), r294), (r294, -s[0] * s[1])]
check_all(440, pairs440)
# lines 453-463 (general i, checked for every i)
r453 = lambda i: (-y[i] / s[i] * s[i] * (1 - s[i])) + sum(-y[k] / s[k] * (-s[i]) * s[k] for k in range(K) if k != i)
r456 = lambda i: -y[i] + y[i] * s[i] + sum(-y[k] * (-s[i]) for k in range(K) if k != i)
r459 = lambda i: -y[i] + s[i] * (y[i] + sum(y[k] for k in range(K) if k != i))
check_all(453, [(split(i), r453(i)) for i in range(K)])
check_all(456, [(r453(i), r456(i)) for i in range(K)])
check_all(459, [(r456(i), r459(i)) for i in range(K)] + [(sum(y), 1)], subs=onehot)
check_all(463, [(r459(i), s[i] - y[i]) for i in range(K)], subs=onehot)

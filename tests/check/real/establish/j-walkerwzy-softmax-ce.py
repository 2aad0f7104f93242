"""Establish j-walkerwzy-softmax-ce.md: softmax + cross-entropy derivative for one 1x3 sample (Chinese notebook)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

y = vec("y", 3, real=True)
T = vec("T", 3, positive=True)
S = sum(sp.exp(v) for v in y)
P = [sp.exp(v) / S for v in y]
# line 17: softmax(Y) = [e^{y_k} * 1/S]
check_all(17, [(sp.exp(y[k]) / sum(sp.exp(v) for v in y), sp.exp(y[k]) * (1 / S)) for k in range(3)])
# Loss for a batch of M samples; the derivation is for one sample (Y is 1x3), M = 1
def Lbatch(Ys, Ts):
    M = len(Ys)
    tot = 0
    for Yv, Tv in zip(Ys, Ts):
        Sv = sum(sp.exp(v) for v in Yv)
        tot += sum(Tv[k] * sp.log(sp.exp(Yv[k]) / Sv) for k in range(3))
    return -sp.Rational(1, M) * tot
L = Lbatch([y], [T])
Pp = vec("P", 3, positive=True)
L_of_P = -(sp.log(Pp[0]) * T[0] + sp.log(Pp[1]) * T[1] + sp.log(Pp[2]) * T[2])
# line 26 (M = 1): -1/M sum_i sum_k T ln P = -1/M [ln P1 T1 + ln P2 T2 + ln P3 T3]
check(26, L, L_of_P.subs({Pp[k]: P[k] for k in range(3)}))
sub = {Pp[k]: P[k] for k in range(3)}
dLdP = [sp.diff(L_of_P, Pp[k]).subs(sub) for k in range(3)]
dPdy1 = [sp.diff(P[k], y[0]) for k in range(3)]
# line 33: chain rule over P1, P2, P3
check(33, sp.diff(L, y[0]), sum(dLdP[k] * dPdy1[k] for k in range(3)))
# line 44: dL/dP1 = -T1/P1
check(44, dLdP[0], -T[0] / P[0])
# line 45: dP1/dy1 = dP1/de^{y1} de^{y1}/dy1 + dP1/dS dS/dy1, with P1 = e^{y1} * (1/S) as a function of (e^{y1}, S)
Ev, Sv = sp.symbols("Ev Sv", positive=True)
P1ES = Ev / Sv
tot = (sp.diff(P1ES, Ev) * sp.exp(y[0]) + sp.diff(P1ES, Sv) * sp.exp(y[0])).subs({Ev: sp.exp(y[0]), Sv: S})
check(45, dPdy1[0], tot)
r46 = (1 / S) * sp.exp(y[0]) + sp.exp(y[0]) * (-1 / S ** 2) * sp.exp(y[0])
check(46, tot, r46)
check(47, r46, P[0] - P[0] ** 2)
check(48, P[0] - P[0] ** 2, P[0] * (1 - P[0]))
# line 55-56
r55 = -T[0] * (1 / P[0]) * P[0] * (1 - P[0])
check(55, dLdP[0] * dPdy1[0], r55)
check(56, r55, T[0] * (P[0] - 1))
# line 66-69
check(66, dLdP[1], -T[1] / P[1])
P2ES = sp.exp(y[1]) / Sv
r67 = (sp.diff(P2ES, Sv) * sp.exp(y[0])).subs(Sv, S)
check(67, dPdy1[1], r67)
r68 = sp.exp(y[1]) * (-1 / S ** 2) * sp.exp(y[0])
check(68, r67, r68)
check(69, r68, -P[1] * P[0])
# line 76-77
r76 = -T[1] * (1 / P[1]) * (-P[1] * P[0])
check(76, dLdP[1] * dPdy1[1], r76)
check(77, r76, T[1] * P[0])
# line 84-85
r84 = -T[2] * (1 / P[2]) * (-P[2] * P[0])
check(84, dLdP[2] * dPdy1[2], r84)
check(85, r84, T[2] * P[0])
# line 93-97 (summary)
r94 = T[0] * (P[0] - 1) + T[1] * P[0] + T[2] * P[0]
check(93, sp.diff(L, y[0]), sum(dLdP[k] * dPdy1[k] for k in range(3)))
check(94, sum(dLdP[k] * dPdy1[k] for k in range(3)), r94)
r95 = T[0] * P[0] - T[0] + T[1] * P[0] + T[2] * P[0]
check(95, r94, r95)
r96 = P[0] * (T[0] + T[1] + T[2]) - T[0]
check(96, r95, r96)
onehot = {T[2]: 1 - T[0] - T[1]}          # the stated assumption T1 + T2 + T3 = 1
check(97, r96, P[0] - T[0], subs=onehot)
# line 98: with a batch of M samples, dL/dy1 of one sample = (1/M)(P1 - T1)   (M = 2, labels summing to 1)
yb = vec("yb", 3, real=True)
Tb = vec("Tb", 3, positive=True)
LB = Lbatch([y, yb], [T, Tb])
check(98, sp.diff(LB, y[0]), sp.Rational(1, 2) * (P[0] - T[0]), subs={T[2]: 1 - T[0] - T[1], Tb[2]: 1 - Tb[0] - Tb[1]})
# line 107-108: dL/dy = (1/batch)(P - T) = (1/batch)(softmax(y) - T)   (all components, M = 2)
sm = P
check_all(107, [(sp.diff(LB, y[k]).subs({T[2]: 1 - T[0] - T[1], Tb[2]: 1 - Tb[0] - Tb[1]}),
                 (sp.Rational(1, 2) * (P[k] - T[k])).subs({T[2]: 1 - T[0] - T[1]})) for k in range(3)])
check_all(108, [(sp.Rational(1, 2) * (P[k] - T[k]), sp.Rational(1, 2) * (sm[k] - T[k])) for k in range(3)])

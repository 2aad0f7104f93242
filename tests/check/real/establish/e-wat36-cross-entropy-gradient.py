"""Establish e-wat36-cross-entropy-gradient.md: gradient of the mean cross-entropy of 1-D logistic regression (N = 3)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

N = 3
w0, w1 = sp.symbols("w0 w1", real=True)
x = vec("x", N, real=True); t = vec("t", N, real=True)
sig = lambda u: 1 / (1 + sp.exp(-u))
a = [w0 * x[n] + w1 for n in range(N)]
yv = [sig(a[n]) for n in range(N)]
En = [-(t[n] * sp.log(yv[n]) + (1 - t[n]) * sp.log(1 - yv[n])) for n in range(N)]
E = -sp.Rational(1, N) * sum(t[n] * sp.log(yv[n]) + (1 - t[n]) * sp.log(1 - yv[n]) for n in range(N))
check(50, E, -sp.Rational(1, N) * sum(t[n] * sp.log(yv[n]) + (1 - t[n]) * sp.log(1 - yv[n]) for n in range(N)))
check(51, E, sp.Rational(1, N) * sum(En))
check(61, sp.diff(E, w0), sp.Rational(1, N) * sp.diff(sum(En), w0))
check(63, sp.Rational(1, N) * sp.diff(sum(En), w0), sp.Rational(1, N) * sum(sp.diff(e, w0) for e in En))
# generic symbols for the local derivatives
Y, T, A = sp.symbols("Y T A", real=True)
Ey = -(T * sp.log(Y) + (1 - T) * sp.log(1 - Y))
d8 = [sp.diff(Ey, Y), -T / Y + (1 - T) / (1 - Y), (Y - T) / ((1 - Y) * Y)]
check(93, sp.diff(Ey, Y), d8[0]); check(96, d8[0], d8[1]); check(97, d8[1], d8[2])
d9 = [sp.diff(1 / (1 + sp.exp(-A)), A), sp.exp(-A) / (1 + sp.exp(-A)) ** 2,
      (1 - 1 / (1 + sp.exp(-A))) * (1 / (1 + sp.exp(-A))), (1 - sig(A)) * sig(A)]
check(103, sp.diff(sig(A), A), d9[0]); check(106, d9[0], d9[1]); check(107, d9[1], d9[2]); check(108, d9[2], d9[3])
Xn = sp.Symbol("X", real=True)
check(114, sp.diff(w0 * Xn + w1, w0), sp.diff(w0 * Xn + w1, w0)); check(117, sp.diff(w0 * Xn + w1, w0), Xn)
# chain rule (7) and (12) at one example
chain = lambda n, w: (sp.diff(Ey, Y) * sp.diff(sig(A), A)).subs({Y: yv[n], T: t[n], A: a[n]}) * sp.diff(a[n], w)
check_all(82, [(sp.diff(En[n], w0), chain(n, w0)) for n in range(N)])
check_all(141, [(sp.diff(En[n], w1), chain(n, w1)) for n in range(N)])
check(150, sp.diff(w0 * Xn + w1, w1), sp.diff(w0 * Xn + w1, w1)); check(153, sp.diff(w0 * Xn + w1, w1), 1)
for (l1, l2, l3, l4, w, last) in [(125, 127, 131, 134, w0, lambda n: x[n]), (161, 163, 167, 170, w1, lambda n: 1)]:
    r1 = sp.Rational(1, N) * sum(sp.diff(e, w) for e in En)
    r2 = sp.Rational(1, N) * sum(chain(n, w) for n in range(N))
    r3 = sp.Rational(1, N) * sum((yv[n] - t[n]) / ((1 - yv[n]) * yv[n]) * (1 - yv[n]) * yv[n] * last(n) for n in range(N))
    r4 = sp.Rational(1, N) * sum((yv[n] - t[n]) * last(n) for n in range(N))
    check(l1, sp.diff(E, w), r1); check(l2, r1, r2); check(l3, r2, r3); check(l4, r3, r4)

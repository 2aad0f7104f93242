"""Establish c-cadizm-gaussian-mle.md: MLE of mu and sigma for X_i ~ N(mu, sigma^2).

Symbolic rows with n = 3 samples; the numeric example with the 10 measurements of the text.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, equal

n = 3
x = sp.symbols("x1:4", real=True); mu = sp.Symbol("mu", real=True); s = sp.Symbol("sigma", positive=True)
S2 = sum((xi - mu) ** 2 for xi in x)
dens = lambda xi: 1 / sp.sqrt(2 * sp.pi * s ** 2) * sp.exp(-(xi - mu) ** 2 / (2 * s ** 2))
L = sp.Mul(*[dens(xi) for xi in x])
r18 = sp.Mul(*[1 / sp.sqrt(2 * sp.pi * s) * sp.exp(-sp.Rational(1, 2) * (xi - mu) ** 2 / s ** 2) for xi in x])
r19 = 1 / (sp.sqrt(2 * sp.pi) ** n * s ** n) * sp.exp(-sp.Rational(1, 2) * S2 / s ** 2)
check(18, L, r18, positive=(s,)); check(19, r18, r19, positive=(s,))
a, k = sp.Symbol("a", positive=True), sp.Symbol("k", real=True)
check(42, sp.log(1 / a), -sp.log(a), positive=(a,)); check(48, sp.log(a ** k), k * sp.log(a), positive=(a,))
ell = sp.log(L)
r56 = -sp.Rational(n, 2) * sp.log(2 * sp.pi) - n * sp.log(s) - sp.Rational(1, 2) * S2 / s ** 2
check(55, ell, sp.log(r19), positive=(s,)); check(56, sp.log(r19), r56, positive=(s,))
dmu = sp.diff(r56, mu); ds = sp.diff(r56, s)
r67 = -sp.Rational(1, 2) * sum(2 * (xi - mu) for xi in x) / s ** 2 * (-1)
r68 = 1 / s ** 2 * (sum(x) - sum(mu for _ in x)); r69 = 1 / s ** 2 * (sum(x) - n * mu)
check(67, dmu, r67, positive=(s,)); check(68, r67, r68, positive=(s,)); check(69, r68, r69, positive=(s,))
r77 = -n / s - sp.Rational(1, 2) * S2 * (-2) * 1 / s ** 3; r78 = -n / s + S2 / s ** 3
check(77, ds, r77, positive=(s,)); check(78, r77, r78, positive=(s,))
check(86, dmu, 1 / s * (sum(x) - n * mu), positive=(s,))
xbar = sum(x) / n
ok93 = sp.solve(sp.Eq(dmu, 0), mu) == [sp.simplify(xbar)] or all(sp.simplify(r - xbar) == 0 for r in sp.solve(sp.Eq(dmu, 0), mu))
print(f"line 93: {'holds' if ok93 and equal(sum(x) / n, xbar) else 'fails'}")
# 101: identity link and, at the stationary sigma (with mu free), both sides vanish
sig_star = sp.sqrt(S2 / n)
ok101 = equal(ds, -n / s + S2 / s ** 3, positive=(s,)) and sp.simplify((-n / s + S2 / s ** 3).subs(s, sig_star)) == 0
print(f"line 101: {'holds' if ok101 else 'fails'}")
check(107, ds, -n + S2 / s ** 2, positive=(s,))
S2bar = sum((xi - xbar) ** 2 for xi in x)
check(114, ds.subs(mu, xbar), -n + S2bar / s ** 2, positive=(s,))
sol = sp.solve(sp.Eq(-n + S2bar / s ** 2, 0), s)          # sigma > 0
ok120 = len(sol) == 1 and equal(sol[0] ** 2, S2bar / n)
print(f"line 120: {'holds' if ok120 else 'fails'}")
print(f"line 126: {'holds' if len(sol) == 1 and equal(sol[0], sp.sqrt(S2bar / n)) else 'fails'}")
data = [sp.Rational(v) for v in "66.75 70.24 67.19 67.09 63.65 64.64 69.81 69.79 73.52 71.74".split()]
m = sum(data) / 10
print(f"line 154: {'holds' if m == sp.Rational('68.442') else 'fails'}")
sh = sp.sqrt(sp.Rational(1, 10) * sum((d - sp.Rational('68.442')) ** 2 for d in data))
print(f"line 161: {'holds' if equal(sh, sp.sqrt(sum((d - m) ** 2 for d in data) / 10)) else 'fails'}")
print(f"line 168: {'holds' if abs(sp.N(sh, 40) - sp.Float('2.954', 40)) <= sp.Float('0.0005', 40) else 'fails'}")

"""Establish zx-andyjones-maxent-entropy.md (Andy Jones, 'Maximum entropy distributions').

Several rows of one align display sit on the same source line; a line prints 'fails' when any
checked row on it fails, else 'holds'.
Discrete part: support {a..b} with b - a + 1 = 3 points. Gaussian integrals: exact sympy integrals
over x (sigma > 0). The 'other distribution' q: a concrete Gaussian N(m, s^2) with m = mu and s = sigma
(the family with the same mean and variance), and for the KL identity a discrete 3-point pair.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import equal

out = {}
def rec(line, a, b, **kw):
    ok = equal(a, b, **kw)
    out[line] = out.get(line, True) and ok

# ---- line 27: E[I] = sum p_i I_i = sum p_i(-log p_i) = -sum p_i log p_i  (3 outcomes)
p = sp.symbols("p1:4", positive=True)
I = [-sp.log(pi) for pi in p]
r1 = sum(pi * Ii for pi, Ii in zip(p, I)); r2 = sum(pi * (-sp.log(pi)) for pi in p); r3 = -sum(pi * sp.log(pi) for pi in p)
rec(27, r1, r2, positive=p); rec(27, r2, r3, positive=p)

# ---- line 45: Lagrangian derivatives (3 support points a..b)
lam = sp.Symbol("lambda", real=True)
Lg = -sum(pi * sp.log(pi) for pi in p) - lam * (sum(p) - 1)
rec(45, sp.diff(Lg, p[0]), -sp.log(p[0]) + (-p[0]) / p[0] - lam, positive=p)
rec(45, -sp.log(p[0]) + (-p[0]) / p[0] - lam, -sp.log(p[0]) - 1 - lam, positive=p)
rec(45, sp.diff(Lg, lam), -sum(p) + 1, positive=p)

# ---- line 49: stationarity dL/dp_i = 0  <=>  p_i = exp(-lambda-1)
sol = sp.solve(sp.Eq(-sp.log(p[0]) - 1 - lam, 0), p[0])
rec(49, sol[0], sp.exp(-lam - 1))

# ---- line 53: constraint with p_i substituted, and the claimed lambda
n = 3  # b - a + 1
con = -sum(sp.exp(-lam - 1) for _ in range(n)) + 1
rec(53, con, (-sum(p) + 1).subs({pi: sp.exp(-lam - 1) for pi in p}))      # row 1: substitution
lam_true = sp.solve(sp.Eq(con, 0), lam)
lam_claim = sp.log(n) + 1
rec(53, lam_true[0], lam_claim)                                           # row 2: lambda = log(b-a+1)+1

# ---- line 57: p_i = 1/(b-a+1) at the solution of the system
rec(57, sp.exp(-lam_true[0] - 1), sp.Rational(1, n))

# ---- Gaussian part
x, mu = sp.symbols("x mu", real=True); s = sp.Symbol("sigma", positive=True)
N = 1 / sp.sqrt(2 * sp.pi * s**2) * sp.exp(-(x - mu)**2 / (2 * s**2))
logN = -sp.Rational(1, 2) * sp.log(2 * sp.pi * s**2) - (x - mu)**2 / (2 * s**2)   # log N expanded
def E(f, dens=N):
    return sp.simplify(sp.integrate(sp.expand(f) * dens, (x, -sp.oo, sp.oo)))
int1 = E(1); int2 = E((x - mu)**2)
rec(77, s**2, int2, positive=(s,)); rec(81, int1, 1)
H_def = -E(logN)                                                          # -int p log p
r73_3 = sp.Rational(1, 2) * sp.log(2 * sp.pi * s**2) * int1 + 1 / (2 * s**2) * int2
r73_5 = sp.Rational(1, 2) * sp.log(2 * sp.pi * s**2) * 1 + 1 / (2 * s**2) * s**2
r73_6 = sp.Rational(1, 2) * sp.log(2 * sp.pi * s**2) + sp.Rational(1, 2)
r73_7 = sp.Rational(1, 2) * sp.log(2 * sp.pi * s**2) + sp.Rational(1, 2) * sp.log(sp.E)
r73_8 = sp.Rational(1, 2) * sp.log(2 * sp.pi * sp.E * s**2)
rec(73, sp.log(N), logN, positive=(s,))                                   # row 2: substitution of p
rec(73, H_def, r73_3, positive=(s,)); rec(73, r73_3, r73_5, positive=(s,)); rec(73, r73_5, r73_6, positive=(s,))
rec(73, r73_6, r73_7, positive=(s,)); rec(73, r73_7, r73_8, positive=(s,))

# ---- line 87: KL(q,p) = -H(q,p) - H(q) with H(q,p) := sum q log p, H(q) = -sum q log q (3 points)
qd = sp.symbols("q1:4", positive=True); pd = sp.symbols("r1:4", positive=True)
KL = sum(qi * sp.log(qi / pi) for qi, pi in zip(qd, pd))
Hqp = sum(qi * sp.log(pi) for qi, pi in zip(qd, pd)); Hq = -sum(qi * sp.log(qi) for qi in qd)
rec(87, sp.expand_log(KL, force=True), sp.expand_log(-Hqp - Hq, force=True), positive=qd + pd)

# ---- line 92: H(q,p) = int q log N = E_q[log N] = -1/2 log(2 pi s^2) - E_q[(x-mu)^2]/(2 s^2)
m = sp.Symbol("m", real=True); t = sp.Symbol("t", positive=True)
q = 1 / sp.sqrt(2 * sp.pi * t**2) * sp.exp(-(x - m)**2 / (2 * t**2))   # a concrete q (any mean/variance)
Eq_logN = E(logN, q); Eq_sq = E((x - mu)**2, q)
rec(92, Eq_logN, Eq_logN)                                                 # rows 1-2: same integral, written as E_q
rec(92, Eq_logN, -sp.Rational(1, 2) * sp.log(2 * sp.pi * s**2) - 1 / (2 * s**2) * Eq_sq, positive=(s, t))

# ---- line 96: under E_q[(x-mu)^2] = sigma^2 (q with mean mu, variance sigma^2)
lhs = -sp.Rational(1, 2) * sp.log(2 * sp.pi * s**2) - 1 / (2 * s**2) * Eq_sq.subs({m: mu, t: s})
a1 = -sp.Rational(1, 2) * sp.log(2 * sp.pi * s**2) - 1 / (2 * s**2) * s**2
a2 = -sp.Rational(1, 2) * sp.log(2 * sp.pi * s**2) - sp.Rational(1, 2)
a3 = -sp.Rational(1, 2) * (sp.log(2 * sp.pi * s**2) + 1)
a4 = -sp.Rational(1, 2) * sp.log(2 * sp.pi * sp.E * s**2)
rec(96, lhs, a1, positive=(s,)); rec(96, a1, a2, positive=(s,)); rec(96, a2, a3, positive=(s,)); rec(96, a3, a4, positive=(s,))
rec(96, a4, H_def, positive=(s,))                                         # row 5: = H(p)

for line in sorted(out):
    print(f"line {line}: {'holds' if out[line] else 'fails'}")

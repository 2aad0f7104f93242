"""Establish zo-deborahnolan-log-loss-logistic.md (Lau, Gonzalez, Nolan, Learning Data Science, ch. 19.4).
Binary y in {0, 1} is the document's setting; rows are checked at y = 0 and y = 1."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

p = sp.Symbol("p", positive=True)
sig = lambda t: 1 / (1 + sp.exp(-t))
# log loss, case form of line 27
def ell(q, y):
    return -sp.log(q) if y == 1 else -sp.log(1 - q)

# line 18: l(p,y) = y l(p,y) + (1-y) l(p,1-y), with the document's log loss, at y = 0 and y = 1
check_all(18, [(ell(p, y), y * ell(p, y) + (1 - y) * ell(p, 1 - y)) for y in (0, 1)], positive=[p])
# line 33: case form = -y log p - (1-y) log(1-p)  (binary y)
check_all(33, [(ell(p, y), -y * sp.log(p) - (1 - y) * sp.log(1 - p)) for y in (0, 1)], positive=[p])

# line 47: average loss with n = 4 binary labels y = (1, 0, 1, 1): n1 = 3, n0 = 1
ys = [1, 0, 1, 1]
n = len(ys); n1 = sum(ys); n0 = n - n1
L46 = sp.Rational(1, n) * sum(-yi * sp.log(p) - (1 - yi) * sp.log(1 - p) for yi in ys)
L47 = -sp.Rational(n1, n) * sp.log(p) - sp.Rational(n0, n) * sp.log(1 - p)
check(47, L46, L47, positive=[p])
# line 55: derivative, with symbolic counts
N1, N0, N = sp.symbols("n_1 n_0 n", positive=True)
Ls = -N1 / N * sp.log(p) - N0 / N * sp.log(1 - p)
check(55, sp.diff(Ls, p), -N1 / (N * p) + N0 / (N * (1 - p)), positive=[p, N1, N0, N])
# lines 62-65: solving the first-order condition
ph = sp.Symbol("phat", positive=True)
R62 = -N1 / (N * ph) + N0 / (N * (1 - ph))
R63 = -ph * (1 - ph) * N1 / ph + ph * (1 - ph) * N0 / (1 - ph)
check(63, N * ph * (1 - ph) * R62, R63, positive=[ph, N1, N0, N])   # row 63 = n p(1-p) * row 62
check(64, N1 * (1 - ph) - N0 * ph, -R63, positive=[ph, N1, N0, N])  # row 64 rearranges row 63
sol = sp.solve(sp.Eq(N1 * (1 - ph), N0 * ph), ph)[0]
check(65, sol, (N1 / N).subs(N, N0 + N1), positive=[N1, N0])        # uses n0 + n1 = n

# lines 75 and 77: logistic model loss, s = sigma(theta0 + theta1 x)
t0, t1, x = sp.symbols("theta0 theta1 x", real=True)
s = sig(t0 + t1 * x)
check_all(75, [(ell(s, y), y * ell(s, y) + (1 - y) * ell(s, 1 - y)) for y in (0, 1)])
check_all(77, [(ell(s, y), y * sp.log(s) + (1 - y) * sp.log(s)) for y in (0, 1)])

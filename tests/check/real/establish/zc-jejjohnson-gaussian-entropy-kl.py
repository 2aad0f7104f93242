"""zc-jejjohnson-gaussian-entropy-kl.md: Gaussian pdf, -log-likelihood, eigendecomposition,
entropy and KL of Gaussians, checked at D = 2 with explicit symbols.
Expectations of quadratics use E_p[(x-m)^T A (x-m)] = tr(A S0) + (mu0-m)^T A (mu0-m) for x ~ N(mu0, S0)."""
import sympy as sp
from _common import check

D = 2
x = sp.Matrix(sp.symbols("x1:3", real=True))
mu = sp.Matrix(sp.symbols("m1:3", real=True))
a, b, c = sp.symbols("a b c", positive=True)
S = sp.Matrix([[a + c, sp.Rational(1, 3) * c], [sp.Rational(1, 3) * c, b + c]])  # SPD
f = 1 / sp.sqrt((2 * sp.pi) ** D * S.det()) * sp.exp(-sp.Rational(1, 2) * ((x - mu).T * S.inv() * (x - mu))[0])
# line 13: -ln L for one observation
rhs13 = sp.Rational(1, 2) * sp.log(S.det()) + sp.Rational(1, 2) * ((x - mu).T * S.inv() * (x - mu))[0] + sp.Rational(D, 2) * sp.log(2 * sp.pi)
check(13, -sp.log(f), rhs13, positive=(a, b, c))

# line 21: Sigma = U L U^T = U L^{1/2} (U L^{-1/2})^T with U a rotation
th = sp.symbols("theta", real=True)
l1, l2 = sp.symbols("l1 l2", positive=True)
U = sp.Matrix([[sp.cos(th), -sp.sin(th)], [sp.sin(th), sp.cos(th)]])
L = sp.diag(l1, l2)
Lh = sp.diag(sp.sqrt(l1), sp.sqrt(l2))
Lmh = sp.diag(1 / sp.sqrt(l1), 1 / sp.sqrt(l2))
lhs21 = U * L * U.T
rhs21 = U * Lh * (U * Lmh).T
check(21, lhs21[0, 0], rhs21[0, 0], positive=(l1, l2))  # fails: rhs is the identity

def Equad(A, m, mu0, S0):
    return (A * S0).trace() + ((mu0 - m).T * A * (mu0 - m))[0]

# line 68: 1-D entropy -E[log f], E[(x-mu)^2] = s^2
s = sp.symbols("s", positive=True)
H1 = sp.Rational(1, 2) * sp.log(2 * sp.pi * s**2) + sp.Rational(1, 2) * 1  # E[(x-mu)^2]/(2 s^2) = 1/2
check(68, H1, sp.Rational(1, 2) * sp.log(2 * sp.pi * sp.E * s**2), positive=(s,))

# line 71: D-dim entropy
HD = sp.Rational(1, 2) * sp.log(S.det()) + sp.Rational(D, 2) * sp.log(2 * sp.pi) + sp.Rational(1, 2) * Equad(S.inv(), mu, mu, S)
check(71, HD, sp.Rational(D, 2) + sp.Rational(D, 2) * sp.log(2 * sp.pi) + sp.Rational(1, 2) * sp.log(S.det()), positive=(a, b, c))

# line 77: KL(N0||N1) = E_0[log N0 - log N1]
mu0 = sp.Matrix(sp.symbols("p1:3", real=True)); mu1 = sp.Matrix(sp.symbols("q1:3", real=True))
a1, b1, c1 = sp.symbols("a1 b1 c1", positive=True)
S0 = S
S1 = sp.Matrix([[a1 + c1, sp.Rational(1, 4) * c1], [sp.Rational(1, 4) * c1, b1 + c1]])
Elogp0 = -sp.Rational(1, 2) * sp.log(S0.det()) - sp.Rational(D, 2) * sp.log(2 * sp.pi) - sp.Rational(1, 2) * Equad(S0.inv(), mu0, mu0, S0)
Elogp1 = -sp.Rational(1, 2) * sp.log(S1.det()) - sp.Rational(D, 2) * sp.log(2 * sp.pi) - sp.Rational(1, 2) * Equad(S1.inv(), mu1, mu0, S0)
KL = Elogp0 - Elogp1
rhs77 = sp.Rational(1, 2) * ((S1.inv() * S0).trace() + ((mu1 - mu0).T * S1.inv() * (mu1 - mu0))[0] - D + sp.log(S1.det() / S0.det()))
pos = (a, b, c, a1, b1, c1)
check(77, KL, rhs77, positive=pos)
# line 88: same with mu1 = mu0
rhs88 = sp.Rational(1, 2) * ((S1.inv() * S0).trace() - D + sp.log(S1.det() / S0.det()))
check(88, KL.subs(dict(zip(mu1, mu0))), rhs88, positive=pos)

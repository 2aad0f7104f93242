"""Establish zk-jarvis73-gaussian-kl.md: KL divergence between two multivariate Gaussians (n = 2).

Expectations under P1 = N(mu1, S1) of polynomials of degree <= 2 in x are taken with the
Gaussian moments E[x_i] = mu1_i, E[x_i x_j] = S1_ij + mu1_i mu1_j (exact for degree <= 2).
S1, S2 are concrete symmetric positive-definite 2x2 matrices; the means are symbolic.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec

R = sp.Rational
n = 2
x = sp.Matrix(vec("x", n, real=True))
m1 = sp.Matrix(vec("a", n, real=True))
m2 = sp.Matrix(vec("b", n, real=True))
S1 = sp.Matrix([[2, R(1, 2)], [R(1, 2), 1]])
S2 = sp.Matrix([[R(3, 2), -R(1, 3)], [-R(1, 3), 2]])
I1, I2 = S1.inv(), S2.inv()


def E(expr):
    """E_{P1}[expr] for expr a polynomial of degree <= 2 in x."""
    p = sp.Poly(sp.expand(expr), *x)
    out = 0
    for mon, c in p.terms():
        idx = [i for i, k in enumerate(mon) for _ in range(k)]
        if len(idx) == 0:
            out += c
        elif len(idx) == 1:
            out += c * m1[idx[0]]
        elif len(idx) == 2:
            i, j = idx
            out += c * (S1[i, j] + m1[i] * m1[j])
        else:
            raise ValueError("degree > 2")
    return out


def EM(M):
    return M.applyfunc(E)


q = lambda m, Ii: ((x - m).T * Ii * (x - m))[0, 0]
logp = lambda m, S: -R(n, 2) * sp.log(2 * sp.pi) - R(1, 2) * sp.log(S.det()) - R(1, 2) * q(m, S.inv())
KL = E(sp.expand(logp(m1, S1) - logp(m2, S2)))   # D(P1||P2) = E_{P1}[log P1/P2]

# line 35: Phi(x) as written: integrand in x, integration variable t -> not the normal CDF.
# The literal integral over (-oo, x] diverges; to compare finite quantities, both integrands are
# integrated over the same finite range [L, x]: the written integrand (x instead of t) gives a
# different value than the CDF integrand for any L, so the row as written is not the CDF.
xs, t, mu, L = sp.symbols("x t mu L", real=True)
sg = sp.Symbol("sigma", positive=True)
phi_written = sp.integrate(sp.exp(-R(1, 2) * ((xs - mu) / sg) ** 2), (t, L, xs)) / (sg * sp.sqrt(2 * sp.pi))
phi_true = sp.integrate(sp.exp(-R(1, 2) * ((t - mu) / sg) ** 2), (t, L, xs)) / (sg * sp.sqrt(2 * sp.pi))
check(35, phi_written, phi_true, positive=(sg,))

# line 62: closed form
closed = R(1, 2) * (sp.log(S2.det() / S1.det()) - n + (I2 * S1).trace() + ((m2 - m1).T * I2 * (m2 - m1))[0, 0])
check(62, KL, closed)
# line 75
r75 = E(sp.expand(logp(m1, S1) - logp(m2, S2)))
check(75, KL, r75)
# line 76
r76 = R(1, 2) * E(-sp.log(S1.det()) - q(m1, I1) + sp.log(S2.det()) + q(m2, I2))
check(76, r75, r76)
# line 77
r77 = R(1, 2) * sp.log(S2.det() / S1.det()) + R(1, 2) * E(-q(m1, I1) + q(m2, I2))
check(77, r76, r77)
# line 78: trace form inside the expectation
r78 = R(1, 2) * sp.log(S2.det() / S1.det()) + R(1, 2) * E(-(I1 * (x - m1) * (x - m1).T).trace() + (I2 * (x - m2) * (x - m2).T).trace())
check(78, r77, r78)
# line 79: expectation moved inside the trace
r79 = R(1, 2) * sp.log(S2.det() / S1.det()) - R(1, 2) * (I1 * EM((x - m1) * (x - m1).T)).trace() + R(1, 2) * (I2 * EM((x - m2) * (x - m2).T)).trace()
check(79, r78, r79)
# line 80: author's moment matrices (note -2 mu1 mu2^T, equal under the trace with symmetric S2^{-1})
r80 = R(1, 2) * sp.log(S2.det() / S1.det()) - R(1, 2) * (I1 * S1).trace() + R(1, 2) * (I2 * (S1 + m1 * m1.T - 2 * m1 * m2.T + m2 * m2.T)).trace()
check(80, r79, r80)
# line 81
r81 = R(1, 2) * (sp.log(S2.det() / S1.det()) - n + (I2 * S1).trace() + (m1.T * I2 * m1 - 2 * m2.T * I2 * m1 + m2.T * I2 * m2)[0, 0])
check(81, r80, r81)
# line 82
check(82, r81, closed)

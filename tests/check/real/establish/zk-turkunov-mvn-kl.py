"""Establish zk-turkunov-mvn-kl.md: KL divergence between two multivariate Gaussians (p = 2).

x is a column vector; expectations of polynomials of degree <= 2 in x under N(m, S) use the
Gaussian moments E[x_i] = m_i, E[x_i x_j] = S_ij + m_i m_j (exact for degree <= 2).
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, equal

R = sp.Rational
p = 2
x = sp.Matrix(vec("x", p, real=True))


def E(expr, m, S):
    poly = sp.Poly(sp.expand(expr), *x)
    out = 0
    for mon, c in poly.terms():
        idx = [i for i, k in enumerate(mon) for _ in range(k)]
        if not idx:
            out += c
        elif len(idx) == 1:
            out += c * m[idx[0]]
        elif len(idx) == 2:
            out += c * (S[idx[0], idx[1]] + m[idx[0]] * m[idx[1]])
        else:
            raise ValueError
    return out


mp = sp.Matrix(vec("a", p, real=True))
mq = sp.Matrix(vec("b", p, real=True))
Sp = sp.Matrix([[2, R(1, 2)], [R(1, 2), 1]])
Sq = sp.Matrix([[R(3, 2), -R(1, 3)], [-R(1, 3), 2]])
quad = lambda m, S: ((x - m).T * S.inv() * (x - m))[0, 0]
logpdf = lambda m, S: -R(p, 2) * sp.log(2 * sp.pi) - R(1, 2) * sp.log(S.det()) - R(1, 2) * quad(m, S)
KL = E(logpdf(mp, Sp) - logpdf(mq, Sq), mp, Sp)  # D_KL(P||Q) = E_p log p/q

# rows 26-27 (expression) = rows 28-29, checked at line 28
lhs26 = R(1, 2) * (sp.log(Sq.det() / Sp.det()) - E(quad(mp, Sp), mp, Sp) + E(quad(mq, Sq), mp, Sp))
rhs28 = R(1, 2) * (sp.log(Sq.det() / Sp.det()) - p + ((mp - mq).T * Sq.inv() * (mp - mq))[0, 0] + (Sq.inv() * Sp).trace())
print("# rows 26-27 equal D_KL(P||Q):", equal(KL, lhs26))
check(28, lhs26, rhs28)

# line 39: A = tr(A) for a 1x1 matrix A = (x-mu)^T S^{-1} (x-mu)
A = (x - mp).T * Sp.inv() * (x - mp)
check(39, A[0, 0], A.trace())

# line 44: tr(ABC) = tr(BCA) = tr(CBA)   (the second equality is not a cyclic permutation)
Am = sp.Matrix(2, 2, vec("A", 4, real=True))
Bm = sp.Matrix(2, 2, vec("B", 4, real=True))
Cm = sp.Matrix(2, 2, vec("C", 4, real=True))
check_all(44, [((Am * Bm * Cm).trace(), (Bm * Cm * Am).trace()), ((Bm * Cm * Am).trace(), (Cm * Bm * Am).trace())])

# line 49: tr(A) = tr((x-mu)^T (x-mu) S^{-1}) = tr(S S^{-1}) = tr(I) = p, written without the expectation.
# First member read with x as a row vector (cyclic form (x-mu)(x-mu)^T S^{-1} for column x).
trA = A.trace()
cyc = ((x - mp) * (x - mp).T * Sp.inv()).trace()
check_all(49, [(trA, cyc), (cyc, (Sp * Sp.inv()).trace()), ((Sp * Sp.inv()).trace(), sp.eye(p).trace()), (sp.eye(p).trace(), p)])
print("# line 49 with the expectation E_p applied:", equal(E(cyc, mp, Sp), p))

# line 55: x ~ N(mu2, S2): E (x-mu1)^T A (x-mu1) = (mu2-mu1)^T A (mu2-mu1) + tr(A S2)
m1 = sp.Matrix(vec("c", p, real=True))
m2 = sp.Matrix(vec("d", p, real=True))
s11, s12, s22 = sp.symbols("s11 s12 s22", real=True)
S2 = sp.Matrix([[s11, s12], [s12, s22]])
lhs54 = E(((x - m1).T * Am * (x - m1))[0, 0], m2, S2)
rhs55 = ((m2 - m1).T * Am * (m2 - m1))[0, 0] + (Am * S2).trace()
check(55, lhs54, rhs55)

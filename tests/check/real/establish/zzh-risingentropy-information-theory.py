"""Establish zzh-risingentropy-information-theory.md: entropy, joint / conditional entropy, chain
rules, relative entropy and (conditional) mutual information (course notes on Cover & Thomas ch. 2).

Concrete sizes: two or three discrete variables.  A joint distribution is built from positive weights
a_t (one per outcome tuple t) as p(t) = a_t / sum a, so it is a distribution; marginals and
conditionals are computed from it (p(y|x) = p(x,y)/p(x), ...).  Every expectation E[.] without a
subscript is under the joint distribution of the variables it mentions (as in Cover & Thomas).
q is a second distribution built the same way from weights b_t.
"""
import itertools
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
import _common
from _common import check, check_all

_common.EXACT = False          # logs of sums of 8-12 weights: the 40-digit numbers decide
log = sp.log


def joint(name, sizes):
    """p(t) for t in the product of range(sizes), from positive weights name_t."""
    outs = list(itertools.product(*[range(s) for s in sizes]))
    w = {t: sp.Symbol(name + "".join(map(str, t)), positive=True) for t in outs}
    S = sum(w.values())
    return {t: w[t] / S for t in outs}


def marg(p, keep):
    """marginal of p on the coordinates in keep (a tuple of indices)."""
    out = {}
    for t, v in p.items():
        k = tuple(t[i] for i in keep)
        out[k] = out.get(k, 0) + v
    return out


def H(p, A, B=()):
    """H(A|B) = -sum p(a,b) log p(a|b) (B empty: the entropy H(A))."""
    pab = marg(p, tuple(A) + tuple(B))
    pb = marg(p, tuple(B)) if B else None
    tot = 0
    for k, v in pab.items():
        cond = v / pb[k[len(A):]] if B else v
        tot += -v * log(cond)
    return tot


# ---------------- X with 3 outcomes: entropy and change of base (line 28) -------------------------
px = joint("w", (3,))
a, b = sp.Rational(3), sp.Rational(7)                       # two bases
Hb = -sum(v * log(v, b) for v in px.values())
Ha = -sum(v * log(v, a) for v in px.values())
check(28, Hb, log(a, b) * Ha)                               # H_b(X) = (log_b a) H_a(X)

# ---------------- (X, Y): |X| = 2, |Y| = 3 -----------------------------------------------------------
p = joint("a", (2, 3))
X, Y = (0,), (1,)
PX, PY = marg(p, X), marg(p, Y)
pyx = {(x, y): p[(x, y)] / PX[(x,)] for (x, y) in p}        # p(y|x)
HX, HY, HXY = H(p, X), H(p, Y), H(p, (0, 1))
HY_X = H(p, Y, X)                                           # -sum p(x,y) log p(y|x)
HX_Y = H(p, X, Y)

# line 49 (definition): H(Y|X) = sum_x p(x) H(Y|X=x), H(Y|X=x) the entropy of p(.|x)
r49 = sum(PX[(x,)] * (-sum(pyx[(x, y)] * log(pyx[(x, y)]) for y in range(3))) for x in range(2))
r50 = -sum(PX[(x,)] * sum(pyx[(x, y)] * log(pyx[(x, y)]) for y in range(3)) for x in range(2))
check(50, r49, r50)
r51 = -sum(p[(x, y)] * log(pyx[(x, y)]) for x in range(2) for y in range(3))
check(51, r50, r51)
r52 = -sum(p[(x, y)] * log(pyx[(x, y)]) for (x, y) in p)   # -E log p(Y|X), E under p(x,y)
check(52, r51, r52)

check(63, HXY, HX + HY_X)                                   # H(X,Y) = H(X) + H(Y|X)

r70 = -sum(p[t] * log(p[t]) for t in p)                     # restates the definition (line 38)
check(70, HXY, r70)
r71 = -sum(p[(x, y)] * log(PX[(x,)] * pyx[(x, y)]) for (x, y) in p)
check(71, r70, r71)
r72 = (-sum(p[(x, y)] * log(PX[(x,)]) for (x, y) in p)
       - sum(p[(x, y)] * log(pyx[(x, y)]) for (x, y) in p))
check(72, r71, r72)
r73 = (-sum(PX[(x,)] * log(PX[(x,)]) for x in range(2))
       - sum(p[(x, y)] * log(pyx[(x, y)]) for (x, y) in p))
check(73, r72, r73)
check(74, r73, HX + HY_X)

# line 81: log p(X,Y) = log p(X) + log p(Y|X), pointwise at every outcome
check_all(81, [(log(p[(x, y)]), log(PX[(x,)]) + log(pyx[(x, y)])) for (x, y) in p])

# ---------------- relative entropy (lines 96-97), q on the same 3 outcomes ---------------------------
qx = joint("v", (3,))
D96 = sum(px[t] * log(px[t] / qx[t]) for t in px)           # definition
check(97, D96, sum(px[t] * log(px[t] / qx[t]) for t in px))  # E_p log p(X)/q(X)

# ---------------- mutual information (lines 107-109) --------------------------------------------------
I107 = sum(p[(x, y)] * log(p[(x, y)] / (PX[(x,)] * PY[(y,)])) for (x, y) in p)   # definition
prod = {(x, y): PX[(x,)] * PY[(y,)] for (x, y) in p}
D108 = sum(p[t] * log(p[t] / prod[t]) for t in p)           # D(p(x,y) || p(x)p(y))
check(108, I107, D108)
E109 = sum(p[t] * log(p[t] / (PX[(t[0],)] * PY[(t[1],)])) for t in p)
check(109, D108, E109)
print("#  side check, I = H(X) - H(X|Y):", _common.equal(I107, HX - HX_Y))

# ---------------- three binary variables (X, Y, Z) = coordinates (0, 1, 2) ---------------------------
r = joint("c", (2, 2, 2))
# line 87: H(X,Y|Z) = H(X|Z) + H(Y|X,Z)
check(87, H(r, (0, 1), (2,)), H(r, (0,), (2,)) + H(r, (1,), (0, 2)))
# line 122: H(X1,X2,X3) = H(X1) + H(X2|X1) + H(X3|X2,X1)
check(122, H(r, (0, 1, 2)), H(r, (0,)) + H(r, (1,), (0,)) + H(r, (2,), (1, 0)))


# line 129 (definition): I(X;Y|Z) = H(X|Z) - H(X|Y,Z);  line 130: = E log p(X,Y|Z)/(p(X|Z)p(Y|Z))
def I_cond(dist, A, B, C=()):
    return H(dist, A, C) - H(dist, A, tuple(B) + tuple(C))


I129 = I_cond(r, (0,), (1,), (2,))
pz, pxz, pyz = marg(r, (2,)), marg(r, (0, 2)), marg(r, (1, 2))
E130 = sum(v * log((v / pz[(t[2],)]) / ((pxz[(t[0], t[2])] / pz[(t[2],)]) * (pyz[(t[1], t[2])] / pz[(t[2],)])))
           for t, v in r.items())
check(130, I129, E130)

# line 135: I(X1,X2;Y) = I(X1;Y) + I(X2;Y|X1)   (n = 2; coordinates X1 = 0, X2 = 1, Y = 2)
lhs135 = H(r, (0, 1)) - H(r, (0, 1), (2,))
rhs135 = I_cond(r, (0,), (2,)) + I_cond(r, (1,), (2,), (0,))
check(135, lhs135, rhs135)

# lines 141-142: conditional relative entropy for p(x,y), q(x,y) (|X| = 2, |Y| = 3)
q = joint("b", (2, 3))
QX = marg(q, (0,))
qyx = {(x, y): q[(x, y)] / QX[(x,)] for (x, y) in q}
D141 = sum(PX[(x,)] * sum(pyx[(x, y)] * log(pyx[(x, y)] / qyx[(x, y)]) for y in range(3)) for x in range(2))
E142 = sum(p[(x, y)] * log(pyx[(x, y)] / qyx[(x, y)]) for (x, y) in p)   # E under p(x,y)
check(142, D141, E142)

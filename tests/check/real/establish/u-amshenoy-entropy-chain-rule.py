"""Establish u-amshenoy-entropy-chain-rule.md: joint/conditional entropy and chain rules,
on explicit joint pmfs of binary variables (2 variables for lines 27-42, 3 for the chain rules)."""
import os, sys, itertools
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check

log = sp.log


def joint(name, n):
    cells = list(itertools.product((0, 1), repeat=n))
    w = {c: sp.Symbol(name + "".join(map(str, c)), positive=True) for c in cells}
    return w  # positive weights; every identity checked is homogeneous, so normalisation is immaterial


def marg(P, idx):
    out = {}
    for c, v in P.items():
        k = tuple(c[i] for i in idx)
        out[k] = out.get(k, 0) + v
    return out


def H(P, A, B=()):
    """H(X_A | X_B) = -sum p(a,b) log p(a|b), computed from the joint P."""
    PAB = marg(P, tuple(A) + tuple(B))
    PB = marg(P, tuple(B)) if B else None
    tot = 0
    for k, v in PAB.items():
        cond = v / PB[k[len(A):]] if B else v
        tot += -v * log(cond)
    return tot


# two variables X (index 0), Y (index 1)
P = joint("w", 2)
PX = marg(P, (0,))
cells = list(P)
HYgX = -sum(P[c] * log(P[c] / PX[(c[0],)]) for c in cells)          # line 27 (definition)
r30 = sum(PX[(x,)] * sum((P[(x, y)] / PX[(x,)]) * log(1 / (P[(x, y)] / PX[(x,)])) for y in (0, 1)) for x in (0, 1))
check(30, HYgX, r30)
HXY = sum(P[c] * log(1 / P[c]) for c in cells)                        # line 36 (definition)
r38 = sum(P[c] * log(1 / ((P[c] / PX[(c[0],)]) * PX[(c[0],)])) for c in cells)
r40 = sum(P[c] * (log(1 / (P[c] / PX[(c[0],)])) + log(1 / PX[(c[0],)])) for c in cells)
check(38, HXY, r38)
check(40, r38, r40)
HX = sum(v * log(1 / v) for v in PX.values())
check(42, HXY, HYgX + HX)

# three variables X1, X2, X3 (chain rule, n = 3)
Q = joint("q", 3)
lhs47 = H(Q, (0, 1, 2))
rhs47 = H(Q, (0,)) + H(Q, (1,), (0,)) + H(Q, (2,), (1, 0))
check(47, lhs47, rhs47)
check(49, rhs47, sum(H(Q, (i,), tuple(range(i - 1, -1, -1))) for i in range(3)))
# product rule at one cell (x1, x2, x3) = (0, 1, 1)
c = (0, 1, 1)
P1, P12 = marg(Q, (0,)), marg(Q, (0, 1))
prod = P1[(0,)] * (P12[(0, 1)] / P1[(0,)]) * (Q[c] / P12[(0, 1)])
check(53, Q[c], prod)
check(54, prod, P1[(0,)] * (P12[(0, 1)] / P1[(0,)]) * (Q[c] / P12[(0, 1)]))

# chain rule with conditioning on Y: X1 (0), X2 (1), Y (2), n = 2
lhs59 = H(Q, (0, 1), (2,))
rhs59 = H(Q, (0, 2)) + H(Q, (1,), (0, 2))       # as written: H(X1, Y) + H(X2 | X1, Y)
check(59, lhs59, rhs59)

# independent variables: p(x1,x2,x3) = a(x1) b(x2) c(x3)
a1, b1, c1 = sp.symbols("a1 b1 c1", positive=True)
pa, pb, pc = {0: a1, 1: 1 - a1}, {0: b1, 1: 1 - b1}, {0: c1, 1: 1 - c1}
R = {k: pa[k[0]] * pb[k[1]] * pc[k[2]] for k in itertools.product((0, 1), repeat=3)}
check(67, H(R, (0, 1, 2)), H(R, (0,)) + H(R, (1,)) + H(R, (2,)))

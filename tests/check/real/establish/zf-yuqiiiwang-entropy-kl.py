"""zf-yuqiiiwang-entropy-kl.md: H(P,Q) = H(P) + KL(P||Q) chain (4 outcomes) and
conditional entropy H(X|Y) for a 2x3 joint table."""
import sympy as sp
from _common import vec, check

n = 4
P = vec("P", n, positive=True)
Q = vec("Q", n, positive=True)
HPQ = -sum(p * sp.log(q) for p, q in zip(P, Q))          # E_P(-log Q)
r30 = -sum(p * sp.log(q) for p, q in zip(P, Q))
r31 = -sum(p * (sp.log(p) + sp.log(q) - sp.log(p)) for p, q in zip(P, Q))
r32 = -sum(p * sp.log(p) for p in P) - sum(p * sp.log(q / p) for p, q in zip(P, Q))
H = -sum(p * sp.log(p) for p in P)
KL = sum(p * sp.log(p / q) for p, q in zip(P, Q))
r33 = H + KL
check(30, HPQ, r30)
check(31, r30, r31)
check(32, r31, r32)
check(33, r32, r33)

# conditional entropy, joint table p(x,y), x in 2 values, y in 3 values
J = [[sp.Symbol(f"j{x}{y}", positive=True) for y in range(3)] for x in range(2)]
py = [sum(J[x][y] for x in range(2)) for y in range(3)]
cond = lambda x, y: J[x][y] / py[y]
HXgy = [-sum(cond(x, y) * sp.log(cond(x, y)) for x in range(2)) for y in range(3)]
E_Y = sum(py[y] * HXgy[y] for y in range(3))          # line 45 definition
r46 = sum(py[y] * sum(cond(x, y) * sp.log(cond(x, y)) for x in range(2)) for y in range(3))
r48 = -sum(J[x][y] * sp.log(cond(x, y)) for x in range(2) for y in range(3))
check(46, E_Y, r46)   # missing minus sign
check(48, E_Y, r48)   # true w.r.t. the definition on line 45

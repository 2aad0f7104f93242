"""Establish i-harleyszhang-entropy-kl-ce.md: entropy example, KL = -H + CE, cross-entropy losses."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

m = 3
p = vec("p", m, positive=True)
q = vec("q", m, positive=True)
H = -sum(t * sp.log(t) for t in p)
CE = -sum(a * sp.log(c) for a, c in zip(p, q))
KL = sum(a * sp.log(a / c) for a, c in zip(p, q))

# line 29: H for three events, the worked numbers (p = 0.7, 0.2, 0.1 read off the coefficients)
check(29, H, -(p[0] * sp.log(p[0]) + p[1] * sp.log(p[1]) + p[2] * sp.log(p[2])))
pv = [sp.Rational(7, 10), sp.Rational(2, 10), sp.Rational(1, 10)]
rounded = [sp.Rational(round(float(-sp.log(v)), 2)).limit_denominator(1000) for v in pv]
check_all(29, list(zip(rounded, [sp.Rational(36, 100), sp.Rational(161, 100), sp.Rational(230, 100)])))
check(29, sp.Rational(7, 10) * sp.Rational(36, 100) + sp.Rational(2, 10) * sp.Rational(161, 100) + sp.Rational(1, 10) * sp.Rational(230, 100), sp.Rational(804, 1000))

# line 49
r1 = sum(a * sp.log(a) for a in p) - sum(a * sp.log(c) for a, c in zip(p, q))
check(49, KL, r1)
check(49, r1, -H + CE)

# line 61: loss = sum y log a  vs the cross-entropy -sum y log a (line 55)
y = vec("y", m, positive=True)
a = vec("a", m, positive=True)
check(61, sum(s * sp.log(t) for s, t in zip(y, a)), -sum(s * sp.log(t) for s, t in zip(y, a)))

# line 76: m = 2, y1 = 1 - y2, a1 = 1 - a2
yy, aa = sp.symbols("yy aa", positive=True)
ce2 = -(yy * sp.log(aa) + (1 - yy) * sp.log(1 - aa))
gen = -sum(s_ * sp.log(t_) for s_, t_ in zip([yy, 1 - yy], [aa, 1 - aa]))
check(76, gen, ce2, subs={aa: sp.Rational(2, 7)})
# line 82: batch of n = 2 with the same two-class reduction of line 67
ys = vec("ys", 2, positive=True)
as_ = vec("as", 2, positive=True)
J67 = -sp.Rational(1, 2) * sum(sum(s_ * sp.log(t_) for s_, t_ in zip([ys[i], 1 - ys[i]], [as_[i], 1 - as_[i]])) for i in range(2))
check(82, J67, -sp.Rational(1, 2) * sum(ys[i] * sp.log(as_[i]) + (1 - ys[i]) * sp.log(1 - as_[i]) for i in range(2)),
      subs={as_[0]: sp.Rational(1, 3), as_[1]: sp.Rational(3, 5)})

# line 90: expectation form of the cross-entropy
check(90, -sum(a_ * sp.log(c) for a_, c in zip(p, q)), CE)
# line 98: KL definition = sum (p log p - p log q)
check(98, KL, sum(a_ * sp.log(a_) - a_ * sp.log(c) for a_, c in zip(p, q)))

"""Establish d-42ai-cross-entropy-loss.tex: building the binary cross-entropy from the two cases.

loss_{y=1} = -log(yhat), loss_{y=0} = -log(1 - yhat) as the text defines them; the case rows are
checked with y = 0 or y = 1 substituted; J(theta) rows with m = 2 examples."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import equal

def say(line, ok):
    print(f"line {line}: {'holds' if ok else 'fails'}")

y = sp.Symbol("y", real=True); yh = sp.Symbol("yhat", positive=True)
l1, l0 = -sp.log(yh), -sp.log(1 - yh)
pos = (yh,)
pt = {yh: sp.Rational(2, 7)}
# y = 0 case (rows 53-54): from loss = y l1 + l0
say(53, equal((y * l1 + l0).subs(y, 0), 0 * l1 + l0))
say(54, equal((0 * l1 + l0), l0))
# y = 1 case (rows 62-64): from loss = l1 + (1 - y) l0
say(62, equal((l1 + (1 - y) * l0).subs(y, 1), l1 + (1 - 1) * l0))
say(63, equal(l1 + (1 - 1) * l0, l1 + 0 * l0))
say(64, equal(l1 + 0 * l0, l1))
# rows 79, 86: develop the generic loss
gen = y * l1 + (1 - y) * l0
r79 = y * (-sp.log(yh)) + (1 - y) * (-sp.log(1 - yh))
r86 = -(y * sp.log(yh) + (1 - y) * sp.log(1 - yh))
say(79, equal(gen, r79)); say(86, equal(r79, r86))
# case rows inside the matrices
say(115, (y * sp.log(yh)).subs(y, 0) == 0)
say(116, (1 - y).subs(y, 0) == 1)
say(117, equal(((1 - y) * sp.log(1 - yh)).subs(y, 0), sp.log(1 - yh)))
say(141, equal((y * sp.log(yh)).subs(y, 1), sp.log(yh)))
say(142, (1 - y).subs(y, 1) == 0)
say(143, ((1 - y) * sp.log(1 - yh)).subs(y, 1) == 0)
# J(theta) with m = 2: all labels 0 (rows 123-131) or all labels 1 (rows 150-158)
m = 2
Y = sp.symbols("y1:3", real=True); P = sp.symbols("p1:3", positive=True)
J = -sp.Rational(1, m) * sum(Y[i] * sp.log(P[i]) + (1 - Y[i]) * sp.log(1 - P[i]) for i in range(m))
z0 = {Y[0]: 0, Y[1]: 0}; z1 = {Y[0]: 1, Y[1]: 1}
r123 = -sp.Rational(1, m) * sum(0 + 1 * sp.log(1 - P[i]) for i in range(m))      # overbraces: 0 and 1
r127 = -sp.Rational(1, m) * sum(sp.log(1 - P[i]) for i in range(m))
r131 = sp.Rational(1, m) * sum(-sp.log(1 - P[i]) for i in range(m))
say(123, equal(J.subs(z0), r123)); say(127, equal(r123, r127)); say(131, equal(r127, r131))
r150 = -sp.Rational(1, m) * sum(1 * sp.log(P[i]) + 0 for i in range(m))
r154 = -sp.Rational(1, m) * sum(sp.log(P[i]) for i in range(m))
r158 = sp.Rational(1, m) * sum(-sp.log(P[i]) for i in range(m))
say(150, equal(J.subs(z1), r150)); say(154, equal(r150, r154)); say(158, equal(r154, r158))

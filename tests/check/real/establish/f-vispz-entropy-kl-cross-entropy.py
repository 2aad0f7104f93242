"""Establish f-vispz-entropy-kl-cross-entropy.md: entropy, cross entropy, KL decomposition and the argmin
equivalence, for discrete distributions on 3 outcomes (q_Theta = softmax(Theta))."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax

p1, p2 = sp.symbols("p1 p2", positive=True)
p = [p1, p2, 1 - p1 - p2]
th = vec("Theta", 3, real=True)
q = softmax(th)
R = range(3)
Ent = -sum(p[i] * sp.log(p[i]) for i in R)
H = -sum(p[i] * sp.log(q[i]) for i in R)
Elogp = sum(p[i] * sp.log(p[i]) for i in R)
Elogq = sum(p[i] * sp.log(q[i]) for i in R)
KL92a = sum(p[i] * sp.log(p[i]) - p[i] * sp.log(q[i]) for i in R)
KL92b = sum(p[i] * sp.log(p[i] / q[i]) for i in R)
pos = (p1, p2)
sub = {p1: sp.Rational(1, 5), p2: sp.Rational(1, 2)}   # a valid distribution (p3 = 3/10)
check(92, KL92a, KL92b, subs=sub)
check(123, KL92b, KL92a, subs=sub)
check(124, KL92a, Elogp - Elogq, subs=sub)
check(126, Elogp - Elogq, -Ent + H, subs=sub)
# lines 147-148: the two objectives differ by a term that does not depend on Theta
obj1 = Elogp - Elogq
obj2 = -Elogq
check_all(147, [(sp.diff(obj1 - obj2, t), 0) for t in th], subs=sub)
check_all(148, [(sp.diff(KL92b - H, t), 0) for t in th], subs=sub)

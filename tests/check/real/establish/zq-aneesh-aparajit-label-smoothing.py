"""Establish zq-aneesh-aparajit-label-smoothing.md: cross-entropy with label smoothing, C = 3 classes."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec

C = 3
q = vec("q", C, real=True)
p = vec("p", C, positive=True)
eps = sp.Symbol("epsilon", positive=True)
log = sp.log
qs = [(1 - eps) * q[k] + eps / C for k in range(C)]          # line 20

r26 = -sum(qs[k] * log(p[k]) for k in range(C))                 # line 26 (smoothed loss)
r30 = -sum(((1 - eps) * q[k] + eps / C) * log(p[k]) for k in range(C))
r34 = -sum((1 - eps) * q[k] * log(p[k]) + eps / C * log(p[k]) for k in range(C))
r38 = -sum((1 - eps) * q[k] * log(p[k]) for k in range(C)) + sum(eps / C * log(p[k]) for k in range(C))
r42 = (1 - eps) * (-sum(q[k] * log(p[k]) for k in range(C))) + eps / C * (-sum(log(p[k]) for k in range(C)))

check(30, r26, r30)
check(34, r30, r34)
check(38, r34, r38)
check(42, r38, r42)

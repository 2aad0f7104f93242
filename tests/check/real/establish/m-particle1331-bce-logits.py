"""Establish m-particle1331-bce-logits.md: binary cross-entropy from a 2-way softmax, sigmoid of the logit gap."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, softmax

p1 = sp.Symbol("p1", positive=True)          # in (0, 1) at the random points
yv = sp.Symbol("y", real=True)
lce = -(1 - yv) * sp.log(1 - p1) - yv * sp.log(p1)
# line 9: cases form, valid for labels y in {0, 1}
check_all(9, [(lce.subs(yv, 0), -sp.log(1 - p1)), (lce.subs(yv, 1), -sp.log(p1))])

s0, s1 = sp.symbols("s0 s1", real=True)
p = softmax([s0, s1])                          # line 23 (definition)
check_all(25, [(p[0], 1 / (1 + sp.exp(s1 - s0))), (p[1], 1 / (1 + sp.exp(-(s1 - s0))))])
ds = s1 - s0
sigmoid = lambda t: 1 / (1 + sp.exp(-t))
check(31, p[1], sigmoid(ds))
check(36, -sp.log(sigmoid(ds)), sp.log(1 + sp.exp(-ds)))

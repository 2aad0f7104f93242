"""Establish k-balmeidas-cross-entropy-kl.md: KL divergence / cross-entropy / entropy identity.
Three outcomes; P, Q positive; H(P) = -sum P log P (the linked [[Entropy]] note), H(P,Q) as on line 11."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec

P = vec("P", 3, positive=True)
Q = vec("Q", 3, positive=True)
H = -sum(p * sp.log(p) for p in P)
HPQ = -sum(p * sp.log(q) for p, q in zip(P, Q))
KL = sum(p * sp.log(p / q) for p, q in zip(P, Q))
r18 = sum(p * sp.log(p) for p in P) - sum(p * sp.log(q) for p, q in zip(P, Q))
check(18, KL, r18)
check(22, KL, -H - sum(p * sp.log(q) for p, q in zip(P, Q)))
check(24, -sum(p * sp.log(q) for p, q in zip(P, Q)), H + KL)
check(25, HPQ, H + KL)

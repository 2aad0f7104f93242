"""g-linlinzhao-cross-entropy-kl.md: H(A,B) = D_KL(A||B) + S_A (3 states)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec

n = 3
pA = vec("pA", n, positive=True)
pB = vec("pB", n, positive=True)
S_A = -sum(p * sp.log(p) for p in pA)
DKL = sum(pA[i] * sp.log(pA[i]) - pA[i] * sp.log(pB[i]) for i in range(n))
H = -sum(pA[i] * sp.log(pB[i]) for i in range(n))
check(44, H, DKL + S_A, positive=pA + pB)

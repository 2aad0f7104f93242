"""Establish e-karpathy-sigmoid-gate.md: local gradients of the gates and the sigmoid derivative."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all

x = sp.Symbol("x", real=True)
a, c = sp.symbols("a c", real=True)
check(14, sp.diff(1 / x, x), -1 / x**2)
check(18, sp.diff(c + x, x), 1)
check(22, sp.diff(sp.exp(x), x), sp.exp(x))
check(26, sp.diff(a * x, x), a)
sig = 1 / (1 + sp.exp(-x))
E = sp.exp(-x)
chain = [sp.diff(sig, x), E / (1 + E) ** 2, ((1 + E - 1) / (1 + E)) * (1 / (1 + E)), (1 - sig) * sig]
check_all(45, [(chain[k], chain[k + 1]) for k in range(3)])

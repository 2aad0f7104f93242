"""Establish c-tkmagesh-l2-regularization.md: the gradient of the L2 penalty term."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check

lam, w = sp.symbols("lambda w_i", real=True)
check(39, sp.diff(lam * w ** 2, w), 2 * lam * w)

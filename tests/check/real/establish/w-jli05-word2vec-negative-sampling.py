"""Establish w-jli05-word2vec-negative-sampling.md (V = 4 words, j* = 1, negatives j_1 = 2, j_2 = 3)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax

u = vec("u", 4, real=True)
y = softmax(u)
# line 16: log y_{j*} = u_{j*} - log sum exp(u)
E_soft = -sp.log(y[0])
check(16, sp.log(y[0]), u[0] - sp.log(sum(sp.exp(t) for t in u)))
# line 19: dE/du_j = y_j - t_j (t one-hot at j* = 1), for every j
check_all(19, [(sp.diff(E_soft, u[j]), y[j] - (1 if j == 0 else 0)) for j in range(4)])
# negative sampling
sig = lambda t: 1 / (1 + sp.exp(-t))
s = sp.Symbol("s", real=True)
sigp = lambda t: sp.diff(sig(s), s).subs(s, t)
p = sig(u[0]) * sig(-u[1]) * sig(-u[2])
E = -sp.log(sig(u[0])) - sp.log(sig(-u[1])) - sp.log(sig(-u[2]))
check(29, -sp.log(p), E)
# line 32-33: j = j*: dE/du = -sigma'(u)/sigma(u) = sigma(u) - 1
check(32, sp.diff(E, u[0]), -sigp(u[0]) / sig(u[0]))
check(32, -sigp(u[0]) / sig(u[0]), sig(u[0]) - 1)
# line 34: negatives: sigma'(-u)/sigma(-u) = 1 - sigma(-u) = sigma(u)
check(34, sp.diff(E, u[1]), sigp(-u[1]) / sig(-u[1]))
check(34, sigp(-u[1]) / sig(-u[1]), 1 - sig(-u[1]))
check(34, 1 - sig(-u[1]), sig(u[1]))
# line 35: otherwise 0 (u_4 does not appear in E)
check(35, sp.diff(E, u[3]), 0)

"""Establish f-esokolov-logistic-regression-logloss.tex: log-loss gives calibrated probabilities, log-odds,
and log-loss of a sigmoid model = logistic loss (ell = 2 objects, 2 features, y in {-1, +1})."""
import os, sys, itertools
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

p = sp.Symbol("p", positive=True)
b = sp.Symbol("b", positive=True)
EL = p * (-sp.log(b)) + (1 - p) * (-sp.log(1 - b))      # E[ -[y=+1] log b - [y=-1] log(1-b) | x ]
r49 = -p * sp.log(b) - (1 - p) * sp.log(1 - b)
check(49, EL, r49)
dE = -p / b + (1 - p) / (1 - b)
check_all(56, [(sp.diff(r49, b), dE), (dE.subs(b, p), 0)])
sol = sp.solve(sp.Eq(dE, 0), b)
print(f"line 69: {'holds' if sol == [p] else 'fails'}")

w = vec("w", 2, real=True)
X = [vec(f"x{i}_", 2, real=True) for i in (1, 2)]
z = [w[0] * xi[0] + w[1] * xi[1] for xi in X]
sig = lambda t: 1 / (1 + sp.exp(-t))
zz = sp.Symbol("zz", real=True)
check(89, zz, sp.log(sig(zz) / (1 - sig(zz))))
ind = lambda cond: 1 if cond else 0
def rows(ys):
    r110 = -sum(ind(y == 1) * sp.log(1 / (1 + sp.exp(-z[i]))) + ind(y == -1) * sp.log(sp.exp(-z[i]) / (1 + sp.exp(-z[i]))) for i, y in enumerate(ys))
    r118 = -sum(ind(y == 1) * sp.log(1 / (1 + sp.exp(-z[i]))) + ind(y == -1) * sp.log(1 / (1 + sp.exp(z[i]))) for i, y in enumerate(ys))
    r127 = sum(sp.log(1 + sp.exp(-y * z[i])) for i, y in enumerate(ys))
    logloss = -sum(ind(y == 1) * sp.log(sig(z[i])) + ind(y == -1) * sp.log(1 - sig(z[i])) for i, y in enumerate(ys))
    return logloss, r110, r118, r127
combos = list(itertools.product([-1, 1], repeat=2))
R = [rows(c) for c in combos]
check_all(110, [(r[0], r[1]) for r in R])
check_all(118, [(r[1], r[2]) for r in R])
check_all(127, [(r[2], r[3]) for r in R])

"""Establish r-angeloyeo-logistic-regression-gradient.md: sigmoid model, BCE error, gradient wrt theta=(a,b)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all

x, a, b = sp.symbols("x a b", real=True)
y = sp.Symbol("y", real=True)
S = lambda t: 1 / (1 + sp.exp(-t))
th = [a, b]
X = [x, sp.Integer(1)]
tX = a * x + b
P = S(tX)
E = -(y * sp.log(P) + (1 - y) * sp.log(1 - P))
grad = lambda f: [sp.diff(f, t) for t in th]

# line 93: sigmoid with parameters a, b inserted -> claimed 1/exp(-(ax+b))
check(93, S(a * x + b), 1 / sp.exp(-(a * x + b)))
# line 136: log(1) = 0
check(136, sp.log(1), 0)
# line 155: one-line E equals the case form for y in {0,1}
u = sp.Symbol("u", positive=True)
Eg = lambda yy, p: -(yy * sp.log(p) + (1 - yy) * sp.log(1 - p))
check_all(155, [(Eg(1, u), -sp.log(u)), (Eg(0, u), -sp.log(1 - u))], positive=(u,))
# line 171: theta^T X = [a b][x;1] = ax+b
check(171, (sp.Matrix([[a, b]]) * sp.Matrix([x, 1]))[0], tX)

dP = grad(P)
e = sp.exp(-tX)
rows_P = {
    175: [sp.diff(1 / (1 + sp.exp(-tX)), t) for t in th],
    179: [(-1) * sp.diff(1 + sp.exp(-tX), t) / (1 + e) ** 2 for t in th],
    183: [(-1) * e * (-Xi) / (1 + e) ** 2 for Xi in X],
    187: [e * Xi / (1 + e) ** 2 for Xi in X],
    191: [e * Xi / ((1 + e) * (1 + e)) for Xi in X],
    195: [(1 / (1 + e)) * (e / (1 + e)) * Xi for Xi in X],
    199: [(1 / (1 + e)) * ((1 + e - 1) / (1 + e)) * Xi for Xi in X],
    203: [P * (1 - P) * Xi for Xi in X],
}
for ln, r in rows_P.items():
    check_all(ln, list(zip(dP, r)))

dE = grad(E)
rows_E = {
    215: [-(y * sp.diff(sp.log(P), t) + (1 - y) * sp.diff(sp.log(1 - P), t)) for t in th],
    219: [-(y * (1 / P) * d + (1 - y) * (1 / (1 - P)) * (-1) * d) for d in dP],
    223: [-(y * (1 / P) * d + (1 - y) * (1 / (1 - P)) * (-1) * d) for d in dP],
    227: [-y * (1 / P) * d + (1 - y) * (1 / (1 - P)) * d for d in dP],
    231: [-y * (1 / P) * P * (1 - P) * Xi + (1 - y) * (1 / (1 - P)) * P * (1 - P) * Xi for Xi in X],
    235: [-y * (1 - P) * Xi + (1 - y) * P * Xi for Xi in X],
    237: [-Xi * y + P * Xi * y + P * Xi - P * Xi * y for Xi in X],
    239: [(P - y) * Xi for Xi in X],
    243: [(P - y) * Xi for Xi in X],
}
for ln, r in rows_E.items():
    check_all(ln, list(zip(dE, r)))
check(249, dE[0], (P - y) * x)
check(253, dE[1], P - y)

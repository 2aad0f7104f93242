"""Establish n-zingale-sigmoid-mse-gradient.md: squared error through a sigmoid layer z = g(A x); N_out = N_in = 2."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all

g = lambda t: 1 / (1 + sp.exp(-t))
A = sp.Matrix(2, 2, sp.symbols("a11 a12 a21 a22", real=True))
x = sp.symbols("x1 x2", real=True)
y = sp.symbols("y1 y2", real=True)
b = [sum(A[i, j] * x[j] for j in range(2)) for i in range(2)]
z = [g(bi) for bi in b]
f = sum((z[i] - y[i]) ** 2 for i in range(2))
idx = [(p, q) for p in range(2) for q in range(2)]
dl = lambda i, p: 1 if i == p else 0
xi = sp.Symbol("xi", real=True)
gp = sp.diff(g(xi), xi)

check_all(13, [(sp.diff(f, A[p, q]), 2 * sum((z[i] - y[i]) * sp.diff(z[i], A[p, q]) for i in range(2))) for p, q in idx])
check_all(18, [(sp.diff(z[i], A[p, q]), gp.subs(xi, b[i]) * sp.diff(b[i], A[p, q])) for i in range(2) for p, q in idx])
check_all(22, [(sp.diff(b[i], A[p, q]), dl(i, p) * x[q]) for i in range(2) for p, q in idx])
check_all(30, [(gp, -(1 + sp.exp(-xi)) ** 2 * (-sp.exp(-xi))),
               (gp, g(xi) * sp.exp(-xi) / (1 + sp.exp(-xi))),
               (gp, g(xi) * (1 - g(xi)))])
check_all(35, [(sp.diff(z[i], A[p, q]), g(b[i]) * (1 - g(b[i])) * dl(i, p) * x[q]) for i in range(2) for p, q in idx]
          + [(g(b[i]) * (1 - g(b[i])) * dl(i, p) * x[q], z[i] * (1 - z[i]) * dl(i, p) * x[q]) for i in range(2) for p, q in idx])
r40 = {(p, q): 2 * sum((z[i] - y[i]) * z[i] * (1 - z[i]) * dl(i, p) * x[q] for i in range(2)) for p, q in idx}
check_all(40, [(sp.diff(f, A[p, q]), r40[p, q]) for p, q in idx])
r42 = {(p, q): 2 * (z[p] - y[p]) * z[p] * (1 - z[p]) * x[q] for p, q in idx}
check_all(42, [(r40[k], r42[k]) for k in idx])
zv, yv, xv = sp.Matrix(z), sp.Matrix(y), sp.Matrix(x)
M = 2 * sp.matrix_multiply_elementwise(sp.matrix_multiply_elementwise(zv - yv, zv), sp.ones(2, 1) - zv) * xv.T
check_all(58, [(sp.diff(f, A[p, q]), M[p, q]) for p, q in idx])

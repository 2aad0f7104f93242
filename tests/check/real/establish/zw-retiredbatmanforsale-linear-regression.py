"""Establish zw-retiredbatmanforsale-linear-regression.md: SSE cost J(m, c) gradients, n = 3 points."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec, D

n = 3
X = vec("x", n, real=True)
Y = vec("y", n, real=True)
m, c = sp.symbols("m c", real=True)
err = [Y[i] - (m * X[i] + c) for i in range(n)]
J = sum(e ** 2 for e in err)

check(34, err[0] ** 2, (Y[0] - (m * X[0] + c)) ** 2)
r48 = sum(2 * err[i] * (-X[i]) for i in range(n))
r59 = -2 * sum(X[i] * err[i] for i in range(n))
check(48, D(J, m), r48)
check(59, D(J, m), r59)
r69 = sum(2 * err[i] * (-1) for i in range(n))
r73 = -2 * sum(err[i] for i in range(n))
check(69, D(J, c), r69)
check(73, D(J, c), r73)
check(81, D(J, m), r59)
check(85, D(J, c), r73)

"""Establish p-laoliu-softmax-ce.md: softmax Jacobian, stable softmax, softmax-CE gradient, sigmoid/softmax relation (C = 3)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax, D

C = 3
z = vec("z", C, real=True)
p = softmax(z)
S = sum(sp.exp(t) for t in z)
# i != j : i = 0, j = 1
i, j = 0, 1
d = D(p[i], z[j])
check(22, d, (0 - sp.exp(z[i]) * sp.exp(z[j])) / S**2)
check(24, d, -sp.exp(z[i]) / S * sp.exp(z[j]) / S)
check(26, d, -p[i] * p[j])
# i = j = 0
i = j = 0
d = D(p[i], z[j])
check(33, d, (sp.exp(z[i]) * S - sp.exp(z[i]) * sp.exp(z[j])) / S**2)
check(35, d, sp.exp(z[i]) * (S - sp.exp(z[j])) / S**2)
check(37, d, sp.exp(z[i]) / S * (S - sp.exp(z[j])) / S)
check(39, d, p[i] * (1 - p[j]))
check(40, d, p[i] - p[i]**2)
# stable softmax with constant E
E = sp.Symbol("E", positive=True)
i = 0
check_all(51, [(p[i], E * sp.exp(z[i]) / (E * S)),
               (p[i], sp.exp(z[i] + sp.log(E)) / sum(sp.exp(t + sp.log(E)) for t in z))])
check(78, -sp.log(p[i]), -sp.log(sp.exp(z[i]) / S))
# CE gradient
y = vec("y", C, real=True)
L = -sum(y[c] * sp.log(p[c]) for c in range(C))
j = 1
dL = D(L, z[j])
r83 = -sum(y[c] * D(sp.log(p[c]), z[j]) for c in range(C))
r85 = -sum(y[c] / p[c] * D(p[c], z[j]) for c in range(C))
check(83, dL, r83)
check(85, r83, r85)
check_all(91, [(D(p[0], z[1]), -p[0] * p[1]), (D(p[2], z[2]), p[2] - p[2]**2)])
r100 = -sum(y[c] / p[c] * (-p[c] * p[j]) for c in range(C) if c != j) - y[j] / p[j] * (p[j] - p[j]**2)
r102 = sum(y[c] * p[j] for c in range(C) if c != j) - y[j] + y[j] * p[j]
r103 = (sum(y[c] for c in range(C) if c != j) + y[j]) * p[j] - y[j]
r104 = p[j] - y[j]
check(98, dL, r85)
check(100, r85, r100)
check(102, r100, r102)
check(103, r102, r103)
# holds-under sum_c y_c = 1 (stated in the document, line 74)
one_hot = {y[0]: 1 - y[1] - y[2]}
check(104, r103, r104, subs=one_hot)
# sigmoid / softmax structure
x = sp.Symbol("x", real=True)
check(111, 1 / (1 + sp.exp(-x)), sp.exp(x) / (1 + sp.exp(x)))
i = 0
Sn = sum(sp.exp(z[c]) for c in range(C) if c != i)
check(115, p[i], (sp.exp(z[i]) / Sn) / (1 + sp.exp(z[i]) / Sn))
# C = 2, i = 1 (first class), z2 = 0, z1 = z
z1, z2 = sp.symbols("z1 z2", real=True)
p2 = softmax([z1, z2])
check(122, p2[0], sp.exp(z1) / (sp.exp(z1) + sp.exp(z2)))
check(123, p2[0], 1 / (1 + sp.exp(z2 - z1)))
check(124, 1 / (1 + sp.exp(z2 - z1)), 1 / (1 + sp.exp(-x)), subs={z2: 0, z1: x})

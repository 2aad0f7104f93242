"""Establish d-awni-logistic-loss.md: gradient of the logistic-regression log-likelihood (n = 2 features)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, equal

sig = lambda t: 1 / (1 + sp.exp(-t))
th = sp.Matrix(sp.symbols("theta1:3", real=True)); x = sp.Matrix(sp.symbols("x1:3", real=True))
y, z = sp.symbols("y z", real=True)
zz = (th.T * x)[0]
L = y * sp.log(sig(zz)) + (1 - y) * sp.log(1 - sig(zz))
grad = sp.Matrix([sp.diff(L, t) for t in th])

# line 22: grad = (y - sigma(x)) x; with one feature the row reads (y - sigma(x)) x, the gradient is (y - sigma(theta x)) x
t1, x1 = sp.symbols("t1 x1", real=True)
L1 = y * sp.log(sig(t1 * x1)) + (1 - y) * sp.log(1 - sig(t1 * x1))
check(22, sp.diff(L1, t1), (y - sig(x1)) * x1)

Lz = y * sp.log(sig(z)) + (1 - y) * sp.log(1 - sig(z))
ds = sp.diff(sig(z), z)
r33 = y / sig(z) * ds - (1 - y) / (1 - sig(z)) * ds
r34 = y / sig(z) * sig(z) * (1 - sig(z)) - (1 - y) / (1 - sig(z)) * sig(z) * (1 - sig(z))
r35 = y * (1 - sig(z)) - (1 - y) * sig(z)
r36 = y - sig(z)
check(33, sp.diff(Lz, z), r33); check(34, r33, r34); check(35, r34, r35); check(36, r35, r36)
dLdz = sp.diff(Lz, z).subs(z, zz)
r43 = dLdz * sp.Matrix([sp.diff(zz, t) for t in th])
print(f"line 43: {'holds' if all(equal(grad[k], r43[k]) for k in range(2)) else 'fails'}")
r44 = (y - sig(zz)) * x
print(f"line 44: {'holds' if all(equal(r43[k], r44[k]) for k in range(2)) else 'fails'}")

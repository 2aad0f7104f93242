"""Establish zzc-nhat-tien-logistic-loss-gradient.md: gradient of the per-sample logistic loss by the chain rule (2 features)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

w = vec("w", 2, real=True)
x = vec("x", 2, real=True)
y = sp.Symbol("y", real=True)
zs = sp.Symbol("z", real=True)
yh = sp.Symbol("yhat", positive=True)
sig = lambda t: 1 / (1 + sp.exp(-t))
z = sum(a * b for a, b in zip(w, x))
Jyh = -(y * sp.log(yh) + (1 - y) * sp.log(1 - yh))         # line 38 as a function of yhat
J = Jyh.subs(yh, sig(z))                                    # and of w
dJ_dyh = sp.diff(Jyh, yh)
dyh_dz = sp.diff(sig(zs), zs)
# line 44: chain rule, componentwise in w
check_all(44, [(sp.diff(J, w[c]), dJ_dyh.subs(yh, sig(z)) * dyh_dz.subs(zs, z) * sp.diff(z, w[c])) for c in range(2)])
# line 60: dJ/dyhat = -y/yhat + (1-y)/(1-yhat)
check(60, dJ_dyh, -y / yh + (1 - y) / (1 - yh))
# line 62: dyhat/dz = e^{-z}/(1+e^{-z})^2 = yhat(1-yhat)
check_all(62, [(dyh_dz, sp.exp(-zs) / (1 + sp.exp(-zs)) ** 2), (dyh_dz, sig(zs) * (1 - sig(zs)))])
# line 63: dz/dw = x
check_all(63, [(sp.diff(z, w[c]), x[c]) for c in range(2)])
# line 70: dJ/dw = (yhat - y) x
check_all(70, [(sp.diff(J, w[c]), (sig(z) - y) * x[c]) for c in range(2)])

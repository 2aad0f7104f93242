"""Establish j-duchesnay-bce-nll-gradient.md: binary NLL, simplified forms, gradient and Hessian."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

sig = lambda t: 1 / (1 + sp.exp(-t))
n, p = 3, 2
w = vec("w", p, real=True)
X = [vec(f"x{i}_", p, real=True) for i in range(n)]
y = vec("y", n, positive=True)
z = [sum(w[k] * X[i][k] for k in range(p)) for i in range(n)]
ph = [sig(zi) for zi in z]
L14 = -sum(sp.log(ph[i] ** y[i] * (1 - ph[i]) ** (1 - y[i])) for i in range(n))   # L_NLL with P = p^y (1-p)^(1-y)

# line 26: L_NLL = -sum log(p^y (1-p)^(1-y))  (substituting line 20 into line 14)
check(26, L14, -sum(sp.log(ph[i] ** y[i] * (1 - ph[i]) ** (1 - y[i])) for i in range(n)))
# line 32: = -sum [y log p + (1-y) log(1-p)]
L32 = -sum(y[i] * sp.log(ph[i]) + (1 - y[i]) * sp.log(1 - ph[i]) for i in range(n))
check(32, L14, L32)
# line 39: log sigma(z) = -log(1+e^{-z}),  log(1 - sigma(z)) = -z - log(1+e^{-z})
s = sp.Symbol("s", real=True)
check_all(39, [(sp.log(sig(s)), -sp.log(1 + sp.exp(-s))), (sp.log(1 - sig(s)), -s - sp.log(1 + sp.exp(-s)))])
# per-sample loss (line 45) and its forms
yy = sp.Symbol("yy", positive=True)
l45 = -(yy * sp.log(sig(s)) + (1 - yy) * sp.log(1 - sig(s)))
l49 = -(yy * (-sp.log(1 + sp.exp(-s))) + (1 - yy) * (-s - sp.log(1 + sp.exp(-s))))
l55 = sp.log(1 + sp.exp(-s)) + (1 - yy) * s
check(49, l45, l49)
check(55, l49, l55)
# line 64: L_NLL = sum [log(1+e^{-z_i}) + (1-y_i) z_i]
L64 = sum(sp.log(1 + sp.exp(-z[i])) + (1 - y[i]) * z[i] for i in range(n))
check(64, L32, L64)
# line 70: "equivalently" L_NLL = sum log(1 + e^{-y_i z_i})  -- only for labels in {-1, 1}; the page has y_i in {0, 1}
L70 = sum(sp.log(1 + sp.exp(-y[i] * z[i])) for i in range(n))
pairs = [(L64.subs({y[0]: a, y[1]: b_, y[2]: c}), L70.subs({y[0]: a, y[1]: b_, y[2]: c}))
         for a in (0, 1) for b_ in (0, 1) for c in (0, 1)]
check_all(70, pairs)
# gradient rows (per sample, generic y)
pz = sp.Symbol("p", positive=True)
li = -(yy * sp.log(pz) + (1 - yy) * sp.log(1 - pz))          # l_i as a function of p
xv = vec("xv", p, real=True)
zi = sum(w[k] * xv[k] for k in range(p))
li_w = li.subs(pz, sig(zi))
dl_dp = sp.diff(li, pz)
# line 108: grad_w l_i = dl/dp * dp/dz * dz/dw
check_all(108, [(sp.diff(li_w, w[k]), dl_dp.subs(pz, sig(zi)) * sp.diff(sig(s), s).subs(s, zi) * sp.diff(zi, w[k])) for k in range(p)])
# line 116: dl/dp = -(y/p - (1-y)/(1-p))
check(116, dl_dp, -(yy / pz - (1 - yy) / (1 - pz)))
# line 121: dp/dz = p(1-p)
check(121, sp.diff(sig(s), s), sig(s) * (1 - sig(s)))
# line 126: dz/dw = x
check_all(126, [(sp.diff(zi, w[k]), xv[k]) for k in range(p)])
# line 132: grad_w l_i = (p - y) x
check_all(132, [(sp.diff(li_w, w[k]), (sig(zi) - yy) * xv[k]) for k in range(p)])
# dataset gradient
grad = [sp.diff(L32, w[k]) for k in range(p)]
g_sum = [sum((ph[i] - y[i]) * X[i][k] for i in range(n)) for k in range(p)]
Xm = sp.Matrix([[X[i][k] for k in range(p)] for i in range(n)])
g_mat = Xm.T * sp.Matrix([ph[i] - y[i] for i in range(n)])
for ln in (141, 155, 185, 201):
    check_all(ln, [(grad[k], g_sum[k]) for k in range(p)])
for ln in (147, 159):
    check_all(ln, [(grad[k], g_mat[k]) for k in range(p)])
# Hessian rows
H = [[sp.diff(L32, w[j], w[k]) for k in range(p)] for j in range(p)]
# line 209: Hessian = sum_i grad_w[(p_i - y_i) x_i]  (Jacobian of each summand)
J209 = [[sum(sp.diff((ph[i] - y[i]) * X[i][j], w[k]) for i in range(n)) for k in range(p)] for j in range(p)]
check_all(209, [(H[j][k], J209[j][k]) for j in range(p) for k in range(p)])
# line 215: grad_w p_i = sigma'(z_i) grad z_i = p_i(1-p_i) x_i
check_all(215, [(sp.diff(ph[0], w[k]), ph[0] * (1 - ph[0]) * X[0][k]) for k in range(p)])
# line 221: grad_w[(p_i - y_i) x_i] = p_i(1-p_i) x_i x_i^T
check_all(221, [(sp.diff((ph[0] - y[0]) * X[0][j], w[k]), ph[0] * (1 - ph[0]) * X[0][j] * X[0][k]) for j in range(p) for k in range(p)])
Hsum = [[sum(ph[i] * (1 - ph[i]) * X[i][j] * X[i][k] for i in range(n)) for k in range(p)] for j in range(p)]
Smat = sp.diag(*[ph[i] * (1 - ph[i]) for i in range(n)])
Hmat = Xm.T * Smat * Xm
for ln in (228, 255):
    check_all(ln, [(H[j][k], Hsum[j][k]) for j in range(p) for k in range(p)])
for ln in (246, 259):
    check_all(ln, [(H[j][k], Hmat[j, k]) for j in range(p) for k in range(p)])

"""a-mattpetersen-softmax-ce-matrix.md: row-vector matrix calculus for softmax + CE, n = 3.

Row vectors: s = softmax(x) is 1 x n, y is 1 x n, gradients are rows, the Jacobian J[i, j] = ds_i/dx_j.
Division y/s and log s are elementwise; S^{repeated row} is the n x n matrix whose rows all equal s.
"""
import sympy as sp
from _common import vec, softmax, check, check_all, equal, D

n = 3
x, y = vec("x", n), vec("y", n)
c = sp.Symbol("c")
s = softmax(x)
E = [sp.exp(v) for v in x]
S = sum(E)
R = range(n)
check_all(57, [(softmax([v + c for v in x])[i], sp.exp(x[i] + c) / sum(sp.exp(v + c) for v in x)) for i in R])
check_all(58, [(sp.exp(x[i] + c) / sum(sp.exp(v + c) for v in x), E[i] * sp.exp(c) / sum(e * sp.exp(c) for e in E)) for i in R])
check_all(59, [(E[i] * sp.exp(c) / sum(e * sp.exp(c) for e in E), E[i] / S) for i in R])
check_all(102, [(D(s[i], x[i]), (S * E[i] - E[i] * E[i]) / S**2) for i in R])
check_all(104, [((S * E[i] - E[i] * E[i]) / S**2, s[i] - s[i]**2) for i in R])
diff = [(i, j) for i in R for j in R if i != j]
check_all(115, [(D(s[i], x[j]), (S * 0 - E[i] * E[j]) / S**2) for i, j in diff])
check_all(117, [((S * 0 - E[i] * E[j]) / S**2, -s[i] * s[j]) for i, j in diff])
J = sp.Matrix(n, n, lambda i, j: D(s[i], x[j]))
written = sp.Matrix(n, n, lambda i, j: s[i] - s[i]**2 if i == j else -s[i] * s[j])
srow = sp.Matrix([s])
check_all(131, [(J[i, j], written[i, j]) for i in R for j in R])
outer = srow.T * srow
check_all(141, [(J[i, j], (sp.diag(*s) - outer)[i, j]) for i in R for j in R])
yrow = sp.Matrix([y])
H = -sum(y[i] * sp.log(s[i]) for i in R)
logs_row = sp.Matrix([[sp.log(t) for t in s]])
check(195, -sum(y[i] * sp.log(s[i]) for i in R), (-(yrow * logs_row.T))[0, 0])
# gradient w.r.t. s: treat s as independent positive variables q
q = vec("q", n, positive=True)
Hq = -sum(y[i] * sp.log(q[i]) for i in R)
grad_s = sp.Matrix([[D(Hq, t) for t in q]])
ylogq = (yrow * sp.Matrix([[sp.log(t) for t in q]]).T)[0, 0]
g236 = -sp.Matrix([[D(ylogq, t) for t in q]])
jac_log = sp.Matrix(n, n, lambda i, j: D(sp.log(q[i]), q[j]))
g237 = -(yrow * jac_log)
g238 = -(yrow * sp.diag(*[1 / t for t in q]))
g239 = -sp.Matrix([[y[i] / q[i] for i in R]])
check_all(235, [(grad_s[i], g236[i]) for i in R])
check_all(237, [(g236[i], g237[i]) for i in R])
check_all(238, [(g237[i], g238[i]) for i in R])
check_all(239, [(g238[i], g239[i]) for i in R])
grad_x = sp.Matrix([[D(H, v) for v in x]])
gs = g239.subs(dict(zip(q, s)))
check_all(271, [(grad_x[i], (gs * J)[i]) for i in R])
ys = sp.Matrix([[y[i] / s[i] for i in R]])
r277 = -ys * (sp.diag(*s) - outer)
r281 = ys * outer - ys * sp.diag(*s)
Srep = sp.Matrix(n, n, lambda i, j: s[j])
r283 = yrow * Srep - yrow
r284 = srow - yrow
cond = {y[n - 1]: 1 - sum(y[:n - 1])}
check_all(277, [(grad_x[i], r277[i]) for i in R])
check_all(281, [(r277[i], r281[i]) for i in R])
check_all(283, [(r281[i], r283[i]) for i in R])
check_all(284, [(r283[i], r284[i]) for i in R], subs=cond)
# line 62 (inline kramdown $$...$$): e^{x_max - x_max} = 1
xm = sp.Symbol("x_max")
check(62, sp.exp(xm - xm), 1)

"""zu-mayankmishra-softmax-backward.md: softmax backward pass (vector-Jacobian product),
row-wise softmax over H = 3 columns of a B = 2 batch.

L is a generic (non-linear) scalar function of the outputs Y; dL/dy_bh means its partial
derivative evaluated at y = softmax(x).  Every row is compared with the true dL/dx_ij,
for every (i, j).
"""
import sympy as sp
from _common import check, check_all, D

B, H = 2, 3
x = [[sp.Symbol(f"x{b+1}{h+1}") for h in range(H)] for b in range(B)]
Yv = [[sp.Symbol(f"Y{b+1}{h+1}", positive=True) for h in range(H)] for b in range(B)]
a = [[sp.Symbol(f"a{b+1}{h+1}") for h in range(H)] for b in range(B)]
c = sp.Symbol("c")
LY = sum(a[b][h] * Yv[b][h] for b in range(B) for h in range(H)) + c * Yv[0][0] * Yv[1][2]
Z = [sum(sp.exp(x[b][k]) for k in range(H)) for b in range(B)]
y = [[sp.exp(x[b][h]) / Z[b] for h in range(H)] for b in range(B)]
at = {Yv[b][h]: y[b][h] for b in range(B) for h in range(H)}
L = LY.subs(at)
G = [[D(LY, Yv[b][h]).subs(at) for h in range(H)] for b in range(B)]   # dL/dy_bh
BH = [(b, h) for b in range(B) for h in range(H)]
IJ = BH
e = lambda b, h: sp.exp(x[b][h])

rows = {
    13: lambda i, j: sum(G[b][h] * D(y[b][h], x[i][j]) for b, h in BH),
    14: lambda i, j: sum(G[b][h] * D(e(b, h) / Z[b], x[i][j]) for b, h in BH),
    15: lambda i, j: sum(G[b][h] / Z[b]**2 * (Z[b] * D(e(b, h), x[i][j]) - e(b, h) * D(Z[b], x[i][j])) for b, h in BH),
    16: lambda i, j: sum(G[b][h] / Z[b] * D(e(b, h), x[i][j]) for b, h in BH)
                     - sum(G[b][h] * e(b, h) / Z[b]**2 * D(Z[b], x[i][j]) for b, h in BH),
    17: lambda i, j: sum(G[b][h] * e(b, h) / Z[b] * D(x[b][h], x[i][j]) for b, h in BH)
                     - sum(G[b][h] * e(b, h) / Z[b]**2 * D(sum(e(b, k) for k in range(H)), x[i][j]) for b, h in BH),
    18: lambda i, j: G[i][j] * y[i][j] - sum(G[b][h] * e(b, h) / Z[b]**2 * D(e(b, j), x[i][j]) for b, h in BH),
    19: lambda i, j: G[i][j] * y[i][j] - sum(G[i][h] * e(i, h) / Z[i]**2 * D(e(i, j), x[i][j]) for h in range(H)),
    20: lambda i, j: G[i][j] * y[i][j] - sum(G[i][h] * e(i, h) / Z[i]**2 * e(i, j) for h in range(H)),
    21: lambda i, j: G[i][j] * y[i][j] - sum(G[i][h] * y[i][j] * y[i][h] for h in range(H)),
    22: lambda i, j: y[i][j] * (G[i][j] - sum(G[i][h] * y[i][h] for h in range(H))),
    26: lambda i, j: y[i][j] * (G[i][j] - sum(G[i][h] * y[i][h] for h in range(H))),
}
# after differentiating, write e^{x_bh} = u_bh > 0 (a bijection), so the comparison is
# between rational functions and runs fast
u = {sp.exp(x[b][h]): sp.Symbol(f"u{b+1}{h+1}", positive=True) for b, h in BH}
U = lambda t: sp.sympify(t).subs(u)
true = {(i, j): U(D(L, x[i][j])) for i, j in IJ}
for line, f in rows.items():
    check_all(line, [(true[i, j], U(f(i, j))) for i, j in IJ])

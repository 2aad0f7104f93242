"""Establish l-septa97-mse-gradient.md: gradient of MSE = 1/(2n) sum (y - w.x)^2 (n = 2 samples, m = 3 features)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, vec

n, m = 2, 3
w = vec("w", m, real=True)                      # w1..w3 play w_0..w_{m-1}
X = [vec(f"x{i}_", m, real=True) for i in range(n)]  # x_{i,j}: feature j of sample i
Y = vec("y", n, real=True)
pred = [sum(w[j] * X[i][j] for j in range(m)) for i in range(n)]     # y_prediction (line 12)
u = [Y[i] - pred[i] for i in range(n)]                                # u (line 28)
MSE = sp.Rational(1, 2 * n) * sum(u[i] ** 2 for i in range(n))        # line 16

# line 32: MSE = 1/(2n) sum u^2
check(32, MSE, sp.Rational(1, 2 * n) * sum(ui ** 2 for ui in u))

# lines 38 / 56: chain rule dMSE/dw0 = dMSE/du * du/dw0 (u is per sample, product summed over samples)
U = vec("U", n, real=True)
MSE_U = sp.Rational(1, 2 * n) * sum(Ui ** 2 for Ui in U)
chain = sum(sp.diff(MSE_U, U[i]).subs({U[k]: u[k] for k in range(n)}) * sp.diff(u[i], w[0]) for i in range(n))
check(38, sp.diff(MSE, w[0]), chain)
check(56, sp.diff(MSE, w[0]), chain)

# line 50: du/dw0 = x0   (true value is -x0)
check(50, sp.diff(u[0], w[0]), X[0][0])

# line 60: dMSE/dw0 = 1/n sum (u) * x0
check(60, sp.diff(MSE, w[0]), sp.Rational(1, n) * sum(u[i] * X[i][0] for i in range(n)))
# line 66: the same with u substituted
check(66, sp.diff(MSE, w[0]), sp.Rational(1, n) * sum((Y[i] - pred[i]) * X[i][0] for i in range(n)))
# line 72: with y_prediction substituted
check(72, sp.diff(MSE, w[0]), sp.Rational(1, n) * sum((Y[i] - pred[i]) * X[i][0] for i in range(n)))
# line 78: dMSE/dw1
check(78, sp.diff(MSE, w[1]), sp.Rational(1, n) * sum((Y[i] - pred[i]) * X[i][1] for i in range(n)))
# line 86: dMSE/dw_{m-1}
check(86, sp.diff(MSE, w[m - 1]), sp.Rational(1, n) * sum((Y[i] - pred[i]) * X[i][m - 1] for i in range(n)))

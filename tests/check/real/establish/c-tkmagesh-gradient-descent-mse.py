"""Establish c-tkmagesh-gradient-descent-mse.md: MSE gradients for yhat = m x + b and one worked step.
Symbolic rows with n = 3; numeric rows with the data (1,2), (2,3), (3,5), m = b = 0, alpha = 0.01."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check

R = sp.Rational
n = 3
mm, bb = sp.symbols("m b", real=True); X = sp.symbols("x1:4", real=True); Y = sp.symbols("y1:4", real=True)
yh = [mm * X[i] + bb for i in range(n)]
MSE = R(1, n) * sum((Y[i] - yh[i]) ** 2 for i in range(n))
check(39, sp.diff(MSE, mm), -R(2, n) * sum(X[i] * (Y[i] - yh[i]) for i in range(n)))
check(43, sp.diff(MSE, bb), -R(2, n) * sum(Y[i] - yh[i] for i in range(n)))
data = {X[0]: 1, X[1]: 2, X[2]: 3, Y[0]: 2, Y[1]: 3, Y[2]: 5, mm: 0, bb: 0}
xs = sp.Symbol("x")
print(f"line 84: {'holds' if (0 * xs + 0) == 0 else 'fails'}")
gm = sp.diff(MSE, mm).subs(data); gb = sp.diff(MSE, bb).subs(data)
links90 = [gm, -R(2, 3) * ((1 * (2 - 0)) + (2 * (3 - 0)) + (3 * (5 - 0))), -R(2, 3) * (1 * 2 + 2 * 3 + 3 * 5),
           -R(2, 3) * (2 + 6 + 15), -R(2, 3) * 23]
ok90 = all(sp.simplify(links90[i] - links90[i + 1]) == 0 for i in range(len(links90) - 1)) and abs(sp.N(gm, 40) - sp.Float("-15.33", 40)) <= sp.Float("0.005", 40)
print(f"line 90: {'holds' if ok90 else 'fails'}")
links93 = [gb, -R(2, 3) * ((2 - 0) + (3 - 0) + (5 - 0)), -R(2, 3) * (2 + 3 + 5), -R(2, 3) * 10]
ok93 = all(sp.simplify(links93[i] - links93[i + 1]) == 0 for i in range(len(links93) - 1)) and abs(sp.N(gb, 40) - sp.Float("-6.67", 40)) <= sp.Float("0.005", 40)
print(f"line 93: {'holds' if ok93 else 'fails'}")
print(f"line 98: {'holds' if 0 - (R(1, 100) * R(-1533, 100)) == R(1533, 10000) else 'fails'}")
print(f"line 101: {'holds' if 0 - (R(1, 100) * R(-667, 100)) == R(667, 10000) else 'fails'}")

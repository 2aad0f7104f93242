import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, D

# size: n = 2 features (+ intercept row of ones), m = 4 samples
n1, m = 3, 4
th = sp.Matrix(vec('t', n1, real=True))            # theta_0..theta_2
Xs = sp.Matrix(n1, m, lambda r, c: 1 if r == 0 else sp.Symbol(f'x{r}_{c}', real=True))
Y = sp.Matrix(1, m, vec('y', m, real=True))       # row vector
lam = sp.Symbol('lam', positive=True)
h = lambda i: (th.T * Xs[:, i])[0]
J = sp.Rational(1, 2 * m) * sum((h(i) - Y[i]) ** 2 for i in range(m))
R = th.T * Xs - Y                                  # 1 x m

# line 22: sum form == vectorised form
check(22, J, sp.Rational(1, 2 * m) * (R * R.T)[0])
# line 30: partial derivatives
check_all(30, [(D(J, th[j]), sp.Rational(1, m) * sum((h(i) - Y[i]) * Xs[j, i] for i in range(m))) for j in range(n1)])
# line 35: gradient vectorised
G = sp.Rational(1, m) * Xs * R.T
check_all(35, [(D(J, th[j]), G[j]) for j in range(n1)])

# normal equations: use concrete rational design matrix (invertible X X^T), symbolic Y
Xc = sp.Matrix([[1, 1, 1, 1], [sp.Rational(1, 2), -1, 2, 3], [2, sp.Rational(1, 3), -1, 1]])
def Jc(thv, reg=False):
    Rc = thv.T * Xc - Y
    val = sp.Rational(1, 2 * m) * (Rc * Rc.T)[0]
    if reg:
        val += sp.Rational(1, 2 * m) * lam * sum(thv[j] ** 2 for j in range(1, n1))
    return val
# line 46: theta = (X X^T)^{-1} X Y^T is a stationary point of J
ts = (Xc * Xc.T).inv() * Xc * Y.T
gJ = [D(Jc(th), th[j]).subs(dict(zip(th, ts))) for j in range(n1)]
check_all(46, [(g, 0) for g in gJ])

# regularised
Jr = sp.Rational(1, 2 * m) * (sum((h(i) - Y[i]) ** 2 for i in range(m)) + lam * sum(th[j] ** 2 for j in range(1, n1)))
thhat = sp.Matrix([0] + list(th[1:]))
# line 63: vectorised regularised cost
check(63, Jr, sp.Rational(1, 2 * m) * ((R * R.T)[0] + lam * (thhat.T * thhat)[0]))
# line 68: regularised gradient
Gr = sp.Rational(1, m) * (Xs * R.T + lam * thhat)
check_all(68, [(D(Jr, th[j]), Gr[j]) for j in range(n1)])
# line 74: regularised normal equation gives a stationary point of J_reg
L = sp.diag(0, *([1] * (n1 - 1)))
tr = (Xc * Xc.T + lam * L).inv() * Xc * Y.T
gr = [D(Jc(th, reg=True), th[j]).subs(dict(zip(th, tr))) for j in range(n1)]
check_all(74, [(g, 0) for g in gr], positive=(lam,))

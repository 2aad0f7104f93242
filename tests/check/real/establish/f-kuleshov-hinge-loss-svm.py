"""Establish f-kuleshov-hinge-loss-svm.md: slack variables -> hinge loss, hinge-loss gradient (d = 2 features)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec

# line 52: the smallest xi with xi >= a and xi >= 0 is max(a, 0) =: (a)^+
a = sp.Symbol("a", real=True)
xi = sp.Symbol("xi", real=True)
ok = True
for av in [sp.Rational(-3, 2), sp.Rational(-1, 4), 0, sp.Rational(1, 3), 2]:
    s1 = sp.solve_univariate_inequality(xi >= av, xi, relational=False)
    s2 = sp.solve_univariate_inequality(xi >= 0, xi, relational=False)
    sol = sp.Intersection(s1, s2)
    ok &= (sol.inf == sp.Max(av, 0)) and (sp.Max(av, 0) == sp.Piecewise((av, av > 0), (0, True)))
print(f"line 52: {'holds' if ok else 'fails'}")

th = vec("theta", 2, real=True)
x = vec("x", 2, real=True)
th0 = sp.Symbol("theta0", real=True)
y = sp.Symbol("y", real=True)
check(116, th0 + th[0] * x[0] + th[1] * x[1], th[0] * x[0] + th[1] * x[1] + th0)
f_lin = th[0] * x[0] + th[1] * x[1]          # 'a linear f': f_theta(x) = theta^T x
for line in (156, 163, 171, 179, 187):
    check(line, sp.Max(1 - y * f_lin, 0), sp.Max(1 - y * (th[0] * x[0] + th[1] * x[1]), 0))
# line 165: in the regime y f < 1, J = 1 - y f and grad J = -y grad f = -y x
Jlin = 1 - y * f_lin
check_all(165, [(sp.diff(Jlin, th[k]), -y * sp.diff(f_lin, th[k])) for k in range(2)] + [(-y * sp.diff(f_lin, th[k]), -y * x[k]) for k in range(2)])
# line 189: the proposed direction vs the actual gradient of J = max(1 - y theta^T x, 0) away from the kink
pts = [{y: 1, x[0]: 2, x[1]: 1, th[0]: 1, th[1]: 1},            # y f = 3 > 1 : J = 0
       {y: 1, x[0]: 1, x[1]: -1, th[0]: sp.Rational(1, 4), th[1]: 0}]   # y f = 1/4 < 1 : J = 1 - y f
J = sp.Max(1 - y * f_lin, 0)
ok = True
for pt in pts:
    yf = (y * f_lin).subs(pt)
    prop = [(-y * x[k]).subs(pt) if yf > 1 else 0 for k in range(2)]
    true = [sp.diff(sp.Piecewise((0, y * f_lin > 1), (1 - y * f_lin, True)), th[k]).subs(pt) for k in range(2)]
    ok &= all(sp.simplify(p_ - t_) == 0 for p_, t_ in zip(prop, true))
print(f"line 189: {'holds' if ok else 'fails'}")

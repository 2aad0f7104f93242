"""Establish d-joramsoch-poisson-mle.md: Poisson log-likelihood, its derivatives and the MLE (n = 3)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, equal

def say(line, ok):
    print(f"line {line}: {'holds' if ok else 'fails'}")

n = 3
ys = sp.symbols("y1:4", positive=True, integer=True)
lam = sp.Symbol("lambda", positive=True)
pmf = lambda yi: lam ** yi * sp.exp(-lam) / sp.factorial(yi)
lik = sp.Mul(*[pmf(yi) for yi in ys])
LL = sp.expand_log(sp.log(lik), force=True)
ybar = sum(ys) / n
pt = [{ys[0]: 2, ys[1]: 5, ys[2]: 1, lam: sp.Rational(7, 3)}, {ys[0]: 4, ys[1]: 0, ys[2]: 3, lam: sp.Rational(1, 2)}]

def num_eq(a, b):
    return all(abs(sp.N(sp.sympify(a).subs(p) - sp.sympify(b).subs(p), 40)) < 1e-30 for p in pt)

# line 33 / 87: the stationary point of LL is lambda = ybar
sol = sp.solve(sp.Eq(sp.diff(LL, lam), 0), lam)
say(33, len(sol) == 1 and sp.simplify(sol[0] - ybar) == 0)
# line 52: prod p(y_i|lambda) = prod lambda^y_i exp(-lambda) / y_i!
say(52, num_eq(lik, sp.Mul(*[lam ** yi * sp.exp(-lam) / sp.factorial(yi) for yi in ys])))
# line 58: LL = log p(y|lambda) = log[prod ...]
say(58, num_eq(sp.log(lik), LL))
# lines 65-68 (split environment)
r65 = sum(sp.log(pmf(yi)) for yi in ys)
r66 = sum(yi * sp.log(lam) - lam - sp.log(sp.factorial(yi)) for yi in ys)
r67 = -sum(lam for _ in ys) + sum(yi * sp.log(lam) for yi in ys) - sum(sp.log(sp.factorial(yi)) for yi in ys)
r68 = -n * lam + sp.log(lam) * sum(ys) - sum(sp.log(sp.factorial(yi)) for yi in ys)
say(65, num_eq(LL, r65)); say(66, num_eq(r65, r66)); say(67, num_eq(r66, r67)); say(68, num_eq(r67, r68))
# lines 76-77: derivatives
d1 = sp.diff(r68, lam); d2 = sp.diff(r68, lam, 2)
check(76, d1, sum(ys) / lam - n)
check(77, d2, -sum(ys) / lam ** 2)
# line 86: 0 = (1/lambda_hat) sum y - n at the stationary point lambda_hat = ybar
say(86, sp.simplify((sum(ys) / lam - n).subs(lam, ybar)) == 0)
say(87, len(sol) == 1 and equal(sol[0], sum(ys) / n) and equal(sum(ys) / n, ybar))
# lines 95-97: second derivative at lambda_hat = ybar
v95 = d2.subs(lam, ybar)
say(95, equal(v95, -sum(ys) / ybar ** 2))
say(96, equal(-sum(ys) / ybar ** 2, -n * ybar / ybar ** 2))
ok97 = equal(-n * ybar / ybar ** 2, -n / ybar) and all(sp.N((-n / ybar).subs(p)) < 0 for p in pt)
say(97, ok97)

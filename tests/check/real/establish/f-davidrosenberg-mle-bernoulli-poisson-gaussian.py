"""Establish f-davidrosenberg-mle-bernoulli-poisson-gaussian.tex: MLE definitions, Poisson MLE, Bernoulli
(logistic-type) likelihood, Poisson regression and Gaussian regression log-likelihoods (n = 3, d = 2)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, equal

n = 3
lam, th, thhat = sp.symbols("lambda theta thetahat", positive=True)
k = vec("k", n, positive=True)
pois = lambda kk, l: l**kk * sp.exp(-l) / sp.factorial(kk)
# line 11: argmax over theta of log p(D, thetahat) - the objective does not depend on theta
obj11 = sum(sp.log(pois(k[i], thhat)) for i in range(n))
obj = sum(sp.log(pois(k[i], th)) for i in range(n))
print(f"line 11: {'holds' if equal(sp.diff(obj11, th), sp.diff(obj, th)) else 'fails'}")
check(12, sp.log(sp.Mul(*[pois(k[i], th) for i in range(n)])), obj)
kk = sp.Symbol("kk", positive=True)
check(63, sp.log(pois(kk, lam)), kk * sp.log(lam) - lam - sp.log(sp.factorial(kk)))
ll = sum(k[i] * sp.log(lam) - lam - sp.log(sp.factorial(k[i])) for i in range(n))
check(69, sp.log(sp.Mul(*[pois(k[i], lam) for i in range(n)])), ll)
check(80, sp.log(sp.Mul(*[pois(k[i], lam) for i in range(n)])), ll)
dl = sum(k[i] / lam - 1 for i in range(n))
mean = sum(k) / n
check_all(86, [(sp.diff(ll, lam), dl), (dl.subs(lam, mean), 0)])
print(f"line 87: {'holds' if sp.solve(sp.Eq(dl, 0), lam) == [mean] else 'fails'}")

# Bernoulli regression, f generic transfer function values F_i = f(w^T x_i) in (0, 1)
F = vec("F", n, positive=True)
yv = sp.Symbol("yv")
cases = {1: F[0], 0: 1 - F[0]}
check_all(219, [(cases[v], F[0]**v * (1 - F[0])**(1 - v)) for v in (0, 1)])
import itertools
ok232 = True
for ys in itertools.product([0, 1], repeat=n):
    prod_cases = sp.Mul(*[F[i] if ys[i] == 1 else 1 - F[i] for i in range(n)])
    ok232 &= equal(prod_cases, sp.Mul(*[F[i]**ys[i] * (1 - F[i])**(1 - ys[i]) for i in range(n)]))
print(f"line 232: {'holds' if ok232 else 'fails'}")
y = vec("y", n, real=True)
lik = sp.Mul(*[F[i]**y[i] * (1 - F[i])**(1 - y[i]) for i in range(n)])
check(238, sp.log(lik), sum(y[i] * sp.log(F[i]) + (1 - y[i]) * sp.log(1 - F[i]) for i in range(n)),
      subs={F[0]: sp.Rational(1, 3), F[1]: sp.Rational(3, 4), F[2]: sp.Rational(1, 2)})

# Poisson regression
w = vec("w", 2, real=True)
X = [vec(f"x{i}_", 2, real=True) for i in range(1, n + 1)]
wx = [w[0] * X[i][0] + w[1] * X[i][1] for i in range(n)]
yk = vec("yk", n, positive=True)
check(309, sp.log(pois(yk[0], lam)), yk[0] * sp.log(lam) - lam - sp.log(sp.factorial(yk[0])))
r322 = sum(yk[i] * sp.log(sp.exp(wx[i])) - sp.exp(wx[i]) - sp.log(sp.factorial(yk[i])) for i in range(n))
r323 = sum(yk[i] * wx[i] - sp.exp(wx[i]) - sp.log(sp.factorial(yk[i])) for i in range(n))
check(322, sum(sp.log(pois(yk[i], sp.exp(wx[i]))) for i in range(n)), r322)
check(323, r322, r323)

# Gaussian regression, sigma known
s = sp.Symbol("sigma", positive=True)
yr = vec("yr", n, real=True)
dens = lambda i: 1 / (s * sp.sqrt(2 * sp.pi)) * sp.exp(-(yr[i] - wx[i])**2 / (2 * s**2))
r416 = sum(sp.log(dens(i)) for i in range(n))
r417 = sum(sp.log(1 / (s * sp.sqrt(2 * sp.pi)) * sp.exp(-(yr[i] - wx[i])**2 / (2 * s**2))) for i in range(n))
r418 = sum(sp.log(1 / (s * sp.sqrt(2 * sp.pi))) for i in range(n)) + sum(-(yr[i] - wx[i])**2 / (2 * s**2) for i in range(n))
check(417, r416, r417)
check(418, r417, r418)
# line 436: argmax of the log-likelihood = argmin of the squared error: loglik = const - SSE/(2 sigma^2)
SSE = sum((yr[i] - wx[i])**2 for i in range(n))
check_all(436, [(sp.diff(r418, wj), sp.diff(-SSE / (2 * s**2), wj)) for wj in w])

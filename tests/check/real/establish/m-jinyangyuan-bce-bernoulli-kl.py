"""Establish m-jinyangyuan-bce-bernoulli-kl.md: Bernoulli cross-entropy with logits, Bernoulli/Gaussian log-probabilities and KL."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all

a = sp.Symbol("alpha", positive=True)          # 0 < alpha < 1 (random points are in (0.05, 0.95))
beta = sp.Symbol("beta", real=True)
sig = lambda t: 1 / (1 + sp.exp(-t))
H = -(a * sp.log(sig(beta)) + (1 - a) * sp.log(1 - sig(beta)))          # line 5

# line 9: chain of four equalities for log(1 - sigma(beta))
lhs = sp.log(1 - sig(beta))
steps = [sp.log(1 - 1 / (1 + sp.exp(-beta))),
         sp.log(sp.exp(-beta) / (1 + sp.exp(-beta))),
         -beta + sp.log(1 / (1 + sp.exp(-beta))),
         sp.log(sig(beta)) - beta]
check_all(9, [(lhs, t) for t in steps])
# line 13
check(13, H, -(sp.log(sig(beta)) + (a - 1) * beta))
# line 25: Bernoulli log-probability (alpha as the observation)
logp = a * sp.log(sig(beta)) + (1 - a) * sp.log(1 - sig(beta))
check_all(25, [(logp, a * sp.log(sig(beta)) + (1 - a) * sp.log(1 - sig(beta))),
              (logp, sp.log(sig(beta)) + (a - 1) * beta)])
# line 31: KL(Bern(alpha) || Bern(sigma(beta))) = const - (log sigma(beta) + (alpha-1) beta),
# const = alpha log alpha + (1-alpha) log(1-alpha) (the alpha-only terms, as the text says)
KL = a * sp.log(a / sig(beta)) + (1 - a) * sp.log((1 - a) / (1 - sig(beta)))
first = (a * sp.log(a) + (1 - a) * sp.log(1 - a)) - (a * sp.log(sig(beta)) + (1 - a) * sp.log(1 - sig(beta)))
const = a * sp.log(a) + (1 - a) * sp.log(1 - a)
check_all(31, [(KL, first), (KL, const - (sp.log(sig(beta)) + (a - 1) * beta))])

# Gaussian part: p = Normal(alpha, s) with variance s
x = sp.Symbol("x", real=True)
s = sp.Symbol("s", positive=True)
bb = sp.Symbol("b", real=True)      # beta as a Gaussian mean
aa = sp.Symbol("a", real=True)      # alpha as a pixel value / mean
logN = sp.log(1 / sp.sqrt(2 * sp.pi * s) * sp.exp(-(aa - bb) ** 2 / (2 * s)))
r41 = -sp.Rational(1, 2) * (sp.log(2 * sp.pi * s) + (aa - bb) ** 2 / s)
check_all(41, [(logN, r41), (logN, -sp.Rational(1, 2) * sp.log(2 * sp.pi * s) - (aa - bb) ** 2 / (2 * s))])  # const = -log(2 pi s)/2
# line 50: KL(N(alpha, s) || N(beta, s)) = (alpha - beta)^2 / (2 s), via the integral
pdf = lambda m: 1 / sp.sqrt(2 * sp.pi * s) * sp.exp(-(x - m) ** 2 / (2 * s))
logratio = sp.expand(sp.expand_log(sp.log(pdf(aa) / pdf(bb)), force=True))
KLg = sp.simplify(sp.integrate(sp.expand(pdf(aa) * logratio), (x, -sp.oo, sp.oo)))
mid = -sp.Rational(1, 2) * (sp.log(2 * sp.pi * s) + 1) + sp.Rational(1, 2) * (sp.log(2 * sp.pi * s) + (s + (aa - bb) ** 2) / s)
check_all(50, [(KLg, mid), (KLg, (aa - bb) ** 2 / (2 * s))])

"""Establish zzj-laloroe-sigmoid-tanh-derivatives.md (Eduardo Ortiz Romero, LaloRoe/LaloRoe):
sigmoid with slope parameter s > 0, its derivative, the logistic case s = 1, tanh = 2 sigma(x;2) - 1 and
its derivative, limits, and the Gaussian e^{-x^2}.

sigma(x;s) = 1/(1+e^{-sx}) (line 24), s > 0 (stated on line 22).  Limits are computed with sympy.limit.
Continuation rows '= X' (lines 54, 64, 135, 137) are compared with the last member of the row above.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, D

x = sp.Symbol("x", real=True)
s = sp.Symbol("s", positive=True)
xp = sp.Symbol("xp", positive=True)   # x > 0 (line 38)
xn = sp.Symbol("xn", negative=True)   # x < 0 (line 42)
sig = lambda t, ss: 1 / (1 + sp.exp(-ss * t))
S = sig(x, s)
oo = sp.oo

# line 28 / 30: limits in x (s > 0)
check(28, sp.limit(S, x, oo), 1)
check(30, sp.limit(S, x, -oo), 0)
# line 40: lim_{s->oo} sigma(x;s) = 1 for x > 0 ; line 44: = 0 for x < 0
check(40, sp.limit(sig(xp, s), s, oo), 1)
check(44, sp.limit(sig(xn, s), s, oo), 0)

# line 52: 1 - sigma = 1 - 1/(1+e^{-sx}) = e^{-sx}/(1+e^{-sx})
check_all(52, [(1 - S, 1 - 1 / (1 + sp.exp(-s * x))),
               (1 - 1 / (1 + sp.exp(-s * x)), sp.exp(-s * x) / (1 + sp.exp(-s * x)))])
# line 54: = 1/(1+e^{sx}) = 1/(1+e^{-s(-x)}) = sigma(-x;s)
prev = sp.exp(-s * x) / (1 + sp.exp(-s * x))
check_all(54, [(prev, 1 / (1 + sp.exp(s * x))),
               (1 / (1 + sp.exp(s * x)), 1 / (1 + sp.exp(-s * (-x)))),
               (1 / (1 + sp.exp(-s * (-x))), sig(-x, s))])
# line 58: 1 - sigma(x;s) = sigma(-x;s)
check(58, 1 - S, sig(-x, s))
# line 62: d sigma/dx = s e^{-sx}/(1+e^{-sx})^2 = s * 1/(1+e^{-sx}) * e^{-sx}/(1+e^{-sx}) =   (trailing '=')
a62 = s * sp.exp(-s * x) / (1 + sp.exp(-s * x)) ** 2
b62 = s * 1 / (1 + sp.exp(-s * x)) * sp.exp(-s * x) / (1 + sp.exp(-s * x))
check_all(62, [(D(S, x), a62), (a62, b62)])
# line 64: = s * 1/(1+e^{-sx}) * 1/(1+e^{sx}) = s sigma(x;s) sigma(-x;s)
c64 = s * 1 / (1 + sp.exp(-s * x)) * 1 / (1 + sp.exp(s * x))
check_all(64, [(b62, c64), (c64, s * S * sig(-x, s))])
# line 67: d sigma/dx = s sigma (1 - sigma)
check(67, D(S, x), s * S * (1 - S))
# line 79 / 81: limits of the derivative
check(79, sp.limit(s * S * (1 - S), x, oo), 0)
check(81, sp.limit(s * S * (1 - S), x, -oo), 0)

# logistic case s = 1
L = sig(x, 1)
# line 88: sigma(x; s=1) = 1/(1+e^{-x})
check(88, S.subs(s, 1), 1 / (1 + sp.exp(-x)))
# line 96: \frac{\sigma(x;s=1)}{dx} (read as d sigma/dx: the 'd' of the numerator is missing)
check(96, D(L, x), 1 / (1 + sp.exp(-x)) * (1 - 1 / (1 + sp.exp(-x))))
# line 100: = 1/((1+e^{-x})(1+e^{x}))
check(100, D(L, x), 1 / ((1 + sp.exp(-x)) * (1 + sp.exp(x))))

# tanh
T = sig(x, 2)
# line 112: tanh(x) = 2 sigma(x;2) - 1
check(112, sp.tanh(x), 2 * T - 1)
# line 116: tanh = 2(1/(1+e^{-2x})) - 1 = (1-e^{-2x})/(1+e^{-2x})
check_all(116, [(sp.tanh(x), 2 * (1 / (1 + sp.exp(-2 * x))) - 1),
                (2 * (1 / (1 + sp.exp(-2 * x))) - 1, (1 - sp.exp(-2 * x)) / (1 + sp.exp(-2 * x)))])
# line 120
check(120, sp.tanh(x), (1 - sp.exp(-2 * x)) / (1 + sp.exp(-2 * x)))
# line 124 / 125
check(124, sp.limit(sp.tanh(x), x, oo), 1)
check(125, sp.limit(sp.tanh(x), x, -oo), -1)
# line 133: d tanh/dx = d/dx(2 sigma(x;2) - 1) = 2(2 sigma(1-sigma))
a133 = D(2 * T - 1, x)
b133 = 2 * (2 * T * (1 - T))
check_all(133, [(D(sp.tanh(x), x), a133), (a133, b133)])
# line 135: = -4 sigma^2 + 4 sigma = -4 sigma^2 + 4 sigma - 1 + 1
a135 = -4 * T ** 2 + 4 * T
check_all(135, [(b133, a135), (a135, -4 * T ** 2 + 4 * T - 1 + 1)])
# line 137: = -(4 sigma^2 - 4 sigma + 1) + 1 = -(2 sigma - 1)^2 + 1 = -tanh^2 + 1
a137 = -(4 * T ** 2 - 4 * T + 1) + 1
b137 = -(2 * T - 1) ** 2 + 1
check_all(137, [(-4 * T ** 2 + 4 * T - 1 + 1, a137), (a137, b137), (b137, -sp.tanh(x) ** 2 + 1)])
# line 141
check(141, D(sp.tanh(x), x), 1 - sp.tanh(x) ** 2)
# line 149 / 151
check(149, sp.limit(1 - sp.tanh(x) ** 2, x, oo), 0)
check(151, sp.limit(1 - sp.tanh(x) ** 2, x, -oo), 0)

# Gaussian
f = sp.exp(-x ** 2)
check(161, sp.limit(f, x, oo), 0)
check(163, sp.limit(f, x, -oo), 0)
check(169, D(f, x), -2 * x * sp.exp(-x ** 2))
# line 173: f'(+-1/sqrt2) = -2(+-1/sqrt2) e^{-(+-1/sqrt2)^2} = -+ 2/sqrt2 e^{-1/2} = -+ sqrt2/sqrt e = -+ sqrt(2/e)
fp = D(f, x)
pairs = []
for sg in (1, -1):
    p = sg / sp.sqrt(2)
    m = [fp.subs(x, p), -2 * p * sp.exp(-p ** 2), -sg * 2 / sp.sqrt(2) * sp.exp(-sp.Rational(1, 2)),
         -sg * sp.sqrt(2) / sp.sqrt(sp.E), -sg * sp.sqrt(2 / sp.E)]
    pairs += [(m[i], m[i + 1]) for i in range(len(m) - 1)]
check_all(173, pairs)
check(178, sp.limit(fp, x, oo), 0)
check(180, sp.limit(fp, x, -oo), 0)

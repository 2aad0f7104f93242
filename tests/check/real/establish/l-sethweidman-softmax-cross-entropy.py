"""Establish l-sethweidman-softmax-cross-entropy.md (markdown cells of DLFS_code 04_extensions/Math.ipynb)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax

# binary cross entropy summed over 3 samples
N = 3
p = vec("p", N, positive=True)
y = vec("y", N, real=True)
ce = sum(-y[i] * sp.log(p[i]) - (1 - y[i]) * sp.log(1 - p[i]) for i in range(N))      # line 7 / 12
r9 = sum(-0 * sp.log(p[i]) - (1 - 0) * sp.log(1 - p[i]) for i in range(N))
r10 = sum(-sp.log(1 - p[i]) for i in range(N))
check(9, ce, r9, subs={y[i]: 0 for i in range(N)})      # holds under y_i = 0 (the case CE(x, 0))
check(10, r9, r10)
r14 = sum(-1 * sp.log(p[i]) - (1 - 1) * sp.log(1 - p[i]) for i in range(N))
r15 = sum(-sp.log(p[i]) for i in range(N))
check(14, ce, r14, subs={y[i]: 1 for i in range(N)})     # holds under y_i = 1 (the case CE(x, 1))
check(15, r14, r15)

# line 49: C(p, y) as cases, for y in {0, 1}
P, Yv = sp.symbols("P Yv", positive=True)
C = -Yv * sp.log(P) - (1 - Yv) * sp.log(1 - P)
check_all(49, [(C.subs(Yv, 0), -sp.log(1 - P)), (C.subs(Yv, 1), -sp.log(P))])

# line 56: SCE_1 with S(p)_1 substituted
p1, p2, y1 = sp.symbols("p1 p2 y1", real=True)
S1 = sp.exp(p1) / (sp.exp(p1) + sp.exp(p2))
check(56, -y1 * sp.log(S1) - (1 - y1) * sp.log(1 - S1),
      -y1 * sp.log(sp.exp(p1) / (sp.exp(p1) + sp.exp(p2))) - (1 - y1) * sp.log(1 - sp.exp(p1) / (sp.exp(p1) + sp.exp(p2))))

# line 68: quotient rule (generic g, h)
x = sp.Symbol("x", real=True)
g, h = sp.Function("g")(x), sp.Function("h")(x)
check(68, sp.diff(g / h, x), (sp.diff(g, x) * h - g * sp.diff(h, x)) / h ** 2)

# f(x) = e^x/(e^x + b)
b = sp.Symbol("b", positive=True)
a = sp.Symbol("a", real=True)
E = sp.exp(x)
f = E / (E + b)
fp = sp.diff(f, x)
r74 = (E * (E + b) - (E * E)) / (E + b) ** 2
r75 = E * (E + b - E) / (E + b) ** 2
r76 = E * b / (E + b) ** 2
check(74, fp, r74)
check(75, r74, r75)
check(76, r75, r76)

# line 84: g'(x) for g = -a log f - (1-a) log(1-f)
gg = -a * sp.log(f) - (1 - a) * sp.log(1 - f)
check(84, sp.diff(gg, x), -a * fp / f - (1 - a) * (-1 * fp) / (1 - f))

# lines 89-92: f'/f
r89 = (E * b / (E + b) ** 2) / (E / (E + b))
r90 = (-E * b) / (E + b) ** 2 * (E + b) / E
r92 = b / (E + b)
check(89, fp / f, r89)
check(90, r89, r90)          # sign slip: -e^x b instead of e^x b
check(92, r90, r92)          # judged against line 90 (the row itself is the true f'/f)

# line 96
check(96, b / (E + b), 1 - E / (E + b))

# lines 99-103: -f'/(1-f)
r99 = (-1 * (E * b / (E + b) ** 2)) / (1 - E / (E + b))
r100 = ((-E * b) / (E + b) ** 2) / (b / (E + b))
r101 = (-E * b) / (E + b) ** 2 * (E + b) / b
r103 = -E / (E + b)
check(99, -fp / (1 - f), r99)
check(100, r99, r100)
check(101, r100, r101)
check(103, r101, r103)

# lines 107-112: SC'(x), SC = -a log f - (1-a) log(1-f)
SC = -a * sp.log(f) - (1 - a) * sp.log(1 - f)
r107 = -a * fp / f - (1 - a) * (-1 * fp) / (1 - f)
r108 = -a * b / (E + b) - (1 - a) * (-E) / (E + b)
r109 = -a * b / (E + b) + E / (E + b) - a * (-E) / (E + b)
r110 = -a * (1 - E / (E + b)) + E / (E + b) - a * (-E) / (E + b)
r111 = -a + a * E / (E + b) + E / (E + b) - a * (-E) / (E + b)
r112 = -a + E / (E + b)
check(107, sp.diff(SC, x), r107)
check(108, r107, r108)
check(109, r108, r109)       # -(1-a)(-e^x) = e^x - a e^x, the row has e^x + a e^x
check(110, r109, r110)       # valid step from the (wrong) line 109
check(111, r110, r111)
check(112, r111, r112)       # judged against line 111 (the row equals the true SC'(x))

# line 118: S - Y with the softmax written out (2 classes)
y2 = sp.Symbol("y2", real=True)
s = softmax([p1, p2])
check_all(118, [(s[0] - y1, sp.exp(p1) / (sp.exp(p1) + sp.exp(p2)) - y1),
                (s[1] - y2, sp.exp(p2) / (sp.exp(p1) + sp.exp(p2)) - y2)])

# line 130: log softmax with the index typo sum_i e^{x_j} (n = 3, j = 1)
xs = vec("x", 3, real=True)
j = 0
lse = sp.log(sum(sp.exp(t) for t in xs))
wrong_mid = sp.log(sp.exp(xs[j]) / sum(sp.exp(xs[j]) for _ in range(3)))
check_all(130, [(sp.log(softmax(xs)[j]), wrong_mid), (wrong_mid, xs[j] - lse)])

# line 134: logsumexp shift
c = sp.Symbol("c", real=True)
check(134, lse, c + sp.log(sum(sp.exp(t - c) for t in xs)))

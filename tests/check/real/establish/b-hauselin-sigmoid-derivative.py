import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _b_util import chain

x = sp.symbols('x', real=True)
e = sp.exp(-x)
s = 1 / (1 + e)
ds = sp.diff(s, x)
R = {'default': (-3, 3)}
chain(43, s, sp.exp(x) / (sp.exp(x) + 1), ranges=R)
chain(46, 1 / (1 + e), 1 / (1 + e) * sp.exp(x) / sp.exp(x), sp.exp(x) / (sp.exp(x) + 1), ranges=R)
chain(59, ds, ds, s * (1 - s), ranges=R)
chain(63, sp.diff(sp.exp(x), x), sp.exp(x), ranges=R)
g = -3 * x ** 2 + 2 * x
chain(64, sp.diff(sp.exp(g), x), (-6 * x + 2) * sp.exp(g), ranges=R)
f = (x ** 2 + 1) ** 3
rows = [sp.diff(f, x), 3 * (x ** 2 + 1) ** (3 - 1) * 2 * x ** (2 - 1), 3 * (x ** 2 + 1) ** 2 * (2 * x), 6 * x * (x ** 2 + 1) ** 2]
for ln, k in zip((73, 74, 75), range(3)):
    chain(ln, rows[k], rows[k + 1], ranges=R)
chainrule = [ds, sp.diff(1 / (1 + e), x), sp.diff((1 + e) ** -1, x)]
seq = [-1 * (1 + e) ** -2 * (-e), (-e) / (-(1 + e) ** 2), e / (1 + e) ** 2, 1 / (1 + e) * e / (1 + e),
       1 / (1 + e) * (e + (1 - 1)) / (1 + e), 1 / (1 + e) * ((1 + e) - 1) / (1 + e),
       1 / (1 + e) * ((1 + e) / (1 + e) - 1 / (1 + e)), 1 / (1 + e) * (1 - 1 / (1 + e)), s * (1 - s)]
chain(81, *chainrule, ranges=R)
prev = chainrule[-1]
for ln, ex in zip(range(82, 91), seq):
    chain(ln, prev, ex, ranges=R)
    prev = ex
f2 = 3 * x / (1 + x)
R2 = {'default': (0, 3)}
q = [sp.diff(f2, x), (sp.diff(3 * x, x) * (1 + x) - sp.diff(1 + x, x) * (3 * x)) / (1 + x) ** 2,
     (3 * (1 + x) - 1 * (3 * x)) / (1 + x) ** 2, (3 + 3 * x - 3 * x) / (1 + x) ** 2, 3 / (1 + x) ** 2]
for ln, k in zip((100, 101, 102, 103), range(4)):
    chain(ln, q[k], q[k + 1], ranges=R2)
chain(109, ds, sp.diff(1 / (1 + e), x), ranges=R)
seq2 = [((0) * (1 + e) - (-e) * 1) / (1 + e) ** 2] + seq[2:]
prev = sp.diff(1 / (1 + e), x)
for ln, ex in zip(range(110, 118), seq2):
    chain(ln, prev, ex, ranges=R)
    prev = ex

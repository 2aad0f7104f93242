"""a-chicm-softmax-gradient.md: CE gradient with L = -log p_k (one-hot label, true class k), 3 classes.

\\dfrac{\\partial}{o_k} in the post is read as d/do_k (the author's evident meaning).
Numeric rows are compared at the precision printed (3 decimals).
"""
import sympy as sp
from _common import vec, softmax, check, check_all, D

n = 3
o, y = vec("o", n), vec("y", n)
p = softmax(o)
S = sum(sp.exp(v) for v in o)
# example of the post: o = (2, 3, 4), y = (0, 1, 0)
pn = [sp.N(t.subs(dict(zip(o, [2, 3, 4]))), 30) for t in p]
def printed(line, values, shown):
    ok = all(abs(sp.Float(v) - sp.Float(s)) <= sp.Float("0.0005") for v, s in zip(values, shown))
    print(f"line {line}: {'holds' if ok else 'fails'}")
printed(23, pn, ["0.090", "0.245", "0.665"])
L = -sum(y[i] * sp.log(p[i]) for i in range(n))
k, j = 1, 2                       # true class k (0-based 1, as in the example), an incorrect class j
oh = {y[0]: 0, y[1]: 1, y[2]: 0}
check_all(26, [(L.subs(oh), -y[k] * sp.log(p[k]).subs(oh)), (-1 * sp.log(p[k]), -sp.log(p[k]))], subs=oh)
printed(28, [-sp.log(sp.Float("0.245", 30))], ["1.406"])
Lk = -sp.log(p[k])
dS = D(S, o[k])
r35 = [(D(Lk, o[k]), D(-sp.log(p[k]), o[k])), (D(-sp.log(p[k]), o[k]), -D(sp.log(p[k]), o[k])),
       (-D(sp.log(p[k]), o[k]), -1 / p[k] * D(p[k], o[k]))]
check_all(35, r35)
m36a = -1 / p[k] * D(sp.exp(o[k]) / S, o[k])
m36b = -1 / p[k] * (sp.exp(o[k]) * S - dS * sp.exp(o[k])) / S**2
check_all(36, [(-1 / p[k] * D(p[k], o[k]), m36a), (m36a, m36b)])
m38 = -1 / p[k] * (sp.exp(o[k]) / S - sp.exp(o[k]) * dS / S**2)
check_all(38, [(m36b, m38)])
m40 = -1 / p[k] * (p[k] - sp.exp(o[k]) * dS / S**2)
check_all(40, [(m38, m40)])
check_all(44, [(D(Lk, o[k]), -1 / p[k] * (p[k] - sp.exp(o[k])**2 / S**2)),
               (-1 / p[k] * (p[k] - sp.exp(o[k])**2 / S**2), -1 / p[k] * (p[k] - p[k]**2)),
               (-1 / p[k] * (p[k] - p[k]**2), p[k] - 1)])
check_all(47, [(D(Lk, o[j]), D(-sp.log(p[k]), o[j])), (D(-sp.log(p[k]), o[j]), -D(sp.log(p[k]), o[j])),
               (-D(sp.log(p[k]), o[j]), -1 / p[k] * D(p[k], o[j]))])
m48a = -1 / p[k] * D(sp.exp(o[k]) / S, o[j])
m48b = -sp.exp(o[k]) / p[k] * D(1 / S, o[j])
check_all(48, [(-1 / p[k] * D(p[k], o[j]), m48a), (m48a, m48b)])
m49 = -sp.exp(o[k]) / p[k] * (-1) / S**2 * D(S, o[j])
check_all(49, [(m48b, m49)])
m50a = sp.exp(o[k]) / p[k] / S**2 * sp.exp(o[j])
m50b = 1 / p[k] * sp.exp(o[k]) / S * sp.exp(o[j]) / S
check_all(50, [(m49, m50a), (m50a, m50b)])
check_all(51, [(m50b, 1 / p[k] * p[k] * p[j]), (1 / p[k] * p[k] * p[j], p[j])])
# line 54: dL/do = p - y for one-hot y, every true class
rows = []
for c in range(n):
    ohc = {y[i]: (1 if i == c else 0) for i in range(n)}
    rows += [(D(L, o[i]).subs(ohc), p[i] - ohc[y[i]]) for i in range(n)]
check_all(54, rows)
# line 58: the example's gradient p - y, printed as (0.090, -0.775, 0.665)
printed(58, [pn[0], pn[1] - 1, pn[2]], ["0.090", "-0.775", "0.665"])

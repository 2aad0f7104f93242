"""a-sunhaozhe-softmax-ce.md: softmax derivative by cases and the CE gradient, 3 classes."""
import sympy as sp
from _common import vec, softmax, check_all, D

n = 3
o, y = vec("o", n), vec("y", n)
p = softmax(o)
E = [sp.exp(v) for v in o]
S = sum(E)
R = range(n)
allp = [(i, k) for i in R for k in R]
same = [(k, k) for k in R]
diff = [(i, k) for i in R for k in R if i != k]
quot = lambda i, k: (D(E[i], o[k]) * S - D(S, o[k]) * E[i]) / S**2
check_all(34, [(D(p[i], o[k]), D(E[i] / S, o[k])) for i, k in allp] + [(D(E[i] / S, o[k]), quot(i, k)) for i, k in allp])
check_all(44, [(D(p[i], o[k]), (E[k] * S - E[k] * E[k]) / S**2) for i, k in same])
check_all(46, [((E[k] * S - E[k] * E[k]) / S**2, E[k] / S * (S - E[k]) / S) for k in R])
check_all(47, [(E[k] / S * (S - E[k]) / S, p[k] * (1 - p[k])) for k in R])
check_all(55, [(D(p[i], o[k]), quot(i, k)) for i, k in diff])
check_all(57, [(quot(i, k), -E[k] * E[i] / (S * S)) for i, k in diff])
check_all(58, [(-E[k] * E[i] / (S * S), -p[k] * p[i]) for i, k in diff])
check_all(64, [(D(p[i], o[k]), p[k] * (1 - p[k]) if i == k else -p[k] * p[i]) for i, k in allp])
L = -sum(y[i] * sp.log(p[i]) for i in R)
P = vec("q", n, positive=True)       # p as an independent variable for d log p_i / d p_i
cond = {y[n - 1]: 1 - sum(y[:n - 1])}
rows = {76: [], 78: [], 79: [], 80: [], 81: [], 82: []}
for k in R:
    m76 = -sum(y[i] * D(sp.log(p[i]), o[k]) for i in R)
    m78 = -sum(y[i] * D(sp.log(P[i]), P[i]).subs(P[i], p[i]) * D(p[i], o[k]) for i in R)
    m79 = -sum(y[i] / p[i] * D(p[i], o[k]) for i in R)
    m80 = -y[k] * (1 - p[k]) + sum(y[i] * p[k] for i in R if i != k)
    m81 = -y[k] + sum(y[i] * p[k] for i in R)
    m82 = p[k] - y[k]
    rows[76].append((D(L, o[k]), m76)); rows[78].append((m76, m78)); rows[79].append((m78, m79))
    rows[80].append((m79, m80)); rows[81].append((m80, m81)); rows[82].append((m81, m82))
for ln in (76, 78, 79, 80, 81):
    check_all(ln, rows[ln])
check_all(82, rows[82], subs=cond)

"""Establish the equations of a-abangfarhan-softmax-ce.md (lines 59-448 of the post).

L(n) maps a line number of the original post to the line in the stored excerpt.
Notation (the author's): p = softmax(x), L = -sum_i y_i log p_i, e_j = exp(x_j),
Sum = sum_k exp(x_k); a prime is the derivative w.r.t. x_i (stated on the line
'Here I use $e_j'$ to denote derivative of $e_j$ w.r.t. $x_i$, and likewise the $\\sum'$').
"""
import sympy as sp
from _common import vec, softmax, check, D

OFF = 58
def L(n):
    return n - OFF

n = 4
x = vec("x", n)
y = vec("y", n)
P = vec("p", n, positive=True)          # p as independent variables (derivatives w.r.t. p_j)
p = softmax(x)
E = [sp.exp(t) for t in x]
S = sum(E)
Lp = -sum(y[k] * sp.log(P[k]) for k in range(n))       # L as a function of p
Lx = Lp.subs(dict(zip(P, p)))                            # L(softmax(x))
onehot = {y[k]: 0 for k in range(n)}

# line 63: L = -sum y_i log p_i, equal to eq. (loss) -log p_c when y is one-hot (class c)
ok = all(sp.simplify(Lp.subs({**{yy: 0 for yy in y}, y[c]: 1}) + sp.log(P[c])) == 0 for c in range(n))
print(f"line {L(63)}: {'holds' if ok else 'fails'}")

i, j = 1, 2          # two distinct indices (0-based): i = 2nd, j = 3rd class
dpdx = lambda a, b: D(p[a], x[b])

# 121 / 127: chain rule, written out and as a sum
chain = sum(D(Lp, P[k]).subs(dict(zip(P, p))) * dpdx(k, i) for k in range(n))
check(L(121), D(Lx, x[i]), chain)
check(L(127), chain, sum(D(Lp, P[k]).subs(dict(zip(P, p))) * dpdx(k, i) for k in range(n)))
# 140, 141, 152: dL/dp_j rewritten
check(L(140), D(Lp, P[j]), D(-sum(y[k] * sp.log(P[k]) for k in range(n)), P[j]))
check(L(141), D(-sum(y[k] * sp.log(P[k]) for k in range(n)), P[j]), -D(sum(y[k] * sp.log(P[k]) for k in range(n)), P[j]))
check(L(152), -D(sum(y[k] * sp.log(P[k]) for k in range(n)), P[j]), -sum(D(y[k] * sp.log(P[k]), P[j]) for k in range(n)))
check(L(166), D(y[0] * sp.log(P[0]), P[1]), 0)
check(L(178), D(y[0] * sp.log(P[0]), P[0]), y[0] * D(sp.log(P[0]), P[0]))
check(L(184), D(sp.log(P[0]), P[0]), 1 / P[0])
check(L(190), D(y[0] * sp.log(P[0]), P[0]), y[0] / P[0])
check(L(197), D(y[i] * sp.log(P[i]), P[i]), y[i] / P[i])
check(L(206), D(Lp, P[j]), -sum(D(y[k] * sp.log(P[k]), P[j]) for k in range(n)))
check(L(218), D(Lp, P[j]), -D(y[j] * sp.log(P[j]), P[j]))
check(L(225), D(Lp, P[j]), -y[j] / P[j])
# 235-249: softmax derivative, quotient rule (e_j = exp(x_j), Sum = sum_k exp(x_k), ' = d/dx_i)
check(L(235), dpdx(j, i), D(E[j] / S, x[i]))
check(L(241), D(E[j] / S, x[i]), D(E[j] / S, x[i]))
prime = lambda f: D(f, x[i])
check(L(249), D(E[j] / S, x[i]), (prime(E[j]) * S - E[j] * prime(S)) / S**2)
# case j = i
check(L(270), prime(E[i]), D(sp.exp(x[i]), x[i]))
check(L(271), D(sp.exp(x[i]), x[i]), sp.exp(x[i]))
check(L(272), prime(E[i]), E[i])
check(L(281), prime(S), D(sum(sp.exp(t) for t in x), x[i]))
check(L(282), D(sum(sp.exp(t) for t in x), x[i]), sum(D(sp.exp(t), x[i]) for t in x))
check(L(291), prime(S), D(sp.exp(x[i]), x[i]))
check(L(292), D(sp.exp(x[i]), x[i]), sp.exp(x[i]))
check(L(293), prime(S), E[i])
q = (prime(E[i]) * S - E[i] * prime(S)) / S**2
check(L(301), q, (E[i] * S - E[i] * E[i]) / S**2)
check(L(302), (E[i] * S - E[i] * E[i]) / S**2, E[i] / S * ((S - E[i]) / S))
check(L(303), E[i] / S * ((S - E[i]) / S), E[i] / S * (S / S - E[i] / S))
check(L(304), E[i] / S * (S / S - E[i] / S), p[i] * (1 - p[i]))
# case j != i: Sigma' is d Sum / d x_i by the author's definition, but the rows use x_j
check(L(334), prime(S), sum(D(sp.exp(t), x[j]) for t in x))
check(L(342), prime(S), D(sp.exp(x[j]), x[j]))
check(L(343), D(sp.exp(x[j]), x[j]), sp.exp(x[j]))
check(L(344), prime(S), E[j])
q = (prime(E[j]) * S - E[j] * prime(S)) / S**2
check(L(352), q, (0 * S - E[i] * E[j]) / S**2)
check(L(353), (0 * S - E[i] * E[j]) / S**2, -E[i] * E[j] / S**2)
check(L(354), -E[i] * E[j] / S**2, -E[i] / S * E[j] / S)
check(L(355), -E[i] / S * E[j] / S, -p[i] * p[j])
check(L(366), D(Lx, x[i]), chain)
# j = i product
dLdp = lambda k: -y[k] / p[k]
check(L(383), dLdp(i) * dpdx(i, i), (-y[i] / p[i]) * p[i] * (1 - p[i]))
check(L(384), (-y[i] / p[i]) * p[i] * (1 - p[i]), -y[i] * (1 - p[i]))
check(L(385), -y[i] * (1 - p[i]), -y[i] + p[i])
check(L(386), -y[i] + p[i], p[i] - y[i])
# j != i product
check(L(396), dLdp(j) * dpdx(j, i), (-y[j] / p[j]) * (-p[i] * p[j]))
check(L(397), (-y[j] / p[j]) * (-p[i] * p[j]), y[j] / p[j] * p[i] * p[j])
check(L(398), y[j] / p[j] * p[i] * p[j], p[i] * y[j])
# 411-429 with the dots made concrete: n5 = 5 classes, i = 3rd class
m = 5
x5, y5 = vec("x", m), vec("y", m)
p5 = softmax(x5)
L5 = -sum(y5[k] * sp.log(p5[k]) for k in range(m))
I = 2
g = D(L5, x5[I])
terms = [-(y5[k] / p5[k]) * D(p5[k], x5[I]) for k in range(m)]
check(L(411), g, sum(terms))
check(L(412), sum(terms), sum(terms))
row426 = sum(p5[I] * y5[k] for k in range(m) if k != I) + (p5[I] - y5[I])
check(L(425), g, row426)
row427 = sum(p5[I] * y5[k] for k in range(m) if k != I) + p5[I] - y5[I]
check(L(427), row426, row427)
row428 = p5[I] * sum(y5) - y5[I]
check(L(428), row427, row428)
cond = {y5[m - 1]: 1 - sum(y5[:m - 1])}          # sum_k y_k = 1 (one-hot), stated before the block
check(L(429), row428, p5[I] - y5[I], subs=cond)
# 438 / 446: the gradient vector, componentwise, under sum y = 1
ok = all(sp.simplify((D(L5, x5[k]) - (p5[k] - y5[k])).subs(cond)) == 0 for k in range(m))
print(f"line {L(438)}: {'holds' if ok else 'fails'}")
print(f"line {L(446)}: {'holds' if ok else 'fails'}")

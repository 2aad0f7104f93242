"""Establish e-smirkcao-logistic-regression.md: binomial/multinomial logistic regression identities (K = 3, N = 3)."""
import os, sys, itertools
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, equal, vec

t = sp.Symbol("t", real=True)    # t = w.x
P1 = sp.exp(t) / (1 + sp.exp(t)); P0 = 1 / (1 + sp.exp(t))
check(9, P1, (sp.exp(t) / sp.exp(t)) / ((1 + sp.exp(t)) / sp.exp(t)))
check(10, (sp.exp(t) / sp.exp(t)) / ((1 + sp.exp(t)) / sp.exp(t)), 1 / (sp.exp(-t) + 1))
check(12, P0, 1 - 1 / (1 + sp.exp(-t)))
check(13, 1 - 1 / (1 + sp.exp(-t)), sp.exp(-t) / (1 + sp.exp(-t)))
z = sp.Symbol("z", real=True)
check(33, sp.exp(z) / (sp.exp(z) + 1), 1 / (1 + sp.exp(-z)))
p = sp.Symbol("p", positive=True)
o = p / (1 - p)
check(38, p, o / (1 + o))
check_all(47, [(sp.log(P1 / (1 - P1)), sp.log(P1 / P0)), (sp.log(P1 / P0), t)])

K = 3
s = vec("s", K, real=True)   # s_k = w_k . x
den = 1 + sum(sp.exp(s[k]) for k in range(K - 1))
Pk = [sp.exp(s[k]) / den for k in range(K - 1)] + [1 / den]   # model rows 56-57
# rows 76-80: P(Y=k) = P(Y=K) exp(w_k.x) follows from ln(P_k/P_K) = w_k.x
check(76, Pk[0], Pk[K - 1] * sp.exp(s[0]))
check(77, Pk[1], Pk[K - 1] * sp.exp(s[1]))
check(79, Pk[K - 2], Pk[K - 1] * sp.exp(s[K - 2]))
check_all(80, [(Pk[k], Pk[K - 1] * sp.exp(s[k])) for k in range(K - 1)])
check(86, Pk[K - 1], 1 - sum(Pk[j] for j in range(K - 1)))
r87 = 1 - Pk[K - 1] * sum(sp.exp(s[j]) for j in range(K - 1))
check(87, 1 - sum(Pk[j] for j in range(K - 1)), r87)
check(88, r87, 1 / (1 + sum(sp.exp(s[j]) for j in range(K - 1))))
check_all(94, [(Pk[k], Pk[K - 1] * sp.exp(s[k])) for k in range(K - 1)])
check_all(95, [(Pk[K - 1] * sp.exp(s[k]), 1 / (1 + sum(sp.exp(s[j]) for j in range(K - 1))) * sp.exp(s[k])) for k in range(K - 1)])
check_all(96, [(1 / den * sp.exp(s[k]), sp.exp(s[k]) / den) for k in range(K - 1)])

# log-linear form
Zs = sp.Symbol("Z", positive=True)
Pz = [sp.exp(s[k]) / Zs for k in range(K)]
check_all(109, [(sp.exp(sp.log(Zs * Pz[k])), sp.exp(s[k])) for k in range(K)])   # ln(Z P_k) = w_k.x  <=>  P_k = e^{w_k.x}/Z
Zv = sum(sp.exp(v) for v in s)           # line 122
check(115, sum(Pz).subs(Zs, Zv), 1)
check(116, 1, sum(sp.exp(s[k]) / Zs for k in range(K)).subs(Zs, Zv))
check(117, sum(sp.exp(s[k]) / Zs for k in range(K)), 1 / Zs * sum(sp.exp(v) for v in s))
sol = sp.solve(sp.Eq(1 / Zs * sum(sp.exp(v) for v in s), 1), Zs)
check(122, sol[0], Zv)
check_all(126, [(Pz[k].subs(Zs, Zv), sp.exp(s[k]) / Zv) for k in range(K)])

# likelihood (N = 3)
N = 3
b = vec("b", N, real=True)   # b_i = w . x_i
y = vec("y", N, real=True)
pi = [sp.exp(v) / (1 + sp.exp(v)) for v in b]
lhs149 = sp.log(sp.Mul(*[pi[i] ** y[i] * (1 - pi[i]) ** (1 - y[i]) for i in range(N)]))
r149 = sum(y[i] * sp.log(pi[i]) + (1 - y[i]) * sp.log(1 - pi[i]) for i in range(N))
r150 = sum(y[i] * sp.log(pi[i] / (1 - pi[i])) + sp.log(1 - pi[i]) for i in range(N))
r151 = sum(y[i] * b[i] - sp.log(1 + sp.exp(b[i])) for i in range(N))
check(149, lhs149, r149); check(150, r149, r150); check(151, r150, r151)
def lik(ys):
    return sp.Mul(*[(pi[i] if ys[i] == 1 else 1 - pi[i]) for i in range(N)])
ok156 = all(equal(lik(ys), sp.Mul(*[sp.exp(b[i]) ** ys[i] / (1 + sp.exp(b[i])) for i in range(N)])) for ys in itertools.product([0, 1], repeat=N))
print(f"line 156: {'holds' if ok156 else 'fails'}")
lhs160 = sum(sp.log(sp.exp(b[i]) / (1 + sp.exp(b[i]))) for i in range(N))
check(160, lhs160, r151, subs={y[0]: 0, y[1]: 1, y[2]: 1})

# softmax likelihood (N = 2, K = 3, labels 2 and 3, the free k taken as 1)
S = sp.Matrix(2, K, lambda i, k: sp.Symbol(f"u{i+1}{k+1}", real=True))   # u_ik = w_k . x_i
labels = [1, 2]   # 0-based: classes 2 and 3
sm = lambda i, k: sp.exp(S[i, k]) / sum(sp.exp(S[i, kk]) for kk in range(K))
lhs168 = sm(0, labels[0]) * sm(1, labels[1])
kfree = 0
rhs168 = sp.Mul(*[sp.Mul(*[sm(i, kfree) ** (1 if labels[i] == l else 0) for l in range(K)]) for i in range(2)])
check(168, lhs168, rhs168)

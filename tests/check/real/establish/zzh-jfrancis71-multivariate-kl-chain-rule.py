"""Establish zzh-jfrancis71-multivariate-kl-chain-rule.md: the chain rule of the KL divergence,
D[p(X_1..n) || q(X_1..n)] = sum_i E_{X_1..i-1 ~ p} D[p(X_i|X_1..i-1) || q(X_i|X_1..i-1)].

Concrete size n = 3 binary variables.  p and q are joint distributions built from positive weights
(p(t) = a_t / sum a, q(t) = b_t / sum b); marginals p(X_1..k) and conditionals
p(X_i | X_1..i-1) = p(X_1..i) / p(X_1..i-1) are computed from them.  p(X_{i+1..n}) in line 26 is,
as written, the marginal of X_{i+1..n} under p (1 when the block is empty); the document's
unbalanced parentheses ('p(X_{1..n} || q(...)') are read as D[p(X_1..n) || q(X_1..n)].
"""
import itertools
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
import _common
from _common import check

_common.EXACT = False          # sums of logs of ratios of sums of 8 weights: the numbers decide
log = sp.log
n = 3
outs = list(itertools.product(range(2), repeat=n))


def joint(name):
    w = {t: sp.Symbol(name + "".join(map(str, t)), positive=True) for t in outs}
    S = sum(w.values())
    return {t: w[t] / S for t in outs}


def marg(dist, idx):
    """the marginal on the coordinates idx, as a function of a full outcome t."""
    idx = tuple(idx)
    table = {}
    for t, v in dist.items():
        k = tuple(t[j] for j in idx)
        table[k] = table.get(k, 0) + v
    return lambda t: table[tuple(t[j] for j in idx)] if idx else sp.Integer(1)


p, q = joint("a"), joint("b")
P = [marg(p, range(k)) for k in range(n + 1)]          # P[k](t) = p(X_1..k)
Q = [marg(q, range(k)) for k in range(n + 1)]
pc = lambda i, t: P[i + 1](t) / P[i](t)               # p(X_i | X_1..i-1), i = 0..n-1 (0-based)
qc = lambda i, t: Q[i + 1](t) / Q[i](t)
ratio = lambda i, t: pc(i, t) / qc(i, t)
p_after = lambda i, t: marg(p, range(i + 1, n))(t)    # p(X_{i+1..n}), marginal


def block_sum(i, f):
    """sum over X_1..i-1 of f(prefix outcome)"""
    return sum(f(pre + (0,) * (n - i)) for pre in itertools.product(range(2), repeat=i))


# E_{X_1..i-1 ~ p}[ D[p(X_i|X_1..i-1) || q(X_i|X_1..i-1)] ]
def ekl(i):
    tot = 0
    for pre in itertools.product(range(2), repeat=i):
        t0 = pre + (0,) * (n - i)
        inner = 0
        for xi in range(2):
            t = pre + (xi,) + (0,) * (n - i - 1)
            inner += pc(i, t) * log(ratio(i, t))
        tot += P[i](t0) * inner
    return tot


D = sum(p[t] * log(p[t] / q[t]) for t in outs)                       # line 12 (definition)
chain = sum(ekl(i) for i in range(n))
check(6, D, chain)

r16 = sum(p[t] * log(sp.Mul(*[ratio(i, t) for i in range(n)])) for t in outs)
check(16, D, r16)
r20 = sum(sum(p[t] * log(ratio(i, t)) for t in outs) for i in range(n))
check(20, r16, r20)
r26 = sum(sum(P[i](t) * pc(i, t) * p_after(i, t) * log(ratio(i, t)) for t in outs) for i in range(n))
check(26, r20, r26)


def r32_term(i):
    tot = 0
    for pre in itertools.product(range(2), repeat=i):
        t0 = pre + (0,) * (n - i)
        inner = 0
        for xi in range(2):
            t = pre + (xi,) + (0,) * (n - i - 1)
            inner += pc(i, t) * log(ratio(i, t))
        after = sum(p_after(i, pre + (xi,) + post) for post in itertools.product(range(2), repeat=n - i - 1))
        tot += P[i](t0) * inner * after
    return tot


r32 = sum(r32_term(i) for i in range(n))
check(32, r26, r32)
check(38, r32, chain)
print("#  line 38 also equals the divergence D of line 12:", _common.equal(chain, D))

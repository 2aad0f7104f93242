"""a-purepisces-cross-entropy-loss.md (lines 71-160 of Cross_Entropy_Loss.md); one sample i, C = 3.

L(n) maps a line of the original to the stored excerpt. sigma(A_ic) is the softmax over row i.
"""
import sympy as sp
from _common import vec, softmax, check_all, D

OFF = 70
L = lambda n: n - OFF
C = 3
A, Y = vec("A", C), vec("Y", C)
s = softmax(A)
H = -sum(Y[k] * sp.log(s[k]) for k in range(C))
R = range(C)
dlog = lambda k, c: D(sp.log(s[k]), A[c])
check_all(L(84), [(D(H, A[c]), D(-sum(Y[k] * sp.log(s[k]) for k in R), A[c])) for c in R])
check_all(L(85), [(D(-sum(Y[k] * sp.log(s[k]) for k in R), A[c]), sum(D(-Y[k] * sp.log(s[k]), A[c]) for k in R)) for c in R])
check_all(L(86), [(sum(D(-Y[k] * sp.log(s[k]), A[c]) for k in R), sum(-Y[k] * dlog(k, c) for k in R)) for c in R])
check_all(L(87), [(sum(-Y[k] * dlog(k, c) for k in R), -sum(Y[k] * dlog(k, c) for k in R)) for c in R])
check_all(L(91), [(D(H, A[c]), -sum(Y[k] * dlog(k, c) for k in R)) for c in R])
# k = c
check_all(L(99), [(dlog(c, c), 1 / s[c] * D(s[c], A[c])) for c in R])
check_all(L(100), [(1 / s[c] * D(s[c], A[c]), 1 / s[c] * s[c] * (1 - s[c])) for c in R])
check_all(L(101), [(1 / s[c] * s[c] * (1 - s[c]), 1 - s[c]) for c in R])
# k != c
diff = [(k, c) for k in R for c in R if k != c]
check_all(L(107), [(dlog(k, c), 1 / s[k] * D(s[k], A[c])) for k, c in diff])
check_all(L(108), [(1 / s[k] * D(s[k], A[c]), 1 / s[k] * (-s[k]) * s[c]) for k, c in diff])
check_all(L(109), [(1 / s[k] * (-s[k]) * s[c], -s[c]) for k, c in diff])
check_all(L(118), [(D(H, A[c]), -sum(Y[k] * dlog(k, c) for k in R)) for c in R])
# 119-120: one-hot Y; case c is the true class: -1(1 - sigma) = sigma - 1; otherwise -1(-sigma) = sigma - 0
r119, r120 = [], []
for t in R:
    oh = {Y[k]: (1 if k == t else 0) for k in R}
    for c in R:
        g = D(H, A[c]).subs(oh)
        if c == t:
            r119 += [(g, -1 * (1 - s[c])), (-1 * (1 - s[c]), s[c] - 1)]
            prev = s[c] - 1
        else:
            r119 += [(g, -1 * (-s[c])), (-1 * (-s[c]), s[c] - 0)]
            prev = s[c] - 0
        r120.append((prev, s[c] - oh[Y[c]]))
check_all(L(119), r119)
check_all(L(120), r120)
# Examples: A = (2, 1, -1), derivative w.r.t. A_13
a_vals = {A[0]: 2, A[1]: 1, A[2]: -1}
for Yv, lines in (([1, 0, 0], (137, 138, 139, 140, 141)), ([0, 0, 1], (154, 155, 156, 157, 158))):
    oh = dict(zip(Y, Yv))
    c = 2
    m = [D(H, A[c]),
         -sum(Y[k] * dlog(k, c) for k in R),
         -Y[0] * dlog(0, c) - Y[1] * dlog(1, c) - Y[2] * dlog(2, c)]
    if Yv == [1, 0, 0]:
        m += [-1 * (-s[c]) - 0 - 0, s[c] - 0, s[c] - Y[c]]
    else:
        m += [-0 - 0 - 1 * (1 - s[c]), s[c] - 1, s[c] - Y[c]]
    # row 1 (m0 = m1), then each continuation
    check_all(L(lines[0]), [(m[0], m[1])], subs={**oh, **a_vals})
    for ln, a, b in zip(lines[1:], m[1:], m[2:]):
        check_all(L(ln), [(a, b)], subs={**oh, **a_vals})

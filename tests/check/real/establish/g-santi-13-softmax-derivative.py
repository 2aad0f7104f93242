"""g-santi-13-softmax-derivative.md: softmax derivative by the quotient rule (c+1 = 3 classes, alpha = 0)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, vec, softmax, D

# line 20: two classes [0,1], correct answer alpha = 0, so sum_{i=0}^{1} e^{h(i)} = e^{h(alpha)} + e^{h(1)}
h2 = vec("h", 2, real=True)
check(20, sp.exp(h2[0]) / (sp.exp(h2[0]) + sp.exp(h2[1])), sp.exp(h2[0]) / sum(sp.exp(t) for t in h2))

K = 3
h = vec("h", K, real=True)
S = sum(sp.exp(t) for t in h)
y = softmax(h)
al = 0
r28 = (S * sp.exp(h[al]) - sp.exp(h[al]) * sp.exp(h[al])) / (S * S)
check_all(28, [(D(y[al], h[al]), D(sp.exp(h[al]) / S, h[al])), (D(sp.exp(h[al]) / S, h[al]), r28)])
r33 = sp.exp(h[al]) * (S - sp.exp(h[al])) / (S * S)
check(33, r28, r33)
r37a = y[al] * (S - sp.exp(h[al])) / S
check_all(37, [(r33, r37a), (r37a, y[al] * (1 - y[al]))])
# line 43: i != alpha; the right side copies the alpha case numerator
check_all(43, [(D(y[al], h[i]), (S * sp.exp(h[al]) - sp.exp(h[al]) * sp.exp(h[al])) / (S * S)) for i in range(K) if i != al])

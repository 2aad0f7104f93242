"""Establish c-melfm-backprop-numeric.md: a numeric forward pass and one chain-rule row.

Weights come from a figure that is not in the text (w1 = 0.15, w2 = 0.2, b1 = 0.30, w5 = 0.4,
w6 = 0.45, b2 = 0.6 as the rows use them); inputs 0.05, 0.1 and targets 0.01, 0.99 are stated.
Rounded values are accepted when they agree to the number of decimals written.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, equal, D

R = sp.Rational
sig = lambda t: 1 / (1 + sp.exp(-t))

def rounded(line, exact_links, value, stated, decimals):
    """exact_links: list of (a, b) that must be equal exactly; value must round to stated."""
    ok = all(equal(a, b) for a, b in exact_links)
    v = sp.N(value, 40)
    ok = ok and abs(v - sp.Float(stated, 40)) <= sp.Float(5, 40) * sp.Float(10, 40) ** (-decimals - 1) + sp.Float("1e-30")
    print(f"line {line}: {'holds' if ok else 'fails'}")

z1 = R(15, 100) * R(5, 100) + R(2, 10) * R(1, 10) + R(30, 100)
rounded(19, [(z1, R(15, 100) * R(5, 100) + R(2, 10) * R(1, 10) + R(30, 100))], z1, "0.3275", 4)
rounded(26, [(sig(z1), 1 / (1 + sp.exp(-R(3275, 10000))))], sig(R(3275, 10000)), "0.5812", 4)
y1 = (R(4, 10) * R(5812, 10000) + R(45, 100) * R(5812, 10000)) + R(6, 10)
rounded(33, [], y1, "1.094", 3)
rounded(34, [], sig(R(1094, 1000)), "0.7491", 4)
rounded(47, [(R(1, 2) * (R(1, 100) - R(7491, 10000)) ** 2, R(1, 2) * (R(1, 100) - R(7491, 10000)) ** 2)],
        R(1, 2) * (R(1, 100) - R(7491, 10000)) ** 2, "0.2731", 4)
# 51: E_y2 = 1/2 (t2 - y2hat)^2 with t2 = 0.99 (text) vs the row's 1/2 (0.01 - 0.7703)^2
check(51, R(1, 2) * (R(99, 100) - R(7703, 10000)) ** 2, R(1, 2) * (R(1, 100) - R(7703, 10000)) ** 2)
# 62: symbolic network of the rows: h1 = sigma(w1 x1 + w2 x2 + b1), y1 = w5 h1 + w6 h1 + b2
w1, w2, b1, w5, w6, b2, x1, x2, t1, t2, e2, hh, yh = sp.symbols("w1 w2 b1 w5 w6 b2 x1 x2 t1 t2 e2 hh yh", real=True)
h1 = sig(w1 * x1 + w2 * x2 + b1)
y1s = w5 * h1 + w6 * h1 + b2
E = R(1, 2) * (t1 - sig(y1s)) ** 2 + R(1, 2) * (t2 - e2) ** 2      # e2 = y2hat, independent of w5
dE_dyh = D(R(1, 2) * (t1 - yh) ** 2, yh).subs(yh, sig(y1s))
dyh_dh1 = D(sig(w5 * hh + w6 * hh + b2), hh).subs(hh, h1)
dh1_dw5 = D(h1, w5)
check(62, D(E, w5), dE_dyh * dyh_dh1 * dh1_dw5)

import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all

x = sp.Symbol('x', real=True)
sig = lambda t: 1 / (1 + sp.exp(-t))
tanh = lambda t: (sp.exp(t) - sp.exp(-t)) / (sp.exp(t) + sp.exp(-t))

# line 5: 1/(1+e^{-x}) = e^x/(e^x+1)
check(5, sig(x), sp.exp(x) / (sp.exp(x) + 1))
# line 9: (e^x - e^{-x})/(e^x + e^{-x}) = (e^{2x}-1)/(e^{2x}+1)
check(9, tanh(x), (sp.exp(2*x) - 1) / (sp.exp(2*x) + 1))
# line 20-23: chain of equalities ending in 2 sigma(2x) - 1
e2 = sp.exp(2*x)
chain = [(e2 - 1) / (e2 + 1),
         2*e2 / (e2 + 1) - (e2 + 1) / (e2 + 1),
         2 * (e2 / e2) * (1 / (1 + sp.exp(-2*x))) - 1,
         2 * sig(2*x) - 1]
check_all(20, [(chain[i], chain[i+1]) for i in range(3)] + [(tanh(x), chain[0])])
# line 31: sigma(x) = (tanh(x/2)+1)/2
check(31, sig(x), (tanh(x/2) + 1) / 2)

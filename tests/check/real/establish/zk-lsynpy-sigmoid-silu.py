"""Establish zk-lsynpy-sigmoid-silu.md: sigmoid identities, generalized sigmoid, sigmoid and Swish/SiLU derivatives."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import check, check_all, D, equal

x = sp.Symbol("x", real=True)
N = sp.Symbol("N", positive=True)
j = sp.Symbol("j", real=True)  # the stray 'j' of line 115, read literally as a factor
sig = lambda t: 1 / (1 + sp.exp(-t))
s = sig(x)

# line 3: 1/(1+e^{-x}) = e^x/(e^x+1)
check(3, sig(x), sp.exp(x) / (sp.exp(x) + 1))
# line 11: symmetry
check(11, sig(x) + sig(-x), 1)
# line 23: 1/N = e^{-ln N}  =>  e^x/N = e^x e^{-ln N} = e^{x - ln N}
check_all(23, [(1 / N, sp.exp(-sp.log(N))), (sp.exp(x) / N, sp.exp(x) * sp.exp(-sp.log(N))),
               (sp.exp(x) * sp.exp(-sp.log(N)), sp.exp(x - sp.log(N)))], positive=(N,))
# line 25
fN = sp.exp(x) / (sp.exp(x) + N)
check_all(25, [(fN, (sp.exp(x) / N) / (sp.exp(x) / N + 1)),
               ((sp.exp(x) / N) / (sp.exp(x) / N + 1), sp.exp(x - sp.log(N)) / (sp.exp(x - sp.log(N)) + 1))],
          positive=(N,))
# line 29
check(29, fN, sig(x - sp.log(N)), positive=(N,))
# line 36: sigma' = sigma (1 - sigma)
check(36, D(s, x), s * (1 - s))
# line 42: with u = 1 + e^{-x}: sigma' = -u^{-2} (-e^{-x}) = e^{-x}/(1+e^{-x})^2
u = 1 + sp.exp(-x)
check_all(42, [(D(s, x), -u ** -2 * (-sp.exp(-x))), (-u ** -2 * (-sp.exp(-x)), sp.exp(-x) / (1 + sp.exp(-x)) ** 2)])
# line 44
check_all(44, [(s * (1 - s), 1 / (1 + sp.exp(-x)) * sp.exp(-x) / (1 + sp.exp(-x))),
               (1 / (1 + sp.exp(-x)) * sp.exp(-x) / (1 + sp.exp(-x)), sp.exp(-x) / (1 + sp.exp(-x)) ** 2)])
# line 85: SILU(x) = x/(1+e^{-x}) = x sigma(x)
check(85, x / (1 + sp.exp(-x)), x * s)
silu = x * s
# line 115: d/dx Swish = sigma + x sigma (1-sigma) = s(1 + x(1-s) j)   (last member, with the literal j, is wrong)
check(115, D(silu, x), s * (1 + x * (1 - s) * j))
print("# line 115, first member sigma + x sigma(1-sigma) alone:", equal(D(silu, x), s + x * s * (1 - s)))
# line 117
check(117, D(silu, x), s * (1 + x * (1 - s)))
# line 147: SILU = x * sigma(x)
check(147, silu, x * s)

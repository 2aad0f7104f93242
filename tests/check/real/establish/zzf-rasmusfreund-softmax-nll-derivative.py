"""zzf-rasmusfreund-softmax-nll-derivative.tex: Part I of the hand-in, dL/dz_i for
L(z) = -ln softmax(z)_j (one-hot y with y_j = 1), derived for the case i = j.

Concrete size: k = 3 classes, true class j = index 0 (0-based); 'i = j' rows use i = 0.
"""
import sympy as sp
from _common import vec, softmax, check, check_all, D

K = 3
z = vec("z", K)
s = softmax(z)
Sig = sum(sp.exp(a) for a in z)
j = 0
delta = lambda i, jj: 1 if i == jj else 0
L = -sp.log(s[j])                        # line 27 (definition)
I = range(K)

# line 16: dL/dz_i = -delta_ij + e^{z_i}/Sigma = -delta_ij + softmax(z)_i, every i
check_all(16, [(D(L, z[i]), -delta(i, j) + 1 / Sig * sp.exp(z[i])) for i in I]
          + [(-delta(i, j) + 1 / Sig * sp.exp(z[i]), -delta(i, j) + s[i]) for i in I])
# line 32: dL/dz_i = -(1/softmax_j) dsoftmax_j/dz_i (chain rule, every i)
check_all(32, [(D(L, z[i]), -1 / s[j] * D(s[j], z[i])) for i in I])

i = j   # the case the text treats ('when i = j', line 29)
# line 36: dsoftmax_j/dz_i = d/dz_i (e^{z_i}/Sigma)   (holds for i = j only)
check(36, D(s[j], z[i]), D(sp.exp(z[i]) / Sig, z[i]))
# line 37: as typeset, the whole numerator sits in the exponent: e^{z_j Sigma - e^{z_j} e^{z_i}} / Sigma^2
r37 = sp.exp(z[j] * Sig - sp.exp(z[j]) * sp.exp(z[i])) / Sig**2
check(37, D(sp.exp(z[i]) / Sig, z[i]), r37)
# line 38: continuation from the typeset line 37
r38 = sp.exp(z[j]) / Sig - (sp.exp(z[j]) / Sig)**2
check(38, r37, r38)
# (note) the intended numerator (e^{z_j} Sigma - e^{z_j} e^{z_i}) / Sigma^2 would give line 38:
print("  (note) intended line-37 numerator equals line 38:",
      sp.simplify((sp.exp(z[j]) * Sig - sp.exp(z[j]) * sp.exp(z[i])) / Sig**2 - r38) == 0)
# line 39
check(39, r38, s[j] - s[j]**2)
# line 43: dL/dz_i = -(1/softmax_j)(softmax_j - softmax_j^2)  (i = j)
check(43, D(L, z[i]), -1 / s[j] * (s[j] - s[j]**2))
# line 44
check(44, -1 / s[j] * (s[j] - s[j]**2), -1 + s[j])
# line 48: dL/dz_i = -delta_ij + softmax(z)_i, every i
check_all(48, [(D(L, z[ii]), -delta(ii, j) + s[ii]) for ii in I])

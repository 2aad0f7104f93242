"""zzf-tnichols89-cross-entropy-gradient.md: gradient of softmax cross-entropy w.r.t. the logits,
split into the cases j != l (wrong classes) and j = l (true class).

Concrete size: k = 3 classes, true label l = index 0 (0-based); the wrong-class case uses j = 1.
Notation (the author's): z = logits z^{(i)} of one sample, yhat = softmax(z), y one-hot (line 36),
CE = -sum_k y_k log softmax(z)_k (row 19; softmax(z_k) / softmax(z) read as softmax(z)_k).
"""
import sympy as sp
from _common import vec, softmax, check, check_all, D

K = 3
z = vec("z", K)
y = vec("y", K)                 # general targets (rows that hold without a condition)
s = softmax(z)
Sig = sum(sp.exp(t) for t in z)
l = 0                           # index of the true label
jn = 1                          # a wrong class j != l
onehot = {y[0]: 1, y[1]: 0, y[2]: 0}   # one-hot target, true class l = 0 (line 36, line 40)

CE = -sum(y[m] * sp.log(s[m]) for m in range(K))
CE1 = CE.subs(onehot)

# line 26: grad CE = softmax(z) - y, componentwise (one-hot y)
check_all(26, [(D(CE1, z[m]), (s[m] - y[m]).subs(onehot)) for m in range(K)])
# line 27: softmax(z) - y = yhat - y (yhat is the softmax output)
yhat = s
check_all(27, [(s[m] - y[m], yhat[m] - y[m]) for m in range(K)])

# Case 1, j != l
partial_sum = -sum(y[m] * sp.log(s[m]) for m in range(K) if m != l)   # sum over j != l only
# line 49: dCE/dz_j = d/dz_j(-sum_{j != l} y_j log softmax) -- drops the l term (one-hot y)
check(49, D(CE1, z[jn]), D(partial_sum.subs(onehot), z[jn]))
# line 50: d/dz_j of that sum = -sum_{m != l} y_m / softmax_m * softmax'_m (d softmax_m / dz_j)
rhs50 = -sum(y[m] / s[m] * D(s[m], z[jn]) for m in range(K) if m != l)
check(50, D(partial_sum, z[jn]), rhs50)
# line 51: = 0 (one-hot: y_m = 0 for every m != l)
check(51, rhs50.subs(onehot), 0)

# Case 2, j = l
j = l
# line 64: dCE/dz_j = d/dz_j(-y_j log softmax_j) (one-hot, j = l)
check(64, D(CE1, z[j]), D((-y[j] * sp.log(s[j])).subs(onehot), z[j]))
# line 65: = d/dz_j(-log softmax_j)  (y_j = y_l = 1)
check(65, D((-y[j] * sp.log(s[j])).subs(onehot), z[j]), D(-sp.log(s[j]), z[j]))
# line 66: softmax written out
check(66, D(-sp.log(s[j]), z[j]), D(-sp.log(sp.exp(z[j]) / Sig), z[j]))
# line 67: log of a quotient
check(67, D(-sp.log(sp.exp(z[j]) / Sig), z[j]), D(-(sp.log(sp.exp(z[j])) - sp.log(Sig)), z[j]))
# line 68: log e^{z_j} = z_j
check(68, D(-(sp.log(sp.exp(z[j])) - sp.log(Sig)), z[j]), D(-z[j] + sp.log(Sig), z[j]))
# line 69: -1 + (1/Sigma) d Sigma / dz_j
check(69, D(-z[j] + sp.log(Sig), z[j]), -1 + 1 / Sig * D(Sig, z[j]))
# line 70: d Sigma / dz_j = e^{z_j}
check(70, -1 + 1 / Sig * D(Sig, z[j]), -1 + 1 / Sig * sp.exp(z[j]))
# line 71
check(71, -1 + 1 / Sig * sp.exp(z[j]), -1 + sp.exp(z[j]) / Sig)
# line 72: = -1 + softmax_j(z)
check(72, -1 + sp.exp(z[j]) / Sig, -1 + s[j])
# line 73: -1 + softmax_j = -y_l + yhat_j  (y_l = 1)
check(73, -1 + s[j], (-y[l] + yhat[j]).subs(onehot))
# line 74: -y_l + yhat_j = yhat_j - y_l
check(74, -y[l] + yhat[j], yhat[j] - y[l])
# line 75: yhat_j - y_l = yhat_l - y_l  (case j = l)
check(75, yhat[j] - y[l], yhat[l] - y[l])

# Recombination and conclusion (vectors, componentwise, one-hot y)
check_all(84, [(D(CE1, z[m]), (yhat[m] - y[m] + 0).subs(onehot)) for m in range(K)])
check_all(85, [(yhat[m] - y[m] + 0, yhat[m] - y[m]) for m in range(K)])
check_all(93, [(D(CE1, z[m]), (yhat[m] - y[m]).subs(onehot)) for m in range(K)])

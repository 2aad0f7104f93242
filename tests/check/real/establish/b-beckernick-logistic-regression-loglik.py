import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _b_util import chain, equal

# N = 3 examples, 2 features
N, d = 3, 2
beta = sp.symbols('b0:2', real=True)
X = sp.Matrix(N, d, sp.symbols('x0:6', real=True))
Y = sp.Matrix(sp.symbols('y0:3', real=True))
s = [sum(beta[j] * X[i, j] for j in range(d)) for i in range(N)]
sig = lambda t: 1 / (1 + sp.exp(-t))
# Bernoulli log-likelihood with P(y=1|x) = sigmoid(beta^T x)
LL = sum(Y[i] * sp.log(sig(s[i])) + (1 - Y[i]) * sp.log(1 - sig(s[i])) for i in range(N))
ll = sum(Y[i] * s[i] - sp.log(1 + sp.exp(s[i])) for i in range(N))   # sum over the whole summand
R = {'default': (-1, 1)}
chain(71, LL, ll, ranges=R)
pred = sp.Matrix([sig(t) for t in s])
grad = sp.Matrix([sp.diff(ll, b) for b in beta])
ok = all(equal(grad[j], (X.T * (Y - pred))[j], R) for j in range(d))
print('line 90: %s' % ('holds' if ok else 'fails'))

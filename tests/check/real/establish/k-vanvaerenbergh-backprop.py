"""Establish k-vanvaerenbergh-backprop.tex: backpropagation derivation (UFLDL notation).
Network with n_l = 3 layers (2 inputs, 2 hidden, 2 outputs), sigmoid f, squared error,
m = 2 training examples, weight decay lambda.  W^(l)_{ij}: from unit j of layer l to unit i of layer l+1."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sympy as sp
from _common import vec, D
from _fast import equal  # exact at points where every exp is rational, plus 50 digits (simplify is too slow here)

def check(line, a, b):
    print(f"line {line}: {'holds' if equal(a, b) else 'fails'}")
def check_all(line, pairs):
    print(f"line {line}: {'holds' if all(equal(a, b) for a, b in pairs) else 'fails'}")

f = lambda t: 1 / (1 + sp.exp(-t))
T = sp.Symbol("T", real=True)
fp = lambda t: sp.diff(f(T), T).subs(T, t)
W1 = sp.Matrix(2, 2, vec("u", 4, real=True)); b1 = sp.Matrix(vec("c", 2, real=True))
W2 = sp.Matrix(2, 2, vec("v", 4, real=True)); b2 = sp.Matrix(vec("e", 2, real=True))
lam = sp.Symbol("lam", positive=True)
xs = [sp.Matrix(vec("xa", 2, real=True)), sp.Matrix(vec("xb", 2, real=True))]
ys = [sp.Matrix(vec("ya", 2, real=True)), sp.Matrix(vec("yb", 2, real=True))]
fm = lambda M: M.applyfunc(f)

def forward(x):
    a1 = x; z2 = W1 * a1 + b1; a2 = fm(z2); z3 = W2 * a2 + b2; a3 = fm(z3)
    return a1, z2, a2, z3, a3

def Jsingle(x, y):
    a3 = forward(x)[4]
    return sp.Rational(1, 2) * sum((a3[i] - y[i]) ** 2 for i in range(2))

m = 2
reg = lam / 2 * (sum(t ** 2 for t in W1) + sum(t ** 2 for t in W2))
Jtot = sp.Rational(1, m) * sum(Jsingle(xs[k], ys[k]) for k in range(m)) + reg

# line 190: dJ(W,b)/dW_ij = 1/m sum_k dJ_k/dW_ij + lambda W_ij     (l = 1, i = 1, j = 2 in 1-based)
i, j = 0, 1
check(190, D(Jtot, W1[i, j]), sp.Rational(1, m) * sum(D(Jsingle(xs[k], ys[k]), W1[i, j]) for k in range(m)) + lam * W1[i, j])
# line 192: dJ/db_i = 1/m sum_k dJ(x^(k), y^(i))/db_i  -- y^(i) (i = 1) instead of y^(k)
check(192, D(Jtot, b1[i]), sp.Rational(1, m) * sum(D(Jsingle(xs[k], ys[i]), b1[i]) for k in range(m)))

# single example (x, y) = example 1
x, y = xs[0], ys[0]
a1, z2, a2, z3, a3 = forward(x)
J = Jsingle(x, y)
Z2 = sp.Matrix(vec("Z2_", 2, real=True)); A2 = sp.Matrix(vec("A2_", 2, real=True)); Z3 = sp.Matrix(vec("Z3_", 2, real=True)); A3 = sp.Matrix(vec("A3_", 2, real=True))
J_of_z2 = sp.Rational(1, 2) * sum((fm(W2 * fm(Z2) + b2)[q] - y[q]) ** 2 for q in range(2))
J_of_a2 = sp.Rational(1, 2) * sum((fm(W2 * A2 + b2)[q] - y[q]) ** 2 for q in range(2))
J_of_z3 = sp.Rational(1, 2) * sum((fm(Z3)[q] - y[q]) ** 2 for q in range(2))
J_of_a3 = sp.Rational(1, 2) * sum((A3[q] - y[q]) ** 2 for q in range(2))
at2 = dict(zip(Z2, z2)); atA2 = dict(zip(A2, a2)); at3 = dict(zip(Z3, z3)); atA3 = dict(zip(A3, a3))
dJdz2 = [sp.diff(J_of_z2, Z2[q]).subs(at2) for q in range(2)]
dJdz3 = [sp.diff(J_of_z3, Z3[q]).subs(at3) for q in range(2)]
dJda2 = [sp.diff(J_of_a2, A2[q]).subs(atA2) for q in range(2)]

# line 199: dJ/dW_ij^(l) = dJ/dz_i^(l+1) * dz_i^(l+1)/dW_ij^(l)    (l = 1)
check(199, D(J, W1[i, j]), dJdz2[i] * D(z2[i], W1[i, j]))
# line 200: dJ/db_i^(l) = dJ/dz_i^(l+1)
check(200, D(J, b1[i]), dJdz2[i])
# line 205: dz_i^(l+1)/dW_ij^(l) = a_i^(l)   (true value is a_j^(l)); i != j
check(205, D(z2[i], W1[i, j]), a1[i])
# line 213: delta_i^(l) = dJ/da_i dA_i/dz_i = dJ/da_i f'(z_i)   (hidden layer l = 2)
dadz = sp.diff(f(Z2[i]), Z2[i]).subs(at2)   # da_i/dz_i
check_all(213, [(dJdz2[i], dJda2[i] * dadz), (dJda2[i] * dadz, dJda2[i] * fp(z2[i]))])
# line 218: J = 1/2 sum_i (a_i^(l) - y_i)^2, written with the generic layer l (here l = 2, a hidden layer of the same size)
check(218, J, sp.Rational(1, 2) * sum((a2[q] - y[q]) ** 2 for q in range(2)))
# line 229: dJ/da_i^(n_l) = a_i^(n_l) - y_i
check(229, sp.diff(J_of_a3, A3[i]).subs(atA3), a3[i] - y[i])
# line 233: dJ/da_i^(l) = sum_j dJ/dz_j^(l+1) dz_j^(l+1)/da_i^(l) = sum_j delta_j^(l+1) W_ji^(l)   (l = 2)
z3_of_A2 = W2 * A2 + b2
mid = sum(dJdz3[q] * sp.diff(z3_of_A2[q], A2[i]).subs(atA2) for q in range(2))
check_all(233, [(dJda2[i], mid), (mid, sum(dJdz3[q] * W2[q, i] for q in range(2)))])

"""zc-dassein-two-layer-perceptron-backprop.md: matrix backprop with row-sample matrices
(N = 2 samples), Z = A W, a = sigmoid(Z), A = [ones, a] = a M + ones [1,0,..]; cost J generic
(a cubic polynomial in the entries of the last Z) or the document's BCE / softmax cross-entropy."""
import sympy as sp
from _common import vec, check, check_all, softmax

sig = lambda t: 1 / (1 + sp.exp(-t))
N = 2
def mat(name, r, c):
    return sp.Matrix(r, c, lambda i, j: sp.Symbol(f"{name}{i+1}{j+1}"))
def grad(J, M):  # dJ/dM, same shape as M (denominator layout)
    return M.applyfunc(lambda s: sp.diff(J, s))
def ew(A, B):
    return A.multiply_elementwise(B)

# generic cost of a matrix Z (2 x 2): J = sum c Z^2 + e Z^3
C = mat("c", N, 2); Ec = mat("e", N, 2)
def Jgen(Z):
    return sum(C[i, j] * Z[i, j]**2 + Ec[i, j] * Z[i, j]**3 for i in range(N) for j in range(2))

# line 23 / 30: A W_i = sum_j A_j W_ji = Z_i and Z = [Z_1 Z_2]
A = mat("A", N, 3); W = mat("W", 3, 2)
Z = A * W
check_all(23, [((A * W[:, i])[n], sum(A[n, j] * W[j, i] for j in range(3))) for i in range(2) for n in range(N)])
check_all(30, [(Z[n, i], (A * W[:, i])[n]) for i in range(2) for n in range(N)])
# line 31, 32: dJ/dW = A^T dJ/dZ, dJ/dA = dJ/dZ W^T
Zs = mat("z", N, 2)
G = grad(Jgen(Zs), Zs).subs(dict(zip(Zs, Z)))
Jw = Jgen(Z)
check_all(31, list(zip(grad(Jw, W), A.T * G)))
check_all(32, list(zip(grad(Jw, A), G * W.T)))
# line 37: sigmoid derivative
t = sp.Symbol("t")
check(37, sp.diff(sig(t), t), sig(t) * (1 - sig(t)))
# line 45: dJ/dZ = dJ/da (.) a(1-a), a = sigma(Z), J generic in a
As = mat("s", N, 2)
a_of_Z = Zs.applyfunc(sig)
Ja = Jgen(As)
dJda = grad(Ja, As).subs(dict(zip(As, a_of_Z)))
check_all(45, list(zip(grad(Jgen(a_of_Z), Zs), ew(dJda, ew(a_of_Z, a_of_Z.applyfunc(lambda u: 1 - u))))))
# lines 51-53: A = [ones, a] = a [0, I] + ones [1,0,..] = a M + ...
a = mat("a", N, 2)
M = sp.Matrix.hstack(sp.zeros(2, 1), sp.eye(2))
e1 = sp.Matrix([[1, 0, 0]]); ones = sp.ones(N, 1)
Acat = sp.Matrix.hstack(ones, a)
check_all(51, list(zip(Acat, a * M + ones * e1)))
Asym = mat("B", N, 3)
JA = Jgen(Asym[:, 1:] + Asym[:, :1] * sp.Matrix([[1, 2]]))  # a generic cost of the 2x3 matrix A
dJdA = grad(JA, Asym).subs(dict(zip(Asym, Acat)))
Jof_a = JA.subs(dict(zip(Asym, Acat)))
check_all(53, [(p, q) for p, q in zip(grad(Jof_a, a), dJdA * M.T)])

# line 85: output layer, both cases
# (i) sigmoid output, one unit: J = sum(-Y^T log a - (1-Y^T) log(1-a)), Y is 1 x N
y = vec("y", N); zK = vec("k", N)
aK = [sig(u) for u in zK]
Jb = sum(-y[n] * sp.log(aK[n]) - (1 - y[n]) * sp.log(1 - aK[n]) for n in range(N))
pairs85 = [(sp.diff(Jb, zK[n]), aK[n] - y[n]) for n in range(N)]
# (ii) softmax output, K = 3 classes, Y is K x N with columns summing to 1 (one-hot)
K = 3
ZK = mat("u", N, K); Yv = mat("v", K, N)
aS = sp.Matrix(N, K, lambda n, k: softmax(list(ZK.row(n)))[k])
Js = -(Yv * aS.applyfunc(sp.log)).trace()
onehot = {Yv[K - 1, n]: 1 - sum(Yv[k, n] for k in range(K - 1)) for n in range(N)}
pairs85 += [(p.subs(onehot), q.subs(onehot)) for p, q in zip(grad(Js, ZK), aS - Yv.T)]
check_all(85, pairs85)

# lines 103-124: one sample, Y row (1 x K), Z column (K x 1)
Yr = sp.Matrix([vec("w", K)]); Zc = sp.Matrix(vec("x", K))
S = sum(sp.exp(u) for u in Zc)
sm = Zc.applyfunc(sp.exp) / S
J103 = -(Yr * sm.applyfunc(sp.log))[0]
oh1 = {Yr[K - 1]: 1 - Yr[0] - Yr[1]}
Jdef = -sum(Yr[k] * sp.log(softmax(list(Zc))[k]) for k in range(K))
check(103, Jdef, J103)
r104 = -(Yr * Zc.applyfunc(lambda u: sp.log(sp.exp(u))))[0] + (Yr * sp.ones(K, 1))[0] * sp.log(S)
check(104, J103, r104)
r105 = -(Yr * Zc)[0] + sp.log(S)
check(105, r104.subs(oh1), r105.subs(oh1))          # needs sum(Y) = 1
check_all(111, list(zip(grad(-(Yr * Zc)[0], Zc), -Yr.T)))
aK1 = sm
check_all(115, list(zip(grad(sp.log(S), Zc), aK1.applyfunc(sp.exp) / S)))  # text has exp(a^(K))
check_all(119, [(p.subs(oh1), q.subs(oh1)) for p, q in zip(grad(J103, Zc), sm - Yr.T)]
          + [(p, q) for p, q in zip(sm - Yr.T, aK1 - Yr.T)])
check_all(124, [(p.subs(oh1), q.subs(oh1)) for p, q in zip(grad(J103, Zc), aK1 - Yr.T)])

# lines 129-132 and 144: chain through layer k (A0 -> Z1 -> a1 -> A1 -> Z2 -> J)
A0 = mat("P", N, 3); W1 = mat("Q", 3, 2); W2 = mat("R", 3, 2)
Z1 = A0 * W1
A1s = mat("S", N, 3)
G2 = lambda A1: grad(Jgen(Zs), Zs).subs(dict(zip(Zs, A1 * W2)))
J_A1 = Jgen(A1s * W2)
check_all(129, list(zip(grad(J_A1, A1s), G2(A1s) * W2.T)))
a1s = mat("T", N, 2)
A1_of_a = sp.Matrix.hstack(ones, a1s)
J_a1 = Jgen(A1_of_a * W2)
dJdA1_at = (G2(A1s) * W2.T).subs(dict(zip(A1s, A1_of_a)))
check_all(130, list(zip(grad(J_a1, a1s), dJdA1_at * M.T)))
Z1s = mat("U", N, 2)
a1_of_Z = Z1s.applyfunc(sig)
J_Z1 = J_a1.subs(dict(zip(a1s, a1_of_Z)))
dJda1_at = grad(J_a1, a1s).subs(dict(zip(a1s, a1_of_Z)))
dJdZ1 = grad(J_Z1, Z1s)
check_all(131, list(zip(dJdZ1, ew(dJda1_at, ew(a1_of_Z, a1_of_Z.applyfunc(lambda u: 1 - u))))))
G2_at = G2(sp.Matrix.hstack(ones, a1_of_Z))
check_all(132, list(zip(dJdZ1, ew(G2_at * W2.T * M.T, ew(a1_of_Z, a1_of_Z.applyfunc(lambda u: 1 - u))))))
# line 144 holds for any cost of Z^(k); use the generic cubic cost of Z1 = A0 W1 (keeps this fast)
G1 = grad(Jgen(Z1s), Z1s).subs(dict(zip(Z1s, Z1)))
check_all(144, list(zip(grad(Jgen(Z1), W1), A0.T * G1)))

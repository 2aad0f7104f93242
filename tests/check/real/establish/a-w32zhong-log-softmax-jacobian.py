"""a-w32zhong-log-softmax-jacobian.md: Jacobian of log-softmax z = log y, y = softmax(x); n = 3."""
import sympy as sp
from _common import vec, softmax, check_all, D

n = 3
x = vec("x", n)
y = softmax(x)
z = [sp.log(t) for t in y]
same = [(i, i) for i in range(n)]
diff = [(i, k) for i in range(n) for k in range(n) if i != k]
# line 39 (case i = k, stated in the prose before it)
check_all(39, [(D(z[i], x[k]), 1 / y[i] * y[i] * (1 - y[i])) for i, k in same]
          + [(1 / y[i] * y[i] * (1 - y[i]), 1 - y[k]) for i, k in same])
# line 43 (case i != k)
check_all(43, [(D(z[i], x[k]), 1 / y[i] * (-y[i] * y[k])) for i, k in diff]
          + [(1 / y[i] * (-y[i] * y[k]), -y[k]) for i, k in diff])
# line 47: the Jacobian, entry (i, k) = dz_i/dx_k; the matrix shows 1 - y_k on the diagonal, -y_k off it
written = [[(1 if i == k else 0) - y[k] for k in range(n)] for i in range(n)]
check_all(47, [(D(z[i], x[k]), written[i][k]) for i in range(n) for k in range(n)])

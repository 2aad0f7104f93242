"""The naive SymPy baseline: what a user would write with SymPy alone.

    python tests/bench/naive.py K

Differentiates the explicit cross-entropy over K classes with respect to every logit and
`simplify`s each gradient component minus (softmax_i - y_i) after substituting the constraint
y_K = 1 - y_1 - ... - y_{K-1}. Prints ``K ok seconds``; exits 1 if a component is not shown zero.
"""

from __future__ import annotations

import sys
import time


def naive(k: int) -> bool:
    from sympy import Add, exp, log, simplify, symbols

    z = symbols(f"z1:{k + 1}")
    y = symbols(f"y1:{k + 1}")
    s = Add(*[exp(v) for v in z])
    loss = -Add(*[y[a] * log(exp(z[a]) / s) for a in range(k)])
    constraint = {y[-1]: 1 - Add(*y[:-1])}
    ok = True
    for i in range(k):
        residual = simplify((loss.diff(z[i]) - (exp(z[i]) / s - y[i])).subs(constraint))
        ok = ok and residual.is_zero is True
    return ok


def main(argv: list[str]) -> int:
    k = int(argv[1])
    start = time.perf_counter()
    ok = naive(k)
    print(k, ok, f"{time.perf_counter() - start:.3f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""A linear model with squared error: dL/dw_j = (yhat - y) x_j and dL/db = yhat - y, for n inputs.

The prediction ``yhat = sum_i w_i x_i + b`` is a scalar, the weights ``w_j`` and inputs ``x_j``
are indexed by ``1..n``. Every chain member is computed by SymPy from the previous one.
"""

from __future__ import annotations

from sympy import Derivative, Expr, Sum

from ..api import DerivationBuilder
from ..calculus import linearize_sums, rename_bound
from ..steps import Derivation
from ..symbols import array, hat_name, index, scalar, size

__all__ = ["NAME", "build", "n", "j", "w", "x", "b", "y", "yhat", "L"]

NAME = "mse-linear"

n = size("n")
i, j = index("i"), index("j")
w, x = array("w"), array("x")
b, y, L = scalar("b"), scalar("y"), scalar("L")
yhat = scalar(hat_name("y"))


def build() -> Derivation:
    """The derivation for a symbolic number of inputs ``n``."""
    d = DerivationBuilder(
        NAME,
        title="A linear model with squared error",
        summary="a linear model with squared error: dL/dw_j = (yhat - y) x_j, dL/db = yhat - y",
        size=n,
        intro=(
            r"A linear model predicts $\hat{y}$ from $n$ inputs $x_1, \dots, x_n$ with weights "
            r"$w_1, \dots, w_n$ and a bias $b$; the loss $L$ is half the squared error. We derive "
            r"the gradient of $L$ with respect to one weight $w_j$ and to the bias."
        ),
        notes=(
            r"The bias behaves as a weight whose input is always $1$: $\partial L / \partial b$ is "
            r"$\partial L / \partial w_j$ with $x_j$ replaced by $1$.",
        ),
    )
    d.define(yhat, Sum(w[i] * x[i], (i, 1, n)) + b, name="linear model")
    d.define(L, (yhat - y) ** 2 / 2, name="squared error")

    def unfold_under(e: Derivative) -> Derivative:
        # The definition's summation index is kept apart from the derivative's free index j.
        body = rename_bound(d.unfold(e.expr, keep=[L]), {j.name}, preferred=("i", "m", "p"))
        return Derivative(body, *e.variable_count)

    dl = d.chain(Derivative(L, yhat))
    dl.then(lambda e: Derivative(d.unfold(e.expr, keep=[yhat]), yhat))
    dl.then(lambda e: e.doit())
    d.step(
        "loss-derivative",
        r"The derivative of the loss with respect to the prediction",
        "power rule",
        r"The factor $\frac{1}{2}$ cancels the exponent $2$.",
        dl,
    )

    dw = d.chain(Derivative(yhat, w[j]))
    dw.then(unfold_under)
    dw.then(lambda e: e.doit())
    dw.then(lambda e: linearize_sums(e, n))
    d.step(
        "prediction-weight",
        r"The derivative of the prediction with respect to $w_j$",
        "derivative of a sum",
        r"$\partial w_i / \partial w_j = \delta_{i j}$: only the term $i = j$ of the sum depends on "
        r"$w_j$, and the bias does not.",
        dw,
    )

    db = d.chain(Derivative(yhat, b))
    db.then(unfold_under)
    db.then(lambda e: e.doit())
    d.step(
        "prediction-bias",
        r"The derivative of the prediction with respect to $b$",
        "derivative of a sum",
        r"No weight depends on $b$.",
        db,
    )

    def chain_rule(var: Expr, inner: Expr) -> list[Expr]:
        product = Derivative(L, yhat) * Derivative(yhat, var)
        return [Derivative(L, var), product, product.xreplace({Derivative(L, yhat): dl.last, Derivative(yhat, var): inner})]

    gw = chain_rule(w[j], dw.last)
    d.step(
        "gradient-weight",
        r"The gradient with respect to $w_j$",
        "chain rule",
        r"$L$ depends on $w_j$ only through $\hat{y}$; substitute both derivatives.",
        gw,
    )
    gb = chain_rule(b, db.last)
    d.step(
        "gradient-bias",
        r"The gradient with respect to $b$",
        "chain rule",
        r"Likewise for the bias.",
        gb,
    )
    d.result((gw[0], gw[-1]), explanation="The gradient of the squared error with respect to one weight.")
    return d.build()

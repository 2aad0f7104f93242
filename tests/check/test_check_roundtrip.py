"""Round trip: SymPy expression -> LaTeX (sympy.latex and the printer's hand-written forms) -> parse -> ==."""

from __future__ import annotations

import pytest
from sympy import (
    Derivative,
    Expr,
    KroneckerDelta,
    Rational,
    Sum,
    exp,
    latex,
    log,
    pi,
    root,
    sqrt,
)

from derive.check.parser import CONTINUE, Unsupported, parse_chain, parse_expr
from derive.symbols import array, function, index, scalar, size

k = size("k")
i, o, j = index("i"), index("o"), index("j")
z, y, yhat, w = array("z"), array("y"), array("yhat"), array("w")
L, x, b = scalar("L"), scalar("x"), scalar("b")
sigma, f = function("sigma"), function("f")
S = Sum(exp(z[j]), (j, 1, k))
not_i = 1 - KroneckerDelta(i, o)

ROUND_TRIP: list[Expr] = [
    Derivative(L, z[i]),
    Derivative(yhat[o], z[i]),
    Derivative(L, yhat[o]),
    Derivative(L, (z[i], 2)),
    Derivative(L, z[i], z[j]),
    Derivative(f(x), x),
    Derivative(sigma(x), x),
    exp(z[o]) / S,
    exp(z[o]) / S - exp(2 * z[o]) / S**2,
    exp(z[o]) / S * (1 - exp(z[o]) / S),
    -exp(z[o]) * exp(z[i]) / S**2,
    Sum(y[o] * not_i, (o, 1, k)),
    -Sum(y[o] * yhat[i] * not_i, (o, 1, k)),
    -y[i] * (1 - yhat[i]) + Sum(y[o] * yhat[i] * not_i, (o, 1, k)),
    -Sum(y[o] * log(yhat[o]), (o, 1, k)),
    -Sum(y[o] / yhat[o], (o, 1, k)),
    yhat[i] * Sum(y[o], (o, 1, k)) - y[i],
    yhat[i] - y[i],
    yhat[o] * (1 - yhat[o]),
    -yhat[o] * yhat[i],
    log(yhat[o]),
    sigma(scalar("z")),
    sigma(x) * (1 - sigma(x)),
    KroneckerDelta(i, o),
    1 / (1 + exp(-x)),
    sqrt(x),
    root(x, 3),
    scalar("lambda") * (x + 1),
    Rational(1, 2) * x**2,
    Rational(3, 4) * x - Rational(1, 3),
    x**-2,
    (x + 1) ** -2,
    z[i, j],
    w[i, j] * z[j],
    pi,
    exp(-(x**2) / 2) / sqrt(2 * pi),
    log(1 + exp(x)),
    2 * x * b + 3,
    y[i] / yhat[i] - (1 - y[i]) / (1 - yhat[i]),
    Sum(exp(z[j]), (j, 1, k - 1)),
    z[i + 1],
    scalar("alpha") * z[i] ** 2,
]


@pytest.mark.parametrize("expr", ROUND_TRIP, ids=[latex(e) for e in ROUND_TRIP])
def test_sympy_latex_round_trip(expr: Expr) -> None:
    assert parse_expr(latex(expr), size=k) == expr


# How the project's printer writes them (hand-written forms), and what they must parse to.
HAND_WRITTEN = [
    (r"\frac{\partial L}{\partial z_{i}}", Derivative(L, z[i])),
    (r"\frac{\partial \hat{y}_{o}}{\partial z_{i}}", Derivative(yhat[o], z[i])),
    (
        r"\sum_{o=1}^{k} \frac{\partial L}{\partial \hat{y}_{o}} \frac{\partial \hat{y}_{o}}{\partial z_{i}}",
        Sum(Derivative(L, yhat[o]) * Derivative(yhat[o], z[i]), (o, 1, k)),
    ),
    (
        r"\frac{e^{z_{o}}}{\sum_{j=1}^{k} e^{z_{j}}} - \frac{e^{2 z_{o}}}{\left(\sum_{j=1}^{k} e^{z_{j}}\right)^{2}}",
        exp(z[o]) / S - exp(2 * z[o]) / S**2,
    ),
    (r"\hat{y}_{o} \left(1 - \hat{y}_{o}\right)", yhat[o] * (1 - yhat[o])),
    (r"- \sum_{o \neq i} y_{o} \hat{y}_{i}", -Sum(y[o] * yhat[i] * not_i, (o, 1, k))),
    (r"\hat{y}_{i} \sum_{o=1}^{k} y_{o} - y_{i}", yhat[i] * Sum(y[o], (o, 1, k)) - y[i]),
    (r"-\sum_{o=1}^{k} y_{o} \ln{\left(\hat{y}_{o} \right)}", -Sum(y[o] * log(yhat[o]), (o, 1, k))),
    (r"\ln{\left(\hat{y}_{o} \right)}", log(yhat[o])),
    (r"\sigma\left(z\right)", sigma(scalar("z"))),
    (r"\delta_{i o}", KroneckerDelta(i, o)),
    (r"\sum_{o \neq i} y_{o}", Sum(y[o] * (1 - KroneckerDelta(i, o)), (o, 1, k))),
    (r"\frac{\partial^{2} L}{\partial z_{i}^{2}}", Derivative(L, (z[i], 2))),
    (r"\frac{\partial^{2} L}{\partial z_{j} \partial z_{i}}", Derivative(L, z[i], z[j])),
]


@pytest.mark.parametrize(("text", "expected"), HAND_WRITTEN, ids=[h[0] for h in HAND_WRITTEN])
def test_printer_forms(text: str, expected: Expr) -> None:
    assert parse_expr(text, size=k) == expected


def test_printed_chain() -> None:
    text = (
        r"\frac{\partial L}{\partial z_{i}} = \sum_{o=1}^{k} \frac{\partial L}{\partial \hat{y}_{o}}"
        r" \frac{\partial \hat{y}_{o}}{\partial z_{i}}"
    )
    assert parse_chain(text, size=k) == [
        Derivative(L, z[i]),
        Sum(Derivative(L, yhat[o]) * Derivative(yhat[o], z[i]), (o, 1, k)),
    ]


def test_seed_notation_matches_printed_notation() -> None:
    """The seed writes \\sum_k e^{z_k} (k is also the size): it must equal the printed \\sum_{j=1}^{k}."""
    seed = parse_chain(
        r"= \frac{e^{z_o}}{\sum_k e^{z_k}} \left ( 1 - \frac{e^{z_o}}{\sum_k e^{z_k}} \right)", size=k
    )
    assert seed == [CONTINUE, exp(z[o]) / S * (1 - exp(z[o]) / S)]


@pytest.mark.parametrize(
    "expr",
    [
        Derivative(L * x, x),
        Sum(Derivative(L, yhat[o]) * Derivative(yhat[o], z[i]), (o, 1, k)),
        Sum(y[o] / yhat[o] * Derivative(yhat[o], z[i]), (o, 1, k)),
    ],
    ids=["operator-then-product", "product-of-operators", "operator-in-numerator"],
)
def test_ambiguous_sympy_derivative_output_is_refused(expr: Expr) -> None:
    """sympy.latex prints \\frac{d}{dx} L x for both d(Lx)/dx and x dL/dx: refuse, don't guess."""
    with pytest.raises(Unsupported):
        parse_expr(latex(expr), size=k)

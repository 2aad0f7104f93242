"""The LaTeX printer: table-driven, (expression, expected LaTeX)."""

from __future__ import annotations

import pytest
from sympy import Derivative, Eq, KroneckerDelta, Ne, Rational, Sum, exp, log, pi

from derive.latex import DerivePrinter, to_latex
from derive.symbols import array, function, index, scalar, size

k = size("k")
i, o, j = index("i"), index("o"), index("j")
z, y, yhat = array("z"), array("y"), array("yhat")
L, T, x = scalar("L"), scalar("T"), scalar("x")
S = Sum(exp(z[j]), (j, 1, k))


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        (yhat[o], r"\hat{y}_{o}"),
        (z[i], r"z_{i}"),
        (y[1], r"y_{1}"),
        (S, r"\sum_{j=1}^{k} e^{z_{j}}"),
        (exp(z[o]) / S, r"\frac{e^{z_{o}}}{\sum_{j=1}^{k} e^{z_{j}}}"),
        (Derivative(L, z[i]), r"\frac{\partial L}{\partial z_{i}}"),
        (Derivative(yhat[o], z[i]), r"\frac{\partial \hat{y}_{o}}{\partial z_{i}}"),
        (Derivative(exp(z[o]) / S, z[o]), r"\frac{\partial}{\partial z_{o}} \left(\frac{e^{z_{o}}}{\sum_{j=1}^{k} e^{z_{j}}}\right)"),
        (Derivative(L, z[i], 2), r"\frac{\partial^{2} L}{\partial z_{i}^{2}}"),
        (log(yhat[o]), r"\ln \hat{y}_{o}"),
        (log(x + 1), r"\ln(x + 1)"),
        (-Sum(y[o] * log(yhat[o]), (o, 1, k)), r"-\sum_{o=1}^{k} y_{o} \ln \hat{y}_{o}"),
        (yhat[o] * (1 - yhat[o]), r"\hat{y}_{o} \left(1 - \hat{y}_{o}\right)"),
        (yhat[i] * Sum(y[o], (o, 1, k)) - y[i], r"\hat{y}_{i} \sum_{o=1}^{k} y_{o} - y_{i}"),
        (Sum(y[o] * yhat[i] * (1 - KroneckerDelta(i, o)), (o, 1, k)), r"\sum_{o \neq i} y_{o} \hat{y}_{i}"),
        (KroneckerDelta(i, o), r"\delta_{i o}"),
        (-y[o] / yhat[o], r"-\frac{y_{o}}{\hat{y}_{o}}"),
        ((yhat[i] - y[i]) / T, r"\frac{\hat{y}_{i} - y_{i}}{T}"),
        (Rational(1, 2) * x**2, r"\frac{x^{2}}{2}"),
        (Eq(i, o), r"i = o"),
        (Ne(i, o), r"i \neq o"),
        (function("sigma")(x), r"\sigma(x)"),
        (function("sigma")(x / 2), r"\sigma\left(\frac{x}{2}\right)"),
        (array("ahat")[i], r"\hat{a}_{i}"),
        (log(2 * pi), r"\ln(2 \pi)"),
    ],
)
def test_prints(expr, expected):
    assert to_latex(expr) == expected


def test_log_setting():
    assert to_latex(log(yhat[o]), log="log") == r"\log \hat{y}_{o}"


def test_names_setting():
    assert to_latex(yhat[o], names={"yhat": "p"}) == r"p_{o}"


def test_unknown_setting_is_an_error():
    with pytest.raises(ValueError, match="unknown printer setting"):
        DerivePrinter({"colour": "red"})


def test_bad_log_setting_is_an_error():
    with pytest.raises(ValueError, match="ln"):
        DerivePrinter({"log": "lg"})

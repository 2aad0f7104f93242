"""Table-driven tests of derive.check.parser: the notation, errors and limits."""

from __future__ import annotations

import logging

import pytest
from lark import Lark, logger
from sympy import (
    Derivative,
    E,
    Eq,
    Ge,
    Gt,
    KroneckerDelta,
    Le,
    Lt,
    Ne,
    Rational,
    Sum,
    exp,
    log,
    pi,
    root,
    sqrt,
)

from derive.check.parser import (
    _GRAMMAR_PATH,
    CONTINUE,
    MAX_LENGTH,
    MAX_NESTING,
    Membership,
    ParseError,
    Unsupported,
    parse_chain,
    parse_expr,
    parse_relation,
)
from derive.errors import InputError, NotSupportedError
from derive.symbols import array, function, index, scalar, size

k = size("k")
N = size("N")
i, j, m, n, o = (index(c) for c in "ijmno")
z, y, yhat, w, alpha_, e_ = array("z"), array("y"), array("yhat"), array("w"), array("alpha"), array("e")
L, x, a, b, f, d = (scalar(c) for c in ("L", "x", "a", "b", "f", "d"))
sigma = function("sigma")
SUM_EZ = Sum(exp(z[j]), (j, 1, k))


def P(latex: str):
    return parse_expr(latex, size=k)


EXPRESSIONS = [
    # numbers and arithmetic
    (r"2", 2),
    (r"0.5", Rational(1, 2)),
    (r"3.25", Rational(13, 4)),
    (r"2x", 2 * x),
    (r"x + y", x + scalar("y")),
    (r"x - b", x - b),
    (r"-x", -x),
    (r"- x + 1", 1 - x),
    (r"a \cdot b", a * b),
    (r"a \times b", a * b),
    (r"a * b", a * b),
    (r"a/b", a / b),
    (r"a / b x", a / b * x),
    (r"\frac{a}{b}", a / b),
    (r"\dfrac{a}{b}", a / b),
    (r"\tfrac{1}{2}", Rational(1, 2)),
    (r"x^2", x**2),
    (r"x^{-2}", x**-2),
    (r"(x + 1)^{-2}", (x + 1) ** -2),
    (r"\left( x + 1 \right)^{2}", (x + 1) ** 2),
    (r"\left[ x + 1 \right] a", (x + 1) * a),
    (r"[x + 1]", x + 1),
    (r"\bigl( x + 1 \bigr) a", (x + 1) * a),
    (r"\big( x \big)", x),
    (r"\Bigg( x \Bigg)", x),
    (r"{x + 1}", x + 1),
    (r"\sqrt{x}", sqrt(x)),
    (r"\sqrt[3]{x}", root(x, 3)),
    (r"x \, a", x * a),
    (r"x\;a\!b", x * a * b),
    (r"x \quad + \qquad a", x + a),
    (r"\mathrm{x}", x),
    (r"x − 1", x - 1),  # unicode minus
    # implicit multiplication and identifiers
    (r"y_o \hat{y}_i", y[o] * yhat[i]),
    (r"\hat{y}_o (1 - \hat{y}_o)", yhat[o] * (1 - yhat[o])),
    (r"\hat{y}", scalar("yhat")),
    (r"\hat y", scalar("yhat")),
    (r"\hat{\sigma}", scalar("sigmahat")),
    (r"\sigma", scalar("sigma")),
    (r"\epsilon", scalar("epsilon")),
    (r"\varepsilon", scalar("epsilon")),
    (r"\lambda x", scalar("lambda") * x),
    (r"\alpha_i", alpha_[i]),
    (r"\pi", pi),
    (r"2 \pi a", 2 * pi * a),
    # subscripts
    (r"y_o", y[o]),
    (r"y_{o}", y[o]),
    (r"z_{n,i}", z[n, i]),
    (r"z_{n, i}", z[n, i]),
    (r"z_1", z[1]),
    (r"z_{12}", z[12]),
    (r"w_{ij}", w[i, j]),
    (r"z_{i+1}", z[i + 1]),
    (r"z_{n-1}", z[n - 1]),
    (r"{z}_{i}", z[i]),
    (r"{\hat{y}}_{o}", yhat[o]),
    (r"z_i^2", z[i] ** 2),
    (r"z^2_i", z[i] ** 2),
    # e and exp, ln and log
    (r"e^{x}", exp(x)),
    (r"e^x", exp(x)),
    (r"e^{z_o}", exp(z[o])),
    (r"\exp(x)", exp(x)),
    (r"\exp{x}", exp(x)),
    (r"\exp\left(x\right)", exp(x)),
    (r"e", E),
    (r"2e", 2 * E),
    (r"e_i", e_[i]),
    (r"\ln x", log(x)),
    (r"\ln(x)", log(x)),
    (r"\ln{x}", log(x)),
    (r"\log x", log(x)),
    (r"\log{\left(x \right)}", log(x)),
    (r"\ln \hat{y}_o", log(yhat[o])),
    (r"\ln{\hat{y}_{o}}", log(yhat[o])),
    (r"\ln x^2", log(x**2)),
    (r"\ln(x)^2", log(x) ** 2),
    (r"\ln x \, a", log(x) * a),
    # functions
    (r"\sigma(z)", sigma(scalar("z"))),
    (r"\sigma\left(z\right)", sigma(scalar("z"))),
    (r"\sigma{\left(z \right)}", sigma(scalar("z"))),
    (r"f(x)", function("f")(x)),
    (r"g(x, a)", function("g")(x, a)),
    (r"h(z_i)", function("h")(z[i])),
    (r"\sigma'(x)", Derivative(sigma(x), x)),
    (r"\sigma'(z_i)", Derivative(sigma(z[i]), z[i])),
    (r"f''(x)", Derivative(function("f")(x), (x, 2))),
    (r"\sigma(x) (1 - \sigma(x))", sigma(x) * (1 - sigma(x))),
    (r"\alpha (x + 1)", scalar("alpha") * (x + 1)),
    (r"y(1 - y)", scalar("y") * (1 - scalar("y"))),
    # Kronecker delta
    (r"\delta_{io}", KroneckerDelta(i, o)),
    (r"\delta_{i o}", KroneckerDelta(i, o)),
    (r"\delta_{i,o}", KroneckerDelta(i, o)),
    (r"\delta_{oi}", KroneckerDelta(i, o)),
    (r"\delta_i", array("delta")[i]),
    # sums
    (r"\sum_{j=1}^{k} z_j", Sum(z[j], (j, 1, k))),
    (r"\sum_{j=1}^k z_j", Sum(z[j], (j, 1, k))),
    (r"\sum_j z_j", Sum(z[j], (j, 1, k))),
    (r"\sum_{j} z_j", Sum(z[j], (j, 1, k))),
    (r"\sum\limits_{j=1}^{k} z_j", Sum(z[j], (j, 1, k))),
    (r"\sum^{k}_{j=1} z_j", Sum(z[j], (j, 1, k))),
    (r"\sum_{j=0}^{k-1} z_j", Sum(z[j], (j, 0, k - 1))),
    (r"\sum_{o \neq i} y_o", Sum(y[o] * (1 - KroneckerDelta(i, o)), (o, 1, k))),
    (r"\sum_{o \ne i} y_o", Sum(y[o] * (1 - KroneckerDelta(i, o)), (o, 1, k))),
    (r"\sum_o y_o \ln \hat{y}_o - x", Sum(y[o] * log(yhat[o]), (o, 1, k)) - x),
    (r"-\sum_o \frac{1}{\hat{y}_o} y_o \times a", -Sum(y[o] / yhat[o] * a, (o, 1, k))),
    (r"a \sum_o y_o", a * Sum(y[o], (o, 1, k))),
    (r"\sum_i \sum_j z_{i,j}", Sum(Sum(z[i, j], (j, 1, k)), (i, 1, k))),
    (r"(\sum_o y_o) a", Sum(y[o], (o, 1, k)) * a),
    (r"\sum_{o=1}^{k} o", Sum(o, (o, 1, k))),
    (r"\sum_{n=1}^{N} x_n", Sum(array("x")[n], (n, 1, N))),
    (r"\frac{1}{N} \sum_{n=1}^{N} x_n", Sum(array("x")[n], (n, 1, N)) / N),
    (r"\frac{1}{k}", 1 / k),
    # the bound variable shares the size's name: renamed to a fresh letter
    (r"\sum_k e^{z_k}", SUM_EZ),
    (r"\frac{e^{z_o}}{\sum_k e^{z_k}}", exp(z[o]) / SUM_EZ),
    (r"z_j \sum_k e^{z_k}", z[j] * Sum(exp(z[m]), (m, 1, k))),
    (r"\sum_k \sum_k z_{k}", Sum(Sum(z[m], (m, 1, k)), (j, 1, k))),
    # derivatives
    (r"\frac{\partial L}{\partial z_i}", Derivative(L, z[i])),
    (r"\frac{ \partial L}{\partial z_i}", Derivative(L, z[i])),
    (r"\frac{\partial \hat{y}_o}{\partial z_i}", Derivative(yhat[o], z[i])),
    (r"\frac{d y}{d x}", Derivative(scalar("y"), x)),
    (r"\frac{dy}{dx}", Derivative(scalar("y"), x)),
    (r"\frac{\mathrm{d} y}{\mathrm{d} x}", Derivative(scalar("y"), x)),
    (r"\frac{\partial^2 L}{\partial z_i^2}", Derivative(L, (z[i], 2))),
    (r"\frac{\partial^{2} L}{\partial z_i \partial z_j}", Derivative(L, z[j], z[i])),
    (r"\frac{d^2 y}{d x^2}", Derivative(scalar("y"), (x, 2))),
    (r"\frac{\partial}{\partial z_o} f", Derivative(f, z[o])),
    (
        r"\frac{\partial}{\partial z_o} \left( \frac{e^{z_o}}{\sum_k e^{z_k}} \right)",
        Derivative(exp(z[o]) / SUM_EZ, z[o]),
    ),
    (r"2 \frac{d}{dx} x^2", 2 * Derivative(x**2, x)),
    (r"\frac{d}{dx} \sigma(x)", Derivative(sigma(x), x)),
    (r"\frac{\partial}{\partial x} \sum_o y_o x", Derivative(Sum(y[o] * x, (o, 1, k)), x)),
    (r"\frac{\partial}{\partial x} \frac{\partial}{\partial a} L", Derivative(Derivative(L, a), x)),
    (r"\frac{\partial L}{\partial \hat{y}_o} \times \frac{\partial \hat{y}_o}{\partial z_i}",
     Derivative(L, yhat[o]) * Derivative(yhat[o], z[i])),
    (r"\frac{d}{4}", d / 4),
    (r"\frac{d}{4} x", d * x / 4),
    (r"\frac{d^2}{4}", d**2 / 4),
]


@pytest.mark.parametrize(("latex", "expected"), EXPRESSIONS, ids=[e[0] for e in EXPRESSIONS])
def test_expression(latex: str, expected) -> None:
    assert P(latex) == expected


RELATIONS = [
    (r"i = o", Eq(i, o, evaluate=False)),
    (r"i=o", Eq(i, o, evaluate=False)),
    (r"i \neq o", Ne(i, o, evaluate=False)),
    (r"i \ne o", Ne(i, o, evaluate=False)),
    (r"x < a", Lt(x, a, evaluate=False)),
    (r"x > a", Gt(x, a, evaluate=False)),
    (r"x \le a", Le(x, a, evaluate=False)),
    (r"x \leq a", Le(x, a, evaluate=False)),
    (r"x \ge a", Ge(x, a, evaluate=False)),
    (r"x \geq a", Ge(x, a, evaluate=False)),
    (r"N = 1", Eq(scalar("N"), 1, evaluate=False)),
    (r"y_o=1", Eq(y[o], 1, evaluate=False)),
    (r"\sum_{o=1}^{k} y_o = 1", Eq(Sum(y[o], (o, 1, k)), 1, evaluate=False)),
    (r"\sum_o y_o = 1", Eq(Sum(y[o], (o, 1, k)), 1, evaluate=False)),
    (r"y_o \in \{0, 1\}", Membership(y[o], (0, 1))),
    (r"y_o \in \left\{0,1\right\}", Membership(y[o], (0, 1))),
]


@pytest.mark.parametrize(("latex", "expected"), RELATIONS, ids=[r[0] for r in RELATIONS])
def test_relation(latex: str, expected) -> None:
    assert parse_relation(latex, size=k) == expected


@pytest.mark.parametrize(
    "latex", [r"x", r"a = b = c", r"z_o \in \mathbb{R}", r"i \in C", r"\sum_o y_o", r"= x", r"a = b \le c"]
)
def test_relation_unsupported(latex: str) -> None:
    with pytest.raises(Unsupported):
        parse_relation(latex, size=k)


CHAINS = [
    (r"a = b = x", [a, b, x]),
    (r"a &= b \\ &= x", [a, b, x]),
    (r"a &= b \\[2pt] &= x", [a, b, x]),
    (r"\begin{aligned} a &= b \\ &= x \end{aligned}", [a, b, x]),
    (r"= a + b", [CONTINUE, a + b]),
    ("&= a \\\\\n &= b.", [CONTINUE, a, b]),
    (r"a = b \label{eq:one}", [a, b]),
    (r"a = b \tag{3}", [a, b]),
    (r"a = b \nonumber \\ = x \notag", [a, b, x]),
    (r"a = b,", [a, b]),
    (r"a = b .", [a, b]),
    (r"a = b \quad \text{(chain rule)}", [a, b]),
    (r"a = b \text{by definition}.", [a, b]),
    ("a &= b, \\\\\n &= x.", [a, b, x]),
    (r"x", [x]),
    (r"a \neq b", [Ne(a, b, evaluate=False)]),
    (r"a \le b", [Le(a, b, evaluate=False)]),
]


@pytest.mark.parametrize(("latex", "expected"), CHAINS, ids=[c[0] for c in CHAINS])
def test_chain(latex: str, expected) -> None:
    assert parse_chain(latex, size=k) == expected


def test_continue_is_a_singleton_constant() -> None:
    assert parse_chain(r"= a", size=k)[0] is CONTINUE
    assert repr(CONTINUE) == "CONTINUE"


UNSUPPORTED = [
    r"\int_0^1 x dx",
    r"\prod x_i",
    r"\prod_{i \neq j} x_i",
    r"\lim_{x \to 0} x",
    r"\begin{pmatrix} 1 & 2 \end{pmatrix}",
    r"\begin{cases} 1 \end{cases}",
    r"\mathbb{R}",
    r"x \text{ if } a",
    r"\text{given } x = 1",
    r"\infty",
    r"\foo x",
    r"|x|",
    r"\|x\|",
    r"\ln_2 x",
    r"y_i(z_i)",
    r"J(\theta)",
    r"y_{pos}",
    r"\sum_{j \in input(o)} z_j",
    r"\sum_{n \in N} x_n",
    r"\sum_{i, j} z_{i,j}",
    r"\sum^{k} z_j",
    r"x^23",
    r"z_12",
    r"\mathrm{softmax}(x)",
    r"\frac{\partial}{\partial x} f a",
    r"\frac{d}{d x} L x",
    r"y'",
    r"\left. x \right|",
    r"x \approx a",
    r"\nabla L",
    r"(x+1)_i",
    r"2^{2^{2^{2^{2^{2}}}}}",
    r"a = b \le x",
]


@pytest.mark.parametrize("latex", UNSUPPORTED)
def test_unsupported(latex: str) -> None:
    with pytest.raises(Unsupported) as info:
        parse_chain(latex, size=k)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, NotSupportedError)


def test_unsupported_messages_name_the_construct() -> None:
    with pytest.raises(Unsupported, match=r"integrals.*\\int.*not supported"):
        P(r"\int x")
    with pytest.raises(Unsupported, match="set"):
        P(r"\sum_{j \in C} z_j")
    with pytest.raises(Unsupported, match="sums over a set"):
        P(r"\sum_{j \in input(o)} z_j")
    with pytest.raises(Unsupported, match="word"):
        P(r"y_{pos}")


MALFORMED = [
    r"",
    r"   ",
    r"{x",
    r"x}",
    r"(x",
    r"x)",
    r"\frac{a}",
    r"\frac{a}{",
    r"x^",
    r"x_",
    r"x +",
    r"+",
    r"x ^ ^ 2",
    r"x^2^3",
    r"z_i_j",
    r"\frac{\partial L}{\partial 2}",
    r"\frac{\partial^2 L}{\partial x}",
    r"\partial x",
    r"\sum_o",
    r"a + \sum_o",
    r"\frac{\partial}{\partial x}",
    r"\frac{\partial}{\partial x} / a",
    r"\sqrt",
    "\\",
    r"x \cdot",
    r"= = a",
    r"\hat{}",
    r"\hat{xy}",
    r"@",
    r"a # b",
]


@pytest.mark.parametrize("latex", MALFORMED)
def test_malformed(latex: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_chain(latex, size=k)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, InputError)


def test_error_says_where() -> None:
    with pytest.raises(ParseError, match="column 5"):
        P(r"a + )")
    with pytest.raises(ParseError, match="line 2, column 4"):
        parse_chain("a &= b \\\\\n&= )", size=k)


def test_parse_expr_rejects_relations() -> None:
    with pytest.raises(ParseError):
        P(r"a = b")


def test_length_limit() -> None:
    ok = "+".join(["x"] * (MAX_LENGTH // 2))
    assert P(ok) == (MAX_LENGTH // 2) * x
    with pytest.raises(ParseError, match="too long"):
        P("x" + " " * MAX_LENGTH)


@pytest.mark.parametrize(
    "template",
    [
        ("(", "x", ")"),
        ("{", "x", "}"),
        ("[", "x", "]"),
        (r"\left(", "x", r"\right)"),
        (r"\sqrt{", "x", "}"),
        (r"\ln{", "x", "}"),
        (r"\sigma(", "x", ")"),
        ("x^{", "2", "}"),
        (r"\sum_o (", "y_o", ")"),
        (r"\frac{\partial}{\partial x}\left(", "x", r"\right)"),
    ],
)
def test_nesting_limit(template: tuple[str, str, str]) -> None:
    left, middle, right = template
    assert P(left * MAX_NESTING + middle + right * MAX_NESTING) is not None
    with pytest.raises(ParseError, match="nesting deeper than 100"):
        P(left * (MAX_NESTING + 1) + middle + right * (MAX_NESTING + 1))


def test_many_flat_sums_are_bounded() -> None:
    with pytest.raises(ParseError):
        P(r"\sum_o " * 500 + "y_o")


def test_huge_numbers_are_refused_not_computed() -> None:
    with pytest.raises(Unsupported):
        P("9^{999}" * 2000)
    with pytest.raises(Unsupported):
        P("10^{100000}")


def test_size_must_be_a_symbol() -> None:
    with pytest.raises(TypeError):
        parse_expr("x", size="k")  # type: ignore[arg-type]


def test_grammar_has_no_lalr_conflicts() -> None:
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    handler = Collect()
    logger.addHandler(handler)
    try:
        Lark(_GRAMMAR_PATH.read_text(encoding="utf-8"), parser="lalr", lexer="contextual", debug=True)
    finally:
        logger.removeHandler(handler)
    assert not [msg for msg in messages if "onflict" in msg]


@pytest.mark.parametrize(
    "latex",
    [
        " " * 19_990 + "x",
        "x" + " " * 19_990 + ".",
        "x \\\\ " * 3_000,
        "x" + "\\," * 9_000 + "y",
        "x" + ". " * 9_000,
        "\\\\[" * 5_000,
        "\\left" + " " * 19_000,
        "f" + "'" * 19_000,
        "x = \\text{a}" + " \\text{b}" * 1_800,
        "x" + "\\label{a}" * 2_000,
        "(" * 100 + "x" + ")" * 100,
    ],
    ids=lambda s: repr(s[:12]) + f"..{len(s)}",
)
def test_adversarial_inputs_are_fast(latex: str) -> None:
    import time

    start = time.perf_counter()
    try:
        parse_chain(latex, size=k)
    except (ParseError, Unsupported):
        pass
    assert time.perf_counter() - start < 3

"""The checker: how context is read, how links are verified and reported; documents in other styles
with planted wrong steps; untrusted input end to end (hypothesis)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sympy import Eq, Function, Integer, Ne, Sum, exp, log

from derive.check import (
    CheckOptions,
    DocumentError,
    EquationVerdict,
    LinkVerdict,
    Unsupported,
    check_text,
    exit_code,
    parse_chain,
    plan_document,
    render_text,
    scan,
    to_json,
)
from derive.check import checker as checker_module
from derive.check import reading as rd
from derive.check.document import Block, Inline
from derive.errors import EXIT_FAILED, EXIT_OK, EXIT_UNKNOWN, UsageError
from derive.symbols import array, index, scalar, size
from derive.verify import Settings

DOCS = Path(__file__).resolve().parent / "docs"
FAST = Settings(ks=(1, 2, 3), numeric_ks=(2, 3), points=2)
k, n = size("k"), size("n")
i, o, j = index("i"), index("o"), index("j")
x, y = scalar("x"), scalar("y")
z = array("z")


def check(text: str, name: str = "doc.md", **options):
    opts = {"jobs": 1, "timeout": 120.0, "settings": FAST, **options}
    return check_text(text, name, CheckOptions(**opts))


def verdicts(report) -> list[str]:
    return [e.verdict.value for e in report.equations]


def notes(report) -> list[tuple[str, str]]:
    return [(n.latex, n.role) for n in report.context]


# ------------------------------------------------------------------------- front-end additions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\log \sum_{j=1}^{n} e^{z_j}", log(Sum(exp(z[j]), (j, 1, n)))),
        (r"c + \log \sum_{j=1}^{n} e^{z_j - c}", scalar("c") + log(Sum(exp(z[j] - scalar("c")), (j, 1, n)))),
        (r"\ln \sum_j e^{z_j} + 1", log(Sum(exp(z[j]), (j, 1, n))) + 1),
        (r"2 \log \sum_j z_j", 2 * log(Sum(z[j], (j, 1, n)))),
    ],
)
def test_log_of_a_sum_takes_the_whole_sum(text, expected) -> None:
    assert parse_chain(text, size=n) == [expected]


def test_function_letters_of_the_document() -> None:
    s = Function("s")
    assert parse_chain(r"s(x) = 1", size=k, functions=frozenset("s")) == [s(x), 1]
    with pytest.raises(Unsupported, match="function applied to a variable or as a product"):
        parse_chain(r"s(x) = 1", size=k)  # undeclared: s times x, or s of x? never guessed
    assert parse_chain(r"s (x + 1)", size=k) == [scalar("s") * (x + 1)]  # an operator inside: a product
    assert parse_chain(r"y(1 - y)^2", size=k) == [y * (1 - y) ** 2]
    assert parse_chain(r"\frac{d(x^2)}{dx}", size=k)[0].doit() == 2 * x  # d stays a differential
    # several arguments make an application (a product has one factor in its bracket), and so
    # does a conditional bar: p(x \mid \mu, \sigma) is p of three arguments
    a, b, mu = scalar("a"), scalar("b"), scalar("mu")
    assert parse_chain("x(a, b) = 1", size=k) == [Function("x")(a, b), 1]
    assert parse_chain(r"p(x \mid \mu, b)", size=k) == [Function("p")(x, mu, b)]
    with pytest.raises(Unsupported, match="conditional bars"):
        parse_chain(r"x \mid a", size=k)  # outside a function's brackets it is not read
    texts = [r"s(x) = \frac{1}{1 + e^{-x}}", r"& g(x, y) &= x", r"q'(t) = 1", r"y(1 - y) = y - y^2", "e(x) = 1"]
    assert rd.function_letters(texts) == frozenset("sgq")


def test_printer_forms_the_catalogue_needs() -> None:
    from sympy import Derivative, Symbol

    sigma = Function("sigma")
    t = scalar("z")
    assert parse_chain(r"\boxed{a = b}", size=k) == [scalar("a"), scalar("b")]
    assert parse_chain(r"\mathrm{FL} = \mathrm{x2}", size=k) == [Symbol("FL"), Symbol("x2")]
    assert parse_chain(r"\ln \sigma\left(z\right)", size=k) == [log(sigma(t))]
    assert parse_chain(r"\ln x(1 + x)", size=k) == [log(x) * (1 + x)]  # x is not a function
    assert parse_chain(r"\frac{\partial \mathrm{FL}}{\partial \sigma\left(z\right)}", size=k) == [
        Derivative(Symbol("FL"), sigma(t))
    ]
    with pytest.raises(Unsupported, match="softmax of a whole vector"):
        parse_chain(r"\mathrm{softmax}(x)", size=k)


def test_conditions_written_after_an_equation() -> None:
    assert rd.split_condition(r"\boxed{a = b} \qquad \text{for } \sum_{o=1}^{k} y_{o} = 1") == (
        r"\boxed{a = b}", [r"\sum_{o=1}^{k} y_{o} = 1"]
    )
    assert rd.split_condition(r"a = b, \quad \text{if } i \neq o, j = o.") == ("a = b", [r"i \neq o", "j = o"])
    assert rd.split_condition(r"a = \frac{1}{\text{if } x}") == (r"a = \frac{1}{\text{if } x}", [])
    report = check(
        "$$p_o = \\frac{e^{z_o}}{\\sum_{j=1}^{k} e^{z_j}}$$\n"
        "$$\\frac{\\partial p_o}{\\partial z_i} = p_o (1 - p_o) \\quad \\text{if } i = o$$\n"
        "$$\\frac{\\partial p_o}{\\partial z_i} = -p_o p_i \\quad \\text{if } i = o$$\n"
        "$$\\sqrt{x^2} = x \\quad \\text{for } x > 0$$\n"
        "$$a = b \\quad \\text{for } \\int x$$\n"
    )
    assert verdicts(report) == ["definition", "verified", "refuted", "unknown", "unsupported"]
    assert report.equations[1].links[0].conditions == ("i = o",)
    assert report.equations[3].reason == "the condition x > 0 is not used by the verifier (yet)"
    assert report.equations[4].reason.startswith("the condition '\\int x' could not be read")


def test_equations_separated_by_quad_are_split() -> None:
    doc = scan("$$a = b \\qquad c = d$$\n$$e = f \\quad (i \\neq o)$$\n", kind="md")
    blocks = [(b.line, b.latex.strip()) for b in doc.items if isinstance(b, Block)]
    assert blocks == [(1, "a = b"), (1, "\\qquad c = d"), (2, "e = f \\quad (i \\neq o)")]


def test_latex_comments_are_not_math() -> None:
    doc = scan("\\begin{equation}\n a = b % a comment\n\\end{equation}\n", kind="tex")
    (block,) = [b for b in doc.items if isinstance(b, Block)]
    assert "% a comment" in block.latex  # as written
    assert parse_chain(block.latex, size=k) == [scalar("a"), scalar("b")]
    assert parse_chain("a = b \\\\% c\n + 1", size=k) == [scalar("a"), scalar("b") + 1]  # \\ then a comment


def test_inline_math_carries_the_words_before_it() -> None:
    doc = scan("Let us assume $N = 1$ and if $y = 2$ then.\n", kind="md")
    assert [(m.latex, m.before) for m in doc.items if isinstance(m, Inline)] == [
        ("N = 1", "Let us assume "),
        ("y = 2", "Let us assume $N = 1$ and if "),
    ]


# ---------------------------------------------------------------------------------- reading


def test_size_from_the_upper_bounds_else_k_else_a_free_letter() -> None:
    assert check("$$f = \\sum_{m=1}^{n} x_m$$").size == "n"
    assert check("$$f = \\sum_{m} x_m$$").size == "k"
    assert check("$$\\frac{\\partial L}{\\partial z_k} = 1$$").size == "K"  # k is an index here
    assert check("$$f = \\sum_{m} x_m$$", size="N").size == "N"
    with pytest.raises(UsageError, match="--size must be one letter"):
        check("$$a = b$$", size="kk")


def test_index_mismatch_messages() -> None:
    from sympy import Derivative

    L, yhat = scalar("L"), array("yhat")
    message, left, right = rd.index_mismatch(Derivative(L, z[i]), Derivative(L, yhat[o]) * Derivative(yhat[o], z[i]), [], ["k"])
    assert message == "the left side has free index i, the right side has free indices i and o"
    assert (left, right) == (set(), {o})
    assert rd.index_mismatch(Derivative(yhat[o], z[i]), Derivative(yhat[o], z[o]), [Eq(i, o)], ["k"]) is None
    assert rd.index_mismatch(Derivative(yhat[i], z[i]), z[o], [Ne(i, o)], ["k"]) is None  # a case parameter
    assert rd.describe_indices({i, j, o}) == "free indices i, j and o"
    assert rd.index_mismatch(Sum(Derivative(yhat[o], z[i]), (o, 1, k)), Integer(0), [], ["k"]) is None  # a constant


@pytest.mark.parametrize(
    ("before", "word"),
    [("and that if ", "if"), ("when ", "when"), ("For a positive example (", None), ("hence ", None), ("for ", "for")],
)
def test_conditional_words(before, word) -> None:
    assert rd.conditional_word(before) == word


# -------------------------------------------------------------------------------- definitions


def test_definitions_and_what_is_not_one() -> None:
    report = check(
        "$$a = x^2$$\n"  # a new scalar: definition
        "$$a = x \\cdot x$$\n"  # a is defined now: a claim
        "$$\\sigma(t) = \\frac{1}{1 + e^{-t}}$$\n"  # a function
        "$$w_i = 2 z_i$$\n"  # an indexed quantity
        "$$u = u + 1$$\n"  # refers to itself: an update rule (an assignment), not checked
        "$$v_i = z_o$$\n"  # an index the new left side does not bind: a label, or a slip (not read)
        "$$w_i = z_o$$\n"  # the same about a quantity defined before: a claim, ill-formed
        "$$b = x = x$$\n"  # a definition, then a claim
    )
    assert verdicts(report) == ["definition", "verified", "definition", "definition", "unsupported", "unknown", "ill-formed", "verified"]
    assert [link.verdict for link in report.equations[-1].links] == [LinkVerdict.DEFINITION, LinkVerdict.PROVED]
    assert report.equations[5].links[0].detail.startswith("the left side has free index i, the right side has free index o; v_{i} is new here")
    assert report.equations[6].reason == "the left side has free index i, the right side has free index o"


def test_definition_signs() -> None:
    report = check(
        "$$L := x^2 + 1$$\n$$s(x) \\coloneqq e^{x}$$\nand $q \\triangleq x^3$.\n"
        "$$\\frac{dL}{dx} = 2 x$$\n$$\\frac{d s(x)}{dx} = s(x)$$\n$$\\frac{dq}{dx} = 3 x^2$$\n"
    )
    assert verdicts(report) == ["definition", "definition", "verified", "verified", "verified"]
    assert notes(report) == [(r"q \triangleq x^3", "definition")]


def test_front_matter_and_options() -> None:
    text = '---\nderive:\n  define:\n    - "f = x^3"\n  assume:\n    - "c = 2"\n---\n$$\\frac{df}{dx} = 3 x^2$$\n$$c x = 2 x$$\n'
    report = check(text, defines=("g = x^2",), assumes=(r"y_o \in \{0, 1\}",))
    assert verdicts(report)[0] == "verified"
    assert verdicts(report)[1] in ("verified", "checked")  # c = 2 is used (the instances, at least)
    assert [(n.latex, n.role, n.source) for n in report.context] == [
        ("f = x^3", "definition", "front matter"),
        ("c = 2", "assumption", "front matter"),
        ("g = x^2", "definition", "--define"),
        (r"y_o \in \{0, 1\}", "assumption", "--assume"),
    ]
    assert report.equations[1].links[0].conditions == ("c = 2",)


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"defines": ("x + 1 = 2",)}, UsageError, "the left side must be a new symbol"),
        ({"defines": ("f = 1 = 2",)}, UsageError, "expected one equation NAME = EXPRESSION"),
        ({"defines": ("f = \\int x",)}, UsageError, "integrals"),
        ({"assumes": ("a + b",)}, UsageError, "not a single relation"),
    ],
)
def test_bad_options_are_usage_errors(options, error, message) -> None:
    with pytest.raises(error, match=re.escape(message)):
        check("$$a = b$$", **options)


def test_bad_front_matter_define_is_a_document_error() -> None:
    with pytest.raises(DocumentError, match="front matter define"):
        check('---\nderive:\n  define:\n    - "1 = 2"\n---\n$$a = b$$\n')


# ------------------------------------------------------------------------------ chains, blocks


def test_chains_continuations_and_blocks_that_are_not_equations() -> None:
    report = check(
        "$$= x$$\n"  # nothing to continue
        "$$(x + 1)^2 = x^2 + 2 x + 1$$\n"
        "$$= (1 + x)(x + 1)$$\n"  # continues the previous chain
        "$$\\int x$$\n"
        "$$= x$$\n"  # continues an unsupported block
        "$$x^2$$\n"  # a lone expression
        "$$= x x$$\n"  # continues it
        "$$a \\le b$$\n"
    )
    assert verdicts(report) == ["unsupported", "verified", "verified", "unsupported", "unsupported", "unsupported", "verified", "unsupported"]
    reasons = [e.reason for e in report.equations]
    assert reasons[0] == "starts with '=' but no equation precedes it"
    assert reasons[4] == "continues an equation that could not be read"
    assert reasons[5] == "a lone expression: nothing to check"
    assert reasons[7].startswith("only equations are checked")
    assert report.equations[2].links[0].lhs == "x^{2} + 2 x + 1"


def test_assumption_in_display_math_is_used_afterwards() -> None:
    report = check(
        "$$p = \\sum_{o=1}^{k} y_o z_o$$\n"
        "$$\\sum_{o=1}^{k} y_o = 1$$\n"
        "$$\\sum_{o=1}^{k} y_o (z_o + 1) = p + 1$$\n"
    )
    assert verdicts(report) == ["definition", "assumption", "verified"]
    assert report.equations[2].links[0].conditions == (r"\sum_{o=1}^{k} y_{o} = 1",)


def test_undefined_quantities_are_not_differentiated_as_constants() -> None:
    report = check("$$\\frac{\\partial L}{\\partial w} = 2 w$$\n$$L = w^2$$\n$$\\frac{\\partial L}{\\partial w} = 2 w$$\n")
    assert verdicts(report) == ["unknown", "definition", "verified"]
    assert report.equations[0].reason.startswith("not decided: L (as a function of w) is never defined: it fails with a test function")


def test_a_chain_rule_through_defined_quantities_is_checked_for_an_undefined_loss() -> None:
    """L never defined, a and z defined: L stands for a test function of a (checked, not proved);
    a chain that leaves out a factor fails with it (unknown: the author's L is not known); a chain
    through quantities none of which is defined telescopes whatever depends on what: not taken."""
    report = check(
        "Let $z = w x + b$ and $a = \\frac{1}{1 + e^{-z}}$.\n\n"
        "$$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial a} \\frac{\\partial a}{\\partial z} \\frac{\\partial z}{\\partial w} = \\frac{\\partial L}{\\partial a} a (1 - a) x$$\n\n"
        "$$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial a} a (1 - a)$$\n\n"
        "$$\\frac{\\partial E}{\\partial v} = \\frac{\\partial E}{\\partial q} \\frac{\\partial q}{\\partial r} \\frac{\\partial r}{\\partial v}$$\n"
    )
    assert verdicts(report) == ["checked", "unknown", "unknown"]
    assert "in place of L (as a function of a)" in report.equations[0].links[0].detail
    assert report.equations[2].reason == "E, q, r are differentiated but not defined (before this line)"


def test_a_quantity_never_defined_in_its_own_algebra_is_checked() -> None:
    """h written bare, and h(1 - h) the product (a name applied to an expression of itself is not an
    application): each step holds for any h of theta; the slip fails for a test function (unknown)."""
    report = check(
        "$$\\frac{\\partial}{\\partial \\theta} \\left[ -y \\log h - (1-y) \\log(1-h) \\right]"
        " = \\frac{h - y}{h(1-h)} \\frac{\\partial h}{\\partial \\theta}$$\n"
        "$$= \\frac{h + y}{h(1-h)} \\frac{\\partial h}{\\partial \\theta}$$\n"
    )
    assert verdicts(report) == ["checked", "unknown"]


def test_a_hatted_quantity_defined_only_in_words_is_not_a_constant() -> None:
    """'$\\hat{y}$ is the softmax of $z$' defines nothing a checker can use; the gradient through
    an undefined estimate is unknown, not refuted by treating yhat as independent of z."""
    report = check(
        "Here $\\hat{y}$ is the softmax of the logits $z$ and $\\sum_{o=1}^{k} y_o = 1$.\n\n"
        "$$L = -\\sum_{o=1}^{k} y_o \\ln \\hat{y}_o$$\n\n"
        "$$\\frac{\\partial L}{\\partial z_i} = \\hat{y}_i - y_i$$\n"
        "$$\\frac{\\partial L}{\\partial y_i} = -\\ln \\hat{y}_i$$\n"  # nor known not to depend on y
    )
    assert verdicts(report) == ["definition", "unknown", "unknown"]
    assert report.equations[1].reason == "\\hat{y} is differentiated but not defined (before this line)"


# ------------------------------------------------------------------------ inline math in prose


def test_a_function_definition_also_defines_its_bare_name() -> None:
    report = check(
        "$$J(w, b) = \\frac{1}{N} \\sum_{n=1}^{N} (w x_n + b - y_n)^2$$\n"
        "$$\\frac{\\partial J}{\\partial b} = \\frac{2}{N} \\sum_{n=1}^{N} (w x_n + b - y_n)$$\n"
        "$$\\frac{\\partial J}{\\partial b} = \\frac{1}{N} \\sum_{n=1}^{N} (w x_n + b - y_n)$$\n"
    )
    assert verdicts(report) == ["definition", "verified", "refuted"]


def test_a_quantity_defined_by_an_unreadable_equation_is_not_a_constant() -> None:
    report = check("$$\\hat{y} = \\mathbf{W} \\mathbf{x}$$\n$$L = (\\hat{y} - y)^2$$\n$$\\frac{\\partial L}{\\partial w_j} = 0$$\n")
    assert verdicts(report) == ["unsupported", "definition", "unknown"]
    assert report.equations[2].reason == "\\hat{y} is differentiated but not defined (before this line)"


@pytest.mark.parametrize("text", [r"\theta^{(t+1) 2}", r"W^{[l]2}", r"a^{l}", r"W^L", r"z^{L-1}"])
def test_notation_that_is_not_a_power_is_refused(text) -> None:
    with pytest.raises(Unsupported, match="not powers"):
        parse_chain(text, size=k)


def test_inline_relations_in_prose() -> None:
    report = check(
        "Let $a = 2$ and suppose nothing. If $b = 3$ then... A label $y_o = 1$, a value $c = 4$, and\n"
        "$y_o \\in \\{0, 1\\}$; $i \\neq o$ in prose. Here $q = x + 1$ defines q, and\n"
        "$\\frac{dq}{dx} = 1$ is a claim in prose; $q = 1 + x$ mentions q.\n"
        "Since $\\sum_{o=1}^{k} y_o = 1$ holds and $x > 0$, $$a q = 2 x + 2$$\n"
    )
    assert notes(report) == [
        ("a = 2", "assumption"),
        ("b = 3", "case"),  # for the next display only (it does not mention b)
        ("y_o = 1", "ignored"),
        ("c = 4", "ignored"),
        (r"y_o \in \{0, 1\}", "assumption"),
        (r"i \neq o", "ignored"),
        ("q = x + 1", "definition"),
        (r"\frac{dq}{dx} = 1", "ignored"),
        ("q = 1 + x", "ignored"),
        (r"\sum_{o=1}^{k} y_o = 1", "assumption"),
        ("x > 0", "assumption"),
    ]
    why = {n.latex: n.note for n in report.context}
    assert why["b = 3"] == "applies to the next display equation (after 'if')"
    assert why["y_o = 1"] == "an equality with free index o reads as a statement about one element"
    assert why["c = 4"].startswith("a particular value reads as a case")
    assert why[r"\frac{dq}{dx} = 1"] == "a claim in inline math: only display equations are checked"
    assert why["x > 0"] == "recorded; inequalities are not used by the verifier (yet)"
    (eq,) = report.equations
    assert eq.verdict in (EquationVerdict.VERIFIED, EquationVerdict.CHECKED)  # a = 2 is used
    assert eq.links[0].conditions == ("a = 2",)  # only the relevant assumptions


def test_conditions_in_the_prose_around_a_display() -> None:
    report = check(
        "$$p_i = \\frac{e^{a_i}}{\\sum_{m=1}^{N} e^{a_m}}$$\n"
        "If $i = j$,\n$$\\frac{\\partial p_i}{\\partial a_j} = p_i - p_i^2$$\n"
        "and if $i \\ne j$,\n$$\\frac{\\partial p_i}{\\partial a_j} = -p_i p_j$$\n"
        "$$\\frac{\\partial p_i}{\\partial a_j} = -p_i p_j$$ for $i \\neq j$.\n"
        "$$\\frac{\\partial p_i}{\\partial a_j} = -p_i p_j$$\n"  # no condition, in a section whose words state the cases
        "$$L = -\\sum_{m=1}^{N} y_m \\log p_m$$\n"
        "$$\\frac{\\partial L}{\\partial a_j} = p_j - y_j$$\nsince $\\sum_m y_m = 1$.\n"
        "$$\\frac{\\partial E}{\\partial w} = v$$ where $E = v w$.\n"
    )
    # the formula for i != j written again without its case: it holds in one of the cases the section's
    # words state, so unknown (the author may mean that case); with no case in the words, refuted
    assert verdicts(report) == ["definition", "verified", "verified", "verified", "unknown", "definition", "verified", "verified"]
    assert [e.links[0].conditions for e in report.equations[1:5]] == [("i = j",), (r"i \neq j",), (r"i \neq j",), ()]
    alone = check("$$p_i = \\frac{e^{a_i}}{\\sum_{m=1}^{N} e^{a_m}}$$\n$$\\frac{\\partial p_i}{\\partial a_j} = -p_i p_j$$\n")
    assert verdicts(alone) == ["definition", "refuted"]
    assert report.equations[6].links[0].conditions == (r"\sum_{m=1}^{N} y_{m} = 1",)
    assert notes(report) == [
        ("i = j", "case"), (r"i \ne j", "case"), (r"i \neq j", "case"), (r"\sum_m y_m = 1", "assumption"), ("E = v w", "definition"),
    ]


def test_case_conditions_from_bullets_and_headings() -> None:
    text = (
        "$$f_o = e^{z_o}$$\n"
        "- Case $i = o$:\n"
        "$$\\frac{\\partial f_o}{\\partial z_i} = f_i$$\n"
        "- Case $i \\neq o$:\n"
        "$$\\frac{\\partial f_o}{\\partial z_i} = 0$$\n"
        "$$f_o = e^{z_o}$$\n"  # no i: the case does not apply (and f is defined: a claim)
        "## When $i = o$ again\n"
        "$$\\frac{\\partial f_i}{\\partial z_o} = f_o$$\n"
        "## Back to general\n"
        "$$\\frac{\\partial f_o}{\\partial z_i} = f_o - f_i$$\n"  # no case: false
    )
    report = check(text)
    assert verdicts(report) == ["definition", "verified", "verified", "verified", "verified", "refuted"]
    assert [e.links[0].conditions for e in report.equations[1:]] == [("i = o",), (r"i \neq o",), (), ("i = o",), ()]


def test_a_bullet_case_past_a_paragraph_that_may_end_its_list_decides_only_what_does_not_depend_on_it() -> None:
    """Markdown ends a list at an unindented paragraph: after one, a bullet's case may or may not
    still apply, so each claim is checked with and without it and has a verdict only when both agree."""
    text = (
        "$$f_o = e^{z_o}$$\n\n"
        "- Case $i = o$:\n\n"
        "  $$\\frac{\\partial f_o}{\\partial z_i} = f_i$$\n\n"  # inside the item: the case holds
        "Now in general,\n\n"
        "$$\\frac{\\partial f_o}{\\partial z_i} = f_i$$\n\n"  # true under i = o only: undecided
        "$$\\frac{\\partial f_o}{\\partial z_i} = \\delta_{io} f_o$$\n\n"  # true either way
        "$$\\frac{\\partial f_o}{\\partial z_i} = 2 f_i$$\n"  # false either way
    )
    report = check(text)
    assert verdicts(report) == ["definition", "verified", "unknown", "verified", "refuted"]
    assert "may have ended with the list (the paragraph at line 7)" in report.equations[2].links[0].detail
    tight = text.replace("Now in general,\n\n", "")  # no paragraph in between: the case holds
    assert verdicts(check(tight)) == ["definition", "verified", "verified", "verified", "refuted"]


# ------------------------------------------------------------------------- verdicts and limits


def test_a_value_in_a_heading_is_a_case_and_an_identity_in_prose_is_not_assumed() -> None:
    report = check(
        "$$F = -(1 + s^2)^{g} \\ln s$$\n"  # (a base that stays positive: a counterexample is real)
        "## Without focusing: $g = 0$\n"
        "$$F = -\\ln s$$\n"
        "## Back\n"
        "$$F = -\\ln s$$\n"
        "The identity $\\ln(a b) = \\ln a + \\ln b$ holds, and $\\sum_{o=1}^{k} q_o = 1$.\n"
    )
    assert verdicts(report) == ["definition", "verified", "refuted"]
    assert report.equations[1].links[0].conditions == ("g = 0",)
    assert notes(report)[0] == ("g = 0", "case")
    assert notes(report)[1:] == [(r"\ln(a b) = \ln a + \ln b", "ignored"), (r"\sum_{o=1}^{k} q_o = 1", "assumption")]


def test_checked_is_its_own_verdict_and_does_not_fail() -> None:
    report = check("$$\\sum_{j=1}^{k} j = \\frac{k(k+1)}{2}$$\n")
    (eq,) = report.equations
    assert eq.verdict is EquationVerdict.CHECKED and eq.links[0].verdict is LinkVerdict.CHECKED
    assert eq.reason.startswith("exact instances and numerics agree; not proved for the general size")
    assert exit_code([report], strict=True) == EXIT_OK


def test_time_limit_gives_unknown() -> None:
    text = "$$p_o = \\frac{e^{z_o}}{\\sum_{j=1}^{k} e^{z_j}}$$\n$$\\frac{\\partial p_o}{\\partial z_i} = p_o (\\delta_{io} - p_i)$$\n"
    # exact instances up to k = 80: seconds of work, whatever the worker inherited from this
    # process's memos (it is forked), so the 0.05 s limit is always reached first
    report = check(text, timeout=0.05, settings=Settings(ks=tuple(range(1, 81))))
    (_, eq) = report.equations
    assert eq.verdict is EquationVerdict.UNKNOWN
    assert eq.links[0].detail == "time limit of 0.05 s reached"
    assert exit_code([report], strict=False) == EXIT_OK
    assert exit_code([report], strict=True) == EXIT_UNKNOWN


def test_limits(monkeypatch) -> None:
    monkeypatch.setattr(checker_module, "MAX_EQUATIONS", 3)
    with pytest.raises(DocumentError, match=r"4 display equations \(limit 3\)"):
        check("$$a = 1$$\n" * 4)
    monkeypatch.setattr(checker_module, "MAX_CHAIN", 2)
    assert check("$$a = a = a = a$$").equations[0].reason == "a chain of 3 equalities (limit 2)"
    monkeypatch.setattr(checker_module, "MAX_LINKS", 2)
    with pytest.raises(DocumentError, match=r"3 equalities to verify \(limit 2\)"):
        check("$$x = x$$\n$$x = x$$\n$$x = x$$\n")


def test_exit_codes() -> None:
    ok = check("$$x + x = 2 x$$")
    bad = check("$$x + x = 3 x$$")
    ill = check("$$z_i = z_o$$")
    unsupported = check("$$\\int x = 1$$")
    assert exit_code([ok], strict=True) == EXIT_OK
    assert exit_code([ok, bad], strict=False) == EXIT_FAILED
    assert exit_code([ill], strict=False) == EXIT_FAILED
    assert exit_code([unsupported], strict=False) == EXIT_OK
    assert exit_code([unsupported], strict=True) == EXIT_UNKNOWN
    assert exit_code([unsupported, bad], strict=True) == EXIT_FAILED


def test_deterministic_whatever_the_number_of_workers() -> None:
    text = (DOCS / "sigmoid-bce.md").read_text(encoding="utf-8")
    one = to_json(check(text, jobs=1))
    two = to_json(check(text, jobs=2))
    again = to_json(check(text, jobs=2))
    assert json.dumps(one) == json.dumps(two) == json.dumps(again)


def test_in_process_without_a_time_limit_gives_the_same_report() -> None:
    text = (DOCS / "linear-mse.md").read_text(encoding="utf-8")
    assert to_json(check(text, timeout=None)) == to_json(check(text, jobs=2))


def test_plan_finds_unusable_input_before_any_verification(monkeypatch) -> None:
    def fail(*args, **kwargs):
        raise AssertionError("verification started")

    monkeypatch.setattr(checker_module, "run_jobs", fail)
    plan = plan_document(scan("$$a = b$$\n$$b = 2 a$$", kind="md"), "doc.md", CheckOptions(settings=FAST))
    assert len(plan.jobs) == 1


# ------------------------------------------------------------------------------------ report


def test_json_schema() -> None:
    data = to_json(check("$$x + x = 3 x$$\nLet $c = 1$.\n"))
    assert list(data) == ["schema", "file", "size", "verdict", "counts", "equations", "context", "warnings"]
    assert data["schema"] == "derive/check-v1" and data["verdict"] == "failed"
    (eq,) = data["equations"]
    assert list(eq) == ["line", "latex", "kind", "verdict", "reason", "links"]
    (link,) = eq["links"]
    assert list(link) == ["lhs", "rhs", "verdict", "counterexample", "detail", "conditions", "evidence"]
    assert list(link["counterexample"]) == ["size", "k", "indices", "values", "lhs", "rhs"]
    assert link["counterexample"]["k"] is None  # no sums, no indices: no size
    assert data["context"] == [{"line": 2, "latex": "c = 1", "role": "assumption", "note": "used where relevant", "source": "document"}]


def test_text_report_and_colour() -> None:
    report = check("# T\n\n$$x + x = 3 x$$\n\nLet $c = 1$.\n\n$$x + x = 2 x$$\n", name="t.md")
    plain = render_text(report)
    assert "\x1b[" not in plain
    lines = plain.splitlines()
    assert lines[0].startswith("t.md:3: refuted     x + x = 3 x")
    assert lines[1] == "    link 1: ✗ refuted: 2 x = 3 x"
    assert lines[2].startswith("        counterexample: x = ")
    assert lines[3] == "t.md:5: assumption  $c = 1$ — used where relevant"
    assert lines[4] == "t.md:7: verified    x + x = 2 x"
    assert lines[-1] == "t.md: 2 equations: 1 verified, 1 refuted"
    coloured = render_text(report, colour=True)
    assert "\x1b[1;31mrefuted" in coloured and "\x1b[1;32mverified" in coloured


# ---------------------------------------------------------------- other styles, planted errors

PLANTED = re.compile(r"planted: (refuted|ill-formed)")


def _planted(path: Path) -> dict[int, str]:
    """Line -> the verdict planted there (marked by a comment on the line where the display starts)."""
    out = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        m = PLANTED.search(line)
        if m and not line.lstrip().startswith("%"):
            out[number] = m.group(1)
    return out


@pytest.mark.parametrize("name", ["sigmoid-bce.md", "log-sum-exp.tex", "linear-mse.md", "second-derivatives.tex"])
def test_documents_in_other_styles(name) -> None:
    """Every planted wrong step is refuted (or ill-formed where so marked); no correct step is."""
    path = DOCS / name
    report = check_text(path.read_text(encoding="utf-8"), name, CheckOptions(jobs=2, timeout=120))
    planted = _planted(path)
    assert planted, "the document plants no error"
    found = {e.line: e.verdict.value for e in report.equations if e.verdict.value in ("refuted", "ill-formed")}
    assert found == planted
    others = [e for e in report.equations if e.line not in planted]
    assert all(e.verdict.value in ("verified", "definition", "assumption") for e in others), [
        (e.line, e.verdict.value, e.reason) for e in others if e.verdict.value not in ("verified", "definition", "assumption")
    ]
    for e in report.equations:
        if e.verdict is EquationVerdict.REFUTED:
            assert any(link.counterexample for link in e.links)


# ---------------------------------------------------------------- untrusted input, end to end

DOC_TOKENS = [
    "$$", "$", "\\[", "\\]", "\n", "\n\n", "# ", "- Case ", "---\n", "derive:\n", "  define:\n", '    - "f = x"\n',
    "x", "y_o", "z_i", "\\hat{y}_i", "L", "=", "+", "-", "^2", "^{", "}", "{", "(", ")", "\\frac{", "}{",
    "\\partial ", "\\sum_{o=1}^{k}", "\\sum_o", "\\sum_{o \\neq i}", "e^{z_o}", "\\ln", "\\log", "\\sigma(z)",
    "i = o", "i \\neq o", "\\delta_{io}", "\\cdot", "\\times", "\\int", "\\\\", "&", "%", "\\begin{align}",
    "\\end{align}", "1", "0", "2", "\\quad", "if ", "let ", "\x00", "\\in \\{0, 1\\}",
]
END_TO_END = settings(
    max_examples=int(os.environ.get("DERIVE_HYPOTHESIS_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)


@END_TO_END
@given(st.lists(st.sampled_from(DOC_TOKENS), max_size=50), st.sampled_from(["doc.md", "doc.tex"]))
def test_random_documents_never_crash(tokens, name) -> None:
    text = "".join(tokens)
    try:
        report = check(text, name, timeout=2.0)
    except (DocumentError, UsageError) as exc:
        assert "\n" not in exc.one_line()
        return
    rendered = render_text(report)
    json.dumps(to_json(report))
    assert rendered.endswith("\n")
    for e in report.equations:
        if e.verdict is EquationVerdict.VERIFIED:  # never verified without every link proved
            assert all(link.verdict in (LinkVerdict.PROVED, LinkVerdict.DEFINITION) for link in e.links)


@END_TO_END
@given(st.text(max_size=400))
def test_arbitrary_text_never_crashes(text) -> None:
    try:
        check(text, "doc.md", timeout=2.0)
    except DocumentError as exc:
        assert "\n" not in exc.one_line()


def test_deep_and_long_math_is_bounded() -> None:
    deep = "$$" + "{" * 150 + "x" + "}" * 150 + " = x$$"
    assert check(deep).equations[0].verdict is EquationVerdict.UNSUPPORTED
    long = "$$" + " + ".join(["x"] * 8000) + " = x$$"
    assert "math too long" in check(long).equations[0].reason
    nested = "$$" + "\\frac{1}{" * 91 + "x" + "}" * 91 + " = x$$"  # 1/x
    assert check(nested, timeout=5.0).equations[0].verdict in (EquationVerdict.REFUTED, EquationVerdict.UNKNOWN)


def test_a_counterexample_without_variables_reads_cleanly() -> None:
    report = check("$$1 = 2$$\n")
    assert verdicts(report) == ["refuted"]
    assert report.equations[0].links[0].detail == "counterexample: left = 1.0, right = 2.0"


def test_an_unsupported_sum_over_a_set_names_its_own_index() -> None:
    report = check("$$\\sum_{n \\in N} x_n = 1$$\n")
    assert verdicts(report) == ["unsupported"]
    assert report.equations[0].reason.startswith("sums over a set (\\sum_{n \\in ...})")

"""Property tests: untrusted input only ever yields ParseError / Unsupported / DocumentError, quickly."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from derive.check.document import Block, DocumentError, Inline, scan
from derive.check.parser import (
    ParseError,
    Unsupported,
    parse_chain,
    parse_expr,
    parse_relation,
)
from derive.symbols import size

k = size("k")

TOKENS = [
    "x", "y", "z", "e", "d", "k", "i", "o", "L", "N", "0", "1", "2", "10", "0.5",
    "+", "-", "*", "/", "=", "<", ">", ",", ".", "'", "!", "|", "&", "^", "_", "(", ")", "[", "]",
    "{", "}", "\\{", "\\}", "\\\\", "\\", " ", "$",
    "\\frac", "\\dfrac", "\\sqrt", "\\sum", "\\partial", "\\hat", "\\mathrm", "\\ln", "\\log", "\\exp",
    "\\cdot", "\\times", "\\neq", "\\ne", "\\le", "\\geq", "\\in", "\\left(", "\\right)", "\\left[",
    "\\right]", "\\left\\{", "\\right\\}", "\\bigl(", "\\bigr)", "\\sigma", "\\delta", "\\alpha", "\\pi",
    "\\epsilon", "\\,", "\\;", "\\!", "\\quad", "\\limits", "\\text{a}", "\\label{x}", "\\tag{1}",
    "\\int", "\\mathbb{R}", "\\begin{aligned}", "\\end{aligned}", "\\begin{cases}", "\\unknown",
    "f(", "\\sigma(", "\\sigma'(", "e^{", "_{", "^{", "\\sum_{", "\\sum_{j=1}^{k}", "\\sum_k", "\\sum_{o \\neq i}",
    "\\frac{\\partial", "}{\\partial", "\\frac{d}{dx}", "\\frac{\\partial}{\\partial z_o}", "\\delta_{io}",
    "y_o", "z_{n,i}", "\\hat{y}_o", "x^2", "x^{-2}", "{z}_{i}",
]

SETTINGS = settings(
    max_examples=int(os.environ.get("DERIVE_HYPOTHESIS_EXAMPLES", "300")),
    deadline=2000,  # milliseconds per example
    suppress_health_check=[HealthCheck.too_slow],
    database=None,  # leave no .hypothesis/ directory behind
)


def _only_expected_errors(call, text: str) -> None:
    try:
        call(text)
    except (ParseError, Unsupported) as exc:
        message = str(exc)
        assert "\n" not in message
        assert not message.startswith("cannot build the expression"), message  # an unforeseen SymPy error


@SETTINGS
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    for parse in (parse_chain, parse_expr, parse_relation):
        _only_expected_errors(lambda t, parse=parse: parse(t, size=k), text)


@SETTINGS
@given(st.lists(st.sampled_from(TOKENS), max_size=40), st.sampled_from(["", " "]))
def test_latex_token_soup(tokens: list[str], sep: str) -> None:
    text = sep.join(tokens)
    for parse in (parse_chain, parse_relation):
        _only_expected_errors(lambda t, parse=parse: parse(t, size=k), text)


@SETTINGS
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=12), st.integers(1, 60))
def test_deep_token_soup(tokens: list[str], depth: int) -> None:
    text = "{" * depth + " ".join(tokens) + "}" * depth
    _only_expected_errors(lambda t: parse_chain(t, size=k), text)


DOC_TOKENS = ["$", "$$", "\\[", "\\]", "\\(", "\\)", "\\$", "\n", "\n\n", "#", "- ", "* ", "• ", "1. ", "```",
              "`", "<!--", "-->", "---\n", "derive:\n", "  define:\n", "    - \"a\"\n", "%", "\\%", "\\item ",
              "\\section{", "}", "\\begin{align*}", "\\end{align*}", "\\begin{equation}", "\\end{equation}",
              "\\begin{multline}", "\\end{multline}", "&", "\\\\", "a = b", "x", " ", "\\begin{document}"]


@SETTINGS
@given(st.lists(st.sampled_from(DOC_TOKENS), max_size=60), st.sampled_from(["md", "tex", None]))
def test_document_token_soup(tokens: list[str], kind) -> None:
    text = "".join(tokens)
    try:
        doc = scan(text, kind=kind)
    except DocumentError:
        return
    for item in doc.items:
        assert 1 <= item.line <= text.count("\n") + text.count("\r") + 1
        if isinstance(item, (Block, Inline)):
            assert item.latex in text.replace("\r\n", "\n").replace("\r", "\n")
            _only_expected_errors(lambda t: parse_chain(t, size=k), item.latex)


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from(["md", "tex", None]))
def test_binary_junk(data: bytes, kind) -> None:
    try:
        scan(data.decode("latin-1"), kind=kind)
    except DocumentError:
        pass


@SETTINGS
@given(st.text(max_size=2000), st.sampled_from(["md", "tex", None]))
def test_arbitrary_document(text: str, kind) -> None:
    try:
        scan(text, kind=kind, name="x.md")
    except DocumentError:
        pass

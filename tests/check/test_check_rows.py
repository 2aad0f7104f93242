"""The rows of a display, and a verdict per row: each row of an align is reported with its own links."""

from __future__ import annotations

from derive.check import check_text
from derive.check.rows import rows


def test_rows_break_at_top_level_line_breaks_only() -> None:
    latex = "\n\\begin{align*}\np_j &= a \\\\[2pt]\n&= \\sum_{i=1}^k b_i \\begin{cases} c = 1 \\\\ d \\end{cases} \\\\\n&\\quad + e\n\\end{align*}\n"
    found = rows(latex)
    assert [(r.text, r.equals) for r in found] == [
        ("p_j &= a", 1),
        ("&= \\sum_{i=1}^k b_i \\begin{cases} c = 1 \\\\ d \\end{cases}", 1),  # the cases keep their rows and signs
        ("&\\quad + e", 0),
    ]
    assert latex[found[0].start :].startswith("p_j")  # past the opening environment: the row's own line


def test_signs_inside_braces_are_not_the_chain_s() -> None:
    (row,) = rows(r"L = \underbrace{\sum_{o=1}^{k} y_o}_{=1} \hat{y}_i \stackrel{\text{def}}{=} x")
    assert row.equals == 1


def test_each_row_of_an_align_has_its_own_verdict_and_line() -> None:
    text = (
        "$$\n\\begin{align}\n"
        "\\frac{\\partial L}{\\partial w} &= \\frac{\\partial L}{\\partial a} x \\\\\n"  # L never defined: unknown
        "(x + 1)^2 &= x^2 + 2x + 1 \\\\\n"
        "&= x(x + 2) + 1 \\\\\n"
        "&= x^2 + 1\n"
        "\\end{align}\n$$\n"
    )
    got = [(e.line, e.verdict.value, len(e.links)) for e in check_text(text, "doc.md").equations]
    assert got == [(3, "unknown", 1), (4, "verified", 1), (5, "verified", 1), (6, "refuted", 1)]


def test_a_row_holding_no_sign_belongs_to_the_row_it_continues() -> None:
    text = "$$\n\\begin{aligned}\n(x + 1)^2 &= x^2 + 2x\n\\\\ &\\quad + 1 \\\\\n&= x(x + 2) + 1\n\\end{aligned}\n$$\n"
    got = [(e.line, e.verdict.value) for e in check_text(text, "doc.md").equations]
    assert got == [(3, "verified"), (5, "verified")]


def test_rows_on_one_line_are_one_row() -> None:
    text = "$$(x + 1)^2 = x^2 + 2x + 1 \\\\ = x(x + 2) + 1$$\n\n$$\n(x+1)^2 = x^2 + 2x + 1\n$$\n"
    got = [(e.line, e.verdict.value, len(e.links)) for e in check_text(text, "doc.md").equations]
    assert got == [(1, "verified", 2), (4, "verified", 1)]

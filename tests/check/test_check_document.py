"""Tests of derive.check.document: Markdown and LaTeX scanning, front matter, limits; the seed post."""

from __future__ import annotations

from pathlib import Path

import pytest
from sympy import Derivative, Eq, Sum

from derive.check.document import (
    MAX_DOCUMENT,
    Block,
    DocumentError,
    Heading,
    Inline,
    guess_kind,
    scan,
)
from derive.check.parser import (
    CONTINUE,
    Membership,
    ParseError,
    Unsupported,
    parse_chain,
    parse_relation,
)
from derive.errors import InputError
from derive.symbols import array, index, scalar, size

SEED = Path("/work/shared/seed/000_1a0ae137ec7ca028.txt")
k = size("k")
i, o = index("i"), index("o")
z, y, yhat = array("z"), array("y"), array("yhat")
L = scalar("L")


def blocks(doc) -> list[tuple[int, str]]:
    return [(b.line, b.latex.strip()) for b in doc.items if isinstance(b, Block)]


def inlines(doc) -> list[tuple[int, str, str]]:
    return [(x.line, x.latex, x.context) for x in doc.items if isinstance(x, Inline)]


# --------------------------------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip("seed post not available")
    return scan(SEED.read_text(encoding="utf-8"), name=SEED.name)


def test_seed_display_blocks_and_lines(seed) -> None:
    found = blocks(seed)
    assert [line for line, _ in found] == [7, 10, 15, 17, 17, 20, 21, 23, 24, 24, 24, 26, 27, 27, 28, 28, 29]
    assert found[0][1].startswith(r"z_o = \sum_{j \in input(o)}")
    assert found[6][1].startswith(r"= \frac{e^{z_o}}")
    assert found[-1][1] == r"\frac{\partial L}{\partial z_i} = \hat{y}_i - y_i"


def test_seed_headings(seed) -> None:
    headings = [(h.line, h.text) for h in seed.items if isinstance(h, Heading)]
    assert headings == [
        (1, "Derivative of the softmax function"),
        (5, "The softmax function"),
        (12, "Cross entropy loss function"),
    ]


def test_seed_bullets(seed) -> None:
    bullets = [(line, text) for line, text, context in inlines(seed) if context == "bullet"]
    assert bullets == [(19, "i = o"), (22, r"i \neq o")]


def test_seed_inline_relations(seed) -> None:
    relations = []
    for line, text, _ in inlines(seed):
        try:
            relations.append((line, parse_relation(text, size=k)))
        except (ParseError, Unsupported):
            pass
    assert (19, Eq(i, o, evaluate=False)) in relations
    assert (17, Membership(y[o], (0, 1))) in relations
    assert (28, Eq(Sum(y[o], (o, 1, k)), 1, evaluate=False)) in relations
    assert [line for line, _ in relations] == [16, 17, 17, 17, 17, 19, 22, 24, 28, 28]


def test_seed_blocks_parse(seed) -> None:
    results = {}
    for line, text in blocks(seed):
        try:
            results.setdefault(line, []).append(parse_chain(text, size=k))
        except Unsupported:
            results.setdefault(line, []).append("unsupported")
    assert results[7] == ["unsupported"]  # \sum_{j \in input(o)}, \rightarrow
    assert results[15] == ["unsupported"]  # \sum_{n \in N}
    assert results[29] == [[Derivative(L, z[i]), yhat[i] - y[i]]]
    assert results[21][0][0] is CONTINUE
    assert all(chain != "unsupported" for line, chains in results.items() if line not in (7, 15) for chain in chains)


# ---------------------------------------------------------------------------------------- Markdown

MD = r"""# Title with $x$

Text $a = b$ and \(c = d\) and an escaped \$5 and $5 and $10 here.
$$
L = x
  + y
$$
- bullet $i = o$
* star $i \neq o$
1. numbered $a < b$
• dot $a > b$
Prose $$e = f$$ more prose \[g = h\] end.

```python
$$ not = math $$
```
Code `$not math$` span. <!-- $$ hidden = 1 $$ -->
## Second ##
$$a &= b \\ &= c \\ d &= e$$
"""


def test_markdown() -> None:
    doc = scan(MD, kind="md")
    assert [(h.line, h.text) for h in doc.items if isinstance(h, Heading)] == [(1, "Title with $x$"), (18, "Second")]
    assert inlines(doc) == [
        (1, "x", "heading"),
        (3, "a = b", "prose"),
        (3, "c = d", "prose"),
        (8, "i = o", "bullet"),
        (9, r"i \neq o", "bullet"),
        (10, "a < b", "bullet"),
        (11, "a > b", "bullet"),
    ]
    assert blocks(doc) == [
        (5, "L = x\n  + y"),
        (12, "e = f"),
        (12, "g = h"),
        (19, r"a &= b \\ &= c"),
        (19, "d &= e"),
    ]
    assert doc.warnings == ("line 15: a code block (python) holds math that is not checked; write it in a ```math fence or $$ ... $$ to check it",)


def test_markdown_items_are_in_document_order() -> None:
    doc = scan(MD, kind="md")
    lines = [item.line for item in doc.items]
    assert lines == sorted(lines)
    assert isinstance(doc.items[0], Heading)


def test_markdown_unclosed_display_is_a_warning() -> None:
    doc = scan("a $$ x = 1\n\nmore", kind="md")
    assert blocks(doc) == []
    assert doc.warnings and "$$" in doc.warnings[0] and "line 1" in doc.warnings[0]


def test_markdown_dollar_amounts_are_not_math() -> None:
    assert inlines(scan("It costs $5 or $ 6 and $7.", kind="md")) == []


def test_markdown_tilde_fence_and_inline_across_lines() -> None:
    doc = scan("~~~\n$x$\n~~~\nsee $a\n= b$ ok", kind="md")
    assert inlines(doc) == [(4, "a\n= b", "prose")]


# ------------------------------------------------------------------------------------------ LaTeX

TEX = r"""\documentclass{article}
\usepackage{amsmath} % $x$ in the preamble is not math
\begin{document}
\section{Softmax $\hat{y}$}
We have $y_o \in \{0, 1\}$ and 50\% of \(k\) classes. % a comment $a = b$
\begin{align*}
  L &= -\sum_{o} y_o \ln \hat{y}_o \\
    &= -\sum_{o} y_o \ln \hat{y}_o \label{eq:l} \\
  M &= 1
\end{align*}
\begin{itemize}
  \item Case $i = o$ holds
  and $x = 1$ too.
  \item Other

\end{itemize}
After $a$.
\begin{equation}
  \frac{\partial L}{\partial z_i} = \hat{y}_i - y_i.
\end{equation}
\[ a = b \]
\begin{multline}
 a = b \\
 + c
\end{multline}
$$ p = q $$
\subsection*{End}
\paragraph{Para}
\begin{verbatim}
$not math$
\end{verbatim}
\begin{gather}
 u = v \\
 s = t
\end{gather}
\end{document}
"""


def test_latex() -> None:
    doc = scan(TEX, name="doc.tex")
    assert [(h.line, h.text) for h in doc.items if isinstance(h, Heading)] == [
        (4, r"Softmax $\hat{y}$"),
        (27, "End"),
        (28, "Para"),
    ]
    assert inlines(doc) == [
        (4, r"\hat{y}", "heading"),
        (5, r"y_o \in \{0, 1\}", "prose"),
        (5, "k", "prose"),
        (12, "i = o", "bullet"),
        (13, "x = 1", "bullet"),
        (17, "a", "prose"),
    ]
    found = blocks(doc)
    assert [line for line, _ in found] == [7, 9, 19, 21, 22, 26, 33, 34]  # where each equation's text starts
    assert found[0][1].startswith("L &=") and found[0][1].count("&=") == 2
    assert found[1][1] == "M &= 1"
    assert found[4][1] == "a = b \\\\\n + c"  # multline is one equation
    assert (found[6][1], found[7][1]) == ("u = v", "s = t")
    assert doc.warnings == ()


def test_latex_blocks_parse() -> None:
    doc = scan(TEX, name="doc.tex")
    chains = [parse_chain(b.latex, size=k) for b in doc.items if isinstance(b, Block)]
    first = -Sum(y[o] * __import__("sympy").log(yhat[o]), (o, 1, k))
    assert chains[0] == [L, first, first]
    assert chains[2] == [Derivative(L, z[i]), yhat[i] - y[i]]


def test_latex_comments_but_not_escaped_percent() -> None:
    doc = scan("a 50\\% $x = 1$ % $y = 2$\n\\\\% $w$\n", kind="tex")
    assert [text for _, text, _ in inlines(doc)] == ["x = 1"]


def test_latex_without_document_environment() -> None:
    doc = scan("\\begin{equation}a = b\\end{equation}\n", kind="tex")
    assert blocks(doc) == [(1, "a = b")]


def test_latex_unclosed_environment_is_a_warning() -> None:
    doc = scan("\\begin{align}\na = b\n", kind="tex")
    assert blocks(doc) == [] and "never closed" in doc.warnings[0]


# ----------------------------------------------------------------------------------- front matter


def test_front_matter() -> None:
    text = '---\ntitle: Softmax\nderive:\n  define:\n    - "\\hat{y}_o = \\frac{e^{z_o}}{\\sum_k e^{z_k}}"\n' \
        "    - 'L = x'\n  assume:\n    - \"y_o \\in \\{0, 1\\}\"\n    - i \\neq o\n---\n# H\n$$a = b$$\n"
    doc = scan(text, kind="md")
    assert doc.front_matter == {
        "define": [r"\hat{y}_o = \frac{e^{z_o}}{\sum_k e^{z_k}}", "L = x"],
        "assume": [r"y_o \in \{0, 1\}", r"i \neq o"],
    }
    assert [(item.line, type(item).__name__) for item in doc.items] == [(11, "Heading"), (12, "Block")]


def test_front_matter_escapes() -> None:
    doc = scan('---\nderive:\n  define:\n    - "a \\" b \\\\ c"\n---\n', kind="md")
    assert doc.front_matter == {"define": ['a " b \\ c']}


def test_no_front_matter() -> None:
    assert scan("# x\n---\n", kind="md").front_matter == {}


@pytest.mark.parametrize(
    "text",
    [
        "---\nderive:\n  define:\n    - a\n",  # never closed
        "---\nderive:\n  define: [a, b]\n---\n",  # flow lists are not read
        "---\nderive:\n  - stray\n---\n",
        "---\nderive:\n  define:\n    - a\n   assume:\n---\n",
    ],
)
def test_bad_front_matter(text: str) -> None:
    with pytest.raises(DocumentError):
        scan(text, kind="md")


# --------------------------------------------------------------------------------- kinds and limits


def test_guess_kind() -> None:
    assert guess_kind("", "a.tex") == "tex"
    assert guess_kind("\\section{A}", "a.md") == "md"
    assert guess_kind("\\documentclass{article}") == "tex"
    assert guess_kind("# Title\n$$a=b$$") == "md"
    assert guess_kind("$$a = b$$", "notes.txt") == "md"


def test_limits() -> None:
    with pytest.raises(DocumentError, match="too large"):
        scan("a" * (MAX_DOCUMENT + 1))
    with pytest.raises(DocumentError, match="binary"):
        scan("abc\x00def")
    with pytest.raises(DocumentError):
        scan(b"$$a=b$$")  # type: ignore[arg-type]
    with pytest.raises(DocumentError):
        scan("x", kind="rst")  # type: ignore[arg-type]
    assert issubclass(DocumentError, InputError)


def test_large_document_is_fast() -> None:
    import time

    text = ("Some prose $x = 1$ and $5 and $$a = b$$ more \\$ text.\n" * 20_000)[: MAX_DOCUMENT - 1]
    start = time.perf_counter()
    doc = scan(text, kind="md")
    assert time.perf_counter() - start < 10
    assert len(doc.items) > 30_000
    unclosed = "$a " * 300_000
    start = time.perf_counter()
    scan(unclosed, kind="md")
    scan(unclosed, kind="tex")
    scan("\\[ \\( $$ " + "\\[ \\( x " * 100_000, kind="md")
    assert time.perf_counter() - start < 10


def test_crlf_line_endings() -> None:
    doc = scan("a\r\n$$x = 1$$\r\n", kind="md")
    assert blocks(doc) == [(2, "x = 1")]


ADVERSARIAL = {
    "heading-spaces": ("# a" + " " * 200_000 + "b", "md"),
    "html-unclosed": ("<!--" * 50_000, "md"),
    "backslashes-percent": ("\\" * 200_000 + "%", "tex"),
    "verbatim-unclosed": ("\\begin{verbatim}" * 10_000, "tex"),
    "section-bracket": ("\\section[" * 20_000, "tex"),
    "row-breaks": ("$$" + "\\\\[" * 50_000 + "$$", "md"),
    "front-matter-spaces": ("---\nderive:\n  define:\n    - a" + " " * 200_000 + "b\n---\n", "md"),
    "code-ticks": ("`a" * 100_000, "md"),
    "dollars-md": ("$" * 200_000, "md"),
    "dollars-tex": ("$" * 200_000, "tex"),
    "unclosed-begin": ("\\begin{" * 25_000, "tex"),
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_documents_are_fast(name: str) -> None:
    import time

    text, kind = ADVERSARIAL[name]
    start = time.perf_counter()
    scan(text, kind=kind)
    assert time.perf_counter() - start < 5

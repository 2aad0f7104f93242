"""The rows of a display: where each line of an ``align`` starts and how many of the chain's
equality signs it holds, so that each row can be given the verdict of its own links.

Only the source text is scanned here; nothing is parsed or verified. A row break is ``\\\\`` outside
braces and outside nested environments (a ``cases`` or a matrix keeps its rows); an equality sign
counts when it is outside braces and nested environments too (``\\sum_{i=1}`` and
``\\underbrace{..}_{=1}`` hold none). The checker uses the rows only when their signs add up to the
links it read, so a miscount never moves a verdict to the wrong line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from derive.check.presentation import WRAPPERS

__all__ = ["Row", "open_ended", "rows"]

_COMMAND = re.compile(r"\\([A-Za-z]+)\s*(?:\{\s*([A-Za-z]+\*?)\s*\})?")
_SPACING = re.compile(r"\s*\[[^\]]*\]")  # \\[1.6em]
_WRAPPER = "|".join(re.escape(w) for w in sorted(WRAPPERS, key=len, reverse=True))
_OPENING = re.compile(rf"(?:\s|\\begin\s*\{{\s*(?:{_WRAPPER})\s*\}}(?:\s*\{{\d+\}})?)*")  # \begin{align}, \begin{alignat}{2}
_CLOSING = re.compile(rf"(?:\s|\\end\s*\{{\s*(?:{_WRAPPER})\s*\}})*$")
_OPEN_END = re.compile(r"(?<![<>!\\])=\s*&?\s*$")


@dataclass(frozen=True)
class Row:
    """One row of a display: ``text`` starts at offset ``start`` of the display's LaTeX (past the
    blank space and the environment that open the display, where the row's own math starts; the
    environment's end is not part of the text)."""

    start: int
    text: str
    equals: int  #: equality signs at the top level of the row


def rows(latex: str) -> list[Row]:
    """The display's rows in order (one row when it has no top-level ``\\\\``)."""
    out: list[Row] = []
    depth = nested = equals = 0
    start = at = 0
    while at < len(latex):
        char = latex[at]
        if char == "\\":
            if latex.startswith("\\\\", at):
                if depth == 0 and nested == 0:
                    out.append(_row(latex, start, at, equals))
                    spacing = _SPACING.match(latex, at + 2)
                    at = start = spacing.end() if spacing else at + 2
                    equals = 0
                    continue
                at += 2
                continue
            command = _COMMAND.match(latex, at)
            if command is None:  # \{ \} \, \;: not a group, not a sign
                at += 2
                continue
            name, env = command.group(1), command.group(2)
            if name == "newline" and depth == 0 and nested == 0:  # a row break, as \\ (MathJax reads both)
                out.append(_row(latex, start, at, equals))
                at = start = command.end()
                equals = 0
                continue
            if name in ("begin", "end") and env and env.rstrip("*") not in WRAPPERS:
                nested += 1 if name == "begin" else -1
                at = command.end()
                continue
            at += 1 + len(name)
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == "=" and depth == 0 and nested == 0:
            equals += 1
        at += 1
    out.append(_row(latex, start, len(latex), equals))
    return out


def _row(latex: str, start: int, end: int, equals: int) -> Row:
    start = min(_OPENING.match(latex, start, end).end(), end)  # type: ignore[union-attr]
    text = latex[start:end]
    return Row(start, text[: _CLOSING.search(text).start()], equals)  # type: ignore[union-attr]


def open_ended(row: str) -> bool:
    """A row that ends with its equality sign (``A = B = \\\\ C``): its right side is the next row."""
    return _OPEN_END.search(row) is not None

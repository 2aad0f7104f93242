"""What `derive check` found in one document, as data, and its two renderings: terminal text and JSON.

Nothing here verifies or prints; the checker fills a :class:`FileReport`, the command prints what
:func:`render_text` or :func:`to_json` return and exits with :func:`exit_code`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from derive.errors import EXIT_FAILED, EXIT_OK, EXIT_UNKNOWN

__all__ = [
    "ContextNote",
    "EquationResult",
    "EquationVerdict",
    "FileReport",
    "LinkResult",
    "LinkVerdict",
    "exit_code",
    "render_text",
    "summary_line",
    "to_json",
]

SCHEMA = "derive/check-v1"


class LinkVerdict(str, Enum):
    """The verdict on one equality ``A = B`` of a chain."""

    PROVED = "proved"  #: symbolic proof for general size, and both independent checks agree
    CHECKED = "checked"  #: exact instances and numerics agree; no symbolic proof
    REFUTED = "refuted"  #: a counterexample exists
    ILL_FORMED = "ill-formed"  #: the free indices of the two sides differ
    UNKNOWN = "unknown"  #: could not be decided (a method failed, a time limit, something undefined)
    DEFINITION = "definition"  #: ``A`` is new: this link defines it


class EquationVerdict(str, Enum):
    """The verdict on one equation (a display block, or inline math claimed in prose)."""

    VERIFIED = "verified"  #: every link proved
    CHECKED = "checked"  #: every link proved or checked, at least one only checked
    REFUTED = "refuted"
    ILL_FORMED = "ill-formed"
    UNKNOWN = "unknown"
    DEFINITION = "definition"  #: it only defines a new symbol
    ASSUMPTION = "assumption"  #: a constraint the document states (``\\sum_o y_o = 1``)
    UNSUPPORTED = "unsupported"  #: not read: the reason says why (a construct, malformed math)


#: Equation verdicts that make the exit code 1, and those that do under ``--strict`` (exit 3).
FAILING = frozenset({EquationVerdict.REFUTED, EquationVerdict.ILL_FORMED})
UNDECIDED = frozenset({EquationVerdict.UNKNOWN, EquationVerdict.UNSUPPORTED})

_ORDER = [
    EquationVerdict.VERIFIED,
    EquationVerdict.CHECKED,
    EquationVerdict.REFUTED,
    EquationVerdict.ILL_FORMED,
    EquationVerdict.UNKNOWN,
    EquationVerdict.UNSUPPORTED,
    EquationVerdict.DEFINITION,
    EquationVerdict.ASSUMPTION,
]


@dataclass(frozen=True)
class LinkResult:
    """One link ``lhs = rhs`` (LaTeX as the checker read it) with its verdict."""

    lhs: str
    rhs: str
    verdict: LinkVerdict
    detail: str = ""
    counterexample: dict[str, Any] | None = None
    conditions: tuple[str, ...] = ()  #: case conditions and assumptions used (LaTeX)
    evidence: tuple[tuple[str, str, str], ...] = ()  #: (method, outcome, detail) per method


@dataclass(frozen=True)
class EquationResult:
    """One equation of the document and the verdict on each of its links."""

    line: int
    latex: str
    verdict: EquationVerdict
    reason: str = ""
    links: tuple[LinkResult, ...] = ()
    kind: str = "display"  #: display, or inline (a claim in inline math)
    order: int = 0  #: position in the document (orders the terminal report)


@dataclass(frozen=True)
class ContextNote:
    """How a piece of context was taken: definition, assumption, case, or ignored (and why)."""

    line: int | None  #: None for front matter and command-line options
    latex: str
    role: str
    note: str = ""
    source: str = "document"  #: document, front matter, --define, --assume
    order: int = 0  #: position in the document (orders the terminal report)


@dataclass(frozen=True)
class FileReport:
    """Everything found in one file."""

    file: str
    size: str  #: the letter read as the symbolic size (upper bound of every unbounded sum)
    equations: tuple[EquationResult, ...]
    context: tuple[ContextNote, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def counts(self) -> dict[str, int]:
        """How many equations have each verdict (every verdict present, in a fixed order)."""
        return {v.value: sum(1 for e in self.equations if e.verdict is v) for v in _ORDER}

    @property
    def failed(self) -> bool:
        return any(e.verdict in FAILING for e in self.equations)

    @property
    def undecided(self) -> bool:
        return any(e.verdict in UNDECIDED for e in self.equations)


def exit_code(reports: Iterable[FileReport], *, strict: bool) -> int:
    """1 if an equation is refuted or ill-formed; else 3 with ``strict`` if one is unknown or
    unsupported; else 0."""
    reports = list(reports)
    if any(r.failed for r in reports):
        return EXIT_FAILED
    if strict and any(r.undecided for r in reports):
        return EXIT_UNKNOWN
    return EXIT_OK


# ------------------------------------------------------------------------------------------ JSON


def _link_json(link: LinkResult) -> dict[str, Any]:
    return {
        "lhs": link.lhs,
        "rhs": link.rhs,
        "verdict": link.verdict.value,
        "counterexample": link.counterexample,
        "detail": link.detail,
        "conditions": list(link.conditions),
        "evidence": [{"method": m, "outcome": o, "detail": d} for m, o, d in link.evidence],
    }


def to_json(report: FileReport) -> dict[str, Any]:
    """The report as JSON-ready data (the schema is in the README)."""
    return {
        "schema": SCHEMA,
        "file": report.file,
        "size": report.size,
        "verdict": "failed" if report.failed else "undecided" if report.undecided else "passed",
        "counts": report.counts(),
        "equations": [
            {
                "line": e.line,
                "latex": e.latex,
                "kind": e.kind,
                "verdict": e.verdict.value,
                "reason": e.reason,
                "links": [_link_json(link) for link in e.links],
            }
            for e in report.equations
        ],
        "context": [
            {"line": c.line, "latex": c.latex, "role": c.role, "note": c.note, "source": c.source}
            for c in report.context
        ],
        "warnings": list(report.warnings),
    }


# ------------------------------------------------------------------------------------- terminal

_COLOURS = {
    "verified": "green",
    "proved": "green",
    "checked": "cyan",
    "refuted": "red",
    "ill-formed": "red",
    "unknown": "yellow",
    "unsupported": "yellow",
    "definition": "blue",
    "assumption": "blue",
    "case": "blue",
    "ignored": "bright_black",
}
_CODES = {"green": 32, "cyan": 36, "red": 31, "yellow": 33, "blue": 34, "bright_black": 90}
_MARKS = {"verified": "✓", "proved": "✓", "checked": "✓?", "refuted": "✗", "ill-formed": "✗", "unknown": "?"}
_WIDTH = 11  # the longest verdict, "unsupported"
_NOUNS = ("definition", "assumption")


def _paint(text: str, verdict: str, colour: bool, *, bold: bool = False) -> str:
    if not colour or verdict not in _COLOURS:
        return text
    code = f"{'1;' if bold else ''}{_CODES[_COLOURS[verdict]]}"
    return f"\x1b[{code}m{text}\x1b[0m"


def _short(latex: str, limit: int = 160) -> str:
    text = " ".join(latex.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def summary_line(report: FileReport) -> str:
    """``FILE: N equations: 6 verified, 1 refuted, ...`` (only the verdicts present)."""
    counts = {v: n for v, n in report.counts().items() if n}
    total = len(report.equations)
    parts = ", ".join(f"{n} {v}{'s' if n > 1 and v in _NOUNS else ''}" for v, n in counts.items())
    noun = "equation" if total == 1 else "equations"
    return f"{report.file}: {total} {noun}" + (f": {parts}" if parts else "")


def render_text(report: FileReport, *, colour: bool = False) -> str:
    """The terminal report: ``file:line``, the verdict, the equation, then one line per link and
    per piece of context, and a summary line. Colour only when asked (a terminal, no NO_COLOR)."""
    rows: list[tuple[int, list[str]]] = []  # (order, lines): context and equations in document order
    for note in report.context:
        where = f"{report.file}:{note.line}" if note.line is not None else f"{report.file} ({note.source})"
        label = _paint(note.role.ljust(_WIDTH), note.role, colour)
        text = f"{where}: {label} ${_short(note.latex, 100)}$" + (f" — {note.note}" if note.note else "")
        rows.append((note.order, [text]))
    for eq in report.equations:
        verdict = eq.verdict.value
        label = _paint(verdict.ljust(_WIDTH), verdict, colour, bold=True)
        inline = " (inline)" if eq.kind == "inline" else ""
        lines = [f"{report.file}:{eq.line}: {label} {_short(eq.latex)}{inline}"]
        if eq.reason and (not eq.links or eq.verdict in (EquationVerdict.UNSUPPORTED, EquationVerdict.ASSUMPTION)):
            lines.append(f"    {eq.reason}")
        for number, link in enumerate(eq.links, start=1):
            if link.verdict is LinkVerdict.DEFINITION and len(eq.links) == 1:
                continue
            lv = link.verdict.value
            mark = _paint(f"{_MARKS.get(lv, '·')} {lv}", lv, colour)
            lines.append(f"    link {number}: {mark}: {_short(link.lhs + ' = ' + link.rhs, 150)}")
            if link.conditions:
                lines.append(f"        under {', '.join(link.conditions)}")
            if link.detail and link.verdict is not LinkVerdict.PROVED:
                lines.append(f"        {link.detail}")
        rows.append((eq.order, lines))
    out: list[str] = []
    for _, lines in sorted(rows, key=lambda r: r[0]):
        out.extend(lines)
    out.extend(f"{report.file}: warning: {w}" for w in report.warnings)
    out.append(summary_line(report))
    return "\n".join(out) + "\n"


def render_all(reports: Sequence[FileReport], *, colour: bool = False) -> str:
    """Every file's report, separated by a blank line."""
    return "\n".join(render_text(r, colour=colour) for r in reports)

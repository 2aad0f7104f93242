"""``derive check FILE ...``: verify derivations written by hand, in Markdown or LaTeX.

Exit codes: 0 nothing refuted or ill-formed; 1 an equation is refuted or ill-formed; 3 with
``--strict`` when an equation is unknown or unsupported (and nothing failed); 2 unusable input (a
missing, empty, binary, non-UTF-8 or too large file; a bad option, front matter, --define or
--assume). Every file is read and scanned before anything is verified; among several files an
unusable one is reported on stderr and the others are still checked (exit 2 unless one fails: 1). SymPy is imported inside
the command so that ``derive --help`` stays fast.
"""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, Any, Optional

import typer

from ..errors import InputError, UsageError
from .common import MAX_TIMEOUT, settle, time_limit

__all__ = ["MAX_BYTES", "MAX_TIMEOUT", "load", "register"]

MAX_BYTES = 8_000_000  #: largest file read, in bytes (the scanner then allows 2,000,000 characters)
MAX_JOBS = 32


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"


FilesArg = Annotated[list[str], typer.Argument(metavar="FILE", help="Markdown (.md) or LaTeX (.tex) files; - reads standard input.", show_default=False)]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="text (a report for people), json (one JSON object per file, one per line), github (workflow annotations beside the diff) or junit (JUnit XML for CI test reports).")]
DefineOpt = Annotated[Optional[list[str]], typer.Option("--define", metavar="LATEX", help="A definition in force from the start, e.g. 'L = -\\sum_o y_o \\ln \\hat{y}_o' (repeatable).", show_default=False)]
AssumeOpt = Annotated[Optional[list[str]], typer.Option("--assume", metavar="LATEX", help="An assumption in force from the start, e.g. '\\sum_{o=1}^{k} y_o = 1' (repeatable).", show_default=False)]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Exit 3 when an equation is unknown or unsupported (and none is refuted or ill-formed).")]
TimeoutOpt = Annotated[float, typer.Option("--timeout", metavar="SECONDS", help="Time limit for verifying each equality A = B; past it the equality is unknown. 0: no limit.")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", metavar="N", help="Worker processes verifying in parallel (each keeps its own caches, so more helps long documents on idle cores).")]
SizeOpt = Annotated[Optional[str], typer.Option("--size", metavar="LETTER", help="The letter of the symbolic size (default: the upper bound of the document's sums, else k).", show_default=False)]


def load(name: str) -> str:
    """The text of file ``name`` (``-``: standard input); a one-line InputError if it is unusable."""
    from ..files import read_text

    return read_text(name, MAX_BYTES)


def _colour(stream: Any) -> bool:
    """The CLI's rule (`derive.commands.common.colour`): never with NO_COLOR, always with
    FORCE_COLOR, else only on an interactive terminal (not TERM=dumb)."""
    from .common import colour

    return colour(stream)


class _Progress:
    """``[n/total] FILE`` on stderr, only on a terminal."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if self.tty:
            sys.stderr.write(f"\r\x1b[2Kderive: checking {self.name}: {done}/{total} equalities")
            sys.stderr.flush()

    def done(self) -> None:
        if self.tty:
            sys.stderr.write("\r\x1b[2K")
            sys.stderr.flush()


def check(
    files: FilesArg,
    fmt: FormatOpt = Format.text,
    define: DefineOpt = None,
    assume: AssumeOpt = None,
    strict: StrictOpt = False,
    timeout: TimeoutOpt = 30.0,
    jobs: JobsOpt = 1,
    size: SizeOpt = None,
) -> None:
    """Check the equations of hand-written derivations: verified, refuted (with a counterexample),
    ill-formed (free indices differ), unknown, or unsupported (with the reason)."""
    import json

    from ..check.checker import CheckOptions, plan_document
    from ..check.document import scan
    from ..check.formats import github_annotations, junit_check
    from ..check.report import exit_code, render_text, to_json

    settle()
    limit = time_limit(timeout)
    if not (1 <= jobs <= MAX_JOBS):
        raise UsageError(f"--jobs must be between 1 and {MAX_JOBS}, got {jobs}")
    if files.count("-") > 1:
        raise UsageError("standard input (-) can be read only once")
    options = CheckOptions(
        defines=tuple(define or ()),
        assumes=tuple(assume or ()),
        size=size,
        timeout=limit,
        jobs=jobs,
    )
    plans = []
    unusable = 0
    for name in files:  # read, scan and plan every file first; an unusable one is reported, the others checked
        try:
            text = load(name)
            plans.append((name, plan_document(scan(text, name=name), name, options)))
        except InputError as exc:
            message = exc.one_line()
            message = message if name in message else f"{name}: {message}"
            if len(files) == 1:
                raise type(exc)(message) from None
            unusable += 1
            typer.echo(f"derive: error: {message}", err=True)
    colour = fmt is Format.text and _colour(sys.stdout)
    reports = []
    for number, (name, plan) in enumerate(plans):
        progress = _Progress(name)
        try:
            report = plan.run(progress)
        finally:
            progress.done()
        reports.append(report)
        if fmt is Format.json:
            typer.echo(json.dumps(to_json(report), ensure_ascii=False, separators=(",", ":")))
        elif fmt is Format.github:
            typer.echo(github_annotations(report), nl=False)
        elif fmt is Format.text:
            typer.echo(("\n" if number else "") + render_text(report, colour=colour), nl=False)
    if fmt is Format.junit:
        typer.echo(junit_check(reports, strict=strict), nl=False)
    code = exit_code(reports, strict=strict)
    raise typer.Exit(code if code == 1 or not unusable else 2)


def register(app: typer.Typer) -> None:
    """Add ``derive check`` to ``app``."""
    app.command("check")(check)

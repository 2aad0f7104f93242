"""``derive gradient [SPEC] --define ... --assume ... --wrt X [--of Y]``: plan, verify and render a
derivation from definitions alone.

Exit codes: 0 every planned step proved, files written; 2 unusable input (a bad option, a spec file
that cannot be read, a definition the grammar does not read) or a definition set that cannot be
planned, or a planned step that is not proved (the message names the definition and the move;
nothing is written); 1 pdflatex missing or failing (``--format pdf``); 130 interrupted. SymPy is
imported inside the command so that ``derive --help`` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..cli import Format
from .common import NoCacheOpt, QuietOpt

__all__ = ["register", "gradient"]

SpecArg = Annotated[Optional[str], typer.Argument(metavar="SPEC", help="A spec file: Markdown (or LaTeX) whose front matter holds derive: define/assume and gradient: wrt/of/name/title, and whose display equations are definitions or assumptions.", show_default=False)]
DefineOpt = Annotated[Optional[list[str]], typer.Option("--define", metavar="LATEX", help="A definition, e.g. 'L = -\\sum_{o=1}^{k} y_o \\ln \\hat{y}_o' (repeatable; read with derive check's grammar).", show_default=False)]
AssumeOpt = Annotated[Optional[list[str]], typer.Option("--assume", metavar="LATEX", help="An assumption: a sum or a parameter equal to a value, e.g. '\\sum_{o=1}^{k} y_o = 1' (repeatable).", show_default=False)]
WrtOpt = Annotated[Optional[str], typer.Option("--wrt", metavar="LATEX", help="The variable to differentiate with respect to, e.g. 'z_i'.", show_default=False)]
OfOpt = Annotated[Optional[str], typer.Option("--of", metavar="LATEX", help="The defined quantity to differentiate (default: the last definition).", show_default=False)]
NameOpt = Annotated[Optional[str], typer.Option("--name", metavar="NAME", help="The derivation's name and file stem (default: the spec file's name, else 'gradient').", show_default=False)]
TitleOpt = Annotated[Optional[str], typer.Option("--title", metavar="TEXT", help="The title: words and $...$ math.", show_default=False)]


def gradient(
    spec: SpecArg = None,
    define: DefineOpt = None,
    assume: AssumeOpt = None,
    wrt: WrtOpt = None,
    of: OfOpt = None,
    name: NameOpt = None,
    title: TitleOpt = None,
    k: Annotated[Optional[str], typer.Option("--k", metavar="N", help="Also write the result out at size N (1..20; 1..8 for a matrix), entry by entry, each checked against the explicit definitions.", show_default=False)] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format: tex (standalone LaTeX), md (Markdown for blogs), json (certificate), pdf (the LaTeX compiled by pdflatex) or all (tex, md and json).")] = Format.all,
    output: Annotated[str, typer.Option("--output", "-o", metavar="DIR", help="Directory to write into, or - to print one format to stdout.")] = "output",
    fragment: Annotated[bool, typer.Option("--fragment", help="Write the LaTeX body only, NAME-fragment.tex, to \\input into a paper.")] = False,
    numbered: Annotated[bool, typer.Option("--numbered", help="One equation number per step, labelled derive:NAME:STEPID.")] = False,
    plain: Annotated[bool, typer.Option("--plain", help="Paper-ready: no verification notes in the LaTeX and Markdown.")] = False,
    no_cache: NoCacheOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Plan a derivation from definitions alone (chain rule, local derivatives, case splits,
    substitution, assumptions), verify every step and render it."""
    from ..cli import _formats, _Progress, parse_k
    from ..errors import UsageError
    from .common import emit, say, set_quiet

    set_quiet(quiet)
    formats = _formats(fmt, output, numbered, fragment)
    from ..files import check_directory

    if output != "-":
        check_directory(Path(output))
    if "pdf" in formats:
        from ..pdf import find_pdflatex

        find_pdflatex()
    from ..gradient.instance import MAX_K
    from ..gradient.spec import Spec, read_spec

    request = read_spec(spec) if spec is not None else Spec()
    request = request.merged(definitions=tuple(define or ()), assumptions=tuple(assume or ()), wrt=wrt, of=of, name=name,
                             title=title)
    n = parse_k(k, 10**6) if k is not None else None
    if n is not None and n > MAX_K:
        raise UsageError(f"--k {n} is above the limit of {MAX_K} for a planned derivation",
                         hint="each checked entry differentiates the explicit definitions at that size")
    from ..cache import using
    from ..gradient import plan, read_problem, verify_planned
    from ..gradient.instance import build_instance
    from ..produce import render_files
    from .common import cache_warnings, select_cache, settle

    problem = read_problem(request)
    settle()
    progress = _Progress()
    try:
        with using(select_cache(no_cache)) as cache:
            planned = plan(problem)
            instance = build_instance(planned, n, (lambda a, b: progress(f"instance entry {a}/{b}", a, b))) if n is not None else None
            verified = verify_planned(planned, instance=instance, progress=progress)
            files = render_files(verified, n, formats, numbered=numbered, fragment=fragment, name=problem.name, plain=plain)
        for line in cache_warnings(cache):
            typer.echo(line, err=True)
    finally:
        progress.done()
    emit(files, output)
    steps = len(verified.steps)
    line = f"{problem.name}: planned {steps} steps, all proved; result proved"
    if instance is not None:
        line += f"; instance k = {n} proved"
    say(line, err=(output == "-"))


def register(app: typer.Typer) -> None:
    """Add ``derive gradient`` to ``app``."""
    app.command("gradient")(gradient)

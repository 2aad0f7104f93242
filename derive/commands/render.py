"""``derive render [--check] [NAME ...]``: regenerate the generated files, or show what is stale.

The chosen derivations (the names given, else ``derivations`` of ``[tool.derive]``, else every
registered one) are produced in every format (tex, md, json; ``formats`` of ``[tool.derive]``
narrows it) for general k and for the k values committed in the directory (or ``--k``, or ``k``
of ``[tool.derive]``). Without ``--check`` the changed files are written atomically (all or none);
with ``--check`` nothing is written, a unified diff of every stale file is printed and missing
files are named (extra files too, when the whole catalogue is checked), and the exit code is 1
when anything differs (like ``black --check``).
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ..errors import EXIT_FAILED, EXIT_OK, UsageError
from .common import NoCacheOpt, QuietOpt

__all__ = ["register", "generate", "compare", "colour_diff"]

NamesArg = Annotated[Optional[list[str]], typer.Argument(metavar="NAME", help="Derivations to render or check (default: [tool.derive] derivations in ./pyproject.toml, else all registered).", show_default=False)]
CheckOpt = Annotated[bool, typer.Option("--check", help="Write nothing; print a diff of what is stale and exit 1 if anything is.")]
KsOpt = Annotated[Optional[list[str]], typer.Option("--k", metavar="N", help="The instances at k (repeatable); default: [tool.derive] k, else the k values committed in the directory.", show_default=False)]
OutOpt = Annotated[Optional[str], typer.Option("--output", "-o", metavar="DIR", help="The directory of generated files (default: [tool.derive] output, else output).", show_default=False)]


def generate(directory: Path, progress: object = None, chosen: list[Any] | None = None,
             formats: tuple[str, ...] | None = None, claims: list[int] | None = None) -> tuple[dict[str, str], list[str]]:
    """(file name -> text for every target, names of targets with a refuted claim). ``chosen``:
    the targets (default: every registered derivation and the k values committed in ``directory``);
    ``formats``: a subset of tex, md, json (default: all three); the number of claims verified is
    added to ``claims[0]``."""
    from ..produce import produce
    from ..runs import FORMATS, targets
    from .common import settle

    settle()
    if chosen is None:
        chosen = targets([], [], directory)
    if progress is not None:
        progress.total = len(chosen)  # type: ignore[attr-defined]
    files: dict[str, str] = {}
    refuted = []
    for t in chosen:
        if progress is not None:
            progress.start(t.label)  # type: ignore[attr-defined]
        produced = produce(t.name, t.k, list(formats or FORMATS), progress)  # type: ignore[arg-type]
        files.update(produced.files)  # type: ignore[arg-type]
        if claims is not None:
            from ..runs import cases_of

            claims[0] += len(cases_of(produced.verified))
        if produced.verified.verdict.value == "refuted":
            refuted.append(t.stem)
    return files, refuted


def compare(directory: Path, files: dict[str, str], *, extra: bool = True) -> tuple[list[str], list[str], list[str], str]:
    """(stale, missing, extra file names, unified diff of the stale ones) of ``directory``.
    ``extra``: name the files of the directory that nothing generates (when the whole catalogue
    is compared; a selection shares its directory with other files)."""
    stale, missing, diff = [], [], []
    for name in sorted(files):
        path = directory / name
        new = files[name]
        if not path.is_file():
            missing.append(name)
            continue
        old_bytes = path.read_bytes()
        if old_bytes == new.encode("utf-8"):
            continue
        stale.append(name)
        old = old_bytes.decode("utf-8", errors="replace")
        shown = str(directory / name)
        diff.extend(difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"{shown} (committed)", f"{shown} (generated)"))
        if diff and not diff[-1].endswith("\n"):
            diff[-1] += "\n\\ No newline at end of file\n"
    others = []
    if extra and directory.is_dir():
        others = sorted(p.name for p in directory.iterdir() if not p.name.startswith(".") and p.name not in files)
    return stale, missing, others, "".join(diff)


def colour_diff(diff: str, on: bool) -> str:
    """A unified diff with removed lines red, added green and hunk headers cyan (when ``on``)."""
    from .common import paint

    if not on:
        return diff
    out = []
    for line in diff.splitlines(True):
        body, nl = (line[:-1], "\n") if line.endswith("\n") else (line, "")
        if line.startswith(("---", "+++")):
            out.append(paint(body, "bold", True) + nl)
        elif line.startswith("@@"):
            out.append(paint(body, "cyan", True) + nl)
        elif line.startswith("-"):
            out.append(paint(body, "red", True) + nl)
        elif line.startswith("+"):
            out.append(paint(body, "green", True) + nl)
        else:
            out.append(line)
    return "".join(out)


def render(names: NamesArg = None, check: CheckOpt = False, k: KsOpt = None, output: OutOpt = None,
           no_cache: NoCacheOpt = False, quiet: QuietOpt = False) -> None:
    """Regenerate the generated files (with --check: only report what is stale)."""
    import sys

    from ..cache import using
    from ..files import check_directory, write_all
    from .common import Progress, Scope, cache_summary, cache_warnings, colour, in_ci, say, select_cache, set_quiet

    set_quiet(quiet)
    scope = Scope(names, k, output)
    directory = scope.output
    if check:
        if not directory.is_dir():
            raise UsageError(f"{str(directory)!r} is not a directory", hint="run derive render first, or pass -o DIR")
    else:
        check_directory(directory)
    chosen = scope.targets()
    progress = Progress(0)
    claims = [0]
    with using(select_cache(no_cache)) as cache:
        try:
            files, refuted = generate(directory, progress, chosen, scope.formats, claims)
        finally:
            progress.done()
    for line in cache_warnings(cache):
        typer.echo(line, err=True)
    cached = f"; {cache_summary(cache, claims[0])}" if check and in_ci() else ""
    stale, missing, extra, diff = compare(directory, files, extra=not scope.selected)
    for stem in refuted:
        typer.echo(f"derive: {stem} has a refuted step (see its documents)", err=True)
    if check:
        on = colour(sys.stdout)
        typer.echo(colour_diff(diff, on), nl=False, color=on)  # click strips ANSI off a terminal unless told
        for name in missing:
            typer.echo(f"missing: {directory / name} (would be written)")
        for name in extra:
            typer.echo(f"extra: {directory / name} (not generated by any registered derivation)")
        bad = len(stale) + len(missing) + len(extra)
        if bad:
            typer.echo(f"derive render --check: {len(stale)} stale, {len(missing)} missing, {len(extra)} extra "
                       f"of {len(files)} files; run 'derive render' to regenerate{cached}", err=True)
        else:
            say(f"derive render --check: all {len(files)} files up to date{cached}", err=True)
        raise typer.Exit(EXIT_FAILED if bad or refuted else EXIT_OK)
    changed = {name: files[name] for name in [*stale, *missing]}
    for path in write_all(directory, changed) if changed else []:
        say(f"wrote {path}")
    for name in extra:
        typer.echo(f"derive: {directory / name} is not generated by any registered derivation (left as it is)", err=True)
    say(f"derive render: {len(changed)} written, {len(files) - len(changed)} unchanged", err=True)
    raise typer.Exit(EXIT_FAILED if refuted else EXIT_OK)


def register(app: typer.Typer) -> None:
    """Add ``derive render`` to ``app``."""
    app.command("render")(render)

"""``derive verify``: verify the catalogue, print a summary table, write JSON and JUnit reports.

Exit codes: 0 every claim proved or checked; 1 a claim refuted or a derivation failed to build;
3 a claim unknown under ``--strict``; 2 usage errors. SymPy is imported inside the command.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ..errors import EXIT_FAILED, EXIT_OK, EXIT_UNKNOWN, DeriveError, UsageError
from .common import NoCacheOpt, QuietOpt

__all__ = ["register", "run_verify", "exit_code", "table"]

NamesArg = Annotated[Optional[list[str]], typer.Argument(metavar="NAME", help="Derivations to verify (default: [tool.derive] derivations in ./pyproject.toml, else all registered).", show_default=False)]
KsOpt = Annotated[Optional[list[str]], typer.Option("--k", metavar="N", help="Verify the instance at k (repeatable); default: [tool.derive] k, else the k values committed in the output directory.", show_default=False)]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Exit 3 when a claim could not be decided (unknown).")]
ReportOpt = Annotated[Optional[tuple[str, str]], typer.Option("--report", metavar="json FILE", help="Write every certificate and verdict as JSON to FILE.", show_default=False)]
JunitOpt = Annotated[Optional[str], typer.Option("--junit", metavar="FILE", help="Write JUnit XML to FILE: one testcase per step.", show_default=False)]
OutOpt = Annotated[Optional[str], typer.Option("--output", "-o", metavar="DIR", help="Directory of the committed files, where the k values are found (default: [tool.derive] output, else output).", show_default=False)]


def exit_code(results: list[Any], strict: bool) -> int:
    """1 if anything is refuted or failed to build, else 3 under --strict with unknowns, else 0."""
    verdicts = [r.verdict for r in results]
    if "refuted" in verdicts or "error" in verdicts:
        return EXIT_FAILED
    if strict and "unknown" in verdicts:
        return EXIT_UNKNOWN
    return EXIT_OK


def run_verify(names: list[str], ks: list[int], output: Path, progress: Any = None, chosen: list[Any] | None = None) -> list[Any]:
    """Verify every target; a derivation that fails to build is an ``error`` result, not a crash."""
    import json

    from ..cache import active
    from ..produce import produce
    from ..runs import TargetResult, cases_of, targets
    from .common import settle

    settle()
    if chosen is None:
        chosen = targets(names, ks, output)
    if progress is not None:
        progress.total = len(chosen)
    results = []
    for t in chosen:
        if progress is not None:
            progress.start(t.label)
        cache = active()
        before = (cache.hits, cache.hits + cache.misses) if cache else (0, 0)
        start = time.monotonic()
        try:
            produced = produce(t.name, t.k, ["json"], progress)
        except DeriveError:
            raise
        except Exception as exc:  # noqa: BLE001 - a broken derivation is reported, the others still run
            message = f"{t.label} failed to build or verify: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
            results.append(TargetResult(t, (), time.monotonic() - start, None, message))
            continue
        seconds = time.monotonic() - start
        after = (cache.hits, cache.hits + cache.misses) if cache else (0, 0)
        cert = json.loads(produced.files[f"{t.stem}.json"])
        results.append(TargetResult(t, cases_of(produced.verified), seconds, cert, None,
                                    (after[0] - before[0], after[1] - before[1])))
    return results


def table(results: list[Any]) -> str:
    """The summary table (derivation, k, steps, proved, checked, unknown, refuted, cached, time)."""
    from ..runs import VERDICTS, counts

    head = ["derivation", "k", "steps", *VERDICTS, "cached", "time"]
    rows = []
    total = dict.fromkeys(["steps", *VERDICTS], 0)
    for r in results:
        c = counts(r.cases)
        for key in total:
            total[key] += c[key]
        k = "general" if r.target.k is None else str(r.target.k)
        if r.error is not None:
            rows.append([r.target.name, k, "error", "", "", "", "", "", f"{r.seconds:.1f}s"])
            continue
        hits, lookups = r.cached
        rows.append([r.target.name, k, *(str(c[key]) for key in ["steps", *VERDICTS]), f"{hits}/{lookups}", f"{r.seconds:.1f}s"])
    rows.append(["total", "", *(str(total[key]) for key in ["steps", *VERDICTS]), "", f"{sum(r.seconds for r in results):.1f}s"])
    widths = [max(len(row[n]) for row in [head, *rows]) for n in range(len(head))]
    lines = []
    for row in [head, *rows]:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(w) for cell, w in zip(row[1:], widths[1:])]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def verify(
    names: NamesArg = None,
    k: KsOpt = None,
    strict: StrictOpt = False,
    report: ReportOpt = None,
    junit: JunitOpt = None,
    no_cache: NoCacheOpt = False,
    output: OutOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Verify derivations (all registered, general k and the committed k values) for CI."""
    import json

    from ..cache import using
    from ..junit import junit_xml
    from ..runs import report_json
    from .common import (
        Progress,
        Scope,
        cache_summary,
        cache_warnings,
        check_report_path,
        in_ci,
        say,
        select_cache,
        set_quiet,
        write_report,
    )

    set_quiet(quiet)
    scope = Scope(names, k, output)
    chosen = scope.targets()
    report_path = None
    if report is not None:
        fmt, file = report
        if fmt != "json":
            raise UsageError(f"unknown report format {fmt!r}", hint="use --report json FILE")
        report_path = check_report_path("--report json", file)
    junit_path = check_report_path("--junit", junit) if junit is not None else None
    progress = Progress(0)
    with using(select_cache(no_cache)) as cache:
        try:
            results = run_verify(scope.names, scope.ks, scope.output, progress, chosen)
        finally:
            progress.done()
    typer.echo(table(results), nl=False)
    if strict or in_ci():
        claims = sum(len(r.cases) for r in results)
        typer.echo(f"derive verify: {cache_summary(cache, claims)}")
    for line in cache_warnings(cache):
        typer.echo(line, err=True)
    for r in results:
        if r.error is not None:
            typer.echo(f"derive: error: {r.error}", err=True)
        for case in r.cases:
            if case.verdict == "refuted":
                typer.echo(f"refuted: {r.target.stem} {case.id}: {'; '.join(case.counterexamples)}", err=True)
    if report_path is not None:
        write_report(report_path, json.dumps(report_json(results, strict=strict), indent=2, ensure_ascii=False) + "\n")
        say(f"wrote {report_path}")
    if junit_path is not None:
        write_report(junit_path, junit_xml(results, strict=strict))
        say(f"wrote {junit_path}")
    raise typer.Exit(exit_code(results, strict))


def register(app: typer.Typer) -> None:
    """Add ``derive verify`` to ``app``."""
    app.command("verify")(verify)

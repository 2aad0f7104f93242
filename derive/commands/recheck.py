"""``derive recheck CERT.json``: verify a certificate from its own contents, step by step.

Exit codes as for ``derive verify``: 0 every step proved or checked, 1 a step refuted, 3 unknown
steps under ``--strict``, 2 a malformed certificate or bad usage.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import EXIT_FAILED, EXIT_OK, EXIT_UNKNOWN
from .common import NoCacheOpt, QuietOpt

__all__ = ["register"]

CertArg = Annotated[str, typer.Argument(metavar="CERT.json", help="A certificate written by derive (--format json).", show_default=False)]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Exit 3 when a step could not be decided (unknown).")]
TimeoutOpt = Annotated[float, typer.Option("--timeout", metavar="SECONDS", help="Time limit for verifying each step; past it the step is unknown. 0: no limit.")]


def recheck(cert: CertArg, strict: StrictOpt = False, timeout: TimeoutOpt = 60.0, no_cache: NoCacheOpt = False,
            quiet: QuietOpt = False) -> None:
    """Re-check a certificate using only what is in it (definitions, conditions, chains)."""
    from ..cache import using
    from ..recheck import load_certificate, mismatches, parse_certificate
    from ..recheck import recheck as run
    from .common import Progress, cache_summary, cache_warnings, in_ci, select_cache, set_quiet, settle, time_limit

    set_quiet(quiet)
    limit = time_limit(timeout)
    settle()
    parsed = parse_certificate(load_certificate(Path(cert)))
    progress = Progress(1)
    progress.start(parsed.derivation or cert)
    with using(select_cache(no_cache)) as cache:
        try:
            result = run(parsed, progress, timeout=limit)
        finally:
            progress.done()
    for line in cache_warnings(cache):
        typer.echo(line, err=True)
    width = max(len(s.claim.id) for s in result.steps)
    for s in result.steps:
        line = f"{s.claim.id:<{width}}  {s.verdict.value}"
        if s.claim.recorded is not None and s.claim.recorded != s.verdict.value:
            line += f" (recorded: {s.claim.recorded})"
        typer.echo(line)
        for n, link in enumerate(s.report.links, start=1):
            if link.counterexample is not None:
                typer.echo(f"  link {n} refuted: {link.counterexample.describe()}")
            elif link.verdict.value == "unknown":
                typer.echo(f"  link {n} unknown: " + "; ".join(f"{e.method}: {e.outcome}: {e.detail}" for e in link.evidence))
    verdicts = [s.verdict.value for s in result.steps]
    summary = f"{parsed.derivation or cert}: {len(verdicts)} steps rechecked: " + ", ".join(
        f"{verdicts.count(v)} {v}" for v in ("proved", "checked", "unknown", "refuted") if verdicts.count(v))
    if parsed.instance is not None:
        summary += f"; the instance check (recorded {parsed.instance}) is not in the certificate and was not redone"
    differ = mismatches(result)
    if differ:
        summary += f"; {len(differ)} recorded verdicts differ"
    if strict or in_ci():
        summary += f"; {cache_summary(cache, len(verdicts))}"
    typer.echo(summary)
    if "refuted" in verdicts:
        raise typer.Exit(EXIT_FAILED)
    if strict and "unknown" in verdicts:
        raise typer.Exit(EXIT_UNKNOWN)
    raise typer.Exit(EXIT_OK)


def register(app: typer.Typer) -> None:
    """Add ``derive recheck`` to ``app``."""
    app.command("recheck")(recheck)

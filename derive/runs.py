"""Runs over the catalogue: which (derivation, k) targets exist, and the outcome of each claim.

The committed k values of a derivation are read from the names of the files under ``output/``
(``NAME-kN.*``), so a derivation added to the registry, with its instance files committed, is
picked up without a list kept by hand. Nothing here prints or writes files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import UsageError

__all__ = [
    "FORMATS",
    "Target",
    "committed_ks",
    "targets",
    "expected_files",
    "Case",
    "TargetResult",
    "cases_of",
    "counts",
    "overall",
    "report_json",
    "REPORT_SCHEMA",
]

#: The formats committed under output/ for every target.
FORMATS = ("tex", "md", "json")
REPORT_SCHEMA = "derive/verify-report-v1"
VERDICTS = ("proved", "checked", "unknown", "refuted")


@dataclass(frozen=True, order=True)
class Target:
    """One derivation for general k (``k is None``) or with its concrete instance at ``k``."""

    name: str
    k: int | None = None

    @property
    def stem(self) -> str:
        return self.name if self.k is None else f"{self.name}-k{self.k}"

    @property
    def label(self) -> str:
        return self.name if self.k is None else f"{self.name} (k = {self.k})"


def _stem_of(filename: str) -> str | None:
    if filename.startswith(".") or "." not in filename:
        return None
    return filename.rsplit(".", 1)[0]


def committed_ks(directory: Path, names: Iterable[str]) -> dict[str, list[int]]:
    """``{name: [k, ...]}`` from the files ``NAME-kN.*`` in ``directory`` (empty if it is absent)."""
    names = list(names)
    found: dict[str, set[int]] = {n: set() for n in names}
    if not directory.is_dir():
        return {n: [] for n in names}
    for path in directory.iterdir():
        stem = _stem_of(path.name)
        if stem is None or not path.is_file() or stem in found:
            continue
        for name in names:
            m = re.fullmatch(re.escape(name) + r"-k([1-9][0-9]{0,5})", stem)
            if m:
                found[name].add(int(m.group(1)))
    return {n: sorted(v) for n, v in found.items()}


def targets(names: Sequence[str], ks: Sequence[int], directory: Path, *, k_where_it_applies: bool = False) -> list[Target]:
    """The targets to run: every named derivation (all registered ones when ``names`` is empty)
    for general k, plus the instances at ``ks`` (or, when none are given, the committed ones).
    Named derivations without a concrete instance and ``ks`` are a usage error, unless
    ``k_where_it_applies`` (``k`` from ``[tool.derive]``: it applies to those that have one)."""
    from .registry import entries, get

    chosen = [get(n) for n in dict.fromkeys(names)] if names else entries()
    if names and ks and not k_where_it_applies:
        for e in chosen:
            if e.instance_target is None:
                raise UsageError(f"{e.name} has no concrete instance, so --k does not apply", hint="drop --k or the name")
    committed = committed_ks(directory, [e.name for e in chosen]) if not ks else {}
    out: list[Target] = []
    for e in chosen:
        out.append(Target(e.name))
        if e.instance_target is None:
            continue
        for k in (sorted(set(ks)) if ks else committed[e.name]):
            out.append(Target(e.name, k))
    return out


def expected_files(chosen: Iterable[Target]) -> list[str]:
    """The file names under output/ that ``chosen`` produce."""
    return [f"{t.stem}.{fmt}" for t in chosen for fmt in FORMATS]


# --------------------------------------------------------------------------- outcomes


@dataclass(frozen=True)
class Case:
    """One verified claim: a step, the result, an instance entry or the instance check."""

    id: str
    title: str
    verdict: str
    evidence: tuple[str, ...]  # one line per link and method
    counterexamples: tuple[str, ...] = ()  # one line per refuted link


@dataclass(frozen=True)
class TargetResult:
    """The outcome for one target; ``error`` is set (and ``cases`` empty) when it failed to build."""

    target: Target
    cases: tuple[Case, ...]
    seconds: float = 0.0
    certificate: dict[str, Any] | None = None
    error: str | None = None
    cached: tuple[int, int] = (0, 0)  # (cache hits, cache lookups)

    @property
    def verdict(self) -> str:
        if self.error is not None:
            return "error"
        return overall(c.verdict for c in self.cases)


def overall(verdicts: Iterable[str]) -> str:
    """The least favourable verdict (refuted > unknown > checked > proved)."""
    rank = {v: n for n, v in enumerate(VERDICTS)}
    return max(verdicts, key=lambda v: rank.get(v, len(VERDICTS)), default="proved")


def _case(step_id: str, title: str, report: Any) -> Case:
    evidence, counters = [], []
    for n, link in enumerate(report.links, start=1):
        evidence.append(f"link {n}: {link.verdict.value}")
        evidence.extend(f"  {e.method}: {e.outcome}: {e.detail}" for e in link.evidence)
        if link.counterexample is not None:
            counters.append(f"link {n}: {link.counterexample.describe()}")
    return Case(step_id, title, report.verdict.value, tuple(evidence), tuple(counters))


def cases_of(vd: Any) -> tuple[Case, ...]:
    """Every claim of a `VerifiedDerivation`: its steps, its result, the instance entries and the
    instance check."""
    out = [_case(s.step.id, s.step.title, s.report) for s in vd.steps]
    out.append(_case("result", vd.result.step.title, vd.result.report))
    out.extend(_case(s.step.id, s.step.title, s.report) for s in vd.instance_steps)
    inst = vd.instance
    if inst is not None:
        out.append(Case(f"instance-k{inst.k}", f"Instance at k = {inst.k}", inst.verdict.value,
                        tuple(f"  {e.method}: {e.outcome}: {e.detail}" for e in inst.evidence)))
    return tuple(out)


def counts(cases: Iterable[Case]) -> dict[str, int]:
    cases = list(cases)
    return {"steps": len(cases), **{v: sum(c.verdict == v for c in cases) for v in VERDICTS}}


def report_json(results: Sequence[TargetResult], *, strict: bool) -> dict[str, Any]:
    """The ``--report json`` document: every certificate and verdict (no timings: deterministic)."""
    from . import __version__
    from .verify import VERIFIER_VERSION

    return {
        "schema": REPORT_SCHEMA,
        "generator": f"derive {__version__}",
        "verifier": VERIFIER_VERSION,
        "strict": strict,
        "verdict": "error" if any(r.error for r in results) else overall(r.verdict for r in results),
        "targets": [
            {
                "derivation": r.target.name,
                "k": r.target.k,
                "verdict": r.verdict,
                "counts": counts(r.cases),
                "error": r.error,
                "steps": [{"id": c.id, "title": c.title, "verdict": c.verdict, "counterexamples": list(c.counterexamples)}
                          for c in r.cases],
                "certificate": r.certificate,
            }
            for r in results
        ],
    }

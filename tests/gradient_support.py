"""Shared by the tests of `derive gradient`: every spec under examples/specs planned and verified
once per test process (a memo, not a conftest fixture, so the test files stay independent)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "examples" / "specs"
EXAMPLES_OUTPUT = ROOT / "examples" / "output"

#: The spec of each catalogue derivation (file stem = catalogue name).
CATALOGUE = ("focal-loss", "kl-divergence", "label-smoothing-ce", "log-softmax-nll", "mse-linear", "sigmoid-bce",
             "softmax-ce", "softmax-jacobian", "temperature-softmax-ce")


def spec_paths() -> list[Path]:
    return sorted(SPECS.glob("*.md"))


def new_specs() -> list[str]:
    """The specs of derivations that are not in the catalogue."""
    return [p.stem for p in spec_paths() if p.stem not in CATALOGUE]


@dataclass(frozen=True)
class Planned:
    path: Path
    planned: object  # PlannedDerivation
    verified: object  # VerifiedDerivation


@cache
def planned(stem: str) -> Planned:
    """The spec ``examples/specs/STEM.md`` read, planned and verified (every step must be proved:
    `verify_planned` raises otherwise)."""
    from dataclasses import replace

    from derive.gradient import plan, read_problem, read_spec, verify_planned

    path = SPECS / f"{stem}.md"
    spec = replace(read_spec(str(path)), source=f"specs/{path.name}")  # as examples/pyproject.toml names it
    pd = plan(read_problem(spec))
    return Planned(path, pd, verify_planned(pd))


@cache
def planned_k3() -> Planned:
    """softmax-ce's spec with its instance at k = 3 (committed under examples/output)."""
    from derive.gradient.instance import build_instance
    from derive.gradient import verify_planned

    base = planned("softmax-ce")
    instance = build_instance(base.planned, 3)  # type: ignore[arg-type]
    return Planned(base.path, base.planned, verify_planned(base.planned, instance=instance))  # type: ignore[arg-type]

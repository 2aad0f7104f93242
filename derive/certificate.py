"""The JSON certificate: every definition, condition and chain as SymPy ``srepr``, with verdicts.

A program that has only SymPy can rebuild every expression and re-check every step without
trusting `derive` (see `derive recheck`, which does exactly that without ``eval``).
"""

from __future__ import annotations

import json
from typing import Any

from . import __version__
from .engine import VerifiedDerivation, VerifiedStep
from .latex import DerivePrinter
from .srepr import srepr_of
from .verify import VERIFIER_VERSION

__all__ = ["SCHEMA", "certificate", "dumps"]

SCHEMA = "derive/derivation-v1"


def _step(vs: VerifiedStep, printer: DerivePrinter) -> dict[str, Any]:
    s = vs.step
    return {
        "id": s.id,
        "title": s.title,
        "rule": s.rule,
        "explanation": s.explanation,
        "conditions": [srepr_of(c) for c in s.conditions],
        "chain": [srepr_of(m) for m in s.chain],
        "latex": " = ".join(printer.doprint(m) for m in s.chain),
        "verdict": vs.verdict.value,
        "links": [
            {
                "verdict": link.verdict.value,
                "evidence": [{"method": e.method, "outcome": e.outcome, "detail": e.detail} for e in link.evidence],
                "counterexample": link.counterexample.as_dict() if link.counterexample else None,
            }
            for link in vs.report.links
        ],
        "evidence": [
            {"method": e.method, "detail": f"link {n}: {e.outcome}: {e.detail}"}
            for n, link in enumerate(vs.report.links, start=1)
            for e in link.evidence
        ],
    }


def certificate(vd: VerifiedDerivation) -> dict[str, Any]:
    """The certificate of a verified derivation (see README, "The certificate")."""
    d = vd.derivation
    printer = DerivePrinter()
    inst = vd.instance
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "generator": f"derive {__version__}",
        "verifier": VERIFIER_VERSION,
        "derivation": d.name,
        "k": inst.k if inst is not None else None,  # type: ignore[attr-defined]
        "size": srepr_of(d.size) if d.size is not None else None,
        "definitions": [{"name": df.name, "lhs": srepr_of(df.lhs), "rhs": srepr_of(df.rhs)} for df in d.definitions],
        "assumptions": [srepr_of(a) for a in d.assumptions],
        "steps": [_step(s, printer) for s in (*vd.steps, *vd.instance_steps)],
        "result": {
            "chain": [srepr_of(m) for m in d.result.chain],
            "conditions": [srepr_of(c) for c in d.result.conditions],
            "latex": " = ".join(printer.doprint(m) for m in d.result.chain),
            "verdict": vd.result.verdict.value,
        },
        "verdict": vd.verdict.value,
    }
    if inst is not None:
        out["instance"] = {
            "k": inst.k,  # type: ignore[attr-defined]
            "verdict": inst.verdict.value,  # type: ignore[attr-defined]
            "evidence": [{"method": e.method, "outcome": e.outcome, "detail": e.detail} for e in inst.evidence],  # type: ignore[attr-defined]
        }
    return out


def dumps(cert: dict[str, Any]) -> str:
    """Deterministic JSON text (fixed key order, two-space indent, trailing newline)."""
    return json.dumps(cert, indent=2, ensure_ascii=False) + "\n"

"""Notation options (``--symbol yhat=p``, ``--log log``): parsed, validated, turned into printer settings.

A display name is letters and digits only (``p``, ``a``, ``phat``, ``sigma``, ``logits``), so no
user string can put a LaTeX command (``\\input``, ``\\write18``, ``\\def``) into the output.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from sympy import Basic, IndexedBase, Symbol
from sympy.core.function import AppliedUndef

from .errors import UsageError

__all__ = ["parse_symbol_options", "printer_settings", "symbol_names", "derivation_names", "DISPLAY_NAME", "RESERVED"]

DISPLAY_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]{0,15}")
_LOGS = ("ln", "log")
#: Display names the output already uses for something else: Euler's e, the d of a derivative,
#: the Kronecker delta.
RESERVED = frozenset({"e", "d", "delta"})


def symbol_names(exprs: Iterable[Basic]) -> set[str]:
    """Names that can be renamed: symbols, indexed bases and functions (not dummies)."""
    names: set[str] = set()
    for e in exprs:
        names |= {s.name for s in e.atoms(Symbol) if not s.name.startswith("_")}
        names |= {b.name for b in e.atoms(IndexedBase)}
        names |= {f.func.__name__ for f in e.atoms(AppliedUndef)}
    return names


def derivation_names(derivation: Any) -> set[str]:
    """The names a derivation's equations use: what ``--symbol NAME=...`` may rename."""
    exprs: list[Basic] = []
    for d in derivation.definitions:
        exprs += [d.lhs, d.rhs]
    for step in (*derivation.steps, derivation.result):
        exprs += [*step.chain, *step.conditions]
    exprs += list(derivation.assumptions)
    if derivation.size is not None:
        exprs.append(derivation.size)
    return symbol_names(exprs)


def parse_symbol_options(options: Sequence[str], known: set[str]) -> dict[str, str]:
    """``["yhat=p", "z=a"]`` -> ``{"yhat": "p", "z": "a"}``, validated against ``known`` names."""
    mapping: dict[str, str] = {}
    for opt in options:
        name, sep, display = opt.partition("=")
        name, display = name.strip(), display.strip()
        if not sep or not name or not display:
            raise UsageError(f"--symbol takes NAME=DISPLAY, got {opt!r}", hint="for example --symbol yhat=p")
        if name not in known:
            raise UsageError(f"unknown symbol {name!r}", hint=f"known: {', '.join(sorted(known))}")
        if not DISPLAY_NAME.fullmatch(display):
            raise UsageError(f"display name {display!r} is not allowed",
                             hint="use 1 to 16 letters or digits starting with a letter, e.g. p, a, phat, sigma")
        if display in RESERVED:
            raise UsageError(f"display name {display!r} is reserved (e is Euler's number, d the derivative, delta the Kronecker delta)",
                             hint="choose another name")
        if name in mapping:
            raise UsageError(f"--symbol {name} is given twice")
        mapping[name] = display
    shown = {mapping.get(n, n) for n in known}
    if len(shown) < len(known):
        clash = sorted(d for d in mapping.values() if list(mapping.values()).count(d) > 1 or d in known - set(mapping))
        raise UsageError(f"--symbol would show two symbols as {clash[0]!r}", hint="choose distinct names")
    return mapping


def printer_settings(symbols: Sequence[str], log: str, known: set[str]) -> dict[str, Any]:
    """Settings for `derive.latex.DerivePrinter` from the command-line notation options."""
    if log not in _LOGS:
        raise UsageError(f"--log must be ln or log, got {log!r}")
    return {"names": parse_symbol_options(symbols, known), "log": log}

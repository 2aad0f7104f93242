"""Derive, verify and render one derivation into the files of the requested formats, in memory."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .certificate import certificate, dumps
from .engine import VerifiedDerivation, verify_derivation
from .registry import get
from .render import render
from .view import build_view

__all__ = ["FORMATS", "Produced", "produce", "stem"]

#: Text formats and their templates (json is the certificate, not a template).
FORMATS = {"tex": "derivation.tex.j2", "md": "derivation.md.j2", "json": None}


@dataclass(frozen=True)
class Produced:
    verified: VerifiedDerivation
    files: dict[str, str]


def stem(name: str, k: int | None) -> str:
    """``softmax-ce`` or ``softmax-ce-k3``."""
    return name if k is None else f"{name}-k{k}"


def produce(
    name: str,
    k: int | None,
    formats: Sequence[str],
    progress: Callable[[str, int, int], None] | None = None,
) -> Produced:
    """Build, verify and render; nothing is written here."""
    entry = get(name)
    derivation = entry.build()
    instance = None
    if k is not None:
        instance = entry.instance(k, (lambda a, n: progress(f"instance row {a}/{n}", a, n)) if progress else None)
    vd = verify_derivation(derivation, instance=instance, progress=progress)
    files: dict[str, str] = {}
    view = build_view(vd) if any(f != "json" for f in formats) else None
    for fmt in formats:
        template = FORMATS[fmt]
        text = dumps(certificate(vd)) if template is None else render(template, view)  # type: ignore[arg-type]
        files[f"{stem(name, k)}.{fmt}"] = text
    return Produced(vd, files)

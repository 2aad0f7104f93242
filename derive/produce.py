"""Derive, verify and render one derivation into the files of the requested formats, in memory."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .certificate import certificate, dumps
from .engine import VerifiedDerivation, verify_derivation
from .notation import derivation_names, printer_settings
from .registry import get
from .render import render
from .view import build_view

__all__ = ["FORMATS", "PDF", "ALL_FORMATS", "FRAGMENT_TEMPLATE", "Produced", "produce", "render_files", "stem", "file_name"]

#: Text formats and their templates (json is the certificate, not a template).
FORMATS = {"tex": "derivation.tex.j2", "md": "derivation.md.j2", "json": None}
#: The PDF: the standalone LaTeX compiled by pdflatex (`derive.pdf`); only when asked for.
PDF = "pdf"
ALL_FORMATS = (*FORMATS, PDF)
#: The LaTeX body without a preamble, written instead of the standalone ``.tex`` with ``fragment``.
FRAGMENT_TEMPLATE = "fragment.tex.j2"


@dataclass(frozen=True)
class Produced:
    verified: VerifiedDerivation
    files: dict[str, str | bytes]  # bytes for the PDF only


def stem(name: str, k: int | None) -> str:
    """``softmax-ce`` or ``softmax-ce-k3``."""
    return name if k is None else f"{name}-k{k}"


def file_name(name: str, k: int | None, fmt: str, *, fragment: bool = False) -> str:
    """``softmax-ce-k3.tex``, ``softmax-ce-k3-fragment.tex`` (LaTeX with ``fragment``), ``softmax-ce.pdf``."""
    suffix = "-fragment" if fragment and fmt == "tex" else ""
    return f"{stem(name, k)}{suffix}.{fmt}"


def render_files(
    vd: VerifiedDerivation,
    k: int | None,
    formats: Sequence[str],
    *,
    numbered: bool = False,
    fragment: bool = False,
    name: str | None = None,
    notation: Mapping[str, Any] | None = None,
    plain: bool = False,
) -> dict[str, str | bytes]:
    """The files of ``formats`` for an already verified derivation, name -> content.

    ``numbered``: one equation number and a ``\\label{derive:NAME:STEPID}`` per step (LaTeX and
    PDF), ``\\tag{n}`` in the Markdown. ``fragment``: the LaTeX is the body only
    (``NAME-fragment.tex``); the PDF is always compiled from the standalone document. ``name``
    is the file name's stem (the registered name; by default the derivation's own). ``notation``:
    validated printer settings (`derive.notation.printer_settings`); the certificate never changes.
    ``plain``: paper-ready LaTeX and Markdown, without verification notes and the closing note
    (the evidence stays in the certificate).
    """
    name = name or vd.derivation.name
    unknown = [f for f in formats if f not in ALL_FORMATS]
    if unknown:
        raise ValueError(f"unknown format(s): {', '.join(unknown)}")
    view = build_view(vd, numbered=numbered, plain=plain, **(notation or {})) if any(f != "json" for f in formats) else None
    files: dict[str, str | bytes] = {}
    for fmt in formats:
        if fmt == "json":
            files[file_name(name, k, fmt)] = dumps(certificate(vd))
        elif fmt == PDF:
            from .pdf import compile_pdf

            files[file_name(name, k, fmt)] = compile_pdf(render(FORMATS["tex"], view))  # type: ignore[arg-type]
        else:
            template = FRAGMENT_TEMPLATE if fragment and fmt == "tex" else FORMATS[fmt]
            files[file_name(name, k, fmt, fragment=fragment)] = render(template, view)  # type: ignore[arg-type]
    return files


def produce(
    name: str,
    k: int | None,
    formats: Sequence[str],
    progress: Callable[[str, int, int], None] | None = None,
    *,
    numbered: bool = False,
    fragment: bool = False,
    symbols: Sequence[str] = (),
    log: str = "ln",
    plain: bool = False,
) -> Produced:
    """Build, verify and render; nothing is written here (the PDF is compiled in a temporary
    directory). ``numbered``, ``fragment`` and ``plain``: see `render_files`. ``symbols`` (``["yhat=p"]``)
    and ``log`` are the notation options, validated against the derivation's names before any
    verification (a bad one is a `UsageError`)."""
    entry = get(name)
    derivation = entry.build()
    notation = printer_settings(symbols, log, derivation_names(derivation)) if symbols or log != "ln" else None
    instance = None
    if k is not None:
        instance = entry.instance(k, (lambda a, n: progress(f"instance row {a}/{n}", a, n)) if progress else None)
    vd = verify_derivation(derivation, instance=instance, progress=progress)
    return Produced(vd, render_files(vd, k, formats, numbered=numbered, fragment=fragment, name=name,
                                      notation=notation, plain=plain))

"""The one-call API for notebooks and scripts: ``derive.derive("softmax-ce", k=3)``.

The `VerifiedDerivation` it returns shows itself in Jupyter compactly (the boxed result and its
verdict) or, with ``display="document"``, as the whole Markdown document; ``to_latex()`` and
``to_markdown()`` give the documents as text, ``repr()`` one line.
"""

from __future__ import annotations

from .engine import VerifiedDerivation
from .errors import UsageError
from .produce import produce
from .registry import MAX_K, get

__all__ = ["derive", "DEFAULT_MAX_K", "DISPLAYS"]

#: The bound on ``k`` for a derivation that declares none (the CLI's ``--k`` limit).
DEFAULT_MAX_K = MAX_K


DISPLAYS = ("result", "document")


def derive(name: str, k: int | None = None, *, display: str = "result") -> VerifiedDerivation:
    """Build and verify the registered derivation ``name``, with its concrete instance at ``k``.

    ``display``: what a notebook shows, ``"result"`` (the boxed result and the verdict) or
    ``"document"`` (the whole Markdown document).

    Raises `derive.errors.UsageError` for an unknown name or a ``k`` that is not an integer in
    ``1..max_k``; nothing is written.
    """
    if display not in DISPLAYS:
        raise UsageError(f"display must be 'result' or 'document', got {display!r}")
    entry = get(name)
    if k is not None:
        if isinstance(k, bool) or not isinstance(k, int):
            raise UsageError(f"k must be an integer or None, got {k!r}")
        limit = entry.max_k or DEFAULT_MAX_K
        if not 1 <= k <= limit:
            raise UsageError(f"k must be between 1 and {limit}, got {k}")
    vd = produce(name, k, []).verified
    return vd if display == "result" else vd.as_document()

"""Name -> derivation builder. Modules are imported only when their derivation is asked for."""

from __future__ import annotations

import difflib
import importlib
from dataclasses import dataclass
from typing import Any

from .errors import UsageError

__all__ = ["Entry", "REGISTRY", "get", "names"]


@dataclass(frozen=True)
class Entry:
    """Where a derivation lives and what it offers."""

    name: str
    summary: str
    module: str
    instance_module: str | None = None
    max_k: int | None = None

    def build(self) -> Any:
        return importlib.import_module(self.module).build()

    def instance(self, k: int, progress: Any = None) -> Any:
        if self.instance_module is None:
            raise UsageError(f"{self.name} has no concrete instance; drop --k")
        return importlib.import_module(self.instance_module).build_instance(k, progress)


REGISTRY: dict[str, Entry] = {
    e.name: e
    for e in (
        Entry(
            "softmax-ce",
            "softmax with cross-entropy over k classes: dL/dz_i = yhat_i - y_i",
            "derive.derivations.softmax_ce",
            "derive.derivations.softmax_instance",
            max_k=120,
        ),
    )
}


def names() -> list[str]:
    return sorted(REGISTRY)


def get(name: str) -> Entry:
    """The entry for ``name``; an unknown name is a usage error naming the closest matches."""
    try:
        return REGISTRY[name]
    except KeyError:
        close = difflib.get_close_matches(name, names(), n=3)
        hint = f"did you mean {', '.join(close)}?" if close else f"known: {', '.join(names())}"
        raise UsageError(f"unknown derivation {name!r}", hint=hint + " ('derive list' shows all)") from None

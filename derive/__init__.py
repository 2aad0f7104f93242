"""derive: symbolic derivations derived and verified by SymPy, rendered as LaTeX and Markdown.

The public API is re-exported here; importing it does not import SymPy until it is used.
"""

from __future__ import annotations

__all__ = ["__version__", "derive"]


def __getattr__(name: str) -> object:
    """``derive.derive`` (see `derive.notebook`), imported with SymPy on first use only; ``__version__``
    from the package metadata (`derive._version`), looked up on first use only."""
    if name == "__version__":
        from ._version import version

        globals()["__version__"] = value = version()
        return value
    if name == "derive":
        from .notebook import derive

        return derive
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""``[tool.derive]`` in a repository's ``pyproject.toml``: which derivations, k values, formats and
output directory ``derive render`` and ``derive verify`` cover there.

A repository that commits the files of a few derivations only says so once::

    [tool.derive]
    derivations = ["softmax-ce"]   # default: every registered derivation
    k = [3]                        # default: the k values committed in the output directory
    formats = ["tex", "md"]        # default: tex, md and json
    output = "docs/derivations"    # default: output
    specs = ["paper/my-loss.md"]   # spec files planned by `derive gradient` (paths from this file)

With ``specs`` and no ``derivations``, only the specs are covered. Names and ``--k``/``-o`` on the command line take precedence over the file. The file is the
``pyproject.toml`` of the working directory; a missing file or table means the defaults. Any
other key, or a value of the wrong kind, is a usage error (a misspelt key cannot silently widen
what a check covers). Nothing here prints or imports SymPy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import UsageError

__all__ = ["Config", "load_config", "parse_config", "FORMATS", "KEYS"]

FORMATS = ("tex", "md", "json")
KEYS = ("derivations", "k", "formats", "output", "specs")


@dataclass(frozen=True)
class Config:
    """What ``[tool.derive]`` says; empty tuples and None mean the defaults."""

    derivations: tuple[str, ...] = ()
    k: tuple[int, ...] = ()
    formats: tuple[str, ...] = FORMATS
    output: str | None = None
    specs: tuple[str, ...] = ()  #: spec files for `derive gradient`, relative to the file's directory
    source: str = field(default="", compare=False)  # the file it came from, for messages


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise UsageError(f"{where}: [tool.derive] {key} must be a list of names, got {value!r}")
    return tuple(dict.fromkeys(value))


def parse_config(table: Any, where: str = "pyproject.toml") -> Config:
    """A `Config` from the ``[tool.derive]`` table; a `UsageError` naming ``where`` if it is malformed."""
    if table is None:
        return Config(source=where)
    if not isinstance(table, dict):
        raise UsageError(f"{where}: [tool.derive] must be a table")
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise UsageError(f"{where}: unknown key {unknown[0]!r} in [tool.derive]", hint=f"the keys are {', '.join(KEYS)}")
    derivations = _strings(table.get("derivations", []), "derivations", where)
    ks = table.get("k", [])
    if not isinstance(ks, list) or not all(type(v) is int for v in ks):
        raise UsageError(f"{where}: [tool.derive] k must be a list of integers, got {ks!r}")
    from .registry import MAX_K

    for v in ks:
        if not 1 <= v <= MAX_K:
            raise UsageError(f"{where}: [tool.derive] k must be between 1 and {MAX_K}, got {v}")
    formats = _strings(table.get("formats", list(FORMATS)), "formats", where)
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise UsageError(f"{where}: [tool.derive] formats must be some of {', '.join(FORMATS)}, got {table.get('formats')!r}")
    output = table.get("output")
    if output is not None and (not isinstance(output, str) or not output.strip()):
        raise UsageError(f"{where}: [tool.derive] output must be a directory name, got {output!r}")
    specs = table.get("specs", [])
    if not isinstance(specs, list) or not all(isinstance(v, str) and v.strip() for v in specs):
        raise UsageError(f"{where}: [tool.derive] specs must be a list of file names, got {specs!r}")
    return Config(derivations, tuple(dict.fromkeys(ks)), tuple(f for f in FORMATS if f in formats), output,
                  tuple(dict.fromkeys(specs)), where)


def load_config(directory: Path | None = None) -> Config:
    """``[tool.derive]`` of ``directory/pyproject.toml`` (default: the working directory)."""
    import tomllib

    path = (directory or Path.cwd()) / "pyproject.toml"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path.name} is not valid TOML: {exc}") from None
    return parse_config(data.get("tool", {}).get("derive"), path.name)

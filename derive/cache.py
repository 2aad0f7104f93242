"""A cache of chain verification results, keyed by a hash of everything the verdict depends on.

The key is the sha256 of the chain's members, its conditions, the context (size, definitions,
assumptions, `Settings`), `VERIFIER_VERSION`, a fingerprint of the verifier's own source code and
the SymPy, mpmath and Python versions. A cached report is used only when its key matches exactly,
so a verdict is never trusted across a change of the step, its conditions, the definitions, the
settings or the verifier. Entries are JSON files written atomically; an entry that cannot be read
or does not match its key is ignored (and recomputed), never trusted and never fatal. A key is no
authentication (anyone can compute it): every hit is corroborated by a fresh check at points the
entry cannot choose (`derive.corroborate`), and an entry it contradicts is discarded and recomputed.

Location: ``$DERIVE_CACHE_DIR``, else ``$XDG_CACHE_HOME/derive``, else ``~/.cache/derive``.
``DERIVE_NO_CACHE=1`` turns the cache off; `using` selects a cache (or none) for a block of code.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any

from sympy import Basic, Expr

from .srepr import srepr_of
from .verify import VERIFIER_VERSION, ChainReport, Context, Counterexample, Evidence, LinkReport, Verdict, verify_chain

__all__ = [
    "CACHE_FORMAT",
    "Cache",
    "default_dir",
    "chain_key",
    "active",
    "using",
    "cached_verify_chain",
    "lookup",
    "store",
    "report_to_json",
    "report_from_json",
]

#: Layout of the entries; bumped when the JSON form of a report changes.
CACHE_FORMAT = 1

#: Top-level modules of the package that cannot change a verdict (they print, render or drive);
#: the source of every other top-level module, new ones included, is part of every key.
_DOWNSTREAM = frozenset({
    "__init__.py", "__main__.py", "api.py", "certificate.py", "cli.py", "errors.py", "files.py", "junit.py",
    "latex.py", "pdf.py", "produce.py", "recheck.py", "registry.py", "render.py", "runs.py", "view.py", "mutate.py",
})


def default_dir() -> Path:
    """``$DERIVE_CACHE_DIR``, else ``$XDG_CACHE_HOME/derive``, else ``~/.cache/derive``."""
    if os.environ.get("DERIVE_CACHE_DIR"):
        return Path(os.environ["DERIVE_CACHE_DIR"])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "derive"
    return Path.home() / ".cache" / "derive"


@lru_cache(maxsize=1)
def _code_fingerprint() -> str | None:
    """sha256 of the source of the modules that can change a verdict (every top-level module of
    the package but the `_DOWNSTREAM` ones); None (no caching) if they cannot be read."""
    h = hashlib.sha256()
    try:
        package = Path(__file__).resolve().parent
        for path in sorted(package.glob("*.py")):
            if path.name not in _DOWNSTREAM:
                h.update(path.name.encode() + b"\x00" + path.read_bytes() + b"\x00")
    except OSError:
        return None
    return h.hexdigest()


def _environment() -> dict[str, str]:
    import mpmath
    import sympy

    return {
        "sympy": sympy.__version__,
        "mpmath": mpmath.__version__,
        "python": f"{sys.version_info[0]}.{sys.version_info[1]}",
    }


def chain_key(members: Sequence[Expr], conditions: Sequence[Basic], ctx: Context) -> str | None:
    """The cache key of ``verify_chain(members, conditions, ctx)``; None when it cannot be made."""
    code = _code_fingerprint()
    if code is None:
        return None
    material = {
        "format": CACHE_FORMAT,
        "verifier": VERIFIER_VERSION,
        "code": code,
        **_environment(),
        "size": srepr_of(ctx.size) if ctx.size is not None else None,
        "definitions": [[d.name, srepr_of(d.lhs), srepr_of(d.rhs)] for d in ctx.definitions],
        "assumptions": [srepr_of(a) for a in ctx.assumptions],
        "settings": dataclasses.asdict(ctx.settings),
        "conditions": [srepr_of(c) for c in conditions],
        "members": [srepr_of(m) for m in members],
    }
    text = json.dumps(material, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


# --------------------------------------------------------------------------- JSON form


def report_to_json(report: ChainReport) -> list[dict[str, Any]]:
    """A chain report as JSON data (exactly invertible by `report_from_json`)."""
    out = []
    for link in report.links:
        c = link.counterexample
        out.append({
            "verdict": link.verdict.value,
            "evidence": [[e.method, e.outcome, e.detail] for e in link.evidence],
            "counterexample": None if c is None else {
                "k": c.k,
                "indices": [[n, v] for n, v in c.indices],
                "values": [[n, v] for n, v in c.values],
                "lhs": c.lhs,
                "rhs": c.rhs,
            },
        })
    return out


def _str(x: object) -> str:
    if not isinstance(x, str):
        raise ValueError("expected a string")
    return x


def _int(x: object) -> int:
    if not isinstance(x, int) or isinstance(x, bool):
        raise ValueError("expected an integer")
    return x


def report_from_json(data: object) -> ChainReport:
    """The inverse of `report_to_json`; ValueError (or another exception) on anything else."""
    if not isinstance(data, list) or not data:
        raise ValueError("expected a non-empty list of links")
    links = []
    for item in data:
        if not isinstance(item, dict) or set(item) != {"verdict", "evidence", "counterexample"}:
            raise ValueError("malformed link")
        evidence = tuple(Evidence(_str(m), _str(o), _str(d)) for m, o, d in item["evidence"])
        c = item["counterexample"]
        counter = None
        if c is not None:
            counter = Counterexample(
                k=None if c["k"] is None else _int(c["k"]),
                indices=tuple((_str(n), _int(v)) for n, v in c["indices"]),
                values=tuple((_str(n), _str(v)) for n, v in c["values"]),
                lhs=_str(c["lhs"]),
                rhs=_str(c["rhs"]),
            )
        verdict = Verdict(item["verdict"])
        if (verdict is Verdict.REFUTED) != (counter is not None):
            raise ValueError("a refuted link needs a counterexample, and only a refuted one")
        links.append(LinkReport(verdict, evidence, counter))
    return ChainReport(tuple(links))


# --------------------------------------------------------------------------- the store


class Cache:
    """JSON files under ``directory``; counts hits (corroborated entries used), misses (entries
    missing, unusable or discarded) and failed writes, and keeps why entries were discarded."""

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)
        self.hits = 0
        self.misses = 0
        self.write_errors = 0
        self.discarded: list[str] = []  #: why each entry a fresh check contradicted was discarded

    def _path(self, key: str) -> Path:
        return self.directory / f"v{CACHE_FORMAT}" / key[:2] / f"{key}.json"

    def get(self, key: str, links: int) -> ChainReport | None:
        """The report stored under ``key`` with ``links`` links, or None (missing or unusable)."""
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
            if not (isinstance(entry, dict) and entry.get("format") == CACHE_FORMAT and entry.get("key") == key
                    and entry.get("verifier") == VERIFIER_VERSION):
                return None
            report = report_from_json(entry["report"])
        except Exception:  # noqa: BLE001 - a missing or corrupt entry is recomputed, never fatal
            return None
        return report if len(report.links) == links else None

    def put(self, key: str, report: ChainReport) -> None:
        """Store ``report`` atomically (a temporary file renamed into place); failures are ignored."""
        path = self._path(key)
        entry = {"format": CACHE_FORMAT, "key": key, "verifier": VERIFIER_VERSION, "report": report_to_json(report)}
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(entry, fh, ensure_ascii=False, sort_keys=True)
            os.replace(tmp, path)
            tmp = None
        except OSError:
            self.write_errors += 1
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)


_UNSET = object()
_active: ContextVar[Any] = ContextVar("derive_cache", default=_UNSET)


@lru_cache(maxsize=8)
def _default_cache(directory: str) -> Cache:
    return Cache(directory)


def active() -> Cache | None:
    """The cache in use: the one selected by `using`, else the default one (None if
    ``DERIVE_NO_CACHE`` is set to anything but empty or 0)."""
    chosen = _active.get()
    if chosen is not _UNSET:
        return chosen  # type: ignore[no-any-return]
    if os.environ.get("DERIVE_NO_CACHE", "") not in ("", "0"):
        return None
    return _default_cache(str(default_dir()))


@contextlib.contextmanager
def using(cache: Cache | None) -> Iterator[Cache | None]:
    """Use ``cache`` (None: no cache) for verifications inside the block."""
    token = _active.set(cache)
    try:
        yield cache
    finally:
        _active.reset(token)


def lookup(members: Sequence[Expr], conditions: Sequence[Basic], ctx: Context) -> tuple[str | None, ChainReport | None]:
    """The cache key of a verification (None: no cache in use, or no key) and the stored report,
    if there is one and a fresh check corroborates it (`derive.corroborate`); a contradicted entry
    is discarded (the reason is kept in `Cache.discarded`) and recomputed by the caller."""
    cache = active()
    key = chain_key(members, conditions, ctx) if cache is not None else None
    if cache is None or key is None:
        return None, None
    found = cache.get(key, len(members) - 1)
    if found is not None:
        reason = _contradiction(members, conditions, ctx, found)
        if reason is not None:
            cache.discarded.append(f"cache entry {key[:12]} discarded: {reason}")
            found = None
    if found is not None:
        cache.hits += 1
    else:
        cache.misses += 1
    return key, found


def _contradiction(members: Sequence[Expr], conditions: Sequence[Basic], ctx: Context, report: ChainReport) -> str | None:
    """Why a fresh check contradicts the cached ``report`` (`derive.corroborate`), or None."""
    from .corroborate import corroborate
    from .errors import DeriveError

    try:
        return corroborate(members, conditions, ctx, report)
    except DeriveError:
        raise
    except Exception as exc:  # noqa: BLE001 - a check that cannot be made corroborates nothing
        return f"the fresh check failed: {type(exc).__name__}: {' '.join(str(exc).split())[:160]}"


def store(key: str | None, report: ChainReport) -> None:
    """Keep ``report`` under ``key`` (from `lookup`) in the active cache; nothing without a key."""
    cache = active()
    if cache is not None and key is not None:
        cache.put(key, report)


def cached_verify_chain(members: Sequence[Expr], conditions: Sequence[Basic], ctx: Context) -> ChainReport:
    """`verify_chain`, answered from the active cache when an entry with the same key exists."""
    key, found = lookup(members, conditions, ctx)
    if found is not None:
        return found
    report = verify_chain(members, conditions, ctx)
    store(key, report)
    return report

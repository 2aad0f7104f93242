"""Name -> derivation. Built-ins are listed here; third-party packages add theirs through the
``derive.derivations`` entry-point group or `register`. Modules are imported only when used."""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import UsageError

__all__ = ["Entry", "ENTRY_POINT_GROUP", "MAX_K", "register", "get", "names", "entries", "resolve"]

ENTRY_POINT_GROUP = "derive.derivations"
#: The largest concrete size (``--k``) a derivation accepts unless it declares a smaller ``max_k``.
MAX_K = 300


def resolve(target: str | Callable[..., Any]) -> Callable[..., Any]:
    """``"package.module:function"`` -> the function (imported now); callables pass through."""
    if callable(target):
        return target
    module, _, attr = target.partition(":")
    obj: Any = importlib.import_module(module)
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj


@dataclass(frozen=True)
class Entry:
    """A registered derivation: how to build it, and its optional concrete instance.

    ``build`` makes the `Derivation`; ``instance(k, progress)`` makes an instance result (see
    ``derive.derivations.softmax_instance``); ``max_k`` bounds ``--k``.
    """

    name: str
    summary: str
    build_target: str | Callable[..., Any]
    instance_target: str | Callable[..., Any] | None = None
    max_k: int | None = None
    origin: str = "built-in"

    def build(self) -> Any:
        return resolve(self.build_target)()

    def instance(self, k: int, progress: Any = None) -> Any:
        if self.instance_target is None:
            raise UsageError(f"{self.name} has no concrete instance", hint="drop --k")
        return resolve(self.instance_target)(k, progress)


_BUILTIN = (
    Entry("softmax-ce", "softmax with cross-entropy over k classes: dL/dz_i = yhat_i - y_i",
          "derive.derivations.softmax_ce:build", "derive.derivations.softmax_instance:build_instance", max_k=300),
    Entry("sigmoid-bce", "the sigmoid with binary cross-entropy: dL/dz = sigma(z) - y",
          "derive.derivations.sigmoid_bce:build"),
    Entry("temperature-softmax-ce", "softmax at temperature T with cross-entropy: dL/dz_i = (yhat_i - y_i) / T",
          "derive.derivations.temperature_softmax_ce:build"),
    Entry("mse-linear", "a linear model with squared error: dL/dw_j = (yhat - y) x_j, dL/db = yhat - y",
          "derive.derivations.mse_linear:build"),
    Entry("softmax-jacobian", "the Jacobian of the softmax: d yhat_o / d z_i = yhat_o (delta_io - yhat_i)",
          "derive.derivations.softmax_jacobian:build"),
    Entry("log-softmax-nll", "log-softmax with negative log-likelihood: log-sum-exp, dL/dz_i = yhat_i - y_i, the max shift",
          "derive.derivations.log_softmax_nll:build"),
    Entry("label-smoothing-ce", "label smoothing with softmax cross-entropy: the smoothed labels sum to 1, dL/dz_i = yhat_i - y_i",
          "derive.derivations.label_smoothing_ce:build"),
    Entry("kl-divergence", "the KL divergence from the softmax to the labels: dD/dz_i = yhat_i - y_i",
          "derive.derivations.kl_divergence:build"),
    Entry("focal-loss", "the binary focal loss of a positive example: dFL/dz in closed form, sigma - 1 at gamma = 0",
          "derive.derivations.focal_loss:build"),
)

_REGISTRY: dict[str, Entry] = {e.name: e for e in _BUILTIN}
_entry_points_loaded = False


def register(name: str, summary: str, build: str | Callable[..., Any], instance: str | Callable[..., Any] | None = None,
             max_k: int | None = None, *, origin: str = "register()") -> Entry:
    """Register a derivation under ``name`` (overrides nothing: a taken name is an error, unless
    the same ``origin`` registers it again, which returns the entry already there)."""
    _load_entry_points()
    if name in _REGISTRY:
        if origin != "register()" and _REGISTRY[name].origin == origin:
            return _REGISTRY[name]
        raise UsageError(f"a derivation named {name!r} is already registered ({_REGISTRY[name].origin})")
    entry = Entry(name, summary, build, instance, max_k, origin=origin)
    _REGISTRY[name] = entry
    return entry


def _load_entry_points() -> None:
    """Add the entry points of installed packages (each loads to an `Entry` or a build function)."""
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    _entry_points_loaded = True
    if not _may_declare_entry_points():
        return
    from importlib.metadata import entry_points

    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        if ep.name in _REGISTRY:
            continue
        dist = getattr(ep.dist, "name", "a package") if getattr(ep, "dist", None) else "a package"
        _REGISTRY[ep.name] = Entry(ep.name, f"provided by {dist}", lambda ep=ep: _build_from_entry_point(ep),
                                   lambda k, progress, ep=ep: _instance_from_entry_point(ep, k, progress),
                                   origin=f"entry point of {dist}")


#: Modules of the import system's own finders (and setuptools' distutils shim, which finds no
#: distributions); any other finder on ``sys.meta_path`` sends the look-up to `importlib.metadata`.
_STANDARD_FINDERS = frozenset({"_frozen_importlib", "_frozen_importlib_external", "importlib.machinery", "_distutils_hack"})


def _may_declare_entry_points() -> bool:
    """False only when no installed distribution can declare a `ENTRY_POINT_GROUP` entry point:
    every ``sys.path`` entry is a directory (or missing) and no ``*.dist-info`` or ``*.egg-info``
    in them has an ``entry_points.txt`` naming the group. Importing `importlib.metadata` and
    parsing every distribution's metadata costs more than the rest of ``derive --help``; this scan
    reads only the entry-point files, and any doubt (a zip on the path, an unreadable directory, a
    custom finder) answers True, so `importlib.metadata` then decides as before."""
    import os
    import sys

    for finder in sys.meta_path:
        cls = finder if isinstance(finder, type) else type(finder)
        if cls.__module__ not in _STANDARD_FINDERS:
            return True  # a finder of its own may know distributions the file system scan cannot see
    needle = ENTRY_POINT_GROUP.encode()
    for entry in sys.path:
        path = entry or "."
        if not os.path.exists(path):
            continue
        if not os.path.isdir(path):
            return True  # a zip file: leave it to importlib.metadata
        try:
            names = os.listdir(path)
        except OSError:
            return True
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                try:
                    with open(os.path.join(path, name, "entry_points.txt"), "rb") as fh:
                        if needle in fh.read():
                            return True
                except (FileNotFoundError, NotADirectoryError):  # no entry points, or a PKG-INFO file
                    continue
                except OSError:
                    return True
    return False


def _build_from_entry_point(ep: Any) -> Any:
    obj = ep.load()
    return obj.build() if isinstance(obj, Entry) else obj()


def _instance_from_entry_point(ep: Any, k: int, progress: Any) -> Any:
    obj = ep.load()
    if isinstance(obj, Entry):
        return obj.instance(k, progress)
    raise UsageError(f"{ep.name} has no concrete instance", hint="drop --k")


def entries() -> list[Entry]:
    _load_entry_points()
    return [_REGISTRY[n] for n in sorted(_REGISTRY)]


def names() -> list[str]:
    return [e.name for e in entries()]


def suggest(name: str) -> str:
    close = difflib.get_close_matches(name, names(), n=3, cutoff=0.5)
    return f"did you mean {', '.join(close)}?" if close else f"known derivations: {', '.join(names())}"


def get(name: str) -> Entry:
    """The entry for ``name``; an unknown name is a usage error naming the closest matches."""
    _load_entry_points()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UsageError(f"unknown derivation {name!r}", hint=suggest(name) + " ('derive list' shows all)") from None

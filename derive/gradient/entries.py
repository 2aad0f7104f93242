"""Spec files as registry entries, so that ``derive verify`` and ``derive render [--check]`` cover
the specs ``[tool.derive] specs = [...]`` names, like the catalogue. Reading a spec (its name,
whether it has a size) is cheap; planning waits until the entry is built."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..registry import register
from .problem import Problem, read_problem
from .spec import read_spec

__all__ = ["register_specs", "planned"]


@lru_cache(maxsize=64)
def planned(problem: Problem) -> Any:
    """The plan of ``problem``, made once per process (the entry's build and instance share it)."""
    from .plan import plan

    return plan(problem)


def register_specs(paths: tuple[str, ...] | list[str], base: Path) -> list[str]:
    """Register every spec file (a path relative to ``base``, the directory of the pyproject.toml
    that names it); return their derivation names, in order."""
    from .instance import MAX_K, build_instance
    from .plan import summary_of

    names = []
    for text in paths:
        path = Path(text) if Path(text).is_absolute() else base / text
        problem = read_problem(replace(read_spec(str(path)), source=text))

        def build(problem: Problem = problem) -> Any:
            return planned(problem).derivation

        def instance(k: int, progress: Any = None, problem: Problem = problem) -> Any:
            return build_instance(planned(problem), k, progress)

        try:
            register(problem.name, summary_of(problem), build, instance if problem.size is not None else None, MAX_K,
                     origin=f"spec {text}")
        except UsageError as exc:
            raise UsageError(f"[tool.derive] specs: {text}: {exc.message}",
                             hint="give the spec another name (gradient: name: ... in its front matter)") from None
        names.append(problem.name)
    return names

"""The one version string: the installed distribution's metadata, else the source tree's pyproject.toml."""

from __future__ import annotations

__all__ = ["DISTRIBUTION", "version"]

#: The distribution name on PyPI (the import package and the command are both ``derive``;
#: the name ``derive`` on PyPI belongs to an unrelated project).
DISTRIBUTION = "sympy-derive"


def version() -> str:
    """The version of the installed ``sympy-derive``; in a source checkout that is not installed
    (``python -m derive`` from a clone), the version in its ``pyproject.toml``."""
    from importlib import metadata

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pass
    import tomllib
    from pathlib import Path

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    except (OSError, KeyError, ValueError):
        return "0+unknown"
    return str(project["version"]) if project.get("name") == DISTRIBUTION else "0+unknown"

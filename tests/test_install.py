"""In a fresh virtualenv, the README's install line installs this project (the distribution
``sympy-derive``), and the ``derive`` command it brings answers ``--version`` and renders.

The virtualenv sees the system's site-packages (``--system-site-packages``) so that SymPy, Jinja,
Typer, lark and hatchling come from there and nothing is downloaded; the README's line is run
with ``--no-deps --no-build-isolation`` added for the same reason.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT


def readme_install_line() -> list[str]:
    """The first command of the README's Quick start: ``pip install .``, run from a clone."""
    quick = (ROOT / "README.md").read_text().split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", quick, re.S).group(1)  # type: ignore[union-attr]
    line = block.strip().splitlines()[0].split("&&")[0].strip()
    assert line.startswith("pip install "), line
    return shlex.split(line)


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling", reason="the offline build needs hatchling (in the test extra)")
    where = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(where)], check=True, timeout=300)
    python = where / "bin" / "python"
    argv = readme_install_line()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    r = subprocess.run([str(python), "-m", *argv, "--no-deps", "--no-build-isolation", "--no-index", "-q",
                        "--disable-pip-version-check"], cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    return where


def test_readme_install_line_installs_this_project(venv, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    derive = venv / "bin" / "derive"
    r = subprocess.run([str(derive), "--version"], cwd=tmp_path, capture_output=True, text=True, timeout=120, env=env)
    assert r.returncode == 0 and r.stdout == f"derive {version} (sympy-derive)\n", r.stderr
    code = ("import importlib.metadata as m, derive, pathlib; print(m.version('sympy-derive')); "
            "print(pathlib.Path(derive.__file__).resolve())")
    r = subprocess.run([str(venv / "bin" / "python"), "-c", code], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    got_version, where = r.stdout.splitlines()
    assert got_version == version
    assert Path(where).is_relative_to(venv.resolve()), where  # the wheel's copy, not a checkout
    # The installed command renders (templates packaged in the wheel).
    r = subprocess.run([str(derive), "sigmoid-bce", "-q", "--format", "md", "-o", str(tmp_path)], cwd=tmp_path,
                       capture_output=True, text=True, timeout=600, env=env)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "sigmoid-bce.md").read_text() == (ROOT / "output" / "sigmoid-bce.md").read_text()

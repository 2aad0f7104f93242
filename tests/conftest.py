"""Shared fixtures: the produced derivations (computed once per session) and golden-file support."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/* from the current output")


@pytest.fixture(scope="session", autouse=True)
def _hermetic_cache(tmp_path_factory: pytest.TempPathFactory):
    """Every derive run of the session, in-process or in a subprocess, uses a cache in pytest's
    temporary directory: the user's cache is never read or written, and a stale entry there can
    never make a test pass. Tests of the cache itself set their own directories."""
    from derive_cache import session_cache_dir

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DERIVE_CACHE_DIR", str(session_cache_dir(tmp_path_factory)))
        mp.delenv("DERIVE_NO_CACHE", raising=False)
        # CI services set CI=true (and some FORCE_COLOR): both change what derive prints, so a
        # test that wants them sets them itself, and the suite reads the same on a laptop and in CI.
        mp.delenv("CI", raising=False)
        mp.delenv("FORCE_COLOR", raising=False)
        yield


@pytest.fixture(scope="session")
def produced_general():
    from derive.produce import produce

    return produce("softmax-ce", None, ["tex", "md", "json"])


@pytest.fixture(scope="session")
def produced_k3():
    from derive.produce import produce

    return produce("softmax-ce", 3, ["tex", "md", "json"])


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """``golden(name, text)``: compare with tests/golden/NAME, print a unified diff on mismatch.

    A missing golden file fails (it is never created silently); ``--update-golden`` rewrites it.
    """
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.write_text(text, encoding="utf-8")
            return
        if not path.exists():
            pytest.fail(f"golden file {path} is missing; run pytest --update-golden to create it")
        expected = path.read_text(encoding="utf-8")
        if expected != text:
            diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True), f"golden/{name}", "generated"))
            pytest.fail(f"{name} differs from its golden file (pytest --update-golden to accept):\n{diff}")

    return check

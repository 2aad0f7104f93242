"""One verification cache for the whole test session, in pytest's temporary directory.

Tests that run derive (in-process or as a subprocess) point ``DERIVE_CACHE_DIR`` here, so the
user's cache is never read or written and each chain is verified once per session.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def session_cache_dir(factory: pytest.TempPathFactory) -> Path:
    path = factory.getbasetemp() / "derive-cache"
    path.mkdir(exist_ok=True)
    return path

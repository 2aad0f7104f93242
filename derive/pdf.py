"""Compile a standalone LaTeX document into PDF bytes with pdflatex, in a temporary directory.

Nothing but the PDF bytes leaves this module: the ``.aux`` and ``.log`` files live and die in a
temporary directory, and the caller writes the PDF (atomically, through `derive.files`).

The PDF is byte-stable for a given TeX installation: the creation and modification dates are
left out (``\\pdfinfoomitdate``), the trailer ``/ID`` is empty (``\\pdftrailerid{}``), the
pdfTeX banner is suppressed (``\\pdfsuppressptexinfo``), and ``SOURCE_DATE_EPOCH`` with
``FORCE_SOURCE_DATE=1`` pins ``\\today`` and friends. Another TeX version may give other bytes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import RenderError, ToolMissingError

__all__ = ["compile_pdf", "find_pdflatex", "PDFLATEX_PACKAGE", "TIMEOUT_S", "MAX_RUNS", "SOURCE_DATE_EPOCH"]

#: The Debian package that provides pdflatex with amsmath.
PDFLATEX_PACKAGE = "texlive-latex-base"
#: Seconds one pdflatex run may take.
TIMEOUT_S = 120.0
#: pdflatex runs at most this often (again only while the log asks for a rerun).
MAX_RUNS = 3
#: The date pdfTeX is told it is, unless the environment sets SOURCE_DATE_EPOCH itself.
SOURCE_DATE_EPOCH = "0"

_JOB = "document"
#: pdfTeX primitives run before the document: no dates, no trailer ID, no pdfTeX banner.
_STABLE = r"\pdfinfoomitdate=1 \pdftrailerid{} \pdfsuppressptexinfo=-1 "
_RERUN_MARKERS = ("Rerun to get", "Label(s) may have changed")


def find_pdflatex() -> str:
    """The ``pdflatex`` executable; `ToolMissingError` naming the package to install if absent."""
    exe = shutil.which("pdflatex")
    if exe is None:
        raise ToolMissingError(
            "pdflatex is not installed; --format pdf needs it",
            hint=f"on Debian or Ubuntu: apt-get install {PDFLATEX_PACKAGE}",
        )
    return exe


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    if not env.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        env["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    env["FORCE_SOURCE_DATE"] = "1"
    env["max_print_line"] = "10000"  # error messages on one log line
    return env


def _first_error(log: str) -> str:
    """The first ``! ...`` line of a TeX log, with the line of the LaTeX it stopped at if known."""
    lines = log.splitlines()
    for n, line in enumerate(lines):
        if line.startswith("! "):
            at = next((w[2:].split(" ", 1)[0] for w in lines[n + 1 : n + 8] if w.startswith("l.")), "")
            where = f" at line {at} of the LaTeX (--format tex writes it)" if at.isdigit() else ""
            return line[2:].strip().rstrip(".") + where
    return "no PDF was written"


def _run(exe: str, workdir: Path, timeout: float) -> str:
    command = [exe, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape",
               f"-jobname={_JOB}", _STABLE + rf"\input{{{_JOB}.tex}}"]
    try:
        proc = subprocess.run(command, cwd=workdir, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout,
                              env=_environment(), check=False)
    except subprocess.TimeoutExpired:
        raise RenderError(f"pdflatex did not finish within {timeout:g} s") from None
    except FileNotFoundError:
        raise ToolMissingError("pdflatex could not be started", hint=f"install {PDFLATEX_PACKAGE}") from None
    log_path = workdir / f"{_JOB}.log"
    log = log_path.read_text(encoding="utf-8", errors="replace") if log_path.is_file() else ""
    if proc.returncode != 0 or not (workdir / f"{_JOB}.pdf").is_file():
        raise RenderError(f"pdflatex failed (exit {proc.returncode}): {_first_error(log)}")
    return log


def compile_pdf(tex: str, *, timeout: float = TIMEOUT_S) -> bytes:
    """The PDF of the standalone document ``tex``; `RenderError` with pdflatex's first error line.

    Runs pdflatex once, and again (at most `MAX_RUNS` times) only while the log asks for it.
    """
    exe = find_pdflatex()
    with tempfile.TemporaryDirectory(prefix="derive-pdf-") as tmp:
        workdir = Path(tmp)
        (workdir / f"{_JOB}.tex").write_text(tex, encoding="utf-8")
        for _ in range(MAX_RUNS):
            log = _run(exe, workdir, timeout)
            if not any(marker in log for marker in _RERUN_MARKERS):
                break
        return (workdir / f"{_JOB}.pdf").read_bytes()

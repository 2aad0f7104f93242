"""``--format pdf``: pdflatex in a temporary directory, byte-stable output, one-line errors.

The tests that run pdflatex follow the renderer policy of tests/test_renderers.py: they skip
when pdflatex is missing, and fail instead with ``DERIVE_REQUIRE_RENDERERS=1`` (CI).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from conftest import ROOT
from test_renderers import find_pdflatex

from derive import pdf
from derive.errors import RenderError, ToolMissingError

MINIMAL = "\\documentclass{article}\n\\begin{document}\n%s\n\\end{document}\n"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "derive", *args], capture_output=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=900, check=False)


def pdf_objects(data: bytes) -> bytes:
    """The PDF's raw bytes followed by every Flate stream decompressed (object streams included)."""
    parts = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.DOTALL):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


@pytest.fixture(scope="module")
def cli_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[bytes], Path]:
    """``derive softmax-ce --k 3 --format pdf -o OUT``, run once for the module."""
    find_pdflatex()
    out = tmp_path_factory.mktemp("pdf") / "out"
    return run("softmax-ce", "--k", "3", "--format", "pdf", "-o", str(out)), out


def test_cli_writes_only_the_pdf(cli_pdf) -> None:  # type: ignore[no-untyped-def]
    r, out = cli_pdf
    assert r.returncode == 0, r.stderr.decode()
    assert sorted(p.name for p in out.iterdir()) == ["softmax-ce-k3.pdf"]  # no .aux, .log or temporary files
    data = (out / "softmax-ce-k3.pdf").read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert r.stdout.decode().splitlines()[0] == f"wrote {out / 'softmax-ce-k3.pdf'}"


def test_pdf_has_the_content_and_vector_fonts_only(cli_pdf) -> None:  # type: ignore[no-untyped-def]
    _, out = cli_pdf
    objects = pdf_objects((out / "softmax-ce-k3.pdf").read_bytes())
    assert b"/Type3" not in objects  # bitmap fonts (T1 without cm-super, the TS1 bullet) look blurred
    assert b"+CMR10" in objects and b"+MSAM10" in objects  # Computer Modern text; the checkmark of amssymb
    assert b"/CreationDate" not in objects and b"/ModDate" not in objects
    assert re.search(rb"/ID\s*\[", objects) is None  # \pdftrailerid{}: no trailer ID


def test_pdf_to_stdout_is_byte_identical_to_the_file(cli_pdf) -> None:  # type: ignore[no-untyped-def]
    """A second process, seconds later, writes the same bytes: dates and IDs are left out."""
    _, out = cli_pdf
    r = run("softmax-ce", "--k", "3", "--format", "pdf", "-o", "-")
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout == (out / "softmax-ce-k3.pdf").read_bytes()
    assert r.stderr.decode().splitlines()[-1].startswith("softmax-ce: 6 steps")


def test_compile_is_byte_stable_across_time_and_source_date_epoch(produced_k3, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    find_pdflatex()
    tex = produced_k3.files["softmax-ce-k3.tex"]
    first = pdf.compile_pdf(tex)
    time.sleep(1.1)  # a date in the PDF would now differ by a second
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    second = pdf.compile_pdf(tex)
    assert first == second


def test_missing_pdflatex_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    out = tmp_path / "out"
    started = time.monotonic()
    r = run("softmax-ce", "--format", "pdf", "-o", str(out), env={"PATH": str(empty)})
    assert r.returncode == ToolMissingError.exit_code == 1
    lines = r.stderr.decode().strip().splitlines()
    assert lines == ["derive: error: pdflatex is not installed; --format pdf needs it "
                     "(on Debian or Ubuntu: apt-get install texlive-latex-base)"]
    assert r.stdout == b"" and not out.exists()
    assert time.monotonic() - started < 10  # refused before the derivation is verified


def test_find_pdflatex_names_the_package(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PATH", "")
    with pytest.raises(ToolMissingError) as raised:
        pdf.find_pdflatex()
    assert "texlive-latex-base" in raised.value.one_line() and "\n" not in raised.value.one_line()


def test_latex_error_is_a_one_line_render_error() -> None:
    find_pdflatex()
    with pytest.raises(RenderError) as raised:
        pdf.compile_pdf(MINIMAL % "\\undefinedmacro")
    message = raised.value.one_line()
    assert message == "pdflatex failed (exit 1): Undefined control sequence at line 3 of the LaTeX (--format tex writes it)"


def test_timeout_is_a_render_error() -> None:
    find_pdflatex()
    started = time.monotonic()
    with pytest.raises(RenderError, match=r"^pdflatex did not finish within 2 s$"):
        pdf.compile_pdf(MINIMAL % "\\def\\loop{\\loop}\\loop", timeout=2)
    assert time.monotonic() - started < 30


def test_reruns_only_when_the_log_asks(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """One run for a document without cross-references; two for a forward reference."""
    find_pdflatex()
    runs: list[str] = []
    real = pdf._run

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        log = real(*args, **kwargs)
        runs.append(log)
        return log

    monkeypatch.setattr(pdf, "_run", counting)
    pdf.compile_pdf(MINIMAL % "Hello.")
    assert len(runs) == 1
    runs.clear()
    pdf.compile_pdf(MINIMAL % "See equation~\\ref{e}.\n\\begin{equation}x\\label{e}\\end{equation}")
    assert len(runs) == 2
    assert "undefined references" in runs[0] and "undefined references" not in runs[1]


def test_no_shell_escape(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """``\\write18`` is disabled outright (not merely restricted to TeX Live's allowed commands)."""
    find_pdflatex()
    logs: list[str] = []
    real = pdf._run
    monkeypatch.setattr(pdf, "_run", lambda *a, **k: logs.append(real(*a, **k)) or logs[-1])
    marker = Path("/tmp") / f"derive-shell-escape-{os.getpid()}"
    pdf.compile_pdf(MINIMAL % f"\\immediate\\write18{{touch {marker}}}x")
    assert not marker.exists()
    assert f"runsystem(touch {marker})...disabled." in logs[0]


def test_pdf_to_a_terminal_is_refused(tmp_path: Path) -> None:
    """``-o -`` with a terminal on stdout: a usage error, not binary noise on the screen."""
    import pty

    controller, terminal = pty.openpty()
    try:
        r = subprocess.run([sys.executable, "-m", "derive", "softmax-ce", "--format", "pdf", "-o", "-"], cwd=ROOT,
                           stdout=terminal, stderr=subprocess.PIPE, timeout=120, check=False)
    finally:
        os.close(terminal)
        os.close(controller)
    assert r.returncode == 2
    assert r.stderr.decode().strip() == ("derive: error: -o - would print a PDF to the terminal "
                                         "(redirect stdout to a file or use -o DIR)")

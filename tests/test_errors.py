"""Bad input for every command: the documented message and exit code, no traceback, no file.

The table below is the one in README ("Errors and exit codes"); each row is a test.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

# (id, argv (OUT is replaced by a fresh output directory path), exit code, message substring)
TABLE = [
    ("k zero", ["softmax-ce", "--k", "0", "-o", "OUT"], 2, "--k must be at least 1, got 0"),
    ("k negative", ["softmax-ce", "--k", "-2", "-o", "OUT"], 2, "--k must be a positive integer, got '-2'"),
    ("k non-integer", ["softmax-ce", "--k", "2.5", "-o", "OUT"], 2, "--k must be a positive integer, got '2.5'"),
    ("k text", ["softmax-ce", "--k", "three", "-o", "OUT"], 2, "--k must be a positive integer, got 'three'"),
    ("k far above the limit", ["softmax-ce", "--k", "99999999999999999999", "-o", "OUT"], 2, "is above the limit"),
    ("k unicode digits", ["softmax-ce", "--k", "\u0663", "-o", "OUT"], 2, "--k must be a positive integer"),
    ("unknown format", ["softmax-ce", "--format", "docx", "-o", "OUT"], 2, "Invalid value for '--format'"),
    ("unknown derivation", ["softmax-cee", "-o", "OUT"], 2, "did you mean softmax-ce,"),
    ("unknown option", ["softmax-ce", "--colour", "-o", "OUT"], 2, "No such option: --colour"),
    ("-o - with all formats", ["softmax-ce", "-o", "-"], 2, "-o - prints one format to stdout"),
    ("-o points at a file", ["softmax-ce", "-o", "FILE"], 2, "is a file, not a directory"),
    ("-o missing parent", ["softmax-ce", "-o", "MISSING/out"], 2, "does not exist"),
    ("-o read-only directory", ["softmax-ce", "-o", "READONLY/out"], 2, "cannot write to"),
    ("list unknown format", ["list", "--format", "xml"], 2, "unknown format 'xml' for list"),
    ("notation injects LaTeX", ["softmax-ce", "--symbol", "yhat=\\input{/etc/passwd}", "-o", "OUT"], 2,
     "display name '\\\\input{/etc/passwd}' is not allowed"),
    ("notation unknown symbol", ["softmax-ce", "--symbol", "w=p", "-o", "OUT"], 2, "unknown symbol 'w'"),
    ("notation without =", ["softmax-ce", "--symbol", "yhat", "-o", "OUT"], 2, "--symbol takes NAME=DISPLAY"),
    ("notation clash", ["softmax-ce", "--symbol", "yhat=y", "-o", "OUT"], 2, "would show two symbols as 'y'"),
    ("notation reserved name", ["softmax-ce", "--symbol", "z=e", "-o", "OUT"], 2, "display name 'e' is reserved"),
    ("notation Kronecker delta", ["softmax-ce", "--symbol", "z=delta", "-o", "OUT"], 2, "display name 'delta' is reserved"),
    ("notation unknown log", ["softmax-ce", "--log", "lg", "-o", "OUT"], 2, "--log must be ln or log, got 'lg'"),
]


@pytest.mark.parametrize(("argv", "code", "message"), [row[1:] for row in TABLE], ids=[row[0] for row in TABLE])
def test_bad_input(tmp_path, argv, code, message):
    out = tmp_path / "out"
    (tmp_path / "FILE").write_text("keep")
    ro = tmp_path / "READONLY"
    ro.mkdir()
    ro.chmod(0o555)
    subs = {"OUT": str(out), "FILE": str(tmp_path / "FILE"), "MISSING/out": str(tmp_path / "missing" / "out"),
            "READONLY/out": str(ro / "out")}
    args = [subs.get(a, a) for a in argv]
    if os.geteuid() == 0:  # root may write into a 0555 directory; /proc refuses new entries even to root
        subs["READONLY/out"] = "/proc/derive-test-out"
        args = [subs.get(a, a) for a in argv]
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    r = subprocess.run([sys.executable, "-m", "derive", *args], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == code, r.stderr
    assert "Traceback" not in r.stderr + r.stdout
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("derive: error: "), r.stderr
    assert message in lines[0]
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before  # nothing written
    assert (tmp_path / "FILE").read_text() == "keep"


def test_readme_documents_every_row():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Errors and exit codes", 1)[1]
    for name, _, code, message in TABLE:
        assert name in section, f"README's error table lacks the row {name!r}"


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupted_run_leaves_previous_files_intact(tmp_path, sig):
    """Interrupt a real run mid-verification: previous files stay, no temporary file is left."""
    out = tmp_path / "out"
    out.mkdir()
    old = {"softmax-ce-k2.tex": "previous tex\n", "softmax-ce-k2.md": "previous md\n", "softmax-ce-k2.json": "{}\n"}
    for name, text in old.items():
        (out / name).write_text(text)
    # preexec_fn: SIGINT as a terminal delivers it, even when the suite runs as a background job (a shell
    # starts one with SIGINT ignored, the child inherits that, and derive would rightly ignore it too)
    proc = subprocess.Popen([sys.executable, "-m", "derive", "softmax-ce", "--k", "2", "-o", str(out)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
                            env={**os.environ, "DERIVE_NO_CACHE": "1", "DERIVE_PROGRESS": "1"})  # a warm cache would finish first
    # Wait until verification is under way (progress lines on stderr), then interrupt.
    assert proc.stderr is not None
    line = proc.stderr.readline()
    while line and "verifying" not in line:
        line = proc.stderr.readline()
    assert "verifying" in line, "the run ended before verification started"
    time.sleep(0.02)  # inside the first chains: a cold --k 2 verifies in about 0.2 s
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "interrupted; no file was half-written" in err
    assert "Traceback" not in err
    assert {p.name: p.read_text() for p in out.iterdir()} == old


def test_no_eval_on_untrusted_text():
    """No eval/exec/sympify/parse_expr/lambdify anywhere in the package (documents, certificates,
    notation options and --assume/--define strings are parsed, never evaluated)."""
    banned = re.compile(r"\b(eval|exec|sympify|parse_expr|lambdify|parse_latex)\s*\(|\b__import__\b|\bimport_module\(\s*[a-z_]*text")
    offenders = []
    for path in sorted((ROOT / "derive").rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0]
            if banned.search(code) and "def parse_expr" not in code and "parse_expr(" not in code.replace("def parse_expr(", ""):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
            elif re.search(r"\b(eval|exec|sympify|lambdify|parse_latex)\s*\(", code):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_cli_arguments_never_crash(tmp_path, monkeypatch):
    """Property: any argument list gives a documented exit code and never a traceback."""
    import contextlib
    import io

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from derive.cli import main

    monkeypatch.chdir(tmp_path)  # anything written by accident lands here, not in the repository
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    tokens = st.sampled_from(["softmax-ce", "list", "--k", "--format", "-f", "-o", "--strict", "--help", "tex", "md",
                              "json", "all", "0", "3", "-1", "1e3", "", "--", "-", "\x00", "ünï", "--k=2", "-o=x"])
    args = st.lists(st.one_of(tokens, st.text(max_size=8)), max_size=6)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(args)
    def check(argv: list[str]) -> None:
        # Every run that would do real work is pointed at a file, so it stops at the -o check.
        argv = [*argv, "-o", str(blocker)]  # the last -o wins
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main(argv)
            except SystemExit as exc:
                code = exc.code
            else:
                code = 0
        assert code in (0, 1, 2, 3, 130), (argv, code, err.getvalue())
        assert "Traceback" not in err.getvalue() + out.getvalue()
        assert "internal error" not in err.getvalue(), (argv, err.getvalue())  # a bug must not hide behind the catch-all

    check()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_a_reader_that_goes_away_is_not_an_error():
    """``derive list | head -1``: the pipe closes before derive writes; exit 0, nothing on stderr."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        r = subprocess.run([sys.executable, "-m", "derive", "list"], stdout=write_end, stderr=subprocess.PIPE,
                           text=True, cwd=ROOT, timeout=120)
    finally:
        os.close(write_end)
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""


_SCRIPT = """
import sys
from derive import registry
from derive.cli import main

def build():
    raise RuntimeError("kaput")

registry.register("boom", "a derivation whose build raises", build)
if sys.argv[1] == "internal":
    import derive.recheck
    def broken(path):
        raise LookupError("a bug")
    derive.recheck.load_certificate = broken  # raises something derive never raises on purpose
    sys.argv[1:] = ["recheck", "x.json"]
main(sys.argv[1:])
"""


def test_a_derivation_that_raises_is_one_line_exit_1(tmp_path):
    script = tmp_path / "boom.py"
    script.write_text(_SCRIPT)
    r = subprocess.run([sys.executable, str(script), "boom", "-o", str(tmp_path / "out")], capture_output=True, text=True,
                       cwd=ROOT, timeout=120)
    assert r.returncode == 1, r.stderr
    assert r.stderr.strip().splitlines() == [
        "derive: error: boom failed to build or verify: RuntimeError: kaput (derive verify reports the same for every derivation)"]
    assert not (tmp_path / "out").exists()


def test_an_internal_error_is_one_line_exit_1_and_debug_shows_the_traceback(tmp_path):
    script = tmp_path / "boom.py"
    script.write_text(_SCRIPT)
    r = subprocess.run([sys.executable, str(script), "internal"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 1, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("derive: error: internal error: LookupError: a bug"), r.stderr
    assert "DERIVE_DEBUG=1" in lines[0]
    r = subprocess.run([sys.executable, str(script), "internal"], capture_output=True, text=True, cwd=ROOT, timeout=120,
                       env={**os.environ, "DERIVE_DEBUG": "1"})
    assert r.returncode != 0 and "Traceback" in r.stderr and "LookupError: a bug" in r.stderr

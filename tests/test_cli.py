"""The command line: exit codes, stdout, stderr, and nothing written on bad input."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT


def run(*args: str, cwd=None, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "derive", *args], capture_output=True, text=True, cwd=cwd or ROOT,
                          env={**os.environ, **(env or {})}, timeout=600)


@pytest.mark.parametrize(
    ("k", "message"),
    [
        ("0", "--k must be at least 1, got 0"),
        ("-3", "--k must be a positive integer, got '-3'"),
        ("2.5", "--k must be a positive integer, got '2.5'"),
        ("three", "--k must be a positive integer, got 'three'"),
        ("1000000", "--k 1000000 is above the limit of 300"),
        ("", "--k must be a positive integer, got ''"),
    ],
)
def test_bad_k_is_one_line_exit_2_and_writes_nothing(tmp_path, k, message):
    out = tmp_path / "out"
    r = run("softmax-ce", "--k", k, "-o", str(out))
    assert r.returncode == 2
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("derive: error: ") and message in lines[0]
    assert "Traceback" not in r.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["softmax-ce", "--format", "pdfx"], "Invalid value for '--format'"),
        (["softmax-ce", "--frobnicate"], "No such option: --frobnicate"),
        (["no-such-derivation"], "unknown command or derivation 'no-such-derivation'"),
        (["softmax-cee"], "did you mean softmax-ce,"),
        (["softmax-ce", "-o", "-", "--format", "all"], "-o - prints one format to stdout"),
    ],
)
def test_usage_errors_are_one_line(args, message):
    r = run(*args)
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], r.stderr
    assert "Traceback" not in r.stderr


def test_output_pointing_at_a_file(tmp_path):
    f = tmp_path / "file.txt"
    f.write_text("keep")
    r = run("softmax-ce", "-o", str(f))
    assert r.returncode == 2 and "is a file, not a directory" in r.stderr
    assert f.read_text() == "keep"


def test_missing_parent(tmp_path):
    r = run("softmax-ce", "-o", str(tmp_path / "a" / "b"))
    assert r.returncode == 2 and "does not exist" in r.stderr


def test_help_lists_commands_and_exit_codes():
    r = run("--help")
    assert r.returncode == 0
    for word in ("softmax-ce", "list", "Exit codes"):
        assert word in r.stdout


def test_help_does_not_import_sympy():
    code = ("import sys; from derive.cli import main\ntry: main(['--help'])\nexcept SystemExit: pass\n"
            "assert 'sympy' not in sys.modules, 'sympy imported'; assert 'jinja2' not in sys.modules")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr


def test_json_to_stdout_and_files(tmp_path, produced_k3):
    r = run("softmax-ce", "--k", "3", "--format", "json", "-o", "-")
    assert r.returncode == 0, r.stderr
    assert r.stdout == produced_k3.files["softmax-ce-k3.json"]
    assert "softmax-ce: 6 steps: 6 proved; result proved; instance k = 3 proved" in r.stderr

    r = run("softmax-ce", "--k", "3", "--format", "md", "-o", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "softmax-ce-k3.md").read_text() == produced_k3.files["softmax-ce-k3.md"]
    assert r.stdout.splitlines()[0] == f"wrote {tmp_path / 'softmax-ce-k3.md'}"
    assert [p.name for p in tmp_path.iterdir()] == ["softmax-ce-k3.md"]  # no temporary files left


def test_list_json():
    import json

    r = run("list", "--format", "json")
    assert r.returncode == 0
    entries = json.loads(r.stdout)
    from derive import registry

    assert [e["name"] for e in entries] == sorted(registry.names())
    assert all(set(e) == {"name", "summary"} and e["summary"].strip() for e in entries)
    assert len(entries) >= 7


@pytest.mark.parametrize(("argv", "code"), [(["list"], 0), (["no-such-thing"], 2)])
def test_exit_without_teardown_runs_atexit_handlers_and_flushes(tmp_path, argv, code):
    """Run as a program, derive ends with os._exit after the atexit handlers (skipping the
    interpreter's teardown); the handlers still run, the exit code is kept and stdout is complete."""
    marker = tmp_path / "atexit-ran"
    script = (f"import atexit, sys\natexit.register(lambda: open({str(marker)!r}, 'w').write('ran'))\n"
              f"sys.argv = ['derive', *{argv!r}]\nfrom derive.cli import main\nmain()\n"
              "print('not reached')\n")
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert r.returncode == code, r.stderr
    assert marker.read_text() == "ran"
    assert "not reached" not in r.stdout and "Traceback" not in r.stderr
    if code == 0:
        assert r.stdout.splitlines()[-1].startswith("temperature-softmax-ce")  # the last line of derive list arrived


def test_check_leaves_no_worker_behind(tmp_path):
    """derive check verifies in a worker process; the fast exit must still stop it."""
    doc = tmp_path / "doc.md"
    doc.write_text("$$\\frac{d}{dx} x^2 = 2x$$\n")
    script = ("import subprocess, sys\n"
              f"p = subprocess.Popen([sys.executable, '-m', 'derive', 'check', {str(doc)!r}], stdout=subprocess.PIPE)\n"
              "out, _ = p.communicate(timeout=600)\n"
              "print(p.returncode)\n")
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert r.returncode == 0, r.stderr
    # communicate() returns only when every process holding the pipe (a worker too) has exited
    assert r.stdout.strip() == "0", r.stdout


def test_a_program_freezes_what_its_imports_made_and_a_caller_is_left_alone(tmp_path):
    """Run as a program, a command moves the objects its imports made out of the garbage
    collector's reach before working (gc.freeze: a full collection would walk SymPy's modules
    again); called from Python code, derive does not touch the caller's collector."""
    import gc

    doc = tmp_path / "doc.md"
    doc.write_text("$$\\frac{d}{dx} x^2 = 2x$$\n")
    record = tmp_path / "frozen"
    script = (f"import atexit, gc, sys\natexit.register(lambda: open({str(record)!r}, 'w').write(str(gc.get_freeze_count())))\n"
              f"sys.argv = ['derive', 'check', {str(doc)!r}]\nfrom derive.cli import main\nmain()\n")
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert r.returncode == 0, r.stderr
    assert int(record.read_text()) > 10_000  # SymPy's modules and more

    from derive.cli import main

    before = gc.get_freeze_count()
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(doc)])
    assert exit_.value.code == 0
    assert gc.get_freeze_count() == before

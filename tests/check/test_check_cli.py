"""`derive check` on the command line: exit codes, one-line errors, JSON lines, colour only on a terminal."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = Path(__file__).resolve().parent / "docs"
NO_SYMPY = "assert 'sympy' not in sys.modules, 'sympy imported'"


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    """A real process: what a user sees."""
    return subprocess.run(
        [sys.executable, "-m", "derive", "check", *args], capture_output=True, text=True, cwd=cwd or ROOT,
        env={**os.environ, **(env or {})}, input=stdin, timeout=600,
    )


@pytest.fixture
def cli(capsys, monkeypatch):
    """``derive check ARGS`` in this process (fast; the same ``main``): (exit code, stdout, stderr)."""
    import signal

    from derive.cli import main

    def call(*args: str, cwd: Path) -> tuple[int, str, str]:
        monkeypatch.chdir(cwd)
        previous = signal.getsignal(signal.SIGTERM)  # main() installs its own handler
        try:
            with pytest.raises(SystemExit) as exit_info:
                main(["check", *args])
        finally:
            signal.signal(signal.SIGTERM, previous)
        out, err = capsys.readouterr()
        return exit_info.value.code, out, err

    return call


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "ok.md").write_text("$$x + x = 2 x$$\n", encoding="utf-8")
    (tmp_path / "bad.md").write_text("# Slip\n\n$$x + x = 3 x$$\n", encoding="utf-8")
    (tmp_path / "ill.md").write_text("$$z_i = z_o$$\n", encoding="utf-8")
    (tmp_path / "unsupported.md").write_text("$$\\int x = 1$$\n", encoding="utf-8")
    (tmp_path / "checked.md").write_text("$$\\sum_{j=1}^{k} j = \\frac{k(k+1)}{2}$$\n", encoding="utf-8")
    (tmp_path / "prose.md").write_text("No math here.\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("names", "strict", "code"),
    [
        (["ok.md"], False, 0),
        (["ok.md"], True, 0),
        (["checked.md"], True, 0),  # checked (instances only) passes, also under --strict
        (["bad.md"], False, 1),
        (["ill.md"], False, 1),
        (["unsupported.md"], False, 0),
        (["unsupported.md"], True, 3),
        (["unsupported.md", "bad.md"], True, 1),  # refuted wins over unknown
        (["prose.md"], True, 0),
    ],
)
def test_exit_codes(cli, files, names, strict, code) -> None:
    returned, out, err = cli(*names, *(["--strict"] if strict else []), "--jobs", "1", cwd=files)
    assert returned == code, out + err
    assert err == ""


def test_text_report(files) -> None:
    r = run("bad.md", "ok.md", cwd=files)
    assert r.returncode == 1
    assert r.stderr == ""
    lines = r.stdout.splitlines()
    assert lines[0] == "bad.md:3: refuted     x + x = 3 x"
    assert lines[1] == "    link 1: ✗ refuted: 2 x = 3 x"
    assert lines[2].startswith("        counterexample: x = ") and "left = " in lines[2]
    assert lines[3] == "bad.md: 1 equation: 1 refuted"
    assert lines[4] == ""
    assert lines[5] == "ok.md:1: verified    x + x = 2 x"
    assert lines[-1] == "ok.md: 1 equation: 1 verified"
    assert "\x1b[" not in r.stdout


def test_json_lines_one_object_per_file(cli, files) -> None:
    code, out, _ = cli("bad.md", "ok.md", "--format", "json", cwd=files)
    assert code == 1
    first, second = (json.loads(line) for line in out.splitlines())
    assert (first["file"], first["verdict"], second["file"], second["verdict"]) == ("bad.md", "failed", "ok.md", "passed")
    (eq,) = first["equations"]
    assert (eq["line"], eq["latex"], eq["verdict"]) == (3, "x + x = 3 x", "refuted")
    link = eq["links"][0]
    assert (link["lhs"], link["rhs"], link["verdict"]) == ("2 x", "3 x", "refuted")
    assert set(link["counterexample"]["values"]) == {"x"}


def test_output_is_deterministic(cli) -> None:
    one = cli("sigmoid-bce.md", "--format", "json", "--jobs", "1", cwd=DOCS)
    two = cli("sigmoid-bce.md", "--format", "json", "--jobs", "2", cwd=DOCS)
    text = cli("sigmoid-bce.md", cwd=DOCS)
    assert one[0] == two[0] == text[0] == 1
    assert one[1] == two[1]
    assert text[1] == cli("sigmoid-bce.md", "--jobs", "1", cwd=DOCS)[1]


def test_standard_input(files) -> None:
    r = run("-", stdin="$$x + x = 3 x$$\n")
    assert r.returncode == 1
    assert r.stdout.startswith("-:1: refuted")


def test_define_and_assume_options(cli, files) -> None:
    (files / "uses.md").write_text("$$\\frac{\\partial E}{\\partial w} = w - t$$\n$$\\sum_{o=1}^{k} p_o (1 + E) = 1 + E$$\n", encoding="utf-8")
    code, out, err = cli("uses.md", "--define", "E = \\frac{1}{2} (w - t)^2", "--assume", "\\sum_{o=1}^{k} p_o = 1", "--strict", cwd=files)
    assert code == 0, out + err
    assert "uses.md (--define): definition  $E = \\frac{1}{2} (w - t)^2$" in out
    assert "uses.md: 2 equations: 2 verified" in out


def test_assuming_the_size_checks_that_instance(cli, files) -> None:
    (files / "k3.md").write_text("$$\\sum_{o=1}^{k} 1 = 3$$\n", encoding="utf-8")
    assert cli("k3.md", cwd=files)[0] == 1
    code, out, _ = cli("k3.md", "--assume", "k = 3", cwd=files)
    assert code == 0, out
    assert "under k = 3" in out


def _bytes(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return path.name


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: "missing.md", "cannot read 'missing.md': no such file"),
        (lambda d: _bytes(d / "empty.md", b""), "'empty.md' is empty"),
        (lambda d: _bytes(d / "blank.md", b"  \n\n"), "'blank.md' is empty"),
        (lambda d: _bytes(d / "binary.md", b"$$a = b$$\x00\x01"), "'binary.md' looks like a binary file"),
        (lambda d: _bytes(d / "latin1.md", b"caf\xe9 $$a = b$$"), "'latin1.md' is not UTF-8 text (byte 0xe9 at offset 3)"),
        (lambda d: (d / "folder").mkdir() or "folder", "'folder' is a directory, not a file"),
        (lambda d: _bytes(d / "fm.md", b"---\nderive:\n  define: [x]\n---\n$$a = b$$\n"), "fm.md: front matter line 3"),
        (lambda d: _bytes(d / "fm2.md", b'---\nderive:\n  define:\n    - "1 = 2"\n---\n'), "fm2.md: front matter define '1 = 2'"),
        (lambda d: _bytes(d / "fm3.md", b"---\nderive:\n  asume:\n    - 'y = 1'\n---\n$$a = b$$\n"),
         "fm3.md: front matter line 3: unknown key 'asume' under 'derive:' (the keys are 'define' and 'assume')"),
        (lambda d: _bytes(d / "fm4.md", b"---\nderive: 5\n---\n$$a = b$$\n"), "fm4.md: front matter line 2: 'derive:' takes the keys"),
        (lambda d: _bytes(d / "many.md", b"$$a = 1$$\n" * 501), "many.md: 501 display equations (limit 500)"),
    ],
)
def test_unusable_input_is_one_line_exit_2(cli, files, make, message) -> None:
    name = make(files)
    code, out, err = cli(name, cwd=files)  # alone: nothing to check, exit 2
    assert code == 2 and out == "", out + err
    assert err.splitlines() == [err.strip()] and message in err
    code, out, err = cli("ok.md", name, cwd=files)  # among others: reported, the others checked
    assert code == 2, out + err
    assert out.startswith("ok.md:1: verified") and name not in out
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("derive: error: ") and message in lines[0], err


def test_a_real_process_prints_one_line_without_a_traceback(files) -> None:
    r = run("ok.md", "missing.md", cwd=files)
    assert r.returncode == 2 and r.stdout.startswith("ok.md:1: verified")
    assert r.stderr == "derive: error: cannot read 'missing.md': no such file\n"


def test_one_bad_file_among_three_still_reports_the_others_and_a_refutation_wins(cli, files) -> None:
    (files / "empty.md").write_text("", encoding="utf-8")
    code, out, err = cli("ok.md", "empty.md", "bad.md", cwd=files)
    assert code == 1  # a refuted equation: exit 1 even though a file was unusable
    assert "ok.md:1: verified" in out and "bad.md:3: refuted" in out
    assert err == "derive: error: 'empty.md' is empty\n"


def test_math_fence_bare_environment_and_dollars_are_each_refuted(cli, tmp_path) -> None:
    (tmp_path / "fence.md").write_text("Text.\n\n```math\nx + x = 3 x\n```\n", encoding="utf-8")
    (tmp_path / "env.md").write_text("Text.\n\\begin{align}\nx + x &= 3 x\n\\end{align}\n", encoding="utf-8")
    (tmp_path / "dollars.md").write_text("Text.\n$$x + x = 3 x$$\n", encoding="utf-8")
    for name, line in (("fence.md", 4), ("env.md", 3), ("dollars.md", 2)):
        code, out, _ = cli(name, cwd=tmp_path)
        assert code == 1 and f"{name}:{line}: refuted" in out, out


def test_github_and_junit_formats(cli, files) -> None:
    code, out, _ = cli("--format", "github", "ok.md", "bad.md", "unsupported.md", cwd=files)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("::error file=bad.md,line=3,title=derive check%3A refuted::refuted: x + x = 3 x — counterexample: ")
    assert lines[1].startswith("::warning file=unsupported.md,line=1,title=derive check%3A unsupported::")
    assert len(lines) == 2  # nothing for a verified equation
    import xml.etree.ElementTree as ET

    code, out, _ = cli("--format", "junit", "ok.md", "bad.md", "unsupported.md", cwd=files)
    root = ET.fromstring(out.split("\n", 1)[1])
    suites = {s.get("name"): s for s in root}
    assert [suites[n].get("failures") for n in ("ok.md", "bad.md", "unsupported.md")] == ["0", "1", "0"]
    assert suites["unsupported.md"].get("skipped") == "1"
    assert suites["bad.md"].find("testcase/failure").get("message").startswith("refuted: x + x = 3 x")


def test_unreadable_file(cli, files, monkeypatch) -> None:
    path = files / "secret.md"
    path.write_text("$$a = b$$", encoding="utf-8")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads a mode-0 file, so make the open itself refuse, as it does for a user
        real_open = Path.open

        def refuse(self: Path, *args, **kwargs):
            if self.name == "secret.md":
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", refuse)
    code, out, err = cli("secret.md", cwd=files)
    assert code == 2 and out == ""
    assert err == "derive: error: cannot read 'secret.md': permission denied\n"


def test_too_large_file(cli, files) -> None:
    from derive.commands import check as command

    big = files / "big.md"
    with big.open("wb") as handle:
        handle.truncate(command.MAX_BYTES + 1)  # sparse: nothing is written, and nothing is read
    code, _, err = cli("big.md", cwd=files)
    assert code == 2
    assert f"'big.md' is too large: {command.MAX_BYTES + 1} bytes (limit {command.MAX_BYTES})" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--timeout", "-1"], "--timeout must be between 0 and 3600 seconds, got -1"),
        (["--timeout", "nan"], "--timeout must be between 0 and 3600 seconds"),
        (["--timeout", "abc"], "Invalid value for '--timeout'"),
        (["--jobs", "0"], "--jobs must be between 1 and 32, got 0"),
        (["--format", "xml"], "Invalid value for '--format'"),
        (["--size", "kk"], "--size must be one letter, got 'kk'"),
        (["--define", "x + 1 = 2"], "--define 'x + 1 = 2': the left side must be a new symbol"),
        (["--define", "f = \\int x"], "--define 'f = \\int x': integrals"),
        (["--assume", "a + b"], "--assume 'a + b': not a single relation"),
        (["-", "-"], "standard input (-) can be read only once"),
    ],
)
def test_bad_options_are_one_line_exit_2(cli, files, args, message) -> None:
    code, out, err = cli("ok.md", *args, cwd=files)
    assert code == 2, out + err
    lines = err.splitlines()
    assert len(lines) == 1 and message in lines[0], err


def test_no_file_is_a_usage_error(cli, files) -> None:
    code, _, err = cli(cwd=files)
    assert code == 2 and "Missing argument 'FILE'" in err


def _on_a_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    """Run with stdout on a pseudo-terminal; (exit code, what the terminal showed)."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "derive", "check", *args], cwd=cwd, stdout=follower,
                            stderr=subprocess.DEVNULL, env={**os.environ, **env})
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:  # the terminal closed
            break
        if not data:
            break
        chunks.append(data)
    code = proc.wait(timeout=600)
    os.close(leader)
    return code, b"".join(chunks).decode("utf-8", "replace")


def test_colour_only_on_a_terminal_and_never_with_no_color(files) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    code, shown = _on_a_terminal(["bad.md"], files, {**env, "NO_COLOR": ""})
    assert code == 1 and "\x1b[1;31mrefuted" in shown
    code, shown = _on_a_terminal(["bad.md"], files, {"NO_COLOR": "1"})
    assert code == 1 and "\x1b[" not in shown and "refuted" in shown
    code, shown = _on_a_terminal(["bad.md", "--format", "json"], files, {"NO_COLOR": ""})
    assert "\x1b[" not in shown and json.loads(shown.strip())["verdict"] == "failed"


def test_help_does_not_import_sympy() -> None:
    code = (
        "import sys; from derive.cli import main\ntry: main(['check', '--help'])\nexcept SystemExit: pass\n"
        + NO_SYMPY
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert "derive check [OPTIONS]" in r.stdout and "--strict" in r.stdout


def _sigint_default() -> None:
    """In the child before derive starts: Ctrl-C as a terminal delivers it. A shell starts a
    background job (``pytest ... &``) with SIGINT ignored, and an ignored SIGINT is inherited: derive
    would then, rightly, ignore it too, and the test would test nothing."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_interrupt_stops_the_workers(files) -> None:
    """Ctrl-C (SIGINT to the process group) exits 130 with one line, and leaves no worker behind."""
    import signal
    import time

    # 4 documents of 450 equations that differ as expressions, not only as text: each is
    # differentiated and checked, far more than 4 s of work on any machine (about 15 s on two fast
    # cores). (``+ n z_i`` on both sides cancels in the difference the cache is keyed by: the
    # catalogue's softmax step, verified earlier in the session, answered all of them at once.)
    names = []
    for part in range(4):
        doc = files / f"slow{part}.md"
        doc.write_text(
            "$$p_o = \\frac{e^{z_o}}{\\sum_{j=1}^{k} e^{z_j}}$$\n"
            + "".join(f"$$\\frac{{\\partial p_o}}{{\\partial z_i}} + {n} (z_i + 1)^2 = p_o (\\delta_{{io}} - p_i) + {n} z_i^2 + {2 * n} z_i + {n}$$\n"
                      for n in range(450 * part + 1, 450 * part + 451)),
            encoding="utf-8",
        )
        names.append(doc.name)
    proc = subprocess.Popen([sys.executable, "-m", "derive", "check", *names, "--jobs", "2"], cwd=files,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=_sigint_default)
    time.sleep(4)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (err, out[-600:])
    assert err.strip().splitlines() == ["derive: error: interrupted; no file was half-written"]
    time.sleep(0.5)
    leftover = subprocess.run(["pgrep", "-g", str(proc.pid)], capture_output=True, text=True)
    assert leftover.stdout.strip() == ""

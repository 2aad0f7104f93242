"""The conventions of Click and Typer tools: --version, -h, help on a bare command, shell completion,
suggestions for mistyped commands, -q/--quiet, NO_COLOR/FORCE_COLOR/TERM=dumb, help without
Python types, and quiet CI logs."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT


def run(*args: str, cwd=None, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "derive", *args], capture_output=True, text=True, cwd=cwd or ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}, timeout=600)


def test_version_is_the_package_metadata_version():
    import tomllib

    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    r = run("--version")
    assert r.returncode == 0 and r.stdout == f"derive {version} (sympy-derive)\n", r.stderr
    import derive

    assert derive.__version__ == version


def test_distribution_name_is_used_everywhere():
    """One distribution name: pyproject, the version lookup, README install lines, the GitHub
    Actions example and the pre-commit advice; never `pip install derive` (another project's)."""
    import tomllib

    from derive._version import DISTRIBUTION

    assert tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["name"] == DISTRIBUTION == "sympy-derive"
    readme = (ROOT / "README.md").read_text()
    blocks = "".join(re.findall(r"```[a-z]*\n(.*?)```", readme, re.S))  # what a reader copies
    assert "pip install" in blocks and not re.search(r"pip install (-U )?derive\b(?![-\w])", blocks)
    assert "additional_dependencies: [sympy-derive" in readme
    assert "pip install sympy-derive" in readme or "sympy-derive @ git+" in readme
    actions = readme.split("### GitHub Actions", 1)[1].split("```", 2)[1]
    assert re.search(r"pip install .*sympy-derive|pip install \.", actions)


@pytest.mark.parametrize("args", [[], ["-h"], ["--help"]])
def test_bare_derive_and_h_print_the_help(args):
    r = run(*args)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Usage: derive [OPTIONS] COMMAND [ARGS]...") and "softmax-ce" in r.stdout
    assert r.stderr == ""


@pytest.mark.parametrize("command", ["verify", "render", "recheck", "check", "list", "softmax-ce"])
def test_h_on_every_command_and_no_python_types_in_help(command):
    r = run(command, "-h")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"Usage: derive {command} ")
    for python_type in ("<str>", "<int>", "<float>", "<bool>", "list[", "tuple[", "<path>", "Optional", "NoneType"):
        assert python_type not in r.stdout, (command, python_type, r.stdout)


@pytest.mark.parametrize(("wrong", "suggestion"), [("verfy", "did you mean verify"), ("rendr", "did you mean render"),
                                                    ("lst", "did you mean list"), ("softmax-cee", "did you mean softmax-ce")])
def test_mistyped_commands_suggest_commands(wrong, suggestion):
    r = run(wrong)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and suggestion in lines[0], r.stderr


def test_shell_completion_completes_commands_and_derivations():
    env = {"_DERIVE_COMPLETE": "complete_bash", "COMP_WORDS": "derive ver", "COMP_CWORD": "1"}
    r = run(env=env)
    assert r.returncode == 0 and r.stdout.split() == ["verify"], (r.stdout, r.stderr)
    env["COMP_WORDS"] = "derive softmax-j"
    assert run(env=env).stdout.split() == ["softmax-jacobian"]
    r = run("--help")
    assert "--install-completion" in r.stdout and "--show-completion" in r.stdout


def test_help_and_version_stay_fast():
    """--help, --version and completion import neither SymPy nor Jinja."""
    for args in (["--help"], ["--version"], ["verify", "-h"]):
        code = (f"import sys; from derive.cli import main\ntry: main({args!r})\nexcept SystemExit: pass\n"
                "assert 'sympy' not in sys.modules, 'sympy imported'; assert 'jinja2' not in sys.modules")
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
        assert r.returncode == 0, (args, r.stderr)


def test_quiet_prints_only_results(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    loud = run("sigmoid-bce", "-o", str(out), env={"DERIVE_PROGRESS": "1"})
    assert loud.returncode == 0 and loud.stdout.startswith("wrote ") and "sigmoid-bce: 4 steps" in loud.stdout
    assert "derive: [" in loud.stderr  # DERIVE_PROGRESS=1: plain progress lines
    for args in (["sigmoid-bce", "-q", "-o", str(out)], ["-q", "sigmoid-bce", "-o", str(out)]):
        r = run(*args, env={"DERIVE_PROGRESS": "1"})
        assert r.returncode == 0 and r.stdout == "" and r.stderr == "", (args, r.stdout, r.stderr)
    r = run("render", "--check", "-q", "-o", str(out), "sigmoid-bce")
    assert r.returncode == 0 and r.stdout == "" and r.stderr == "", r.stderr
    (out / "sigmoid-bce.md").write_text("changed\n")
    r = run("render", "--check", "-q", "-o", str(out), "sigmoid-bce")
    assert r.returncode == 1 and "+++" in r.stdout and "1 stale" in r.stderr  # failures are never silenced
    r = run("verify", "-q", "sigmoid-bce", "-o", str(out))
    assert r.returncode == 0 and r.stdout.startswith("derivation") and r.stderr == ""  # the table is the result


def test_no_progress_lines_in_a_ci_log():
    """Off a terminal (a CI log) the result comes without progress lines before it."""
    r = run("verify", "sigmoid-bce", "softmax-jacobian", env={"DERIVE_PROGRESS": ""})
    assert r.returncode == 0, r.stderr
    assert r.stderr == "" and r.stdout.startswith("derivation ")


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("env", "tty", "expected"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),  # NO_COLOR wins
        ({"FORCE_COLOR": "1"}, False, True),
        ({"FORCE_COLOR": "0"}, False, False),
        ({"TERM": "dumb"}, True, False),
        ({"TERM": "dumb", "FORCE_COLOR": "1"}, True, True),
    ],
)
def test_colour_follows_no_color_force_color_and_term(monkeypatch, env, tty, expected):
    from derive.commands.common import colour

    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert colour(_Tty() if tty else io.StringIO()) is expected


def test_term_dumb_gets_no_cursor_control(monkeypatch):
    from derive.commands.common import Progress

    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.delenv("DERIVE_PROGRESS", raising=False)
    stream = _Tty()
    p = Progress(1, stream)
    p.start("softmax-ce")
    p("step", 1, 2)
    p.done()
    assert stream.getvalue() == ""


def test_render_check_diff_is_coloured_with_force_color(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    assert run("sigmoid-bce", "-q", "--format", "md", "-o", str(out)).returncode == 0
    (out / "sigmoid-bce.md").write_text("changed\n")
    (tmp_path / "pyproject.toml").write_text('[tool.derive]\nderivations = ["sigmoid-bce"]\nformats = ["md"]\noutput = "out"\n')
    coloured = run("render", "--check", cwd=tmp_path, env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert coloured.returncode == 1 and "\x1b[31m-changed\x1b[0m" in coloured.stdout
    plain = run("render", "--check", cwd=tmp_path, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert plain.returncode == 1 and "\x1b" not in plain.stdout and "-changed" in plain.stdout

"""``[tool.derive]`` in a user's pyproject.toml, ``derive render --check [NAME ...]``, and the
pre-commit hooks run as pre-commit runs them, in a scratch repository that commits only the
``softmax-ce`` files."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


def run(*args: str, cwd: Path, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "derive", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}, timeout=600)


def hooks() -> dict[str, dict]:
    """The flat mappings of .pre-commit-hooks.yaml (``- key: value``, ``key: value``, ``[a, b]``),
    read without a YAML library (not a test dependency)."""
    out: list[dict] = []
    for line in (ROOT / ".pre-commit-hooks.yaml").read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("- "):
            out.append({})
            line = line[2:]
        key, _, value = line.strip().partition(": ")
        if value.startswith("[") and value.endswith("]"):
            out[-1][key] = [v.strip() for v in value[1:-1].split(",")]
        else:
            out[-1][key] = {"true": True, "false": False}.get(value, value)
    return {h["id"]: h for h in out}


def run_hook(hook_id: str, repo: Path, files: list[str] = ()) -> subprocess.CompletedProcess:
    """The hook's entry as pre-commit runs it: in the repository's root, with the staged file
    names appended unless pass_filenames is false (the entry's `derive` is this checkout's)."""
    hook = hooks()[hook_id]
    argv = shlex.split(hook["entry"])
    assert argv[0] == "derive"
    if hook.get("pass_filenames", True):
        argv += list(files)
    return run(*argv[1:], cwd=repo)


# --------------------------------------------------------------------------- parsing


def test_config_parses_and_defaults():
    from derive.config import FORMATS, Config, parse_config

    assert parse_config(None) == Config()
    c = parse_config({"derivations": ["softmax-ce"], "k": [3, 3], "formats": ["md", "tex"], "output": "docs"})
    assert c == Config(("softmax-ce",), (3,), ("tex", "md"), "docs")
    assert Config().formats == FORMATS


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"derivation": ["softmax-ce"]}, "unknown key 'derivation' in [tool.derive]"),
        ({"derivations": "softmax-ce"}, "derivations must be a list of names"),
        ({"k": [0]}, "k must be between 1 and 300, got 0"),
        ({"k": ["3"]}, "k must be a list of integers"),
        ({"k": [True]}, "k must be a list of integers"),
        ({"formats": ["pdf"]}, "formats must be some of tex, md, json"),
        ({"formats": []}, "formats must be some of tex, md, json"),
        ({"output": ""}, "output must be a directory name"),
    ],
)
def test_a_malformed_table_is_a_usage_error(table, message):
    from derive.config import parse_config
    from derive.errors import UsageError

    with pytest.raises(UsageError) as raised:
        parse_config(table)
    assert message in raised.value.one_line()


def test_a_malformed_file_is_one_line_exit_2(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.derive]\nderivations = ["softmax-ce"]\nouptut = "docs"\n')
    r = run("render", "--check", cwd=tmp_path)
    assert r.returncode == 2 and r.stderr.strip() == (
        "derive: error: pyproject.toml: unknown key 'ouptut' in [tool.derive] (the keys are derivations, k, formats, output, specs)")
    (tmp_path / "pyproject.toml").write_text("[tool.derive\n")
    r = run("verify", cwd=tmp_path)
    assert r.returncode == 2 and "pyproject.toml is not valid TOML" in r.stderr
    (tmp_path / "pyproject.toml").write_text('[tool.derive]\nderivations = ["softmax-cee"]\n')
    r = run("verify", cwd=tmp_path)
    assert r.returncode == 2 and "unknown derivation 'softmax-cee'" in r.stderr


# --------------------------------------------------------------------------- a scratch repository


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository of someone else's project: a pyproject.toml whose [tool.derive] names
    softmax-ce (general k and k = 3, Markdown and LaTeX only) under docs/derivations, those four
    files committed, a hand-written post, and nothing of the rest of the catalogue."""
    repo = tmp_path_factory.mktemp("scratch")
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "someone-elses-paper"\nversion = "1.0"\n\n'
        '[tool.derive]\nderivations = ["softmax-ce"]\nk = [3]\nformats = ["tex", "md"]\noutput = "docs/derivations"\n')
    docs = repo / "docs" / "derivations"
    docs.mkdir(parents=True)
    for name in ("softmax-ce.tex", "softmax-ce.md", "softmax-ce-k3.tex", "softmax-ce-k3.md"):
        shutil.copy(ROOT / "output" / name, docs / name)
    (repo / "docs" / "index.md").write_text("# Notes\n\nThe derivations live here.\n")  # not generated: not 'extra'
    (repo / "docs" / "post.md").write_text("# A post\n\n$$\\frac{d}{dx} x^2 = 2x$$\n")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "-C", str(repo), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(repo), "commit", "-qm", "paper"], check=True)
    return repo


def test_scratch_repository_passes_the_render_check_hook(scratch):
    r = run_hook("derive-render-check", scratch)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout == "" and r.stderr == ""  # --quiet in the hook: a pass prints nothing
    loud = run("render", "--check", cwd=scratch)
    assert loud.returncode == 0 and loud.stderr.strip() == "derive render --check: all 4 files up to date", loud.stderr


def test_scratch_repository_fails_the_render_check_hook_once_a_file_is_altered(scratch):
    md = scratch / "docs" / "derivations" / "softmax-ce.md"
    original = md.read_text()
    try:
        md.write_text(original.replace("## Result", "## Results"))
        r = run_hook("derive-render-check", scratch)
        assert r.returncode == 1
        assert "--- docs/derivations/softmax-ce.md (committed)" in r.stdout and "-## Results" in r.stdout
        assert "1 stale, 0 missing, 0 extra of 4 files" in r.stderr
        md.unlink()
        r = run_hook("derive-render-check", scratch)
        assert r.returncode == 1 and "missing: docs/derivations/softmax-ce.md (would be written)" in r.stdout
    finally:
        md.write_text(original)
    assert run_hook("derive-render-check", scratch).returncode == 0


def test_names_on_the_command_line_take_precedence(scratch, tmp_path):
    # Without the file: the named derivation, the committed k values, every format (no json here: missing).
    copy = tmp_path / "docs"
    shutil.copytree(scratch / "docs" / "derivations", copy)
    r = run("render", "--check", "softmax-ce", "-o", str(copy), cwd=tmp_path)
    assert r.returncode == 1 and f"missing: {copy / 'softmax-ce.json'}" in r.stdout and "extra" not in r.stdout
    assert "0 stale, 2 missing, 0 extra of 6 files" in r.stderr
    # The file's k applies where it can; --k on the command line replaces it.
    r = run("render", "--check", "--k", "2", cwd=scratch)
    assert r.returncode == 1 and "missing: docs/derivations/softmax-ce-k2.md" in r.stdout


def test_scratch_repository_verify_hook(scratch):
    r = run_hook("derive-verify", scratch)
    assert r.returncode == 0, r.stderr
    rows = [line.split()[:2] for line in r.stdout.splitlines()[1:] if not line.startswith(("total", "derive "))]
    assert rows == [["softmax-ce", "general"], ["softmax-ce", "3"]]


def test_scratch_repository_check_hook_gets_the_staged_documents(scratch):
    hook = hooks()["derive-check"]
    assert hook["types_or"] == ["markdown", "tex"] and hook.get("pass_filenames", True)
    r = run_hook("derive-check", scratch, ["docs/post.md"])
    assert r.returncode == 0, r.stdout + r.stderr
    (scratch / "docs" / "wrong.md").write_text("$$\\frac{d}{dx} x^2 = 3x$$\n")
    try:
        r = run_hook("derive-check", scratch, ["docs/post.md", "docs/wrong.md"])
        assert r.returncode == 1 and "refuted" in r.stdout
    finally:
        (scratch / "docs" / "wrong.md").unlink()


def test_this_repository_still_checks_the_whole_catalogue():
    """Here (no [tool.derive]), render --check covers every registered derivation and output/."""
    import tomllib

    assert "derive" not in tomllib.loads((ROOT / "pyproject.toml").read_text()).get("tool", {})
    from derive.commands.common import Scope
    from derive.registry import names

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        scope = Scope(None, None, None)
    finally:
        os.chdir(cwd)
    assert not scope.selected and str(scope.output) == "output"
    assert sorted({t.name for t in scope.targets()}) == sorted(names())

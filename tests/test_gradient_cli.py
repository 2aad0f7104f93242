"""``derive gradient`` on the command line: files written atomically, one-line errors with their
exit codes and nothing written, the instance at k, recheckable certificates, byte-identical output
across hash seeds, and ``[tool.derive] specs`` in derive verify and derive render --check."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gradient_support import ROOT, SPECS

SOFTMAX = [r"--define", r"\hat{y}_o = \frac{e^{z_o}}{\sum_{j=1}^{k} e^{z_j}}",
           r"--define", r"L = -\sum_{o=1}^{k} y_o \ln \hat{y}_o", r"--assume", r"\sum_{o=1}^{k} y_o = 1", "--wrt", "z_i"]


def derive(capsys, *argv: str) -> tuple[int, str, str]:
    """``derive ARGV`` in this process: (exit code, stdout, stderr)."""
    from derive.cli import main
    from derive.commands import common

    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_:
        main(list(argv))
    common._QUIET[0] = False  # -q holds for the rest of a run; each call here is a run of its own
    out, err = capsys.readouterr()
    return int(exit_.value.code or 0), out, err


def test_definitions_on_the_command_line(capsys, tmp_path):
    out = tmp_path / "out"
    code, stdout, stderr = derive(capsys, "gradient", *SOFTMAX, "--name", "my-loss", "-o", str(out))
    assert code == 0, stderr
    assert sorted(p.name for p in out.iterdir()) == ["my-loss.json", "my-loss.md", "my-loss.tex"]
    assert "my-loss: planned 6 steps, all proved; result proved" in stdout
    md = (out / "my-loss.md").read_text(encoding="utf-8")
    assert r"\boxed{\frac{\partial L}{\partial z_{i}} = \hat{y}_{i} - y_{i}}" in md
    cert = json.loads((out / "my-loss.json").read_text(encoding="utf-8"))
    assert cert["verdict"] == "proved" and cert["derivation"] == "my-loss"


def test_a_spec_file_and_its_instance_recheck(capsys, tmp_path):
    """--k 3: the gradient written out and checked entry by entry; the certificate is rechecked
    by derive recheck from what is in it alone."""
    out = tmp_path / "out"
    code, stdout, stderr = derive(capsys, "gradient", str(SPECS / "softmax-ce.md"), "--k", "3", "-o", str(out))
    assert code == 0, stderr
    assert "instance k = 3 proved" in stdout
    cert = json.loads((out / "softmax-ce-planned-k3.json").read_text(encoding="utf-8"))
    assert cert["instance"]["verdict"] == "proved"
    entries = [s for s in cert["steps"] if s["id"].startswith("k3-entry-")]
    assert len(entries) == 3 and all(s["verdict"] == "proved" for s in entries)
    md = (out / "softmax-ce-planned-k3.md").read_text(encoding="utf-8")
    assert r"\hat{y}_{3} - y_{3}" in md and "all 3 entries: the closed form and the derivative of the explicit definitions" in md
    code, stdout, stderr = derive(capsys, "recheck", str(out / "softmax-ce-planned-k3.json"))
    assert code == 0, stderr + stdout


def test_print_one_format(capsys):
    code, stdout, stderr = derive(capsys, "gradient", str(SPECS / "sigmoid-bce.md"), "-o", "-", "--format", "md")
    assert code == 0, stderr
    assert stdout.startswith("# The sigmoid and binary cross-entropy, planned") and r"\sigma(z) - y" in stdout


def test_flags_of_derive_name_apply(capsys, tmp_path):
    out = tmp_path / "out"
    code, _, stderr = derive(capsys, "gradient", str(SPECS / "tanh-mse.md"), "--format", "tex", "--fragment", "--numbered",
                             "--plain", "-o", str(out))
    assert code == 0, stderr
    tex = (out / "tanh-mse-fragment.tex").read_text(encoding="utf-8")
    assert r"\label{derive:tanh-mse:result}" in tex and "Rule:" not in tex and r"\documentclass" not in tex


ERRORS = [
    ("unplannable", ["--define", "a = z^2", "--define", "b = a^3", "--define", "L = a + b", "--wrt", "z"], 2,
     "cannot plan dL/dz: definition of L (L = a + b): the chain rule: L uses both b and a, and b depends on a"),
    ("no variable", ["--define", "L = x^2"], 2, "no variable to differentiate with respect to (--wrt 'z_i')"),
    ("no definition", ["--wrt", "x"], 2, "no definition given"),
    ("unreadable definition", ["--define", r"L = \frac{x}{", "--wrt", "x"], 2, "cannot read"),
    ("not a definition", ["--define", "x + 1 = 2", "--wrt", "x"], 2, "the left side must be a new symbol"),
    ("of not defined", ["--define", "L = x^2", "--wrt", "x", "--of", "M"], 2, "not one of the defined quantities (L)"),
    ("bad name", ["--define", "L = x^2", "--wrt", "x", "--name", "../x"], 2, "--name '../x' is not a usable name"),
    ("k without a size", ["--define", "L = x^2", "--wrt", "x", "--k", "3"], 2, "gradient has no size (its definitions have no sums), so --k does not apply"),
    ("k above the limit", [*SOFTMAX, "--k", "21"], 2, "--k 21 is above the limit of 20 for a planned derivation"),
    ("missing spec", ["no-such-spec.md"], 2, "cannot read 'no-such-spec.md': no such file"),
]


@pytest.mark.parametrize(("argv", "code", "message"), [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS])
def test_bad_input_is_one_line_and_writes_nothing(capsys, tmp_path, argv, code, message):
    out = tmp_path / "out"
    got, stdout, stderr = derive(capsys, "gradient", *argv, "-o", str(out))
    assert got == code, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("derive: error: ") and message in lines[0], stderr
    assert "Traceback" not in stderr and stdout == ""
    assert not out.exists()


def test_a_step_that_does_not_verify_fails_the_command(capsys, tmp_path, monkeypatch):
    from sympy import KroneckerDelta

    from derive.gradient import local

    real = local.factored
    monkeypatch.setattr(local, "factored", lambda e: real(e) + 1 if e.has(KroneckerDelta) else real(e))
    out = tmp_path / "out"
    code, stdout, stderr = derive(capsys, "gradient", str(SPECS / "softmax-jacobian.md"), "-o", str(out), "--no-cache")
    assert code == 2
    assert "planned step 'dyhat-dz' is refuted, not proved: definition of yhat" in stderr and "nothing was written" in stderr
    assert not out.exists()


def test_substitution_too_long_for_one_line_is_two_steps(monkeypatch):
    """A split-off sum too long for a printed line: the plain local derivatives are substituted
    first, in a step of their own, and every step still verifies."""
    from dataclasses import replace

    from derive.gradient import collect, plan, read_problem, read_spec, verify_planned

    monkeypatch.setattr(collect, "LONG_MEMBER", 60)
    pd = plan(read_problem(replace(read_spec(str(SPECS / "softmax-ce.md")))))
    ids = [s.id for s in pd.derivation.steps]
    assert ids[-3:] == ["substitute", "split-off", "constraint"], ids
    assert verify_planned(pd).verdict.value == "proved"


def test_identical_across_hash_seeds(tmp_path):
    trees = []
    for seed in ("0", "4242"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed, "DERIVE_NO_CACHE": "1"}
        r = subprocess.run([sys.executable, "-m", "derive", "gradient", str(SPECS / "label-smoothing-ce.md"), "-o", str(out)],
                           capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
        assert r.returncode == 0, r.stderr
        trees.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert trees[0] == trees[1] and len(trees[0]) == 3


# ------------------------------------------------------------------------------ [tool.derive] specs


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A repository of one's own: a spec next to a paper, named in pyproject.toml. The specs it
    registers are gone from the registry after the test (other tests list the registry)."""
    from derive import registry

    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    (tmp_path / "paper").mkdir()
    (tmp_path / "paper" / "my-loss.md").write_text((SPECS / "tanh-mse.md").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.derive]\nspecs = ["paper/my-loss.md"]\noutput = "docs"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_specs_in_pyproject_are_verified_and_rendered(capsys, project):
    code, stdout, stderr = derive(capsys, "verify")
    assert code == 0, stderr
    assert "my-loss" in stdout and "softmax-ce" not in stdout  # the specs alone: no derivations listed
    code, _, stderr = derive(capsys, "render")
    assert code == 0, stderr
    assert sorted(p.name for p in (project / "docs").iterdir()) == ["my-loss.json", "my-loss.md", "my-loss.tex"]
    code, _, stderr = derive(capsys, "render", "--check")
    assert code == 0 and "all 3 files up to date" in stderr
    md = project / "docs" / "my-loss.md"
    md.write_text(md.read_text(encoding="utf-8").replace("a - y", "y - a"), encoding="utf-8")
    code, stdout, stderr = derive(capsys, "render", "--check")
    assert code == 1 and "1 stale" in stderr and "docs/my-loss.md (committed)" in stdout


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[tool.derive]\nspecs = "paper/my-loss.md"\n', "[tool.derive] specs must be a list of file names"),
        ('[tool.derive]\nspecs = ["paper/none.md"]\n', "cannot read '"),
        ('[tool.derive]\nspecs = ["paper/clash.md"]\n', "paper/clash.md: a derivation named 'softmax-ce' is already registered (built-in)"),
    ],
)
def test_bad_specs_in_pyproject(capsys, project, toml, message):
    (project / "paper" / "clash.md").write_text("---\ngradient:\n  wrt: 'z'\n  name: softmax-ce\n---\n$$L = z^2$$\n", encoding="utf-8")
    (project / "pyproject.toml").write_text(toml, encoding="utf-8")
    code, _, stderr = derive(capsys, "verify")
    assert code == 2 and message in stderr, stderr
    assert len(stderr.strip().splitlines()) == 1

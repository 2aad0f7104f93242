"""derive verify and derive render --check as CI checks: exit codes, summary, JSON report, JUnit
XML, staleness diffs; and the pre-commit hooks that run them."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ROOT
from derive_cache import session_cache_dir


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return session_cache_dir(tmp_path_factory)


def run(*args: str, cache: Path, cwd: Path = ROOT, extra_path: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "DERIVE_CACHE_DIR": str(cache)}
    env.pop("DERIVE_NO_CACHE", None)
    if extra_path is not None:  # a module registering a broken derivation, loaded by sitecustomize
        env["PYTHONPATH"] = os.pathsep.join([str(extra_path), env.get("PYTHONPATH", "")])
    return subprocess.run([sys.executable, "-m", "derive", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=900)


@pytest.fixture(scope="module")
def catalogue(cache_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("verify")
    r = run("verify", "--report", "json", str(out / "report.json"), "--junit", str(out / "junit.xml"), cache=cache_dir)
    return {"run": r, "paths": (out / "report.json", out / "junit.xml"), "report": json.loads((out / "report.json").read_text()) if r.returncode == 0 else None,
            "junit": (out / "junit.xml").read_text() if r.returncode == 0 else None}


def test_verify_passes_on_the_catalogue(catalogue):
    from derive.registry import names
    from derive.runs import committed_ks

    r = catalogue["run"]
    assert r.returncode == 0, r.stdout + r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["derivation", "k", "steps", "proved", "checked", "unknown", "refuted", "cached", "time"]
    rows = [line.split() for line in lines[1:] if line.split()[0] in names()]
    ks = committed_ks(ROOT / "output", names())
    expected = sorted([(n, "general") for n in names()] + [(n, str(k)) for n in names() for k in ks[n]])
    assert sorted((row[0], row[1]) for row in rows) == expected
    assert all(row[6] == "0" for row in rows)  # nothing refuted
    assert lines[len(rows) + 1].startswith("total")
    assert lines[-2:] == [f"wrote {catalogue['paths'][0]}", f"wrote {catalogue['paths'][1]}"]


def test_json_report_holds_every_certificate_and_verdict(catalogue):
    report = catalogue["report"]
    assert report["schema"] == "derive/verify-report-v1" and report["verdict"] in ("proved", "checked")
    for t in report["targets"]:
        cert = t["certificate"]
        assert cert["schema"] == "derive/derivation-v1" and cert["derivation"] == t["derivation"] and cert["k"] == t["k"]
        ids = [s["id"] for s in cert["steps"]] + ["result"] + ([f"instance-k{t['k']}"] if t["k"] is not None else [])
        assert sorted(s["id"] for s in t["steps"]) == sorted(ids) and len(ids) == len(set(ids))
        assert t["counts"]["steps"] == len(ids) == sum(t["counts"][v] for v in ("proved", "checked", "unknown", "refuted"))


def test_junit_has_one_testcase_per_step(catalogue):
    root = ET.fromstring(catalogue["junit"].encode())
    report = catalogue["report"]
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [t["derivation"] if t["k"] is None else f"{t['derivation']}-k{t['k']}" for t in report["targets"]]
    for suite, t in zip(suites, report["targets"]):
        cases = suite.findall("testcase")
        assert [c.get("name") for c in cases] == [s["id"] for s in t["steps"]]
        assert int(suite.get("tests")) == len(cases) and suite.get("failures") == "0"
        for c in cases:
            assert "symbolic" in c.findtext("system-out") or "exact" in c.findtext("system-out")
    assert int(root.get("tests")) == sum(len(t["steps"]) for t in report["targets"])


def test_junit_failure_carries_the_counterexample_and_escapes_text():
    from derive.junit import junit_xml
    from derive.runs import Case, Target, TargetResult

    nasty = 'a < b & "c" \x1b[31m ]]> \x00'
    cases = (
        Case("ok", "Fine", "proved", ("  symbolic: pass: " + nasty,)),
        Case("bad", "Broken <step>", "refuted", ("link 1: refuted",), ("link 1: k = 2, i = 1: left = 1, right = 2",)),
        Case("maybe", "Undecided", "unknown", ()),
    )
    results = [TargetResult(Target("demo"), cases, 1.5), TargetResult(Target("demo", 3), (), 0.1, None, "demo failed: " + nasty)]
    for strict in (False, True):
        root = ET.fromstring(junit_xml(results, strict=strict).encode())
        suite, broken = root.findall("testsuite")
        bad = suite.find("testcase[@name='bad']")
        assert "left = 1, right = 2" in bad.find("failure").text and bad.find("failure").get("type") == "refuted"
        assert "a < b & \"c\" \\x1b[31m ]]> \\x00" in suite.find("testcase[@name='ok']").findtext("system-out")
        maybe = suite.find("testcase[@name='maybe']")
        assert (maybe.find("failure") is not None) == strict and (maybe.find("skipped") is not None) == (not strict)
        assert broken.find("testcase/error") is not None and root.get("errors") == "1"
        assert root.get("failures") == str(1 + strict) and root.get("tests") == "4"


def test_verify_exit_codes():
    from derive.commands.verify import exit_code
    from derive.runs import Case, Target, TargetResult

    def result(*verdicts, error=None):
        return TargetResult(Target("x"), tuple(Case(str(n), "t", v, ()) for n, v in enumerate(verdicts)), 0.0, None, error)

    assert exit_code([result("proved", "checked")], strict=True) == 0
    assert exit_code([result("proved", "unknown")], strict=False) == 0
    assert exit_code([result("proved", "unknown")], strict=True) == 3
    assert exit_code([result("unknown", "refuted")], strict=True) == 1
    assert exit_code([result(error="boom")], strict=False) == 1


BROKEN_PLUGIN = '''
from derive.registry import register
from derive.symbols import scalar
from derive.steps import Definition, Derivation, Step
from sympy import Derivative

def build():
    x = scalar("x")
    wrong = Step("wrong", "Wrong", "power rule", "A planted error.", (Derivative(x**3, x), 2 * x**2))
    right = Step("result", "Result", "result", "", (Derivative(x**2, x), 2 * x))
    return Derivation("zz-broken", "Broken", "planted error", None, (), (wrong,), right)

def crash():
    raise RuntimeError("cannot build")

register("zz-broken", "a planted error", build)
register("zz-crash", "crashes when built", crash)
'''


@pytest.fixture(scope="module")
def plugin_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("plugin")
    (d / "zz_broken.py").write_text(BROKEN_PLUGIN)
    (d / "sitecustomize.py").write_text("import zz_broken\n")
    return d


def test_a_refuted_step_fails_verify_with_its_counterexample(tmp_path, cache_dir, plugin_dir):
    r = run("verify", "zz-broken", "--junit", str(tmp_path / "j.xml"), "--report", "json", str(tmp_path / "r.json"),
            cache=cache_dir, extra_path=plugin_dir)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "refuted: zz-broken wrong: link 1: " in r.stderr and "Traceback" not in r.stderr
    root = ET.parse(tmp_path / "j.xml").getroot()
    failure = root.find("testsuite/testcase[@name='wrong']/failure")
    assert failure is not None and "left = " in failure.text
    assert json.loads((tmp_path / "r.json").read_text())["verdict"] == "refuted"


def test_a_derivation_that_crashes_is_an_error_not_a_traceback(tmp_path, cache_dir, plugin_dir):
    r = run("verify", "zz-crash", "--junit", str(tmp_path / "j.xml"), cache=cache_dir, extra_path=plugin_dir)
    assert r.returncode == 1 and "derive: error: zz-crash failed to build or verify: RuntimeError: cannot build" in r.stderr
    assert "Traceback" not in r.stderr
    assert ET.parse(tmp_path / "j.xml").getroot().find("testsuite/testcase/error") is not None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["verify", "no-such"], "unknown derivation 'no-such'"),
        (["verify", "--k", "0"], "--k must be at least 1"),
        (["verify", "--report", "xml", "r.xml"], "unknown report format 'xml'"),
        (["verify", "--junit", "/no/such/dir/j.xml"], "does not exist"),
        (["verify", "--report", "json", "."], "is a directory"),
        (["render", "--check", "-o", "/no/such/dir"], "is not a directory"),
        (["recheck"], "Missing argument"),
    ],
)
def test_usage_errors_exit_2(args, message, cache_dir):
    r = run(*args, cache=cache_dir)
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in r.stderr


def test_progress_is_plain_lines_when_not_a_terminal(catalogue):
    err = catalogue["run"].stderr
    assert "\r" not in err and "\x1b" not in err
    assert all(line.startswith("derive: [") for line in err.splitlines())


def test_progress_bar_on_a_terminal():
    import io

    from derive.commands.common import Progress

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    p = Progress(2, stream)
    p.start("softmax-ce")
    p("step one", 5, 10)
    p.done()
    text = stream.getvalue()
    assert "\r\x1b[2K[1/2] softmax-ce [##########..........] 5/10 step one" in text and text.endswith("\r\x1b[2K")


# --------------------------------------------------------------------------- render


@pytest.fixture(scope="module")
def rendered(cache_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of output/ regenerated by derive render."""
    d = tmp_path_factory.mktemp("render") / "output"
    shutil.copytree(ROOT / "output", d)
    r = run("render", "-o", str(d), cache=cache_dir)
    assert r.returncode == 0, r.stderr
    return d


def test_render_check_passes_on_committed_output(cache_dir):
    r = run("render", "--check", cache=cache_dir)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert r.stdout == "" and "up to date" in r.stderr


def test_render_writes_every_target_and_format(rendered, cache_dir):
    from derive.runs import expected_files, targets

    expected = sorted(expected_files(targets([], [], ROOT / "output")))
    assert sorted(p.name for p in rendered.iterdir()) == expected
    again = run("render", "-o", str(rendered), cache=cache_dir)
    assert again.returncode == 0 and "0 written" in again.stderr


@pytest.mark.parametrize("ext", ["tex", "md", "json"])
def test_render_check_fails_with_a_diff_when_a_file_is_altered(rendered, cache_dir, tmp_path, ext):
    d = tmp_path / "output"
    shutil.copytree(rendered, d)
    path = sorted(p for p in d.iterdir() if p.name.endswith("." + ext))[-1]
    path.write_text(path.read_text().replace("\n", "\n% altered\n", 1))
    before = {p.name: p.read_bytes() for p in d.iterdir()}
    r = run("render", "--check", "-o", str(d), cache=cache_dir)
    assert r.returncode == 1, path.name
    assert f"--- {path} (committed)" in r.stdout and f"+++ {path} (generated)" in r.stdout and "\n-% altered\n" in r.stdout
    assert "1 stale, 0 missing, 0 extra" in r.stderr
    assert {p.name: p.read_bytes() for p in d.iterdir()} == before  # --check writes nothing


def test_render_check_names_missing_and_extra_files(rendered, cache_dir, tmp_path):
    d = tmp_path / "output"
    shutil.copytree(rendered, d)
    victims = sorted(d.iterdir())
    for ext in ("tex", "md", "json"):
        victim = next(p for p in victims if p.name.endswith("." + ext))
        victim.write_text(victim.read_text() + "x")
    missing = next(p for p in reversed(victims) if p.name.endswith(".md"))
    missing.unlink()
    (d / "stray.tex").write_text("stray")
    r = run("render", "--check", "-o", str(d), cache=cache_dir)
    assert r.returncode == 1
    assert f"missing: {missing}" in r.stdout and f"extra: {d / 'stray.tex'}" in r.stdout
    assert "3 stale, 1 missing, 1 extra" in r.stderr
    fixed = run("render", "-o", str(d), cache=cache_dir)
    assert fixed.returncode == 0 and missing.exists() and (d / "stray.tex").exists()  # extras are never deleted
    assert run("render", "--check", "-o", str(d), cache=cache_dir).returncode == 1  # the stray file still fails


# --------------------------------------------------------------------------- pre-commit


def _hooks(text: str) -> list[dict[str, object]]:
    """The list of flat mappings in .pre-commit-hooks.yaml (comments, ``- key: value``, ``key: value``)."""
    hooks: list[dict[str, object]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("- "):
            hooks.append({})
            line = line[2:]
        key, _, value = line.strip().partition(": ")
        hooks[-1][key] = {"true": True, "false": False}.get(value, value)
    return hooks


def test_pre_commit_hooks_run_real_commands(cache_dir):
    from derive.cli import COMMAND_MODULES

    hooks = _hooks((ROOT / ".pre-commit-hooks.yaml").read_text())
    by_id = {h["id"]: h for h in hooks}
    assert set(by_id) == {"derive-verify", "derive-render-check", "derive-check"}
    for hook in hooks:
        assert hook["language"] == "python"
        if hook["id"] != "derive-check":  # that one gets the staged documents (tests/test_project_config.py)
            assert hook["pass_filenames"] is False and hook["always_run"] is True
        argv = str(hook["entry"]).split()
        assert argv[0] == "derive" and any(m.endswith("." + argv[1]) for m in COMMAND_MODULES)
    assert str(by_id["derive-render-check"]["entry"]).split()[1:] == ["render", "--check", "--quiet"]
    assert str(by_id["derive-verify"]["entry"]).split()[1:] == ["verify", "--strict", "--quiet"]
    r = run(*str(by_id["derive-verify"]["entry"]).split()[1:], "softmax-ce", cache=cache_dir)
    assert r.returncode == 0, r.stderr


def test_the_summary_says_how_many_verdicts_came_from_the_cache_under_strict_or_ci(tmp_path):
    """Under --strict or CI=true, verify and recheck end with 'N of M verdicts from the cache';
    a plain local run does not add the line. A warm run takes more from the cache than a cold one."""
    cache = tmp_path / "cache"
    cold = run("verify", "softmax-ce", "--strict", cache=cache)
    warm = run("verify", "softmax-ce", "--strict", cache=cache)
    pattern = re.compile(r"^derive verify: (\d+) of (\d+) verdicts from the cache, each corroborated by a fresh check$", re.M)
    counts = [pattern.search(r.stdout + r.stderr) for r in (cold, warm)]
    assert cold.returncode == warm.returncode == 0 and all(counts), cold.stdout + warm.stdout
    (cold_hits, total), (warm_hits, total_again) = [(int(m[1]), int(m[2])) for m in counts]
    assert total == total_again > 0 and cold_hits < warm_hits <= total
    local = run("verify", "softmax-ce", cache=cache)
    assert local.returncode == 0 and "from the cache" not in local.stdout + local.stderr
    env_ci = subprocess.run([sys.executable, "-m", "derive", "recheck", str(ROOT / "output" / "softmax-ce.json")],
                            capture_output=True, text=True, cwd=ROOT, timeout=900,
                            env={**os.environ, "DERIVE_CACHE_DIR": str(cache), "CI": "true"})
    assert env_ci.returncode == 0 and re.search(r"\d+ of \d+ verdicts from the cache", env_ci.stdout + env_ci.stderr), env_ci.stdout
    unused = run("verify", "softmax-ce", "--strict", "--no-cache", cache=cache)
    assert unused.returncode == 0 and "(no cache used)" in unused.stdout + unused.stderr

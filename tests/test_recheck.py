"""derive recheck: every certificate derive writes re-checks from its own contents; a certificate
with any chain member replaced by an unequal expression is refuted; malformed ones exit 2."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from derive_cache import session_cache_dir


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return session_cache_dir(tmp_path_factory)


@pytest.fixture(autouse=True)
def _session_cache(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DERIVE_CACHE_DIR", str(cache_dir))
    monkeypatch.delenv("DERIVE_NO_CACHE", raising=False)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "derive", *args], capture_output=True, text=True, cwd=ROOT,
                          env=dict(os.environ), timeout=600)


def _committed() -> list[Path]:
    return sorted((ROOT / "output").glob("*.json"))


@pytest.fixture(scope="module")
def written(cache_dir: Path) -> dict[str, dict]:
    """A certificate of every target: every registered derivation, general and committed k."""
    from derive.cache import Cache, using
    from derive.produce import produce
    from derive.runs import targets

    out = {}
    with using(Cache(cache_dir)):
        for t in targets([], [], ROOT / "output"):
            out[t.stem] = json.loads(produce(t.name, t.k, ["json"]).files[f"{t.stem}.json"])
    return out


def _recheck(cert: dict, cache_dir: Path):
    from derive.cache import Cache, using
    from derive.recheck import recheck

    with using(Cache(cache_dir)):
        return recheck(cert)


def test_every_written_certificate_rechecks_to_its_recorded_verdicts(written, cache_dir):
    assert written and any(c["k"] is not None for c in written.values())
    for stem, cert in written.items():
        result = _recheck(cert, cache_dir)
        recorded = [s["verdict"] for s in cert["steps"]] + [cert["result"]["verdict"]]
        assert [s.verdict.value for s in result.steps] == recorded, stem
        assert result.verdict.value != "refuted", stem


@pytest.mark.parametrize("path", _committed(), ids=lambda p: p.name)
def test_committed_certificates_recheck_on_the_command_line(path):
    r = run("recheck", str(path))
    assert r.returncode == 0, r.stderr
    assert "refuted" not in r.stdout and "Traceback" not in r.stderr
    cert = json.loads(path.read_text())
    assert f"{len(cert['steps']) + 1} steps rechecked" in r.stdout


def _replacements(text: str, n: int):
    """Unequal replacements of the member ``text`` (rotating by ``n``): m + 1, 2 m, -m - 1."""
    from sympy import Integer, srepr

    from derive.srepr import parse_srepr

    m = parse_srepr(text)
    options = [m + 1, 2 * m + Integer(1) / 3, -m - 1]
    return srepr(options[n % len(options)])


def test_any_member_replaced_by_an_unequal_expression_is_refuted(written, cache_dir):
    """One mutated certificate per step of every certificate (the member position and the
    replacement rotate deterministically); each must be refuted, at that step."""
    checked = 0
    for stem, cert in sorted(written.items()):
        steps = [*cert["steps"], cert["result"]]
        for n, step in enumerate(steps):
            h = int(hashlib.sha256(f"{stem}/{n}".encode()).hexdigest()[:8], 16)
            position = h % len(step["chain"])
            bad = copy.deepcopy(cert)
            target = bad["steps"][n] if n < len(cert["steps"]) else bad["result"]
            target["chain"][position] = _replacements(step["chain"][position], h)
            result = _recheck(bad, cache_dir)
            assert result.steps[n].verdict.value == "refuted", (stem, step.get("id", "result"), position)
            assert [s.verdict.value for s in result.steps[:n]] == [s.get("verdict") for s in steps[:n]]
            checked += 1
    assert checked >= len(written) * 2


def test_a_refuted_certificate_exits_1_with_the_counterexample(tmp_path):
    cert = json.loads((ROOT / "output" / "softmax-ce.json").read_text())
    step = next(s for s in cert["steps"] if len(s["chain"]) > 2)
    step["chain"][1] = _replacements(step["chain"][1], 1)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(cert))
    r = run("recheck", str(path))
    assert r.returncode == 1, r.stderr
    assert f"{step['id']}" in r.stdout and "refuted (recorded: proved)" in r.stdout
    assert "link 1 refuted: " in r.stdout and "left = " in r.stdout


def test_recorded_verdicts_are_not_trusted(tmp_path, cache_dir):
    cert = json.loads((ROOT / "output" / "softmax-ce.json").read_text())
    for s in cert["steps"]:
        s["verdict"] = "refuted"
    path = tmp_path / "c.json"
    path.write_text(json.dumps(cert))
    r = run("recheck", str(path))
    assert r.returncode == 0, r.stderr
    assert "(recorded: refuted)" in r.stdout and "recorded verdicts differ" in r.stdout


def _cert() -> dict:
    return json.loads((ROOT / "output" / "softmax-ce.json").read_text())


def _with(change):
    cert = _cert()
    change(cert)
    return json.dumps(cert)


MALFORMED = {
    "not json": ("{not json", "is not JSON"),
    "binary": (b"\x89PNG\x00\xff", "not UTF-8"),
    "a list": ("[1, 2]", "not a certificate object"),
    "deep json": ("[" * 100000 + "]" * 100000, "not usable JSON"),
    "wrong schema": (_with(lambda c: c.update(schema="derive/derivation-v9")), "unknown certificate schema"),
    "no schema": (_with(lambda c: c.pop("schema")), "unknown certificate schema"),
    "no steps": (_with(lambda c: c.pop("steps")), "has no 'steps'"),
    "no result": (_with(lambda c: c.pop("result")), "has no 'result'"),
    "steps not a list": (_with(lambda c: c.update(steps={})), "'steps' must be a list"),
    "chain of one": (_with(lambda c: c["steps"][0].update(chain=c["steps"][0]["chain"][:1])), "'chain' must have 2 to"),
    "chain of numbers": (_with(lambda c: c["steps"][0].update(chain=[1, 2])), "must be an srepr string"),
    "bad srepr": (_with(lambda c: c["steps"][0]["chain"].__setitem__(0, "Add(1")), "malformed srepr"),
    "eval attempt": (_with(lambda c: c["steps"][0]["chain"].__setitem__(0, "__import__('os').system('echo pwned')")), "not an allowed SymPy class"),
    "dunder attribute": (_with(lambda c: c["steps"][0]["chain"].__setitem__(0, "Symbol('x').__class__")), "unexpected Attribute"),
    "lambda": (_with(lambda c: c["steps"][0]["chain"].__setitem__(0, "Lambda(Symbol('x'), Symbol('x'))")), "not an allowed SymPy class"),
    "condition not a relation": (_with(lambda c: c["steps"][0].update(conditions=["Symbol('x')"])), "must be a relation"),
    "member a relation": (_with(lambda c: c["steps"][0]["chain"].__setitem__(0, "Equality(Symbol('x'), Integer(1))")), "must be an expression"),
    "definition lhs": (_with(lambda c: c["definitions"][0].update(lhs="Integer(3)")), "must be a symbol"),
    "size not a symbol": (_with(lambda c: c.update(size="Integer(3)")), "size: must be a symbol"),
    "huge power": (_with(lambda c: c["steps"][0]["chain"].__setitem__(0, "Pow(Integer(10), Integer(100000000))")), "exponent"),
    "tower of powers": (_with(lambda c: c["steps"][0]["chain"].__setitem__(0, "Pow(Pow(Pow(Pow(Integer(10), Integer(100)), Integer(100)), Integer(100)), Integer(100))")), "bits"),
    "huge integer": (_with(lambda c: c["steps"][0]["chain"].__setitem__(0, f"Integer({'9' * 5000})")), "digits"),
    "huge sum": (_with(lambda c: c["steps"][0]["chain"].__setitem__(0, "Sum(Indexed(IndexedBase(Symbol('z')), Symbol('j', integer=True, positive=True)), Tuple(Symbol('j', integer=True, positive=True), Integer(1), Integer(10000000)))")), "sum limit"),
    "huge size": (_with(lambda c: c["steps"][0].update(conditions=["Equality(Symbol('k', integer=True, positive=True), Integer(100000))"])), "above the limit"),
    "conflicting sizes": (_with(lambda c: c["steps"][0].update(conditions=["Equality(Symbol('k', integer=True, positive=True), Integer(2))", "Equality(Symbol('k', integer=True, positive=True), Integer(3))"])), "conflicting sizes"),
    "derivative of high order": (_with(lambda c: c["steps"][0]["chain"].__setitem__(0, c["steps"][0]["chain"][0].replace("Integer(1)))", "Integer(99)))", 1))),
                                 "a derivative of order 99 (at most 20)"),
    "indexed without an index": (_with(lambda c: c["steps"][0]["chain"].__setitem__(0, "Indexed(IndexedBase(Symbol('z')))")),
                                  "IndexException: Indexed needs at least one index"),
    "deep srepr": (_with(lambda c: c["steps"][0]["chain"].__setitem__(0, "Add(" * 300 + "Integer(1)" + ")" * 300)), "nested deeper"),
    "too many steps": (_with(lambda c: c.update(steps=[{"id": "s", "chain": ["Integer(1)", "Integer(1)"], "conditions": []}] * 5001)),
                       "above the limit of 5000"),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_certificates_are_one_line_errors_exit_2(tmp_path, name):
    content, message = MALFORMED[name]
    path = tmp_path / "cert.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    r = run("recheck", str(path))
    assert r.returncode == 2, (r.returncode, r.stdout[-500:], r.stderr[-500:])
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("derive: error: ") and message in lines[0], r.stderr
    assert r.stdout == "" and "Traceback" not in r.stderr


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    from derive.recheck import MAX_BYTES

    path = tmp_path / "huge.json"
    with open(path, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    r = run("recheck", str(path))
    assert r.returncode == 2 and "too large" in r.stderr and len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("which", ["missing", "directory"])
def test_missing_file_or_directory(tmp_path, which):
    path = tmp_path / "nope.json" if which == "missing" else tmp_path
    r = run("recheck", str(path))
    assert r.returncode == 2 and r.stderr.startswith("derive: error: ") and len(r.stderr.strip().splitlines()) == 1


def test_unknown_steps_exit_3_under_strict(tmp_path):
    cert = _cert()
    cert["steps"] = [cert["steps"][0]]
    cert["steps"][0]["conditions"] = ["StrictLessThan(Symbol('i', integer=True, positive=True), Integer(2))"]
    path = tmp_path / "c.json"
    path.write_text(json.dumps(cert))
    assert run("recheck", str(path)).returncode == 0
    r = run("recheck", "--strict", str(path))
    assert r.returncode == 3, r.stdout + r.stderr
    assert "unknown" in r.stdout


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Pow(Integer(10), Integer(100000000))", "an exponent of 100000000"),
        ("Integer(" + "9" * 40 + ")", "an integer of more than 30 digits"),
        ("Sum(Symbol('x'), Tuple(Symbol('x'), Integer(1), Integer(100000)))", "a sum limit of 100000"),
        ("Derivative(Symbol('f'), Tuple(Symbol('x'), Integer(21)))", "a derivative of order 21"),
        ("Derivative(Symbol('f'), " + ", ".join(["Symbol('x')"] * 21) + ")", "a derivative of order 21"),
        ("Derivative(Symbol('f'), Tuple(Symbol('x'), Integer(20)))", None),
        ("Pow(Pow(Integer(10), Integer(100)), Integer(100))" .replace("Integer(100))", "Integer(99))"), None),
    ],
)
def test_parse_srepr_bounds_numbers_before_building(text, message):
    """The bounds live in parse_srepr itself, so every caller (not only recheck) is protected."""
    from derive.srepr import CertificateError, parse_srepr

    if message is None:
        parse_srepr(text)  # a large but bounded number builds
        return
    with pytest.raises(CertificateError, match=message):
        parse_srepr(text)


def test_a_step_past_its_time_limit_is_unknown_and_the_others_are_rechecked(tmp_path):
    """A certificate is untrusted input: a step that would take too long (here the sixth derivative
    of the loss, asserted equal to the first) is stopped at --timeout and reported unknown, never
    awaited and never proved; the other steps are still rechecked."""
    cert = _cert()
    first = cert["steps"][0]["chain"][0]
    assert "Integer(1)))" in first
    cert["steps"][0]["chain"][0] = first.replace("Integer(1)))", "Integer(6)))", 1)
    path = tmp_path / "slow.json"
    path.write_text(json.dumps(cert))
    r = run("recheck", "--timeout", "2", str(path))
    assert r.returncode == 0, r.stdout + r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("chain-rule") and "unknown (recorded: proved)" in lines[0]
    assert "time limit of 2 s reached" in lines[1]
    assert f"{len(cert['steps'])} proved, 1 unknown" in lines[-1]
    assert run("recheck", "--timeout", "2", "--strict", str(path)).returncode == 3


@pytest.mark.parametrize("value", ["-1", "3601", "nan", "soon"])
def test_timeout_out_of_range_is_a_usage_error(tmp_path, value):
    r = run("recheck", "--timeout", value, str(ROOT / "output" / "softmax-ce.json"))
    assert r.returncode == 2 and "--timeout" in r.stderr and "Traceback" not in r.stderr


def test_the_readme_example_of_a_tampered_certificate_is_what_recheck_prints(tmp_path):
    """README shows recheck on softmax-ce.json with the sign of jacobian-other's last member
    dropped; the quoted lines must be what the command prints."""
    from sympy import srepr

    from derive.srepr import parse_srepr

    cert = _cert()
    step = next(s for s in cert["steps"] if s["id"] == "jacobian-other")
    step["chain"][-1] = srepr(-parse_srepr(step["chain"][-1]))
    path = tmp_path / "neg.json"
    path.write_text(json.dumps(cert))
    r = run("recheck", str(path))
    assert r.returncode == 1
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```\njacobian-other  refuted")
    block = readme[start + 4 : readme.index("```", start + 4)].splitlines()
    printed = r.stdout.splitlines()
    assert [line for line in block if line != "..." and line not in printed] == []

"""The verification cache: keys change with everything a verdict depends on, corrupt entries are
recomputed, writes are atomic, and cached runs write byte-identical files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sympy import Derivative, Eq, Ne, Sum, exp

from derive import cache as cache_mod
from derive.cache import Cache, cached_verify_chain, chain_key, report_from_json, report_to_json, using
from derive.steps import Definition
from derive.symbols import array, index, size
from derive.verify import Context, Settings, verify_chain

k, i, o, j = size("k"), index("i"), index("o"), index("j")
z, yhat = array("z"), array("yhat")
SOFTMAX = Definition(yhat[o], exp(z[o]) / Sum(exp(z[j]), (j, 1, k)), "softmax")
CTX = Context(k, (SOFTMAX,), ())
FAST = Context(k, (SOFTMAX,), (), Settings(ks=(1, 2, 3), numeric_ks=(2, 3), points=2))
RIGHT = ((Derivative(yhat[o], z[i]), -yhat[o] * yhat[i]), (Ne(i, o),))
WRONG = ((Derivative(yhat[o], z[i]), yhat[o] * yhat[i]), (Ne(i, o),))


@pytest.fixture
def store(tmp_path: Path) -> Cache:
    return Cache(tmp_path / "cache")


def _entries(c: Cache) -> list[Path]:
    return sorted(p for p in c.directory.rglob("*") if p.is_file())


def test_report_json_round_trip_keeps_every_field():
    for members, conds in (RIGHT, WRONG):
        report = verify_chain(members, conds, FAST)
        data = json.loads(json.dumps(report_to_json(report)))
        assert report_from_json(data) == report
    assert verify_chain(*WRONG, FAST).links[0].counterexample is not None


def test_key_is_stable_for_rebuilt_expressions():
    from sympy import srepr

    from derive.srepr import parse_srepr

    members, conds = RIGHT
    rebuilt = tuple(parse_srepr(srepr(m)) for m in members)
    assert chain_key(rebuilt, conds, CTX) == chain_key(members, conds, CTX)


@pytest.mark.parametrize(
    "change",
    ["member", "member order", "condition", "no condition", "definition", "definition name", "assumption", "settings", "size"],
)
def test_key_changes_with_everything_the_verdict_depends_on(change):
    members, conds = RIGHT
    ctx = CTX
    if change == "member":
        members = (members[0], 2 * members[1])
    elif change == "member order":
        members = members[::-1]
    elif change == "condition":
        conds = (Eq(i, o),)
    elif change == "no condition":
        conds = ()
    elif change == "definition":
        ctx = Context(k, (Definition(yhat[o], exp(2 * z[o]) / Sum(exp(z[j]), (j, 1, k)), "softmax"),), ())
    elif change == "definition name":
        ctx = Context(k, (Definition(SOFTMAX.lhs, SOFTMAX.rhs, "other"),), ())
    elif change == "assumption":
        ctx = Context(k, (SOFTMAX,), (Ne(i, o),))
    elif change == "settings":
        ctx = Context(k, (SOFTMAX,), (), Settings(points=4))
    elif change == "size":
        ctx = Context(size("n"), (SOFTMAX,), ())
    assert chain_key(members, conds, ctx) != chain_key(*RIGHT, CTX)


def test_key_changes_with_the_verifier_version_and_source(monkeypatch):
    before = chain_key(*RIGHT, CTX)
    monkeypatch.setattr(cache_mod, "VERIFIER_VERSION", "999")
    assert chain_key(*RIGHT, CTX) != before
    monkeypatch.undo()
    assert chain_key(*RIGHT, CTX) == before
    monkeypatch.setattr(cache_mod, "_code_fingerprint", lambda: "a different verifier")
    assert chain_key(*RIGHT, CTX) != before
    monkeypatch.setattr(cache_mod, "_code_fingerprint", lambda: None)  # unreadable source: no caching
    assert chain_key(*RIGHT, CTX) is None


def test_hit_after_miss_returns_the_same_report(store):
    with using(store):
        first = cached_verify_chain(*RIGHT, FAST)
        second = cached_verify_chain(*RIGHT, FAST)
    assert (store.misses, store.hits) == (1, 1)
    assert first == second == verify_chain(*RIGHT, FAST)
    assert len(_entries(store)) == 1


def test_a_changed_step_is_never_answered_from_the_cache(store):
    with using(store):
        assert cached_verify_chain(*RIGHT, FAST).verdict.value == "proved"
        assert cached_verify_chain(*WRONG, FAST).verdict.value == "refuted"
        assert cached_verify_chain(RIGHT[0], (), FAST).verdict.value == "refuted"  # condition dropped
    assert store.hits == 0 and store.misses == 3


def test_an_entry_planted_under_another_key_is_not_trusted(store):
    """Even a file copied over the entry of a wrong chain: the key inside must match."""
    with using(store):
        cached_verify_chain(*RIGHT, FAST)
        right_file = _entries(store)[0]
        wrong_key = chain_key(*WRONG, FAST)
        target = store._path(wrong_key)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(right_file.read_text())
        assert cached_verify_chain(*WRONG, FAST).verdict.value == "refuted"


def test_a_version_bump_recomputes(store, monkeypatch):
    with using(store):
        cached_verify_chain(*RIGHT, FAST)
        monkeypatch.setattr(cache_mod, "VERIFIER_VERSION", "2-test")
        cached_verify_chain(*RIGHT, FAST)
    assert store.hits == 0 and store.misses == 2


@pytest.mark.parametrize(
    "content",
    [
        "",
        "{not json",
        "[]",
        '{"format": 1}',
        "\x00\xff binary",
        "KEY_OK_REPORT_BROKEN",
        "KEY_OK_REFUTED_WITHOUT_COUNTEREXAMPLE",
        "KEY_OK_WRONG_LINK_COUNT",
    ],
)
def test_a_corrupt_entry_is_recomputed_and_replaced(store, content):
    with using(store):
        expected = cached_verify_chain(*RIGHT, FAST)
        (path,) = _entries(store)
        good = json.loads(path.read_text())
        if content == "KEY_OK_REPORT_BROKEN":
            content = json.dumps({**good, "report": [{"verdict": "proved"}]})
        elif content == "KEY_OK_REFUTED_WITHOUT_COUNTEREXAMPLE":
            content = json.dumps({**good, "report": [{**good["report"][0], "verdict": "refuted"}]})
        elif content == "KEY_OK_WRONG_LINK_COUNT":
            content = json.dumps({**good, "report": good["report"] * 2})
        path.write_bytes(content.encode("utf-8", errors="surrogateescape") if isinstance(content, str) else content)
        again = cached_verify_chain(*RIGHT, FAST)
    assert again == expected
    assert store.hits == 0 and store.misses == 2
    assert json.loads(path.read_text()) == good  # rewritten


def test_writes_are_atomic_and_failures_harmless(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    broken = Cache(blocker / "cache")
    with using(broken):
        report = cached_verify_chain(*RIGHT, FAST)
    assert report.verdict.value == "proved" and broken.write_errors == 1
    ok = Cache(tmp_path / "ok")
    with using(ok):
        cached_verify_chain(*RIGHT, FAST)
    names = [p.name for p in _entries(ok)]
    assert len(names) == 1 and names[0].endswith(".json") and not any(n.endswith(".tmp") for n in names)


def test_cache_location(monkeypatch, tmp_path):
    monkeypatch.delenv("DERIVE_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_mod.default_dir() == tmp_path / "home" / ".cache" / "derive"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_mod.default_dir() == tmp_path / "xdg" / "derive"
    monkeypatch.setenv("DERIVE_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_mod.default_dir() == tmp_path / "mine"
    assert cache_mod.active().directory == tmp_path / "mine"
    monkeypatch.setenv("DERIVE_NO_CACHE", "1")
    assert cache_mod.active() is None
    with using(Cache(tmp_path / "explicit")) as chosen:
        assert cache_mod.active() is chosen


def test_cached_runs_write_byte_identical_files(tmp_path):
    """softmax-ce, all formats: uncached, cold cache and warm cache give the same bytes."""
    from derive.produce import produce

    with using(None):
        uncached = produce("softmax-ce", None, ["tex", "md", "json"]).files
    store = Cache(tmp_path / "c")
    with using(store):
        cold = produce("softmax-ce", None, ["tex", "md", "json"]).files
        misses = store.misses
        warm = produce("softmax-ce", None, ["tex", "md", "json"]).files
    assert store.hits == misses > 0 and store.misses == misses  # the warm run was answered entirely from the cache
    assert cold == uncached and warm == uncached


# --------------------------------------------------------------------------- corroboration


def _poison(c: Cache, members, conds, ctx, report) -> Path:
    """Overwrite the entry of ``(members, conds, ctx)`` with ``report``, its key intact."""
    path = c._path(chain_key(members, conds, ctx))
    entry = json.loads(path.read_text())
    path.write_text(json.dumps({**entry, "report": report_to_json(report)}))
    return path


def test_a_refuted_chain_flipped_to_proved_in_the_cache_is_refuted_again(store):
    """The poisoned entry has the key of the wrong chain and the evidence of a real proof, so it
    passes every test of its form; the fresh check at new points contradicts it."""
    with using(store):
        assert cached_verify_chain(*WRONG, FAST).verdict.value == "refuted"
        proof = verify_chain(*RIGHT, FAST)
        assert proof.verdict.value == "proved"
        _poison(store, *WRONG, FAST, proof)
        assert store.get(chain_key(*WRONG, FAST), 1) == proof  # the entry reads as a proof
        again = cached_verify_chain(*WRONG, FAST)
        assert again.verdict.value == "refuted" and again.links[0].counterexample is not None
        assert store.hits == 0 and len(store.discarded) == 1 and "the sides differ" in store.discarded[0]
        assert cached_verify_chain(*WRONG, FAST) == again  # the entry was rewritten with the recomputed report
        assert store.hits == 1 and len(store.discarded) == 1


def test_a_verdict_that_does_not_follow_from_its_evidence_is_discarded(store):
    from dataclasses import replace

    from derive.verify import Verdict

    with using(store):
        report = cached_verify_chain(*RIGHT, FAST)
        link = report.links[0]
        unknown = replace(link, evidence=(link.evidence[0], link.evidence[1], replace(link.evidence[2], outcome="error")))
        _poison(store, *RIGHT, FAST, type(report)((replace(unknown, verdict=Verdict.PROVED),)))
        assert cached_verify_chain(*RIGHT, FAST) == report
    assert "does not follow from its evidence" in store.discarded[0]


def test_a_proved_chain_flipped_to_refuted_needs_a_real_counterexample(store):
    with using(store):
        proof = cached_verify_chain(*RIGHT, FAST)
        refutation = verify_chain(*WRONG, FAST)
        _poison(store, *RIGHT, FAST, refutation)  # a counterexample of the other chain
        assert cached_verify_chain(*RIGHT, FAST) == proof
    assert "does not show the sides differ" in store.discarded[0]


def test_a_refuted_entry_with_its_own_counterexample_is_used(store):
    with using(store):
        first = cached_verify_chain(*WRONG, FAST)
        assert cached_verify_chain(*WRONG, FAST) == first
    assert store.hits == 1 and store.discarded == []


def test_the_fresh_points_come_from_the_run_seed(monkeypatch):
    """Not from the entry: the seed is the process's (or $DERIVE_CORROBORATION_SEED)."""
    from derive import corroborate as co
    from derive.errors import UsageError

    co.run_seed.cache_clear()
    monkeypatch.setenv(co.SEED_ENV, "12345")
    assert co.run_seed() == 12345
    co.run_seed.cache_clear()
    monkeypatch.setenv(co.SEED_ENV, "x1")
    with pytest.raises(UsageError, match="must be a non-negative integer"):
        co.run_seed()
    co.run_seed.cache_clear()
    monkeypatch.delenv(co.SEED_ENV)
    seeds = {co.run_seed()}
    co.run_seed.cache_clear()
    seeds.add(co.run_seed())
    co.run_seed.cache_clear()
    assert len(seeds) == 2


def test_an_honest_unknown_entry_is_used_not_discarded(store):
    """x = x + 10^-40 is unknown (exact fails, the numbers agree): its entry is corroborated."""
    from sympy import Rational, Symbol

    x = Symbol("x")
    chain, plain = (x, x + Rational(1, 10**40)), Context(None, (), (), Settings())
    with using(store):
        first = cached_verify_chain(chain, (), plain)
        assert first.verdict.value == "unknown"
        assert cached_verify_chain(chain, (), plain) == first
    assert store.hits == 1 and store.discarded == []

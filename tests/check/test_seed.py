"""Acceptance on the seed post (a copy in tests/check/docs): every verdict, by line, and why.

The post has a wrong step (Case 2: d yhat_i / d z_i where d yhat_o / d z_i is meant), two index
mismatches (the chain rule without its sum over o; dL/dyhat_o = -sum_o y_o / yhat_o) and ends with
dL/dz_i = yhat_i - y_i after stating sum_o y_o = 1.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


DOCS = Path(__file__).resolve().parent / "docs"
SEED = DOCS / "seed-softmax-ce.txt"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def run() -> subprocess.CompletedProcess:
    """One real run of the command on the seed (the JSON carries everything the tests look at)."""
    return subprocess.run(
        [sys.executable, "-m", "derive", "check", str(SEED), "--format", "json", "--jobs", "2"],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "NO_COLOR": "1"}, timeout=900,
    )


@pytest.fixture(scope="module")
def report(run) -> dict:
    (line,) = run.stdout.splitlines()
    return json.loads(line)


def _equation(report: dict, line: int, verdict: str | None = None) -> dict:
    return next(e for e in report["equations"] if e["line"] == line and verdict in (None, e["verdict"]))


def test_the_copy_is_the_seed() -> None:
    shared = Path("/work/shared/seed/000_1a0ae137ec7ca028.txt")
    if shared.exists():
        assert shared.read_bytes() == SEED.read_bytes()


def test_exit_code_1_and_nothing_on_stderr(run) -> None:
    assert run.returncode == 1, run.stderr
    assert run.stderr == ""


def test_every_verdict(report) -> None:
    assert report["file"] == str(SEED)
    assert report["size"] == "k"
    assert report["verdict"] == "failed"
    assert [(e["line"], e["verdict"]) for e in report["equations"]] == [
        (7, "unsupported"),  # z_o = \sum_{j \in input(o)} z_j w_{j \rightarrow o}
        (10, "definition"),  # \hat{y}_o = e^{z_o} / \sum_k e^{z_k}
        (15, "unsupported"),  # L = -1/N \sum_{n \in N} \sum_{i \in C} ...
        (17, "definition"),  # L = -\sum_o y_o \ln \hat{y}_o
        (17, "ill-formed"),  # the chain rule without its sum over o
        (20, "verified"),  # Case 1
        (21, "verified"),
        (23, "refuted"),  # Case 2: d yhat_i / d z_i
        (24, "verified"),
        (24, "ill-formed"),  # dL/dyhat_o = -\sum_o y_o / yhat_o
        (24, "verified"),  # dL/dz_i = -\sum_o y_o / yhat_o dyhat_o/dz_i
        (26, "verified"),
        (27, "verified"),
        (27, "verified"),
        (28, "verified"),
        (28, "verified"),
        (29, "verified"),  # dL/dz_i = yhat_i - y_i, under \sum_o y_o = 1
    ]
    assert report["counts"] == {
        "verified": 10, "checked": 0, "refuted": 1, "ill-formed": 2, "unknown": 0,
        "unsupported": 2, "definition": 2, "assumption": 0,
    }


def test_unsupported_lines_say_why(report) -> None:
    assert "arrows (\\rightarrow" in _equation(report, 7)["reason"]
    assert "sums over a set" in _equation(report, 15)["reason"]


def test_case_2_is_refuted_with_a_counterexample(report) -> None:
    eq = _equation(report, 23)
    first, second = eq["links"]
    assert first["verdict"] == "refuted"
    assert first["conditions"] == [r"i \neq o"]
    c = first["counterexample"]
    assert c["size"] == "k" and c["k"] >= 2
    assert set(c["indices"]) == {"i", "o"} and c["indices"]["i"] != c["indices"]["o"]
    assert any(name.startswith("z[") for name in c["values"])
    assert float(c["lhs"]) != float(c["rhs"])
    assert first["detail"].startswith("counterexample: k = ")
    assert second["verdict"] == "proved"  # the rest of the line is right for yhat_o


def test_the_chain_rule_without_its_sum_is_ill_formed_and_the_sum_repairs_it(report) -> None:
    (link,) = _equation(report, 17, "ill-formed")["links"]
    assert link["detail"].startswith("the left side has free index i, the right side has free indices i and o")
    assert "it holds (proved) with a sum over o on the right side" in link["detail"]


def test_the_captured_summation_index_is_ill_formed_and_dropping_the_sum_repairs_it(report) -> None:
    eq = _equation(report, 24, "ill-formed")
    assert eq["latex"] == r"\frac{\partial L}{\partial \hat{y}_o} = - \sum_o \frac{1}{\hat{y}_o} y_o"
    (link,) = eq["links"]
    assert link["detail"].startswith("the left side has free index o, the right side has no free index")
    assert "it holds (proved) without the sum over o on the right side" in link["detail"]


def test_the_result_is_verified_under_the_stated_constraint(report) -> None:
    last = report["equations"][-1]
    assert last["latex"] == r"\frac{\partial L}{\partial z_i} = \hat{y}_i - y_i"
    (link,) = last["links"]
    assert link["verdict"] == "proved"
    assert link["conditions"] == [r"\sum_{o=1}^{k} y_{o} = 1"]
    assert [e["method"] for e in link["evidence"]] == ["symbolic", "exact", "numeric"]
    assert all(e["outcome"] == "pass" for e in link["evidence"])


def test_the_context_as_read(report) -> None:
    notes = [(n["line"], n["latex"], n["role"]) for n in report["context"]]
    assert (16, "N = 1", "assumption") in notes  # "Let us assume $N = 1$" (not used: N appears nowhere)
    assert (17, r"y_o \in \{0,1\}", "assumption") in notes  # recorded, not used by the verifier
    assert (17, "y_o=1", "ignored") in notes  # "if $y_o=1$": hypothetical
    assert (17, r"i \neq o", "ignored") in notes  # prose, not a case
    assert (19, "i = o", "case") in notes
    assert (22, r"i \neq o", "case") in notes
    assert (28, "y_o = 1", "ignored") in notes  # one element
    assert (28, r"\sum_o y_o = 1", "assumption") in notes


def test_case_conditions_apply_only_to_links_using_both_indices(report) -> None:
    assert [link["conditions"] for link in _equation(report, 20)["links"]] == [["i = o"], [], []]
    loss_derivative = [e for e in report["equations"] if e["line"] == 24][2]
    assert loss_derivative["links"][0]["conditions"] == []  # no o free: the case i != o does not apply


def test_the_readme_excerpt_is_what_the_command_prints() -> None:
    """README quotes a text report of the seed; every quoted line (but the '...' elisions) must be a
    line the command prints today, so the quote cannot drift from the tool."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quoted = "../shared/seed/000_1a0ae137ec7ca028.txt"
    start = readme.index("```\n" + quoted)
    block = readme[start + 4 : readme.index("```", start + 4)].splitlines()
    r = subprocess.run([sys.executable, "-m", "derive", "check", str(SEED)], capture_output=True, text=True, cwd=ROOT,
                       env={**os.environ, "NO_COLOR": "1"}, timeout=900)
    printed = set(r.stdout.replace(str(SEED), quoted).splitlines())
    missing = [line for line in block if line != "..." and line not in printed]
    assert len(block) > 10 and not missing, missing

"""`derive check` on real documents written by others (tests/check/real/, see corpus.py).

Two things are tested: that every truth file agrees with the SymPy script that established it
(never with derive), and that derive never cries wolf on these documents (no correct equation
refuted, no wrong one verified). The decided share and the errors caught are printed, and held
to floors measured on this corpus so that a change that reads less fails here.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import runpy
import sys

import pytest

from tests.check import corpus

ESTABLISH = corpus.REAL / "establish"
PAIRS = corpus.documents()

# Floors measured on this corpus (python tests/check/corpus.py); raise them as the reader grows.
MIN_DECIDED_SHARE = 0.17  # measured: 772 of 4487 (17.2 %), with the blind e- to zzl- documents
MIN_CAUGHT = 28  # measured: 28 of the 311 errors marked

# False passes the maintainers dispute, each with the reason; the test fails if one disappears, so
# this list cannot go stale. Every other false pass fails the test.
DISPUTED_PASSES = {
    # the truth marks the row fails for its definition P(D=1|w,c) = sigma(v_c^T v_w), which later rows
    # write with u_w; derive takes a definition as given, and the row's one claim (sigma written out) holds
    "f-stanfordnlp-word2vec-softmax-loss.tex:112",
    # '&= -y_{i,k}/\hat{y}_{i,k}' after '\partial CCE/\partial \hat{y}_{i,k} &= -y_{i,k} \partial \log \hat{y}_{i,k}/...':
    # the truth compares the row with the chain's head (the mean's derivative lacks 1/n), derive the
    # row with the row before it (the step, which holds); the head's own row is not decided
    "zs-mikelmg-mse-bce-cce-gradients.md:84",
}


def test_corpus_is_real_and_diverse() -> None:
    assert len(PAIRS) >= 30, f"{len(PAIRS)} documents"
    authors = {json.loads(t.read_text(encoding="utf-8"))["author"].lower() for _, t in PAIRS}
    assert len(authors) >= 20, f"{len(authors)} authors"
    for doc, truth in PAIRS:
        meta = json.loads(truth.read_text(encoding="utf-8"))
        assert meta["source"] and meta["author"], truth.name
        lines = doc.read_text(encoding="utf-8").split("\n")
        for row in meta["equations"]:
            assert row["truth"] in ("holds", "holds-under", "fails", "definition", "not-a-claim"), (truth.name, row)
            assert 1 <= row["line"] <= len(lines), (truth.name, row["line"])


@pytest.mark.parametrize("doc,truth", PAIRS, ids=[d.name for d, _ in PAIRS])
def test_truth_file_matches_its_sympy_script(doc, truth) -> None:
    script = ESTABLISH / (truth.name[: -len(".truth.json")] + ".py")
    meta = json.loads(truth.read_text(encoding="utf-8"))
    expected = {r["line"]: ("holds" if r["truth"] == "holds-under" else r["truth"]) for r in meta["equations"]}
    out = io.StringIO()
    sys.path.insert(0, str(ESTABLISH))
    sys.modules.pop("_common", None)  # a fresh helper module per script: one may replace its comparison
    try:
        with contextlib.redirect_stdout(out):
            runpy.run_path(str(script), run_name="__main__")
    except SystemExit as exc:
        assert not exc.code, f"{script.name} exited {exc.code}"
    finally:
        sys.path.remove(str(ESTABLISH))
        sys.modules.pop("_common", None)
    printed = {int(m.group(1)): m.group(2) for m in re.finditer(r"^line (\d+): (holds|fails)\s*$", out.getvalue(), re.M)}
    assert printed, f"{script.name} printed no verdicts"
    for line, verdict in printed.items():
        assert expected.get(line) == verdict, f"{truth.name} line {line}: script says {verdict}, truth file {expected.get(line)}"
    checked = {line for line, t in expected.items() if t in ("holds", "fails")}
    assert checked <= set(printed), f"{truth.name}: rows without a SymPy check: {sorted(checked - set(printed))}"


def test_no_false_alarm_no_false_pass_on_real_documents(capsys) -> None:
    score = corpus.score_all()
    with capsys.disabled():
        print("\n" + "\n".join("derive check on real documents: " + line for line in score.lines()))
    assert score.false_alarms == [], "\n".join(score.false_alarms)
    passes = {p.split(": ")[0] for p in score.false_passes}
    assert passes == DISPUTED_PASSES, "\n".join(score.false_passes)
    assert score.decided / score.rows >= MIN_DECIDED_SHARE
    assert score.caught >= MIN_CAUGHT

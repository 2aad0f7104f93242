"""Score `derive check` on the corpus of real documents under tests/check/real/.

Each document is kept verbatim beside ``<slug>.truth.json``: one entry per display-equation row
(``line`` in the stored file, ``truth``: holds, holds-under, fails, definition, not-a-claim),
established by the SymPy script ``establish/<slug>.py`` (run by the tests), never by derive.

A reported equation covers the truth rows from its line up to the next reported equation. It is
a false alarm when refuted or ill-formed while none of its rows fails, a false pass when verified
or checked while one of them fails. Run ``python tests/check/corpus.py`` for the figures.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REAL = Path(__file__).with_name("real")
CLAIMS = ("holds", "holds-under", "fails")
DECIDED = ("verified", "checked", "refuted", "ill-formed")
FAILED = ("refuted", "ill-formed")
PASSED = ("verified", "checked")


@dataclass
class Score:
    documents: int = 0
    authors: set[str] = field(default_factory=set)
    rows: int = 0  #: truth rows that are not definitions
    claims: int = 0  #: rows that hold or fail (checkable claims)
    decided: int = 0  #: of the rows that are not definitions, those inside a decided equation
    decided_claims: int = 0
    errors: int = 0  #: rows marked fails
    caught: int = 0  #: of those, inside a refuted or ill-formed equation
    false_alarms: list[str] = field(default_factory=list)
    false_passes: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def merge(self, other: Score) -> None:
        for name in ("documents", "rows", "claims", "decided", "decided_claims", "errors", "caught"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.authors |= other.authors
        self.false_alarms += other.false_alarms
        self.false_passes += other.false_passes
        self.missed += other.missed

    def lines(self) -> list[str]:
        share = self.decided / self.rows if self.rows else 0.0
        claim_share = self.decided_claims / self.claims if self.claims else 0.0
        return [
            f"real documents: {self.documents} by {len(self.authors)} authors",
            f"decided: {self.decided} of {self.rows} display equations that are not definitions ({share:.1%});"
            f" {self.decided_claims} of {self.claims} checkable claims ({claim_share:.1%})",
            f"errors marked in the truth files: {self.errors}, caught: {self.caught}",
            f"false alarms (a correct equation refuted or ill-formed): {len(self.false_alarms)}",
            f"false passes (a wrong equation verified or checked): {len(self.false_passes)}",
        ]


def documents() -> list[tuple[Path, Path]]:
    """(document, truth file) pairs."""
    pairs = []
    for truth in sorted(REAL.glob("*.truth.json")):
        stem = truth.name[: -len(".truth.json")]
        docs = [p for p in REAL.glob(stem + ".*") if p != truth]
        if len(docs) != 1:
            raise AssertionError(f"{truth.name}: expected one document named {stem}.*, found {len(docs)}")
        pairs.append((docs[0], truth))
    return pairs


def score_document(doc: Path, truth_path: Path, score: Score) -> None:
    from derive.check.checker import CheckOptions, check_text

    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    rows = sorted(truth["equations"], key=lambda e: e["line"])
    report = check_text(doc.read_text(encoding="utf-8"), doc.name, CheckOptions(timeout=60.0))
    shown = sorted((e for e in report.equations if e.kind == "display"), key=lambda e: e.line)
    score.documents += 1
    score.authors.add(truth["author"].lower())
    owners = _owners(rows, shown)
    paired = {owner for row, owner in zip(rows, owners, strict=True) if owner is not None and sum(e.line == row["line"] for e in shown) > 1
              and sum(e.line == row["line"] for e in shown) == sum(r["line"] == row["line"] for r in rows)}
    for n, eq in enumerate(shown):
        if n in paired:  # one of several rows written on one line: its own row
            covered = [r for r, owner in zip(rows, owners, strict=True) if owner == n]
        else:  # the rows from its line up to the next equation's
            end = next((e.line for e in shown[n + 1 :] if e.line > eq.line), 10**9)
            covered = [r for r in rows if eq.line <= r["line"] < end]
        verdict = eq.verdict.value
        where = f"{doc.name}:{eq.line}"
        if verdict in FAILED and not any(r["truth"] == "fails" for r in covered):
            score.false_alarms.append(f"{where}: {verdict} but the truth is {[r['truth'] for r in covered]}: {eq.reason[:160]}")
        if verdict in PASSED and any(r["truth"] == "fails" for r in covered):
            score.false_passes.append(f"{where}: {verdict} but a row fails")
    for row, owner in zip(rows, owners, strict=True):
        if row["truth"] == "definition":
            continue
        score.rows += 1
        claim = row["truth"] in CLAIMS
        score.claims += claim
        score.errors += row["truth"] == "fails"
        eq = shown[owner] if owner is not None else None
        decided = eq is not None and eq.verdict.value in DECIDED
        if decided:
            score.decided += 1
            score.decided_claims += claim
        elif claim:
            score.missed.append(f"{doc.name}:{row['line']}: {eq.verdict.value if eq else 'not seen'}: {(eq.reason if eq else '')[:140]}")
        if row["truth"] == "fails" and eq is not None and eq.verdict.value in FAILED:
            score.caught += 1


def _score_one(pair: tuple[Path, Path]) -> Score:
    score = Score()
    score_document(*pair, score)
    return score


def _owners(rows: list[dict], shown: list) -> list[int | None]:
    """For each truth row, the reported equation it belongs to (an index into ``shown``, or None): the
    last one at or before its line; where a line holds several rows and as many equations (an align
    written on one line), the one in the same place in order."""
    at_line: dict[int, list[int]] = {}
    for n, eq in enumerate(shown):
        at_line.setdefault(eq.line, []).append(n)
    rows_at: dict[int, list[int]] = {}
    for m, row in enumerate(rows):
        rows_at.setdefault(row["line"], []).append(m)
    owners: list[int | None] = []
    for m, row in enumerate(rows):
        same = at_line.get(row["line"], [])
        if len(same) > 1 and len(same) == len(rows_at[row["line"]]):
            owners.append(same[rows_at[row["line"]].index(m)])
            continue
        before = [n for n, eq in enumerate(shown) if eq.line <= row["line"]]
        owners.append(before[-1] if before else None)
    return owners


def score_all(processes: int | None = None) -> Score:
    """Every document scored, ``processes`` at a time (default: one per core); the figures do not
    depend on how many (each document is checked on its own, and merged in order)."""
    pairs = documents()
    processes = processes or os.cpu_count() or 1
    if processes > 1:
        with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork")) as pool:
            parts = list(pool.map(_score_one, pairs, chunksize=1))
    else:
        parts = [_score_one(pair) for pair in pairs]
    score = Score()
    for part in parts:
        score.merge(part)
    return score


if __name__ == "__main__":  # python tests/check/corpus.py [-v]
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    result = score_all()
    print("\n".join(result.lines()))
    for title, items in (("false alarms", result.false_alarms), ("false passes", result.false_passes)):
        for item in items:
            print(f"  {title}: {item}")
    if "-v" in sys.argv:
        for item in result.missed:
            print(f"  not decided: {item}")

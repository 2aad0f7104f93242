"""Re-check a certificate using only what is in it: definitions, assumptions, conditions, chains.

Every expression is rebuilt from its ``srepr`` text by `derive.srepr.parse_srepr` (parsed, never
evaluated; SymPy classes on an allow-list only) after bounds on sizes and numbers are checked, and
every chain is verified by `derive.verify.verify_chain` with a `Context` made from the certificate
alone. The verdicts recorded in the certificate are compared, never trusted. A malformed
certificate raises `CertificateError` (exit 2) with a one-line reason.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sympy import Basic, Eq, Expr, Indexed, Symbol
from sympy.core.function import AppliedUndef
from sympy.core.relational import Relational
from sympy.logic.boolalg import BooleanAtom

from . import registry
from .certificate import SCHEMA
from .files import read_bytes
from .srepr import MAX_POWER, MAX_SUM_BOUND, CertificateError, parse_srepr
from .steps import Definition
from .verify import ChainReport, Context, Evidence, LinkReport, Settings, Verdict, worst

__all__ = [
    "MAX_BYTES",
    "MAX_STEPS",
    "MAX_MEMBERS",
    "MAX_POWER",
    "MAX_SUM_BOUND",
    "MAX_FREE_INDICES",
    "MAX_K",
    "DEFAULT_TIMEOUT",
    "Claim",
    "ParsedCertificate",
    "RecheckedStep",
    "Recheck",
    "load_certificate",
    "parse_certificate",
    "recheck",
    "mismatches",
]

MAX_BYTES = 20_000_000  #: a certificate file larger than this is refused
MAX_STEPS = 5_000  #: steps in one certificate
MAX_MEMBERS = 200  #: members of one chain
MAX_FREE_INDICES = 6  #: free index symbols of one step (instances enumerate k^n placements)
MAX_K = registry.MAX_K  #: Eq(k, N) conditions: N at most this (as ``--k``)
DEFAULT_TIMEOUT = 60.0  #: seconds to verify one step (``--timeout``)


@dataclass(frozen=True)
class Claim:
    """A step as the certificate states it, rebuilt."""

    id: str
    title: str
    recorded: str | None  # the verdict the certificate claims (never trusted)
    chain: tuple[Expr, ...]
    conditions: tuple[Basic, ...]


@dataclass(frozen=True)
class ParsedCertificate:
    derivation: str
    k: int | None
    context: Context
    claims: tuple[Claim, ...]
    instance: str | None  # the recorded instance verdict, which a certificate cannot re-establish


@dataclass(frozen=True)
class RecheckedStep:
    claim: Claim
    report: ChainReport

    @property
    def verdict(self) -> Verdict:
        return self.report.verdict


@dataclass(frozen=True)
class Recheck:
    certificate: ParsedCertificate
    steps: tuple[RecheckedStep, ...]

    @property
    def verdict(self) -> Verdict:
        return worst(s.verdict for s in self.steps)


# --------------------------------------------------------------------------- reading


def load_certificate(path: Path) -> dict[str, Any]:
    """The JSON object in ``path``; `CertificateError` for anything that is not one."""
    data = read_bytes(path, MAX_BYTES, CertificateError)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CertificateError(f"{str(path)!r} is not UTF-8 text (not a certificate)") from None
    try:
        cert = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CertificateError(f"{str(path)!r} is not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except (RecursionError, ValueError) as exc:
        raise CertificateError(f"{str(path)!r} is not usable JSON: {type(exc).__name__}") from None
    if not isinstance(cert, dict):
        raise CertificateError(f"{str(path)!r} holds a JSON {type(cert).__name__}, not a certificate object")
    return cert


def _get(obj: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in obj:
        raise CertificateError(f"{where} has no {key!r}")
    value = obj[key]
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise CertificateError(f"{where}: {key!r} must be a {names}, got {type(value).__name__}")
    return value


def _strings(obj: dict[str, Any], key: str, where: str, *, at_least: int = 0, at_most: int = MAX_MEMBERS) -> list[str]:
    items = _get(obj, key, list, where)
    if not at_least <= len(items) <= at_most:
        raise CertificateError(f"{where}: {key!r} must have {at_least} to {at_most} entries, got {len(items)}")
    for n, item in enumerate(items):
        if not isinstance(item, str):
            raise CertificateError(f"{where}: {key}[{n}] must be an srepr string, got {type(item).__name__}")
    return items


def _expr(text: str, where: str) -> Basic:
    try:
        return parse_srepr(text)
    except CertificateError as exc:
        raise CertificateError(f"{where}: {exc.message}") from None


def _member(text: str, where: str) -> Expr:
    e = _expr(text, where)
    if not isinstance(e, Expr):
        raise CertificateError(f"{where}: a chain member must be an expression, got {type(e).__name__}")
    return e


def _condition(text: str, where: str) -> Basic:
    c = _expr(text, where)
    if not isinstance(c, (Relational, BooleanAtom)):
        raise CertificateError(f"{where}: a condition must be a relation, got {type(c).__name__}")
    return c


def parse_certificate(cert: dict[str, Any]) -> ParsedCertificate:
    """Validate the structure and rebuild every expression; `CertificateError` on any defect."""
    from .calculus import free_indices

    if not isinstance(cert, dict):
        raise CertificateError("a certificate is a JSON object")
    schema = cert.get("schema")
    if schema != SCHEMA:
        raise CertificateError(f"unknown certificate schema {schema!r}", hint=f"expected {SCHEMA!r}")
    name = cert.get("derivation", "")
    name = name if isinstance(name, str) else ""
    k = cert.get("k")
    k = k if isinstance(k, int) and not isinstance(k, bool) else None
    size_text = _get(cert, "size", (str, type(None)), "the certificate")
    size = _expr(size_text, "size") if size_text is not None else None
    if size is not None and not isinstance(size, Symbol):
        raise CertificateError(f"size: must be a symbol, got {type(size).__name__}")
    definitions = []
    for n, d in enumerate(_get(cert, "definitions", list, "the certificate")):
        where = f"definitions[{n}]"
        if not isinstance(d, dict):
            raise CertificateError(f"{where} must be an object")
        lhs = _expr(_get(d, "lhs", str, where), f"{where}.lhs")
        rhs = _member(_get(d, "rhs", str, where), f"{where}.rhs")
        if not isinstance(lhs, (Symbol, Indexed, AppliedUndef)):
            raise CertificateError(f"{where}.lhs: must be a symbol, an indexed symbol or a function, got {type(lhs).__name__}")
        dname = d.get("name", "")
        definitions.append(Definition(lhs, rhs, dname if isinstance(dname, str) else ""))
    assumptions = tuple(_condition(a, f"assumptions[{n}]") for n, a in enumerate(_strings(cert, "assumptions", "the certificate", at_most=MAX_MEMBERS)))
    steps = _get(cert, "steps", list, "the certificate")
    if len(steps) > MAX_STEPS:
        raise CertificateError(f"{len(steps)} steps, above the limit of {MAX_STEPS}")
    result = _get(cert, "result", dict, "the certificate")
    claims = []
    for n, s in enumerate([*steps, {"id": "result", "title": "Result", **result}]):
        where = f"steps[{n}]" if n < len(steps) else "result"
        if not isinstance(s, dict):
            raise CertificateError(f"{where} must be an object")
        sid = _get(s, "id", str, where)
        where = f"step {sid!r}" if n < len(steps) else "result"
        chain = tuple(_member(m, f"{where}, chain[{j}]") for j, m in enumerate(_strings(s, "chain", where, at_least=2)))
        conditions = tuple(_condition(c, f"{where}, conditions[{j}]") for j, c in enumerate(_strings(s, "conditions", where)))
        for c in conditions:
            if isinstance(c, Eq) and size is not None and c.lhs == size and c.rhs.is_Integer and int(c.rhs) > MAX_K:
                raise CertificateError(f"{where}: size condition k = {c.rhs} is above the limit of {MAX_K}")
        sizes = {int(c.rhs) for c in [*assumptions, *conditions]
                 if isinstance(c, Eq) and size is not None and c.lhs == size and c.rhs.is_Integer}
        if len(sizes) > 1:
            raise CertificateError(f"{where}: conflicting sizes {sorted(sizes)}")
        found: set[Basic] = set()
        for e in [*chain, *conditions]:
            found |= free_indices(e)
        found.discard(size)
        if len(found) > MAX_FREE_INDICES:
            raise CertificateError(f"{where}: {len(found)} free indices, above the limit of {MAX_FREE_INDICES}")
        title = s.get("title", sid)
        recorded = s.get("verdict")
        claims.append(Claim(sid, title if isinstance(title, str) else sid, recorded if isinstance(recorded, str) else None,
                            chain, conditions))
    inst = cert.get("instance")
    instance = inst.get("verdict") if isinstance(inst, dict) and isinstance(inst.get("verdict"), str) else None
    ctx = Context(size, tuple(definitions), assumptions, Settings())
    return ParsedCertificate(name, k, ctx, tuple(claims), instance)


# --------------------------------------------------------------------------- checking


def _unknown(claim: Claim, detail: str) -> ChainReport:
    ev = (Evidence("recheck", "error", detail),)
    return ChainReport(tuple(LinkReport(Verdict.UNKNOWN, ev) for _ in claim.chain[1:]))


def recheck(
    cert: dict[str, Any] | ParsedCertificate,
    progress: Callable[[str, int, int], None] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Recheck:
    """Verify every step and the result of ``cert`` from its own contents.

    Each step not answered by the cache is verified in a worker process with ``timeout`` seconds
    (None: in this process, without a limit); a step past its limit, or on which the verifier
    fails, is unknown, never proved.
    """
    from .cache import lookup, store
    from .worker import Job, run_jobs

    parsed = cert if isinstance(cert, ParsedCertificate) else parse_certificate(cert)
    claims = parsed.claims
    reports: list[ChainReport | None] = []
    keys: list[str | None] = []
    for claim in claims:
        key, found = lookup(claim.chain, claim.conditions, parsed.context)
        keys.append(key)
        reports.append(found)
    todo = [n for n, r in enumerate(reports) if r is None]
    jobs = [Job(claims[n].chain, claims[n].conditions, parsed.context) for n in todo]
    answered = len(claims) - len(todo)

    def step(done: int, total: int) -> None:
        if progress and done:
            progress(f"step {claims[todo[done - 1]].id}", answered + done, len(claims))

    for n, outcome in zip(todo, run_jobs(jobs, timeout=timeout, progress=step)):
        if outcome.report is None:
            reports[n] = _unknown(claims[n], outcome.failure)
        else:
            reports[n] = outcome.report
            store(keys[n], outcome.report)
    return Recheck(parsed, tuple(RecheckedStep(c, r) for c, r in zip(claims, reports, strict=True)))  # type: ignore[arg-type]


def mismatches(result: Recheck) -> Sequence[str]:
    """Steps whose recorded verdict differs from the recomputed one."""
    return [f"{s.claim.id}: recorded {s.claim.recorded}, rechecked {s.verdict.value}"
            for s in result.steps if s.claim.recorded is not None and s.claim.recorded != s.verdict.value]

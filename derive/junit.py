"""JUnit XML for verification results: one testsuite per target, one testcase per claim.

A refuted claim is a ``<failure>`` carrying its counterexample; an unknown one is ``<skipped>``
(a ``<failure>`` under ``--strict``); a target that failed to build is an ``<error>``. The evidence
of every claim is in its ``<system-out>``. Built with `xml.etree.ElementTree`, which escapes
markup; characters that XML 1.0 cannot carry at all (control characters) are written as ``\\xNN``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from .runs import Case, TargetResult

__all__ = ["junit_xml", "xml_text"]

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids written as ``\\xNN`` (``\\uNNNN``)."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}", text)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        el.text = xml_text(text)
    return el


def _testcase(suite: ET.Element, classname: str, case: Case, strict: bool) -> None:
    tc = _sub(suite, "testcase", classname=classname, name=case.id)
    if case.verdict == "refuted":
        detail = "\n".join(case.counterexamples) or "refuted"
        _sub(tc, "failure", detail, message=f"refuted: {case.counterexamples[0] if case.counterexamples else case.title}", type="refuted")
    elif case.verdict == "unknown":
        if strict:
            _sub(tc, "failure", "undecided under --strict", message="unknown: the step could not be decided", type="unknown")
        else:
            _sub(tc, "skipped", message="unknown: the step could not be decided")
    body = [f"{case.title}: {case.verdict}", *case.evidence]
    _sub(tc, "system-out", "\n".join(body) + "\n")


def junit_xml(results: Sequence[TargetResult], *, strict: bool) -> str:
    """The JUnit XML document (UTF-8 text with an XML declaration)."""
    root = ET.Element("testsuites", {"name": "derive verify"})
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    total_time = 0.0
    for r in results:
        cases = list(r.cases)
        n = {
            "tests": len(cases) if r.error is None else 1,
            "failures": sum(c.verdict == "refuted" or (strict and c.verdict == "unknown") for c in cases),
            "errors": int(r.error is not None),
            "skipped": 0 if strict else sum(c.verdict == "unknown" for c in cases),
        }
        suite = _sub(root, "testsuite", name=r.target.stem, **{k: str(v) for k, v in n.items()}, time=f"{r.seconds:.3f}")
        if r.error is not None:
            tc = _sub(suite, "testcase", classname=r.target.stem, name="build")
            _sub(tc, "error", r.error, message=r.error.splitlines()[0] if r.error else "error", type="error")
        for case in cases:
            _testcase(suite, r.target.stem, case, strict)
        for key in totals:
            totals[key] += n[key]
        total_time += r.seconds
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", f"{total_time:.3f}")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=False).join(['<?xml version="1.0" encoding="UTF-8"?>\n', "\n"])

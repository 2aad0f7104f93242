"""Machine formats of a `derive check` run: GitHub workflow annotations and JUnit XML.

Like ruff's ``--output-format github``: one ``::error`` line per refuted or ill-formed equation and
one ``::warning`` per unknown or unsupported one (with the reason), each at the file and line of
the equation, so a pull request shows them beside the diff. JUnit XML has one testsuite per file
and one testcase per equation that is checked; a failure carries the counterexample.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from derive.check.report import EquationVerdict, FileReport
from derive.junit import xml_text

__all__ = ["github_annotations", "junit_check"]

_FAILED = (EquationVerdict.REFUTED, EquationVerdict.ILL_FORMED)
_UNDECIDED = (EquationVerdict.UNKNOWN, EquationVerdict.UNSUPPORTED)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _message(eq) -> str:
    reason = eq.reason or next((link.detail for link in eq.links if link.detail and link.verdict.value != "proved"), "")
    latex = " ".join(eq.latex.split())
    latex = latex if len(latex) <= 120 else latex[:119] + "…"
    return f"{eq.verdict.value}: {latex}" + (f" — {reason}" if reason else "")


def github_annotations(report: FileReport) -> str:
    """The annotation lines for one file (possibly none), each ending in a newline."""
    lines = []
    for eq in sorted(report.equations, key=lambda e: (e.line, e.order)):
        if eq.verdict in _FAILED:
            level = "error"
        elif eq.verdict in _UNDECIDED:
            level = "warning"
        else:
            continue
        title = f"derive check: {eq.verdict.value}"
        lines.append(f"::{level} file={_property(report.file)},line={eq.line},title={_property(title)}::{_data(_message(eq))}")
    lines.extend(f"::warning file={_property(report.file)},title=derive check::{_data(w)}" for w in report.warnings)
    return "".join(line + "\n" for line in lines)


def junit_check(reports: Sequence[FileReport], *, strict: bool = False) -> str:
    """JUnit XML for the whole run: unknown and unsupported equations are skipped (failures under ``strict``)."""
    root = ET.Element("testsuites", name="derive check")
    for report in reports:
        cases = [e for e in report.equations if e.verdict not in (EquationVerdict.DEFINITION, EquationVerdict.ASSUMPTION)]
        failed = sum(1 for e in cases if e.verdict in _FAILED or (strict and e.verdict in _UNDECIDED))
        skipped = 0 if strict else sum(1 for e in cases if e.verdict in _UNDECIDED)
        suite = ET.SubElement(
            root, "testsuite", name=xml_text(report.file), tests=str(len(cases)), failures=str(failed), skipped=str(skipped)
        )
        for eq in cases:
            case = ET.SubElement(suite, "testcase", classname=xml_text(report.file), name=xml_text(f"line {eq.line}: {' '.join(eq.latex.split())[:200]}"))
            if eq.verdict in _FAILED or (strict and eq.verdict in _UNDECIDED):
                ET.SubElement(case, "failure", message=xml_text(_message(eq)[:500])).text = xml_text(_message(eq))
            elif eq.verdict in _UNDECIDED:
                ET.SubElement(case, "skipped", message=xml_text(_message(eq)[:500]))
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

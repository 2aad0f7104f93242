"""`derive check`: scan a Markdown/LaTeX document, parse its math into SymPy, check every equation."""

from __future__ import annotations

from derive.check.checker import CheckOptions, Plan, check_document, check_text, plan_document
from derive.check.document import Block, Document, DocumentError, Heading, Inline, scan
from derive.check.report import EquationVerdict, FileReport, LinkVerdict, exit_code, render_text, to_json
from derive.check.parser import (
    CONTINUE,
    Membership,
    ParseError,
    Unsupported,
    parse_chain,
    parse_expr,
    parse_relation,
)

__all__ = [
    "CONTINUE",
    "Block",
    "CheckOptions",
    "Document",
    "DocumentError",
    "EquationVerdict",
    "FileReport",
    "Heading",
    "Inline",
    "LinkVerdict",
    "Membership",
    "ParseError",
    "Plan",
    "Unsupported",
    "check_document",
    "check_text",
    "exit_code",
    "parse_chain",
    "parse_expr",
    "parse_relation",
    "plan_document",
    "render_text",
    "scan",
    "to_json",
]

"""Front end of `derive check`: scan a Markdown/LaTeX document and parse its math into SymPy."""

from __future__ import annotations

from derive.check.document import Block, Document, DocumentError, Heading, Inline, scan
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
    "Document",
    "DocumentError",
    "Heading",
    "Inline",
    "Membership",
    "ParseError",
    "Unsupported",
    "parse_chain",
    "parse_expr",
    "parse_relation",
    "scan",
]

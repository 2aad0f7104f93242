"""Jinja environment and template lookup: view dictionaries in, document text out.

Templates live in the top-level ``templates/`` directory; the wheel carries them as
``derive/templates`` (hatchling ``force-include``), and a source checkout or editable install
falls back to the top-level directory.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["render", "template_dirs"]


def template_dirs() -> list[Path]:
    """Where templates are looked up, packaged copy first."""
    here = Path(__file__).resolve().parent
    return [p for p in (here / "templates", here.parent / "templates") if p.is_dir()]


@lru_cache(maxsize=1)
def _environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in template_dirs()]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        block_start_string="<%",
        block_end_string="%>",
        variable_start_string="<<",
        variable_end_string=">>",
        comment_start_string="<#",
        comment_end_string="#>",
    )


def render(template: str, view: dict[str, Any]) -> str:
    """Render ``template`` (e.g. ``derivation.tex.j2``) with ``view``; the text ends with one newline."""
    text = _environment().get_template(template).render(**view)
    return text.rstrip("\n") + "\n"

"""What `derive gradient` is asked: definitions, assumptions, the target and the variable, as text.

A `Spec` comes from the command line (``--define``, ``--assume``, ``--wrt``, ``--of``, ``--name``,
``--title``) or from a spec file: a Markdown (or LaTeX) document whose front matter holds the
definitions and assumptions under ``derive:`` (exactly as `derive check` reads them) and the
target under ``gradient:``, and whose display equations may hold further definitions and
assumptions::

    ---
    derive:
      define:
        - '\\hat{y}_o = \\frac{e^{z_o}}{\\sum_{j=1}^{k} e^{z_j}}'
      assume:
        - '\\sum_{o=1}^{k} y_o = 1'
    gradient:
      wrt: 'z_i'
      of: 'L'
      name: my-loss
      title: 'Softmax and cross-entropy'
    ---

    $$L = -\\sum_{o=1}^{k} y_o \\ln \\hat{y}_o$$

Nothing here parses math or imports SymPy (the registry reads a spec's name cheaply); the LaTeX
is read by `derive.gradient.problem` with `derive check`'s grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import InputError, UsageError
from ..files import read_text

__all__ = ["Spec", "read_spec", "spec_from_text", "check_name", "GRADIENT_KEYS", "MAX_SPEC_BYTES"]

#: Keys of the ``gradient:`` block of a spec's front matter (any other is an error).
GRADIENT_KEYS = ("wrt", "of", "name", "title")
#: The largest spec file read (a spec holds a handful of definitions).
MAX_SPEC_BYTES = 1_000_000
#: Derivation names: they become file names, anchors and LaTeX labels.
_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
#: Outside ``$...$``, a title holds letters, digits, spaces and this punctuation: no character
#: LaTeX or Markdown would read as markup (the math is parsed and printed by derive).
_TITLE_TEXT = re.compile(r"[A-Za-z0-9 ,.:;()'/+=-]*")
MAX_TITLE = 200


@dataclass(frozen=True)
class Spec:
    """The request, as LaTeX text. ``definitions`` and ``assumptions`` come from the command line
    or a spec file's front matter; ``displays`` are the display equations of a spec file's body with
    their 1-based lines, each a definition or an assumption (decided when the math is read)."""

    definitions: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()
    wrt: str | None = None
    of: str | None = None
    name: str | None = None
    title: str | None = None
    source: str = "the command line"
    displays: tuple[tuple[str, int], ...] = ()

    def merged(self, *, definitions: tuple[str, ...] = (), assumptions: tuple[str, ...] = (), wrt: str | None = None,
               of: str | None = None, name: str | None = None, title: str | None = None) -> Spec:
        """This spec with more definitions and assumptions, and the given fields replaced."""
        return replace(
            self,
            definitions=self.definitions + tuple(definitions),
            assumptions=self.assumptions + tuple(assumptions),
            wrt=wrt if wrt is not None else self.wrt,
            of=of if of is not None else self.of,
            name=name if name is not None else self.name,
            title=title if title is not None else self.title,
        )


def check_name(name: str, where: str = "--name") -> str:
    """A derivation name: 1-64 lowercase letters, digits and '-', starting with a letter or digit."""
    if not _NAME.fullmatch(name):
        raise UsageError(f"{where} {name!r} is not a usable name", hint="use lowercase letters, digits and '-', e.g. my-loss")
    return name


def check_title(title: str, where: str = "--title") -> str:
    """A title: words and ``$...$`` math (read later by the grammar), nothing LaTeX could run."""
    if len(title) > MAX_TITLE:
        raise UsageError(f"{where} is longer than {MAX_TITLE} characters")
    words = re.sub(r"\$[^$]*\$", " ", title)
    if title.count("$") % 2 or not _TITLE_TEXT.fullmatch(words):
        raise UsageError(f"{where} {title!r} holds characters a title may not",
                         hint="letters, digits, spaces, , . : ; ( ) ' / + = - and math in $...$")
    return title


# ------------------------------------------------------------------------------------ files

_FM_KEY = re.compile(r"^([ \t]*)([A-Za-z_][\w-]*)[ \t]*:(.*)$")


def _unquote(value: str, where: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return re.sub(r'\\(["\\])', r"\1", value[1:-1])
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if value[:1] in ("'", '"', "[", "{"):
        raise InputError(f"{where}: cannot read {value[:40]!r} (use '...' strings)")
    return value


def _gradient_block(text: str, source: str) -> dict[str, str]:
    """The ``gradient:`` block of a leading ``---`` front matter: ``key: value`` lines."""
    if not text.startswith("---\n"):
        return {}
    end = re.search(r"^(---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if end is None:
        return {}  # `derive check`'s scanner reports an unclosed front matter
    out: dict[str, str] = {}
    inside = False
    indent = -1
    for offset, raw in enumerate(text[4 : 4 + end.start()].split("\n")):
        line = offset + 2
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        m = _FM_KEY.match(raw)
        level = len(raw) - len(raw.lstrip())
        if level == 0:
            inside = bool(m) and m.group(2) == "gradient"
            if inside and m.group(3).strip():
                raise InputError(f"{source}: front matter line {line}: 'gradient:' takes the keys "
                                 f"{', '.join(GRADIENT_KEYS)} on the lines below it")
            continue
        if not inside:
            continue
        where = f"{source}: front matter line {line}"
        if m is None or (indent >= 0 and level != indent):
            raise InputError(f"{where}: expected 'key: value' under 'gradient:'")
        indent = level
        key = m.group(2)
        if key not in GRADIENT_KEYS:
            raise InputError(f"{where}: unknown key {key!r} under 'gradient:'", hint=f"the keys are {', '.join(GRADIENT_KEYS)}")
        if key in out:
            raise InputError(f"{where}: {key!r} is given twice under 'gradient:'")
        value = _unquote(m.group(3).strip(), where)
        if not value:
            raise InputError(f"{where}: {key!r} has no value")
        out[key] = value
    return out


def spec_from_text(text: str, source: str) -> Spec:
    """The spec held by the text of a spec file (``source`` names it in messages)."""
    from ..check.document import scan

    doc = scan(text, name=source)
    front = doc.front_matter
    gradient = _gradient_block(text.replace("\r\n", "\n"), source)
    blocks = [item for item in doc.items if type(item).__name__ == "Block"]
    body = tuple((b.latex, b.line) for b in blocks)  # type: ignore[attr-defined]
    return Spec(
        definitions=tuple(front.get("define", [])),
        assumptions=tuple(front.get("assume", [])),
        wrt=gradient.get("wrt"),
        of=gradient.get("of"),
        name=gradient.get("name") or _stem_name(source),
        title=gradient.get("title"),
        source=source,
        displays=body,
    )


def _stem_name(source: str) -> str | None:
    stem = Path(source).stem.lower()
    return stem if _NAME.fullmatch(stem) else None


def read_spec(path: str) -> Spec:
    """Read the spec file ``path``; a one-line `InputError` if it cannot be used."""
    text = read_text(path, MAX_SPEC_BYTES)
    return spec_from_text(text, path)

"""Scan a Markdown or LaTeX derivation for its math: display blocks, inline math, headings, front matter.

The scanner finds math; it does not parse it (that is :mod:`derive.check.parser`). It is linear in
the size of the document, bounded (:data:`MAX_DOCUMENT` characters) and never evaluates anything.

A display block holding several equations (``a &= b \\\\ c &= d``) is split into one :class:`Block`
per equation; a row that starts with a relation or an operator, or whose first alignment cell is
empty (``&= ...``), continues the previous equation. ``multline`` is never split.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

from derive.check.presentation import ARROWS, WRAPPERS
from derive.check.rows import open_ended
from derive.errors import InputError

__all__ = ["MAX_DOCUMENT", "Block", "Document", "DocumentError", "Heading", "Inline", "guess_kind", "scan"]

MAX_DOCUMENT = 2_000_000  #: largest accepted document, in characters


class DocumentError(InputError):
    """A document that cannot be scanned: binary, too large, or with a malformed front matter."""


@dataclass(frozen=True)
class Block:
    """A display equation (or a chain of them) and the 1-based line where it starts."""

    latex: str
    line: int
    kind: str = "display"
    last_line: int = field(default=0, compare=False)  #: the line where the display closes (0: unknown)
    origin: tuple[int, int] = field(default=(0, 0), compare=False)  #: (line, column) of ``latex[0]`` in the file


@dataclass(frozen=True)
class Inline:
    """Inline math; ``context`` is ``"prose"``, ``"bullet"`` or ``"heading"``; ``before`` is the
    text just before it on its line (up to 80 characters), for the words that introduce it."""

    latex: str
    line: int
    context: str
    before: str = field(default="", compare=False)
    after: str = field(default="", compare=False)  #: the text just after it on its line (up to 80 characters)


@dataclass(frozen=True)
class Heading:
    """A section heading (Markdown ``#``, LaTeX ``\\section``...)."""

    text: str
    line: int


Item = Block | Inline | Heading


@dataclass(frozen=True)
class Document:
    """Everything found, in document order; ``warnings`` lists unclosed math delimiters and such."""

    items: tuple[Item, ...]
    front_matter: dict[str, list[str]] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    one_hot: tuple[tuple[int, str], ...] = ()  #: (line, letter) where the prose calls a letter one-hot
    #: lines where a list may have ended (Markdown: an unindented paragraph of prose; LaTeX: the
    #: end of a list or a blank line), so a bullet's case may no longer apply after them
    breaks: tuple[int, ...] = ()
    #: (line, letter) where the prose names the index of the correct class ("the true class $c$")
    true_class: tuple[tuple[int, str], ...] = ()
    #: lines where the prose names the logistic sigmoid ("sigmoid", "logistic function/regression")
    sigmoid: tuple[int, ...] = ()
    #: lines where the prose says repeated indices are summed ("Einstein notation", "summation convention")
    einstein: tuple[int, ...] = ()
    #: lines where the prose takes one example at a time ("for a single sample i"): its index may be left out
    one_example: tuple[int, ...] = ()


Kind = Literal["md", "tex"]

# ------------------------------------------------------------------------------------ public API


def scan(text: str, *, kind: Kind | None = None, name: str = "") -> Document:
    """Scan ``text`` (Markdown or LaTeX; guessed from ``name`` and content when ``kind`` is None)."""
    if not isinstance(text, str):
        raise DocumentError(f"expected text, got {type(text).__name__}")
    if len(text) > MAX_DOCUMENT:
        raise DocumentError(f"document too large: {len(text)} characters (limit {MAX_DOCUMENT})")
    if "\x00" in text:
        raise DocumentError("this looks like a binary file (it contains NUL bytes)")
    if kind is None:
        kind = guess_kind(text, name)
    if kind not in ("md", "tex"):
        raise DocumentError(f"unknown document kind {kind!r}: expected 'md' or 'tex'")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):  # a byte-order mark
        text = " " + text[1:]
    front, body_start = _front_matter(text)
    masked = " " * body_start + text[body_start:]
    scanner = _Scanner(text, masked, kind)
    scanner.run()
    items = tuple(item for _, item in sorted(scanner.found, key=lambda pair: pair[0]))
    return Document(
        items, front, tuple(scanner.warnings), _one_hot_words(scanner.masked, scanner.line), scanner.list_breaks(),
        _true_class_words(scanner.masked, scanner.line), _sigmoid_words(scanner.masked, scanner.line),
        _lines_of(_EINSTEIN, scanner.masked, scanner.line), _lines_of(_ONE_EXAMPLE, scanner.masked, scanner.line),
    )


_KATEX_SHORTCODE = re.compile(r"\{\{<\s*(/?)katex(?:\s+display)?\s*>\}\}")


def _katex_dollars(m: re.Match[str]) -> str:
    """A Hugo katex shortcode masked as ``$$`` next to the math it opens or closes (same length)."""
    blank = " " * (len(m.group(0)) - 2)
    return "$$" + blank if m.group(1) else blank + "$$"


# words before math on its line (not a list or quote marker, not a number of a list)
_PROSE_BEFORE = re.compile(r"[^\s>*+\-0-9.)]")
_WORDS_AFTER = re.compile(r"[\s,;:.]*[A-Za-z]{2,}")  # a word after a closing $$ on its line
_LONE_NAME = re.compile(r"\s*\\?[A-Za-z]+(?:\s*[_^]\s*(?:\{[^{}$]{0,20}\}|\*|[A-Za-z0-9]))*\s*")  # o_j, y^*_j, \theta
_INDEX_RELATION = re.compile(r"\s*[a-dijk-v]\s*(?:=|\\neq?(?![a-zA-Z])|\\not\s*=)\s*[a-dijk-v]\s*")

_CLASS = r"(?:correct|true|target|ground[- ]truth|actual|right)\s+(?:class|label|category)"
_TRUE_CLASS = (
    re.compile(r"(?<![\w\\])" + _CLASS + r"(?:\s+index)?(?:\s+is|\s+be|\s*=|\s*,|\s*:)?\s*\$\s*([a-zA-Z])\s*\$", re.IGNORECASE),
    re.compile(r"index\s+of\s+(?:the\s+)?" + _CLASS + r"(?:\s+is|\s+be)?\s*\$?\s*([a-zA-Z])\s*\$?(?![\w])", re.IGNORECASE),
    re.compile(r"\$\s*([a-zA-Z])\s*\$\s+(?:is|be|denotes|represents)\s+(?:the\s+)?(?:index\s+of\s+the\s+)?" + _CLASS, re.IGNORECASE),
)


def _true_class_words(masked: str, line_of) -> tuple[tuple[int, str], ...]:
    """Letters the prose names as the index of the correct class: "the true class $c$", "the index
    of the correct class is k", "$t$ is the target class" (an index fixed by the example, not free)."""
    found = {(line_of(m.start(1)), m.group(1)) for pattern in _TRUE_CLASS for m in pattern.finditer(masked)}
    return tuple(sorted((line, letter) for line, letter in found if letter.islower() and letter not in "e"))


_SIGMOID = re.compile(r"(?<![\\\w])(?:sigmoid|logistic)(?!\w)", re.IGNORECASE)


_EINSTEIN = re.compile(
    r"(?<![\\\w])(?:einstein|summation\s+convention|repeated\s+ind(?:ex|ices)|implied\s+sum|sum\s+is\s+implied)", re.IGNORECASE
)


_ONE_EXAMPLE = re.compile(
    r"(?<![\\\w])(?:single|one|each|per|an\s+individual)\s+(?:training\s+)?(?:sample|example|observation|data\s*point|instance)s?(?!\w)",
    re.IGNORECASE,
)


_OTHER_ACTIVATIONS = re.compile(r"(?<![\\\w])(?:relu|leaky|elu|gelu|selu|swish|softsign|mish)(?!\w)", re.IGNORECASE)


def _sigmoid_words(masked: str, line_of) -> tuple[int, ...]:
    """Lines whose words name the logistic sigmoid: "the sigmoid", "logistic regression"; none when
    the words also name other activations (ReLU, ELU, ...): there sigma may be any of them."""
    if _OTHER_ACTIVATIONS.search(masked):
        return ()
    return _lines_of(_SIGMOID, masked, line_of)


def _lines_of(pattern: re.Pattern[str], masked: str, line_of) -> tuple[int, ...]:
    """The lines where ``pattern`` occurs in the words, in order."""
    return tuple(sorted({line_of(m.start()) for m in pattern.finditer(masked)}))


_ONE_HOT_AFTER = re.compile(r"one[- ]?hot[^.\n$]{0,40}?(?<![\\a-zA-Z])([b-zB-HJ-Z])(?![a-zA-Z$\\{_^])", re.IGNORECASE)
_ONE_HOT_BEFORE = re.compile(r"(?<![\\a-zA-Z_^])([b-zB-HJ-Z])\$?\s+(?:is|are)\s+(?:a\s+|an\s+)?one[- ]?hot", re.IGNORECASE)


def _one_hot_words(masked: str, line_of) -> tuple[tuple[int, str], ...]:
    """Letters the prose calls one-hot: "y is one-hot", "one hot encoded label y" (plain words;
    ``$y$ is one-hot`` in math is read by the checker from the inline item)."""
    found = []
    for pattern in (_ONE_HOT_AFTER, _ONE_HOT_BEFORE):
        for m in pattern.finditer(masked):
            if not m.group(1).islower() and m.group(1) not in "Y":
                continue
            found.append((line_of(m.start(1)), m.group(1)))
    return tuple(sorted(set(found)))


def guess_kind(text: str, name: str = "") -> Kind:
    """``"tex"`` for ``*.tex`` names or LaTeX-looking content, else ``"md"``."""
    lowered = name.lower()
    if lowered.endswith((".tex", ".latex", ".ltx")):
        return "tex"
    if lowered.endswith((".md", ".markdown", ".txt", ".mdx", ".rmd", ".qmd")):
        return "md"
    if re.search(r"\\documentclass|\\begin\{document\}|\\(sub)*section\*?\{|\\begin\{(equation|align)", text[:200_000]):
        return "tex"
    return "md"


# ---------------------------------------------------------------------------------- front matter

_FM_KEY = re.compile(r"^([ \t]*)([A-Za-z_][\w-]*)[ \t]*:(.*)$")
_FM_ITEM = re.compile(r"^([ \t]*)-[ \t]+(.*)$")


def _unquote(value: str, line: int) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return re.sub(r'\\(["\\])', r"\1", value[1:-1])
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if value[:1] in ("'", '"', "[", "{"):
        raise DocumentError(f"front matter line {line}: cannot read {value[:40]!r} (use \"...\" strings)")
    return value


FRONT_MATTER_KEYS = ("define", "assume")  #: what `derive:` may hold; a misspelt key is an error, never ignored
_FM_KEYS_TEXT = " and ".join(repr(k) for k in FRONT_MATTER_KEYS)


def _front_matter(text: str) -> tuple[dict[str, list[str]], int]:
    """Read a leading ``---`` block: ``derive:`` with lists (``define:``, ``assume:``) of strings.

    Returns the lists and the offset where the body starts (0 without front matter).
    """
    if text.startswith("+++\n"):  # Hugo's TOML front matter: never ours, skipped whole
        end = re.search(r"^\+\+\+[ \t]*$", text[4:], re.MULTILINE)
        return {}, (4 + end.end() if end else 0)
    if not text.startswith("---\n"):
        return {}, 0
    end = re.search(r"^(---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if end is None:
        raise DocumentError("front matter opened with '---' on line 1 is never closed")
    block = text[4 : 4 + end.start()]
    body_start = 4 + end.end()
    if not re.search(r"^derive[ \t]*:", block, re.MULTILINE):
        return {}, body_start  # a blog's own front matter (title:, layout:, tags: ...): not ours
    result: dict[str, list[str]] = {}
    in_derive = False
    derive_indent = -1
    key: str | None = None
    for offset, raw in enumerate(block.split("\n")):
        line = offset + 2
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip())
        key_match = _FM_KEY.match(raw)
        item_match = _FM_ITEM.match(raw)
        if indent == 0:
            in_derive = bool(key_match) and key_match.group(2) == "derive" and not key_match.group(3).strip()
            key = None
            if not key_match:
                raise DocumentError(f"front matter line {line}: expected 'key:'")
            if key_match.group(2) == "derive" and not in_derive:
                raise DocumentError(f"front matter line {line}: 'derive:' takes the keys {_FM_KEYS_TEXT} on the lines below it")
            continue
        if not in_derive:
            continue
        if item_match and key is not None and indent > derive_indent:
            result[key].append(_unquote(item_match.group(2).strip(), line))
        elif key_match and not item_match:
            if derive_indent < 0:
                derive_indent = indent
            if indent != derive_indent:
                raise DocumentError(f"front matter line {line}: unexpected indentation")
            key = key_match.group(2)
            if key not in FRONT_MATTER_KEYS:
                raise DocumentError(f"front matter line {line}: unknown key {key!r} under 'derive:' (the keys are {_FM_KEYS_TEXT})")
            result.setdefault(key, [])
            if key_match.group(3).strip():
                result[key].append(_unquote(key_match.group(3).strip(), line))
                key = None
        else:
            raise DocumentError(f"front matter line {line}: cannot read {raw.strip()[:40]!r}")
    return result, body_start


# --------------------------------------------------------------------------------------- scanning

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*$", re.MULTILINE)
_CODE_SPAN = re.compile(r"(`+)[^`\n]+?\1")
_MD_HEADING = re.compile(r"^ {0,3}(#{1,6})(?=[ \t]|$)(.*)$", re.MULTILINE)
_MD_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,9}[.)])(?=\s|$)|^\s*•", re.MULTILINE)
_TEX_VERBATIM = re.compile(r"\\begin\{(verbatim|lstlisting|minted|comment)(\*?)\}")
_TEX_HEADING = re.compile(
    r"\\(part|chapter|section|subsection|subsubsection|paragraph|subparagraph)\*?\s*(\[[^\]\n]{0,200}\])?\s*\{"
)
_TEX_ITEM = re.compile(r"\\item(?![a-zA-Z])")
_TEX_LIST_END = re.compile(r"\\end\{(itemize|enumerate|description)\}|\n[ \t]*\n")
_DISPLAY_ENVS = {
    "equation", "equation*", "align", "align*", "gather", "gather*", "multline", "multline*",
    "eqnarray", "eqnarray*", "displaymath", "flalign", "flalign*",
}
# an environment of the document's own named as a display one (\newenvironment{tcequation}, myalign):
# its math is read, and what cannot be is reported with its reason (never skipped silently)
_CUSTOM_DISPLAY = re.compile(r"(?!aligned|gathered)[a-zA-Z]*(?:equation|align|eqnarray|gather|multline)[a-zA-Z]*\*?")
_BEGIN = re.compile(r"\\begin\s*\{([a-zA-Z]+\*?)\}")
_ROW_BREAK = re.compile(r"\\\\(?:[ \t]*\[[^\]\n]{0,40}\])?|\\newline(?![a-zA-Z])")
_NOT_CONTENT = re.compile(r"\\(begin|end)\s*\{[a-zA-Z]+\*?\}|\\(label|tag)\*?\s*\{[^{}]*\}|\\(nonumber|notag)")
_SCRIPT_MATH = re.compile(r"<script\s+type=[\"']math/tex(\s*;\s*mode=display)?[\"']\s*>(.{0,20000}?)</script>", re.DOTALL)
_LOOKS_LIKE_MATH = re.compile(r"\$\$|\\begin\{(equation|align|gather|multline)|\\frac\{|\\partial|\\sum_")
_CELL = re.compile(r"(?<!\\)&")
# "when y=1", "if i = j", "for i != j": a relation in plain words after the word that makes it a condition
_PLAIN_RELATION = re.compile(
    r"(?<![\w\\$])(if|when|whenever|for|where)\s+([a-zA-Z]\s*(?:=|!=|≠)\s*(?:[a-zA-Z]|[01]))(?![\w$(=\\])(?!\s+to\b)",
    re.IGNORECASE,
)
_OWN_RELATION = re.compile(r"\s*=")
_SIGNED = re.compile(r"\s*[-+]\s*\S")  # a sign with something after it, before the row's own '&='
_CONTINUES = re.compile(r"\s*(=|\+|-|<|>|\\(le|leq|ge|geq|neq|ne|cdot|times|quad|qquad|approx)(?![a-zA-Z]))")


def _blank(text: str) -> str:
    """``text`` with everything but newlines turned into spaces (offsets and lines stay put)."""
    return re.sub(r"[^\n]", " ", text)


def _mask(text: str, pattern: re.Pattern[str]) -> str:
    """Blank out every match of ``pattern``."""
    return pattern.sub(lambda m: _blank(m.group(0)), text)


def _mask_between(text: str, opener: str, closer: str) -> str:
    """Blank ``opener ... closer`` spans (an unclosed opener blanks nothing); linear."""
    parts: list[str] = []
    done = 0
    pos = text.find(opener)
    while pos >= 0:
        end = text.find(closer, pos + len(opener))
        if end < 0:
            break
        end += len(closer)
        parts += [text[done:pos], _blank(text[pos:end])]
        done = end
        pos = text.find(opener, end)
    return "".join(parts) + text[done:]


def _mask_comments(text: str) -> str:
    """Blank LaTeX ``%`` comments (a ``%`` after an odd number of backslashes is a literal)."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        pos = line.find("%")
        while pos >= 0 and _escaped(line, pos):
            pos = line.find("%", pos + 1)
        if pos >= 0:
            lines[number] = line[:pos] + " " * (len(line) - pos)
    return "\n".join(lines)


def _heading_title(raw: str) -> str:
    """A Markdown heading's text without the optional closing ``#``s."""
    title = raw.strip()
    bare = title.rstrip("#")
    if bare != title and (not bare or bare[-1] in " \t"):
        title = bare.rstrip()
    return title


class _Scanner:
    """One pass over the masked text, collecting (offset, item) pairs."""

    def __init__(self, text: str, masked: str, kind: Kind) -> None:
        self.text = text
        self.kind = kind
        self.fences: list[tuple[int, int, str]] = []  # (content start, content end, info) of code fences
        self.masked = self._mask_markdown(masked) if kind == "md" else self._mask_tex(masked)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.found: list[tuple[float, Item]] = []
        self.warnings: list[str] = []
        self.displays: list[tuple[int, int]] = []
        self.math_spans: list[tuple[int, int]] = []  # every math span, display or inline
        self.headings: list[tuple[int, int]] = []  # spans of heading text (inline context)
        self.failed: set[str] = set()  # closing delimiters known to be absent from here on
        self._breaks: list[int] | None = None  # paragraph breaks (Markdown)
        self._line_contexts: dict[int, str] = {}
        self._heading_starts: list[int] = []
        self._items: list[int] | None = None  # \item offsets (LaTeX)
        self._list_ends: list[int] = []

    # ------------------------------------------------------------ masking
    def _mask_markdown(self, text: str) -> str:
        lines = text.split("\n")
        fence: str | None = None
        info, opened, pos = "", 0, 0
        in_comment = False  # an HTML comment over several lines: "<!-- ```math" opens no fence, nor does "``` -->"
        for i, line in enumerate(lines):
            if in_comment:
                end = line.find("-->")
                lines[i] = line = " " * (len(line) if end < 0 else end + 3) + ("" if end < 0 else line[end + 3 :])
                in_comment = end < 0
                pos += len(line) + 1
                continue
            m = _FENCE.match(line)
            if fence is None and not m and "<!--" in line and "-->" not in line[line.find("<!--") :]:
                start = line.find("<!--")
                lines[i] = line[:start] + " " * (len(line) - start)
                in_comment = True
            elif fence is None and m:
                fence = m.group(1)[0] * len(m.group(1))
                info, opened = line.strip()[len(fence) :].strip().lower(), pos + len(line) + 1
                lines[i] = " " * len(line)
            elif fence is not None:
                if m and m.group(1).startswith(fence) and not line.strip().strip(fence[0]):
                    fence = None
                    self.fences.append((opened, pos, info))
                lines[i] = " " * len(line)
            pos += len(line) + 1
        text = _mask_between("\n".join(lines), "<!--", "-->")
        if "katex" in text:  # Hugo's {{< katex >}} ... {{< /katex >}}: math between the two, as $$ ... $$
            text = _KATEX_SHORTCODE.sub(_katex_dollars, text)
        return _mask(text, _CODE_SPAN)

    @staticmethod
    def _mask_tex(text: str) -> str:
        text = _mask_comments(text) if "%" in text else text
        parts: list[str] = []
        done = 0
        m = _TEX_VERBATIM.search(text)
        while m:
            end = text.find(f"\\end{{{m.group(1)}{m.group(2)}}}", m.end())
            if end < 0:
                break
            end += len(m.group(1)) + len(m.group(2)) + 6
            parts += [text[done : m.start()], _blank(text[m.start() : end])]
            done = end
            m = _TEX_VERBATIM.search(text, end)
        text = "".join(parts) + text[done:]
        begin = text.find("\\begin{document}")
        if begin >= 0:
            end = begin + len("\\begin{document}")
            text = re.sub(r"[^\n]", " ", text[:end]) + text[end:]
        finish = text.find("\\end{document}")
        if finish >= 0:
            text = text[:finish] + re.sub(r"[^\n]", " ", text[finish:])
        return text

    # ------------------------------------------------------------ helpers
    def line(self, pos: int) -> int:
        return bisect_right(self.line_starts, pos)

    def _within_sentence(self, start: int, end: int) -> bool:
        """``If $$i=j$$, ...``: in Markdown, a relation between two indices in ``$$...$$`` on one line
        after words of its sentence is the sentence's inline math (kramdown's rule, which Jekyll
        blogs follow), so it can state a case; so is a lone name between words (``the derivatives
        of $$o_j$$ and $$o_i$$, which``); other ``$$...$$`` stay displays, checked (the seed post
        writes its steps inside sentences)."""
        if self.kind != "md":
            return False
        line_start = self.masked.rfind("\n", 0, start) + 1
        words_before = _PROSE_BEFORE.search(self.masked[line_start:start]) is not None
        if _INDEX_RELATION.fullmatch(self.masked, start + 2, end):
            return words_before
        # "the derivatives of $$o_j$$ and $$o_i$$, which ...": a lone name between words on one line
        line_end = self.masked.find("\n", end)
        after = self.masked[end + 2 : line_end if line_end >= 0 else len(self.masked)]
        return (words_before and _LONE_NAME.fullmatch(self.masked, start + 2, end) is not None
                and _WORDS_AFTER.match(after) is not None)

    def find_close(self, closer: str, start: int) -> int:
        """Offset of the next unescaped ``closer`` at or after ``start``; -1 if none."""
        if closer in self.failed:
            return -1
        pos = start
        while True:
            pos = self.masked.find(closer, pos)
            if pos < 0:
                self.failed.add(closer)
                return -1
            if not _escaped(self.masked, pos):
                return pos
            pos += 1

    # ------------------------------------------------------------ main loop
    def run(self) -> None:
        if self.kind == "tex":
            self._tex_headings()
        elif "<script" in self.masked:
            self._script_math()
        masked = self.masked
        n = len(masked)
        pos = 0
        no_inline_close_until = -1
        while pos < n:
            nxt = _next_special(masked, pos)
            if nxt < 0:
                break
            pos = nxt
            char = masked[pos]
            if char == "\\":
                two = masked[pos : pos + 2]
                if two in ("\\[", "\\("):
                    closer = "\\]" if two == "\\[" else "\\)"
                    end = self.find_close(closer, pos + 2)
                    if end < 0:
                        if self.kind == "tex":
                            self.warnings.append(f"line {self.line(pos)}: {two} is never closed")
                        pos += 2
                        continue
                    self._math(pos, pos + 2, end, end + 2, display=two == "\\[")
                    pos = end + 2
                    continue
                if masked.startswith("\\begin", pos):
                    m = _BEGIN.match(masked, pos)
                    if m and (m.group(1) in _DISPLAY_ENVS or _CUSTOM_DISPLAY.fullmatch(m.group(1))):
                        closer = f"\\end{{{m.group(1)}}}"
                        end = self.find_close(closer, m.end())
                        if end < 0:
                            self.warnings.append(f"line {self.line(pos)}: \\begin{{{m.group(1)}}} is never closed")
                            pos = m.end()
                            continue
                        if m.group(1) not in _DISPLAY_ENVS and any(
                                b.group(1) in _DISPLAY_ENVS for b in _BEGIN.finditer(masked, m.end(), end)):
                            pos = m.end()  # \begin{subequations}: a group of displays (and words), each read as itself
                            continue
                        argument = re.match(r"\s*\{\s*\d+\s*\}", masked[m.end() : end]) if "alignat" in m.group(1) else None
                        inner = m.end() + (argument.end() if argument else 0)  # \begin{alignat*}{2}: its column count
                        self._math(pos, inner, end, end + len(closer), display=True, env=m.group(1))
                        pos = end + len(closer)
                        continue
                pos += 2  # an escaped character (\$, \\, ...) or another command
                continue
            # a dollar sign
            if masked.startswith("$$", pos):
                end = self.find_close("$$", pos + 2)
                if end < 0:
                    self.warnings.append(f"line {self.line(pos)}: $$ is never closed")
                    pos += 2
                    continue
                self._math(pos, pos + 2, end, end + 2, display=not self._within_sentence(pos, end))
                pos = end + 2
                continue
            if pos < no_inline_close_until:
                pos += 1
                continue
            end, stop = self._inline_dollar_close(pos)
            if end < 0:
                # no opener before `stop` can close either: skip them (keeps the scan linear)
                no_inline_close_until = stop
                if self.kind == "tex":
                    self.warnings.append(f"line {self.line(pos)}: $ is never closed")
                pos += 1
                continue
            self._math(pos, pos + 1, end, end + 1, display=False)
            pos = end + 1
        if self.kind == "md":
            self._fenced_math()
            self._md_headings()
        self._plain_relations()

    def _plain_relations(self) -> None:
        """"when y=1", "if i = j", "for i != j" written in plain words, outside math: read as the
        inline math ``y=1`` after its word (the checker decides what it is, as for ``$y = 1$``)."""
        prose = list(self.masked)
        for start, end in [*self.displays, *self.math_spans]:
            prose[start:end] = " " * (end - start)
        text = "".join(prose)
        for m in _PLAIN_RELATION.finditer(text):
            latex = re.sub(r"!=|≠", r"\\neq ", m.group(2))
            start = m.start(2)
            line = self.line(start)
            before = self.text[max(self.line_starts[line - 1], start - 80) : start]
            self.found.append((start, Inline(latex, line, self._context(start), before, "")))

    def _script_math(self) -> None:
        """MathJax 2's ``<script type="math/tex; mode=display">...</script>`` (kramdown's output, kept
        in some posts' sources): a display; without ``mode=display``, inline math."""
        spans = []
        for m in _SCRIPT_MATH.finditer(self.masked):
            self._math(m.start(), m.start(2), m.end(2), m.end(), display=bool(m.group(1)))
            spans.append((m.start(), m.end()))
        for start, end in spans:  # read once: the main scan does not see them again
            self.masked = self.masked[:start] + _blank(self.masked[start:end]) + self.masked[end:]

    def _fenced_math(self) -> None:
        """A ```` ```math ```` fence (GitHub, GitLab) is a display; another code block with math
        in it is not read, and is reported so (never a silent pass)."""
        for start, end, info in self.fences:
            content = self.text[start:end]
            word = info.split()[0].strip("{}.") if info else ""
            if word in ("math", "latex-math", "katex", "tex-math"):
                if content.strip():
                    self._math(start, start, end, end, display=True)
            elif _LOOKS_LIKE_MATH.search(content):
                self.warnings.append(
                    f"line {self.line(start)}: a code block ({info or 'no language'}) holds math that is not checked;"
                    " write it in a ```math fence or $$ ... $$ to check it"
                )

    def list_breaks(self) -> tuple[int, ...]:
        """Lines where a list may have ended: in Markdown, a paragraph of prose that starts at the
        margin after a blank line (not a bullet, a heading or display math); in LaTeX, the end of
        a list or a blank line."""
        if self.kind == "tex":
            return tuple(sorted({self.line(m.end() - 1) for m in _TEX_LIST_END.finditer(self.masked)}))
        opens = sorted(a for a, _ in self.displays)
        out = []
        for m in re.finditer(r"\n[ \t]*\n(?=[^\s])", self.masked):
            pos = m.end()
            inside = bisect_right(opens, pos) - 1
            if inside >= 0 and self.displays[inside][1] > pos or (inside + 1 < len(opens) and opens[inside + 1] == pos):
                continue  # display math, not prose
            line = self.masked[pos : self.masked.find("\n", pos) % (len(self.masked) + 1)]
            if _MD_BULLET.match(line) or _MD_HEADING.match(line) or line.startswith(("$$", "\\[", "\\begin", "<")):
                continue
            out.append(self.line(pos))
        return tuple(out)

    def _paragraph_end(self, pos: int) -> int:
        if self._breaks is None:
            self._breaks = [m.start() for m in re.finditer(r"\n[ \t]*\n", self.masked)]
        at = bisect_right(self._breaks, pos)
        return self._breaks[at] if at < len(self._breaks) else len(self.masked)

    def _inline_dollar_close(self, pos: int) -> tuple[int, int]:
        """(closing ``$`` of inline math opened at ``pos`` or -1, where the search stopped).

        LaTeX: the next unescaped ``$``. Markdown (pandoc's rules): the opener is followed by a
        non-space, the closer preceded by a non-space and not followed by a digit; the math ends
        within its paragraph and before any ``$$``.
        """
        masked = self.masked
        if self.kind == "tex":
            end = self.find_close("$", pos + 1)
            return end, len(masked)
        if pos + 1 >= len(masked) or masked[pos + 1] == "\n":
            return -1, pos + 1
        if masked[pos + 1].isspace():  # "$ x = 1 $": MathJax reads it (pandoc does not); only clear math on one line
            line_end = masked.find("\n", pos)
            end = masked.find("$", pos + 1, line_end if line_end >= 0 else len(masked))
            content = masked[pos + 1 : end] if end > 0 else ""
            if end > 0 and masked[end + 1 : end + 2] != "$" and not masked[end + 1 : end + 2].isdigit() and re.search(r"[\\=_^]", content):
                return end, end
            return -1, pos + 1
        limit = self._paragraph_end(pos)
        search = pos + 1
        while True:
            end = masked.find("$", search, limit)
            if end < 0:
                return -1, limit
            if masked[end + 1 : end + 2] == "$":
                return -1, end
            if (
                not _escaped(masked, end)
                and not masked[end - 1].isspace()
                and not (end + 1 < len(masked) and masked[end + 1].isdigit())
            ):
                return end, end
            search = end + 1

    # ------------------------------------------------------------ items
    def _math(self, start: int, inner: int, inner_end: int, end: int, *, display: bool, env: str = "") -> None:
        latex = self.text[inner:inner_end]  # as written (the parser drops % comments)
        if self.kind == "md" and ("\\_" in latex or "\\*" in latex):
            # x\_j, \sum\_{i=1}: Markdown's escapes kept in the math for the Markdown processor (kramdown)
            latex = _MD_ESCAPE.sub(lambda m: m.group(1) + " ", latex)
        self.math_spans.append((start, end))
        if not display and self.kind == "md" and _ALIGNED_BEGIN.match(latex) and self._alone_on_its_lines(start, end):
            display = True  # $ \begin{aligned} ... $ as a paragraph of its own: a display, as its author sees it
        if display and ("matrix}" in latex or "array}" in latex):
            latex = _matrix_as_alignment(latex)
        if display:
            env = env or _outer_env(latex)
        if not display:
            line = self.line(start)
            before = self.text[max(self.line_starts[line - 1], start - 80) : start]
            stop = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
            after = self.text[end : min(stop, end + 80)]
            self.found.append((start, Inline(latex, line, self._context(start), before, after)))
            return
        self.displays.append((start, end))
        closes = self.line(max(start, end - 1))
        if env.startswith("multline"):
            origin = (self.line(inner), inner - self.line_starts[self.line(inner) - 1] + 1)
            self.found.append((start, Block(latex, self.line(start), last_line=closes, origin=origin)))
            return
        for offset, (chunk_start, chunk, raw_start, kind) in enumerate(_split_equations(latex, inner)):
            where = start if offset == 0 else chunk_start
            origin = (self.line(raw_start), raw_start - self.line_starts[self.line(raw_start) - 1] + 1)
            self.found.append((where, Block(chunk, self.line(chunk_start), kind, last_line=closes, origin=origin)))

    def _alone_on_its_lines(self, start: int, end: int) -> bool:
        """Nothing but blanks before ``start`` on its line, and nothing but blanks or a full stop after ``end``."""
        line_start = self.line_starts[self.line(start) - 1]
        last = self.line(max(start, end - 1))
        stop = self.line_starts[last] - 1 if last < len(self.line_starts) else len(self.text)
        return not self.text[line_start:start].strip() and self.text[end:stop].strip() in ("", ".", "。", ",", "，")

    def _context(self, pos: int) -> str:
        at = bisect_right(self._heading_starts, pos) - 1
        if at >= 0 and pos < self.headings[at][1]:
            return "heading"
        if self.kind == "md":
            number = self.line(pos)
            if number not in self._line_contexts:
                start = self.line_starts[number - 1]
                end = self.line_starts[number] - 1 if number < len(self.line_starts) else len(self.masked)
                line = self.masked[start:end]
                heading = line.lstrip(" ").startswith("#") and _MD_HEADING.match(line)
                self._line_contexts[number] = "heading" if heading else "bullet" if _MD_BULLET.match(line) else "prose"
            return self._line_contexts[number]
        # LaTeX: after an \item, until a blank line, the next \item or the end of the list
        if self._items is None:
            self._items = [m.start() for m in _TEX_ITEM.finditer(self.masked)]
            self._list_ends = [m.start() for m in _TEX_LIST_END.finditer(self.masked)]
        at = bisect_right(self._items, pos) - 1
        if at < 0:
            return "prose"
        after = bisect_right(self._list_ends, self._items[at])
        ended = after < len(self._list_ends) and self._list_ends[after] < pos
        return "prose" if ended else "bullet"

    def _md_headings(self) -> None:
        starts = [a for a, _ in self.displays]  # in document order
        for m in _MD_HEADING.finditer(self.masked):
            inside = bisect_right(starts, m.start()) - 1
            if inside >= 0 and self.displays[inside][1] > m.start():
                continue
            title = _heading_title(self.text[m.start(2) : m.end(2)])
            self.found.append((m.start() - 0.5, Heading(title, self.line(m.start()))))

    def _tex_headings(self) -> None:
        for m in _TEX_HEADING.finditer(self.masked):
            close = _matching_brace(self.masked, m.end() - 1)
            if close < 0:
                self.warnings.append(f"line {self.line(m.start())}: \\{m.group(1)}{{ is never closed")
                continue
            title = " ".join(self.text[m.end() : close].split())
            self.headings.append((m.end(), close))
            self._heading_starts.append(m.end())
            self.found.append((m.start() - 0.5, Heading(title, self.line(m.start()))))


def _escaped(text: str, pos: int) -> bool:
    """Whether the character at ``pos`` is preceded by an odd number of backslashes."""
    count = 0
    while pos - count - 1 >= 0 and text[pos - count - 1] == "\\":
        count += 1
    return count % 2 == 1


_SPECIAL = re.compile(r"[\\$]")


def _next_special(text: str, pos: int) -> int:
    m = _SPECIAL.search(text, pos)
    return m.start() if m else -1


def _matching_brace(text: str, open_pos: int, limit: int = 10_000) -> int:
    depth = 0
    for pos in range(open_pos, min(len(text), open_pos + limit)):
        char = text[pos]
        if char == "\\":
            continue
        if char == "{" and not _escaped(text, pos):
            depth += 1
        elif char == "}" and not _escaped(text, pos):
            depth -= 1
            if depth == 0:
                return pos
    return -1


_ALIGNED_BEGIN = re.compile(r"\s*\\begin\s*\{(?:aligned|align\*?|gathered|split|eqnarray\*?)\}")
_MD_ESCAPE = re.compile(r"(?<!\\)\\([_*])")  # \_ (not \\_, a row break before a subscript?)
_WRAP_BEGIN = re.compile(r"\s*\\begin\s*\{([a-zA-Z]+\*?)\}")
_ENV = re.compile(r"\\(begin|end)\s*\{([a-zA-Z]+\*?)\}")


def _outer_env(latex: str) -> str:
    """The layout environment a display opens with (``$$\\begin{multline} ...``), or ``""``."""
    m = _WRAP_BEGIN.match(latex)
    return m.group(1) if m and m.group(1) in WRAPPERS else ""


def _row_breaks(latex: str) -> list[re.Match[str]]:
    """Row breaks ``\\\\`` outside nested environments (the rows of a ``cases`` or a matrix stay whole)."""
    if "\\begin" not in latex:
        return list(_ROW_BREAK.finditer(latex))
    spans = _nested_spans(latex)
    inside = lambda pos: any(a <= pos < b for a, b in spans)  # noqa: E731 - a few spans at most
    return [m for m in _ROW_BREAK.finditer(latex) if not inside(m.start())]


def _nested_spans(latex: str) -> list[tuple[int, int]]:
    """Spans of the environments that are not layout wrappers (``cases``, matrices), outermost only."""
    if "\\begin" not in latex:
        return []
    spans: list[tuple[int, int]] = []
    depth, opened = 0, 0
    for m in _ENV.finditer(latex):
        if m.group(2) in WRAPPERS:
            continue
        if m.group(1) == "begin":
            if depth == 0:
                opened = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, m.end()))
    return spans


_MATRIX_ALIGNMENT = re.compile(r"\\begin\s*\{matrix\}(.*?)\\end\s*\{matrix\}", re.DOTALL)
_EQUALS_CELL = re.compile(r"&\s*=\s*&")
_ARRAY_ALIGNMENT = re.compile(r"\\begin\s*\{array\}\s*\{[lrc|\s]*\}(.*?)\\end\s*\{array\}", re.DOTALL)
_ALIGNED_EQUALS = re.compile(r"&\s*\{?\s*=")


def _matrix_as_alignment(latex: str) -> str:
    """``\\begin{matrix} loss & = & a \\\\ loss & = & b \\end{matrix}``: a matrix whose every row has an
    ``=`` cell only lines equations up; read as ``aligned`` (lengths kept, so lines and columns stay)."""
    latex = _MATRIX_ALIGNMENT.sub(lambda m: _equals_cells(m.group(1)) or m.group(0), latex)
    return _ARRAY_ALIGNMENT.sub(_array_as_alignment, latex) if "array}" in latex else latex


def _equals_cells(body: str) -> str:
    """``aligned`` for the body of a table whose every row has an ``& = &`` cell, or ``""``."""
    rows = [r for r in _ROW_BREAK.split(body) if r.strip()]
    if not rows or not all(_EQUALS_CELL.search(r) for r in rows):
        return ""
    body = _EQUALS_CELL.sub(lambda e: "&=" + " " * (len(e.group(0)) - 2), body)
    body = re.sub(r"&(?!=)", " ", body)  # the other cells' separators
    return "\\begin{aligned}" + body + "\\end{aligned}"


def _array_as_alignment(m: re.Match[str]) -> str:
    """``\\begin{array}{l} A &= B \\\\ &= C \\end{array}``: an array of one ``&`` per row, each before an
    ``=``, is an alignment of equations; so is ``\\begin{array}{rcl} A & = & B \\newline & = & C``. Read as
    ``aligned``."""
    rows = [r for r in _ROW_BREAK.split(m.group(1)) if r.strip()]
    if rows and all(r.count("&") == 1 and _ALIGNED_EQUALS.search(r) for r in rows):
        return "\\begin{aligned}" + m.group(1) + "\\end{aligned}"
    return _equals_cells(m.group(1)) or m.group(0)


def _top_level_equals(text: str) -> bool:
    """An ``=`` outside braces and brackets (not the one of ``\\sum_{i=1}``)."""
    depth = 0
    for char in text:
        if char in "{([":
            depth += 1
        elif char in "})]":
            depth -= 1
        elif char == "=" and depth == 0:
            return True
    return False


def _split_equations(latex: str, offset: int) -> list[tuple[int, str, int, str]]:
    """Split display math at row breaks where a new equation starts; (document offset where the
    equation starts, text, document offset of the text, ``display`` or ``aside``: a justification
    beside a chain, such as ``\\because \\ln 1 = 0``) each."""
    rows: list[tuple[int, int]] = []
    start = 0
    for m in _row_breaks(latex):
        rows.append((start, m.start()))
        start = m.end()
    rows.append((start, len(latex)))
    rows = [piece for row in rows for piece in _implications(latex, *row)]
    groups: list[list[int]] = []  # [first row start, last row end]
    asides: list[tuple[int, int, bool]] = []  # rows beside the chain: (start, end, holds a claim of its own)
    for row_start, row_end in rows:
        if row_start < 0 or (row_start == 0 and row_end < 0):  # before an implication arrow: beside the step
            asides.append((-row_start, row_end, True))
            continue
        row = latex[row_start:row_end]
        first_cell = _CELL.split(row, 1)[0]
        clean = _NOT_CONTENT.sub("", first_cell)
        aside = _ASIDE.match(row)
        if aside is not None and groups:  # \because ..., \text{since ...}: a justification, not a step
            asides.append((row_start, row_end, aside.group(1) is not None and "=" in row))
            continue
        cells = _CELL.split(row, 1)
        # "- \log P(t=0) &= ...": a left side that starts with a sign, then its relation: a new equation
        own_relation = len(cells) == 2 and _OWN_RELATION.match(cells[1]) is not None and _SIGNED.match(clean) is not None
        # "& \frac{\partial J}{\partial w} = ...": an empty first cell, then an equation of its own (not "&= ...")
        aligned_left = not clean.strip() and len(cells) == 2 and _CONTINUES.match(cells[1]) is None and _top_level_equals(cells[1])
        continues = (not clean.strip() and not aligned_left) or (_CONTINUES.match(clean) is not None and not own_relation)
        # "A = B = \\ C = D": a row after one that ends with its relation is that relation's right side
        continues = continues or (bool(groups) and open_ended(_NOT_CONTENT.sub("", latex[groups[-1][0] : groups[-1][1]])))
        if groups and (continues or not latex[groups[-1][0] : groups[-1][1]].strip()):
            groups[-1][1] = row_end
        else:
            groups.append([row_start, row_end])
    result = []
    for first, last in groups:
        text = latex[first:last]
        for a_start, a_end, _ in asides:  # blanked, so the steps around it are one chain
            if first <= a_start < last:
                text = text[: a_start - first] + _blank(latex[a_start:a_end]) + text[a_end - first :]
        for start, chunk in _split_quads(text):
            lead = len(chunk) - len(chunk.lstrip())
            opener = _WRAP_BEGIN.match(chunk, lead)
            while opener is not None and opener.group(1) in WRAPPERS:  # the equation starts after \begin{align*}
                lead = opener.end() + len(chunk[opener.end() :]) - len(chunk[opener.end() :].lstrip())
                opener = _WRAP_BEGIN.match(chunk, lead)
            result.append((offset + first + start + lead, chunk, offset + first + start, "display"))
    for a_start, a_end, claim in asides:  # \because \ln(1) = 0: a claim of its own, beside the chain
        if claim:
            row = latex[a_start:a_end]
            body = _ASIDE.match(row)
            cut = (body.start(1) if body.start(1) >= 0 else body.start(2)) if body is not None and body.lastindex else 0
            chunk = (" " * cut + row[cut:]).replace("&", " ")
            result.append((offset + a_start + cut, chunk, offset + a_start, "aside"))
    return sorted(result)


# a row that justifies a step instead of taking one: "\because \ln(1) = 0", "\text{since } ...",
# "\color{grey}{\text{since} ...}", or words alone ("\text{taking the sum outside}")
_ASIDE = re.compile(
    r"\s*&?\s*(?:\\color\s*\{[a-zA-Z]*\}\s*\{\s*)?(?:"
    r"\\because(?![a-zA-Z])\s*(.*)"
    r"|\\(?:text|textrm|mbox)\s*\{\s*(?:since|because|as|using|by|where)\b[^{}]*\}(.*)"
    r"|(?:\\(?:text|textrm|mbox)\s*\{[^{}]*\}\s*)+$)",
    re.DOTALL,
)
_IMPLIES = re.compile(r"=>|" + ARROWS)
_LEADING_WORDS = re.compile(r"\s*&?\s*(?:\\(?:text|textrm|mbox)\s*\{[^{}]*\}\s*)+")


def _implications(latex: str, start: int, end: int) -> list[tuple[int, int]]:
    """``\\text{Let } u = -z => A &= B``: the row from its last implication arrow on (outside braces)
    is the step; what comes before it, without its leading words, is a claim of its own beside it."""
    arrows = []
    depth = 0
    for m in _IMPLIES.finditer(latex, start, end):
        depth = latex.count("{", start, m.start()) - latex.count("}", start, m.start())
        if depth == 0 and (m.group(0) == "=>" or latex[start : m.start()].strip(" \t\n&")):  # \Rightarrow opening the row stays (read as continuing)
            arrows.append(m)
    if not arrows:
        return [(start, end)]
    pieces = []
    at = start
    for m in arrows:
        words = _LEADING_WORDS.match(latex, at)
        before = words.end() if words else at
        if "=" in latex[before : m.start()]:
            pieces.append((-before, m.start()))  # negative start: an aside (see _split_equations)
        at = m.end()
    pieces.append((at, end))
    return pieces


# a wide space between two equations: \quad, \qquad, ~~~~, \hspace{1cm}, \;\;\;
_QUAD = re.compile(r"\\q?quad(?![a-zA-Z])|~{2,}|\\hspace\*?\s*\{[^{}]*\}|(?:\\;\s*){2,}")
_ANNOTATION = re.compile(r"\s*\\q?quad(?![a-zA-Z])\s*\\(?:text|textrm|mbox|because)(?![a-zA-Z])")
# after a comma, "\quad i = j" is the condition of the equation before it: "a = b, \quad i = j"
_CONDITION = re.compile(r"\s*\\q?quad(?![a-zA-Z])\s*\(?\s*[a-z]\s*(?:=|\\neq?(?![a-zA-Z]))\s*[a-z]\s*\)?\s*[.,;]?\s*$")


# "\\ &\quad + 1": a \quad opening a row (or its second cell) indents it; it separates nothing
_INDENT = re.compile(r"(?:^|&|\\\\)\s*$")


def _split_quads(chunk: str) -> list[tuple[int, str]]:
    """``a = b \\qquad c = d`` is two equations: split at a ``\\quad``/``\\qquad`` outside braces
    and brackets when the text on both sides has an ``=`` (``a = b \\quad (i \\neq o)`` and
    ``a = b \\quad \\text{for } i = o`` stay whole)."""
    cuts = []
    depth = 0
    nested = _nested_spans(chunk)  # \text{if}\quad x_i = x_j inside a cases: that row's condition
    for pos, char in enumerate(chunk):
        if char in "{([":
            depth += 1
        elif char in "})]":
            depth -= 1
        elif (char in "\\~" and depth == 0 and _QUAD.match(chunk, pos) and not _escaped(chunk, pos)
              and not (char == "~" and pos > 0 and chunk[pos - 1] == "~")  # (one cut per run of ~)
              and not any(a <= pos < b for a, b in nested) and not _INDENT.search(chunk, 0, pos)):
            cuts.append(pos)
    if not cuts:
        return [(0, chunk)]
    parts: list[list[int]] = []  # [start, end]
    start = 0
    for cut in [*cuts, len(chunk)]:
        annotation = _ANNOTATION.match(chunk, start) is not None or (
            chunk[:start].rstrip().endswith(",") and _CONDITION.match(chunk[start:cut]) is not None
        )
        if ("=" in chunk[start:cut] and not annotation) or not parts:
            parts.append([start, cut])
        else:
            parts[-1][1] = cut  # no equation of its own: an annotation of the previous one
        start = cut
    if len(parts) > 1 and "=" not in chunk[parts[0][0] : parts[0][1]]:
        parts[1][0] = parts[0][0]
        del parts[0]
    return [(a, chunk[a:b]) for a, b in parts]

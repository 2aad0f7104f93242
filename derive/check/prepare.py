"""From the LaTeX of one equation to the text the grammar reads, and what is refused before parsing.

Layout is dropped (environments that only align, labels, tags, comments, ``\\boxed``, annotations
and justifications beside a step) with columns kept, so positions in messages are the author's.
Then the text is checked: its length and nesting, every command against the lexicon below, and
notation that would parse but as something else (layer superscripts, ``\\frac{dJ}{dm} J(m, b)``,
``\\mathrm{d}z`` outside a fraction): those raise :class:`Unsupported`, never a guess. Malformed
math raises :class:`ParseError`. Nothing here evaluates the text.
"""

from __future__ import annotations

import re

from derive.check.presentation import TYPOGRAPHIC_PRIMES, WRAPPERS, read_through, words
from derive.errors import InputError, NotSupportedError

__all__ = ["GREEK", "MAX_LENGTH", "MAX_NESTING", "ParseError", "Unsupported", "position", "prepare"]

MAX_LENGTH = 20_000  #: longest accepted math text, in characters
MAX_NESTING = 100  #: deepest accepted nesting of braces, parentheses and brackets


class ParseError(InputError):
    """Malformed math: the message says what and where, on one line."""


class Unsupported(NotSupportedError):
    """Well-formed math that uses a construct `derive check` does not support (yet)."""


# ---------------------------------------------------------------------------------------- lexicon

_GREEK_NAMES = """
    alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho sigma tau upsilon
    phi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega ell
"""
GREEK = {name: name for name in _GREEK_NAMES.split()}
GREEK.update(varepsilon="epsilon", vartheta="theta", varphi="phi", varrho="rho")

_DELIMITER_SIZES = frozenset(
    ("left", "right", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr", "bigg", "Bigg", "big", "Big")
)
_OTHER_COMMANDS = """
    frac dfrac tfrac sqrt sum prod limits nolimits partial hat widehat tilde widetilde bar overline mathrm mathcal ln log exp tanh sinh cosh sech csch coth cdot times
    mathbf boldsymbol bm vec pmb mathbb cdots ldots dots dotsb dotsc odot top intercal mathsf
    neq ne le leq leqslant ge geq geqslant in mid quad qquad displaystyle textstyle
"""
_KNOWN_COMMANDS = frozenset(GREEK) | _DELIMITER_SIZES | frozenset(_OTHER_COMMANDS.split())
_KNOWN_SYMBOLS = set(",;:! {}\n\t\r")  # \, \; \: \! "\ " \{ \} and a control space

#: operators whose argument is a matrix: read as a function of numbers, tr(A B C) = tr(C B A) would pass
_MATRIX_OPERATORS = frozenset({"tr", "trace", "det", "diag", "rank", "vec", "adj"})

_NOT_NUMBERS = "is not read (yet): its argument is a product of matrices, which do not commute as numbers do"
_BARE_TRACE = re.compile(r"(?<![\\A-Za-z_^{])(tr|Tr|TR)\s*(?=\(|\\left|\\[bB]ig)")

_WHY = {
    "int": "integrals",
    "iint": "integrals",
    "oint": "integrals",
    "lim": "limits",
    "infty": "infinity",
    "mathbb": "blackboard sets such as \\mathbb{R}",
    "mathbf": "bold symbols (vectors, matrices)",
    "boldsymbol": "bold symbols (vectors, matrices)",
    "bm": "bold symbols (vectors, matrices)",
    "vec": "vectors",
    "text": "\\text inside math (only a trailing annotation is allowed)",
    "textrm": "\\text inside math (only a trailing annotation is allowed)",
    "mbox": "\\text inside math (only a trailing annotation is allowed)",
    "operatorname": "named operators",
    "begin": "environments such as matrices and cases",
    "end": "environments such as matrices and cases",
    "nabla": "gradients (\\nabla)",
    "top": "transposes",
    "intercal": "transposes",
    "max": "max",
    "min": "min",
    "arg": "arg max / arg min",
    "sin": "trigonometric functions",
    "cos": "trigonometric functions",
    "tan": "trigonometric functions",
    "bar": "bars over letters",
    "tilde": "tildes over letters",
    "dot": "dots over letters",
    "approx": "\\approx",
    "propto": "\\propto",
    "rightarrow": "arrows",
    "to": "arrows",
    "cdots": "ellipses",
    "ldots": "ellipses",
    "dots": "ellipses",
}

# --------------------------------------------------------------------------------- preparation

_DROP = re.compile(
    r"\\(?:begin|end)\s*\{(?:" + "|".join(re.escape(w) for w in sorted(WRAPPERS)) + r")\}(?:\{[0-9]{1,2}\})?|"
    r"\\label\s*\{[^{}]*\}|\\tag\*?\s*\{[^{}]*\}|\\nonumber(?![a-zA-Z])|\\notag(?![a-zA-Z])|"
    r"(?<=\\sum)\s*(?:[_^]\s*\{\s*\}\s*)+"  # \sum_{}^{}: empty limits, the sum as written without them
)
_SEGMENT = re.compile(r"(\\\\(?:[ \t]*\[[^\]\n]{0,40}\])?|\\newline(?![a-zA-Z])|\n)")  # row breaks \\ (with [2pt]) and newlines
_ANNOTATIONS = ("\\text", "\\textrm", "\\textit", "\\mbox")
_COMMAND = re.compile(r"\\([a-zA-Z]+|.?)", re.DOTALL)
#: Unicode a document's math may hold: the minus sign, dots and crosses as products (Greek letters
#: typed directly: `derive.check.presentation.read_through`)
_UNICODE = str.maketrans({
    "\u2212": "-", "\u00b7": "*", "\u22c5": "*", "\u00d7": "*",
    **TYPOGRAPHIC_PRIMES,
    # invisible or non-breaking spaces that editors leave in math: a space
    "\u200b": " ", "\u200c": " ", "\u200d": " ", "\u2060": " ", "\ufeff": " ", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})


def _spaces(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


_RELATION = re.compile(r"=|<|>|\\n?eq(?![a-zA-Z])|\\ne(?![a-zA-Z])|\\[lg]eq?(?![a-zA-Z])|\\approx")


def _justification(m: re.Match[str]) -> str:
    """A justification in words beside a step is blanked; one stating a relation (``\\text{since }
    \\sum_k y_k = 1``) may be what the step relies on, so it is kept, and the row is not read."""
    words_end = m.group(0).find("}", m.group(0).find("{")) + 1
    return m.group(0) if _RELATION.search(m.group(0), words_end) else " " * len(m.group(0))


# a row's justification or label after the equation: "\quad \because \frac{d}{du} ...", "\rightarrow \quad EqA1"
_TRAILING_NOTE = re.compile(
    r"(?:\\q?quad(?![a-zA-Z])|\\[,;: ]|\s)*(?:\\because(?![a-zA-Z]).*"
    r"|\\(?:rightarrow|Rightarrow|to|longrightarrow)(?![a-zA-Z])(?:\\q?quad(?![a-zA-Z])|\s)*"
    r"(?:\\(?:text|textrm|mbox)\s*\{[^{}]*\}|[A-Za-z]+[0-9.]*|\([A-Za-z0-9. ]*\))\s*)$",
    re.DOTALL,
)


_BECAUSE = re.compile(r"\\because(?![a-zA-Z])(?:(?!\\\\).)*", re.DOTALL)
# "A &= B && \text{since } C", "A = B \quad \text{(using } C)": the words, and the math after them
# to the end of the row, justify the step; conditions (for, if, when) are not among these words
_JUSTIFICATION = re.compile(
    r"(?:&|\\q?quad(?![a-zA-Z])|\\hspace\s*\{[^{}]*\}|,)\s*(?:\\color\s*\{[a-zA-Z]*\}\s*\{?\s*)?"
    r"\\(?:text|textrm|mbox)\s*\{\s*\(?\s*(?:since|because|using|by|from|via|applying|recall|note)\b[^{}]*\}"
    r"(?:(?!\\\\).)*",
    re.DOTALL | re.IGNORECASE,
)


# an equation's number written by hand after a space: "x^2 = 2x \qquad (4)", "~~~~ (5)", "(B1)\qquad b = ..."
_SPACER = r"(?:\\q?quad(?![a-zA-Z])|~|\\[,;: ]|\\hspace\*?\s*\{[^{}]*\})"
_NUMBER_TAG = r"\(\s*(?:[A-Z]?[0-9]{1,3}[a-z]?|\\mathrm\s*\{\s*[A-Z][0-9]{1,3}[a-z]?\s*\}|\\star|\*)\s*\)"
_TAG_TAIL = re.compile(_NUMBER_TAG + r"\s*[.,]?\s*$")
_HSPACE_END = re.compile(r"\\hspace\*?\s*\{[^{}]*\}$")
_TAG_START = re.compile(r"^\s*&?\s*" + _NUMBER_TAG + r"(?:\s*" + _SPACER + r")+")
# the same after a plain space: a number (or a factor?) in brackets ending the row
_BARE_TAG_END = re.compile(r"(?<=[\s])\(\s*[0-9]{1,3}\s*\)\s*[.,]?\s*$")


# "a + -b", "\\\\ + -y_2": a sign after a plus or minus, with a space between (never "+-", a written ±)
_DOUBLE_SIGN = re.compile(r"([+-])(\s+)-")


def _one_sign(m: re.Match[str]) -> str:
    """``+ -`` is ``-``, ``- -`` is ``+`` (columns kept)."""
    return " " + m.group(2) + ("-" if m.group(1) == "+" else "+")


def _tag_at_start(segment: str) -> tuple[int, int] | None:
    m = _TAG_START.match(segment)
    return (m.start(), m.end()) if m is not None else None


_FIXED_SPACERS = ("\\qquad", "\\quad", "~", "\\,", "\\;", "\\:", "\\ ")


def _tag_at_end(segment: str) -> tuple[int, int] | None:
    """The span of a number in brackets ending the row with spacing before it (``\\qquad (4)``, the
    spacing as ``_SPACER``): the number found at the end, then the spacing walked back over (one
    regex search for both is quadratic on a long run of spacing)."""
    tag = _TAG_TAIL.search(segment)
    if tag is None:
        return None
    start = end = tag.start()
    while True:
        spacer = next((s for s in _FIXED_SPACERS if segment.endswith(s, 0, end)), None)
        if spacer is None:
            stripped = len(segment[:end].rstrip())
            # "\\ " with more blank space after it
            spacer = "\\" if stripped < end and segment.endswith("\\", 0, stripped) else None
            end = stripped
            spacer = spacer or next((s for s in _FIXED_SPACERS if segment.endswith(s, 0, end)), None)
        hspace = _HSPACE_END.search(segment, max(0, end - 60), end) if spacer is None else None
        if spacer is None and hspace is None:
            break
        end = start = end - len(spacer) if spacer is not None else hspace.start()  # type: ignore[union-attr]
    if start == tag.start():
        return None
    return len(segment[:start].rstrip()), len(segment)


def _strip_tags(segment: str) -> str:
    """Blank an equation's number set off by spacing at either end of a row; refuse one after a
    plain space (the author's number, or a factor written last?)."""
    for span in (_tag_at_end(segment), _tag_at_start(segment)):
        if span is not None and (segment[: span[0]] + segment[span[1] :]).strip():
            segment = segment[: span[0]] + " " * (span[1] - span[0]) + segment[span[1] :]
    bare = _BARE_TAG_END.search(segment)
    head = segment[: bare.start()].rstrip() if bare is not None else ""
    if head and not head.endswith(("=", "+", "-", "*", "/", "\\cdot", "\\times")):
        raise Unsupported(f"a number in brackets ending the row ('{bare.group(0).strip()}': the equation's number, or a factor?)"
                          " is not read; set a number off with \\qquad or \\tag")
    return segment


def _strip_trailing(segment: str) -> str:
    """Blank a row's trailing ``.``/``,`` and ``\\text{...}`` annotations (linear, no regex)."""
    segment = _strip_tags(segment)
    note = _TRAILING_NOTE.search(segment) if ("because" in segment or "arrow" in segment or "\\to" in segment) else None
    if note is not None and segment[: note.start()].strip():
        segment = segment[: note.start()] + " " * (len(segment) - note.start())
    end = len(segment)
    while True:
        j = end
        while j > 0 and segment[j - 1].isspace():
            j -= 1
        if j > 0 and segment[j - 1] in ".," and not segment.endswith(("\\right", "\\left"), 0, j - 1):
            end = j - 1
            continue
        close = j
        parenthesised = close > 0 and segment[close - 1] == ")"
        if parenthesised:
            close -= 1
            while close > 0 and segment[close - 1].isspace():
                close -= 1
        if close == 0 or segment[close - 1] != "}":
            break
        opening = segment.rfind("{", 0, close - 1)
        if opening < 0 or "}" in segment[opening + 1 : close - 1]:
            break
        head = segment[:opening].rstrip()
        command = next((c for c in _ANNOTATIONS if head.endswith(c)), None)
        if command is None:
            break
        start = len(head) - len(command)
        if parenthesised:
            before = segment[:start].rstrip()
            if not before.endswith("("):
                break
            start = len(before) - 1
        end = start
    return segment[:end] + " " * (len(segment) - end)


_UPRIGHT_D = re.compile(r"\\(?:mathrm|text|textrm|operatorname|rm)\s*\{\s*d\s*\}")


def _differentials(latex: str) -> None:
    """``\\mathrm{d}z = \\hat{y} - y`` outside a fraction: a differential, or the gradient named dz
    (``dz`` for the derivative of the loss by z); never the product of d and z."""
    for m in _UPRIGHT_D.finditer(latex):
        before = latex[: m.start()]
        if before.count("{") - before.count("\\{") <= before.count("}") - before.count("\\}"):
            raise Unsupported(
                f"a differential or a gradient's name ('{m.group(0)}' outside a fraction, at {position(latex, m.start())})"
                " is not read (yet)"
            )


def prepare(latex: str, *, layers: bool = False) -> str:
    """Check limits and unsupported constructs; drop annotations. Columns are preserved. ``layers``:
    the document labels layers with bare superscripts (see `BARE_LAYER_LABEL`), which are then not
    refused as powers."""
    if not isinstance(latex, str):
        raise ParseError(f"expected text, got {type(latex).__name__}")
    if len(latex) > MAX_LENGTH:
        raise ParseError(f"math too long: {len(latex)} characters (limit {MAX_LENGTH})")
    if "{d}" in latex.replace(" ", ""):
        _differentials(_DROP.sub(_spaces, latex))
    # labels first: read_through would rewrite a label's own text (eq:d2LL -> eq:\mathrm{d2}LL)
    text = _unbox(read_through(_DROP.sub(_spaces, _uncomment(latex.translate(_UNICODE)))))
    if "because" in text:  # "A = B \quad \because C": the justification, to the end of its row, is not the equation
        text = _BECAUSE.sub(_spaces, text)
    if "\\text" in text or "\\mbox" in text:
        text = _JUSTIFICATION.sub(_justification, text)
    pieces = []
    for number, piece in enumerate(_SEGMENT.split(text)):
        if number % 2:  # a separator: keep newlines, blank row breaks
            pieces.append(piece if piece == "\n" else " " * len(piece))
        else:
            pieces.append(_strip_trailing(piece.replace("&", " ")))
    text = "".join(pieces)
    text = _DOUBLE_SIGN.sub(_one_sign, text)
    _check_nesting(text)
    _check_commands(text, layers)
    if not text.strip():
        raise ParseError("empty math")
    return text


_COMMENT = re.compile(r"(?<!\\)((?:\\\\)*)%[^\n]*")


def _uncomment(text: str) -> str:
    """Blank ``% ...`` comments to the end of the line (``\\%`` is a percent sign, kept)."""
    return _COMMENT.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), text) if "%" in text else text


_BOXED = re.compile(r"\\boxed\s*\{")


def _unbox(text: str) -> str:
    """``\\boxed{A = B}`` -> ``A = B`` (blanked, so columns stay put); an unclosed one is left alone."""
    if len(_BOXED.findall(text)) > 20:  # each one is a scan: keep the work linear
        raise Unsupported("more than 20 \\boxed in one equation are not supported")
    m = _BOXED.search(text)
    while m:
        depth, close = 0, -1
        for pos in range(m.end() - 1, len(text)):
            if text[pos] == "{" and text[pos - 1] != "\\":
                depth += 1
            elif text[pos] == "}" and text[pos - 1] != "\\":
                depth -= 1
                if depth == 0:
                    close = pos
                    break
        if close < 0:
            return text
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() : close] + " " + text[close + 1 :]
        m = _BOXED.search(text, m.end())
    return text


def position(text: str, pos: int) -> str:
    """``line L, column C`` (1-based) of ``pos`` in ``text``; just the column for one-line text."""
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return f"line {line}, column {column}" if "\n" in text else f"column {column}"


def _check_nesting(text: str) -> None:
    depth = 0
    for pos, char in enumerate(text):
        if char in "{([":
            depth += 1
            if depth > MAX_NESTING:
                raise ParseError(f"nesting deeper than {MAX_NESTING} at {position(text, pos)}")
        elif char in "})]":
            depth -= 1


#: a letter (with its subscript) numbered 0 or 1 above: a layer's label, never a power
LAYER_NUMBER = re.compile(r"(?<![A-Za-z\\])[A-Za-z](?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*\^\s*(?:\{\s*[01]\s*\}|[01](?![0-9.]))")

#: a layer's label above a name, read as part of the name: ``z^{[2]}``, ``a^{[l-1]}``, ``W^{(2)}``,
#: ``W^{(L)}``, ``a^{(l+1)}`` (a lone lowercase letter in round brackets, ``x^{(i)}``, is an example)
LAYER_LABEL = re.compile(
    r"\{\s*(\[\s*(?:[A-Za-z](?:\s*[+-]\s*[0-9])?|[0-9]{1,2})\s*\]"
    r"|\(\s*(?:[A-Z](?:\s*[+-]\s*[0-9])?|[a-z]\s*[+-]\s*[0-9]|[0-9]{1,2})\s*\))\s*\}"
)
_LAYERED = re.compile(r"(?<=[A-Za-z}])\s*\^\s*" + LAYER_LABEL.pattern)

#: a layer's label without brackets: ``z^l_j``, ``a^{l-1}_k``, ``W^L``, ``\delta^{L}`` (l or L, and one
#: more or less); read so only in a document that writes ``^{l-1}``, ``^{l+1}`` or ``^{L-1}`` on a
#: network's quantity (see `reading.bare_layers`), never on e
_BARE_LABEL = r"[lL](?:\s*[+-]\s*[0-9])?"
BARE_LAYER_LABEL = re.compile(r"\{\s*(" + _BARE_LABEL + r")\s*\}|([lL])")
_BARE_LAYERED = re.compile(r"(?<![A-Za-z\\]e)(?<=[A-Za-z}])\s*\^\s*(?:\{\s*" + _BARE_LABEL + r"\s*\}|[lL](?![A-Za-z]))")

#: Notation that would parse, but as something else: refused rather than misread.
_MISREADINGS = (
    (
        re.compile(r"\^\s*\{\s*(\((?!\s*[a-z]\s*\)\s*\})\s*[A-Za-z0-9]+(\s*[+-]\s*[A-Za-z0-9]+)?\s*\)|\[)"),
        "superscript indices such as x^{(i)} or W^{[l]} (examples, layers) are not powers;",
    ),
    (
        re.compile(r"(?<![a-zA-Z]e)(?<!^e)\^\s*(\{\s*([A-SU-Zl])\s*([+-]\s*[0-9]\s*)?\}|[A-SU-Zl](?![A-Za-z]))"),
        "superscript labels such as a^{l}, W^L or z^{L-1} (layers) are not powers;",
    ),
    (  # z^1 = w^1 a^0 + b^1: nobody writes a first or zeroth power of a letter; a layer's label
        LAYER_NUMBER,
        "superscript labels such as z^1, a^0 (layers) are not powers;",
    ),
)


# \frac{dJ}{dm} J(m, b), \frac{dg}{db} g: the quantity differentiated written again after its
# derivative, the author's way of applying d/dm to it; read as a product it would be misread
_D = r"(?:d|\\partial|\\delta|\\mathrm\s*\{\s*d\s*\}|\\text\s*\{\s*d\s*\})"
_OPERATOR_FRACTION = re.compile(
    r"\\frac\s*\{\s*" + _D + r"\s*([A-Za-z]|\\[a-zA-Z]+)\s*\}\s*\{\s*" + _D + r"\s*[^{}]*\}\s*(?:\\cdot\s*)?\1(?![A-Za-z])"
)

# \sum_{K} e^{z_k}: a capital letter under a sum is the size written where the index should be
_CAPITAL_SUM = re.compile(r"\\(?:sum|prod)\s*(?:\\limits\s*)?_\s*(?:\{\s*([A-Z])\s*\}|([A-Z])(?![A-Za-z]))")

#: ^t or ^{t} on anything but e (e^t is a power of e)
_LOWER_T = re.compile(r"(?<![\\A-Za-z])(?:[A-Za-df-z]|\\[a-zA-Z]+|\}|\))\s*\^\s*(?:t|\{\s*t\s*\})(?![A-Za-z])")
_T_ELSEWHERE = re.compile(r"(?<![\\A-Za-z])t(?![A-Za-z])")
_SCRIPT = r"(?:\{[^{}]*\}|\\?[a-zA-Z0-9]+)"
_SUM_LIMITS = re.compile(r"\\(?:sum|prod)(?![a-zA-Z])(?:\s*\\(?:no)?limits)?(?:\s*[_^]\s*" + _SCRIPT + r")+")


def _check_commands(text: str, layers: bool = False) -> None:
    """Raise :class:`Unsupported` for the first command or symbol the notation does not cover."""
    for m in _COMMAND.finditer(text):
        name = m.group(1)
        where = position(text, m.start())
        if not name:
            raise ParseError(f"stray backslash at {where}")
        if len(name) <= 1 and not name.isalpha():
            if name in _KNOWN_SYMBOLS:
                continue
            what = "norms (\\|)" if name == "|" else f"'\\{name}'"
            raise Unsupported(f"{what} at {where} not supported (yet)")
        if name not in _KNOWN_COMMANDS:
            why = _WHY.get(name, f"the command \\{name}")
            raise Unsupported(f"{why} (\\{name} at {where}) not supported (yet)")
        after = text[m.end() : m.end() + 40].lstrip()
        if name in _DELIMITER_SIZES and not (after[:1] in ("(", ")", "[", "]") or after[:2] in ("\\{", "\\}")):
            raise Unsupported(f"the delimiter after \\{name} at {where} is not supported (yet)")
        named = re.match(r"\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}", after) if name == "mathrm" else None
        if name == "mathrm" and named is None:
            raise Unsupported(f"\\mathrm{{...}} other than a name (letters, digits) at {where} is not supported (yet)")
        if named is not None and named.group(1).lower() in _MATRIX_OPERATORS:  # tr(ABC) = tr(CBA) is false
            raise Unsupported(f"the {named.group(1)} of a matrix at {where} {_NOT_NUMBERS}")
    lower_t = _LOWER_T.search(text)
    if lower_t is not None and not _T_ELSEWHERE.search(_LOWER_T.sub(" ", text)):
        # w^t x^{(i)}: t nowhere else, so no power of a quantity t: a transpose (as ^T), or a time step
        raise Unsupported(f"a superscript t at {position(text, lower_t.start())} (a transpose, or a time step?) is not read (yet)")
    trace = _BARE_TRACE.search(text)
    if trace:
        raise Unsupported(f"the trace '{trace.group(1)}' of a matrix at {position(text, trace.start(1))} {_NOT_NUMBERS}")
    found = words(text)
    if found:
        raise Unsupported(
            f"the name '{found[0]}' is not read (yet): a word of several letters is not a product of one-letter"
            " variables; write a one-letter name, or \\log, \\exp, \\tanh"
        )
    capital = _CAPITAL_SUM.search(text)
    if capital:
        letter = capital.group(1) or capital.group(2)
        raise Unsupported(
            f"a sum over the capital {letter} at {position(text, capital.start())} (the size where the index"
            f" should be: \\sum_{{{letter.lower()}=1}}^{{{letter}}}?) is not read (yet)"
        )
    operator = _OPERATOR_FRACTION.search(text)
    if operator:
        raise Unsupported(
            f"a derivative followed by the quantity it differentiates ('{' '.join(operator.group(0).split())}' at"
            f" {position(text, operator.start())}: the operator applied to it, or a product?) is not read (yet)"
        )
    unlimited = _SUM_LIMITS.sub(_spaces, text)  # \sum_{n=1}^{N}: an upper bound is no power
    unlimited = _LAYERED.sub(_spaces, unlimited)  # z^{[2]}: read as the name of layer 2's z
    if layers:
        unlimited = _BARE_LAYERED.sub(_spaces, unlimited)  # z^l_j, a^{l-1}: the same, labelled without brackets
    for pattern, what in _MISREADINGS:
        m = pattern.search(unlimited)
        if m:
            raise Unsupported(f"{what} ('{m.group(0).strip()}' at {position(text, m.start())}) not supported (yet)")
    stripped = _COMMAND.sub(lambda m: " " * len(m.group(0)), text)
    bar = stripped.find("|")
    if bar >= 0:
        raise Unsupported(f"absolute values and norms ('|' at {position(text, bar)}) not supported (yet)")

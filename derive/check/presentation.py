"""Read through presentation-only LaTeX: what changes how math looks, never what it says.

Real documents wrap their math in commands that only style it: ``\\cancel{b}`` (the term is still
there), ``\\underbrace{x}_{\\text{note}}`` (the expression underneath), ``{a \\over b}``,
``\\left. ... \\right.``, ``\\hspace{1em}``, ``\\color{red}``, ``\\operatorname{exp}``, the words
``log(x)`` / ``exp(x)`` / ``tanh(x)`` written without a backslash, and indicators
``\\mathbb{1}[i = j]`` between two indices (the Kronecker delta). :func:`read_through` rewrites
those into the notation the grammar reads; everything it does not know stays as written, so the
parser still refuses it. Rewriting is textual, bounded and linear in practice: nothing here
evaluates the text.
"""

from __future__ import annotations

import re

__all__ = ["FUNCTION_WORDS", "TYPOGRAPHIC_PRIMES", "WRAPPERS", "group_end", "read_through", "words"]

#: Environments that only lay equations out: their rows are read, their ``\\begin``/``\\end`` dropped.
WRAPPERS = frozenset(
    """equation equation* align align* aligned alignat alignat* alignedat gather gather* gathered
    multline multline* split eqnarray eqnarray* flalign flalign* displaymath math""".split()
)

_MAX_REWRITES = 200  # per equation: more is not a real document

# commands whose only argument is the expression itself
_UNWRAP = re.compile(r"\\(cancel|bcancel|xcancel|underbrace|overbrace|underline|textcolor\s*\{[a-zA-Z]*\})\s*\{")
# commands (with their argument) that only style or space: blanked
_BLANK = re.compile(
    r"\\(?:hspace|vspace|mspace|hskip|mskip|kern|mkern)\*?\s*\{[^{}]{0,40}\}"
    r"|\\color\s*\{[a-zA-Z!0-9]{0,30}\}"
    r"|\\require\s*\{[a-zA-Z]{0,30}\}"
    r"|\\(?:left|right)\s*\.(?![0-9])"
    r"|\\(?:space|enspace|thinspace|medspace|thickspace|negthinspace|negmedspace|negthickspace|nobreak|allowbreak)(?![a-zA-Z])"
    r"|\\[>]"
)
_FUNCTION_WORDS = "exp|log|ln|tanh|sinh|cosh|sech|csch|coth"
_NAMED = re.compile(r"\\(?:operatorname|mathrm|text|textrm)\s*\{\s*(" + _FUNCTION_WORDS + r")\s*\}")
# a function word written without its backslash, before its argument: log(x), log x, exp{...}, tanh'(x)
_BARE_WORD = re.compile(r"(?<![\\a-zA-Z])(" + _FUNCTION_WORDS + r")(?=\s*[(\[{\\^]|\s+[a-zA-Z]|'+\s*\()")
# an indicator between two index letters: \mathbb{1}[i = j], \mathbb{1}\{i=j\}, \mathbb{I}(i = j), \mathbf{1}_{i=j}
_INDICATOR = re.compile(
    r"\\(?:mathbb|mathbf|mathds|mathbbm)\s*\{\s*[1I]\s*\}\s*"
    r"(?:\[\s*([a-z])\s*=\s*([a-z])\s*\]|\\\{\s*([a-z])\s*=\s*([a-z])\s*\\\}|\(\s*([a-z])\s*=\s*([a-z])\s*\)"
    r"|_\s*\{\s*\\?\{?\[?\s*([a-z])\s*=\s*([a-z])\s*\]?\\?\}?\s*\})"
)
_FN_PRIME = re.compile(r"\\(" + _FUNCTION_WORDS + r")\s*('+)(?=\s*(?:\(|\\left\s*\(|\\(?:big|Big|bigg|Bigg)l?\s*\())")
# words that name a quantity in ML derivations, written in math italic or in \text: loss = ...,
# \frac{\partial}{\partial m} MSE, E_{total}, J_{MCE}, N_{out}; one name each, never a product of letters
# (two-letter lower-case words are left out: W_{in} may be two indices)
_NAME_WORDS = (
    "loss|Loss|LOSS|cost|Cost|error|Error|total|out|avg|pred|true|target|train|test|reg|net|"
    "MSE|MAE|RMSE|SSE|RSS|BCE|CE|NLL|MCE|CCE|KL"
)
_NAME_WORD = re.compile(r"(?<![\\a-zA-Z])(" + _NAME_WORDS + r")(?![a-zA-Z])")
_STYLED_WORD = re.compile(r"\\(?:text|textrm|textit|mathit|mbox)\s*\{\s*(" + _NAME_WORDS + r")\s*\}")
# p_j.p_i, \frac{dJ}{dv} . \frac{dv}{da}, a.(1-a): a period between two factors multiplies (never
# between digits, 0.5, nor in an ellipsis ...)
_DOT_PRODUCT = re.compile(
    r"(?<=[A-Za-z}\)])(?<![.\\])\s*\.(?![.])\s*"
    r"(?=[A-Za-z(]|\\(?!(?:right|left|quad|qquad|tag|label|nonumber|notag|end|begin|text|mbox|hspace|eqref|ref)(?![a-zA-Z]))[a-zA-Z])"
)
# P(Y=1|x), p(y = 0 \mid x; \theta): the probability of an event given plain names, one quantity
# named by what it is written with (never for an index in it: P(Y=k|x_i) is left alone)
_CONDITIONAL = re.compile(
    r"(?<![\\A-Za-z])(P|p|\\Pr)\s*(?:\\left\s*)?\(\s*([A-Za-z])\s*=\s*([0-9])\s*(?:\||\\mid(?![a-zA-Z])|\\vert(?![a-zA-Z]))"
    r"\s*((?:\\[a-zA-Z]+|[A-Za-z])(?:\s*[,;]\s*(?:\\[a-zA-Z]+|[A-Za-z]))*)\s*(?:\\right\s*)?\)"
)
# P(y|x), p(y_i | x_i; \theta), P(y^{(i)} | x^{(i)}; \theta), \mathcal{L}(\theta | x): a conditional probability
# (or likelihood) of plain names with one plain bar, one quantity named by what it is written with,
# indexed by the example when every name written with an index has the same one; never a function
# of its arguments (P(x|y) is not P(y|x) with its arguments swapped)
_GIVEN_TERM = (r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([A-Za-z])\s*\}|\\([a-zA-Z]+)|([A-Za-z]))"
               r"(?:\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))|\s*\^\s*\{\s*\(\s*([a-z])\s*\)\s*\})?")
_GIVEN = re.compile(
    r"(?<![\\A-Za-z])(?P<head>P|p|q|Q|L|\\Pr|\\mathcal\s*\{\s*L\s*\})\s*(?:\\left\s*)?\(\s*(?P<event>" + _GIVEN_TERM + r")\s*(?:\||\\vert(?![a-zA-Z]))\s*"
    r"(?P<given>" + _GIVEN_TERM + r"(?:\s*[,;]\s*" + _GIVEN_TERM + r")*)\s*(?:\\right\s*)?\)"
)
_GIVEN_PARTS = re.compile(_GIVEN_TERM)
_NOT_NAMES = frozenset({"left", "right", "cdot", "mid", "quad", "qquad", "text", "mathrm"})
#: the implication arrows (document.py splits rows at them; a display may start with one)
ARROWS = r"\\(?:Rightarrow|implies|Longrightarrow)(?![a-zA-Z])"
_ROW_START = r"\s*(?:\\begin\s*\{[a-z]+\*?\}\s*)?&?\s*"
#: $$\Rightarrow expression$$: a display that starts with an implication arrow
IMPLICATION_START = re.compile(_ROW_START + ARROWS)
# \therefore A = B, & \implies A = B at the start of a row: the reasoning's connective, not math
# (and words that open the row: \text{Let } f(x) = ..., \text{so } A = B, or a phrase ending in a comma
# or colon, \text{Similarly,}\quad, \text{and for the bias, }, with the space after them)
_OPENING_WORDS = (
    r"\\(?:text|textrm|mbox)\s*\{\s*(?:(?:[Ll]et|[Ss]o|[Tt]hus|[Hh]ence|[Ww]here|[Aa]nd|[Tt]hen)\s*,?"
    r"|[A-Za-z][A-Za-z ]*[A-Za-z]\s*[,:])\s*\}(?:\s*\\[,;: ]|\s*\\q?quad(?![a-zA-Z]))*"
)
_LEADING_MARK = re.compile(
    r"((?:^|\\\\)" + _ROW_START + r")(?:" + ARROWS + r"|\\(?:therefore|because)(?![a-zA-Z])|" + _OPENING_WORDS + ")"
)
_EMPTY_TEXT = re.compile(r"\\(?:text|textrm|mbox)\s*\{\s*\}")  # \text{ }: a space
# \sum_{k=1, k \neq j}^{c}: from 1 with one index left out, as \sum_{k \neq j}^{c}
_SUM_FROM_ONE_EXCEPT = re.compile(r"(\\sum\s*_\s*\{)\s*([a-z])\s*=\s*1\s*,\s*\2\s*(\\neq?(?![a-zA-Z])|\\not\s*=)\s*([a-z])\s*\}")
_EMPTY_SCRIPT = re.compile(r"\^\s*\{\s*\}")  # \sum_{k}^{ }: nothing above the sum
_MATHCAL_BARE = re.compile(r"\\mathcal\s+([A-Za-z])")  # \mathcal L
_OVER = re.compile(r"\\over(?![a-zA-Z])")
# \text{softmax(x)}_i, \textrm{softmax(x)}: a function word and its bracket set in text, as \mathrm{softmax}(x)
# (the bracket against the word and holding a letter: never \text{apply (1.2)}, a reference)
_TEXT_CALL = re.compile(r"\\(?:text|textrm|mathrm|operatorname)\s*\{\s*([A-Za-z]{2,})\(([^(){}$]*[A-Za-z][^(){}$]*)\)\s*\}")
# TeX's old font switches inside a group: {\rm if} -> \mathrm{if}, {\bf x} -> \mathbf{x}
_OLD_FONT = re.compile(r"\{\s*\\(rm|bf|it|mathrm|cal)\s+([A-Za-z][A-Za-z0-9]*)\s*\}")
_FONT_COMMAND = {"rm": "mathrm", "bf": "mathbf", "it": "mathit", "mathrm": "mathrm", "cal": "mathcal"}
# e^-x, x^-1: TeX sets only the sign as the superscript, the author means e^{-x}
_SIGNED_SCRIPT = re.compile(r"\^\s*-\s*(\\[a-zA-Z]+|[A-Za-z0-9])(?![A-Za-z0-9_^{(])")
# primes written as commands or as a superscript: x^{\prime}, x^\prime, f^{'}, x^{\prime\prime}
_PRIME_SCRIPT = re.compile(r"\^\s*(?:\{\s*((?:\\prime\s*|'\s*)+)\}|\\prime(?![a-zA-Z]))")
_PRIME = re.compile(r"\\prime(?![a-zA-Z])")
# a name in upright or text font, as a function (before a bracket) or a label (in a subscript)
_TEXT_NAME = re.compile(r"\\(?:text|textrm|textit|mathit|operatorname|mbox|textup|mathsf|textsf)\s*\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}")
_NAMED_CALL_AFTER = re.compile(r"\s*(?:'\s*)*(?:\(|\\left\s*\(|\\(?:big|Big|bigg|Bigg)l?\s*\()")
# a function word glued to an unbraced subscript: y_klog(p_k) is y_k \log(p_k)
_GLUED_WORD = re.compile(r"(_[A-Za-z0-9])(" + _FUNCTION_WORDS + r")(?=\s*[(\[{\\])")
# a letter glued before a logarithm or exponential: ylog(h) is y \log(h) (never asinh: not these words)
_LETTER_GLUED = re.compile(r"(?<![\\a-zA-Z{])([A-Za-z])(log|ln|exp)(?=\s*[(\[{\\])")
# a function word glued to a one-letter argument: logS, lnx, coshx are \log S, \ln x, \cosh x
_ARGUMENT_GLUED = re.compile(r"(?<![\\a-zA-Z])(?<!\\text\{)(?<!\\mathrm\{)(?<!\\operatorname\{)(" + _FUNCTION_WORDS + r")([A-Za-z])(?![A-Za-z(\[{'])")
# a word of two or more letters (not a command) directly before a bracket: sigmoid(z), cost(h, y)
# (also first in a group, \frac{1}{softmax(z)_j}, but not as a styled name's text, \text{cost(h)})
_CALL_WORD = re.compile(r"(?<![\\a-zA-Z])" + "".join(rf"(?<!\\{name}\{{)" for name in ("text", "textrm", "textit", "mathrm", "mathit", "mbox", "operatorname"))
                        + r"([A-Za-z]{3,}|[A-Z]{2})(?=\s*(?:'\s*)*\()")
_OTHER_SYMBOLS = (
    (re.compile(r"\\bigtriangledown(?![a-zA-Z])"), r"\nabla"),
    (re.compile(r"\\bullet(?![a-zA-Z])"), r"\cdot"),  # a product written with a bullet (as \cdot)
    (re.compile(r"\\parallel(?![a-zA-Z])"), r"\|"),
    (re.compile(r"\\not\s*=|\\not\s*\{\s*=\s*\}"), r"\neq "),  # i \not= j
    (re.compile(r"\\[lr]vert(?![a-zA-Z])"), r"|"),  # p(y \lvert x)
    (re.compile(r"\\vect(?![a-zA-Z])"), r"\mathbf"),  # a common macro for a vector's name
    (re.compile(r"\\(?:mbox|text|textrm|textup|operatorname)\s*\{\s*e\s*\}"), r"\mathrm{e}"),  # \mbox{e}^{z}: Euler's e upright
    (re.compile(r"\\(?:mbox|text|textrm|textup)\s*\{\s*d\s*\}"), r"\mathrm{d}"),  # \frac{\text{d}l}{\text{d}\lambda}: an upright d
)
# bold type written the text way or the old way: \textbf{x}, \bf{\theta} -> \mathbf{...}
_BOLD_ALIAS = re.compile(r"\\(?:textbf|bf)\s*(?=\{)")
# <w, x_i>: the inner product of two named vectors, as w^T x_i (a name, maybe bold, maybe with one index)
_VECTOR_NAME = r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*(?:[A-Za-z]|\\[a-zA-Z]+)\s*\}|[A-Za-z]|\\[a-zA-Z]+)(?:\s*_\s*(?:[a-z0-9]|\{\s*[a-z0-9]\s*\}))?"
_INNER_PRODUCT = re.compile(
    r"\\langle(?![a-zA-Z])\s*(" + _VECTOR_NAME + r")\s*,\s*(" + _VECTOR_NAME + r")\s*\\rangle(?![a-zA-Z])"
)
# y^*_j, y_j^{*}, \theta^\ast: a starred name (the target, the optimum) is a quantity of its own
_STARRED = re.compile(
    r"(?<![\\A-Za-z])([A-Za-z])(\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*\^\s*(?:\*|\{\s*\*\s*\}|\\ast(?![a-zA-Z])|\{\s*\\ast\s*\})"
)
# \theta{_k}: a group holding only a subscript, set against the name before it: \theta_{k}
_GROUPED_SCRIPT = re.compile(r"((?:\\[a-zA-Z]+|(?<![\\A-Za-z])[A-Za-z]))\s*\{\s*_\s*(\{[^{}]*\}|[A-Za-z0-9])\s*\}")
# \partial{z_k}, \partial{S_i}: braces around the variable, as \partial z_k
_BRACED_PARTIAL = re.compile(r"\\partial\s*\{\s*((?:[A-Za-z]|\\[a-zA-Z]+)(?:\s*_\s*(?:[A-Za-z0-9]|\{[A-Za-z0-9]{1,3}\}))?)\s*\}")
_WORD = re.compile(r"[a-zA-Z]{3,}")
_STYLED_NAME = re.compile(
    r"\\(?:mathrm|operatorname|text|textrm|textit|textbf|textsf|mathit|mathsf|mbox|label|tag|ref|eqref|begin|end|"
    r"mathbb|mathcal|mathbf|boldsymbol|bm|color|textcolor|hspace|emph)\*?\s*\{[^{}]*\}"
)
_COMMAND = re.compile(r"\\[a-zA-Z]+")


def group_end(text: str, open_pos: int) -> int:
    """Offset of the ``}`` closing the ``{`` at ``open_pos``; -1 when unbalanced."""
    depth = 0
    for pos in range(open_pos, len(text)):
        char = text[pos]
        if char == "{" and (pos == 0 or text[pos - 1] != "\\"):
            depth += 1
        elif char == "}" and (pos == 0 or text[pos - 1] != "\\"):
            depth -= 1
            if depth == 0:
                return pos
    return -1


def _script_end(text: str, pos: int) -> int:
    """End of a ``_{...}`` / ``^{...}`` / ``_x`` script starting at ``pos`` (after spaces); ``pos`` if none."""
    at = pos
    while at < len(text) and text[at] == " ":
        at += 1
    if at >= len(text) or text[at] not in "_^":
        return pos
    at += 1
    while at < len(text) and text[at] == " ":
        at += 1
    if at < len(text) and text[at] == "{":
        close = group_end(text, at)
        return close + 1 if close >= 0 else pos
    if at < len(text) and text[at] == "\\":
        m = _COMMAND.match(text, at)
        return m.end() if m else pos
    return at + 1 if at < len(text) else pos


def _unwrap(text: str) -> str:
    """``\\cancel{X}`` -> ``X``; ``\\underbrace{X}_{...}`` -> ``X`` (the note under it dropped)."""
    for _ in range(_MAX_REWRITES):
        m = _UNWRAP.search(text)
        if m is None:
            return text
        close = group_end(text, m.end() - 1)
        if close < 0:
            return text
        end = close + 1
        if m.group(1) in ("underbrace", "overbrace"):
            end = _script_end(text, end)
        inner = text[m.end() : close]
        if inner.lstrip()[:1] in ("+", "-"):  # y \cancel{- y h} - h: the terms cancelled, still terms of the sum
            text = text[: m.start()] + " " + inner + " " + " " * (end - close - 1) + text[end:]
            continue
        text = text[: m.start()] + "{" + inner + "}" + " " * (end - close - 1) + text[end:]
    return text


def _over(text: str) -> str:
    """``{A \\over B}`` -> ``\\frac{A}{B}`` (TeX's infix fraction); ``\\left( A \\over B \\right)``, a group
    too, -> ``\\left( \\frac{A}{B} \\right)``."""
    for _ in range(_MAX_REWRITES):
        m = _OVER.search(text)
        if m is None:
            return text
        depth, pairs, start = 0, 0, -1
        for pos in range(m.start() - 1, -1, -1):
            char = text[pos]
            if char == "}" and text[pos - 1 : pos] != "\\":
                depth += 1
            elif char == "{" and text[pos - 1 : pos] != "\\":
                if depth == 0:
                    start = pos
                    break
                depth -= 1
            elif char in ")]" and text[:pos].rstrip().endswith("\\right"):
                pairs += 1
            elif char in "([" and text[:pos].rstrip().endswith("\\left") and depth == 0:
                if pairs == 0:
                    return _over_in_delimiters(text, pos, m)
                pairs -= 1
        if start < 0:
            return text  # a bare \over outside braces: left for the parser to refuse
        close = group_end(text, start)
        if close < 0:
            return text
        text = f"{text[:start]}\\frac{{{text[start + 1 : m.start()]}}}{{{text[m.end() : close]}}}{text[close + 1 :]}"
    return text


def _over_in_delimiters(text: str, opening: int, m: re.Match[str]) -> str:
    """``\\left( A \\over B \\right)`` (``opening`` at the bracket): ``\\left( \\frac{A}{B} \\right)``, or
    ``text`` unchanged when no ``\\right`` closes it (the parser refuses the bare ``\\over``)."""
    pairs = 0
    for right in re.finditer(r"\\(left|right)(?![a-zA-Z])", text[m.end() :]):
        if right.group(1) == "left":
            pairs += 1
        elif pairs:
            pairs -= 1
        else:
            close = m.end() + right.start()
            return f"{text[: opening + 1]}\\frac{{{text[opening + 1 : m.start()]}}}{{{text[m.end() : close]}}}{text[close:]}"
    return text


def _indicator(m: re.Match[str]) -> str:
    first, second = next((m.group(n), m.group(n + 1)) for n in (1, 3, 5, 7) if m.group(n))
    return f"\\delta_{{{first} {second}}}"


def _text_name(m: re.Match[str]) -> str:
    """``\\text{Cost}(`` and ``x_\\text{max}``: the name in upright type; elsewhere left as written
    (a trailing ``\\text{for } ...`` is an annotation, read by the parser)."""
    before = m.string[: m.start()].rstrip()
    if m.group(1) in FUNCTION_WORDS and not before.endswith(("_", "_{")):  # \mbox{log}(o_j): the logarithm
        return f"\\{m.group(1)} "
    if before.endswith(("_", "_{")) or _NAMED_CALL_AFTER.match(m.string, m.end()):
        return f"\\mathrm{{{m.group(1)}}}"
    return m.group(0)


_BARS = re.compile(r"\\\||\|\||\\Vert(?![a-zA-Z])")


_KL_WORD = r"(?:KL|\\(?:mathrm|text|operatorname|textrm)\s*\{\s*KL\s*\})"
_KL_HEAD = re.compile(
    r"(?<![\\A-Za-z])(?:D\s*_\s*(?:\{\s*" + _KL_WORD + r"\s*\}|" + _KL_WORD + r")|" + _KL_WORD + r")\s*(?:\\left\s*)?(?=\()"
)


def _divergence_bars(text: str) -> str:
    """``D_{KL}(P \\| Q)``, ``KL(p || q)``: one double bar between the arguments of a function
    separates them (read like ``\\mid``); a norm's bars come in pairs and are left alone."""
    out, last = [], 0
    for m in _BARS.finditer(text):
        depth, pos = 0, m.start() - 1
        while pos >= 0:  # the bracket this bar is inside
            ch = text[pos]
            if ch == ")":
                depth += 1
            elif ch == "(":
                if depth == 0:
                    break
                depth -= 1
            pos -= 1
        if pos < 0 or not re.search(r"[A-Za-z0-9}]\s*(?:\\left\s*)?$", text[:pos]):
            continue
        close = pos + 1 + _close_paren(text[pos + 1 :])
        inside = text[pos + 1 : close]
        if close > len(text) or len(_BARS.findall(inside)) != 1:
            continue
        head = next((h for h in _KL_HEAD.finditer(text, 0, pos + 1) if h.end() == pos), None)
        if head is not None and head.start() >= last:  # D_{KL}(P \| Q), \mathrm{KL}(p \| q): the function KL
            out.append(text[last : head.start()] + "\\mathrm{KL}" + text[head.end() : m.start()] + "\\mid ")
        else:
            out.append(text[last : m.start()] + "\\mid ")
        last = m.end()
    return "".join(out) + text[last:] if out else text


def _conditional(m: re.Match[str]) -> str:
    """``P(Y=1|x)`` -> ``P_{\\mathrm{Y1givenx}}``: one name per event and condition."""
    given = "".join(re.findall(r"[A-Za-z]+", m.group(4).replace("\\", "")))
    name = "P" if m.group(1) == "\\Pr" else m.group(1)
    return f"{name}_{{\\mathrm{{{m.group(2)}{m.group(3)}given{given}}}}}"


def _given(m: re.Match[str]) -> str:
    """``P(y_i | x_i; \\theta)`` -> ``\\mathrm{Pygivenxtheta}_{i}``; left as written (and refused) when the
    names carry different indices, or the event none while its condition has one (``P(y | x_i)``)."""
    head = "L" if "mathcal" in m["head"] else {"\\Pr": "P"}.get(m["head"], m["head"])
    names, marks, event_marked = [], set(), False
    for n, term in enumerate([m["event"], *re.split(r"\s*[,;]\s*", m["given"])]):
        t = _GIVEN_PARTS.fullmatch(term.strip())
        if t is None or t.group(2) in _NOT_NAMES:
            return m.group(0)
        sub, sup = t.group(4) or t.group(5), t.group(6)
        mark = ("_", sub) if sub else ("^", sup) if sup else None
        if n == 0:
            event_marked = mark is not None
        elif mark is not None and not event_marked:
            return m.group(0)
        if mark is not None:
            marks.add(mark)
        names.append(t.group(1) or t.group(2) or t.group(3))
    if len(marks) > 1:
        return m.group(0)
    name = f"\\mathrm{{{head}{names[0]}given{''.join(names[1:])}}}"
    for kind, letter in marks:
        name += f"_{{{letter}}}" if kind == "_" else f"^{{({letter})}}"
    return name


def _semicolon_arguments(text: str) -> str:
    """``P(x_1, x_2; \\mu, \\sigma)``: a semicolon between a function's arguments separates the
    parameters, read like ``\\mid``; elsewhere it is left as written (and refused)."""
    out, depth = [], 0
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        out.append("\\mid " if ch == ";" and depth > 0 else ch)
    return "".join(out)


def _close_paren(text: str) -> int:
    """The offset of the ``)`` closing an already open bracket (past the end if none)."""
    depth = 0
    for n, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return n
            depth -= 1
    return len(text) + 1


def _name_words(text: str) -> str:
    """``loss`` -> ``\\mathrm{loss}``, except inside a command's braces (``\\mathrm{loss}``,
    ``\\label{eq:loss}``, ``\\text{the loss}``)."""
    styled = [(m.start(), m.end()) for m in _STYLED_NAME.finditer(text)]

    def name(m: re.Match[str]) -> str:
        if any(a <= m.start() < b for a, b in styled):
            return m.group(0)
        return f"\\mathrm{{{m.group(1)}}}"

    return _NAME_WORD.sub(name, text)


def _call_word(m: re.Match[str]) -> str:
    """``sigmoid(z)``, ``cost(h, y)``: a word written before a bracket names a function."""
    word = m.group(1)
    return word if word in FUNCTION_WORDS else f"\\mathrm{{{word}}}"


FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split("|"))  #: the named functions: ln, log, exp, tanh, ...


# \hat{y_i}: the hat on the letter, the subscript after it (as \hat{y}_i)
_HAT_SUBSCRIPT = re.compile(r"\\(hat|widehat)\s*\{\s*([A-Za-z]|\\[a-zA-Z]+)\s*_\s*(\{[^{}]*\}|[A-Za-z0-9])\s*\}")


# \partial_{o_j} l, \partial_x f: the derivative operator written with a subscript
_PARTIAL_SUB = re.compile(r"\\partial\s*_\s*(\{((?:[^{}]|\{[^{}]*\})*)\}|[A-Za-z])")
# \nabla_{\mathbf{x}} L: the gradient, entry by entry the derivative by each entry of x
_NABLA_SUB = re.compile(r"\\nabla\s*_\s*(\{((?:[^{}]|\{[^{}]*\})*)\}|\\[a-zA-Z]+|[A-Za-z])")
# 1_{i=j}: the indicator written with a plain 1
_PLAIN_INDICATOR = re.compile(r"(?<![\w.}])1\s*_\s*\{\s*([a-z])\s*=\s*([a-z])\s*\}")


# z1, w1, h12: a letter with digits written against it names a quantity (numbered inputs, weights)
_NUMBERED_NAME = re.compile(r"(?<![\\a-zA-Z_^{0-9.])([a-zA-Z])([0-9]+)(?![0-9.])")
# E_y1: an unbraced subscript with digits against it, E_{\mathrm{y1}} (a label, as y1 is a name)
_NUMBERED_SUBSCRIPT = re.compile(r"_\s*([a-zA-Z])([0-9]+)(?![0-9.])")
# \mu_{MLE}, \theta_{MAP}, \sigma^2_{ML}: capitals in a subscript are the estimate's label, as \mathrm{MLE}
_CAPITAL_LABEL = re.compile(r"_\s*\{\s*([A-Z]{2,5})\s*\}")


# \frac 1 {1 + e^{-z}}, \frac12, \frac{a}2: an argument of one character (or one command) without braces
_FRAC_BARE = re.compile(r"\\([dtc]?frac)(?![a-zA-Z])\s*")
# \hat{y1}: a numbered name under an accent
_ACCENTED_NUMBERED = re.compile(r"\\(hat|widehat|tilde|bar)\s*\{\s*([a-zA-Z])([0-9]+)\s*\}")
# \mathbf{ ... } around a whole equation (or more than a name): bold type, nothing else
_BOLD_GROUP = re.compile(r"\\(?:mathbf|boldsymbol|bm)\s*\{")


def _braced_fractions(text: str) -> str:
    """``\\frac 1 {x}`` -> ``\\frac{1}{x}``: each argument of one character (or one command) gets its braces."""
    out, pos = [], 0
    for m in _FRAC_BARE.finditer(text):
        if m.start() < pos:
            continue
        at, args, bare = m.end(), [], False
        while len(args) < 2:
            while at < len(text) and text[at] == " ":
                at += 1
            if at < len(text) and text[at] == "{":
                close = group_end(text, at)
                if close < 0:
                    break
                args.append(text[at : close + 1])
                at = close + 1
                continue
            one = re.compile(r"[0-9A-Za-z]|\\[a-zA-Z]+").match(text, at)
            if one is None:
                break
            args.append("{" + one.group(0) + "}")
            at, bare = one.end(), True
        if len(args) == 2 and bare:
            out.append(text[pos : m.start()] + "\\" + m.group(1) + args[0] + args[1])
            pos = at
    return "".join(out) + text[pos:]


def _bold_groups(text: str) -> str:
    """``\\mathbf{ \\frac{...}{...} = ... }``: bold type around more than one name is dropped."""
    for _ in range(_MAX_REWRITES):
        m = next((m for m in _BOLD_GROUP.finditer(text) if not re.fullmatch(r"\s*(?:[A-Za-z0-9]|\\[a-zA-Z]+|\\hat\s*\{\s*[A-Za-z]\s*\})\s*", text[m.end() : max(m.end(), group_end(text, m.end() - 1))])), None)
        if m is None:
            return text
        close = group_end(text, m.end() - 1)
        if close < 0:
            return text
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() : close] + " " + text[close + 1 :]
    return text


_SUM_THEN_SIGN = re.compile(r"(\\sum(?:\s*\\limits)?(?:\s*_\s*(?:\{[^{}]*\}|[a-zA-Z0-9])|\s*\^\s*(?:\{[^{}]*\}|[a-zA-Z0-9]))*)\s*-(?!\s*[0-9])")


_UNICODE_LETTERS = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ϵ": "epsilon", "ζ": "zeta", "η": "eta",
    "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi", "π": "pi", "ρ": "rho",
    "σ": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi", "ϕ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
    "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta", "Λ": "Lambda", "Ξ": "Xi", "Π": "Pi", "Σ": "Sigma", "Φ": "Phi",
    "Ψ": "Psi", "Ω": "Omega", "∂": "partial", "∑": "sum", "∏": "prod", "ℓ": "ell",
}
#: Greek letters (and the partial sign, sums) typed directly in math: J(θ), h_θ (a column after
#: one is then off by the command's length)
#: primes typed as a typographic apostrophe or a prime sign (s’(x), f′(x)): the prime
TYPOGRAPHIC_PRIMES = {"\u2019": "'", "\u2032": "'"}
_UNICODE_COMMANDS = str.maketrans({char: f"\\{name} " for char, name in _UNICODE_LETTERS.items()})


_STYLE_OPEN = re.compile(r"\\(?:math|text)(?:it|sf|tt|bf|rm|normal)\s*\{\s*$|\\(?:mbox|text|operatorname)\s*\{\s*$")


def _bare_word(m: re.Match[str]) -> str:
    """``log(x)`` -> ``\\log(x)``, also at a group's start (``{sinh(x) \\over cosh(x)}``); not a word a
    command styles (``\\mathit{log}``: a name)."""
    if m.string[max(0, m.start() - 1)] == "{" and _STYLE_OPEN.search(m.string, max(0, m.start() - 30), m.start()):
        return m.group(0)
    return "\\" + m.group(1)


def read_through(text: str) -> str:
    """``text`` with its presentation-only constructs rewritten (see the module docstring)."""
    if not text.isascii():
        text = text.translate(_UNICODE_COMMANDS)
    if "\\" in text:
        text = _LEADING_MARK.sub(lambda m: m.group(1) + " " * (m.end() - m.end(1)), text)
    if "\\" not in text and "^" not in text and not _BARE_WORD.search(text) and not _CALL_WORD.search(text) and not _NUMBERED_NAME.search(text) and not _NUMBERED_SUBSCRIPT.search(text) and not _CAPITAL_LABEL.search(text) and not _NAME_WORD.search(text) and not _ARGUMENT_GLUED.search(text) and "." not in text and ";" not in text and "|" not in text:
        return text
    text = _BLANK.sub(lambda m: " " * len(m.group(0)), text)
    if "(" in text:
        text = _TEXT_CALL.sub(lambda m: f"\\mathrm{{{m.group(1)}}}({m.group(2)})", text)
    if "bf" in text:
        text = _BOLD_ALIAS.sub(r"\\mathbf", text)
    if "*" in text or "ast" in text:
        text = _STARRED.sub(lambda m: f"\\mathrm{{{m.group(1)}star}}{m.group(2) or ''}", text)
    if "{_" in text:
        text = _GROUPED_SCRIPT.sub(lambda m: f"{m.group(1)}_{m.group(2)}", text)
    if "partial" in text:
        text = _BRACED_PARTIAL.sub(lambda m: f"\\partial {m.group(1)} ", text)
    if "langle" in text:
        text = _INNER_PRODUCT.sub(lambda m: f"({m.group(1)}^\\top {m.group(2)})", text)
    text = text.replace("\\cfrac", "\\frac")  # a continued fraction's style
    text = re.sub(r"\\lbrack(?![a-zA-Z])", "[", re.sub(r"\\rbrack(?![a-zA-Z])", "]", text)) if "brack" in text else text
    text = _SUM_THEN_SIGN.sub(lambda m: m.group(1) + " (-1)", text)  # \sum_i -\log p_i: the sign is the body's
    if "frac" in text:
        text = _braced_fractions(text)
    if "\\mathbf" in text or "\\bm" in text or "\\boldsymbol" in text:
        text = _bold_groups(text)
    text = _ACCENTED_NUMBERED.sub(lambda m: f"\\mathrm{{{m.group(2)}{m.group(3)}{m.group(1).replace('wide', '')}}}", text)
    text = _NUMBERED_SUBSCRIPT.sub(lambda m: f"_{{\\mathrm{{{m.group(1)}{m.group(2)}}}}}", text)  # E_y1: E labelled y1
    text = _CAPITAL_LABEL.sub(lambda m: f"_{{\\mathrm{{{m.group(1)}}}}}", text)
    text = _NUMBERED_NAME.sub(lambda m: f"\\mathrm{{{m.group(1)}{m.group(2)}}}", text)
    text = _HAT_SUBSCRIPT.sub(lambda m: f"\\{m.group(1)}{{{m.group(2)}}}_{m.group(3)}", text)
    text = _OLD_FONT.sub(lambda m: f"\\{_FONT_COMMAND[m.group(1)]}{{{m.group(2)}}}", text)
    for pattern, replacement in _OTHER_SYMBOLS:
        text = pattern.sub(lambda m, r=replacement: r, text)
    if "|" in text or "mid" in text or "vert" in text:
        text = _CONDITIONAL.sub(_conditional, text)
        text = _GIVEN.sub(_given, text)
    if "|" in text or "Vert" in text:
        text = _divergence_bars(text)
    if "." in text:
        text = _DOT_PRODUCT.sub(lambda m: " \\cdot ", text)
    if ";" in text:
        text = _semicolon_arguments(text)
    text = _EMPTY_SCRIPT.sub("", text)
    text = _EMPTY_TEXT.sub(" ", text)
    text = _SUM_FROM_ONE_EXCEPT.sub(lambda m: f"{m.group(1)}{m.group(2)} \\neq {m.group(4)}}}", text)
    text = _MATHCAL_BARE.sub(lambda m: f"\\mathcal{{{m.group(1)}}}", text)
    text = _PRIME_SCRIPT.sub(lambda m: "'" * max(1, (m.group(1) or "").count("prime") + (m.group(1) or "").count("'")), text)
    text = _PRIME.sub("'", text)
    text = _SIGNED_SCRIPT.sub(lambda m: "^{-" + m.group(1) + "}", text)
    text = _NAMED.sub(lambda m: "\\" + m.group(1) + " ", text)
    text = _GLUED_WORD.sub(lambda m: m.group(1) + " \\" + m.group(2), text)
    text = _LETTER_GLUED.sub(lambda m: m.group(1) + " \\" + m.group(2), text)
    text = _ARGUMENT_GLUED.sub(lambda m: "\\" + m.group(1) + " " + m.group(2), text)
    text = _BARE_WORD.sub(_bare_word, text)
    text = _FN_PRIME.sub(lambda m: f"\\mathrm{{{m.group(1)}}}{m.group(2)}", text)  # \tanh'(x): a function named
    text = _STYLED_WORD.sub(lambda m: f"\\mathrm{{{m.group(1)}}}", text)
    text = _name_words(text)
    text = _TEXT_NAME.sub(_text_name, text)
    text = _CALL_WORD.sub(_call_word, text)
    text = _INDICATOR.sub(_indicator, text)
    text = _PLAIN_INDICATOR.sub(lambda m: f"\\delta_{{{m.group(1)} {m.group(2)}}}", text)
    text = _NABLA_SUB.sub(lambda m: f"\\frac{{\\partial}}{{\\partial {m.group(2) if m.group(2) is not None else m.group(1)}}}", text)
    text = _PARTIAL_SUB.sub(lambda m: f"\\frac{{\\partial}}{{\\partial {m.group(2) if m.group(2) is not None else m.group(1)}}}", text)
    if "\\over" in text:
        text = _over(text)
    return _unwrap(text)


def words(text: str) -> list[str]:
    """Runs of three or more letters outside commands and styled names (``\\mathrm{FL}``): words
    such as ``sigmoid(z)`` or ``softmax`` that would otherwise read as a product of letters."""
    bare = _STYLED_NAME.sub(lambda m: " " * len(m.group(0)), text)
    bare = _COMMAND.sub(lambda m: " " * len(m.group(0)), bare)
    return _WORD.findall(bare)

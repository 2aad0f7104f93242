"""How a careful reader takes a document's math: the size, what is defined, assumed, or a case condition.

Pure functions over parsed SymPy objects; nothing here verifies anything. The checker
(:mod:`derive.check.checker`) calls them while it walks the document in order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from sympy import Add, Basic, Derivative, Eq, Expr, Indexed, IndexedBase, KroneckerDelta, Ne, Pow, Product, Subs, Sum, Symbol, exp, log
from sympy.core.function import AppliedUndef

from derive.calculus import free_indices
from derive.check.document import Block, Document, Inline
from derive.check.presentation import IMPLICATION_START, TYPOGRAPHIC_PRIMES, WRAPPERS, group_end, read_through
from derive.steps import Definition
from derive.symbols import EXAMPLE_SUFFIX, HAT_SUFFIX, labelled_name
from derive.symbols import size as size_symbol

__all__ = [
    "DEFAULT_SIZES",
    "assumption_shaped",
    "case_label",
    "conditional_word",
    "case_word",
    "definable",
    "defined_key",
    "dependents_of",
    "IMPLICATION_START",
    "defining_sign_first",
    "definition_signs",
    "describe_indices",
    "free",
    "function_letters",
    "index_mismatch",
    "index_relation",
    "is_index",
    "names_closure",
    "names_of",
    "size_candidates",
    "split_condition",
    "trigger_word",
    "upper_bounds",
    "uses_as_index",
]

#: Letters tried, in order, for the size when the document bounds no sum with a letter.
DEFAULT_SIZES = ("k", "K", "n", "N", "m", "M")

_UPPER = re.compile(
    r"\\(?:sum|prod)\s*(?:\\limits\s*)?(?:_\s*(?:\{[^{}]*\}|[A-Za-z])\s*\^\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))"
    r"|\^\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))\s*_)"
)


def upper_bounds(doc: Document) -> list[str]:
    """The letters bounding sums (``k`` in ``\\sum_{j=1}^{k}``), most frequent first (ties: first
    appearance)."""
    found: Counter[str] = Counter()
    first: dict[str, int] = {}
    for n, item in enumerate(doc.items):
        if isinstance(item, (Block, Inline)):
            for m in _UPPER.finditer(item.latex):
                letter = m.group(1) or m.group(2) or m.group(3) or m.group(4)
                found[letter] += 1
                first.setdefault(letter, n)
    return sorted(found, key=lambda letter: (-found[letter], first[letter]))


def size_candidates(doc: Document) -> list[str]:
    """Letters for the size, best first: :func:`upper_bounds`, then :data:`DEFAULT_SIZES`."""
    ranked = upper_bounds(doc)
    return ranked + [s for s in DEFAULT_SIZES if s not in ranked]


_ARGUMENT = r"(?:[a-zA-Z]|\\[a-zA-Z]+|\\hat\s*\{\s*[a-zA-Z]\s*\})(?:_\{?[a-zA-Z0-9]\}?)?"
_FUNCTION_DEFINITION = re.compile(
    r"^[\s&]*([a-zA-Z]|\\(?:alpha|beta|gamma|epsilon|zeta|eta|theta|kappa|lambda|mu|nu|xi|rho|sigma|tau|phi|varphi|chi|psi|omega|ell)(?![a-zA-Z]))"
    r"\s*(?:\\left\s*)?\(\s*" + _ARGUMENT + r"(?:\s*,\s*" + _ARGUMENT + r")*\s*(?:\\right\s*)?\)[\s&]*=(?!=)"
)
_PRIMED = re.compile(r"(?<![\\a-zA-Z])([a-zA-Z])'+\s*\(")


_GREEK_COMMAND = r"\\(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|pi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Upsilon|Phi|Psi|Omega|ell)(?![a-zA-Z])"
_LABEL_PIECE = r"(?:" + _GREEK_COMMAND + r"|\\mathrm\s*\{\s*[A-Za-z][A-Za-z0-9]*\s*\}|[A-Za-z0-9])"
# h_\theta(x) = ..., f_{w,b}(x) = ..., J_{\mathrm{train}}(w) = ..., h_w(x) = ...: a name with a subscript label
# defined as a function (a bare letter only w, the weights: h_i(x) may be the i-th of several functions)
_LABELLED_DEFINITION = re.compile(
    r"^[\s&]*([a-zA-Z]|" + _GREEK_COMMAND + r")\s*_\s*(" + _GREEK_COMMAND + r"|[wW](?![a-zA-Z])|\{\s*" + _LABEL_PIECE + r"(?:\s*,?\s*" + _LABEL_PIECE
    + r")*\s*\})\s*(?:\\left\s*)?\("
)


def _label_name(base: str, sub: str) -> str:
    """``h``, ``\\theta`` -> ``h__theta``; ``f``, ``{w,b}`` -> ``f__w,b`` (as the parser names them)."""
    base = base.lstrip("\\")
    base = {"varepsilon": "epsilon", "vartheta": "theta", "varphi": "phi"}.get(base, base)
    pieces: list[str] = []
    current = ""
    for m in re.finditer(_GREEK_COMMAND + r"|\\mathrm\s*\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}|([A-Za-z0-9])|(,)", sub):
        if m.group(3):
            pieces.append(current)
            current = ""
        elif m.group(2):
            current += m.group(2)
        elif m.group(1):
            current += m.group(1)
        else:
            name = m.group(0)[1:]
            name = {"varepsilon": "epsilon", "vartheta": "theta", "varphi": "phi"}.get(name, name)
            current += ("," if current else "") + name
    pieces.append(current)
    return labelled_name(base, ",".join(p for p in pieces if p))


_LAYER_STEP = re.compile(r"(?<![A-Za-z\\])(?:[abhwxyzABWZ]|\\delta(?![a-zA-Z]))\s*(?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9])\s*)?\^\s*\{\s*[lL]\s*[+-]\s*1\s*\}")


def bare_layers(texts: Iterable[str]) -> bool:
    """Whether a document labels its network's layers with bare superscripts: it writes ``a^{l-1}``,
    ``z^{l+1}_k``, ``W^{L-1}`` or ``\\delta^{l+1}`` somewhere (one layer beside the next: no power is
    written so); then ``z^l_j``, ``a^L`` are names too (see `prepare.BARE_LAYER_LABEL`)."""
    return any(_LAYER_STEP.search(text) for text in texts)


_PRIMES = str.maketrans(TYPOGRAPHIC_PRIMES)  # s’(x), f′(x): as the parser reads them


def function_letters(texts: Iterable[str]) -> frozenset[str]:
    """Names a document uses as functions: defined as ``s(x) = ...`` (or ``h_\\theta(x) = ...``, a
    name with a subscript label) at the start of an equation, or differentiated as ``s'(x)``.
    Elsewhere a letter before a bracket multiplies."""
    texts = [text.translate(_PRIMES) for text in texts]
    out: set[str] = set()
    for text in texts:
        plain = _WRAPPER_ENDS.sub(" ", read_through(definition_signs(text)))
        m = _FUNCTION_DEFINITION.match(plain)
        if m:
            name = m.group(1).lstrip("\\")
            out.add({"varphi": "phi"}.get(name, name))
        m = _LABELLED_DEFINITION.match(plain)
        if m:
            out.add(_label_name(m.group(1), m.group(2)))
        out.update(m.group(1) for m in _PRIMED.finditer(text))
    return frozenset((out | applied_only(texts)) - {"d", "e"})


# the text before a letter reversed, a marker, the text after: "(" or "," or a bar just before it, and
# ")" or "," or a bar just after (the letter alone as an argument: H(p), D(p \| q), KL(p, q))
_WHOLE_ARGUMENT = re.compile(r"\s*(?:\(|,|\||\|\\|tfel\\\s*\()[^\0]*\0\s*(?:\)|,|\||\\\||\\right\s*\))")
_LETTER_USE = re.compile(r"(?<![\\A-Za-z])([A-Za-z])(?![A-Za-z])(\s*(?:\\left\s*)?\()?")


def applied_only(texts: Iterable[str]) -> set[str]:
    """Letters the document writes only before a bracket, at least twice, and never alone (``p(x_i)``,
    ``q(x_j)`` in an entropy, never ``p`` or ``p_i``): functions, not factors. Read so, a claim holds
    for every function (so for a factor too); one that fails is not refuted (see the stand-ins)."""
    applied: dict[str, int] = {}
    bare: set[str] = set()
    for text in texts:
        for m in _LETTER_USE.finditer(text):
            if m.group(2):
                applied[m.group(1)] = applied.get(m.group(1), 0) + 1
            elif not _WHOLE_ARGUMENT.match(text[: m.start()][::-1] + "\0" + text[m.end() :]):
                bare.add(m.group(1))  # (H(p), KL(p \| q): the function passed whole, not a bare use)
    return {letter for letter, n in applied.items() if n >= 2 and letter not in bare}


_TEXT_WRAPPED = re.compile(r"\\(?:text|textrm|mbox)\s*\{([^{}]*)\}")
_CONDITION_TEXT = re.compile(r"\\(?:text|textrm|mbox)\s*\{\s*[,;:]?\s*(for|if|when|whenever|where|with|provided|since|because)\b([^{}]*)\}")
_BARE_CONDITION = re.compile(r",\s*\\q?quad(?![a-zA-Z])\s*\(?\s*([a-z]\s*(?:=|\\neq?(?![a-zA-Z]))\s*[a-z])\s*\)?\s*[.,;]?\s*$")
_LEAD = re.compile(r"(?:\s|,|;|\\q?quad(?![a-zA-Z])|\\[,;:! ])*$")


_DEFINES = re.compile(r":=|\\coloneqq(?![a-zA-Z])|\\triangleq(?![a-zA-Z])|\\stackrel\s*\{\s*\\text\s*\{\s*def\s*\}\s*\}\s*\{\s*=\s*\}")


def defining_sign_first(latex: str) -> bool:
    """The first relation of ``latex`` is written ``:=`` (or ``\\coloneqq``, ``\\triangleq``): the
    author states a definition or an assignment, never a claim to check."""
    sign = re.search(_DEFINES.pattern + r"|=", latex)
    return sign is not None and sign.group(0) != "="


def definition_signs(latex: str) -> str:
    """``L := ...``, ``L \\coloneqq ...``, ``L \\triangleq ...``: read the sign as ``=`` (whose left
    side, when new, is defined as usual), keeping columns."""
    return _DEFINES.sub(lambda m: "=".ljust(len(m.group(0))), latex)


# {\rm if}~i=j,~A = B and \text{if } i \neq j: A = B: a condition written before the equation
_LEADING_CONDITION = re.compile(
    r"^\s*(?:\{\s*\\rm\s+(?:if|for|when)\s*\}|\\(?:text|textrm|mathrm|mbox)\s*\{\s*(?:if|for|when)\s*\})\s*(?:~|\\[,;: ]|\s)*"
    r"([a-z]\s*(?:=|\\neq?(?![a-zA-Z])|\\ne(?![a-zA-Z]))\s*[a-z])\s*(?:,|:|\\colon)\s*(?:~|\\[,;: ]|\\q?quad(?![a-zA-Z])|\s)*"
)


_NOTED_BRACE = re.compile(r"\\(underbrace|overbrace)\s*\{")


def brace_statements(latex: str) -> list[str]:
    """``\\underbrace{\\sum_j y_j}_{=1}`` states ``\\sum_j y_j = 1``: the relations written under (or
    over) a brace as ``= ...``, each as ``X = V`` (a step may rely on them)."""
    out = []
    for m in _NOTED_BRACE.finditer(latex):
        close = group_end(latex, m.end() - 1)
        note = re.match(r"\s*[_^]\s*\{", latex[close + 1 :]) if close > 0 else None
        if note is None:
            continue
        start = close + 1 + note.end() - 1
        end = group_end(latex, start)
        text = latex[start + 1 : end].strip() if end > 0 else ""
        if text.startswith("="):
            out.append(f"{latex[m.end() : close]} {text}")
    return out


# \frac{\partial z_i}{\partial a_{j \neq i}}, \partial z_{r=q}: the case written on the variable of differentiation
_SUBSCRIPT_CONDITION = re.compile(
    r"(\\partial\s*(?:\\[a-zA-Z]+|[A-Za-z])\s*_\s*\{\s*)([a-z])\s*(=|\\neq?(?![a-zA-Z])|\\not\s*=)\s*([a-z])(\s*\})"
)


def split_condition(latex: str) -> tuple[str, list[str]]:
    """``A = B \\qquad \\text{for } i \\neq o`` -> (``A = B``, [``i \\neq o``]): a condition written
    after the equation, introduced by ``\\text{for|if|when|where|with ...}`` outside braces; several
    are separated by commas or ``\\text{and}``; or before it (``{\\rm if}~i=j,~A = B``); or on the
    variable of a derivative (``\\partial a_{j \\neq i}``: the variable is ``a_j``, for ``j \\neq i``).
    Without one: (latex, [])."""
    conditions: list[str] = []

    def on_variable(m: re.Match[str]) -> str:
        relation = "=" if m.group(3) == "=" else "\\neq"
        conditions.append(f"{m.group(2)} {relation} {m.group(4)}")
        return (m.group(1) + m.group(2)).ljust(m.end(4) - m.start()) + m.group(5)

    latex = _SUBSCRIPT_CONDITION.sub(on_variable, latex)
    equation, written = _split_condition(latex)
    return equation, [*written, *dict.fromkeys(conditions)]


def _split_condition(latex: str) -> tuple[str, list[str]]:
    lead = _LEADING_CONDITION.match(latex)
    if lead is not None:
        rest, more = _split_condition(latex[lead.end() :])
        return " " * lead.end() + rest, [lead.group(1), *more]
    bare = _BARE_CONDITION.search(latex)
    if bare is not None and not _CONDITION_TEXT.search(latex):  # A = B, \quad i = j
        return latex[: bare.start()].rstrip(), [bare.group(1)]
    for m in _CONDITION_TEXT.finditer(latex):
        before = latex[: m.start()]
        if before.count("{") != before.count("}") or before.count("(") != before.count(")"):
            continue  # inside a group: not a condition of the whole equation
        equation = before[: _LEAD.search(before).start()]  # type: ignore[union-attr]
        rest = latex[m.end() :]
        if m.group(2).strip():  # \text{ when i =j}, \text{when i} \ne \text{j}: the relation in words
            rest = _TEXT_WRAPPED.sub(lambda t: " " + t.group(1) + " ", m.group(2) + rest)
        parts, depth, start = [], 0, 0
        for pos, char in enumerate(rest):
            depth += char in "{([" and 1 or 0
            depth -= char in "})]" and 1 or 0
            if depth == 0 and (char == "," or rest.startswith("\\text{and}", pos)):
                parts.append(rest[start:pos])
                start = pos + (1 if char == "," else len("\\text{and}"))
        parts.append(rest[start:])
        conditions = [c.strip().rstrip(".").strip() for c in parts if c.strip().rstrip(".").strip()]
        # "for all i", "for every k", "\forall i": every value, as an equation with free indices says anyway
        conditions = [c for c in conditions if not re.fullmatch(r"(?:all|every|each|any|\\forall)\s*[a-z](?:\s*,\s*[a-z])*", c)]
        return equation, conditions
    return latex, []


_WRAPPER_ENDS = re.compile(r"\\(?:begin|end)\s*\{(?:" + "|".join(re.escape(w) for w in sorted(WRAPPERS)) + r")\}")
_CASES = re.compile(r"\\begin\s*\{(cases|dcases)\}(.*)\\end\s*\{\1\}", re.DOTALL)
_OTHERWISE = re.compile(
    r"^(?:(?:\\text|\\textrm|\\mbox)\s*\{\s*(?:otherwise|else|o\.?w\.?|elsewhere)\s*\.?\s*\}|(?:otherwise|else))\s*[.,]?$"
)
# \text{if } i = j, and the same words written bare in math (if & i=j): the condition follows
_CONDITION_WORDS = re.compile(
    r"^(?:,\s*)?(?:(?:\\text|\\textrm|\\mbox)\s*\{\s*(?:if|for|when|where)\b\s*(?:\$([^$]*)\$\s*)?\}"
    r"|(?:if|for|when|where)(?![a-zA-Z])\s*&?)"
)


_INDEX_RELATION_WORDS = re.compile(r"\s*[a-z]\s*(?:=|\\neq?(?![a-zA-Z])|\\not\s*=)\s*[a-z]\s*")


def split_cases(latex: str) -> tuple[str, list[tuple[str, str | None]]] | None:
    """``A = \\begin{cases} B & i = j \\\\ C & \\text{otherwise} \\end{cases}`` ->
    (``A``, [(``B``, ``i = j``), (``C``, None)]): the rows of a piecewise right side and their
    conditions (None: otherwise). None when the block is not ``... = \\begin{cases}...\\end{cases}``."""
    m = _CASES.search(latex)
    if m is None or _WRAPPER_ENDS.sub("", latex[m.end() :]).strip(" \t\n.,") or _CASES.search(m.group(2)):
        return None
    head = _WRAPPER_ENDS.sub(" ", latex[: m.start()]).rstrip().rstrip("&").rstrip()
    if not head.endswith("=") or head.endswith(("\\le=", "\\ge=")):
        return None
    rows: list[tuple[str, str | None]] = []
    for raw in re.split(r"\\\\(?:\[[^\]\n]{0,40}\])?", m.group(2)):
        if not raw.strip():
            continue
        depth, cut = 0, -1
        for pos, char in enumerate(raw):
            depth += (char in "{([") - (char in "})]")
            if char == "&" and depth == 0 and raw[pos - 1 : pos] != "\\":
                cut = pos
                break
        if cut < 0:
            return None
        value, condition = raw[:cut].strip().rstrip(",").strip(), raw[cut + 1 :].strip()
        if _OTHERWISE.match(condition):
            rows.append((value, None))
            continue
        words = _CONDITION_WORDS.match(condition)
        if words:
            condition = words.group(1) if words.group(1) is not None else condition[words.end() :]
        worded = _TEXT_WRAPPED.fullmatch(condition.strip().rstrip(".,").strip())
        if worded and _INDEX_RELATION_WORDS.fullmatch(worded.group(1)):  # \text{i = j}: the relation typed as text
            condition = worded.group(1)
        rows.append((value, condition.strip().rstrip(".,").strip()))
    return (head[:-1].rstrip(), rows) if rows else None


def uses_as_index(expr: Basic, size: Symbol) -> bool:
    """Whether ``size`` occurs in ``expr`` as an index (a subscript, a delta), not as a bound."""
    for node in expr.atoms(Indexed, KroneckerDelta):
        args = node.indices if isinstance(node, Indexed) else node.args
        if any(size in a.free_symbols for a in args):
            return True
    return False


def is_index(e: Basic) -> bool:
    """An index or size symbol (``Symbol(..., integer=True)``)."""
    return isinstance(e, Symbol) and bool(e.is_integer)


def index_relation(rel: Basic) -> bool:
    """``i = o`` or ``i \\neq o``: Eq/Ne between two index symbols."""
    return isinstance(rel, (Eq, Ne)) and all(is_index(a) for a in rel.args)


def free(expr: Basic, sizes: Iterable[str]) -> set[Symbol]:
    """The free indices of ``expr``, sizes (by name) excluded, and so are the letters bounding its
    sums (the length ``n`` of a dot product ``\\theta^T x``)."""
    skip = set(sizes) | {b.name for x in expr.atoms(Sum, Product) for _, _, hi in x.limits for b in hi.free_symbols}
    return {s for s in free_indices(expr) if s.name not in skip}


def indices_as_values(expr: Basic, sizes: Iterable[str]) -> list[str]:
    """Index letters that ``expr`` uses as numbers (``e^{j}``, ``i x``), outside subscripts, deltas
    and the limits of sums (the sizes excepted), sorted."""
    skip = set(sizes)
    found: set[str] = set()

    def walk(e: Basic) -> None:
        if isinstance(e, (Indexed, KroneckerDelta)):
            return
        if isinstance(e, (Sum, Product)):  # its limits are sizes and numbers
            walk(e.function)
            return
        if isinstance(e, Symbol):
            if e.is_integer and e.name not in skip:
                found.add(e.name)
            return
        for a in e.args:
            walk(a)

    walk(expr)
    return sorted(found)


def describe_indices(found: set[Symbol]) -> str:
    """``no free index``, ``free index i``, ``free indices i and o``, ``free indices i, j and o``."""
    names = sorted(s.name for s in found)
    if not names:
        return "no free index"
    if len(names) == 1:
        return f"free index {names[0]}"
    return f"free indices {', '.join(names[:-1])} and {names[-1]}"


def index_mismatch(lhs: Expr, rhs: Expr, conditions: Sequence[Basic], sizes: Iterable[str]) -> tuple[str, set[Symbol], set[Symbol]] | None:
    """Why the two sides of ``lhs = rhs`` cannot be equal for every value of their indices, or None.

    Indices identified by an ``i = o`` condition count as one; an index named in a case condition
    in force is a parameter of the whole case, so it may occur on one side only (``\\frac{\\partial
    \\hat{y}_i}{\\partial z_i} = ... e^{z_o}`` under ``i \\neq o`` is a claim for every ``i \\neq o``).
    A side that is a number fits any indices (``\\sum_o \\partial \\hat{y}_o / \\partial z_i = 0``).
    Returns (message, only on the left, only on the right).
    """
    sizes = list(sizes)
    rename: dict[Symbol, Symbol] = {}
    params: set[Symbol] = set()
    for c in conditions:
        if index_relation(c):
            a, b = sorted(c.args, key=lambda s: s.name)
            params |= {a, b}
            if isinstance(c, Eq):
                rename[b] = a
    left_raw, right_raw = free(lhs, sizes), free(rhs, sizes)
    left = {rename.get(s, s) for s in left_raw}
    right = {rename.get(s, s) for s in right_raw}
    params = {rename.get(s, s) for s in params}
    only_left, only_right = left - right - params, right - left - params
    if not only_left and not only_right:
        return None
    if (lhs.is_number and not only_left) or (rhs.is_number and not only_right):
        return None  # f(i) = 0 claims a constant for every i: checked, not ill-formed
    message = f"the left side has {describe_indices(left_raw)}, the right side has {describe_indices(right_raw)}"
    return message, only_left, only_right


# ------------------------------------------------------------------------------------ names


def names_of(expr: Basic) -> set[str]:
    """Names of the quantities in ``expr``: scalars, indexed bases and functions (not indices)."""
    bound = {v for sub in expr.atoms(Subs) for v in sub.variables}  # \sigma'(w x): the variable of \sigma'
    out = {s.name for s in expr.atoms(Symbol) if not s.is_integer and s not in bound}
    out |= {b.name for b in expr.atoms(IndexedBase)}
    out |= {str(f.func) for f in expr.atoms(AppliedUndef)}
    return out


def defined_key(lhs: Basic) -> str:
    """The name a definition's left side defines: ``L``, ``yhat`` (for ``\\hat{y}_o``), ``sigma``."""
    if isinstance(lhs, Indexed):
        return str(lhs.base.name)
    if isinstance(lhs, AppliedUndef):
        return str(lhs.func)
    return str(lhs.name)  # type: ignore[attr-defined]


def names_closure(names: set[str], definitions: Sequence[Definition], keep: set[str] | None = None) -> set[str]:
    """``names`` and every name their definitions use, transitively (not through those in ``keep``)."""
    table = {defined_key(d.lhs): names_of(d.rhs) for d in definitions if defined_key(d.lhs) not in (keep or set())}
    out = set(names)
    todo = [n for n in names if n in table]
    while todo:
        for n in table[todo.pop()] - out:
            out.add(n)
            if n in table:
                todo.append(n)
    return out


def definable(lhs: Basic, defined: set[str]) -> bool:
    """Can ``lhs = ...`` define ``lhs``? A new scalar (not an index), a new indexed quantity with
    distinct index letters, or a new function applied to distinct scalars (``\\sigma(z)``)."""
    if isinstance(lhs, Symbol):
        return not lhs.is_integer and lhs.name not in defined
    if isinstance(lhs, Indexed):
        idx = lhs.indices
        return (
            lhs.base.name not in defined
            and all(is_index(i) for i in idx)
            and len(set(idx)) == len(idx)
        )
    if isinstance(lhs, AppliedUndef):
        args = lhs.args
        return (
            str(lhs.func) not in defined
            and len(args) > 0
            and all(isinstance(a, Symbol) and not a.is_integer for a in args)
            and len(set(args)) == len(args)
        )
    return False


def parameterised(lhs: Basic, rhs: Expr) -> tuple[Expr, Expr] | None:
    """``h_\\theta(x^{(i)}) = ...`` and ``\\mathrm{Cost}(h_\\theta(x^{(i)}), y^{(i)}) = ...``: a function
    defined at arguments that are quantities, not plain variables, is the function of parameters
    that stand for them (``x``, and ``h_\\theta`` and ``y``), each argument replaced in the right side.
    None when ``lhs`` is not such an application or a parameter's name is taken in the right side."""
    if not isinstance(lhs, AppliedUndef) or not lhs.args:
        return None
    if all(isinstance(a, Symbol) and not a.is_integer for a in lhs.args):
        return None
    params: list[Symbol] = []
    for arg in lhs.args:
        if isinstance(arg, Symbol) and not arg.is_integer:
            params.append(arg)
        elif isinstance(arg, Indexed):
            name = str(arg.base)
            params.append(Symbol(name[: -len(EXAMPLE_SUFFIX)] if name.endswith(EXAMPLE_SUFFIX) else name))
        elif isinstance(arg, AppliedUndef):
            params.append(Symbol(str(arg.func)))
        else:
            return None
    if len(set(params)) != len(params) or len(set(lhs.args)) != len(lhs.args):
        return None
    body = rhs.xreplace(dict(zip(lhs.args, params)))
    if any(p in rhs.free_symbols for p in params if p not in lhs.args):
        return None  # the parameter's name already means something in the right side
    return lhs.func(*params), body


def is_update(lhs: Basic, rhs: Basic) -> bool:
    """``w = w - \\alpha \\frac{\\partial J}{\\partial w}``, ``\\theta_j := \\theta_j - \\alpha g``: the left side a
    quantity that the right side adds something to (an assignment of gradient descent, not an equation)."""
    if isinstance(lhs, Pow) and isinstance(rhs, Add) and (lhs.exp - 1).is_Symbol:
        # w^{k+1} = w^{k} - \alpha g: the iteration's label as a superscript (read as a power)
        return Pow(lhs.base, lhs.exp - 1) in rhs.args
    if not isinstance(lhs, (Symbol, Indexed)) or (isinstance(lhs, Symbol) and lhs.is_integer):
        return False
    if not isinstance(rhs, Add):
        return False
    return lhs in rhs.args  # (x = x + 1 is no equation either: an increment)


def assumption_shaped(lhs: Expr, rhs: Expr, defined: set[str], definitions: Sequence[Definition]) -> bool:
    """A constraint rather than a claim: one side is a number, the other is not but names a
    quantity, and neither side has a derivative or mentions anything defined
    (``\\sum_{o=1}^{k} y_o = 1``; not ``\\sum_{o=1}^{k} 1 = 3``, a claim about the size)."""
    if lhs.is_number == rhs.is_number:
        return False
    if lhs.has(Derivative) or rhs.has(Derivative):
        return False
    side = rhs if lhs.is_number else lhs
    if not isinstance(side, (Symbol, Indexed)) and (not side.has(Sum) or side.has(exp, log, AppliedUndef)):
        return False  # \cosh^2 x - \sinh^2 x = 1: an identity to check, not a constraint on the inputs
    used = names_of(lhs) | names_of(rhs)
    return bool(used) and not (used & defined) and not (names_closure(used, definitions) & defined)


def dependents_of(chains: Iterable[Sequence[Basic]]) -> set[str]:
    """Quantities the document treats as depending on others: those it differentiates
    (``\\frac{\\partial L}{\\partial w}``), those on the left of an equation (``L = ...``) and
    hatted ones (``\\hat{y}``: in ML notation an estimate, the model's output, never a free input)."""
    out: set[str] = set()
    for chain in chains:
        for member in chain:
            if not isinstance(member, Basic):
                continue
            for leaf in member.atoms(Symbol):  # the label of yhat[o] is the symbol yhat
                if len(leaf.name) > len(HAT_SUFFIX) and leaf.name.endswith(HAT_SUFFIX):
                    out.add(leaf.name)
            for d in member.atoms(Derivative):
                if isinstance(d.expr, (Symbol, Indexed, AppliedUndef)) and not is_index(d.expr):
                    out.add(defined_key(d.expr))
        first = chain[0] if chain else None
        update = len(chain) > 1 and isinstance(chain[1], Basic) and is_update(first, chain[1])  # w = w - a g: w is an input
        if isinstance(first, (Symbol, Indexed, AppliedUndef)) and not is_index(first) and not update:
            out.add(defined_key(first))
    return out


def undefined_in_derivatives(members: Sequence[Expr], dependents: set[str], defined: set[str], definitions: Sequence[Definition]) -> list[str]:
    """Names of dependent quantities differentiated here without a definition in force: the
    derivative of an undefined ``L`` is not zero, it is unknown."""
    found: set[str] = set()
    for member in members:
        for d in member.atoms(Derivative):
            variables = set().union(*(names_of(v) for v in d.variables))
            body = names_closure(names_of(d.expr), definitions, keep=variables)  # as verify unfolds it
            functions = {str(f.func) for f in d.expr.atoms(AppliedUndef)}
            found |= ((body & dependents) | functions) - defined - variables
    return sorted(found)


_CONDITIONAL = frozenset({"if", "when", "whenever", "unless", "whether", "for", "iff", "otherwise", "suppose", "e.g."})
_SETTING = frozenset({"assume", "assuming", "let", "set", "setting", "take", "fix", "choose", "given"})
_WORD = re.compile(r"([A-Za-z.]+)[^A-Za-z$]*$")


def _last_word(before: str) -> str:
    text = before.rsplit("$", 1)[-1]  # only the prose since the previous inline math
    m = _WORD.search(text)
    return m.group(1).lower().rstrip(".") if m else ""


# the same words in Chinese (for, when, if): "对于 $i \ne j$ 的情况", "当 $i=j$ 时"
_CONDITIONAL_CJK = re.compile(r"(对于|對於|当|當|如果|若|假如)\s*$")


def conditional_word(before: str) -> str | None:
    """The word that makes inline math hypothetical (``if $y_o = 1$``), or None."""
    word = _last_word(before)
    return word if word in _CONDITIONAL or word + "." in _CONDITIONAL else None


def case_word(before: str) -> str | None:
    """The word that makes an index relation or a value in inline math a case: a conditional word,
    or its Chinese counterpart (``对于 $i \\ne j$ 的情况``; only for cases: ``对于 $f(x) = ...$``
    introduces a function)."""
    cjk = _CONDITIONAL_CJK.search(before.rsplit("$", 1)[-1])
    return cjk.group(1) if cjk else conditional_word(before)


# "Case 2:", "**Case 1.**", "情况二:", "Fall 1:", "Caso 2 -" opening a paragraph: the relations after it are a case
_CASE_LABEL = re.compile(
    r"^[\s>*_-]*(?:case|cas|caso|fall|случай|情况|情形|경우)\s*(?:\d+|[一二三四五六七八九十]+|[ivx]+|one|two|three|[a-d])?"
    r"\s*[*_]*\s*[:：.)\-–—]?\s*[*_]*\s*$",
    re.IGNORECASE,
)
_EARLIER_MATH = re.compile(r"\$[^$]*\$\s*(?:,|，|、|and|且|和|y|und|et)?\s*")


def case_label(before: str) -> bool:
    """Whether the words before inline math on its line label a case (``Case 2: $i = k$, $l \\neq j$``)."""
    return _CASE_LABEL.match(_EARLIER_MATH.sub("", before)) is not None


_JUSTIFYING = frozenset({"since", "because", "as", "using", "given", "where", "with", "by"})


def trigger_word(before: str) -> str | None:
    """The word just before inline math that ties it to the display equation before it
    (``$$...$$ since $\\sum_k y_k = 1$``, ``for $i \\neq j$``, ``where $z = w x + b$``), or None."""
    word = _last_word(before)
    return word if word in _JUSTIFYING or word in _CONDITIONAL else None


def setting_word(before: str) -> str | None:
    """The word that makes ``$x = 2$`` a standing assumption (``let``, ``assume``), or None."""
    text = before.rsplit("$", 1)[-1].lower()
    words = re.findall(r"[a-z]+", text)[-4:]
    return next((w for w in reversed(words) if w in _SETTING), None)


def make_size(name: str) -> Symbol:
    """The size symbol for ``name``."""
    return size_symbol(name)


def sums_over(expr: Basic, var: Symbol) -> list[Sum]:
    """The single-limit sums in ``expr`` whose summation variable is ``var``."""
    return [s for s in expr.atoms(Sum) if len(s.limits) == 1 and s.limits[0][0] == var]


_ONE_HOT = re.compile(r"one[- ]?hot", re.IGNORECASE)
_LABEL_NAME = re.compile(r"^\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([a-zA-Z])\s*\}|([a-zA-Z]))(?:_\{?[a-z]\}?)?\s*$")


def one_hot_label(item: Inline) -> str | None:
    """``$y$ is a one-hot vector``, ``one-hot encoded labels $\\mathbf{y}$``: the letter said to be
    one-hot in the words around a lone name (the clause before it or the words after it), or None."""
    m = _LABEL_NAME.match(item.latex)
    if m is None or item.context != "prose":
        return None
    before = re.split(r"[.;:!?]|\$", item.before)[-1]
    after = re.split(r"[.;:!?]|\$", item.after)[0]
    if _ONE_HOT.search(after[:40]) or _ONE_HOT.search(before[-40:]):
        return m.group(1) or m.group(2)
    return None

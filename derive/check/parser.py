"""Parse the math notation of ML derivations (a LaTeX subset) into SymPy objects, never guessing.

Documents are untrusted: nothing here evaluates their text. The text is prepared and checked by
:mod:`derive.check.prepare` (layout dropped; length, nesting and every command checked; notation
that would be misread refused), parsed by lark's LALR parser (``grammar.lark``) and the tree is
turned into SymPy objects built explicitly through the constructors of :mod:`derive.symbols`.

Reading conventions (see the README of ``derive check``):

- a bare letter is ``scalar(name)``; a letter in a subscript, or a sum's bound variable, is
  ``index(name)``; a sum's upper-bound letter (and the ``size`` argument's name) is ``size(name)``,
  also where it appears bare (``\\frac{1}{k}``); ``e`` is Euler's number unless subscripted;
- ``\\sum`` takes the rest of its product term as its body;
- a derivative operator ``\\frac{\\partial}{\\partial x}`` applies to the one factor after it (a
  ``\\sum`` there counts as one factor); further factors after that are ambiguous -> Unsupported;
- ``\\sigma(z)``, ``f(x)`` are function applications only when the bracket follows directly,
  without a space (as SymPy prints them); ``\\alpha (x + 1)`` is a product.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Self

from lark import Lark, Token, Tree
from lark.exceptions import (
    LarkError,
    UnexpectedCharacters,
    UnexpectedEOF,
    UnexpectedInput,
    UnexpectedToken,
)
from sympy import (
    Add,
    Basic,
    Derivative,
    E,
    Eq,
    Expr,
    Ge,
    Gt,
    Indexed,
    Integer,
    KroneckerDelta,
    Mul,
    Le,
    Lt,
    Ne,
    Pow,
    Product,
    Rational,
    S,
    Subs,
    Sum,
    Symbol,
    exp,
    factorial,
    log,
    sqrt,
)
from sympy.core.function import AppliedUndef
from sympy.core.relational import Relational

from derive.calculus import free_indices
from derive.check.prepare import BARE_LAYER_LABEL, GREEK, LAYER_LABEL, MAX_LENGTH, MAX_NESTING, ParseError, Unsupported, position, prepare
from derive.check.presentation import FUNCTION_WORDS
from derive.symbols import CALLIGRAPHIC_SUFFIX, EXAMPLE_SUFFIX, LABEL_SEPARATOR, applied_name, array, function, hat_name, index, labelled_name, layered_name, scalar
from derive.symbols import size as size_symbol

__all__ = [
    "AmbiguousOperand",
    "CONTINUE",
    "MAX_LENGTH",
    "MAX_NESTING",
    "Membership",
    "ParseError",
    "Unsupported",
    "parse_chain",
    "parse_expr",
    "parse_relation",
]

_MAX_TREE_DEPTH = 1_000  # parse-tree depth (a safety net; nesting bounds it well below this)
_MAX_OPERATORS = 60  # sums / derivative operators chained inside one product term
_MAX_DIGITS = 50_000  # budget of decimal digits for all numbers of one parse
_MAX_LITERAL_DIGITS = 4_000  # below Python's int-from-string limit


@dataclass(frozen=True)
class Membership:
    """``expr \\in \\{v1, v2, ...\\}`` from prose such as ``$y_o \\in \\{0, 1\\}$``."""

    expr: Expr
    values: tuple[Expr, ...]


class _Vectors(Unsupported):
    """A bold vector where a number was expected: the statement is read again entry by entry."""


class _Continue:
    """The type of :data:`CONTINUE`."""

    _instance: Self | None = None

    def __new__(cls) -> Self:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "CONTINUE"

    def __reduce__(self) -> str:
        return "CONTINUE"


#: First element of a chain whose block starts with ``=``: it continues the previous chain.
CONTINUE = _Continue()

ChainItem = Expr | Relational | _Continue

_GRAMMAR_PATH = Path(__file__).with_name("grammar.lark")


@lru_cache(maxsize=1)
def _lark() -> Lark:
    """The LALR parser (built once; the grammar has no conflicts, see the tests)."""
    return Lark(
        _GRAMMAR_PATH.read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        propagate_positions=True,
        maybe_placeholders=False,
    )


# ----------------------------------------------------------------------------------- public API


class AmbiguousOperand(Unsupported):
    """A derivative operator followed by several factors (``\\frac{d}{dx} y \\log h``): its operand is
    the whole product up to the next derivative (the usual reading) or the first factor only."""


#: how a derivative operator followed by several factors is read: refused (""), as the operator of
#: the product up to the next derivative ("product"), or of the first factor only ("first")
OPERAND_READINGS = ("", "product", "first")


def parse_chain(
    latex: str, *, size: Symbol, functions: frozenset[str] = frozenset(), sizes: frozenset[str] = frozenset(),
    operand_reading: str = "", layers: bool = False,
) -> list[ChainItem]:
    """Parse a display block ``A = B = C`` into ``[A, B, C]``.

    Alignment ``&``, line breaks ``\\\\`` and ``aligned``/``split``/``gathered`` environments are
    ignored; ``\\label``, ``\\tag``, ``\\nonumber``, ``\\notag``, trailing ``.``/``,`` and a trailing
    ``\\text{...}`` annotation per line are dropped. A block starting with ``=`` gives
    ``[CONTINUE, B, C]``. A block holding one other relation (``a \\neq b``, ``a \\le b``) gives
    ``[Relational]``; a bare expression gives ``[expr]``.

    A letter directly followed by a bracket is a function application for ``f``, ``g``, ``h``,
    Greek letters and the letters in ``functions`` (``s`` where the document defines
    ``s(x) = ...``); any other letter there multiplies: ``y(1 - y)``. ``layers``: the document labels
    layers with bare superscripts (``a^{l-1}_k``, ``z^L_j``), read as names (see `prepare`).
    """
    lead, exprs, ops, members = _parse(latex, size, functions=functions, sizes=sizes, operand_reading=operand_reading, layers=layers)
    if members is not None:
        raise Unsupported("'\\in' in a display block is not supported (yet); only in prose")
    if lead is not None and lead.type != "EQ":
        raise Unsupported(f"a block starting with '{lead}' is not supported (yet)")
    _no_index_exponent(exprs)
    if all(op.type == "EQ" for op in ops):
        items: list[ChainItem] = [CONTINUE] if lead is not None else []
        return items + _rebind_excluded_sums(list(exprs))
    if lead is None and len(ops) == 1:
        return [_relational(ops[0], exprs[0], exprs[1])]
    raise Unsupported("a chain mixing '=' with other relations is not supported (yet)")


def _no_index_exponent(exprs: list[Expr]) -> None:
    """``\\hat{w}_j^{k} - \\alpha (h - y_i) x_i^{j}`` where j indexes ``\\hat{w}_j``: a superscript that is a
    free index of the equation names a feature (or an iteration), it is not a power: refused."""
    free = {s.name for e in exprs for s in free_indices(e)}
    for e in exprs:
        for p in e.atoms(Pow):
            if isinstance(p.exp, Symbol) and p.exp.name in free and not p.base.is_number:
                raise Unsupported(f"a superscript {p.exp} that is also an index of the equation is not a power"
                                  " (a feature's or an iteration's label?): not read (yet)")


def _excluded(s: Sum) -> Symbol | None:
    """The index ``x`` of a sum written ``\\sum_{v \\neq x}`` (a factor ``1 - delta(x, v)``), or None."""
    if len(s.limits) != 1:
        return None
    var = s.limits[0][0]
    for f in Mul.make_args(s.function):
        deltas = [t for t in Add.make_args(f) if isinstance(t, KroneckerDelta) or isinstance(-t, KroneckerDelta)]
        if len(Add.make_args(f)) == 2 and S.One in Add.make_args(f) and len(deltas) == 1:
            delta = deltas[0] if isinstance(deltas[0], KroneckerDelta) else -deltas[0]
            if var in delta.args:
                other = delta.args[0] if delta.args[1] == var else delta.args[1]
                return other if isinstance(other, Symbol) else None
    return None


def _rebind_excluded_sums(members: list[Expr]) -> list[Expr]:
    """``t_i y_i + \\sum_{i \\neq j} t_j y_i``: the letter written first under a sum with an
    exclusion is its index by convention, but when that letter is free elsewhere in the chain and the
    other is not, the author sums over the other (``\\sum_{j \\neq i}``): read so."""
    sums = [s for m in members for s in m.atoms(Sum) if _excluded(s) is not None]
    if not sums:
        return members
    outside: set[Symbol] = set()
    for m in members:
        outside |= free_indices(m.xreplace({s: S.Zero for s in sums}))
    swap: dict[Basic, Basic] = {}
    for s in sums:
        var, lo, hi = s.limits[0]
        other = _excluded(s)
        if var in outside and other not in outside and not s.function.has(Sum):
            swap[s] = Sum(s.function, (other, lo, hi))
    return [m.xreplace(swap) for m in members] if swap else members


def parse_expr(latex: str, *, size: Symbol, functions: frozenset[str] = frozenset(), sizes: frozenset[str] = frozenset(),
               layers: bool = False) -> Expr:
    """Parse one expression (no relation); ``functions``, ``sizes`` and ``layers`` as in :func:`parse_chain`."""
    lead, exprs, ops, members = _parse(latex, size, functions=functions, sizes=sizes, layers=layers)
    if lead is not None or ops or members is not None:
        raise ParseError("expected an expression, found a relation")
    return exprs[0]


def parse_relation(
    latex: str, *, size: Symbol, functions: frozenset[str] = frozenset(), sizes: frozenset[str] = frozenset(),
    layers: bool = False,
) -> Relational | Membership:
    """Parse inline prose math holding one relation: ``i = o``, ``i \\neq o``, ``\\sum_o y_o = 1``,
    ``y_o \\in \\{0, 1\\}``. Relations are unevaluated; in ``=``/``\\neq`` between two bare lowercase
    letters (``i = o``, ``i \\neq o``) the letters are read as indices. Anything else raises
    :class:`Unsupported`. ``functions`` as in :func:`parse_chain`.
    """
    lead, exprs, ops, members = _parse(latex, size, letters_as_indices=True, functions=functions, sizes=sizes, layers=layers)
    if lead is None and len(ops) == 1 and members is None:
        return _relational(ops[0], exprs[0], exprs[1])
    if lead is None and not ops and members is not None:
        return Membership(exprs[0], members)
    raise Unsupported("not a single relation")


# --------------------------------------------------------------------------------------- parsing


def _parse(
    latex: str, size: Symbol, *, letters_as_indices: bool = False, functions: frozenset[str] = frozenset(),
    sizes: frozenset[str] = frozenset(), operand_reading: str = "", layers: bool = False,
) -> tuple[Token | None, list[Expr], list[Token], tuple[Expr, ...] | None]:
    """Parse into (leading relation, expressions, relations between them, ``\\in`` set values)."""
    if not isinstance(size, Symbol):
        raise TypeError("size must be a SymPy Symbol (derive.symbols.size)")
    text = prepare(latex, layers=layers)
    if functions:  # \sigma (x) where the document defines \sigma(x): the application, the space is layout
        text = _attach_calls(text, functions)
    try:
        tree = _lark().parse(text)
    except UnexpectedInput as exc:
        pos = getattr(exc, "pos_in_stream", None)
        if pos is None and isinstance(exc, UnexpectedToken):
            pos = exc.token.start_pos
        if isinstance(pos, int) and 0 <= pos < len(text) and text[pos] == "'":
            where = position(text, pos)
            raise Unsupported(
                f"primes other than on a function applied directly (\\sigma'(z)) at {where} are not supported (yet)"
            ) from None
        if isinstance(pos, int) and text.startswith("\\mid", pos):
            raise Unsupported(
                f"conditional bars outside a function's brackets (\\mid at {position(text, pos)}) are not supported (yet)"
            ) from None
        raise ParseError(_describe(exc, text)) from None
    except LarkError as exc:  # pragma: no cover - lark's other errors
        raise ParseError(f"malformed math: {' '.join(str(exc).split())[:200]}") from None
    except RecursionError:  # pragma: no cover - nesting is bounded before parsing
        raise ParseError("math nested too deeply") from None
    _check_depth(tree)
    try:
        with _deep_recursion():
            return _Builder(tree, size, text, functions, sizes, operand_reading, layers).statement(letters_as_indices)
    except (ParseError, Unsupported):
        raise
    except RecursionError:
        raise ParseError("math nested too deeply") from None
    except Exception as exc:  # noqa: BLE001 - SymPy refusing a construction: report, never crash
        raise ParseError(f"cannot build the expression: {type(exc).__name__}: {exc}"[:300]) from None


# an opening bracket, sized or not: (, \left(, \big(
_OPENING = re.compile(r"(?:\\(?:left|bigl|Bigl|biggl|Biggl|bigg|Bigg|big|Big)(?![a-zA-Z])\s*)?\(")


def _attach_calls(text: str, functions: frozenset[str]) -> str:
    """``\\sigma (x)`` -> ``\\sigma(x)`` for the document's functions (letters and Greek names)."""
    words = sorted((n for n in functions if len(n) > 1 and n.isalpha()), key=len, reverse=True)
    letters = "".join(sorted(n for n in functions if len(n) == 1 and n.isalpha()))
    alternatives = []
    if words:
        alternatives.append(r"\\(?:" + "|".join(words) + r")(?![a-zA-Z])")
    if letters:
        alternatives.append(r"(?<![\\a-zA-Z])[" + letters + r"](?![a-zA-Z])")
    if not alternatives:
        return text
    pattern = re.compile(r"(" + "|".join(alternatives) + r")([ \t]+)(?=" + _OPENING.pattern + ")")
    return pattern.sub(lambda m: m.group(1), text)


_RECURSION_LOCK = threading.Lock()
_RECURSION_LIMIT = 12_000  # building nests ~10 Python frames per level; levels are <= MAX_NESTING + operators


_SUM_BINDERS = frozenset({"sum_var", "sum_from", "sum_neq", "sum_in", "sum_multi"})


@contextmanager
def _deep_recursion() -> Iterator[None]:
    """Allow the builder's bounded recursion (nesting <= MAX_NESTING) under Python's default limit."""
    with _RECURSION_LOCK:
        old = sys.getrecursionlimit()
        sys.setrecursionlimit(max(old, _RECURSION_LIMIT))
        try:
            yield
        finally:
            sys.setrecursionlimit(old)


def _describe(exc: UnexpectedInput, text: str) -> str:
    """One line: what lark found unexpected, and where."""
    if isinstance(exc, UnexpectedCharacters):
        return f"unexpected character {text[exc.pos_in_stream]!r} at {position(text, exc.pos_in_stream)}"
    if isinstance(exc, UnexpectedEOF) or (
        isinstance(exc, UnexpectedToken) and exc.token.type == "$END"
    ):
        return "unexpected end of math (something is missing: an argument, a brace, an operand)"
    if isinstance(exc, UnexpectedToken):
        pos = exc.token.start_pos if exc.token.start_pos is not None else 0
        return f"unexpected {str(exc.token)!r} at {position(text, pos)}"
    return "malformed math"  # pragma: no cover


def _check_depth(tree: Tree) -> None:
    stack: list[tuple[Tree, int]] = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > _MAX_TREE_DEPTH:
            raise ParseError("math nested too deeply")
        stack.extend((c, depth + 1) for c in node.children if isinstance(c, Tree))


# -------------------------------------------------------------------------------------- building


@dataclass(frozen=True)
class _DerivOp:
    """A derivative operator ``\\frac{\\partial}{\\partial x}`` waiting for its operand."""

    variables: tuple[tuple[Expr, int], ...]


_Item = tuple[str, Tree]  # ("*" | "/", factor node)
_FUNCTION_LETTERS = frozenset("fgh")  # letters read as functions before a bracket in every document
_FRESH = "jmnlpqrstuvwabcdfghxyz"


def _tokens(node: Tree | Token) -> Iterator[Token]:
    if isinstance(node, Token):
        yield node
    else:
        yield from node.scan_values(lambda v: isinstance(v, Token))


def _is(node: object, *names: str) -> bool:
    return isinstance(node, Tree) and node.data in names


class _Builder:
    """Turns one parse tree into SymPy objects, tracking bound sum variables."""

    def __init__(self, tree: Tree, size: Symbol, text: str, functions: frozenset[str] = frozenset(),
                 sizes: frozenset[str] = frozenset(), operand_reading: str = "", layers: bool = False) -> None:
        if operand_reading not in OPERAND_READINGS:
            raise ValueError(f"operand_reading must be one of {OPERAND_READINGS}")
        self.layers = layers  # bare layer superscripts (a^{l-1}, z^L) are labels in this document
        self.tree = tree
        self.size = size
        self.text = text
        self.functions = _FUNCTION_LETTERS | frozenset(functions)
        self.scopes: list[dict[str, Symbol]] = []
        self.component: Symbol | None = None  # the index of the entry read, in an equation between vectors
        self.computed: dict[str, Expr] = {}  # dot products read already (their items merged)
        self.dot_letters: set[str] = set()
        self.numbers_ok = 0  # > 0 while reading what a vector's entry differentiates (a plain letter is a number)
        self.operand_reading = operand_reading  # see OPERAND_READINGS
        self.bounds = 0  # > 0 while building sum bounds: bare letters are sizes / indices
        self.digits = 0
        self.used = {t.value for t in _tokens(tree) if t.type in ("LETTER", "CALLNAME")}
        self.sizes = {size.name} | self._upper_bound_letters() | (set(sizes) - self._bound_letters())
        self.implicit: set[Symbol] = set()  # the indices of sums written without one (\sum x_i)

    # ------------------------------------------------------------ statement
    def statement(
        self, letters_as_indices: bool
    ) -> tuple[Token | None, list[Expr], list[Token], tuple[Expr, ...] | None]:
        lead: Token | None = None
        exprs: list[Expr] = []
        ops: list[Token] = []
        members: tuple[Expr, ...] | None = None
        nodes: list[Tree] = []
        for child in self.tree.children:
            if isinstance(child, Token):
                if child.type == "IN":
                    ops.append(child)
                    continue
                if nodes or ops:
                    ops.append(child)
                else:
                    lead = child
            elif child.data == "set":
                members = tuple(self.expr(c) for c in child.children if isinstance(c, Tree))
            elif ops and ops[-1].type == "IN":
                raise Unsupported(f"membership in a named set at {self.at(child)} is not supported (yet)")
            else:
                nodes.append(child)
        if ops and ops[-1].type == "IN":
            ops.pop()
        as_indices = (
            letters_as_indices
            and len(nodes) == 2
            and len(ops) == 1
            and ops[0].type in ("EQ", "NEQ")
            and all(_is(n, "letter") and n.children[0].value.islower() for n in nodes)
        )
        try:
            for node in nodes:
                exprs.append(self.index(node.children[0].value) if as_indices else self.expr(node))
            exprs = _absorbed(exprs)
            if any(var in free_indices(e) for var in self.implicit for e in exprs):
                raise Unsupported("\\sum without an index whose body's index is also used outside the sum is not read (yet)")
        except _Vectors:
            # \mathbf{p} = softmax(\mathbf{x}), \nabla_{\mathbf{x}} L = \mathbf{p} - \mathbf{y}: one entry of
            # each side, at an index of its own (what holds for every entry holds for the vectors)
            self.component = index(self.fresh())
            exprs = [self.expr(node) for node in nodes]
            if members is not None or any(not e.has(self.component) for e in exprs):
                raise Unsupported("an equation between a vector and a number (or a set) is not supported (yet)") from None
        return lead, exprs, ops, members

    # ------------------------------------------------------------ helpers
    def at(self, node: Tree | Token) -> str:
        for token in _tokens(node):
            if token.start_pos is not None:
                return position(self.text, token.start_pos)
        return "?"  # pragma: no cover

    def _bound_letters(self) -> set[str]:
        """Letters bound by a sum here (a size elsewhere in the document is an index of this sum)."""
        out: set[str] = set()
        for node in self.tree.iter_subtrees():
            if node.data in _SUM_BINDERS:
                out.update(t.value for t in node.children[:3] if isinstance(t, Token) and t.type == "LETTER")
        return out

    def _upper_bound_letters(self) -> set[str]:
        """Letters used alone as a sum's upper bound, and not as a bound variable anywhere."""
        uppers: set[str] = set()
        bound: set[str] = set()
        for node in self.tree.iter_subtrees():
            if node.data != "bigsum":
                continue
            for child in node.children:
                if _is(child, "script_token", "script_group"):
                    letters = [t for t in _tokens(child) if t.type == "LETTER"]
                    if len(letters) == 1 and len(list(_tokens(child))) <= 3:
                        uppers.add(letters[0].value)
                elif isinstance(child, Tree):
                    letters = [t.value for t in child.children if isinstance(t, Token) and t.type == "LETTER"]
                    bound.update(letters[:1])
        return uppers - bound

    @contextmanager
    def differentiated(self, variables: tuple[tuple[Expr, int], ...]) -> Iterator[None]:
        """While reading what is differentiated by an entry of a vector (``\\frac{\\partial L}{\\partial
        \\mathbf{x}}``), a plain letter is a number: the gradient of ``L``, entry by entry."""
        by_entry = self.component is not None and any(v.has(self.component) for v, _ in variables)
        self.numbers_ok += by_entry
        try:
            yield
        finally:
            self.numbers_ok -= by_entry

    def fresh(self, letters: str = _FRESH) -> str:
        """A letter used nowhere in the statement, for a new bound index (from ``letters``, in order)."""
        taken = self.used | self.sizes | self.dot_letters | {n for s in self.scopes for n in s} | {
            s.name for scope in self.scopes for s in scope.values()
        } | ({self.component.name} if self.component is not None else set())
        for name in letters:
            if name not in taken:
                return name
        raise Unsupported("no free letter left to rename a sum's bound variable")

    def index(self, name: str) -> Symbol:
        """A letter read as an index: a bound variable (renamed) or ``index(name)``."""
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        if name == self.size.name:
            return self.size
        return index(name)

    def bare(self, name: str) -> Expr:
        """A bare letter: bound variable, size, Euler's ``e`` or a scalar."""
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        if self.bounds:
            return self.index(name)
        if name == self.size.name:
            return self.size
        if name in self.sizes:
            return size_symbol(name)
        if name == "e":
            return E
        if self.component is not None and not self.numbers_ok:
            raise Unsupported(f"{name} in an equation between vectors: a number or a vector? not read (yet)")
        return scalar(name)

    def number(self, token: Token) -> Expr:
        text = token.value
        if len(text) > _MAX_LITERAL_DIGITS:
            raise ParseError(f"number too long at {self.at(token)}")
        self.spend(len(text), token)
        whole, _, frac = text.partition(".")
        if frac:
            return Rational(int(whole + frac), 10 ** len(frac))
        return Integer(int(whole))

    def spend(self, digits: int, node: Tree | Token) -> None:
        self.digits += digits
        if self.digits > _MAX_DIGITS:
            raise Unsupported(f"numbers this large (at {self.at(node)}) are not supported")

    def power(self, base: Expr, exponent: Expr, node: Tree) -> Expr:
        if base == E:
            return exp(exponent)
        if base.is_Rational and exponent.is_Rational:
            top = abs(int(exponent.p))
            digits = len(str(abs(int(base.p)))) + len(str(int(base.q)))
            if top > 10**6 or digits * top > 10_000:
                raise Unsupported(f"numeric power too large to evaluate at {self.at(node)}")
            self.spend(digits * top, node)
        return base**exponent

    # ------------------------------------------------------------ expressions
    def expr(self, node: Tree) -> Expr:
        value = self.build(node)
        if isinstance(value, _DerivOp):
            raise ParseError(f"derivative operator without an operand at {self.at(node)}")
        return value

    def build(self, node: Tree) -> Expr | _DerivOp:
        method = getattr(self, "b_" + str(node.data), None)
        if method is None:
            raise ParseError(f"unexpected construct {node.data} at {self.at(node)}")
        return method(node)

    def b_signed_sum(self, node: Tree) -> Expr:
        # Add(*terms) is what a + b - c gives (Add flattens canonically), without its quadratic cost
        terms: list[Expr | None] = []  # None: an ellipsis
        signs: list[int] = []
        sign = 1
        for child in node.children:
            if isinstance(child, Token):
                sign = -1 if child.value == "-" else 1
            else:
                if _is(child, "ellipsis"):
                    terms.append(None)
                else:
                    value = self.expr(child)
                    terms.append(value if sign == 1 else -value)
                signs.append(sign)
                sign = 1
        if None in terms:
            return self.series(terms, signs, node)
        return Add(*terms)

    def series(self, terms: list[Expr | None], signs: list[int], node: Tree) -> Expr:
        """``a_1 + a_2 + \\dots + a_n``: the terms on either side of the ellipsis are one term at
        consecutive values of one index, from the first to the last: the sum over it. Anything else
        (a pattern not shown by the terms written, several ellipses) is refused."""
        at = terms.index(None)
        if terms.count(None) > 1 or at == 0 or at + 1 >= len(terms) or len({signs[at - 1], signs[at], signs[at + 1]}) > 1:
            raise Unsupported(f"an ellipsis at {self.at(node)} whose pattern is not shown by the terms around it is not read")
        last = terms[at + 1]
        assert last is not None
        found = None
        for end in sorted({i for a in last.atoms(Indexed) for i in a.indices if not i.is_number}, key=str):
            var = index(self.fresh())
            template = last.xreplace({a: a.func(a.base, *(var if i == end else i for i in a.indices)) for a in last.atoms(Indexed)})
            if not template.has(var) or template.has(end):
                continue
            first = at - 1  # the run of terms that are the template at consecutive values, before the ellipsis
            while first > 0 and terms[first - 1] is not None and signs[first - 1] == signs[at]:
                value = _index_value(template, var, terms[first - 1], terms[first])
                if value is None:
                    break
                first -= 1
            start = _index_value(template, var, terms[first], None)
            if start is None:
                continue
            if first > 0 and _index_value(template, var, terms[first - 1], None) is not None:  # x_1 + x_3 + ... + x_n
                raise Unsupported(f"the terms before the ellipsis at {self.at(node)} are not consecutive values of one index")
            found = (first, Sum(template, (var, start, end)))
            break
        if found is None:
            raise Unsupported(f"an ellipsis at {self.at(node)} whose pattern is not shown by the terms around it is not read")
        first, series = found
        for n in range(first + 1, at):  # the terms written before the ellipsis must be the next values
            if _index_value(template, var, terms[n], None) != _index_value(template, var, terms[first], None) + (n - first):
                raise Unsupported(f"the terms before the ellipsis at {self.at(node)} are not consecutive values of one index")
        rest = [t for n, t in enumerate(terms) if not first <= n <= at + 1]
        return Add(series, *rest)  # type: ignore[arg-type]

    def b_term(self, node: Tree) -> Expr:
        return self.product(self.items(node), node)

    def items(self, node: Tree) -> list[_Item] | None:
        """A product term as (operator, factor) items; ``None`` for a sum of terms."""
        if _is(node, "signed_sum"):
            return None
        if not _is(node, "term"):
            return [("*", node)]
        result: list[_Item] = []
        op = "*"
        for child in node.children:
            if _is(child, "mulop"):
                op = {"SLASH": "/", "ODOT": "odot"}.get(child.children[0].type, "*")
            elif _is(child, "signed"):  # a \cdot -b: the sign belongs to b (and to the rest, for a \sum)
                inner = child.children[1]
                result.append((op, Tree("negated", [inner], meta=child.meta) if child.children[0].value == "-" else inner))
                op = "*"
            else:
                result.append((op, child))
                op = "*"
        return self.dot_products(self.applications(result))

    def dot_products(self, items: list[_Item]) -> list[_Item]:
        """``\\theta^T x``, ``\\mathbf{w}^\\top \\mathbf{x}``, ``\\beta^T x_i``, ``\\theta^T x^{(i)}``: a vector
        transposed, then a vector: the sum of the products of their entries (over a size of its own)."""
        out: list[_Item] = []
        pos = 0
        while pos < len(items):
            op, node = items[pos]
            if not _is(node, "transposed"):
                out.append((op, node))
                pos += 1
                continue
            if pos + 1 >= len(items) or items[pos + 1][0] != "*":
                raise Unsupported(f"a transpose at {self.at(node)} not followed by a vector is not read (yet)")
            bound = index(self.fresh("lrstuvabcdfg"))
            self.dot_letters.add(bound.name)
            left = self.entry(node, bound)
            right = self.entry(items[pos + 1][1], bound)
            key = f"dot{len(self.computed)}"
            self.computed[key] = Sum(left * right, (bound, 1, size_symbol(self.dot_size())))
            merged = Tree("computed", [Token("COMPUTED", key)], meta=node.meta)
            out.append((op, merged))
            pos += 2
        return out

    def entry(self, node: Tree, at: Symbol) -> Expr:
        """The entry ``at`` of a vector written ``\\theta``, ``\\mathbf{x}``, ``\\hat{y}``, ``x^{(i)}``
        (the i-th example's), ``x_i`` (the i-th vector), transposed or not."""
        if _is(node, "transposed"):
            primary, *rest = node.children
            sub = rest[1] if len(rest) == 3 else None
        elif _is(node, "postfix"):
            primary, scripts = node.children
            sub, sup = self.split_scripts(scripts)
            example = self.example(sup)
            if sup is not None and example is None:
                raise Unsupported(f"{self.text[node.meta.start_pos:node.meta.end_pos]} in a dot product at {self.at(node)} is not read (yet)")
            if example is not None:
                named = self.name_of(primary)
                if named is None or sub is not None:
                    raise Unsupported(f"an example's vector at {self.at(node)} is not read here (yet)")
                return array(named[1] + EXAMPLE_SUFFIX)[example, at]
        else:
            primary, sub = node, None
        named = self.name_of(primary)
        if named is None or named[0] == "greek" and named[1] in ("delta", "pi"):
            raise Unsupported(f"a dot product of an expression at {self.at(node)} is not read (yet)")
        if named[0] == "letter" and named[1].isupper():  # X^T X, W^T a: matrices
            raise Unsupported(f"a transpose of a matrix ({named[1]} at {self.at(node)}) is not read (yet)")
        if sub is not None:
            indices = self.subscript(sub)
            if len(indices) != 1:
                raise Unsupported(f"a dot product with a matrix entry at {self.at(node)} is not read (yet)")
            return array(named[1])[indices[0], at]
        return array(named[1])[at]

    def dot_size(self) -> str:
        """The length of the vectors in a dot product: a size the document does not use otherwise."""
        for name in ("n", "d", "p", "q"):
            if name not in self.used and name not in self.sizes:
                return name
        raise Unsupported("no free letter left for the length of a dot product")

    def b_computed(self, node: Tree) -> Expr:
        return self.computed[node.children[0].value]

    def b_transposed(self, node: Tree) -> Expr:
        raise Unsupported(f"a transpose at {self.at(node)} not followed by a vector is not read (yet)")

    def applications(self, items: list[_Item]) -> list[_Item]:
        """``h_\\theta(x)``, ``\\log h_\\theta(x)``: a name with a subscript label directly before a
        bracket is the function of that name applied (for ``f``, ``g``, ``h``, Greek letters and the
        names the document defines as functions; with a space between, only for those it defines)."""
        out: list[_Item] = []
        for op, node in items:
            if out and op == "*" and _is(node, "paren") and _is(out[-1][1], "mathcal") and self.adjacent(out[-1][1], node):
                prev_op, prev = out[-1]  # \mathcal{L}(w): the loss as a function, never L times w
                out[-1] = (prev_op, Tree("mathcal_call", [prev, node], meta=prev.meta))
                continue
            if out and op == "*" and _is(node, "paren"):
                prev_op, prev = out[-1]
                name = self.labelled_function(prev, node)
                if name is not None:
                    merged = Tree("labelled_call", [prev, node])
                    merged.meta.empty = False
                    for attr in ("line", "column", "start_pos"):
                        setattr(merged.meta, attr, getattr(prev.meta, attr, None))
                    for attr in ("end_line", "end_column", "end_pos"):
                        setattr(merged.meta, attr, getattr(node.meta, attr, None))
                    out[-1] = (prev_op, merged)
                    continue
                if self.indexed_at_vector(prev, node):  # \ell_i(\mathbf{w}): the i-th loss at w, a quantity
                    merged = Tree("indexed_at", [prev, node], meta=prev.meta)
                    out[-1] = (prev_op, merged)
                    continue
            out.append((op, node))
        return out

    def indexed_at_vector(self, left: Tree, paren: Tree) -> bool:
        """``\\ell_i(\\mathbf{w})``: a name with index subscripts directly before a bracket holding one
        vector's name (never a product: a vector alone is no factor of a number)."""
        if not (_is(left, "postfix") and self.adjacent(left, paren)):
            return False
        primary, scripts = left.children
        sub, sup = self.split_scripts(scripts)
        inner = paren.children[1] if len(paren.children) > 1 else None
        return (sub is not None and sup is None and self.name_of(primary) is not None
                and self.name_of(primary)[0] != "hat" and _is(inner, "bold", "hat_bold"))

    def b_indexed_at(self, node: Tree) -> Expr:
        left, paren = node.children
        primary, scripts = left.children
        sub, _ = self.split_scripts(scripts)
        name = applied_name(self.name_of(primary)[1], [_bold_name(paren.children[1])])
        return array(name)[tuple(self.subscript(sub))]

    def labelled_function(self, left: Tree, right: Tree) -> str | None:
        """The labelled name (``h__theta``) of ``left`` if ``left right`` applies it, else None."""
        head = left
        if _is(left, "fn_bare") and len(left.children) == 3:
            head = Tree("postfix", left.children[1:], meta=left.meta)
        if not _is(head, "postfix"):
            return None
        primary, scripts = head.children
        sub, sup = self.split_scripts(scripts)
        if sub is None or sup is not None:
            return None
        named = self.name_of(primary)
        if named is None or named[0] == "hat":
            return None
        label = self.label_of(sub, named[1])
        if label is None:
            return None
        name = labelled_name(named[1], label)
        adjacent = getattr(left.meta, "end_pos", None) == right.meta.start_pos and self.text[right.meta.start_pos] == "("
        known = name in self.functions or (adjacent and (named[0] == "greek" or named[1] in _FUNCTION_LETTERS))
        return name if known else None

    def adjacent(self, left: Tree, right: Tree) -> bool:
        return getattr(left.meta, "end_pos", None) == right.meta.start_pos and self.text[right.meta.start_pos] == "("

    def b_mathcal_call(self, node: Tree) -> Expr:
        left, paren = node.children
        return function(_mathcal_name(left))(self.expr(paren.children[1]))

    def b_labelled_call(self, node: Tree) -> Expr:
        left, paren = node.children
        name = self.labelled_function(left, paren)
        assert name is not None
        applied = function(name)(self.expr(paren.children[1]))
        if _is(left, "fn_bare"):
            return self.apply_fn(left.children[0], applied)
        return applied

    def label_of(self, sub: Tree, base: str | None = None) -> str | None:
        """The label of a subscript that names rather than indexes (a Greek letter or a word in it):
        ``\\theta`` in ``h_\\theta``, ``max`` in ``x_{\\mathrm{max}}``, ``w,b`` in ``f_{w, \\beta}``; None for indices."""
        words = [n for n in sub.iter_subtrees() if n.data == "subword"]
        tokens = list(_tokens(sub))
        if not words and not any(t.type == "GREEK" for t in tokens):
            # f_{w,b}(x) where the document defines f_{w,b}(x) = ...: letters that label a function
            letters = ",".join("".join(t.value for t in _tokens(item)) for item in sub.children if isinstance(item, Tree))
            if sub.data == "sub_token" and [t.value for t in tokens] in (["w"], ["W"]):
                letters = tokens[0].value  # h_w(x), defined as such: the weights label the function
            elif sub.data != "sub_group":
                return None
            if base is None or labelled_name(base, letters) not in self.functions:
                return None
            return letters
        pieces: list[str] = []
        current = ""
        for token in tokens:
            if token.type == "GREEK":
                current += ("," if current else "") + GREEK[token.value[1:]]
            elif token.type in ("LETTER", "NUMBER"):
                current += token.value
            elif token.type == "COMMA":
                pieces.append(current)
                current = ""
            elif token.type in ("ADDOP",):
                raise Unsupported(f"a subscript label with '{token.value}' at {self.at(sub)} is not supported (yet)")
        pieces.append(current)
        return ",".join(p for p in pieces if p)

    def product(self, items: list[_Item], node: Tree) -> Expr:
        """Multiply items left to right; a ``\\sum`` takes the rest as its body, a derivative
        operator the one factor after it."""
        if not items:
            raise ParseError(f"missing operand at {self.at(node)}")
        if items[0][0] == "/":
            raise ParseError(f"'/' without a numerator at {self.at(items[0][1])}")
        if sum(1 for _, n in items if _is(n, "bigsum", "frac", "fn_sum")) > _MAX_OPERATORS:
            raise ParseError(f"too many sums or fractions in one product at {self.at(node)}")
        for (op, left), (_, right) in zip(items, items[1:], strict=False):
            between = re.sub(r"\\[,;:! ]|~", "", self.text[left.meta.end_pos : right.meta.start_pos]) if _is(left, "number") else "x"
            if _is(right, "number") and op == "*" and not between.strip():
                raise Unsupported(f"numbers side by side at {self.at(left)} (a list or a vector?) are not a product")
            if self.spaced_application(left, right):
                raise Unsupported(
                    f"{self.text[left.meta.start_pos:right.meta.end_pos]} at {self.at(left)} reads as a function"
                    " applied to a variable or as a product; write the function without a space, or define it"
                )
            if self.applied_subscript(left, right):
                raise Unsupported(
                    f"{self.text[left.meta.start_pos:right.meta.end_pos]} at {self.at(left)} reads as a"
                    " function applied to a variable or as a product; not supported (yet)"
                )
        result: Expr | None = None
        pos = 0
        while pos < len(items):
            op, factor = items[pos]
            value, nxt, applied = self.operand(items, pos)
            # \frac{d}{dx}(f) g: the bracket is the operand when it holds the variable (else \frac{d}{dx}(1 - y) x
            # may mean the derivative of (1 - y) x: refused as ambiguous)
            grouped = (applied and _is(items[pos + 1][1], "paren") and nxt == pos + 2 and isinstance(value, Derivative)
                       and all(value.expr.has(v) for v in value.variables))
            if applied and nxt < len(items) and not grouped:
                if not self.operand_reading:
                    raise AmbiguousOperand(
                        f"derivative operator at {self.at(factor)} followed by several factors is ambiguous;"
                        " put its operand in parentheses"
                    )
                if self.operand_reading == "product":
                    value, nxt = self.operand_product(items, pos)
            pos = nxt
            if pos < len(items) and self.evaluated_at(factor, items[pos][1]):
                # \frac{d\sigma}{dx}(x): the derivative at its own variable is the derivative itself
                point = self.expr(items[pos][1].children[1])
                if not (isinstance(value, Derivative) and value.variables == (point,)):
                    raise Unsupported(
                        f"a derivative evaluated at a point at {self.at(items[pos][1])} is not supported (yet)"
                    )
                pos += 1
            if result is None:
                result = value
            elif op == "/":
                result = result / value
            else:
                if self.component is not None and result.has(self.component) and value.has(self.component) and op != "odot":
                    raise Unsupported(
                        f"a product of two vectors at {self.at(factor)} (a dot product, an outer product or entry by"
                        " entry?) is not read; write \\odot for entry by entry"
                    )
                result = result * value
        assert result is not None
        return result

    def operand(self, items: list[_Item], pos: int) -> tuple[Expr, int, bool]:
        """The factor at ``pos`` (with its operand if it is an operator): its value, the next
        position, and whether it was a derivative operator applied to the factor after it."""
        if pos >= len(items):
            raise ParseError(f"missing operand at {self.at(items[-1][1])}")
        op, node = items[pos]
        if _is(node, "negated"):
            value, nxt, applied = self.operand([*items[:pos], (op, node.children[0]), *items[pos + 1 :]], pos)
            return -value, nxt, applied
        if _is(node, "bigsum"):
            return self.sum(node, items[pos + 1 :]), len(items), False
        if _is(node, "fn_sum"):  # \log \sum_j ...: the function of the whole sum
            fn, bigsum = node.children
            return self.apply_fn(fn, self.sum(bigsum, items[pos + 1 :])), len(items), False
        value = self.build(node)
        if isinstance(value, _DerivOp):
            if pos + 1 >= len(items):
                raise ParseError(f"derivative operator without an operand at {self.at(node)}")
            if items[pos + 1][0] == "/":
                raise ParseError(f"'/' right after a derivative operator at {self.at(items[pos + 1][1])}")
            with self.differentiated(value.variables):
                inner, nxt, _ = self.operand(items, pos + 1)
            return self.derivative(inner, value.variables), nxt, True
        return value, pos + 1, False

    def operand_product(self, items: list[_Item], pos: int) -> tuple[Expr, int]:
        """The derivative operator at ``pos`` applied to the product of the factors after it, up to the
        next derivative (``\\frac{\\partial}{\\partial x} y \\log h \\frac{\\partial}{\\partial x} g``: of
        ``y \\log h``): its value and the next position."""
        operator = self.build(items[pos][1])
        assert isinstance(operator, _DerivOp)
        inner: Expr | None = None
        end = pos + 1
        with self.differentiated(operator.variables):
            while end < len(items):
                value, nxt, applied = self.operand(items, end)
                if inner is not None and (applied or isinstance(value, Derivative)):
                    break
                inner = value if inner is None else inner / value if items[end][0] == "/" else inner * value
                end = nxt
        assert inner is not None
        return self.derivative(inner, operator.variables), end

    def evaluated_at(self, left: Tree, right: Tree) -> bool:
        """``\\frac{d\\sigma}{dx}(x)``: a derivative fraction directly before a bracketed variable."""
        if not (_is(left, "frac") and _is(right, "paren") and _variable_like(right.children[1])):
            return False
        if self._frac_kind(left) is None or getattr(left.meta, "end_pos", None) is None:
            return False
        if self.text[right.meta.start_pos] != "(" or self.text[left.meta.end_pos : right.meta.start_pos].strip():
            return False
        if left.meta.end_pos < right.meta.start_pos:  # TeX drops the space: at its variable, or times it?
            raise Unsupported(f"a derivative before a bracketed variable with a space at {self.at(right)}"
                              " (the derivative at that point, or a product?) is not read (yet)")
        return True

    def spaced_application(self, left: Tree, right: Tree) -> bool:
        """``\\sigma (x)``, ``f (x)``: a Greek letter or f, g, h before a bracketed lone variable, with a
        space between (without it, an application; a function the document defines has its space dropped)."""
        if not (_is(left, "greek", "letter") and _is(right, "paren") and _variable_like(right.children[1])):
            return False
        name = self.name_of(left)
        if name is None or not (name[0] == "greek" and name[1] != "pi" or name[1] in _FUNCTION_LETTERS):
            return False
        opening = _OPENING.match(self.text, right.meta.start_pos)  # ( or \\left( (TeX ignores the space either way)
        return opening is not None and getattr(left.meta, "end_pos", right.meta.start_pos) < right.meta.start_pos

    def applied_subscript(self, left: Tree, right: Tree) -> bool:
        """``y_i(z_i)``, ``h_m(\\alpha)``: a subscripted name directly before a bracket holding one
        variable (``p_i(1 - p_i)``, with an operator inside, is a product)."""
        if not (_is(left, "postfix", "hat", "mathcal") and _is(right, "paren") and _variable_like(right.children[1])):
            return False
        head = left.children[0] if _is(left, "postfix") else left
        if self.name_of(head) is None or getattr(left.meta, "end_pos", None) is None:
            return False
        return left.meta.end_pos == right.meta.start_pos and self.text[right.meta.start_pos] == "("

    def derivative(self, body: Expr, variables: tuple[tuple[Expr, int], ...]) -> Expr:
        # d^2/(dx dy) f = d/dx (d/dy f): the rightmost variable is applied first, as SymPy prints
        variables = tuple((self.applied_variable(body, v), n) for v, n in variables)
        if self.component is not None and body.has(self.component) and any(v.has(self.component) for v, _ in variables):
            raise Unsupported("a derivative of a vector by a vector (a Jacobian) is not read (yet)")
        args = [v if n == 1 else (v, n) for v, n in reversed(variables)]
        return Derivative(body, *args)

    @staticmethod
    def applied_variable(body: Expr, variable: Expr) -> Expr:
        """``\\frac{\\partial}{\\partial h_\\theta} \\log h_\\theta(x^{(i)})``: a derivative with respect to a
        function's name is one with respect to its value where the body applies it (at one argument)."""
        if not isinstance(variable, Symbol) or variable.is_integer:
            return variable
        applied = {f for f in body.atoms(AppliedUndef) if str(f.func) == variable.name}
        if len(applied) > 1:
            raise Unsupported(
                f"a derivative with respect to {variable.name} where it is applied to several arguments"
                f" ({', '.join(sorted(str(a) for a in applied))}) is not supported"
            )
        return applied.pop() if applied else variable

    # ------------------------------------------------------------ sums
    def sum(self, node: Tree, rest: list[_Item]) -> Expr:
        sub: Tree | None = None
        upper_node: Tree | None = None
        for child in node.children:
            if _is(child, "sum_var", "sum_from", "sum_neq", "sum_in", "sum_multi"):
                sub = child
            elif _is(child, "script_token", "script_group"):
                upper_node = child
        op = "\\prod" if node.children[0].value.startswith("\\prod") else "\\sum"
        if sub is None and upper_node is None and op == "\\sum":
            return self.implicit_sum(node, rest)
        if sub is None:
            raise Unsupported(f"{op} without an index at {self.at(node)} is not supported (yet)")
        if sub.data == "sum_in":
            letter = next((t.value for t in sub.children if isinstance(t, Token) and t.type == "LETTER"), "j")
            raise Unsupported(f"sums over a set (\\sum_{{{letter} \\in ...}}) at {self.at(node)} are not supported (yet)")
        if sub.data == "sum_multi":
            raise Unsupported(f"sums over several indices at {self.at(node)} are not supported (yet)")
        letters = [t for t in sub.children if isinstance(t, Token) and t.type == "LETTER"]
        name = letters[0].value
        lower: Expr = S.One
        upper: Expr = self.size
        self.bounds += 1
        try:
            if sub.data == "sum_from":
                bound_expr = next(c for c in sub.children if isinstance(c, Tree))
                lower = self.expr(bound_expr)
            excluded = self.index(letters[1].value) if sub.data == "sum_neq" else None
            if upper_node is not None:
                upper = self.script(upper_node)
        finally:
            self.bounds -= 1
        if excluded is not None and op == "\\prod":
            raise Unsupported(f"a product with an index left out (\\prod_{{{name} \\neq ...}}) at {self.at(node)} is not read (yet)")
        if excluded is not None and letters[1].value == name:
            raise ParseError(f"\\sum_{{{name} \\neq {name}}} at {self.at(node)}")
        renamed = name
        if name == self.size.name or (isinstance(upper, Symbol) and upper.name == name):
            renamed = self.fresh()
        var = index(renamed)
        if not rest:
            raise ParseError(f"\\sum without a body at {self.at(node)}")
        self.scopes.append({name: var})
        try:
            body = self.product(rest, node)
        finally:
            self.scopes.pop()
        if op == "\\prod":
            return Product(body, (var, lower, upper))
        if excluded is not None:
            body = body * (1 - KroneckerDelta(excluded, var))
        return Sum(body, (var, lower, upper))

    def implicit_sum(self, node: Tree, rest: list[_Item]) -> Expr:
        """``\\sum (\\hat{y}_i - y_i) x_i``: over the one index its body has, up to the document's one
        size; anything else (no index, two, several sizes to choose from) is not read."""
        if not rest:
            raise ParseError(f"\\sum without a body at {self.at(node)}")
        body = self.product(rest, node)
        free = {s for s in free_indices(body) if s.name not in self.sizes}
        if len(free) != 1 or len(self.sizes) != 1:
            raise Unsupported(f"\\sum without an index at {self.at(node)} is not supported (yet)")
        var = free.pop()
        self.implicit.add(var)
        return Sum(body, (var, 1, self.size))

    def b_bigsum(self, node: Tree) -> Expr:
        raise ParseError(f"\\sum without a body at {self.at(node)}")

    def b_fn_sum(self, node: Tree) -> Expr:
        raise ParseError(f"\\sum without a body at {self.at(node)}")

    # ------------------------------------------------------------ scripts
    def script(self, node: Tree) -> Expr:
        """A superscript (or a sum's upper bound)."""
        if node.data == "script_group":
            return self.expr(next(c for c in node.children if isinstance(c, Tree)))
        token = node.children[0]
        if token.type == "NUMBER":
            if len(token.value) > 1:
                raise Unsupported(
                    f"unbraced multi-character script '{token.value}' at {self.at(token)} is ambiguous; use braces"
                )
            return self.number(token)
        if token.type == "LETTER":
            return self.bare(token.value)
        return self.greek(token)

    def subscript(self, node: Tree) -> list[Expr]:
        """A subscript: a list of index expressions."""
        if self.label_of(node) is not None:
            raise Unsupported(f"a subscript label at {self.at(node)} is not supported here (yet)")
        if node.data == "sub_token":
            token = node.children[0]
            if token.type == "NUMBER":
                if len(token.value) > 1:
                    raise Unsupported(
                        f"unbraced multi-character subscript '{token.value}' at {self.at(token)}"
                        " is ambiguous; use braces"
                    )
                return [self.number(token)]
            return [self.index(token.value)]
        result: list[Expr] = []
        for item in node.children:
            if _is(item, "subitem"):
                result.extend(self.subitem(item))
        return result

    def subitem(self, node: Tree) -> list[Expr]:
        parts = node.children
        terms = [p for p in parts if isinstance(p, Tree)]
        if len(parts) == 1:
            tokens = terms[0].children
            if all(t.type == "LETTER" for t in tokens):
                if len(tokens) > 2:
                    word = "".join(t.value for t in tokens)
                    raise Unsupported(
                        f"the subscript '{word}' at {self.at(node)} looks like a word; not supported (yet)"
                    )
                return [self.index(t.value) for t in tokens]
        total: Expr = S.Zero
        sign = 1
        for part in parts:
            if isinstance(part, Token):
                sign = -1 if part.value == "-" else 1
                continue
            letters = [t for t in part.children if t.type == "LETTER"]
            numbers = [t for t in part.children if t.type == "NUMBER"]
            if len(letters) > 1 or len(numbers) > 1:
                raise Unsupported(f"the subscript at {self.at(node)} is ambiguous; not supported (yet)")
            if letters and numbers and len(parts) == 1 and part.children[0].type == "LETTER":  # Y_{i1}: row i, column 1
                return [self.index(letters[0].value), self.number(numbers[0])]
            if letters and numbers and len(parts) == 1:  # Y_{1k}: row 1, column k (a matrix), or 1 k?
                word = "".join(t.value for t in part.children)
                raise Unsupported(
                    f"the subscript '{word}' at {self.at(node)} is ambiguous (a pair of indices of a matrix, or a"
                    f" product?); write {{{','.join(t.value for t in part.children)}}} for the pair"
                )
            value: Expr = S.One
            for token in part.children:
                value = value * (self.index(token.value) if token.type == "LETTER" else self.number(token))
            total = total + sign * value
            sign = 1
        return [total]

    # ------------------------------------------------------------ primaries
    def name_of(self, node: Tree) -> tuple[str, str] | None:
        """(kind, name) of a primary that can carry a subscript: letter, Greek, hat, mathrm."""
        while _is(node, "brace") and len(node.children) == 3 and isinstance(node.children[1], Tree):
            node = node.children[1]
        if _is(node, "mathrm"):
            return "letter", _mathrm_name(node)
        if _is(node, "mathcal"):
            return "letter", _mathcal_name(node)
        if _is(node, "letter"):
            letter = next(t for t in node.children if t.type == "LETTER")
            return "letter", letter.value
        if _is(node, "greek"):
            return "greek", GREEK[node.children[0].value[1:]]
        if _is(node, "hat"):
            inner = next(t for t in node.children if t.type in ("LETTER", "GREEK"))
            base = inner.value if inner.type == "LETTER" else GREEK[inner.value[1:]]
            accent = next(t for t in node.children if t.type == "HAT").value.lstrip("\\")
            decoration = {"hat": "hat", "widehat": "hat", "tilde": "tilde", "widetilde": "tilde", "bar": "bar", "overline": "bar"}[accent]
            return "hat", hat_name(base) if decoration == "hat" else base + decoration  # \tilde{w}: wtilde, \bar{x}: xbar
        if _is(node, "bold", "hat_bold"):
            return "bold", _bold_name(node)
        return None

    def b_bold(self, node: Tree) -> Expr:
        token = next(t for t in _tokens(node) if t.type == "BOLD")
        name = _bold_name(node)
        if token.value == "\\mathbb" and name[:1].isupper():
            raise Unsupported(f"blackboard sets such as \\mathbb{{R}} (at {self.at(node)}) are not supported (yet)")
        if name[:1].isupper():
            raise Unsupported(f"matrices ({token.value}{{{name}}} at {self.at(node)}) are not supported (yet)")
        if self.component is None:
            raise _Vectors(f"vectors in bold ({token.value} at {self.at(node)})")
        return array(name)[self.component]

    def b_hat_bold(self, node: Tree) -> Expr:
        return self.b_bold(node)

    def vector_arguments(self, call: Tree) -> str | None:
        """``L(\\mathbf{p})``, ``l(\\mathbf{y}, \\hat{\\mathbf{y}})``: a function of whole vectors, named by
        them (``L(p)``, ``l(y,yhat)``), or None when an argument is not a vector's name."""
        args = [c for c in call.children if isinstance(c, Tree)]
        names = []
        for arg in args:
            while _is(arg, "brace") and isinstance(arg.children[1], Tree):
                arg = arg.children[1]
            if not _is(arg, "bold", "hat_bold"):
                return None
            names.append(_bold_name(arg))
        if any(isinstance(c, Token) and c.type == "PRIME" for c in call.children):
            raise Unsupported(f"a derivative of a function of vectors at {self.at(call)} is not supported (yet)")
        return applied_name(_call_name(call.children[0]), names)

    def b_postfix(self, node: Tree) -> Expr:
        primary, scripts = node.children
        sub, sup = self.split_scripts(scripts)
        if _is(primary, "partial"):
            raise ParseError(f"\\partial outside a derivative fraction at {self.at(node)}")
        inner = primary.children[1] if _is(primary, "paren") else primary  # [\sigma(\mathbf{a})]_i
        vector = self.vector_arguments(inner) if _is(inner, "call") and sub is not None else None
        if vector is not None and not (_call_name(inner.children[0]).lower() == "softmax"):
            value = array(vector)[tuple(self.subscript(sub))]  # s(\mathbf{x})_i: the i-th entry of s at x
            return self.power(value, self.script(sup), node) if sup is not None else value
        if _is(primary, "call") and sub is not None and _call_name(primary.children[0]).lower() == "softmax":
            value = self.softmax_component(primary, sub)  # softmax(z)_i
            return self.power(value, self.script(sup), node) if sup is not None else value
        if _is(primary, "call") and self.is_product(primary):  # x(1 + y)^2 = x (1 + y)^2
            letter, inner = self.product_parts(primary)
            if sub is not None:
                raise Unsupported(f"a subscript on an expression at {self.at(sub)} is not supported (yet)")
            return letter * (self.power(inner, self.script(sup), node) if sup is not None else inner)
        example = self.example(sup)
        if example is not None:  # x^{(i)}, x^{(i)}_j: the i-th example, not a power
            named = self.name_of(primary)
            if named is None or named[0] == "greek" and named[1] == "delta":
                raise Unsupported(f"an example superscript on an expression at {self.at(node)} is not supported (yet)")
            rest = self.subscript(sub) if sub is not None else []
            return array(named[1] + EXAMPLE_SUFFIX)[(example, *rest)]
        layer = self.layer(sup)
        if layer is not None:  # z^{[2]}_j, W^{(L)}: the quantity of a layer, a name of its own, not a power
            named = self.name_of(primary)
            if named is None or named[0] == "bold" or named[1] == "e" or (named[1] == "delta" and not self.layers):
                # (\delta^l_j, a layer's error, where the document labels layers bare: never a Kronecker delta)
                raise Unsupported(f"a layer superscript on an expression at {self.at(node)} is not supported (yet)")
            name = layered_name(named[1], layer)
            return array(name)[tuple(self.subscript(sub))] if sub is not None else scalar(name)
        base = self.subscripted(primary, sub) if sub is not None else self.expr(primary)
        if sup is None:
            return base
        return self.power(base, self.script(sup), node)

    def softmax_component(self, call: Tree, sub: Tree) -> Expr:
        """``softmax(z)_i`` = ``e^{z_i} / \\sum_j e^{z_j}`` over the document's size: the argument a name
        (``z``, ``\\mathbf{z}``), the subscript one index."""
        args = [c for c in call.children if isinstance(c, Tree)]
        primes = any(isinstance(c, Token) and c.type == "PRIME" for c in call.children)
        indices = self.subscript(sub)
        named = self.name_of(args[0]) if len(args) == 1 else None
        if primes or named is None or len(indices) != 1:
            raise Unsupported(f"softmax at {self.at(call)}: only the component softmax(z)_i of a named vector is read")
        base = array(named[1])
        bound = index(self.fresh())
        return exp(base[indices[0]]) / Sum(exp(base[bound]), (bound, 1, self.size))

    def _postfixed(self, node: Tree) -> Expr:
        """What a postfix mark (``'``, ``!``) follows: the primary, with its scripts if it has them."""
        trees = [c for c in node.children if isinstance(c, Tree)]
        return self.expr(Tree("postfix", trees, meta=node.meta) if len(trees) == 2 else trees[0])

    def b_factorial(self, node: Tree) -> Expr:
        """``y!``, ``y^{(i)}!``, ``(y_i)!``: the factorial (of a data count, as in a Poisson likelihood)."""
        return factorial(self._postfixed(node))

    def b_primed(self, node: Tree) -> Expr:
        """``\\sigma(t)'``, ``(1 - \\sigma(t))'``: the derivative of an expression of one variable by it.
        With no variable, several, or an indexed one, the variable is not known: refused."""
        primes = sum(1 for c in node.children if isinstance(c, Token) and c.type == "PRIME")
        body = self._postfixed(node)
        variables = {v for v in body.free_symbols if not v.is_integer}
        hidden = [f for f in body.atoms(AppliedUndef) if LABEL_SEPARATOR in str(f.func) or not all(isinstance(a, Symbol) for a in f.args)]
        if isinstance(body, Symbol) or len(variables) != 1 or body.has(Indexed, Sum, Derivative) or hidden:
            raise Unsupported(
                f"primes other than on an expression of one variable (\\sigma(t)', (1 - \\sigma(t))') at {self.at(node)}"
                " are not supported (yet): with respect to which variable?"
            )
        (variable,) = variables
        return Derivative(body, variable if primes == 1 else (variable, primes))

    def example(self, sup: Tree | None) -> Expr | None:
        """The index of ``^{(i)}`` (one lowercase letter in brackets), or None."""
        if sup is None or sup.data != "script_group":
            return None
        inner = next(c for c in sup.children if isinstance(c, Tree))
        if not (_is(inner, "paren") and _is(inner.children[1], "letter")):
            return None
        letter = inner.children[1].children[0].value
        return self.index(letter) if letter.islower() else None

    def layer(self, sup: Tree | None) -> str | None:
        """The label of ``^{[2]}``, ``^{[l-1]}``, ``^{(2)}``, ``^{(L)}`` (a layer's number or letter in
        brackets, as written), or None (``^{(i)}``, one lowercase letter, is an example: see ``example``)."""
        if sup is None:
            return None
        text = self.text[sup.meta.start_pos : sup.meta.end_pos]
        if self.layers:  # a^{l-1}, z^L where the document labels layers so
            bare = BARE_LAYER_LABEL.fullmatch(text)
            if bare:
                return "".join((bare.group(1) or bare.group(2)).split())
        if sup.data != "script_group":
            return None
        m = LAYER_LABEL.fullmatch(text)
        return "".join(m.group(1).split()) if m else None

    def split_scripts(self, scripts: Tree) -> tuple[Tree | None, Tree | None]:
        sub: Tree | None = None
        sup: Tree | None = None
        children = scripts.children
        for marker, arg in zip(children[::2], children[1::2], strict=True):
            if marker.type == "SUB":
                if sub is not None:
                    raise ParseError(f"double subscript at {self.at(marker)}")
                sub = arg
            else:
                if sup is not None:
                    raise ParseError(f"double superscript at {self.at(marker)}")
                sup = arg
        return sub, sup

    def subscripted(self, primary: Tree, sub: Tree) -> Expr:
        if _is(primary, "bold") and any(t.value == "\\mathbb" for t in _tokens(primary) if t.type == "BOLD") and _bold_name(primary)[:1].isupper():
            # \mathbb{E}_q[(x - \mu)^2]: an expectation, not the entry q of a quantity E times a bracket
            raise Unsupported(f"expectations and blackboard sets (\\mathbb{{{_bold_name(primary)}}} at {self.at(primary)}) are not supported (yet)")
        named = self.name_of(primary)
        if named is None:
            raise Unsupported(f"a subscript on an expression at {self.at(sub)} is not supported (yet)")
        kind, name = named
        label = self.label_of(sub, name)
        if label is not None:  # h_\theta, x_{\mathrm{max}}: a name with a label, not an indexed quantity
            if kind == "greek" and name == "delta":
                raise Unsupported(f"\\delta with the label {label} at {self.at(sub)} is not supported (yet)")
            return scalar(labelled_name(name, label))
        indices = self.subscript(sub)
        if kind == "greek" and name == "delta" and len(indices) == 2:
            return KroneckerDelta(indices[0], indices[1])
        if kind == "bold" and self.component is not None and len(indices) == 1 and not self.numbers_ok:
            return array(name)[indices[0], self.component]  # \mathbf{x}_i beside vectors: the i-th vector's entry
        return array(name)[tuple(indices)]

    def b_letter(self, node: Tree) -> Expr:
        return self.bare(node.children[0].value)

    def b_mathrm(self, node: Tree) -> Expr:
        return self.bare(_mathrm_name(node))

    def b_mathcal(self, node: Tree) -> Expr:
        return self.bare(_mathcal_name(node))

    def greek(self, token: Token) -> Expr:
        name = GREEK[token.value[1:]]
        if name != "pi" and self.component is not None and not self.numbers_ok:
            raise Unsupported(f"\\{name} in an equation between vectors: a number or a vector? not read (yet)")
        return S.Pi if name == "pi" else scalar(name)

    def b_greek(self, node: Tree) -> Expr:
        return self.greek(node.children[0])

    def b_hat(self, node: Tree) -> Expr:
        named = self.name_of(node)
        assert named is not None
        return scalar(named[1])

    def b_number(self, node: Tree) -> Expr:
        return self.number(node.children[0])

    def b_partial(self, node: Tree) -> Expr:
        raise ParseError(f"\\partial outside a derivative fraction at {self.at(node)}")

    def b_paren(self, node: Tree) -> Expr:
        return self.expr(node.children[1])

    def b_brace(self, node: Tree) -> Expr:
        return self.expr(node.children[1])

    def b_sqrt(self, node: Tree) -> Expr:
        args = [c for c in node.children if isinstance(c, Tree)]
        if len(args) == 1:
            return sqrt(self.expr(args[0]))
        degree = self.expr(args[0])
        return self.power(self.expr(args[1]), S.One / degree, node)

    def b_fn_delim(self, node: Tree) -> Expr:
        return self.apply_fn(node.children[0], self.expr(node.children[2]))

    def b_fn_bare(self, node: Tree) -> Expr:
        fn, atom = node.children[0], node.children[1]
        if _is(atom, "call") and self.is_product(atom):  # \ln x(1 + x) = \ln(x) (1 + x)
            letter, inner = self.product_parts(atom)
            if len(node.children) == 3:
                _, sup = self.split_scripts(node.children[2])
                if sup is None:
                    raise Unsupported(f"a subscript on an expression at {self.at(node)} is not supported (yet)")
                inner = self.power(inner, self.script(sup), node)
            return self.apply_fn(fn, letter) * inner
        if len(node.children) == 3:
            arg = self.b_postfix(Tree("postfix", [atom, node.children[2]], meta=node.meta))
        else:
            arg = self.expr(atom)
        return self.apply_fn(fn, arg)

    def apply_fn(self, token: Token, arg: Expr) -> Expr:
        name = token.value.lstrip("\\")
        if name == "exp":
            return exp(arg)
        if name in ("ln", "log"):
            return log(arg)
        # hyperbolic functions as the exponentials they are (exact; the verifier's fields know exp)
        up, down = exp(arg), exp(-arg)
        return {"tanh": (up - down) / (up + down), "sinh": (up - down) / 2, "cosh": (up + down) / 2,
                "coth": (up + down) / (up - down), "sech": 2 / (up + down), "csch": 2 / (up - down)}[name]

    def b_fn_pow(self, node: Tree) -> Expr:
        """``\\tanh^2(z)``, ``\\log^2 x``: the power of the function's value."""
        fn, _, power, *rest = node.children
        exponent = self.script(power)
        if exponent.is_number and exponent.is_negative:  # \tanh^{-1} x: the inverse function, as most write it
            name = fn.value.lstrip("\\")
            raise Unsupported(f"\\{name}^{{{exponent}}} at {self.at(node)} (the inverse function, or a power of the value?) is not read (yet)")
        arg = next(c for c in rest if isinstance(c, Tree))
        return self.power(self.apply_fn(fn, self.expr(arg)), exponent, node)

    def b_fn_base(self, node: Tree) -> Expr:
        """``\\log_2 x``, ``\\log_{10}(x)``: a logarithm to a base."""
        fn, _, base, *rest = node.children
        if fn.value.lstrip("\\") != "log":
            raise Unsupported(f"a subscript on \\{fn.value.lstrip(chr(92))} at {self.at(node)} is not supported (yet)")
        arg = next(c for c in rest if isinstance(c, Tree))
        return log(self.expr(arg)) / log(self.script(base))

    def is_product(self, node: Tree) -> bool:
        """A letter before a bracket that is not a function here (and has no prime): a product.
        Several arguments (``p(x, \\mu)``, ``p(x \\mid \\theta)``) make it an application: a product has one."""
        name = node.children[0].value
        primes = any(isinstance(c, Token) and c.type == "PRIME" for c in node.children)
        several = any(isinstance(c, Token) and c.type in ("COMMA", "MID") for c in node.children)
        if primes or several:
            return False
        return (not name.startswith("\\") and name not in self.functions) or self.self_applied(node)

    def self_applied(self, node: Tree) -> bool:
        """``h(1 - h)``, ``\\sigma(1 - \\sigma)``: a name before a bracket holding the same name bare (not
        applied itself) multiplies; a function of an expression of its own name is no one's meaning."""
        name = node.children[0].value
        args = [c for c in node.children if isinstance(c, Tree)]
        if len(args) != 1 or getattr(args[0].meta, "start_pos", None) is None:
            return False
        inside = self.text[args[0].meta.start_pos : args[0].meta.end_pos]
        guard = "" if name.startswith("\\") else r"(?<![A-Za-z\\])"
        return re.search(guard + re.escape(name) + r"(?![A-Za-z])(?!\s*(?:'|\(|\\left))", inside) is not None

    def product_parts(self, node: Tree) -> tuple[Expr, Expr]:
        name_token = node.children[0]
        args = [c for c in node.children if isinstance(c, Tree)]
        if len(args) != 1:
            raise Unsupported(
                f"{name_token.value}(..., ...) at {self.at(node)}: {name_token.value} is not a function here;"
                " functions are f, g, h, Greek letters and letters the document defines as functions"
            )
        if _variable_like(args[0]) or _is(args[0], "call", "labelled_call"):  # J(g(m, b)): J of g, or J times g?
            raise Unsupported(
                f"{name_token.value}({self.text[args[0].meta.start_pos:args[0].meta.end_pos].strip()}) at {self.at(node)}"
                " reads as a function applied to a variable or as a product; define the function first"
                f" ({name_token.value}(x) = ...) or write the product with a space"
            )
        letter = self.greek(name_token) if name_token.value.startswith("\\") else self.bare(name_token.value)
        return letter, self.expr(args[0])

    def b_call(self, node: Tree) -> Expr:
        vector = self.vector_arguments(node) if any(_is(c, "bold", "hat_bold", "brace") for c in node.children) else None
        if vector is not None and self.component is not None:  # in an equation between vectors
            name = _call_name(node.children[0])
            known = _KNOWN_FUNCTIONS.get(name.lower())
            if known is _softmax:
                (arg,) = [self.expr(c) for c in node.children if isinstance(c, Tree)]
                bound = index(self.fresh())
                return exp(arg) / Sum(exp(arg.xreplace({self.component: bound})), (bound, 1, self.size))
            if known is not None or name in self.functions:  # \sigma(\mathbf{z}), sigmoid(\mathbf{z}): entry by entry
                args = [self.expr(c) for c in node.children if isinstance(c, Tree)]
                return known(*args) if known is not None else function(name)(*args)
            raise Unsupported(
                f"{name} of a vector at {self.at(node)} in an equation between vectors: a number or a vector? not read (yet)"
            )
        if vector is not None:  # L(\mathbf{p}): the function's value at that vector, a quantity of its own
            return scalar(vector)
        if self.is_product(node):
            letter, inner = self.product_parts(node)
            return letter * inner
        name_token = node.children[0]
        primes = sum(1 for c in node.children if isinstance(c, Token) and c.type == "PRIME")
        args = [self.expr(c) for c in node.children if isinstance(c, Tree)]
        name = _call_name(name_token)
        known = _KNOWN_FUNCTIONS.get(name.lower())
        if known is not None and not primes:
            if known is _softmax:
                raise Unsupported(
                    f"softmax of a whole vector at {self.at(node)} is not read (yet); its component softmax(z)_i is"
                )
            if len(args) != 1:
                raise Unsupported(f"{name} with {len(args)} arguments at {self.at(node)} is not supported")
            return known(args[0])
        primed = None
        if primes and name in FUNCTION_WORDS:
            primed = lambda a: self.apply_fn(Token("FN", name), a)  # noqa: E731 - the parser's own \tanh
        elif primes and name.lower() in ("sigmoid", "softplus"):
            primed = _KNOWN_FUNCTIONS[name.lower()]
        if primed is not None:  # \tanh'(x), sigmoid'(z): the derivative of the named function there
            if len(args) != 1:
                raise Unsupported(f"{name} with {len(args)} arguments at {self.at(node)} is not supported")
            if isinstance(args[0], (Symbol, Indexed)):
                return Derivative(primed(args[0]), args[0] if primes == 1 else (args[0], primes))
            t = Symbol("_t")
            return primed(t).diff(t, primes).xreplace({t: args[0]})
        applied = function(name)(*args)
        if not primes:
            return applied
        if len(args) != 1:
            raise Unsupported(
                f"{name_token.value}{chr(39) * primes}(...) of {len(args)} arguments at {self.at(node)} is not supported (yet);"
                " write the derivative as a fraction"
            )
        if not isinstance(args[0], (Symbol, Indexed)):  # \sigma'(w^T x): the derivative at the expression
            t = Symbol("_t")
            return Subs(Derivative(function(name)(t), t if primes == 1 else (t, primes)), t, args[0])
        return Derivative(applied, args[0] if primes == 1 else (args[0], primes))

    # ------------------------------------------------------------ fractions and derivatives
    def _marker(self, node: Tree) -> tuple[str, int] | None:
        """``('partial', n)`` for ``\\partial`` / ``\\partial^n``, ``('d', n)`` for ``d`` / ``d^n``."""
        order_node: Tree | None = None
        if _is(node, "postfix"):
            primary, scripts = node.children
            sub, order_node = self.split_scripts(scripts)
            if sub is not None:
                return None
            node = primary
        if _is(node, "partial"):
            kind = "partial"
        elif self.name_of(node) == ("letter", "d") and not _is(node, "brace"):
            kind = "d"
        elif self.name_of(node) == ("greek", "delta") and not _is(node, "brace"):
            kind = "delta"  # \frac{\delta J}{\delta \theta_j}: a derivative written with deltas
        else:
            return None
        if order_node is None:
            return kind, 1
        if kind == "d" and not self._small_integer(order_node):
            return None
        return kind, self.order(order_node)

    def _small_integer(self, node: Tree) -> bool:
        tokens = list(_tokens(node))
        numbers = [t for t in tokens if t.type == "NUMBER"]
        return len(numbers) == 1 and numbers[0].value.isdigit() and len(tokens) in (1, 3)

    def order(self, node: Tree) -> int:
        value = self.script(node)
        if not (value.is_Integer and 1 <= int(value) <= 20):
            raise ParseError(f"derivative order must be a small positive integer at {self.at(node)}")
        return int(value)

    def _frac_kind(self, node: Tree) -> tuple[str, int, bool] | None:
        """For a derivative fraction: (kind, order, is_operator); ``None`` for an ordinary one."""
        trees = [c for c in node.children if isinstance(c, Tree)]
        num_items = self.items(trees[0])
        if not num_items:
            return None
        marker = self._marker(num_items[0][1])
        if marker is None:
            return None
        return marker[0], marker[1], len(num_items) == 1

    def variables(self, den: Tree, kind: str) -> tuple[tuple[Expr, int], ...] | None:
        """``\\partial x \\partial y^2`` -> ((x, 1), (y, 2)); ``None`` if the shape is wrong."""
        items = self.items(den)
        if items and len(items) == 1 and _is(items[0][1], "brace") and isinstance(items[0][1].children[1], Tree):
            items = self.items(items[0][1].children[1])  # {\partial z}: the whole denominator braced
        if not items or len(items) % 2 or any(op != "*" for op, _ in items):
            return None
        result: list[tuple[Expr, int]] = []
        for (_, marker), (_, var) in zip(items[::2], items[1::2], strict=True):
            if self._marker(marker) != (kind, 1):
                return None
            while _is(var, "brace") and len(var.children) == 3 and isinstance(var.children[1], Tree):
                var = var.children[1]  # \partial{w_{ij}}: the variable braced
            sup: Tree | None = None
            primary = var
            sub: Tree | None = None
            if _is(var, "postfix"):
                primary, scripts = var.children
                sub, sup = self.split_scripts(scripts)
            applied = _is(primary, "call") and not self.is_product(primary) or _is(primary, "labelled_call")  # \partial \sigma(z)
            if self.name_of(primary) is None and not applied:
                return None
            if sup is not None and (self.example(sup) is not None or self.layer(sup) is not None):
                # dp^{(i)}, dW^{[2]}: by the i-th example's p, by layer 2's W; never p squared
                value = self.b_postfix(var)
                sup = None
            else:
                value = self.subscripted(primary, sub) if sub is not None else self.expr(primary)
            if not isinstance(value, (Symbol, Indexed, AppliedUndef)):
                raise ParseError(f"cannot differentiate with respect to {value} at {self.at(var)}")
            result.append((value, self.order(sup) if sup is not None else 1))
        return tuple(result)

    def b_frac(self, node: Tree) -> Expr | _DerivOp:
        num, den = [c for c in node.children if isinstance(c, Tree)]
        if _is(num, "signed_sum") and len(num.children) == 2 and num.children[0].value == "-":
            # \frac{-\partial L}{\partial x} = -\frac{\partial L}{\partial x}
            inner = Tree("frac", [node.children[0], node.children[1], num.children[1], *node.children[3:]], meta=node.meta)
            if self._frac_kind(inner) is not None:
                value = self.b_frac(inner)
                if isinstance(value, _DerivOp):
                    raise Unsupported(f"a negated derivative operator at {self.at(node)} is not supported (yet)")
                return -value
        kind = self._frac_kind(node)
        if kind is not None:
            variables = self.variables(den, kind[0])
            lone = self.items(den)
            if variables is None and kind[0] == "partial" and lone and len(lone) == 1 and _variable_like(lone[0][1]):
                # \frac{\partial}{o_k}: the \partial of the variable forgotten; a derivative all the same
                variables = self.variables(Tree("term", [Tree("partial", [Token("PARTIAL", "\\partial")]), lone[0][1]]), "partial")
            if variables is None:
                if kind[0] == "partial":
                    raise ParseError(
                        f"malformed partial derivative at {self.at(node)}: the denominator must be \\partial x ..."
                    )
            else:
                if sum(n for _, n in variables) != kind[1]:
                    raise ParseError(f"derivative orders do not match at {self.at(node)}")
                if kind[2]:
                    return _DerivOp(variables)
                items = self.items(num)
                assert items is not None
                rest = items[1:]
                if rest[0][0] == "/":
                    raise ParseError(f"'/' right after a derivative symbol at {self.at(rest[0][1])}")
                with self.differentiated(variables):
                    body = self.product(rest, num)
                return self.derivative(body, variables)
        return self.expr(num) / self.expr(den)


def _absorbed(exprs: list[Expr]) -> list[Expr]:
    """``\\sum_{i=1}^{N} y_i x_i - \\log(1 + e^{x_i})``, ``[\\sum_i a_i + b_i]``: a term after a sum that
    uses the sum's index, free nowhere else in the equation, is the sum's too (as its author means;
    by precedence the sum would end before it and leave its index free). "Elsewhere" is in the other
    members as they read themselves: two members written alike (``= \\sum_i a_i + b_i = \\sum_i c_i - d_i``)
    are read alike, neither one's term after its sum keeping the other's from being the sum's."""
    if len(exprs) < 2:
        return [_absorb(e, set()) for e in exprs]
    alone = []
    for e in exprs:
        try:
            alone.append(_absorb(e, set()))
        except Unsupported:  # refused again below if its index is free nowhere else
            alone.append(e)
    return [_absorb(e, set().union(*(free_indices(x) for m, x in enumerate(alone) if m != n))) for n, e in enumerate(exprs)]


def _absorb(e: Expr, others: set[Symbol]) -> Expr:
    if not e.args or isinstance(e, (Indexed, Symbol, Sum)):
        return e
    e = e.func(*(_absorb(a, others) for a in e.args)) if not isinstance(e, Derivative) else e
    if not isinstance(e, Add):
        return e
    terms = list(e.args)
    for term in terms:
        factors = Mul.make_args(term)
        found = [f for f in factors if isinstance(f, Sum)]
        if len(found) != 1 or len(found[0].limits) != 1:
            continue
        sm = found[0]
        coeff = Mul(*(f for f in factors if f is not sm))
        var = sm.limits[0][0]
        if var in others or var in coeff.free_symbols:
            continue
        tail = [u for u in terms if u is not term and var in free_indices(u)]
        if tail and coeff is not S.One:
            # -\sum_i a_i + b_i: -\sum_i (a_i + b_i) as written, or -\sum_i (a_i - b_i), the minus taken to
            # every term (\frac{1}{n} \sum_i a_i + b_i alike); the two differ
            raise Unsupported(f"a term after the sum over {var} has {var} free, and the sum has a factor before it:"
                              " is the term inside the sum, with or without that factor? Bracket the sum's body")
        if tail:
            body = sm.function + Add(*tail)
            rest = [u for u in terms if u is not term and u not in tail]
            return Add(coeff * Sum(body, sm.limits[0]), *rest)
    return e


def _call_name(token: Token) -> str:
    """The function's name: ``sigma`` for ``\\sigma``, ``Cost`` for ``\\mathrm{Cost}``, ``f`` for ``f``."""
    name = token.value
    if token.type == "NAMEDCALL":
        return re.sub(r"^\\mathrm\s*\{\s*|\s*\}$", "", name)
    return GREEK[name[1:]] if name.startswith("\\") else name


def _index_value(template: Expr, var: Symbol, term: Expr | None, after: Expr | None) -> int | None:
    """The integer ``v`` with ``template`` at ``var = v`` equal to ``term`` (and, given ``after``, at
    ``v + 1`` equal to ``after``), among the integers in ``term``'s subscripts; None if none."""
    if term is None:
        return None
    for a in term.atoms(Indexed):
        for value in a.indices:
            if value.is_Integer and template.xreplace({var: value}) == term:
                if after is None or template.xreplace({var: value + 1}) == after:
                    return int(value)
    return None


def _bold_name(node: Tree) -> str:
    """``x`` for ``\\mathbf{x}``, ``yhat`` for ``\\hat{\\mathbf{y}}`` or ``\\mathbf{\\hat{y}}``, ``mu`` for ``\\bm{\\mu}``."""
    hat = _is(node, "hat_bold") or any(isinstance(t, Token) and t.type == "HAT" for t in node.children)
    if _is(node, "hat_bold"):
        node = node.children[2]
    token = next(t for t in node.children if isinstance(t, Token) and t.type in ("LETTER", "GREEK"))
    name = token.value if token.type == "LETTER" else GREEK[token.value[1:]]
    return hat_name(name) if hat else name


def _softmax(arg: Expr) -> Expr:  # a marker: softmax needs a component (see _Builder.b_postfix)
    raise AssertionError("softmax is read with its component")


#: Functions named by a word whose meaning is standard: read as what they are, never as unknowns.
_KNOWN_FUNCTIONS = {
    "sigmoid": lambda a: 1 / (1 + exp(-a)),
    "softplus": lambda a: log(1 + exp(a)),
    "softmax": _softmax,
}



def _variable_like(node: object) -> bool:
    """A lone variable (``z``, ``\\theta``, ``\\hat{y}``, ``z_i``, ``\\mathrm{z1}``), the argument a function takes."""
    if _is(node, "postfix"):
        primary, scripts = node.children
        return _is(primary, "letter", "greek", "hat", "mathcal", "mathrm") and all(
            isinstance(c, Token) and c.type in ("SUB", "SUP") or _is(c, "sub_token", "sub_group", "script_group")
            for c in scripts.children
        )
    return _is(node, "letter", "greek", "hat", "mathcal", "mathrm")


def _mathcal_name(node: Tree) -> str:
    """``\\mathcal{L}`` -> ``L_cal``, a name no plain letter has."""
    return next(t.value for t in node.children if isinstance(t, Token) and t.type == "LETTER") + CALLIGRAPHIC_SUFFIX


def _mathrm_name(node: Tree) -> str:
    """``\\mathrm{FL}`` -> ``FL`` (how the printer writes a name of several letters)."""
    return "".join(t.value for t in node.children if isinstance(t, Token) and t.type in ("LETTER", "NUMBER"))


def _relational(op: Token, lhs: Expr, rhs: Expr) -> Relational:
    cls = {"EQ": Eq, "NEQ": Ne, "LT": Lt, "GT": Gt, "LE": Le, "GE": Ge}[op.type]
    return cls(lhs, rhs, evaluate=False)

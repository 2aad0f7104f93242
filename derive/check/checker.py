"""Check a hand-written derivation: read its context in order, verify every link, report verdicts.

Reading, in document order, as a careful reader does (the helpers are in :mod:`derive.check.reading`):

- a display block ``A = B = C`` is a chain; a block starting with ``=`` continues the previous one;
  ``A = B \\quad \\text{for } i \\neq o`` states a condition for that block only;
- ``X = ...`` (or ``:=``) whose left side is new (a scalar, an indexed quantity, a function
  applied to scalars) defines ``X``; the chain's further links are checked with it in force;
- a display equation with a number on one side, a quantity but nothing defined on the other and
  no derivative (``\\sum_{o=1}^{k} y_o = 1``) is an assumption from there on;
- inline math: a new symbol equal to an expression defines it; a constraint (a number on one
  side) is an assumption from there on, except a bare value (``y = 1``) without ``let``/``assume``
  and an equality with a free index (``y_o = 1``: one element); claims in inline math (anything
  with a derivative or mentioning something defined) are not checked; after ``if``/``when``/
  ``for``, an index relation or a value is a case condition for the adjacent display equation;
  right after a display, ``since``/``where``/``for`` ... tie the relation to that display;
- an index relation or a value in a bullet or heading (``Case 1: $i = o$``) is a case condition
  for the display blocks that follow, up to the next case or heading; it applies to a link that
  uses its indices (or mentions the quantity).

Each remaining link is verified by :func:`derive.verify.verify_chain` in a worker process with a
time limit (:mod:`derive.worker`). Nothing here evaluates document text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from sympy import Add, Basic, Derivative, Dummy, Eq, Expr, Indexed, IndexedBase, Integer, KroneckerDelta, Mul, Ne, Product, Rational, S, Sum, Symbol, factorial
from sympy.core.function import AppliedUndef
from sympy.core.relational import Relational

from derive.check import reading as rd
from derive.check.document import Block, Document, DocumentError, Heading, Inline, scan
from derive.check.parser import (
    CONTINUE,
    AmbiguousOperand,
    Membership,
    ParseError,
    Unsupported,
    parse_chain,
    parse_expr,
    parse_relation,
)
from derive.check.prepare import LAYER_NUMBER
from derive.check.report import (
    ContextNote,
    EquationResult,
    EquationVerdict,
    FileReport,
    LinkResult,
    LinkVerdict,
)
from derive.check.rows import open_ended
from derive.check.rows import rows as display_rows
from derive.check.stand_ins import stand_in_functions, stand_in_quantities
from derive.worker import Job, Outcome, run_jobs
from derive.errors import InputError, UsageError
from derive.latex import to_latex
from derive.steps import Definition
from derive.symbols import EXAMPLE_SUFFIX, array, index, scalar
from derive.calculus import Definitions, unfold
from derive.verify import Context, Evidence, LinkReport, Settings, Verdict

__all__ = [
    "MAX_CHAIN",
    "MAX_EQUATIONS",
    "MAX_INLINE",
    "MAX_LINKS",
    "CheckOptions",
    "Plan",
    "check_document",
    "check_text",
    "plan_document",
]

MAX_EQUATIONS = 500  #: display equations per document
MAX_CHAIN = 50  #: links in one chain
MAX_LINKS = 2_000  #: links per document (every one is a verification)
MAX_INLINE = 5_000  #: inline relations read per document (the rest is skipped with a warning)

Progress = Callable[[int, int], None]

_RELATION_HINT = re.compile(r"=|<|>|\\(neq?|[lg]eq?|in|coloneqq|triangleq)(?![a-zA-Z])")


@dataclass(frozen=True)
class CheckOptions:
    """How to check: extra context, the size letter, the time limit per link, worker processes.

    ``timeout=None`` verifies in this process without a time limit.
    """

    defines: tuple[str, ...] = ()
    assumes: tuple[str, ...] = ()
    size: str | None = None
    timeout: float | None = 30.0
    jobs: int = 1
    settings: Settings = field(default_factory=Settings)


def check_text(text: str, name: str, options: CheckOptions | None = None, progress: Progress | None = None) -> FileReport:
    """Scan ``text`` (Markdown or LaTeX, guessed from ``name``) and check it."""
    return check_document(scan(text, name=name), name, options, progress)


def check_document(doc: Document, name: str, options: CheckOptions | None = None, progress: Progress | None = None) -> FileReport:
    """Check a scanned document: read its context, verify every link, return the report."""
    return plan_document(doc, name, options).run(progress)


def plan_document(doc: Document, name: str, options: CheckOptions | None = None) -> Plan:
    """Read a document's context and plan its verifications, without verifying anything yet.

    Raises :class:`DocumentError` (a limit, a bad front matter) or :class:`UsageError` (a bad
    ``--define``, ``--assume`` or ``--size``): unusable input is found before any work.
    """
    plan = Plan(doc, name, options or CheckOptions())
    plan.read()
    return plan


# ----------------------------------------------------------------------------------- planning


@dataclass
class _Link:
    lhs: Expr
    rhs: Expr
    verdict: LinkVerdict | None = None  # fixed before verification, or None: see the job
    detail: str = ""
    conditions: tuple[str, ...] = ()
    job: int | None = None
    hint_job: int | None = None
    hint: str = ""
    free_dependents: tuple[str, ...] = ()  # undefined quantities the document treats as outputs
    unsure: tuple[str, ...] = ()  # why a counterexample may be a misreading (x^{(i)} beside x^{(i)}_j, ...)
    decimals: int | None = None  # fewest decimals of a number written in the equation (1.406: 3)
    splits: tuple[tuple[str, int], ...] = ()  # (y = 0, job), (y = 1, job): a binary y taken value by value
    #: (why, job) other readings (without a bullet's case that may have ended, under a quantity's new
    #: definition): the link has a verdict only if every reading gives it
    doubts: tuple[tuple[str, int], ...] = ()
    #: the functions never defined that two test functions stood in for (a pass is then checked, not proved)
    stand_in: str = ""
    #: a quantity never defined whose derivatives by the entries of one vector were taken as free
    #: numbers (see `Plan._free_gradient`): a pass holds for every such quantity, a failure is not the author's
    free_gradient: str = ""
    #: (condition, job): the link under i = j and under i != j for two free indices no case relates;
    #: a refutation stands only if the claim fails under each (a case may be stated in words only)
    index_cases: tuple[tuple[str, int], ...] = ()
    #: (where, job): a display starting with '=' read as continuing an older chain (the one before a
    #: side computation); a refutation stands only if the claim fails that way too
    other_starts: tuple[tuple[str, int], ...] = ()
    #: why the sides' free indices differ, when only the left has more (dz_j / dW_{ji} = a_i), those
    #: indices, and whether a sum on either side binds one of them (dL/dy_o = -\sum_o ...: a clash):
    #: the claim is checked for every value of them; it is ill-formed when that fails, and when it
    #: is not decided and the indices clash (otherwise it is as undecided as the check)
    ill_formed: tuple[str, str, bool] | None = None
    #: (name, link): a name written in an earlier display on one side of that link only (see
    #: `Plan._new_on_one_side`); free here only if that link does not hold
    named_at: tuple[tuple[str, "_Link"], ...] = ()


_STATED = re.compile(r"\s*([A-Za-z])\s*=")  # inline math giving a one-letter quantity a value
_LONE_INDEX = re.compile(r"\s*[a-z]\s*")  # "the $i$ th item", "denote by $z$": an index named in the words
# two indices equated in the words (i = k): a case the words may state
_EQUATED = re.compile(r"\s*([a-zA-Z])\s*=\s*([a-zA-Z])\s*[.,;:]?\s*")
# a relation of two letters in the words (i = j, I \not= j, i \ne j): a case, readable or not
_CASE_RELATION = re.compile(r"\s*[a-zA-Z]\s*(?:=|\\neq?(?![a-zA-Z])|\\not\s*=|≠|!=)\s*[a-zA-Z]\s*[.,;:]?\s*")

# \frac{\partial o_j}{\partial z_i} and \frac{\partial}{\partial z_i} o_j: (o, j, z, i); s(\mathbf x)_i: (s, i)
_NAME_INDEX = r"([A-Za-z]|\\[a-zA-Z]+|\\hat\s*\{\s*[A-Za-z]\s*\})(?:\s*\([^()]{0,40}\))?\s*_\s*\{?\s*([a-z])\s*\}?"
_DERIVATIVE_FRACTION = re.compile(r"\\partial\s*" + _NAME_INDEX + r"\s*\}\s*\{\s*\\partial\s*" + _NAME_INDEX + r"\s*\}")
_DERIVATIVE_OPERATOR = re.compile(r"\\partial\s*\}\s*\{\s*\\partial\s*" + _NAME_INDEX + r"\s*\}\s*" + _NAME_INDEX)


_SUBSCRIPT = re.compile(r"_\s*(\{[^{}]*\}|[A-Za-z])")  # x_i, x_{ij}, \sum_{m=1}
_SUBSCRIPT_LETTER = re.compile(r"(?<![\\A-Za-z])[a-z](?![A-Za-z])")


def _picks_one_term(lhs: Expr, rhs: Expr, letter: Symbol) -> bool:
    """Whether one side writes a quantity at ``letter`` that the other sums over (``-\\log p_m`` beside
    ``-\\sum_i y_i \\log p_i``): the sum's one term left by a one-hot label, at a class named in words."""
    for side, other in ((lhs, rhs), (rhs, lhs)):
        picked = {a.base for a in side.atoms(Indexed) if letter in a.indices}
        summed = {a.base for s in other.atoms(Sum) for a in s.function.atoms(Indexed) if s.limits[0][0] in a.indices}
        if picked & summed:
            return True
    return False


def _derivative_pairs(latex: str) -> list[tuple[str, str, str, str]]:
    """(numerator name, its index, denominator name, its index) of the derivatives written in ``latex``."""
    pairs = [(m.group(1), m.group(2), m.group(3), m.group(4)) for m in _DERIVATIVE_FRACTION.finditer(latex)]
    pairs += [(m.group(3), m.group(4), m.group(1), m.group(2)) for m in _DERIVATIVE_OPERATOR.finditer(latex)]
    return [(" ".join(a.split()), x, " ".join(b.split()), y) for a, x, b, y in pairs]


def _put_in(e: Expr, name: str, value: Integer) -> Expr:
    """``e`` with every occurrence of the quantity ``name`` (``y`` or ``y_i``) replaced by ``value``."""
    return e.xreplace({a: value for a in e.atoms(Symbol, Indexed)
                       if (str(a.base) if isinstance(a, Indexed) else a.name) == name})


# letters that name free indices; another letter written as one (p_y, q_y) is a value the words fix
_INDEX_LETTERS = frozenset("abcdijklmnopqrstuv")


@dataclass
class _Equation:
    line: int
    latex: str
    order: int
    kind: str = "display"
    verdict: EquationVerdict | None = None  # fixed, or None: from the links
    reason: str = ""
    links: list[_Link] = field(default_factory=list)
    #: (line, LaTeX, links) per row of a multi-row display whose rows each hold links: each row is
    #: reported with the verdict of its own links (empty: the display is reported whole)
    rows: list[tuple[int, str, int]] = field(default_factory=list)
    origin: tuple[int, int] | None = None  #: (line, column) of the LaTeX in its file, for a row read alone


def _tex(expr: Basic) -> str:
    try:
        return to_latex(expr)
    except Exception:  # noqa: BLE001 - printing is best effort; the verdict does not depend on it
        return str(expr)


def _error_text(exc: Exception) -> str:
    return exc.one_line() if isinstance(exc, (ParseError, Unsupported)) else str(exc)


class Plan:
    """Walks a document in order, keeping the context, and plans one verification per link;
    :meth:`run` verifies them and returns the report."""

    def __init__(self, doc: Document, name: str, options: CheckOptions) -> None:
        self.doc = doc
        self.name = name
        self.options = options
        self.blocks = [b for b in doc.items if isinstance(b, Block)]
        if len(self.blocks) > MAX_EQUATIONS:
            raise DocumentError(
                f"{name}: {len(self.blocks)} display equations (limit {MAX_EQUATIONS})", hint="split the document"
            )
        self._parsed: dict[tuple[str, str], list[object] | Exception] = {}
        #: a display read with a derivative operator over a product -> its members with it over the first factor only
        self._alternatives: dict[tuple[str, str], list[object]] = {}
        self.alt_chain: tuple[list[Expr], list[Expr]] | None = None  # (members, other reading) of the display being read
        self._layered: re.Pattern[str] | bool | None = None  # see _layer_numbers
        self.after_arrow = False  # the display being read starts with an arrow and continues the chain
        fm = doc.front_matter
        texts = [i.latex for i in doc.items if isinstance(i, (Block, Inline))]
        texts += [*fm.get("define", []), *fm.get("assume", []), *options.defines, *options.assumes]
        self.functions = rd.function_letters(texts)
        self.layers = rd.bare_layers(texts)  # a^{l-1}, z^L_j: layers labelled without brackets
        self.doc_sizes: frozenset[str] = frozenset()  # the letters bounding sums anywhere (sizes everywhere); set below
        self.size, self.sizes = self._choose_size()
        self.doc_sizes = frozenset(self.sizes)
        self._parsed.clear()  # read again, now that the sizes are known
        self.definitions: list[Definition] = []
        self.assumptions: list[tuple[Relational, str]] = []  # usable as conditions: (relation, LaTeX)
        self.global_cases: list[Basic] = []  # index relations assumed for the whole document
        self.case: list[Basic] = []
        self.case_line: int | None = None
        self.case_bullet = False  # the case comes from a bullet (it may end with the list), not a heading
        self.block_line = 0  # the line of the display block being read
        self.case_words = False  # the words just before the display write a relation of two indices
        self.equated: list[tuple[set[str], str]] = []  # indices equated in those words (i = k), and as written
        self.trailing: set[int] = set()  # the inline items read with the display before them
        self.next_cases: list[Basic] = []  # "if $i = j$," in prose: for the next display only
        self.local_cases: list[Basic] = []  # conditions written after the equation being read
        self.local_assumptions: list[tuple[Relational, str]] = []
        self.local_unusable: list[str] = []
        self.last: Expr | None = None
        self.last_broken = False
        #: the end of the chain before the current one began, and the line of that chain's start
        self.chain_before: tuple[Expr, int] | None = None
        #: the member the displays starting with '=' since the last chain of its own continue from, and the first one's line
        self.branch: tuple[Expr, int] | None = None
        self._same_index_pairs: set[tuple[str, str]] | None = None  # see _split_by_index
        self._subscripts: list[tuple[int, set[str]]] | None = None  # see _subscript_elsewhere
        self.chain_head: Expr | None = None  # the first member of the chain being read (CE(x, 1) = ...)
        self.equations: list[_Equation] = []
        self.notes: list[ContextNote] = []
        self.warnings: list[str] = list(doc.warnings)
        self.jobs: list[Job] = []
        self.inline_read = 0
        self.binary: dict[str, str] = {}  # name -> where the document says it is 0 or 1 (a membership, one-hot)
        self.fixed: set[str] = set()  # index letters the prose fixes ("the correct class k"): never free
        self.stationary: dict[Basic, int] = {}  # variables of derivatives set to zero (a maximum sought), and where
        self.chain_wrt: set[Basic] = set()  # the variables of the derivatives in the chain being read
        self.position = -1  # the item being read (its number in the document)
        self.defined_at: dict[str, int] = {}  # where (item number) each quantity was last defined
        self.anew_in_words: dict[str, int] = {}  # an input given anew in inline math not read, and where
        #: names first written on one side of a link only and never defined (\Sigma for the sum in the
        #: words): still named in the words when they come back in a later display
        self.named_in_words: dict[str, _Link] = {}  # (each with the link it was first written in)
        self.two_sided: set[str] = set()  # names written on both sides of a link: quantities, not names for one
        self.redefined: dict[str, tuple[int, list[Definition]]] = {}  # a defined quantity stated anew: (line, its new definitions)
        self.index_bound: dict[str, tuple[str, ...]] = {}  # defined with an index its left side lacks (u = -z_i)
        self.seen: set[str] = set()  # the names of the equations read so far
        self.letters: set[str] = set()  # every letter read so far, indices and sums' bounds too
        self.wrt_seen: dict[str, int] = {}  # names differentiated by in the displays so far, and where first
        self.solved: dict[str, int] = {}  # names given a value after being differentiated by (roots), and where
        self.companions: dict[int, tuple[str, int]] = {}  # job -> (its sizes, the job with them equal)
        #: job -> the main job it questions: other readings consulted only when the main job refutes
        #: (index cases, a value put in, the chain before a side computation), run only then
        self.lazy: dict[int, int] = {}
        self.labels: dict[IndexedBase, Symbol] = {}  # one-hot labels at the correct class: y_j = delta_{j k}
        chains = self._all_chains()
        self.dependents = rd.dependents_of(c for c in chains)
        self.arrays = {str(a.base) for c in chains for m in c if isinstance(m, Basic) for a in m.atoms(Indexed)}
        # L(p), s(x): the vectors each function is applied to (its name alone stands for it only if one)
        self.vector_calls: dict[str, set[str]] = {}
        for c in chains:
            for m in c:
                if isinstance(m, Basic):
                    for atom in (*m.atoms(Symbol), *m.atoms(IndexedBase)):
                        name = str(atom.name if isinstance(atom, Symbol) else atom.label)
                        if name.endswith(")") and "(" in name:
                            self.vector_calls.setdefault(name.split("(")[0], set()).add(name)
        self.dependents |= set(self.vector_calls)  # s_i beside s(x)_i: an output, never a free input

    # ------------------------------------------------------------ parsing
    def _both_operands(self, latex: str, size: Symbol, ambiguous: AmbiguousOperand) -> list[object] | Exception:
        """``\\frac{\\partial}{\\partial \\theta} y \\log h``: read with the operator applying to the product
        up to the next derivative; the reading with the first factor only is kept in `_alternatives`,
        and a link has a verdict only if both readings give it (see `_first_factor_differentiated`).
        If either reading fails to parse, or they differ in length, the display is refused."""
        try:
            readings = [parse_chain(rd.definition_signs(latex), size=size, functions=self.functions, sizes=self.doc_sizes, layers=self.layers,
                                    operand_reading=how) for how in ("product", "first")]
        except (ParseError, Unsupported):
            return ambiguous
        main, other = readings
        if len(main) != len(other):
            return ambiguous
        self._alternatives[(latex, size.name)] = other
        return main

    def _first_factor_differentiated(self, other: tuple[Expr, Expr], read: tuple[Expr, Expr]) -> bool:
        """Whether the reading ``other`` (a derivative operator over its first factor only) is a
        reading an author may mean: some derivative it has and ``read`` lacks is of a factor that
        depends on the variable (``\\frac{d}{dx} y \\log h`` with y free of x would be 0 times \\log h)."""
        known = {d for e in read for d in e.atoms(Derivative)}
        for d in (d for e in other for d in e.atoms(Derivative) if d not in known):
            variables = set().union(*(rd.names_of(v) for v in d.variables))
            if rd.names_closure(rd.names_of(d.expr), self.definitions) & variables:
                return True
        return False

    def _parse_block(self, latex: str, size: Symbol | None = None) -> list[object]:
        size = size or self.size
        key = (latex, size.name)
        if key not in self._parsed:
            try:
                self._layer_numbers(latex)
                self._parsed[key] = parse_chain(rd.definition_signs(latex), size=size, functions=self.functions, sizes=self.doc_sizes, layers=self.layers)
            except AmbiguousOperand as exc:
                self._parsed[key] = self._both_operands(latex, size, exc)
            except (ParseError, Unsupported) as exc:
                self._parsed[key] = exc
        value = self._parsed[key]
        if isinstance(value, Exception):
            raise value
        return value

    def _layer_numbers(self, latex: str) -> None:
        """Refuse ``z^2`` where the document writes ``z^1`` or ``z^0`` elsewhere: a layer's number there too."""
        if self._layered is None:
            letters = {m.group(0)[0] for b in self.doc.items if isinstance(b, Block) for m in LAYER_NUMBER.finditer(b.latex)}
            self._layered = re.compile(
                r"(?<![A-Za-z\\])[" + "".join(sorted(letters)) + r"](?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*\^\s*(?:\{\s*[0-9]+\s*\}|[0-9])"
            ) if letters else False
        found = self._layered.search(latex) if self._layered else None
        if found is not None:
            raise Unsupported(f"superscript labels such as z^1, z^2 (layers, numbered so elsewhere in the document) are not powers; ('{found.group(0)}') not supported (yet)")

    def _choose_size(self) -> tuple[Symbol, set[str]]:
        candidates = rd.size_candidates(self.doc)
        uppers = rd.upper_bounds(self.doc)
        if self.options.size is not None:
            if not re.fullmatch(r"[A-Za-z]", self.options.size):
                raise UsageError(f"--size must be one letter, got {self.options.size!r}")
            chosen = self.options.size
        else:
            chosen = next((c for c in candidates if not self._used_as_index(c)), candidates[0])
        return rd.make_size(chosen), set(uppers) | {chosen}

    def _used_as_index(self, letter: str) -> bool:
        size = rd.make_size(letter)
        for block in self.blocks:
            try:
                chain = self._parse_block(rd.split_condition(block.latex)[0], size)
            except (ParseError, Unsupported):
                continue
            if any(isinstance(m, Basic) and rd.uses_as_index(m, size) for m in chain):
                return True
        return False

    def _all_chains(self) -> list[list[object]]:
        """Every readable chain; for an unreadable ``X = ...`` just ``[X]`` (X is then a quantity
        the document defines: its derivatives are unknown, never those of a constant)."""
        chains = []
        for block in self.blocks:
            try:
                chains.append([m for m in self._parse_block(rd.split_condition(block.latex)[0]) if m is not CONTINUE])
            except (ParseError, Unsupported):
                head = self._left_of_unread(block.latex)
                if head is not None:
                    chains.append([head])
        return chains

    def _left_of_unread(self, latex: str) -> Expr | None:
        """The left side of an ``X = ...`` that cannot be read as a whole (None if that is unreadable too)."""
        head = latex.split("=", 1)[0].replace("&", " ") if "=" in latex else ""
        if not head.strip():
            return None
        try:
            return parse_expr(rd.definition_signs(head), size=self.size, functions=self.functions, sizes=self.doc_sizes, layers=self.layers)
        except (ParseError, Unsupported):
            return None

    def _forget_restated(self, body: str) -> None:
        """``y = sinh^{-1}(x)`` not read, for a ``y`` defined before (``y = \\sinh x``): the old definition
        may no longer hold, so it is dropped (claims using ``y`` are then not decided, never refuted by it)."""
        lhs = self._left_of_unread(body)
        if isinstance(lhs, (Symbol, Indexed, AppliedUndef)) and rd.defined_key(lhs) in self.defined:
            self._drop_definition(rd.defined_key(lhs))

    def _drop_definition(self, key: str) -> None:
        self.definitions = [d for d in self.definitions if rd.defined_key(d.lhs) != key and d.name != key]

    @property
    def defined(self) -> set[str]:
        return {rd.defined_key(d.lhs) for d in self.definitions}

    # ------------------------------------------------------------ walking
    def read(self) -> None:
        self._extra_context()
        items = self.doc.items
        self._one_hot(items)
        self._true_class()
        self._sigmoid_by_name()
        consumed: set[int] = set()
        for order, item in enumerate(items):
            if order in consumed:
                continue
            self.position = order
            if isinstance(item, Heading):
                self.case, self.case_line, self.next_cases = [], None, []
            elif isinstance(item, Inline):
                self._inline(item, order)
            elif isinstance(item, Block):
                trailing = self._trailing(order)
                consumed.update(trailing)
                self.trailing.update(trailing)
                self._block(item, order, [(t, items[t]) for t in trailing])
        total = sum(1 for e in self.equations for link in e.links if link.job is not None)
        if total > MAX_LINKS:
            raise DocumentError(f"{self.name}: {total} equalities to verify (limit {MAX_LINKS})", hint="split the document")

    def _trailing(self, order: int) -> list[int]:
        """Inline relations right after a display that belong to it: on its last line or the next,
        introduced by since/because/as/using/given/where/with/by or if/when/for."""
        items = self.doc.items
        block = items[order]
        assert isinstance(block, Block)
        end = block.last_line or block.line + block.latex.count("\n")
        out = []
        for t in range(order + 1, len(items)):
            item = items[t]
            if not isinstance(item, Inline) or item.line > end + 1 or item.context != "prose":
                break
            if not _RELATION_HINT.search(item.latex):
                continue
            if rd.trigger_word(item.before) is None:
                break
            following = items[t + 1] if t + 1 < len(items) else None
            if (
                rd.conditional_word(item.before)
                and item.line > end
                and isinstance(following, Block)
                and (following.line <= item.line + 2  # (the equation's text may start on the line after $$)
                     or item.after.strip() in ("", ",", ":") and following.line <= item.line + 4)  # "If $i=j$," / blank / $$
            ):
                break  # "$$A$$ / and if $i \\neq j$, / $$B$$" on three lines: the condition introduces B
            out.append(t)
        return out

    def _extra_context(self) -> None:
        fm = self.doc.front_matter
        sources = [
            ("front matter define", fm.get("define", []), True, DocumentError),
            ("front matter assume", fm.get("assume", []), False, DocumentError),
            ("--define", list(self.options.defines), True, UsageError),
            ("--assume", list(self.options.assumes), False, UsageError),
        ]
        for source, texts, is_define, error in sources:
            origin = "front matter" if source.startswith("front") else source
            for text in texts:
                try:
                    if is_define:
                        self._define_from(text, source, origin, error)
                    else:
                        rel = parse_relation(text, size=self.size, functions=self.functions, sizes=self.doc_sizes, layers=self.layers)
                        self._assume(rel, text, None, origin, -1)
                except (ParseError, Unsupported) as exc:
                    raise error(f"{source} '{text}': {_error_text(exc)}") from None

    def _define_from(self, text: str, source: str, origin: str, error: type[InputError]) -> None:
        chain = parse_chain(text, size=self.size, functions=self.functions, sizes=self.doc_sizes, layers=self.layers)
        if len(chain) != 2 or chain[0] is CONTINUE or not all(isinstance(m, Expr) for m in chain):
            raise error(f"{source} '{text}': expected one equation NAME = EXPRESSION")
        lhs, rhs = chain
        problem = self._definition_problem(lhs, rhs, strict=True)  # type: ignore[arg-type]
        if problem:
            raise error(f"{source} '{text}': {problem}")
        self._define(lhs, rhs)  # type: ignore[arg-type]
        self.notes.append(ContextNote(None, text, "definition", "", origin, -1))

    def _definitions_of(self, lhs: Expr, rhs: Expr) -> list[Definition]:
        """The definitions ``lhs := rhs`` adds (see `_define`), without adding them."""
        saved = self.definitions
        self.definitions = []
        try:
            self._define(lhs, rhs)
            return self.definitions
        finally:
            self.definitions = saved

    def _define(self, lhs: Expr, rhs: Expr) -> None:
        """Add ``lhs := rhs`` (a right side with an index the left side lacks: see `_index_bound`). A function ``J(w, b) := ...`` also defines the bare ``J``, as
        documents write ``\\partial J / \\partial w`` for ``\\partial J(w, b) / \\partial w``."""
        self.definitions.append(Definition(lhs, rhs, rd.defined_key(lhs)))
        self.defined_at[rd.defined_key(lhs)] = self.position
        self.seen |= rd.names_of(lhs) | rd.names_of(rhs)
        self.letters |= {v.name for v in lhs.free_symbols | rhs.free_symbols}
        allowed = set(lhs.indices) if isinstance(lhs, Indexed) else set()
        extra = rd.free(rhs, self.sizes | self.fixed) - allowed
        if extra:  # u = -z_i: a quantity of the index i, which the claims using u share
            self.index_bound[rd.defined_key(lhs)] = tuple(sorted(s.name for s in extra))
        if isinstance(lhs, AppliedUndef):
            self.definitions.append(Definition(scalar(str(lhs.func)), rhs, rd.defined_key(lhs)))
        key = rd.defined_key(lhs)
        base = key.split("(")[0]
        if key.endswith(")") and "(" in key and base not in self.defined and len(self.vector_calls.get(base, ())) == 1:
            # L(\mathbf{p}) = ... also defines L, s(\mathbf{x})_i = ... also s_i: the value at that vector
            alias = array(base)[lhs.indices] if isinstance(lhs, Indexed) else scalar(base)
            self.definitions.append(Definition(alias, rhs, base))

    def _definition_problem_anew(self, key: str, lhs: Expr, rhs: Expr) -> str:
        """`_definition_problem` for ``lhs = rhs`` as if ``key`` were not defined yet."""
        saved = self.definitions
        self.definitions = [d for d in saved if rd.defined_key(d.lhs) != key and d.name != key]
        try:
            return self._definition_problem(lhs, rhs)
        finally:
            self.definitions = saved

    def _definition_problem(self, lhs: Expr, rhs: Expr, strict: bool = False) -> str:
        """Why ``lhs = rhs`` cannot define ``lhs`` ('' if it can). A right side with an index its
        left side lacks (``u = -z_i``, "let u = -z_i") defines a quantity of that index (see
        `_index_bound`), except under ``strict`` (``--define``, the front matter)."""
        if not rd.definable(lhs, self.defined):
            if isinstance(lhs, (Symbol, Indexed, AppliedUndef)) and rd.defined_key(lhs) in self.defined:
                return f"{rd.defined_key(lhs)} is already defined"
            return "the left side must be a new symbol, indexed symbol or function application"
        key = rd.defined_key(lhs)
        if key in rd.names_closure(rd.names_of(rhs), self.definitions):
            return f"the right side refers to {key} itself"
        allowed = set(lhs.indices) if hasattr(lhs, "indices") else set()
        extra = rd.free(rhs, self.sizes | self.fixed) - allowed
        if extra and (strict or not isinstance(lhs, (Symbol, AppliedUndef))):  # v_i = z_o: an index error, not an abbreviation
            return f"the right side has {rd.describe_indices(extra)}, which the left side does not have"
        numbers = rd.indices_as_values(rhs, self.sizes)
        if numbers:  # p_j = e^j / \sum_i e^i: an index as a number, where z_j is surely meant
            return f"the right side uses the index {', '.join(numbers)} as a number, not as a subscript"
        if isinstance(lhs, AppliedUndef):  # L(\mu; x) = \prod_i f(x_i): mu hidden in f, whose parameter it is
            reached = rd.names_closure(rd.names_of(rhs), self.definitions)
            hidden = [a for a in lhs.args if isinstance(a, Symbol) and not a.is_integer and a.name not in reached]
            opaque = sorted({str(f.func) for f in rhs.atoms(AppliedUndef) if rd.defined_key(f) not in self.defined})
            written = {w for name in opaque for w in re.findall(r"[A-Za-z]+", name)}  # f_{w,b}(x): w, b are its parameters
            hidden = [a for a in hidden if a.name not in written]
            if hidden and opaque:
                return (f"the right side does not use {_tex(hidden[0])} but the undefined {opaque[0]}, which may depend on it"
                        " (a parameter written only on the left)")
        return ""

    def _true_class(self) -> None:
        """"the index of the correct class is $k$": ``k`` is one index fixed by the example, not a
        free one (``L = -\\log p_k`` is a claim about that class), and the one-hot labels are
        ``y_i = \\delta_{i k}`` (for the letter called one-hot, else ``y``), used for the whole document."""
        for line, letter in self.doc.true_class:
            if letter in self.sizes or letter in self.fixed:
                continue
            self.fixed.add(letter)
            labels = [n for n in self.binary if n in self.arrays] or [n for n in ("y", "t") if n in self.arrays][:1]
            for label in labels:
                if label in self.defined or label == letter:
                    continue
                i = index("j") if letter != "j" else index("l")
                lhs, rhs = array(label)[i], KroneckerDelta(i, index(letter))
                self.labels[array(label)] = index(letter)
                self.assumptions = [(r, t) for r, t in self.assumptions if label not in rd.names_of(r)]  # implied now
                note = f"'{letter}' is the correct class (line {line}): the one-hot labels are {_tex(lhs)} = {_tex(rhs)}"
                self.notes.append(ContextNote(line, f"{_tex(lhs)} = {_tex(rhs)}", "definition", note, "document", 0))
            if not labels:
                note = f"'{letter}' is the correct class (line {line}): one index fixed by the example, not a free one"
                self.notes.append(ContextNote(line, letter, "assumption", note, "document", 0))

    def _sigmoid_by_name(self) -> None:
        """``\\sigma(z)`` never defined in a document whose words name the sigmoid ("logistic
        regression", "the sigmoid function"): the logistic sigmoid, reported as a definition taken
        from the words. Not when the document writes ``\\sigma`` otherwise (a standard deviation
        ``\\sigma^2``, an entry ``\\sigma_i``, two arguments) or states ``\\sigma(..) = ..`` itself."""
        if not self.doc.sigmoid or "sigma" in self.defined:
            return
        applied = False
        for item in self.doc.items:
            if not isinstance(item, (Block, Inline)) or "\\sigma" not in item.latex:
                continue
            try:
                members = [m for m in self._parse_block(rd.split_condition(item.latex)[0]) if isinstance(m, Basic)]
            except (ParseError, Unsupported):
                continue
            if members and isinstance(members[0], AppliedUndef) and str(members[0].func) == "sigma":
                return  # \sigma(x) = ...: the document's own definition (or claim)
            for m in members:
                for f in m.atoms(AppliedUndef):
                    if str(f.func) == "sigma":
                        if len(f.args) != 1:
                            return
                        applied = True
                if any(a.name == "sigma" for a in m.atoms(Symbol)) or any(str(a.base) == "sigma" for a in m.atoms(Indexed)):
                    return
        if not applied:
            return
        text = r"\sigma(t) = \frac{1}{1 + e^{-t}}"
        chain = parse_chain(text, size=self.size, functions=self.functions | {"sigma"}, sizes=self.doc_sizes, layers=self.layers)
        lhs, rhs = chain
        self._define(lhs, rhs)  # type: ignore[arg-type]
        line = self.doc.sigmoid[0]
        note = f"the document names the sigmoid (line {line}) and never defines \\sigma: read as the logistic sigmoid"
        self.notes.append(ContextNote(line, text, "definition", note, "document", 0))

    def _one_hot(self, items: Sequence[object]) -> None:
        """``$y$ is one-hot`` anywhere in the prose: ``\\sum_j y_j = 1`` for the whole document,
        and no counterexample with a ``y_j`` other than 0 or 1 is taken as a refutation."""
        said = [(order, item.line, rd.one_hot_label(item)) for order, item in enumerate(items) if isinstance(item, Inline)]
        said += [(0, line, letter) for line, letter in self.doc.one_hot]
        for order, line, label in sorted((o, n, lbl) for o, n, lbl in said if lbl):
            if label in self.binary:
                continue
            bound = index("j") if label != "j" else index("l")
            rel = Eq(Sum(array(label)[bound], (bound, 1, self.size)), 1, evaluate=False)
            self.assumptions.append((rel, _tex(rel)))
            self.binary[label] = f"{label} is one-hot (line {line})"
            note = f"'{label} is one-hot' (line {line}): its entries are 0 or 1 and sum to 1; used for the whole document"
            self.notes.append(ContextNote(line, _tex(rel), "assumption", note, "document", order))

    def _assume(self, rel: Relational | Membership, latex: str, line: int | None, source: str, order: int) -> None:
        if isinstance(rel, Membership):
            note = "recorded; memberships are not used by the verifier (yet)"
            target = rel.expr.base if isinstance(rel.expr, Indexed) else rel.expr
            if isinstance(target, (Symbol, IndexedBase)) and rel.values and all(v in (0, 1) for v in rel.values):
                self.binary.setdefault(str(target), f"${latex}$" + (f" (line {line})" if line else ""))
                note = "a counterexample must respect it; a binary quantity is checked at 0 and at 1"
        elif rd.index_relation(rel):
            self.global_cases.append(rel)
            note = "applies to every equation that uses these indices"
        elif isinstance(rel, Eq):
            self.assumptions.append((rel, _tex(rel)))
            note = "used where relevant"
        else:
            note = "recorded; inequalities are not used by the verifier (yet)"
        self.notes.append(ContextNote(line, latex, "assumption", note, source, order))

    def _ignore(self, item: Inline, order: int, why: str) -> None:
        self.notes.append(ContextNote(item.line, item.latex, "ignored", why, "document", order))

    # ------------------------------------------------------------ inline math
    def _inline(self, item: Inline, order: int, *, after: bool = False) -> None:
        """Read inline math; ``after``: it follows a display equation and belongs to it."""
        if not _RELATION_HINT.search(item.latex):
            return
        self.inline_read += 1
        if self.inline_read > MAX_INLINE:
            if self.inline_read == MAX_INLINE + 1:
                self.warnings.append(f"line {item.line}: more than {MAX_INLINE} inline relations; the rest is not read")
            return
        try:
            rel = parse_relation(rd.definition_signs(item.latex), size=self.size, functions=self.functions, sizes=self.doc_sizes, layers=self.layers)
        except (ParseError, Unsupported) as exc:
            if not self._inline_chain(item, order):
                self._ignore(item, order, f"not read: {_error_text(exc)}")
                stated = _STATED.match(item.latex)
                if stated:  # $w=(w^{1},\cdots,w^{n},b)^{T}$: w given anew, in a form not read
                    self.anew_in_words[stated.group(1)] = order
            return
        in_case = item.context in ("bullet", "heading") or rd.case_label(item.before)
        word = rd.case_word(item.before)
        if in_case and (rd.index_relation(rel) or self._value(rel)):
            self._case(item, rel, order)
            return
        if word and (rd.index_relation(rel) or self._value(rel)):  # "if $i = j$, $$...$$", "$$...$$ for $i \\neq j$"
            (self.local_cases if after else self.next_cases).append(rel)
            where = "the equation before it" if after else "the next display equation"
            self.notes.append(ContextNote(item.line, item.latex, "case", f"applies to {where} (after '{word}')", "document", order))
            return
        if rd.index_relation(rel):
            self._ignore(item, order, "an index relation in prose is not a case condition (only in a bullet or heading, after 'Case 2:', or after 'if', 'when' or 'for')")
            return
        if rd.conditional_word(item.before):
            self._ignore(item, order, f"hypothetical (after '{word}')")
            return
        if isinstance(rel, Membership) or not isinstance(rel, Eq):
            self._assume(rel, item.latex, item.line, "document", order)
            return
        lhs, rhs = rel.lhs, rel.rhs
        if lhs.has(Derivative) or rhs.has(Derivative):
            self._ignore(item, order, "a claim in inline math: only display equations are checked")
            return
        if not rhs.is_number and rd.definable(lhs, self.defined) and not self._definition_problem(lhs, rhs):
            self._define(lhs, rhs)
            self.notes.append(ContextNote(item.line, item.latex, "definition", "", "document", order))
            return
        mentioned = rd.names_closure(rd.names_of(lhs) | rd.names_of(rhs), self.definitions) & self.defined
        if mentioned:
            self._ignore(item, order, f"mentions {', '.join(sorted(mentioned))}, which is defined: a claim, and only display equations are checked")
            return
        indices = rd.free(lhs, self.sizes) | rd.free(rhs, self.sizes)
        if indices:
            self._ignore(item, order, f"an equality with {rd.describe_indices(indices)} reads as a statement about one element")
            return
        value = self._value(rel)
        if value and not rd.setting_word(item.before):
            self._ignore(item, order, "a particular value reads as a case (in a bullet or heading it is one; write 'let' or 'assume' to assume it)")
        elif not (lhs.is_number or rhs.is_number):
            self._ignore(item, order, "a relation between two expressions in prose reads as a claim: only display equations are checked")
        elif self._fixes_size(rel) and not rd.setting_word(item.before):
            # "下界当$n=1$时取得" (the bound is reached when n = 1): words not read are no ground to
            # check every equation at that size only
            self._ignore(item, order, "a size given a value in prose reads as a case; write 'let' or 'assume' (or --assume) to check at that size")
        else:
            self._assume(rel, item.latex, item.line, "document", order)

    def _inline_chain(self, item: Inline, order: int) -> bool:
        """``$\\hat{y}_i = \\frac{e^{z_i}}{\\sum_c e^{z_c}} = p_i$``: a new quantity equal to an expression,
        and further members that are new names too, define them all by that expression (the other
        members, claims in prose, are not checked). False when the chain is not of that shape."""
        if rd.conditional_word(item.before) or item.context in ("bullet", "heading"):
            return False
        try:
            chain = parse_chain(rd.definition_signs(item.latex), size=self.size, functions=self.functions, sizes=self.doc_sizes, layers=self.layers)
        except (ParseError, Unsupported):
            return False
        if len(chain) < 3 or not all(isinstance(m, Expr) and not m.has(Derivative) for m in chain):
            return False
        first, value, *rest = chain
        if value.is_number or not rd.definable(first, self.defined) or self._definition_problem(first, value):
            return False
        self._define(first, value)
        for member in rest:
            if rd.definable(member, self.defined) and not self._definition_problem(member, value):
                self._define(member, value)
        self.notes.append(ContextNote(item.line, item.latex, "definition", "", "document", order))
        return True

    def _fixes_size(self, rel: Eq) -> bool:
        """``n = 1``, ``k = 3``: a size (an upper bound of the document's sums) given a number."""
        sides = (rel.lhs, rel.rhs)
        return any(s.is_number for s in sides) and any(
            isinstance(s, Symbol) and (s.name in self.doc_sizes or s == self.size) for s in sides)

    def _value(self, rel: object) -> bool:
        """``y = 1``, ``\\gamma = 0``: one quantity (without free indices) equal to a number."""
        if not isinstance(rel, Eq):
            return False
        lhs, rhs = rel.lhs, rel.rhs
        one = (lhs.is_number and _is_element(rhs)) or (rhs.is_number and _is_element(lhs))
        return bool(one) and not (rd.free(lhs, self.sizes) | rd.free(rhs, self.sizes))

    def _case(self, item: Inline, rel: Relational, order: int) -> None:
        """A case condition from a bullet or heading; several on one line hold together."""
        if self.case_line != item.line:
            self.case, self.case_line = [], item.line
        self.case_bullet = item.context == "bullet"
        self.case.append(rel)
        note = "applies to the equations that follow, up to the next case or heading"
        if item.context == "bullet":
            note += " (after a paragraph that may end the list, only where the verdict is the same without it)"
        self.notes.append(ContextNote(item.line, item.latex, "case", note, "document", order))

    # ------------------------------------------------------------ display blocks
    def _block(self, block: Block, order: int, trailing: Sequence[tuple[int, Inline]] = ()) -> None:
        first = len(self.equations)
        if block.kind == "aside":  # \because \ln 1 = 0: checked, and the chain beside it goes on from where it was
            last, broken = self.last, self.last_broken
            self._read_block(block, order, trailing)
            self.last, self.last_broken = last, broken
        else:
            self._read_block(block, order, trailing)
        for eq in self.equations[first:]:
            origin = eq.origin or block.origin
            if eq.kind == "display" and eq.reason and origin[0] and not eq.reason.startswith("the condition"):
                eq.reason = _in_file(eq.reason, origin)

    def _subscript_elsewhere(self, letter: str) -> bool:
        """Whether a display other than the one being read writes ``letter`` in a subscript."""
        if self._subscripts is None:
            self._subscripts = [(b.line, set(_SUBSCRIPT_LETTER.findall(" ".join(_SUBSCRIPT.findall(b.latex)))))
                                for b in self.doc.items if isinstance(b, Block)]
        return any(letter in found for line, found in self._subscripts if line != self.block_line)

    def _split_by_index(self, latex: str) -> bool:
        """Whether this display differentiates ``o_j`` by ``z_i`` (two letters) where the document also
        differentiates ``o_i`` by ``z_i`` (one letter): the author splits the cases ("both partial
        derivatives, which lead to different results"), so a formula for one case is not refuted."""
        if self._same_index_pairs is None:
            found = (_derivative_pairs(item.latex) for item in self.doc.items if isinstance(item, Block))
            self._same_index_pairs = {(a, b) for pairs in found for a, x, b, y in pairs if x == y}
        return any(x != y and (a, b) in self._same_index_pairs for a, x, b, y in _derivative_pairs(latex))

    def _next_continues(self, order: int) -> bool:
        """Whether the next display after item ``order`` starts with '=' (it continues the chain)."""
        following = next((item for item in self.doc.items[order + 1 :] if isinstance(item, Block)), None)
        return following is not None and following.latex.lstrip().lstrip("&").lstrip().startswith("=")

    def _heading_between(self, start: int, end: int) -> bool:
        """Whether a section heading lies between the items numbered ``start`` and ``end``."""
        return start >= 0 and any(isinstance(item, Heading) for item in self.doc.items[start + 1 : end])

    def _words_before(self, order: int, section: bool = False) -> list[Inline]:
        """The inline math in the words since the display before this one (not what was read with it);
        ``section``: all of it since the section's heading (or the document's start)."""
        out = []
        for at in range(order - 1, -1, -1):
            item = self.doc.items[at]
            if isinstance(item, Heading if section else Block):
                break
            if isinstance(item, Inline) and (section or at not in self.trailing):
                out.append(item)
        return out

    def _case_words(self, words: Sequence[Inline]) -> bool:
        """Whether the words write a relation of two indices (``when \\(I \\not= j\\)``, read as a case
        or not) or name an index alone ("For not $i$ th item, denote by $z$"): then a formula that
        holds in one case only may be meant for that case, and is not refuted for failing in the other."""
        return any(_CASE_RELATION.fullmatch(w.latex) or _LONE_INDEX.fullmatch(w.latex) for w in words)

    def _equated_in_words(self, letters: set[Symbol]) -> str:
        """``i = k`` in the words before the display, equating one of ``letters`` with another index
        (the mismatch may be that case), as written; empty when there is none."""
        names = {s.name for s in letters}
        return next((latex for pair, latex in self.equated if pair & names), "")

    def _read_block(self, block: Block, order: int, trailing: Sequence[tuple[int, Inline]] = ()) -> None:
        eq = _Equation(block.line, block.latex.strip(), order)
        self.equations.append(eq)
        self.block_line = block.line
        words = self._words_before(order)
        # a relation of indices anywhere in the section's words: "when $i=j$: $$A$$ computing B: $$B = ...$$"
        self.case_words = (self._case_words(words) or any(_CASE_RELATION.fullmatch(w.latex) for w in self._words_before(order, section=True))
                           or self._split_by_index(block.latex))
        self.equated = [({m.group(1), m.group(2)}, w.latex.strip()) for w in words if (m := _EQUATED.fullmatch(w.latex))]
        self.local_cases, self.next_cases = list(self.next_cases), []  # "if $i = j$," just before
        pieces = rd.split_cases(block.latex)
        if pieces is not None:
            try:
                self._cases(eq, *pieces)
            finally:
                self.local_cases, self.local_assumptions, self.local_unusable = [], [], []
            return
        body, conditions = rd.split_condition(block.latex)
        if open_ended(body) and self._next_continues(order):
            # "$$= A =$$ ... $$= B$$": the sign ending one display is the one the next starts with
            cut = body.rstrip().rstrip("&").rstrip()
            body = cut[:-1] + " " * (len(body) - len(cut) + 1)
        conditions = [*conditions, *rd.brace_statements(block.latex)]  # \underbrace{\sum_j y_j}_{=1}
        try:
            for t, item in trailing:  # "$$...$$ since $\\sum_k y_k = 1$": read before the equation
                self._inline(item, t, after=True)
            for text in conditions:  # A = B \quad \text{for } i \neq o: for this block only
                try:
                    rel = parse_relation(text, size=self.size, functions=self.functions, sizes=self.doc_sizes, layers=self.layers)
                except (ParseError, Unsupported) as exc:
                    eq.verdict = EquationVerdict.UNSUPPORTED
                    eq.reason = f"the condition '{text}' could not be read: {_error_text(exc)}"
                    self.last, self.last_broken = None, True
                    return
                if rd.index_relation(rel):
                    self.local_cases.append(rel)
                elif isinstance(rel, Eq):
                    self.local_assumptions.append((rel, _tex(rel)))
                else:
                    self.local_unusable.append(text)
            if not self._rows_apart(eq, block, body):
                self._block_body(eq, body)
                eq.rows = _rows_of(block, body, len(eq.links)) if eq.verdict is None else []
        finally:
            self.local_cases, self.local_assumptions, self.local_unusable = [], [], []
            self.alt_chain = None

    def _rows_apart(self, eq: _Equation, block: Block, body: str) -> bool:
        """A display whose rows cannot be read together, some of which can be read alone: each row
        is read as a display of its own (``&= ...`` continuing the row before, as a display starting
        with ``=`` does), so one row the reader cannot take does not leave the others unread."""
        if self._readable(body):
            return False
        groups = _row_groups(block, body)
        if len(groups) < 2 or not any(self._readable(text) for _, _, text, _ in groups):
            return False
        for n, (line, column, text, _) in enumerate(groups):
            row = eq if n == 0 else _Equation(line, text, eq.order)
            if n:
                self.equations.append(row)
            row.line, row.latex, row.origin = line, text, (line, column)
            # after a row that ends with '=', the row is that sign's right side: it continues the chain
            self._block_body(row, "= " + text if n and open_ended(groups[n - 1][2]) else text)
        return True

    def _readable(self, latex: str) -> bool:
        try:
            self._parse_block(latex)
        except (ParseError, Unsupported):
            return False
        return True

    def _cases(self, eq: _Equation, head: str, rows: Sequence[tuple[str, str | None]]) -> None:
        """``A = \\begin{cases} B & i = j \\\\ C & \\text{otherwise} \\end{cases}``: each row is
        a claim ``A = B`` under its own condition; ``otherwise`` is the negation of a single other
        index condition (any other ``otherwise`` is not used, so its row stays unknown)."""

        def unsupported(reason: str) -> None:
            eq.links.clear()
            eq.verdict, eq.reason = EquationVerdict.UNSUPPORTED, reason
            self.last, self.last_broken = None, True

        before = frozenset(self.seen)

        try:
            chain = self._parse_block(head)
            values = [self._parse_block(value) for value, _ in rows]
        except (ParseError, Unsupported) as exc:
            return unsupported(_error_text(exc))
        if chain[0] is CONTINUE or any(len(v) != 1 or isinstance(v[0], Relational) for v in values):
            return unsupported("a piecewise right side must follow an expression, and hold one expression per row")
        if len(chain) == 1 and rd.definable(chain[0], self.defined):
            return unsupported(f"a piecewise definition of {_tex(chain[0])} is not supported (yet)")
        conditions: list[Basic | str | None] = []
        for _, text in rows:
            if text is None:
                conditions.append(None)
                continue
            try:
                conditions.append(parse_relation(text, size=self.size, functions=self.functions, sizes=self.doc_sizes, layers=self.layers))
            except (ParseError, Unsupported) as exc:
                return unsupported(f"the condition '{text}' could not be read: {_error_text(exc)}")
        known = [c for c in conditions if c is not None]
        self._claims(eq, list(chain), before=before)
        for (value,), condition in zip(values, conditions, strict=True):
            if condition is None:
                single = len(known) == 1 and isinstance(known[0], Eq) and rd.index_relation(known[0])
                condition = Ne(*known[0].args, evaluate=False) if single else "otherwise"
            self.local_cases, self.local_assumptions, self.local_unusable = [], [], []
            if isinstance(condition, Basic) and rd.index_relation(condition):
                self.local_cases.append(condition)
            elif isinstance(condition, Eq) and not any(s.is_integer for s in condition.free_symbols):
                self.local_assumptions.append((condition, _tex(condition)))
            else:  # f i^2 = j: indices in a relation that is not between indices, a misreading
                self.local_unusable.append(condition if isinstance(condition, str) else _tex(condition))
            eq.links.append(self._claim(chain[-1], value, before))
        self.last, self.last_broken = None, False

    def _block_body(self, eq: _Equation, body: str) -> None:
        """Read one display block; a block starting with '=' continues the chain before it, and also,
        where a chain began in between (a side computation: "simplify the second term"), the chain
        before that one: a refutation then needs both readings to fail."""
        last, before = self.last, self.chain_before
        self._block_chain(eq, body)
        if self.after_arrow and eq.links:
            first = eq.links[0]
            first.unsure = (*first.unsure, "the display starts with an arrow, read as continuing the chain before it (it may state less than an equality)")
        self.after_arrow = False
        continued = bool(eq.links) and eq.links[0].lhs is last and last is not None
        branch, self.branch = self.branch, None
        if not continued:
            if self.last is not None and eq.links:  # a chain of its own: the one before it is kept
                self.chain_before = (last, self.block_line) if last is not None else None
            return
        self.branch = branch or (last, self.block_line)
        first = eq.links[0]
        if first.job is None:
            return
        starts = []
        if before is not None and before[0] is not last:
            starts.append((before[0], f"continuing the chain before the one that began at line {before[1]}"))
        if branch is not None and branch[0] is not last and (before is None or branch[0] is not before[0]):
            # "If $i=j$, $$= A$$ ... If $i \neq j$, $$= B$$": each case continues the same chain
            starts.append((branch[0], f"continuing, as the display at line {branch[1]} does, the chain before it"))
        for alt, where in starts:
            cases = self._applicable(alt, first.rhs)
            assumed = self._relevant(alt, first.rhs)
            job = self._lazy_job(first.job, alt, first.rhs, [*cases, *(r for r, _ in assumed)])
            first.other_starts += ((where, job),)

    def _block_chain(self, eq: _Equation, body: str) -> None:
        try:
            chain = self._parse_block(body)
        except (ParseError, Unsupported) as exc:
            eq.verdict, eq.reason = EquationVerdict.UNSUPPORTED, _error_text(exc)
            self.last, self.last_broken = None, True
            self._forget_restated(body)
            return
        if (len(chain) == 1 and isinstance(chain[0], Expr) and not isinstance(chain[0], Relational)
                and self.last is not None and rd.IMPLICATION_START.match(body)):
            # $$\Rightarrow -y(1-P)X + (1-y)PX$$ after a chain: the chain's next member
            chain, self.after_arrow = [CONTINUE, chain[0]], True
        if chain and chain[0] is CONTINUE:
            if self.last is None:
                eq.verdict = EquationVerdict.UNSUPPORTED
                eq.reason = (
                    "continues an equation that could not be read"
                    if self.last_broken
                    else "starts with '=' but no equation precedes it"
                )
                return
            members: list[Expr] = [self.last, *chain[1:]]  # type: ignore[list-item]
        else:
            members = list(chain)  # type: ignore[arg-type]
        other = self._alternatives.get((body, self.size.name))
        if other is not None:  # the same members with a derivative operator over its first factor only
            self.alt_chain = (members, [self.last if m is CONTINUE else m for m in other])  # type: ignore[misc]
        if len(members) == 1:
            only = members[0]
            eq.verdict = EquationVerdict.UNSUPPORTED
            if isinstance(only, Relational):
                eq.reason = "only equations are checked; other relations are not supported (yet)"
                self.last, self.last_broken = None, False
            else:
                eq.reason = "a lone expression: nothing to check"
                self.last, self.last_broken = only, False
            return
        if len(members) - 1 > MAX_CHAIN:
            eq.verdict, eq.reason = EquationVerdict.UNSUPPORTED, f"a chain of {len(members) - 1} equalities (limit {MAX_CHAIN})"
            self.last, self.last_broken = None, True
            return
        self.last, self.last_broken = members[-1], False
        if chain[0] is not CONTINUE:
            self.chain_head = members[0]
        wrt = {v for m in members[:-1] for d in m.atoms(Derivative) for v in d.variables}
        self.chain_wrt = (self.chain_wrt if chain[0] is CONTINUE else set()) | wrt
        first, second = members[0], members[1]
        before = frozenset(self.seen)  # the names of the equations before this one
        if (chain[0] is not CONTINUE and isinstance(first, Indexed) and str(first.base) not in self.defined
                and all(i.is_Integer for i in first.indices)):
            # A_1 = X W_1 + b_1: one entry, or a name with a number (the first layer's A)? not read
            eq.verdict = EquationVerdict.UNSUPPORTED
            eq.reason = f"{_tex(first)} = ...: a definition of one numbered entry (or of a numbered name) is not read (yet)"
            self.dependents.add(str(first.base))
            self.last, self.last_broken = None, True
            return
        if chain[0] is not CONTINUE and rd.is_update(first, second):
            eq.verdict = EquationVerdict.UNSUPPORTED
            eq.reason = f"{_tex(first)} on both sides: an update rule (an assignment, as in gradient descent), not an equation; not checked"
            self.last, self.last_broken = None, True
            return
        if chain[0] is not CONTINUE and rd.definable(first, self.defined) and second.is_number:
            eq.verdict = EquationVerdict.UNSUPPORTED
            eq.reason = f"{_tex(first)} = a number reads as the value at an example, not a definition; not read (yet)"
            self.last, self.last_broken = None, True
            return
        if chain[0] is not CONTINUE and isinstance(first, AppliedUndef) and str(first.func) not in self.defined:
            normal = rd.parameterised(first, second)  # h_\theta(x^{(i)}) = ...: the function of a parameter x
            if normal is not None and rd.definable(normal[0], self.defined) and not self._definition_problem(*normal):
                self._define(*normal)
                eq.links.append(_Link(first, second, LinkVerdict.DEFINITION, f"defines {_tex(normal[0])}"))
                self._claims(eq, members[1:], before=before)
                return
        if chain[0] is not CONTINUE and rd.definable(first, self.defined):
            problem = self._definition_problem(first, second)
            if rd.indices_as_values(second, self.sizes):  # p_j = e^j / ...: a definition not read as written
                eq.verdict, eq.reason = EquationVerdict.UNSUPPORTED, f"not read as a definition of {_tex(first)}: {problem}"
                self.last, self.last_broken = None, True
                return
            key = rd.defined_key(first)
            if not problem and key in self.wrt_seen and rd.names_of(second) <= self.seen | self.letters and key not in rd.names_of(second):
                # p_i = e^{-\lambda - 1}, \lambda = \log(b - a + 1) + 1 after \frac{d}{dp_i} L, \frac{d}{d\lambda} L: the
                # values they are solved for, roots the author may have got wrong: built on, but a refutation
                # that uses them may be the root's fault, not the step's (see `_claim`)
                self.solved.setdefault(key, eq.line)
            if not problem:
                self._define(first, second)
                eq.links.append(_Link(first, second, LinkVerdict.DEFINITION, f"defines {_tex(first)}"))
                at = 1  # t = f(z) = \frac{1}{1 + e^{-z}}: f, new here too, is defined by what follows it
                while at + 1 < len(members) and rd.definable(members[at], self.defined):
                    if self._definition_problem(members[at], members[at + 1]):
                        break
                    self._define(members[at], members[at + 1])
                    eq.links.append(_Link(members[at], members[at + 1], LinkVerdict.DEFINITION, f"defines {_tex(members[at])}"))
                    at += 1
                self._claims(eq, members[at:], defined_first=True, before=before)
                return
        if chain[0] is not CONTINUE and rd.defining_sign_first(body):
            # \theta_j := \theta_j h + \alpha (y^{(i)} - h(x^{(i)})) x_j^{(i)}: the author defines or
            # assigns; what cannot be read as a definition is still no claim to refute
            eq.verdict = EquationVerdict.UNSUPPORTED
            eq.reason = f"{_tex(first)} := ...: written as a definition (or an assignment) that is not read as one; not a claim, not checked"
            self.last, self.last_broken = None, True
            return
        restated = None
        if chain[0] is not CONTINUE and isinstance(first, (Symbol, Indexed, AppliedUndef)) and rd.defined_key(first) in self.defined:
            # E = ... where E is defined, written with quantities its definition does not use: the same
            # quantity again, or a new definition (a new section's model)? (with the same ones: a claim)
            key = rd.defined_key(first)
            old = rd.names_closure({key}, self.definitions) - {key}
            unread = sorted((old & self.dependents) - self.defined)
            if unread and not self._definition_problem_anew(key, first, second):
                # \ell = \log L with L's definition not read (a \prod), then \ell = \log(...) written
                # out: the first statement that can be read defines it (the former one decides nothing)
                self._drop_definition(key)
                self._define(first, second)
                what = ", ".join(_tex(scalar(n)) for n in unread)
                eq.links.append(_Link(first, second, LinkVerdict.DEFINITION,
                                      f"defines {_tex(first)} anew: its definition before uses {what}, which is never read"))
                self._claims(eq, members[1:], defined_first=True, before=before)
                return
            new = rd.names_closure(rd.names_of(second), self.definitions)
            # with a quantity the definition does not use, or after words that state an input anew
            # ("$w = (w^1, ..., w^n, b)^T$": b folded into w, then P(Y=1|x) = \frac{1}{1 + e^{-w^T x}})
            anew = sorted(n for n in old if self.anew_in_words.get(n, -1) > self.defined_at.get(key, -1))
            # L = (10 - 9.2)^2 = 0.64 after L = (10 - 6)^2 = 16: the value at another example
            valued = second.is_number and any(d.rhs.is_number for d in self.definitions if rd.defined_key(d.lhs) == key)
            # b(y) = 1 in the section after the one that gave b(y) = \frac{1}{\sqrt{2\pi}} e^{-y^2/2}: a
            # constant where a section before defined it (a new model's; an expression stays a claim)
            sectioned = second.is_number and self._heading_between(self.defined_at.get(key, -1), self.position)
            if new - old - {key} or anew or valued or sectioned:
                restated = (key, eq.line, first, second)
        if (
            chain[0] is not CONTINUE
            and len(members) == 2
            and rd.assumption_shaped(first, second, self.defined, self.definitions)
        ):
            rel = Eq(first, second, evaluate=False)
            self.assumptions.append((rel, _tex(rel)))
            eq.verdict, eq.reason = EquationVerdict.ASSUMPTION, "a constraint (a number on one side, nothing defined): used where relevant from here on"
            return
        self._claims(eq, members, restated=restated, before=before)

    # ------------------------------------------------------------ claims
    def _claims(self, eq: _Equation, members: Sequence[Expr], defined_first: bool = False,
                restated: tuple[str, int, Expr, Expr] | None = None, before: frozenset[str] | None = None) -> None:
        """One link per pair of members; ``restated``: (key, line, first, second) when the first link
        states a defined quantity anew (it may redefine it); ``before``: the names of the equations
        before this one (a name new here, on one side of a link only, may be named by it)."""
        last = members[-1] if members else None
        if (len(members) > (1 if defined_first else 2) and isinstance(last, Symbol) and not last.is_integer and last.name not in self.seen
                and last.name not in self.defined and not any(m.has(last) for m in members[:-1])):
            # \hat{\mu} = \frac{\sum_i x_i}{n} = \bar{x}: a new name at the end of a chain names what it equals
            self._define(last, members[-2])
            if len(members) > 2:
                self._claims(eq, members[:-1], restated=restated, before=before)
            eq.links.append(_Link(last, members[-2], LinkVerdict.DEFINITION, f"defines {_tex(last)} (named at the end of the chain)"))
            return
        self.seen |= set().union(*(rd.names_of(m) for m in members))
        self.letters |= {v.name for m in members for v in m.free_symbols}
        for m in members:
            for d in m.atoms(Derivative):
                for v in d.variables:
                    if isinstance(v, (Symbol, Indexed)) and not rd.is_index(v):
                        self.wrt_seen.setdefault(rd.defined_key(v), eq.line)
        decimals = [len(m.group(1)) for m in _DECIMAL.finditer(eq.latex)]
        # \frac{\partial \ell}{\partial \mu} = \sum_i (x_i - \mu) = 0, or = 0 alone after such a chain
        wrt = {v for m in members[:-1] for d in m.atoms(Derivative) for v in d.variables} or (self.chain_wrt if len(members) == 2 else set())
        stationary = len(members) >= 2 and members[-1] == 0 and bool(wrt)
        for n, (lhs, rhs) in enumerate(zip(members, members[1:], strict=False)):
            link = self._claim(lhs, rhs, before, other=self._other_reading(members, n))
            link.decimals = min(decimals) if decimals else None
            if restated is not None and n == 0:
                key, line, first, second = restated
                where = next((d.lhs for d in self.definitions if rd.defined_key(d.lhs) == key), first)
                link.unsure = (*link.unsure, f"{_tex(where)} is defined before: this may define it anew")
                self.redefined[key] = (line, self._definitions_of(first, second))
            if stationary and n == len(members) - 2:  # ... = 0: set to zero to solve for a stationary point
                link.unsure = (*link.unsure, "the equation is set to zero (a condition to solve, as for a maximum), not an identity")
            eq.links.append(link)
        if stationary:
            for v in sorted(wrt, key=str):
                self.stationary.setdefault(v, eq.line)

    def _other_reading(self, members: Sequence[Expr], n: int) -> tuple[Expr, Expr] | None:
        """Link ``n`` of ``members`` (a run of the display's members) in the display's other reading, if it has one."""
        if self.alt_chain is None:
            return None
        full, other = self.alt_chain
        for at in range(len(full) - len(members) + 1):
            if all(full[at + i] is m for i, m in enumerate(members)):
                return other[at + n], other[at + n + 1]
        return None

    def _applicable(self, lhs: Expr, rhs: Expr) -> list[Basic]:
        """The case conditions a link uses: an index relation when the link has both its indices
        free (or fixed in a definition it uses: the label c of ``L = -z_c + ...``), a value
        (``\\gamma = 0``) when the link mentions the quantity."""
        used = rd.free(lhs, self.sizes) | rd.free(rhs, self.sizes)
        names = rd.names_closure(rd.names_of(lhs) | rd.names_of(rhs), self.definitions)
        for d in self.definitions:  # L = -z_c + \log \sum_j e^{z_j}: c, the label, is the link's too
            if rd.defined_key(d.lhs) in names:
                used |= rd.free(d.rhs, self.sizes) - rd.free(d.lhs, self.sizes)
        out = []
        for c in dict.fromkeys([*self.global_cases, *self.case, *self.local_cases]):
            if rd.index_relation(c) and all(s in used for s in c.free_symbols):
                out.append(c)
            elif not rd.index_relation(c) and rd.names_of(c) & names:
                out.append(c)
        return out

    def _relevant(self, lhs: Expr, rhs: Expr) -> list[tuple[Relational, str]]:
        names = rd.names_closure(rd.names_of(lhs) | rd.names_of(rhs), self.definitions)
        out = []
        for rel, latex in [*self.assumptions, *self.local_assumptions]:
            if rd.names_of(rel) & names or self.size in rel.args:  # (k = 3: check at that size)
                out.append((rel, latex))
        return out

    def _size_for(self, exprs: Sequence[Basic]) -> Symbol | None:
        r"""The size a link is checked for: the one upper bound of the sums it uses (also through
        definitions: ``\sum_{j=1}^{d}`` in one, ``\sum_{m=1}^{n}`` in another), the document's
        size with several or with none but indices, and no size at all without sums or indices
        (instances at k = 1..6 would all be the same)."""
        names = rd.names_closure(set().union(*(rd.names_of(e) for e in exprs)), self.definitions)
        used = [*exprs, *(d.rhs for d in self.definitions if rd.defined_key(d.lhs) in names)]
        used += [d.lhs for d in self.definitions if rd.defined_key(d.lhs) in names]
        bounds: set[Symbol] = set()
        for e in used:
            for s in e.atoms(Sum, Product):
                bounds |= {b for _, _, hi in s.limits for b in hi.free_symbols if b.is_integer}
            bounds |= {b for b in e.free_symbols if b.is_integer and b.name in self.sizes}
        if len(bounds) == 1:
            return next(iter(bounds))  # type: ignore[return-value]
        if len(bounds) > 1:  # m examples, n features: the size of the free indices' range (\theta_j: n)
            return self._range_of_free(exprs, used, bounds)
        if bounds or any(e.has(Indexed) or rd.free(e, self.sizes) for e in used):
            return self.size
        return None

    def _range_of_free(self, exprs: Sequence[Basic], used: Sequence[Basic], bounds: set[Symbol]) -> Symbol:
        """Among several sizes, the one bounding the sums over the positions where the claim's free
        indices stand (``\\theta_j`` free, ``\\sum_{l=1}^{n} \\theta_l x_l``: ``n``); the document's size
        when that does not decide."""
        free = set().union(*(rd.free(e, self.sizes) for e in exprs))
        places = {(a.base, n) for e in exprs for a in e.atoms(Indexed) for n, i in enumerate(a.indices) if i in free}
        score: dict[Symbol, int] = {}
        for e in used:
            for sm in e.atoms(Sum):
                for var, _, hi in sm.limits:
                    if hi in bounds:
                        hits = sum(1 for a in sm.function.atoms(Indexed) for n, i in enumerate(a.indices) if i == var and (a.base, n) in places)
                        score[hi] = score.get(hi, 0) + hits
        best = max(score.values(), default=0)
        if best:
            chosen = sorted((b for b, n in score.items() if n == best), key=lambda b: b.name)
            return self.size if self.size in chosen else chosen[0]
        return self.size if self.size in bounds else sorted(bounds, key=lambda b: b.name)[0]

    def _job(self, lhs: Expr, rhs: Expr, conditions: Sequence[Basic], definitions_in_force: Sequence[Definition] | None = None,
             light: bool = False, at_size: int | None = None) -> int:
        """A job verifying ``lhs = rhs``; ``light``: at small sizes only (a stand-in's check, never a proof);
        ``at_size``: the instances at that size only (the indices' range when the size is not written)."""
        size = self._size_for([lhs, rhs, *conditions])
        definitions = tuple(self.definitions if definitions_in_force is None else definitions_in_force)
        if self.labels:  # y_j = delta_{j k} written in, everywhere (an index fixed by the example, not a definition)
            lhs, rhs = self._label_values(lhs), self._label_values(rhs)
            conditions = [self._label_values(c) for c in conditions]
            definitions = tuple(Definition(d.lhs, self._label_values(d.rhs), d.name) for d in definitions)
        sizes = self._sizes_of([lhs, rhs, *conditions], definitions)
        several = len(sizes) > 1 and size is not None
        # over several sizes only the symbolic method of this job counts (the instances are the companion's)
        settings = replace(self.options.settings, ks=(), numeric_ks=(), more_ks=()) if several else self.options.settings
        if light:
            settings = replace(settings, ks=tuple(k for k in settings.ks if k <= 3), numeric_ks=tuple(k for k in settings.numeric_ks if k <= 3), more_ks=())
        if at_size is not None:
            settings = replace(settings, ks=(at_size,), numeric_ks=(at_size,), more_ks=())
        ctx = Context(size, definitions, (), settings)
        self.jobs.append(Job((lhs, rhs), tuple(conditions), ctx))
        main = len(self.jobs) - 1
        if several:
            # M outputs, N samples: the symbolic method proves the claim for every M and N; the instances are
            # taken with the sizes equal (a case of the claim, so a counterexample there is one)
            same = {b: size for b in sizes if b != size}
            at = tuple(Definition(d.lhs.xreplace(same), d.rhs.xreplace(same), d.name) for d in definitions)
            # a counterexample is sought at small equal sizes; a pass there is only ever a part of a proof
            small = replace(self.options.settings, ks=(1, 2, 3), numeric_ks=(2, 3), more_ks=())
            self.jobs.append(Job((lhs.xreplace(same), rhs.xreplace(same)), tuple(c.xreplace(same) for c in conditions),
                                 Context(size, at, (), small)))
            self.companions[main] = (", ".join(sorted(b.name for b in sizes)), len(self.jobs) - 1)
        return main

    def _sizes_of(self, exprs: Sequence[Basic], definitions: Sequence[Definition]) -> set[Symbol]:
        """The sizes bounding the sums of ``exprs`` and of the definitions they use, and the sizes in them."""
        used = self._used_expressions(exprs, definitions)
        found = {b for e in used for x in e.atoms(Sum, Product) for _, _, hi in x.limits for b in hi.free_symbols if b.is_integer}
        return found | {b for e in used for b in e.free_symbols if b.is_integer and b.name in self.sizes}

    def _report(self, job: int, outcomes: Sequence[Outcome]) -> LinkReport:
        """The report of ``job`` (whose outcome has one), with its instances at equal sizes if it has them."""
        report = outcomes[job].report.links[0]  # type: ignore[union-attr]
        if job in self.companions:
            sizes, companion = self.companions[job]
            report = _over_sizes(report, outcomes[companion], sizes)
        return report

    def _label_values(self, expr: Basic) -> Basic:
        found = {a: KroneckerDelta(a.indices[0], self.labels[a.base]) for a in expr.atoms(Indexed)
                 if a.base in self.labels and len(a.indices) == 1}
        return expr.xreplace(found) if found else expr

    def _at_its_argument(self, lhs: Expr, rhs: Expr, unsure: list[str]) -> tuple[Expr, Expr]:
        """``\\frac{\\partial h_\\theta}{\\partial \\theta_0}`` beside ``h_\\theta(x^{(i)})`` in one equality: the
        function's name alone stands for its value at the one argument the equality applies it to (at
        several, the doubt goes to ``unsure``)."""
        functions = {str(d.lhs.func) for d in self.definitions if isinstance(d.lhs, AppliedUndef)}
        swap: dict[Basic, Basic] = {}
        for name in functions:
            bare = scalar(name)
            if not (lhs.has(bare) or rhs.has(bare)):
                continue
            applied = {f for e in (lhs, rhs) for f in e.atoms(AppliedUndef) if str(f.func) == name}
            if len(applied) == 1:
                swap[bare] = applied.pop()
            elif applied:
                unsure.append(f"{_tex(bare)} is written both alone and at several arguments")
        return (lhs.xreplace(swap), rhs.xreplace(swap)) if swap else (lhs, rhs)

    def _claim(self, lhs: Expr, rhs: Expr, before: frozenset[str] | None = None, other: tuple[Expr, Expr] | None = None) -> _Link:
        """One link ``lhs = rhs``; ``before``: the names of the equations before this one (see
        `_new_on_one_side`); ``other``: the link as read another way (see `_both_operands`)."""
        unsure: list[str] = []  # why a counterexample may come from a misreading
        lhs, rhs = self._at_its_argument(lhs, rhs, unsure)
        cases = self._applicable(lhs, rhs)
        assumed = self._relevant(lhs, rhs)
        shown = tuple(_tex(c) for c in cases) + tuple(latex for _, latex in assumed)
        names = rd.names_of(lhs) | rd.names_of(rhs)
        bare = sorted(
            v.name
            for d in (lhs.atoms(Derivative) | rhs.atoms(Derivative))
            for v in d.variables
            if isinstance(v, Symbol) and not v.is_integer and v.name in self.arrays and not self._mentions(d.expr, v)
        )
        by_index = sorted(
            {v.name for d in lhs.atoms(Derivative) | rhs.atoms(Derivative) for v in d.variables if isinstance(v, Symbol) and not v.is_integer}
            & {a.name for e in (lhs, rhs) for a in e.atoms(Symbol) if a.is_integer}
        )
        if by_index:  # \partial_j for \partial / \partial \theta_j beside x_j: the letter is an index here
            why = f"a derivative by {', '.join(by_index)}, which is also an index here (by the {by_index[0]}-th entry of a vector?): not read (yet)"
            return _Link(lhs, rhs, LinkVerdict.UNKNOWN, why, shown)
        layered = self._across_layers(lhs, rhs)
        if layered:  # \frac{\partial C}{\partial z^{[l]}_j} with C of a^{[L]}: 0 as read, not as meant
            return _Link(lhs, rhs, LinkVerdict.UNKNOWN, layered, shown)
        held = self._held_fixed(lhs, rhs)
        if held:  # \frac{\partial f(x)}{\partial g(x)}: x held fixed (0), or the total derivative f'(x) / g'(x)?
            return _Link(lhs, rhs, LinkVerdict.UNKNOWN, held, shown)
        if bare:  # \frac{\partial L}{\partial o} where the document writes o_k: a vector derivative
            return _Link(lhs, rhs, LinkVerdict.UNKNOWN, f"a derivative with respect to {', '.join(bare)}, which the document also writes with indices (a vector?): not read (yet)", shown)
        unread = sorted(n for n in names if n.endswith(EXAMPLE_SUFFIX) and n[: -len(EXAMPLE_SUFFIX)] in self.defined and n not in self.defined)
        if unread:
            what = ", ".join(_tex(array(n)[index("i")]) for n in unread)
            return _Link(lhs, rhs, LinkVerdict.UNKNOWN, f"{what}: the example's quantity is not defined (only the one without the example index is)", shown)
        # a quantity differentiated but never defined is not read: its indices prove nothing either
        missing = rd.undefined_in_derivatives([lhs, rhs], self.dependents, self.defined, self.definitions)
        freed = self._free_gradient(missing, lhs, rhs)
        if freed is not None:  # \sum_h \frac{\partial L}{\partial y_{bh}} ... on both sides, L never defined
            link = self._claim(*freed[:2], before, other)
            link.lhs, link.rhs, link.free_gradient = lhs, rhs, freed[2]
            link.unsure = (*link.unsure, f"{freed[2]}: a counterexample there need not be one for the author's")
            return link
        stand_ins = stand_in_functions(missing, (lhs, rhs), self.definitions) if missing else ()
        stood_for = ", ".join(_tex(scalar(name)) for name in missing)
        quantities = stand_in_quantities(missing, (lhs, rhs), self.definitions) if missing and not stand_ins else ()
        if quantities:  # \frac{\partial L}{\partial w} = \frac{\partial L}{\partial a} \frac{\partial a}{\partial w}: L of a, a of w
            stand_ins = quantities[:2]
            stood_for = ", ".join(f"{_tex(scalar(n))} (as a function of {', '.join(_tex(v) for v in vs)})" for n, vs in quantities[2])
        if missing and not stand_ins:
            what = ", ".join(_tex(scalar(name)) for name in missing)
            return _Link(lhs, rhs, LinkVerdict.UNKNOWN, f"{what} {'is' if len(missing) == 1 else 'are'} differentiated but not defined (before this line)", shown)
        mismatch = rd.index_mismatch(lhs, rhs, cases, self.sizes | self.fixed)
        names_used = rd.names_closure(names, self.definitions)
        hidden = names_used & set(self.index_bound)
        if mismatch is not None and not self._vacuous_index(lhs, rhs) and not hidden:  # (u = -z_i hides its i)
            message, only_left, only_right = mismatch
            quantities = {v.name for e in (lhs, rhs) for v in e.free_symbols if isinstance(v, Symbol) and not v.is_integer}
            both = sorted(s.name for s in only_left | only_right if s.name in quantities)
            if both:  # E_p[-\log q] beside H(p): p is a distribution there, not an index
                why = f"{', '.join(both)} is written both as an index and as a quantity here: not read (yet)"
                return _Link(lhs, rhs, LinkVerdict.UNKNOWN, why, shown)
            odd = sorted(s.name for s in only_left | only_right if s.name not in _INDEX_LETTERS)
            if odd:  # -p_y \log q_y: y, the label, is one class fixed by the example (said in words)
                why = f"{', '.join(odd)} is not a usual index letter (one class or value fixed in the words?): not read (yet)"
                return _Link(lhs, rhs, LinkVerdict.UNKNOWN, why, shown)
            once = sorted(s.name for s in only_left | only_right
                          if not self._subscript_elsewhere(s.name) and _picks_one_term(lhs, rhs, s))
            if once:  # L = -\sum y_i \log p_i = -\log p_m: m, in no other display, is the one class named in words
                why = f"{', '.join(once)} is an index in no other display (one element named in the words?): not read (yet)"
                return _Link(lhs, rhs, LinkVerdict.UNKNOWN, why, shown)
            # -\sum_i y_i \log p_i = -y_i \log p_i (Einstein); (y_i - p_i) x_{ij} "for a single sample i"
            if missing:  # \frac{d}{da}[a^2 - 2a\mu + E(X_i^2)] = 2a - 2\mu: what is never defined may settle the index
                what = ", ".join(_tex(scalar(name)) for name in missing)
                return _Link(lhs, rhs, LinkVerdict.UNKNOWN, f"{message}; {what} never defined: not read (yet)", shown)
            equated = self._equated_in_words(only_left | only_right)
            if equated:  # "So $i = k$, ..." in words the reader does not take as a case: k may be i
                return _Link(lhs, rhs, LinkVerdict.UNKNOWN, f"{message}; the words before it write {equated} (a case?): not read (yet)", shown)
            for lines, words in ((self.doc.einstein, "the document sums over repeated indices"),
                                 (self.doc.one_example, "the words take one example at a time, whose index may be left out")):
                if lines:
                    return _Link(lhs, rhs, LinkVerdict.UNKNOWN, f"{message}; {words} (line {lines[0]}): not read (yet)", shown)
            named = rd.defined_key(lhs) if isinstance(lhs, (Symbol, Indexed)) else None
            if (named is not None and before is not None and named not in self.defined and named not in before
                    and not only_right):
                # \quad A_1^{(k)} = ones(N, 1): a quantity new here, set for every k (a definition not read);
                # p_j = e^{a_i} / ... has i free on the right: ill-formed as a definition too
                why = f"{message}; {_tex(lhs)} is new here: this may define it"
                return _Link(lhs, rhs, LinkVerdict.UNKNOWN, why, shown)
            if only_right and named is not None and named not in self.defined and named not in rd.names_of(rhs):
                # \hat{y}_i = w_t x_i + b_t (t, the iteration, a label), \hat{y_i} = e^{o_j} / \sum_j e^{o_j} (j for i):
                # a definition, not a claim, whose extra index is a label or a slip; said, not called an error
                what = rd.describe_indices(only_right)
                why = f"{message}; {_tex(lhs)} is new here: a definition whose right side has the {what} its left side lacks (a label, or a slip?): not read"
                return _Link(lhs, rhs, LinkVerdict.UNKNOWN, why, shown)
            if only_right:
                restated = self._restated_per_example(lhs, rhs, only_right)
                if restated:  # L = -y \log \hat{y}, then "for the example i": L = -y_i \log \hat{y}_i
                    return _Link(lhs, rhs, LinkVerdict.UNKNOWN, f"{message}; {restated}: not read (yet)", shown)
                link = _Link(lhs, rhs, LinkVerdict.ILL_FORMED, message, shown)
                self._plan_hint(link, only_left, only_right, assumed)
                return link
            # \frac{\partial z_j}{\partial W_{ji}} = a_i: the same for every j, which the left side has and
            # the right side need not; it holds only if the left side's value does not depend on j
            if _sum_scope_open(lhs, only_left) or _sum_scope_open(rhs, only_left):
                # \sum_i y_i (1 - h_i) x_j - (1 - y_i) h_i x_j: the sum may run over the terms after it
                why = f"{message}; a sum over it may run over the terms written after it: not read (yet)"
                return _Link(lhs, rhs, LinkVerdict.UNKNOWN, why, shown)
            clash = any(v in only_left for e in (lhs, rhs) for total in e.atoms(Sum) for v in total.variables)
            ill_formed = (message, only_left, clash)
        else:
            ill_formed = None
        if self.local_unusable:
            what = ", ".join(self.local_unusable)
            return _Link(lhs, rhs, LinkVerdict.UNKNOWN, f"the condition {what} is not used by the verifier (yet)", shown)
        conditions = [*cases, *(r for r, _ in assumed)]
        if stand_ins:  # \frac{\partial}{\partial x} \log f(x) = \frac{f'(x)}{f(x)} with f never defined: for every f?
            first, second = stand_ins
            link = _Link(lhs, rhs, None, "", shown, job=self._job(lhs, rhs, conditions, [*self.definitions, *first], light=True))
            what = stood_for
            link.stand_in = what
            second_job = self._job(lhs, rhs, conditions, [*self.definitions, *second], light=True)
            link.doubts += ((f"{what} (never defined) replaced by another test function", second_job),)
            unsure.append(f"{what} is never defined: a counterexample with a test function in its place says nothing of the author's")
        else:
            link = _Link(lhs, rhs, None, "", shown, job=self._job(lhs, rhs, conditions))
        if other is not None and other != (lhs, rhs) and self._first_factor_differentiated(other, (lhs, rhs)):
            # \frac{d}{dx} h \log h: of the product (as read), or of h alone? (of y alone, constant: never meant)
            why = "a derivative operator before several factors may apply to the first one only"
            link.doubts += ((why, self._job(*other, conditions)),)
        related = {frozenset(c.args) for c in cases if rd.index_relation(c)}
        free = [] if not self.case_words else sorted(rd.free(lhs, self.sizes) | rd.free(rhs, self.sizes), key=lambda s: s.name)
        # two free indices, or one and the class the words fix ("for the true class $j$", then "when $i=j$")
        pairs = [(a, b) for n, a in enumerate(free) for b in free[n + 1 :] if not {a.name, b.name} <= self.fixed]
        for a, b in ((a, b) for a, b in pairs if frozenset((a, b)) not in related):
            for rel in (Eq(a, b, evaluate=False), Ne(a, b, evaluate=False)):
                link.index_cases += ((_tex(rel), self._lazy_job(link.job, lhs, rhs, [*conditions, rel])),)
        for name, value in self._values_named(lhs, rhs):  # CE(x, 1) = \sum_i -y_i \log p_i ... = \sum_i -\log p_i
            put = (_put_in(lhs, name, value), _put_in(rhs, name, value))
            link.index_cases += ((f"{name} = {value}", self._lazy_job(link.job, *put, conditions)),)
        for bound, value in self._written_sizes(lhs, rhs, conditions):
            # \frac{e^{z_1}}{e^{z_1} + e^{z_2}} for \hat{y}_1 = e^{z_1} / \sum_k e^{z_k}: two classes, said in words
            fixed = {bound: Integer(value)}
            at = [Definition(d.lhs.xreplace(fixed), d.rhs.xreplace(fixed), d.name) for d in self.definitions]
            put = (lhs.xreplace(fixed), rhs.xreplace(fixed), [c.xreplace(fixed) for c in conditions])
            link.index_cases += ((f"{bound} = {value} (the entries written out)", self._lazy_job(link.job, *put, at, at_size=value)),)
        ended = self._list_may_have_ended()
        if ended and any(c in self.case for c in cases):  # checked both ways: a verdict only if they agree
            kept = [c for c in conditions if c not in self.case or c in self.local_cases or c in self.global_cases]
            why = f"the case {', '.join(_tex(c) for c in self.case)} of the bullet at line {self.case_line} may have ended with the list (the paragraph at line {ended})"
            link.doubts += ((why, self._job(lhs, rhs, kept)),)
        for key, (line, new) in self.redefined.items():
            if key in names_used:
                definitions = [d for d in self.definitions if rd.defined_key(d.lhs) != key and d.name != key] + new
                why = f"{_tex(scalar(key))} is given a second definition at line {line}"
                link.doubts += ((why, self._job(lhs, rhs, conditions, definitions)),)
        names = names_used
        own = {rd.defined_key(lhs)} if isinstance(lhs, (Symbol, Indexed, AppliedUndef)) else set()  # u = u + 1
        wrt = {rd.defined_key(v) for d in (lhs.atoms(Derivative) | rhs.atoms(Derivative)) for v in d.variables}
        free = (names & self.dependents) - self.defined - own - wrt
        if before is not None:  # Loss = -\log(q_y) = -\log(softmax): q, new here, named in the words
            free |= self._new_on_one_side(link, before, conditions)
        link.free_dependents = tuple(sorted(free))
        solved = lhs.base if lhs.is_Pow and lhs.exp.is_Integer else lhs
        if solved in self.stationary:  # \sigma^2 = ... after \frac{\partial \ell}{\partial \sigma} = 0: a root, not an identity
            unsure.append(f"{_tex(lhs)} = ... solves the equation set to zero at line {self.stationary[solved]}")
        elif lhs is S.Zero or rhs is S.Zero:  # \sum_i (-\sigma^2 + (x_i - \mu)^2) = 0 after it: the equation rewritten
            solving = sorted((line for v, line in self.stationary.items() if lhs.has(v) or rhs.has(v)))
            if solving and not (lhs.has(Derivative) or rhs.has(Derivative)):
                unsure.append(f"a step in solving the equation set to zero at line {solving[-1]}, not an identity")
        roots = sorted(names_used & set(self.solved))
        if roots:  # p_i = \frac{1}{b - a + 1} after p_i = e^{-\lambda - 1} was solved for: the author's roots, not read
            where = ", ".join(f"{_tex(scalar(n))} at line {self.solved[n]}" for n in roots)
            unsure.append(f"it uses the values solved for ({where}): a root found wrong before would fail this step too")
        for key in sorted(names_used & set(self.index_bound)):  # L = -y_i \ln p_i: a sum left out, or i fixed?
            unsure.append(f"{_tex(scalar(key))} is defined with the index {', '.join(self.index_bound[key])} that it does not show")
        used = self._used_expressions([lhs, rhs])
        inputs = {v.name for e in used for v in e.free_symbols if not v.is_integer} | {str(a.base) for e in used for a in e.atoms(Indexed)}
        number = lhs if lhs.is_number else rhs if rhs.is_number else None
        # 0.3275, e^{-0.3275}; \hat{y} = 3 \cdot 2 = 6 (not 0 or 1: \sum_i p_i = 1 is no example; and a derivative
        # equal to a whole number, \frac{db}{dx} = 3, is a claim about its every value)
        other = rhs if number is lhs else lhs
        example = number is not None and any(
            not r.is_Integer or (abs(r) > 1 and not other.has(Derivative)) for r in number.atoms(Rational))
        if example and not (lhs.is_number and rhs.is_number) and inputs - self.defined:
            # \sigma(z_1) = 0.5812: a value at the example's inputs, which the document gives in words or pictures
            unsure.append("a number on one side and quantities on the other (a value at an example?)")
        if any(f.has(factorial) for f in (lhs, rhs) if not isinstance(f, Derivative)):
            # y! of a count, checked at fractional points as Gamma(y + 1): an identity of whole numbers only may fail there
            unsure.append("a factorial is checked at fractional points (as the Gamma function)")
        lengths = self._unwritten_lengths(used)
        if lengths:
            unsure.append(lengths)
        for d in sorted(lhs.atoms(Derivative) | rhs.atoms(Derivative), key=str):
            reach = rd.names_closure(rd.names_of(d.expr), self.definitions)
            apart = [v for v in d.variables if rd.names_of(v) and not rd.names_of(v) & reach]
            if apart:  # dC/dw_j with C defined through z, and z = w x + b said in words only
                unsure.append(f"{_tex(d.expr)} does not depend on {', '.join(_tex(v) for v in apart)} as read"
                              " (it may, through a quantity defined only in words)")
                break
        apart_names = self._undefined_apart(lhs, rhs)
        if apart_names:  # \sigma(z_i) on one side, \sigma(w^T x_i) on the other, z = w^T x said in words
            unsure.append(apart_names)
        if any(_sum_scope_open(side, rd.free(side, self.sizes)) for side in (lhs, rhs)):
            # \frac{\partial}{\partial \theta_j} \sum_i y_i \log h_i + (1 - y_i) \log(1 - h_i): the sum (and the
            # derivative) may run over the terms after it, whose index is then not free
            unsure.append("a sum may run over the terms written after it (their index is free as read)")
        mixed = self._mixed_arity(used)
        if mixed:
            unsure.append(f"the document writes {', '.join(mixed)} with different numbers of indices (a vector, and one of its entries or a scalar?)")
        link.unsure = tuple(unsure)
        if ill_formed is not None:
            link.ill_formed = (ill_formed[0], rd.describe_indices(ill_formed[1]), ill_formed[2])
            self._plan_hint(link, ill_formed[1], set(), assumed)
        indexed = {str(a.base) for e in (lhs, rhs, *(d.rhs for d in self.definitions)) for a in e.atoms(Indexed)}
        scalars = sorted(n for n in names & set(self.binary) if n not in indexed and n not in self.defined)
        if len(scalars) == 1:
            y = scalar(scalars[0])
            link.splits = tuple(
                (f"{scalars[0]} = {v}", self._job(lhs, rhs, [*conditions, Eq(y, v, evaluate=False)])) for v in (0, 1)
            )
        return link

    def _held_fixed(self, lhs: Expr, rhs: Expr) -> str:
        """Why a derivative with respect to an applied function (``\\partial g(x)``) of what depends on
        its argument otherwise (``f(x)``) is not read: as a partial derivative x is held fixed (0), as
        the author may mean it the total derivative is f'(x) / g'(x); empty when there is none."""
        by_function = [d for d in lhs.atoms(Derivative) | rhs.atoms(Derivative) if any(isinstance(v, AppliedUndef) for v in d.variables)]
        if not by_function:
            return ""
        defs = Definitions(tuple(self.definitions))
        for d in sorted(by_function, key=str):
            for v in (v for v in d.variables if isinstance(v, AppliedUndef)):
                args = [a for a in v.args if isinstance(a, Symbol)]
                keep = frozenset(defs.key_of(x) for x in (v, *args) if defs.defines(x))
                body = unfold(d.expr, defs, keep).xreplace({v: Dummy()})
                if any(a in body.free_symbols for a in args):
                    return (f"{_tex(d)}: {_tex(d.expr)} depends on {', '.join(_tex(a) for a in args)} other than through"
                            f" {_tex(v)} (held fixed, or the total derivative?): not read (yet)")
        return ""

    def _values_named(self, lhs: Expr, rhs: Expr) -> list[tuple[str, Integer]]:
        """(name, value) to try where the chain's first member names a value (``CE(x, 1)``, ``L(0)``):
        the author may be evaluating at it, putting it in for a quantity never defined that one side
        of the link has and the other has not (``y_i`` for the label)."""
        head = self.chain_head
        if head is None:
            return []
        values = sorted({a for f in head.atoms(AppliedUndef) for a in f.args if a.is_Integer and int(a) in (0, 1)}, key=int)
        if not values:
            return []
        only_left, only_right = self._unreached(lhs, rhs)
        one_sided = sorted(only_left | only_right)
        if len(one_sided) != 1:
            return []
        return [(one_sided[0], v) for v in values]

    def _free_gradient(self, missing: Sequence[str], lhs: Expr, rhs: Expr) -> tuple[Expr, Expr, str] | None:
        """``lhs``, ``rhs`` with each derivative of the one quantity ``missing`` (never defined) by an
        entry of one vector, ``\\frac{\\partial L}{\\partial y_{bh}}``, made a free number ``g_{bh}``, and
        what was done, when that is all the link says of it (no other derivative of it, no definition
        using it): the link holds for every L if it holds so (any numbers are the gradient of some L, a
        linear one), and a failure there may not be one for the author's L. None otherwise."""
        if len(missing) != 1:
            return None
        name = missing[0]
        found = [d for e in (lhs, rhs) for d in e.atoms(Derivative) if name in rd.names_of(d.expr)]
        by = {d.variables[0].base for d in found if len(d.variables) == 1 and isinstance(d.variables[0], Indexed)}
        if not found or len(by) != 1 or not all(isinstance(d.expr, Symbol) and d.expr.name == name and len(d.variables) == 1 for d in found):
            return None
        (base,) = by
        free = IndexedBase(Dummy(f"d{name}_d{base}"))
        swap = {d: free[d.variables[0].indices] for d in found}
        new = (lhs.xreplace(swap), rhs.xreplace(swap))
        if name in rd.names_closure(rd.names_of(new[0]) | rd.names_of(new[1]), self.definitions):
            return None  # L elsewhere, or in a definition the link uses
        what = f"{_tex(scalar(name))} is never defined: its derivatives by the entries of {_tex(scalar(str(base)))} are taken as free numbers"
        return (*new, what)

    def _across_layers(self, lhs: Expr, rhs: Expr) -> str:
        """Why a derivative here is 0 only as read, or '': a quantity of one layer differentiated by one
        of another layer that its definitions do not reach (C of a^{[L]}, by z^{[l]}): the author's
        network joins them through every layer between, which no definition here unfolds."""
        for d in sorted(lhs.atoms(Derivative) | rhs.atoms(Derivative), key=str):
            reach = rd.names_closure(rd.names_of(d.expr), self.definitions)
            for v in d.variables:
                names = rd.names_of(v)
                if names and not names & reach and any("^" in n for n in names | reach):
                    return (f"{_tex(d.expr)} does not depend on {_tex(v)} as read, only through the layers between"
                            " (a quantity of one layer differentiated by one of another): not read (yet)")
        return ""

    def _written_sizes(self, lhs: Expr, rhs: Expr, conditions: Sequence[Basic]) -> list[tuple[Symbol, int]]:
        """(size, n) for the sizes the link (or a definition it uses) may fix by writing entries up to
        number n >= 2 (``z_1``, ``z_2``: the author may have said two classes in words) of quantities whose sums run to a size it
        leaves open; counted from 0 (``a_0, a_1, a_2``), the size is the last number (``\\sum_{i=0}^{D}``)
        or one more (``\\sum_{k=0}^{K-1}``)."""
        # in the link or in the definitions it uses (z = w_1 x_1 + w_2 x_2 + b, then dz/dw_i = x_i)
        written = [int(i) for e in self._used_expressions([lhs, rhs]) for a in e.atoms(Indexed) for i in a.indices if i.is_Integer]
        if not written or max(written) < 2:
            return []
        size = self._size_for([lhs, rhs, *conditions])
        if not isinstance(size, Symbol):
            return []
        return [(size, max(written))] + ([(size, max(written) + 1)] if min(written) == 0 else [])

    def _unreached(self, lhs: Expr, rhs: Expr) -> tuple[set[str], set[str]]:
        """The quantities never defined that each side uses (through definitions) and the other does not."""
        left = rd.names_closure(rd.names_of(lhs), self.definitions) - self.defined
        right = rd.names_closure(rd.names_of(rhs), self.definitions) - self.defined
        return left - right, right - left

    def _undefined_apart(self, lhs: Expr, rhs: Expr) -> str:
        """Why a counterexample may vary two related quantities apart, or '': each side uses a quantity
        never defined that the other side does not reach (``z_i`` on the left, ``w`` on the right: the
        words may say ``z_i = w^T x_i``)."""
        only_left, only_right = (sorted(names) for names in self._unreached(lhs, rhs))
        if not (only_left and only_right):
            return ""
        return (f"{', '.join(only_left)} (left) and {', '.join(only_right)} (right) are never defined here"
                " and may be related in the words")

    def _new_on_one_side(self, link: _Link, before: frozenset[str], conditions: Sequence[Basic] = ()) -> set[str]:
        """Undefined names written (outside derivatives) on one side of ``lhs = rhs`` only, and in no
        equation before this one (or only so there: \\Sigma for the sum named in the words, written
        again in a later display): such a link may be how the author names the quantity (its
        definition is in the words), so a counterexample that varies it freely refutes nothing. A name
        that came back is so only if the link it was first written in does not hold with it free (a
        shift c, in log sum e^z = log(e^c sum e^{z - c}), is a quantity of its own): ``link.named_at``."""
        lhs, rhs = link.lhs, link.rhs
        out: set[str] = set()
        self.two_sided |= rd.names_of(lhs) & rd.names_of(rhs)
        fixed = {n for c in conditions for n in rd.names_of(c)}  # y under y = 1: a value, not a name for something
        for side, other in ((lhs, rhs), (rhs, lhs)):
            plain = side.xreplace({d: Symbol("_derivative") for d in side.atoms(Derivative)})
            written = rd.names_of(plain) - {"_derivative"} - self.defined - (before - set(self.named_in_words))
            new = written - rd.names_closure(rd.names_of(other), self.definitions)
            out |= new
            link.named_at += tuple((n, self.named_in_words[n]) for n in sorted(new & before) if n in self.named_in_words)
            if not (rd.names_of(other) - self.defined - before):  # (CE(x, 1) = ... y ...: a definition not read)
                for name in sorted(new - fixed - self.two_sided):
                    self.named_in_words.setdefault(name, link)
        return out

    def _used_expressions(self, exprs: Sequence[Basic], definitions: Sequence[Definition] | None = None) -> list[Basic]:
        """``exprs`` and the right sides of the definitions (those in force, or ``definitions``) they use,
        transitively (by the object defined: the scalar ``z`` and the array ``z`` are two)."""
        table = Definitions(tuple(self.definitions if definitions is None else definitions)).lookup()
        out, todo, seen = list(exprs), list(exprs), set()
        while todo:
            e = todo.pop()
            for atom in e.atoms(Symbol, Indexed, AppliedUndef):
                key = atom.base if isinstance(atom, Indexed) else atom.func if isinstance(atom, AppliedUndef) else atom
                if key in table and key not in seen:
                    seen.add(key)
                    out.append(table[key].rhs)
                    todo.append(table[key].rhs)
        return out

    def _unwritten_lengths(self, exprs: Sequence[Basic]) -> str:
        """Why the range of a sum is uncertain, or '': ``\\theta^T x`` (its length never written, read as
        1..d) beside ``\\sum_{i=0}^{n} \\theta_i x_i`` over the same vectors with another range."""
        ranges: dict[str, set[tuple]] = {}
        for e in exprs:
            for sm in e.atoms(Sum):
                for var, lo, hi in sm.limits:
                    for a in sm.function.atoms(Indexed):
                        for position, at in enumerate(a.indices):  # x_{il}: the examples' i, the features' l
                            if at == var:
                                ranges.setdefault(f"{a.base}[{position}]", set()).add((lo, hi))
        for base, found in sorted(ranges.items()):
            base = base.split("[")[0]
            invented = any(isinstance(hi, Symbol) and hi.name not in self.doc_sizes for _, hi in found)
            if len(found) > 1 and invented:
                return f"the length of {base} in a dot product is not written (read as 1..d) and a sum over it runs over another range"
        return ""

    def _restated_per_example(self, lhs: Expr, rhs: Expr, extra: set[Symbol]) -> str:
        r"""Why ``lhs = rhs`` may restate ``lhs``'s definition for one example, or "": every quantity
        carrying one of the ``extra`` indices on the right is one that definition uses bare
        (``L = -y \log \hat{y}``, then ``L = -y_i \log \hat{y}_i``)."""
        definition = next((d for d in reversed(self.definitions) if d.lhs == lhs), None)
        if definition is None:
            return ""
        carried = {str(a.base) for a in rhs.atoms(Indexed) if set(a.indices) & extra}
        indexed = {str(a.base) for a in definition.rhs.atoms(Indexed)}
        bare = {v.name for v in definition.rhs.atoms(Symbol) if not v.is_integer} - indexed
        if not carried or not carried <= bare:
            return ""
        return f"{_tex(lhs)} is defined with {', '.join(sorted(carried))} without the index (a restatement for one example?)"

    def _mixed_arity(self, exprs: Sequence[Basic]) -> tuple[str, ...]:
        """Quantities written here with different numbers of indices (``x^{(i)}`` and ``x^{(i)}_j``,
        ``z`` and ``z_i``): read as unrelated, which the author may not mean. A vector passed whole to a
        function that takes a vector (``h(x^{(i)})`` with ``h(x) = \\sum_l \\theta_l x_l``) counts with its entries' index."""
        vector_params = {
            (str(d.lhs.func), n)
            for d in self.definitions if isinstance(d.lhs, AppliedUndef)
            for n, p in enumerate(d.lhs.args) if any(str(a.base) == str(p) for a in d.rhs.atoms(Indexed))
        }
        arities: dict[str, set[int]] = {}
        for e in exprs:
            whole = {(a, n) for f in e.atoms(AppliedUndef) for n, a in enumerate(f.args) if (str(f.func), n) in vector_params}
            wholes = {a for a, _ in whole}
            for a in e.atoms(Indexed):
                arities.setdefault(str(a.base), set()).add(len(a.indices) + (1 if a in wholes else 0))
        def bare(e: Basic) -> Iterator[Symbol]:  # scalars, not the labels of indexed quantities
            if isinstance(e, Symbol):
                yield e
            elif not isinstance(e, (Indexed, IndexedBase, AppliedUndef)):  # J(\theta): the vector as a whole
                for a in e.args:
                    yield from bare(a)

        # \delta = a - y after \delta_j = a_j - y_j: the vector form of what is defined entry by entry
        entries = {str(d.lhs.base): len(d.lhs.indices) for d in self.definitions if isinstance(d.lhs, Indexed)}
        for e in exprs:
            for v in bare(e):
                if not v.is_integer and v.name in entries:
                    arities.setdefault(v.name, set()).add(entries[v.name])
                if not v.is_integer and v.name in arities:
                    arities[v.name].add(0)
        return tuple(sorted(n for n, found in arities.items() if len(found) > 1))

    def _list_may_have_ended(self) -> int:
        """The line of a paragraph between the bullet that set the case and this block (0 if none):
        Markdown ends a list at an unindented paragraph, so the case may or may not still hold."""
        if not (self.case and self.case_bullet and self.case_line is not None):
            return 0
        at = bisect_right(self.doc.breaks, self.case_line)
        return self.doc.breaks[at] if at < len(self.doc.breaks) and self.doc.breaks[at] < self.block_line else 0

    def _mentions(self, expr: Expr, symbol: Symbol) -> bool:
        """Whether ``symbol`` itself (not an array of its name) occurs in ``expr`` or the definitions it uses."""
        names = rd.names_closure(rd.names_of(expr), self.definitions)
        bodies = [expr, *(d.rhs for d in self.definitions if rd.defined_key(d.lhs) in names)]
        return any(symbol in b.xreplace({a: Integer(1) for a in b.atoms(Indexed)}).free_symbols for b in bodies)

    def _vacuous_index(self, lhs: Expr, rhs: Expr) -> bool:
        """Whether a side uses a quantity defined with an index its definition does not use
        (``h_i = \\sum_k e^{a_k}``): its free indices are then no evidence of an ill-formed claim,
        and the claim is verified as written instead."""
        bases = {e.base for e in (lhs.atoms(Indexed) | rhs.atoms(Indexed))}
        for d in self.definitions:
            if isinstance(d.lhs, Indexed) and d.lhs.base in bases:
                if set(d.lhs.indices) - rd.free(d.rhs, self.sizes):
                    return True
        return False

    def _plan_hint(self, link: _Link, only_left: set[Symbol], only_right: set[Symbol], assumed: Sequence[tuple[Relational, str]]) -> None:
        """Plan the repair a reader would try for one stray index: drop a sum that binds it, or add one."""
        if len(only_left | only_right) != 1:
            return
        (m,) = only_left | only_right
        has_left = m in only_left
        with_m, without_m = (link.lhs, link.rhs) if has_left else (link.rhs, link.lhs)
        side_with, side_without = ("left", "right") if has_left else ("right", "left")
        sums = rd.sums_over(without_m, m)
        if sums:
            target = sorted(sums, key=str)[0]
            repaired = without_m.xreplace({target: target.function})
            pair = (link.lhs, repaired) if has_left else (repaired, link.rhs)
            link.hint = f"it holds ({{verdict}}) without the sum over {m} on the {side_without} side, as {m} is free on the {side_with}"
        else:
            repaired = Sum(with_m, (m, 1, self.size))
            pair = (repaired, link.rhs) if has_left else (link.lhs, repaired)
            link.hint = f"it holds ({{verdict}}) with a sum over {m} on the {side_with} side"
        cases = self._applicable(*pair)
        link.hint_job = self._job(pair[0], pair[1], [*cases, *(r for r, _ in assumed)])

    # ------------------------------------------------------------ results
    def run(self, progress: Progress | None = None) -> FileReport:
        """Verify every planned link (each in a worker with the time limit) and report; the jobs that
        only question a refutation run afterwards, for the links that were refuted."""
        outcomes = [Outcome(None, "not run: it only questions a refutation")] * len(self.jobs)
        self._run_into(outcomes, [n for n in range(len(self.jobs)) if n not in self.lazy], progress)
        self._run_into(outcomes, [n for n, main in self.lazy.items() if self._refutes(main, outcomes)], progress)
        return self.assemble(outcomes)

    def _run_into(self, outcomes: list[Outcome], which: list[int], progress: Progress | None) -> None:
        if which:
            done = run_jobs([self.jobs[n] for n in which], timeout=self.options.timeout, workers=self.options.jobs, progress=progress)
            for n, outcome in zip(which, done, strict=True):
                outcomes[n] = outcome

    def _refutes(self, job: int, outcomes: Sequence[Outcome]) -> bool:
        """Whether ``job`` (or its instances at equal sizes) found a counterexample."""
        jobs = [job, *([self.companions[job][1]] if job in self.companions else [])]
        return any(outcomes[n].report is not None and outcomes[n].report.verdict is Verdict.REFUTED for n in jobs)

    def _lazy_job(self, main: int, lhs: Expr, rhs: Expr, conditions: Sequence[Basic],
                  definitions: Sequence[Definition] | None = None, at_size: int | None = None) -> int:
        """A job (and its companion) that only questions a refutation of ``main``: see `run`."""
        start = len(self.jobs)
        job = self._job(lhs, rhs, conditions, definitions, at_size=at_size)
        for n in range(start, len(self.jobs)):
            self.lazy[n] = main
        return job

    def assemble(self, outcomes: Sequence[Outcome]) -> FileReport:
        equations = tuple(result for eq in self.equations for result in self._results(eq, outcomes))
        notes = tuple(sorted(self.notes, key=lambda n: n.order))
        return FileReport(self.name, self.size.name, equations, notes, tuple(self.warnings))

    def _results(self, eq: _Equation, outcomes: Sequence[Outcome]) -> list[EquationResult]:
        links = tuple(self._doubtful_result(link, outcomes) for link in eq.links)
        verdict, reason = eq.verdict, eq.reason
        if eq.rows:  # one result per row, from the row's own links
            out, at = [], 0
            for line, latex, count in eq.rows:
                own = links[at : at + count]
                out.append(EquationResult(line, latex, *_aggregate(own), own, eq.kind, eq.order))
                at += count
            return out
        if verdict is None:
            verdict, reason = _aggregate(links)
        return [EquationResult(eq.line, eq.latex, verdict, reason, links, eq.kind, eq.order)]

    def _doubtful_result(self, link: _Link, outcomes: Sequence[Outcome]) -> LinkResult:
        """A link with other readings (a case that may no longer apply, a quantity defined twice) has a
        verdict only when every reading gives it (holds every way, or fails every way); otherwise unknown."""
        result = self._link_result(link, outcomes)
        if link.ill_formed is not None:  # indices on the left only: it holds for every value of them, or is ill-formed
            message, indices, clash = link.ill_formed
            every = f"for every value of the left side's {indices}, which the right side does not have"
            if result.verdict is LinkVerdict.UNKNOWN and not clash:  # dz_j/d\theta_{ij} = x_i, z read from no definition
                return replace(result, detail=f"not decided {every}: {result.detail}")
            case = self._holding_case(link, outcomes) if result.verdict is LinkVerdict.REFUTED and not clash else None
            if case is not None:  # dL/dz_i = -1 + s_j in the section "when $i = j$"
                why = f"not decided {every}: it holds when {case} and not otherwise; the case may be stated in words"
                return LinkResult(result.lhs, result.rhs, LinkVerdict.UNKNOWN, why, None, link.conditions)
            if result.verdict not in (LinkVerdict.PROVED, LinkVerdict.CHECKED):  # fails, or a clash: ill-formed
                return self._link_result(replace(link, job=None, verdict=LinkVerdict.ILL_FORMED, detail=message), outcomes)
            result = replace(result, detail=f"{result.detail} ({every})".lstrip())
        if link.free_gradient and result.verdict in (LinkVerdict.PROVED, LinkVerdict.CHECKED):
            result = replace(result, detail=f"{result.detail} ({link.free_gradient}: it holds for every such quantity)".lstrip())
        if link.stand_in and result.verdict is LinkVerdict.UNKNOWN:  # fails for a test function: not for every one
            failed = "never defined" in result.detail  # (a counterexample taking the undefined as free input)
            why = ("it fails with a test function in its place, so it does not hold for every such function;"
                   " define it to check this equation") if failed else result.detail
            return replace(result, detail=f"not decided: {link.stand_in} is never defined: {why}")
        if result.verdict is LinkVerdict.REFUTED:
            case = self._holding_case(link, outcomes)
            if case is not None:  # a formula for i \neq j written without its case
                why = (f"not decided: it holds when {case} and not otherwise; the case may be stated"
                       f" in words (as written, for all indices: {result.detail})")
                return LinkResult(result.lhs, result.rhs, LinkVerdict.UNKNOWN, why, None, link.conditions)
            for where, job in link.other_starts:  # "= ..." after a side computation: which chain?
                if outcomes[job].report is not None and self._report(job, outcomes).verdict in (Verdict.PROVED, Verdict.CHECKED):
                    why = f"not decided: it holds {where} (as read, continuing the one just before: {result.detail})"
                    return LinkResult(result.lhs, result.rhs, LinkVerdict.UNKNOWN, why, None, link.conditions)
        if not link.doubts or result.verdict not in (LinkVerdict.PROVED, LinkVerdict.CHECKED, LinkVerdict.REFUTED):
            return result
        holds = (LinkVerdict.PROVED, LinkVerdict.CHECKED)
        for why, job in link.doubts:
            other = self._report(job, outcomes) if outcomes[job].report is not None else None
            alone = other.verdict.value if other is not None else "unknown"
            if (result.verdict in holds and alone in ("proved", "checked")) or (result.verdict is LinkVerdict.REFUTED and alone == "refuted"):
                continue
            return LinkResult(result.lhs, result.rhs, LinkVerdict.UNKNOWN,
                              f"not decided: {why}; it is {result.verdict.value} as first read and not so read otherwise", None, link.conditions)
        if link.stand_in and result.verdict in holds:  # shown for two functions, not for every function
            detail = (f"holds with each of two unrelated test functions in place of {link.stand_in}, which the document"
                      " never defines (checked, not proved, for every function)")
            return replace(result, verdict=LinkVerdict.CHECKED, detail=detail)
        return result

    def _holding_case(self, link: _Link, outcomes: Sequence[Outcome]) -> str | None:
        """The first of the link's index cases (i = j, a size the entries show) under which it holds, or None."""
        for condition, job in link.index_cases:
            if outcomes[job].report is not None and self._report(job, outcomes).verdict in (Verdict.PROVED, Verdict.CHECKED):
                return condition
        return None

    def _link_result(self, link: _Link, outcomes: Sequence[Outcome]) -> LinkResult:
        lhs, rhs = _tex(link.lhs), _tex(link.rhs)
        if link.job is None:
            detail = link.detail
            if link.hint_job is not None:
                hint = outcomes[link.hint_job]
                if hint.report is not None and hint.report.verdict in (Verdict.PROVED, Verdict.CHECKED):
                    detail += "; " + link.hint.format(verdict=hint.report.verdict.value)
            return LinkResult(lhs, rhs, link.verdict or LinkVerdict.UNKNOWN, detail, None, link.conditions)
        outcome = outcomes[link.job]
        if outcome.report is None:
            return LinkResult(lhs, rhs, LinkVerdict.UNKNOWN, outcome.failure, None, link.conditions)
        report = self._report(link.job, outcomes)
        evidence = tuple((e.method, e.outcome, e.detail) for e in report.evidence)
        verdict = LinkVerdict(report.verdict.value)
        if report.verdict in (Verdict.PROVED, Verdict.CHECKED):
            from derive.check.domain import proved_without_splitting, unsafe_argument

            job = self.jobs[link.job]
            # the definitions in force, and those the link leaves out (a derivative with respect to
            # sigma(z) treats sigma(z) as a variable, still the sigmoid, still positive)
            known = [*job.context.definitions, *(d for d in self.definitions if d not in job.context.definitions)]
            arg = unsafe_argument(job.members, known)
            if arg is not None and proved_without_splitting(job.members, job.context.definitions, job.context.size):
                arg = None  # equal with the logarithms kept whole: no positive factor needed
            if arg is not None:  # shown for positive inputs only: the inputs are reals of any sign
                detail = (f"{report.verdict.value} for positive values only: the logarithm or fractional power of "
                          f"{_tex(arg)} is split into factors not known to be positive (the inputs are real numbers of any sign)")
                return LinkResult(lhs, rhs, LinkVerdict.UNKNOWN, detail, None, link.conditions, evidence)
        counter = report.counterexample.as_dict() if report.counterexample is not None else None
        size = self.jobs[link.job].context.size
        size_name = size.name if size is not None else self.size.name
        if counter is not None and any("j" in str(counter.get(side, "")) for side in ("lhs", "rhs")):
            # a side has no real value there (the logarithm of a negative number): outside the quantities' domain
            detail = ("not decided: the only counterexample found leaves the real numbers (a logarithm or root of a"
                      f" negative number: left = {counter.get('lhs')}, right = {counter.get('rhs')})")
            return LinkResult(lhs, rhs, LinkVerdict.UNKNOWN, detail, None, link.conditions)
        if counter is not None:
            counter = {"size": size_name, **counter}
            outside = self._outside(counter)
            if outside and not (verdict is LinkVerdict.REFUTED and link.unsure):
                return self._binary_result(link, outcomes, outside)  # (a misreading first: the value by value check needs a sure reading)
            named = dict(link.named_at)
            free = [n for n in link.free_dependents
                    if n not in named or self._link_result(named[n], outcomes).verdict not in (LinkVerdict.PROVED, LinkVerdict.CHECKED)]
            if verdict is LinkVerdict.REFUTED and free:
                what = ", ".join(_tex(scalar(n)) for n in free)
                detail = (
                    f"not decided: {what} {'is' if len(free) == 1 else 'are'} never defined, so the only"
                    " counterexample found takes it as a free input; define it to check this equation"
                )
                return LinkResult(lhs, rhs, LinkVerdict.UNKNOWN, detail, None, link.conditions)
            if verdict is LinkVerdict.REFUTED and link.unsure:
                detail = f"not decided: {'; '.join(link.unsure)}, and the counterexample found reads them as unrelated"
                return LinkResult(lhs, rhs, LinkVerdict.UNKNOWN, detail, None, link.conditions)
            if link.decimals is not None and _rounded_agreement(counter, link.decimals):
                detail = f"the two sides agree to the {link.decimals} decimals written ({counter.get('lhs')} and {counter.get('rhs')}): a rounded value, not checked exactly"
                return LinkResult(lhs, rhs, LinkVerdict.UNKNOWN, detail, None, link.conditions)
        return LinkResult(lhs, rhs, verdict, _detail(verdict, report, size_name), counter, link.conditions, evidence)

    def _outside(self, counter: dict) -> str:
        """The stated 0-or-1 quantities a counterexample gives another value (``y = 17/10``), or ""."""
        bad = [
            f"{name} = {value}"
            for name, value in counter.get("values", {}).items()
            if name.split("[")[0] in self.binary and str(value) not in ("0", "1")
        ]
        return ", ".join(bad)

    def _binary_result(self, link: _Link, outcomes: Sequence[Outcome], outside: str) -> LinkResult:
        """A refutation whose counterexample breaks a stated membership is no refutation: the claim
        is decided at the values the document allows (a binary scalar at 0 and at 1), else unknown."""
        lhs, rhs = _tex(link.lhs), _tex(link.rhs)
        names = sorted({m.group(1) for m in re.finditer(r"(?:^|, )([^\s\[=,]+)(?:\[[^\]]*\])? = ", outside)} & set(self.binary))
        where = "; ".join(self.binary[n] for n in names)
        results = []
        for label, job in link.splits:
            report = outcomes[job].report
            if report is None:
                break
            results.append((label, report.links[0]))
        if len(results) == len(link.splits) == 2:
            for label, report in results:
                if report.verdict is Verdict.REFUTED and report.counterexample is not None and not self._outside(report.counterexample.as_dict()):
                    size = self.jobs[link.job].context.size
                    size_name = size.name if size is not None else self.size.name
                    counter = {"size": size_name, **report.counterexample.as_dict()}
                    detail = f"at {label} ({where}): " + _detail(LinkVerdict.REFUTED, report, size_name)
                    return LinkResult(lhs, rhs, LinkVerdict.REFUTED, detail, counter, (*link.conditions, label))
            if all(r.verdict in (Verdict.PROVED, Verdict.CHECKED) for _, r in results):
                verdict = LinkVerdict.PROVED if all(r.verdict is Verdict.PROVED for _, r in results) else LinkVerdict.CHECKED
                detail = f"holds at {' and at '.join(label for label, _ in results)}, the values {where} allows (not for every value)"
                return LinkResult(lhs, rhs, verdict, detail, None, (*link.conditions, where))
        detail = f"not decided: the only counterexample found has {outside}, which {where} rules out"
        return LinkResult(lhs, rhs, LinkVerdict.UNKNOWN, detail, None, link.conditions)


def _sum_scope_open(expr: Expr, indices: set[Symbol]) -> bool:
    r"""Whether ``expr`` has a sum over one of ``indices`` added to terms that have that index free
    (``\sum_i a_i - b_i``): the sum as written ends before them, as its author may not mean."""
    for add in expr.atoms(Add):
        sums = [t for t in add.args if isinstance(t, Sum) or (isinstance(t, Mul) and any(isinstance(f, Sum) for f in t.args))]
        bound = {v for t in sums for total in ([t] if isinstance(t, Sum) else [f for f in t.args if isinstance(f, Sum)])
                 for v in total.variables} & indices
        if bound and any(t not in sums and t.free_symbols & bound for t in add.args):
            return True
    return False


_POSITION = re.compile(r"\bat (?:line (\d+), )?column (\d+)")


def _position(block: Block, offset: int) -> tuple[int, int]:
    """(line, column) in the file of ``block.latex[offset]``."""
    line0, column0 = block.origin if block.origin[0] else (block.line, 1)
    before = block.latex[:offset]
    if "\n" not in before:
        return line0, column0 + offset
    return line0 + before.count("\n"), offset - before.rfind("\n")


def _row_groups(block: Block, body: str) -> list[tuple[int, int, str, int]]:
    """(line, column, LaTeX, equality signs) per row of ``body`` (the block's LaTeX with its written
    conditions cut off, offsets unchanged) as a reader sees them: a row without a sign joined to the
    row it continues (to the next one before the first sign: a left side alone), rows written on one
    source line joined into one."""
    groups: list[list] = []  # [line, column, text, signs]
    for row in display_rows(body):
        text = row.text.strip()
        if not text:
            continue
        line, column = _position(block, row.start)
        if groups and (not row.equals or not groups[-1][3] or groups[-1][0] == line):
            joint = " " if not row.equals or not groups[-1][3] else " \\\\ "
            groups[-1][2] += joint + text
            groups[-1][3] += row.equals
        else:
            groups.append([line, column, text, row.equals])
    return [(line, column, text, signs) for line, column, text, signs in groups]


def _rows_of(block: Block, body: str, links: int) -> list[tuple[int, str, int]]:
    """(line, LaTeX, number of links) per row of ``body`` (see `_row_groups`); empty when the display
    has one row, or when the rows' signs do not add up to the ``links`` read (the rows are then not
    trusted to place the verdicts)."""
    groups = _row_groups(block, body)
    if len(groups) < 2 or sum(signs for *_, signs in groups) != links:
        return []
    return [(line, text, signs) for line, _, text, signs in groups]


def _in_file(reason: str, origin: tuple[int, int]) -> str:
    """``at column 12`` of an equation -> ``at line 40, column 15`` of its file."""
    line0, column0 = origin

    def move(m: re.Match[str]) -> str:
        line, column = int(m.group(1) or 1), int(m.group(2))
        return f"at line {line0 + line - 1}, column {column0 + column - 1 if line == 1 else column}"

    return _POSITION.sub(move, reason)


_DECIMAL = re.compile(r"(?<![0-9.])[0-9]+\.([0-9]+)")


def _rounded_agreement(counter: dict, decimals: int) -> bool:
    """Whether a counterexample's two values agree to ``decimals`` places (a rounded number written)."""
    try:
        left, right = float(counter["lhs"]), float(counter["rhs"])
    except (KeyError, TypeError, ValueError):
        return False
    return abs(left - right) <= 0.5001 * 10.0**-decimals  # what rounding to that many places can change


def _is_element(e: Basic) -> bool:
    """A single quantity: ``y``, ``y_o`` (not an index)."""
    return isinstance(e, Indexed) or (isinstance(e, Symbol) and not e.is_integer)


def _over_sizes(general: LinkReport, equal: Outcome, sizes: str) -> LinkReport:
    """A link over several sizes: proved when the symbolic method shows it for every size (``general``)
    and the instances, taken with the sizes equal, agree; refuted by a counterexample there (the sizes
    equal are a case of the claim); otherwise unknown (instances with equal sizes only are no check of
    the others: never 'checked')."""
    symbolic = general.evidence[0]
    if equal.report is None:
        return LinkReport(Verdict.UNKNOWN, (symbolic, Evidence("exact", "error", equal.failure), Evidence("numeric", "error", equal.failure)))
    found = equal.report.links[0]
    _, exact, numeric = found.evidence
    note = f" (the sizes {sizes} equal)"
    exact, numeric = Evidence(exact.method, exact.outcome, exact.detail + note), Evidence(numeric.method, numeric.outcome, numeric.detail + note)
    if found.verdict is Verdict.REFUTED:
        return LinkReport(Verdict.REFUTED, (symbolic, exact, numeric), found.counterexample)
    if symbolic.outcome == "pass" and exact.outcome == "pass" and numeric.outcome == "pass":
        return LinkReport(Verdict.PROVED, (symbolic, exact, numeric))
    return LinkReport(Verdict.UNKNOWN, (symbolic, exact, numeric))


def _detail(verdict: LinkVerdict, report: LinkReport, size: str) -> str:
    evidence = report.evidence
    if verdict is LinkVerdict.REFUTED and report.counterexample is not None:
        return f"counterexample: {report.counterexample.describe(size)}"
    if verdict is LinkVerdict.PROVED:
        return "; ".join(f"{e.method}: {e.detail}" for e in evidence)
    if verdict is LinkVerdict.CHECKED:
        symbolic = next((e.detail for e in evidence if e.method == "symbolic"), "")
        return f"exact instances and numerics agree; not proved for the general size ({symbolic})"
    return "; ".join(f"{e.method} {e.outcome}: {e.detail}" for e in evidence if e.outcome != "pass")


_SEVERITY = [LinkVerdict.REFUTED, LinkVerdict.ILL_FORMED, LinkVerdict.UNKNOWN, LinkVerdict.CHECKED, LinkVerdict.PROVED]
_EQUATION = {
    LinkVerdict.REFUTED: EquationVerdict.REFUTED,
    LinkVerdict.ILL_FORMED: EquationVerdict.ILL_FORMED,
    LinkVerdict.UNKNOWN: EquationVerdict.UNKNOWN,
    LinkVerdict.CHECKED: EquationVerdict.CHECKED,
    LinkVerdict.PROVED: EquationVerdict.VERIFIED,
}


def _aggregate(links: Sequence[LinkResult]) -> tuple[EquationVerdict, str]:
    """The equation's verdict: the worst of its checked links (definitions do not count)."""
    checked = [link for link in links if link.verdict is not LinkVerdict.DEFINITION]
    if not checked:
        return EquationVerdict.DEFINITION, links[0].detail if links else ""
    for verdict in _SEVERITY:
        bad = [n for n, link in enumerate(links, start=1) if link.verdict is verdict]
        if bad:
            first = links[bad[0] - 1]
            where = f"link {bad[0]}: " if len(links) > 1 else ""
            reason = "" if verdict in (LinkVerdict.PROVED,) else f"{where}{first.detail}"
            return _EQUATION[verdict], reason
    raise AssertionError("unreachable")  # pragma: no cover

"""Read a `Spec`'s LaTeX into SymPy with `derive check`'s grammar (never eval): the `Problem`.

The definitions, assumptions, target and variable are parsed by `derive.check.parser` and checked
as a careful reader would: every definition defines something new, refers neither to itself nor
to a free index its left side lacks; every sum runs from 1 to one size; an assumption is a sum or a
parameter equal to a value; the target is defined and depends on the variable. Anything else is a
one-line error naming the definition (exit 2), before any planning.
"""

from __future__ import annotations

from dataclasses import dataclass

from sympy import Basic, Eq, Expr, Indexed, Sum, Symbol
from sympy.core.function import AppliedUndef

from ..check import reading as rd
from ..check.document import Block, Document
from ..check.parser import CONTINUE, ParseError, Unsupported, parse_chain, parse_expr, parse_relation
from ..errors import DeriveError, InputError, UsageError
from ..steps import Definition
from .spec import Spec, check_name, check_title

__all__ = ["Problem", "read_problem", "key_of"]


@dataclass(frozen=True)
class Problem:
    """The request in SymPy: definitions (in the order given), the assumptions, the target (the
    left side of a definition, ``L`` or ``yhat[o]``), the variable (``z[i]``, ``z``) and the size."""

    name: str
    title: str
    definitions: tuple[Definition, ...]
    assumptions: tuple[Eq, ...]
    target: Expr
    variable: Expr
    size: Symbol | None
    latex: tuple[tuple[str, str], ...]  #: (defined name, the definition as written), for messages
    source: str

    def written(self, key: str) -> str:
        """The definition of ``key`` as the user wrote it."""
        return dict(self.latex).get(key, key)


def key_of(lhs: Basic) -> str:
    """The name a definition's left side defines (``L``, ``yhat``, ``sigma``)."""
    return rd.defined_key(lhs)


def _error(spec: Spec, where: str, message: str) -> DeriveError:
    """A one-line error: a usage error for the command line, an input error for a spec file."""
    if spec.source == "the command line":
        return UsageError(message if where == spec.source else f"{where}: {message}")
    return InputError(f"{where}: {message}")


def _size_letter(spec: Spec, texts: list[str]) -> str:
    letters = rd.upper_bounds(Document(tuple(Block(t, 0) for t in texts)))
    if len(letters) > 1:
        raise _error(spec, spec.source, f"the sums run up to {' and '.join(sorted(letters))}; one size is supported (yet)")
    return letters[0] if letters else "k"


def read_problem(spec: Spec) -> Problem:
    """Parse and check ``spec``; a one-line `UsageError` (command line) or `InputError` (spec file)."""
    texts = [*spec.definitions, *spec.assumptions, *(t for t, _ in spec.displays), *(t for t in (spec.wrt, spec.of) if t)]
    functions = rd.function_letters(texts)
    size = rd.make_size(_size_letter(spec, texts))
    definitions: list[Definition] = []
    latex: list[tuple[str, str]] = []
    assumptions: list[Eq] = []

    def parse(text: str, where: str) -> list[object]:
        try:
            return parse_chain(rd.definition_signs(text), size=size, functions=functions)
        except (ParseError, Unsupported) as exc:
            raise _error(spec, where, f"cannot read '{text}': {' '.join(str(exc).split())}") from None

    def define(lhs: Expr, rhs: Expr, text: str, where: str) -> None:
        defined = {key_of(d.lhs) for d in definitions}
        if not rd.definable(lhs, defined):
            if isinstance(lhs, (Symbol, Indexed, AppliedUndef)) and key_of(lhs) in defined:
                raise _error(spec, where, f"'{text}': {key_of(lhs)} is already defined")
            raise _error(spec, where, f"'{text}': the left side must be a new symbol, indexed symbol or function application")
        allowed = set(lhs.indices) if isinstance(lhs, Indexed) else set()
        extra = rd.free(rhs, {size.name}) - allowed
        if extra:
            raise _error(spec, where, f"'{text}': the right side has {rd.describe_indices(extra)}, which the left side does not have")
        definitions.append(Definition(lhs, rhs, key_of(lhs)))
        latex.append((key_of(lhs), text))

    def assume(rel: Basic, text: str, where: str) -> None:
        if not isinstance(rel, Eq):
            raise _error(spec, where, f"'{text}': an assumption must be an equation (a sum or a parameter equal to a value)")
        lhs, rhs = (rel.lhs, rel.rhs) if not rel.lhs.is_number else (rel.rhs, rel.lhs)
        if not (rhs.is_number and (isinstance(lhs, Sum) or (isinstance(lhs, Symbol) and not lhs.is_integer))):
            raise _error(spec, where, f"'{text}': only a sum or a parameter equal to a value is supported as an assumption (yet)")
        assumptions.append(Eq(lhs, rhs, evaluate=False))

    for text in spec.definitions:
        where = "--define" if spec.source == "the command line" else f"{spec.source}: front matter define"
        chain = parse(text, where)
        if len(chain) != 2 or chain[0] is CONTINUE or not all(isinstance(m, Expr) for m in chain):
            raise _error(spec, where, f"'{text}': expected one equation NAME = EXPRESSION")
        define(chain[0], chain[1], text, where)  # type: ignore[arg-type]
    for text in spec.assumptions:
        where = "--assume" if spec.source == "the command line" else f"{spec.source}: front matter assume"
        try:
            rel = parse_relation(text, size=size, functions=functions)
        except (ParseError, Unsupported) as exc:
            raise _error(spec, where, f"cannot read '{text}': {' '.join(str(exc).split())}") from None
        assume(rel, text, where)
    for text, line in spec.displays:
        where = f"{spec.source}:{line}"
        chain = parse(text, where)
        if len(chain) == 2 and all(isinstance(m, Expr) for m in chain):
            lhs, rhs = chain
            if isinstance(lhs, (Symbol, Indexed, AppliedUndef)) and not (isinstance(lhs, Symbol) and lhs.is_integer) \
                    and not lhs.is_number and not rhs.is_number:
                define(lhs, rhs, text, where)  # type: ignore[arg-type]
                continue
            if lhs.is_number != rhs.is_number:  # type: ignore[union-attr]
                assume(Eq(lhs, rhs, evaluate=False), text, where)
                continue
        raise _error(spec, where, f"'{text}': a spec's display equations are definitions (NAME = EXPRESSION) "
                                  "or assumptions (a sum or a parameter equal to a value)")
    if not definitions:
        raise _error(spec, spec.source, "no definition given (--define 'NAME = EXPRESSION', or a spec file)")
    _check_sums(spec, definitions, assumptions, size)
    _check_cycles(spec, definitions)
    target = _target(spec, definitions, size, functions)
    variable = _variable(spec, definitions, size, functions)
    closure = rd.names_closure({key_of(target)}, definitions)
    base = variable.base.name if isinstance(variable, Indexed) else variable.name  # type: ignore[union-attr]
    if base not in closure:
        raise _error(spec, spec.source, f"{key_of(target)} does not depend on {base} (through the definitions given)")
    used = any(d.rhs.has(Sum) for d in definitions) or any(a.has(Sum) for a in assumptions)
    name = check_name(spec.name or "gradient", "--name" if spec.source == "the command line" else f"{spec.source}: name")
    title = _title(spec, target, variable, size, functions)
    return Problem(name, title, tuple(definitions), tuple(assumptions), target, variable, size if used else None,
                   tuple(latex), spec.source)


def _check_sums(spec: Spec, definitions: list[Definition], assumptions: list[Eq], size: Symbol) -> None:
    for expr, what in [*((d.rhs, f"the definition of {d.name}") for d in definitions), *((a, "an assumption") for a in assumptions)]:
        for s in expr.atoms(Sum):
            for _, lo, hi in s.limits:
                if lo != 1 or hi != size:
                    raise _error(spec, spec.source, f"{what}: a sum runs from {lo} to {hi}; sums from 1 to {size} are supported (yet)")


def _check_cycles(spec: Spec, definitions: list[Definition]) -> None:
    for d in definitions:
        direct = rd.names_of(d.rhs)
        if d.name in rd.names_closure(direct, definitions):
            raise _error(spec, spec.source, f"the definition of {d.name} refers to {d.name} itself (through the definitions)")


def _parse_one(spec: Spec, text: str, what: str, size: Symbol, functions: frozenset[str]) -> Expr:
    try:
        return parse_expr(text, size=size, functions=functions)
    except (ParseError, Unsupported) as exc:
        raise _error(spec, spec.source, f"{what} '{text}': {' '.join(str(exc).split())}") from None


def _target(spec: Spec, definitions: list[Definition], size: Symbol, functions: frozenset[str]) -> Expr:
    if spec.of is None:
        return definitions[-1].lhs
    target = _parse_one(spec, spec.of, "--of" if spec.source == "the command line" else "of", size, functions)
    lookup = {d.name: d for d in definitions}
    if not isinstance(target, (Symbol, Indexed, AppliedUndef)) or key_of(target) not in lookup:
        raise _error(spec, spec.source, f"of '{spec.of}': not one of the defined quantities ({', '.join(lookup)})")
    lhs = lookup[key_of(target)].lhs
    if type(target) is not type(lhs) or (isinstance(target, Indexed) and len(target.indices) != len(lhs.indices)):
        raise _error(spec, spec.source, f"of '{spec.of}': written differently from its definition's left side")
    if isinstance(target, Indexed) and not all(rd.is_index(i) for i in target.indices):
        raise _error(spec, spec.source, f"of '{spec.of}': its indices must be letters")
    return target


def _variable(spec: Spec, definitions: list[Definition], size: Symbol, functions: frozenset[str]) -> Expr:
    what = "--wrt" if spec.source == "the command line" else "wrt"
    if spec.wrt is None:
        raise _error(spec, spec.source, "no variable to differentiate with respect to"
                     + (" (--wrt 'z_i')" if spec.source == "the command line" else " (gradient: wrt: 'z_i' in the front matter, or --wrt)"))
    v = _parse_one(spec, spec.wrt, what, size, functions)
    ok = (isinstance(v, Symbol) and not v.is_integer) or (
        isinstance(v, Indexed) and all(rd.is_index(i) and i != size for i in v.indices) and len(set(v.indices)) == len(v.indices))
    if not ok:
        raise _error(spec, spec.source, f"{what} '{spec.wrt}': a variable is a letter, optionally with letter indices (z, z_i, W_{{pq}})")
    if key_of(v) in {d.name for d in definitions}:
        raise _error(spec, spec.source, f"{what} '{spec.wrt}': {key_of(v)} is defined; differentiate with respect to an independent variable")
    return v


def _title(spec: Spec, target: Expr, variable: Expr, size: Symbol, functions: frozenset[str]) -> str:
    """The title as prose: words as given, each ``$...$`` parsed and printed by derive's printer."""
    import re

    from ..latex import DerivePrinter

    printer = DerivePrinter()
    if spec.title is None:
        return f"The derivative of ${printer.doprint(target)}$ with respect to ${printer.doprint(variable)}$"
    check_title(spec.title, "--title" if spec.source == "the command line" else f"{spec.source}: title")

    def math(m: re.Match[str]) -> str:
        text = m.group(1)
        try:
            return f"${printer.doprint(parse_expr(text, size=size, functions=functions))}$"
        except (ParseError, Unsupported):
            pass
        try:
            rel = parse_relation(text, size=size, functions=functions)
        except (ParseError, Unsupported) as exc:
            raise _error(spec, spec.source, f"title: cannot read '${text}$': {' '.join(str(exc).split())}") from None
        if not isinstance(rel, Basic):  # a membership (y \in \{0, 1\}): not printed by derive
            raise _error(spec, spec.source, f"title: '${text}$' is not an expression or a relation derive prints")
        return f"${printer.doprint(rel)}$"

    return re.sub(r"\$([^$]+)\$", math, spec.title)

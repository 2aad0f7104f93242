"""The notation: how indices, sizes, indexed quantities and scalars are represented in SymPy.

Everything in `derive` (derivations, the verifier, the document parser of `derive check`) builds
its symbols through these constructors, so that an expression printed by `derive` and parsed back
is structurally identical to the one it came from.

Conventions
-----------
- An *index* (``i``, ``o``, ``j``) and a *size* (``k``, ``n``) are ``Symbol(name, integer=True,
  positive=True)``; indices range over ``1..size``.
- An *indexed quantity* (``z_i``, ``y_o``) is ``IndexedBase(name)[index]`` with no assumptions.
  A hatted letter ``\\hat{y}`` has the name ``yhat``.
- A *scalar* (``L``, ``x``, ``b``) is ``Symbol(name)`` with no assumptions.
- A *function* (``\\sigma(z)``) is ``Function(name)(arg)``.
"""

from __future__ import annotations

from sympy import Function, IndexedBase, Symbol

__all__ = [
    "index", "size", "array", "scalar", "function", "hat_name", "labelled_name", "applied_name",
    "HAT_SUFFIX", "CALLIGRAPHIC_SUFFIX", "EXAMPLE_SUFFIX", "LABEL_SEPARATOR", "layered_name",
]

HAT_SUFFIX = "hat"
#: Names read from documents that no user-supplied name can take (names are letters and digits):
#: ``L_cal`` is ``\mathcal{L}``; an array ``x_ex`` is ``x^{(i)}`` (its first index is the example).
CALLIGRAPHIC_SUFFIX = "_cal"
EXAMPLE_SUFFIX = "_ex"
#: ``h__theta`` is ``h_\theta`` and ``x__max`` is ``x_{\mathrm{max}}``: a subscript that labels a
#: quantity (a Greek letter or a word), not an index; the label's pieces are separated by commas.
LABEL_SEPARATOR = "__"


def index(name: str) -> Symbol:
    """An integer index symbol (``i``, ``o``, ``j``), positive, ranging over ``1..size``."""
    return Symbol(name, integer=True, positive=True)


def size(name: str) -> Symbol:
    """A symbolic dimension (``k`` classes, ``n`` inputs): a positive integer."""
    return Symbol(name, integer=True, positive=True)


def array(name: str) -> IndexedBase:
    """An indexed quantity such as ``z`` in ``z_i``."""
    return IndexedBase(name)


def scalar(name: str) -> Symbol:
    """A plain scalar such as the loss ``L``."""
    return Symbol(name)


def function(name: str) -> Function:
    """An undefined function such as ``sigma`` in ``\\sigma(z)``."""
    return Function(name)


def hat_name(letter: str) -> str:
    """The symbol name for a hatted letter: ``y`` -> ``yhat``."""
    return f"{letter}{HAT_SUFFIX}"


def labelled_name(base: str, label: str) -> str:
    """The name of ``base`` with the subscript label ``label``: ``h``, ``theta`` -> ``h__theta``."""
    return f"{base}{LABEL_SEPARATOR}{label}"


def layered_name(base: str, layer: str) -> str:
    """The name of ``base`` with the superscript label ``layer`` (brackets kept): ``z``, ``[2]`` ->
    ``z^[2]``, the quantity of layer 2, as unrelated to ``z^[1]`` as to ``a`` (no name a user
    gives holds a ``^``)."""
    return f"{base}^{layer}"


def applied_name(function_name: str, vectors: list[str]) -> str:
    """The name of a function's value at whole vectors: ``L``, [``p``] -> ``L(p)`` (``L(\\mathbf{p})``)."""
    return f"{function_name}({','.join(vectors)})"

"""Money written once: small expressions that evaluate to ``Decimal`` in the engine and print as Excel formulas.

A cost line's quantity and rate, a line's amount, the monthly total and every tariff price are built
from these nodes. The engine reads ``.value`` (computed once, when the node is made, with the same
Decimal operations in the same order as hand-written arithmetic); the workbook calls ``.excel(refs)``
and lays the text out in cells, so the workbook holds no arithmetic of its own.

Leaves:

- :class:`Const`: a figure of the price book (or a constant such as hours per month);
- :class:`Input`: a negotiable input (margin, term discount, wage change, VAT): a defined name in the workbook;
- :class:`Leaf`: a quantity of the staffing plan's usage (FTE, hours, contacts...): a column of the
  workbook's staffing grid, looked up at the row of the chosen volume and handle-time change;
- :class:`Ref`: a named result (a line's amount, the monthly total) that the workbook may have laid out
  in a cell; otherwise its formula is written inline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import ROUND_CEILING, Decimal, DivisionByZero, InvalidOperation, localcontext
from typing import Protocol

from quoter.money import RoundingMode, round_to


class Refs(Protocol):
    """How the workbook names things: a defined name, a grid look-up, or a cell address."""

    def input(self, name: str) -> str: ...

    def leaf(self, key: str) -> str: ...

    def ref(self, key: str) -> str | None: ...


class Expr:
    """A node: ``value`` is its Decimal, ``excel(refs)`` its Excel text (without the leading ``=``)."""

    __slots__ = ("value",)
    value: Decimal

    def excel(self, refs: Refs) -> str:
        raise NotImplementedError

    def leaves(self) -> Iterable[str]:
        """Keys of every :class:`Leaf` below this node."""
        return ()

    def inner(self) -> Expr:
        """The expression a :class:`Ref` names (the node itself for any other node): what a cell holds."""
        return self

    def children(self) -> tuple[Expr, ...]:
        return ()

    # arithmetic builds nodes; plain Decimals and ints become constants
    def __add__(self, other: Num) -> Expr:
        return Bin("+", self, lift(other))

    def __radd__(self, other: Num) -> Expr:
        return Bin("+", lift(other), self)

    def __sub__(self, other: Num) -> Expr:
        return Bin("-", self, lift(other))

    def __rsub__(self, other: Num) -> Expr:
        return Bin("-", lift(other), self)

    def __mul__(self, other: Num) -> Expr:
        return Bin("*", self, lift(other))

    def __rmul__(self, other: Num) -> Expr:
        return Bin("*", lift(other), self)

    def __truediv__(self, other: Num) -> Expr:
        return Bin("/", self, lift(other))

    def __rtruediv__(self, other: Num) -> Expr:
        return Bin("/", lift(other), self)

    def __neg__(self) -> Expr:
        return Bin("-", Const(Decimal(0)), self)


Num = Expr | Decimal | int


def lift(x: Num) -> Expr:
    return x if isinstance(x, Expr) else Const(Decimal(x))


def _num(d: Decimal) -> str:
    text = format(d.normalize(), "f") if d == d.to_integral_value() else format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"({text})" if text.startswith("-") else text


class Const(Expr):
    __slots__ = ()

    def __init__(self, value: Decimal) -> None:
        self.value = value

    def excel(self, refs: Refs) -> str:
        return _num(self.value)


class Input(Expr):
    """A negotiable input: ``name`` is the workbook's defined name, ``value`` the quote's figure."""

    __slots__ = ("name",)

    def __init__(self, name: str, value: Decimal) -> None:
        self.name, self.value = name, value

    def excel(self, refs: Refs) -> str:
        return refs.input(self.name)


class Leaf(Expr):
    """A usage quantity (``key`` as in :func:`quoter.pricing.usage.leaves`)."""

    __slots__ = ("key",)

    def __init__(self, key: str, value: Decimal) -> None:
        self.key, self.value = key, value

    def excel(self, refs: Refs) -> str:
        return refs.leaf(self.key)

    def leaves(self) -> Iterable[str]:
        return (self.key,)


class Ref(Expr):
    """A named result; the workbook refers to its cell when it laid one out."""

    __slots__ = ("key", "expr")

    def __init__(self, key: str, expr: Expr) -> None:
        self.key, self.expr, self.value = key, expr, expr.value

    def excel(self, refs: Refs) -> str:
        cell = refs.ref(self.key)
        return cell if cell is not None else f"({self.expr.excel(refs)})"

    def inner(self) -> Expr:
        return self.expr.inner()

    def children(self) -> tuple[Expr, ...]:
        return (self.expr,)

    def leaves(self) -> Iterable[str]:
        return self.expr.leaves()


_OPS: dict[str, Callable[[Decimal, Decimal], Decimal]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
}


class Bin(Expr):
    __slots__ = ("op", "a", "b")

    def __init__(self, op: str, a: Expr, b: Expr) -> None:
        self.op, self.a, self.b = op, a, b
        self.value = _OPS[op](a.value, b.value)

    def excel(self, refs: Refs) -> str:
        left, right = self.a.excel(refs), self.b.excel(refs)
        if self.op in "*/" and isinstance(self.a, Bin) and self.a.op in "+-":
            left = f"({left})"
        if isinstance(self.b, Bin) and (self.op in "/-" or (self.op == "*" and self.b.op in "+-/")):
            right = f"({right})"
        return f"{left}{self.op}{right}"

    def children(self) -> tuple[Expr, ...]:
        return (self.a, self.b)

    def leaves(self) -> Iterable[str]:
        return (*self.a.leaves(), *self.b.leaves())


class Round(Expr):
    """``x`` rounded to a multiple of ``step`` like :func:`quoter.money.round_to` (half away from zero, or up)."""

    __slots__ = ("x", "step", "mode")

    def __init__(self, x: Expr, step: Decimal, mode: RoundingMode = "half_up") -> None:
        self.x, self.step, self.mode = x, step, mode
        self.value = round_to(x.value, step, mode)

    def excel(self, refs: Refs) -> str:
        inner = self.x.excel(refs)
        s = _num(self.step)
        if self.mode == "up":
            return f"CEILING({inner},{s})"
        if self.step == 1:
            return f"ROUND({inner},0)"
        if self.step < 1:
            exponent = self.step.normalize().as_tuple().exponent
            return f"ROUND({inner},{-int(exponent)})"
        return f"ROUND(({inner})/{s},0)*{s}"

    def children(self) -> tuple[Expr, ...]:
        return (self.x,)

    def leaves(self) -> Iterable[str]:
        return self.x.leaves()


class WholeUp(Expr):
    """The next whole number at or above ``x`` (seats, people)."""

    __slots__ = ("x",)

    def __init__(self, x: Expr) -> None:
        self.x = x
        self.value = x.value.to_integral_value(rounding=ROUND_CEILING)

    def excel(self, refs: Refs) -> str:
        return f"CEILING({self.x.excel(refs)},1)"

    def children(self) -> tuple[Expr, ...]:
        return (self.x,)

    def leaves(self) -> Iterable[str]:
        return self.x.leaves()


class Fn(Expr):
    """``MIN``, ``MAX`` or ``SUM`` of its arguments."""

    __slots__ = ("name", "args")
    _FNS: dict[str, Callable[[list[Decimal]], Decimal]] = {
        "MIN": min,
        "MAX": max,
        "SUM": lambda xs: sum(xs, Decimal(0)),
    }

    def __init__(self, name: str, args: Iterable[Num]) -> None:
        self.name, self.args = name, tuple(lift(a) for a in args)
        self.value = self._FNS[name]([a.value for a in self.args])

    def excel(self, refs: Refs) -> str:
        if self.name == "SUM" and not self.args:
            return "0"
        if self.name == "SUM":
            text = "+".join(a.excel(refs) for a in self.args)
            return f"({text})" if len(self.args) > 1 else text
        return f"{self.name}({','.join(a.excel(refs) for a in self.args)})"

    def children(self) -> tuple[Expr, ...]:
        return self.args

    def leaves(self) -> Iterable[str]:
        return tuple(k for a in self.args for k in a.leaves())


class IfPositive(Expr):
    """``then`` when ``cond`` > 0, else ``other`` (a per-unit price of a channel with no units is 0)."""

    __slots__ = ("cond", "then", "other")

    def __init__(self, cond: Expr, then: Callable[[], Expr], other: Num = 0) -> None:
        self.cond, self.other = cond, lift(other)
        self.then = then() if cond.value > 0 else _Lazy(then)
        self.value = self.then.value if cond.value > 0 else self.other.value

    def excel(self, refs: Refs) -> str:
        return f"IF({self.cond.excel(refs)}>0,{self.then.excel(refs)},{self.other.excel(refs)})"

    def children(self) -> tuple[Expr, ...]:
        return (self.cond, self.then, self.other)

    def leaves(self) -> Iterable[str]:
        return (*self.cond.leaves(), *self.then.leaves(), *self.other.leaves())


class _Lazy(Expr):
    """A branch not taken in the engine (its value would divide by zero), still printable for the workbook."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Expr]) -> None:
        self.make, self.value = make, Decimal(0)

    def excel(self, refs: Refs) -> str:
        with localcontext() as ctx:  # the branch's values may divide by zero; only its text is wanted
            ctx.traps[DivisionByZero] = False
            ctx.traps[InvalidOperation] = False
            return self.make().excel(refs)

    def leaves(self) -> Iterable[str]:
        return ()


def collect_leaves(exprs: Iterable[Expr]) -> dict[str, Decimal]:
    """Every :class:`Leaf` below ``exprs``, key -> value (the workbook's grid row for one staffing run)."""
    out: dict[str, Decimal] = {}
    seen: set[int] = set()
    stack = list(exprs)
    while stack:
        e = stack.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, Leaf):
            out[e.key] = e.value
        stack.extend(e.children())
    return out


def total(xs: Iterable[Num]) -> Expr:
    return Fn("SUM", xs)


class InlineRefs:
    """Refs that write everything inline with the leaf values as numbers: for tests and debugging."""

    def __init__(self, leaves: Mapping[str, Decimal], inputs: Mapping[str, Decimal]) -> None:
        self._leaves, self._inputs = leaves, inputs

    def input(self, name: str) -> str:
        return _num(self._inputs[name])

    def leaf(self, key: str) -> str:
        return _num(self._leaves[key])

    def ref(self, key: str) -> str | None:
        return None

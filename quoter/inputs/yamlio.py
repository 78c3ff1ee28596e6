"""Load YAML into a pydantic model, reporting every problem with its path and line.

This is the one place where input files become validated models (requirements, price books,
company profiles): a missing file, broken YAML, an unknown key (with the nearest valid one),
or a bad value each become an :class:`~quoter.errors.InputError` listing
``path.to.field: message (line N)``.
"""

from __future__ import annotations

import difflib
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from yaml.composer import Composer
from yaml.constructor import BaseConstructor
from yaml.resolver import Resolver

from quoter.errors import InputError
from quoter.limits import YAML_MAX_ALIASES, YAML_MAX_BYTES, YAML_MAX_DEPTH, YAML_MAX_NODES

M = TypeVar("M", bound=BaseModel)
Loc = tuple[str | int, ...]


class Refused(yaml.YAMLError):  # type: ignore[misc]  # yaml is untyped here
    """A YAML file refused while composing (too big, too deep, too many aliases, a duplicate key)."""

    def __init__(self, where: Loc, problem: str, mark: Any) -> None:
        self.where, self.problem, self.mark = where, problem, mark
        super().__init__(problem)


class _Guard:
    """A composer mixin that refuses alias bombs, deep or huge documents and duplicate keys while
    composing, before anything is constructed: every node counts once, and an alias counts the nodes
    of what it refers to (so "billion laughs" stops at the first level that exceeds the limit)."""

    # Python's composer, even when the events come from libyaml's parser (whose own composer is in C)
    get_single_node = Composer.get_single_node
    compose_document = Composer.compose_document
    compose_scalar_node = Composer.compose_scalar_node
    compose_sequence_node = Composer.compose_sequence_node

    def _guard_init(self) -> None:
        self._aliases = 0
        self._nodes = 0
        self._depth = 0
        self._deepest = 0
        self._path: list[str | int] = []
        self._size: dict[int, tuple[int, int]] = {}  # id(node) -> (nodes, height) once composed

    def _refuse(self, problem: str, mark: Any) -> None:
        raise Refused(tuple(self._path), problem, mark)

    def compose_node(self, parent: Any, index: Any) -> Any:
        if not hasattr(self, "_size"):
            self._guard_init()
        part: str | int = index.value if isinstance(index, yaml.ScalarNode) else index if index is not None else "?"
        if parent is not None:
            self._path.append(part)
        try:
            return self._compose_counted(parent, index)
        finally:
            if parent is not None:
                self._path.pop()

    def _compose_counted(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > YAML_MAX_ALIASES:
                self._refuse(f"more than {YAML_MAX_ALIASES} aliases (YAML_MAX_ALIASES)", event.start_mark)
            node = Composer.compose_node(self, parent, index)
            if id(node) not in self._size:
                self._refuse("an alias refers to the collection that contains it", event.start_mark)
            nodes, height = self._size[id(node)]
            self._count(nodes, self._depth + height, event.start_mark)
            return node
        self._count(1, self._depth + 1, event.start_mark)
        start, outer = self._nodes, self._deepest
        self._depth += 1
        self._deepest = self._depth
        try:
            node = Composer.compose_node(self, parent, index)
        finally:
            self._depth -= 1
        self._size[id(node)] = (self._nodes - start + 1, self._deepest - self._depth)
        self._deepest = max(outer, self._deepest)
        return node

    def _count(self, nodes: int, depth: int, mark: Any) -> None:
        self._nodes += nodes
        self._deepest = max(self._deepest, depth)
        if self._nodes > YAML_MAX_NODES:
            self._refuse(f"more than {YAML_MAX_NODES:,} values once aliases are expanded (YAML_MAX_NODES)", mark)
        if depth > YAML_MAX_DEPTH:
            self._refuse(f"nested more than {YAML_MAX_DEPTH} levels deep (YAML_MAX_DEPTH)", mark)

    def compose_mapping_node(self, anchor: Any) -> Any:
        node = Composer.compose_mapping_node(self, anchor)
        first: dict[str, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                continue
            line = key_node.start_mark.line + 1
            if key_node.value in first:
                self._path.append(key_node.value)
                self._refuse(
                    f"duplicate key '{key_node.value}' (lines {first[key_node.value]} and {line})",
                    None,
                )
            first[key_node.value] = line
        return node


_GUARDED: dict[type[Any], type[Any]] = {}


def _guarded(loader: type[yaml.SafeLoader]) -> type[Any]:
    """``loader`` with the :class:`_Guard` composer; events come from libyaml when it is installed (the
    pure-Python scanner takes seconds for a megabyte of scalars), composing stays here, in Python."""
    if loader not in _GUARDED:
        c_parser = getattr(getattr(yaml, "cyaml", None), "CParser", None)
        if c_parser is None:
            _GUARDED[loader] = type(f"Guarded{loader.__name__}", (_Guard, loader), {})
        else:

            def __init__(self: Any, stream: str) -> None:
                c_parser.__init__(self, stream)
                Composer.__init__(self)
                BaseConstructor.__init__(self)
                Resolver.__init__(self)

            _GUARDED[loader] = type(f"GuardedC{loader.__name__}", (_Guard, c_parser, loader), {"__init__": __init__})
    return _GUARDED[loader]


def _line_map(root: yaml.Node) -> dict[Loc, int]:
    """Map each key path of a composed YAML document to its 1-based line.

    A node reached again through an alias is not walked again (an alias bomb would otherwise cost
    memory and time in the number of references, not in the size of the file)."""
    out: dict[Loc, int] = {}
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, Loc]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        out.setdefault(path, node.start_mark.line + 1)
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key = key_node.value
                out.setdefault((*path, key), key_node.start_mark.line + 1)
                stack.append((value_node, (*path, key)))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                out.setdefault((*path, i), item.start_mark.line + 1)
                stack.append((item, (*path, i)))
    return out


def _read_text(path: Path, what: str) -> str:
    try:
        with path.open("rb") as f:
            raw = f.read(YAML_MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{what} file not found: {path}") from None
    except (IsADirectoryError, PermissionError, OSError) as exc:
        raise InputError(f"cannot read {what} file {path}: {exc}") from None
    if len(raw) > YAML_MAX_BYTES:
        raise InputError(f"{path}: a {what} file must not be larger than {YAML_MAX_BYTES:,} bytes (YAML_MAX_BYTES)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot read {what} file {path}: {exc}") from None


def _count_events(path: Path, text: str) -> None:
    """Refuse a file of more than YAML_MAX_NODES events at libyaml's speed, before composing in Python."""
    c_parser = getattr(getattr(yaml, "cyaml", None), "CParser", None)
    if c_parser is None:
        return
    try:
        events = c_parser(text).raw_parse()
    except yaml.YAMLError:
        return  # reported with its line by the real parse
    if events > YAML_MAX_NODES + 4:  # stream and document start and end
        raise InputError(f"{path}: refused: more than {YAML_MAX_NODES:,} values (YAML_MAX_NODES)")


def read_yaml(path: Path, what: str, loader: type[yaml.SafeLoader] = yaml.SafeLoader) -> tuple[Any, dict[Loc, int]]:
    """Parse a YAML file (one pass, with ``loader``); return its data and the line of every key path."""
    text = _read_text(path, what)
    _count_events(path, text)
    try:
        parser = _guarded(loader)(text)
        try:
            node = parser.get_single_node()
            data = parser.construct_document(node) if node is not None else None
        finally:
            parser.dispose()
    except Refused as exc:
        where = ".".join(str(p) for p in exc.where) or "(top level)"
        line = f" (line {exc.mark.line + 1})" if exc.mark is not None else ""
        raise InputError(f"{path}: refused", [f"{where}: {exc.problem}{line}"]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(f"{path}: broken YAML{where}: {problem}") from None
    except RecursionError:
        raise InputError(f"{path}: refused: nested too deeply") from None
    lines = _line_map(node) if node is not None else {}
    return data, lines


def check_timezone(name: str) -> str:
    """A pydantic validator body: ``name`` must be an IANA time zone."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"'{name}' is not an IANA time zone such as Asia/Tehran") from None
    return name


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The pydantic model class that holds the field at ``loc`` (for nearest-key hints)."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            plugin = getattr(current, "section_model", None)  # a registry's section (channels, tariff models)
            if field is None and plugin is not None:
                current = plugin(str(part))
                continue
            if field is None:
                return None
            current = field.annotation
        elif typing.get_origin(current) in (dict, list, tuple):
            args = typing.get_args(current)
            current = args[-1] if args else None
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(tp: Any) -> Any:
    """Strip Optional/Union/Annotated down to the first pydantic model or container inside."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        for a in args:
            u = _unwrap(a)
            if (isinstance(u, type) and issubclass(u, BaseModel)) or typing.get_origin(u) in (dict, list):
                return u
        return args[0] if args else tp
    return tp


def _clean_loc(loc: Loc) -> Loc:
    """Drop pydantic's union-branch and validator tags (e.g. 'function-after[...]')."""
    return tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p.startswith("function-"))))


def _field_prefix(model: type[BaseModel], loc: Loc, msg: str) -> tuple[Loc, str]:
    """A cross-field message ``"languages: shares sum to 0.9"`` raised by the model at ``loc`` is
    located at ``loc + ("languages",)`` when ``languages`` is one of that model's fields."""
    head, sep, rest = msg.partition(": ")
    parts = head.split(".")
    if not sep or not all(p.isidentifier() for p in parts):
        return loc, msg
    holder = _model_at(model, loc)
    if holder is None or parts[0] not in holder.model_fields:
        return loc, msg
    return (*loc, *parts), rest


def format_errors(exc: ValidationError, model: type[BaseModel], lines: dict[Loc, int]) -> list[str]:
    """One ``path: message (line N)`` string per pydantic error."""
    problems: list[str] = []
    seen: set[str] = set()
    for err in exc.errors(include_url=False):
        loc = _clean_loc(tuple(err["loc"]))
        path = ".".join(str(p) for p in loc) or "(top level)"
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            parent = _model_at(model, loc[:-1])
            msg = "unknown key"
            if parent is not None:
                close = difflib.get_close_matches(str(loc[-1]), list(parent.model_fields), n=1, cutoff=0.5)
                if close:
                    msg += f"; did you mean '{close[0]}'?"
                else:
                    msg += f"; valid keys: {', '.join(parent.model_fields)}"
        elif err["type"] == "missing":
            msg = "required key is missing"
        elif msg.startswith("Value error, "):
            msg = msg[len("Value error, ") :]
            loc, msg = _field_prefix(model, loc, msg)
            path = ".".join(str(p) for p in loc) or "(top level)"
        line = None
        probe = loc
        while probe and line is None:
            line = lines.get(probe)
            probe = probe[:-1]
        text = f"{path}: {msg}" + (f" (line {line})" if line else "")
        if text not in seen:
            seen.add(text)
            problems.append(text)
    return problems


def load_model(path: str | Path, model: type[M], what: str, loader: type[yaml.SafeLoader] = yaml.SafeLoader) -> M:
    """Read ``path`` as YAML and validate it as ``model``; raise InputError listing every problem."""
    p = Path(path)
    data, lines = read_yaml(p, what, loader)
    if not isinstance(data, dict):
        raise InputError(f"{p}: a {what} file must be a YAML mapping of keys to values")
    return validate(data, model, what=f"{p}", lines=lines)


def validate(data: Any, model: type[M], what: str, lines: dict[Loc, int] | None = None) -> M:
    """Validate already-parsed data as ``model``, turning pydantic errors into one InputError."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = format_errors(exc, model, lines or {})
        n = len(problems)
        raise InputError(f"{what}: {n} problem{'s' if n > 1 else ''}", problems) from None

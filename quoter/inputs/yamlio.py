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

from quoter.errors import InputError

M = TypeVar("M", bound=BaseModel)
Loc = tuple[str | int, ...]


def _line_map(node: yaml.Node, path: Loc = (), out: dict[Loc, int] | None = None) -> dict[Loc, int]:
    """Map each key path of a composed YAML document to its 1-based line."""
    out = {} if out is None else out
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            out[(*path, key)] = key_node.start_mark.line + 1
            _line_map(value_node, (*path, key), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out[(*path, i)] = item.start_mark.line + 1
            _line_map(item, (*path, i), out)
    return out


def read_yaml(path: Path, what: str, loader: type[yaml.SafeLoader] = yaml.SafeLoader) -> tuple[Any, dict[Loc, int]]:
    """Parse a YAML file (one pass, with ``loader``); return its data and the line of every key path."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{what} file not found: {path}") from None
    except (IsADirectoryError, PermissionError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {what} file {path}: {exc}") from None
    try:
        parser = loader(text)
        try:
            node = parser.get_single_node()
            data = parser.construct_document(node) if node is not None else None
        finally:
            parser.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(f"{path}: broken YAML{where}: {problem}") from None
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

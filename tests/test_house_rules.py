"""House rules checked on the source: short functions, a core that never imports the CLI's libraries, and no
Persian wording outside the renderers."""

from __future__ import annotations

import ast
import re

from .conftest import ROOT

PACKAGE = ROOT / "quoter"
PERSIAN = re.compile(r"[\u0600-\u06FF]")


def _modules():
    return sorted(PACKAGE.rglob("*.py"))


def test_no_function_over_60_lines():
    long = [
        f"{p.relative_to(ROOT)}:{n.lineno} {n.name} ({n.end_lineno - n.lineno + 1} lines)"
        for p in _modules()
        for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and n.end_lineno - n.lineno + 1 > 60
    ]
    assert not long, long


def _cli_layer(p):
    """The command line is quoter/cli.py and the command groups of quoter/commands/."""
    rel = p.relative_to(PACKAGE)
    return rel.as_posix() == "cli.py" or rel.parts[0] == "commands"


def _imported(p):
    for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
        if isinstance(n, ast.Import):
            yield from (a.name for a in n.names)
        elif isinstance(n, ast.ImportFrom):
            yield n.module or ""


def test_only_the_cli_imports_typer_or_rich():
    offenders = [
        f"{p.relative_to(ROOT)}: {m}"
        for p in _modules()
        if not _cli_layer(p)
        for m in _imported(p)
        if m.split(".")[0] in ("typer", "rich", "click", "questionary")
    ]
    assert not offenders, offenders


def test_the_core_never_imports_the_cli():
    offenders = [
        f"{p.relative_to(ROOT)}: {m}"
        for p in _modules()
        if not _cli_layer(p)
        for m in _imported(p)
        if m == "quoter.cli" or m.startswith("quoter.commands")
    ]
    assert not offenders, offenders


def test_no_persian_wording_in_engine_modules():
    engine = [p for p in _modules() if "render" not in p.relative_to(PACKAGE).parts]
    found = [str(p.relative_to(ROOT)) for p in engine if PERSIAN.search(p.read_text(encoding="utf-8"))]
    assert not found, found


def test_the_core_never_prints_or_exits():
    found = []
    for p in _modules():
        if p.name == "cli.py" or p.name == "schema.py":  # schema.py's ``python -m`` entry point prints on purpose
            continue
        for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("print", "exit", "quit"):
                found.append(f"{p.relative_to(ROOT)}:{n.lineno} {n.func.id}()")
            if isinstance(n, ast.Attribute) and n.attr == "exit" and getattr(n.value, "id", "") == "sys":
                found.append(f"{p.relative_to(ROOT)}:{n.lineno} sys.exit")
    assert not found, found

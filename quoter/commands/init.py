"""``quoter init``: the first sales call as an interview (questionary on a terminal; answers one per line on
standard input otherwise, a wrong one re-asked), or a filled intake form, written as a commented
requirements file that ``quoter quote`` accepts as it is."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from quoter.errors import InputError


def register(app: typer.Typer) -> None:
    @app.command("init")
    def init(
        file: Annotated[Path, typer.Argument(help="Requirements file to write.")] = Path("requirements.yaml"),
        lang: Annotated[str, typer.Option("--lang", help="Language of the questions and comments: en or fa.")] = "en",
        use_defaults: Annotated[bool, typer.Option("--defaults", help="Take every default; ask nothing.")] = False,
        source: Annotated[
            Path | None, typer.Option("--from", help="A filled intake form (.xlsx, see `quoter intake`).")
        ] = None,
        force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
    ) -> None:
        """Write a requirements file from an interview (or --defaults, or a filled intake form --from)."""
        from quoter.render.intake.yamlwriter import requirements_yaml

        if lang not in ("en", "fa"):
            raise InputError(f"--lang: '{lang}' is not one of en, fa")
        if file.suffix.lower() not in (".yaml", ".yml"):
            raise InputError(f"FILE: '{file.name}' must end in .yaml or .yml")
        if file.exists() and not force:
            raise InputError(f"{file} exists (use --force to overwrite it)")
        history: list[dict[str, Any]] = []
        if source is not None:
            data, history = _from_form(source)
            text = requirements_yaml(data, lang, source=f"quoter init --from {source.name}")
        else:
            text = requirements_yaml(_interview(lang, use_defaults).data(), lang)
        _write(file, text, history)


def _from_form(source: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    from quoter.render.intake.form import read_form
    from quoter.render.intake.reading import validate_filled

    filled = read_form(source)
    validate_filled(filled, source)  # every bad cell, or nothing written
    return filled.data, filled.history


def _write(file: Path, text: str, history: list[dict[str, Any]]) -> None:
    """The file (and the form's interval history beside it as CSV, when it had some): both, or neither."""
    import csv

    from quoter.outputs import Staging

    with Staging(file.parent if str(file.parent) else Path(".")) as stage:
        staged = stage.path(file.name, file)
        staged.write_text(text, encoding="utf-8")
        if history:
            target = file.with_name(f"{file.stem}-history.csv")
            with stage.path(target.name, target).open("w", newline="", encoding="utf-8") as f:
                writer = csv.DictWriter(f, fieldnames=list(history[0]))
                writer.writeheader()
                writer.writerows(history)
    for p in stage.written:
        typer.echo(f"Wrote {p}", err=True)


def _interview(lang: str, use_defaults: bool) -> Any:
    from quoter.render.intake.interview import Interview, defaults

    if use_defaults:
        return defaults(lang)
    iv = Interview(lang)
    if sys.stdin.isatty():
        _ask_on_terminal(iv)
    else:
        _ask_piped(iv)
    return iv


def _ask_piped(iv: Any) -> None:
    """One answer a line; an empty line takes the default; a wrong answer's message, then the next line."""
    while (q := iv.next()) is not None:
        default = f" [{q.default}]" if q.default else ""
        typer.echo(f"{iv.prompt(q)}{default}", err=True)
        for value, en, fa in q.choices:
            typer.echo(f"  {value}: {fa if iv.lang == 'fa' else en}", err=True)
        while True:
            line = sys.stdin.readline()
            if not line:
                if q.default is None:
                    raise InputError(f"standard input ended before an answer to: {iv.prompt(q)}")
                line = ""
            problem = iv.ask(q, line.rstrip("\n"))
            if problem is None:
                break
            if not line:
                raise InputError(f"{q.key}: {problem}")
            typer.echo(f"  {problem}", err=True)


def _ask_on_terminal(iv: Any) -> None:
    import questionary

    while (q := iv.next()) is not None:
        while True:
            answer = _question(questionary, iv, q).ask()
            if answer is None:  # Ctrl-C or Escape
                raise typer.Abort()
            text = ", ".join(answer) if isinstance(answer, list) else str(answer)
            problem = iv.ask(q, text)
            if problem is None:
                break
            questionary.print(f"  {problem}", style="fg:red")


def _question(questionary: Any, iv: Any, q: Any) -> Any:
    prompt = iv.prompt(q)
    lines = {c[0]: c[2] if iv.lang == "fa" else c[1] for c in q.choices}
    if q.choices and q.multiple:
        return questionary.checkbox(prompt, choices=[questionary.Choice(f"{v} - {t}", v) for v, t in lines.items()])
    if q.choices:
        choices = [questionary.Choice(f"{v} - {t}", v) for v, t in lines.items()]
        return questionary.select(prompt, choices=choices, default=q.default if q.default in lines else None)
    return questionary.text(prompt, default=q.default or "")

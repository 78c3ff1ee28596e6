"""``quoter intake``: the request-for-information workbook a client fills (``quoter quote FORM.xlsx`` and
``quoter init --from FORM.xlsx`` read it back)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quoter.errors import InputError


def register(app: typer.Typer) -> None:
    @app.command("intake")
    def intake(
        xlsx: Annotated[Path, typer.Option("--xlsx", help="The form to write (.xlsx).")],
        lang: Annotated[str, typer.Option("--lang", help="fa (right to left) or en.")] = "en",
        prefill: Annotated[
            Path | None, typer.Option("--from", help="Fill the form from a requirements file (to check it back).")
        ] = None,
    ) -> None:
        """Write a request-for-information workbook for the client to fill (drop-downs, ranges, instructions)."""
        from quoter.outputs import Staging
        from quoter.render.intake.form import write_form

        if lang not in ("en", "fa"):
            raise InputError(f"--lang: '{lang}' is not one of en, fa")
        if xlsx.suffix.lower() != ".xlsx":
            raise InputError(f"--xlsx: '{xlsx.name}' must end in .xlsx")
        req = None
        if prefill is not None:
            from quoter.inputs.requirements import load_requirements

            req = load_requirements(prefill)
        with Staging(xlsx.parent) as stage:
            write_form(stage.path(xlsx.name, xlsx), lang, req)
        typer.echo(f"Wrote {xlsx}", err=True)

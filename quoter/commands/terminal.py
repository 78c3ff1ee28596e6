"""The terminal: a command's result as rich tables and panels when standard output is a terminal, the same
plain text as ever when it is piped (scripts and tests read that); and a progress display of the core's slow
steps (:mod:`quoter.progress`) on standard error when it is a terminal, unless ``--quiet``.

rich is imported only here, and only when a terminal is there to draw on, so ``quoter --help`` stays fast.
The plain text is the one source: tables are read back from its layout (a header, a dashed line, rows whose
columns are two or more spaces apart), so every summary function stays as it is.
"""

from __future__ import annotations

import contextlib
import re
import sys
from typing import Any, Literal

import typer

STEP_NAMES = {
    "shifts": "Planning shifts (queues)",
    "pdf": "Converting to PDF (LibreOffice runs)",
    "simulate": "Simulating",
    "history": "Importing history",
    "recalc": "Recalculating the workbook",
}
_CONSOLE: list[Any] = []  # a console to draw on instead of the terminal's (recording a session)
_HEADING = re.compile(r"^([A-Z][A-Z-]+(?:[ ,][A-Z-]{2,})*)\b")


def register(app: typer.Typer) -> None:
    """No command of its own: the terminal is set up by the app's ``--quiet`` option (:func:`setup`)."""


def _console(stderr: bool = False) -> Any:
    if _CONSOLE:
        return _CONSOLE[0]
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def setup(ctx: typer.Context, quiet: bool) -> None:
    """Show the slow steps' progress for the rest of the command, on a terminal and unless ``quiet``."""
    if quiet or not (_CONSOLE or sys.stderr.isatty()):
        return
    from quoter import progress

    display = ProgressDisplay(_console(stderr=True), live=not _CONSOLE)
    ctx.with_resource(display)
    ctx.with_resource(progress.listening(display))


class ProgressDisplay:
    """A :data:`quoter.progress.Listener` drawing one rich progress bar per running step while steps run
    (``live``: on a terminal) and leaving each finished step's bar as a line of the session's log."""

    def __init__(self, console: Any, live: bool = True) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.live = live
        self.progress = Progress(SpinnerColumn(finished_text="[green]✓[/]"), TextColumn("{task.description}"),
                                 BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console,
                                 transient=True, auto_refresh=live)  # fmt: skip
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> ProgressDisplay:
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def __call__(self, event: Any) -> None:
        if event.kind == "start":
            if self.live and not self.tasks:
                self.progress.start()
            name = STEP_NAMES.get(event.step, event.step)
            self.tasks[event.step] = self.progress.add_task(name, total=event.total)
        elif event.step in self.tasks:
            task = self.tasks[event.step]
            self.progress.update(task, completed=event.done)
            if event.kind == "end":
                self.progress.update(task, total=event.total or event.done or 1, completed=event.total or 1)
                self._finish(task)
                del self.tasks[event.step]

    def _finish(self, task: Any) -> None:
        """Stop the live bars when no step runs any more, and log the finished one."""
        self.progress.stop_task(task)
        done = [t for t in self.progress.tasks if t.id == task]
        if len(self.tasks) == 1:
            self.progress.stop()
        self.progress.console.print(self.progress.make_tasks_table(done))
        self.progress.remove_task(task)


def show(text: str) -> None:
    """Print a command's result: rich on a terminal, ``text`` itself otherwise."""
    if not (_CONSOLE or sys.stdout.isatty()):
        typer.echo(text)
        return
    render(text, _console())


def render(text: str, console: Any) -> None:
    """``text`` (a summary as printed when piped) drawn with rich: tables, headings, a panel per verdict."""
    from rich.panel import Panel
    from rich.text import Text

    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if i + 1 < len(lines) and line.strip() and lines[i + 1] and set(lines[i + 1]) == {"-"}:
            end = next((j for j in range(i + 2, len(lines)) if not lines[j].strip()), len(lines))
            table = _table(line, lines[i + 2 : end])
            console.print(table if table is not None else Text("\n".join(lines[i:end])))
            i = end
            continue
        match = _HEADING.match(line)
        if line.startswith("RECOMMENDATION:"):
            console.print(Panel(Text(line.partition(": ")[2]), title="Recommendation", border_style="green"))
        elif match and len(match.group(1)) >= 4:
            styled = Text(line)
            styled.stylize("bold cyan", 0, match.end())
            console.print(styled)
        else:
            console.print(Text(line))
        i += 1


def _table(header: str, rows: list[str]) -> Any:
    """A plain table (columns two or more spaces apart in every line) as a rich Table; None if it is not one."""
    from rich import box
    from rich.table import Table

    block = [header, *rows]
    width = max(len(x) for x in block)
    padded = [x.ljust(width) for x in block]
    blank = [all(x[k] == " " for x in padded) for k in range(width)]
    spans, start, k = [], 0, 0
    while k < width:
        if blank[k] and k + 1 < width and blank[k + 1]:
            run = k
            while k < width and blank[k]:
                k += 1
            spans.append((start, run))
            start = k
        else:
            k += 1
    spans.append((start, width))
    if len(spans) < 2:
        return None
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    for a, b in spans:
        table.add_column(header[a:b].strip(), justify=_justify([x[a:b] for x in padded]))
    for row in padded[1:]:
        cells = [row[a:b].strip() for a, b in spans]
        table.add_row(*cells, style="bold" if cells[0] in ("total", "Total") else None)
    return table


def _justify(column: list[str]) -> Literal["left", "right"]:
    """How a column of padded cells was aligned: right when every cell ends at its edge but not all start at
    theirs; left the other way round; when every cell fills the column, right for numbers."""
    cells = [c for c in column if c.strip()]
    starts, ends = all(c[0] != " " for c in cells), all(c[-1] != " " for c in cells)
    if starts != ends:
        return "left" if starts else "right"
    return "right" if all(re.fullmatch(r"[-+0-9.,%()/ ]+[A-Za-z%]*", c.strip()) for c in cells[1:]) else "left"


def record(argv: list[str], svg: str, width: int = 150, title: str = "quoter") -> None:
    """Run ``quoter argv`` in this process drawing on a recording console (progress kept), saved as ``svg``."""
    import io

    from rich.console import Console

    from quoter.cli import main

    console = Console(record=True, width=width, force_terminal=True, file=io.StringIO(), highlight=False)
    _CONSOLE.append(console)
    try:
        console.print(_prompt(argv))
        with contextlib.suppress(SystemExit):
            main(argv)
    finally:
        _CONSOLE.clear()
    console.save_svg(svg, title=title)


def _prompt(argv: list[str]) -> Any:
    from rich.text import Text

    return Text("$ quoter " + " ".join(argv), style="bold green")

"""The README's library example runs as written (and its figures are the ones it states)."""

from __future__ import annotations

import contextlib
import io
import os
import re

from .conftest import ROOT


def test_readme_library_example_runs():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Using it as a library") :]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code, "the README has a library example"
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code.group(1), "README.md", "exec"), {})  # noqa: S102
    finally:
        os.chdir(cwd)
    lines = out.getvalue().split("\n")
    assert len(lines[0].split()) == 3 and len(lines[1].split()) == 2  # plan totals; per-call price and total

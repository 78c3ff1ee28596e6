"""Recalculate the negotiation workbook in-process with the ``formulas`` library (no LibreOffice).

``recalculate(path, margin=0.16, volume_change=-0.2)`` sets named input cells, recalculates every
formula the defined names depend on and returns each defined name's value as a Decimal, plus
``with_vat_<key>``: the VAT-inclusive cell (column E) on the row of each ``tariff_<key>``, the cell
the LibreOffice test reads for the fixed fee. Values are converted as ``Decimal(str(float))``, the
same way tests/test_workbook.py reads LibreOffice's results; nothing is rounded here.

The model of a file is built once (from the defined names' cells and what they reference, not the
whole workbook) and cached by path, size and modification time, so several input sets on one file
cost one load. A formula error (#VALUE!, #N/A, ...) in any returned cell raises ``RecalcError``.
"""

from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("TQDM_DISABLE", "1")  # formulas draws a progress bar while it loads a model

_REF = re.compile(r"^'?\[(?P<book>[^\]]+)\](?P<sheet>.+?)'?!(?P<ref>\$?[A-Z]+\$?\d+)$")


class RecalcError(AssertionError):
    """A returned cell holds an Excel error, or an input is not a named input cell."""


class Recalculator:
    """One workbook loaded as a ``formulas`` model; call it with named inputs to recalculate."""

    def __init__(self, path: str | Path) -> None:
        import formulas
        from openpyxl import load_workbook

        self.path = Path(path).resolve()
        wb = load_workbook(self.path)
        self.cells: dict[str, tuple[str, str]] = {}  # name -> (sheet, A1 reference)
        self.inputs: set[str] = set()
        for name, dn in wb.defined_names.items():
            ((sheet, ref),) = list(dn.destinations)
            ref = ref.replace("$", "")
            self.cells[name] = (sheet, ref)
            if not str(wb[sheet][ref].value).startswith("="):
                self.inputs.add(name)
            if name.startswith("tariff_"):
                row = wb[sheet][ref].row
                self.cells["with_vat_" + name.removeprefix("tariff_")] = (sheet, f"E{row}")
        ranges = [f"'[{self.path}]{sheet}'!{ref}" for sheet, ref in self.cells.values()]
        self.model = formulas.ExcelModel().from_ranges(*ranges).finish()
        # node ids of the model, e.g. "'[bank-en.xlsx]INPUTS'!B5": map (SHEET, REF) -> id
        ids: dict[tuple[str, str], str] = {}
        for node in self.model.dsp.data_nodes:
            m = _REF.match(str(node))
            if m:
                ids[(m["sheet"].upper(), m["ref"].replace("$", ""))] = node
        self.ids = {name: ids[(sheet.upper(), ref)] for name, (sheet, ref) in self.cells.items()}

    def __call__(self, **inputs: float) -> dict[str, Decimal]:
        unknown = sorted(set(inputs) - self.inputs)
        if unknown:
            raise RecalcError(f"not named input cells: {unknown} (inputs are {sorted(self.inputs)})")
        solution = self.model.calculate(
            inputs={self.ids[name]: value for name, value in inputs.items()},
            outputs=list(self.ids.values()),
        )
        return {name: _decimal(name, solution[node]) for name, node in self.ids.items()}


def _decimal(name: str, ranges: Any) -> Any:
    """A named cell's value as a Decimal; a ``*_label`` name (a label built by a formula) as its text."""
    value = ranges.value[0, 0] if hasattr(ranges, "value") else ranges
    if name.endswith("_label") and isinstance(value, str):
        return value
    if isinstance(value, bool | str) or not isinstance(value, int | float) and not hasattr(value, "dtype"):
        raise RecalcError(f"{name}: {value!r} is not a number")  # an Excel error (XlError), text or empty
    try:
        number = float(value)
    except (TypeError, ValueError) as exc:
        raise RecalcError(f"{name}: {value!r} is not a number") from exc
    if number != number:  # NaN: formulas' stand-in for #NUM!
        raise RecalcError(f"{name}: NaN")
    return Decimal(str(number))


_CACHE: dict[tuple[Path, int, int], Recalculator] = {}


def recalculate(path: str | Path, **inputs: float) -> dict[str, Decimal]:
    """Set the named ``inputs`` of the workbook at ``path``, recalculate and return every named value."""
    p = Path(path).resolve()
    st = p.stat()
    key = (p, st.st_size, st.st_mtime_ns)
    if key not in _CACHE:
        _CACHE[key] = Recalculator(p)
    return _CACHE[key](**inputs)

"""In-process recalculation of the negotiation workbook: ``formulas`` against ``pycel``.

Run: python benchmarks/bench_recalc.py
Workbooks: examples/bank-sat-thu.yaml and examples/pars-retail-24x7.yaml (24/7, premiums), English,
ir-1405, shifts off. For each library and workbook (wall clock, one run each, libraries warmed up
on the first workbook so one-time imports are not counted):
- load: read the file into the library's model (formulas: the defined names' cells and what they
  reference, as tests/xlsx_eval.py does; pycel: ExcelCompiler, which reads lazily);
- calc: the first evaluation of every defined name and the VAT-inclusive tariff cells;
- recalc: change inputs (bank: volume -20 %; 24/7: wages +5 %, volume +15 %) and evaluate again;
- exact: both evaluations equal the engine's Decimal figures (compared as Decimal(str(value))).
pycel 1.0b30 (its last release, 2021) reads ``defined_names.definedName``, which openpyxl 3.1 removed;
it is patched here, in this process only, the way pycel's unreleased master reads the names.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TQDM_DISABLE", "1")  # formulas draws a progress bar while it loads a model

from quoter.inputs.pricebook import load_price_book  # noqa: E402
from quoter.inputs.requirements import load_requirements  # noqa: E402
from quoter.pricing.tariffs import model_keys  # noqa: E402
from quoter.quote.pipeline import build_quote  # noqa: E402
from quoter.render.workbook import write_workbook  # noqa: E402

PRICED = model_keys()


def expected(quote_dict: dict) -> dict[str, Decimal]:
    """The engine's figures the workbook tests compare (tests/test_workbook.py::_assert_matches)."""
    m = quote_dict["models"]
    out = {"monthly_total": Decimal(quote_dict["cost"]["monthly_total"])}
    out.update({f"tariff_{k}": Decimal(m[k]["monthly_at_forecast"]) for k in PRICED})
    out["price_per_call"] = Decimal(m["per_call"]["unit_price"])
    out["price_per_seat"] = Decimal(m["per_seat"]["unit_price"])
    out["price_hybrid"] = Decimal(m["hybrid"]["variable_rate"])
    out["with_vat_fixed"] = Decimal(m["fixed"]["monthly_with_vat"])
    return out


def wages(book, factor: str):
    raised = {tier: (w * Decimal(factor)).quantize(Decimal(1)) for tier, w in book.wages.agent.items()}
    return book.model_copy(update={"wages": book.wages.model_copy(update={"agent": raised})})


def cases(out: Path) -> list[tuple[str, Path, dict[str, float], dict, dict]]:
    """(label, workbook, changed inputs, engine at default, engine at the changed inputs)."""
    book = load_price_book("ir-1405")
    bank = load_requirements(ROOT / "examples" / "bank-sat-thu.yaml")
    q = build_quote(bank, book, shifts=False)
    changed = build_quote(bank.scaled(volume=0.8), book, shifts=False, scenarios=False)
    rows = [("bank", write_workbook(q, out / "bank.xlsx", "en"), {"volume_change": -0.2}, q, changed)]
    pars = load_requirements(ROOT / "examples" / "pars-retail-24x7.yaml")
    q = build_quote(pars, book, shifts=False)
    changed = build_quote(pars.scaled(volume=1.15), wages(book, "1.05"), shifts=False, scenarios=False)
    path = write_workbook(q, out / "pars.xlsx", "en")
    rows.append(("24/7", path, {"wage_change": 0.05, "volume_change": 0.15}, q, changed))
    return [(label, p, inputs, expected(a.to_dict()), expected(b.to_dict())) for label, p, inputs, a, b in rows]


def cells(path: Path) -> dict[str, tuple[str, str]]:
    """Defined name -> (sheet, A1 reference), plus with_vat_<key> (column E of each tariff row)."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    out = {}
    for name, dn in wb.defined_names.items():
        ((sheet, ref),) = list(dn.destinations)
        out[name] = (sheet, ref.replace("$", ""))
        if name.startswith("tariff_"):
            out["with_vat_" + name.removeprefix("tariff_")] = (sheet, f"E{wb[sheet][out[name][1]].row}")
    return out


def run_formulas(path: Path, inputs: dict[str, float]) -> tuple[float, float, float, dict, dict]:
    import formulas

    where = cells(path)
    t0 = time.perf_counter()
    model = formulas.ExcelModel().from_ranges(*(f"'[{path}]{s}'!{r}" for s, r in where.values())).finish()
    t1 = time.perf_counter()
    ids = {}
    for node in model.dsp.data_nodes:
        node = str(node)
        if "]" in node and "!" in node:
            sheet, ref = node.split("]", 1)[1].rsplit("!", 1)
            ids[(sheet.rstrip("'").upper(), ref)] = node
    node_of = {name: ids[(s.upper(), r)] for name, (s, r) in where.items()}
    outputs = list(node_of.values())
    sol = model.calculate(outputs=outputs)
    first = {n: sol[node_of[n]].value[0, 0] for n in where}
    t2 = time.perf_counter()
    sol = model.calculate(inputs={node_of[n]: v for n, v in inputs.items()}, outputs=outputs)
    second = {n: sol[node_of[n]].value[0, 0] for n in where}
    t3 = time.perf_counter()
    return t1 - t0, t2 - t1, t3 - t2, first, second


def _patch_pycel() -> None:
    from pycel import excelwrapper

    def defined_names(self):
        if self.workbook is not None and self._defined_names is None:
            self._defined_names = {}
            for d_name in self.workbook.defined_names.values():
                dest = [(alias, ws) for ws, alias in d_name.destinations if ws in self.workbook]
                if dest:
                    self._defined_names[str(d_name.name)] = dest
        return self._defined_names

    excelwrapper.ExcelOpxWrapper.defined_names = property(defined_names)


def run_pycel(path: Path, inputs: dict[str, float]) -> tuple[float, float, float, dict, dict]:
    from pycel import ExcelCompiler

    _patch_pycel()
    where = {n: f"{s}!{r}" for n, (s, r) in cells(path).items()}
    t0 = time.perf_counter()
    xl = ExcelCompiler(filename=str(path))
    t1 = time.perf_counter()
    first = {n: xl.evaluate(a) for n, a in where.items()}
    t2 = time.perf_counter()
    for n, v in inputs.items():
        xl.set_value(where[n], v)
    second = {n: xl.evaluate(a) for n, a in where.items()}
    t3 = time.perf_counter()
    return t1 - t0, t2 - t1, t3 - t2, first, second


def exact(got: dict, want: dict[str, Decimal]) -> list[str]:
    """Names whose value differs from the engine's (empty: exact)."""
    bad = []
    for name, value in want.items():
        try:
            ok = Decimal(str(float(got[name]))) == value
        except (TypeError, ValueError, ArithmeticError):
            ok = False
        if not ok:
            bad.append(f"{name}={got[name]!r} (engine {value})")
    return bad


def main() -> int:
    import pycel
    from formulas import __version__ as formulas_version

    versions = {"formulas": formulas_version, "pycel": getattr(pycel, "__version__", "?")}
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        workbooks = cases(Path(tmp))
        print(f"engine quotes and staffing grids: {time.perf_counter() - t0:.1f} s (not counted below)")
        for run in (run_formulas, run_pycel):  # warm-up: one-time imports and function tables
            run(workbooks[0][1], {})
        print(f"{'library':<16} {'workbook':<8} {'load s':>7} {'calc s':>7} {'recalc s':>9}  exact")
        for lib, run in (("formulas", run_formulas), ("pycel", run_pycel)):
            for label, path, inputs, want_default, want_changed in workbooks:
                try:
                    load_s, calc_s, recalc_s, first, second = run(path, inputs)
                except Exception as exc:  # a library that cannot evaluate the workbook: say so, go on
                    print(f"{lib + ' ' + versions[lib]:<16} {label:<8} failed: {type(exc).__name__}: {exc}"[:200])
                    failures += 1
                    continue
                bad = exact(first, want_default) + exact(second, want_changed)
                print(f"{lib + ' ' + versions[lib]:<16} {label:<8} {load_s:7.2f} {calc_s:7.2f} {recalc_s:9.3f}  "
                      + ("yes" if not bad else "no: " + "; ".join(bad[:3])))  # fmt: skip
                failures += bool(bad)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

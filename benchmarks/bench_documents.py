"""Time to render the documents of one quote; run as ``python benchmarks/bench_documents.py``.

Input: tests/fixtures/quote_sample.json. Measures (best of several runs, wall clock):
- building both contexts (fa, en);
- rendering all eight .docx files (4 documents x 2 languages), budget 2 s;
- converting the eight files to PDF with one LibreOffice start, budget 20 s (skipped without soffice).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quoter.render.documents import build_context, render_documents  # noqa: E402
from quoter.render.documents.render import convert_to_pdf, find_soffice  # noqa: E402

BUDGET_DOCX_S = 2.0
BUDGET_PDF_S = 20.0


def best_of(fn, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _pages(folder: Path) -> str:
    if shutil.which("pdfinfo") is None:
        return "?"
    total = 0
    for pdf in folder.glob("*.pdf"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=False).stdout
        total += int(next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "0"))
    return str(total)


def main() -> int:
    quote = json.loads((ROOT / "tests" / "fixtures" / "quote_sample.json").read_text(encoding="utf-8"))
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        ctx_s = best_of(lambda: [build_context(quote, lang) for lang in ("fa", "en")], runs=20)
        docx_s = best_of(lambda: render_documents(quote, out_dir=out), runs=5)
        docx_files = sorted(out.glob("*.docx"))
        print(f"contexts (fa + en)              {ctx_s * 1000:8.1f} ms")
        print(f"render 8 .docx                  {docx_s * 1000:8.1f} ms  (budget {BUDGET_DOCX_S:.0f} s)")
        failures += docx_s > BUDGET_DOCX_S
        if find_soffice() is None:
            print("convert 8 .docx to PDF          skipped: LibreOffice (soffice) not installed")
        else:
            pdf_s = best_of(lambda: convert_to_pdf(docx_files, out), runs=3)
            print(f"convert 8 .docx to PDF          {pdf_s * 1000:8.1f} ms  (budget {BUDGET_PDF_S:.0f} s, "
                  f"one LibreOffice start, {_pages(out)} pages)")  # fmt: skip
            failures += pdf_s > BUDGET_PDF_S
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

"""How long quoter takes to refuse each hostile template (python benchmarks/bench_templates_hostile.py).

Each case renders one template into a scratch folder and prints the time to the TemplateError. The two
loop cases run up to the render deadline (quoter.limits.TEMPLATE_MAX_RENDER_SECONDS).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CASES = {
    "1/0": "{{ 1/0 }}",
    "syntax error": "{{ client.name ",
    "include": "{% include '/etc/passwd' %}",
    "10**(10**9)": "{{ 10**(10**9) }}",
    "huge product": "{{ 99999999999999999999999 * 99999999999999999999999 }}",
    "'x' * 10**8": "{{ 'x' * 100000000 }}",
    "2 x range(100000)": "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "2 x range(10000), deadline": "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
    "9000x9000 empty loop (allowed)": "{% set s = 'x' * 9000 %}"
    "{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}",
    "output cap": "{% for i in range(10000) %}{% for j in range(10000) %}{{ 'x' * 1000 }}{% endfor %}{% endfor %}",
}


def main() -> None:
    from docx import Document

    from quoter.errors import TemplateError
    from quoter.render.documents import render_documents

    quote = json.loads((ROOT / "tests" / "fixtures" / "quote_sample.json").read_text(encoding="utf-8"))
    for name, body in CASES.items():
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "t" / "en").mkdir(parents=True)
            d = Document()
            d.add_paragraph(body)
            d.save(str(Path(tmp) / "t" / "en" / "nda.docx"))
            started = time.perf_counter()
            try:
                render_documents(
                    quote, langs=["en"], only=["nda"], out_dir=Path(tmp) / "out", templates_dir=Path(tmp) / "t"
                )
                outcome = "RENDERED (not refused!)"
            except TemplateError as exc:
                outcome = str(exc).split(": ", 1)[-1][:70]
            print(f"{name:34s} {time.perf_counter() - started:7.3f} s  {outcome}")


if __name__ == "__main__":
    main()

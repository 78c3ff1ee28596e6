"""Record docs/img/terminal.svg: `quoter quote examples/pars-retail-24x7.yaml` as a terminal shows it (rich
tables, the shift planner's progress kept on screen), from a real run in this process.

    python docs/img/record_terminal.py
"""

from pathlib import Path

from quoter.commands.terminal import record

ROOT = Path(__file__).resolve().parents[2]

if __name__ == "__main__":
    record(["quote", str(Path("examples/pars-retail-24x7.yaml"))], str(ROOT / "docs/img/terminal.svg"),
           title="quoter quote examples/pars-retail-24x7.yaml")  # fmt: skip

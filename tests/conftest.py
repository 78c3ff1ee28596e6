from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.fixture
def write_yaml(tmp_path: Path):
    """Write YAML text to a file and return its path."""

    def _write(text: str, name: str = "req.yaml") -> Path:
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        return p

    return _write


MINIMAL = """\
client: {name: "Test Co"}
service: {hours: "24/7", interval_minutes: 60}
languages: {fa: 1.0}
channels:
  voice: {calls_per_week: 7000, aht_seconds: 180}
"""


@pytest.fixture
def minimal_yaml() -> str:
    return MINIMAL

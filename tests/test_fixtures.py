"""Fixtures come from the engine: a stale one fails here (the test never writes it)."""

from __future__ import annotations

from .fixtures import build


def test_quote_sample_is_the_engines_output():
    assert build.SAMPLE.read_text(encoding="utf-8") == build.text(), (
        "tests/fixtures/quote_sample.json is stale: run `python tests/fixtures/build.py` and review the diff"
    )

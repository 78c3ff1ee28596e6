"""Random requirements and price books through the library: a QuoterError or a sound quote, never anything
else (issue 10). 5,000 cases: ``python benchmarks/bench_property.py``."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from .property_cases import book_changes, check_one, requirements


# 60 cases here; benchmarks/bench_property.py runs 5,000 (figures in its docstring)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(requirements(), book_changes())
def test_random_inputs_give_a_sound_quote_or_a_clear_error(req_data, changes):
    assert check_one(req_data, changes) in ("quote", "refused")

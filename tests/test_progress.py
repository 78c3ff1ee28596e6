"""The progress channel: silent without a listener, start/advance/end with one, ended on an error."""

import pytest

from quoter import progress


def test_a_step_without_listener_does_nothing():
    with progress.step("x", total=3) as advance:
        advance()
        advance(2)


def test_a_listener_sees_start_advance_end():
    seen = []
    with progress.listening(seen.append), progress.step("plan", total=2) as advance:
        advance()
        advance()
    assert [(e.step, e.kind, e.done, e.total) for e in seen] == [
        ("plan", "start", 0, 2),
        ("plan", "advance", 1, 2),
        ("plan", "advance", 2, 2),
        ("plan", "end", 2, 2),
    ]


def test_a_failing_step_still_ends_and_the_listener_is_removed():
    seen = []
    with pytest.raises(ValueError), progress.listening(seen.append), progress.step("pdf"):
        raise ValueError("boom")
    assert [e.kind for e in seen] == ["start", "end"]
    with progress.step("later") as advance:
        advance()
    assert len(seen) == 2

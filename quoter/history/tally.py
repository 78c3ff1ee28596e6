"""What the readers fill: per-queue, per-local-day, per-interval counts, and the problems met.

Every reader turns its lines into calls (or, for the interval CSV, into interval rows) and adds them to one
:class:`Tally`. A bin is a list of floats indexed by the constants below; time is local time (the
``--timezone`` of the history), days are counted from 1970-01-01 local.
"""

from __future__ import annotations

from dataclasses import dataclass, field

OFFERED, ANSWERED, ABANDONED, SHORT, IN_SL, WAIT_ANSWERED, WAIT_ALL, HANDLE, HANDLED, WAITED = range(10)
"""Bin fields: calls offered, answered, abandoned, abandoned within the short-abandon limit, answered within
the answer time; total wait of the answered calls; total wait of every caller whose wait is known (answered,
abandoned, timed out: the exposure of the patience estimator); total handle time and the calls it covers;
calls whose wait is known (offered calls of an interval CSV without wait columns are not)."""
FIELDS = 10
SHORT_ABANDON_SECONDS = 5.0
MAX_LINES_NAMED = 5


@dataclass
class Problem:
    """One kind of problem: how many times, the first line numbers (or column names)."""

    kind: str
    message: str
    count: int = 0
    lines: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"kind": self.kind, "message": self.message, "count": self.count,
                                  "first_lines": self.lines}  # fmt: skip
        if self.names:
            out["names"] = self.names
        return out


@dataclass
class Tally:
    """Counts per (queue, local day, interval of the day); the problems; what the sources could tell."""

    interval_s: int
    answer_seconds: float
    bins: dict[tuple[str, int, int], list[float]] = field(default_factory=dict)
    problems: dict[str, Problem] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    aht_parts: set[str] = field(default_factory=set)
    first_day: int | None = None
    last_day: int | None = None

    def bin(self, queue: str, local_s: float) -> list[float]:
        """The bin of a call that arrived at ``local_s`` (local seconds since 1970-01-01 local)."""
        day, sec = divmod(int(local_s), 86400)
        key = (queue, day, sec // self.interval_s)
        b = self.bins.get(key)
        if b is None:
            b = self.bins[key] = [0.0] * FIELDS
            self.span(day)
        return b

    def new_bin(self, key: tuple[str, int, int]) -> list[float]:
        b = self.bins[key] = [0.0] * FIELDS
        self.span(key[1])
        return b

    def span(self, day: int) -> None:
        if self.first_day is None or day < self.first_day:
            self.first_day = day
        if self.last_day is None or day > self.last_day:
            self.last_day = day

    def answered(self, b: list[float], wait: float) -> None:
        b[OFFERED] += 1
        b[ANSWERED] += 1
        b[WAITED] += 1
        b[WAIT_ANSWERED] += wait
        b[WAIT_ALL] += wait
        if wait <= self.answer_seconds:
            b[IN_SL] += 1

    def abandoned(self, b: list[float], wait: float) -> None:
        b[OFFERED] += 1
        b[ABANDONED] += 1
        b[WAITED] += 1
        b[WAIT_ALL] += wait
        if wait < SHORT_ABANDON_SECONDS:
            b[SHORT] += 1

    def left(self, b: list[float], wait: float) -> None:
        """A caller who left unanswered without hanging up (timeout, key, empty queue): censored."""
        b[OFFERED] += 1
        b[WAITED] += 1
        b[WAIT_ALL] += wait

    def problem(self, kind: str, message: str, line: int | None = None, name: str | None = None) -> None:
        p = self.problems.get(kind)
        if p is None:
            p = self.problems[kind] = Problem(kind, message)
        p.count += 1
        if line is not None and len(p.lines) < MAX_LINES_NAMED:
            p.lines.append(line)
        if name is not None and name not in p.names and len(p.names) < MAX_LINES_NAMED:
            p.names.append(name)

    def queues(self) -> list[str]:
        return sorted({k[0] for k in self.bins})

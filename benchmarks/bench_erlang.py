"""Speed of the Erlang engine on a week of intervals; run as ``python benchmarks/bench_erlang.py``.

Grid (fixed seed): 5 queues x 672 fifteen-minute intervals (a week), 5 to 3,000 calls per interval
(log-uniform), one AHT per queue between 180 and 420 s, target 80/20. Erlang A adds a mean patience
of 120 s and a 5% abandon cap. Times are the best of several runs. If pyworkforce is importable, its
ErlangC solves the same Erlang C grid in the same run and any differing agent counts are listed.
Budgets: Erlang C grid < 50 ms, Erlang A grid < 1 s, 20,000 calls in one 15-minute interval with
Erlang A < 0.1 s, 1,000,000 calls per 30 minutes must finish.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quoter.staffing.erlang import Target, required_agents, required_agents_many  # noqa: E402

QUEUES, INTERVALS, INTERVAL_S = 5, 672, 900.0
SL = Target(service_level=0.80, answer_seconds=20)
SL_A = Target(service_level=0.80, answer_seconds=20, patience_seconds=120, max_abandon=0.05)


def grid(seed: int = 20261124) -> tuple[np.ndarray, np.ndarray]:
    """Calls per interval (queues x intervals) and AHT seconds per queue."""
    rng = np.random.default_rng(seed)
    calls = np.round(np.exp(rng.uniform(np.log(5), np.log(3000), size=(QUEUES, INTERVALS))))
    return calls, np.round(rng.uniform(180, 420, size=QUEUES))


def best_of(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    """Best wall time in seconds over ``runs`` runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def solve_grid(calls: np.ndarray, ahts: np.ndarray, target: Target) -> list[list[int]]:
    return [[r.agents for r in required_agents_many(calls[q], ahts[q], INTERVAL_S, target)] for q in range(QUEUES)]


def solve_one_by_one(calls: np.ndarray, ahts: np.ndarray, target: Target) -> list[list[int]]:
    return [[required_agents(c, ahts[q], INTERVAL_S, target).agents for c in calls[q]] for q in range(QUEUES)]


def pyworkforce_grid(calls: np.ndarray, ahts: np.ndarray) -> list[list[int]] | None:
    try:
        from pyworkforce.queuing import ErlangC
    except ImportError:
        return None
    return [
        [
            ErlangC(transactions=c, aht=ahts[q] / 60, asa=20 / 60, interval=INTERVAL_S / 60).required_positions(
                service_level=0.80
            )["raw_positions"]
            for c in calls[q]
        ]
        for q in range(QUEUES)
    ]


def main() -> None:
    calls, ahts = grid()
    n = calls.size
    print(f"grid: {QUEUES} queues x {INTERVALS} intervals = {n} intervals, calls {calls.min():.0f}..{calls.max():.0f},"
          f" AHT {', '.join(f'{a:.0f}' for a in ahts)} s")  # fmt: skip
    rows: list[tuple[str, float, str]] = []

    t_c, agents_c = best_of(lambda: solve_grid(calls, ahts, SL), 7)
    rows.append(("Erlang C, grid, required_agents_many", t_c, "budget 50 ms"))
    t_c1, agents_c1 = best_of(lambda: solve_one_by_one(calls, ahts, SL), 3)
    rows.append(("Erlang C, grid, required_agents one by one", t_c1, "for comparison"))
    assert agents_c1 == agents_c, "batch and one-by-one disagree"

    t_a, agents_a = best_of(lambda: solve_grid(calls, ahts, SL_A), 5)
    rows.append(("Erlang A, grid, required_agents_many", t_a, "budget 1 s"))

    t_20k, r_20k = best_of(lambda: required_agents(20_000, 300, 900, SL_A), 7)
    rows.append((f"Erlang A, 20,000 calls / 15 min -> {r_20k.agents:,} agents", t_20k, "budget 0.1 s"))
    t_1m_c, r_1m_c = best_of(lambda: required_agents(1_000_000, 300, 1800, SL), 3)
    rows.append((f"Erlang C, 1,000,000 calls / 30 min -> {r_1m_c.agents:,} agents", t_1m_c, "must finish"))
    t_1m_a, r_1m_a = best_of(lambda: required_agents(1_000_000, 300, 1800, SL_A), 3)
    rows.append((f"Erlang A, 1,000,000 calls / 30 min -> {r_1m_a.agents:,} agents", t_1m_a, "must finish"))

    t_pw, agents_pw = best_of(lambda: pyworkforce_grid(calls, ahts), 3)
    if agents_pw is not None:
        rows.append(("pyworkforce ErlangC, same grid", t_pw, f"{t_pw / t_c:,.0f}x our batch time"))

    width = max(len(r[0]) for r in rows)
    print(f"\n{'case':<{width}}  {'time':>10}  note")
    for name, seconds, note in rows:
        print(f"{name:<{width}}  {seconds * 1000:>7.2f} ms  {note}")

    total_c, total_a = sum(map(sum, agents_c)), sum(map(sum, agents_a))
    print(f"\nagent-intervals: Erlang C {total_c:,}, Erlang A {total_a:,} ({total_a / total_c - 1:+.1%})")
    if agents_pw is None:
        print("pyworkforce: not importable (pip install pyworkforce to compare)")
        return
    diffs = [
        (q, i, calls[q, i], agents_c[q][i], agents_pw[q][i])
        for q in range(QUEUES)
        for i in range(INTERVALS)
        if agents_c[q][i] != agents_pw[q][i]
    ]
    print(f"pyworkforce ErlangC: {len(diffs)} of {n} intervals differ in agents")
    for q, i, c, ours, theirs in diffs[:10]:
        a = c * ahts[q] / INTERVAL_S
        print(f"  queue {q} interval {i}: {c:.0f} calls, A = {a:.2f} Erlangs: quoter {ours}, pyworkforce {theirs}")


if __name__ == "__main__":
    main()

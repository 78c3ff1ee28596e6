"""Speed of the simulator against ciw on the same model; run as ``python benchmarks/bench_simulate.py``.

The model (both simulators, the same run): one M/M/n+M queue, 20 Erlangs (100 calls per 15 minutes, AHT 180 s),
23 agents, exponential patience of mean 90 s, answer target 20 s. ciw (3.x, a pure-Python event simulator)
simulates ``CIW_CALLS`` calls in one long run; quoter's simulator the same model over many weeks at once
(``quoter.simulate.engine.simulate_queue``, vectorised over replications). Both are checked against Erlang A, so
the speed is for the same answer. Then: calls per second of quoter's simulator at one million calls and more,
and ``quoter staff --verify`` on the examples (the largest is the bank: 28,000 calls a week in 15-minute
intervals). Budgets from issue 17: one million calls in under 1 s, at least 50x ciw.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quoter.inputs.requirements import load_requirements  # noqa: E402
from quoter.simulate import stats  # noqa: E402
from quoter.simulate.engine import Dist, QueueModel, simulate_queue  # noqa: E402
from quoter.simulate.run import Options  # noqa: E402
from quoter.simulate.verify import verify  # noqa: E402
from quoter.staffing.erlang import evaluate  # noqa: E402
from quoter.staffing.planner import plan_staffing  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CALLS, AHT, INTERVAL, AGENTS, PATIENCE, T = 100.0, 180.0, 900.0, 23, 90.0, 20.0
CIW_CALLS = 60_000


def run_ciw(calls: int, seed: int = 1) -> tuple[float, int, float, float]:
    """Seconds, calls simulated, service level and abandon rate of ciw on the model (10 % warm-up dropped)."""
    import ciw

    lam, horizon = CALLS / INTERVAL, calls / (CALLS / INTERVAL)
    ciw.seed(seed)
    net = ciw.create_network(
        arrival_distributions=[ciw.dists.Exponential(rate=lam)],
        service_distributions=[ciw.dists.Exponential(rate=1 / AHT)],
        number_of_servers=[AGENTS],
        reneging_time_distributions=[ciw.dists.Exponential(rate=1 / PATIENCE)],
    )
    began = time.perf_counter()
    sim = ciw.Simulation(net)
    sim.simulate_until_max_time(horizon)
    seconds = time.perf_counter() - began
    recs = [r for r in sim.get_all_records() if r.arrival_date > 0.1 * horizon]
    served = [r for r in recs if r.record_type == "service"]
    lost = [r for r in recs if r.record_type == "renege"]
    offered = len(served) + len(lost)
    within = sum(1 for r in served if r.waiting_time <= T)
    return seconds, offered, within / offered, len(lost) / offered


def run_quoter(weeks: int, per_day: int = 24, seed: int = 1) -> tuple[float, int, float, float]:
    """Seconds, calls, service level and abandon rate of quoter's simulator: ``weeks`` replications of a week of
    ``7 x per_day`` constant 15-minute intervals."""
    n = 7 * per_day
    model = QueueModel((CALLS,) * n, (AGENTS,) * n, INTERVAL, Dist(AHT), Dist(PATIENCE))
    began = time.perf_counter()
    sample = simulate_queue(model, np.random.default_rng(seed), weeks, np.ones((weeks, 9)))
    seconds = time.perf_counter() - began
    c = stats.count(sample, T, n)
    w = stats.weekly(c, np.full(n, AGENTS * INTERVAL), np.full(n, CALLS))
    return seconds, int(sample.valid.sum()), float(w["service_level"].mean()), float(w["abandon_rate"].mean())


def main() -> None:
    exact = evaluate(CALLS, AHT, INTERVAL, AGENTS, answer_seconds=T, patience_seconds=PATIENCE)
    print(f"Model: M/M/{AGENTS}+M, {CALLS * AHT / INTERVAL:g} Erlangs, patience {PATIENCE:g} s; Erlang A: SL "
          f"{exact.service_level:.4f}, abandon {exact.abandon_rate:.4f}")  # fmt: skip
    cs, cn, csl, cab = run_ciw(CIW_CALLS)
    print(f"ciw:    {cn:>10,} calls in {cs:6.2f} s = {cn / cs:>11,.0f} calls/s   SL {csl:.4f}  abandon {cab:.4f}")
    rows = []
    # (weeks, intervals a day): the command's default of 50 weeks of a 24-hour day; then wider runs (more weeks
    # side by side, shorter days), where the per-step cost of numpy is shared by more replications
    for weeks, per_day in ((50, 24), (240, 6), (400, 6)):
        qs, qn, qsl, qab = run_quoter(weeks, per_day)
        rows.append((qn, qs))
        print(f"quoter: {qn:>10,} calls in {qs:6.2f} s = {qn / qs:>11,.0f} calls/s   SL {qsl:.4f}  abandon {qab:.4f}"
              f"  ({weeks} weeks x {7 * per_day} intervals)")  # fmt: skip
    best = max(n / s for n, s in rows)
    print(f"Speed ratio quoter/ciw: {rows[0][0] / rows[0][1] / (cn / cs):,.0f}x at 50 weeks, {best / (cn / cs):,.0f}x "
          f"at best (budget >= 50x)")  # fmt: skip
    print(f"One million calls: {rows[1][1]:.2f} s for {rows[1][0]:,} (budget < 1 s)")
    for name in ("bank-sat-thu", "pars-retail-24x7"):
        req = load_requirements(ROOT / "examples" / f"{name}.yaml")
        plan = plan_staffing(req)
        began = time.perf_counter()
        _, v, last = verify(req, plan, Options())
        print(f"staff --verify {name}: {time.perf_counter() - began:.2f} s, {v.iterations} iterations, "
              f"{last.calls:,} calls in the last simulation, {v.extra_fte:+.2f} FTE, holds: {v.holds}")  # fmt: skip


if __name__ == "__main__":
    main()

"""Erlang A against a discrete-event simulation of the M/M/n+M queue (fixed seed, batch means)."""

from __future__ import annotations

import heapq

import numpy as np
import pytest

from quoter.staffing.erlang import evaluate

BATCHES = 20


def simulate(lam: float, aht: float, patience: float, n: int, t: float, calls: int, seed: int) -> dict:
    """Simulate a first-come-first-served queue with n agents and exponential patience.

    Callers are taken in arrival order; each takes the agent who frees up first, unless its wait
    would exceed its patience, in which case it hangs up and holds no agent. Returns batch means
    (after a 5% warm-up) of the abandon rate, the share answered within t of offered calls, and the
    mean wait of answered calls.
    """
    rng = np.random.default_rng(seed)
    arrivals = np.cumsum(rng.exponential(1 / lam, calls)).tolist()
    services = rng.exponential(aht, calls).tolist()
    patiences = rng.exponential(patience, calls).tolist()
    free = [0.0] * n  # a heap of the times at which each agent next becomes free
    answered = np.zeros(calls, dtype=bool)
    waits = np.zeros(calls)
    for i, (arrival, service, limit) in enumerate(zip(arrivals, services, patiences, strict=True)):
        start = max(arrival, free[0])
        if start - arrival <= limit:
            heapq.heapreplace(free, start + service)
            answered[i] = True
            waits[i] = start - arrival
    keep = slice(calls // 20, None)
    answered_b = np.array_split(answered[keep], BATCHES)
    waits_b = np.array_split(waits[keep], BATCHES)
    per_batch = {
        "abandon_rate": [1 - a.mean() for a in answered_b],
        "service_level": [(a & (w <= t)).mean() for a, w in zip(answered_b, waits_b, strict=True)],
        "asa_seconds": [w[a].mean() for a, w in zip(answered_b, waits_b, strict=True)],
    }
    return {k: (np.mean(v), np.std(v, ddof=1) / np.sqrt(BATCHES)) for k, v in per_batch.items()}


@pytest.mark.parametrize(
    ("calls", "aht", "interval", "agents", "patience", "t", "seed"),
    [
        (100, 180, 1800, 13, 300, 20, 1),  # the pyworkforce Erlang A example: 10 Erlangs, 13 agents
        (300, 240, 900, 70, 60, 20, 2),  # overloaded: 80 Erlangs on 70 agents, impatient callers
        (15, 300, 900, 4, 30, 10, 3),  # a small team, patience far below AHT
    ],
)
def test_erlang_a_matches_simulation(calls, aht, interval, agents, patience, t, seed):
    lam = calls / interval
    exact = evaluate(calls, aht, interval, agents, answer_seconds=t, patience_seconds=patience)
    sim = simulate(lam, aht, patience, agents, t, calls=300_000, seed=seed)
    for key, (mean, se) in sim.items():
        # the check below must be sharp: 4 standard errors under 4 points of a share, 20% of ASA
        assert se < (0.05 * exact.asa_seconds if key == "asa_seconds" else 0.01), (key, se)
        assert abs(mean - getattr(exact, key)) < 4 * se, (key, mean, se, getattr(exact, key))

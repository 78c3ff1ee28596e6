"""Erlang B, C and A: staff one queue for one interval.

Units: calls per interval, seconds for every time (AHT, interval, answer time, patience, ASA),
Erlangs for offered load ``A = calls * aht / interval``.

* Erlang B (M/M/n/n): blocking probability, used for trunk/line sizing.
* Erlang C (M/M/n): callers wait forever; unstable when ``agents <= A``.
* Erlang A (M/M/n+M): callers abandon after an exponential patience with mean ``patience_seconds``;
  stable for any number of agents.

Everything is computed in log space or from convergent series, never with factorials, so one
agent facing 1e5 Erlangs and 2e5 agents facing 1e5 Erlangs both give finite numbers.
The batch functions work on numpy arrays over intervals; the scalar functions are the batch
functions applied to one interval, so both give the same answers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal, overload

import numpy as np
from numpy.typing import NDArray
from scipy import special

from quoter.errors import DomainError, InputError
from quoter.limits import MAX_AGENTS, MAX_LINES

__all__ = [
    "SL_DEFINITION_A",
    "SL_DEFINITION_C",
    "QueueResult",
    "Target",
    "erlang_b",
    "erlang_c",
    "evaluate",
    "lines_required",
    "required_agents",
    "required_agents_many",
]

SL_DEFINITION_C = "Erlang C service level is the model's P(wait <= t) over all offered calls, with no abandonment."
SL_DEFINITION_A = (
    "Erlang A service level is the calls answered within t divided by the calls offered "
    "(calls that abandon count as not answered within t)."
)

_TINY = 1e-250  # below this a regularized gamma is recomputed from its series
_CHUNK = 64  # series terms evaluated per numpy step
_SEARCH_LIMIT = MAX_AGENTS + math.ceil(60.0 * math.sqrt(MAX_AGENTS)) + 100
"""The most agents a search may start from: a load of MAX_AGENTS Erlangs (the largest accepted) at 100%
occupancy plus the search's margin; beyond it a floor (min_agents, occupancy cap) is refused."""
_QUAD_NODES = 96  # Gauss-Legendre nodes for the Erlang A mean wait of answered calls

FloatArray = NDArray[np.float64]
IndexArray = NDArray[np.intp]
BoolArray = NDArray[np.bool_]
Metrics = dict[str, FloatArray]  # metric name -> one value per interval


@dataclass(frozen=True)
class Target:
    """What an interval's staffing must achieve. ``None`` means "no such target".

    ``service_level`` is a share (0.80) answered within ``answer_seconds``; ``max_asa_seconds``
    caps the mean wait of answered calls; ``max_abandon`` (a share) needs ``patience_seconds``
    (mean caller patience, seconds), and giving ``patience_seconds`` switches to Erlang A;
    ``max_occupancy`` caps handled load per agent (a share); ``min_agents`` is a floor.
    """

    service_level: float | None = None
    answer_seconds: float = 20.0
    max_asa_seconds: float | None = None
    max_abandon: float | None = None
    patience_seconds: float | None = None
    max_occupancy: float | None = None
    min_agents: int = 0
    load_floor: bool = False
    """Erlang A with no ``max_abandon``: never fewer agents than the offered load (see :data:`LOAD_FLOOR_NOTE`)."""


LOAD_FLOOR_NOTE = (
    "No abandon cap is given, so agents are kept at or above the offered load: Erlang A alone would staff below it "
    "and meet the service level by callers hanging up, which holds only if patience is exponential (with the same "
    "mean patience but fixed or lognormal, the service level collapses in simulation)."
)


@dataclass(frozen=True)
class QueueResult:
    """One queue in one interval with ``agents`` agents.

    ``service_level`` follows :data:`SL_DEFINITION_C` or :data:`SL_DEFINITION_A` (see ``model``).
    ``asa_seconds`` is the mean wait of answered calls (``inf`` when none can be answered);
    ``mean_wait_seconds`` the mean time in queue over all offered calls, abandoned ones included.
    ``abandon_rate`` is ``None`` for Erlang C. ``occupancy`` is handled load per agent.
    """

    agents: int
    offered_erlangs: float
    p_wait: float
    service_level: float
    asa_seconds: float
    abandon_rate: float | None
    occupancy: float
    model: str
    mean_wait_seconds: float


# --------------------------------------------------------------------------- numeric kernels


def _series(
    num0: FloatArray, dnum: float, den0: FloatArray, dden: float, weight_a: FloatArray | None = None
) -> tuple[FloatArray, FloatArray | None]:
    """Sum ``T_j = prod_{k=1..j} max(num0 + dnum k, 0) / (den0 + dden k)`` over ``j >= 0``.

    Only for decreasing terms (the first ratio below 1). With ``weight_a`` also returns
    ``sum_j T_j (j + 1) / (weight_a + j + 1)``. Arrays in, arrays out.
    """
    m = num0.size
    total = np.ones(m)
    wsum = 1.0 / (weight_a + 1.0) if weight_a is not None else None
    last = np.ones(m)
    idx = np.arange(m)
    j0 = 0
    while idx.size:
        k = np.arange(j0 + 1, j0 + _CHUNK + 1, dtype=float)
        ratio = np.maximum(num0[idx, None] + dnum * k, 0.0) / (den0[idx, None] + dden * k)
        terms = last[idx, None] * np.cumprod(ratio, axis=1)
        total[idx] += terms.sum(axis=1)
        if wsum is not None and weight_a is not None:  # both set or both None
            wsum[idx] += (terms * ((k + 1.0) / (weight_a[idx, None] + k + 1.0))).sum(axis=1)
        last[idx] = terms[:, -1]
        j0 += _CHUNK
        idx = idx[last[idx] > 1e-17 * total[idx]]
        if j0 > 50_000_000:  # pragma: no cover - would mean a caller broke the convergence rule
            raise RuntimeError("series did not converge")
    return total, wsum


def _log_poisson_pmf(n: FloatArray, a: FloatArray) -> FloatArray:
    """log P(Poisson(a) = n) for arrays, to about 1e-15 even for n ~ 1e6 (Loader's saddle point).

    The naive n log a - a - log n! loses about 1e-10 at 1e5 Erlangs to cancellation.
    """
    out = np.empty_like(a)
    big = n > 15
    nb, ab = n[big], a[big]
    nn = nb * nb
    stirlerr = (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / (1188 * nn)) / nn) / nn) / nn) / nb
    d = nb - ab
    bd0 = nb * np.log(nb / ab) + ab - nb  # n log(n/a) + a - n, by a series where n is near a
    near = np.abs(d) < 0.1 * (nb + ab)
    v = d[near] / (nb[near] + ab[near])
    term, total = 2 * nb[near] * v, d[near] * v
    vv = v * v
    for j in range(1, 30):  # |v| < 0.1: each term is at most 1/100 of the last, so this stops in a few steps
        term = term * vv
        total = total + term / (2 * j + 1)
        if not (np.abs(term) > 1e-17 * np.abs(total)).any():
            break
    bd0[near] = total
    out[big] = -0.5 * np.log(2 * np.pi * nb) - stirlerr - bd0
    ns, a_s = n[~big], a[~big]
    out[~big] = special.xlogy(ns, a_s) - a_s - special.gammaln(ns + 1.0)
    return out


def _log_erlang_b(n: FloatArray, a: FloatArray) -> tuple[FloatArray, FloatArray]:
    """``(log B(n, A), log(1 - B(n, A)))`` for arrays ``n >= 0`` servers, ``A > 0`` Erlangs.

    B = Poisson(n; A) / P(Poisson(A) <= n) in logs; where that cdf underflows (n far below A),
    from the exact series 1/B = sum_j n!/((n-j)! A^j).
    """
    log_b = np.empty_like(a)
    log_1mb = np.empty_like(a)
    q = special.gammaincc(n + 1.0, a)
    ok = q > _TINY
    with np.errstate(divide="ignore"):
        lb = _log_poisson_pmf(n[ok], a[ok]) - np.log(q[ok])
        log_b[ok] = np.minimum(lb, 0.0)
        log_1mb[ok] = np.log(-np.expm1(log_b[ok]))
        bad = ~ok
        if bad.any():
            s, _ = _series(n[bad] + 1.0, -1.0, a[bad], 0.0)
            log_b[bad] = -np.log(s)
            log_1mb[bad] = np.log(s - 1.0) - np.log(s)
    return log_b, log_1mb


@overload
def _log_s(a: FloatArray, z: FloatArray, weighted: Literal[False] = False) -> FloatArray: ...
@overload
def _log_s(a: FloatArray, z: FloatArray, weighted: Literal[True]) -> tuple[FloatArray, FloatArray]: ...
def _log_s(a: FloatArray, z: FloatArray, weighted: bool = False) -> FloatArray | tuple[FloatArray, FloatArray]:
    """log S(a, z), S = sum_{j>=0} z^j / prod_{k=1..j}(a + k) = P(a, z) Gamma(a+1) e^z z^-a.

    S(x, y) is Acal of Erlang A. Uses the series where it converges fast or where the
    regularized gamma P underflows, else scipy's ``gammainc``. With ``weighted`` also returns
    the series' weighted mean of (j+1)/(a+j+1) (NaN where the series was not used).
    """
    out = np.empty_like(a)
    wmean = np.full_like(a, np.nan)
    use = z <= 0.5 * (a + 1.0)
    rest = np.flatnonzero(~use)
    if rest.size:
        p = special.gammainc(a[rest], z[rest])
        good = p > _TINY
        r = rest[good]
        out[r] = np.log(p[good]) - a[r] * np.log(z[r]) + z[r] + special.gammaln(a[r] + 1.0)
        use[rest[~good]] = True
    if use.any():
        s, w = _series(z[use], 0.0, a[use], 1.0, a[use] if weighted else None)
        out[use] = np.log(s)
        if w is not None:  # set exactly when weighted
            wmean[use] = w / s
    return (out, wmean) if weighted else out


@cache
def _gauss_legendre() -> tuple[FloatArray, FloatArray]:
    return np.polynomial.legendre.leggauss(_QUAD_NODES)


def _mean_log_delay(x: FloatArray, y: FloatArray) -> FloatArray:
    """E[u] under the density h(u) ~ exp(-(x+1) u - y e^-u) on u >= 0.

    u = theta * wait of a waiting call that is eventually answered, so ASA(answered, waiting)
    = E[u] / theta. Gauss-Legendre over a window holding all but e^-40 of the mass.
    """
    nodes, weights = _gauss_legendre()
    a = x + 1.0
    mode = np.maximum(0.0, np.log(y / a))
    width = np.sqrt(80.0 / a)
    right = width + 40.0 / a
    at_zero = mode == 0.0
    right = np.where(at_zero, np.minimum(right, 40.0 / np.maximum(a - y, 1e-300)), right)
    lo = np.maximum(0.0, mode - width)
    hi = mode + right
    half = 0.5 * (hi - lo)
    u = (lo + half)[:, None] + half[:, None] * nodes
    logh = -a[:, None] * u - y[:, None] * np.exp(-u)
    w = weights * np.exp(logh - logh.max(axis=1, keepdims=True))
    mean: FloatArray = (u * w).sum(axis=1) / w.sum(axis=1)
    return mean


def _metrics_c(a: FloatArray, aht: float | FloatArray, n: FloatArray, t: float, b: FloatArray) -> Metrics:
    """Erlang C metrics for arrays with ``n > A > 0`` given B(n, A); see :class:`QueueResult`."""
    with np.errstate(over="ignore", divide="ignore"):
        c = 1.0 / (a / n + (n - a) / (n * b))
    asa = c * aht / (n - a)
    sl = 1.0 - c * np.exp(-(n - a) * t / aht)
    return {"p_wait": c, "service_level": sl, "asa_seconds": asa, "occupancy": a / n,
            "mean_wait_seconds": asa}  # fmt: skip


def _metrics_a(
    lam: FloatArray, aht: float | FloatArray, patience: float, n: FloatArray, t: float, with_asa: bool = True
) -> Metrics:
    """Erlang A (M/M/n+M) metrics for arrays with ``n >= 1``, ``lam > 0`` calls/second.

    x = n mu / theta, y = lam / theta, Acal = S(x, y):
    P(wait) = Acal E / (1 + (Acal - 1) E), P(ab | wait) = 1 - (x/y)(1 - 1/Acal),
    P(answered, wait > t | wait) = gamma(x+1, y e^-theta t) / (y gamma(x, y)).
    """
    a = lam * aht
    x = n * patience / aht
    y = lam * patience
    log_b, log_1mb = _log_erlang_b(n, a)
    log_acal, wmean = _log_s(x, y, weighted=True)
    with np.errstate(over="ignore"):
        p_wait = 1.0 / (1.0 + np.exp(log_1mb - log_b - log_acal))
    # where the series ran, its weighted mean is P(ab | wait) without cancellation
    direct = 1.0 - (x / y) * -np.expm1(-log_acal)
    p_ab_w = np.clip(np.where(np.isnan(wmean), direct, wmean), 0.0, 1.0)
    p_served_w = 1.0 - p_ab_w
    theta_t = t / patience
    z = y * np.exp(-theta_t)
    with np.errstate(under="ignore"):  # late = gamma(x+1, z) / (y gamma(x, y)), written with S
        late = np.exp(np.log(x / (x + 1.0)) - (x + 1.0) * theta_t - y * np.expm1(-theta_t)
                      + _log_s(x + 1.0, z) - log_acal)  # fmt: skip
    within = np.clip(p_served_w - late, 0.0, 1.0)
    abandon = p_wait * p_ab_w
    served = 1.0 - abandon
    out: Metrics = {
        "p_wait": p_wait,
        "service_level": np.clip(1.0 - p_wait + p_wait * within, 0.0, 1.0),
        "abandon_rate": abandon,
        "occupancy": np.minimum(lam * served * aht / n, 1.0),
        "mean_wait_seconds": abandon * patience,
    }
    if with_asa:
        with np.errstate(divide="ignore", invalid="ignore"):
            asa = p_wait * p_served_w * _mean_log_delay(x, y) * patience / served
        out["asa_seconds"] = np.where(served > 0, asa, np.inf)
    return out


# --------------------------------------------------------------------------- public functions


def _check_number(name: str, value: float, *, low: float = 0.0, strict: bool = False) -> float:
    v = float(value)
    if not math.isfinite(v) or v < low or (strict and v == low):
        raise InputError(f"{name}: must be a finite number {'>' if strict else '>='} {low:g}, got {value!r}")
    return v


def erlang_b(servers: int, erlangs: float) -> float:
    """Erlang B blocking probability of ``servers`` lines offered ``erlangs`` Erlangs (M/M/n/n)."""
    if servers < 0:
        raise InputError(f"servers: must be >= 0, got {servers}")
    a = _check_number("erlangs", erlangs)
    if a == 0.0:
        return 1.0 if servers == 0 else 0.0
    log_b, _ = _log_erlang_b(np.array([float(servers)]), np.array([a]))
    return float(np.exp(log_b[0]))


def erlang_c(agents: int, erlangs: float) -> float:
    """Erlang C probability that a call waits (M/M/n); 1.0 when ``agents <= erlangs`` (unstable)."""
    if agents < 0:
        raise InputError(f"agents: must be >= 0, got {agents}")
    a = _check_number("erlangs", erlangs)
    if a == 0.0:
        return 0.0
    if agents <= a:
        return 1.0
    n = np.array([float(agents)])
    log_b, _ = _log_erlang_b(n, np.array([a]))
    return float(_metrics_c(np.array([a]), 1.0, n, 0.0, np.exp(log_b))["p_wait"][0])


def lines_required(erlangs: float, blocking: float = 0.01) -> int:
    """Erlang B trunk sizing: the smallest number of lines N with B(N, erlangs) <= ``blocking``."""
    a = _check_number("erlangs", erlangs)
    p = _check_number("blocking", blocking)
    if p >= 1.0 or a == 0.0:
        return 0
    if p == 0.0:
        raise DomainError("lines_required: zero blocking cannot be reached with finitely many lines")
    if a > MAX_LINES:
        raise DomainError(
            f"lines_required: an offered load of {a:.6g} Erlangs needs more than {MAX_LINES:,} telephone lines"
        )
    n = max(0, math.floor(a * (1.0 - p)) - 1)  # carried load A(1 - B) <= N gives a lower bound
    cap = n + math.ceil(60.0 * math.sqrt(a)) + 100 + math.ceil(a * p)
    b = erlang_b(n, a)
    while b > p:
        if n >= cap:  # pragma: no cover - B falls below any p > 0 well before the cap
            raise DomainError(f"lines_required: no number of lines up to {cap:,} reaches {p:g} blocking")
        n += 1
        b = a * b / (n + a * b)
    return n


def _result(model: str, n: int, a: float, m: Metrics, i: int = 0) -> QueueResult:
    return _results(model, [n], [a], {k: v[i : i + 1] for k, v in m.items()})[0]


def _results(model: str, ns: list[int], loads: list[float], m: Metrics) -> list[QueueResult]:
    """One result per element of the metric arrays (converted to Python floats once, not element by element)."""
    cols = {k: v.tolist() for k, v in m.items()}
    abandon = cols["abandon_rate"] if model == "erlang_a" else [None] * len(ns)
    return [
        QueueResult(n, a, pw, sl, asa, ab, occ, model, mw)
        for n, a, pw, sl, asa, ab, occ, mw in zip(
            ns, loads, cols["p_wait"], cols["service_level"], cols["asa_seconds"], abandon, cols["occupancy"],
            cols["mean_wait_seconds"], strict=True,
        )
    ]  # fmt: skip


def _special_result(model: str, n: int, a: float, patience: float | None) -> QueueResult | None:
    """Results that need no queueing formula: no calls, no agents, or an unstable Erlang C queue."""
    erl_a = model == "erlang_a"
    if a == 0.0:
        return QueueResult(n, 0.0, 0.0, 1.0, 0.0, 0.0 if erl_a else None, 0.0, model, 0.0)
    if n == 0:  # nobody answers: Erlang A callers all abandon after their patience
        mean_wait = patience if erl_a and patience is not None else math.inf
        return QueueResult(0, a, 1.0, 0.0, math.inf, 1.0 if erl_a else None, 0.0, model, mean_wait)
    if not erl_a and n <= a:
        return QueueResult(n, a, 1.0, 0.0, math.inf, None, 1.0, model, math.inf)
    return None


def evaluate(
    calls: float,
    aht_seconds: float,
    interval_seconds: float,
    agents: int,
    *,
    answer_seconds: float = 20.0,
    patience_seconds: float | None = None,
) -> QueueResult:
    """Service of ``agents`` agents facing ``calls`` calls per ``interval_seconds``.

    Erlang C, or Erlang A when ``patience_seconds`` (mean caller patience) is given.
    An unstable Erlang C queue (agents <= offered Erlangs) reports SL 0, P(wait) 1, infinite ASA.
    """
    calls = _check_number("calls", calls)
    aht = _check_number("aht_seconds", aht_seconds, strict=True)
    interval = _check_number("interval_seconds", interval_seconds, strict=True)
    t = _check_number("answer_seconds", answer_seconds)
    if agents < 0 or agents != int(agents):
        raise InputError(f"agents: must be a whole number >= 0, got {agents!r}")
    n = int(agents)
    a = calls * aht / interval
    if patience_seconds is not None:
        patience = _check_number("patience_seconds", patience_seconds, strict=True)
        special_case = _special_result("erlang_a", n, a, patience)
        if special_case is not None:
            return special_case
        m = _metrics_a(np.array([calls / interval]), aht, patience, np.array([float(n)]), t)
        return _result("erlang_a", n, a, m)
    special_case = _special_result("erlang_c", n, a, None)
    if special_case is not None:
        return special_case
    av, nv = np.array([a]), np.array([float(n)])
    log_b, _ = _log_erlang_b(nv, av)
    return _result("erlang_c", n, a, _metrics_c(av, aht, nv, t, np.exp(log_b)))


def evaluate_many(
    calls: list[float],
    aht_seconds: float,
    interval_seconds: float,
    agents: list[int],
    *,
    answer_seconds: float = 20.0,
    patience_seconds: float | None = None,
) -> list[QueueResult]:
    """:func:`evaluate` for many intervals at once: the same results, one vectorised pass (the chat planner
    re-evaluates every interval at whole agents x slots)."""
    aht = _check_number("aht_seconds", aht_seconds, strict=True)
    interval = _check_number("interval_seconds", interval_seconds, strict=True)
    t = _check_number("answer_seconds", answer_seconds)
    patience = None if patience_seconds is None else _check_number("patience_seconds", patience_seconds, strict=True)
    model = "erlang_c" if patience is None else "erlang_a"
    out: list[QueueResult | None] = []
    todo: list[int] = []
    for i, (c, n) in enumerate(zip(calls, agents, strict=True)):
        c = _check_number("calls", c)
        if n < 0 or n != int(n):
            raise InputError(f"agents: must be a whole number >= 0, got {n!r}")
        special = _special_result(model, int(n), c * aht / interval, patience)
        out.append(special)
        if special is None:
            todo.append(i)
    if todo:
        lam = np.array([calls[i] / interval for i in todo])
        nv = np.array([float(agents[i]) for i in todo])
        if patience is not None:
            m = _metrics_a(lam, aht, patience, nv, t)
        else:
            av = lam * aht
            log_b, _ = _log_erlang_b(nv, av)
            m = _metrics_c(av, aht, nv, t, np.exp(log_b))
        done = _results(model, [int(agents[i]) for i in todo], [calls[i] * aht / interval for i in todo], m)
        for i, r in zip(todo, done, strict=True):
            out[i] = r
    return [r for r in out if r is not None]


def required_agents(calls: float, aht_seconds: float, interval_seconds: float, target: Target) -> QueueResult:
    """The smallest number of agents meeting every target in ``target`` for one interval.

    Raises :class:`InputError` for malformed input and :class:`DomainError` for a target no
    number of agents can meet.
    """
    return required_agents_many([calls], aht_seconds, interval_seconds, target)[0]


def _validate_target(target: Target) -> None:
    problems = []

    def share(name: str, v: float | None) -> None:
        if v is not None and not (math.isfinite(v) and 0.0 <= v <= 1.0):
            problems.append(f"{name}: must be a share between 0 and 1, got {v!r}")

    share("service_level", target.service_level)
    share("max_abandon", target.max_abandon)
    share("max_occupancy", target.max_occupancy)
    if not (math.isfinite(target.answer_seconds) and target.answer_seconds >= 0):
        problems.append(f"answer_seconds: must be >= 0, got {target.answer_seconds!r}")
    if target.max_asa_seconds is not None and not target.max_asa_seconds >= 0:
        problems.append(f"max_asa_seconds: must be >= 0, got {target.max_asa_seconds!r}")
    p = target.patience_seconds
    if p is not None and not (math.isfinite(p) and p > 0):
        problems.append(f"patience_seconds: must be > 0, got {p!r}")
    if target.max_abandon is not None and p is None:
        problems.append("max_abandon: needs patience_seconds (abandonment is an Erlang A quantity)")
    if not isinstance(target.min_agents, int | np.integer) or target.min_agents < 0:
        problems.append(f"min_agents: must be a whole number >= 0, got {target.min_agents!r}")
    if problems:
        raise InputError("invalid staffing target", problems)
    if target.service_level is not None and target.service_level >= 1.0:
        raise DomainError("a 100% service level cannot be guaranteed by any number of agents; aim below 1")
    if target.max_asa_seconds == 0:
        raise DomainError("an ASA of 0 seconds cannot be guaranteed by any number of agents")
    if target.max_abandon == 0:
        raise DomainError("an abandon rate of 0 cannot be guaranteed by any number of agents")
    if target.max_occupancy == 0:
        raise DomainError("an occupancy cap of 0 leaves no agent able to take calls")


def required_agents_many(
    calls: Sequence[float],
    aht_seconds: float | Sequence[float],
    interval_seconds: float,
    target: Target,
) -> list[QueueResult]:
    """:func:`required_agents` for many intervals at once (vectorised; same answers, faster)."""
    _validate_target(target)
    interval = _check_number("interval_seconds", interval_seconds, strict=True)
    c = np.asarray(calls, dtype=float).reshape(-1)
    if np.ndim(aht_seconds) and np.size(aht_seconds) != c.size:
        raise InputError(f"aht_seconds: {np.size(aht_seconds)} values for {c.size} intervals")
    aht = np.broadcast_to(np.asarray(aht_seconds, dtype=float), c.shape).copy()
    if not np.all(np.isfinite(c)) or np.any(c < 0):
        raise InputError("calls: every interval needs a finite number >= 0")
    if not np.all(np.isfinite(aht)) or np.any(aht <= 0):
        raise InputError("aht_seconds: must be finite and > 0 seconds")
    model = "erlang_c" if target.patience_seconds is None else "erlang_a"
    with np.errstate(over="ignore"):
        a = c * aht / interval
    _check_load(a, interval)
    results: list[QueueResult | None] = [None] * c.size
    busy = np.flatnonzero(c > 0)
    for i in np.flatnonzero(c == 0).tolist():
        results[i] = _special_result(model, int(target.min_agents), 0.0, None)
    if busy.size:
        solve = _solve_c if model == "erlang_c" else _solve_a
        n, m = solve(c[busy] / interval, aht[busy], a[busy], target)
        done = _results(model, n.astype(int).tolist(), a[busy].tolist(), m)
        for i, r in zip(busy.tolist(), done, strict=True):
            results[i] = r
    return results  # type: ignore[return-value]


def _check_load(a: FloatArray, interval: float) -> None:
    """Refuse an interval whose offered load needs more than :data:`MAX_AGENTS` agents.

    Erlang C needs n > A agents, and every target a quote sets keeps Erlang A's handled load
    A (1 - P(ab)) close to A, with n agents handling at most n Erlangs. Far beyond MAX_AGENTS Erlangs the
    search would overflow 64-bit integers or step past float precision, so the load is refused before any
    search starts; with it every search below is bounded (by ``_cap``).
    """
    big = np.flatnonzero(~(a <= MAX_AGENTS))
    if big.size:
        i = int(big[0])
        raise DomainError(
            f"interval {i} (of {interval:g} s): an offered load of {float(a[i]):.6g} Erlangs needs more than "
            f"{MAX_AGENTS:,} agents; split the volume or check it"
        )


def _start_c(a: FloatArray, target: Target) -> FloatArray:
    """Erlang C lower bound per interval: stable (n > A), the occupancy cap (A/n), min_agents."""
    n0 = np.maximum(float(max(target.min_agents, 1)), np.floor(a) + 1.0)
    if target.max_occupancy is not None:
        occ = np.ceil(a / target.max_occupancy)  # step back once if rounding overshot
        occ = np.where(a / np.maximum(occ - 1.0, 1e-300) <= target.max_occupancy, occ - 1.0, occ)
        n0 = np.maximum(n0, occ)
    return n0


def _start_a(a: FloatArray, target: Target) -> FloatArray:
    """Erlang A lower bound per interval.

    The handled load A (1 - P(ab)), at least A * max(SL, 1 - max_abandon) when the targets are met,
    must fit in n agents at the occupancy cap (or at 100%).
    """
    max_ab = target.max_abandon if target.max_abandon is not None else 1.0
    share = max(target.service_level or 0.0, 1.0 - max_ab)
    bound = np.floor(a * share / (target.max_occupancy or 1.0) * (1 - 1e-9))
    if target.load_floor and target.max_abandon is None:
        bound = np.maximum(bound, np.ceil(a * (1 - 1e-12)))
    return np.maximum(float(max(target.min_agents, 1)), bound)


def _cap(a: FloatArray, n0: FloatArray, target: Target) -> FloatArray:
    """A number of agents beyond which a still-unmet target is treated as unreachable.

    Refuses a lower bound already above ``_SEARCH_LIMIT`` (a tiny occupancy cap, a huge ``min_agents``).
    """
    big = np.flatnonzero(n0 > _SEARCH_LIMIT)
    if big.size:
        i = int(big[0])
        raise DomainError(
            f"interval {i}: an offered load of {float(a[i]):.6g} Erlangs under {target} needs at least "
            f"{float(n0[i]):,.0f} agents, more than {_SEARCH_LIMIT:,}"
        )
    # a <= MAX_AGENTS and n0 <= _SEARCH_LIMIT, so the cap is a few hundred thousand at most
    return np.maximum(n0, np.ceil(a / (target.max_occupancy or 1.0))) + np.ceil(60.0 * np.sqrt(a)) + 100.0


def _unreachable(cap: float, target: Target) -> DomainError:
    return DomainError(f"no number of agents up to {int(cap):,} meets the target {target}; relax the target")


def _solve_c(lam: FloatArray, aht: FloatArray, a: FloatArray, target: Target) -> tuple[FloatArray, Metrics]:
    """Erlang C: step n upward from a lower bound with the Erlang B recursion, all intervals at once."""
    n = _start_c(a, target)
    cap = _cap(a, n, target)
    log_b, _ = _log_erlang_b(n, a)
    b = np.exp(log_b)
    out_n, out_b = n.copy(), b.copy()
    t, sl, asa = target.answer_seconds, target.service_level, target.max_asa_seconds
    idx: IndexArray = np.arange(a.size)
    ai, ahti, ni, bi, capi = a, aht, n, b, cap
    while idx.size:
        with np.errstate(over="ignore", divide="ignore"):
            cw = 1.0 / (ai / ni + (ni - ai) / (ni * bi))
        ok = np.ones(idx.size, dtype=bool)
        if sl is not None:
            ok &= 1.0 - cw * np.exp(-(ni - ai) * t / ahti) >= sl
        if asa is not None:
            ok &= cw * ahti / (ni - ai) <= asa
        if ok.any():
            out_n[idx[ok]], out_b[idx[ok]] = ni[ok], bi[ok]
            keep = ~ok
            idx, ai, ahti, ni, bi, capi = idx[keep], ai[keep], ahti[keep], ni[keep], bi[keep], capi[keep]
        if np.any(ni >= capi):
            raise _unreachable(float(capi[ni >= capi][0]), target)
        ni = ni + 1.0
        bi = ai * bi / (ni + ai * bi)
    return out_n, _metrics_c(a, aht, out_n, t, out_b)


def _solve_a(lam: FloatArray, aht: FloatArray, a: FloatArray, target: Target) -> tuple[FloatArray, Metrics]:
    """Erlang A: galloping then bisection on n, all intervals at once (targets are monotone in n)."""
    patience, t = float(target.patience_seconds), target.answer_seconds  # type: ignore[arg-type]
    lo = _start_a(a, target)
    cap = _cap(a, lo, target)
    hi = np.full(a.shape, np.nan)
    keys = ("p_wait", "service_level", "abandon_rate", "occupancy", "mean_wait_seconds", "asa_seconds")
    max_asa = target.max_asa_seconds
    need_asa = max_asa is not None
    store = {k: np.full(a.shape, np.nan) for k in keys}

    def probe(idx: IndexArray, n: FloatArray) -> BoolArray:
        m = _metrics_a(lam[idx], aht[idx], patience, n, t, with_asa=need_asa)
        ok = np.ones(idx.size, dtype=bool)
        if target.service_level is not None:
            ok &= m["service_level"] >= target.service_level
        if target.max_abandon is not None:
            ok &= m["abandon_rate"] <= target.max_abandon
        if target.max_occupancy is not None:
            ok &= m["occupancy"] <= target.max_occupancy
        if max_asa is not None:  # same as need_asa
            ok &= m["asa_seconds"] <= max_asa
        good = idx[ok]
        hi[good] = n[ok]
        for k in m:
            store[k][good] = m[k][ok]
        return ok

    step = np.maximum(1.0, np.ceil(0.25 * np.sqrt(a)))
    idx = np.arange(a.size)
    probe(idx, lo)
    idx = idx[np.isnan(hi)]
    while idx.size:  # gallop until a feasible n is found
        n = np.minimum(lo[idx] + step[idx], cap[idx])
        ok = probe(idx, n)
        failed = ~ok & (n >= cap[idx])
        if failed.any():
            raise _unreachable(float(cap[idx][failed][0]), target)
        lo[idx[~ok]] = n[~ok] + 1.0
        step[idx] *= 2.0
        idx = idx[~ok]
    idx = np.flatnonzero(lo < hi)
    while idx.size:  # bisect: lo unknown-or-infeasible below, hi feasible
        mid = np.floor(0.5 * (lo[idx] + hi[idx]))
        ok = probe(idx, mid)
        lo[idx[~ok]] = mid[~ok] + 1.0
        idx = idx[lo[idx] < hi[idx]]
    if not need_asa:
        store["asa_seconds"] = _metrics_a(lam, aht, patience, hi, t)["asa_seconds"]
    return hi, store

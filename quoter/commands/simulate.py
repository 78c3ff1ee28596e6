"""``quoter simulate``: the staffing plan in a simulated week, against its Erlang prediction; and the wording of
``quoter staff --verify`` (staffing that holds in simulation)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer

from quoter.commands.common import JsonFlag, ReqPath, echo_json, num, pct, plain_table
from quoter.errors import InputError

MISSES_SHOWN = 12

Weeks = Annotated[int, typer.Option("--weeks", help="Weeks to simulate (independent replications of the week).")]
Seed = Annotated[int, typer.Option("--seed", help="Random seed: the same seed gives the same numbers.")]


def register(app: typer.Typer) -> None:
    app.command("simulate")(simulate)


def simulate(
    requirements: ReqPath,
    weeks: Weeks = 50,
    seed: Seed = 1,
    as_json: JsonFlag = False,
    chart: Annotated[
        Path | None, typer.Option("--chart", help="Draw predicted and simulated service level by interval (.png/.svg).")
    ] = None,
    handle: Annotated[str, typer.Option("--handle", help="Handle times: exponential, lognormal or fixed.")] = (
        "exponential"
    ),
    handle_cv: Annotated[float, typer.Option("--handle-cv", help="CV of lognormal handle times.")] = 1.0,
    patience: Annotated[str, typer.Option("--patience", help="Caller patience: exponential, lognormal or fixed.")] = (
        "exponential"
    ),
    patience_cv: Annotated[float, typer.Option("--patience-cv", help="CV of lognormal patience.")] = 1.0,
    forecast_error: Annotated[
        float, typer.Option("--forecast-error", help="Daily forecast error: CV of a per-day factor on volume (0.1).")
    ] = 0.0,
    bilingual_share: Annotated[
        float | None,
        typer.Option("--bilingual-share", help="Share of a pool's agents who speak all its languages (default: the "
                     "requirements', else 1)."),
    ] = None,
) -> None:  # fmt: skip
    """Simulate the staffing plan: service level, ASA, abandon and occupancy per queue, week and interval, with
    95 % confidence intervals, against the Erlang prediction; the intervals that miss a target."""
    from quoter.inputs.requirements import load_requirements
    from quoter.simulate.run import Options, run_dict, simulate_plan
    from quoter.staffing.planner import plan_staffing

    if chart is not None:
        _check_chart(chart)
    opt = Options(weeks, seed, handle, handle_cv, patience, patience_cv, forecast_error, bilingual_share)  # type: ignore[arg-type]
    opt.check()
    req = load_requirements(requirements)
    run = simulate_plan(req, plan_staffing(req), opt)
    if chart is not None:
        _write_chart(run, chart)
    data = run_dict(run)
    if as_json:
        echo_json(data)
    else:
        typer.echo(simulation_summary(data))


def _check_chart(chart: Path) -> None:
    from quoter.outputs import check_target

    if chart.suffix.lower() not in (".png", ".svg"):
        raise InputError(f"--chart: '{chart.name}' must end in .png or .svg")
    try:
        check_target(chart)
    except InputError as exc:
        raise InputError(f"--chart: {exc}") from None


def _write_chart(run: Any, chart: Path) -> None:
    from quoter.outputs import Staging
    from quoter.simulate.chart import simulation_chart

    with Staging(chart.parent) as stage:
        stage.adopt(simulation_chart(run, stage.scratch() / chart.name), chart)
    typer.echo(f"Wrote {chart}", err=True)


def _ci(pair: list[float | None], f: Any) -> str:
    lo, hi = pair
    return "-" if lo is None or hi is None else f"{f(lo)}..{f(hi)}"


def _row(q: dict[str, Any]) -> list[str]:
    p, s = q["predicted"], q["simulated"]
    return [q["queue"], q["model"], f"{q['calls']:,}", pct(p["service_level"]), pct(s["service_level"]),
            _ci(s["service_level_ci"], pct), num(p["asa_seconds"]), num(s["asa_seconds"]), pct(p["abandon_rate"]),
            pct(s["abandon_rate"]), pct(p["occupancy"]), pct(s["occupancy"])]  # fmt: skip


def _value(key: str, v: float) -> str:
    return f"{v:.1f} s" if key == "asa_seconds" else pct(v)


def simulation_summary(data: dict[str, Any]) -> str:
    m = data["model"]
    lines = [
        f"Simulated {data['weeks']} weeks: {data['calls']:,} contacts in {data['seconds']:.2f} s (seed {data['seed']}; "
        f"handle {m['handle']}, patience {m['patience']}, daily forecast error {pct(m['forecast_error'])}).",
        "",
    ]  # fmt: skip
    head = ["queue", "model", "contacts", "SL pred", "SL sim", "SL 95% CI", "ASA pred", "ASA sim", "aband. pred",
            "aband. sim", "occ. pred", "occ. sim"]  # fmt: skip
    lines.append(plain_table(head, [_row(q) for q in data["queues"]], left=2))
    lines += ["", "Intervals whose simulated mean misses a target (* the whole 95 % interval misses it):"]
    for q in data["queues"]:
        misses = q["intervals_missing"]
        sig = sum(1 for x in misses if x["significant"])
        lines.append(
            f"  {q['queue']}: {len(misses)} misses in {len(q['intervals'])} open intervals ({sig} beyond chance)"
        )
        for x in misses[:MISSES_SHOWN]:
            star = " *" if x["significant"] else ""
            lines.append(f"    {x['day']} {x['time']}  {x['target']} {_value(x['target'], x['simulated'])} (target "
                         f"{_value(x['target'], x['target_value'])}), {x['agents']} agents{star}")  # fmt: skip
        if len(misses) > MISSES_SHOWN:
            lines.append(f"    ... and {len(misses) - MISSES_SHOWN} more (--json lists all)")
    for d in data.get("deferred", ()):
        basis = "clock" if d["response_clock"] == "clock" else "open"
        lines.append(f"E-mail {d['language']}: {pct(d['within_clock_hours']['mean'])} answered within "
                     f"{d['response_hours']:g} clock hours, {pct(d['within_open_hours']['mean'])} within "
                     f"{d['response_hours']:g} open hours (the requirements count {basis} hours); mean "
                     f"{num(d['mean_response_hours']['mean'])} h")  # fmt: skip
    lines += [f"Not simulated: {s['queue']} ({s['reason']})" for s in data["skipped"]]
    return "\n".join(lines)


def verification_summary(v: dict[str, Any]) -> str:
    """The lines ``quoter staff --verify`` adds under the staffing summary."""
    state = "every interval holds" if v["holds"] else "some intervals still miss"
    lines = ["", f"Verified in simulation ({v['weeks']} weeks, {v['iterations']} iterations): {state}; "
             f"{v['extra_fte']:+.2f} FTE ({v['extra_agent_hours_week']:+.1f} agent-hours a week)."]  # fmt: skip
    cost = v.get("cost")
    if cost:
        extra, price = (Decimal(cost[k]) for k in ("extra_provider_cost", "extra_monthly_total"))
        lines.append(f"  The added agents cost {extra:,.0f} {cost['currency']} a month to provide, "
                     f"{price:,.0f} a month in the price (price book {cost['book']}).")  # fmt: skip
    for q in v["queues"]:
        lines.append(f"  {q['queue']}: {q['extra_fte']:+.2f} FTE in {q['intervals_changed']} intervals")
    return "\n".join(lines)

"""The command line: a thin layer that parses arguments, calls the core and renders results.

Exit codes: 0 ok; 1 bad input or a domain error (one ``Error: ...`` line, no traceback);
2 usage (unknown option, missing argument). Heavy modules load inside the commands so
``quoter --help`` stays fast.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from quoter.commands import register_all
from quoter.commands.common import JsonFlag, LangOption, PdfFlag, ReqPath
from quoter.commands.common import echo_json as _echo_json
from quoter.commands.common import num as _num
from quoter.commands.common import pct as _pct
from quoter.commands.common import plain_table as _plain_table
from quoter.commands.common import table as _table
from quoter.errors import InputError, QuoterError

app = typer.Typer(
    name="quoter",
    help="Staff, price and document call-center outsourcing quotes.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def _options(
    ctx: typer.Context,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display on the terminal.")] = False,
) -> None:
    """Staff, price and document call-center outsourcing quotes."""
    from quoter.commands.terminal import setup

    setup(ctx, quiet)


def _show(text: str) -> None:
    """A command's result: rich tables on a terminal, this plain text when piped (scripts and tests read it)."""
    from quoter.commands.terminal import show

    show(text)


def staffing_summary(plan: Any) -> str:
    """Readable per-queue summary of a StaffingPlan."""
    rows = [
        [
            q.channel,
            q.language,
            f"{q.contacts_week:,.0f}",
            f"{q.agent_hours_week:,.1f}",
            f"{q.fte:.1f}",
            str(q.peak_agents),
            _pct(q.service_level),
            _num(q.asa_seconds),
            _pct(q.abandon_rate),
            _pct(q.occupancy),
        ]
        for q in plan.queues
    ]
    t = plan.totals
    rows.append(
        [
            "total",
            "",
            f"{t.contacts_week:,.0f}",
            f"{t.agent_hours_week:,.1f}",
            f"{t.fte:.1f}",
            str(t.peak_agents),
            "",
            "",
            "",
            "",
        ]
    )
    head = [
        "channel",
        "queue",
        "contacts/wk",
        "agent-h/wk",
        "FTE",
        "peak",
        "SL",
        "ASA s",
        "abandon",
        "occupancy",
    ]
    parts = [_table(head, rows), ""]
    parts.append(f"Telephone lines: {t.lines} (Erlang B, {t.lines_blocking:.0%} blocking at the busiest interval)")
    parts.append(f"Scheduled agent-hours per week: {t.scheduled_hours_week:,.1f} (shrinkage {plan.shrinkage:.0%})")
    for s in plan.pooling:
        parts.append(
            f"Pooling {s.channel} {s.pool}: {s.fte_pooled:.1f} FTE pooled vs {s.fte_separate:.1f} separate "
            f"(saves {s.fte_saved:.1f} FTE; peak {s.peak_pooled} vs {s.peak_separate})"
        )
    return "\n".join([*parts, *_staffing_footer(plan)])


def _staffing_footer(plan: Any) -> list[str]:
    """The service-level definitions and the method's notes."""
    from quoter.render.text import staffing_notes

    parts = ["", "Service level definitions:"]
    parts += dict.fromkeys(f"  {q.channel} {q.language} ({q.model}): {q.sl_definition}" for q in plan.queues)
    notes = staffing_notes(plan.notes, plan.shrinkage, plan.hours_per_fte_week, plan.totals.lines_blocking, "en")
    return parts + [f"Note: {n}" for n in notes]


@app.command()
def staff(
    requirements: ReqPath,
    as_json: JsonFlag = False,
    verify: Annotated[
        bool, typer.Option("--verify", help="Add agents where an interval misses a target in simulation (simulate).")
    ] = False,
) -> None:
    """Staffing plan: agents per interval and queue, FTE, peak agents, lines."""
    from quoter.inputs.requirements import load_requirements
    from quoter.staffing.planner import plan_staffing

    req = load_requirements(requirements)
    plan, checked = plan_staffing(req), None
    if verify:
        from quoter.simulate.verify import verified_plan

        plan, checked = verified_plan(req, plan)
    if as_json:
        _echo_json({**plan.to_dict(), **({"verification": checked} if checked else {})})
    else:
        _show(staffing_summary(plan) + _verification_text(checked))


def _verification_text(checked: dict[str, Any] | None) -> str:
    from quoter.commands.simulate import verification_summary

    return "\n" + verification_summary(checked) if checked else ""


def shifts_summary(result: Any) -> str:
    """Readable roster per language queue: headcount, paid hours split, efficiency, solver, shifts."""
    rows = []
    for q in result.queues:
        rows.append([q.queue, str(q.headcount), f"{q.required_hours_week:,.0f}", f"{q.paid_hours_week:,.0f}",
                     f"{q.normal_hours_week:,.0f}", f"{q.night_hours_week:,.0f}", f"{q.friday_hours_week:,.0f}",
                     f"{q.holiday_hours_week:,.0f}", _pct(q.efficiency), q.status, _pct(q.mip_gap)])  # fmt: skip
    t = result.totals
    rows.append(["total", f"{t['headcount']:.0f}", f"{t['required_hours_week']:,.0f}", f"{t['paid_hours_week']:,.0f}",
                 f"{t['normal_hours_week']:,.0f}", f"{t['night_hours_week']:,.0f}", f"{t['friday_hours_week']:,.0f}",
                 f"{t['holiday_hours_week']:,.0f}", _pct(t["efficiency"]), "", _pct(t["mip_gap"])])  # fmt: skip
    head = ["queue", "people", "required h", "paid h", "normal", "night", "friday", "holiday", "efficiency", "solver",
            "gap"]  # fmt: skip
    parts = [_table(head, rows), ""]
    parts.append("Hours are per week. Night, Friday and holiday hours overlap (their premiums stack); normal hours")
    parts.append("carry no premium. Holiday hours are expected from official holidays per year.")
    parts.append(f"LP lower bound on paid hours: {t['lp_bound_hours']:,.0f} h; solved in {t['solve_seconds']:.2f} s "
                 f"by {result.solver}.")  # fmt: skip
    for q in result.queues:
        parts.append("")
        parts.append(f"Shifts of queue {q.queue}:")
        for tour in q.shifts:
            kind = "part-time" if tour.contract == "part_time" else "full-time"
            parts.append(f"  {tour.people:>3} x {kind} ({tour.worked_hours:g} h worked, {tour.paid_hours:g} paid): "
                         f"{_tour_days(tour.shifts)}")  # fmt: skip
        parts.extend(f"  Note: {n}" for n in q.notes)
    return "\n".join(parts)


def _tour_days(shifts: tuple[tuple[str, str, float], ...]) -> str:
    """A tour's days, runs of the same shift together: ``sat-wed 08:00 8 h, thu 08:00 4 h``."""
    runs: list[list[Any]] = []
    for day, start, hours in shifts:
        if runs and runs[-1][2:] == [start, hours]:
            runs[-1][1] = day
        else:
            runs.append([day, day, start, hours])
    return ", ".join(f"{a if a == b else f'{a}-{b}'} {start} {hours:g} h" for a, b, start, hours in runs)


def _check_time_limit(seconds: float) -> None:
    from quoter.limits import MAX_SOLVER_SECONDS

    if not math.isfinite(seconds) or not 0 < seconds <= MAX_SOLVER_SECONDS:
        raise InputError(f"--time-limit: {seconds:g} is not a number of seconds in (0, {MAX_SOLVER_SECONDS:g}]")


@app.command()
def shifts(
    requirements: ReqPath,
    as_json: JsonFlag = False,
    chart: Annotated[Path | None, typer.Option("--chart", help="Write a coverage chart (.png or .svg).")] = None,
    time_limit: Annotated[
        float | None, typer.Option("--time-limit", help="Solver time budget, seconds (default: the rules').")
    ] = None,
    price_book: Annotated[
        str | None,
        typer.Option(
            "--price-book",
            help="Price book (name or YAML path) whose labour facts (night window, rest days, holidays, the "
            "agents' time zone) and premiums the roster uses; default: the default book.",
        ),
    ] = None,
) -> None:
    """Shift plan: whole weekly tours covering every interval, headcount, night/Friday hours."""
    from quoter.inputs.pricebook import load_price_book
    from quoter.inputs.requirements import load_requirements
    from quoter.shifts.solver import plan_shifts
    from quoter.staffing.planner import plan_staffing

    if chart is not None:
        _check_output_file(chart, "--chart", (".png", ".svg"))
    if time_limit is not None:
        _check_time_limit(time_limit)
    req = load_requirements(requirements)
    book = load_price_book(price_book)
    result = plan_shifts(req, plan_staffing(req), time_limit_s=time_limit, book=book)
    if chart is not None:
        from quoter.render.chart import coverage_chart

        with _delivery(chart.parent) as stage:
            stage.adopt(coverage_chart(result, stage.scratch() / chart.name), chart)
    if as_json:
        _echo_json(result.to_dict())
    else:
        _show(shifts_summary(result))


def _parse_sl(text: str) -> tuple[float, float]:
    try:
        pct, secs = text.split("/")
        sl, t = float(pct) / 100, float(secs)
    except ValueError:
        raise InputError(f"--sl: '{text}' is not a target like 80/20 (percent answered / seconds)") from None
    if not 0 < sl <= 1 or t < 0:
        raise InputError(f"--sl: '{text}' needs a percent in (0, 100] and seconds >= 0")
    return sl, t


@app.command("erlang")
def erlang_cmd(
    calls: Annotated[float, typer.Option("--calls", help="Calls offered per interval.")],
    aht: Annotated[float, typer.Option("--aht", help="Average handle time, seconds.")],
    interval: Annotated[float, typer.Option("--interval", help="Interval length, minutes.")] = 30,
    sl: Annotated[str, typer.Option("--sl", help="Service-level target, percent/seconds, e.g. 80/20.")] = "80/20",
    max_occupancy: Annotated[float | None, typer.Option("--max-occupancy", help="Occupancy cap, e.g. 0.85.")] = None,
    shrinkage: Annotated[float, typer.Option("--shrinkage", help="Share of paid time off the phones.")] = 0.0,
    patience: Annotated[
        float | None, typer.Option("--patience", help="Mean caller patience, seconds (Erlang A).")
    ] = None,
    max_abandon: Annotated[float | None, typer.Option("--max-abandon", help="Abandon-rate cap, e.g. 0.05.")] = None,
    max_asa: Annotated[float | None, typer.Option("--max-asa", help="ASA cap, seconds.")] = None,
    agents: Annotated[
        int | None, typer.Option("--agents", help="Evaluate this many agents instead of solving.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """One-queue Erlang C / Erlang A calculator, as WFM people know it."""
    from quoter.staffing import erlang

    _check_erlang_options(calls, aht, interval, shrinkage, max_occupancy, max_abandon, patience, agents)
    level, t = _parse_sl(sl)
    interval_s = interval * 60
    if agents is None:
        target = erlang.Target(
            service_level=level,
            answer_seconds=t,
            max_asa_seconds=max_asa,
            max_abandon=max_abandon,
            patience_seconds=patience,
            max_occupancy=max_occupancy,
        )
        r = erlang.required_agents(calls, aht, interval_s, target)
    else:
        r = erlang.evaluate(calls, aht, interval_s, agents, answer_seconds=t, patience_seconds=patience)
    scheduled = math.ceil(r.agents / (1 - shrinkage) - 1e-9)
    out = _erlang_dict(r, calls, interval, aht, t, scheduled)
    if as_json:
        _echo_json(out)
        return
    typer.echo(_erlang_text(out, r, shrinkage, evaluated=agents is not None))


def _check_erlang_options(
    calls: float,
    aht: float,
    interval: float,
    shrinkage: float,
    max_occupancy: float | None,
    max_abandon: float | None,
    patience: float | None,
    agents: int | None,
) -> None:
    """Every bad option at once, as one error."""
    from quoter.limits import MAX_CONTACTS_PER_MONTH, MAX_HANDLE_SECONDS, MAX_PATIENCE_SECONDS

    problems = []
    if not (math.isfinite(calls) and 0 <= calls <= MAX_CONTACTS_PER_MONTH):
        problems.append(f"--calls: must be a number of calls in [0, {MAX_CONTACTS_PER_MONTH:,}]")
    if not (math.isfinite(aht) and 0 < aht <= MAX_HANDLE_SECONDS):
        problems.append(f"--aht: must be in (0, {MAX_HANDLE_SECONDS}] seconds")
    if not (math.isfinite(interval) and 0 < interval <= 1440):
        problems.append("--interval: must be in (0, 1440] minutes")
    if not 0 <= shrinkage < 1:
        problems.append("--shrinkage: must be in [0, 1)")
    if max_occupancy is not None and not 0 < max_occupancy <= 1:
        problems.append("--max-occupancy: must be in (0, 1]")
    if max_abandon is not None and not 0 < max_abandon <= 1:
        problems.append("--max-abandon: must be in (0, 1]")
    if max_abandon is not None and patience is None:
        problems.append("--max-abandon: needs --patience (Erlang A)")
    if patience is not None and not (math.isfinite(patience) and 0 < patience <= MAX_PATIENCE_SECONDS):
        problems.append(f"--patience: must be in (0, {MAX_PATIENCE_SECONDS}] seconds")
    if agents is not None and agents < 0:
        problems.append("--agents: must be >= 0")
    if problems:
        raise InputError("bad arguments", problems)


def _erlang_dict(r: Any, calls: float, interval: float, aht: float, t: float, scheduled: int) -> dict[str, Any]:
    """The calculator's result as printed by --json."""
    from quoter.staffing import erlang

    definition = erlang.SL_DEFINITION_A if r.model == "erlang_a" else erlang.SL_DEFINITION_C
    out = {
        "model": r.model,
        "calls": calls,
        "interval_minutes": interval,
        "aht_seconds": aht,
        "offered_erlangs": r.offered_erlangs,
        "agents": r.agents,
        "scheduled_agents": scheduled,
        "service_level": r.service_level,
        "answer_seconds": t,
        "p_wait": r.p_wait,
        "asa_seconds": r.asa_seconds,
        "occupancy": r.occupancy,
        "sl_definition": definition,
    }
    if r.abandon_rate is not None:
        out["abandon_rate"] = r.abandon_rate
    return out


def _erlang_text(out: dict[str, Any], r: Any, shrinkage: float, evaluated: bool) -> str:
    """The calculator's result for the terminal."""
    verb = "Evaluated" if evaluated else "Required"
    lines = [
        f"Model: {r.model.replace('_', ' ').title()}   offered load {r.offered_erlangs:.2f} Erlangs",
        f"{verb} agents: {r.agents}   scheduled with {shrinkage:.0%} shrinkage: {out['scheduled_agents']}",
        f"Service level: {_pct(r.service_level)} within {out['answer_seconds']:g} s",
        f"P(wait): {_pct(r.p_wait)}   ASA: {r.asa_seconds:.1f} s   occupancy: {_pct(r.occupancy)}",
    ]
    if not math.isfinite(r.asa_seconds):
        lines.append("Unstable: the agents cannot keep up with the offered load, the queue grows without bound.")
    if r.abandon_rate is not None:
        lines.append(f"Abandon rate: {_pct(r.abandon_rate)}")
    lines.append(f"Definition: {out['sl_definition']}")
    return "\n".join(lines)


def _money_fn(currency: str, toman: bool) -> Any:
    """Amount formatter for the terminal: the currency's format, or Toman when asked (IRR only)."""
    from decimal import Decimal

    from quoter.render.localize import CURRENCIES, format_money, format_number

    def fmt(value: Any) -> str:
        if value is None:
            return "-"
        amount = Decimal(str(value))
        if currency in CURRENCIES:
            return format_money(amount, currency, "en", toman=toman and currency == "IRR")
        return f"{format_number(amount, 'en')} {currency}"

    return fmt


def _share(value: Any, places: int = 2) -> str:
    """A share as a percentage with at most ``places`` decimals: ``"0.125"`` -> ``12.5%``."""
    from decimal import Decimal

    if value is None:
        return "-"
    text = f"{Decimal(str(value)) * 100:.{places}f}"
    return (text.rstrip("0").rstrip(".") if "." in text else text) + "%"


def quote_summary(data: dict[str, Any], plan: Any = None, toman: bool = False) -> str:
    """Readable quote: staffing, cost build-up, tariffs, setup, ramp-up, scenarios, in-house, recommendation."""
    from quoter.render import text

    money = _money_fn(data["currency"], toman)
    out = _summary_head(data, plan)
    out += _cost_section(data, money)
    out += _tariffs_section(data, money)
    out += _setup_section(data, money)
    stages = ", ".join(f"week {r['week']}: {r['agents']} agents ({_share(r['share'])})" for r in data["ramp_up"])
    out += [f"RAMP-UP: {stages}", ""]
    out += _scenarios_section(data, toman)
    out += _term_section(data, money)
    ih = data["in_house"]
    vat = f" + VAT {money(ih['outsourced_vat'])} (not reclaimable)" if ih["vat_included"] else ""
    side = "running it in-house" if ih["cheaper"] == "in_house" else "outsourcing"
    out += [
        f"IN-HOUSE ALTERNATIVE: {money(ih['monthly_total'])} a month (hidden costs included) + "
        f"{money(ih['setup_total'])} set-up; over {data['term_months']} months at the term's wages and prices "
        f"{money(ih['term_total'])} in-house vs {money(ih['outsourced_term_total'])} outsourced "
        f"({data['chosen_model']} {money(ih['outsourced_bill'])} + vendor management "
        f"{money(ih['vendor_management'])}{vat}): {side} is cheaper by {money(ih['difference'])} "
        f"({_share(ih['difference_share'])}).",
        "",
        f"RECOMMENDATION: {text.recommendation(data, 'en')}",
    ]
    return "\n".join(out)


def _summary_head(data: dict[str, Any], plan: Any) -> list[str]:
    """The quote's number, dates, client and price book, then the staffing (live plan or as saved)."""
    q, book, cur = data["quote"], data["price_book"], data["currency"]
    return [
        f"Quote {q['number']}  date {q['date']} ({q['date_jalali']})  valid until {q['valid_until']}",
        f"Client: {data['client']['name']}   price book {book['name']} ({book['as_of']}, {cur})   "
        f"term {data['term_months']} months",
        "",
        "STAFFING",
        staffing_summary(plan) if plan is not None else _saved_staffing(data["staffing"]),
        _shift_line(data["staffing"].get("shift_plan")),
        "",
    ]


def _cost_section(data: dict[str, Any], money: Any) -> list[str]:
    """The monthly cost build-up: every line, the provider cost and the total."""
    from quoter.render import text
    from quoter.render.localize import format_number

    c = data["cost"]
    rows = [
        [text.line_label(ln, "en"), f"{format_number(_dec(ln['quantity']), 'en')} {ln['unit']}", _rate(ln),
         money(ln["amount"]), ln["source"]]
        for ln in c["lines"]
    ]  # fmt: skip
    rows.append(["Provider cost (before margin)", "", "", money(c["provider_cost"]), ""])
    rows.append(["Monthly total at forecast (target revenue, excl. VAT)", "", "", money(c["monthly_total"]), ""])
    return ["COST BUILD-UP (monthly)", _plain_table(["line", "quantity", "rate", "amount", "source"], rows), ""]


def _tariffs_section(data: dict[str, Any], money: Any) -> list[str]:
    """Each model's price, monthly amount with and without VAT and risk premium at the forecast volume."""
    from quoter.render import text

    out = [f"TARIFFS at the forecast volume (VAT {_share(data['vat_rate'])})"]
    rows = []
    for key, m in data["models"].items():
        detail = ((data.get("pricing") or {}).get("models") or {}).get(key) or {}
        rows.append([text.model_name(key, "en"), _unit_text(key, m, money, detail), money(m["monthly_at_forecast"]),
                     money(m["monthly_with_vat"]), _share(m["risk_premium"])])  # fmt: skip
    return out + [_plain_table(["model", "price", "monthly excl. VAT", "incl. VAT", "risk premium"], rows, left=2), ""]


def _setup_section(data: dict[str, Any], money: Any) -> list[str]:
    """The one-time set-up lines and their total."""
    from quoter.render import text

    s = data["setup"]
    rows = [[text.line_label(ln, "en"), money(ln["amount"])] for ln in s["lines"]] + [["Total", money(s["total"])]]
    return ["SETUP (one-time)", _plain_table(["item", "amount"], rows), ""]


def _term_section(data: dict[str, Any], money: Any) -> list[str]:
    """The term plan month by month (the contract's model under the book's policy) and the three policies."""
    t = data["term"]
    model, policy = t["chosen_model"], t["policy"]
    rows = [
        [m["month"], m["season"], f"{_dec(m['contacts']):,.0f}", f"{_dec(m['fte']):.1f}", m["wage_index"],
         money(m["cost"]), money(m["revenue"][model]), money(m["cash"])]
        for m in t["months"]
    ]  # fmt: skip
    head = ["month", "season", "contacts", "FTE", "wage index", "cost", f"revenue ({policy}, {model})", "cash"]
    out = [
        f"TERM PLAN: {t['months_count']} months from {t['start_month']} (start {t['start']}), seasonality "
        f"{t['seasonality']}; prices {policy} (the price book's policy); cash = the provider's position",
        _plain_table(head, rows),
        "",
        f"PRICE POLICIES over the term ({model}; financing = the cost of the cash position):",
    ]
    pol = t["policies"]
    level = pol["level"]["prices"][model]
    names = {
        "flat": "flat: today's price held",
        "indexed": f"indexed: {pol['indexed']['formula']} on each 1 Farvardin",
        "level": f"level: today's price x {level['factor']} for the whole term",
    }
    rows = []
    for key in ("flat", "indexed", "level"):
        x = pol[key]["totals"][model]
        rows.append([names[key], money(x["revenue"]), money(x["cost"]), money(x["financing"]), money(x["margin"]),
                     _share(x["margin_share"]), money(x["margin_pv"]), money(x["lowest_cash"])])  # fmt: skip
    out.append(_plain_table(["policy", "revenue", "cost", "financing", "margin", "margin %", "margin PV",
                             "lowest cash"], rows))  # fmt: skip
    moves = ", ".join(f"{a['month']} x{a['factor']}" for a in pol["indexed"]["adjustments"]) or "none in the term"
    p = t["payment"]
    out += [
        f"Indexed price moves: {moves}. Level prices ({model}): "
        + ", ".join(f"{k} {money(v)}" for k, v in level.items() if k not in ("factor", "monthly_at_forecast"))
        + f"; {money(level['monthly_at_forecast'])} a month at forecast.",
        f"Being paid: {p['days']} days after each invoice; social-security retention "
        f"{_share(p['social_security_retention'])} until the clearance (+{p['clearance_months']} months); "
        f"good-performance retention {_share(p['performance_retention'])}; guarantee "
        f"{_share(p['guarantee_share'])} of the contract value; withholding {_share(p['withholding'])}. "
        f"Cost of being paid in the price: {_share(t['financing_share'])} of the cost.",
        "",
    ]
    return out


def _scenarios_section(data: dict[str, Any], toman: bool) -> list[str]:
    """The client's monthly cost and the provider's margin under each tariff, per scenario (none: no lines)."""
    from quoter.render import text
    from quoter.render.localize import format_number

    if not data["scenarios"]:
        return []
    cur, keys = data["currency"], list(data["models"])
    unit = ("million Toman" if toman else "million IRR") if cur == "IRR" else cur
    out = []
    for kind, title in (
        ("committed", "the team hired for the forecast faces the month (overtime up to the cap; idle time kept)"),
        ("replanned", "the next month's team is re-sized"),
    ):
        out.append(f"SCENARIOS, {kind}: {title}; the client's monthly cost ({unit}) and the provider's margin")
        rows = []
        for sc in (x for x in data["scenarios"] if x.get("kind", "replanned") == kind):
            service = ""
            if sc.get("service_level") is not None:
                abandon = _share(sc["abandon_rate"], 1) if sc.get("abandon_rate") is not None else "-"
                service = f"{_share(sc['service_level'], 1)} / {abandon}"
            row = [text.scenario_label(sc["key"], "en"), format_number(_dec(sc["contacts_month"]), "en", decimals=0),
                   format_number(_dec(sc["fte"]), "en", decimals=1), service]  # fmt: skip
            for k in keys:
                m = sc["models"][k]
                row.append(f"{_amount(m['client_cost'], cur, toman)} ({_share(m['provider_margin'], 1)})")
            rows.append(row)
        out += [_plain_table(["scenario", "contacts/mo", "FTE", "SL / abandon", *keys], rows), ""]
    return out


def _shift_line(sp: dict[str, Any] | None) -> str:
    if not sp:
        return ""
    from quoter.render.text import shift_note

    if not sp["used"]:
        return f"Shift planning: {shift_note(sp, 'en')}."
    paid = sum(_dec(v) for v in sp["paid_hours_week"].values())
    return f"Shift planning: {shift_note(sp, 'en')}; {paid:,.0f} paid hours a week."


def _saved_staffing(st: dict[str, Any]) -> str:
    """The staffing table of a saved quote (its summary figures; the intervals are not saved)."""
    from quoter.render.localize import format_number

    def n(value: Any, places: int) -> str:
        return format_number(_dec(value), "en", decimals=places)

    rows = [
        [q["channel"], q["language"], n(q["contacts_week"], 0), n(q["fte"], 1), str(q["peak_agents"]),
         _share(q["service_level"], 1), q["asa_seconds"] or "-", _share(q["abandon_rate"], 1),
         _share(q["occupancy"], 1)]
        for q in st["queues"]
    ]  # fmt: skip
    t = st["totals"]
    rows.append(["total", "", n(t["contacts_week"], 0), n(t["fte"], 1), str(t["peak_agents"]), "", "", "", ""])
    head = ["channel", "queue", "contacts/wk", "FTE", "peak", "SL", "ASA s", "abandon", "occupancy"]
    return _plain_table(head, rows, left=2) + f"\nTelephone lines: {t['lines']}"


def _dec(value: Any) -> Any:
    from decimal import Decimal

    return Decimal(str(value))


def _amount(value: Any, currency: str, toman: bool) -> str:
    """A bare amount for dense tables: millions of Rial (or Toman), whole units of other currencies."""
    from quoter.render.localize import format_number

    amount = _dec(value)
    if currency == "IRR":
        amount = amount / (10_000_000 if toman else 1_000_000)
    return format_number(amount, "en", decimals=0)


def _rate(line: dict[str, Any]) -> str:
    from quoter.render.localize import format_number

    return format_number(_dec(line["rate"]), "en")


def _unit_text(key: str, m: dict[str, Any], money: Any, detail: dict[str, Any] | None = None) -> str:
    units = {"voice": "call", "chat": "chat", "email": "email", "outbound": "attempt"}
    if key in ("per_call", "per_minute", "hybrid"):
        field = "variable_rate" if key == "hybrid" else "unit_price"
        per = {k[len(field) + 1 :]: v for k, v in m.items() if k.startswith(field + "_")}
        if key == "per_minute" or m.get("variable_unit") == "minute":
            text = "; ".join(f"{ch} {money(v)}/min" for ch, v in per.items())
        else:
            text = "; ".join(f"{money(v)}/{units.get(ch, ch)}" for ch, v in per.items())
        return f"{money(m['base_monthly'])} + {text}" if key == "hybrid" else text
    if key == "per_seat":
        return f"{money(m['unit_price'])}/seat x {m['seats']}"
    if key == "per_hour":
        return f"{money(m['unit_price'])}/h x {m['hours_per_month']} h"
    if key == "fixed":
        return f"band {m['band_min_calls']:,}-{m['band_max_calls']:,}; over {money(m['overage_rate'])}"
    if key == "performance":
        return f"{_share(m['at_risk_share'])} at risk ({money(m['at_risk_amount'])})"
    if key == "per_result" and detail:
        unit = detail.get("result") if detail.get("unit") == "result" and detail.get("result") else detail.get("unit")
        return f"{money(m['unit_price'])}/{unit} x {_dec(detail['forecast_units']):,.0f}"
    return ""


# the quote book's options of `quote` (docs/book.md)
SaveFlag = Annotated[
    bool, typer.Option("--save", help="Store it in the quote book: a new number Q-<year>-NNNN (or --revise).")
]
NoteOption = Annotated[str | None, typer.Option("--note", help="With --save: a note kept with the revision.")]
ReviseOption = Annotated[
    str | None, typer.Option("--revise", help="With --save: the next revision of this number (Q-1405-0007).")
]
FromOption = Annotated[
    str | None,
    typer.Option(
        "--from",
        help="A stored revision (Q-1405-0007/r2) instead of REQUIREMENTS: shown as stored; --docs and --xlsx are "
        "made from it.",
    ),
]
BookUrlOption = Annotated[str | None, typer.Option("--book", help="Quote book URL (default: $QUOTER_BOOK).")]
QuoteInput = Annotated[
    Path | None,
    typer.Argument(help="Requirements YAML file, a filled intake form (.xlsx), or a quote.json saved with --out "
                   "(shown as saved)."),
]  # fmt: skip
VerifiedFlag = Annotated[bool, typer.Option("--verified", help="Price the staffing verified in simulation.")]


@app.command()
def quote(
    requirements: QuoteInput = None,
    price_book: Annotated[
        str | None, typer.Option("--price-book", help="Price book name (see `quoter price-books`) or YAML path.")
    ] = None,
    as_json: JsonFlag = False,
    out: Annotated[Path | None, typer.Option("--out", help="Save the whole quote as DIR/quote.json.")] = None,
    number: Annotated[
        str | None, typer.Option("--number", help="Quote number (default: from year and inputs).")
    ] = None,
    toman: Annotated[bool, typer.Option("--toman", help="Show Rial amounts in Toman (Rial / 10).")] = False,
    certainty: Annotated[
        str, typer.Option("--certainty", help="How well the client knows its volume: low, medium, high.")
    ] = "medium",
    goal: Annotated[
        str | None, typer.Option("--goal", help="The client's goal: budget, cost, flexibility, quality.")
    ] = None,
    model: Annotated[
        str | None, typer.Option("--model", help="Tariff for the contract (default: the recommended one).")
    ] = None,
    shifts: Annotated[
        bool | None,
        typer.Option(
            "--shifts/--no-shifts",
            help="Price paid and premium hours from the roster (the default; --shifts also fails when the rules "
            "leave none, where the default falls back to the interval estimate); --no-shifts skips it.",
        ),
    ] = None,
    docs: Annotated[
        bool, typer.Option("--docs", help="Also write the proposal, SLA, NDA and contract (into --out, or .).")
    ] = False,
    lang: LangOption = "fa,en",
    pdf: PdfFlag = False,
    xlsx: Annotated[
        Path | None,
        typer.Option("--xlsx", help="Write the negotiation workbook (live formulas), in the first --lang language."),
    ] = None,
    save: SaveFlag = False, note: NoteOption = None, revise: ReviseOption = None,  # the quote book (docs/book.md)
    from_ref: FromOption = None, book_url: BookUrlOption = None, verified: VerifiedFlag = False,
) -> None:  # fmt: skip
    """Price a requirements file: cost build-up, the six tariffs, setup, scenarios, recommendation.

    Given a saved quote.json instead, show it as saved (nothing is re-run; pricing options do not apply).
    """
    langs = _check_langs(lang) if (docs or xlsx is not None) else []
    _check_output_dir(out, "--out")
    if xlsx is not None:
        _check_output_file(xlsx, "--xlsx", (".xlsx",))
    data, plan, q, book_toman, stamp = _quote_input(requirements, price_book, number, certainty, goal, model,
                                                    shifts, xlsx is not None, save, note, revise, from_ref,
                                                    book_url, verified)  # fmt: skip
    _write_quote_outputs(data, q, out, docs, pdf, xlsx, langs, price_book, stamp)
    if as_json:
        _echo_json(data)
    else:
        _show(quote_summary(data, plan, toman=toman or book_toman) + _verification_text(data.get("verification")))


def _write_quote_outputs(
    data: dict[str, Any], q: Any, out: Path | None, docs: bool, pdf: bool, xlsx: Path | None, langs: list[str],
    price_book: str | None, stamp: dict[str, str] | None = None,
) -> None:  # fmt: skip
    """quote.json (--out), the documents (--docs) and the workbook (--xlsx): every output, or none."""
    with _delivery(out or Path(".")) as stage:
        if out is not None:
            _save_quote_staged(data, stage)
        if docs:
            _documents_staged(data, langs, None, None, pdf, stage, price_book, stamp)
        if xlsx is not None and q is not None:
            _workbook_staged(q, xlsx, langs[0], stage)
    for path in stage.written:
        typer.echo(f"{'Saved' if path.name == 'quote.json' else 'Wrote'} {path}", err=True)


def _load_or_price(
    requirements: Path,
    price_book: str | None,
    number: str | None,
    certainty: str,
    goal: str | None,
    model: str | None,
    shifts: bool | None,
    requote: bool,
    verified: bool = False,
) -> tuple[dict[str, Any], Any, Any, bool]:
    """The quote's data, staffing plan (None when saved), Quote (None when saved, unless ``requote``) and
    whether its price book shows Toman: a saved quote.json as saved, or the requirements priced now."""
    if requirements.suffix.lower() == ".json":
        from quoter.quote.pipeline import load_quote

        data = load_quote(requirements)
        q = None
        if requote:
            from quoter.quote.pipeline import requote as requote_saved

            q = requote_saved(data)
        return data, None, q, bool(data.get("toman"))
    from quoter.inputs.pricebook import book_for_client, load_price_book
    from quoter.inputs.requirements import load_requirements
    from quoter.quote.pipeline import build_quote

    if requirements.suffix.lower() == ".xlsx":  # a filled intake form (quoter intake)
        from quoter.render.intake.form import load_form

        req = load_form(requirements)
    else:
        req = load_requirements(requirements)
    book = load_price_book(price_book or book_for_client(req.client.country))  # by default, the client's country's
    q = build_quote(
        req,
        book,
        number=number,
        volume_certainty=certainty,  # type: ignore[arg-type]
        goal=goal,  # type: ignore[arg-type]
        chosen_model=model,
        shifts=shifts,
        verified=verified,
    )
    return q.to_dict(), q.plan, q, book.toman


# ---------------------------------------------------------------- the quote book (quote --save/--from, docs --from)
def _check_book_options(
    requirements: Path | None, save: bool, note: str | None, revise: str | None, from_ref: str | None
) -> None:
    if (requirements is None) == (from_ref is None):
        raise InputError("quote: give a REQUIREMENTS file or --from Q-1405-0007/rK (one of them)")
    if not save and (note is not None or revise is not None):
        raise InputError(f"{'--note' if note is not None else '--revise'}: only with --save")
    if save and from_ref is not None:
        raise InputError("--save: a revision given by --from is already stored")


def _quote_input(
    requirements: Path | None, price_book: str | None, number: str | None, certainty: str, goal: str | None,
    model: str | None, shifts: bool | None, requote: bool, save: bool, note: str | None, revise: str | None,
    from_ref: str | None, book_url: str | None, verified: bool = False,
) -> tuple[dict[str, Any], Any, Any, bool, dict[str, str] | None]:  # fmt: skip
    """The quote's data, plan, Quote and Toman flag (:func:`_load_or_price`, or a stored revision with --from),
    stored in the book with --save; and the revision's stamp for the documents' footer (None: not from the book)."""
    _check_book_options(requirements, save, note, revise, from_ref)
    stamp = None
    if from_ref is not None:
        data, q, stamp = _from_book(from_ref, book_url, requote=requote)
        plan, toman = None, bool(data.get("toman"))
    else:
        assert requirements is not None
        data, plan, q, toman = _load_or_price(requirements, price_book, number, certainty, goal, model, shifts, requote,
                                              verified)  # fmt: skip
    if save:
        data, q, stamp = _save_to_book(data, q, note, revise, book_url)
    return data, plan, q, toman, stamp


def _from_book(ref: str, url: str | None, requote: bool = False) -> tuple[dict[str, Any], Any, dict[str, str]]:
    """A stored revision's quote dict (its hash checked), its Quote when ``requote`` (the workbook), its stamp."""
    from quoter.book import Book

    with Book(url) as book:
        rev = book.revision(ref)
    q = None
    if requote:
        from quoter.quote.pipeline import requote as requote_saved

        q = requote_saved(rev.data)
    return rev.data, q, rev.stamp()


def _save_to_book(
    data: dict[str, Any], q: Any, note: str | None, revise: str | None, url: str | None
) -> tuple[dict[str, Any], Any, dict[str, str]]:
    """Store the priced quote (one short transaction) and return it as stored: its number is the book's."""
    import dataclasses

    from quoter.book import Book
    from quoter.quote.result import document

    with Book(url) as book:
        s = book.save(data, note=note, revise=revise)
        rev = book.revision(s.number, s.rev)
    typer.echo(f"Saved {s.ref} in the quote book (SHA-256 {s.sha256[:12]}...)"
               + (f"; needs an approval before it is sent: {'; '.join(s.approval)}" if s.approval else ""),
               err=True)  # fmt: skip
    if q is not None:
        q = dataclasses.replace(q, number=s.number)
        q = dataclasses.replace(q, doc=document(q))
    return rev.data, q, rev.stamp()


def _delivery(folder: Path) -> Any:
    """One staging for a command's outputs (:class:`quoter.outputs.Staging`): all are written, or none."""
    from quoter.outputs import Staging

    return Staging(folder)


def _save_quote_staged(data: dict[str, Any], stage: Any) -> None:
    from quoter.quote.store import save_quote

    stage.adopt(save_quote(data, stage.scratch()))


def _workbook_staged(q: Any, xlsx: Path, lang: str, stage: Any) -> None:
    """The negotiation workbook, in the first of the --lang languages."""
    from quoter.render.workbook import write_workbook

    made = write_workbook(q, stage.scratch() / xlsx.name, lang=lang)
    stage.adopt(made, xlsx)


def _documents_staged(
    data: Any, langs: list[str], only: str | None, templates: Path | None, pdf: bool, stage: Any,
    price_book: str | None, stamp: dict[str, str] | None = None,
) -> None:  # fmt: skip
    from quoter.render.documents import render_documents

    logo_dirs = [Path(price_book).resolve().parent] if price_book and Path(price_book).suffix in (".yaml", ".yml") \
        else []  # fmt: skip
    for made in render_documents(data, langs=langs, only=_split(only), out_dir=stage.scratch(),
                                 templates_dir=templates, pdf=pdf, logo_dirs=logo_dirs, stamp=stamp):  # fmt: skip
        stage.adopt(made)


def _check_langs(lang: str) -> list[str]:
    from quoter.render.wording import LANGS

    langs = _split(lang) or ["fa", "en"]
    bad = [x for x in langs if x not in LANGS]
    if bad:
        raise InputError(f"--lang: '{bad[0]}' is not one of {', '.join(LANGS)}")
    return langs


def _check_output_dir(folder: Path | None, option: str) -> None:
    """A folder for outputs: absent or a folder, not under /proc, /sys or /dev, not below a file."""
    from quoter.outputs import check_target

    if folder is None:
        return
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{option}: {folder} is a file, not a folder")
    try:
        check_target(folder / "quote.json")
    except InputError as exc:
        raise InputError(f"{option}: {exc}") from None


def _check_output_file(path: Path, option: str, suffixes: tuple[str, ...]) -> None:
    """An output file: the right suffix, and a place a regular file can go (see quoter.outputs)."""
    from quoter.outputs import check_target

    if path.suffix.lower() not in suffixes:
        raise InputError(f"{option}: '{path.name}' must end in {' or '.join(suffixes)}")
    try:
        check_target(path)
    except InputError as exc:
        raise InputError(f"{option}: {exc}") from None


def _split(text: str | None) -> list[str] | None:
    return [t.strip() for t in text.split(",") if t.strip()] if text else None


def _write_documents(
    data: Any, lang: str, only: str | None, out: Path, templates: Path | None, pdf: bool, price_book: str | None,
    stamp: dict[str, str] | None = None,
) -> None:  # fmt: skip
    langs = _check_langs(lang)
    _check_output_dir(out, "--out")
    with _delivery(out) as stage:
        _documents_staged(data, langs, only, templates, pdf, stage, price_book, stamp)
    for p in stage.written:
        typer.echo(f"Wrote {p}", err=True)


@app.command("docs")
def docs_cmd(
    source: Annotated[
        Path | None, typer.Argument(help="Requirements YAML (priced now) or a quote.json saved with --out.")
    ] = None,
    lang: LangOption = "fa,en",
    only: Annotated[
        str | None, typer.Option("--only", help="Documents, comma-separated: proposal,sla,nda,contract.")
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Folder for the documents.")] = Path("."),
    pdf: PdfFlag = False,
    templates: Annotated[
        Path | None, typer.Option("--templates", help="Folder with your own fa/ and en/ .docx templates.")
    ] = None,
    price_book: Annotated[
        str | None, typer.Option("--price-book", help="Price book for a requirements file (name or path).")
    ] = None,
    from_ref: Annotated[
        str | None, typer.Option("--from", help="A stored revision (Q-1405-0007/r2) instead of SOURCE.")
    ] = None,
    book_url: BookUrlOption = None,
) -> None:
    """Proposal, SLA, NDA and service contract in Persian and English (Word, and PDF with --pdf)."""
    from quoter.render.documents import quote_source

    _check_langs(lang)
    if (source is None) == (from_ref is None):
        raise InputError("docs: give a SOURCE file or --from Q-1405-0007/rK (one of them)")
    if from_ref is not None:
        data, _, stamp = _from_book(from_ref, book_url)
        _write_documents(data, lang, only, out, templates, pdf, price_book, stamp)
        return
    assert source is not None
    _write_documents(quote_source(source, price_book), lang, only, out, templates, pdf, price_book)


@app.command("schema")
def schema_cmd(
    name: Annotated[str, typer.Argument(help="quote, requirements or price-book.")] = "quote",
) -> None:
    """Print the JSON Schema of quote.json, of a requirements file or of a price book (for editors)."""
    from quoter.schema import render

    typer.echo(render(name), nl=False)


@app.command("price-books")
def price_books() -> None:
    """List the price books found, with their dates and currencies."""
    from quoter.inputs.pricebook import list_price_books, search_dirs

    books = list_price_books()  # a broken book is an InputError naming its file and field: exit 1
    rows = [[b.name, b.as_of.isoformat(), b.currency, b.title, str(b.path)] for b in books]
    typer.echo(_plain_table(["name", "as of", "currency", "title", "file"], rows, left=5))
    typer.echo(f"\nSearched: {', '.join(str(d) for d in search_dirs())} (add folders with $QUOTER_PRICE_BOOKS)")


register_all(app)  # the command groups of quoter.commands


class Interrupted(BaseException):  # noqa: N818  (a signal, like KeyboardInterrupt, not an error)
    """Ctrl-C or SIGTERM: raised by the signal handler so that every ``with`` block cleans up on the way out."""


def _exit_past_a_running_solver() -> None:
    """Leave at once (exit status 130) once HiGHS has run in this process: an abandoned solve, or HiGHS's own
    pool of worker threads, would be destroyed running by the interpreter's normal shutdown, which aborts the
    process ("terminate called without an active exception", status -6) instead of exiting 130 (measured: 4 runs
    in 7). The outputs are already cleaned up by the ``with`` blocks the interrupt unwound."""
    import os

    if any(name.startswith("scipy.optimize._highs") for name in sys.modules):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app; quoter errors become one line on stderr and exit 1.

    Usage errors (unknown option, missing argument) are reported by typer with exit 2.
    """
    import signal

    def _interrupt(signum: int, frame: Any) -> None:
        raise Interrupted(signum)  # unwinds the work: staged outputs removed, LibreOffice ended

    previous = {sig: signal.signal(sig, _interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        app(args=argv, prog_name="quoter")
    except QuoterError as exc:
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except OSError as exc:  # disk full, permission denied on an output path
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    except (Interrupted, KeyboardInterrupt):
        typer.echo("Interrupted: nothing was written.", err=True)
        _exit_past_a_running_solver()
        sys.exit(130)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


if __name__ == "__main__":  # pragma: no cover
    main()

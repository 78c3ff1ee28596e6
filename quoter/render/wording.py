"""All wording of quoter in one place: English and Persian labels keyed by stable keys, read by every renderer.

Model names: the documents' names where they read better to a client ("Per handled call", "Per handled minute",
"Per productive agent-hour"), else the tariff files' ("Per dedicated agent (seat) per month" and the Persian
per-seat, per-hour and hybrid names, which say "dedicated", "productive" and "base plus variable" as English does).

The engine holds keys only; this module holds plain data (no engine imports). Keys are dotted: ``model.<key>``,
``model_short.<key>``, ``channel.<ch>``, ``volume.<ch>``, ``unit.<ch>``, ``group.<g>``, ``role.<r>``,
``line.<cost line key>`` (``line.wages.*`` and ``line.accruals.*`` are the families formatted with ``{tier}``;
``support.<role>`` lines use ``role.<role>``), ``scenario.<key>``, ``recommendation.*``, ``workbook.*``, ``doc.*``
and ``cli.*`` (the CLI prints English only, so ``cli.*`` has no Persian table). A third language is one more
table in :data:`TABLES`.
"""

from __future__ import annotations

import string

LANGS: tuple[str, ...] = ("en", "fa")
MODEL_KEYS: tuple[str, ...] = (
    "per_call",
    "per_minute",
    "per_seat",
    "per_hour",
    "fixed",
    "hybrid",
    "performance",
    "per_result",
)
CHANNEL_KEYS: tuple[str, ...] = ("voice", "chat", "email", "outbound")
GROUP_KEYS: tuple[str, ...] = ("agents", "support", "seats", "telephony", "overhead", "price")
ROLE_KEYS: tuple[str, ...] = ("supervisor", "qa", "trainer", "wfm", "manager")
SCENARIO_KEYS: tuple[str, ...] = ("volume-30", "volume-15", "forecast", "volume+15", "volume+30", "aht-10", "aht+10")
FAMILIES: dict[str, str] = {"wages": "tier", "accruals": "tier"}
"""Cost-line families ``<family>.<value>``: the value fills this field of ``line.<family>.*``."""
EN_ONLY_PREFIXES: tuple[str, ...] = ("cli.",)
"""Namespaces only the English table has (the CLI prints English)."""
FA_FEWER_FIELDS: frozenset[str] = frozenset(
    {"line.premium.shift", "line.margin", "line.discount.term", "assumption.unconfirmed", "assumption.term_rise"}
)
"""Keys whose Persian text leaves out a field the English shows (rotations, percent, months; and the price book's
English notes: a source's description, a rise's basis)."""

EN: dict[str, str] = {
    # tariff models: full names and the short form used inside sentences
    "model.per_call": "Per handled call",
    "model.per_minute": "Per handled minute",
    "model.per_seat": "Per dedicated agent (seat) per month",
    "model.per_hour": "Per logged-in agent-hour",
    "model.fixed": "Fixed monthly fee",
    "model.hybrid": "Hybrid (base plus variable)",
    "model.performance": "Performance-based",
    "model.per_result": "Per result (completed contact, lead or sale)",
    "model_short.per_call": "per-call",
    "model_short.per_minute": "per-minute",
    "model_short.per_seat": "per-seat (dedicated agent)",
    "model_short.per_hour": "logged-in hour",
    "model_short.fixed": "fixed monthly",
    "model_short.hybrid": "hybrid",
    "model_short.performance": "performance-based",
    "model_short.per_result": "per-result",
    # channels: name, volume word (documents), billing unit (tariffs)
    "channel.voice": "Voice",
    "channel.chat": "Chat",
    "channel.email": "Email",
    "channel.outbound": "Outbound calls",
    "volume.voice": "calls",
    "volume.chat": "chats",
    "volume.email": "emails",
    "volume.outbound": "records",
    "unit.voice": "call",
    "unit.chat": "chat",
    "unit.email": "email",
    "unit.outbound": "dial attempt",
    "unit.minute": "minute",
    # cost groups and support roles
    "group.agents": "Agents (wages, insurance, allowances, accruals, premiums)",
    "group.support": "Supervision, QA, training, planning and management",
    "group.seats": "Seats, technology and facility",
    "group.telephony": "Telephony",
    "group.overhead": "Overhead and risk",
    "group.price": "Margin and term discount",
    "role.supervisor": "Supervisors",
    "role.qa": "Quality assurance",
    "role.trainer": "Trainers",
    "role.wfm": "Workforce planning",
    "role.manager": "Account management",
    # monthly cost lines (quoter.pricing.cost)
    "line.wages.*": "Agent wages, {tier} tier",
    "line.allowances": "Allowances (housing, food, child)",
    "line.accruals.*": "Year-end bonus and severance accruals, {tier} tier",
    "line.premium.night": "Night-work premium (22:00-06:00)",
    "line.premium.friday": "Friday-work premium",
    "line.premium.holiday": "Official-holiday premium",
    "line.premium.overtime": "Overtime premium",
    "line.premium.shift": "Rotating-shift premium ({rotations})",
    "line.insurance": "Employer social insurance",
    "line.other_loads": "Other employer loads",
    "line.campaign.wages": "Campaign agents, paid by the hour",
    "line.campaign.loads": "Campaign agents' loads (insurance, allowances and accruals pro rata)",
    "line.part_time.wages": "Part-time agents, paid by the hour",
    "line.part_time.loads": "Part-time agents' loads (insurance, allowances and accruals pro rata)",
    "line.seats": "Seats and technology (workstation, licences, headset)",
    "line.facility": "Facility (space, power, UPS, security)",
    "line.telephony.minutes": "Telephony minutes (IVR, talk, dialling)",
    "line.telephony.lines": "Telephone lines (Erlang B)",
    "line.overhead.g_and_a": "General and administrative overhead",
    "line.overhead.risk": "Risk buffer",
    "line.overhead.financing": "Cost of being paid (payment delay, retentions, guarantee)",
    "line.margin": "Margin ({percent}% of the price)",
    "line.discount.term": "Term discount ({months} months)",
    # one-time set-up and the in-house comparison (quoter.pricing.setup)
    "line.setup.recruitment": "Recruitment and testing",
    "line.setup.training": "Paid training before go-live",
    "line.setup.nesting": "Ramp-up: new agents below full productivity",
    "line.setup.ivr": "IVR set-up",
    "line.setup.crm": "CRM integration (results recorded in the client's CRM)",
    "line.setup.margin": "Set-up margin",
    "line.in_house.staff": "Staff (same team, in-house pay)",
    "line.in_house.management": "Management and oversight",
    "line.in_house.seats": "Seats, technology and space",
    "line.in_house.telephony": "Telephony",
    "line.in_house.turnover": "Staff turnover (replacement hiring and training)",
    "line.in_house.fitout": "Space fit-out and equipment",
    "line.in_house.software": "Contact-centre software set-up",
    "line.in_house.hiring": "Recruitment and training",
    "line.in_house.backup_power": "Backup power (UPS and generator)",
    "line.in_house.line_redundancy": "Spare lines and a second internet link",
    "line.in_house.standby_agents": "Standby agents for absence peaks",
    "line.in_house.continuity": "Business-continuity plan",
    "line.in_house.wfm_qa_tools": "Workforce-management and QA tools",
    "line.in_house.recruiting_churn": "Recruiting beyond turnover",
    # scenarios
    "scenario.volume-30": "Volume -30%",
    "scenario.volume-15": "Volume -15%",
    "scenario.forecast": "Forecast",
    "scenario.volume+15": "Volume +15%",
    "scenario.volume+30": "Volume +30%",
    "scenario.aht-10": "Handle time -10%",
    "scenario.aht+10": "Handle time +10%",
    # the recommendation: {model} is model_short in English, the full model name in Persian
    "recommendation.sentence": (
        "The {model} tariff suits {client}: {why}; at the forecast it comes to {monthly} a month{ex_vat}"
        "{spread}.{runner}"
    ),
    "recommendation.ex_vat": " excluding VAT",
    "recommendation.spread": ", moving to {low} at 15% less volume and {high} at 15% more",
    "recommendation.runner_up": " The runner-up is the {runner} tariff at {runner_monthly} a month: {change}.",
    "recommendation.change.loses": (
        "with the team already hired it would earn {runner_margin} in its worst likely month, a loss the "
        "provider should not carry"
    ),
    "recommendation.change.other": (
        "with the team already hired its worst likely month earns {runner_margin}, against {margin} for the "
        "recommended tariff"
    ),
    "recommendation.reason.balanced": (
        "it balances a steady bill against paying for the work, at a competitive expected cost"
    ),
    "recommendation.reason.stable_volume": (
        "the volume is well known, so a bill that moves little gives a steady budget"
    ),
    "recommendation.reason.volume_risk": (
        "the volume is hard to predict, so the bill follows the work without a large risk premium"
    ),
    "recommendation.reason.budget": "a predictable budget comes first, and this bill moves least when volume moves",
    "recommendation.reason.flexibility": "paying for what is used comes first, and this bill follows the volume",
    "recommendation.reason.cost": "the lowest expected bill comes first, and this one is lowest over the likely months",
    "recommendation.reason.quality": (
        "service quality comes first, so {at_risk} of the fee is tied to the service targets"
    ),
    "recommendation.reason.campaign": "a campaign is paid by its work, with no base to recover over a long term",
    "recommendation.reason.short_term": "a short contract is paid by its work, with no base to recover",
    "recommendation.reason.vat": "the client cannot reclaim VAT, so the whole bill counts",
    # workbook sheets and headings (quoter.render.workbook LABELS, as they are)
    "workbook.inputs": "Inputs",
    "workbook.summary": "Summary",
    "workbook.cost": "Cost",
    "workbook.tariffs": "Tariffs",
    "workbook.grid": "Grid",
    "workbook.staffing": "Staffing",
    "workbook.assumptions": "Assumptions",
    "workbook.grid_extent": (
        "volume -40%..+40% in 5% steps x handle time -10%..+10% in 5% steps; the staffing engine ran at each point"
    ),
    "workbook.margin": "Target margin (share of the price)",
    "workbook.term_discount": "Term discount",
    "doc.stamp": "revision {revision} · SHA-256 {sha256}",
    "workbook.volume_change": "Volume change",
    "workbook.aht_change": "Handle-time change",
    "workbook.vat_rate": "VAT rate",
    "workbook.toman": "Show Toman (1) or Rial (0)",
    "workbook.client": "Client",
    "workbook.quote": "Quote number",
    "workbook.date": "Date",
    "workbook.valid": "Valid until",
    "workbook.book": "Price book",
    "workbook.line": "Cost line",
    "workbook.qty": "Quantity",
    "workbook.rate": "Rate",
    "workbook.amount": "Amount",
    "workbook.total": "Monthly total at forecast (excl. VAT)",
    "workbook.provider": "Provider cost (before margin)",
    "workbook.model": "Model",
    "workbook.price": "Unit price",
    "workbook.monthly": "Monthly excl. VAT",
    "workbook.vat": "VAT",
    "workbook.with_vat": "Monthly incl. VAT",
    "workbook.premium": "Risk premium",
    "workbook.channel": "Channel",
    "workbook.day": "Day",
    "workbook.start": "Start",
    "workbook.calls": "Contacts",
    "workbook.agents": "Agents",
    "workbook.wage_change": "Agent wage change",
    "workbook.financing": "Cost of being paid (share of the cost before it)",
    "workbook.term": "Term",
    "workbook.note_term": (
        "The contract month by month. Engine values (not live): the formula's shares, the deal's figures and "
        "the table of the year's months (costs and bill at today's figures). Live: each month's indices, "
        "cost, price factor, revenue and margin follow the inputs (inflation, exchange rate, wage rises, cost "
        "of money, start month)."
    ),
    "workbook.term_model": "Tariff model: {model}",
    "workbook.labour_share": "Labour share of the cost (L)",
    "workbook.other_share": "Other costs' share (O)",
    "workbook.fx_share": "Dollar-bought share (F)",
    "workbook.quote_year": "Quote's Jalali year",
    "workbook.quote_month": "Quote's month (1 = Farvardin)",
    "workbook.guarantee_share": "Performance guarantee (share of the months' revenue)",
    "workbook.guarantee_fee_annual": "Bank fee on the guarantee, a year",
    "workbook.setup_fee": "Set-up fee (billed with the first month)",
    "workbook.setup_cost": "Set-up cost to the provider",
    "workbook.base_wage": "Wage index at the quote (W0)",
    "workbook.formula": "Price adjustment on each 1 Farvardin",
    "workbook.month_no": "Month (1 = Farvardin)",
    "workbook.month_name": "Month name",
    "workbook.season": "Season factor",
    "workbook.labour_part": "Labour cost at today's wages",
    "workbook.labour_year": "Labour at today's wages ({year} figures)",
    "workbook.other_part": "Other costs at today's prices",
    "workbook.fx_part": "of which bought in dollars",
    "workbook.bill": "Bill at today's prices",
    "workbook.term_no": "Term month",
    "workbook.term_month": "Jalali month",
    "workbook.year": "Year",
    "workbook.wage_index": "Wage index",
    "workbook.cpi_index": "Inflation index",
    "workbook.fx_index": "Exchange-rate index",
    "workbook.month_cost": "Cost of the month",
    "workbook.adjusts": "Price adjusted (1 = yes)",
    "workbook.factor": "Indexed price factor",
    "workbook.revenue_indexed": "Revenue, indexed price",
    "workbook.margin_indexed": "Margin, indexed price",
    "workbook.revenue_flat": "Revenue, today's price held",
    "workbook.margin_flat": "Margin, today's price held",
    "workbook.totals": "Term totals",
    "workbook.policy_indexed": "Indexed price",
    "workbook.policy_flat": "Today's price held",
    "workbook.total_months_revenue": "Revenue of the months",
    "workbook.total_setup_fee": "Set-up fee",
    "workbook.total_revenue": "Revenue",
    "workbook.total_months_cost": "Cost of the months",
    "workbook.total_setup_cost": "Set-up cost",
    "workbook.total_guarantee_cost": "Guarantee bank fee over the term",
    "workbook.total_cost": "Cost",
    "workbook.total_tied_up": "Cash tied up (sum of the negative month-end positions; engine value)",
    "workbook.total_financing": "Cost of financing (cost of money x cash tied up)",
    "workbook.total_margin": "Margin",
    "workbook.total_margin_share": "Margin share of revenue",
    "workbook.first_adjustment": "First price adjustment: term month, factor",
    "workbook.note_financing": (
        "Financing is modelled simply: the cost-of-money input times the cash the engine's month-by-month "
        "position ties up at the default inputs. Exact at the defaults and for a change of the cost of money; "
        "the position itself does not follow the other inputs (payment days, retentions and VAT timing are "
        "the engine's)."
    ),
    "workbook.cpi_annual": "Inflation a year (other costs)",
    "workbook.fx_annual": "Exchange-rate rise a year (dollar-bought items)",
    "workbook.cost_of_money": "Cost of money a month",
    "workbook.wage_rise": "Wage rise on 1 Farvardin {year}",
    "workbook.start_year": "Contract start: Jalali year",
    "workbook.start_month": "Contract start: month (1 = Farvardin)",
    "workbook.display": "Display currency",
    "workbook.note_inputs": "Change the yellow cells; every price follows.",
    "workbook.grid_row": "Grid row of the chosen volume and handle time",
    "workbook.margin_line": "Margin ({percent} of the price)",
    "workbook.error_title": "Value not allowed",
    "workbook.error_range": "Enter a value from {low} to {high}.",
    "workbook.error_whole": "Enter a whole number from {low} to {high}.",
    "workbook.error_volume": (
        "Choose a value from the list: -40% to +40% in steps of 5% (the staffing was computed only there)."
    ),
    "workbook.error_aht": (
        "Choose a value from the list: -10% to +10% in steps of 5% (the staffing was computed only there)."
    ),
    "workbook.error_toman": "Enter 1 (Toman) or 0 (Rial).",
    "workbook.price_fields": "Every price of every model",
    "workbook.field": "Price",
    "workbook.value": "Amount",
    "workbook.field.unit_price_call": "Price per {unit} ({channel})",
    "workbook.field.unit_price_minute": "Price per billed minute ({channel})",
    "workbook.field.minimum_monthly": "Minimum monthly amount",
    "workbook.field.unit_price_seat": "Price per seat a month",
    "workbook.field.unit_price_hour": "Price per logged-in hour",
    "workbook.field.unit_price_result": "Price per result",
    "workbook.field.monthly_fee": "Monthly fee",
    "workbook.field.band_min_calls": "Volume band: fewest contacts in the fee",
    "workbook.field.band_max_calls": "Volume band: most contacts in the fee",
    "workbook.field.overage_rate": "Rate per contact above the band",
    "workbook.field.underage_rate": "Credit per contact below the band",
    "workbook.field.base_monthly": "Fixed monthly base",
    "workbook.field.variable_rate_call": "Variable rate per {unit} ({channel})",
    "workbook.field.variable_rate_minute": "Variable rate per billed minute ({channel})",
    "workbook.field.base": "Base fee",
    "workbook.field.at_risk_amount": "Amount tied to the service targets",
    "workbook.field.expected_payment": "Expected payment",
    "workbook.queue": "{channel}, {languages}",
    "workbook.book_line": "{name}: {title} (as of {as_of})",
    "workbook.book_short": "{name} ({as_of}, {currency})",
    "workbook.grid_key": "Volume change|handle-time change",
    "workbook.formula_labour": "{share} x W/W0",
    "workbook.formula_other": "{share} x CPI/CPI0",
    "workbook.formula_fx": "{share} x FX/FX0",
    "workbook.formula_text": "P = P0 x ({parts})",
    "workbook.leaf.calls": "Contacts: {channel}",
    "workbook.leaf.minutes": "Billed minutes: {channel}",
    "workbook.leaf.hours": "Productive hours: {channel}",
    "workbook.leaf.fte": "Full-time agents: {language}",
    "workbook.leaf.fte_all": "Full-time agents",
    "workbook.leaf.headcount": "Headcount",
    "workbook.leaf.contacts": "All contacts",
    "workbook.leaf.line_minutes": "Line minutes",
    "workbook.leaf.lines": "Telephone lines",
    "workbook.leaf.logged_in_hours": "Logged-in hours",
    "workbook.leaf.missed": "Share of the fee on missed service targets",
    "workbook.leaf.peak_agents": "Most agents at once",
    "workbook.leaf.shift_premium": "Hours with the rotating-shift premium",
    "workbook.leaf.hours_holiday": "Hours on official holidays",
    "workbook.leaf.hours_friday": "Hours on Fridays",
    "workbook.leaf.hours_night": "Night hours",
    "workbook.leaf.campaign_fte": "Campaign agents (full-time equivalent)",
    "workbook.leaf.campaign_hours": "Campaign agent-hours",
    "workbook.leaf.part_time_fte": "Part-time agents (full-time equivalent)",
    "workbook.leaf.part_time_hours": "Part-time agent-hours",
    "workbook.scenarios": "Scenarios",
    "workbook.scenario": "Scenario",
    "workbook.kind": "Team",
    "workbook.kind_committed": "hired for the forecast",
    "workbook.kind_replanned": "re-sized",
    "workbook.client_cost": "client pays",
    "workbook.margin_of": "provider margin",
    "workbook.engine_note": (
        "Engine values at the quote's inputs (not live): what the client pays and the provider's margin per "
        "model when volume or handle time moves; first with the team hired for the forecast (overtime up to "
        "the legal cap, idle time paid), then with the team re-sized."
    ),
    # documents (quoter.render.documents.context _NAMES, as they are; models and channels above)
    "doc.per_month": "per month",
    "doc.offer.recruitment": "Recruitment, testing and selection of the agents",
    "doc.offer.training": "Training and preparation of the agents before go-live",
    "doc.offer.ivr": "IVR design and set-up",
    "doc.offer.crm": "Connection to the client's CRM",
    "doc.languages.fa": "Persian",
    "doc.languages.en": "English",
    "doc.languages.ar": "Arabic",
    "doc.languages.tr": "Turkish",
    "doc.languages.az": "Azerbaijani",
    "doc.languages.ku": "Kurdish",
    "doc.languages.ru": "Russian",
    "doc.languages.de": "German",
    "doc.languages.fr": "French",
    "doc.languages.zh": "Chinese",
    "doc.languages.ur": "Urdu",
    "doc.and": " and ",
    "doc.list_sep": ", ",
    "doc.seconds": "seconds",
    "doc.within": "within",
    "doc.minutes": "minutes",
    "doc.hours": "hours",
    "doc.kpis.service_level": "Service level",
    "doc.kpis.abandon_rate": "Abandon rate",
    "doc.kpis.asa": "Average speed of answer",
    "doc.kpis.csat": "Customer satisfaction",
    "doc.kpis.fcr": "First-contact resolution",
    "doc.kpis.qa": "Quality score",
    "doc.kpis.first_response": "Chat first response",
    "doc.at_least": "at least",
    "doc.at_most": "at most",
    "doc.sla_target.service_level": "at least {value} of calls answered within {seconds} seconds",
    "doc.sla_target.abandon_rate": "at most {value} of calls offered",
    "doc.sla_target.asa": "at most {value} seconds",
    "doc.sla_target.csat": "at least {value} of survey responses scoring 4 or 5",
    "doc.sla_target.fcr": "at least {value} of answered calls",
    "doc.sla_target.qa": "an average score of at least {value}",
    "doc.sla_target.first_response": "a first reply to at least {value} of chats within {seconds} seconds",
    "doc.sla_target.email": "a reply to each e-mail within {hours} service hours of its receipt",
    "doc.sla_period.jalali": "Persian (Solar Hijri) calendar month",
    "doc.sla_period.gregorian": "calendar month",
    "doc.sla_target_name.email": "E-mail response",
    "doc.days.sat": "Saturday",
    "doc.days.sun": "Sunday",
    "doc.days.mon": "Monday",
    "doc.days.tue": "Tuesday",
    "doc.days.wed": "Wednesday",
    "doc.days.thu": "Thursday",
    "doc.days.fri": "Friday",
    "doc.daily": "Every day",
    "doc.to": " to ",
    "doc.closed": "closed",
    "doc.all_day": "around the clock",
    "doc.24/7": "24 hours a day, 7 days a week",
    "doc.increments.per_second": "per second",
    "doc.increments.per_6_seconds": "in 6-second steps",
    "doc.increments.per_started_minute": "per started minute",
    "doc.price_units.contact.voice": "per call answered",
    "doc.price_units.contact.chat": "per chat handled",
    "doc.price_units.contact.email": "per email answered",
    "doc.price_units.contact.outbound": "per dial attempt",
    "doc.price_units.minute.voice": "per minute of call handling",
    "doc.price_units.minute.chat": "per minute of chat",
    "doc.price_units.minute.email": "per minute of email handling",
    "doc.price_units.minute.outbound": "per minute of outbound calling",
    "doc.currencies.IRR": "Iranian rials",
    "doc.currencies.USD": "US dollars",
    "doc.currencies.EUR": "euros",
    "doc.units.call": "per call",
    "doc.units.minute": "per minute",
    "doc.week": "week",
    "doc.weeks": "weeks",
    "doc.over": "over",
    "doc.month": "month",
    "doc.timezones.Asia/Tehran": "Iran time",
    # new: context.py names these time zones in Persian only
    "doc.timezones.Asia/Dubai": "Dubai time",
    "doc.timezones.Europe/Berlin": "Berlin time",
    "doc.timezones.Europe/London": "London time",
    "doc.timezones.Europe/Istanbul": "Istanbul time",
    "doc.timezones.UTC": "UTC",
    # CLI (English only): table headings and row labels, as quoter.cli prints them
    "cli.staffing.channel": "channel",
    "cli.staffing.queue": "queue",
    "cli.staffing.contacts_week": "contacts/wk",
    "cli.staffing.agent_hours_week": "agent-h/wk",
    "cli.staffing.fte": "FTE",
    "cli.staffing.peak": "peak",
    "cli.staffing.sl": "SL",
    "cli.staffing.asa": "ASA s",
    "cli.staffing.abandon": "abandon",
    "cli.staffing.occupancy": "occupancy",
    "cli.staffing.total": "total",
    "cli.section.staffing": "STAFFING",
    "cli.section.cost": "COST BUILD-UP (monthly)",
    "cli.section.tariffs": "TARIFFS at the forecast volume (VAT {vat})",
    "cli.section.setup": "SETUP (one-time)",
    "cli.section.scenarios": (
        "SCENARIOS: the client's monthly cost ({unit}) under each tariff, and the provider's margin"
    ),
    "cli.cost.line": "line",
    "cli.cost.quantity": "quantity",
    "cli.cost.rate": "rate",
    "cli.cost.amount": "amount",
    "cli.cost.source": "source",
    "cli.cost.provider": "Provider cost (before margin)",
    "cli.cost.total": "Monthly total at forecast (target revenue, excl. VAT)",
    "cli.tariffs.model": "model",
    "cli.tariffs.price": "price",
    "cli.tariffs.monthly": "monthly excl. VAT",
    "cli.tariffs.with_vat": "incl. VAT",
    "cli.tariffs.premium": "risk premium",
    "cli.setup.item": "item",
    "cli.setup.amount": "amount",
    "cli.setup.total": "Total",
    "cli.scenarios.scenario": "scenario",
    "cli.scenarios.contacts": "contacts/mo",
    "cli.scenarios.fte": "FTE",
    "cli.books.name": "name",
    "cli.books.as_of": "as of",
    "cli.books.currency": "currency",
    "cli.books.title": "title",
    "cli.books.file": "file",
    "note.shift.not_asked": "shift planning not asked for: paid hours and premium hours from the staffing intervals",
    "note.shift.no_roster": (
        "the shift planner found no roster ({detail}): paid hours and premium hours from the staffing intervals"
    ),
    "note.shift.used": (
        "paid hours and premium hours from the roster: {people} people on weekly tours, schedule efficiency "
        "{efficiency} (hours needed over hours paid), within {gap} of the best possible roster's cost"
    ),
    "note.shift.campaign": (
        "outbound campaign: campaign agents are paid by the hour for the hours the staffing intervals schedule "
        "(no whole shifts); paid hours and premium hours from the staffing intervals"
    ),
    "note.staffing.month": (
        "A month is 365.25/12 days; volumes spread over the open intervals of a typical week by the profiles."
    ),
    "note.staffing.scheduled": (
        "Scheduled hours = required hours / (1 - {shrinkage} shrinkage); FTE = scheduled hours / {hours} h per week."
    ),
    "note.staffing.lines": (
        "Lines: Erlang B at {blocking} blocking over calls in IVR, queue and talk at the busiest interval."
    ),
    "assumption.book": "Price book {name} as of {as_of}, amounts in {currency}, VAT {vat}% shown separately.",
    "figure.labour.hours_per_week": "the weekly hours",
    "figure.labour.minimum_wage_daily": "the 1405 minimum daily wage",
    "figure.law.housing": "the housing allowance",
    "figure.law.food": "the food voucher",
    "figure.law.child_days": "the child allowance",
    "figure.law.marriage": "the marriage allowance",
    "figure.law.seniority_base": "the seniority base",
    "figure.law.insurance_ceiling_minimum_wages": "the insured-pay ceiling",
    "figure.loads.employer_insurance": "the employer's social insurance",
    "figure.vat_rate": "the VAT rate",
    "figure.payment.withholding": "the tax withheld on payments",
    "figure.payment.guarantee_share": "the performance guarantee's share",
    "figure.approval.margin_floor": "the lowest margin sent without approval (company policy)",
    "figure.approval.discount_ceiling": "the largest discount given without approval (company policy)",
    "assumption.unconfirmed": "Not yet confirmed against an official text: {figure} ({source}).",
    "assumption.term_rise": "Wages rise {rise}% on 1 Farvardin {year} ({basis}).",
    "assumption.term_prices": (
        "Other costs rise {cpi}% a year, items bought in dollars follow the dollar ({fx}% a year); cash tied up in the "
        "deal costs {money}% a month."
    ),
    "assumption.term_season": "Monthly volume follows the {season} seasonality (1 = the forecast month).",
    "assumption.term_forecast": (
        "Monthly volume follows the forecast from the client's own history ({method}, {mape}% error on held-out "
        "months) for {first} to {last}, and the {season} seasonality for any other month (1 = the forecast month)."
    ),
    "assumption.term_forecast_given": (
        "Monthly volume follows the forecast given in the requirements ({method}) for {first} to {last}, and the "
        "{season} seasonality for any other month (1 = the forecast month)."
    ),
    "assumption.bilingual": (
        "Pooled languages: {share}% of the agents on duty in a pool speak every language of it (the pool's saving "
        "counts on them)."
    ),
    "season.flat": "flat",
    "season.iran-retail": "Iranian retail",
    "season.iran-services": "Iranian services",
    "season.custom": "client's own",
    "assumption.minimum_wage": "Minimum wage {daily} a day ({year}).",
    "assumption.shifts": "Shift planning: {shift}; night is {night_start}-{night_end} {timezone} time.",
    "assumption.seats": "Seats from peak concurrent agents plus spare seats; support staff from the span of control.",
    "assumption.same_target": "Every tariff prices the same target revenue at the forecast plus its own risk premium.",
    "assumption.kpis": "Performance credits: KPIs the staffing plan cannot predict (CSAT, FCR, QA) are assumed met.",
    "assumption.scenarios": (
        "Scenarios re-run the staffing for each volume and handle time; per-seat and per-hour bills follow the "
        "re-sized team."
    ),
}

FA: dict[str, str] = {
    "model.per_call": "به ازای هر تماس",
    "model.per_minute": "به ازای هر دقیقه",
    "model.per_seat": "به ازای هر کارشناس اختصاصی در ماه",
    "model.per_hour": "به ازای هر ساعت حضور کارشناس در سامانه",
    "model.fixed": "مبلغ ثابت ماهانه",
    "model.hybrid": "ترکیبی (مبلغ پایه و بخش متغیر)",
    "model.performance": "مبتنی بر عملکرد",
    "model.per_result": "به ازای هر نتیجه (تماس تکمیل‌شده، سرنخ یا فروش)",
    # Persian sentences use the full name (in «»), so the short form is the name
    "model_short.per_call": "به ازای هر تماس",
    "model_short.per_minute": "به ازای هر دقیقه",
    "model_short.per_seat": "به ازای هر کارشناس اختصاصی در ماه",
    "model_short.per_hour": "به ازای هر ساعت حضور کارشناس",
    "model_short.fixed": "مبلغ ثابت ماهانه",
    "model_short.hybrid": "ترکیبی (مبلغ پایه و بخش متغیر)",
    "model_short.performance": "مبتنی بر عملکرد",
    "model_short.per_result": "به ازای هر نتیجه",
    "channel.voice": "تماس صوتی",
    "channel.chat": "چت",
    "channel.email": "ایمیل",
    "channel.outbound": "تماس خروجی",
    "volume.voice": "تماس",
    "volume.chat": "گفتگو",
    "volume.email": "ایمیل",
    "volume.outbound": "رکورد",
    # new: tariffs/base.py has English unit words only; these reuse the documents' Persian words
    "unit.voice": "تماس",
    "unit.chat": "گفتگو",
    "unit.email": "ایمیل",
    "unit.outbound": "تلاش شماره‌گیری",
    "unit.minute": "دقیقه",
    "group.agents": "کارشناسان پاسخگو (حقوق، بیمه، مزایا، ذخایر، فوق‌العاده‌ها)",
    "group.support": "سرپرستی، تضمین کیفیت، آموزش، برنامه‌ریزی و مدیریت",
    "group.seats": "ایستگاه کاری، فناوری و فضای کار",
    "group.telephony": "تلفن و خطوط",
    "group.overhead": "سربار و ذخیره ریسک",
    "group.price": "سود و تخفیف مدت قرارداد",
    "role.supervisor": "سرپرست",
    "role.qa": "کارشناس تضمین کیفیت",
    "role.trainer": "آموزش‌دهنده",
    "role.wfm": "برنامه‌ریز نیروی کار",
    "role.manager": "مدیر پروژه",
    "line.wages.*": "حقوق پایه کارشناسان، رده {tier}",
    "line.allowances": "مزایا (مسکن، بن، حق اولاد)",
    "line.accruals.*": "ذخیره عیدی و سنوات، رده {tier}",
    "line.premium.night": "فوق‌العاده شب‌کاری",
    "line.premium.friday": "فوق‌العاده کار در روز جمعه",
    "line.premium.holiday": "فوق‌العاده کار در تعطیلات رسمی",
    "line.premium.overtime": "اضافه‌کاری",
    "line.premium.shift": "فوق‌العاده نوبت‌کاری",
    "line.insurance": "حق بیمه سهم کارفرما",
    "line.other_loads": "سایر کسور سهم کارفرما",
    "line.campaign.wages": "کارشناسان کمپین با حقوق ساعتی",
    "line.campaign.loads": "بیمه، مزایا و اندوخته‌های کارشناسان کمپین (به نسبت ساعات کار)",
    "line.part_time.wages": "کارشناسان پاره‌وقت با حقوق ساعتی",
    "line.part_time.loads": "بیمه، مزایا و اندوخته‌های کارشناسان پاره‌وقت (به نسبت ساعات کار)",
    "line.seats": "ایستگاه کاری و فناوری (رایانه، مجوز نرم‌افزار، هدست)",
    "line.facility": "فضای کار (اجاره، برق، برق اضطراری، امنیت)",
    "line.telephony.minutes": "دقیقه مکالمه (پاسخگوی خودکار، مکالمه، شماره‌گیری)",
    "line.telephony.lines": "خطوط تلفن (ارلنگ بی)",
    "line.overhead.g_and_a": "سربار عمومی و اداری",
    "line.overhead.risk": "ذخیره ریسک",
    "line.overhead.financing": "هزینه تأمین مالی (تأخیر پرداخت، کسور تضمین و ضمانت‌نامه)",
    "line.margin": "سود",
    "line.discount.term": "تخفیف مدت قرارداد",
    "line.setup.recruitment": "جذب، آزمون و گزینش",
    "line.setup.training": "آموزش پیش از شروع (با حقوق)",
    "line.setup.nesting": "افزایش تدریجی ظرفیت: بهره‌وری کمتر کارشناسان جدید",
    "line.setup.ivr": "راه‌اندازی پاسخگوی خودکار",
    "line.setup.crm": "اتصال به سامانه مدیریت ارتباط با مشتری",
    "line.setup.margin": "سود راه‌اندازی",
    "line.in_house.staff": "نیروی انسانی (همان تیم)",
    "line.in_house.management": "مدیریت و نظارت",
    "line.in_house.seats": "ایستگاه کاری، فناوری و فضا",
    "line.in_house.telephony": "تلفن و خطوط",
    "line.in_house.turnover": "جایگزینی نیروی جداشده (جذب و آموزش)",
    "line.in_house.fitout": "تجهیز فضا و تجهیزات",
    "line.in_house.software": "راه‌اندازی نرم‌افزار مرکز تماس",
    "line.in_house.hiring": "جذب و آموزش",
    "line.in_house.backup_power": "برق اضطراری (یو‌پی‌اس و ژنراتور)",
    "line.in_house.line_redundancy": "خطوط پشتیبان و اینترنت دوم",
    "line.in_house.standby_agents": "کارشناسان ذخیره برای اوج غیبت‌ها",
    "line.in_house.continuity": "طرح تداوم کسب‌وکار",
    "line.in_house.wfm_qa_tools": "نرم‌افزار برنامه‌ریزی نیرو و تضمین کیفیت",
    "line.in_house.recruiting_churn": "جذب نیرو فراتر از جایگزینی جداشدگان",
    "scenario.volume-30": "حجم ۳۰٪ کمتر",
    "scenario.volume-15": "حجم ۱۵٪ کمتر",
    "scenario.forecast": "پیش‌بینی",
    "scenario.volume+15": "حجم ۱۵٪ بیشتر",
    "scenario.volume+30": "حجم ۳۰٪ بیشتر",
    "scenario.aht-10": "زمان رسیدگی ۱۰٪ کمتر",
    "scenario.aht+10": "زمان رسیدگی ۱۰٪ بیشتر",
    "recommendation.sentence": (
        "تعرفه «{model}» برای {client} مناسب است: {why}؛ مبلغ ماهانه در حجم پیش‌بینی‌شده "
        "{ex_vat}{monthly} است{spread}.{runner}"
    ),
    "recommendation.ex_vat": "بدون مالیات بر ارزش افزوده ",
    "recommendation.spread": " و با ۱۵٪ حجم کمتر به {low} و با ۱۵٪ حجم بیشتر به {high} می‌رسد",
    "recommendation.runner_up": " گزینه دوم تعرفه «{runner}» با مبلغ ماهانه {runner_monthly} است: {change}.",
    "recommendation.change.loses": (
        "با تیمی که از پیش به کار گرفته شده، در بدترین ماه محتمل {runner_margin} حاشیه سود دارد؛ زیانی که "
        "مجری نباید بپذیرد"
    ),
    "recommendation.change.other": (
        "با تیمی که از پیش به کار گرفته شده، حاشیه سود آن در بدترین ماه محتمل {runner_margin} است و حاشیه "
        "تعرفه پیشنهادی {margin}"
    ),
    "recommendation.reason.balanced": (
        "میان صورتحساب پایدار و پرداخت به ازای کار توازن می‌دهد و هزینه مورد انتظار آن رقابتی است"
    ),
    "recommendation.reason.stable_volume": (
        "حجم تماس‌ها به‌خوبی معلوم است و صورتحسابی که کم تغییر می‌کند بودجه‌ای پایدار می‌دهد"
    ),
    "recommendation.reason.volume_risk": (
        "پیش‌بینی حجم دشوار است و صورتحساب بدون حق ریسک سنگین از کار انجام‌شده پیروی می‌کند"
    ),
    "recommendation.reason.budget": (
        "بودجه قابل پیش‌بینی در اولویت است و این صورتحساب با تغییر حجم کمتر از همه تغییر می‌کند"
    ),
    "recommendation.reason.flexibility": "پرداخت به اندازه استفاده در اولویت است و این صورتحساب از حجم پیروی می‌کند",
    "recommendation.reason.cost": "کمترین هزینه مورد انتظار در اولویت است و این صورتحساب در ماه‌های محتمل کمترین است",
    "recommendation.reason.quality": "کیفیت خدمت در اولویت است و {at_risk} از مبلغ به اهداف سطح خدمت وابسته است",
    "recommendation.reason.campaign": (
        "کارزار به ازای کار انجام‌شده پرداخت می‌شود و مبلغ پایه‌ای برای بازگشت در مدتی طولانی ندارد"
    ),
    "recommendation.reason.short_term": (
        "قرارداد کوتاه‌مدت به ازای کار انجام‌شده پرداخت می‌شود و مبلغ پایه‌ای برای بازگشت ندارد"
    ),
    "recommendation.reason.vat": "کارفرما امکان استرداد مالیات بر ارزش افزوده را ندارد و کل صورتحساب اهمیت دارد",
    # workbook sheets and headings (quoter.render.workbook LABELS, as they are)
    "workbook.inputs": "ورودی‌ها",
    "workbook.summary": "خلاصه",
    "workbook.cost": "بهای تمام‌شده",
    "workbook.tariffs": "تعرفه‌ها",
    "workbook.grid": "جدول ظرفیت",
    "workbook.staffing": "نیروی انسانی",
    "workbook.assumptions": "فرض‌ها",
    "workbook.grid_extent": (
        "حجم از ۴۰٪ کمتر تا ۴۰٪ بیشتر با گام ۵٪ و زمان رسیدگی از ۱۰٪ کمتر تا ۱۰٪ بیشتر با گام ۵٪؛ "
        "موتور نیروی انسانی در هر نقطه اجرا شده است"
    ),
    "workbook.margin": "حاشیه سود هدف (سهم از قیمت)",
    "workbook.term_discount": "تخفیف مدت قرارداد",
    "doc.stamp": "بازنگری {revision} · SHA-256 {sha256}",
    "workbook.volume_change": "تغییر حجم تماس",
    "workbook.aht_change": "تغییر زمان رسیدگی",
    "workbook.vat_rate": "نرخ مالیات بر ارزش افزوده",
    "workbook.toman": "نمایش به تومان (۱) یا ریال (۰)",
    "workbook.client": "کارفرما",
    "workbook.quote": "شماره پیشنهاد",
    "workbook.date": "تاریخ",
    "workbook.valid": "اعتبار تا",
    "workbook.book": "دفترچه قیمت",
    "workbook.line": "ردیف هزینه",
    "workbook.qty": "مقدار",
    "workbook.rate": "نرخ",
    "workbook.amount": "مبلغ",
    "workbook.total": "جمع ماهانه در حجم پیش‌بینی‌شده (بدون مالیات)",
    "workbook.provider": "بهای تمام‌شده (پیش از سود)",
    "workbook.model": "مدل تعرفه",
    "workbook.price": "قیمت واحد",
    "workbook.monthly": "ماهانه بدون مالیات",
    "workbook.vat": "مالیات بر ارزش افزوده",
    "workbook.with_vat": "ماهانه با مالیات",
    "workbook.premium": "صرف ریسک",
    "workbook.channel": "کانال",
    "workbook.day": "روز",
    "workbook.start": "شروع",
    "workbook.calls": "تماس‌ها",
    "workbook.agents": "کارشناس",
    "workbook.display": "واحد نمایش",
    "workbook.wage_change": "تغییر حقوق کارشناسان",
    "workbook.financing": "هزینه تأمین مالی (سهم از بهای تمام‌شده پیش از آن)",
    "workbook.term": "دوره قرارداد",
    "workbook.note_term": (
        "قرارداد ماه به ماه. مقادیر ثابت موتور محاسبه: سهم‌های فرمول تعدیل، ارقام قرارداد و جدول ماه‌های سال "
        "(هزینه‌ها و صورت‌حساب به ارقام امروز). پویا: شاخص‌ها، بهای تمام‌شده، ضریب تعدیل، درآمد و سود هر ماه "
        "از ورودی‌ها (تورم، نرخ ارز، افزایش دستمزد، هزینه پول و ماه شروع) پیروی می‌کنند."
    ),
    "workbook.term_model": "مدل تعرفه: {model}",
    "workbook.labour_share": "سهم نیروی انسانی از هزینه",
    "workbook.other_share": "سهم سایر هزینه‌ها",
    "workbook.fx_share": "سهم اقلام ارزی",
    "workbook.quote_year": "سال صدور پیشنهاد",
    "workbook.quote_month": "ماه صدور پیشنهاد (۱ = فروردین)",
    "workbook.guarantee_share": "ضمانت‌نامه حسن انجام کار (سهم از درآمد ماه‌ها)",
    "workbook.guarantee_fee_annual": "کارمزد سالانه بانک برای ضمانت‌نامه",
    "workbook.setup_fee": "هزینه راه‌اندازی (با صورت‌حساب ماه اول)",
    "workbook.setup_cost": "هزینه راه‌اندازی برای پیمانکار",
    "workbook.base_wage": "شاخص دستمزد در زمان پیشنهاد",
    "workbook.formula": "تعدیل قیمت در هر ۱ فروردین",
    "workbook.month_no": "شماره ماه (۱ = فروردین)",
    "workbook.month_name": "نام ماه",
    "workbook.season": "ضریب فصلی",
    "workbook.labour_part": "هزینه نیروی انسانی با دستمزد امروز",
    "workbook.labour_year": "نیروی انسانی با دستمزد امروز (ارقام سال {year})",
    "workbook.other_part": "سایر هزینه‌ها با قیمت امروز",
    "workbook.fx_part": "سهم ارزی آن",
    "workbook.bill": "صورت‌حساب با قیمت امروز",
    "workbook.term_no": "ماه قرارداد",
    "workbook.term_month": "ماه شمسی",
    "workbook.year": "سال",
    "workbook.wage_index": "شاخص دستمزد",
    "workbook.cpi_index": "شاخص تورم",
    "workbook.fx_index": "شاخص نرخ ارز",
    "workbook.month_cost": "بهای تمام‌شده ماه",
    "workbook.adjusts": "تعدیل قیمت (۱ = بله)",
    "workbook.factor": "ضریب قیمت تعدیلی",
    "workbook.revenue_indexed": "درآمد با قیمت تعدیلی",
    "workbook.margin_indexed": "سود با قیمت تعدیلی",
    "workbook.revenue_flat": "درآمد با قیمت ثابت امروز",
    "workbook.margin_flat": "سود با قیمت ثابت امروز",
    "workbook.totals": "جمع دوره قرارداد",
    "workbook.policy_indexed": "قیمت تعدیلی",
    "workbook.policy_flat": "قیمت ثابت امروز",
    "workbook.total_months_revenue": "درآمد ماه‌ها",
    "workbook.total_setup_fee": "درآمد راه‌اندازی",
    "workbook.total_revenue": "درآمد کل",
    "workbook.total_months_cost": "بهای تمام‌شده ماه‌ها",
    "workbook.total_setup_cost": "هزینه راه‌اندازی",
    "workbook.total_guarantee_cost": "کارمزد ضمانت‌نامه در طول قرارداد",
    "workbook.total_cost": "بهای تمام‌شده کل",
    "workbook.total_tied_up": "جمع مانده‌های منفی نقدی در پایان هر ماه (مقدار موتور محاسبه)",
    "workbook.total_financing": "هزینه تأمین مالی (هزینه پول × نقدینگی درگیر)",
    "workbook.total_margin": "سود",
    "workbook.total_margin_share": "سهم سود از درآمد",
    "workbook.first_adjustment": "نخستین تعدیل قیمت: ماه قرارداد و ضریب",
    "workbook.note_financing": (
        "هزینه تأمین مالی به‌سادگی برآورد شده است: ورودی هزینه پول ضرب در نقدینگی‌ای که جریان نقدی ماه به ماه "
        "موتور در ورودی‌های پیش‌فرض درگیر می‌کند. در ورودی‌های پیش‌فرض و با تغییر هزینه پول دقیق است؛ خود "
        "جریان نقدی با ورودی‌های دیگر تغییر نمی‌کند (مهلت پرداخت، کسور و زمان پرداخت مالیات بر ارزش افزوده "
        "همان ارقام موتور است)."
    ),
    "workbook.cpi_annual": "تورم سالانه (سایر هزینه‌ها)",
    "workbook.fx_annual": "افزایش سالانه نرخ ارز (اقلام ارزی)",
    "workbook.cost_of_money": "هزینه ماهانه پول",
    "workbook.wage_rise": "افزایش دستمزد از ۱ فروردین {year}",
    "workbook.start_year": "سال شروع قرارداد",
    "workbook.start_month": "ماه شروع قرارداد (۱ = فروردین)",
    "workbook.scenarios": "سناریوها",
    "workbook.scenario": "سناریو",
    "workbook.kind": "تیم",
    "workbook.kind_committed": "به کار گرفته‌شده برای پیش‌بینی",
    "workbook.kind_replanned": "با اندازه جدید",
    "workbook.client_cost": "پرداخت کارفرما",
    "workbook.margin_of": "سود پیمانکار",
    "workbook.engine_note": (
        "مقادیر موتور در ورودی‌های پیشنهاد (غیرپویا): پرداخت کارفرما و سود پیمانکار در هر مدل با تغییر حجم "
        "یا زمان رسیدگی؛ نخست با تیمی که برای حجم پیش‌بینی‌شده به کار گرفته شده (اضافه‌کار تا سقف قانونی، "
        "پرداخت زمان بیکاری) و سپس با تیمی که اندازه آن دوباره تعیین شده است."
    ),
    "workbook.note_inputs": "خانه‌های زرد را تغییر دهید؛ همه قیمت‌ها دنبال می‌کنند.",
    "workbook.grid_row": "ردیف جدول ظرفیت برای حجم و زمان رسیدگی انتخاب‌شده",
    "workbook.margin_line": "سود ({percent} از قیمت)",
    "workbook.error_title": "مقدار مجاز نیست",
    "workbook.error_range": "عددی از {low} تا {high} وارد کنید.",
    "workbook.error_whole": "عدد صحیحی از {low} تا {high} وارد کنید.",
    "workbook.error_volume": (
        "یکی از مقادیر فهرست را برگزینید: از منفی ۴۰٪ تا مثبت ۴۰٪ با گام ۵٪ "
        "(نیروی انسانی تنها برای همین مقادیر محاسبه شده است)."
    ),
    "workbook.error_aht": (
        "یکی از مقادیر فهرست را برگزینید: از منفی ۱۰٪ تا مثبت ۱۰٪ با گام ۵٪ "
        "(نیروی انسانی تنها برای همین مقادیر محاسبه شده است)."
    ),
    "workbook.error_toman": "برای نمایش به تومان ۱ و برای نمایش به ریال ۰ وارد کنید.",
    "workbook.price_fields": "همه قیمت‌های هر مدل تعرفه",
    "workbook.field": "قیمت",
    "workbook.value": "مبلغ",
    "workbook.field.unit_price_call": "قیمت هر {unit} ({channel})",
    "workbook.field.unit_price_minute": "قیمت هر دقیقه قابل صورتحساب ({channel})",
    "workbook.field.minimum_monthly": "حداقل مبلغ ماهانه",
    "workbook.field.unit_price_seat": "قیمت ماهانه هر جایگاه",
    "workbook.field.unit_price_hour": "قیمت هر ساعت حضور در سامانه",
    "workbook.field.unit_price_result": "قیمت هر نتیجه",
    "workbook.field.monthly_fee": "مبلغ ثابت ماهانه",
    "workbook.field.band_min_calls": "دامنه حجم: کمترین تعداد تماس در مبلغ ثابت",
    "workbook.field.band_max_calls": "دامنه حجم: بیشترین تعداد تماس در مبلغ ثابت",
    "workbook.field.overage_rate": "نرخ هر تماس بیش از سقف دامنه",
    "workbook.field.underage_rate": "کسر هر تماس کمتر از کف دامنه",
    "workbook.field.base_monthly": "مبلغ ثابت ماهانه",
    "workbook.field.variable_rate_call": "نرخ متغیر هر {unit} ({channel})",
    "workbook.field.variable_rate_minute": "نرخ متغیر هر دقیقه قابل صورتحساب ({channel})",
    "workbook.field.base": "مبلغ پایه",
    "workbook.field.at_risk_amount": "مبلغ وابسته به اهداف سطح خدمت",
    "workbook.field.expected_payment": "پرداخت مورد انتظار",
    "workbook.queue": "{channel}، {languages}",
    "workbook.book_line": "{name}: {title} (به تاریخ {as_of})",
    "workbook.book_short": "{name} (به تاریخ {as_of}، {currency})",
    "workbook.grid_key": "تغییر حجم|تغییر زمان رسیدگی",
    "workbook.formula_labour": "{share} × شاخص دستمزد ÷ شاخص دستمزد در زمان پیشنهاد",
    "workbook.formula_other": "{share} × شاخص تورم ÷ شاخص تورم در زمان پیشنهاد",
    "workbook.formula_fx": "{share} × نرخ ارز ÷ نرخ ارز در زمان پیشنهاد",
    "workbook.formula_text": "قیمت جدید = قیمت پیشنهاد × ({parts})",
    "workbook.leaf.calls": "تعداد تماس: {channel}",
    "workbook.leaf.minutes": "دقیقه‌های قابل صورتحساب: {channel}",
    "workbook.leaf.hours": "ساعات مفید: {channel}",
    "workbook.leaf.fte": "کارشناس تمام‌وقت: {language}",
    "workbook.leaf.fte_all": "کارشناس تمام‌وقت",
    "workbook.leaf.headcount": "تعداد نیرو",
    "workbook.leaf.contacts": "همه تماس‌ها",
    "workbook.leaf.line_minutes": "دقیقه‌های اشغال خط",
    "workbook.leaf.lines": "خطوط تلفن",
    "workbook.leaf.logged_in_hours": "ساعات حضور در سامانه",
    "workbook.leaf.missed": "سهم مبلغ وابسته به اهداف محقق‌نشده",
    "workbook.leaf.peak_agents": "بیشترین کارشناس هم‌زمان",
    "workbook.leaf.shift_premium": "ساعات مشمول فوق‌العاده نوبت‌کاری",
    "workbook.leaf.hours_holiday": "ساعات کار در تعطیلات رسمی",
    "workbook.leaf.hours_friday": "ساعات کار در روزهای جمعه",
    "workbook.leaf.hours_night": "ساعات کار شبانه",
    "workbook.leaf.campaign_fte": "کارشناسان کارزار (معادل تمام‌وقت)",
    "workbook.leaf.campaign_hours": "ساعات کار کارشناسان کارزار",
    "workbook.leaf.part_time_fte": "کارشناسان پاره‌وقت (معادل تمام‌وقت)",
    "workbook.leaf.part_time_hours": "ساعات کار کارشناسان پاره‌وقت",
    # documents (quoter.render.documents.context _NAMES, as they are; models and channels above)
    "doc.per_month": "در ماه",
    "doc.offer.recruitment": "جذب، آزمون و گزینش کارشناسان",
    "doc.offer.training": "آموزش و آماده‌سازی کارشناسان پیش از شروع خدمت",
    "doc.offer.ivr": "طراحی و راه‌اندازی پاسخگوی خودکار",
    "doc.offer.crm": "اتصال به سامانه مدیریت ارتباط با مشتری کارفرما",
    "doc.languages.fa": "فارسی",
    "doc.languages.en": "انگلیسی",
    "doc.languages.ar": "عربی",
    "doc.languages.tr": "ترکی",
    "doc.languages.az": "آذری",
    "doc.languages.ku": "کردی",
    "doc.languages.ru": "روسی",
    "doc.languages.de": "آلمانی",
    "doc.languages.fr": "فرانسوی",
    "doc.languages.zh": "چینی",
    "doc.languages.ur": "اردو",
    "doc.and": " و ",
    "doc.list_sep": "، ",
    "doc.seconds": "ثانیه",
    "doc.within": "در",
    "doc.minutes": "دقیقه",
    "doc.hours": "ساعت",
    "doc.kpis.service_level": "سطح خدمت",
    "doc.kpis.abandon_rate": "نرخ رهاشدگی",
    "doc.kpis.asa": "میانگین سرعت پاسخگویی",
    "doc.kpis.csat": "رضایت مشتری",
    "doc.kpis.fcr": "حل مشکل در اولین تماس",
    "doc.kpis.qa": "امتیاز تضمین کیفیت",
    "doc.kpis.first_response": "زمان اولین پاسخ چت",
    "doc.at_least": "حداقل",
    "doc.at_most": "حداکثر",
    "doc.sla_target.service_level": "پاسخ به دست‌کم {value} تماس‌ها ظرف {seconds} ثانیه",
    "doc.sla_target.abandon_rate": "حداکثر {value} تماس‌های ورودی",
    "doc.sla_target.asa": "حداکثر {value} ثانیه",
    "doc.sla_target.csat": "دست‌کم {value} پاسخ‌های نظرسنجی با امتیاز ۴ یا ۵",
    "doc.sla_target.fcr": "دست‌کم {value} تماس‌های پاسخ‌داده‌شده",
    "doc.sla_target.qa": "میانگین امتیاز دست‌کم {value}",
    "doc.sla_target.first_response": "پاسخ نخست به دست‌کم {value} گفتگوها ظرف {seconds} ثانیه",
    "doc.sla_target.email": "پاسخ به هر ایمیل ظرف {hours} ساعت خدمت از زمان دریافت",
    "doc.sla_period.jalali": "ماه شمسی (هجری خورشیدی)",
    "doc.sla_period.gregorian": "ماه میلادی",
    "doc.sla_target_name.email": "پاسخ به ایمیل",
    "doc.days.sat": "شنبه",
    "doc.days.sun": "یکشنبه",
    "doc.days.mon": "دوشنبه",
    "doc.days.tue": "سه‌شنبه",
    "doc.days.wed": "چهارشنبه",
    "doc.days.thu": "پنجشنبه",
    "doc.days.fri": "جمعه",
    "doc.daily": "همه روزها",
    "doc.to": " تا ",
    "doc.closed": "تعطیل",
    "doc.all_day": "شبانه‌روزی",
    "doc.24/7": "شبانه‌روزی، هفت روز هفته",
    "doc.increments.per_second": "ثانیه‌ای",
    "doc.increments.per_6_seconds": "در واحدهای ۶ ثانیه‌ای",
    "doc.increments.per_started_minute": "دقیقه‌ای (هر دقیقه آغازشده یک دقیقه کامل به حساب می‌آید)",
    "doc.price_units.contact.voice": "برای هر تماس پاسخ‌داده‌شده",
    "doc.price_units.contact.chat": "برای هر گفتگوی چت",
    "doc.price_units.contact.email": "برای هر ایمیل پاسخ‌داده‌شده",
    "doc.price_units.contact.outbound": "برای هر تلاش شماره‌گیری",
    "doc.price_units.minute.voice": "برای هر دقیقه رسیدگی به تماس",
    "doc.price_units.minute.chat": "برای هر دقیقه گفتگوی چت",
    "doc.price_units.minute.email": "برای هر دقیقه رسیدگی به ایمیل",
    "doc.price_units.minute.outbound": "برای هر دقیقه تماس خروجی",
    "doc.currencies.IRR": "ریال",
    "doc.currencies.USD": "دلار آمریکا",
    "doc.currencies.EUR": "یورو",
    "doc.units.call": "هر تماس",
    "doc.units.minute": "هر دقیقه",
    "doc.week": "هفته",
    "doc.weeks": "هفته",
    "doc.over": "در",
    "doc.month": "ماه",
    "doc.timezones.Asia/Tehran": "به وقت رسمی ایران",
    "doc.timezones.Asia/Dubai": "به وقت دبی",
    "doc.timezones.Europe/Berlin": "به وقت برلین",
    "doc.timezones.Europe/London": "به وقت لندن",
    "doc.timezones.Europe/Istanbul": "به وقت استانبول",
    "doc.timezones.UTC": "به وقت جهانی",
    "note.shift.not_asked": (
        "برنامه‌ریزی شیفت خواسته نشده است: ساعات پرداختی و ساعات فوق‌العاده از بازه‌های برنامه نیروی انسانی"
    ),
    "note.shift.no_roster": (
        "برنامه‌ریز شیفت برنامه‌ای نیافت ({detail}): ساعات پرداختی و ساعات فوق‌العاده از بازه‌های برنامه نیروی انسانی"
    ),
    "note.shift.used": (
        "ساعات پرداختی و ساعات فوق‌العاده از برنامه شیفت: {people} نفر در برنامه‌های هفتگی، بهره‌وری برنامه "
        "{efficiency} (ساعات لازم به ساعات پرداختی)، و هزینه آن حداکثر {gap} بیشتر از بهترین برنامه ممکن"
    ),
    "note.shift.campaign": (
        "کمپین تماس خروجی: حقوق کارشناسان کمپین به ازای ساعاتی پرداخت می‌شود که برنامه بازه‌ای تعیین می‌کند "
        "(بدون شیفت کامل)؛ ساعات پرداختی و ساعات فوق‌العاده از بازه‌های برنامه نیروی انسانی"
    ),
    "note.staffing.month": (
        "هر ماه ۳۶۵٫۲۵ تقسیم بر ۱۲ روز است؛ حجم کار بر پایه الگوها میان بازه‌های باز یک هفته نمونه پخش شده است."
    ),
    "note.staffing.scheduled": (
        "ساعات برنامه‌ریزی‌شده = ساعات لازم تقسیم بر (۱ منهای {shrinkage} اتلاف زمان)؛ معادل تمام‌وقت = ساعات "
        "برنامه‌ریزی‌شده تقسیم بر {hours} ساعت در هفته."
    ),
    "note.staffing.lines": (
        "خطوط تلفن: ارلنگ بی با {blocking} احتمال اشغالی، برای تماس‌های در پاسخگوی خودکار، صف و مکالمه در شلوغ‌ترین بازه."
    ),
    "assumption.book": (
        "دفترچه قیمت {name} به تاریخ {as_of}، مبالغ به {currency}، مالیات بر ارزش افزوده {vat}٪ جداگانه."
    ),
    "figure.labour.hours_per_week": "ساعات کار هفتگی",
    "figure.labour.minimum_wage_daily": "حداقل مزد روزانه ۱۴۰۵",
    "figure.law.housing": "کمک‌هزینه مسکن",
    "figure.law.food": "بن خواربار",
    "figure.law.child_days": "حق اولاد",
    "figure.law.marriage": "حق تأهل",
    "figure.law.seniority_base": "پایه سنوات",
    "figure.law.insurance_ceiling_minimum_wages": "سقف دستمزد مشمول بیمه",
    "figure.loads.employer_insurance": "حق بیمه سهم کارفرما",
    "figure.vat_rate": "نرخ مالیات بر ارزش افزوده",
    "figure.payment.withholding": "کسر علی‌الحساب مالیات از پرداخت‌ها",
    "figure.payment.guarantee_share": "درصد ضمانت‌نامه حسن انجام تعهدات",
    "figure.approval.margin_floor": "کمترین حاشیه سود بدون تأیید مدیر (سیاست شرکت)",
    "figure.approval.discount_ceiling": "بیشترین تخفیف بدون تأیید مدیر (سیاست شرکت)",
    "assumption.unconfirmed": "{figure} هنوز با متن رسمی تطبیق داده نشده است.",
    "assumption.term_rise": "افزایش {rise}٪ دستمزدها از ۱ فروردین {year} (فرض).",
    "assumption.term_prices": (
        "افزایش سالانه {cpi}٪ سایر هزینه‌ها، تغییر سالانه {fx}٪ نرخ دلار برای اقلام دلاری، و هزینه سرمایه در گردش "
        "{money}٪ در ماه."
    ),
    "assumption.term_season": "حجم ماهانه بر پایه الگوی فصلی {season} (۱ یعنی ماه پیش‌بینی‌شده).",
    "assumption.term_forecast": (
        "حجم ماهانه از {first} تا {last} بر پایه پیش‌بینی آماری از سوابق خود کارفرما ({method}، با {mape}٪ خطا در "
        "ماه‌های آزمون) و در ماه‌های دیگر بر پایه الگوی فصلی {season} است (۱ یعنی ماه پیش‌بینی‌شده)."
    ),
    "assumption.term_forecast_given": (
        "حجم ماهانه از {first} تا {last} بر پایه پیش‌بینی داده‌شده در نیازمندی‌ها ({method}) و در ماه‌های دیگر بر "
        "پایه الگوی فصلی {season} است (۱ یعنی ماه پیش‌بینی‌شده)."
    ),
    "assumption.bilingual": (
        "زبان‌های مشترک: {share}٪ از کارشناسانِ حاضرِ هر صف مشترک به همه زبان‌های آن صف مسلط‌اند (صرفه‌جویی صف "
        "مشترک بر این پایه است)."
    ),
    "season.flat": "یکنواخت",
    "season.iran-retail": "خرده‌فروشی ایران",
    "season.iran-services": "خدمات ایران",
    "season.custom": "اعلام‌شده مشتری",
    "assumption.minimum_wage": "حداقل مزد روزانه {daily} (سال {year}).",
    "assumption.shifts": "برنامه‌ریزی شیفت: {shift}؛ ساعات شب از {night_start} تا {night_end} به وقت {timezone}.",
    "assumption.seats": (
        "ایستگاه‌های کاری از بیشترین کارشناسان همزمان به‌علاوه ایستگاه ذخیره؛ نیروی پشتیبان از دامنه سرپرستی."
    ),
    "assumption.same_target": "همه تعرفه‌ها یک درآمد هدف را در حجم پیش‌بینی‌شده به‌علاوه صرف ریسک خود قیمت می‌گذارند.",
    "assumption.kpis": (
        "اعتبارهای عملکرد: شاخص‌هایی که برنامه نیروی انسانی پیش‌بینی نمی‌کند (رضایت، حل در اولین تماس، "
        "کیفیت) محقق فرض شده‌اند."
    ),
    "assumption.scenarios": (
        "در سناریوها نیروی انسانی برای هر حجم و زمان رسیدگی دوباره محاسبه می‌شود؛ صورتحساب به ازای ایستگاه و "
        "ساعت از تیمِ با اندازه جدید پیروی می‌کند."
    ),
}

TABLES: dict[str, dict[str, str]] = {"en": EN, "fa": FA}
"""Every language's table: ``TABLES[lang][key]`` is a plain string or a ``str.format`` template."""


def fields_of(template: str) -> set[str]:
    """The named fields of a format string (``"Agent wages, {tier} tier"`` -> ``{"tier"}``)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def text(key: str, lang: str, **fields: object) -> str:
    """The wording of ``key`` in ``lang``, formatted with ``fields`` (extra fields are ignored).

    Raises ``KeyError`` naming the key and the language when either is missing, or a field is not given.
    """
    table = TABLES.get(lang)
    if table is None:
        raise KeyError(f"wording: no language {lang!r} (one of {', '.join(TABLES)}) for key {key!r}")
    try:
        template = table[key]
    except KeyError:
        raise KeyError(f"wording: no text for key {key!r} in language {lang!r}") from None
    if not fields and "{" not in template:
        return template
    try:
        return template.format(**fields)
    except KeyError as exc:
        raise KeyError(f"wording: key {key!r} in language {lang!r} needs the field {exc.args[0]!r}") from None


def add(key: str, texts: dict[str, str]) -> None:
    """Add wording for a plug-in (e.g. ``add("model.per_day", {"en": "Per service day", "fa": "..."})``)."""
    for lang, value in texts.items():
        if lang not in TABLES:
            raise KeyError(f"wording: no language {lang!r} (one of {', '.join(TABLES)})")
        TABLES[lang][key] = value


def has(key: str, lang: str) -> bool:
    return key in TABLES.get(lang, {})


def model_name(key: str, lang: str) -> str:
    """A tariff model's name (``per_call`` -> "Per handled call")."""
    return text(f"model.{key}", lang)


def model_short(key: str, lang: str) -> str:
    """A tariff model's name inside a sentence (``per_call`` -> "per-call"; Persian uses the full name)."""
    return text(f"model_short.{key}", lang)


def channel_name(channel: str, lang: str) -> str:
    return text(f"channel.{channel}", lang)


def channel_volume(channel: str, lang: str) -> str:
    """What a channel's volume counts (calls, chats, emails, records)."""
    return text(f"volume.{channel}", lang)


def unit_name(unit: str, lang: str) -> str:
    """A tariff's billing unit: a channel key (call, chat, email, dial attempt) or ``minute``."""
    return text(f"unit.{unit}", lang)


def group_label(group: str, lang: str) -> str:
    return text(f"group.{group}", lang)


def role_label(role: str, lang: str) -> str:
    return text(f"role.{role}", lang)


def line_label(key: str, lang: str, **fields: object) -> str:
    """The label of a cost, set-up or in-house line by the engine's line key.

    ``wages.<tier>`` and ``accruals.<tier>`` fill ``{tier}`` from the key (unless given); ``support.<role>``
    is the role's label; ``premium.shift`` needs ``rotations``, ``margin`` ``percent``, ``discount.term``
    ``months``.
    """
    family, _, rest = key.partition(".")
    if family == "support" and rest:
        return role_label(rest, lang)
    if family in FAMILIES and rest and not has(f"line.{key}", lang):
        name = rest
        if lang == "fa" and has(f"doc.languages.{rest}", lang):  # a tier named by its language: «رده فارسی»
            name = text(f"doc.languages.{rest}", lang)
        return text(f"line.{family}.*", lang, **{FAMILIES[family]: name, **fields})
    return text(f"line.{key}", lang, **fields)


def scenario_label(key: str, lang: str) -> str:
    return text(f"scenario.{key}", lang)


def recommendation_why(reasons: list[str], lang: str, **fields: object) -> str:
    """Why the recommended model fits: its reasons' sentences (``quality`` needs ``at_risk``), joined."""
    parts = [text(f"recommendation.reason.{r}", lang, **fields) for r in reasons if r != "runner_up_loses"]
    return ("؛ " if lang == "fa" else "; ").join(parts)


def labels(prefix: str, lang: str) -> dict[str, str]:
    """Every key under ``prefix`` without it: ``labels("workbook.", "fa")["cost"]`` (the workbook's old LABELS)."""
    return {k[len(prefix) :]: v for k, v in TABLES[lang].items() if k.startswith(prefix)}


__all__ = [
    "LANGS",
    "MODEL_KEYS",
    "TABLES",
    "channel_name",
    "channel_volume",
    "fields_of",
    "group_label",
    "labels",
    "line_label",
    "model_name",
    "model_short",
    "recommendation_why",
    "role_label",
    "scenario_label",
    "text",
    "unit_name",
]

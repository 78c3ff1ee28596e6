"""Limits that a real user never meets and an attacker always does: each named once, with its reason.

Inputs beyond these are refused with a clear message naming the field (exit 1), in milliseconds, before
any work is done. Raise a limit here (and only here) if a real deal ever needs more.
"""

from __future__ import annotations

from decimal import Decimal

# ---------------------------------------------------------------- files read
YAML_MAX_BYTES = 1_000_000
"""A requirements file or price book is a few kilobytes; 1 MB leaves room for long explicit profiles."""
YAML_MAX_ALIASES = 100
"""Anchors and aliases save typing in a hand-written file; a hundred is plenty. Alias bombs ("billion laughs")
multiply references: refusing them by count stops them before they expand."""
YAML_MAX_DEPTH = 20
"""The deepest real structure (channels.voice.target...) is five levels."""
YAML_MAX_NODES = 200_000
"""Scalars and collections in one file (explicit 15-minute profiles for a week are 672 numbers)."""
QUOTE_JSON_MAX_BYTES = 20_000_000
"""A saved quote with a 15-minute 24/7 plan over several queues is about 2 MB."""
QUOTE_JSON_MAX_DEPTH = 32
"""quote.json nests at most about eight levels; 200,000 nested arrays are an attack on the parser."""
LOGO_MAX_BYTES = 2_000_000
"""A company logo in a document header; larger files are not logos."""

# ---------------------------------------------------------------- physics of a call center
MAX_CONTACTS_PER_MONTH = Decimal("100000000")
"""100 million contacts a month on one account is beyond the largest contact centres in the world
(the biggest run about 10 million a month): above it the input is a typo or an attack."""
MAX_HANDLE_SECONDS = 4 * 3600
"""A single contact handled for more than four hours is not a contact-centre interaction."""
MAX_PATIENCE_SECONDS = 3600
"""Callers do not wait an hour in a queue; Erlang A's patience is minutes."""
MAX_AGENTS = 100_000
"""Agents the Erlang search may return for one interval; beyond it the staffing is not a quote."""
MAX_LINES = 1_000_000
"""Telephone lines the Erlang B sizing may return; a million lines (ten times MAX_AGENTS, room for IVR
and queue time) is beyond any contact centre, and beyond it the line search would step past float precision."""
MAX_TERM_MONTHS = 120
"""Ten years: the longest outsourcing contracts."""
MAX_SEASON_FACTOR = 10.0
"""A month's volume at most ten times the forecast month (a campaign peak); beyond it it is another deal."""
MAX_CONTACTS_PER_WEEK = float(MAX_CONTACTS_PER_MONTH) * 84 / 365.25
"""The monthly limit over the weeks of a month (365.25/12/7): the same volume, given per week."""
MAX_RECORDS_TOTAL = float(MAX_CONTACTS_PER_MONTH) * MAX_TERM_MONTHS
"""An outbound campaign's whole list: the monthly limit over the longest term."""
MAX_CAMPAIGN_WEEKS = MAX_TERM_MONTHS * 365.25 / 84
"""An outbound campaign lasts at most the longest term."""
MAX_ATTEMPTS = 20.0
"""Dial attempts per record: diallers give up after a handful; twenty is harassment, not a campaign."""
MAX_RESPONSE_HOURS = 30 * 24.0
"""An e-mail answered within a month at the latest; a longer window is not a service level."""
MIN_HOURS_PER_FTE_WEEK = 4.0
"""A full-time equivalent works at least four hours a week (one short shift); hours divide head counts,
so a tiny value (1e-9) would turn a team into billions of people."""
MAX_HOURS_PER_FTE_WEEK = 84.0
"""Twelve hours a day, seven days a week: no labour law allows a longer week."""
MAX_PROFILE_VALUES = 96
"""An explicit intraday profile: 24 hourly values, or one per 15-minute interval of a day (96)."""
MAX_LANGUAGES = 50
"""Languages one account serves (the largest multilingual hubs serve a few dozen)."""

# ---------------------------------------------------------------- money
MAX_AMOUNT = Decimal("1E18")
"""Any single figure of a price book (Rial): 10^18 Rial is about 10^13 USD, beyond any deal."""
MIN_ROUNDING_STEP = Decimal("0.0001")
"""The smallest rounding step (a hundredth of a cent); smaller steps are meaningless for money."""
MAX_ROUNDING_STEP = Decimal("1000000000")
"""The largest rounding step (a billion Rial); larger steps round whole quotes to zero."""
MAX_DECIMAL_DIGITS = 40
"""Significant digits of any price-book number: 10^18 to a ten-thousandth is 22 digits; 1e400 or a
hundred-digit figure is an attack on Decimal arithmetic, not a price."""
MIN_SPAN_RATIO = Decimal(1)
"""Agents per supervisor, QA, trainer, WFM analyst or manager: at least one (a ratio of 1e-9 would
price 16 billion supervisors for a team of 16)."""
MAX_SPAN_RATIO = Decimal(10000)
"""Agents per person in a support role: beyond ten thousand the role is not staffed at all."""
MIN_DAYS_PER_MONTH = Decimal(20)
"""Days a monthly wage is counted over (Iran: 30; elsewhere working days, about 21-22)."""
MAX_DAYS_PER_MONTH = Decimal(31)
"""No month has more than 31 days."""
MAX_FACTOR = Decimal(1000)
"""A multiplier or count that is not money (uplift, wage factor, accrual days, training hours, weeks):
a thousand times or a thousand units is beyond any real book."""

# ---------------------------------------------------------------- templates and documents
TEMPLATE_MAX_BYTES = 5_000_000
"""A .docx template on disk."""
TEMPLATE_MAX_UNZIPPED_BYTES = 50_000_000
"""The template's parts once unzipped; zip bombs inflate to gigabytes."""
TEMPLATE_MAX_RENDER_SECONDS = 10.0
"""Rendering one document takes well under a second; a template that loops for longer is refused."""
TEMPLATE_MAX_OUTPUT_BYTES = 20_000_000
"""The rendered document.xml of one document."""
TEMPLATE_MAX_INT_DIGITS = 40
"""Integers computed in a template (10**(10**9) would take minutes and gigabytes)."""
TEMPLATE_MAX_RANGE = 10_000
"""``range()`` in a template: tables have at most a few hundred rows."""

# ---------------------------------------------------------------- solver
MAX_SOLVER_SECONDS = 600.0
"""The longest a shift solve may be asked to run (``--time-limit``)."""

# ---------------------------------------------------------------- saved quotes (quote.json numbers)
QUOTE_JSON_MAX_NUMBER_CHARS = 60
"""A JSON number literal in quote.json: quoter writes money as decimal strings and counts as small integers;
a 60-character literal is already absurd, and longer ones cost time to convert."""
QUOTE_JSON_MAX_EXPONENT = 30
"""The decimal exponent of a JSON number in quote.json (1e999999 is finite as a Decimal, but no quantity is)."""

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
MAX_TERM_MONTHS = 120
"""Ten years: the longest outsourcing contracts."""

# ---------------------------------------------------------------- money
MAX_AMOUNT = Decimal("1E18")
"""Any single figure of a price book (Rial): 10^18 Rial is about 10^13 USD, beyond any deal."""
MIN_ROUNDING_STEP = Decimal("0.0001")
"""The smallest rounding step (a hundredth of a cent); smaller steps are meaningless for money."""
MAX_ROUNDING_STEP = Decimal("1000000000")
"""The largest rounding step (a billion Rial); larger steps round whole quotes to zero."""

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

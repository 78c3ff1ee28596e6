"""The price book's term sections: the law of its year, how costs move over a deal's term, how the provider is
paid, and where each statutory figure comes from.

- ``law``: the statutory figures of the book's Jalali year (minimum allowances, the insurance ceiling); the
  book's wages and allowances must reach them (:func:`legal_shortfalls`).
- ``indexation``: the yearly wage rise at 1 Farvardin (a decreed figure when known, else an assumption with
  its basis), inflation for the other costs, the exchange-rate path for the items bought in dollars, the
  monthly cost of money, and which price policy the quote leads with.
- ``payment``: the client's payment delay, the retentions (social security, good performance), the
  performance guarantee and its fee, withholding and VAT remittance. A requirements file may override any
  of them (the client's own terms): :class:`PaymentTerms`.
- ``sources``: dotted key -> where the figure comes from, its date, and whether it is confirmed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, field_validator

from quoter.inputs.numbers import Factor, Money, Number, Rate, Rise, Strict
from quoter.inputs.text import Name, RequiredName, Text

RetentionShare = Annotated[Decimal, Number, Field(ge=0, le=Decimal("0.5"))]
"""A retention or guarantee share: at most 50 % of an invoice or of the contract."""
Months = Annotated[int, Field(ge=0, le=60, strict=True)]
Days = Annotated[int, Field(ge=0, le=365, strict=True)]

STATUTORY: tuple[str, ...] = (
    "labour.hours_per_week",
    "labour.minimum_wage_daily",
    "labour.overtime_max_hours_day",
    "labour.shift_max_hours_4_weeks",
    "law.housing",
    "law.food",
    "law.child_days",
    "law.marriage",
    "law.seniority_base",
    "law.insurance_ceiling_minimum_wages",
    "loads.employer_insurance",
    "accruals.eydi_days",
    "accruals.eydi_cap_minimum_wage_days",
    "accruals.severance_days_per_year",
    "premiums.night",
    "premiums.friday",
    "premiums.holiday",
    "premiums.overtime",
    "premiums.shift_two",
    "premiums.shift_two_with_night",
    "premiums.shift_three",
    "vat_rate",
    "payment.social_security_retention",
    "payment.withholding",
)
"""Keys whose figures are set by law: a book with a ``law`` section gives each a source."""


class Law(Strict):
    """The statutory minimums of the book's year (``labour.minimum_wage_year``), per full-time head a month.

    The book's ``allowances`` must reach them and its wages the minimum wage; ``child_days`` is days of the
    minimum wage per child; the insured pay of one head is capped at ``insurance_ceiling_minimum_wages`` x
    the monthly minimum wage (Social Security Act; 7 in 1405).
    """

    housing: Money = Decimal(0)
    food: Money = Decimal(0)
    child_days: Factor = Decimal(0)
    marriage: Money = Decimal(0)
    seniority_base: Money = Decimal(0)
    insurance_ceiling_minimum_wages: Annotated[Decimal, Number, Field(gt=0, le=100)] | None = None


class YearFigures(Strict):
    """What changes on 1 Farvardin of one Jalali year: the wage rise (on every wage and, unless the year
    names its own figures, on the statutory allowances), and the year's decreed figures when known."""

    wage_rise: Rise
    minimum_wage_daily: Money | None = None
    housing: Money | None = None
    food: Money | None = None
    marriage: Money | None = None
    seniority_base: Money | None = None
    assumed: bool = True
    basis: Text | None = None


class Indexation(Strict):
    """How the deal's costs move over its term (see :mod:`quoter.term`)."""

    years: dict[Annotated[int, Field(ge=1300, le=1600)], YearFigures] = {}
    wage_rise: Rise = Decimal(0)  # any later year the book does not list (an assumption)
    wage_rise_basis: Text | None = None
    cpi_annual: Rise = Decimal(0)  # non-labour costs, compounded month by month
    cpi_basis: Text | None = None
    fx_annual: Rise = Decimal(0)  # the book's currency against the dollar, for items bought in dollars
    fx_basis: Text | None = None
    fx_items: list[Literal["seats.workstation", "seats.licences", "seats.headset", "telephony.per_minute",
                           "telephony.per_line_month", "facility.per_seat_month"]] = []  # fmt: skip
    cost_of_money_monthly: Rate = Decimal(0)  # what cash tied up in the deal costs the provider a month
    cost_of_money_basis: Text | None = None
    policy: Literal["indexed", "level"] = "indexed"  # which price the quote and the contract lead with
    level_term_discount: bool = False  # whether the term discounts apply to a level price

    def year(self, year: int) -> YearFigures:
        """The figures of ``year`` (its own entry, else the assumed default rise)."""
        if year in self.years:
            return self.years[year]
        return YearFigures(wage_rise=self.wage_rise, assumed=True, basis=self.wage_rise_basis)


class PaymentTerms(Strict):
    """How the client pays; every field may be left out (the price book's ``payment`` then applies)."""

    days: Days | None = None  # days after the month's invoice
    social_security_retention: RetentionShare | None = None
    performance_retention: RetentionShare | None = None
    guarantee_share: RetentionShare | None = None  # of the contract value (ex VAT)
    withholding: RetentionShare | None = None


class Payment(Strict):
    """The price book's payment terms (a requirements file's ``payment`` overrides the first five)."""

    days: Days = 60
    social_security_retention: RetentionShare = Decimal("0.05")  # held until the clearance certificate
    clearance_months: Months = 3  # after the term ends, until the clearance releases it
    performance_retention: RetentionShare = Decimal(0)  # good-performance retention, released at the end
    performance_release_months: Months = 1
    guarantee_share: RetentionShare = Decimal(0)  # performance guarantee, share of the contract value
    guarantee_fee_annual: Rate = Decimal(0)  # the bank's fee a year, on the guarantee
    guarantee_deposit: Rate = Decimal(0)  # share of the guarantee the bank blocks as cash until release
    withholding: RetentionShare = Decimal(0)  # tax withheld on each payment, credited later
    withholding_recovery_months: Months = 6  # until the withholding is credited against tax
    vat_quarterly: bool = True  # VAT is remitted for each quarter, a month after it ends (else monthly)

    def merged(self, terms: PaymentTerms | None) -> Payment:
        """These terms with the client's own where it gives them."""
        if terms is None:
            return self
        given = {k: v for k, v in terms.model_dump().items() if v is not None}
        return self.model_copy(update=given)


class Source(Strict):
    """Where a figure comes from."""

    source: RequiredName
    url: Name | None = None
    date: Name | None = None
    status: Literal["confirmed", "unconfirmed", "assumed", "policy"] = "confirmed"
    """``policy``: the provider's own rule (the quote book's approval gate), neither law nor a market figure: kept
    in the book, never listed among a quote's assumptions (which reach the client's proposal)."""
    note: Text | None = None

    @field_validator("url")
    @classmethod
    def _url(cls, v: str | None) -> str | None:
        if v is not None and not v.startswith(("https://", "http://", "github:")):
            raise ValueError("must be an address (https://..., or github:owner/repo/path)")
        return v

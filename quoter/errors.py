"""One exception tree for quoter.

The CLI maps every :class:`QuoterError` to a one-line ``Error: ...`` message and exit code 1;
anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class QuoterError(Exception):
    """Root of every error quoter raises on purpose (bad input, impossible domain request)."""

    exit_code = 1


class InputError(QuoterError):
    """An input file or argument is missing, malformed or invalid.

    ``problems`` holds one line per problem (``path.to.field: message (line N)``) so a user sees
    every mistake at once.
    """

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        self.problems = list(problems or [])
        super().__init__(message)

    def __str__(self) -> str:
        head = super().__str__()
        if not self.problems:
            return head
        if len(self.problems) == 1:
            return f"{head}: {self.problems[0]}"
        return head + ":\n" + "\n".join(f"  - {p}" for p in self.problems)


class DomainError(QuoterError):
    """The input is well formed but the request cannot be met (e.g. an unreachable target)."""


class InfeasibleError(DomainError):
    """An optimisation problem (e.g. a shift plan) has no solution under the given rules."""


class NotApplicable(DomainError):
    """A tariff model does not apply to this quote (e.g. per result without a completion or conversion rate):
    :func:`quoter.pricing.tariffs.price_all` leaves it out, and every renderer shows the models priced."""


class TemplateError(QuoterError):
    """A document template is broken or uses variables the context lacks."""

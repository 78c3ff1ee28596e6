"""The deal over its whole term: month by month in Jalali months, at each month's wages and prices.

- :mod:`~quoter.term.seasonality`: the monthly volume factors (built-in Iranian shapes, with sources);
- :mod:`~quoter.term.indices`: the wage index at each 1 Farvardin, inflation and the exchange rate, and the
  price book at a later year's figures;
- :mod:`~quoter.term.cash`: how the provider is paid (delay, retentions, guarantee, withholding, VAT), the cash
  position month by month and the cost of financing it;
- :mod:`~quoter.term.plan`: the term plan: each month's contacts, staffing and cost; every tariff's revenue
  under three price policies (``flat``: today's price held, what a naive quote does; ``indexed``: adjusted
  each 1 Farvardin by the formula; ``level``: one price that earns the target margin over the term); totals,
  margin and its present value.
"""

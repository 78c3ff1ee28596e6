"""Pricing: monthly usage of a staffing plan, the cost build-up (quantity x rate = amount, with sources),
set-up, ramp-up and the in-house comparison, and the tariff models (one module per model, in ``tariffs/``).
All money is Decimal; :mod:`quoter.money` alone rounds.
"""

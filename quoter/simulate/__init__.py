"""Discrete-event simulation of a staffing plan (``quoter simulate``) and staffing verified by it
(``quoter staff --verify``). See docs/simulate.md."""

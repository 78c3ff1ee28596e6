"""Staffing: the Erlang B/C/A engine, arrival profiles, and the planner that sizes every queue per interval.

Input: the requirements. Output: a :class:`quoter.staffing.result.StaffingPlan` (agents per interval and
per queue, predicted service levels, FTE, lines). Knows nothing of shifts, money or documents.
"""

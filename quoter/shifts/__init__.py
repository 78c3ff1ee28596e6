"""Shifts: whole weekly tours that cover every interval of a staffing plan (HiGHS MILP), and the choice of
whether a quote prices its paid hours from such a roster.
"""

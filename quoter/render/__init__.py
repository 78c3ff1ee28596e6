"""Render: everything a person reads. Wording (Persian and English), localisation (digits, money, words,
Jalali dates), terminal tables, the negotiation workbook, the Word/PDF documents and the coverage chart.
Renderers read the quote; they never compute money.
"""

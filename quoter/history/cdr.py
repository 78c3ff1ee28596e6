"""Asterisk CDR ``Master.csv`` (cdr_csv, no header): accountcode, src, dst, dcontext, clid, channel, dstchannel,
lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags, uniqueid (and userfield when
the build logs it). Times are the server's local time (``--timezone``), ``YYYY-MM-DD HH:MM:SS``.

A call's queue is the first argument of ``lastdata`` when ``lastapp`` is ``Queue``, else ``dst``. Answered
(``ANSWERED`` with an answer time): wait = answer - start, talk = billsec. Any other disposition (NO ANSWER,
BUSY, FAILED, CONGESTION): abandoned after ``duration`` seconds (a CDR cannot tell a queue timeout from a
hang-up). The wait includes any IVR time before the queue. Rows are in the order calls ended, so order is
checked on the end time. A repeated ``uniqueid`` is a duplicated call (the repeat is skipped).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable

from quoter.history.tally import HANDLE, HANDLED, Tally

START, ANSWER, END, DURATION, BILLSEC, DISPOSITION, UNIQUEID = 9, 10, 11, 12, 13, 14, 16
MIN_FIELDS = 17


def looks_like(first_lines: list[str]) -> bool:
    for row in csv.reader(first_lines):
        if len(row) >= MIN_FIELDS and _is_time(row[START]) and row[DURATION].strip().isdigit():
            return True
    return False


def _is_time(text: str) -> bool:
    return len(text) == 19 and text[4] == "-" and text[13] == ":"


def seconds(text: str) -> int:
    """Local seconds since 1970-01-01 of ``YYYY-MM-DD HH:MM:SS`` (no time zone arithmetic: local stays local)."""
    import datetime as dt

    d = dt.date(int(text[0:4]), int(text[5:7]), int(text[8:10]))
    return (d.toordinal() - 719163) * 86400 + int(text[11:13]) * 3600 + int(text[14:16]) * 60 + int(text[17:19])


def read(lines: Iterable[str], tally: Tally) -> None:
    seen: set[str] = set()
    last = 0
    for lineno, row in enumerate(csv.reader(lines), 1):
        if not row:
            continue
        if len(row) < MIN_FIELDS:
            tally.problem("missing_fields", f"rows with fewer than {MIN_FIELDS} fields", lineno)
            continue
        try:
            start, end = seconds(row[START]), seconds(row[END])
            duration, billsec = int(row[DURATION]), int(row[BILLSEC])
        except (ValueError, IndexError):
            tally.problem("bad_value", "rows whose times or durations cannot be read", lineno)
            continue
        if end < last:
            tally.problem("out_of_order", "rows that ended before the row above them", lineno)
        last = max(last, end)
        uid = row[UNIQUEID]
        if uid in seen:
            tally.problem("duplicate_call", "rows repeating a uniqueid (skipped)", lineno)
            continue
        seen.add(uid)
        _call(tally, row, start, duration, billsec)
    tally.sources.append("cdr")
    tally.aht_parts.update(("talk", "hold"))


def _call(tally: Tally, row: list[str], start: int, duration: int, billsec: int) -> None:
    queue = row[8].split(",")[0].strip() if row[7].strip().lower() == "queue" else row[2].strip()
    b = tally.bin(queue or "default", start)
    if row[DISPOSITION].strip().upper() == "ANSWERED" and _is_time(row[ANSWER]):
        tally.answered(b, float(seconds(row[ANSWER]) - start))
        b[HANDLE] += billsec
        b[HANDLED] += 1
    else:
        tally.abandoned(b, float(duration))

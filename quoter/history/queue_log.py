"""Asterisk / Issabel ``queue_log``: ``epoch|callid|queue|agent|event|data1|data2|...``, one call per callid.

The format followed is Asterisk 1.8 to 20's (``apps/app_queue.c``, ``ast_queue_log`` calls; Issabel 4 ships
Asterisk 11/13/16): data fields are pipe-separated, as https://docs.asterisk.org/Operation/Logging/Queue-Logs/
lists them.

- ``ENTERQUEUE``: url|callerid|position: the call arrives (its interval is this time's, local clock);
- ``CONNECT``: holdtime|bridged-channel-uniqueid|ringtime: answered after holdtime seconds of waiting;
- ``COMPLETECALLER`` / ``COMPLETEAGENT``: holdtime|calltime|origposition: talk (and hold) time;
- ``TRANSFER``: extension|context|holdtime|calltime|origposition; ``BLINDTRANSFER`` the same;
  ``ATTENDEDTRANSFER``: method|...|holdtime|calltime|origposition (the last three fields);
- ``ABANDON``: position|origposition|waittime: the caller hung up while waiting;
- ``EXITWITHTIMEOUT``: position|origposition|waittime; ``EXITEMPTY`` the same; ``EXITWITHKEY``:
  key|position|origposition|waittime: the caller left unanswered without hanging up in the queue (the
  queue's timeout, no agents, a key for a callback): not abandoned, a censored wait for the patience estimator;
- ``RINGNOANSWER`` (ringtime ms), ``RINGCANCELED``, ``AGENTDUMP``, ``SYSCOMPAT``: agent events, not counted;
- lines whose queue is ``NONE`` (QUEUESTART, AGENTLOGIN, PAUSEALL...) and member events (ADDMEMBER, PAUSE...)
  are ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from quoter.history.tally import ANSWERED, HANDLE, HANDLED, IN_SL, OFFERED, WAIT_ALL, WAIT_ANSWERED, WAITED, Tally

IGNORED = frozenset(
    [
        "RINGNOANSWER",
        "RINGCANCELED",
        "AGENTDUMP",
        "SYSCOMPAT",
        "ADDMEMBER",
        "REMOVEMEMBER",
        "PAUSE",
        "UNPAUSE",
        "PAUSEALL",
        "UNPAUSEALL",
        "AGENTLOGIN",
        "AGENTLOGOFF",
        "AGENTCALLBACKLOGIN",
        "AGENTCALLBACKLOGOFF",
        "QUEUESTART",
        "CONFIGRELOAD",
        "DID",
        "INFO",
        "PENALTY",
        "CALLERONHOLD",
        "CALLEROFFHOLD",
    ]
)
LEFT = {"EXITWITHTIMEOUT": 7, "EXITEMPTY": 7, "EXITWITHKEY": 8}  # event -> index of its waittime
COMPLETE = frozenset(("COMPLETECALLER", "COMPLETEAGENT"))
TALK = {"COMPLETECALLER": (5, 6), "COMPLETEAGENT": (5, 6), "TRANSFER": (7, 8), "BLINDTRANSFER": (7, 8)}


def looks_like(first_lines: list[str]) -> bool:
    """A queue_log line: an epoch, then at least four pipe-separated fields."""
    for line in first_lines:
        parts = line.split("|")
        if len(parts) >= 5 and parts[0].strip().isdigit():
            return True
    return False


def read(batches: Iterable[list[str]], tally: Tally, offset: Callable[[int], int]) -> None:
    """Add the calls of a queue_log (as batches of lines) to ``tally``; problems are counted, the rest is read.

    The common events are handled inline (this loop runs a million times in a few seconds); the rest in
    :func:`_event`."""
    calls: dict[tuple[str, str], list[Any]] = {}  # (callid, queue) -> [bin, state]; 0 waiting, 1 answered
    done: set[int] = set()  # hashes of the finished calls' keys: a duplicate is told at a tenth of the memory
    last, lineno, sl, size, bins = "", 0, tally.answer_seconds, tally.interval_s, tally.bins
    ignored, complete, new_bin = IGNORED, COMPLETE, tally.new_bin  # locals: this loop runs a million times
    off, ans, waited, w_ans, w_all, in_sl, handle, handled = (
        OFFERED, ANSWERED, WAITED, WAIT_ANSWERED, WAIT_ALL, IN_SL, HANDLE, HANDLED,
    )  # fmt: skip
    for batch in batches:
        for line in batch:
            lineno += 1
            p = line.split("|")
            if len(p) < 6:
                _short(tally, p, line, lineno)
                continue
            ev, q = p[4], p[2]
            if q == "NONE" or ev in ignored:
                continue
            try:
                stamp = p[0]  # epochs of one length compare as text: int() only where the time is used
                if not stamp.isdigit():
                    raise ValueError(stamp)
                if stamp < last and len(stamp) == len(last):
                    tally.problem("out_of_order", "events earlier than the line before them", lineno)
                else:
                    last = stamp
                key = (p[1], q)
                call = calls.get(key)
                if ev == "ENTERQUEUE" and call is None and hash(key) not in done:
                    t = int(stamp)
                    local = t + offset(t)
                    bk = (q, local // 86400, local % 86400 // size)
                    calls[key] = [bins.get(bk) or new_bin(bk), 0]
                elif ev == "CONNECT" and call is not None and call[1] == 0:
                    wait = float(p[5])
                    b = call[0]
                    b[off] += 1
                    b[ans] += 1
                    b[waited] += 1
                    b[w_ans] += wait
                    b[w_all] += wait
                    if wait <= sl:
                        b[in_sl] += 1
                    call[1] = 1
                elif ev in complete and call is not None and call[1] == 1:
                    b = call[0]
                    b[handle] += float(p[6])
                    b[handled] += 1
                    del calls[key]
                    done.add(hash(key))
                else:
                    _event(tally, calls, done, key, call, ev, p, int(stamp), offset, lineno)
            except (ValueError, IndexError):
                tally.problem("missing_fields", f"{ev} lines with missing or non-numeric fields", lineno)
    _finish(tally, calls)


def _finish(tally: Tally, calls: dict[tuple[str, str], list[Any]]) -> None:
    """The calls still waiting at the end of the file are told (not counted); the source is named."""
    for _ in range(sum(1 for c in calls.values() if c[1] == 0)):
        tally.problem("unfinished_call", "calls still waiting at the end of the file (not counted)")
    tally.sources.append("queue_log")
    tally.aht_parts.update(("talk", "hold"))


def _short(tally: Tally, p: list[str], line: str, lineno: int) -> None:
    """A line of five fields (an event without data, like QUEUESTART) is fine; fewer is a problem."""
    if len(p) == 5 or not line.strip():
        return
    tally.problem("missing_fields", "lines with fewer than 5 fields", lineno)


def _event(
    tally: Tally,
    calls: dict[tuple[str, str], list[object]],
    done: set[int],
    key: tuple[str, str],
    call: list[Any] | None,
    ev: str,
    p: list[str],
    t: int,
    offset: Callable[[int], int],
    lineno: int,
) -> None:
    if ev == "ENTERQUEUE":
        if key in calls or hash(key) in done:
            tally.problem("duplicate_call", "calls that entered the same queue twice (the repeat is skipped)", lineno)
            return
        calls[key] = [tally.bin(key[1], t + offset(t)), 0]
        return
    if call is None:
        if hash(key) in done:
            tally.problem("duplicate_call", "events repeated for a call already finished (skipped)", lineno)
        elif ev in ("CONNECT", "ABANDON", "ATTENDEDTRANSFER") or ev in LEFT or ev in TALK:
            tally.problem("no_enterqueue", "events for a call with no ENTERQUEUE (skipped)", lineno)
        else:
            tally.problem("unknown_event", "events this reader does not know (skipped)", lineno, ev)
        return
    b: list[float] = call[0]
    if ev == "CONNECT":
        if call[1] == 0:
            tally.answered(b, float(p[5]))
            call[1] = 1
    elif ev in TALK or ev == "ATTENDEDTRANSFER":
        i, j = TALK.get(ev, (len(p) - 3, len(p) - 2))
        if call[1] == 0:  # no CONNECT line (some old versions): the completion tells the wait
            tally.answered(b, float(p[i]))
        b[HANDLE] += float(p[j])
        b[HANDLED] += 1
        del calls[key]
        done.add(hash(key))
    elif ev == "ABANDON":
        tally.abandoned(b, float(p[7]))
        del calls[key]
        done.add(hash(key))
    elif ev in LEFT:
        tally.left(b, float(p[LEFT[ev]]))
        del calls[key]
        done.add(hash(key))
    else:
        tally.problem("unknown_event", "events this reader does not know (skipped)", lineno, ev)

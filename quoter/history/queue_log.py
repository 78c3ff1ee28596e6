"""Asterisk / Issabel ``queue_log``: ``epoch|callid|queue|agent|event|data1|data2|...``, one call per callid.

The format followed is Asterisk 1.8 to 20's (``apps/app_queue.c``, ``ast_queue_log`` calls; Issabel 4 ships
Asterisk 11/13/16): data fields are pipe-separated.

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

from quoter.history.tally import HANDLE, HANDLED, Tally

IGNORED = frozenset(
    "RINGNOANSWER RINGCANCELED AGENTDUMP SYSCOMPAT ADDMEMBER REMOVEMEMBER PAUSE UNPAUSE PAUSEALL UNPAUSEALL "
    "AGENTLOGIN AGENTLOGOFF AGENTCALLBACKLOGIN AGENTCALLBACKLOGOFF QUEUESTART CONFIGRELOAD DID INFO "
    "PENALTY CALLERONHOLD CALLEROFFHOLD".split()
)
LEFT = {"EXITWITHTIMEOUT": 7, "EXITEMPTY": 7, "EXITWITHKEY": 8}  # event -> index of its waittime
TALK = {"COMPLETECALLER": (5, 6), "COMPLETEAGENT": (5, 6), "TRANSFER": (7, 8), "BLINDTRANSFER": (7, 8)}


def looks_like(first_lines: list[str]) -> bool:
    """A queue_log line: an epoch, then at least four pipe-separated fields."""
    for line in first_lines:
        parts = line.split("|")
        if len(parts) >= 5 and parts[0].strip().isdigit():
            return True
    return False


def read(lines: Iterable[str], tally: Tally, offset: Callable[[int], int]) -> None:
    """Add the calls of a queue_log to ``tally``; problems are counted, the rest is read."""
    calls: dict[tuple[str, str], list[object]] = {}  # (callid, queue) -> [bin, state]; state 0 waiting, 1 answered
    done: set[tuple[str, str]] = set()
    last = 0
    for lineno, line in enumerate(lines, 1):
        p = line.rstrip("\r\n").split("|")
        if len(p) < 5:
            if line.strip():
                tally.problem("missing_fields", "lines with fewer than 5 fields", lineno)
            continue
        ev, q = p[4], p[2]
        if q == "NONE" or ev in IGNORED:
            continue
        try:
            t = int(p[0])
        except ValueError:
            tally.problem("bad_value", "lines whose time is not epoch seconds", lineno)
            continue
        if t < last:
            tally.problem("out_of_order", "events earlier than the line before them", lineno)
        else:
            last = t
        key = (p[1], q)
        try:
            _event(tally, calls, done, key, ev, p, t, offset, lineno)
        except (ValueError, IndexError):
            tally.problem("missing_fields", f"{ev} lines with missing or non-numeric fields", lineno)
    waiting = sum(1 for c in calls.values() if c[1] == 0)
    for _ in range(waiting):
        tally.problem("unfinished_call", "calls still waiting at the end of the file (not counted)")
    tally.sources.append("queue_log")
    tally.aht_parts.update(("talk", "hold"))


def _event(
    tally: Tally,
    calls: dict[tuple[str, str], list[object]],
    done: set[tuple[str, str]],
    key: tuple[str, str],
    ev: str,
    p: list[str],
    t: int,
    offset: Callable[[int], int],
    lineno: int,
) -> None:
    if ev == "ENTERQUEUE":
        if key in calls or key in done:
            tally.problem("duplicate_call", "calls that entered the same queue twice (the repeat is skipped)", lineno)
            return
        calls[key] = [tally.bin(key[1], t + offset(t)), 0]
        return
    call = calls.get(key)
    if call is None:
        if key in done:
            tally.problem("duplicate_call", "events repeated for a call already finished (skipped)", lineno)
        elif ev in ("CONNECT", "ABANDON", "ATTENDEDTRANSFER") or ev in LEFT or ev in TALK:
            tally.problem("no_enterqueue", "events for a call with no ENTERQUEUE (skipped)", lineno)
        else:
            tally.problem("unknown_event", "events this reader does not know (skipped)", lineno, ev)
        return
    b: list[float] = call[0]  # type: ignore[assignment]
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
        done.add(key)
    elif ev == "ABANDON":
        tally.abandoned(b, float(p[7]))
        del calls[key]
        done.add(key)
    elif ev in LEFT:
        tally.left(b, float(p[LEFT[ev]]))
        del calls[key]
        done.add(key)
    else:
        tally.problem("unknown_event", "events this reader does not know (skipped)", lineno, ev)

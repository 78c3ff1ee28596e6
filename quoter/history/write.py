"""``quoter history --write REQ.yaml``: the measured figures into a requirements file.

An existing file keeps everything else, comments and order included (ruamel.yaml's round trip); only these
keys are set: ``channels.voice.calls_per_month`` (``calls_per_week`` is removed: one volume), ``aht_seconds``
(plus the file's ``acw_seconds`` when the source does not count wrap time), ``target.patience_seconds``,
``profile.intraday`` and ``profile.weekly`` (explicit lists), ``seasonality`` (twelve factors, when the history
spans a year) and ``forecast`` (the months ahead as factors of the monthly volume). A new file gets a minimal
client and service besides. The result is validated as requirements before it replaces the file (temp + rename):
a file that would not load is never written.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any

from quoter.errors import InputError
from quoter.history import History
from quoter.history.estimate import QueueFigures


def _flow(values: list[float]) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def _section(parent: Any, key: str) -> Any:
    from ruamel.yaml.comments import CommentedMap

    if not isinstance(parent.get(key), dict):
        parent[key] = CommentedMap()
    return parent[key]


def intraday_for(q: QueueFigures, history_minutes: int, req_minutes: int) -> list[float]:
    """The all-days intraday shape at the requirements' interval (per interval), or 24 hourly values."""
    shape = q.intraday_all
    if history_minutes == req_minutes:
        return [round(x, 5) for x in shape]
    per_hour = 60 // history_minutes
    return [round(sum(shape[h * per_hour : (h + 1) * per_hour]), 5) for h in range(24)]


def pick(history: History, queue: str | None) -> QueueFigures:
    if queue is None:
        return history.total
    for q in history.queues:
        if q.queue == queue:
            return q
    raise InputError(f"--queue: no queue '{queue}' in the history ({', '.join(q.queue for q in history.queues)})")


def update(data: Any, history: History, q: QueueFigures, client: str) -> None:
    """Set the measured keys in ``data`` (a ruamel mapping, new or loaded)."""
    from ruamel.yaml.comments import CommentedMap

    if "client" not in data:
        data["client"] = CommentedMap(name=client)
    service = _section(data, "service")
    service.setdefault("interval_minutes", history.interval_minutes)
    service.setdefault("timezone", history.timezone)
    voice = _section(_section(data, "channels"), "voice")
    voice.pop("calls_per_week", None)
    voice["calls_per_month"] = round(q.contacts_per_month)
    if q.aht_seconds is not None:
        acw = 0.0 if "wrap" in history.aht_parts else float(voice.get("acw_seconds", 0) or 0)
        voice["aht_seconds"] = round(q.aht_seconds + acw, 1)
    if q.patience_seconds is not None:
        _section(voice, "target")["patience_seconds"] = round(q.patience_seconds, 1)
    profile = _section(voice, "profile")
    profile["intraday"] = _flow(intraday_for(q, history.interval_minutes, int(service["interval_minutes"])))
    profile["weekly"] = _flow([round(x, 4) for x in q.weekly])
    if q.seasonality is not None:
        data["seasonality"] = _flow([round(x, 4) for x in q.seasonality])
    if history.forecast is not None and q.contacts_per_month > 0:
        fc = history.forecast
        base = history.total.contacts_per_month  # the queue's share of the total stays as measured
        data["forecast"] = CommentedMap(
            method=fc.method, mape=None if fc.mape is None else round(fc.mape, 4),
            source=f"quoter history, {history.first_date}..{history.last_date}",
            months=CommentedMap((f"{y}-{m:02d}", round(c / base, 4)) for y, m, c in fc.months),
        )  # fmt: skip


def write_requirements(
    path: Path, history: History, queue: str | None = None, client: str = "Client", out: Path | None = None
) -> Path:
    """Create or update ``path`` with the history's figures (all queues together, or ``queue``); the result goes
    to ``out`` (a staged path) when given, else replaces ``path``."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError

    from quoter.inputs.requirements import load_requirements

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    data: Any = CommentedMap()
    if path.exists():
        try:
            data = yaml.load(path.read_text(encoding="utf-8")) or CommentedMap()
        except (YAMLError, OSError, UnicodeDecodeError) as exc:
            raise InputError(f"--write: {path} cannot be read as YAML ({exc})") from None
        if not isinstance(data, dict):
            raise InputError(f"--write: {path} is not a YAML mapping of keys to values")
    update(data, history, pick(history, queue), client)
    buf = io.StringIO()
    yaml.dump(data, buf)
    target = out or path
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".history-", suffix=".yaml", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(buf.getvalue())
        try:
            load_requirements(tmp)
        except InputError as exc:
            raise InputError(f"--write: {path} would not be valid requirements (not written)", exc.problems) from None
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target

"""``--chart``: the weekly profile, mean calls per interval over the week (Saturday first), one line per queue."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from quoter.calendar import DAYS
from quoter.errors import InputError
from quoter.history import History


def week_volumes(contacts_per_week: float, weekly: list[float], intraday: list[list[float]]) -> list[float]:
    """Mean calls in each interval of the week: the week's calls x the day's share x the interval's share."""
    return [contacts_per_week * weekly[d] * share for d in range(7) for share in intraday[d]]


def history_chart(history: History, path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise InputError(f"--chart: '{path.name}' must end in .png or .svg")
    fig, ax = plt.subplots(figsize=(12, 3.6))
    per_day = 1440 // history.interval_minutes
    hours = [i * history.interval_minutes / 60 for i in range(7 * per_day)]
    for q in history.queues:
        ax.step(hours, week_volumes(q.contacts_per_week, q.weekly, q.intraday), where="post", label=q.queue)
    ax.set_xlim(0, 168)
    ax.set_ylabel(f"calls per {history.interval_minutes} min")
    ax.set_xticks([24 * d + 12 for d in range(7)], [d.capitalize() for d in DAYS])
    for d in range(1, 7):
        ax.axvline(24 * d, color="grey", lw=0.5)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="upper right", fontsize=8)
    ax.set_title(f"Weekly profile, {history.first_date} to {history.last_date} (mean per interval)")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".chart-", suffix=f".{fmt}", dir=path.parent)
    os.close(fd)
    try:
        fig.savefig(tmp, format=fmt, dpi=90, metadata={"Software": None} if fmt == "png" else {"Date": None})
        os.replace(tmp, path)
    finally:
        plt.close(fig)
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path

"""``--chart``: the weekly profile, mean calls per interval over the week (Saturday first), one line per queue."""

from __future__ import annotations

from pathlib import Path

from quoter.history import History
from quoter.render.chart import chart_format, save_figure, week_axes


def week_volumes(contacts_per_week: float, weekly: list[float], intraday: list[list[float]]) -> list[float]:
    """Mean calls in each interval of the week: the week's calls x the day's share x the interval's share."""
    return [contacts_per_week * weekly[d] * share for d in range(7) for share in intraday[d]]


def history_chart(history: History, path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fmt = chart_format(path)
    fig, ax = plt.subplots(figsize=(12, 3.6))
    per_day = 1440 // history.interval_minutes
    hours = [i * history.interval_minutes / 60 for i in range(7 * per_day)]
    for q in history.queues:
        ax.step(hours, week_volumes(q.contacts_per_week, q.weekly, q.intraday), where="post", label=q.queue)
    ax.set_ylabel(f"calls per {history.interval_minutes} min")
    week_axes([ax])
    ax.legend(loc="upper right", fontsize=8)
    ax.set_title(f"Weekly profile, {history.first_date} to {history.last_date} (mean per interval)")
    return save_figure(fig, path, fmt)

"""Coverage chart: required agents against scheduled agents over the week, as PNG or SVG."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from quoter.calendar import DAYS
from quoter.errors import InputError


def chart_format(out: Path) -> str:
    """``png`` or ``svg`` from the file's suffix; anything else is refused naming ``--chart``."""
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise InputError(f"--chart: '{out.name}' must end in .png or .svg")
    return fmt


def week_axes(axes: Any) -> None:
    """A week's hours (0-168) on each of ``axes``, Saturday first: day labels under the last, a line between days."""
    axes = list(axes)
    for ax in axes:
        ax.set_xlim(0, 168)
        ax.grid(axis="y", alpha=0.3)
        for d in range(1, 7):
            ax.axvline(24 * d, color="grey", lw=0.5)
    axes[-1].set_xticks([24 * d + 12 for d in range(7)], [d.capitalize() for d in DAYS])


def save_figure(fig: Any, out: Path, fmt: str) -> Path:
    """Write ``fig`` to ``out`` atomically (a temp file beside it, then renamed), without a date or software stamp,
    and close it."""
    import matplotlib.pyplot as plt

    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".chart-", suffix=f".{fmt}", dir=out.parent)
    os.close(fd)
    try:
        fig.savefig(tmp, format=fmt, dpi=90, metadata={"Software": None} if fmt == "png" else {"Date": None})
        os.replace(tmp, out)
    finally:
        plt.close(fig)
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


def coverage_chart(result: Any, path: str | Path, title: str = "Coverage: required vs scheduled agents") -> Path:
    """Draw each queue's demand and coverage (a ShiftsResult) to ``path`` (.png or .svg), atomically."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = Path(path)
    fmt = chart_format(out)
    queues = [q for q in result.queues if q.headcount]
    fig, axes = plt.subplots(len(queues) or 1, 1, figsize=(12, 2.6 * max(1, len(queues))), sharex=True, squeeze=False)
    per_day = 1440 // result.interval_minutes
    hours = [i * result.interval_minutes / 60 for i in range(7 * per_day)]
    for ax, q in zip(axes[:, 0], queues, strict=False):
        ax.step(hours, q.coverage, where="post", color="#1f77b4", label="scheduled (on shift)")
        ax.fill_between(hours, q.demand, step="post", color="#ff7f0e", alpha=0.35, label="required")
        over = [c > d for c, d in zip(q.coverage, q.demand, strict=True)]
        ax.fill_between(hours, q.demand, q.coverage, where=over, step="post", color="#1f77b4", alpha=0.18,
                        hatch="///", linewidth=0, label="over-coverage (paid, not needed)")  # fmt: skip
        ax.set_ylabel(f"{q.queue}\nagents")
    axes[0, 0].legend(loc="upper right", fontsize=8)
    axes[0, 0].set_title(title)
    week_axes(axes[:, 0])
    return save_figure(fig, out, fmt)

"""The simulation chart: predicted (Erlang) and simulated service level by interval, with the simulation's 95 %
interval and the target, one panel per queue (PNG or SVG, written atomically)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from quoter.render.chart import chart_format, save_figure, week_axes
from quoter.simulate.run import Run


def simulation_chart(run: Run, path: str | Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = Path(path)
    fmt = chart_format(out)
    queues = run.queues
    fig, axes = plt.subplots(len(queues) or 1, 1, figsize=(12, 2.8 * max(1, len(queues))), sharex=True, squeeze=False)
    for ax, qr in zip(axes[:, 0], queues, strict=False):
        hours = np.arange(len(qr.plan.intervals)) * run.interval_minutes / 60
        open_ = qr.offered > 0
        pred = np.array([iv.service_level if iv.service_level is not None else np.nan for iv in qr.plan.intervals])
        sim, half = qr.intervals["service_level"]
        pred, sim, half = (np.where(open_, v, np.nan) for v in (pred, sim, half))
        ax.step(hours, pred, where="post", color="#1f77b4", label="predicted (Erlang)")
        ax.step(hours, sim, where="post", color="#d62728", label="simulated")
        ax.fill_between(hours, sim - half, sim + half, step="post", color="#d62728", alpha=0.2, label="95 % interval")
        if qr.targets.service_level is not None:
            ax.axhline(qr.targets.service_level, color="black", lw=0.8, ls="--", label="target")
        ax.set_ylabel(f"{qr.plan.channel} {qr.plan.language}\nservice level")
    axes[0, 0].legend(loc="lower right", fontsize=8)
    axes[0, 0].set_title(f"Service level by interval: predicted vs simulated ({run.options.weeks} weeks)")
    week_axes(axes[:, 0])
    return save_figure(fig, out, fmt)

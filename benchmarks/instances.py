"""Benchmark instances shared by the scripts in this folder."""

from __future__ import annotations

# A 24/7 line at 15-minute intervals with three language queues (fa, en, ar), Erlang A targets.
REQ_24X7_3Q = {
    "client": {"name": "Benchmark Co", "name_fa": "شرکت محک"},
    "service": {"hours": "24/7", "interval_minutes": 15},
    "languages": {"fa": 0.7, "en": 0.2, "ar": 0.1},
    "channels": {
        "voice": {
            "calls_per_month": 150000,
            "aht_seconds": 240,
            "target": {"service_level": 0.8, "answer_seconds": 20, "max_abandon": 0.04, "patience_seconds": 120},
            "profile": {"intraday": "retail", "weekly": "iran-retail"},
        }
    },
}

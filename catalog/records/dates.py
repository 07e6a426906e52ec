"""The dates a record states, read as dates: the checks, the graph and the outputs all need them."""

from __future__ import annotations

import datetime

def record_dates(data: dict) -> list:
    """Every date a record states: its sources, its assessment and when it was checked."""
    dates = [s["date"] for s in data["sources"] if s.get("date")]
    if data.get("checked"):
        dates.append(data["checked"])
    if data.get("assessment") and data["assessment"].get("date"):
        dates.append(data["assessment"]["date"])
    return dates


def as_date(value) -> datetime.date:
    """'2019', '2019-06' or '2019-06-01' as a date (the first day of a year or month)."""
    parts = [int(p) for p in str(value).split("-")] + [1, 1]
    return datetime.date(parts[0], parts[1], parts[2])


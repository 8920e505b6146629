"""Check-in streaks: consecutive local days with a check-in. Pure functions."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta


def current_streak(days: Iterable[date], today: date) -> int:
    """Consecutive days with a check-in ending today, or yesterday if today's is still to come."""
    checked = set(days)
    cursor = today if today in checked else today - timedelta(days=1)
    streak = 0
    while cursor in checked:
        streak += 1
        cursor -= timedelta(days=1)
    return streak

"""The crisis-screening hook every place a participant writes goes through.

It runs the pure detector (alongside.safety.detector) synchronously: it is fast (well under a
millisecond a message), so the write can wait for it and store its level with the record.
"""

from __future__ import annotations

from alongside.safety.detector import Screening, screen


def screen_text(text: str, *, locale: str = "en") -> Screening:
    """Screens one piece of free text. Empty text is level none."""
    return screen(text or "", locale=locale)

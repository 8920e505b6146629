"""Crisis-language screening for everything participants write.

Pure Python with no dependency on Django or the rest of Alongside, so it can run anywhere a message is
written and in the `alongside screen-text` command.

    >>> screen("i'm gonna kms tonight").level
    'urgent'
    >>> screen("this exam is killing me lol").level
    'none'
"""

from __future__ import annotations

from alongside.safety.detector.engine import screen
from alongside.safety.detector.model import LEVELS, Screening

__all__ = ["LEVELS", "Screening", "screen"]

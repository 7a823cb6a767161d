"""Names and dates as users type them: ISO dates, and the hint for a name mistyped.

Kept apart from the schema (schema/types.py uses them too) so that choosing a meeting
(load/mappen.py) imports nothing heavy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from difflib import get_close_matches

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LISTED = 12  # ids a hint lists in full


def did_you_mean(word: str, candidates: Iterable[object]) -> str:
    """' (bedoelde u 'x'?)' for the closest candidate, or '' when nothing is close."""
    close = get_close_matches(str(word), [str(c) for c in candidates], n=1, cutoff=0.6)
    return f" (bedoelde u '{close[0]}'?)" if close else ""


def closest(word: str, candidates: Iterable[object]) -> str:
    """As `did_you_mean`, but never silent while there are candidates: where the format
    promises 'the closest existing id' (an overlay's or the minutes' unknown item or
    action), a close spelling, else `existing`."""
    names = [str(c) for c in candidates]
    return did_you_mean(word, names) or existing(word, names)


def existing(word: str, candidates: Iterable[object]) -> str:
    """For a `word` no candidate is spelled like: the ids that exist (' (er zijn: a, b,
    c)'), or the most alike of a long list; '' without candidates."""
    names = [str(c) for c in candidates]
    if len(names) <= LISTED:
        return f" (er zijn: {', '.join(names)})" if names else ""
    best = get_close_matches(str(word), names, n=1, cutoff=0.0)
    return f" (het meest gelijkende is '{best[0]}')" if best else ""


def parse_iso_date(value: str) -> date | None:
    """The date `value` spells as JJJJ-MM-DD, or None when it is no (possible) date."""
    try:
        return date.fromisoformat(value) if ISO_DATE.match(value) else None
    except ValueError:
        return None

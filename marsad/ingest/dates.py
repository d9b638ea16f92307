"""Publication dates from records, page metadata and the command line."""
from __future__ import annotations

import datetime as dt
import re

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_published(value: str | dt.date | None) -> dt.date | dt.datetime | None:
    """ISO date or datetime (with or without offset, 'Z' allowed) -> date/datetime; None if empty.

    Raises ValueError with the offending value when it is not ISO 8601.
    """
    if value is None or isinstance(value, dt.date):
        return value
    s = str(value).strip()
    if not s:
        return None
    if _DATE.match(s):
        return dt.date.fromisoformat(s)
    s2 = s.replace("Z", "+00:00").replace(" ", "T", 1)
    try:
        d = dt.datetime.fromisoformat(s2)
    except ValueError:
        raise ValueError(f"not an ISO date or datetime: {value!r}") from None
    if d.time() == dt.time(0) and d.tzinfo is None and "T" not in s:
        return d.date()
    return d

"""Publication dates from records, page metadata and the command line."""
from __future__ import annotations

import datetime as dt
import re

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Forms seen in scraped Arabic news records besides ISO 8601: day-first dates ("17/05/2015", as Arab
# outlets write them), year-first with slashes, and ISO basic time ("2017-01-22T181500").
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
_BASIC_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})?$")


def parse_published(value: str | dt.date | None) -> dt.date | dt.datetime | None:
    """ISO date or datetime (with or without offset, 'Z' allowed) -> date/datetime; None if empty.

    Also accepts the day-first dates Arab outlets write ("17/05/2015"). Raises ValueError with the
    offending value when it is none of these.
    """
    if value is None or isinstance(value, dt.date):
        return value
    s = str(value).strip()
    if not s:
        return None
    if _DATE.match(s):
        return dt.date.fromisoformat(s)
    m = _DAY_FIRST.match(s) or _YEAR_FIRST.match(s)
    if m:
        a, b, c = (int(x) for x in m.groups())
        year, month, day = (c, b, a) if m.re is _DAY_FIRST else (a, b, c)
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise ValueError(f"not a valid date: {value!r}") from None
    m = _BASIC_TIME.match(s)
    if m:
        s = f"{m.group(1)}T{m.group(2)}:{m.group(3)}" + (f":{m.group(4)}" if m.group(4) else "")
    s2 = s.replace("Z", "+00:00").replace(" ", "T", 1)
    try:
        d = dt.datetime.fromisoformat(s2)
    except ValueError:
        raise ValueError(f"not an ISO date or datetime: {value!r}") from None
    if d.time() == dt.time(0) and d.tzinfo is None and "T" not in s:
        return d.date()
    return d

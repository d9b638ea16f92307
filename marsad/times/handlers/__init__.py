"""One handler per grammar pattern, grouped by family: each reads its match's groups and the anchor
and returns a resolved `Res`, or None to reject the match."""
from __future__ import annotations

from marsad.times.handlers import clock, dates, durations, periods

# pattern name -> handler: "h_dmy" handles the pattern "dmy" (and "dmy:variant")
HANDLERS = {name[2:]: fn for module in (dates, periods, durations, clock)
            for name, fn in vars(module).items() if name.startswith("h_")}

"""Evaluation commands: each module defines a click command `command`, mounted as `marsad evaluate NAME`.

Evaluations read public data from ../shared/data (or --data DIR) and print tables; they never run
in the unit tests' critical path. Results are recorded in docs/evaluation/.
"""
from __future__ import annotations

import os
import pathlib

MODULES = ("ner", "names", "times", "places", "statements", "events")


def shared_data_dir() -> pathlib.Path:
    """../shared/data beside the project, or $MARSAD_SHARED_DATA."""
    env = os.environ.get("MARSAD_SHARED_DATA")
    if env:
        return pathlib.Path(env)
    return pathlib.Path(__file__).resolve().parents[2].parent / "shared" / "data"

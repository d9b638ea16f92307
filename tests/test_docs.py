"""Documentation that cannot go stale: every schema field and every CLI command is documented."""
from __future__ import annotations

import pathlib
import re

import pytest

from marsad.cli import cli
from marsad.resources import read_json

ROOT = pathlib.Path(__file__).resolve().parents[1]
SCHEMA_DOC = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")


def _fields(node, seen=None):
    seen = set() if seen is None else seen
    if isinstance(node, dict):
        for key, sub in node.get("properties", {}).items():
            seen.add(key)
            _fields(sub, seen)
        for key in ("items", "$defs"):
            if key in node:
                sub = node[key]
                for v in (sub.values() if key == "$defs" else [sub]):
                    _fields(v, seen)
    return seen


@pytest.mark.parametrize("field", sorted(_fields(read_json("schema_v1.json"))))
def test_schema_field_is_documented(field):
    assert re.search(rf"`{re.escape(field)}`", SCHEMA_DOC), f"docs/schema.md does not document `{field}`"


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_cli_command_is_in_readme(command):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"marsad {command}" in readme

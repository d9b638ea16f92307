"""Scraped plain-text articles: title line, stray counters, duplicated title, site furniture, signature."""
from __future__ import annotations

import functools
import re
import unicodedata

from marsad.ingest.outlets import outlet_from_signature
from marsad.resources import read_tsv


@functools.cache
def _patterns() -> tuple[list[re.Pattern], list[re.Pattern]]:
    footer, line = [], []
    for kind, pattern in read_tsv("boilerplate.tsv"):
        (footer if kind == "footer" else line).append(re.compile(pattern))
    return footer, line


def _is_symbol_header(line: str) -> bool:
    """Short lines led by an emoji or pictograph ("💡 أهم المواضيع") are navigation, not text."""
    first = line[0]
    return len(line) < 60 and (unicodedata.category(first) == "So" or 0x1F000 <= ord(first) <= 0x1FAFF)


def clean_text(raw: str) -> tuple[str | None, str, str | None]:
    """Split scraped text into (title, body, outlet). The body keeps paragraph breaks."""
    footer_pats, line_pats = _patterns()
    lines = [ln.strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    # 1. cut the footer: from the first footer marker in the last part of the page
    nonempty = [i for i, ln in enumerate(lines) if ln]
    if nonempty:
        for i in nonempty[len(nonempty) // 2:]:
            if any(p.match(lines[i]) for p in footer_pats):
                lines = lines[:i]
                break
    # 2. drop furniture lines anywhere
    kept = [ln for ln in lines if not ln or not (any(p.match(ln) for p in line_pats) or _is_symbol_header(ln))]
    # 3. title: the first line, if it reads like a headline
    paras = [ln for ln in kept if ln]
    title = None
    if len(paras) > 1 and len(paras[0]) <= 250 and not paras[0].endswith((".", ":", "؟")):
        title = paras.pop(0)
        while paras and paras[0] == title:  # the page repeats its headline
            paras.pop(0)
    # 4. a closing signature names the outlet
    outlet = None
    if len(paras) > 1:
        outlet = outlet_from_signature(paras[-1])
        if outlet:
            paras.pop()
    return title, "\n\n".join(paras), outlet

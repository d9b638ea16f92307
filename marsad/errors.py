"""The catalogue of user-facing errors: each message written once, with a code (as spaCy's errors.py)."""
from __future__ import annotations


class E:
    EMPTY = "E001 empty file"
    BINARY = "E002 binary file, not text ({detail})"
    ENCODING = "E003 cannot decode as UTF-8 or windows-1256"
    TOO_LARGE = "E004 file too large: {size:,} bytes (limit {limit:,}; split it or raise --max-bytes)"
    NOT_ARABIC = "E005 no Arabic text (Arabic letters are {ratio:.0%} of letters)"
    NO_TEXT = "E006 no article text found{detail}"
    BAD_JSON = "E007 line {line}: invalid JSON ({detail})"
    BAD_RECORD = "E008 line {line}: {detail}"
    BAD_DATE = "E009 {detail}"
    NOT_FOUND = "E010 no such file or directory"
    UNREADABLE = "E011 cannot read: {detail}"
    GZIP = "E012 corrupt gzip stream ({detail})"


class IngestError(Exception):
    """A bad input: names where it came from and what is wrong with it; the batch goes on."""

    def __init__(self, origin: str, message: str, record_id=None):
        super().__init__(f"{origin}: {message}")
        self.origin = origin
        self.message = message
        self.record_id = record_id  # the input record's own id, when it had one

"""Bytes to text: UTF-8 (with or without BOM) or windows-1256, refusing binary data."""
from __future__ import annotations

from marsad.errors import E

_BINARY_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive",
    b"\x7fELF": "executable",
    b"\x1f\x8b": "gzip data (name it .gz)",
}


def binary_reason(data: bytes) -> str | None:
    """Why these bytes are not text, or None if they look like text."""
    head = data[:4096]
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return what
    if b"\x00" in head:
        return "contains NUL bytes"
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    if head and ctrl / len(head) > 0.05:
        return "mostly control characters"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode text bytes; returns (text, encoding). Raises ValueError with a catalogue message."""
    if not data.strip():
        raise ValueError(E.EMPTY)
    reason = binary_reason(data)
    if reason:
        raise ValueError(E.BINARY.format(detail=reason))
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # windows-1256 is the common legacy encoding of Arabic pages; it maps almost every byte,
        # so only accept it when the result actually contains Arabic letters.
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        raise ValueError(E.ENCODING) from None
    if sum(1 for c in text[:5000] if "\u0621" <= c <= "\u064a") < 3:
        raise ValueError(E.ENCODING)
    return text, "windows-1256"

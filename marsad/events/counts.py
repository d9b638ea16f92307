"""Killed and wounded counts stated next to casualty words: مقتل 5، 20 قتيلا، إصابة ثلاثة أشخاص."""
from __future__ import annotations

from marsad.document import Token
from marsad.events.lexicon import counts_lexicon
from marsad.events.triggers import is_break, ordered_keys, token_keys
from marsad.text.normalize import ascii_digits


def _number(tok: Token) -> float | None:
    lex = counts_lexicon()
    if tok.kind == "number":
        digits = ascii_digits(tok.text).replace(",", "").replace("٬", "")
        try:
            return float(digits.replace("٫", "."))  # "2.5 ألف" keeps its half until multiplied
        except ValueError:
            return None
    for table in ("number", "vague", "dual"):
        for k in ordered_keys(tok):
            if k in lex[table]:
                return lex[table][k]
    return None


def _thousands(tok: Token) -> bool:
    return bool(token_keys(tok) & counts_lexicon()["thousands"])


def _count_near(tokens: list[Token], j: int, lo: int, hi: int) -> int | None:
    """The number standing beside the casualty word at j: after it (مقتل 5) or before it (20 قتيلا)."""
    lex = counts_lexicon()
    own = None
    for k in ordered_keys(tokens[j]):
        if k in lex["dual"]:
            own = lex["dual"][k]
            break
    if own:
        return own
    for step in (1, 2):
        k = j + step
        if k < hi and not is_break(tokens[k]):
            n = _number(tokens[k])
            if n is not None:
                # ثلاثة آلاف / 3 آلاف
                if k + 1 < hi and _thousands(tokens[k + 1]) and n < 1000:
                    n *= 1000
                return int(n)
            if token_keys(tokens[k]) & lex["single"] and step == 1:
                return 1
    for step in (1, 2, 3):
        k = j - step
        if k >= lo and not is_break(tokens[k]):
            n = _number(tokens[k])
            if n is not None:
                # 40 ألف قتيل, عشرات الآلاف: the thousand multiplies the number before it
                if _thousands(tokens[k]) and k - 1 >= lo:
                    m = _number(tokens[k - 1])
                    if m is not None and m < 1000:
                        n = m * 1000
                return int(n)
    return None


def casualties(tokens: list[Token], lo: int, hi: int) -> tuple[int | None, int | None]:
    """(killed, wounded) stated in tokens[lo:hi]; the largest figure of each kind (totals beat parts)."""
    lex = counts_lexicon()
    killed = wounded = None
    for j in range(lo, hi):
        keys = token_keys(tokens[j])
        if tokens[j].kind != "word":
            continue
        for kind in ("killed", "wounded"):
            if keys & lex[kind]:
                n = _count_near(tokens, j, lo, hi)
                if n is None:
                    continue
                if kind == "killed":
                    killed = max(killed or 0, n)
                else:
                    wounded = max(wounded or 0, n)
    return killed, wounded

"""`marsad evaluate names`: how well a person-name word missing from the spelling lists is spelt in English.

A person outside the actor table gets its English name word by word (`marsad.entities.translit`):
the hand-written common names, then the ANETAC-derived list, then a guess. This scores the guess alone:
each word of two hand-checked sets is spelt as if neither list held it, and compared with the
set's English spelling (lower case, letters only, "al-" kept as "al").

- actors: person rows of data/actors.tsv whose Arabic and English names have as many words
  (the rule in `romanize` was written while looking at these);
- common: data/names_en.tsv, the hand-written common name words (not looked at while writing the rule), less
  the rows marked "fr" (French-based Maghrebi spellings and non-Arabic names, which the rule does not aim at).

Printed per set, for Arabic-looking words (the article ال or a letter such as ع ح ص ق) and for the
rest: how many words got a guess, how many guesses match exactly, and the mean character error
rate (edit distance / length of the gold spelling) of the guesses made. Two guessers are compared:
the consonant-skeleton match on the ANETAC list alone (the behaviour before the rule), and the
shipped guess (rule for Arabic-looking words, skeleton for the rest).
"""
from __future__ import annotations

import click

from marsad.entities import translit
from marsad.resources import read_tsv
from marsad.text.normalize import normalize, strip_marks


def gold_sets() -> dict[str, list[tuple[str, str, str]]]:
    """Set name -> (normalised word, word as written, English spelling), first spelling of each word."""
    actors: dict[str, tuple[str, str, str]] = {}
    for row in read_tsv("actors.tsv"):
        if len(row) < 5 or row[4] != "PER":
            continue
        ar, written, en = normalize(row[1]).split(), strip_marks(row[1]).split(), row[3].split()
        if len(ar) == len(en) == len(written):
            for a, w, e in zip(ar, written, en):
                actors.setdefault(a, (a, w, e))
    common: dict[str, tuple[str, str, str]] = {}
    for row in read_tsv("names_en.tsv")[1:]:
        if len(row) == 2:  # not the "fr" rows: French-based Maghrebi spellings and non-Arabic names
            common.setdefault(normalize(row[0]), (normalize(row[0]), strip_marks(row[0]), row[1]))
    return {"actors": list(actors.values()), "common": list(common.values())}


def score(words: list[tuple[str, str, str]], guess) -> tuple[int, int, int, float]:
    """(words, guessed, exact, mean character error rate of the guesses)."""
    guessed = exact = 0
    cer = 0.0
    for word, written, gold in words:
        spelt = guess(word, written)
        if spelt is None:
            continue
        guessed += 1
        d = translit.edit_distance(translit.spelling_key(spelt), translit.spelling_key(gold))
        exact += d == 0
        cer += d / max(1, len(translit.spelling_key(gold)))
    return len(words), guessed, exact, cer / guessed if guessed else 0.0


def run() -> str:
    guessers = {
        "skeleton only": lambda w, _written: translit.skeleton_match(w, skip=w),
        "shipped guess": lambda w, written: (translit.guess_en(w, written, skip=w) or (None,))[0],
    }
    lines = [f"{'set':8} {'words':16} {'guesser':14} {'n':>4} {'guessed':>8} {'exact':>6} {'CER':>6}"]
    for set_name, words in gold_sets().items():
        for part, chosen in (("arabic-looking", [w for w in words if translit.arabic_looking(w[0])]),
                             ("other", [w for w in words if not translit.arabic_looking(w[0])])):
            for g_name, guess in guessers.items():
                n, guessed, exact, cer = score(chosen, guess)
                lines.append(f"{set_name:8} {part:16} {g_name:14} {n:>4} {guessed:>8} {exact:>6} {cer:>6.3f}")
    return "\n".join(lines)


@click.command()
def command() -> None:
    """English spellings guessed for person-name words missing from the lists (hand-checked sets)."""
    click.echo(run())

"""English spellings for Arabic person names the actor table lacks.

Word by word: data/names_en.tsv (common names, hand-written) first, then data/names_translit.tsv.gz
(derived from ANETAC by scripts/build_names_translit.py). A word in neither is spelt by rule when it
looks Arabic (the article ال, or a letter foreign names rarely use: ع ح ص ض ط ظ ق ذ), since ANETAC holds
mostly foreign names and a skeleton match would give another name ("التميمي" -> "al-Tamamo"); other
words are matched on their consonant skeleton ("ثورنبري" -> Thornberry).
"""
from __future__ import annotations

import functools
import gzip
import re
import unicodedata
from typing import NamedTuple

from marsad.resources import data_path, read_tsv
from marsad.text.normalize import normalize, strip_marks

_VOWELS = set("اويء")
# Consonant skeletons collide more on short words; below this length only exact spellings are used.
_MIN_SKELETON = 5


def normalize_hamza(word: str) -> str:
    """Hamza seats ؤ ئ as the bare hamza, آ as أا, Persian letters as Arabic; ة ى أ إ stay."""
    return word.replace("ؤ", "ء").replace("ئ", "ء").replace("آ", "أا").replace("ی", "ي").replace("ک", "ك")


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance between two spellings."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[-1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def skeleton(word: str) -> str:
    """The word without its long vowels after the first letter: ثورنبيري and ثورنبري -> ثرنبر."""
    return word[:1] + "".join(c for c in word[1:] if c not in _VOWELS)


class _Spellings(NamedTuple):
    common: dict[str, str]  # data/names_en.tsv, hand-written
    listed: dict[str, str]  # data/names_translit.tsv.gz, from ANETAC
    by_skeleton: dict[str, list[tuple[str, str]]]  # the ANETAC words by consonant skeleton


class _Letters(NamedTuple):
    latin: dict[str, str]  # consonant -> press spelling
    arabic_only: frozenset[str]  # letters of Arabic-origin names that foreign names rarely use


@functools.cache
def _tables() -> _Spellings:
    """The spelling lists, read once."""
    exact: dict[str, str] = {}
    skel: dict[str, list[tuple[str, str]]] = {}
    with data_path("names_translit.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("arabic\t"):
                continue
            ar, _, en = line.rstrip("\n").partition("\t")
            exact[ar] = en
            if len(ar) >= _MIN_SKELETON:
                skel.setdefault(skeleton(ar), []).append((ar, en))
    common = {normalize(row[0]): row[1] for row in read_tsv("names_en.tsv")[1:]}
    return _Spellings(common, exact, skel)


@functools.cache
def _letters() -> _Letters:
    """data/romanization.tsv, read once."""
    rows = [r for r in read_tsv("romanization.tsv")[1:] if r and r[0]]
    latin = {r[0]: r[1] for r in rows if len(r) > 1 and r[1]}
    return _Letters(latin, frozenset(r[0] for r in rows if len(r) > 2 and r[2] == "y"))


def common_name_words() -> frozenset[str]:
    """The normalised words of data/names_en.tsv: common given names, particles (أبو, عبد) and a few
    frequent family names (الصدر)."""
    return frozenset(_tables().common)


def is_name_word(word: str) -> bool:
    """A normalised word that one of the spelling lists holds (a given name or a surname)."""
    return word in _tables().common or word in _tables().listed


def arabic_looking(word: str) -> bool:
    """A normalised name word with the article or a letter of Arabic-origin names (ع ح ص ق ...)."""
    return (word.startswith("ال") and len(word) > 3) or any(c in _letters().arabic_only for c in word)


class _Unit(NamedTuple):
    """One sound of a word being spelt: a consonant or a long vowel, with its Latin letters."""

    consonant: bool
    latin: str  # "'" for ع and hamza until the end, where it becomes silent or "a"


_LONG_A = _Unit(False, "a")


def _units(stem: str) -> list[_Unit]:
    """The stem's letters as sounds: ا ى ة are a long a; و ي a glide (w, y) at the start, after ا or before
    a vowel letter, "ai" for ي as second letter before a consonant (فيصل, حيدر), else a long u or i."""
    latin = _letters().latin
    units: list[_Unit] = []
    n = len(stem)
    for i, c in enumerate(stem):
        prev = stem[i - 1] if i else ""
        nxt = stem[i + 1] if i + 1 < n else ""
        if c in "اىة":
            units.append(_LONG_A)
        elif c in "أعء":
            units.append(_Unit(True, "'"))
        elif c == "إ":
            units += [_Unit(True, "'"), _Unit(False, "i")]
        elif c in "وي":
            if i == 0 or prev == "ا" or (nxt and nxt in "اىوي"):
                units.append(_Unit(True, "w" if c == "و" else "y"))
            elif c == "ي" and i == 1 and nxt:
                units.append(_Unit(False, "ai"))
            else:
                units.append(_Unit(False, "u" if c == "و" else "i"))
        else:
            units.append(_Unit(True, latin[c]))
    return units


def _short_vowel(units: list[_Unit], i: int) -> str:
    """The unwritten vowel after consonant i when another consonant follows, guessed from the commonest
    name shapes; "" for none."""
    n = len(units)
    n_cons = sum(u.consonant for u in units)
    nisba = units[-1] == _Unit(False, "i")
    if i == 0:
        # مفعول (مسعود, منصور) is "Ma-"; other words opening م + consonant are participles ("Mu-"), not a nisba
        maful = n == 5 and units[3] == _Unit(False, "u") and units[1].consonant and units[2].consonant
        return "u" if units[0].latin == "m" and not maful and n > 3 and not nisba else "a"
    before = units[i - 1]
    end_cc = i + 2 == n or (i + 3 == n and not units[i + 2].consonant)
    if before == _Unit(False, "ai") and end_cc:
        return "a"  # Faisal, Haidar
    if before == _LONG_A and end_cc:
        return "i"  # Khalid, Harithi
    if (n == 3 and n_cons == 3 and i == 1 and units[0].latin != "'") or (
            n_cons == 4 and i == 2 and (n == 4 or (n == 5 and nisba))):
        return "a"  # Faraj, Jaafar, al-Ahmari
    if before.consonant and n >= 5 and i + 3 == n and units[-1] == _LONG_A:
        return "a"  # Mustafa, Murtada (not حمزة: Hamza)
    return ""


def _glottal(text: str) -> str:
    """ع and hamza ("'"): silent beside a vowel, "a" between consonants and at the start."""
    for old, new in (("a'a", "aa"), ("a'i", "ai"), ("a'u", "au"), ("'a", "a"), ("a'", "aa"), ("'i", "i"),
                     ("'u", "u"), ("i'", "i"), ("u'", "u"), ("'", "a")):
        text = text.replace(old, new)
    return text[1:] if text.startswith("aa") else text


def romanize(word: str) -> str | None:
    """A press-style spelling of an Arabic name word, by rule: "التميمي" -> "al-Tamimi", "الواكد" -> "al-Wakid".

    `word` keeps its letters as written (ة ى أ إ and a final ه are told apart; diacritics are dropped).
    Short vowels are not written in Arabic, so they are guessed (`_short_vowel`). Doubled letters cannot
    be seen (عباس -> Abas). None for a word with letters outside Arabic.
    """
    word = normalize_hamza(strip_marks(word))
    if word.startswith("عبدال") and len(word) > 6:  # عبدالغني -> Abdulghani, as عبدالعزيز -> Abdulaziz
        rest = romanize(word[5:])
        return f"Abdul{rest.lower()}" if rest else None
    article = word.startswith("ال") and len(word) > 3
    stem = word[2:] if article else word
    if not stem or any(c not in _letters().latin and c not in "اويعءأإةى" for c in stem):
        return None
    units = _units(stem)
    out: list[str] = []
    for i, u in enumerate(units):
        out.append(u.latin)
        if u.consonant and i + 1 < len(units) and units[i + 1].consonant:
            out.append(_short_vowel(units, i))
    text = _glottal("".join(out))
    if not text:
        return None
    text = text[0].upper() + text[1:]
    return f"al-{text}" if article else text


def word_en(word: str, written: str | None = None) -> tuple[str, str] | None:
    """(English spelling, source) of one normalised name word; source "common", "list", "rule" or "skeleton".

    `written` is the word as written (ة ى أ إ kept), which the rule spells better than the normalised form.
    """
    common, exact = _tables().common, _tables().listed
    if word in common:
        return common[word], "common"
    if word in exact:
        return exact[word], "list"
    if word.startswith("ال") and len(word) > 3:
        rest = word[2:]
        if rest in common or rest in exact:
            return f"al-{(common.get(rest) or exact[rest])}", "common" if rest in common else "list"
    return guess_en(word, written)


def guess_en(word: str, written: str | None = None, skip: str | None = None) -> tuple[str, str] | None:
    """The spelling of a word neither list holds: by rule if it looks Arabic, else by consonant skeleton.

    `skip` leaves one list word out of the skeleton match (to evaluate the guess on listed words).
    """
    if arabic_looking(word):
        spelt = romanize(written or word)
        return (spelt, "rule") if spelt else None
    spelt = skeleton_match(word, skip)
    return (spelt, "skeleton") if spelt else None


def skeleton_match(word: str, skip: str | None = None) -> str | None:
    """The ANETAC spelling of a word with the same consonant skeleton, closest in length (then the first)."""
    if len(word) < _MIN_SKELETON:
        return None
    candidates = [p for p in _tables().by_skeleton.get(skeleton(word), ()) if p[0] != skip]
    return min(candidates, key=lambda p: abs(len(p[0]) - len(word)))[1] if candidates else None


class _Maghreb(NamedTuple):
    spellings: dict[str, str]  # name word -> the Maghrebi press's spelling ("بن" Ben)
    compound: frozenset[str]  # first words after which the next keeps its article ("عبد")
    compound_end: frozenset[str]  # words that keep it as a compound's second half ("الدين")
    gulf: frozenset[str]  # words of Gulf family names ("آل"): the general spellings stay
    countries: frozenset[str]  # ISO2 codes of the countries whose outlets write this way


@functools.cache
def _maghreb() -> _Maghreb:
    """data/names_en_maghreb.tsv, read once."""
    rows = read_tsv("names_en_maghreb.tsv")[1:]

    def kind(k: str) -> frozenset[str]:
        return frozenset(normalize(r[0]) for r in rows if r[2] == k)
    return _Maghreb({normalize(r[0]): r[1] for r in rows if r[2] == "spelling"}, kind("compound"),
                    kind("compound_end"), kind("gulf"), frozenset(r[0] for r in rows if r[2] == "country"))


def maghrebi_outlet(country: str | None) -> bool:
    """Does a national outlet of this country (ISO2) spell names the Maghrebi way?"""
    return country in _maghreb().countries


def english_name(name: str, maghreb: bool = False) -> tuple[str, str] | None:
    """(English form, "list" or "guess") of a person name when every word is known ("ماك ثورنبيري" ->
    "Mac Thornberry"); "guess" when a word is spelt by rule or by consonant skeleton.

    A skeleton guess is trusted once per name, and only beside a common given name: "فيروس كورونا"
    (a tagger error) gets no English name. Words spelt by rule need a listed word beside them
    ("مهدي التميمي" -> "Mahdi al-Tamimi"; "التميمي" alone gets none). `maghreb`: the article is from a
    Maghrebi outlet, whose spellings of some words come first ("محمد بن سالم" -> "Mohamed Ben Salem") and
    whose press writes no "al-" before a name ("محمد الفريخة" -> "Mohamed Frikha").
    """
    arabic = normalize(name).split()
    maghreb = maghreb and not _maghreb().gulf.intersection(arabic)
    regional = _maghreb().spellings if maghreb else {}
    found = [(regional[w], "common") if w in regional else word_en(w, written)
             for w, written in zip(arabic, strip_marks(name).split())]
    if not found or None in found:
        return None
    sources = [src for _, src in found]
    if sources.count("skeleton") > 1 or ("skeleton" in sources and "common" not in sources):
        return None
    if "rule" in sources and "common" not in sources and "list" not in sources:
        return None
    guessed = "rule" in sources or "skeleton" in sources
    words = [en for en, _ in found]
    if maghreb:
        # the Maghrebi press writes no article before a name ("Mohamed Frikha"), but keeps it inside a
        # compound: "عبد الجليل" stays Abd al-Jalil
        m = _maghreb()
        words = [w[3].upper() + w[4:] if w.startswith("al-") and len(w) > 3 and arabic[i] not in m.compound_end
                 and (i == 0 or arabic[i - 1] not in m.compound) else w for i, w in enumerate(words)]
    return " ".join(words), "guess" if guessed else "list"


_ARTICLE = re.compile(r"(?:^|(?<=[\s-]))(?:al|el|a[dnrstz]|ash)[-\s]")


def spelling_key(text: str) -> str:
    """Lower-case letters only, accents dropped: "al-Tamimi" -> "altamimi", "Ḩalwān" -> "halwan"."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if c.isalpha() and c.isascii())


def _key_without_article(text: str) -> str:
    """`spelling_key` without the Arabic article: "Ar Raqqah" -> "raqqah"."""
    return spelling_key(_ARTICLE.sub("", text.lower()))


def reads_like(name_ar: str, name_en: str) -> bool:
    """Does an English name spell this Arabic one? The rule spelling of the Arabic (`romanize`) within half
    its length in edits: "يريم" / "Yarim" and "الرقة" / "Ar Raqqah" yes, "السعيدية" / "Zegzel" no (used by
    scripts/build_gazetteer.py to give a record its namesake's English name)."""
    spelt = [romanize(w) for w in re.sub(r"\(.*?\)", " ", name_ar).split()]
    if not spelt or None in spelt:
        return False
    a, b = _key_without_article(" ".join(spelt)), _key_without_article(name_en)
    return edit_distance(a, b) <= len(a) / 2

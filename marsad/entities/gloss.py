"""English glosses of descriptive organisation names, composed word by word from data/org_glossary.tsv.

"لجنة الحج العليا" → "Supreme Hajj Committee", "وزارة الشؤون الإسلامية والأوقاف" → "Ministry of Islamic
Affairs and Endowments", "الجيش الوطني اليمني" → "Yemeni National Army", "الاتحاد السعودي لكرة القدم" →
"Saudi Football Federation". Every word of the name must be in the glossary or name a major place of the
gazetteer ("جامعة طوكيو" → "Tokyo University"), or there is no gloss: a gloss is a readable English rendering,
not the body's official name (the entity's name_en_source says "gloss").

The Arabic name is read as a chain of nouns in construct (each the genitive of the one before, or joined to
it by و), adjectives that follow a noun, and phrases after ل/لل ("for") or ب/في ("in"). An adjective belongs
to the nearest noun before it that agrees with it in gender ("لجنة الحج العليا": العليا is the committee's);
a nationality belongs to the head when it agrees ("الجيش الوطني اليمني").
"""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field

from marsad.entities.affiliation import demonym_iso3
from marsad.entities.lexicon import cues, strip_article
from marsad.places import gazetteer
from marsad.resources import read_tsv
from marsad.text.normalize import normalize

# A construct complement of at most this many nouns goes before its head in English ("State Security
# Service"); a longer one follows it with "of".
_SHORT = 2


@dataclass(frozen=True)
class Gloss:
    en: str
    pos: str  # noun | adj | name
    gender: str  # m | f: the gender the word agrees in
    head: str  # "pre" (Hajj Committee), "of" (Ministry of Health), "title" (King Saud), "place" or ""
    en_for: str = ""  # its English when a phrase with ل follows it (and its adjectives) directly


@functools.cache
def glossary() -> dict[tuple[str, ...], Gloss]:
    """Normalised words -> their gloss; the first word without its article, the others as written ("مجلس
    الوزراء" is not "مجلس وزراء الداخلية")."""
    out = {}
    for ar, en, pos, gender, head, en_for in (row + [""] * (6 - len(row)) for row in read_tsv("org_glossary.tsv")[1:]):
        first, *rest = normalize(ar).split()
        out[(strip_article(first), *rest)] = Gloss(en, pos, gender, head, en_for)
    return out


@functools.cache
def _longest() -> int:
    """The most words a glossary row has."""
    return max(len(k) for k in glossary())


@functools.cache
def _prefixes() -> tuple[tuple[str, bool, str], ...]:
    """Proclitics before a word of a name: (letters, joined by "and", the English preposition it opens); the
    "proclitic" rows of the glossary, each alone or after و, none first."""
    preps = [(ar, g.en) for (ar, *_), g in glossary().items() if g.pos == "proclitic"]
    return (("", False, ""), ("و", True, "")) + tuple((conj + ar, bool(conj), en) for conj in ("", "و") for ar, en in preps)


_PLACE_LEVELS = frozenset(("country", "admin1", "city", "region"))


@functools.lru_cache(maxsize=8192)
def _place(words: tuple[str, ...]) -> Gloss | None:
    """A place named inside a body's name, as a name with the gazetteer's English ("طوكيو" Tokyo): only a
    name that is no common word and whose major places all have one English name."""
    gz = gazetteer.load()
    records = [gz.records[i] for i, weakness in gz.keys.get(" ".join(words), ()) if weakness == 0]
    names = {_plain(r.name_en) for r in records if r.major and r.level in _PLACE_LEVELS and r.name_en}
    return Gloss(names.pop(), "name", "f", "place") if len(names) == 1 else None


def _plain(name: str) -> str:
    """A gazetteer's English name without its transliteration marks: "Al Manşūrah" -> "Al Mansurah"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@dataclass
class _Noun:
    gloss: Gloss
    adjs: list[Gloss] = field(default_factory=list)
    genitive: list[_Noun] = field(default_factory=list)  # coordinated complements ("الشؤون والأوقاف")
    nationals: set[int] = field(default_factory=set)  # indices of the adjectives that are nationalities

    def size(self) -> int:
        return 1 + sum(n.size() for n in self.genitive)


@dataclass
class _Item:
    gloss: Gloss
    conj: bool
    prep: str
    nationality: bool
    key: tuple[str, ...] = ()  # the glossary row's words (the first without its article)


def _items(words: tuple[str, ...]) -> list[_Item] | None:
    """The name's words as glossary entries with their proclitics, or None when one is unknown."""
    table, out, i, pending = glossary(), [], 0, ""
    while i < len(words):
        entry = table.get((words[i],))
        if entry is not None and entry.pos == "prep":  # "في"
            pending, i = entry.en, i + 1
            continue
        found = None
        for letters, conj, prep in _prefixes():
            if not words[i].startswith(letters) or len(words[i]) - len(letters) < 2:
                continue
            first = strip_article(words[i][len(letters):]) if letters != "لل" else words[i][2:]
            for n in range(min(_longest(), len(words) - i), 0, -1):
                key = (first,) + words[i + 1:i + n]
                if key in table and table[key].pos not in ("prep", "proclitic"):
                    found = (_Item(table[key], conj, prep or pending, demonym_iso3(words[i][len(letters):]) is not None
                                   or demonym_iso3("ال" + first) is not None, key), n)
                    break
            if found is None and i > 0:
                # a place by its name as written (with its article: "القاهرة"), at most three words
                bare = words[i][len(letters):] if letters != "لل" else "ال" + words[i][2:]
                for n in range(min(3, len(words) - i), 0, -1):
                    place = _place((bare,) + words[i + 1:i + n])
                    if place is not None:
                        found = (_Item(place, conj, prep or pending, False), n)
                        break
            if found:
                break
        if found is None:
            return None
        out.append(found[0])
        i += found[1]
        pending = ""
    return out


def _chunks(items: list[_Item]) -> list[tuple[str, list[_Item]]] | None:
    """The items cut where a preposition opens a phrase: [(preposition, items)], the first with ""."""
    out: list[tuple[str, list[_Item]]] = []
    for it in items:
        if it.prep or not out:
            out.append((it.prep, [it]))
        else:
            out[-1][1].append(it)
    return out


def _parse(items: list[_Item]) -> list[_Noun] | None:
    """One phrase's construct chain: its top nouns (coordinated), each with adjectives and complements."""
    top: list[_Noun] = []
    chain: list[tuple[_Noun, list[_Noun]]] = []  # nouns read so far, with the list each was put in
    for it in items:
        if it.gloss.pos == "adj":
            if not chain:
                return None
            target = _attach(it, [n for n, _ in chain])
            if it.conj and target.adjs:
                target.adjs[-1] = Gloss(f"{target.adjs[-1].en} and {it.gloss.en}", "adj", it.gloss.gender, "")
            else:
                if it.nationality:
                    target.nationals.add(len(target.adjs))
                target.adjs.append(it.gloss)
            continue
        if it.gloss.pos == "name" and not it.conj and chain and chain[-1][0].gloss.pos == "name" \
                and not chain[-1][0].genitive and not chain[-1][0].adjs:
            last = chain[-1][0]  # "تونس افريقيا": one name, in its own order
            last.gloss = Gloss(f"{last.gloss.en} {it.gloss.en}", "name", last.gloss.gender, "")
            continue
        noun = _Noun(it.gloss)
        if not chain:
            top.append(noun)
            chain.append((noun, top))
        elif it.conj:
            siblings = chain[-1][1]
            siblings.append(noun)
            chain.append((noun, siblings))
        else:
            chain[-1][0].genitive.append(noun)
            chain.append((noun, chain[-1][0].genitive))
    return top or None


def _attach(adj: _Item, nouns: list[_Noun]) -> _Noun:
    if adj.nationality and nouns[0].gloss.gender == adj.gloss.gender:
        return nouns[0]
    for noun in reversed(nouns):
        if noun.gloss.gender == adj.gloss.gender:
            return noun
    return nouns[-1]


def _coordinate(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _render(noun: _Noun) -> str:
    adjs = [a.en for a in reversed(noun.adjs)]
    head = noun.gloss
    if not noun.genitive:
        return " ".join(adjs + [head.en])
    complement = _coordinate([_render(n) for n in noun.genitive])
    names = all(n.gloss.pos == "name" for n in noun.genitive)
    if names and any(n.gloss.head == "place" for n in noun.genitive):
        # "جامعة وارسو البولندية": the place says where; its nationality is no part of the English name
        adjs = [a.en for k, a in reversed(list(enumerate(noun.adjs))) if k not in noun.nationals]
    if head.head == "title" and names:
        return " ".join(adjs + [head.en, complement])  # الملك سعود: King Saud
    if names and head.head != "of":
        return " ".join([complement] + adjs + [head.en])  # بنك قطر الوطني: Qatar National Bank
    if head.head != "of" and len(noun.genitive) == 1 and noun.size() - 1 <= _SHORT:
        return " ".join(adjs + [complement, head.en])  # لجنة الحج العليا: Supreme Hajj Committee
    return " ".join(adjs + [head.en, "of", complement])


@functools.lru_cache(maxsize=65536)  # the bodies stage asks again for every word a name may run on to
def gloss(words: tuple[str, ...]) -> str | None:
    """An English gloss of an organisation's name (normalised words), or None."""
    items = _items(words)
    if not items or items[0].gloss.pos not in ("noun",) or items[0].prep:
        return None
    chunks = _chunks(items)
    parsed = [_parse(chunk) for _, chunk in chunks]
    if any(top is None for top in parsed):
        return None
    first = parsed[0]
    if (len(chunks) > 1 and chunks[1][0] == "for" and len(first) == 1 and not first[0].genitive
            and first[0].gloss.en_for and not cues().study_fields.intersection(chunks[1][1][0].key[:1])):
        # "الجامعة التونسية لكرة القدم" is the Tunisian Football Federation; "جامعة الملك سعود" and "الجامعة
        # الأمريكية للعلوم والتكنولوجيا" are universities
        g = first[0].gloss
        first[0].gloss = Gloss(g.en_for, g.pos, g.gender, g.head)
    phrases = [(prep, _coordinate([_render(n) for n in top]), top) for (prep, _), top in zip(chunks, parsed)]
    (_, text, top), rest = phrases[0], phrases[1:]
    if (rest and rest[0][0] == "for" and len(top) == 1 and not top[0].genitive and top[0].gloss.head == "pre"
            and len(rest[0][2]) == 1 and rest[0][2][0].size() == 1):
        # الاتحاد السعودي لكرة القدم: Saudi Football Federation
        adjs = [a.en for a in reversed(top[0].adjs)]
        text = " ".join(adjs + [rest[0][1], top[0].gloss.en])
        rest = rest[1:]
    return " ".join([text] + [f"{prep} {phrase}" for prep, phrase, _ in rest])

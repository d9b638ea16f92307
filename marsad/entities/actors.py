"""The curated actor table (data/actors.tsv) and its matcher, with support rules for ambiguous aliases."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from marsad.entities.affiliation import demonym_iso3
from marsad.entities.context import context
from marsad.entities.lexicon import bare_forms, cues, strip_article
from marsad.entities.matching import DocIndex, Hit, PhraseMatcher, phrase_key
from marsad.entities.roles import is_given_name
from marsad.resources import COMMON_WORD_COUNT, GIVEN_NAME_COUNT, read_tsv, word_freq
from marsad.text.normalize import normalize, strip_marks
from marsad.text.tokenize import is_hashtag_joiner, is_hashtag_sign

COLUMNS = ("id", "name_ar", "aliases", "name_en", "type", "kind", "affiliation", "role", "cues")
TYPES = frozenset({"PER", "ORG", "GPE", "LOC", "FAC", "MISC"})


@dataclass(frozen=True)
class Actor:
    id: str
    name_ar: str
    name_en: str
    type: str
    kind: str
    affiliation: str | None
    role: str
    cues: frozenset[str]  # normalised words licensing this actor's ambiguous aliases


@dataclass(frozen=True)
class Alias:
    actor: Actor
    strict: bool  # ambiguous on its own: needs support in the article


def spelling_variants(key: str) -> set[str]:
    """Spellings the normaliser does not fold: أمريكي/أميركي, عبد الله/عبدالله."""
    out = {key}
    for k in list(out):
        if "امريك" in k:
            out.add(k.replace("امريك", "اميرك"))
        if "اميرك" in k:
            out.add(k.replace("اميرك", "امريك"))
    for k in list(out):
        ws = k.split(" ")
        for n in range(len(ws) - 1):
            if ws[n] == "عبد":
                out.add(" ".join(ws[:n] + [ws[n] + ws[n + 1]] + ws[n + 2:]))
    return out


@functools.cache
def load_actors() -> tuple[Actor, ...]:
    """Rows of data/actors.tsv as Actors (validated: known type, unique id)."""
    rows = read_tsv("actors.tsv")
    header, rows = rows[0], rows[1:]
    assert tuple(header) == COLUMNS, f"actors.tsv header {header}"
    actors = []
    seen = set()
    for row in rows:
        row = row + [""] * (len(COLUMNS) - len(row))
        rec = dict(zip(COLUMNS, row))
        if rec["type"] not in TYPES or rec["id"] in seen:
            raise ValueError(f"actors.tsv: bad row {rec['id']!r}")
        seen.add(rec["id"])
        actors.append(
            Actor(
                id=rec["id"],
                name_ar=rec["name_ar"],
                name_en=rec["name_en"],
                type=rec["type"],
                kind=rec["kind"],
                affiliation=rec["affiliation"] or None,
                role=rec["role"],
                cues=frozenset(strip_article(phrase_key(c)) for c in rec["cues"].split("|") if c),
            )
        )
    return tuple(actors)


def aliases_of(actor_row_aliases: str, name_ar: str) -> list[tuple[str, bool]]:
    out = [(name_ar, False)]
    for a in actor_row_aliases.split("|"):
        a = a.strip()
        if a:
            out.append((a[1:], True) if a.startswith("~") else (a, False))
    return out


class ActorMatcher:
    """Finds curated actors in a document; ambiguous ("~") aliases need support."""

    def __init__(self) -> None:
        self.actors = load_actors()
        self.matcher = PhraseMatcher()
        rows = {r[0]: r for r in read_tsv("actors.tsv")[1:]}
        self._own: dict[str, frozenset[str]] = {}
        for actor in self.actors:
            row = rows[actor.id] + [""] * len(COLUMNS)
            own: set[str] = set()
            for phrase, strict in aliases_of(row[2], actor.name_ar):
                for key in spelling_variants(phrase_key(phrase)):
                    self.matcher.add(key, Alias(actor, strict))
                    own.update(key.split())
            self._own[actor.id] = frozenset(own)
        self.matcher.build()

    def find(self, index: DocIndex) -> list[Hit]:
        """Hits whose value is an Alias, with unsupported ambiguous aliases removed (overlaps kept).

        A person's alias inside someone else's name is dropped ("سارة ساندرز" is not Bernie Sanders), and
        so is every bare use of that alias in the article unless the actor's own full name is there too
        ("وأضافت ساندرز" is then Sarah Sanders as well)."""
        hits = self.matcher.find(index)
        named = _tokens_named(hits)
        inside = [_inside_another_name(index, h, self.own_words(h.value.actor), named) for h in hits]
        others = {h.key for h, no in zip(hits, inside) if no}
        hits = [h for h, no in zip(hits, inside) if not no]
        full = {h.value.actor.id for h in hits if " " in h.key or _after_own_name(index, h, self.own_words(h.value.actor))}
        # a bare use after a title, an office or the actor's own cue is still the actor ("الرئيس ترامب")
        hits = [h for h in hits if h.key not in others or h.value.actor.id in full or self._cued(index, h)
                or _after_office(index, h)]
        firm = {h.value.actor.id for h in hits if not h.value.strict}
        return [h for h in hits if not h.value.strict
                or (self._supported(index, h, firm) and not _another_surname_follows(index, h))]

    def own_words(self, actor: Actor) -> frozenset[str]:
        """The normalised words of an actor's name and aliases (a person's own given names and titles)."""
        return self._own[actor.id]

    def _supported(self, index: DocIndex, hit: Hit, firm: set[str]) -> bool:
        """A person's surname counts once the full name is in the article; any alias counts after a cue;
        an outlet's common-word name ("العربية") also counts in quotation marks; a group's or an
        international body's common-word name also when the tagger found that very span a
        name of the actor's type ("القاعدة" tagged ORG is al-Qaeda, not "the base"). Not a person's (a
        tagged surname could be anyone's), a government body's (any country's senate) or an outlet's (a
        tagged "الجزيرة" is as often the UAE football club)."""
        actor = hit.value.actor
        if actor.kind == "person" and actor.id in firm:
            return True
        if actor.kind == "media" and _quoted(index, hit):
            return True
        if actor.kind in _TAGGER_SUPPORTED and _tagged_as(index, hit, actor.type):
            return True
        return self._cued(index, hit)

    @staticmethod
    def _cued(index: DocIndex, hit: Hit) -> bool:
        """The word before an ambiguous alias is a title (persons), an outlet noun (media) or a row cue."""
        if hit.first == 0:
            return False
        prev = index.tokens[hit.first - 1]
        if prev.kind != "word":
            return False
        actor = hit.value.actor
        c = cues()
        # the actor's own nationality right before it: "الرئيس السوري الأسد", "الوزير الأمريكي كيري"
        if actor.affiliation and demonym_iso3(prev.norm) == actor.affiliation:
            return True
        for form in bare_forms(prev.norm):
            bare = strip_article(form)
            if bare in actor.cues or form in actor.cues:
                return True
            if actor.kind == "person" and (form in c.person_cues or bare in c.person_cues):
                return True
            if actor.kind == "media" and bare in c.media:
                return True
        return False


_QUOTES = frozenset('"«»“”\'')
_TAGGER_SUPPORTED = frozenset({"armed_group", "party", "international", "organization"})
_TAGGER_LABELS = {"PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "MISC": "MISC"}


def next_word(index: DocIndex, i: int):
    """The token after token i, over a hashtag's "_" ("#بشار_الجعفري"); None at the end."""
    j = i + 1
    while j < len(index.tokens) and is_hashtag_joiner(index.tokens[j]):
        j += 1
    return index.tokens[j] if j < len(index.tokens) else None


def previous_word(index: DocIndex, i: int):
    """The token before token i, over a hashtag's "_"; None at the start."""
    j = i - 1
    while j >= 0 and is_hashtag_joiner(index.tokens[j]):
        j -= 1
    return index.tokens[j] if j >= 0 else None


def _after_own_name(index: DocIndex, hit: Hit, own: frozenset[str]) -> bool:
    """Is a one-word alias written after the actor's own name with a middle name between ("دونالد جيه ترامب")?"""
    prev = previous_word(index, hit.first)
    before = previous_word(index, prev.i) if prev is not None else None
    return before is not None and before.kind == "word" and before.norm in own and prev.norm not in own


def _after_office(index: DocIndex, hit: Hit) -> bool:
    """Is the word before a hit a title or an office ("الرئيس ترامب", "الوزير لافروف")?"""
    prev = previous_word(index, hit.first)
    return prev is not None and prev.kind == "word" and _title_or_office(prev.norm)


def _title_or_office(norm: str) -> bool:
    """A title or a one-word office, with or without the article and proclitics."""
    c = cues()
    return any(f in c.titles or (strip_article(f),) in c.offices or (f,) in c.offices for f in bare_forms(norm))


def _tokens_named(hits: list[Hit]) -> dict[int, set[str]]:
    """Token index -> ids of the actors whose hits cover it."""
    out: dict[int, set[str]] = {}
    for h in hits:
        for i in range(h.first, h.last + 1):
            out.setdefault(i, set()).add(h.value.actor.id)
    return out


def _inside_another_name(index: DocIndex, hit: Hit, own: frozenset[str], named: dict[int, set[str]]) -> bool:
    """Is a person's alias part of someone else's longer name? After a lineage particle ("محمد بن [سلمان بن
    عبدالعزيز]" is Mohammed bin Salman, not King Salman) or a common given name that is not the actor's
    ("سارة [ساندرز]", "جيمس [كاميرون]" the film director)."""
    if hit.value.actor.kind != "person":
        return False
    prev = previous_word(index, hit.first)
    if prev is None or prev.kind != "word":
        return False
    if strip_marks(prev.text) in context().link:
        return True
    if prev.norm in own or _title_or_office(prev.norm):
        return False
    # "ريغان ودونالد ترامب": a name after و begins anew; "لسارة" is no given name before a surname
    if prev.prefix or index.tokens[hit.first].start < hit.start:
        return False
    # not a word that ends another actor's name ("واتهم ظريف نتنياهو"), nor any word the tagger ran into
    # the name ("أيدن هيلاري كلينتون" supported, "قابل سليماني" met)
    if named.get(prev.i, set()) - {hit.value.actor.id}:
        return False
    if _after_own_name(index, hit, own):
        return False  # a middle name or initial between the actor's own names: "دونالد جيه ترامب"
    return _given_name(prev.norm)


def _given_name(norm: str) -> bool:
    """A common given name that is seldom a plain word ("سارة"; not "أمل" hope)."""
    return is_given_name(norm) and word_freq().get(norm, 0) < GIVEN_NAME_COUNT


def _surname_like(norm: str) -> bool:
    """An ال-word that can be a family name: not a relative pronoun, a stop word, an office or title, a
    demonym, or a frequent word ("كيم الذي", "كيم الرئيس", "صدام الدولي" are no names)."""
    c = cues()
    return (norm.startswith("ال") and len(norm) > 4 and norm not in c.not_names and norm not in c.stops
            and (norm,) not in c.offices and norm not in c.titles and demonym_iso3(norm) is None
            and word_freq().get(norm, 0) < COMMON_WORD_COUNT)


def _another_surname_follows(index: DocIndex, hit: Hit) -> bool:
    """A person's ambiguous first name followed by a surname that is not theirs: "بشار الجعفري" is not
    Bashar al-Assad, even in an article that names him."""
    actor = hit.value.actor
    own = normalize(actor.name_ar).split()
    nxt = next_word(index, hit.last)
    if actor.kind != "person" or hit.key.split() != own[:1] or nxt is None:
        return False
    return nxt.kind == "word" and nxt.norm not in own and _surname_like(nxt.norm)


def _tagged_as(index: DocIndex, hit: Hit, actor_type: str) -> bool:
    """Did the NER tagger (doc.entity_spans) tag exactly this span with the label of the actor's type?"""
    label = _TAGGER_LABELS.get(actor_type)
    return any(s == hit.start and e == hit.end and lab == label for s, e, lab in index.doc.entity_spans)


def _quoted(index: DocIndex, hit: Hit) -> bool:
    """The alias alone between quotation marks (“العربية”, لـ"العربية.نت")."""
    toks = index.tokens
    before = toks[hit.first - 1].text if hit.first > 0 else ""
    after = toks[hit.last + 1].text if hit.last + 1 < len(toks) else ""
    return before in _QUOTES and after in _QUOTES


def person_span(index: DocIndex, hit: Hit, own: frozenset[str]) -> tuple[int, int]:
    """(start, end) of a curated person's mention: the hit, with the actor's own given names written before a
    hashtag ("رجب طيب #أردوغان") or before a middle name ("دونالد جيه ترامب"), and the lineage after it
    ("محمد بن سلمان بن عبد العزيز")."""
    start = _own_names_before_hashtag(index, hit.first, own, hit.start)
    start = _own_name_before_middle(index, hit.first, own, start)
    return start, _lineage_end(index, hit.last)


def _own_names_before_hashtag(index: DocIndex, first: int, own: frozenset[str], start: int) -> int:
    """Start of a person's hashtag name with the given names written before the "#": "سيرغي #لافروف"."""
    toks = index.tokens
    if first < 2 or not is_hashtag_sign(toks[first - 1]):
        return start
    i = first - 2
    while i >= 0 and toks[i].kind == "word" and toks[i].norm in own:
        start, i = toks[i].prefix_end, i - 1  # "رجب طيب #أردوغان": every own word before the sign
    return start


def _own_name_before_middle(index: DocIndex, first: int, own: frozenset[str], start: int) -> int:
    """Start of a person's name written with a middle name or initial the table lacks: "دونالد جيه ترامب"."""
    toks = index.tokens
    if first >= 2 and toks[first - 1].kind == "word" and toks[first - 1].norm not in own \
            and toks[first - 2].kind == "word" and toks[first - 2].norm in own and not toks[first - 1].prefix \
            and not _title_or_office(toks[first - 1].norm) and demonym_iso3(toks[first - 1].norm) is None:
        return toks[first - 2].prefix_end
    return start


def _lineage_end(index: DocIndex, last: int) -> int:
    """End of a person's name with the lineage written after it: "محمد بن سلمان [بن عبدالعزيز]",
    "محمد بن زايد [آل نهيان]" (a link particle and the name it brings, as often as they repeat)."""
    toks = index.tokens
    end = toks[last].end
    i = last + 1
    while i + 1 < len(toks) and strip_marks(toks[i].text) in context().link and toks[i + 1].kind == "word" \
            and toks[i + 1].norm not in cues().stops:
        end, i = toks[i + 1].end, i + 2
        # "بن عبد العزيز", "بن أبو بكر": a particle that begins a name takes the next word too
        if strip_marks(toks[i - 1].text) in context().before and i < len(toks) and toks[i].kind == "word":
            end, i = toks[i].end, i + 1
    return end

"""Entities: tagger names, curated actors and state institutions, grouped per document with roles.

The stage fills `doc.entity_spans` (the statistical tagger's raw spans) and `doc.entities` (one Entity
per referent, with every mention, the fullest Arabic name, the English name when known, the kind from
the actor table, roles the text states and an affiliation). See docs/entities.md.
"""
from __future__ import annotations

import logging

from marsad.document import Document, Entity, Mention
from marsad.entities.actors import ActorMatcher, next_word, person_span
from marsad.entities.affiliation import demonym_iso3
from marsad.entities.bodies import find_bodies, find_head_mentions, find_listed, glossable, listed_name
from marsad.entities.context import context
from marsad.entities.gloss import gloss
from marsad.entities.lexicon import bare_institutions, cues, words
from marsad.entities.linking import Candidate, Group, link
from marsad.entities.matching import DocIndex, select_longest
from marsad.entities.roles import (
    InstitutionMatcher,
    Role,
    coordinated,
    find_role_repeats,
    is_occupation,
    is_title_or_office,
    role_after,
    role_before,
    role_continues,
    role_words,
    under_preposition,
)
from marsad.entities.translit import english_name, maghrebi_outlet
from marsad.places.outlet import outlet_country
from marsad.text.normalize import normalize

log = logging.getLogger(__name__)

_HYPHENS = frozenset("-‐–")
_TAGGER_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "GPE", "MISC": "MISC"}
# A role repeated later is taken as a reference to its holder only when it is specific enough.
_MIN_ROLE_WORDS = 2


def _load_tagger():
    """The statistical tagger, or None while it is not shipped (curated matches still work)."""
    try:
        from marsad.entities.tagger import load_tagger
    except ImportError:
        return None
    try:
        return load_tagger()
    except (OSError, ValueError, RuntimeError) as exc:  # model file missing or unreadable
        log.warning("entity tagger unavailable: %s", exc)
        return None


class EntityRecognizer:
    """Stage: fill `doc.entity_spans` and `doc.entities`."""

    def __init__(self, tagger=None, use_tagger: bool = True) -> None:
        self.actors = ActorMatcher()
        self.institutions = InstitutionMatcher()
        self.tagger = tagger if tagger is not None else (_load_tagger() if use_tagger else None)

    def __call__(self, doc: Document) -> Document:
        index = DocIndex(doc)
        doc.entity_spans = list(self.tagger.tag(doc)) if self.tagger is not None else []
        curated = self._curated(index)
        bodies = find_bodies(index, [(c.start, c.end) for c in curated])
        tagged = self._tagged(doc, curated, bodies, find_listed(index))
        groups = link(curated, tagged)
        self._attach_roles(index, groups)
        find_head_mentions(index, groups)
        maghreb = maghrebi_outlet(outlet_country(doc.outlet, doc.url))  # "Ben", "Mohamed"
        doc.entities = [self._entity(doc, n, g, maghreb) for n, g in enumerate(groups, 1)]
        return doc

    # -- candidates ----------------------------------------------------------------------------
    def _curated(self, index: DocIndex) -> list[Candidate]:
        """Actor-table hits first, then institutions that do not overlap them; longest wins within each."""
        text = index.doc.text
        out = []
        taken: list[tuple[int, int]] = []
        hits = select_longest(self.actors.find(index))
        starts = {h.first: h.value.actor for h in hits}
        for h in hits:
            actor = h.value.actor
            if actor.kind in _NAMESAKE_KINDS and (_another_country_follows(index, h.last, actor.affiliation)
                                                  or _another_countrys_body_follows(starts, h.last, actor)):
                continue  # "حركة النهضة الجزائرية" is not Tunisia's Ennahda, "هيئة كبار العلماء بالأزهر" not Saudi
            if actor.kind == "person" and _named_after_person(index.doc, h.start, h.end, "PER")[1] != "PER":
                continue  # "مستشفى الملك فهد" is a hospital: the tagger's span and the noun make it one
            start, end = person_span(index, h, self.actors.own_words(actor)) if actor.kind == "person" \
                else (h.start, h.end)
            out.append(Candidate(start, end, actor.type, _words(text, start, end), actor=actor,
                                 after_lam=h.after_lam and start == h.start))
            taken.append((start, end))
        insts = [h for h in self.institutions.find(index) if not _overlaps(h.start, h.end, taken)]
        for hit in select_longest(insts):
            out.append(Candidate(hit.start, hit.end, "ORG", _words(text, hit.start, hit.end),
                                 institution=hit.institution, iso3=hit.iso3, after_lam=hit.after_lam))
        return out

    @staticmethod
    def _tagged(doc: Document, curated: list[Candidate], bodies: list[Candidate], listed: list) -> list[Candidate]:
        """The tagger's names that overlap no curated match, and the bodies it missed or mistyped: a body's
        name wins over a tagger span inside it ("ديوان المظالم" tagged PER), a tagger ORG span that reaches past
        the body wins over the body (even one that only overlaps its end). A tagger span inside a listed whole
        name (`listed`, hits of bodies.find_listed) becomes that name, with the list's type."""
        taken = [(c.start, c.end) for c in curated]
        bodies = list(bodies)
        out = []
        # longest first, so that a tagger's nested or overlapping spans keep only the outer one
        for start, end, label in sorted(doc.entity_spans, key=lambda s: (s[0] - s[1], s[0])):
            typ = _TAGGER_TYPES.get(label)
            around = next((h for h in listed if h.start <= start and end <= h.end and h.end - h.start > end - start),
                          None)
            if around is not None and typ is not None:
                start, end, typ, after_lam = around.start, around.end, around.value.type, around.after_lam
            else:
                if typ in ("PER", "ORG"):
                    start, typ = _named_after_person(doc, start, end, typ)
                if typ == "PER":
                    start = _skip_titles(doc, start, end)
                start, after_lam = _article_lam(doc, start)
            if typ == "ORG":
                end = _cut_epithets(doc, start, end)
            words = _words(doc.text, start, end)
            if typ is None or not words or _overlaps(start, end, taken) or _not_a_name(words):
                continue
            inside = [b for b in bodies if start < b.end and b.start < end]
            if inside and typ == "ORG" and any(start < b.start or end > b.end for b in inside):
                bodies = [b for b in bodies if b not in inside]  # the tagger's longer name of the body
            elif inside:
                continue
            hyphen = doc.text[end:end + 1] in _HYPHENS or doc.text[max(0, start - 1):start] in _HYPHENS
            c = Candidate(start, end, typ, words, after_lam=after_lam, hyphenated=hyphen)
            if typ == "MISC" and _currency(c.key):
                continue  # "دولار": MISC in ANERcorp's convention (and the tagger's), no entity to an analyst
            if after_lam and _not_a_name(c.key):
                continue  # "للأوقية": the word after لل without the article's ل
            out.append(c)
            taken.append((start, end))
        return sorted(out + bodies, key=lambda c: c.start)

    # -- roles ---------------------------------------------------------------------------------
    def _attach_roles(self, index: DocIndex, groups: list[Group]) -> None:
        """Roles around person mentions, affiliations from them, and later repeats of a role."""
        person_tokens = set()
        spans = []
        for g in groups:
            for m in g.mentions:
                first, last = _token_range(index, m.start, m.end)
                spans.append((g, m, first, last))
                if g.type == "PER":
                    person_tokens.update(range(first, last + 1))
        attached: list[tuple[Group, Role]] = []
        for g, m, first, last in spans:
            if g.type != "PER":
                continue
            # "المحامي الشخصي لترامب" is Trump's lawyer, "مدرب لايبزغ ونيكو كوفاك" Hasenhüttl's role: none
            # before a name under a preposition or after و
            own = self.actors.own_words(g.actor) if g.actor is not None else frozenset()
            stem = m.words[0] if m.words else ""
            before = None if under_preposition(index, first, m.start, stem, own) \
                or coordinated(index, first, m.start, person_tokens) else role_before(index, first, person_tokens)
            for role in (before, role_after(index, last, person_tokens, first)):
                if role is None:
                    continue
                if g.actor is not None and g.actor.affiliation and role.iso3 and role.iso3 != g.actor.affiliation:
                    continue  # "استقبل خادم الحرمين الشريفين ملك البحرين": the king of Bahrain's role
                text = role.text(index.doc.text)
                if normalize(text) not in {normalize(r) for r in g.roles}:
                    g.roles.append(text)
                if g.affiliation is None:
                    g.affiliation = role.iso3 or _org_affiliation(groups, role, index.doc)
                attached.append((g, role))
        for g, role in attached:
            words = role_words(index, role)
            if len(words) < _MIN_ROLE_WORDS or is_occupation(index, role):
                continue  # "اللاعب الإنجليزي" said again may be any English player; an office has one holder
            for start, end, first, last in find_role_repeats(index, words, role.end):
                if _names_other_person(index, first, last, person_tokens, g, spans):
                    continue
                if role_continues(index, first, last):
                    continue
                if (start, end) not in g.role_mentions:
                    g.role_mentions.append((start, end))

    # -- output --------------------------------------------------------------------------------
    @staticmethod
    def _entity(doc: Document, n: int, g: Group, maghreb: bool = False) -> Entity:
        best = g.fullest()
        name = _name(doc, best)
        mentions = [Mention(m.start, m.end, doc.text[m.start:m.end]) for m in g.mentions]
        mentions += [Mention(s, e, doc.text[s:e]) for s, e in g.role_mentions + g.head_mentions]
        mentions.sort(key=lambda m: m.start)
        typ = g.type
        if g.actor is not None:
            name_en, source, kind = g.actor.name_en, "actor", g.actor.kind
            affiliation = g.actor.affiliation or g.affiliation
        elif g.institution is not None:
            name_en, source, kind = g.institution.english(g.iso3), "institution", g.institution.kind
            affiliation = g.iso3
        elif g.type == "ORG" and words(name) in bare_institutions():
            # the tagger's "وزارة الصحة" with no country adjective: the institution, country unknown
            institution = bare_institutions()[words(name)]
            name_en, source, kind = institution.english(None), "institution", institution.kind
            affiliation = g.affiliation
        elif g.type in ("ORG", "MISC") and (listed := listed_name(words(name))) is not None:
            # a listed whole name: "ماكدونالدز" is McDonald's, "رولان غاروس" a competition even when tagged ORG
            name_en, source, kind, typ = listed.name_en, "list", listed.kind, listed.type
            affiliation = g.affiliation
        else:
            name_en, source = (english_name(name, maghreb) if g.type == "PER" else _org_name(name) if g.type == "ORG"
                               else None) or (None, None)
            kind, affiliation = None, g.affiliation
        if typ == "ORG" and affiliation is None and source not in ("actor", "institution") and len(best.words) > 1:
            # "حركة النهضة الجزائرية", "الأهلي المصري" and "الاتحاد السعودي لكرة القدم" are the country's (the
            # adjective ends the name or follows its head); "البنك السعودي الفرنسي" (two countries) is left
            # alone. A topic is not told from an owner: "مركز الدراسات الإيرانية" is taken for Iranian
            countries = {demonym_iso3(w) for w in best.words} - {None}
            own = demonym_iso3(best.words[-1]) or demonym_iso3(best.words[1])
            affiliation = own if countries == {own} else None
        return Entity(
            id=f"e{n}",
            type=typ,
            name=name,
            name_en=name_en,
            name_en_source=source,
            mentions=mentions,
            roles=list(g.roles),
            affiliation=affiliation,
            kind=kind,
        )


def _name(doc: Document, m: Candidate) -> str:
    """An entity's name as written in a mention: a hashtag's words spaced ("#بيونغ_يانغ", "سيرغي #لافروف"),
    and the article restored after ل ("لحشد الشعبي" from "للحشد" is named "الحشد الشعبي")."""
    name = " ".join(doc.text[m.start:m.end].replace("_", " ").replace("#", " ").split())
    return "ا" + name if m.after_lam else name


def _org_name(name: str) -> tuple[str, str] | None:
    """(English name, "gloss") of an organisation no table names: a gloss of its words."""
    ws = words(name)
    if not glossable(ws):
        return None  # "الهلال", "مصرف الإنماء", "جريدة الوسط": names, not descriptions
    en = gloss(ws)
    return (en, "gloss") if en else None


def _named_after_person(doc: Document, start: int, end: int, typ: str) -> tuple[int, str]:
    """A person's name after a unit's or a building's noun names that unit or building: "فصيل خالد بن
    الوليد" is an ORG, "مستشفى الملك فهد" a FAC (the noun joins the span; entity_cues.tsv). The name must
    have two words or more, a title counting ("معسكر ترامب" is Trump's camp), and a span the tagger called an
    organisation counts only when it opens with a title ("مطار [الملك خالد الدولي]", not "معسكر المنتخب
    السعودي")."""
    tok = doc.token_at(start)
    if tok is None or tok.start != start or tok.i == 0:
        return start, typ
    name_start, i = start, tok.i - 1
    if doc.tokens[i].kind == "word" and is_title_or_office(doc.tokens[i].norm) and i > 0:
        name_start, i = doc.tokens[i].start, i - 1  # the tagger left the title out: "مستشفى الملك [فهد]"
    words = _words(doc.text, name_start, end)
    if len(words) < 2 or (typ == "ORG" and not is_title_or_office(words[0])):
        return start, typ
    prev = doc.tokens[i]
    named = cues().named_after.get(normalize(prev.stem) if prev.stem else prev.norm)
    # the noun is indefinite, the head of a construct ("المركز رأفت الصباغ", "للمركز ..." are no names)
    proclitics = normalize(prev.prefix)
    definite = proclitics.endswith("ال") or proclitics.endswith("لل") or prev.norm.startswith("ال")
    if named is None or prev.kind != "word" or definite:
        return start, typ
    return prev.prefix_end, named


def _skip_titles(doc: Document, start: int, end: int) -> int:
    """Start of a tagged person name after any leading title or office word ("الأمير", "الرئيس")."""
    tok = doc.token_at(start)
    while tok is not None and tok.end < end and tok.i + 1 < len(doc.tokens) and is_title_or_office(tok.norm):
        tok = doc.tokens[tok.i + 1]
        start = tok.start
    return start


def _article_lam(doc: Document, start: int) -> tuple[int, bool]:
    """A tagged span that starts at the stem after "لل" takes back the article's ل ("للعراق" → "لعراق").

    The tagger leaves out every proclitic; the curated matcher and the geoparser keep the article,
    whose alef ل + ال drops. One convention for every mention keeps them mergeable and highlightable.
    """
    tok = doc.token_at(start)
    if tok is not None and tok.start <= start - 2 and doc.text[start - 2:start] == "لل":
        return start - 1, True
    return start, False


def _cut_epithets(doc: Document, start: int, end: int) -> int:
    """End of a tagged organisation without the words of blame after its name ("الإخوان الإرهابية")."""
    epithets = cues().epithets
    last = doc.token_at(end - 1)
    while last is not None and last.norm in epithets and last.start > start:
        prev = doc.tokens[last.i - 1]
        if prev.end <= start:
            break
        end, last = prev.end, prev
    return end


def _not_a_name(words: tuple[str, ...]) -> bool:
    """A tagged span made only of demonyms, titles and listed non-names ("روسي", "الرئيس الأمريكي",
    "كورونا") names no one."""
    not_names = cues().not_names
    return all(demonym_iso3(w) or is_title_or_office(w) or w in not_names for w in words)


def _currency(key: tuple[str, ...]) -> bool:
    """A currency's name, by a candidate's key (its words, the first one's article dropped): "دولار",
    "الدولار", "لدولار" (from "للدولار"), "ريالا", "جنيه إسترليني" (entity_context.tsv)."""
    ctx = context()
    return key[0] in ctx.currencies and all(w in ctx.currency_tails or demonym_iso3(w) for w in key[1:])


# kinds whose names other countries' bodies share (parties, unions, councils); not armed groups, whose
# names take a backer's demonym ("ميليشيات الحوثي الإيرانية" are still the Houthis)
_NAMESAKE_KINDS = frozenset(("party", "organization", "government"))


def _another_country_follows(index: DocIndex, last: int, iso3: str | None) -> bool:
    """Is a country's actor followed by another country's demonym ("حزب الشعب الجمهوري المصري" after the
    Turkish CHP's name)? Then the text names that country's namesake body."""
    nxt = next_word(index, last)
    if not iso3 or nxt is None or not nxt.norm.startswith("ال"):
        return False
    other = demonym_iso3(nxt.norm)
    return other is not None and other != iso3


def _another_countrys_body_follows(starts: dict, last: int, actor) -> bool:
    """Is a country's body followed by another country's actor ("هيئة كبار العلماء [بالأزهر]")? Then the text
    names that actor's namesake body."""
    other = starts.get(last + 1)
    return bool(actor.affiliation and other is not None and other.affiliation
                and other.affiliation != actor.affiliation)


def _words(text: str, start: int, end: int) -> tuple[str, ...]:
    """The normalised words of a span; a hashtag's "_" separates words ("محمد_بن_سلمان")."""
    return tuple(w for w in normalize(text[start:end]).replace("_", " ").split() if any(c.isalpha() for c in w))


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _token_range(index: DocIndex, start: int, end: int) -> tuple[int, int]:
    first = index.doc.token_at(start)
    last = index.doc.token_at(end - 1)
    return (first.i if first else 0), (last.i if last else len(index.tokens) - 1)


def _org_affiliation(groups: list[Group], role: Role, doc: Document) -> str | None:
    """The country (else the name) of an organisation named inside a role ("قائد فيلق القدس" → IRN); for
    a body only the tagger found, its Arabic name ("رئيس المنظمة العربية للسياحة")."""
    for g in groups:
        if g.type != "ORG":
            continue
        for m in g.mentions:
            if role.start <= m.start and m.end <= role.end:
                if g.actor is not None:
                    return g.actor.affiliation or g.actor.name_en
                if g.institution is not None:
                    return g.iso3
                name = _name(doc, g.fullest())
                listed = listed_name(words(name))  # a listed club or company: "مدرب ريال مدريد"
                return listed.name_en if listed else name
    return None


def _names_other_person(index: DocIndex, first: int, last: int, person_tokens: set[int], g: Group,
                        spans) -> bool:
    """A repeated role that sits next to a name (before it, or after it with a comma) is that name's."""
    if any(first <= t <= last for t in person_tokens):
        return True
    nxt = last + 1
    if nxt < len(index.tokens) and index.tokens[nxt].norm == ",":
        nxt += 1
    prev = first - 1
    if prev >= 0 and index.tokens[prev].norm == ",":
        prev -= 1
    for other, _, f, la in spans:
        if other is g or other.type != "PER":
            continue
        if f == nxt or la == prev:
            return True
    return False

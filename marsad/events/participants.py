"""Actors and targets: noun phrases around a trigger, read with Arabic word order (VSO, SVO, masdar + genitive).

A candidate noun phrase is anchored on an entity mention, a demonym, a place, or a sector noun
(marsad/data/events/sectors.tsv) and extends over the following anchors (قوات الأمن الباكستانية).
Its country comes from a demonym in it, the entity's affiliation, or a place's country; its sector from
the first sector noun. Which phrase plays which role depends on the trigger's role in triggers.tsv.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from marsad.document import Document, Participant, Token
from marsad.countries import iso3_from_iso2
from marsad.events.lexicon import counts_lexicon, function_words, sectors, word_set
from marsad.events.triggers import is_break, ordered_keys, token_keys
from marsad.statements.lexicon import lexicon as attribution_lexicon
from marsad.text.normalize import normalize

# Word lists from marsad/data/events/function_words.tsv (see its header for what each kind does).
_PREPS = function_words("preps")
_BEHIND = function_words("behind")
_BLAME = function_words("blame")
_LINKS = function_words("links")
_CLAUSE_WORDS = function_words("clause_words")
_COMPLEMENTISERS = function_words("complementisers")
_RELATIVES = function_words("relatives")
_COORD = function_words("coord")
_TARGET_PREPS = function_words("target_preps")
_PARTNER_PREPS = function_words("partner_preps")
_AGENT_MARKERS = tuple(m if isinstance(m, tuple) else (m,) for m in function_words("agent_markers"))
_QUANTITY = function_words("quantity")
_AGENT_VERBS = function_words("agent_verbs")
_PASSIVE_FORMS = function_words("passive_forms")


@dataclass(slots=True)
class Phrase:
    """A candidate participant: tokens lo..hi (inclusive) of the document."""

    lo: int
    hi: int
    participant: Participant
    victim: bool = False
    oblique: str | None = None  # the preposition before it, if any
    weak: bool = False  # only a sub-national place name: an actor only right beside the trigger
    demonym_only: bool = False  # only a nisba adjective: "ضربة جوية أمريكية"


def _iso3(code: str | None) -> str | None:
    if not code:
        return None
    if len(code) == 3 and code.isupper():
        return code
    if len(code) == 2:
        return iso3_from_iso2(code)
    return None


class PhraseFinder:
    """Candidate noun phrases of one document, built once and reused for every trigger."""

    def __init__(self, doc: Document, claimed: set[int]):
        self.doc = doc
        self.claimed = claimed  # token indices that are triggers
        self.entity_of: dict[int, tuple] = {}
        for e in doc.entities:
            for m in e.mentions:
                for t in self._tokens_in(m.start, m.end):
                    self.entity_of[t] = (e, m)
        self.demonym_of: dict[int, str] = {}
        for s, e, iso in doc.demonyms:
            for t in self._tokens_in(s, e):
                self.demonym_of[t] = iso
        self.place_of: dict[int, object] = {}
        for p in doc.places:
            for m in p.mentions:
                for t in self._tokens_in(m.start, m.end):
                    self.place_of[t] = p
        self.numbers = counts_lexicon()["number"]

    def _tokens_in(self, start: int, end: int) -> list[int]:
        tok = self.doc.token_at(start)
        out = []
        i = tok.i if tok else None
        while i is not None and i < len(self.doc.tokens) and self.doc.tokens[i].start < end:
            if self.doc.tokens[i].end > start:
                out.append(i)
            i += 1
        return out

    def _sector(self, tok: Token) -> tuple[str, bool] | None:
        table = sectors()
        for k in ordered_keys(tok):
            if k in table:
                return table[k]
        return None

    def is_anchor(self, i: int) -> bool:
        tok = self.doc.tokens[i]
        if tok.kind != "word" or i in self.claimed:
            return False
        return i in self.entity_of or i in self.demonym_of or i in self.place_of or self._sector(tok) is not None

    def phrase_at(self, i: int, limit: int) -> Phrase | None:
        """The noun phrase starting at token i (an anchor), extended over following anchors up to `limit`."""
        if not self.is_anchor(i):
            return None
        toks = self.doc.tokens
        hi = i
        j = i + 1
        while j < limit and j - i < 6:
            ent_j, ent_hi = self.entity_of.get(j), self.entity_of.get(hi)
            if hi in self.demonym_of and j not in self.demonym_of and (ent_j is None or ent_hi is None or ent_j[1] is not ent_hi[1]):
                break  # a demonym closes its phrase: الخارجية الإيرانية | القوات الأمريكية
            if toks[j].norm in _LINKS and j + 1 < limit and self.is_anchor(j + 1):
                hi = j + 1
                j += 2
                continue
            if self.is_anchor(j) or (i in self.entity_of and self.entity_of.get(j) == self.entity_of[i]):
                hi = j
                j += 1
                continue
            # one non-anchor word may sit inside the phrase if an anchor follows (قوات حرس الحدود الإسرائيلية)
            if j + 1 < limit and toks[j].kind == "word" and toks[j].norm not in _PREPS and self.is_anchor(j + 1) \
                    and (j + 1 in self.demonym_of or j + 1 in self.entity_of):
                hi = j + 1
                j += 2
                continue
            break
        return self._make(i, hi)

    def _make(self, lo: int, hi: int) -> Phrase:
        toks = self.doc.tokens
        country = entity = sector = None
        victim = False
        for j in range(lo, hi + 1):
            if country is None and j in self.demonym_of:
                country = self.demonym_of[j]
            if j in self.entity_of:
                ent = self.entity_of[j][0]
                entity = entity or ent.id
                country = country or _iso3(ent.affiliation)
            if country is None and j in self.place_of:
                country = _iso3(getattr(self.place_of[j], "country", None))
            sec = self._sector(toks[j])
            if sec and sector is None and sec[0] != "-":
                sector, victim = sec
        if country is None and _pronoun_suffixed(toks[lo]) and sector is not None:
            country = self._antecedent_country(lo)  # "الجيش الأمريكي ... أن قواته": the owner's country
        weak = False
        if sector is None and all(j in self.place_of for j in range(lo, hi + 1)):
            place = self.place_of[lo]
            if getattr(place, "level", None) == "country" or (entity is not None and lo == hi):
                sector = "government"  # a country standing for its state: نبهت طهران
            else:
                weak = True
        demonym_only = all(j in self.demonym_of for j in range(lo, hi + 1))
        # a number right before the phrase marks the counted, usually the victims (قتل 20 شخصا)
        if lo > 0 and (toks[lo - 1].kind == "number" or toks[lo - 1].norm in self.numbers):
            victim = victim or sector in (None, "civilians")
        start, end = toks[lo].start, toks[hi].end
        part = Participant(text=self.doc.text[start:end], country=country, entity=entity, sector=sector,
                           start=start, end=end)
        oblique = None
        if lo > 0:
            prev = toks[lo - 1]
            if prev.kind == "word" and prev.norm in _PREPS:
                oblique = prev.norm
                # "العشرات من مستوطني براخة هاجموا": a partitive after a quantity is the subject itself
                if prev.norm == "من" and lo > 1 and (toks[lo - 2].norm in _QUANTITY or toks[lo - 2].kind == "number"):
                    oblique = None
        if oblique is None:
            pre = normalize(toks[lo].prefix).replace("ال", "").lstrip("وف")
            if pre[:1] in ("ب", "ل", "ك"):
                oblique = pre[:1]
        return Phrase(lo, hi, part, victim, oblique, weak, demonym_only)

    def _antecedent_country(self, i: int) -> str | None:
        """The country of the nearest nationality-bearing word before token i in its sentence."""
        sent = self.doc.tokens[i].sent
        for j in range(i - 1, max(-1, i - 13), -1):
            if self.doc.tokens[j].sent != sent:
                break
            if j in self.demonym_of:
                return self.demonym_of[j]
            if j in self.entity_of and _iso3(self.entity_of[j][0].affiliation):
                return _iso3(self.entity_of[j][0].affiliation)
            place = self.place_of.get(j)
            if place is not None and getattr(place, "level", None) == "country":
                return _iso3(place.country)
        return None

    def phrases(self, lo: int, hi: int, near: tuple[int, int] | None = None) -> list[Phrase]:
        """Non-overlapping phrases in tokens lo..hi-1, left to right; weak ones (a town's name) only when
        they touch the trigger span `near` (VSO "نبهت طهران", SVO "طهران تنفي")."""
        out = []
        i = lo
        while i < hi:
            p = self.phrase_at(i, hi)
            if p:
                heads = word_set("place_heads.txt")
                scene = p.lo > 0 and bool(token_keys(self.doc.tokens[p.lo - 1]) & heads)
                source = _after_source_phrase(self.doc.tokens, p.lo)
                if scene and (p.weak or p.participant.sector == "government" and p.participant.entity is None):
                    pass  # "جامعة صنعاء", "شهدت تركيا": a place's genitive or an event's scene
                elif source:
                    pass  # "وفقا للمرصد السوري": who reports it, not who acts or suffers
                elif not p.weak or (near is not None and (p.lo == near[1] + 1 or p.hi == near[0] - 1)):
                    out.append(p)
                i = p.hi + 1
            else:
                i += 1
        return out


@functools.cache
def _source_phrases() -> tuple[tuple[str, ...], ...]:
    """The statements stage's source phrases (data/attribution/source_phrases.tsv: بحسب، وفقا ل، نقلا عن ...)
    as the words right before the source's phrase (a trailing ل is the phrase's own clitic: "وفقا للمرصد")."""
    return tuple(p[:-1] if p[-1] == "ل" else p for p in attribution_lexicon().source_phrases)


def _after_source_phrase(toks: list[Token], lo: int) -> bool:
    """Does a source phrase end right before token lo ("وفقا للمرصد السوري", "بحسب وكالة الأناضول")? The
    phrase after it names who reports the event, not who acts or suffers."""
    for words in _source_phrases():
        n = len(words)
        if lo < n:
            continue
        seq = [t.norm for t in toks[lo - n:lo]]
        if seq[0][:1] in ("و", "ف") and seq[0][1:] == words[0]:
            seq[0] = seq[0][1:]  # "ووفقا"
        if tuple(seq) == words:
            return True
    return False


def _clause_bounds(toks: list[Token], lo: int, hi: int, first: int, last: int, reach: int = 10) -> tuple[int, int]:
    """Token range around the trigger that participants may come from: same sentence, no clause break."""
    a = first
    while a - 1 >= lo and not is_break(toks[a - 1]) and toks[a - 1].norm not in _CLAUSE_WORDS and first - (a - 1) <= reach:
        a -= 1
    b = last + 1
    while b < hi and not is_break(toks[b]) and toks[b].norm not in _CLAUSE_WORDS and b - last <= reach:
        b += 1
    return a, b


def _after_marker(toks: list[Token], phrases: list[Phrase], last: int, markers) -> Phrase | None:
    for p in phrases:
        if p.lo <= last:
            continue
        # quotes and quantity words may stand between the marker and the phrase: تبناه «تنظيم القاعدة»
        lo = p.lo
        while lo - 1 > last and (toks[lo - 1].kind == "punct" and toks[lo - 1].norm in '«»"“”\'' or toks[lo - 1].norm in _QUANTITY):
            lo -= 1
        for m in markers:
            k = len(m)
            if lo - k <= last:
                continue
            words = [normalize(toks[lo - k + x].stem) if x == 0 else toks[lo - k + x].norm for x in range(k)]
            norms = [toks[lo - k + x].norm for x in range(k)]
            if list(m) == norms or list(m) == words:
                return p
        if lo - 1 > last and toks[lo - 1].norm in _AGENT_VERBS:
            return p
    return None


def _coordinated(finder: PhraseFinder, p: Phrase, lo: int) -> Phrase:
    """Widen "إيران أو وكلاءها" to both conjuncts; the first one's country and entity lead."""
    toks = finder.doc.tokens
    j = p.lo - 1
    if j - 1 >= lo and toks[j].norm in _COORD:
        for q in finder.phrases(max(lo, j - 6), j):
            if q.hi == j - 1 and q.oblique is None:
                merged = finder._make(q.lo, p.hi)
                merged.participant.country = q.participant.country or p.participant.country
                merged.participant.entity = q.participant.entity or p.participant.entity
                merged.participant.sector = q.participant.sector or p.participant.sector
                return merged
    return p


def _subject_before(finder: PhraseFinder, lo: int, first: int, before: list[Phrase]) -> Phrase | None:
    """The subject of the verb chain that carries the trigger: "إيران تخطط لشن هجمات", "قام مسلحون بخطف"."""
    toks = finder.doc.tokens
    carry = word_set("support_verbs.txt") | word_set("intent_verbs.txt")
    j = first - 1
    while j >= lo and first - j <= 4 and token_keys(toks[j]) & carry:
        j -= 1
    for p in reversed(before):
        blamed = any(toks[k].norm in _BEHIND or normalize(toks[k].stem) in _BLAME for k in range(p.hi + 1, first))
        if p.lo - 1 >= 0 and p.lo - 1 in finder.claimed and not blamed:
            continue  # the object of another trigger ("استهدف القواعد ... بشن هجمات"), unless blamed for it
        if p.oblique is None and j - p.hi <= 1 and p.hi <= j:
            return _coordinated(finder, p, lo)
        # the subject may follow the carrying verb (VSO): "قامت امرأة بلجيكية بتفجير"
        if p.oblique is None and p.hi < first and p.lo > j and first - p.hi <= 2:
            return p
    return None


def _plural_subject(finder: PhraseFinder, lo: int, first: int) -> Phrase | None:
    """For a verb with a plural pronoun subject (واتهموا), the phrase that is the subject of the
    preceding plural verb in the sentence ("مسؤولين أمريكيين أبلغوا ... واتهموا")."""
    toks = finder.doc.tokens
    for p in reversed(finder.phrases(lo, first)):
        if p.oblique is not None or p.hi + 1 >= first:
            continue
        nxt = toks[p.hi + 1]
        if nxt.kind == "word" and nxt.norm.endswith(("وا", "ون")) and not nxt.norm.startswith("ال"):
            return p
    return None


def _pronoun_suffixed(tok: Token) -> bool:
    """تحقيقها، اجتماعه: the genitive is a pronoun, so the next phrase is not the trigger's genitive."""
    n = tok.stem  # original spelling: ة is not the pronoun ه
    return n.endswith(("ها", "هم", "هما")) or (n.endswith("ه") and len(n) > 4)


def assign(finder: PhraseFinder, lo: int, hi: int, first: int, last: int, role: str,
           etype: str, mode: str | None = None) -> tuple[Participant | None, Participant | None]:
    """(actor, target) for a trigger tokens[first..last] in the sentence tokens[lo:hi]."""
    toks = finder.doc.tokens
    a, b = _clause_bounds(toks, lo, hi, first, last)
    before = [p for p in finder.phrases(a, first, (first, last)) if p.hi < first]
    after = finder.phrases(last + 1, b, (first, last))
    core_before = [p for p in before if p.oblique is None]
    agent = _after_marker(toks, after, last, _AGENT_MARKERS)
    after_wo_agent = [p for p in after if p is not agent]
    targeted = next((p for p in after_wo_agent if p.oblique in _TARGET_PREPS), None)
    actor = target = None
    trig = toks[first]

    def nearest_before(max_gap: int, comma: bool = True) -> Phrase | None:
        for p in reversed(core_before):
            if first - p.hi <= max_gap:
                if not comma and any(t.kind == "punct" and t.norm in ",،" for t in toks[p.hi + 1:first]):
                    return None
                return _coordinated(finder, p, lo)
        return None

    def no_trigger_between(p: Phrase) -> bool:
        return not any(j in finder.claimed for j in range(last + 1, p.lo))

    # a "verb" written with the article or a preposition is its masdar: باستهداف، القصف
    if role in ("verb", "voice"):
        pre = normalize(trig.prefix)
        prev = toks[first - 1] if first > lo else None
        if "ال" in pre or pre[-1:] in ("ب", "ل") or (prev is not None and (prev.norm in _PREPS or prev.norm in _BEHIND)):
            role = "noun_target"

    if role == "agent":
        t = toks[first:last + 1]
        sec = finder._sector(toks[first])
        actor_p = Participant(text=finder.doc.text[t[0].start:t[-1].end], sector=sec[0] if sec else "protesters",
                              start=t[0].start, end=t[-1].end)
        nxt = finder.phrase_at(last + 1, b) if last + 1 < b else None
        if nxt and nxt.oblique is None:
            actor_p.country = nxt.participant.country  # متظاهرون فلسطينيون
        target = next((p for p in after if p.oblique in _TARGET_PREPS), None)
        return actor_p, target.participant if target else None

    if role in ("noun_target", "noun_actor"):
        gen = None
        if not _pronoun_suffixed(toks[first]):
            gen = next((p for p in after_wo_agent if p.lo - last <= 2 and p.oblique is None and no_trigger_between(p)), None)
        nisba = gen if gen is not None and gen.demonym_only else None
        if nisba is not None and last > first and finder._sector(toks[last]) and (
                etype in ("COERCE", "ASSAULT") or (etype, mode) == ("SANCTION", "expel")):
            # "طرد دبلوماسيين بريطانيين": the nisba gives the expelled people's country
            target, nisba, gen = nisba, None, None
        if nisba is not None:
            gen = next((p for p in after_wo_agent if p is not nisba and p.lo - nisba.hi <= 1 and p.oblique is None), None)
        if role == "noun_target":
            # "قصف لميليشيات الحوثي", "هجوم لتنظيم داعش": with an attack's masdar, ل marks who attacks
            lam = next((p for p in after_wo_agent if p.oblique == "ل" and p.lo - last <= 1), None) \
                if etype == "ASSAULT" and gen is None else None
            target = target or gen or (targeted if targeted is not lam else None)
            actor = agent or nisba or lam or _subject_before(finder, a, first, before)
        else:
            actor = gen or nisba or agent or _subject_before(finder, a, first, before)
            if actor is None and _pronoun_suffixed(toks[first]):
                actor = nearest_before(6)  # طلعاتهم: the possessor is the antecedent
            if actor is None and etype in ("MOBILIZE", "SANCTION", "RETREAT"):
                # "إجلاء جزئي في السفارة الأمريكية": whoever owns the embassy or base acts
                actor = next((p for p in after_wo_agent if p.oblique in ("في", "من") and p.lo - last <= 4
                              and p.participant.sector in ("government", "military")), None)
            preps = _TARGET_PREPS | (_PARTNER_PREPS if etype in ("CONSULT", "COOPERATE", "AGREE") else frozenset())
            start_after = actor.hi if actor is not None and actor.lo > last else last
            target = target or next((p for p in after_wo_agent if p is not actor and p.lo > start_after and p.oblique in preps), None)
    elif role == "flip":
        target = nearest_before(3) or next((p for p in after if p.oblique is None), None)
    elif role == "host":
        host = next((p for p in after if p.oblique is None), None) or nearest_before(3)
        visitor = next((p for p in after if p.oblique is None and p is not host and (host is None or p.lo > host.hi)), None)
        actor, target = visitor, host
    else:  # verb, voice
        norm = trig.norm
        complement = lambda p: p.lo > 0 and toks[p.lo - 1].norm in _COMPLEMENTISERS  # noqa: E731
        first_after = next((p for p in after_wo_agent if p.oblique is None and p.lo - last <= 4), None)
        if role == "voice" and norm.endswith(("وا", "ا")) and (first_after is None or complement(first_after)):
            vb = nearest_before(3)
            if vb is not None and vb.victim:  # "ثمانية أشخاص قتلوا": the victims come first
                return (agent.participant if agent else None), vb.participant
        subject_before = None
        k = first - 1
        if k >= lo and toks[k].norm == "قد":
            k -= 1
        for p in core_before:
            if p.hi == k:
                subject_before = _coordinated(finder, p, lo)
        passive = role == "voice" and (
            (first_after is not None and first_after.victim and subject_before is None)
            or (normalize(trig.stem) in _PASSIVE_FORMS and first_after is None) or agent is not None
        )
        if first_after is not None and subject_before is not None and (
                _pronoun_suffixed(toks[last]) or toks[first_after.lo].norm.endswith("ون")):
            # "عسكريين خطفهم مقاتلو الطوارق": object pronoun on the verb, the subject follows it
            return first_after.participant, subject_before.participant
        if role == "voice" and first_after is not None and toks[first_after.lo].norm.endswith("ون"):
            passive = False  # "وقتل الارهابيون ثلاثة رهائن": a nominative plural is the subject
        if role == "voice" and subject_before is not None and first_after is not None and not passive:
            return subject_before.participant, first_after.participant  # "قوات الأمن قتلت ستة متشددين"
        if passive:
            target = first_after or nearest_before(3)
            actor = agent
        elif norm.endswith(("وا", "ون")) or (norm.startswith("م") and norm.endswith("ا")):
            # plural pronoun subject (واتهموا) or a circumstantial participle (مهددا): the subject is earlier
            if norm.startswith("م") and norm.endswith("ا"):
                actor = agent
            elif first - 1 >= lo and toks[first - 1].norm in _RELATIVES:
                # "المواطنين الشيعة الغاضبين، الذين يحتجون": the relative's antecedent acts
                actor = agent or next((p for p in reversed(core_before) if first - p.hi <= 5), None)
            else:
                actor = agent or nearest_before(5, comma=False) or _plural_subject(finder, lo, first)
            target = first_after or targeted
        else:
            if first_after is not None and complement(first_after):
                actor = agent or nearest_before(4)
                target = first_after
            else:
                actor = first_after or agent or nearest_before(4)
                rest = [p for p in after_wo_agent if p is not actor and (actor is None or p.lo > actor.hi)
                        and not (actor is not None and p.lo - actor.hi == 2 and toks[p.lo - 1].norm in ",،")]
                target = next((p for p in rest if p.oblique is None or p.oblique in _TARGET_PREPS or p.oblique in ("ب", "ل")), None)
    if actor is not None and target is not None and actor.lo == target.lo:
        actor = None  # one phrase cannot both do and suffer the act
    return (actor.participant if actor else None), (target.participant if target else None)

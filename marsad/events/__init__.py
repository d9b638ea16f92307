"""Stage: PLOVER events with modality, participants, place, time, casualties and provenance.

One event per trigger occurrence (marsad/data/events/triggers.tsv), except that the words of one
violent incident in one clause ("قتل 4 أشخاص وأصيب 6 في هجوم انتحاري") make one ASSAULT, and a later
definite mention of an event already told ("ودق الاجتماع ناقوس الخطر") is not a new event. Upstream
facts are used when present (entities, demonyms, places, times, statements) and the stage still
detects events, modality and sector-level participants when they are empty.
"""
from __future__ import annotations

from marsad.countries import iso3_from_iso2
from marsad.document import Document, Event, Mention
from marsad.events.counts import casualties
from marsad.events.lexicon import (counts_lexicon, function_words, modality_cues, mode_cues,
                                   trigger_patterns)
from marsad.events.modality import classify
from marsad.events.participants import PhraseFinder, assign
from marsad.events.triggers import TriggerMatch, find_triggers, is_break, token_keys
from marsad.text.normalize import normalize

VERBAL = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONCEDE"})
# Word lists from marsad/data/events/function_words.tsv.
_NEW_CLAUSE = function_words("new_clause")
_SINCE = function_words("since")
_TIME_NOUNS = function_words("time_nouns")
_QUANTITY = function_words("counted")
_LOCATIVE = function_words("locative")
_RESULT = function_words("result")
_DEMONSTRATIVES = function_words("demonstratives")
_CONTRASTIVE = function_words("contrastive")
_PERIPHRASTIC = function_words("periphrastic")
# "عليها، معه، ضدهم، بينهم، لها": a preposition carrying a pronoun names a participant
_PREPS_WITH_PRONOUN = frozenset(p + s for p in function_words("pronoun_preps") for s in function_words("pronoun_suffixes"))
_ANAPHORA_SENTENCES = 3
_LOCAL_SECTORS = frozenset({"protesters", "civilians", "students", "labor", "opposition", "tribal"})
_MERGE_GAP = 8


class EventExtractor:
    """Fill `doc.events`."""

    def __init__(self) -> None:
        trigger_patterns()  # load the lexicons once
        mode_cues()
        counts_lexicon()

    def __call__(self, doc: Document) -> Document:
        doc.events = []
        matches_by_sent = []
        claimed: set[int] = set()
        for sent in doc.sentences:
            ms = [m for m in find_triggers(doc.tokens, sent.token_start, sent.token_end)
                  if m.pattern.role != "agent" or _agent_in_subject_position(doc, m, sent.token_start)]
            matches_by_sent.append((sent, ms))
            for m in ms:
                # blockers (names such as الحشد الشعبي) and agent nouns may still be participants
                if m.type != "NONE" and m.pattern.role != "agent":
                    claimed.update(m.tokens)
        finder = PhraseFinder(doc, claimed)
        n = 0
        for sent, ms in matches_by_sent:
            ms = [m for m in ms if m.type != "NONE"]
            prev_actor = None
            for group in _groups(doc, ms):
                head = _head(group)
                types = {m.type for m in ms if m.pattern.role != "motive"}
                event = self._event(doc, finder, sent, group, head, types)
                if event is None:
                    continue
                if _repeats_earlier(doc, event, head):
                    continue
                if event.actor is None and head.type in VERBAL and head.pattern.role == "verb":
                    # "قال X ..., مهددا": the speaker of the sentence's statement; else pro-drop
                    speaker = _sentence_speaker(doc, sent)
                    word = doc.tokens[head.first].norm
                    participle = word.startswith("م") and word.endswith("ا")
                    event.actor = (speaker or prev_actor) if participle else (prev_actor or speaker)
                _inherit_antecedent(doc, event, head, ms)
                if event.actor is not None:
                    prev_actor = event.actor
                n += 1
                event.id = f"ev{n}"
                doc.events.append(event)
        return doc

    def _event(self, doc, finder, sent, group: list[TriggerMatch], head: TriggerMatch,
               sentence_types: set[str] = frozenset()) -> Event | None:
        toks = doc.tokens
        lo, hi = sent.token_start, sent.token_end
        first = head.first
        # the trigger is its contiguous head ("طردت" in "طردت بريطانيا 23 دبلوماسيا"): words across a gap
        # are part of the pattern, and what stands in the gap is read as participants
        last = first
        while last + 1 in head.tokens:
            last += 1
        t0, t1 = toks[first], toks[last]
        trigger = Mention(t0.start, t1.end, doc.text[t0.start:t1.end])
        etype = head.type
        nominal = head.pattern.role.startswith("noun")
        forms0 = head.pattern.elements[0]
        fresh = head.pattern.role in ("verb", "voice") and t0.norm[:1] in ("و", "ف") and (
            normalize(t0.prefix)[:1] in ("و", "ف") or t0.norm[1:] in forms0 or t0.norm not in forms0)
        # a verbal act's conditions belong to its content: "مهددا ... ستدفع ثمنا إن وقعت" is a real threat
        modality = classify(toks, lo, hi, first, last, nominal,
                            after=not (head.type in VERBAL and head.pattern.role == "verb"), fresh=fresh)
        source = _source_of(doc, t0.start)
        if source is not None and source[1] == "denies" and modality in ("asserted", "future", "hypothetical"):
            modality = "denied"
        role = "noun_actor" if head.pattern.role == "motive" else head.pattern.role
        actor, target = assign(finder, lo, hi, first, last, role, head.type, head.pattern.mode)
        for m in group:  # the incident's other words may name who did it (قتلوا، على يد ...)
            if m is head or (actor is not None and target is not None):
                continue
            m_role = "noun_actor" if m.pattern.role == "motive" else m.pattern.role
            a2, t2 = assign(finder, lo, hi, m.first, m.last, m_role, m.type)
            target = target or t2
            # a toll word (مقتل، جرح) names victims, never who acted
            if actor is None and a2 is not None and not m.casualty and (target is None or a2.start != target.start):
                actor = a2
        if actor is None and source is not None and head.pattern.role == "flip":
            actor = source[2]
        mode = next((m.pattern.mode for m in group if m.pattern.mode and m.type == head.type), None)
        if mode is None:
            mode = _mode_from_cues(toks, head.type, first, last, hi)
        etype, mode0 = _refine_type(etype, head, actor, sentence_types)
        event = Event(id="", type=etype, trigger=trigger, modality=modality, actor=actor, target=target,
                      mode=mode0 if etype != head.type else mode, sentence=sent.i,
                      source=source[0] if source else None)
        if head.type == "ASSAULT":
            a = min(m.first for m in group)
            b = max(m.last for m in group) + 1
            # the toll is often stated just after the last trigger: "... أسفر عن مقتل 5"
            while b < hi and not is_break(toks[b]) and b - max(m.last for m in group) <= 4:
                b += 1
            event.killed, event.wounded = casualties(toks, max(lo, a - 3), b)
            if modality in ("negated", "denied"):
                event.killed = event.wounded = None
        if actor is None and modality == "denied":
            actor = _denier(doc, finder, lo, first)
            event.actor = actor
        event.place = _place_of(doc, lo, hi, first, (actor, target))
        if actor is not None and actor.country is None and actor.sector in _LOCAL_SECTORS and event.place:
            # protesters and civilians are, unless said otherwise, people of the place where they act
            place = next((p for p in doc.places if p.id == event.place), None)
            actor.country = iso3_from_iso2(place.country) if place else None
        event.time = _time_of(doc, sent, t0.start)
        return event


def _is_casualty(m: TriggerMatch, doc: Document) -> bool:
    lex = counts_lexicon()
    return bool(token_keys(doc.tokens[m.first]) & (lex["killed"] | lex["wounded"]))


def _groups(doc: Document, ms: list[TriggerMatch]) -> list[list[TriggerMatch]]:
    """Merge the ASSAULT words of one incident (and adjacent same-type words) into one group."""
    groups: list[list[TriggerMatch]] = []
    for m in ms:
        if groups:
            g = groups[-1]
            p = g[-1]
            gap = m.first - p.last
            between = doc.tokens[p.last + 1:m.first]
            broken = any(is_break(t) or t.norm in _NEW_CLAUSE for t in between)
            same = p.type == m.type
            casualty = _is_casualty(m, doc) or _is_casualty(p, doc)
            result = any(t.norm in _RESULT for t in between)
            if same and not broken and (gap <= 2 or (m.type == "ASSAULT" and casualty and (gap <= _MERGE_GAP or result and gap <= 15))):
                g.append(m)
                continue
        groups.append([m])
    for g in groups:
        for m in g:
            m.casualty = _is_casualty(m, doc)
    return groups


def _head(group: list[TriggerMatch]) -> TriggerMatch:
    """The word that names the incident (هجوم، انفجار) rather than its toll (مقتل، إصابة)."""
    for m in group:
        if not m.casualty:
            return m
    return group[0]


def _mode_from_cues(toks, etype: str, first: int, last: int, hi: int) -> str | None:
    window = range(first, min(hi, last + 7))
    keys = set()
    for j in window:
        if is_break(toks[j]):
            break
        keys |= token_keys(toks[j])
    for forms, mode in mode_cues().get(etype, ()):
        if keys & forms:
            return mode
    return None


def _source_of(doc: Document, offset: int):
    """(source id, stance, speaker participant) of the statement whose content holds the offset."""
    from marsad.document import Participant

    for src in doc.sources:
        for st in src.statements:
            if st.start <= offset < st.end:
                sp = src.speaker
                part = Participant(text=sp.text, country=sp.affiliation if sp.affiliation and len(sp.affiliation) == 3 else None,
                                   entity=sp.entity, sector=None, start=sp.start, end=sp.end)
                return src.id, st.stance, part
    return None


def _place_of(doc: Document, lo: int, hi: int, first: int, parts) -> str | None:
    """The place mentioned nearest the trigger in its clause (sentence breaks and فيما/بينما bound it;
    each comma crossed counts as distance, and far places across a comma belong to another clause),
    preferring ones after في/على/ب; else a sentence-opening frame ("وفي سامراء، أعلنت الشرطة مقتل ...")."""
    toks = doc.tokens
    spans = [(p.start, p.end) for p in parts if p is not None and p.start is not None]
    best, best_score, frame = None, None, None
    for place in doc.places:
        for m in place.mentions:
            tok = doc.token_at(m.start)
            if tok is None or not (lo <= tok.i < hi) or any(x <= m.start < y for x, y in spans):
                continue
            prev = toks[tok.i - 1] if tok.i > lo else None
            located = (prev is not None and prev.norm in _LOCATIVE) or "ب" in normalize(tok.prefix)
            if tok.i - lo <= 3 and (located or "في" in normalize(tok.prefix)):
                frame = frame or place.id
            between = toks[min(tok.i, first) + 1:max(tok.i, first)]
            if any(is_break(t) or t.norm in _NEW_CLAUSE for t in between):
                continue
            commas = sum(1 for t in between if t.kind == "punct" and t.norm in ",،")
            dist = abs(tok.i - first)
            if commas and dist > 15:
                continue
            score = dist + 8 * commas - (5 if located else 0)
            if best_score is None or score < best_score:
                best, best_score = place.id, score
    return best or frame


def _time_of(doc: Document, sent, offset: int) -> str | None:
    """The time expression in the sentence nearest the trigger, else the nearest resolved one before; not
    another happening's date after منذ ("قصف على سوق جرمانا منذ بدء الحملة في 18 فبراير" is not dated 18
    February)."""
    usable = [t for t in doc.times if t.value and not t.vague and t.grain != "duration" and not _since(doc, t)]
    inside = [t for t in usable if sent.start <= t.start < sent.end]
    if inside:
        return min(inside, key=lambda t: abs(t.start - offset)).value
    # else the last resolved time of the two sentences before (a story's time rarely carries further)
    before = [t for t in usable if t.end <= sent.start and doc.sentence_at(t.start) is not None
              and sent.i - doc.sentence_at(t.start).i <= 2]
    return before[-1].value if before else None


def _since(doc: Document, t) -> bool:
    """Is a time expression the date of another happening that starts a period: "منذ" two to four words
    before it, with no punctuation between ("منذ بدء الحملة في 18 فبراير", "منذ الغزو الأمريكي عام 2001")?
    Right after منذ the date is when the event itself began ("هجوما عنيفا منذ صباح أمس") and stays."""
    tok = doc.token_at(t.start)
    if tok is None:
        return False
    for i in range(tok.i - 1, max(-1, tok.i - 5), -1):
        prev = doc.tokens[i]
        if prev.kind == "punct":
            return False
        if prev.norm in _SINCE:
            return any(w.norm not in _TIME_NOUNS for w in doc.tokens[i + 1:tok.i])
    return False


def _agent_in_subject_position(doc: Document, m: TriggerMatch, lo: int) -> bool:
    """متظاهرون names the actors of a protest only as a subject: nominative -ون, or a counted -ين
    ("آلاف المتظاهرين"); "لتفريق المتظاهرين" is an object."""
    tok = doc.tokens[m.first]
    if normalize(tok.prefix).replace("ال", "").lstrip("وف")[:1] in ("ب", "ل"):
        return False
    prev = doc.tokens[m.first - 1] if m.first > lo else None
    if tok.norm.endswith("ون"):
        return True
    return prev is not None and (prev.kind == "number" or prev.norm in _QUANTITY)


def _sentence_speaker(doc: Document, sent):
    """The speaker of a statement whose cue verb stands in this sentence."""
    from marsad.document import Participant

    for src in doc.sources:
        for st in src.statements:
            if st.cue_start is not None and sent.start <= st.cue_start < sent.end:
                sp = src.speaker
                return Participant(text=sp.text, country=sp.affiliation if sp.affiliation and len(sp.affiliation) == 3 else None,
                                   entity=sp.entity, start=sp.start, end=sp.end)
    return None


def _inherit_antecedent(doc: Document, event: Event, head: TriggerMatch, ms) -> None:
    """A bare definite mention (الهجوم) with no cue and no participants refers back to the last event
    of its type a few sentences earlier: it shares that event's modality and participants."""
    tok = doc.tokens[head.first]
    if event.modality != "asserted" or event.actor or event.target or "ال" not in normalize(tok.prefix):
        return
    for prev in reversed(doc.events):
        if prev.type == event.type and prev.sentence is not None and event.sentence - prev.sentence <= _ANAPHORA_SENTENCES:
            event.modality = prev.modality
            event.actor, event.target = prev.actor, prev.target
            return


def _repeats_earlier(doc: Document, event: Event, head: TriggerMatch) -> bool:
    """"ودق الاجتماع ناقوس الخطر": a definite event noun (or one after هذا/تلك) with no participants of
    its own, naming a type the document has already told, is that event again and is not emitted.
    Kept as new: verbs, indefinite or possessed nouns, "الاجتماع المقبل/الثاني" (contrastive adjective),
    a plural after a singular antecedent ("الاجتماعات السابقة"), a different toll, a changed modality."""
    toks = doc.tokens
    tok = toks[head.first]
    source = _source_of(doc, tok.start)
    # "وقال كامينوس إن الاجتماع يبرز ...": the speaker read as actor is not a participant of the meeting
    said_by = source is not None and event.actor is not None and event.actor.start == source[2].start
    if (event.actor is not None and not said_by) or event.target is not None:
        return False
    prefix = normalize(tok.prefix)
    forms = head.pattern.elements[0]
    stem = normalize(tok.stem)
    # the noun itself must be a lexicon form: التقى/الغت begin with ال but are verbs
    if not (prefix.endswith("ال") or prefix.endswith("لل")) or stem not in forms:
        return False
    lo = doc.sentences[event.sentence].token_start
    before = toks[head.first - 1] if head.first > lo else None
    demonstrative = before is not None and before.norm in _DEMONSTRATIVES
    if before is not None and before.norm in _PERIPHRASTIC:
        return False  # "تم التفاوض عليه": a passive verb
    if before is not None and before.kind != "punct" and normalize(tok.prefix)[:1] == "و":
        return False  # "بالتمرد والقتل"، "بغارات ... والمعارك": a conjunct in a list, not a reference
    nxt = toks[head.last + 1] if head.last + 1 < len(toks) else None
    if nxt is not None and nxt.sent == tok.sent:
        if nxt.norm in _CONTRASTIVE:
            return False
        if nxt.norm in _PREPS_WITH_PRONOUN:
            return False  # "الاعتداء عليها": its own (pronoun) participant
    # the antecedent agrees in number: "هذا التفجير" is the blast, not the "سلسلة تفجيرات" told after it
    plural = stem.endswith("ات")
    earlier = [e for e in reversed(doc.events) if e.type == event.type]
    prev = next((e for e in earlier if _plural_trigger(e) == plural), None)
    if prev is None and (demonstrative or not plural):
        prev = earlier[0] if earlier else None
    if prev is None:
        return False
    if event.modality not in ("asserted", prev.modality):
        return False
    for field in ("killed", "wounded"):
        mine, theirs = getattr(event, field), getattr(prev, field)
        if mine is not None and theirs is not None and mine != theirs:
            return False
    # a toll told only with the repeat belongs to the event it repeats
    prev.killed = prev.killed if prev.killed is not None else event.killed
    prev.wounded = prev.wounded if prev.wounded is not None else event.wounded
    return True


def _plural_trigger(event: Event) -> bool:
    """Whether an event's trigger word is a sound feminine plural (الاجتماعات، هجمات)."""
    return normalize(event.trigger.text.split()[0]).endswith("ات")


def _denier(doc: Document, finder: PhraseFinder, lo: int, first: int):
    """"تنفي إيران ... مهاجمة": whoever denies is the would-be actor."""
    deny = next(c for c in modality_cues() if c.modality == "denied")
    words = {seq[0] for seq in deny.forms if len(seq) == 1}
    for j in range(first - 1, lo - 1, -1):
        if token_keys(doc.tokens[j]) & words:
            p = finder.phrase_at(j + 1, first)
            return p.participant if p else None
    return None


_ARMED = frozenset({"military", "militia", "armed_group", "rebels", "police"})


def _refine_type(etype: str, head: TriggerMatch, actor, sentence_types) -> tuple[str, str | None]:
    """Type decisions PLOVER makes from the participants (manual §3.7, §3.9, §3.13)."""
    if head.pattern.role == "motive":
        # "احتجاجا على": a street protest when the sentence reports one, else a verbal protest (ACCUSE)
        if "PROTEST" in sentence_types:
            return "PROTEST", "demo"
        return etype, head.pattern.mode
    if etype == "RETREAT" and head.pattern.mode == "withdraw" and actor is not None and actor.sector not in _ARMED:
        # withdrawing oneself or non-military resources (a company, a state from a treaty) is SANCTION
        return "SANCTION", "withdraw"
    return etype, head.pattern.mode

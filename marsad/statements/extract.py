"""Find attributions sentence by sentence: cue verbs, source phrases and topic markers with their content."""
from __future__ import annotations

from dataclasses import dataclass, field

from marsad.document import Document
from marsad.resources import COMMON_WORD_COUNT, word_freq
from marsad.statements.lexicon import lexicon
from marsad.statements.quotes import find_quotes
from marsad.statements.speakers import SpeakerPhrase, known_name, parse_speaker
from marsad.statements.view import SentenceView

# Content scanning stops after this many tokens without finding إن/أن, a colon or a quote.
_WINDOW = 25
# Connectives that let a new clause (and a new cue) start inside running content.
_CLAUSE_LINKS = frozenset({"فيما", "بينما", "كما", "حين", "حيث"})
_DISCOURSE = frozenset({"و", "ف", "ولكن", "لكن", "كما", "ثم", "بينما", "فيما", "وقد", "قد", "لقد", "كان", "كانت",
                        "وكان", "وكانت", "كانوا", "وكانوا"})
_INTERVIEW = frozenset({"interview", "press_conference", "speech"})
# Verbs whose content may follow a preposition: حذر من، كشف عن، طالب ب، اتهم ...
_PREP_STANCES = frozenset({"warns", "reveals", "demands", "accuses", "denies", "announces", "threatens", "confirms"})


@dataclass
class ViaRef:
    """A relaying outlet as written: an outlet name, or a definite back-reference (للصحيفة)."""

    name: str | None
    head: str
    iso3: str | None = None
    text: str | None = None  # the outlet's name as written, with its offsets
    start: int | None = None
    end: int | None = None


@dataclass
class Attribution:
    """One statement with its speaker phrase as found (None = implicit subject, resolved later)."""

    view: SentenceView
    speaker: SpeakerPhrase | None
    start: int
    end: int
    cue: str
    cue_start: int | None
    cue_end: int | None
    stance: str
    direct: bool = False
    medium: str | None = None
    channel: str | None = None
    via: list[ViaRef] = field(default_factory=list)
    open_quote: int | None = None  # content is one quotation


def via_ref(sp: SpeakerPhrase, v: SentenceView) -> ViaRef:
    """A relay reference from a media speaker phrase (its name tokens give the outlet as written)."""
    if sp.name_start is None:
        return ViaRef(sp.name, sp.head, sp.affiliation)
    s, e = v.tokens[sp.name_start].start, v.tokens[sp.name_end - 1].end
    return ViaRef(sp.name, sp.head, sp.affiliation, v.doc.text[s:e], s, e)


def _said_name(v: SentenceView, k: int) -> SpeakerPhrase | None:
    """A name no table knows, read from "عن العامري قوله": one to three words right before قوله/قولها ("his
    saying"), none of them a known noun (role, source, kin: "عن والدته قولها"), a function word, a word with a
    pronoun ending or a frequent word."""
    freq = word_freq()
    for m in range(k + 1, min(len(v), k + 4)):
        cue = v.cue(m)
        if cue is not None and cue.lemma == "قال" and cue.pos == "noun":
            words = range(k, m)
            if all(v.tokens[w].kind == "word" and v.noun_kind(w) is None
                   and v.bares[w] not in lexicon().function_words and freq.get(v.norms[w], 0) < COMMON_WORD_COUNT
                   and not (len(v.norms[w]) > 4 and v.norms[w].endswith(lexicon().pronoun_endings)) for w in words):
                return SpeakerPhrase(k, m, "named_person", head=v.stems[k],
                                     name=" ".join(v.tokens[w].text for w in words), name_start=k, name_end=m)
            return None
    return None


class _Scanner:
    """Scans one sentence for attribution triggers; keeps state across the document's sentences."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.quotes = find_quotes(doc.text)
        self.opens = sorted(self.quotes)
        self.covered_until = -1  # offset of the last consumed closing quote
        self.out: list[Attribution] = []

    # -- helpers ------------------------------------------------------------------------
    def _clause_initial(self, v: SentenceView, i: int) -> bool:
        """Only conjunctions, discourse words or punctuation before token i in its clause."""
        for k in range(i - 1, -1, -1):
            if v.is_comma(k) or v.is_quote(k) and v.tokens[k].start in self.quotes.values():
                return True
            if v.is_punct(k) or v.bares[k] in _DISCOURSE or v.norms[k] in _DISCOURSE:
                continue
            return False
        return True

    def _split_point(self, v: SentenceView, i: int, cue) -> bool:
        """True when a cue inside running content starts a new attributed clause (، مضيفا / ، وقال)."""
        if i == 0:
            return True
        prev = i - 1
        after_break = v.is_comma(prev) or (v.is_quote(prev) and v.tokens[prev].start in self.quotes.values())
        if cue.pos == "participle":
            return after_break
        has_conj = v.tokens[i].prefix[:1] in ("و", "ف") or v.norms[i][:1] in ("و", "ف") and v.bares[i] != v.norms[i]
        return (has_conj and after_break) or v.norms[prev] in _CLAUSE_LINKS or v.bares[prev] in _CLAUSE_LINKS

    def _media_at(self, v: SentenceView, k: int) -> bool:
        sp = parse_speaker(v, k, after_preposition=True)
        return sp is not None and sp.kind == "media"

    def _sentence_end(self, v: SentenceView) -> int:
        return v.tokens[-1].end

    def _medium_at(self, v: SentenceView, k: int) -> tuple[str, int] | None:
        """The medium named at token k (في تغريدة، خلال مؤتمر صحفي) and the token after it."""
        markers = lexicon().media_markers
        p = v.phrase_at(k, markers)
        if p:
            return markers[p], k + len(p)
        if (v.stems[k],) in markers:  # بتغريدة، بمقابلة
            return markers[(v.stems[k],)], k + 1
        return None

    def _outlet_after(self, v: SentenceView, k: int, limit: int = 4) -> tuple[SpeakerPhrase, int] | None:
        """An outlet named within a few tokens (على شبكة سي إن إن، مع قناة "الجزيرة")."""
        for m in range(k, min(len(v), k + limit)):
            if v.is_complementizer(m) or v.is_comma(m):
                return None
            sp = parse_speaker(v, m)
            if sp and sp.kind == "media" and sp.name:
                return sp, sp.end
        return None

    # -- content ------------------------------------------------------------------------
    def _scan_content(self, v: SentenceView, j: int, cue, explicit: bool) -> Attribution | None:
        """Find where the reported content starts after the speaker (إن، أن، :، a quote, من ...)."""
        medium = channel = None
        vias: list[ViaRef] = []
        end = self._sentence_end(v)
        k = j
        while k < len(v) and k < j + _WINDOW:
            t = v.tokens[k]
            # a warning or denial takes its quote or colon right after the speaker (حذر المصدر من “...”)
            near = cue.stance in ("says", "reports") or k - j <= 3
            if v.is_quote(k) and t.start in self.quotes and near:
                close = self.quotes[t.start]
                inner = [x for x in v.tokens[k + 1:] if x.end <= close]
                after = next((m for m in range(k + 1, len(v)) if v.tokens[m].start > close), None)
                short_name = len(inner) <= 2 and after is not None and not v.is_punct(after)
                if short_name:
                    mm = self._medium_at(v, k + 1)
                    if mm:
                        medium = medium or mm[0]
                    k = after
                    continue
                return self._make(v, t.start, close + 1, cue, medium, channel, vias, open_quote=t.start)
            if t.text == ":" and near:
                if k + 1 < len(v):
                    return self._make(v, v.tokens[k + 1].start, end, cue, medium, channel, vias)
                # a colon ending the sentence: the content is the next quote or sentence
                return self._after_colon(v, t.end, cue, medium, channel, vias)
            if v.is_complementizer(k):
                q = v.tokens[k + 1].start if k + 1 < len(v) and v.is_quote(k + 1) else None
                if q in self.quotes and self._quote_ends_clause(v, self.quotes[q]):
                    return self._make(v, q, self.quotes[q] + 1, cue, medium, channel, vias, open_quote=q)
                if k + 1 < len(v):
                    return self._make(v, v.tokens[k + 1].start, end, cue, medium, channel, vias)
                return None
            if v.is_pronominal_complementizer(k) and not (k > 0 and v.bares[k - 1] in ("بعد", "قبل", "من")):
                return self._make(v, t.start, end, cue, medium, channel, vias)
            if k > j and v.cue(k) and v.cue(k).pos != "noun":
                break
            mm = self._medium_at(v, k)
            if mm:
                medium = medium or mm[0]
                if mm[0] in _INTERVIEW or mm[0] == "tweet":
                    hit = self._outlet_after(v, mm[1])
                    if hit and mm[0] != "tweet":
                        channel = hit[0].name
                        vias.append(via_ref(hit[0], v))
                        k = hit[1]
                        continue
                k = mm[1]
                continue
            # لـ CNN، للصحيفة، لوكالة رويترز: the outlet the speaker talked to
            if (t.prefix.startswith(("ل", "لل")) or v.norms[k] == "ل"
                    or (v.norms[k].startswith("ل") and v.noun_kind(k) == "media")):
                first = k + 1 if v.norms[k] == "ل" else k
                sp = parse_speaker(v, first, after_preposition=True)
                if sp and sp.kind == "media":
                    vias.append(via_ref(sp, v))
                    k = sp.end
                    continue
            if k == j and cue.stance in _PREP_STANCES and (v.norms[k] in ("من", "عن", "ب") or t.prefix == "ب"):
                start = v.tokens[k + 1].start if v.norms[k] in ("من", "عن", "ب") and k + 1 < len(v) else t.start
                return self._make(v, start, end, cue, medium, channel, vias)
            k += 1
        if not explicit:
            return None
        # no marker: the content is what follows the speaker and its adjuncts (نفى X ...، قالت للصحيفة، ...)
        k = j
        while k < len(v) and (v.is_comma(k) or v.is_punct(k) and not v.is_quote(k)):
            k += 1
        if k >= len(v) or cue.stance in ("says", "reports") and j >= len(v):
            return None
        # skip the adjuncts already read (للصحيفة،)
        while k < len(v) and (v.is_comma(k) or (v.tokens[k].prefix.startswith("ل") and self._media_at(v, k))):
            k += 1
        if k >= len(v):
            return None
        return self._make(v, v.tokens[k].start, end, cue, medium, channel, vias)

    def _quote_ends_clause(self, v: SentenceView, close: int) -> bool:
        """A quotation is the whole content when only punctuation or a new clause follows its close."""
        after = [m for m in range(len(v)) if v.tokens[m].start > close]
        if not after:
            return True
        m = after[0]
        return v.is_punct(m) or v.norms[m][:1] == "و" and v.cue(m) is not None

    def _inside_quote(self, offset: int) -> bool:
        """True when an offset lies inside any quotation (cues there are the quoted speaker's words)."""
        import bisect

        k = bisect.bisect_right(self.opens, offset) - 1
        return k >= 0 and offset < self.quotes[self.opens[k]]

    def _after_colon(self, v, colon_end, cue, medium, channel, vias):
        text = self.doc.text
        k = colon_end
        while k < len(text) and text[k].isspace():
            k += 1
        if k in self.quotes:
            return self._make(v, k, self.quotes[k] + 1, cue, medium, channel, vias, open_quote=k)
        return None

    def _make(self, v, start, end, cue, medium, channel, vias, open_quote=None) -> Attribution:
        return Attribution(v, None, start, end, "", None, None, cue.stance, medium=medium, channel=channel,
                           via=list(vias), open_quote=open_quote)

    # -- triggers -----------------------------------------------------------------------
    def _pre_verbal(self, v: SentenceView, i: int) -> SpeakerPhrase | None:
        """SVO order: "المصادر الاستخباراتية قالت"، "ولكن إحدى الشخصيات المطلعة قالت"."""
        cs = 0
        for k in range(i - 1, -1, -1):
            if v.is_comma(k) or v.is_punct(k):
                cs = k + 1
                break
        while cs < i and (v.norms[cs] in _DISCOURSE or v.bares[cs] in _DISCOURSE):
            cs += 1
        sp = parse_speaker(v, cs) if cs < i else None
        if sp is None or sp.end != i:
            return None
        if sp.kind == "named_person" and sp.entity is None and sp.role is None and sp.name_start is not None \
                and not known_name(v, sp.name_start):
            return None  # "وفيما يتعلق بنظرته للمستقبل قال": an unknown run before the verb is no name
        return sp

    def scan(self, v: SentenceView) -> None:
        lex = lexicon()
        sent_atts: list[Attribution] = []
        pending_via: list[ViaRef] = []
        open_indirect: Attribution | None = None
        i = 0
        while i < len(v):
            t = v.tokens[i]
            if t.start <= self.covered_until:
                i += 1
                continue
            att = None
            nxt = i + 1
            # 1. source phrases: بحسب X، وفقاً لـ X، نقلاً عن X
            p = v.phrase_at(i, lex.source_phrases)
            cue = v.cue(i)
            if p and not (cue and cue.pos == "verb" and len(p) == 1):
                k = i + len(p)
                if k < len(v) and v.norms[k] == "ل":  # وفقا لـ
                    k += 1
                if k < len(v) and (v.cue(k) is not None and v.cue(k).pos == "verb" or v.cue_with_pronoun(k)):
                    k += 1  # وفق ما نقلت وكالة الأنباء ...، بحسب ما ذكرت الصحيفة، وفقاً لما ذكره مصدر
                sp = parse_speaker(v, k)
                if sp is None:
                    i = k
                    continue
                # an outlet quoting someone: "وفق ما نقلت وكالة الأنباء السعودية عن المتحدث الأمني" is the
                # spokesman's statement, relayed by the agency
                relayed_by = None
                if sp.kind == "media" and sp.end + 1 < len(v) and v.norms[sp.end] == "عن":
                    inner = parse_speaker(v, sp.end + 1, after_preposition=True)
                    if inner is not None and inner.kind != "media":
                        relayed_by, sp = sp, inner
                # the outlet the source spoke to: "بحسب ما أفاد مصدر أمني وكالة فرانس برس", "حسبما قال مسؤول لرويترز"
                told = parse_speaker(v, sp.end, after_preposition=True) if sp.kind != "media" else None
                told = told if told is not None and told.kind == "media" else None
                tail = told.end if told is not None else sp.end
                # "...، حسبما أفاد المرصد." ends its sentence: the content is the clause before it
                ends = all((v.is_punct(m) and not v.is_quote(m)) or v.bares[m] in lex.function_words
                           for m in range(tail, len(v)))
                # after a clause, a source phrase followed by at most three words before the full stop still
                # ends it: the words finish the source's name or say when ("حسبما ذكرت وكالة الأناضول للأنباء
                # الأربعاء"), they are no statement
                # ("وبلغ عدد القتلى، بحسب وزارة الصحة، 40 قتيلا" and "... لرويترز إن الوضع هادئ" go on)
                rest = [m for m in range(tail, len(v)) if not v.is_punct(m)]
                ends = ends or (any(not v.is_punct(m) for m in range(i)) and len(rest) <= 3
                                and not (tail < len(v) and v.is_comma(tail))
                                and not any(v.is_quote(m) or v.cue(m) or v.is_complementizer(m)
                                            or any(c.isdigit() for c in v.tokens[m].text) for m in rest))
                initial = self._clause_initial(v, i) and not ends
                phrase_text = self.doc.text[t.start:v.tokens[i + len(p) - 1].end]
                relay = lex.source_phrases[p]
                # the outlets this source's words came through: the one quoting it, the one it spoke to
                outlets = [o for o in (relayed_by, told) if o is not None]
                if initial and not relay:
                    m = tail + 1 if v.is_comma(tail) else tail
                    if told is not None and m < len(v) and v.is_complementizer(m):
                        m += 1  # "وبحسب ما قال مسؤول لرويترز إن ..."
                    if m < len(v) and v.cue(m) and v.cue(m).pos == "verb" and sp.kind == "media":
                        pending_via.append(via_ref(sp, v))  # وبحسب رويترز قال مسؤول ...
                        i = m
                        continue
                    if m < len(v):
                        if open_indirect is not None:
                            self._trim(open_indirect, v, i)
                        att = Attribution(v, sp, v.tokens[m].start, v.tokens[-1].end, phrase_text, t.start,
                                          v.tokens[i + len(p) - 1].end, "says")
                        att.via += [via_ref(o, v) for o in outlets]
                        sent_atts.append(att)
                        self.out.append(att)
                        open_indirect = att
                        i = m
                        continue
                    i = sp.end
                    continue
                prev = sent_atts[-1] if sent_atts else None
                if prev is not None:
                    self._trim(prev, v, i)
                    if relay:
                        if prev.speaker is not None and prev.speaker.kind == "media":
                            prev.via.insert(0, via_ref(prev.speaker, v))
                        prev.speaker = sp  # قالت صحيفة الغارديان ... نقلاً عن مصدرين
                    elif sp.kind == "media":
                        prev.via.append(via_ref(sp, v))
                    prev.via += [via_ref(o, v) for o in outlets if ends or o is relayed_by]
                    open_indirect = None
                else:
                    s0 = 0
                    while s0 < i and (v.is_punct(s0) or v.bares[s0] in _DISCOURSE):
                        s0 += 1
                    if s0 < i:
                        att = Attribution(v, sp, v.tokens[s0].start, v.tokens[i - 1].end, phrase_text, t.start,
                                          v.tokens[i + len(p) - 1].end, "says")
                        att.via += [via_ref(o, v) for o in outlets if ends or o is relayed_by]
                        self._trim(att, v, i)
                        sent_atts.append(att)
                        self.out.append(att)
                i = tail if ends else sp.end
                continue
            # 2. topic markers followed by a speaker and a quote: بدوره، أنجوس كينج، العضو ... "..."
            tp = v.phrase_at(i, lex.topic_markers) if self._clause_initial(v, i) else None
            if tp:
                k = i + len(tp)
                k = k + 1 if v.is_comma(k) else k
                sp = parse_speaker(v, k)
                if sp is not None:
                    colon = sp.end < len(v) and v.tokens[sp.end].text == ":"
                    m = sp.end + 1 if v.is_comma(sp.end) or colon else sp.end
                    if m < len(v) and v.is_quote(m) and v.tokens[m].start in self.quotes:
                        q = v.tokens[m].start
                        att = Attribution(v, sp, q, self.quotes[q] + 1,
                                          self.doc.text[t.start:v.tokens[i + len(tp) - 1].end],
                                          t.start, v.tokens[i + len(tp) - 1].end, "says", open_quote=q)
                if att is None:
                    i = k  # the marker is followed by an ordinary cue clause: من جانبها، قالت ...
                    continue
            # 3. cue words
            if att is None and cue is not None and cue.pos != "noun" and not self._inside_quote(t.start):
                if open_indirect is not None and not self._split_point(v, i, cue):
                    i += 1
                    continue
                if cue.pos == "participle":
                    if not sent_atts and not self.out:
                        i += 1
                        continue
                    att = self._scan_content(v, i + 1, cue, explicit=False)
                    speaker = None
                else:
                    speaker, j = None, i + 1
                    if cue.lemma == "نقل":
                        sp1 = parse_speaker(v, i + 1)
                        if sp1 and sp1.end < len(v) and v.norms[sp1.end] == "عن":
                            sp2 = parse_speaker(v, sp1.end + 1) or _said_name(v, sp1.end + 1)
                            if sp2:
                                speaker, j = sp2, sp2.end
                                pending_via = [via_ref(sp1, v)] + pending_via
                                if j < len(v) and v.cue(j) is None and lex.cues.get(v.norms[j]) and \
                                        lex.cues[v.norms[j]].pos == "noun":
                                    j += 1
                        elif sp1:
                            speaker, j = sp1, sp1.end
                    else:
                        # a subject before the verb wins (الممثلة دعت السلطات ...); else the one after it
                        speaker = self._pre_verbal(v, i)
                        if speaker is None:
                            speaker = parse_speaker(v, i + 1)
                            if speaker is not None:
                                j = speaker.end
                    explicit = speaker is not None
                    if explicit or self._clause_initial(v, i) or self._split_point(v, i, cue):
                        att = self._scan_content(v, j, cue, explicit)
                    if att is not None:
                        att.speaker = speaker
                if att is not None:
                    att.cue, att.cue_start, att.cue_end = t.text, t.start, t.end
                    att.via = pending_via + att.via
                    pending_via = []
            if att is not None:
                if open_indirect is not None:
                    self._trim(open_indirect, v, i)
                sent_atts.append(att)
                self.out.append(att)
                if att.open_quote is not None:
                    self.covered_until = att.end - 1
                    open_indirect = None
                    nxt = next((m for m in range(i + 1, len(v)) if v.tokens[m].start >= att.end), len(v))
                else:
                    open_indirect = att
                    nxt = next((m for m in range(i + 1, len(v)) if v.tokens[m].start >= att.start), len(v))
            i = max(nxt, i + 1)

    def _trim(self, att: Attribution, v: SentenceView, i: int) -> None:
        """End an open indirect statement before token i, dropping connectives and punctuation."""
        k = i - 1
        while k >= 0 and v.tokens[k].start >= att.start and (
                v.is_comma(k) or v.is_punct(k) and not v.is_quote(k) or v.bares[k] in ("ذلك", "وذلك")
                or v.norms[k] in ("وذلك", "فيما", "بينما", "كما", "و")):
            k -= 1
        if k >= 0 and v.tokens[k].end > att.start:
            att.end = min(att.end, v.tokens[k].end)


def find_attributions(doc: Document) -> list[Attribution]:
    """Every attribution in the document, in text order, with speaker phrases not yet resolved."""
    scanner = _Scanner(doc)
    for sent in doc.sentences:
        toks = doc.sentence_tokens(sent)
        if toks:
            scanner.scan(SentenceView(doc, toks))
    for att in scanner.out:
        _finish(doc, att, scanner.quotes)
    return [a for a in scanner.out if a.end > a.start]


def _finish(doc: Document, att: Attribution, quotes: dict[int, int]) -> None:
    """Trim the content span and mark it direct when it is one quotation."""
    text = doc.text
    s, e = att.start, att.end
    while s < e and (text[s].isspace() or text[s] in "،,:;؛"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "،,:;؛.…"):
        e -= 1
    if s in quotes and quotes[s] >= e - 1:
        att.direct = True
        s, e = s + 1, quotes[s]
    att.start, att.end = s, e

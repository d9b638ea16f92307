"""Speaker phrases: parse the noun phrase naming who speaks, and classify it (named, role, anonymous ...)."""
from __future__ import annotations

from dataclasses import dataclass

from marsad.entities.lexicon import cues
from marsad.statements.lexicon import lexicon
from marsad.statements.lookup import affiliations
from marsad.statements.view import MEDIA_GENITIVES, SentenceView
from marsad.text import normalize
from marsad.text.tokenize import is_hashtag_sign

# Relative pronouns that open an anonymity clause: المسؤول الذي طلب عدم ذكر اسمه.
_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان"})
# Words that may directly follow a speaker's name (not time words: "وقال أمس الأربعاء" has no name).
_BOUNDARY = frozenset({"في", "خلال", "علي", "عبر", "من", "عن", "الي", "مع", "لدي", "امام", "بعد", "قبل", "عقب",
                       "ان", "بان", "انه", "انها", "ايضا", "كذلك", "مجددا", "الذي", "التي", "الذين"})
_ONE_OF = frozenset({"احد", "احدي", "بعض"})
_PP = frozenset({"في", "من", "لدي", "داخل"})
# Plural and dual heads share a family so that "المصادر" refers back to "مصدرين".
_FAMILY = {"مصادر": "مصدر", "مصدرين": "مصدر", "مصدران": "مصدر", "مصدرا": "مصدر", "مسوولين": "مسوول",
           "مسوولون": "مسوول", "مسوولان": "مسوول", "مسووله": "مسوول", "شخصيات": "شخص", "شخصيه": "شخص",
           "اشخاص": "شخص", "مطلعون": "مطلع", "مطلعين": "مطلع", "دبلوماسيون": "دبلوماسي",
           "دبلوماسيين": "دبلوماسي", "ضباط": "ضابط"}
_PLURAL = frozenset({"مصادر", "مصدرين", "مصدران", "مسوولين", "مسوولون", "مسوولان", "شخصيات", "اشخاص",
                     "مطلعون", "مطلعين", "دبلوماسيون", "دبلوماسيين", "ضباط"})


@dataclass
class SpeakerPhrase:
    """A parsed speaker noun phrase: tokens [start, end) of the sentence view and what they name."""

    start: int
    end: int
    kind: str  # named_person | role | anonymous | organization | media | document | collective
    head: str = ""  # normalised head noun (anonymous family, role or media noun)
    name: str | None = None  # the person's name, or the outlet's English name for media
    name_start: int | None = None
    name_end: int | None = None
    role: str | None = None  # normalised role phrase, for "المتحدث باسم ..." back-references
    definite: bool = False  # المصدر، الصحيفة: refers back
    plural: bool = False
    affiliation: str | None = None
    entity: str | None = None

    @property
    def family(self) -> str:
        return _FAMILY.get(self.head, self.head)


def _is_adjective(v: SentenceView, i: int, definite: bool) -> bool:
    """A nisba or participle adjective agreeing with its head (أمني، الإيرانية، المطلعة، رفيع)."""
    if i >= len(v) or v.tokens[i].kind != "word" or v.cue(i):
        return False
    s = v.stems[i]
    if v.has_article(i) != definite:
        return False
    if any(s.endswith(suf) for suf in ("ي", "يه", "يين", "يون", "يان")) and len(s) > 3:
        return True
    return s in {"مطلع", "مطلعه", "مطلعون", "مطلعين", "رفيع", "رفيعه", "كبير", "كبار", "بارز", "بارزه",
                 "اخر", "اخري", "اخرون", "اخرين", "مقرب", "مقربه", "مقربون", "مقربين", "مسوول", "رسمي"}


def _adjectives(v: SentenceView, i: int, definite: bool) -> int:
    while _is_adjective(v, i, definite):
        i += 1
    return i


def _nominal(v: SentenceView, i: int) -> bool:
    """A content word that can be a genitive complement (not a function word, cue or punctuation)."""
    return (i < len(v) and v.tokens[i].kind in ("word", "latin") and v.norms[i] not in lexicon().function_words
            and v.bares[i] not in lexicon().function_words and not v.cue(i) and not v.is_complementizer(i))


def _anon_marker_end(v: SentenceView, i: int) -> int | None:
    """End of an anonymity clause starting at i (الذي طلب عدم ذكر اسمه، المطلع)."""
    j = i + 1 if i < len(v) and v.norms[i] in _RELATIVES else i
    if j < len(v) and v.is_comma(j):
        j += 1
    p = v.phrase_at(j, lexicon().anon_markers)
    return j + len(p) if p else None


def _name_run(v: SentenceView, i: int) -> int:
    """End of a run of name-like words at i (دونالد ترامب، عباس موسوي), or i if there is none."""
    lex = lexicon()
    j = i
    while j < len(v) and j - i < 4:
        t = v.tokens[j]
        if t.kind not in ("word", "latin") or v.is_complementizer(j):
            break
        n, b = v.norms[j], v.bares[j]
        if n in lex.function_words or b in lex.function_words or v.stems[j] in lex.function_words or v.cue(j) \
                or v.noun_kind(j):
            break
        if j == i and (v.has_article(j) or n.startswith("ل") and t.prefix_end > t.start):
            break
        if j > i and v.affiliation(j, j + 1):
            break  # a demonym after the name is an adjective (ترامب الأمريكي)
        j += 1
        if j - 1 > i and v.has_article(j - 1):
            break  # an ال-word ends a name (مصطفى الكاظمي), it does not open a longer phrase
    if j == i:
        return i
    return j if _boundary(v, j) else i


def _boundary(v: SentenceView, j: int) -> bool:
    """A name ends at punctuation, a complementizer, a preposition, a ل-phrase, a role noun or the end."""
    return j >= len(v) or (v.is_punct(j) or v.is_complementizer(j) or v.is_pronominal_complementizer(j)
                           or v.bares[j] in _BOUNDARY or v.cue(j) is not None or v.noun_kind(j) == "role"
                           or (v.norms[j][:1] == "و" and v.noun_kind(j) is not None)  # X والمستشارة Y
                           or (v.norms[j].startswith("ل") and v.tokens[j].prefix_end > v.tokens[j].start))


def _quoted_name(v: SentenceView, i: int) -> SpeakerPhrase | None:
    """A person's name in quotation marks, as some outlets write it: وقال "سالم بن خلفان القريني"، ..."""
    if not v.is_quote(i) or i + 1 in v.outlet_at:
        return None
    close = next((m for m in range(i + 1, min(len(v), i + 6)) if v.is_quote(m)), None)
    if close is None or close == i + 1 or not _boundary(v, close + 1):
        return None
    inner = range(i + 1, close)
    if any(v.tokens[m].kind not in ("word", "latin") or v.noun_kind(m) or v.cue(m) for m in inner):
        return None
    name = " ".join(v.tokens[m].text for m in inner)
    return SpeakerPhrase(i, close + 1, "named_person", name=name, name_start=i + 1, name_end=close)


def known_name(v: SentenceView, i: int) -> bool:
    """A single word is a name when it occurs earlier in the article inside a longer name-like run
    (ترامب after دونالد ترامب) or is followed by an apposition."""
    t = v.tokens[i]
    if v.is_comma(i + 1) and i + 2 < len(v) and v.noun_kind(i + 2) == "role":
        return True
    word = t.text
    before = v.doc.text[:t.start]
    k = before.rfind(" " + word)
    for _ in range(20):  # the last few earlier occurrences are enough
        if k < 0:
            break
        prev = before[max(0, k - 40):k].rstrip().split()
        if prev and prev[-1] not in ("،", ",", ".") and not prev[-1].startswith(("ال", "وال")) \
                and normalize(prev[-1]) not in lexicon().function_words:
            return True
        k = before.rfind(" " + word, 0, k)
    return False


def _entity(v: SentenceView, i: int):
    t = v.tokens[i]
    return v.doc.entity_at(t.start, t.end)


def _entity_end(v: SentenceView, i: int, ent) -> int:
    """Token index after the entity mention covering token i."""
    t = v.tokens[i]
    m = next(m for m in ent.mentions if m.start < t.end and t.start < m.end)
    j = i
    while j < len(v) and v.tokens[j].start < m.end:
        j += 1
    return j


def _appositive(v: SentenceView, j: int) -> tuple[int, str | None] | None:
    """", المتحدث باسم الخارجية الإيرانية،" after a name: (end, normalised role) or None."""
    if j < len(v) and v.noun_kind(j) == "role":  # no comma: "واصل أبو يوسف عضو اللجنة التنفيذية"
        end = _role_phrase(v, j)
        return end, " ".join(v.stems[j:end])
    if not (v.is_comma(j) and j + 1 < len(v) and v.noun_kind(j + 1) in ("role", "anonymous")):
        return None
    k = j + 1
    lex = lexicon()
    while k < len(v) and k - j < 12 and not (v.is_punct(k) or v.is_complementizer(k) or v.cue(k)):
        if v.norms[k] in lex.function_words and v.norms[k] not in _PP and v.norms[k] != "في":
            break
        k += 1
    return k, " ".join(v.stems[j + 1:k])


def _person_at(v: SentenceView, j: int) -> bool:
    """Does a person's name start at j or right after it ("الوزير السابق باسم السالم": باسم is the name)?"""
    return any((ent := _entity(v, k)) is not None and ent.type == "PER" for k in (j, j + 1) if k < len(v))


def _role_phrase(v: SentenceView, i: int) -> int:
    """End of a role phrase at i: head, one genitive (or باسم + noun), adjectives, one في/ب phrase."""
    definite = v.has_article(i)
    j = i + 1
    mw = v.phrase_at(i, lexicon().noun_phrases)
    if mw:
        j = i + len(mw)
    elif j < len(v) and v.stems[j] == "اسم" and _nominal(v, j + 1):  # المتحدث باسم الخارجية
        j += 2
        definite = v.has_article(j - 1)
    elif j < len(v) and v.noun_kind(j) == "role" and not v.has_article(i):
        return _role_phrase(v, j)  # وكيل وزير الخارجية، نائب رئيس الوزراء
    elif _nominal(v, j) and not _is_adjective(v, j, definite) and _entity(v, j) is None and (
            v.has_article(j) or v.noun_kind(j) == "organization"):
        j += 1  # وزير الخارجية
        definite = v.has_article(j - 1) or definite
    j = _adjectives(v, j, True) if definite else _adjectives(v, j, False)
    j = _adjectives(v, j, True)
    if j < len(v) and v.stems[j] == "اسم" and _nominal(v, j + 1) and j > i + 1 and not _person_at(v, j):
        j = _adjectives(v, j + 2, True)  # المتحدث الأمني باسم وزارة الداخلية (باسم is not the name Basim)
    # a genitive with ل: الأمين العام لحزب الله، عضو اللجنة التنفيذية لمنظمة التحرير الفلسطينية
    if j < len(v) and v.norms[j].startswith("ل") and not v.is_complementizer(j) and (
            v.tokens[j].prefix.startswith("ل") or _entity(v, j) is not None):
        ent = _entity(v, j)
        if ent is not None:
            j = _entity_end(v, j, ent)
        else:
            j += 1
            if _nominal(v, j) and v.has_article(j) and not _is_adjective(v, j, True):
                j += 1
        j = _adjectives(v, j, True)
    # a prepositional complement: النائب في الكونغرس الأمريكي، العضو في لجنة الاستخبارات بمجلس الشيوخ
    if j < len(v) and (v.norms[j] in ("في", "لدي")
                       or (v.tokens[j].prefix in ("ب", "بال") and v.noun_kind(j) == "organization")):
        k = j + 1 if v.norms[j] in ("في", "لدي") else j
        if _nominal(v, k) and (v.has_article(k) or v.noun_kind(k)):
            k += 1
            if _nominal(v, k) and v.has_article(k) and not _is_adjective(v, k, True) and v.noun_kind(k) != "role":
                k += 1
            k = _adjectives(v, k, True)
            # an organisation's name up to an apposition: المبعوث البريطاني بمنظمة حظر الأسلحة الكيماوية، بيتر ويلسون
            m = k
            while m < len(v) and m - k < 4 and _nominal(v, m) and v.noun_kind(m) != "role":
                m += 1
            if m > k and v.is_comma(m):
                k = m
            j = k
    return j


def _after_title(v: SentenceView, i: int) -> int:
    """The token after an honorific title or rank at i (الدكتور، الشيخ، الفريق أول ركن) when a person's
    name follows it; else i."""
    titles = cues().titles
    for k in (3, 2, 1):
        if i + k < len(v) and " ".join(v.norms[i:i + k]) in titles:
            n = _past_hashtag(v, i + k)  # "وقال الأمير #محمد_بن_سلمان"
            ent = _entity(v, n) if n < len(v) else None
            return n if ent is not None and ent.type == "PER" else i
    return i


def _past_hashtag(v: SentenceView, i: int) -> int:
    """i, or the token after a hashtag sign at i."""
    while i < len(v) and is_hashtag_sign(v.tokens[i]):
        i += 1
    return i


def parse_speaker(v: SentenceView, i: int, after_preposition: bool = False) -> SpeakerPhrase | None:
    """The speaker phrase starting at token i, or None if the words there do not name a speaker.

    A word with a prepositional proclitic (للصحيفة، بالمسؤول) is not a subject unless the caller is
    reading a prepositional phrase (`after_preposition`, for "للصحيفة" and "لـCNN").
    """
    i = _past_hashtag(v, i)  # a hashtag as subject: "قال #أنور_قرقاش"
    if i >= len(v):
        return None
    if not after_preposition and (i in v.outlet_clitic or (
            v.tokens[i].prefix.lstrip("وف")[:1] in ("ل", "ب", "ك") and i not in v.outlet_at)):
        return None
    start = i
    lex = lexicon()
    if v.bares[i] in _ONE_OF and i + 1 < len(v):
        i += 1
    elif (v.bares[i] in lex.function_words or v.norms[i] in lex.function_words
          or v.stems[i] in lex.function_words) and i not in v.outlet_at:
        return None  # "وفي وقت سابق ذكرت ..." starts with an adverbial, not a speaker
    quoted = _quoted_name(v, i)
    if quoted is not None:
        return quoted
    # an outlet, possibly behind its kind noun or in quotes: رويترز، وكالة "رويترز"، صحيفة وول ستريت جورنال
    k = i
    if k not in v.outlet_at and v.noun_kind(k) == "media":
        k += 1
    if v.is_quote(k) and k + 1 in v.outlet_at:
        o_end, en, iso = v.outlet_at[k + 1]
        end = o_end + 1 if v.is_quote(o_end) else o_end
        return SpeakerPhrase(start, end, "media", head=v.stems[i], name=en, affiliation=iso,
                             name_start=k + 1, name_end=o_end)
    if k in v.outlet_at:
        o_end, en, iso = v.outlet_at[k]
        ent = _entity(v, k)
        if ent is not None and getattr(ent, "kind", None) == "media":
            o_end = max(o_end, _entity_end(v, k, ent))  # وكالة الأناضول للأنباء
        return SpeakerPhrase(start, o_end, "media", head=v.stems[i], name=en, affiliation=iso,
                             name_start=k, name_end=o_end)
    i = _after_title(v, i)  # "وقال الدكتور عماد المحيسن": the title is in the phrase, the name after it
    ent = _entity(v, i)
    # a one-word person must end at a boundary: the tagger's "اامس" in "وقال اامس الأربعاء" is no speaker
    if ent is not None and ent.type in ("PER", "ORG", "GPE") and (
            ent.type != "PER" or _entity_end(v, i, ent) > i + 1 or _boundary(v, i + 1)):
        j = _entity_end(v, i, ent)
        if ent.type != "PER":
            j = _adjectives(v, j, True)  # المرصد السوري لحقوق الإنسان المعارض
        kind = {"PER": "named_person", "ORG": "organization", "GPE": "organization"}[ent.type]
        if getattr(ent, "kind", None) == "media" or v.noun_kind(i) == "media":  # the actor table marks outlets
            kind = "media"
        name = (ent.name_en or ent.name) if kind == "media" else ent.name
        sp = SpeakerPhrase(start, j, kind, name=name, name_start=i, name_end=j, entity=ent.id, head=v.stems[i],
                           affiliation=ent.affiliation if ent.affiliation and len(ent.affiliation) == 3 else None)
        app = _appositive(v, j)
        if app:
            sp.end, sp.role = app
        sp.affiliation = sp.affiliation or v.affiliation(i, sp.end)
        return sp
    kind = v.noun_kind(i)
    definite = v.has_article(i)
    if kind == "anonymous":
        j = _adjectives(v, i + 1, definite)
        if j < len(v) and v.norms[j] in _PP and _nominal(v, j + 1):  # مصدرين في الاستخبارات
            j = _adjectives(v, j + 2, True)
            if _nominal(v, j) and v.has_article(j) and v.noun_kind(j) in ("organization", None) and not v.cue(j):
                j = _adjectives(v, j + 1, True)
        m = _anon_marker_end(v, j)
        if m:
            j = m
        elif v.is_comma(j):
            ent = _entity(v, j + 1) if j + 1 < len(v) else None
            n_end = _entity_end(v, j + 1, ent) if ent is not None and ent.type == "PER" else _name_run(v, j + 1)
            bare_run = not any(v.has_article(m) for m in range(j + 1, n_end))
            if (n_end >= j + 3 and bare_run) or (ent is not None and ent.type == "PER"):
                name = ent.name if ent is not None else " ".join(t.text for t in v.tokens[j + 1:n_end])
                return SpeakerPhrase(start, n_end, "named_person", head=v.stems[i], name=name, name_start=j + 1,
                                     name_end=n_end, role=" ".join(v.stems[i:j]),
                                     affiliation=v.affiliation(start, n_end),
                                     entity=ent.id if ent is not None else None)
        return SpeakerPhrase(start, j, "anonymous", head=v.stems[i], definite=definite,
                             plural=v.stems[i] in _PLURAL, affiliation=v.affiliation(start, j))
    if kind == "media":
        j = i + 1
        name = name_start = name_end = None
        # وكالة الأنباء الرسمية "سانا"، وكالة أنباء فارس، شبكة التلفزيون الرسمية
        if j < len(v) and v.stems[j] in MEDIA_GENITIVES:
            if v.has_article(j) and j + 1 in v.outlet_at:
                # an adjective that is an outlet's name makes the whole phrase that name: وكالة الأنباء الفرنسية
                o_end, en, iso = v.outlet_at[j + 1]
                return SpeakerPhrase(start, o_end, "media", head=v.stems[i], name=en, affiliation=iso,
                                     name_start=i, name_end=o_end)
            j = _adjectives(v, j + 1, v.has_article(j))
            if j in v.outlet_at:
                o_end, en, iso = v.outlet_at[j]
                return SpeakerPhrase(start, o_end, "media", head=v.stems[i], name=en, affiliation=iso,
                                     name_start=j, name_end=o_end)
        # an outlet the tables do not know, named in quotes or by a run of words: صحيفة "ماركا" الإسبانية
        if v.is_quote(j):
            close = next((m for m in range(j + 1, min(len(v), j + 6)) if v.is_quote(m)), None)
            if close is not None and close > j + 1:
                name_start, name_end, j = j + 1, close, close + 1
        elif not definite:
            n_end = _name_run(v, j)
            if n_end > j:
                name_start, name_end, j = j, n_end, n_end
        if name_start is not None:
            name = " ".join(t.text for t in v.tokens[name_start:name_end])
            definite = False
        j = _adjectives(v, j, definite)
        return SpeakerPhrase(start, j, "media", head=v.stems[i], definite=definite, affiliation=v.affiliation(i, j),
                             name=name, name_start=name_start, name_end=name_end)
    if kind == "role" or v.phrase_at(i, lex.noun_phrases):
        j = _role_phrase(v, i)
        if _anon_marker_end(v, j):  # مسؤول رفيع طلب عدم ذكر اسمه
            j = _anon_marker_end(v, j)
            return SpeakerPhrase(start, j, "anonymous", head=v.stems[i], definite=definite,
                                 affiliation=v.affiliation(start, j))
        role = " ".join(v.stems[i:j])
        # a name after the role, directly or after a comma: الرئيس الأمريكي دونالد ترامب / وزير الخارجية، مايك بومبيو
        for n_start in (j, j + 1):
            if n_start == j + 1 and not v.is_comma(j):
                continue
            n_start = _past_hashtag(v, n_start)
            q = _quoted_name(v, n_start) if n_start < len(v) else None
            if q is not None:
                return SpeakerPhrase(start, q.end, "named_person", head=v.stems[i], name=q.name,
                                     name_start=q.name_start, name_end=q.name_end, role=role,
                                     affiliation=v.affiliation(start, q.end))
            ent = _entity(v, n_start) if n_start < len(v) else None
            if ent is not None and ent.type == "PER":
                n_end = _entity_end(v, n_start, ent)
            else:
                ent = None
                n_end = _name_run(v, n_start)
            if n_end > n_start:
                name = " ".join(t.text for t in v.tokens[n_start:n_end])
                return SpeakerPhrase(start, n_end, "named_person", head=v.stems[i], name=ent.name if ent else name,
                                     name_start=n_start, name_end=n_end, role=role,
                                     entity=ent.id if ent else None, affiliation=v.affiliation(start, n_end))
        kind2 = kind if kind == "role" else lex.noun_phrases.get(v.phrase_at(i, lex.noun_phrases), "role")
        return SpeakerPhrase(start, j, kind2, head=v.stems[i], role=role, definite=definite,
                             affiliation=v.affiliation(start, j))
    if kind in ("document", "collective", "organization"):
        j = i + 1
        ent = _entity(v, j) if j < len(v) else None
        if kind == "organization" and ent is not None and ent.type in ("ORG", "GPE"):
            j = _entity_end(v, j, ent)  # قوات حلف شمال الأطلسي
        elif kind == "organization" and _nominal(v, j) and v.has_article(j) and not _is_adjective(v, j, True):
            j += 1  # وزارة الخارجية
        j = _adjectives(v, j, definite or v.has_article(j - 1))
        if kind == "document" and j + 1 < len(v) and v.stems[j] in ("صادر", "صادره") and v.norms[j + 1] == "عن":
            inner = parse_speaker(v, j + 2)  # بيان صادر عن وزارة الخارجية
            if inner:
                j = inner.end
        return SpeakerPhrase(start, j, kind, head=v.stems[i], definite=definite, affiliation=v.affiliation(start, j))
    _, countries = affiliations()
    for n in (2, 1):
        words = (v.bares[i],) + tuple(v.norms[i + 1:i + n])
        if len(words) == n and words in countries:
            return SpeakerPhrase(start, i + n, "organization", head=v.bares[i], name=" ".join(
                t.text for t in v.tokens[i:i + n]), affiliation=countries[words], name_start=i, name_end=i + n)
    n_end = _name_run(v, i)
    if n_end == i + 1 and not known_name(v, i):
        n_end = i  # one unknown word (فحوص، بيانا) is too weak to be a name
    if n_end > i:
        sp = SpeakerPhrase(start, n_end, "named_person", name=" ".join(t.text for t in v.tokens[i:n_end]),
                           name_start=i, name_end=n_end)
        app = _appositive(v, n_end)
        if app:
            sp.end, sp.role = app
        sp.affiliation = v.affiliation(i, sp.end)
        return sp
    return None

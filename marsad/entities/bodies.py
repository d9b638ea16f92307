"""Bodies the tagger missed: the definite name of an institution, a head ("body_head" rows of
data/entity_cues.tsv: ديوان، هيئة، لجنة، "رئاسة الجمهورية" ...) followed by words of the organisation glossary
("ديوان المظالم", "لجنة الحج العليا", "هيئة شؤون الإعلام", "المديرية العامة للسجون").

The name runs, inside one sentence and for at most eight words, as far as every word is in the glossary and
the words still read as one name (marsad.entities.gloss):
- after a word with the article come only its adjectives, a conjunct, or a phrase after ل ("الديوان رئيس" is
  no name); a phrase after ب or في is where the body is, not its name ("المحكمة العليا بالرياض");
- a title, a new body's head or a name after و ends it ("لجنة الحج العليا وهيئة شؤون الإعلام" are two);
- a ل-phrase right after a head with the article is an office's or a purpose's ("وكيل الجامعة للتطوير",
  "أبناء المديرية للدفاع عن أرضهم"), not part of the name;
- it must be definite before its first ل-phrase and at its end ("شركة جديدة لصناعة السيارات", "لجنة تحقيق"
  are any company, any committee);
- an adjective agrees with a noun of the name ("رئيس الحكومة الكندي": the head's adjective);
- a head with adjectives only needs a nationality or two adjectives ("الاتحاد الإنجليزي", "المحكمة الإدارية
  العليا"; not "الأمانة العامة", "الجهاز الفني");
- "not_body" rows are never names ("مجلس الإدارة": any company's board).

Once a body is named, its head alone with the article refers back to it (`find_head_mentions`: "أقام ديوان
المظالم ... تحت رعاية رئيس الديوان").
"""
from __future__ import annotations

import functools

from marsad.document import Token
from marsad.entities.affiliation import demonym_iso3
from marsad.entities.gloss import Gloss, gloss, glossary
from marsad.entities.lexicon import ListedName, bare_forms, cues, listed_names, strip_article
from marsad.entities.linking import Candidate, Group
from marsad.entities.matching import DocIndex, Hit, PhraseMatcher, select_longest
from marsad.entities.tagger import name_start
from marsad.text.normalize import normalize

_MAX_WORDS = 8


def glossable(words: tuple[str, ...]) -> bool:
    """Whether an organisation's name (normalised words) is descriptive enough to be glossed word by word: it
    opens with a body head; after a brand head it names a place ("بنك قطر الوطني") or runs on with the article
    ("الشركة الوطنية للسكك الحديد"), for "مصرف الإنماء" is Alinma Bank and "شركة سلامة للتأمين" Salama.
    Names of clubs, companies and airlines ("الهلال", "الخطوط التونسية") are names, not descriptions."""
    if len(words) < 2:
        return False
    first = strip_article(words[0][1:] if words[0].startswith("لل") else words[0])
    if first not in cues().body_heads or any((first,) + words[1:len(g)] == g for g in cues().not_bodies):
        return False  # no body head; "مجلس إدارة الشركة": any company's board
    if first in cues().brand_heads:
        second = glossary().get((strip_article(words[1]),))
        if second is not None and second.pos == "name":
            return True
        return len(words) > 2 and words[1].startswith("ال")  # "الشركة الوطنية للسكك الحديد"
    return True


def listed_name(words: tuple[str, ...]) -> ListedName | None:
    """The listed whole name (data/entity_names_en.tsv), also after a brand head: "شركة ماكدونالدز" is
    McDonald's, not "McDonald's Company"."""
    if words in listed_names():
        return listed_names()[words]
    if len(words) > 1 and strip_article(words[0]) in cues().brand_heads:
        return listed_names().get(words[1:])
    return None


@functools.cache
def _listed_matcher() -> PhraseMatcher:
    """The listed whole names of two words or more (data/entity_names_en.tsv), as phrases."""
    matcher = PhraseMatcher()
    for ws, listed in listed_names().items():
        if len(ws) > 1:
            matcher.add(" ".join(ws), listed)
    matcher.build()
    return matcher


def find_listed(index: DocIndex) -> list[Hit]:
    """Listed whole names of two words or more in the text, longest first where they overlap: a tagger span
    inside one is that name ("أوروبا" tagged LOC in "دوري أبطال أوروبا", the UEFA Champions League). A name
    stays inside one sentence, and one followed by a phrase with ل is another name ("دوري أبطال أوروبا لكرة
    اليد" is handball's competition, not the listed football one)."""
    tokens = index.tokens
    hits = []
    for h in _listed_matcher().find(index):
        after = tokens[h.last + 1] if h.last + 1 < len(tokens) else None
        if tokens[h.first].sent != tokens[h.last].sent:
            continue
        if after is not None and after.sent == tokens[h.last].sent and after.prefix_end > after.start \
                and index.doc.text[after.start:after.prefix_end].lstrip("وف").startswith("ل"):
            continue
        hits.append(h)
    return select_longest(hits)


def find_bodies(index: DocIndex, taken: list[tuple[int, int]]) -> list[Candidate]:
    """ORG candidates for body names that overlap no span in `taken` (which gets their spans too)."""
    out, i = [], 0
    while i < len(index.tokens):
        body = _body_at(index, i)
        if body is not None and not any(s < body[1] and body[0] < e for s, e in taken):
            start, end, last, after_lam = body
            out.append(Candidate(start, end, "ORG", tuple(normalize(index.doc.text[start:end]).split()),
                                 after_lam=after_lam))
            taken.append((start, end))
            i = last + 1
        else:
            i += 1
    return out


class _Word:
    """A token of a body's name: its proclitics, bare form and glossary entry."""

    def __init__(self, text: str, tok: Token) -> None:
        self.proclitics = normalize(text[tok.start:tok.prefix_end])
        self.bare = strip_article(normalize(text[tok.prefix_end:tok.end]))
        self.article = self.proclitics.endswith(("ال", "لل"))
        self.conj = self.proclitics[:1] == "و"
        outer = self.proclitics[1:] if self.conj else self.proclitics
        self.lam, self.ba = outer[:1] == "ل", outer[:1] == "ب"
        self.entry: Gloss | None = glossary().get((self.bare,))

    @property
    def pos(self) -> str:
        return self.entry.pos if self.entry is not None else ""


def _head_length(index: DocIndex, i: int, bare: str) -> int:
    """Tokens of the longest body head that starts at token i with this first word, else 0."""
    for head in cues().body_heads.get(bare, []):
        if tuple(t.norm for t in index.tokens[i + 1:i + len(head)]) == head[1:]:
            return len(head)
    return 0


@functools.lru_cache(maxsize=65536)
def _may_be_head(norm: str) -> bool:
    """Whether a normalised token, without some outer proclitics and the article, is a head's first word (a
    quick test before the token is read closely)."""
    return any(strip_article(form) in cues().body_heads for form in bare_forms(norm))


def _body_at(index: DocIndex, i: int) -> tuple[int, int, int, bool] | None:
    """(start, end, last token, after لل) of the body name that starts at token i, or None."""
    toks, text = index.tokens, index.doc.text
    tok = toks[i]
    if tok.kind != "word" or not _may_be_head(tok.norm):
        return None
    first = _Word(text, tok)
    whole = strip_article(tok.norm)  # "لجنة" is no ل + جنة
    n_head = _head_length(index, i, whole) or (_head_length(index, i, first.bare) if first.proclitics else 0)
    if not n_head:
        return None
    start = tok.start if _head_length(index, i, whole) else name_start(tok, "ORG")
    after_lam = normalize(text[tok.start:start]).endswith("لل")
    if after_lam:
        start -= 1  # "للهيئة": the span starts at the ل that stands for the article, as the matcher's do
    definite, in_phrase, adjs, nationality, rest = first.article or after_lam, False, 0, False, False
    named = False  # the word before is a name ("جامعة قطر للعلوم")
    genitive = n_head > 1  # a noun in construct has been read ("هيئة الإذاعة")
    entry = glossary().get((whole,)) or first.entry
    genders = {entry.gender} if entry is not None else set()  # of the nouns read so far
    best = None
    for j in range(i + 1, min(i + _MAX_WORDS, len(toks))):
        t = toks[j]
        if t.kind != "word" or t.sent != tok.sent or t.norm in cues().body_ends:
            break
        w = _Word(text, t)
        if j >= i + n_head:
            if w.ba or w.bare in cues().person_cues or (w.conj and w.pos == "name"):
                break  # where the body is; a title; "البنك وعلى" (و + على is no name)
            if w.bare in cues().body_heads and (w.conj or w.lam or not w.article):
                break  # a new body's name begins
            if w.lam and not in_phrase:
                if not (definite or named):
                    break  # "شركة جديدة لصناعة السيارات": any company
                if j == i + n_head and not after_lam and first.article:
                    break  # "وكيل الجامعة للتطوير", "أبناء المديرية للدفاع": an office's or a purpose's ل
                in_phrase = True
            if definite and not w.conj and not w.lam and not (w.article and w.pos == "adj"):
                break  # after a definite word only its adjectives: "الديوان رئيس" is no name
            if w.conj and not (in_phrase or genitive):
                break  # "الحكومة والمستثمرين": two things, not one name ("هيئة الإذاعة والتلفزيون" is one)
            if not definite and w.pos != "adj" and not w.lam:
                genitive = True
            if w.pos == "adj" and genders and w.entry.gender not in genders:
                break  # "رئيس الحكومة الكندي": the adjective is the head's, not the government's
            if w.pos == "adj" and not w.conj and not in_phrase:
                adjs += 1
                nationality = nationality or demonym_iso3("ال" + w.bare) is not None
            elif w.pos != "adj":
                rest = True
        definite, named = w.article, w.pos == "name"
        if w.pos in ("noun", "name"):
            genders.add(w.entry.gender)
        if j < i + n_head - 1 or not (w.article or w.pos == "name"):
            continue
        words = tuple(normalize(text[start:t.end]).split())
        key = ("ال" + words[0][1:],) + words[1:] if after_lam else words
        plain = (strip_article(key[0]),) + key[1:]
        if (not rest and j >= i + n_head and not (nationality or adjs >= 2)) \
                or any(plain[:len(g)] == g for g in cues().not_bodies) or not gloss(key):
            continue
        best = (start, t.end, j, after_lam)
    return best


@functools.cache
def _honorifics() -> frozenset[str]:
    """One-word titles without the article ("الشيخ"): a person's name follows, so "رئيس الديوان الشيخ خالد" still
    refers back to the board; "الديوان الملكي" (the last word of "صاحب السمو الملكي") is another body."""
    return frozenset(strip_article(t) for t in cues().titles if " " not in t)


def find_head_mentions(index: DocIndex, groups: list[Group]) -> None:
    """A body's head alone with the article ("الديوان", "الوزارة", "للهيئة") after the body is named: a mention
    of the nearest body before it with that head, named with a definite end ("بوصفه منظمة إرهابية" is a
    description, not a name).
    Not when a glossary word with the article or a ل-phrase follows ("الوزارة الأمريكية", "القوات الأجنبية",
    "الهيئة العامة" are other bodies; a title such as الشيخ does not count), nor inside another mention or a
    role."""
    text = index.doc.text
    named: list[tuple[int, str, Group]] = []  # (where a body is named, its head, the body)
    for g in groups:
        if g.type != "ORG" or g.actor is not None:
            continue
        for m in g.mentions:
            head = m.key[0] if m.key else ""
            if head in cues().body_heads and len(m.words) > 1 and not _indefinite(m.words[-1]):
                named.append((m.start, head, g))  # not "بوصفه منظمة إرهابية": a description, no name
    if not named:
        return
    taken = [(m.start, m.end) for g in groups for m in g.mentions] + [s for g in groups for s in g.role_mentions]
    for i, tok in enumerate(index.tokens):
        if tok.kind != "word" or not _may_be_head(tok.norm):
            continue
        w = _Word(text, tok)
        if not w.article or w.bare not in cues().body_heads or any(s < tok.end and tok.start < e for s, e in taken):
            continue
        nxt = index.tokens[i + 1] if i + 1 < len(index.tokens) else None
        if nxt is not None and nxt.kind == "word" and nxt.sent == tok.sent:
            after = _Word(text, nxt)
            if ((after.article and after.pos in ("adj", "noun")) or after.lam) and after.bare not in _honorifics():
                continue  # "الوزارة الأمريكية", "القوات الأجنبية", "الهيئة العامة للسياحة": another body
        before = [(start, g) for start, head, g in named if head == w.bare and start < tok.start]
        if not before:
            continue
        body = max(before, key=lambda x: x[0])[1]
        start = name_start(tok, "ORG")
        if normalize(text[tok.start:start]).endswith("لل"):
            start -= 1  # "للهيئة", as the matcher's mentions after لل
        body.head_mentions.append((start, tok.end))


def _indefinite(norm: str) -> bool:
    """A glossary noun or adjective without the article ("ارهابيه" in "منظمة إرهابية")."""
    entry = glossary().get((norm,))
    return not norm.startswith(("ال", "لل", "وال")) and entry is not None and entry.pos in ("adj", "noun")

"""Roles the text states around a person's name, state institutions (head + demonym), and role references.

- before the name: "الرئيس الأمريكي دونالد ترامب", "وزير الخارجية الأمريكي، مايك بومبيو"
- after it, as an appositive: "عباس موسوي، المتحدث باسم الخارجية الإيرانية،"
- a role phrase attached to a named person and repeated later refers to that person
  ("وطالب المتحدث باسم الخارجية الإيرانية ...").
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from marsad.entities.affiliation import country_names, demonym_iso3
from marsad.entities.lexicon import Institution, bare_forms, club_names, cues, institutions, strip_article
from marsad.entities.matching import DocIndex, PhraseMatcher
from marsad.entities.translit import common_name_words, is_name_word
from marsad.text.normalize import normalize, strip_marks

# A role phrase is short: the head plus a few modifiers.
_MAX_BEFORE = 7
_MAX_AFTER = 10
_MAX_BARE_AFTER = 6  # a role written right after a name without a comma
_APPOSITIVE_MARKS = {",", "-", "–"}


@dataclass(slots=True)
class Role:
    start: int
    end: int
    first: int  # token range [first, last]
    last: int
    iso3: str | None  # country from a demonym inside the role
    lost_article: bool = False  # "للرئيس": the head's ال lost its alef after ل; the role text restores it

    def text(self, doc_text: str) -> str:
        """The role as written, with its article restored ("للرئيس اليمني" -> "الرئيس اليمني")."""
        return ("ال" if self.lost_article else "") + doc_text[self.start:self.end]


def _word_forms(norm: str) -> set[str]:
    """A token's normalised form without outer proclitics, with and without the article."""
    out = set()
    for f in bare_forms(norm):
        out.add(f)
        out.add(strip_article(f))
    return out


@functools.cache
def _heads_by_first_word() -> dict[str, tuple[tuple[int, tuple[str, ...]], ...]]:
    """A role head's first word, as written and without its article -> (rank among the heads, longest first;
    the head), so that a token is compared only with the heads it can begin."""
    out: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for rank, head in enumerate(cues().offices):
        for key in {head[0], strip_article(head[0])}:
            out.setdefault(key, []).append((rank, head))
    return {key: tuple(heads) for key, heads in out.items()}


def head_at(index: DocIndex, i: int) -> tuple[int, int, tuple[str, ...]] | None:
    """(number of tokens, proclitic chars, the head) of the longest role head starting at token i, else None."""
    toks = index.tokens
    by_first = _heads_by_first_word()
    candidates = sorted({c for form in _word_forms(toks[i].norm) for c in by_first.get(form, ())})
    for _, head in candidates:
        if i + len(head) > len(toks):
            continue
        if all(toks[i + n].norm == w for n, w in enumerate(head[1:], 1)):
            return len(head), _clitic_len(toks[i].norm, head[0]), head
    return None


def _clitic_len(norm: str, head_word: str) -> int:
    """Characters of outer proclitics before a head word inside a token (keeps the head's article)."""
    for k in range(0, min(3, len(norm) - 1) + 1):
        rest = norm[k:]
        if rest == head_word or strip_article(rest) == strip_article(head_word):
            return k
    return 0


def _lost_article(norm: str, k: int) -> bool:
    """The proclitics end in لل: ل + an article whose alef was dropped."""
    return k >= 2 and norm[:k].endswith("لل")


def _demonym(index: DocIndex, first: int, last: int) -> str | None:
    """The country of a role: a demonym in it ("وزير الخارجية الأمريكي"), else a country's name in
    construct with a word of the role ("وزير خارجية روسيا"; not "السفير في العراق", "مبعوث لسوريا")."""
    toks = index.tokens
    for i in range(first, last + 1):
        found = _demonym_at(index, i, last)
        if found:
            return found[1]
        for f in bare_forms(toks[i].norm):
            iso3 = demonym_iso3(f)
            if iso3:
                return iso3
    for i in range(first + 1, last + 1):
        if normalize(toks[i].prefix) not in ("", "ال") or toks[i - 1].norm in cues().place_preps:
            continue  # "ملك البحرين" yes; "مبعوث لسوريا", "السفير في العراق" no
        found = _country_at(index, i, last)
        if found:
            return found[1]
    return None


def _demonym_at(index: DocIndex, i: int, last: int) -> tuple[int, str] | None:
    """(last token, ISO3) of a demonym starting at token i, a two-word one first ("الكوري الشمالي" is North
    Korea's, not South Korea's)."""
    toks = index.tokens
    if i < last and demonym_iso3(f"{toks[i].norm} {toks[i + 1].norm}"):
        return i + 1, demonym_iso3(f"{toks[i].norm} {toks[i + 1].norm}")
    iso3 = demonym_iso3(toks[i].norm)
    return (i, iso3) if iso3 else None


def _is_stop(norm: str) -> bool:
    """Words that end a role phrase; also "لصحيفة"/"لوكالة" (said to an outlet)."""
    c = cues()
    if norm.startswith("ل") and strip_article(norm[1:]) in c.media:
        return True
    return any(f in c.stops for f in bare_forms(norm))


def role_before(index: DocIndex, first: int, blocked: set[int]) -> Role | None:
    """The role phrase right before a name starting at token `first` ("الرئيس الأمريكي" دونالد ترامب)."""
    toks = index.tokens
    if is_possessor(index, first) or _line_break(index, first - 1, first):
        return None
    j = first - 1
    if j >= 0 and toks[j].norm in _APPOSITIVE_MARKS:
        j -= 1
    # honorifics and one-word offices right before the name are passed over to an office before them ("ولي
    # ولي العهد الأمير محمد بن سلمان"); alone they are the role ("الأمير خالد الفيصل")
    k = j
    while k >= 0 and toks[k].kind == "word" and is_title_or_office(toks[k].norm) and k not in blocked \
            and (toks[k].norm,) not in cues().occupations and normalize(toks[k].prefix) in ("", "ال"):
        k -= 1
    if k < j:
        office = _role_ending_at(index, first, k, blocked)
        # not a name's body ("مركز الملك فيصل للبحوث الأمير تركي") or someone's campaign ("مساعد سابق في
        # حملة الرئيس دونالد ترامب"): then the honorific is the role
        if office is not None and not any(_names_someone(t.norm) or t.norm in cues().place_preps
                                          for t in toks[office.first:office.last + 1]):
            return office
    return _role_ending_at(index, first, j, blocked)


def _role_ending_at(index: DocIndex, first: int, j: int, blocked: set[int]) -> Role | None:
    """The role phrase whose last word is token j (or is cut to end before honorifics), for a name at `first`."""
    toks = index.tokens
    end_tok = j
    found: tuple[int, int] | None = None
    while j >= 0 and end_tok - j < _MAX_BEFORE:
        t = toks[j]
        if t.kind != "word" or j in blocked or _is_stop(t.norm) or _line_break(index, j, j + 1):
            break
        h = head_at(index, j)
        if h and j + h[0] - 1 <= end_tok:
            found = (j, h[1])
            if h[2] in cues().occupations:
                # an occupation word may end a longer office: "مدير المكتب الصحفي", "رئيس المهرجان المخرج";
                # not across a comma before the name ("وكيل اللاعب المصري، محمد صلاح" is the player)
                comma_before = toks[first - 1].norm in _APPOSITIVE_MARKS
                earlier = None if comma_before else _office_before(index, j, blocked)
                if earlier is not None:
                    found = earlier
                    break
                if _adjective_use(index, j):
                    return None  # "كتاب الأعمدة الصحفية، فينيسيوس": the press columns, no journalist
            # a head may itself follow a head: "نائب الرئيس", "مساعد وزير الخارجية", "الوكيل المساعد" (not
            # one with ل: "التصريحات الصحافية لوزير الخارجية")
            occupation_by_comma = h[2] in cues().occupations and toks[first - 1].norm in _APPOSITIVE_MARKS
            if j > 0 and h[1] == 0 and toks[j - 1].kind == "word" and (j - 1) not in blocked \
                    and not occupation_by_comma:
                h2 = head_at(index, j - 1)
                if h2:
                    found = (j - 1, h2[1])
            break
        j -= 1
    if not found:
        return None
    i, k = found
    end_tok = _before_titles(index, i, end_tok)
    if end_tok < i:
        return None
    return Role(index.char_offset(i, k), toks[end_tok].end, i, end_tok, _demonym(index, i, end_tok),
                _lost_article(toks[i].norm, k))


def under_preposition(index: DocIndex, first: int, start: int, first_word: str, own: frozenset[str] = frozenset()) -> bool:
    """Does a name's first word carry the preposition ل ("لترامب")? Then a role before it is someone else's
    ("المحامي الشخصي لترامب"). Only when what follows the ل is the person's own name word (`own`, a curated
    actor's) or a listed name word the whole token is not: not "لبيد", "لحسن", "لورا" (names the tagger
    reads whole), nor a club the tagger ran into the name ("المدير الفني لليفربول يورغن كلوب")."""
    tok = index.tokens[first]
    prefix = normalize(index.doc.text[tok.start:start])
    if not prefix or prefix.lstrip("وف") != "ل":
        return False
    if any(lab == "PER" and s == tok.start for s, _, lab in index.doc.entity_spans):
        return False
    if (first_word,) in club_names():
        return False
    return first_word in own or (is_name_word(first_word) and not is_name_word(tok.norm))


def coordinated(index: DocIndex, first: int, start: int, person_tokens: set[int]) -> bool:
    """Is a name joined by و to a person named just before ("هازار لاعب تشلسي وكيفين دي بروين")? Then a role
    before it is that person's. Not "وزير الخارجية الصيني وانغ يي", where no one precedes the role (the
    tokenizer took و from وانغ)."""
    tok = index.tokens[first]
    if not normalize(index.doc.text[tok.start:start]).startswith("و"):
        return False
    return any(i in person_tokens for i in range(max(0, first - _COORDINATION_REACH), first))


# how many words before a name joined by و another person's name (and role) may stand
_COORDINATION_REACH = 8


def is_possessor(index: DocIndex, first: int) -> bool:
    """Is a name the genitive of a bare office word right before it ("مستشار خادم الحرمين", "محامي راميرز")?
    Then the office is someone else's and no role is the name's. With ال ("الرئيس ترامب") or a pronoun
    ("محاميه مايكل كوهين") the office is the name's."""
    if first == 0:
        return False
    t = index.tokens[first - 1]
    h = head_at(index, first - 1)
    # "رئيسه مرتضى منصور", "لاعبه محسن متولي": a written ه is a pronoun (its president), not ة (رئيسة)
    return (t.kind == "word" and h is not None and h[0] == 1 and h[1] == 0 and not t.prefix
            and t.norm == strip_article(h[2][0]) and not strip_marks(t.text).endswith("ه"))


def _line_break(index: DocIndex, i: int, j: int) -> bool:
    """A line break between tokens i and j (a headline or a list item ends there)."""
    toks = index.tokens
    if i < 0 or j >= len(toks):
        return False
    return "\n" in index.doc.text[toks[i].end:toks[j].start]


def _adjective_use(index: DocIndex, j: int) -> bool:
    """An occupation word after a definite noun that it describes ("الأعمدة الصحفية", "التغطية الصحفية")."""
    # an adjective agrees in definiteness: both words carry the article and nothing else ("إلى مدرب المنتخب",
    # "والكاتب الرياضي", "بالمدرب" are no adjectives)
    if j == 0 or normalize(index.tokens[j].prefix) != "ال":
        return False
    prev = index.tokens[j - 1]
    return (prev.kind == "word" and normalize(prev.prefix) == "ال" and head_at(index, j - 1) is None
            and prev.norm not in cues().titles and not _is_stop(prev.norm))


def _office_before(index: DocIndex, j: int, blocked: set[int]) -> tuple[int, int] | None:
    """An office head (not an occupation) at most two words before the occupation at token j, with nothing
    between that carries و, ب or ل or ends a role ("مدير المكتب الصحفي"; not "المتحدث باسم عائلة الصحفي",
    "المدير الفني لليفربول الانجليزي بلاعبه")."""
    toks = index.tokens
    if toks[j].prefix and toks[j].prefix not in ("ال",):
        return None
    for i in range(j - 1, max(-1, j - 4), -1):
        t = toks[i]
        if t.kind != "word" or i in blocked or _is_stop(t.norm):
            return None
        h = head_at(index, i)
        if h and h[2] not in cues().occupations:
            return i, h[1]
        if t.prefix and t.prefix != "ال":
            return None
    return None


def _before_titles(index: DocIndex, first: int, last: int) -> int:
    """The last token of a role once honorifics and ranks right before the name are cut off."""
    titles = cues().titles
    while last > first:
        norms = [t.norm for t in index.tokens[first:last + 1]]
        n = next((n for n in (3, 2, 1) if n < len(norms) and " ".join(norms[-n:]) in titles), 0)
        if not n:
            break
        last -= n
    return last


def role_after(index: DocIndex, last: int, blocked: set[int], first: int | None = None) -> Role | None:
    """An appositive role after a name ending at token `last`: after a comma ("عباس موسوي، المتحدث باسم
    ...") or right after the name ("محمد بن زايد ولي عهد أبوظبي").

    Without a comma the head has no proclitic and the role (at most six words) must end at punctuation or a
    stop word; it ends before a word with و, before "في" and before a second phrase with ب or ل ("فينجر
    المدير الفني لأرسنال [للموقع الرسمي]"). It is refused when it reaches another name or a title, or when
    another name follows the punctuation that ends it: in "استقبل الملك سلمان ولي العهد الأمير محمد" and
    "وانتقد خامنئي الرئيس الأمريكي، دونالد ترامب" the role is the next name's. A name that is the genitive
    of a bare office ("مستشار خادم الحرمين الشريفين أمير منطقة مكة") has none. No role runs over a line break.
    """
    toks = index.tokens
    j = last + 1
    if j < len(toks) and _line_break(index, last, j):
        return None
    comma = j < len(toks) and toks[j].norm in _APPOSITIVE_MARKS
    if comma:
        j += 1
        if _line_break(index, j - 1, j):
            return None
    if j >= len(toks) or j in blocked:
        return None
    if not comma and first is not None and is_possessor(index, first):
        return None
    h = head_at(index, j)
    # "السيسي، ورئيس حزب الغد ..." coordinates another person; an appositive has no conjunction
    if not h or toks[j].norm[:1] in ("و", "ف") and h[1] > 0 or not comma and h[1] > 0:
        return None
    start_tok = j
    end_tok = j + h[0] - 1
    k = end_tok + 1
    closed = False
    preps = 0
    limit = _MAX_AFTER if comma else _MAX_BARE_AFTER
    while k < len(toks) and k - start_tok < limit:
        t = toks[k]
        if _line_break(index, k - 1, k):
            closed = True  # a role does not run over a line break
            break
        # without a comma, a word after و begins another constituent ("... للقوات المسلحة ووزير", "مدرب
        # لايبزغ ونيكو كوفاك"), and so do "في" ("وقال X وزير خارجية قطر في مؤتمر صحافي") and a second phrase
        # with ب or ل
        ends_bare = False
        if not comma and t.kind == "word":
            preps += t.prefix[:1] in ("ب", "ل") or t.prefix[1:2] in ("ب", "ل") and t.prefix[:1] in ("و", "ف")
            ends_bare = t.prefix.startswith("و") or t.norm in cues().bare_role_ends or preps > 1
        if not comma and not ends_bare and (k in blocked or _names_someone(t.norm)):
            return None
        if t.kind not in ("word", "number", "latin") or k in blocked or _is_stop(t.norm) or ends_bare:
            closed = True
            break
        end_tok = k
        k += 1
    # an appositive after a comma is closed by punctuation, a stop word or the text's end (a run-on is a
    # clause); one without a comma is cut at six words ("ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية")
    if not closed and k < len(toks) and comma:
        return None
    if not comma and k < len(toks) and toks[k].kind not in ("word", "number", "latin"):
        nxt = k + 1
        # "خامنئي الرئيس الأمريكي، دونالد ترامب"; not a list: "عادل الجبير وزير الخارجية، وخالد العيسى"
        if nxt < len(toks) and (nxt in blocked or _names_someone(toks[nxt].norm)) \
                and not toks[nxt].prefix.startswith("و"):
            return None
    return Role(index.char_offset(start_tok, h[1]), toks[end_tok].end, start_tok, end_tok,
                _demonym(index, start_tok, end_tok), _lost_article(toks[start_tok].norm, h[1]))


def _names_someone(norm: str) -> bool:
    """A title or a common given name: a name follows, whose role the words before it are."""
    return norm in cues().titles or is_given_name(norm)


def is_given_name(norm: str) -> bool:
    """A word of the common given-name list that is no particle or stop word ("سارة"; not "آن" = أن)."""
    return norm in common_name_words() and len(norm) > 2 and norm not in cues().stops


def is_occupation(index: DocIndex, role: Role) -> bool:
    """Does a role begin with an occupation ("اللاعب الإنجليزي") rather than an office?"""
    h = head_at(index, role.first)
    return h is not None and h[2] in cues().occupations


def role_words(index: DocIndex, role: Role) -> tuple[str, ...]:
    """The role as normalised words (its span already excludes outer proclitics)."""
    return tuple(normalize(role.text(index.doc.text)).split())


def role_continues(index: DocIndex, first: int, last: int) -> bool:
    """A role occurrence that is part of a longer role: "مساعد [وزير الدفاع]", "[وزير الدفاع] الأمريكي"."""
    toks = index.tokens
    if first > 0 and toks[first - 1].kind == "word" and head_at(index, first - 1):
        return True
    if last + 1 < len(toks):
        nxt = toks[last + 1].norm
        if demonym_iso3(nxt) or any(demonym_iso3(f) for f in bare_forms(nxt)):
            return True
    return False


@functools.cache
def _single_offices() -> frozenset[str]:
    return frozenset(strip_article(h[0]) for h in cues().offices if len(h) == 1)


def is_title_or_office(norm: str) -> bool:
    """A definite one-word office ("الرئيس") or honorific ("الشيخ"): never the start of a name.

    Indefinite forms are left alone: أمير, سلطان and ملك are also given names.
    """
    c = cues()
    return any(f.startswith("ال") and (strip_article(f) in _single_offices() or f in c.titles)
               for f in bare_forms(norm))


def find_role_repeats(index: DocIndex, words: tuple[str, ...], after: int) -> list[tuple[int, int, int, int]]:
    """Later occurrences (start, end, first, last) of a role phrase, clitics allowed on its first word."""
    toks = index.tokens
    out = []
    n = len(words)
    for i, t in enumerate(toks):
        if t.start < after or i + n > len(toks):
            continue
        if words[0] not in bare_forms(t.norm):
            continue
        if all(toks[i + m].norm == w for m, w in enumerate(words[1:], 1)):
            k = len(t.norm) - len(words[0])
            out.append((index.char_offset(i, k), toks[i + n - 1].end, i, i + n - 1))
    return out


def _country_at(index: DocIndex, j: int, last: int | None = None) -> tuple[int, str] | None:
    """(last token, ISO3) of a country's name starting at token j and ending by token `last`, longest first."""
    toks = index.tokens
    end = len(toks) - 1 if last is None else last
    names = country_names()
    for n in (3, 2, 1):
        words = tuple(t.norm for t in toks[j:min(j + n, end + 1)])
        if len(words) == n and words in names:
            return j + n - 1, names[words]
    return None


@dataclass(slots=True)
class InstitutionHit:
    start: int
    end: int
    first: int
    last: int
    institution: Institution
    iso3: str
    after_lam: bool = False


class InstitutionMatcher:
    """State institutions written as head + demonym: "الخارجية الإيرانية", "القوات الأمريكية"."""

    def __init__(self) -> None:
        self.matcher = PhraseMatcher()
        for inst in institutions():
            self.matcher.add(" ".join(inst.head), inst)
        self.matcher.build()

    def find(self, index: DocIndex) -> list[InstitutionHit]:
        toks = index.tokens
        out = []
        for h in self.matcher.find(index):
            j = h.last + 1
            if h.value.genitive:
                country = _country_at(index, j)
                if country is not None:
                    out.append(InstitutionHit(h.start, toks[country[0]].end, h.first, country[0], h.value,
                                              country[1], h.after_lam))
                continue
            if j >= len(toks) or not toks[j].norm.startswith("ال"):
                continue
            # "وكالة الأنباء الكورية الشمالية" is North Korea's
            found = _demonym_at(index, j, len(toks) - 1)
            if found and toks[j].norm.endswith("ه") == h.value.feminine:
                last, iso3 = found
                out.append(InstitutionHit(h.start, toks[last].end, h.first, last, h.value, iso3, h.after_lam))
        return out


"""Names that the words around them settle, after the network has tagged an article sentence by sentence.

The BiLSTM-CRF reads one sentence at a time and has seen few TV programmes, stadiums or Gulf football
clubs. Five rules, each checked against ANERcorp train's gold labels before it was kept (word lists in
data/entity_context.tsv, data/gazetteer/clubs.tsv and the outlet nouns of data/entity_cues.tsv; docs/evaluation/ner.md, "Context rules"):

- a quoted title after a work or venue noun is MISC, after an outlet noun ORG ("برنامج « حوار من القلب »");
- in a sports article (three or more sports words), a city tagged LOC that stands for its club is ORG:
  before a masculine nisba ("هامبورغ الألماني"), a bracketed country ("كوبنهاغن ( الدنمارك )"), a club
  suffix ("مانشستر يونايتد"), after a club prefix ("ريال مدريد", which joins the name), or a listed club;
- in a sports article, an untagged Arab club in a match context is ORG ("فاز الغرافة على الخور");
- a currency after an amount is MISC ("500 مليون دينار"), as ANERcorp tags "دولار";
- person names keep their particles: "فان نيستلروي", "محمد بن راشد آل مكتوم".

Nothing here reads the network's scores: the rules take BIO labels and return BIO labels, so
`marsad evaluate ner` can score them on their own.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from marsad.entities.bio import bio_spans
from marsad.entities.lexicon import PROCLITIC_LETTERS, bare_forms
from marsad.places import clubs, demonyms, gazetteer
from marsad.resources import read_tsv
from marsad.text.normalize import normalize, strip_marks

# opening quote -> closing quote, as tokens ("''" is ANERcorp's and some sites' double apostrophe)
QUOTES = {"«": "»", '"': '"', "“": "”", "'": "'"}
MAX_TITLE = 6  # words inside the quotes: longer quoted text is a quotation, not a title
SPORTS_WORDS = 3  # sports words that make an article a sports report
PUNCT = frozenset("(),.-:؛،\"'«»!?")


@dataclass(frozen=True)
class Context:
    heads: dict[str, str]  # normalised head noun -> label of the quoted name after it
    retype: frozenset[str]  # heads whose quoted name keeps the head's label even if tagged otherwise
    before: frozenset[str]
    last: frozenset[str]
    link: frozenset[str]
    currencies: frozenset[str]
    amounts: frozenset[str]
    currency_tails: frozenset[str]


@functools.cache
def context() -> Context:
    by_kind: dict[str, set[str]] = {}
    spelled: dict[str, set[str]] = {}
    for phrase, kind in read_tsv("entity_context.tsv")[1:]:
        by_kind.setdefault(kind, set()).add(normalize(phrase))
        spelled.setdefault(kind, set()).add(strip_marks(phrase))
    heads = {w: "MISC" for w in by_kind["work"] | by_kind["venue"]}
    heads.update({w: "ORG" for w in by_kind["outlet"]})
    # a stadium or an outlet is never a person or a place; a work's title may name one ("برنامج «القاعدة»")
    retype = frozenset(by_kind["venue"] | by_kind["outlet"])
    # particles are compared as spelled, hamza and madda kept: "فإن" is not "فان", "الـ" not "آل"
    return Context(heads, retype, frozenset(spelled["before"]), frozenset(spelled["last"]),
                   frozenset(spelled["link"]), frozenset(by_kind["currency"]), frozenset(by_kind["amount"]),
                   frozenset(by_kind["currency_tail"]))


@functools.cache
def _teams() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(w.split()) for w in clubs.words()["team"])


@functools.cache
def _sports_cues() -> frozenset[str]:
    kinds = clubs.words()
    return kinds["cue"] | kinds["doc_cue"]


@functools.cache
def _team_starts() -> frozenset[str]:
    """First words of the listed teams, with and without the article (to spot "للريان" cheaply)."""
    firsts = {t[0] for t in _teams()}
    return frozenset(firsts | {f[2:] for f in firsts if f.startswith("ال")})


def _set(labs: list[str], start: int, end: int, typ: str) -> None:
    labs[start:end] = [f"B-{typ}"] + [f"I-{typ}"] * (end - start - 1)


def _head(word: str) -> str | None:
    heads = context().heads
    return next((f for f in bare_forms(word) if f in heads), None)


def quoted_titles(norm: list[str], labels: list[str]) -> list[str]:
    """A quoted name right after a work, venue or outlet noun gets the noun's label when the tagger left
    it untagged; after a venue or outlet noun also when the tagger tagged it whole as something else."""
    ctx = context()
    labs = list(labels)
    i = 0
    while i < len(norm) - 2:
        if norm[i + 1] not in QUOTES:  # most words: no quote after them, no head to look up
            i += 1
            continue
        head = _head(norm[i])
        typ = ctx.heads[head] if head else None
        j = i + 1
        if typ and norm[j] == "'" and norm[j + 1] == "'":
            j += 1
        if typ and norm[j] in QUOTES and labs[j] == "O":  # not a quote inside a tagged name (قناة " المسيرة ")
            close = QUOTES[norm[j]]
            k = next((k for k in range(j + 1, min(len(norm), j + 2 + MAX_TITLE)) if norm[k] == close), None)
            if k and k > j + 1 and not (k == j + 2 and norm[j + 1] in demonyms.forms()):  # « الإسبانية »
                spans = bio_spans(labs[j + 1:k])
                if not spans or (head in ctx.retype and len(spans) == 1 and spans[0][:2] == (0, k - j - 1)):
                    _set(labs, j + 1, k, typ)
                i = k
        i += 1
    return labs


def is_sports(norm_sentences: list[list[str]]) -> bool:
    """Does a document hold at least `SPORTS_WORDS` sports words (clubs.tsv cue and doc_cue)?"""
    cues = _sports_cues()
    hits = 0
    for words in norm_sentences:
        for w in words:
            if w in cues or (w[:1] in PROCLITIC_LETTERS and any(f in cues for f in bare_forms(w))):
                hits += 1
                if hits >= SPORTS_WORDS:
                    return True
    return False


def clubs_named_after_cities(norm: list[str], labels: list[str]) -> list[str]:
    """In a sports article: LOC spans that stand for a club become ORG (see the module docstring)."""
    kinds = clubs.words()
    labs = list(labels)
    for a, b, typ in bio_spans(labels):
        if typ != "LOC":
            continue  # a person with a country is a player ("ماريو غوتزه (ألمانيا)"), "عزام الأميركي" a man
        nxt = norm[b] if b < len(norm) else ""
        prev = bare_forms(norm[a - 1]) if a else []
        if any(f[:1] == "ب" and f[1:] in kinds["club"] for f in bare_forms(norm[a])):
            continue  # "بروما": in Rome
        close = _bracket_close(norm, labels, b)
        bracketed = close is not None and not _dateline(norm, a, close)
        prefixed = any(f in kinds["prefix"] for f in prev)
        suffixed = nxt in kinds["suffix"]
        listed = (b - a == 1 and any(f in kinds["club"] for f in bare_forms(norm[a]))
                  and not _placed(norm, labels, a, b))
        if not (bracketed or nxt in demonyms.masculine() or prefixed or suffixed or listed):
            continue
        if (prefixed or listed) and _country(norm[a:b]) and not any(f in kinds["club"] for f in bare_forms(norm[a])):
            continue  # "فريق المغرب": a country playing is LOC in ANERcorp's convention (a listed club: موناكو)
        start, end = a, b
        if prefixed and labs[a - 1] == "O" and not any(f in kinds["descriptor"] for f in prev):
            start = a - 1  # "ريال مدريد": the prefix is part of the name ("فريق الغرافة": not)
        if suffixed and labs[b] == "O":
            end = b + 1  # "مانشستر يونايتد"
        _set(labs, start, end, "ORG")
    return labs


def _bracket_close(norm: list[str], labels: list[str], end: int) -> int | None:
    """Index of ")" when a bracketed place right after a span fills the brackets ("كوبنهاغن ( الدنمارك )";
    not "فولغوغراد ( ستالينغراد سابقا )")."""
    if end + 2 >= len(norm) or norm[end] != "(" or labels[end + 1] != "B-LOC":
        return None
    k = end + 2
    while k < len(norm) and labels[k] == "I-LOC":
        k += 1
    return k if k < len(norm) and norm[k] == ")" else None


def _placed(norm: list[str], labels: list[str], start: int, end: int) -> bool:
    """Is a club's city name used as the place: after a locative or a place word ("في روما", "مدينة
    تورينو", "بالقرب من فالنسيا", "ضربت تورينو" is not caught), before a feminine nisba ("ليون الفرنسية"),
    or in a list of places ("باريس وميلانو ونابولي")?"""
    quals = gazetteer.qualifiers()
    for w in norm[max(0, start - 2):start]:
        for f in bare_forms(w):
            if clubs.place_word(f) or f in quals or (f.startswith("ال") and f[2:] in quals):
                return True
    nxt = norm[end] if end < len(norm) else ""
    if nxt.endswith("يه") and nxt[:-1] in demonyms.masculine():
        return True
    before_loc = start >= 1 and labels[start - 1][2:] == "LOC" and norm[start][:1] == "و"
    after_loc = end + 1 < len(norm) and nxt[:1] == "و" and labels[end] == "B-LOC"
    return before_loc or after_loc


@functools.cache
def _country_keys() -> frozenset[str]:
    gz = gazetteer.load()
    return frozenset(k for k, cands in gz.keys.items() if any(gz.records[i].level == "country" for i, _ in cands))


def _country(words: list[str]) -> bool:
    return any(" ".join([f] + words[1:]) in _country_keys() for f in bare_forms(words[0]))


def _dateline(norm: list[str], start: int, close: int) -> bool:
    """Is "CITY ( COUNTRY )" at `start` a report's dateline ("ميونيخ (ألمانيا) - قال ...") rather than a
    club with its country in a results line ("سلتيك ( اسكتلندا ) - كوبنهاغن ( الدنمارك ) 1 - صفر")?"""
    return start <= 1 and (close + 1 == len(norm) or norm[close + 1] in ("-", ":", "ـ")) \
        and "(" not in norm[close + 1:close + 6] and not any(w[:1].isdigit() for w in norm[close + 1:close + 4])


def teams_in_matches(norm: list[str], labels: list[str]) -> list[str]:
    """In a sports article: an untagged Arab club (clubs.tsv team) right after a match word, right before
    "مع"/"على"/"ضد", a bracketed country or a score, or joined by و to a club just named, is ORG."""
    kinds = clubs.words()
    before, after = kinds["team_context"], kinds["team_next"]
    teams = _teams()
    labs = list(labels)
    starts = _team_starts()
    for i in range(len(norm)):
        w = norm[i]
        if not any(w[k:] in starts for k in range(4)):
            continue  # no team's first word in it, whatever its proclitics
        for n in (2, 1):
            if i + n > len(norm) or any(lab != "O" for lab in labs[i:i + n]):
                continue
            firsts = bare_forms(w)
            if not any((f,) + tuple(norm[i + 1:i + n]) in teams for f in firsts):
                continue
            nxt = norm[i + n] if i + n < len(norm) else ""
            if nxt.startswith("ال") and nxt not in demonyms.masculine():
                continue  # "على الوحدة الوطنية": a noun with its adjective, not a club
            # "السد والريان": joined by و to a club just named (tagged ORG or listed itself)
            listed = norm[i][:1] in "وف" and len(firsts) > 1 and i > 0 and (
                labs[i - 1][2:] == "ORG" or any((f,) in teams for f in bare_forms(norm[i - 1])))
            bracket = nxt == "(" and i + n + 1 < len(norm) and labs[i + n + 1] == "B-LOC"  # "الوكرة ( قطر )"
            if (listed or (i and any(f in before for f in bare_forms(norm[i - 1])))
                    or nxt in after or bracket or nxt[:1].isdigit()):
                _set(labs, i, i + n, "ORG")
                break
    return labs


def currencies(norm: list[str], labels: list[str]) -> list[str]:
    """A currency right after an amount ("500 مليون دينار", "20 ريالا") is MISC, also when the tagger
    took it alone for something else ("ريال" the club)."""
    ctx = context()
    labs = list(labels)
    for i in range(1, len(norm)):
        if norm[i] not in ctx.currencies:
            continue
        if (norm[i - 1] in ctx.amounts or norm[i - 1][:1].isdigit()) and labs[i][2:] != "MISC" \
                and labs[i - 1][:1] != "I" and (i + 1 == len(norm) or labs[i + 1][:1] != "I"):
            labs[i] = "B-MISC"
        if labs[i] == "B-MISC" and i + 1 < len(norm) and norm[i + 1] in ctx.currency_tails and labs[i + 1] in ("O", "B-MISC"):
            labs[i + 1] = "I-MISC"  # "جنيه إسترليني" is one currency
    return labs


def name_particles(spelled: list[str], labels: list[str]) -> list[str]:
    """Person spans take in the particles of their names: "فان" before, "بن X" / "آل X" after.
    `spelled`: the sentence's words as `strip_marks` gives them ("فإن" "so" is no "فان")."""
    ctx = context()
    labs = list(labels)
    changed = True
    while changed:
        changed = False
        for a, b, typ in bio_spans(labs):
            if typ != "PER":
                continue
            if a and labs[a - 1] == "O" and spelled[a - 1] in ctx.before:
                _set(labs, a - 1, b, "PER")
            elif b < len(spelled) and labs[b] == "O" and spelled[b - 1] in ctx.last and spelled[b] not in PUNCT:
                labs[b] = "I-PER"
            elif (b + 1 < len(spelled) and labs[b] == "O" and spelled[b] in ctx.link
                  and spelled[b + 1] not in PUNCT and labs[b + 1] in ("O", "B-PER")):
                labs[b:b + 2] = ["I-PER", "I-PER"]
            else:
                continue
            changed = True
            break
    return labs


def refine(sentences: list[list[str]], labels: list[list[str]],
           norms: list[list[str]] | None = None) -> list[list[str]]:
    """BIO labels of one document's sentences (surface words), with the context rules applied.
    `norms`: the same words normalised (Token.norm), if the caller has them."""
    if norms is None:
        norms = [[normalize(w) for w in words] for words in sentences]
    sports = is_sports(norms)
    out = []
    for words, norm, labs in zip(sentences, norms, labels):
        labs = currencies(norm, quoted_titles(norm, labs))
        if sports:
            labs = teams_in_matches(norm, clubs_named_after_cities(norm, labs))
        out.append(name_particles([strip_marks(w) for w in words], labs))
    return out

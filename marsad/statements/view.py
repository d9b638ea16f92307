"""A sentence seen by the attribution rules: tokens with the normalised forms the lexicons match."""
from __future__ import annotations

from dataclasses import dataclass, field

from marsad.document import Document, Token
from marsad.statements.lexicon import lexicon
from marsad.statements.lookup import affiliations, ambiguous_outlets, outlet_lengths, outlets
from marsad.statements.quotes import QUOTE_CHARS
from marsad.text import normalize

COMMA = frozenset({",", "،", ";", "؛"})
COMPLEMENTIZERS = frozenset({"ان", "بان", "وان", "فان", "لان"})
# إنه، أنها، بأنهم ...: the complementizer carries the subject pronoun, so the content starts with it.
PRONOMINAL_COMPLEMENTIZERS = frozenset(
    p + "ان" + s for p in ("", "ب") for s in ("ه", "ها", "هم", "هما", "هن", "نا", "ني", "ك", "كم"))
# "بعد أن"، "قبل أن": أن is a temporal conjunction there, not the start of reported content.
NOT_COMPLEMENTIZER_BEFORE = frozenset({"بعد", "قبل", "منذ", "دون", "من", "يمكن", "عسي", "ريثما", "بمجرد"})
NEGATIONS = frozenset({"لم", "لن", "لا", "ولم", "ولن", "ولا", "عدم", "دون"})  # not ما: "وفق ما نقلت" is relative
# The genitive of an outlet noun: وكالة الأنباء الفرنسية، وكالة أنباء فارس، شبكة التلفزيون الرسمية
MEDIA_GENITIVES = frozenset({"انباء", "صحافه", "اعلام", "تلفزيون", "اذاعه", "اخبار"})


def bare(norm: str) -> str:
    """A normalised word without a leading conjunction و/ف."""
    return norm[1:] if len(norm) > 3 and norm[0] in "وف" else norm


@dataclass
class SentenceView:
    """Tokens of one sentence (plus the doc) with stems, outlet matches and quote flags."""

    doc: Document
    tokens: list[Token]
    norms: list[str] = field(init=False)
    bares: list[str] = field(init=False)
    stems: list[str] = field(init=False)
    outlet_at: dict[int, tuple[int, str, str | None]] = field(init=False)  # i -> (end i, English, ISO3)
    outlet_clitic: set[int] = field(init=False)  # outlet matches that start with a clitic (لرويترز، وبحسب)

    def __post_init__(self) -> None:
        self.norms = [t.norm for t in self.tokens]
        self.bares = [bare(n) for n in self.norms]
        self.stems = [normalize(t.stem) if t.kind == "word" else t.norm for t in self.tokens]
        self.outlet_at = {}
        self.outlet_clitic = set()
        table, lengths, ambiguous = outlets(), outlet_lengths(), ambiguous_outlets()
        i = 0
        while i < len(self.tokens):
            hit = None
            for n in lengths:
                if i + n > len(self.tokens):
                    continue
                words = tuple(w.lower() for w in self.norms[i:i + n])
                cands = [words]
                if words and words[0][:1] in "وبل" and len(words[0]) > 3:
                    cands.append((words[0][1:],) + words[1:])  # وبحسب رويترز / لرويترز
                for c in cands:
                    if c in table and (c not in ambiguous or self._outlet_slot(i, i + n, c is not words)):
                        hit = (i + n, *table[c])
                        if c is not words and words[0][0] in "لب":
                            self.outlet_clitic.add(i)
                        break
                if hit:
                    break
            if hit:
                self.outlet_at[i] = hit
                i = hit[0]
            else:
                i += 1

    def _outlet_slot(self, i: int, end: int, clitic: bool) -> bool:
        """Whether an outlet name that is also a common word (الجزيرة، العربية، الفرنسية) names the outlet here.

        It does after an outlet noun or its genitive (قناة الجزيرة، وكالة الأنباء الفرنسية), alone in quotes,
        after a reporting verb or a source phrase (قالت الجزيرة، بحسب العربية) or with the preposition ل
        (لـ"العربية"); it does not when the words are a country or capital (قالت الرياض) or a speaker
        noun (قال البيان): those readings win.
        """
        words = tuple(self.bares[i:end])
        if words in affiliations()[1] or (end == i + 1 and self.noun_kind(i) is not None):
            return False
        if clitic and self.norms[i][0] != "و":
            return self.norms[i][0] == "ل"  # not ب: بالعربية is "in Arabic"
        if i == 0:
            return False
        p = i - 1
        if self.is_quote(p):
            return end < len(self) and self.is_quote(end)
        if self.noun_kind(p) == "media" or self.stems[p] in MEDIA_GENITIVES or self.bares[p] in MEDIA_GENITIVES:
            return True
        cue = lexicon().cues.get(self.norms[p]) or lexicon().cues.get(self.bares[p])
        if cue is not None and cue.pos == "verb":
            return True
        return any(p + 1 - len(ph) >= 0 and self.phrase_at(p + 1 - len(ph), (ph,)) == ph
                   for ph in lexicon().source_phrases)

    def __len__(self) -> int:
        return len(self.tokens)

    # -- token classes ------------------------------------------------------------------
    def is_comma(self, i: int) -> bool:
        return i < len(self) and self.tokens[i].text in COMMA or (i < len(self) and self.norms[i] in COMMA)

    def is_quote(self, i: int) -> bool:
        return i < len(self) and self.tokens[i].text in QUOTE_CHARS

    def is_punct(self, i: int) -> bool:
        return i < len(self) and self.tokens[i].kind in ("punct", "symbol")

    def has_article(self, i: int) -> bool:
        return "ال" in normalize(self.tokens[i].prefix) or self.norms[i].startswith("ال")

    def in_outlet(self, i: int) -> bool:
        return any(s < i < e for s, (e, _, _) in self.outlet_at.items())

    def is_pronominal_complementizer(self, i: int) -> bool:
        return self.tokens[i].kind == "word" and self.bares[i] in PRONOMINAL_COMPLEMENTIZERS

    def is_complementizer(self, i: int) -> bool:
        if self.norms[i] not in COMPLEMENTIZERS or self.in_outlet(i) or self.tokens[i].kind != "word":
            return False
        return not (i > 0 and self.bares[i - 1] in NOT_COMPLEMENTIZER_BEFORE)

    def cue_with_pronoun(self, i: int) -> bool:
        """A reporting verb with an object pronoun (ذكره، نقلته، قاله) as in "وفقاً لما ذكره مصدر"."""
        b = self.bares[i]
        cues = lexicon().cues
        for cand in (b[:-1], b[:-2], b[:-2] + "ت" if b.endswith("ته") else ""):
            if cand in cues and cues[cand].pos == "verb":
                return True
        return False

    def cue(self, i: int):
        """The reporting cue at token i, if its word is one and it is not negated (لم يكشف، عدم ذكر)."""
        if self.tokens[i].kind != "word":
            return None
        lex = lexicon()
        c = lex.cues.get(self.norms[i]) or lex.cues.get(self.bares[i])
        if c is None or self.in_outlet(i) or i in self.outlet_at:
            return None
        if i > 0 and self.norms[i - 1] in NEGATIONS and c.lemma != "نفى":
            return None
        if "\u064f" in self.tokens[i].text[:4]:  # a damma on the first letters marks the passive (اتُهمت، نُقل)
            return None
        return c

    def noun_kind(self, i: int) -> str | None:
        """The speaker kind of a head noun at i (role, media, document, collective, organization, anonymous)."""
        lex = lexicon()
        s = self.stems[i]
        n = self.norms[i]
        # لوكالة، للصحيفة when the tokenizer kept the word whole
        extra = (n[1:], n[3:] if n.startswith("لل") else n[1:]) if n.startswith("ل") and len(n) > 4 else ()
        if s.endswith("ا") and len(s) > 3:
            extra = (*extra, s[:-1])  # accusative tanwin: بيانا، تقريرا
        for cand in (s, self.bares[i], n, *extra):
            if cand in lex.anon_heads:
                return "anonymous"
            if cand in lex.nouns:
                return lex.nouns[cand]
        return None

    def phrase_at(self, i: int, phrases) -> tuple[str, ...] | None:
        """The longest multiword entry of `phrases` starting at token i (first word may carry و/ف/ب)."""
        best = None
        for p in phrases:
            n = len(p)
            if i + n > len(self):
                continue
            first_ok = p[0] in (self.norms[i], self.bares[i])
            if n == 1:
                ok = first_ok
            else:
                ok = first_ok and all(self.norms[i + k] == p[k] or self.bares[i + k] == p[k] for k in range(1, n))
            if ok and (best is None or n > len(best)):
                best = p
        return best

    def affiliation(self, i: int, j: int) -> str | None:
        """ISO3 country of the first demonym or country name in tokens [i, j)."""
        if i >= j:
            return None
        s, e = self.tokens[i].start, self.tokens[j - 1].end
        for ds, de, iso in self.doc.demonyms:
            if s <= ds and de <= e:
                return iso
        demonyms, countries = affiliations()
        for k in range(i, j):
            for cand in (self.norms[k], self.bares[k], self.stems[k], "ال" + self.stems[k]):
                if cand in demonyms:
                    return demonyms[cand]
            for n in (2, 1):
                words = tuple(self.bares[k:k + n]) if n == 1 else (self.bares[k],) + tuple(self.norms[k + 1:k + n])
                if len(words) == n and words in countries:
                    return countries[words]
                stem_words = (self.stems[k],) + tuple(self.norms[k + 1:k + n])
                has_clitic = self.tokens[k].prefix_end > self.tokens[k].start
                if len(stem_words) == n and stem_words in countries and has_clitic:
                    return countries[stem_words]
        return None

"""The word lists the entity stage reads (data/entity_cues.tsv, data/institutions.tsv), loaded once."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from marsad.places.demonyms import iso2_of
from marsad.places.gazetteer import country_names_en
from marsad.resources import read_tsv
from marsad.text.normalize import normalize

# Proclitics that may precede a name or a role and stay outside its span: conjunction, then preposition.
OUTER_PROCLITIC = re.compile(r"(?:و|ف)?(?:ب|ل|ك)?")
PROCLITIC_LETTERS = frozenset("وفبلك")  # the letters OUTER_PROCLITIC is made of (a quick test before bare_forms)


def words(phrase: str) -> tuple[str, ...]:
    """A phrase as a tuple of normalised words (same normalisation as Token.norm)."""
    return tuple(normalize(phrase).split())


def strip_article(norm: str) -> str:
    return norm[2:] if norm.startswith("ال") and len(norm) > 3 else norm


def bare_forms(norm: str) -> list[str]:
    """A normalised word without each possible outer proclitic (و، ف، ب، ل، ك and pairs), whole first."""
    out = [norm]
    for i in range(1, min(3, len(norm) - 1) + 1):
        if OUTER_PROCLITIC.fullmatch(norm[:i]):
            out.append(norm[i:])
            if norm[:i].endswith("ل") and norm[i:].startswith("ل"):
                out.append("ا" + norm[i:])  # لل = ل + ال with the alef dropped
    return out


@dataclass(frozen=True)
class Cues:
    offices: tuple[tuple[str, ...], ...]  # role heads, longest first (occupations included)
    occupations: frozenset[tuple[str, ...]]  # the weaker heads among them ("المدرب", "الصحفي")
    titles: frozenset[str]
    media: frozenset[str]
    stops: frozenset[str]
    bare_role_ends: frozenset[str]  # also end a role after a name without a comma ("في")
    place_preps: frozenset[str]  # a country after them is where a role is held ("السفير في العراق")
    person_cues: frozenset[str]  # honorific titles, with and without ال
    not_names: frozenset[str]  # words a tagged span may not consist of (diseases: كورونا)
    epithets: frozenset[str]  # words of blame cut from the end of a tagged organisation ("الإرهابية")
    name_heads: frozenset[str]  # words that begin names and look like proclitic + stem ("وادي", "بحر")
    named_after: dict[str, str]  # a noun before a person's name -> the type of what is named (ORG, FAC)
    # marsad.entities.bodies: phrases as normalised words, the first without its article
    body_heads: dict[str, tuple[tuple[str, ...], ...]]  # first word -> heads opening a body's name, longest first
    brand_heads: frozenset[str]  # heads whose short names are brands ("مصرف الإنماء"): not glossed
    not_bodies: frozenset[tuple[str, ...]]  # starts of names that are no one body ("مجلس الإدارة")
    body_ends: frozenset[str]  # words that end a body's name ("في", "لشؤون")
    study_fields: frozenset[str]  # after ل they keep جامعة a university ("الجامعة الأمريكية للعلوم")


@functools.cache
def cues() -> Cues:
    rows = read_tsv("entity_cues.tsv")[1:]
    by_kind: dict[str, list[tuple[str, ...]]] = {}
    for phrase, kind in rows:
        by_kind.setdefault(kind, []).append(words(phrase))
    occupations = frozenset(by_kind.get("occupation", []))
    offices = tuple(sorted(set(by_kind.get("office", [])) | occupations, key=len, reverse=True))
    titles = frozenset(" ".join(w) for w in by_kind.get("title", []))
    person = set()
    # offices are not cues: "العقيد المالكي" is not Nouri al-Maliki; a row lists its own ("الرئيس" for الأسد)
    for w in by_kind.get("title", []):
        person.add(w[-1])
        person.add(strip_article(w[-1]))
    return Cues(
        offices=offices,
        occupations=occupations,
        titles=titles,
        media=frozenset(strip_article(w[0]) for w in by_kind.get("media_cue", [])),
        stops=frozenset(w[0] for w in by_kind.get("stop", [])),
        bare_role_ends=frozenset(w[0] for w in by_kind.get("bare_role_end", [])),
        place_preps=frozenset(w[0] for w in by_kind.get("place_prep", [])),
        person_cues=frozenset(person),
        not_names=frozenset(" ".join(w) for w in by_kind.get("not_name", [])),
        epithets=frozenset(" ".join(w) for w in by_kind.get("epithet", [])),
        name_heads=frozenset(" ".join(w) for w in by_kind.get("name_head", [])),
        named_after={**{" ".join(w): "ORG" for w in by_kind.get("named_org", [])},
                     **{" ".join(w): "FAC" for w in by_kind.get("named_fac", [])}},
        body_heads=_by_first_word(_bare_first(w) for w in by_kind.get("body_head", [])),
        brand_heads=frozenset(strip_article(w[0]) for w in by_kind.get("brand_head", [])),
        not_bodies=frozenset(_bare_first(w) for w in by_kind.get("not_body", [])),
        body_ends=frozenset(w[0] for w in by_kind.get("body_end", [])),
        study_fields=frozenset(strip_article(w[0]) for w in by_kind.get("study_field", [])),
    )


def _bare_first(phrase: tuple[str, ...]) -> tuple[str, ...]:
    return (strip_article(phrase[0]),) + phrase[1:]


def _by_first_word(phrases) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        out.setdefault(p[0], []).append(p)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@dataclass(frozen=True)
class Institution:
    head: tuple[str, ...]  # normalised words
    name_en: str  # template with {iso3}
    kind: str
    feminine: bool  # the country adjective must be feminine ("الخارجية الإيرانية")
    key: str  # heads that name the same institution share a key ("الخارجية" = "وزارة الخارجية")
    genitive: bool = False  # followed by the country's name, not its adjective ("وكالة أنباء البحرين")

    def english(self, iso3: str | None) -> str:
        """"Ministry of Health (IRQ)" for a country, "Ministry of Health" without one; a template with
        {country} takes the country's English name ("Bahrain News Agency")."""
        if iso3 and "{country}" in self.name_en:
            country = country_names_en().get(iso2_of().get(iso3, ""))
            if country:
                return self.name_en.format(country=country)
            return f"{self.name_en.replace('{country}', '').strip()} ({iso3})"
        if iso3:
            return self.name_en.format(iso3=iso3)
        return " ".join(self.name_en.replace("({iso3})", "").replace("{iso3}", "").replace("{country}", "").split())


@functools.cache
def institutions() -> tuple[Institution, ...]:
    """Institution heads, longest first; heads with the same English name share a key, so that the
    short "الخارجية" and the full "وزارة الخارجية" group together."""
    out = []
    for head, name_en, kind, agree in read_tsv("institutions.tsv")[1:]:
        out.append(Institution(words(head), name_en, kind, agree == "f", name_en, agree == "g"))
    return tuple(sorted(out, key=lambda i: len(i.head), reverse=True))


@functools.cache
def bare_institutions() -> dict[tuple[str, ...], Institution]:
    """Heads of two words or more, which name an institution even without a country ("وزارة الصحة")."""
    return {i.head: i for i in institutions() if len(i.head) >= 2}


@dataclass(frozen=True)
class ListedName:
    type: str  # ORG | MISC: what the name is, whatever the tagger said
    name_en: str
    kind: str  # club, company, media, party, competition, religion, event, product ...


@functools.cache
def listed_names() -> dict[tuple[str, ...], ListedName]:
    """Normalised words of an organisation's or a named thing's whole name -> its English name and kind
    (data/entity_names_en.tsv: "آيفون" iPhone, "المونديال" FIFA World Cup)."""
    return {words(ar): ListedName(typ, en, kind) for typ, ar, en, kind in read_tsv("entity_names_en.tsv")[1:]}


@functools.cache
def club_names() -> dict[tuple[str, ...], str]:
    """Normalised words of a sports club's name -> its English name (the clubs of data/entity_names_en.tsv)."""
    return {ws: listed.name_en for ws, listed in listed_names().items() if listed.kind == "club"}

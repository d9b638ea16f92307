"""The outlet's country as context: a national paper's "المملكة" and bare namesakes; pan-Arab outlets do not vote."""
from __future__ import annotations

import pytest

from marsad.document import Document
from marsad.places import Geoparser
from marsad.places.outlet import outlet_country
from marsad.text import TextLayer

# SaudiNewsNet (Sabq, Okaz, Al-Madina) sentences
CORRECTION = ("وأضافت أن عدد المصحح وضعهم من اليمنيين في كافة مراكز التصحيح بمناطق المملكة حتى أمس الأول "
              "بلغ (354863) شخصاً.")
AMBASSADORS = ("وسفير خادم الحرمين الشريفين لدى جمهورية مصر العربية مندوب المملكة الدائم لدى جامعة الدول العربية "
               "أحمد بن عبدالعزيز قطان، وسفير جمهورية مصر العربية لدى المملكة عفيفي عبدالوهاب.")
JEDDAH_RENT = "ريالاً، وتصل في حدها الأقصى إلى 90 ريالاً إذا كانت العائلة تسكن في حي الحمدانية، أو منطقة أبحر."
# Al-Weeam (Saudi) on Bahrain: the text names its kingdom three times
BAHRAIN = ("قالت وزارة الخارجية في مملكة البحرين إن التصريحات تعكس الموقف العدائي لإيران تجاه مملكة البحرين "
           "وتمثل تدخلا في الشؤون الداخلية للمملكة. وعادة ما تتهم البحرين إيران بالسعي وراء عمليات تخريبية.")


@pytest.fixture(scope="module")
def parse():
    text_layer, geo = TextLayer(), Geoparser()

    def run(text: str, outlet: str | None = None, url: str | None = None) -> dict[str, object]:
        doc = geo(text_layer(Document(text=text, outlet=outlet, url=url)))
        return {p.name_en: p for p in doc.places}

    return run


def test_outlet_country_from_names_corpus_ids_and_urls():
    assert outlet_country("sabq") == outlet_country("aljazirah") == outlet_country("was") == "SA"
    assert outlet_country("سبق") == "SA" and outlet_country("Jawhara FM") == "TN"
    assert outlet_country(None, "http://www.al-jazirah.com/2015/20150721/fe1.htm") == "SA"
    # pan-Arab and international outlets, wherever they sit, give no vote
    for outlet in ("رأي اليوم", "عربي21", "الجزيرة", "alarabia", "skynews", "aawsat", "BBC", None, "مدونة"):
        assert outlet_country(outlet) is None
    assert outlet_country("alriyadh", "https://www.aljazeera.net/news/1") is None  # the URL decides


def test_a_saudi_papers_bare_kingdom_is_saudi_arabia(parse):
    got = parse(CORRECTION, outlet="sabq")
    assert [m.text for m in got["Saudi Arabia"].mentions] == ["المملكة"]
    assert parse(CORRECTION) == {}  # no outlet: the kingdom is not named
    assert parse(CORRECTION, outlet="رأي اليوم") == {}  # a London paper's kingdom is not Britain


def test_the_home_kingdom_beside_another_country(parse):
    got = parse(AMBASSADORS, outlet="okaz")
    assert set(got) == {"Egypt", "Saudi Arabia"} and len(got["Saudi Arabia"].mentions) == 2


def test_a_kingdom_the_text_names_often_wins_over_the_outlets(parse):
    got = parse(BAHRAIN, outlet="alweeam")
    assert "Saudi Arabia" not in got
    assert [m.text for m in got["Bahrain"].mentions] == ["مملكة البحرين", "مملكة البحرين", "لمملكة", "البحرين"]


def test_a_bare_namesake_prefers_the_outlets_country(parse):
    saudi = parse(JEDDAH_RENT, outlet="almadina")["Al Hamadaniyah"]
    assert (saudi.country, saudi.admin1) == ("SA", "Makkah")  # a district of Jeddah, beside أبحر
    for outlet in (None, "عربي21", "Al Jazeera"):
        assert parse(JEDDAH_RENT, outlet=outlet)["Qaḑā’ al Ḩamdānīyah"].country == "IQ"


def test_a_company_named_after_the_kingdom_is_not_the_kingdom(parse):
    # Kingdom Holding in a Saudi paper's market report is a company, not Saudi Arabia
    assert parse("ارتفع سهم شركة المملكة القابضة في السوق", outlet="sabq") == {}
    assert "Saudi Arabia" in parse("أكد أن المملكة ترفض التدخل في شؤونها", outlet="sabq")

"""English glosses of organisation names (marsad.entities.gloss), on names from news articles."""
from __future__ import annotations

import pytest

from marsad.entities.bodies import glossable
from marsad.entities.gloss import gloss
from marsad.entities.lexicon import words


@pytest.mark.parametrize("arabic,english", [
    # an adjective belongs to the nearest noun that agrees with it: العليا is the committee's, not the Hajj's
    ("لجنة الحج العليا", "Supreme Hajj Committee"),
    ("مجلس الأمن القومي", "National Security Council"),
    # a nationality belongs to the head
    ("الجيش الوطني اليمني", "Yemeni National Army"),
    ("جهاز أمن الدولة القطري", "Qatari State Security Service"),
    # "of" heads and coordinated complements
    ("وزارة الشؤون الإسلامية والأوقاف والدعوة والإرشاد",
     "Ministry of Islamic Affairs, Endowments, Dawah and Guidance"),
    ("ديوان المظالم", "Board of Grievances"),
    # phrases after ل: "for", or before a "pre" head when short
    ("الهيئة العامة للسياحة والتراث الوطني", "General Authority for Tourism and National Heritage"),
    ("الاتحاد السعودي لكرة القدم", "Saudi Football Federation"),
    # a title before a name, a name before its head
    ("جامعة الملك سعود", "King Saud University"),
    ("بنك قطر الوطني", "Qatar National Bank"),
    # a row of several words is one word of the name, but only as written: مجلس وزراء is not مجلس الوزراء
    ("مجلس الوزراء السعودي", "Saudi Council of Ministers"),
    ("مجلس وزراء الداخلية العرب", "Arab Interior Ministers Council"),
    # a word's sense before a phrase with ل: in the Maghreb الجامعة + ل-phrase is a federation
    ("الجامعة التونسية لكرة القدم", "Tunisian Football Federation"),
    ("الجامعة العامة للكهرباء", "General Electricity Federation"),
    ("الجامعة الأمريكية للعلوم والتكنولوجيا", "American University for Sciences and Technology"),  # a field of study
    # a major place of the gazetteer inside a name, without its transliteration marks or a nationality
    ("جامعة طوكيو", "Tokyo University"),
    ("جامعة وارسو البولندية", "Warsaw University"),
    ("بلدية صفاقس", "Sfax Municipality"),
])
def test_gloss(arabic, english):
    assert gloss(words(arabic)) == english


@pytest.mark.parametrize("arabic", [
    "لجنة الحج العليا أمس",  # a word the glossary does not know: no gloss rather than half of one
    "العليا لجنة",  # no name begins with an adjective
    "لهيئة شؤون الإعلام",  # nor with a preposition
])
def test_no_gloss(arabic):
    assert gloss(words(arabic)) is None


@pytest.mark.parametrize("arabic,glossed", [
    ("وزارة الصحة العامة", True),
    ("أمانة منطقة القصيم", True),
    ("بنك قطر الوطني", True),  # a brand head before a place's name
    ("الشركة الوطنية للسكك الحديد", True),  # a brand head and a description with the article
    ("مصرف الإنماء", False),  # Alinma Bank, not "Development Bank"
    ("شركة سلامة للتأمين", False),  # Salama, not "Safety Company"
    ("الهلال", False),  # a club's name is a name
    ("الخطوط التونسية", False),  # Tunisair: no body head
    ("جريدة الوسط", False),  # Al-Wasat: an outlet's name
])
def test_only_descriptive_names_are_glossed(arabic, glossed):
    assert glossable(words(arabic)) is glossed


def test_glossary_terms_of_several_words():
    # from a review of 250 glosses on news: أمانة is a city's municipality, رصد جوي is meteorology
    assert gloss(words("أمانة منطقة القصيم")) == "Qassim Region Municipality"
    assert gloss(words("أمانة جدة")) == "Jeddah Municipality"
    assert gloss(words("المعهد الوطني للرصد الجوي")) == "National Institute for Meteorology"
    assert gloss(words("الأمانة العامة لمجلس الوزراء")) == "General Secretariat for Council of Ministers"

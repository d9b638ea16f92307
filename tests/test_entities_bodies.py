"""Bodies the tagger misses (marsad.entities.bodies), on sentences of news articles (Sabq, Jawhara FM, CNN
Arabic, 2018), through the whole entities stage."""
from __future__ import annotations

import pytest

from marsad import analyze


def _orgs(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {e.name: (e.name_en, e.name_en_source) for e in analyze(text).entities if e.type == "ORG"}


@pytest.fixture(scope="module")
def grievances():
    # Sabq: the Board of Grievances' Eid reception; the tagger reads "ديوان المظالم" as a person
    return _orgs("سبق- الرياض: أقام ديوان المظالم ممثلاً بالإدارة العامة للعلاقات العامة والإعلام، صباح اليوم "
                 "الأربعاء، حفل المعايدة لمنسوبيه بمناسبة عيد الفطر المبارك، تحت رعاية رئيس الديوان رئيس مجلس "
                 "القضاء الإداري الشيخ الدكتور خالد بن محمد اليوسف، بحضور رئيس المحكمة الإدارية العليا الشيخ "
                 "إبراهيم بن سليمان الرشيد.")


def test_a_body_the_tagger_calls_a_person(grievances):
    assert grievances["ديوان المظالم"] == ("Board of Grievances", "gloss")


def test_a_title_ends_a_body(grievances):
    # "رئيس المحكمة الإدارية العليا الشيخ إبراهيم": the court, then a person
    assert grievances["المحكمة الإدارية العليا"] == ("Supreme Administrative Court", "gloss")
    assert grievances["مجلس القضاء الإداري"] == ("Administrative Judiciary Council", "gloss")


def test_after_a_definite_head_only_adjectives(grievances):
    # "رئيس الديوان رئيس مجلس ...": "الديوان رئيس" is no name
    assert not any(name.startswith("الديوان") for name in grievances)


def test_a_head_of_several_words():
    # Jawhara FM: the Tunisian presidency denies Mohsen Marzouk's claim
    orgs = _orgs("وأكدت الحركة في بلاغ لها أن مرزوق اعلم رئاسة الجمهورية بتحركاته في ليبيا مسبقا، في حين أصدرت "
                 "رئاسة الجمهورية بلاغا نفت فيه ذلك.")
    assert orgs["رئاسة الجمهورية"] == ("Presidency of the Republic", "gloss")
    assert "الحركة في" not in orgs  # "الحركة" alone is any movement, and في opens no name


def test_two_bodies_joined_by_and_are_two():
    # CNN Arabic: the Hajj security parade; Bahrain's press regulator
    orgs = _orgs("وزير الداخلية السعودي رئيس لجنة الحج العليا وهيئة شؤون الاعلام قررت السماح للصحيفة بالصدور.")
    assert orgs["لجنة الحج العليا"] == ("Supreme Hajj Committee", "gloss")
    assert orgs["هيئة شؤون الاعلام"] == ("Information Affairs Authority", "gloss")


@pytest.mark.parametrize("text", [
    "وشكلت الوزارة لجنة تحقيق في الحادث.",  # indefinite: any committee
    "وقال إن مجلس الإدارة وافق على توزيع الأرباح.",  # a not_body row: any company's board
    "وتعاقدت شركة جديدة لصناعة السيارات مع المصنع.",  # indefinite before its ل-phrase
    "ورحبت الحكومة والمستثمرين بالقرار.",  # a head and another noun are two things
])
def test_no_body(text):
    assert not [e for e in analyze(text).entities if e.type == "ORG" and e.name_en_source == "gloss"]


def test_an_outlet_name_is_not_glossed():
    # "جريدة الوسط" is Al-Wasat, not "Center Newspaper"
    orgs = _orgs("قررت هيئة شؤون الاعلام السماح لجريدة الوسط اعادة استئناف نشاطها.")
    assert orgs.get("جريدة الوسط", (None, None))[1] != "gloss"


def test_the_head_alone_refers_back_to_the_body():
    # Sabq: "رئيس الديوان" after "ديوان المظالم"; a title after the head does not stop it
    doc = analyze("أقام ديوان المظالم حفل المعايدة، تحت رعاية رئيس الديوان الشيخ خالد اليوسف وبحضور قضاة الديوان.")
    (board,) = [e for e in doc.entities if e.name == "ديوان المظالم"]
    assert [m.text for m in board.mentions] == ["ديوان المظالم", "الديوان", "الديوان"]


def test_the_head_before_another_name_is_another_body():
    doc = analyze("وقالت وزارة الداخلية التونسية إن الوزارة فككت خلية، وقالت الوزارة الأمريكية إنها تتابع.")
    (tunisia,) = [e for e in doc.entities if e.affiliation == "TUN"]
    assert [m.text for m in tunisia.mentions] == ["وزارة الداخلية التونسية", "الوزارة"]


def test_an_office_or_a_purpose_after_a_definite_head_is_no_name():
    # "وكيل الجامعة للتطوير": the vice-rector's portfolio; "للدفاع عن أرضهم": what the people came to do
    orgs = _orgs("وقال وكيل الجامعة للتطوير إن أبناء المديرية للدفاع عن أرضهم وهيئة الغذاء والدواء واتحاد القدم.")
    assert set(orgs) == {"هيئة الغذاء والدواء", "اتحاد القدم"}
    assert orgs["هيئة الغذاء والدواء"][0] == "Food and Drug Authority"


def test_a_word_that_ends_a_long_title_is_no_title_after_a_head():
    # "الملكي" ends "صاحب السمو الملكي"; "الديوان الملكي" is the Royal Court, not the Board of Grievances again
    doc = analyze("أقام ديوان المظالم حفلا. وقال الديوان الملكي إن")
    (board,) = [e for e in doc.entities if e.name == "ديوان المظالم"]
    assert [m.text for m in board.mentions] == ["ديوان المظالم"]

"""Acceptance of issue 6 on the two reference articles: sources, kinds, affiliations, relays, media."""
from __future__ import annotations

import pytest

from marsad.statements import sourcing_profile


def _source(doc, text):
    hits = [s for s in doc.sources if text in s.speaker.text]
    assert hits, f"no source {text!r} in {[s.speaker.text for s in doc.sources]}"
    return hits[0]


def _source_with(doc, content):
    hits = [s for s in doc.sources for st in s.statements if content in st.text]
    assert hits, f"no statement containing {content!r}"
    return hits[0]


def test_sample1_anonymous_iraqi_security_source(sample1):
    src = _source(sample1, "مصدر أمني عراقي")
    assert src.speaker.kind == "anonymous"
    assert src.speaker.affiliation == "IRQ"
    assert len(src.statements) >= 4
    assert sum(st.direct for st in src.statements) >= 3
    # "وقال المصدر الأمني" and "وحذر المصدر" refer back to him
    assert _source_with(sample1, "نوايا أمريكية باستهداف معسكرات الحشد") is src
    assert _source_with(sample1, "مسؤولين أمريكيين أبلغوا قيادة العمليات") is src


def test_sample1_mousavi_with_role_and_implicit_subject(sample1):
    src = _source(sample1, "عباس موسوي")
    assert src.speaker.kind == "named_person"
    assert src.speaker.affiliation == "IRN"
    # "وقال أمس الأربعاء ...:" (implicit subject) and "وطالب المتحدث باسم الخارجية الإيرانية"
    assert _source_with(sample1, "في الوقت الذي يؤكد فيه الأمين العام") is src
    assert _source_with(sample1, "القوات الأمريكية ياحترام إرادة الحكومة العراقية") is src
    quoted = next(st for st in src.statements if "في الوقت الذي" in st.text)
    assert quoted.direct


def test_sample1_us_official_via_reuters(sample1):
    src = _source_with(sample1, "تتتبع خيوطا منذ فترة بشأن هجوم محتمل تدعمه إيران")
    assert src.speaker.kind == "anonymous"
    assert src.speaker.affiliation == "USA"
    assert src.via == ["Reuters"]
    # "وبحسب رويترز قال مسؤول أمريكي" and "وأضاف المسؤول الذي طلب عدم ذكر اسمه"
    later = _source_with(sample1, "هجوم محتمل تشنه إيران أو قوى تدعمها إيران")
    assert later.speaker.kind == "anonymous" and later.via == ["Reuters"]
    assert "Reuters" in _source_with(sample1, "سيكون هجوما يمكن صده").via


def test_sample1_trump_tweet(sample1):
    src = _source(sample1, "دونالد ترامب")
    assert src.speaker.kind == "named_person"
    assert src.speaker.affiliation == "USA"
    tweet = next(st for st in src.statements if "يخططون لتنفيذ هجمات متسلسلة" in st.text)
    assert tweet.medium == "tweet" and tweet.direct
    assert _source_with(sample1, "إيران ستدفع ثمنا باهظا للغاية") is src


def test_sample2_guardian_and_its_sources(sample2):
    guardian = _source(sample2, "الغارديان")
    assert guardian.speaker.kind == "media"
    intel = _source_with(sample2, "قاسم سليماني التقى مؤخراً بقادة الميليشيات")
    assert intel.speaker.kind == "anonymous"
    assert intel.via == ["The Guardian"]
    # "وقال أحد المصادر للصحيفة" is one of the same sources, via the newspaper
    assert _source_with(sample2, "لم يكن الاجتماع دعوة لحمل السلاح") is intel


def test_sample2_wall_street_journal(sample2):
    wsj = _source(sample2, "وول ستريت جورنال")
    assert wsj.speaker.kind == "media"
    assert _source_with(sample2, "هذا يفسر التحرك الإيراني الأخير") is wsj  # "وبحسب الصحيفة"


@pytest.mark.parametrize("name", ["مايك بومبيو", "ماك ثورنبيري", "أنجوس كينج"])
def test_sample2_named_us_officials(sample2, name):
    src = _source(sample2, name)
    assert src.speaker.kind == "named_person"
    assert src.speaker.affiliation == "USA"


def test_sample2_king_on_cnn(sample2):
    king = _source(sample2, "أنجوس كينج")
    assert "CNN" in king.via
    interview = next(st for st in king.statements if "أعتقد أن المعلومات الاستخباراتية دقيقة" in st.text)
    assert interview.medium == "interview" and interview.channel == "CNN"
    assert any("لا أظن" in st.text and st.direct for st in king.statements)


def test_sample2_us_official_and_iran_denial(sample2):
    official = _source_with(sample2, "التحركات الإيرانية الأخيرة كانت ذات طبيعة دفاعية")
    assert official.speaker.kind == "anonymous" and official.speaker.affiliation == "USA"
    assert _source_with(sample2, "المعلومات الاستخباراتية التي لا تحدد طبيعة") is official  # "وقال إن"
    iran = _source(sample2, "إيران")
    assert iran.speaker.kind in ("organization", "role")
    assert iran.speaker.affiliation == "IRN"
    assert iran.statements[0].stance == "denies"


def test_source_ids_and_schema(sample2):
    assert [s.id for s in sample2.sources] == [f"s{i}" for i in range(1, len(sample2.sources) + 1)]
    d = sample2.to_dict()["sources"][0]
    assert {"id", "speaker", "via", "statements"} <= set(d)
    st = d["statements"][0]
    assert sample2.text[st["start"]:st["end"]] == st["text"]


def test_sourcing_profile(sample1, sample2):
    p1 = sourcing_profile(sample1)
    assert p1["anonymous"] >= 7 and p1["named"] >= 5
    assert p1["relays"] == ["Reuters"] and p1["relayed"] >= 3
    p2 = sourcing_profile(sample2)
    assert p2["sources_by_kind"]["media"] == 2
    assert set(p2["relays"]) == {"The Guardian", "The Wall Street Journal", "CNN"}

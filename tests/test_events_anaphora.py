"""Events: a definite event noun with no participants of its own repeats an event already told."""
from __future__ import annotations

import datetime as dt

import pytest

import marsad


def _events(text: str, published: dt.date, etype: str):
    return [(e.trigger.text, e.modality) for e in marsad.analyze(text, published=published).events if e.type == etype]


def test_sample2_later_mentions_of_the_meeting_are_not_new_meetings(sample2):
    consult = [e for e in sample2.events if e.type == "CONSULT"]
    sentences = [sample2.text[sample2.sentences[e.sentence].start:sample2.sentences[e.sentence].end] for e in consult]
    for repeat in ("ودق الاجتماع", "وأدى الاجتماع", "حضروا الاجتماع", "لم يكن الاجتماع"):
        assert not any(repeat in s for s in sentences), repeat
    # kept: two verbs, the habitual meetings with their own partner, the plural past meetings, a TV interview
    assert [e.trigger.text for e in consult] == ["التقى", "قابل", "الاجتماع", "الاجتماعات", "لقاء"]
    assert sample2.text[consult[2].trigger.end:].startswith(" بشكل دوري مع قادة")


def test_sample2_meeting_repeat_keeps_no_time_from_other_sentences(sample2):
    # the repeats used to carry "منذ خمس سنوات" (2014-05-16) to "ودق الاجتماع ناقوس الخطر"
    assert sum(1 for e in sample2.events if e.type == "CONSULT" and e.time == "2014-05-16") == 2


def test_repeated_definite_meeting_after_quoted_speaker_is_dropped_but_next_meeting_kept():
    text = ("واستضافت قبرص ثاني اجتماع ثلاثي بين وزراء الدفاع الثلاثة. وأوضح ليبرمان أن إسرائيل ستستضيف الاجتماع المقبل.\n"
            "وقال كامينوس إن الاجتماع يبرز التعاون بين الدول الثلاث.")
    assert _events(text, dt.date(2018, 6, 22), "CONSULT") == [("اجتماع", "asserted"), ("الاجتماع", "future")]


def test_definite_battles_repeat_the_battles_already_told():
    text = ("اقتحمت قوات #الجيش_اليمني، الأحد، مركز #مديرية_كتاف شرقي محافظة #صعدة (معقل الحوثيين) بعد معارك ضارية "
            "خاضتها مع ميليشيات الحوثي الانقلابية.\nوأوضح أن المعارك التي بدأت، الجمعة الماضية، أسفرت عن مصرع أكثر "
            "من 20 بينهم 3 قيادات ميدانية كبيرة في الميليشيات الانقلابية.")
    assert [t for t, _ in _events(text, dt.date(2018, 5, 13), "ASSAULT")] == ["اقتحمت", "معارك"]


@pytest.mark.parametrize("text,expected", [
    # "تم الاعتداء عليها": a periphrastic passive with its own victim is a new assault
    ("سجّلت مراكز الاقتراع في مختلف المناطق اللبنانية، مخالفات عديدة، حيث أفاد مراسل \"العربية\" بوقوع جرحى بإطلاق نار "
     "تخلل الانتخابات اللبنانية في زحلة.\nوقد أكدت المرشحة ريما حميّد عن حزب 7 ولائحة كلنا وطني المعارضة للسلطة، أنه "
     "تم الاعتداء عليها في مركز اقتراع في بنت جبيل جنوب لبنان واحتجازها مع أختها وأخيها.",
     ["بإطلاق نار", "الاعتداء"]),
    # "بغارات ... والمعارك": a conjunct in a list is another act, not a reference
    ("وكانت إحصائية نشرها موقع #الجيش_اليمني، الاثنين، قالت إن أكثر من 100 مسلح حوثي، بينهم قيادات ميدانية، لقوا "
     "مصرعهم خلال 48 ساعة بغارات طيران #التحالف_العربي والمعارك العنيفة الدائرة جنوبي محافظة الحديدة غرب #اليمن.",
     ["بغارات", "والمعارك"]),
])
def test_definite_nouns_that_are_new_events_are_kept(text, expected):
    assert [t for t, _ in _events(text, dt.date(2018, 5, 6), "ASSAULT")] == expected

"""Attribution rules, one phenomenon at a time, on real sentences (reference samples and ANT/SaudiNewsNet news)."""
from __future__ import annotations

import functools

import pytest

from marsad.document import Document
from marsad.pipeline import Pipeline


@functools.cache
def _pipeline() -> Pipeline:
    # the stages statements depends on (text, entities, places) and itself; times and events are not needed
    return Pipeline(disable=("times", "events"))


@functools.cache
def _doc(text: str):
    return _pipeline()(Document(text))


def _statements(text: str):
    doc = _doc(text)
    return [(src, st) for src in doc.sources for st in src.statements]


def _one(text: str, content: str):
    hits = [(src, st) for src, st in _statements(text) if content in st.text]
    assert hits, f"no statement with {content!r}: {[st.text for _, st in _statements(text)]}"
    return hits[0]


NASRALLAH = (  # CNN Arabic, CN-middleEast-915-20180514
    "قال حسن نصر الله، الأمين العام لحزب الله إن 55 صاروخا أطلقت نحو الجولان الأسبوع الماضي ردا على العدوان "
    "الإسرائيلي على سوريا، محذرا إسرائيل من الإقدام على أي هجوم آخر لأن \"الرد في المرة المقبلة سيكون في قلب "
    "فلسطين المحتلة.\"\n"
    "وفيما يتعلق بالموقف الخليجي من الهجوم الإسرائيلي، قال نصر الله إنه موقف \"مخزي\"، مؤكدا أننا اليوم أمام "
    "مرحلة جديدة في سوريا.\n"
    "وأضاف نصر الله: \"ومن لم يلتزم بهذه البنود من الدول العربية ضمن صفقة القرن، فقد يكون معرضا لعقوبات تفرضها "
    "الولايات المتحدة الأمريكية.\""
)

BARCELONA = (  # Al Arabiya, AL-sport-526-20180310
    "ذكر برشلونة، متصدر دوري الدرجة الأولى الإسباني لكرة القدم، إن نجمه الأرجنتيني ليونيل ميسي لن يشارك في "
    "مباراته المقبلة في البطولة المحلية أمام ملقا يوم السبت لأسباب شخصية، في حين قالت تقارير إعلامية محلية، إن "
    "السبب هو ولادة الطفل الثالث لميسي.\n"
    "وقالت صحيفة \"ماركا\" الإسبانية إن زوجة ميسي أنتونيلا وضعت طفلهما الثالث الذي أطلق عليه اسم شيرو يوم السبت."
)

REUTERS = (  # sample 1
    "ونقلت وكالة “رويترز” عن مسؤول أمريكي قوله إن المخابرات الأمريكية “تتتبع خيوطا منذ فترة بشأن هجوم محتمل "
    "تدعمه إيران على القوات الأمريكية في العراق”.\n\n"
    "وأضاف المسؤول الذي طلب عدم ذكر اسمه أن المخابرات الأمريكية تتتبع خيوطا منذ فترة بشأن هجوم محتمل تشنه إيران.\n\n"
    "ولم يكشف المسؤول المعلومات الخاصة بتوقيت الهجوم أو أهدافه على وجه الدقة."
)

MOUSAVI = (  # sample 1
    "وفي طهران، أكد عباس موسوي، المتحدث باسم الخارجية الإيرانية، أن التحركات العسكرية الأمريكية في العراق، تأتي "
    "خلافا للمطالب الرسمية المعلنة للحكومة العراقية.\n\n"
    "وقال اامس الأربعاء تعليقا على التحركات العسكرية الأمريكية في العراق: “في الوقت الذي يؤكد فيه الأمين العام "
    "للأمم المتحدة على وقف الإجراءات المستفزة، تأتي هذه التحركات الأمريكية خلافا للموقف الرسمي للحكومة العراقية”.\n\n"
    "وطالب المتحدث باسم الخارجية الإيرانية القوات الأمريكية ياحترام إرادة الحكومة العراقية."
)

SOURCE = (  # sample 1: a quote after إن, a participle continuation, a cue inside the quote
    "وقال المصدر الأمني إن “مسؤولين أمريكيين أبلغوا قيادة العمليات منذ 25 مارس الماضي، بأنهم ملزمون باتخاذ إجراءات، "
    "واتهموا فصائل مسلحة بأنها وراء استهدف القواعد”.\n\n"
    "وأضاف أن “المسؤولين الأمريكيين اعتبروا عجز الحكومة دليلا على عدم استطاعة الدولة فرض سيطرتها”، مشيرا إلى أن "
    "“الأمريكيين ركزوا في طلعاتهم الجوية على مناطق جنوب كركوك”."
)


def test_indirect_speech_after_qala_inna():
    src, st = _one(NASRALLAH, "55 صاروخا أطلقت نحو الجولان")
    assert src.speaker.text.startswith("حسن نصر الله") and src.speaker.kind == "named_person"
    assert st.cue == "قال" and st.stance == "says" and not st.direct


def test_participle_starts_a_statement_of_the_same_speaker():
    src, st = _one(NASRALLAH, "أننا اليوم أمام مرحلة جديدة")
    assert st.stance == "confirms" and "نصر الله" in src.speaker.text


def test_pronominal_complementizer_keeps_the_quote_inside_indirect_content():
    _, st = _one(NASRALLAH, "موقف \"مخزي\"")
    assert st.text.startswith("إنه") and not st.direct


def test_quote_introduced_by_a_colon_is_direct():
    src, st = _one(NASRALLAH, "ومن لم يلتزم بهذه البنود")
    assert st.direct and "نصر الله" in src.speaker.text
    assert len(_doc(NASRALLAH).sources) == 1


def test_organization_and_document_speakers():
    org, _ = _one(BARCELONA, "ليونيل ميسي لن يشارك")
    assert org.speaker.text == "برشلونة"
    reports, _ = _one(BARCELONA, "السبب هو ولادة الطفل الثالث")
    assert reports.speaker.kind == "document"


def test_outlet_named_in_quotes_after_its_kind_noun():
    src, _ = _one(BARCELONA, "زوجة ميسي أنتونيلا وضعت")
    assert src.speaker.kind == "media" and "ماركا" in src.speaker.text


def test_relay_naqalat_an_and_anonymity_clause():
    src, st = _one(REUTERS, "المخابرات الأمريكية “تتتبع خيوطا")
    assert src.speaker.kind == "anonymous" and src.speaker.affiliation == "USA" and src.via == ["Reuters"]
    assert st.stance == "reports"
    again, st2 = _one(REUTERS, "هجوم محتمل تشنه إيران")
    assert again is src and st2.via == ["Reuters"]


def test_negated_cue_is_not_a_statement():
    assert not [st for _, st in _statements(REUTERS) if "بتوقيت الهجوم" in st.text]


def test_implicit_subject_and_role_back_reference():
    named, _ = _one(MOUSAVI, "التحركات العسكرية الأمريكية في العراق، تأتي")
    assert named.speaker.text == "عباس موسوي" and named.speaker.affiliation == "IRN"
    implicit, st = _one(MOUSAVI, "في الوقت الذي يؤكد فيه الأمين العام")
    assert implicit is named and st.direct
    role, st = _one(MOUSAVI, "ياحترام إرادة الحكومة العراقية")
    assert role is named and st.stance == "demands"


def test_cues_inside_a_quotation_are_the_quoted_speakers_words():
    stmts = _statements(SOURCE)
    assert not [st for _, st in stmts if st.text.startswith("مسلحة") or st.cue == "واتهموا"]
    quoted = [st for _, st in stmts if st.direct]
    assert len(quoted) == 3  # the quote after إن, after أن, and after مشيرا إلى أن


@pytest.mark.parametrize("text,kind", [
    # SK-middleEast-26-20180223
    ("وقال شهود عيان إن موجة جديدة من القصف استهدفت الغوطة الشرقية في سوريا بلا هوادة، الجمعة، وذلك قبل تصويت "
     "في مجلس الأمن الدولي للمطالبة بوقف إطلاق النار لمدة 30 يوما في أنحاء البلاد.", "collective"),
    # AL-internationalNews-1100-20180510
    ("وبحسب بيان صادر عن الجيش الإسرائيلي، فقد استهدفت الغارات، عشرات الأهداف العسكرية التابعة لفيلق القدس "
     "الإيراني داخل سوريا.", "document"),
    # AL-internationalNews-1055-20180508
    ("وقال متحدث باسم حكومة باراغواي إن من المقرر أن يزور كارتيس #إسرائيل لنقل السفارة في 21 أو 22 أيار/مايو.", "role"),
    # AL-internationalNews-705-20180331
    ("وقال دبلوماسي، طلب عدم الكشف عن هويته، إنها رزمة العقوبات الأكثر شمولاً التي يوافق عليها مجلس الأمن بحق "
     "كوريا الشمالية.", "anonymous"),
])
def test_speaker_kinds(text, kind):
    (src,) = _doc(text).sources
    assert src.speaker.kind == kind


def test_bihasab_alone_makes_the_outlet_the_speaker():
    text = ("قالت صحيفة الغارديان، إن قاسم سليماني التقى مؤخراً بقادة الميليشيات الشيعية في العراق.\n\n"
            "وبحسب الصحيفة قابل سليماني المليشيات في بغداد قبل ثلاثة أسابيع.")
    src, _ = _one(text, "قابل سليماني المليشيات")
    assert src.speaker.kind == "media" and src.speaker.text == "الغارديان"


def test_li_outlet_is_a_relay():
    # AL-internationalNews-1055-20180508
    text = ("وكان واصل أبو يوسف عضو اللجنة التنفيذية لمنظمة التحرير الفلسطينية قال لوكالة رويترز \"هذا القرار مخالف "
            "لقرارات الشرعية الدولية وهو يدعم استمرار الاحتلال الإسرائيلي\".")
    src, st = _one(text, "هذا القرار مخالف")
    assert src.via == ["Reuters"] and st.direct
    assert "أبو يوسف" in src.speaker.text and src.speaker.kind == "named_person"


def test_sentence_final_source_phrase_attributes_the_clause_before_it():
    # SaudiNewsNet SNN-016720
    text = ("قتل 25 مقاتلاً من المعارضة السورية على الأقل خلال محاولة هجوم فاشلة قاموا بها على قاعدة عسكرية في "
            "محافظة حلب، شمال البلاد، حسبما أفاد المرصد السوري لحقوق الإنسان يوم أمس السبت.")
    (src,) = _doc(text).sources
    assert "المرصد السوري" in src.speaker.text and src.speaker.affiliation == "SYR"
    assert src.statements[0].text.startswith("قتل 25 مقاتلاً")


def test_name_in_quotation_marks_and_colon_quote():
    # SaudiNewsNet SNN-015023
    text = ("وقال \"سالم بن خلفان القريني\"، وهو أحد أقدم العمانيين المتواجدين في السودة: \"المعروضات تمتاز بأنها "
            "صناعة منزلية، وفي مقدمتها الحلوى المصنوعة من الزعفران والهيل والسمسم\".")
    src, st = _one(text, "المعروضات تمتاز بأنها صناعة منزلية")
    assert src.speaker.text == "سالم بن خلفان القريني" and src.speaker.kind == "named_person" and st.direct


def test_adverbial_before_the_verb_is_not_a_speaker():
    # Sky News Arabia SK-internationalNews-2681-20180717
    text = ("وفي وقت سابق ذكرت صحيفة نيويورك تايمز أن إدارة الرئيس الأميركي دونالد ترامب أمرت الدبلوماسيين بالعمل "
            "من أجل محادثات مباشرة مع طالبان في محاولة لإطلاق المفاوضات.")
    (src,) = _doc(text).sources
    assert src.speaker.kind == "media" and "نيويورك تايمز" in src.speaker.text


@pytest.mark.parametrize("text, content, name", [
    # Kuwaiti sports news: an honorific before the full name
    ('وقال الشيخ طلال الفهد في مؤتمر صحافي عقب الاجتماع إن "السبب في التأجيل يعود إلى عدم جاهزية ستاد جابر".',
     "السبب في التأجيل", "طلال الفهد"),
    # SaudiNewsNet: a title before a surname met earlier in the article
    ("قدم عماد المحيسن عرضا مميزا. وقد أكد الكابتن المحيسن أنه سيمضي قدما في تقديم عروض الخفة.",
     "سيمضي قدما", "عماد المحيسن"),
])
def test_a_title_between_the_cue_and_the_name(text, content, name):
    src, _ = _one(text, content)
    assert src.speaker.kind == "named_person"
    doc = _doc(text)
    assert next(e.name for e in doc.entities if e.id == src.speaker.entity) == name


GARGASH = (  # Al Arabiya, AL-internationalNews-525-20180318
    "قال #أنور_قرقاش وزير الدولة للشؤون الخارجية الإماراتي، الأحد، إنه لا يمكن للدوحة أن تنفي دعمها للإرهاب في "
    "ظل تراكم الأدلة والقرائن، مشيراً إلى أن دعم التطرف محور الأزمة.\n"
    "وأكد في تغريدة على صفحته بموقع التواصل الاجتماعي \"تويتر\" أن #قطر دفعت ما يتراوح بين 700 مليون دولار إلى "
    "مليار دولار إلى مجموعة معقدة من الجماعات الإرهابية تشمل ميليشيا #حزب_الله وميليشيا #الحشد_الشعبي وجبهة النصرة."
)


def test_a_hashtag_as_the_speaker():
    src, st = _one(GARGASH, "لا يمكن للدوحة")
    doc = _doc(GARGASH)
    speaker = next(e for e in doc.entities if e.id == src.speaker.entity)
    assert (speaker.name_en, src.speaker.kind) == ("Anwar Gargash", "named_person")
    # the implicit subject of the next sentence is the same speaker
    src2, _ = _one(GARGASH, "دفعت ما يتراوح")
    assert src2.id == src.id


@pytest.mark.parametrize("text, content, speaker, kind, via", [
    # Sky News Arabia from AFP, 2018-07-14 (Basra protests): the outlet the source spoke to is the relay
    ("حيث هاجم متظاهرون مقر منظمة بدر وحاولوا إحراقه ما أدى إلى صدام بينهم وبين القوات الأمنية أسفر عن "
     "إصابة ثلاثة متظاهرين على الأقل بجروح، بحسب ما أفاد مصدر أمني وكالة فرانس برس.",
     "إصابة ثلاثة متظاهرين", "مصدر أمني", "anonymous", ["Agence France-Presse"]),
    # France 24, 2018-04-20: the spokesman speaks, the Saudi agency relays
    ("قتل المهاجمون ثلاثة حراس، وفق ما نقلت وكالة الأنباء السعودية عن المتحدث الأمني باسم وزارة الداخلية.",
     "قتل المهاجمون", "المتحدث الأمني باسم وزارة الداخلية", "role", ["Saudi Press Agency"]),
    # BBC Arabic, 2018-05-09: Foreign Policy quoting Hadi al-Amiri by his surname alone, a name no table knows
    ("ونقلت مجلة فورين بوليسي عن العامري قوله إن القوات ستبقى.",
     "القوات ستبقى", "العامري", "named_person", ["Foreign Policy"]),
])
def test_relays(text, content, speaker, kind, via):
    src, st = _one(text, content)
    assert (src.speaker.text, src.speaker.kind, src.via) == (speaker, kind, via)
    assert not any(v in s.text for _, s in _statements(text) for v in ("فرانس برس", "عن المتحدث"))


def test_a_source_phrase_closing_the_sentence_with_a_few_more_words():
    # the words after the source finish its name ("للإحصاءات هناك"): the statement is the clause before
    text = "ارتفع عدد السكان إلى 743 مليون نسمة العام الماضي، وفقاً لما ذكره المكتب المركزي للإحصاءات هناك."
    src, st = _one(text, "743 مليون")
    assert src.speaker.kind == "organization"
    assert [s.text for _, s in _statements(text)] == [st.text]


@pytest.mark.parametrize("text, content, speaker", [
    ("وقال الوزير السابق باسم السالم إن القرار خاطئ.", "القرار خاطئ", "باسم السالم"),  # باسم the name
    ("وبلغ عدد القتلى، بحسب وزارة الصحة، 40 قتيلا.", "40 قتيلا", "وزارة الصحة"),  # set off by commas
    ("وقال الأمير #محمد_بن_سلمان إن المملكة ماضية في الإصلاح.", "المملكة ماضية", "محمد_بن_سلمان"),
])
def test_review_statement_cases(text, content, speaker):
    src, _ = _one(text, content)
    assert src.speaker.text == speaker


def test_no_name_from_a_kin_noun_before_her_saying():
    assert _statements("ونقلت الصحيفة عن والدته قولها إن ابنها بريء.") == []

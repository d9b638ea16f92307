"""Time expressions: extraction spans and resolved values on the samples and on real news phrasings."""
from __future__ import annotations

import datetime as dt

import pytest

from marsad.times import TimeTagger, find_times

PUB1 = dt.date(2020, 4, 2)  # sample 1, a Thursday
PUB2 = dt.date(2019, 5, 16)


def _find(doc, fragment):
    hits = [t for t in doc.times if fragment in t.text]
    assert hits, f"no time expression containing {fragment!r}: {[t.text for t in doc.times]}"
    return hits[0]


@pytest.mark.parametrize("fragment,value,grain", [
    ("25 مارس الماضي", "2020-03-25", "day"),
    ("يوم 11 مارس", "2020-03-11", "day"),
    ("يناير/ كانون الثاني", "2020-01", "month"),
])
def test_times_sample1_values(sample1, fragment, value, grain):
    t = _find(sample1, fragment)
    assert (t.value, t.grain) == (value, grain)


def test_times_sample1_today_weekday_is_the_day_before_publication(sample1):
    # the article is dated Thursday 2 April but says "اليوم الأربعاء": written on Wednesday
    hits = [t for t in sample1.times if t.text == "اليوم الأربعاء"]
    assert hits and all(t.value == "2020-04-01" for t in hits)


def test_times_sample1_typo_yesterday_wednesday(sample1):
    t = _find(sample1, "الأربعاء")
    assert t.value == "2020-04-01"
    assert any(x.text == "اامس الأربعاء" and x.value == "2020-04-01" for x in sample1.times)


def test_times_sample1_recent_days_are_vague(sample1):
    t = _find(sample1, "الأيام الأخيرة")
    assert t.vague and t.value is None and t.grain == "vague"


@pytest.mark.parametrize("fragment,value,grain", [
    ("قبل ثلاثة أسابيع", "2019-04-25", "week"),
    ("الأسبوع الماضي", "2019-W19", "week"),
    ("منذ خمس سنوات", "2014-05-16", "year"),
])
def test_times_sample2_values(sample2, fragment, value, grain):
    t = _find(sample2, fragment)
    assert (t.value, t.grain) == (value, grain)


def test_times_sample2_recently_is_vague(sample2):
    t = _find(sample2, "مؤخرا")
    assert t.vague and t.value is None
    assert t.text == "مؤخراً"  # the tanwin the normaliser drops stays inside the span


@pytest.mark.parametrize("fixture", ["sample1", "sample2"])
def test_times_spans_slice_the_text(request, fixture):
    doc = request.getfixturevalue(fixture)
    assert doc.times
    for t in doc.times:
        assert doc.text[t.start:t.end] == t.text
        assert t.text == t.text.strip()


VALUE_CASES = [
    # the three month systems, and the paired forms
    ("وصل في 3 جانفي 2021", None, "2021-01-03", "day"),
    ("اجتمعوا في 15 شباط 2019", None, "2019-02-15", "day"),
    ("في 9 تشرين الأول الماضي", dt.date(2019, 11, 2), "2019-10-09", "day"),
    ("في 7 أفريل", dt.date(2019, 4, 20), "2019-04-07", "day"),
    ("في شهر آب 2014", None, "2014-08", "month"),
    ("خلال حزيران/ يونيو الماضي", dt.date(2019, 8, 1), "2019-06", "month"),
    # Arabic-Indic digits and numeric dates
    ("بتاريخ ١٥/٠٣/٢٠٢٠", None, "2020-03-15", "day"),
    ("في ٢٥ مارس ٢٠٢٠", None, "2020-03-25", "day"),
    ("الموافق 2019-05-16", None, "2019-05-16", "day"),
    # Hijri
    ("في ١٥ رمضان ١٤٤١ هـ", None, "2020-05-08", "day"),
    ("الموافق 14-09-1432 هـ", None, "2011-08-14", "day"),
    ("في شهر رمضان", dt.date(2020, 5, 1), "2020-04-24/2020-05-23", "range"),
    ("في بداية شهر رمضان", dt.date(2020, 5, 1), "2020-04-24/2020-05-08", "range"),  # its first half
    ("منذ بداية شهر رمضان", dt.date(2020, 5, 1), "2020-04-24/2020-05-01", "range"),  # from its start to now
    ("خلال رمضان 2020", None, "2020-04-24/2020-05-23", "range"),
    ("بمناسبة عيد الفطر", dt.date(2019, 6, 20), "2019-06-04", "day"),
    # relative days, weekdays, parts of day, clock times
    ("وقال أمس الأربعاء", PUB1, "2020-04-01", "day"),
    ("ووصل بعد غد", PUB1, "2020-04-04", "day"),
    ("وقعت فجر اليوم", PUB1, "2020-04-02TDAWN", "part_of_day"),
    ("مساء أمس", PUB1, "2020-04-01TEV", "part_of_day"),
    ("الساعة الثالثة عصراً", PUB1, "2020-04-02T15:00", "datetime"),
    ("الساعة الثامنة وعشرين دقيقة مساءً", PUB1, "2020-04-02T20:20", "datetime"),
    ("يوم الجمعة الماضي", PUB1, "2020-03-27", "day"),
    ("الأحد المقبل", PUB1, "2020-04-05", "day"),
    ("الجمعة", PUB1, "2020-03-27", "day"),
    # relative periods
    ("خلال الشهرين الماضيين", PUB1, "2020-02-02/2020-04-02", "range"),
    ("العام المقبل", PUB1, "2021", "year"),
    ("الشهر الماضي", PUB1, "2020-03", "month"),
    ("الأسبوع المقبل", PUB1, "2020-W15", "week"),
    ("في الربع الثالث من عام 2016", None, "2016-07/2016-09", "range"),
    # ranges and durations
    ("من 4 إلى 22 يناير 1995", None, "1995-01-04/1995-01-22", "range"),
    ("بين 2014 و2018", None, "2014/2018", "range"),
    ("لمدة ثلاثة أيام", None, "P3D", "duration"),
    ("استمر ساعتين ونصف", None, "PT2.5H", "duration"),
    ("عام واحد و شهر و 21 يوما", None, "P1Y1M21D", "duration"),
    ("من الساعة 4 مساءً حتى 5 مساءً", dt.date(2016, 11, 7), "2016-11-07T16:00/2016-11-07T17:00", "range"),
    ("تعقد الجلسة أسبوعيا", None, "P1W", "set"),
    ("في عطلة نهاية الأسبوع", dt.date(2016, 11, 7), "2016-W45-WE", "weekend"),
    ("الأسبوع الثالث من هذا الشهر", dt.date(2016, 11, 7), "2016-W47", "week"),
    ("في الحادي والعشرين من مايو 2019", None, "2019-05-21", "day"),
    ("في ألف وتسعمائة وثمانية وسبعين", None, "1978", "year"),
    ("في صيف 2014", None, "2014-SU", "season"),
    ("حكم عليه بالسجن خمس سنوات", None, "P5Y", "duration"),
]


@pytest.mark.parametrize("text,grain", [
    ("قبل ثلاثة أسابيع", "week"),
    ("الأسبوع الماضي", "week"),
    ("اليوم الأربعاء", "day"),
    ("في 25 مارس", "day"),
    ("يناير", "month"),
])
def test_times_without_publication_date_keep_span_and_no_value(text, grain):
    (t,) = find_times(text, None)
    assert t.value is None and t.grain == grain and t.text in text


@pytest.mark.parametrize("text", [
    "مؤخراً", "في الآونة الأخيرة", "منذ سنوات", "قبل أيام", "خلال الأيام الأخيرة",
])
def test_times_vague_cues(text):
    (t,) = find_times(text, PUB1)
    assert t.vague and t.value is None


@pytest.mark.parametrize("text", [
    "قال أحد المسؤولين إن الأب عاد",  # أحد (one of) is not Sunday, أب (father) is not August
    "ظهر الرئيس في الربيع العربي",  # ظهر (appeared) is not noon, الربيع العربي is not a season
    "كان ذلك في أول أيام العيد",  # an ordinal count is not a duration
    "بمناسبة الذكرى الخامسة والعشرين للعلاقات",  # an ordinal, not 05:20
    "أصيب 25 شخصا وقتل ثلاثة",
    "بلغت نسبة المشاركة 45.3 في المئة",
])
def test_times_no_false_alarms(text):
    assert find_times(text, PUB1) == []


def test_times_hours_ago_with_datetime_anchor():
    (t,) = find_times("قبل ساعتين", dt.datetime(2020, 4, 2, 10, 30))
    assert (t.value, t.grain) == ("2020-04-02T08:30", "datetime")


def test_times_date_and_clock_merge():
    (t,) = find_times("الموافق 14-09-1432 هـ، 09:40 صباحاً", None)
    assert (t.value, t.grain) == ("2011-08-14T09:40", "datetime")


def test_times_proclitics_stay_outside_the_span():
    (t,) = find_times("وبالأمس وصل الوفد", PUB1)
    assert t.text == "الأمس" and t.value == "2020-04-01"


def test_times_stage_fills_doc_times():
    from marsad.document import Document

    doc = Document(text="وصل الوفد يوم 11 مارس.", published=PUB1)
    TimeTagger()(doc)
    assert [(t.text, t.value) for t in doc.times] == [("يوم 11 مارس", "2020-03-11")]


PUB_SNN = dt.date(2015, 7, 21)  # a SaudiNewsNet article date (Tuesday)


# phrasings found in news articles
NEWS_PHRASING_CASES = [
    # a day as a masculine ordinal after a preposition
    ("وعاد الوفد في الحادي والعشرين", PUB_SNN, "2015-07-21", "day"),
    # seasons: with a year or a direction anchored, alone left without a year
    ("في موسم صيف هذا العام", PUB_SNN, "2015-SU", "season"),
    ("صيف العام الماضي", PUB_SNN, "2014-SU", "season"),
    ("منصة للغزو في فصل الصيف", PUB_SNN, "SU", "season"),
    # the possessive week after بقية / نهاية
    ("سأرحل بقية أسبوعي", dt.date(2016, 11, 7), "2016-11-07/2016-11-13", "range"),
    ("نهاية أسبوعي", dt.date(2016, 11, 7), "2016-W45-WE", "weekend"),
    # clock times: the part of the day of the day they follow, midnight, ranges in words
    ("عند الثامنة من صباح يوم غد الأربعاء", PUB_SNN, "2015-07-22T08:00", "datetime"),
    ("مساء أمس الساعة 7", PUB_SNN, "2015-07-20T19:00", "datetime"),
    ("سأعود الليلة في 7", PUB_SNN, "2015-07-21T19:00", "datetime"),
    ("الساعة 8 مساء يوم الأحد", PUB_SNN, "2015-07-19T20:00", "datetime"),
    ("الساعة الثانية عشرة ليلاً", PUB_SNN, "2015-07-21T00:00", "datetime"),
    ("بعد الظهر الساعة 7", PUB_SNN, "2015-07-21T19:00", "datetime"),
    ("من الخامسة إلى السادسة مساءً", PUB_SNN, "2015-07-21T17:00/2015-07-21T18:00", "range"),
    ("الليلة الماضية", PUB_SNN, "2015-07-20TNI", "part_of_day"),
]


@pytest.mark.parametrize("text,published,value,grain", VALUE_CASES + NEWS_PHRASING_CASES)
def test_times_values(text, published, value, grain):
    times = find_times(text, published)
    assert [(t.value, t.grain) for t in times][-1:] == [(value, grain)], times


@pytest.mark.parametrize("text", [
    "المفارق بالنسبة للأول، والمحايث بالنسبة للثاني",  # "the latter", not the 2nd of the month
    "ظهر المنتخب بشكل أفضل في الشوط الإضافي الثاني",  # في inside الإضافي is not a preposition
    "تقضي بصورة جماعية آلاف الساعات في التفاعل",  # thousands of hours: no count, not PT1000H
    "مفتوحة طيلة أيام الأسبوع",  # the days of the week are not a duration
])
def test_times_no_false_alarms_news(text):
    assert find_times(text, PUB_SNN) == []


def test_times_centuries_and_an_elided_century_is_not_a_day():
    times = find_times("للأندلس الذي امتد من القرن الثامن وحتى الخامس عشر.", PUB_SNN)
    # the 15th century, not the 15th day of the month
    assert [(t.text, t.value) for t in times] == [("القرن الثامن", "0700/0799")]
    assert [t.value for t in find_times("في القرن الماضي", PUB_SNN)] == ["1900/1999"]


def test_times_relative_day_with_its_stated_date_is_one_expression():
    times = find_times("فترة الستين يوما تبدأ اليوم 20 يوليو (تموز).", PUB_SNN)
    assert [(t.text, t.value) for t in times] == [("الستين يوما", "P60D"), ("اليوم 20 يوليو (تموز)", "2015-07-20")]


def test_times_weekday_with_its_hijri_date_and_year_after_lam():
    text = "حتى يوم رحيل سعود الفيصل، الخميس الثاني والعشرين من شهر رمضان الكريم"
    times = find_times(text, PUB_SNN)
    assert [(t.text, t.value) for t in times] == [("الخميس الثاني والعشرين من شهر رمضان", "2015-07-09")]
    (t,) = find_times("وصولا للتاسع من يوليو (تموز) لعام 2015م", PUB_SNN)
    assert (t.value, t.grain) == ("2015-07-09", "day")


def test_times_clock_range_in_brackets_and_ordinal_hours():
    text = "قامت بغارة جوية ما بين الساعة (التاسعة والحادية عشرة مساء) على خزان مياه"
    times = find_times(text, PUB_SNN)
    assert [(t.value, t.grain) for t in times] == [("2015-07-21T21:00/2015-07-21T23:00", "range")]
    # minutes are cardinals: the feminine ordinal is a second hour, not 9:11
    assert [t.value for t in find_times("التاسعة والحادية عشرة مساء", PUB_SNN)] == ["2015-07-21T23:00"]


def test_times_a_list_of_clock_times_is_not_a_range():
    times = find_times("في الأوقات التالية: الثالثة بعد الظهر والرابعة والنصف والسادسة مساء", PUB_SNN)
    assert all(t.grain != "range" for t in times) and times[0].value == "2015-07-21T15:00"


def test_times_weekly_set_with_a_clock_time_is_not_a_duration():
    times = find_times("سأغادر كل يوم اثنين الساعة 4 مساءً", PUB_SNN)
    # (and the weekly recurrence takes its clock time: one TIMEX3 set)
    assert [(t.text, t.value) for t in times] == [("كل يوم اثنين الساعة 4 مساءً", "XXXX-WXX-1T16")]


PUB_REVIEW = dt.date(2015, 7, 25)


# units that refer back to a stated date, and bounds, in narrated past (review of round 5): every expression of
# the sentence, with its value
@pytest.mark.parametrize("text,expected", [
    # "N من الشهر الذي يليه" / "السابع من الشهر التالي": that day of the month after the antecedent's
    ("وقع الهجوم في 3 مارس 2010، وفي 7 من الشهر الذي يليه اعتقلت الشرطة المنفذين",
     [("3 مارس 2010", "2010-03-03"), ("7 من الشهر الذي يليه", "2010-04-07")]),
    ("وقع الهجوم في 3 مارس 2010، وفي السابع من الشهر التالي اعتقلت الشرطة المنفذين",
     [("3 مارس 2010", "2010-03-03"), ("السابع من الشهر التالي", "2010-04-07")]),
    # an edge of the month after: one expression, cut like "نهاية الشهر"
    ("وقع الهجوم في 3 مارس 2010، وفي نهاية الشهر التالي اعتقلت الشرطة المنفذين",
     [("3 مارس 2010", "2010-03-03"), ("نهاية الشهر التالي", "2010-04-16/2010-04-30")]),
    ("تراجعت الأسعار في عام 2010، وفي نهاية العام السابق ارتفعت",
     [("عام 2010", "2010"), ("نهاية العام السابق", "2009-07-01/2009-12-31")]),
    # an antecedent too vague for the unit: the text narrates 2010, not the publication's days
    ("في عام 2010 وقع الهجوم، وفي اليوم السابق كانت الشرطة قد حذرت منه",
     [("عام 2010", "2010"), ("اليوم السابق", None)]),
    ("في مارس 2010 وقع الهجوم، وفي اليوم السابق كانت الشرطة قد حذرت منه",
     [("مارس 2010", "2010-03"), ("اليوم السابق", None)]),
    ("في عام 2010 وقع الهجوم، وفي الشهر السابق كانت الشرطة قد حذرت منه",
     [("عام 2010", "2010"), ("الشهر السابق", None)]),
    # no antecedent at all: السابق still falls back on the publication
    ("وارتفعت الصادرات مقارنة بالعام السابق", [("العام السابق", "2014")]),
    ("وفي 7 من الشهر السابق أعلنت الوزارة", [("7 من الشهر السابق", "2015-06-07")]),
    # "حتى نهاية العام" in a paragraph narrating 2010 ends 2010; in a future clause it is the publication's year
    ("في عام 2010 اندلعت المعارك واستمرت حتى نهاية العام.",
     [("عام 2010", "2010"), ("حتى نهاية العام", "2010-12-31")]),
    ("في مارس 2010 اندلعت المعارك واستمرت حتى نهاية الشهر.",
     [("مارس 2010", "2010-03"), ("حتى نهاية الشهر", "2010-03-31")]),
    ("في عام 2010 اندلعت المعارك واستمرت حتى نهاية الشهر.", [("عام 2010", "2010"), ("حتى نهاية الشهر", None)]),
    ("وقال في عام 2010 إن الحملة ستستمر حتى نهاية العام",
     [("عام 2010", "2010"), ("حتى نهاية العام", "2015-07-25/2015-12-31")]),
    # "منذ يوم الجمعة" is since Friday, not "a day ago" and Friday
    ("أغلقت الطرق منذ يوم الجمعة.", [("الجمعة", "2015-07-24")]),
    ("وصل قبل يوم الجمعة الماضي", [("الجمعة الماضي", "2015-07-24")]),
    ("وصل الوفد منذ يوم واحد", [("منذ يوم واحد", "2015-07-24")]),
    # an edge of a year written out is one expression; a fiscal or school year is not the calendar year
    ("تمتد حتى نهاية العام 2021، والتي يأتي أولها", [("حتى نهاية العام 2021", "2015-07-25/2021-12-31")]),
    ("وارتفعت القروض في نهاية العام 2014 بنسبة 13%", [("نهاية العام 2014", "2014-07-01/2014-12-31")]),
    ("وبلغ الفائض في نهاية العام 213.3 مليون ريال", [("نهاية العام", "2015-07-01/2015-12-31")]),
    ("ويتم تحصيلها منه قبل نهاية العام المالي الجاري", []),
    ("أنباء عن تأجيل بداية العام الدراسي", []),
    # العام after a definite noun is "general", whatever follows it
    ("قال الأمين العام نفسه إن الوضع خطير", []),
    ("وأضاف أن النائب العام نفسه حضر الجلسة", []),
])
def test_times_refer_back_and_bounds_in_narration(text, expected):
    assert [(t.text, t.value) for t in find_times(text, PUB_REVIEW)] == expected

"""The grammar: regular expressions over normalised text, built once from the lexicons.

Each pattern has a handler (in marsad.times.handlers) that reads its named groups and the anchor date.
Sub-patterns are plain strings without group names so that they can be reused inside larger ones.
"""
from __future__ import annotations

import functools
import re

from marsad.times.lexicon import alternation, lexicon, unit_forms

# An expression starts at a word boundary, after optional proclitics و ف then ب ل ك, which stay
# outside the span ("وفي يناير", "بالأمس" -> "الأمس").
_START = r"(?<![\w:])(?<!\d[/.])(?:[وف](?=\w\w))??(?:[بلك](?=\w\w))??"  # lazy: "واحد" stays whole
_END_LETTER = r"(?![^\W\d_])"  # no letter follows (a digit may: "سبتمبر10")
_END = r"(?!\w)"


@functools.cache
def blocks() -> dict[str, str]:
    """Named sub-patterns shared by the patterns."""
    lex = lexicon()
    b: dict[str, str] = {}
    # أحد/إحدى are numbers only in 11 (أحد عشر); alone they mean "one of" or, with ال, Sunday
    b["NW"] = rf"(?!(?:ال|لل|ل)?احدي?(?!\w)(?!\s+عشر))(?:ال|لل|ل)?{alternation(lex.numbers)}(?!\w)"
    # words join with و; without it only عشر (teens, then a spoken year's second pair), hundreds, thousands
    b["NUMPH"] = (rf"{b['NW']}(?:\s+و\s*{b['NW']}|\s+عشر(?:ه)?(?!\w)(?:\s+{b['NW']})?"
                  rf"|\s+(?:مايه|ميه|الاف|الف)(?!\w))*")
    b["NUM"] = rf"(?:\d+(?:[.,]\d+)?(?![\d/:])|{b['NUMPH']})"
    b["DAY"] = rf"(?:(?:[12]\d|3[01]|0?[1-9])(?![\d:]|/\d)|{b['NUMPH']})"
    b["DAYD"] = r"(?:[12]\d|3[01]|0?[1-9])(?![\d:])"
    b["Y4"] = r"(?:1[0-9]\d\d|20\d\d)(?!\d)"
    b["YEAR"] = rf"(?:{b['Y4']}|{b['NUMPH']})"
    b["YKW"] = r"(?:(?:ال)?(?:عام|سنه)\s+)"
    b["MONTH"] = alternation(lex.months) + _END_LETTER
    b["HMONTH"] = alternation(lex.hijri_months) + _END
    b["WD"] = alternation([w for w in lex.weekdays if w.startswith("ال")]) + _END
    b["WDBARE"] = alternation([w for w in lex.weekdays if not w.startswith("ال")]) + _END
    b["DIR"] = alternation(lex.directions) + _END
    b["LAST"] = alternation(lex.last_words) + _END
    b["PART_W"] = alternation(lex.part_words)  # "الأولى", "الأخيرة" (من العام)
    b["UNIT"] = rf"(?:ال)?{alternation(lex.units)}{_END}"
    b["UNITW"] = alternation(lex.units) + _END
    # a calendar period's bare singular: "العام نفسه", "نهاية الشهر"; with the day: "اليوم التالي"
    b["PERIOD"] = alternation(unit_forms("week", "month", "year"))
    b["PERIOD_D"] = alternation(unit_forms("day", "week", "month", "year"))
    b["PERIOD_L"] = alternation(unit_forms("week", "month", "year", "decade", "century"))  # "هذا العقد"
    b["PART_N"] = alternation([p for p in lex.parts if len(p) > 1 and not p.endswith("ا") and not p.startswith("ال")]) + _END
    b["PART_ADV"] = alternation([p for p in lex.parts if len(p) > 1]) + _END
    b["PART_CLOCK"] = alternation(lex.parts) + _END
    # day words tolerate a doubled initial alef (typo "اامس")
    b["DAYWORD"] = "(?:" + "|".join(
        re.sub(r"(?<!\S)ا", "ا{1,2}", r"\s+".join(map(re.escape, w.split())))
        for w in sorted(lex.day_words, key=len, reverse=True)) + ")" + _END
    b["HOLIDAY"] = alternation(lex.holidays) + _END
    b["SETW"] = alternation(lex.set_words) + _END
    b["HOUR_W"] = rf"(?:ال)?{alternation([w for w, (v, k, o) in lex.numbers.items() if o and k in ('unit', 'ten_marker') and w.endswith('ه')] + ['واحده'])}(?:\s+عشر(?:ه)?)?{_END}"
    b["SEASON"] = alternation(lex.seasons) + _END
    b["VAGUE"] = alternation(lex.vague) + _END
    # a duration: "3 أيام", "يومين", "عام واحد و شهر و 21 يوما", "ساعة ونصف", "نصف ساعة", "أسبوع كامل"
    # a count in words takes a bare unit: "اثنين الساعة" ("كل يوم اثنين الساعة 4") is not two hours
    part = (rf"(?:\d+(?:[.,]\d+)?(?![\d/:])\s+{b['UNIT']}|{b['NUMPH']}\s+{b['UNITW']}|(?:(?:نصف|ربع)\s+)?{b['UNIT']}(?:\s+(?:واحد|واحده|واحدا))?)"
            rf"(?:\s+كامل(?:ه|ا)?)?(?:\s+و\s*(?:ال)?نصف(?!\w))?")
    b["DUR"] = rf"{part}(?:\s*(?:,|و)?\s*(?:و\s*)?{part})*"
    b["FEW"] = r"(?:بضع(?:ه)?|عده|بعض)"
    # edge words (edges.tsv): "مطلع", "أواخر", "في وقت لاحق من"; EDGE_NAME those that also edge a season or decade
    b["EDGE"] = alternation([*lex.edges, *("في " + f for f, (_, _, fi, _) in lex.edges.items() if fi)])
    b["EDGE_NAME"] = alternation([f for f, (_, names, _, _) in lex.edges.items() if names])
    # fractions of an hour (fractions.tsv): "والنصف", "وثلاثة أرباع"; one-word forms also with the article
    b["FRAC_1"] = rf"(?:ال)?{alternation([f for f in lex.fractions if ' ' not in f])}"
    b["FRAC_W"] = rf"(?:{alternation([f for f in lex.fractions if ' ' in f])}|{b['FRAC_1']})"
    b["SAME_PRE"] = alternation(lex.same_pre) + _END
    b["SAME_POST"] = alternation([w for w, k in lex.same_post.items() if k == 0]) + _END
    b["REL_POST"] = alternation(lex.same_post) + _END  # with التالي, السابق, الذي سبقه ...
    return b


def _after(*words: str) -> str:
    """A lookbehind for one of several words followed by a space (fixed width per word)."""
    # the word is whole, with at most a proclitic و/ف: "وفي 7" yes, "الإضافي 7" no
    return "(?:" + "|".join(rf"(?<=(?<!\w){w}\s)|(?<=(?<!\w)[وف]{w}\s)" for w in words) + ")"


def _pattern(body: str) -> re.Pattern:
    return re.compile(_START + "(?P<body>" + body + ")" + _END)


class Words:
    """A gate open when one of these words occurs in the text, anywhere (also inside a word), or when
    `digit` and a digit does. extract tests all such gates at once, in one scan of the text."""

    def __init__(self, words, digit: bool = False) -> None:
        self.words = frozenset(words)
        if any(len(w.split()) != 1 for w in self.words):
            raise ValueError("a word gate takes single words")  # the joint scan finds words, not phrases
        self.digit = digit

    @functools.cached_property
    def _rx(self) -> re.Pattern:
        return re.compile((r"\d|" if self.digit else "") + alternation(self.words))

    def search(self, text: str):
        """This gate alone (extract opens all gates in one joint scan; this serves tests and checks)."""
        return self._rx.search(text)


class _WordStart:
    """A gate for words that a pattern only takes at the start of a word: at the start of the text, or after a
    character that is not a letter, or after a digit ("15مارس") or a proclitic ("ومارس"). Not "اب" in "الإرهاب"."""

    def __init__(self, word: str) -> None:
        self._head = re.compile(word)
        # the character before is consumed, so that the search skips to candidates (no leading lookbehind)
        self._inner = re.compile(r"[\W\dوفبلك]" + word)

    def search(self, text: str):
        return self._head.match(text) or self._inner.search(text)


class _Either:
    """A gate open when one of its tests matches."""

    def __init__(self, *tests) -> None:
        self._tests = tests

    def search(self, text: str):
        return next((m for t in self._tests if (m := t.search(text))), None)


@functools.cache
def gates() -> dict:
    """Cheap tests run once per text (each has .search): a pattern is tried only if its gates all match. A gate
    only has to match wherever its patterns would find something: a narrower gate changes speed, not results."""
    lex = lexicon()
    b = blocks()
    month = _WordStart(b["MONTH"])

    ordinals = [w for w, (_, _, o) in lex.numbers.items() if o]
    day_ends = [w for w, (v, k, _) in lex.numbers.items() if k == "ten_marker" or (k == "ten" and v <= 30)]

    def lit(words) -> Words:
        return Words({w.split()[0] for w in words})

    return {
        "digit": re.compile(r"\d"),
        "month": lit(lex.months),
        "hmonth": lit(lex.hijri_months),
        "weekday": lit([w.removeprefix("ال") for w in lex.weekdays]),
        "unit": lit(lex.units),
        "number": lit(lex.numbers),
        "dayword": Words({w.split()[-1].lstrip("ا") for w in lex.day_words}),
        "vague": Words({w.split()[-1] for w in lex.vague}),
        "season": lit(lex.seasons),
        "period": Words({"اسبوع", "شهر", "عام", "سنه", "عقد", "قرن"}),
        "week": Words({"اسبوع"}),
        "shahr": Words({"شهر"}),
        "shahr_or_current": Words({"شهر", "الجاري", "الحالي"}),
        "few": Words({"بضع", "عده", "بعض"}),
        "year_kw": Words({"عام", "سنه"}),
        "big": Words({"الف", "عشر"}),
        "monthish": lit(set(lex.months) | {"شهر"}),
        "decade": Words({"ينيات", "ينات", "الفين"}),
        "qarn": Words({"قرن"}),
        "now_kw": re.compile(r"(?:حتي|الي)\s+الان(?!\w)"),
        "now_word": Words({"الان"}),
        "clockish": Words({"ساعه"} | {w.split()[0] for w in lex.parts if len(w) > 1}, digit=True),
        "holiday": lit(lex.holidays),
        "offset_kw": Words({"قبل", "منذ", "بعد"}),
        "post_kw": re.compile(r"من\s+الان|مضت|خلت"),
        "pre_kw": Words({"طوال", "خلال", "غضون", "مدي", "مدار"}),
        "akhir": Words({"اخر"}),
        "edge_kw": Words({f.split()[0] for f in lex.edges}),
        "yawm": Words({"يوم"}),
        "saa": Words({"ساعه"}),
        "colon": re.compile(r"\d\s*:\s*\d"),
        "slash": re.compile(r"\d\s*/\s*\d"),
        "datesep": re.compile(r"\d\s*[-/.]\s*\d"),
        "dir_kw": Words({w.split()[-1] for w in lex.directions} | set(lex.last_words) | {"اخر"}),
        "for_kw": Words({"مده", "طيله"}),
        "range_kw": Words({"-", "الي", "حتي", "بين"}),
        "set": Words(set(lex.set_words) | {"كل", "ايام"}),
        "partish": lit(lex.parts),
        # narrower gates for patterns that would otherwise run on most texts
        "digit_h": re.compile(r"\d\s*ه(?!\w)"),
        "rub": Words({"ربع"}),
        "number_or_last": Words(set(lex.numbers) | set(lex.last_words) | {"اخر"}),
        "rub_or_half": Words({"ربع", "نصف"}),
        "day_cue": re.compile(r"(?:يوم\s+|(?:في|منذ|حتي|الي)\s)\d"),
        "teen_or_ten": Words({"عشر", "ثلاثين"}),
        "digit_part": re.compile(r"\d\s*(?:في\s+)?" + alternation(lex.parts) + r"(?!\w)"),
        "part_digit": re.compile(alternation(lex.parts) + r"\s+\d"),
        "part_def": re.compile(r"ال(?:صباح|مساء|ليل|ظهير|ظهر)|بعد\s+الظهر|منتصف\s+(?:الليل|النهار)"),
        "part_word": Words({"صباح", "مساء", "ليل", "ظهير", "ظهر", "نهار"}),  # one is in every part_def match
        "same": Words({w.split()[-1] for w in lex.same_pre | set(lex.same_post)}),
        "rest": Words({"بقيه", "باقي"}),
        "first_last": re.compile(rf"{b['PART_W']}\s+(?:من|في)\s"),
        # "8 و9", "الثامن والعشرين والتاسع": a day number's last word (an ordinal, عشر, a ten up to 30), و, an ordinal
        "day_list": re.compile(rf"\d\s*و\s*\d|{alternation(ordinals + day_ends)}\s+و\s*(?:ال)?{alternation(ordinals)}"),
        "clockword": re.compile(alternation({f.split()[-1] for f in lex.fractions}) + r"|دقيق|دقايق|الا\s|" + alternation({w.split()[0] for w in lex.parts if len(w) > 1})),
        # narrow gates (NARROW, only tested on long texts): a part of the pattern that every match contains.
        # A month name in a pattern starts a word (after a space, a digit, "/", "(" or a proclitic)
        "month_word": month,
        "monthish_word": _Either(re.compile("شهر"), month),
        "hmonth_word": _WordStart(b["HMONTH"]),
        "holiday_name": re.compile(alternation(lex.holidays)),  # the whole name, not "يوم" alone
        # "أمس", not "مس" in "خمس": the words of DAYWORD (a first alef may be doubled), as a trie
        "dayword_word": _WordStart(alternation(set(lex.day_words) | {"ا" + w for w in lex.day_words if w[0] == "ا"})
                                   + _END),
        "hour_word": re.compile(b["HOUR_W"].removeprefix("(?:ال)?")),
        "set_word": _Either(re.compile(b["SETW"]), _WordStart(r"كل\s"),
                            re.compile(rf"ايام\s+(?:{b['WD']}|{b['WDBARE']})")),
        "same_unit": re.compile(rf"{b['SAME_PRE']}\s+ال{b['PERIOD_D']}"
                                rf"|ال{b['PERIOD_D']}\s+{b['REL_POST']}"),
        "akhir_unit": re.compile(rf"اخر\s+(?:\d|{b['NW']}|{b['UNIT']})"),
        "few_after": re.compile(r"(?:قبل|منذ|بعد|خلال)\s+(?:بضع|عده|بعض)"),
        # an edge word, then what the edge pattern takes after it: a month, a unit, a year
        # two or three words in a row
        "edge_of": re.compile(rf"{alternation(lex.edges)}\s+(?:(?:هذا|هذه)\s+)?"
                              rf"(?:شهر|{b['MONTH']}|{b['HMONTH']}|{b['SAME_PRE']}|(?:ال)?{b['PERIOD']}|[12])"),
        "month_day": re.compile(rf"{b['MONTH']}\s*-?\s*(?:\d|{b['NW']})"),
        "month_from": re.compile(rf"{b['MONTH']}\s+(?:بين|من)\s"),
        "day_to": re.compile(rf"(?:-|الي|حتي|و)\s*(?:{b['WD']}\s+)?(?:\d|{b['NW']})"),
        "hour_to": re.compile(rf"(?:-|الي|حتي|و)\s*(?:(?:ال)?ساعه\s+)?(?:\d|{b['HOUR_W']})"),
        "wd_of": re.compile(rf"(?:{b['WD']}|{b['WDBARE']})\s+(?:من|في)\s"),
        "wd_nth_of": re.compile(rf"{b['WD']}\s+(?:{b['NW']}|{b['LAST']})\s+(?:من|في)\s"),
        "wd_day": re.compile(rf"{b['WD']}\s*,?\s*(?:في\s+)?(?:\d|{b['NW']})"),
        "year_number": re.compile(rf"(?:عام|سنه)\s+{b['NW']}"),
        "nth_day": re.compile(rf"يوم\s+(?:{b['NW']}|{b['LAST']})|(?:اول|اخر)\s+يوم\s+(?:من|في)\s"),
        "holiday_days": re.compile(r"ايام\s+" + alternation(lex.holidays)),
        "day_end": re.compile(r"(?:نهايه|اخر|ختام)\s+(?:هذا\s+)?(?:اليوم|النهار)"),
        "unit_dir": re.compile(rf"{b['UNIT']}\s+(?:{b['DIR']}|{b['LAST']})"),
    }


# gates that can only match where another one does (they contain a digit, or one of its words): tested only
# when that one is open
IMPLIES = {"colon": "digit", "slash": "digit", "datesep": "digit", "digit_h": "digit", "day_cue": "digit",
           "digit_part": "digit", "part_digit": "digit", "now_kw": "now_word", "part_def": "part_word"}

# gates that only pay on long texts (a paragraph of news): on a short one the pattern itself is as cheap as
# the test, so they are taken as open there (a gate only ever spares a pattern that would find nothing)
NARROW = frozenset({
    "month_word", "monthish_word", "hmonth_word", "holiday_name", "dayword_word", "hour_word", "set_word",
    "same_unit", "akhir_unit", "few_after", "edge_of", "month_day", "month_from", "day_to", "hour_to", "wd_of",
    "wd_nth_of", "wd_day", "year_number", "nth_day", "holiday_days", "day_end", "unit_dir"})
NARROW_MIN_LENGTH = 200

# the gates each pattern needs (all of them must match the text)
GATES = {
    "vague": ("vague",), "vague_few": ("few", "unit", "few_after"),
    "num_ymd": ("datesep",), "num_dmy": ("datesep",), "num_mdy": ("datesep",), "num_ym:y": ("datesep",),
    "num_ym:m": ("datesep",), "num_dm:slash": ("slash",), "num_dm:dash": ("datesep",),
    "day_range": ("monthish", "range_kw", "monthish_word", "day_to"), "day_list": ("monthish", "day_list", "monthish_word"), "month_day_range": ("month", "range_kw", "month_word", "month_from"),
    "hijri_date": ("hmonth", "hmonth_word"), "hijri_month": ("hmonth", "hmonth_word"), "hijri_year": ("digit_h",),
    "dmy": ("month", "month_word"), "mdy": ("month", "month_word", "month_day"), "month": ("month", "month_word"), "year": ("digit",), "year_words": ("year_kw", "number", "year_number"),
    "year_words_bare": ("number", "big"), "season": ("season",), "decade": ("decade",), "century": ("qarn",), "quarter": ("rub_or_half",),
    "nth_week": ("week",), "dayword": ("dayword", "dayword_word"), "weekday": ("weekday",), "weekday:bare": ("weekday", "yawm"), "week_weekday": ("weekday", "week"),
    "nth_weekday": ("weekday", "number_or_last", "wd_of"), "nth_weekday:post": ("weekday", "number_or_last", "wd_nth_of"), "day_of_month": ("shahr_or_current",), "nth_day": ("yawm", "nth_day"), "weekday_day": ("weekday", "wd_day"), "day_only": ("day_cue",), "day_ordinal": ("teen_or_ten",),
    "rel_unit": ("period",), "edge": ("edge_kw", "edge_of"), "weekend": ("week",), "week_of": ("week", "month", "month_word"),
    "week_weekdays": ("week", "weekday"), "same_unit": ("same", "same_unit"), "rest_of": ("rest",), "day_end": ("edge_kw", "dayword", "day_end"),
    "offset": ("unit", "offset_kw"), "offset:post": ("unit", "post_kw"), "last_n": ("unit", "dir_kw"),
    "last_n:n": ("unit", "dir_kw", "unit_dir"), "first_n": ("unit", "first_last"), "last_n:akhir": ("unit", "akhir", "akhir_unit"), "duration:pre": ("unit", "pre_kw"), "duration_for": ("unit", "for_kw"), "duration": ("unit",), "clock:saa": ("saa",), "clock:colon": ("colon",), "clock:part": ("digit_part",), "clock:lead": ("part_digit",), "clock_word": ("clockword", "hour_word"), "clock_range": ("clockish", "range_kw", "hour_to"),
    "now": ("now_kw",), "holiday": ("holiday", "holiday_name"), "holiday_day": ("holiday", "holiday_name", "holiday_days"), "set": ("set", "set_word"), "part_alone": ("part_def",), "this_part": ("part_def",),
}


@functools.cache
def patterns() -> list[tuple[str, re.Pattern]]:
    """(handler name, compiled pattern), most specific first (earlier wins ties of equal length)."""
    b = blocks()
    # "9 يوليو 2015", "9 يوليو من عام 2015", "التاسع من يوليو لعام 2015", "11 أغسطس العام الماضي"
    YEAR_TAIL = (rf"(?:\s*,?\s*(?:من\s+|لل?(?=(?:عام|سنه)\s))?(?:{b['YKW']}?(?P<y>{b['YEAR']})"
                 rf"|(?P<ydir>(?:ال)?(?:عام|سنه)\s+{b['DIR']})))?(?:\s*(?P<era>ه|م)(?!\w))?")
    # a month with its name in another system: "يونيو/ حزيران", "يونيو (حزيران)", "مارس آذار"
    MONTHS = rf"(?:شهر\s+)?(?P<m>{b['MONTH']})(?:\s*/\s*(?P<m2>{b['MONTH']})|\s*\(\s*(?P<m2b>{b['MONTH']})\s*\)|\s+(?P<m2c>{b['MONTH']}))?"
    FRAC = rf"{b['FRAC_1']}(?!\w)"  # "والنصف": minutes of a clock time in words
    # a part of the day before a clock time: "بعد الظهر الساعة 7", "الظهر 7:00:05" (the forms that
    # stand alone; "صباح"/"مساء" before الساعة belong to a day: "صباح الغد الساعة 9")
    PART_LEAD = r"(?:(?P<part0>ال(?:صباح|مساء|ليل|ظهيره|ظهر)|بعد\s+الظهر)\s+(?:في\s+)?)?"
    # "إلا ربعا", "إلا ثلاث دقائق": minutes before the hour; the fractions are the one-word ones under half
    # an hour (fractions.tsv), also accusative
    before_hour = alternation([f for f, mins in lexicon().fractions.items() if " " not in f and mins < 30])
    MINUS = rf"(?:\s+الا\s+(?P<minus>(?:ال)?{before_hour}ا?|\d+\s+دقايق|{b['NUMPH']}\s+دقايق))?"
    DIR_TAIL = rf"(?:\s+(?P<dir>{b['DIR']}))?"
    # a part of the day after a day belongs to it ("الجمعة مساء") unless it heads the next day ("مساء الجمعة
    # صباح يوم أمس")
    NOT_A_DAY_NEXT = rf"(?!\s+(?:يوم|{b['DAYWORD']}|{b['WD']}))"
    WD_HEAD = rf"(?:(?P<wd>{b['WD']})\s*,?\s*)?"
    # the month an nth weekday or an nth day belongs to: "من يوليو", "من الشهر المقبل", "من هذا العام"
    NTH_OF = (rf"(?:(?:شهر\s+)?(?P<m>{b['MONTH']})(?:\s*,?\s*(?:من\s+)?{b['YKW']}?(?P<y>{b['Y4']}))?"
              rf"|(?P<rel>(?:هذا\s+)?(?:ال)?شهر)(?!\s+{b['REL_POST']})(?:\s+(?P<dir>{b['DIR']}))?)")
    specs = [
        # a unit referring back to the last stated date: "العام نفسه", "في نفس الشهر", "اليوم التالي", "الشهر الذي
        # سبقه" (first: it wins ties with "اليوم التالي" as a day word and "العام السابق" as a relative unit)
        ("same_unit", rf"(?:{b['SAME_PRE']})\s+(?P<u>ال{b['PERIOD_D']})(?!\s+(?:{b['DIR']}|{b['WD']}))(?!\w)"
                      rf"|(?P<u2>ال{b['PERIOD_D']})\s+(?P<post>{b['REL_POST']})"),
        ("vague", rf"(?P<vague>{b['VAGUE']})"),
        ("vague_few", rf"(?:قبل|منذ|بعد|خلال)\s+{b['FEW']}\s+{b['UNIT']}"),
        # numeric dates
        ("num_ymd", r"(?P<y>\d{4})\s*(?P<s>[-/.])\s*(?P<m>\d{1,2})\s*(?P=s)\s*(?P<d>\d{1,2})(?!\d)"),
        ("num_dmy", r"(?P<d>\d{1,2})\s*(?P<s>[-/.])\s*(?P<m>\d{1,2})\s*(?P=s)\s*(?P<y>\d{4}|\d{2})(?!\d)"
                    r"(?:\s*(?P<era>ه|م)(?!\w))?"),
        ("num_mdy", r"(?P<m>\d{1,2})\s*/\s*(?P<d>\d{1,2})\s*,\s*(?P<y>\d{4}|\d{2})(?!\d)"),
        ("num_ym:y", r"(?P<y>(?:19|20)\d\d)\s*[/.]\s*(?P<m>1[0-2]|0?[1-9])(?![\d/.])"),
        ("num_ym:m", r"(?P<m>1[0-2]|0?[1-9])\s*[-/]\s*(?P<y>(?:19|20)\d\d)(?![\d/.])"),
        ("num_dm:slash", r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?![\d/.,]|\s*[/]|\s*,\s*\d)"),
        ("num_dm:dash", r"(?=\d)" + _after("في", "يوم", "عند", "حتي", "منذ", "تاريخ") + r"(?P<d>\d{1,2})\s*[-.]\s*(?P<m>\d{1,2})(?![\d/.-])"),
        # day ranges inside one month: "من 4 إلى 22 يناير 1995", "بين 2-7 فبراير", "19-20 نوفمبر"
        ("day_range", rf"(?:(?:(?:من|بين)\s+)?(?:{b['WD']}\s+)?(?P<d1>{b['DAY']})\s*(?:-|الي|حتي)\s*"
                      rf"|بين\s+(?:{b['WD']}\s+)?(?P<d1b>{b['DAY']})\s*و\s*)"
                      rf"(?:{b['WD']}\s+)?(?P<d2>{b['DAY']})\s*(?:من\s+|في\s+)?"
                      rf"(?:(?:شهر\s+)?(?P<m>{b['MONTH']}){YEAR_TAIL}|(?P<rel>(?:هذا\s+)?(?:ال)?شهر)(?:\s+(?P<dir>{b['DIR']}))?)"),
        # lists of days of one month: "يومي 28 و29 يوليو", "أيام 8 و9 و10 ماي", "في الثالث والرابع من يوليو"
        ("day_list", rf"(?:(?P<head>(?:بين\s+)?(?:يومي|ايام|اليومين|الايام)|بين)\s+)?(?P<days>{b['DAY']}(?:\s*[,،]?\s*و\s*{b['DAY']})+)\s*(?:من\s+)?"
                     rf"(?:{MONTHS}{YEAR_TAIL}{DIR_TAIL}|(?P<rel>(?:هذا\s+)?(?:ال)?شهر)(?!\s+(?:نفسه|ذاته))(?:\s+(?P<rdir>{b['DIR']}))?)"),
        ("month_day_range", rf"(?:من\s+)?(?:شهر\s+)?(?P<m>{b['MONTH']})\s+(?:بين|من)\s+(?P<d1>{b['DAY']})\s*(?:-|الي|حتي|و)\s*(?P<d2>{b['DAY']})"),
        # Hijri dates
        ("hijri_date", rf"(?P<d>{b['DAY']})\s*(?:من\s+)?(?:شهر\s+)?(?P<hm>{b['HMONTH']})(?:\s*,?\s*(?:من\s+)?{b['YKW']}?(?P<y>1[34]\d\d|1500)(?!\d))?(?:\s*ه(?!\w))?"),
        ("hijri_month", rf"(?:(?P<shahr>شهر)\s+)?(?P<hm>{b['HMONTH']})(?:\s*,?\s*(?:من\s+)?{b['YKW']}?(?P<y>1[34]\d\d|1500|(?:19|20)\d\d)(?!\d))?(?:\s*ه(?!\w))?(?:\s+(?P<dir>{b['DIR']}))?"),
        ("hijri_year", rf"{b['YKW']}?(?P<y>1[34]\d\d|1500)\s*ه(?!\w)"),
        # Gregorian dates in words
        ("dmy", rf"{WD_HEAD}(?:يوم\s+)?(?P<d>{b['DAY']})\s*(?:[-./]\s*)?(?:من\s+)?{MONTHS}{YEAR_TAIL}{DIR_TAIL}"
                rf"(?:\s+(?P<every>من\s+كل\s+(?:عام|سنه)))?"),
        ("mdy", rf"{WD_HEAD}(?P<m>{b['MONTH']})\s*-?\s*(?P<d>{b['DAY']})(?:\s*,?\s*(?:من\s+)?{b['YKW']}?(?P<y>{b['YEAR']}))?"),
        ("month", rf"(?:(?P<this>هذا|هذه)\s+)?{MONTHS}(?:\s*,?\s*(?:من\s+|لل?(?=(?:عام|سنه)\s))?{b['YKW']}?(?P<y>{b['YEAR']}))?(?:\s*(?P<era>ه|م)(?!\w))?"
                  rf"(?:\s+(?:(?P<dir>{b['DIR']})|(?:من\s+|لل?(?=(?:عام|سنه)\s))?(?P<ydir>(?:ال)?(?:عام|سنه)\s+{b['DIR']})|(?P<every>من\s+كل\s+(?:عام|سنه))))?"),
        # "حتى الآن" closes a range ("من 2010 حتى الآن"); alone it is kept out (see extract.merge)
        ("now", r"(?<=(?:حتي|الي)\s)الان"),
        ("year", rf"(?P<kw>{b['YKW']})?(?P<y>{b['Y4']})(?:\s*(?P<era>م)(?!\w))?"),
        ("year_words", rf"(?P<kw>{b['YKW']})(?P<y>{b['NUMPH']})"),
        ("year_words_bare", rf"(?P<y>{b['NUMPH']})(?!\s+(?!الي|حتي)[^\W\d_])"),
        # seasons: "صيف 2016", "هذا الصيف", "الربيع القادم", "صيف العام الماضي", "منتصف الصيف"
        ("season", rf"(?:(?P<edge>{b['EDGE_NAME']})\s+)?(?:(?P<this>هذا|هذه)\s+)?(?P<s>{b['SEASON']})"
                   rf"(?:\s+(?:من\s+)?(?:(?:{b['YKW']}?(?P<y>{b['YEAR']}))|(?P<dir>{b['DIR']})|(?P<ydir>(?:هذا\s+(?:ال)?|ال)(?:عام|سنه)(?:\s+{b['DIR']})?)))?"),
        # centuries: "القرن العشرين", "القرن التاسع عشر", "القرن الحادي والعشرين" (not the Hijri ones)
        ("century", rf"(?:ال)?قرن\s+(?P<n>{b['NUMPH']}|ال\s*\d{{1,2}}(?!\d))(?!\s+(?:ال)?هجري)"),
        # decades, with an edge: "الثمانينات", "أواخر التسعينات من القرن الماضي", "سنوات الألفين" / "الألفينات" (the
        # 2000s), "الألفين والعشرات" (the 2010s)
        ("decade", rf"(?:(?P<edge>{b['EDGE_NAME']})\s+)?(?:(?:سنوات|اعوام)\s+)?"
                   rf"(?:(?:ال)?(?P<dec>عشر|ثلاث|اربع|خمس|ست|سبع|ثمان|تسع)يني?ات(?!\s+من\s+(?:ال)?عمر)(?:\s+(?:من\s+)?(?:ال)?قرن\s+(?P<cent>{b['NUMPH']}|{b['DIR']}))?"
                   rf"|(?P<k2000>(?<=سنوات\s)(?:ال)?الفين|(?<=اعوام\s)(?:ال)?الفين|(?:ال)?الفيني?ات|(?:ال)?الفين(?=\s+و\s*(?:ال)?عشرات))(?:\s+و\s*(?:ال)?(?P<teens>عشرات))?)"),
        ("quarter", rf"(?:ال)?(?P<kind>ربع|نصف)\s+(?P<q>{b['NW']}|{b['LAST']})(?:\s+(?:من\s+)?(?:(?:شهر\s+)?(?P<qm>{b['MONTH']})(?:\s+(?P<qmy>{b['Y4']}))?|{b['YKW']}(?P<y>{b['YEAR']})|(?P<y2>{b['Y4']})|(?P<y3>{b['NUMPH']})|(?P<yrel>(?:هذا\s+)?(?:ال)?(?:عام|سنه)(?:\s+{b['DIR']})?)))?"),
        # weeks of a month / year: "الأسبوع الثالث من هذا الشهر", "الأسبوع الأخير من يوليو"
        ("nth_week", rf"(?:ال)?اسبوع\s+(?P<n>{b['NW']}|{b['LAST']})\s+(?:من\s+)?(?:(?:شهر\s+)?(?P<m>{b['MONTH']})(?:\s*,?\s*(?:من\s+)?{b['YKW']}?(?P<my>{b['Y4']}))?|{b['YKW']}?(?P<y>{b['Y4']})|{b['YKW']}(?P<yw>{b['NUMPH']})|(?P<rel>(?:هذا\s+)?(?:ال)?(?:شهر|عام|سنه))(?:\s+(?P<dir>{b['DIR']}))?)"),
        # relative days with optional weekday and part of day: "فجر اليوم", "أمس الأربعاء", "مساء أمس"
        ("dayword", rf"(?:(?P<part1>{b['PART_N']})\s+)?(?P<rd>{b['DAYWORD']})(?:\s*,?\s*(?P<wd>{b['WD']})|\s*\(\s*(?P<wdp>{b['WD']})\s*\))?"
                    rf"(?:\s+(?P<part2>{b['PART_ADV']}){NOT_A_DAY_NEXT})?"),
        # weekdays: "الجمعة", "يوم الأحد المقبل", "مساء الجمعة", "الأسبوع المقبل يوم الجمعة"
        ("weekday", rf"(?:(?P<part1>{b['PART_N']})\s+)?(?:(?P<this>هذا|هذه)\s+(?:يوم\s+)?)?(?P<wd>{b['WD']})"
                    rf"(?:\s+(?:من\s+)?(?:(?P<dir>{b['DIR']})|(?P<wkdir>(?:ال)?اسبوع\s+{b['DIR']}|هذا\s+(?:ال)?اسبوع)|(?P<ord>{b['NW']})(?!\s+و\s*{b['NW']})))?"
                    rf"(?:\s*,?\s+(?:في\s+)?(?P<part2>{b['PART_ADV']}){NOT_A_DAY_NEXT})?"),
        ("weekday:bare", rf"يوم\s+(?P<wd>{b['WDBARE']})(?:\s+(?P<dir>{b['DIR']}))?"),
        ("week_weekday", rf"(?:(?P<this>هذا)\s+)?(?:ال)?اسبوع(?:\s+(?P<wkd>{b['DIR']}))?\s+(?:يوم\s+)?(?P<wd>{b['WD']})"),
        ("nth_weekday", rf"(?P<n>{b['NW']}|اخر)\s+(?:يوم\s+)?(?P<wd>{b['WD']}|{b['WDBARE']})\s+(?:من|في)\s+{NTH_OF}"),
        # "الجمعة الأولى من يوليو", "الجمعة الأخيرة من الشهر"
        ("nth_weekday:post", rf"(?:يوم\s+)?(?P<wd>{b['WD']})\s+(?P<n>{b['NW']}|{b['LAST']})\s+(?:من|في)\s+{NTH_OF}"),
        ("day_of_month", rf"(?:يوم\s+)?(?:ال\s*(?=\d))?(?P<d>{b['DAY']})\s+(?:(?:من\s+)?(?P<rel>(?:هذا\s+)?(?:ال)?شهر)(?!\s+{b['REL_POST']})(?:\s+(?P<dir>{b['DIR']}))?|(?P<cur>الجاري|الحالي))"),
        # the first / last / nth day of a period: "اليوم الأول من العام المقبل", "آخر يوم من الشهر"
        ("nth_day", rf"(?:(?:ال)?يوم\s+(?P<n>{b['NUMPH']}|{b['LAST']})|(?P<n2>اول|اخر)\s+يوم)\s+(?:من|في)\s+"
                    rf"(?:(?:شهر\s+)?(?P<hm>{b['HMONTH']})(?:\s+(?P<hdir>{b['DIR']}))?|{NTH_OF}|(?P<yrel>(?:هذا\s+)?(?:ال)?(?:عام|سنه))(?:\s+(?P<ydir>{b['DIR']}))?|{b['YKW']}(?P<yy>{b['Y4']}))"),
        ("weekday_day", rf"(?P<wd>{b['WD']})\s*,?\s*(?:في\s+)?(?P<d>{b['DAY']})"),
        # a day from the 11th on as a masculine ordinal closing the phrase after a preposition: "عدت في
        # الحادي والعشرين" (smaller ones are too often "the second one": "بالنسبة للثاني")
        ("day_ordinal", rf"(?:(?=ال){_after('في', 'الي', 'حتي', 'منذ')}|(?=لل))(?P<d>{b['NUMPH']})(?!\s*[^\W\d_])"),
        ("day_only", rf"(?:يوم\s+|(?=\d){_after('في', 'منذ', 'حتي', 'الي')})(?P<d>{b['DAYD']})(?!\s*(?:[/.\-]\s*\d|%|(?!الساعه)\w))"),
        # relative units: "الأسبوع الماضي", "هذا العام", "الشهر المقبل", "العام الجاري"
        ("rel_unit", rf"(?:(?P<this>هذا|هذه)\s+)?(?P<u>(?:ال)?{b['PERIOD_L']})(?:\s+(?P<dir>{b['DIR']}))?"),
        # the weekend: "عطلة نهاية الأسبوع", and "نهاية الأسبوع" alone, its usual sense in news
        ("weekend", rf"(?:عطله\s+)?(?:نهايه|نهايات)\s+(?:(?P<this>هذا)\s+)?(?:(?:ال)?اسبوع|اسبوعي)(?:\s+(?P<dir>{b['DIR']}))?"),
        # edges of a period: "مطلع الأسبوع المقبل", "أواخر الشهر الماضي", "في وقت لاحق من هذا العام"
        ("edge", rf"(?P<edge>{b['EDGE']})\s+"
                 rf"(?:(?P<this>هذا|هذه)\s+)?(?:{MONTHS}(?:\s*,?\s*(?:من\s+)?{b['YKW']}?(?P<y>{b['Y4']})|\s+(?P<mdir>{b['DIR']}))?|(?:شهر\s+)?(?P<hm>{b['HMONTH']})(?:\s+(?P<hdir>{b['DIR']}))?|(?:(?P<samepre>{b['SAME_PRE']})\s+(?=ال))?(?P<u>(?:(?<=هذا\s)|(?<=هذه\s)|ال){b['PERIOD']}|اسبوعي)(?!\s+(?:(?:ال)?(?:مالي|دراسي|هجري)|{b['Y4']}(?![.,]\d)))(?:\s+(?:(?P<same>{b['REL_POST']})|(?P<dir>{b['DIR']})))?|{b['YKW']}?(?P<yy>{b['Y4']}))"),
        ("week_of", rf"(?:ال)?اسبوع\s+(?P<d>{b['DAYD']})\s+(?:من\s+)?(?:شهر\s+)?(?P<m>{b['MONTH']})(?:\s+(?P<y>{b['Y4']}))?"),
        ("week_weekdays", rf"(?:(?P<this>هذا)\s+)?(?:ال)?اسبوع(?:\s+(?P<dir>{b['DIR']}))?\s+(?:(?:من|بين)\s+)(?:يوم\s+)?(?P<w1>{b['WD']})\s*(?:الي|حتي|و)\s*(?:يوم\s+)?(?P<w2>{b['WD']})"),
        ("rest_of", rf"(?:بقيه|باقي)\s+(?:(?P<this>هذا|هذه)\s+)?(?P<u>(?:ال)?{b['PERIOD_D']}|اسبوعي|يومي)(?:\s+(?:ال)?(?:حالي|جاري))?"),
        # the end of the day: a deadline after بحلول/مع/حتى ("بحلول نهاية اليوم"), else not a date ("في نهاية اليوم")
        ("day_end", r"(?:نهايه|اخر|ختام)\s+(?:هذا\s+)?(?:اليوم|النهار)(?P<adj>\s+(?:ال)?(?:حالي|جاري))?(?P<other>\s+ال\w+)?"),
        # offsets from the anchor: "قبل ثلاثة أسابيع", "منذ 1 شهر و 21 أيام من الآن", "بعد أسبوعين من الآن"
        ("offset", rf"(?P<pre>قبل|منذ|بعد)\s+(?P<approx>(?:نحو|حوالي|قرابه|زهاء|ما\s+يقرب\s+من|ما\s+يزيد\s+(?:عن|علي)|اكثر\s+من|اقل\s+من)\s+)?(?P<dur>{b['DUR']})(?:\s+(?P<post>من\s+الان|مضت|خلت|في\s+المستقبل))?"
                   # "منذ يوم الجمعة" is since Friday, not "a day ago" then Friday
                   rf"(?!(?<=يوم)\s+(?:{b['WD']}|{b['WDBARE']}))"),
        ("offset:post", rf"(?P<dur>{b['DUR']})\s+(?P<post>من\s+الان|مضت|خلت)"),
        # last / next N units: "الشهرين الماضيين", "الأسابيع الثلاثة الماضية", "آخر 3 سنوات", "3 أيام القادمة"
        ("last_n", rf"(?:(?:خلال|طوال)\s+)?(?P<u>{b['UNIT']})(?:\s+(?P<n>{b['NUM']}))?(?:\s+القليله)?\s+(?P<dir>{b['DIR']}|{b['LAST']})"),
        # the first / last N units of a period: "الأشهر الخمسة الأولى من العام الحالي", "الأيام العشرة الأخيرة من رمضان"
        ("first_n", rf"(?:(?:خلال|طوال)\s+)?(?:(?:ال\s*)?(?P<n0>\d+|{b['NUMPH']})\s+)?(?P<u>{b['UNIT']})(?:\s+(?P<n>{b['NUM']}))?\s+(?P<which>{b['PART_W']})\s+(?:من|في)\s+"
                    rf"(?:{b['YKW']}?(?P<y>{b['Y4']})|(?P<yrel>(?:هذا\s+)?(?:ال)?(?:عام|سنه))(?!\s+(?:ال)?(?:مالي|دراسي|هجري))(?:\s+(?P<ydir>{b['DIR']}))?|(?:شهر\s+)?(?P<m>{b['MONTH']})(?:\s+(?P<my>{b['Y4']}))?|(?:شهر\s+)?(?P<hm>{b['HMONTH']})(?:\s+(?P<hdir>{b['DIR']}))?)"),
        ("last_n:n", rf"(?:(?:خلال|طوال)\s+)?(?:ال\s*(?=\d))?(?P<n>\d+|{b['NUMPH']})\s+(?P<u>{b['UNIT']})\s+(?P<dir>{b['DIR']}|{b['LAST']})"),
        ("last_n:akhir", rf"(?P<last>اخر)\s+(?:(?P<n>\d+|{b['NUMPH']})\s+)?(?P<u>{b['UNIT']})"),
        # durations: "لمدة 3 أيام" (span without لمدة), "طوال اليوم", "خلال أسبوعين"
        ("duration_for", _after("لمده", "مده", "طيله") + rf"(?P<dur>{b['DUR']})"),
        ("duration:pre", rf"(?P<pre>طوال|خلال|في\s+غضون|علي\s+مدي|علي\s+مدار)\s+(?:(?:نحو|حوالي|قرابه|زهاء|اكثر\s+من|اقل\s+من)\s+)?(?P<dur>{b['DUR']})"),
        ("duration", rf"(?P<dur>{b['DUR']})"),
        # holidays: "عيد الفطر", "عيد الشكر 2010", "يوم الأب عام 2015"
        ("holiday_day", rf"(?P<n>(?:ال)?(?:اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر))\s+ايام\s+(?P<hol>{b['HOLIDAY']})(?:\s+(?:{b['YKW']}?(?P<y>{b['Y4']})|(?P<ydir>(?:ال)?(?:عام|سنه)\s+{b['DIR']})))?"),
        ("holiday", rf"(?P<hol>{b['HOLIDAY']})(?:\s+(?:{b['YKW']}?(?P<y>{b['Y4']})|(?P<ydir>(?:ال)?(?:عام|سنه)\s+{b['DIR']})))?"),
        # recurrences: "يوميا", "كل أسبوعين", "كل يوم اثنين", "أيام الأحد", "كل صباح"
        ("set", rf"(?P<w>{b['SETW']})|كل\s+(?:(?P<n>\d+|{b['NUMPH']})\s+)?(?P<u>{b['UNITW']})(?!\s+(?:{b['WD']}|{b['WDBARE']}))"
                rf"|(?:كل\s+(?:يوم\s+)?|ايام\s+)(?P<wd>{b['WD']}|{b['WDBARE']})|كل\s+(?P<part>{b['PART_N']}|ليله)"),
        # clock ranges: "من 5 إلى 6 مساءً", "بين الساعة 4 مساءً و 5 مساءً", "من 1:30 بعد الظهر إلى 4",
        # "ما بين الساعة (التاسعة والحادية عشرة مساء)"
        ("clock_range", rf"(?:(?:ما\s+)?(?P<head>من|بين)\s+)?(?P<k1>(?:ال)?ساعه\s+)?(?:\(\s*)?(?P<h1>(?:[01]?\d|2[0-3])(?![\d/])|{b['HOUR_W']})(?:\s*(?P<sep1>[:.])\s*(?P<m1>[0-5]\d))?(?:\s+و\s*(?P<f1>{FRAC}))?(?:\s*(?:في\s+)?(?P<p1>{b['PART_CLOCK']}))?"
                        rf"\s*(?P<j>-|(?:و\s*)?(?:الي|حتي)|و)\s*(?:(?P<k2>(?:ال)?ساعه)\s+)?(?P<h2>(?:[01]?\d|2[0-3])(?![\d/])|{b['HOUR_W']})(?:\s*(?P<sep2>[:.])\s*(?P<m2>[0-5]\d))?(?:\s+و\s*(?P<f2>{FRAC}))?(?:\s*(?:في\s+)?(?P<p2>{b['PART_CLOCK']}))?"),
        # a clock time in words with a part of day or a fraction: "السابعة والنصف صباحا", "في الثامنة مساء"
        ("clock_word", rf"(?P<h>{b['HOUR_W']})(?:\s+(?:و\s*)?(?P<frac>{b['FRAC_W']}|\d+(?:\s+(?:دقيقه|دقايق))?|(?!ال){b['NUMPH']}(?:\s+(?:دقيقه|دقايق))?))?{MINUS}(?:\s+(?:من\s+|في\s+)?(?P<part>{b['PART_ADV']})(?:\s+و\s*(?P<frac2>{b['FRAC_W']})(?!\w))?)?"),
        # a part of today or of a neighbouring day: "هذا المساء", "هذه الليلة", "الليلة", "الليلة الماضية"
        ("this_part", rf"(?:(?P<this>هذا|هذه)\s+)?(?P<part>الصباح|المساء|الليله|الظهيره)(?:\s+(?P<dir>{b['DIR']}))?"),
        # parts of the day alone: "في الصباح", "بعد الظهر", "منتصف الليل" (TIMEX3 code without a date)
        ("part_alone", r"(?P<part>ال(?:صباح|مساء|ليل|ظهيره|ظهر)|بعد\s+الظهر|منتصف\s+الليل|منتصف\s+النهار)(?:\s+(?P<early>الباكر))?"),
        # clock times: "الساعة الثالثة عصراً", "الساعة 14:00", "10:30 صباحا"
        ("clock:saa", rf"{PART_LEAD}(?:ال)?ساعه\s+(?P<h>\d{{1,2}}|{b['HOUR_W']})(?:\s*[:.]\s*(?P<mi>\d\d)(?::(?P<sec>[0-5]\d))?)?"
                  rf"(?:\s+(?:و\s*)?(?P<frac>{b['FRAC_W']}|\d+(?:\s+(?:دقيقه|دقايق))?|(?!ال){b['NUMPH']}(?:\s+(?:دقيقه|دقايق))?))?"
                  rf"{MINUS}"
                  rf"(?:\s+(?:من\s+|هذا\s+|هذه\s+)?(?P<part>{b['PART_CLOCK']}))?"),
        ("clock:colon", rf"{PART_LEAD}(?P<h>[01]?\d|2[0-3])\s*:\s*(?P<mi>[0-5]\d)(?::(?P<sec>[0-5]\d))?(?!\d)(?:\s*(?:هذا\s+|هذه\s+)?(?P<part>{b['PART_CLOCK']}))?"),
        # a part of the day then an hour closing the phrase: "مساء 7" ("مساء 7 أكتوبر" is a longer date)
        ("clock:lead", rf"(?P<part0>{b['PART_N']})\s+(?P<h>1[0-2]|0?[1-9])(?![\d:/\-]|\.\d)(?!\s*[^\W\d_])"),
        ("clock:part", rf"(?P<h>1[0-2]|0?[1-9])\s*(?:في\s+(?=ال))?(?P<part>{b['PART_CLOCK']})(?:\s+و\s*(?P<frac2>{b['FRAC_W']})(?!\w))?"),
    ]
    return [(name, _pattern(body)) for name, body in specs]

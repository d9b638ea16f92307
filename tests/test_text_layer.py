"""The Arabic text layer: normalisation, tokens with proclitics and offsets, sentences."""
from __future__ import annotations

import pytest

from marsad.text import normalize, normalize_with_map, segments, split_sentences, tokenize


@pytest.mark.parametrize("raw, expected", [
    ("إيران", "ايران"), ("أمريكا", "امريكا"), ("آمال", "امال"), ("مستشفى", "مستشفي"),
    ("الخارجية", "الخارجيه"), ("سُلَيْمَانِي", "سليماني"), ("عـــاجل", "عاجل"), ("٢٠٢٠", "2020"),
    ("۱۴۰۰", "1400"), ("مسؤول", "مسوول"),
])
def test_normalize_folds_letter_variants(raw, expected):
    assert normalize(raw) == expected


def test_normalize_with_map_points_back_into_original():
    raw = "قالَ الرئيسُ"
    norm, offsets = normalize_with_map(raw)
    assert norm == "قال الرييس"
    assert len(offsets) == len(norm)
    assert all(normalize(raw[o]) == ch for o, ch in zip(offsets, norm))


def _pieces(text):
    return [text[a:b] for tok in tokenize(text) for a, b in segments(tok)]


@pytest.mark.parametrize("word, pieces", [
    ("وقال", ["و", "قال"]),
    ("وديالى", ["و", "ديالى"]),
    ("والأنبار", ["و", "ال", "أنبار"]),
    ("للحكومة", ["ل", "ل", "حكومة"]),
    ("وبحسب", ["و", "ب", "حسب"]),
    ("بالعراق", ["ب", "ال", "عراق"]),
    ("وسيكون", ["و", "س", "يكون"]),
    # names and words whose first letters only look like proclitics stay whole
    ("وزير", ["وزير"]), ("واشنطن", ["واشنطن"]), ("فرانكفورت", ["فرانكفورت"]), ("ألمانيا", ["ألمانيا"]),
    ("بابل", ["بابل"]), ("الذي", ["الذي"]), ("كركوك", ["كركوك"]),
])
def test_tokenizer_separates_proclitics_but_keeps_names(word, pieces):
    assert _pieces(word) == pieces


def test_tokens_keep_offsets_into_the_text():
    text = "وقال المصدر الأمني إن “مسؤولين أمريكيين أبلغوا قيادة العمليات منذ 25 مارس الماضي”."
    toks = tokenize(text)
    assert all(text[t.start:t.end] == t.text for t in toks)
    said = toks[0]
    assert (said.prefix, said.stem) == ("و", "قال")
    assert [t.kind for t in toks if t.text in ("25", "“", ".")] == ["punct", "number", "punct"]


def test_sentences_do_not_break_at_arabic_comma_and_keep_quotes_whole(sample2):
    text = ('وقال النائب في النواب الأمريكي، ماك ثورنبيري "أنا على قناعة بإن المعلومات تثير قلقاً أكبر.. '
            'لذا، لا أعتقد أن التحرك الإيراني الأخير اعتيادي. إنه مصدر قلق كبير بالنسبة لنا". في المقابل، تنفي إيران.')
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert len(spans) == 2
    assert spans[0].endswith('بالنسبة لنا".')
    assert spans[1] == "في المقابل، تنفي إيران."


def test_guillemet_quote_spanning_sentences_stays_one_sentence():
    text = "قال الوزير: «لن نتراجع. سنواصل العمل» وغادر. ثم عاد."
    assert [text[s:e] for s, e in split_sentences(text)] == ["قال الوزير: «لن نتراجع. سنواصل العمل» وغادر.", "ثم عاد."]


def test_decimal_point_is_not_a_sentence_end():
    assert len(split_sentences("بلغ النمو 3.5 بالمئة هذا العام.")) == 1


def test_sample_sentences_cover_every_token(sample1):
    assert sample1.sentences
    for sent in sample1.sentences:
        for tok in sample1.sentence_tokens(sent):
            assert sent.start <= tok.start < tok.end <= sent.end
    assert sum(s.token_end - s.token_start for s in sample1.sentences) == len(sample1.tokens)

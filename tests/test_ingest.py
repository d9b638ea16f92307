"""Ingest of real, messy input: scraped text, HTML, JSON Lines, encodings, and bad files."""
from __future__ import annotations

import gzip
import json
import shutil

import pytest

from conftest import FIXTURES, SAMPLE1, SAMPLE2
from marsad.errors import IngestError
from marsad.ingest import read_path, read_stdin


def _one(path):
    (item,) = list(read_path(path))
    assert not isinstance(item, IngestError), item
    return item


def test_sample1_boilerplate_removed_and_outlet_from_signature():
    a = _one(SAMPLE1)
    assert a.title.startswith("تحركات عسكرية أمريكية في العراق")
    assert a.outlet == "رأي اليوم"
    assert a.text.startswith("كشف مصدر أمني عراقي")
    assert a.text.endswith("إيران ستدفع ثمنا باهظا للغاية”.")
    lines = a.text.split("\n")
    assert "0" not in lines and "83" not in lines
    assert "موقع رأي اليوم" not in a.text


def test_sample2_duplicate_title_and_footer_removed():
    a = _one(SAMPLE2)
    assert a.title == "الغارديان تكشف عن اجتماع سليماني بالميليشيات العراقية لاستهداف القوات الأمريكية"
    assert a.title not in a.text
    assert a.text.startswith("قالت صحيفة الغارديان")
    for junk in ("التعليقات", "الأكثر قراءة", "أهم المواضيع", "أهم التصنيفات", "💡", "✨"):
        assert junk not in a.text
    # subheadings are article content and stay
    assert "تباين الآراء حول النوايا الإيرانية" in a.text


def test_windows_1256_and_bom_files_decode_to_the_same_text(tmp_path):
    raw = SAMPLE1.read_text(encoding="utf-8")
    (tmp_path / "cp1256.txt").write_bytes(raw.replace("“", '"').replace("”", '"').encode("cp1256"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + raw.encode("utf-8"))
    cp, bom = _one(tmp_path / "cp1256.txt"), _one(tmp_path / "bom.txt")
    assert cp.encoding == "windows-1256" and bom.encoding == "utf-8-sig"
    assert cp.title == bom.title and cp.outlet == "رأي اليوم"
    assert cp.text.startswith("كشف مصدر أمني عراقي")


def test_html_page_through_trafilatura():
    a = _one(FIXTURES / "html" / "assabah_article.html")
    assert a.title.startswith("الناشط الحقوقي السوداني خالد عبد الكريم ماسا")
    assert a.published is not None and a.published.isoformat().startswith("2020-02-19")
    assert len(a.text) > 1000 and "<" not in a.text[:200]


def test_bad_directory_keeps_good_files_and_names_bad_ones(tmp_path):
    shutil.copy(SAMPLE1, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "english.txt").write_text("This page is in English only, with no Arabic text at all.\n" * 5)
    html = (FIXTURES / "html" / "cnn_arabic_article.html").read_text(encoding="utf-8")
    (tmp_path / "truncated.html").write_text(html[: html.find("<body") + 200], encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"id": "a", "text": "قال الوزير إن الاجتماع انتهى."}\nnot json\n{"id": "c"}\n')
    items = list(read_path(tmp_path))
    good = [i for i in items if not isinstance(i, IngestError)]
    bad = {i.origin.rsplit("/", 1)[-1]: i.message for i in items if isinstance(i, IngestError)}
    assert sorted(g.origin.rsplit("/", 1)[-1] for g in good) == ["bad.jsonl:1", "good.txt"]
    assert bad["empty.txt"].startswith("E001")
    assert bad["image.png"].startswith("E002") and "PNG" in bad["image.png"]
    assert bad["english.txt"].startswith("E005")
    assert bad["truncated.html"].startswith("E006") and "truncated" in bad["truncated.html"]
    assert bad["bad.jsonl:2"].startswith("E007")
    assert bad["bad.jsonl:3"].startswith("E008") and "text" in bad["bad.jsonl:3"]


def test_enormous_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(SAMPLE1.read_bytes() * 3)
    (err,) = list(read_path(big, max_bytes=1000))
    assert isinstance(err, IngestError) and err.message.startswith("E004")


def test_jsonl_gz_records_keep_their_metadata(tmp_path):
    gz = tmp_path / "news.jsonl.gz"
    with gzip.open(gz, "wb") as fh:
        fh.write((FIXTURES / "news_sample.jsonl").read_bytes())
    items = list(read_path(gz))
    assert [i.id for i in items] == ["AL-culture-1-20180218", *[json.loads(x)["id"] for x in (FIXTURES / "news_sample.jsonl").read_text().splitlines()[1:]]]
    first = items[0]
    assert first.title.startswith("هكذا تحالفت أحلام وإليسا")
    assert first.published.isoformat() == "2018-02-18T21:35:43+04:00"
    assert first.url.startswith("http://www.alarabiya.net/")


def test_stdin_records_without_title_get_none():
    import io

    stream = io.StringIO('{"id": 7, "text": "أعلنت وزارة الدفاع العراقية اليوم مقتل خمسة مسلحين.", "published": "2020-04-02"}\n')
    (rec,) = list(read_stdin(stream=stream))
    assert rec.id == "7" and rec.title is None and rec.published.isoformat() == "2020-04-02"


def test_sidecar_metadata_and_published_override(tmp_path):
    shutil.copy(SAMPLE2, tmp_path / "a.txt")
    (tmp_path / "a.txt.meta.json").write_text('{"published": "2019-05-16", "outlet": "عربي21"}')
    a = _one(tmp_path / "a.txt")
    assert a.published.isoformat() == "2019-05-16" and a.outlet == "عربي21"
    import datetime as dt

    (b,) = list(read_path(tmp_path, published=dt.date(2019, 5, 17)))
    assert b.published == dt.date(2019, 5, 17)


@pytest.mark.parametrize("raw, iso", [
    ("2018-02-18T21:35:43+04:00", "2018-02-18T21:35:43+04:00"),  # ANT multisource
    ("17/05/2015", "2015-05-17"),                                # Jawhara FM: day first
    ("2017-01-22T181500", "2017-01-22T18:15:00"),                # Jawhara FM: ISO basic time
    ("2015-07-21 02:51:32", "2015-07-21T02:51:32"),              # SaudiNewsNet
    ("2020-04-02", "2020-04-02"),
])
def test_publication_dates_in_the_forms_news_records_use(raw, iso):
    from marsad.ingest.dates import parse_published

    assert parse_published(raw).isoformat() == iso


def test_record_with_unreadable_date_is_kept_with_a_warning():
    import io

    stream = io.StringIO('{"id": "x", "text": "قال الوزير إن الاجتماع انتهى أمس.", "published": "31/02/2015"}\n')
    (rec,) = list(read_stdin(stream=stream))
    assert not isinstance(rec, IngestError)
    assert rec.published is None and rec.warnings and rec.warnings[0].startswith("E009")

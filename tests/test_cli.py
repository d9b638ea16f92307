"""The command line, end to end: analyze (store and --json), show, search, export, errors."""
from __future__ import annotations

import json
import shutil

import jsonschema
from click.testing import CliRunner

from conftest import FIXTURES, SAMPLE1, SAMPLE2
from marsad.cli import cli
from marsad.resources import read_json

SCHEMA = read_json("schema_v1.json")


def run(*args, input=None):
    return CliRunner().invoke(cli, list(map(str, args)), input=input, catch_exceptions=False)


def test_analyze_stores_and_reanalysis_adds_nothing(tmp_path):
    db = tmp_path / "m.db"
    r = run("analyze", SAMPLE1, SAMPLE2, "--db", db, "--published", "2020-04-02")
    assert r.exit_code == 0, r.output
    assert "2 analysed, 2 stored" in r.output
    r = run("analyze", SAMPLE1, SAMPLE2, "--db", db)
    assert "0 analysed, 0 stored, 2 already stored" in r.output


def test_analyze_json_validates_against_schema_and_prints_only_json(tmp_path):
    r = CliRunner().invoke(cli, ["analyze", "--json", str(SAMPLE1), str(SAMPLE2), "--published", "2020-04-02"])
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert len(lines) == 2
    for line in lines:
        doc = json.loads(line)
        jsonschema.validate(doc, SCHEMA)
        for fact in doc["entities"] + doc["places"]:
            for m in fact["mentions"]:
                assert doc["text"][m["start"]:m["end"]] == m["text"]
        for t in doc["times"]:
            assert doc["text"][t["start"]:t["end"]] == t["text"]
        for s in doc["sources"]:
            for st in s["statements"]:
                assert doc["text"][st["start"]:st["end"]] == st["text"]
        for e in doc["events"]:
            assert doc["text"][e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]
    assert json.loads(lines[0])["published"] == "2020-04-02"


def test_analyze_json_stdin_answers_each_record_by_id_in_order():
    records = [
        {"id": "b2", "text": "قال وزير الخارجية الإيراني إن بلاده لا تريد الحرب.", "published": "2019-05-16T10:00:00+03:00"},
        {"id": "a1", "text": "أعلنت الشرطة العراقية اعتقال ثلاثة مطلوبين في البصرة أمس.", "title": "اعتقال"},
        {"id": "c3", "text": ""},
        {"id": "d4", "text": "هاجم مسلحون نقطة تفتيش في الأنبار."},
    ]
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    r = CliRunner().invoke(cli, ["analyze", "--json", "-"], input=stdin)
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert [o["id"] for o in out] == ["b2", "a1", "c3", "d4"]
    assert out[0]["published"] == "2019-05-16T10:00:00+03:00" and out[0]["title"] is None
    assert out[1]["title"] == "اعتقال"
    assert "error" in out[2] and out[2]["error"].startswith("E008")
    for o in (out[0], out[1], out[3]):
        jsonschema.validate(o, SCHEMA)
    assert r.exit_code == 1  # one bad record


def test_bad_inputs_are_reported_and_good_ones_stored(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SAMPLE1, d / "good.txt")
    (d / "empty.txt").write_bytes(b"")
    (d / "blob.bin").write_bytes(bytes(range(256)) * 8)
    (d / "cp1256.txt").write_bytes(SAMPLE2.read_text().encode("cp1256", errors="ignore"))  # emoji dropped
    html = (FIXTURES / "html" / "cnn_arabic_article.html").read_text(encoding="utf-8")
    (d / "cut.html").write_text(html[: html.find("<body") + 200], encoding="utf-8")
    db = tmp_path / "m.db"
    r = CliRunner().invoke(cli, ["analyze", str(d), "--db", str(db)])
    assert r.exit_code == 1
    assert "2 analysed, 2 stored" in r.stdout
    for name, code in (("empty.txt", "E001"), ("blob.bin", "E002"), ("cut.html", "E006")):
        assert f"{name}: {code}" in r.stderr
    assert "3 input(s) failed" in r.stderr
    # a second batch that is all bad leaves the store as it was
    r = CliRunner().invoke(cli, ["analyze", str(d / "empty.txt"), "--db", str(db)])
    assert r.exit_code == 126
    assert "(2 documents)" in r.stdout


def test_show_search_and_export(tmp_path):
    db = tmp_path / "m.db"
    run("analyze", SAMPLE1, "--db", db, "--published", "2020-04-02")
    from marsad.store import Store

    cid = next(Store(db).iter_documents())["id"]
    r = run("show", cid[:10], "--db", db)
    assert r.exit_code == 0
    assert r.output.startswith("تحركات عسكرية أمريكية في العراق")
    assert "SOURCING" in r.output and "published 2020-04-02" in r.output
    r = run("search", "ايران", "--db", db, "--json")
    (hit,) = [json.loads(x) for x in r.output.splitlines()]
    assert hit["id"] == cid and "[" in hit["snippet"]
    r = run("export", "--format", "jsonl", "--db", db)
    jsonschema.validate(json.loads(r.output.splitlines()[0]), SCHEMA)
    r = run("export", "--format", "csv", "--table", "documents", "--db", db)
    header, row = r.output.splitlines()[:2]
    assert header.startswith("rowid,content_id,ext_id,title,outlet")
    assert cid in row


def test_show_unknown_id_is_a_clear_error(tmp_path):
    db = tmp_path / "m.db"
    run("analyze", SAMPLE1, "--db", db)
    r = CliRunner().invoke(cli, ["show", "nope", "--db", str(db)])
    assert r.exit_code == 1 and "no document with id 'nope'" in r.output


def test_bad_published_option_is_a_usage_error():
    r = CliRunner().invoke(cli, ["analyze", str(SAMPLE1), "--published", "yesterday", "--json"])
    assert r.exit_code == 2 and "--published" in r.output

"""Ingest: every format, field names, ids, and bad input as error rows."""

from __future__ import annotations

import codecs
import gzip
import json
import os
from pathlib import Path

import pytest

from actorgraph.ingest import IngestError, count_articles, decode, read_articles


def _read(path: Path):
    return list(read_articles([path]))


def test_ingest_txt_one_article(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Putin met Xi in Moscow.", encoding="utf-8")
    [article] = _read(tmp_path)
    assert article.doc_id == "a.txt"
    assert article.text == "Putin met Xi in Moscow."
    assert article.status == "ok"


def test_ingest_recursive_sorted_hidden_skipped(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Hidden too.", encoding="utf-8")
    (tmp_path / "notes.pdf.unknown").write_text("ignored", encoding="utf-8")
    articles = _read(tmp_path)
    assert [a.doc_id for a in articles] == ["a.txt", "b/z.md", "notes.pdf.unknown"]
    assert articles[2].status == "skipped" and "unsupported file type" in articles[2].error


@pytest.mark.parametrize("field,value,attr,expected", [
    ("body", "Text here.", "text", "Text here."),
    ("content", "Text here.", "text", "Text here."),
    ("maintext", "Text here.", "text", "Text here."),
    ("headline", "A headline", "title", "A headline"),
    ("link", "https://x.example/a", "url", "https://x.example/a"),
    ("site", "Example News", "source", "Example News"),
    ("pubDate", "Fri, 04 Jan 2019 10:00:00 GMT", "published", "2019-01-04"),
    ("date_publish", "2019-01-04 10:00:00", "published", "2019-01-04"),
])
def test_ingest_field_names(tmp_path: Path, field, value, attr, expected):
    record = {field: value} if attr == "text" else {"text": "Default text.", field: value}
    (tmp_path / "a.json").write_text(json.dumps(record), encoding="utf-8")
    [article] = _read(tmp_path)
    got = getattr(article, attr)
    assert (got.isoformat() if hasattr(got, "isoformat") else got) == expected


def test_ingest_json_list_and_record_ids(tmp_path: Path):
    data = [{"id": "x1", "text": "One."}, {"text": "Two."}]
    (tmp_path / "d.json").write_text(json.dumps(data), encoding="utf-8")
    assert [a.doc_id for a in _read(tmp_path)] == ["x1", "d.json:2"]


def test_ingest_jsonl_bad_line_keeps_others(tmp_path: Path):
    lines = ['{"text": "One."}', '{"text": broken', '', '{"text": "Three."}']
    (tmp_path / "f.jsonl").write_text("\n".join(lines), encoding="utf-8")
    articles = _read(tmp_path)
    assert [a.status for a in articles] == ["ok", "error", "ok"]
    assert "malformed JSON on line 2" in articles[1].error
    assert articles[2].doc_id == "f.jsonl:4"


def test_ingest_gzipped_jsonl(tmp_path: Path):
    with gzip.open(tmp_path / "f.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write('{"id": "g1", "text": "Gz."}\n')
    [article] = _read(tmp_path)
    assert (article.doc_id, article.text) == ("g1", "Gz.")


def test_ingest_truncated_gzip_is_error(tmp_path: Path):
    data = gzip.compress(b'{"text": "x"}\n' * 1000)
    (tmp_path / "t.jsonl.gz").write_bytes(data[: len(data) // 2])
    [article] = _read(tmp_path)
    assert article.status == "error"
    assert "gzip" in article.error


def test_ingest_csv_rows_and_missing_text_column(tmp_path: Path):
    (tmp_path / "ok.csv").write_text("headline,body,date\nT1,Body one.,2020-01-02\nT2,Body two.,\n", encoding="utf-8")
    (tmp_path / "zbad.csv").write_text("name,value\na,1\n", encoding="utf-8")
    articles = _read(tmp_path)
    assert [a.doc_id for a in articles] == ["ok.csv:2", "ok.csv:3", "zbad.csv"]
    assert articles[0].published.isoformat() == "2020-01-02"
    assert articles[2].status == "error"
    assert "no text column" in articles[2].error


def test_ingest_csv_ragged_row_is_error_row(tmp_path: Path):
    (tmp_path / "r.csv").write_text("title,text\nA,One.\nB,Two.,extra\nC,Three.\n", encoding="utf-8")
    statuses = [(a.doc_id, a.status) for a in _read(tmp_path)]
    assert statuses == [("r.csv:2", "ok"), ("r.csv:3", "error"), ("r.csv:4", "ok")]


@pytest.mark.parametrize("content,reason", [
    (b"", "empty file"),
    (b"   \n\t\n", "only whitespace"),
    (b"\x00\x01\x02binary\x00stuff" * 10, "binary"),
    (b"%PDF-1.4 fake pdf", "PDF"),
    (b"\x89PNG\r\n\x1a\n....", "PNG"),
])
def test_ingest_bad_files_become_error_rows(tmp_path: Path, content: bytes, reason: str):
    (tmp_path / "bad.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text("Fine.", encoding="utf-8")
    articles = _read(tmp_path)
    assert [a.doc_id for a in articles] == ["bad.txt", "good.txt"]
    assert articles[0].status == "error" and reason in articles[0].error
    assert articles[1].status == "ok"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_ingest_decodes_legacy_encodings(tmp_path: Path, encoding: str):
    text = "Café owners in Zürich protested — the “new” rules were déjà vu for Müller."
    (tmp_path / "a.txt").write_bytes(text.encode(encoding, errors="replace"))
    [article] = _read(tmp_path)
    assert article.status == "ok"
    assert "Zürich" in article.text


def test_ingest_utf16_with_bom(tmp_path: Path):
    (tmp_path / "u.txt").write_bytes(codecs.BOM_UTF16_LE + "Angela Merkel met Emmanuel Macron.".encode("utf-16-le"))
    [article] = _read(tmp_path)
    assert article.text == "Angela Merkel met Emmanuel Macron."


def test_ingest_decode_rejects_undecodable():
    with pytest.raises(IngestError):
        decode(b"\x00\x00\x00\x00")


def test_ingest_broken_symlink_is_error_row(tmp_path: Path):
    os.symlink(tmp_path / "missing.txt", tmp_path / "link.txt")
    [article] = _read(tmp_path)
    assert article.status == "error" and "broken symbolic link" in article.error


def test_ingest_symlink_out_of_root_skipped_unless_asked(tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "o.txt").write_text("Outside.", encoding="utf-8")
    root = tmp_path / "root"
    root.mkdir()
    os.symlink(outside / "o.txt", root / "o.txt")
    [article] = list(read_articles([root]))
    assert article.status == "skipped" and "--follow-links" in article.error
    [followed] = list(read_articles([root], follow_links=True))
    assert followed.status == "ok" and followed.text == "Outside."


def test_ingest_symlink_loop_terminates(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("X.", encoding="utf-8")
    os.symlink(tmp_path / "a", tmp_path / "a" / "loop")
    ids = [a.doc_id for a in read_articles([tmp_path], follow_links=True)]
    assert ids == ["a/x.txt"]


def test_ingest_duplicate_ids_made_unique(tmp_path: Path):
    (tmp_path / "a.jsonl").write_text('{"id": "same", "text": "A."}\n{"id": "same", "text": "B."}\n', encoding="utf-8")
    assert [a.doc_id for a in _read(tmp_path)] == ["same", "same~2"]


def test_ingest_count_articles(tmp_path: Path):
    (tmp_path / "a.jsonl").write_text('{"text": "A."}\n{"text": "B."}\n\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text("C.", encoding="utf-8")
    assert count_articles([tmp_path]) == 3


def test_ingest_html_extracts_main_text(tmp_path: Path):
    html = ("<html><head><title>Talks in Paris</title>"
            '<meta property="article:published_time" content="2021-05-04T10:00:00Z"></head>'
            "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Talks in Paris</h1>"
            + "".join(f"<p>French President Emmanuel Macron met German Chancellor Angela Merkel in Paris "
                      f"on Tuesday for talks on trade, paragraph {i}.</p>" for i in range(4))
            + "</article><footer>© 2021 Example News. All rights reserved.</footer></body></html>")
    (tmp_path / "p.html").write_text(html, encoding="utf-8")
    [article] = _read(tmp_path)
    assert article.status == "ok"
    assert "Emmanuel Macron" in article.text
    assert "All rights reserved" not in article.text
    assert article.published.isoformat() == "2021-05-04"


def test_ingest_html_only_scripts_is_error(tmp_path: Path):
    (tmp_path / "s.html").write_text("<html><head><script>var a=1;</script><style>p{}</style></head><body></body></html>",
                                     encoding="utf-8")
    [article] = _read(tmp_path)
    assert article.status == "error" and "no article text" in article.error


def test_ingest_json_mapping_of_articles_by_id(tmp_path: Path):
    data = {"a1": {"articleBody": "One.", "url": "https://x.example/1"}, "a2": {"articleBody": "Two."}}
    (tmp_path / "m.json").write_text(json.dumps(data), encoding="utf-8")
    articles = _read(tmp_path)
    assert [(a.doc_id, a.text, a.url) for a in articles] == [("a1", "One.", "https://x.example/1"),
                                                              ("a2", "Two.", None)]

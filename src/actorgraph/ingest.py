"""Ingest: files and folders in, :class:`~actorgraph.records.Article` records out.

Formats, by suffix (each may also be gzipped, ``.txt.gz``):

========================  ==========================================================
``.txt`` ``.md``          one article a file; title and date are found by :mod:`clean`
``.html`` ``.htm``        main text and metadata extracted with trafilatura
``.json``                 one article (an object) or many (a list, or ``{"articles": [...]}``)
``.jsonl`` ``.ndjson``    one article a line; a malformed line becomes an error row
``.csv``                  one article a row
========================  ==========================================================

Bad input never raises: it becomes an ``Article`` with ``status`` ``"error"`` or
``"skipped"`` and a reason in ``error``, and the rest of the input is still read.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import logging
import os
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from actorgraph.records import Article

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt": "txt", ".md": "txt", ".text": "txt"}
HTML_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html"}
JSON_SUFFIXES = {".json": "json"}
JSONL_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl"}
CSV_SUFFIXES = {".csv": "csv"}
FORMATS: dict[str, str] = {
    **TEXT_SUFFIXES, **HTML_SUFFIXES, **JSON_SUFFIXES, **JSONL_SUFFIXES, **CSV_SUFFIXES,
}

#: Field names recognised in JSON and CSV records, in order of preference.
FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "maintext", "main_text", "article", "articleBody",
             "article_body", "full_text", "fulltext", "story", "description"),
    "title": ("title", "headline", "heading", "name"),
    "published": ("published", "date", "pubDate", "pub_date", "date_publish", "publish_date",
                  "published_at", "publishedAt", "datePublished", "date_published", "created_at",
                  "timestamp", "time"),
    "url": ("url", "link", "href", "source_url", "uri"),
    "source": ("source", "site", "sitename", "site_name", "publisher", "outlet", "domain",
               "source_name"),
    "id": ("id", "doc_id", "article_id", "uuid", "guid", "_id", "key"),
}

#: Largest input file read, in bytes; bigger files are refused with a reason. Collections
#: (JSON, JSON lines, CSV) are decoded whole, so this bounds memory per file.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Largest one-article file (text, HTML) read, in bytes; refused before reading when over.
MAX_ARTICLE_BYTES = 8 * 1024 * 1024
#: Largest single article text kept, in characters; longer texts are refused with a reason.
#: spaCy's own default ``max_length`` is the same: parsing needs about 1 GB per 100,000
#: words, and no news article comes near it (a long feature is 50,000 characters).
MAX_TEXT_CHARS = 1_000_000


class IngestError(Exception):
    """A file could not be read as an article (the message is the reason shown to users)."""


def format_of(path: Path) -> str | None:
    """The article format of ``path`` from its suffix (``.gz`` looked through), or None."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    if not suffixes:
        return None
    return FORMATS.get(suffixes[-1])


def iter_files(
    paths: Iterable[str | os.PathLike[str]], *, follow_links: bool = False
) -> Iterator[tuple[Path, Path]]:
    """Yield ``(root, file)`` for every input file under ``paths``, in sorted order.

    Folders are walked recursively; hidden files and folders (a name starting with ``.``)
    are skipped; files of unknown suffix are yielded (readers turn them into "skipped"
    rows). Symbolic links that leave the input
    root are not followed unless ``follow_links`` is true; broken links and loops are
    yielded so that they become error rows.
    """
    for raw in paths:
        root = Path(raw)
        if root.is_dir():
            yield from _walk(root, root, follow_links=follow_links, seen=set())
        else:
            # A path named explicitly is always read, whatever its suffix or visibility.
            yield root.parent, root


def _walk(root: Path, folder: Path, *, follow_links: bool, seen: set[str]) -> Iterator[tuple[Path, Path]]:
    try:
        real = os.path.realpath(folder)
    except OSError:
        return
    if real in seen:  # symlink loop
        return
    seen = seen | {real}
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        log.warning("cannot list %s: %s", folder, e)
        yield root, folder  # becomes an error row
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_symlink():
            target = os.path.realpath(path)
            inside = _is_within(target, os.path.realpath(root))
            if not os.path.exists(target):
                if format_of(path):
                    yield root, path  # broken link: error row
                continue
            if not inside and not follow_links:
                if format_of(path) or os.path.isdir(target):
                    yield root, path  # skipped row, with a reason
                continue
        if entry.is_dir(follow_symlinks=True):
            if os.path.realpath(path) in seen:
                continue
            yield from _walk(root, path, follow_links=follow_links, seen=seen)
        else:
            # Unknown suffixes are yielded too: they become "skipped" rows, so a run
            # accounts for every file it was given.
            yield root, path


def _is_within(path: str, root: str) -> bool:
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:
        return False


def read_articles(
    paths: Iterable[str | os.PathLike[str]], *, follow_links: bool = False
) -> Iterator[Article]:
    """Read every article under ``paths`` lazily, in sorted file order.

    Args:
        paths: files or folders.
        follow_links: follow symbolic links that point outside the input folder.

    Yields:
        One :class:`Article` per article; failures as articles with status error/skipped.
    """
    paths = [Path(p) for p in paths]
    seen_ids: dict[str, int] = {}
    for root, path in iter_files(paths, follow_links=follow_links):
        if format_of(path) is None and not _named(path, paths) and not path.is_symlink() and not path.is_dir():
            yield _failed(relative_name(path, root), path, "unknown", "skipped",
                          f"unsupported file type {''.join(path.suffixes[-2:]) or '(no suffix)'!r}: actorgraph "
                          "reads .txt .md .html .htm .json .jsonl .ndjson .csv, optionally .gz")
            continue
        for article in read_file(path, root=root, follow_links=follow_links):
            # Keep ids unique within a run: a second record reusing an id gets a suffix
            # derived from its position, which is stable across re-runs of the same input.
            n = seen_ids.get(article.doc_id, 0)
            seen_ids[article.doc_id] = n + 1
            if n:
                article = _replace_id(article, f"{article.doc_id}~{n + 1}")
            yield article


def _named(path: Path, paths: Iterable[str | os.PathLike[str]]) -> bool:
    """True when ``path`` was named explicitly (not found inside a folder)."""
    return any(Path(p) == path for p in paths)


def _replace_id(article: Article, doc_id: str) -> Article:
    from dataclasses import replace

    return replace(article, doc_id=doc_id)


def relative_name(path: Path, root: Path) -> str:
    """The stable name of ``path`` used in doc ids: relative to the input root, POSIX style."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def read_file(path: Path, *, root: Path | None = None, follow_links: bool = False) -> Iterator[Article]:
    """Read one file as zero or more articles; never raises for bad content."""
    root = root if root is not None else path.parent
    name = relative_name(path, root)
    fmt = format_of(path) or "txt"
    try:
        if path.is_symlink():
            target = os.path.realpath(path)
            if not os.path.exists(target):
                raise IngestError(f"{_link_problem(path)} to {os.readlink(path)}")
            if not follow_links and not _is_within(target, os.path.realpath(root)):
                yield _failed(name, path, fmt, "skipped",
                              "symbolic link leaves the input folder (use --follow-links to read it)")
                return
        if path.is_dir():
            raise IngestError("folder could not be listed (permission denied?)")
        if not path.is_file():
            # Reading a FIFO would block the run forever; a device may never end.
            yield _failed(name, path, fmt, "skipped", "not a regular file (a pipe, socket or device)")
            return
        single = fmt in ("html", "txt")
        data = _read_bytes(path, limit=MAX_ARTICLE_BYTES if single else MAX_FILE_BYTES)
        if fmt == "html":
            from actorgraph.html import article_from_html

            yield _checked_length(article_from_html(data, doc_id=name, path=str(path)))
        elif fmt == "txt":
            text = decode(data)
            yield _checked_length(Article(doc_id=name, path=str(path), text=text, fmt="txt"))
        elif fmt == "json":
            yield from _read_json(decode(data), name=name, path=path)
        elif fmt == "jsonl":
            yield from _read_jsonl(decode(data), name=name, path=path)
        elif fmt == "csv":
            yield from _read_csv(decode(data), name=name, path=path)
    except IngestError as e:
        yield _failed(name, path, fmt, "error", str(e))
    except OSError as e:
        yield _failed(name, path, fmt, "error", f"cannot read file: {e.strerror or e}")


def _link_problem(path: Path) -> str:
    import errno

    try:
        os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "symbolic link loop"
    return "broken symbolic link"


def _failed(doc_id: str, path: Path, fmt: str, status: str, reason: str) -> Article:
    return Article(doc_id=doc_id, path=str(path), text="", status=status,  # type: ignore[arg-type]
                   error=reason, fmt=fmt)


def _read_bytes(path: Path, *, limit: int = MAX_FILE_BYTES) -> bytes:
    size = path.stat().st_size
    what = "one article" if limit == MAX_ARTICLE_BYTES else "one file"
    if path.suffix.lower() == ".gz":
        try:
            with gzip.open(path, "rb") as fh:
                # Never decompress more than the limit: a gzip bomb stays bounded.
                data = fh.read(limit + 1)
        except (EOFError, gzip.BadGzipFile, zlib.error) as e:
            raise IngestError(f"corrupt or truncated gzip file: {e}") from e
    else:
        if size > limit:
            raise IngestError(
                f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:.1f} MB limit for {what}; "
                "split it into smaller files"
            )
        data = path.read_bytes()
    if len(data) > limit:
        raise IngestError(f"file is over the {limit / 1e6:.1f} MB limit for {what} (uncompressed); "
                          "split it into smaller files")
    return data


def _checked_length(article: Article) -> Article:
    if len(article.text) > MAX_TEXT_CHARS:
        raise IngestError(f"article text is {len(article.text):,} characters, over the "
                          f"{MAX_TEXT_CHARS:,} limit for one article; split it into smaller files")
    return article


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "a gzip file without the .gz suffix"),
    (b"\x7fELF", "an executable"),
)


def decode(data: bytes) -> str:
    """Decode file bytes to text: BOMs honoured, UTF-8 first, else charset-normalizer.

    Raises:
        IngestError: for empty, binary or undecodable input, with the reason.
    """
    if not data.strip():
        raise IngestError("empty file" if not data else "file holds only whitespace")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(encoding))
            except UnicodeDecodeError as e:
                raise IngestError(f"undecodable {encoding} text: {e.reason}") from e
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise IngestError(f"binary file: looks like {what}, not text")
    if b"\x00" in data[:8192]:
        raise IngestError("binary file: holds NUL bytes, not text")
    try:
        return _check_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    valid, invalid = _utf8_balance(data)
    if valid and valid * 2 >= invalid:
        # Mostly UTF-8 with some Windows-1252 bytes (pasted quotes, concatenated sources).
        return _check_text(data.decode("utf-8", errors=_MIXED_HANDLER))
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:1_000_000] if len(data) > 1_000_000 else data)
    best = matches.best()
    if best is not None:
        # Latin-script single-byte encodings often fit equally well; Windows-1252 (a
        # superset of Latin-1's printable range) is by far the commonest, so it wins ties.
        for match in matches:
            if match.encoding == "cp1252" and match.chaos <= best.chaos + 0.1:
                best = match
                break
    if best is None or best.encoding is None:
        if valid:
            return _check_text(data.decode("utf-8", errors=_MIXED_HANDLER))
        raise IngestError("undecodable text: no character encoding fits these bytes")
    try:
        return _check_text(data.decode(best.encoding))
    except (UnicodeDecodeError, LookupError) as e:
        raise IngestError(f"undecodable text (best guess {best.encoding} failed): {e}") from e


_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_MIXED_HANDLER = "actorgraph.cp1252-fallback"


def _utf8_balance(data: bytes) -> tuple[int, int]:
    """(valid UTF-8 multi-byte sequences, high bytes outside them) in ``data``."""
    sample = data[:1_000_000]
    sequences = _UTF8_SEQUENCE.findall(sample)
    high = len(_HIGH_BYTE.findall(sample))
    return len(sequences), high - sum(len(q) for q in sequences)


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode bytes that are not UTF-8 as Windows-1252 (else Latin-1)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chunk = error.object[error.start:error.end]
    out = []
    for byte in chunk:
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
            out.append(bytes([byte]).decode("latin-1"))
    return "".join(out), error.end


codecs.register_error(_MIXED_HANDLER, _cp1252_fallback)


def _check_text(text: str) -> str:
    if not text.strip():
        raise IngestError("file holds only whitespace")
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > max(8, len(sample) // 50):
        raise IngestError("binary file: too many control characters for text")
    return text


# -- structured formats ---------------------------------------------------------------------


def pick(record: Mapping[str, Any], field: str) -> Any:
    """The first present, non-empty value of a logical field (see :data:`FIELDS`)."""
    lowered = {str(k).lower(): v for k, v in record.items()}
    for name in FIELDS[field]:
        value = record.get(name, lowered.get(name.lower()))
        if value not in (None, "", [], {}):
            return value
    return None


def article_from_record(
    record: Mapping[str, Any], *, fallback_id: str, path: Path, fmt: str
) -> Article:
    """An Article from a JSON object or CSV row, recognising the usual field names."""
    from actorgraph.dates import parse_published

    text = pick(record, "text")
    rid = pick(record, "id")
    doc_id = str(rid) if rid is not None else fallback_id
    title = _as_str(pick(record, "title"))
    url = _as_str(pick(record, "url"))
    source = pick(record, "source")
    if isinstance(source, Mapping):  # e.g. NewsAPI: {"id": ..., "name": ...}
        source = source.get("name") or source.get("id")
    raw_published = pick(record, "published")
    published = parse_published(str(raw_published)) if raw_published is not None else None
    meta = {k: v for k, v in record.items() if isinstance(v, str | int | float | bool)}
    if text is None or not str(text).strip():
        keys = ", ".join(sorted(map(str, record))[:12]) or "none"
        return Article(doc_id=doc_id, path=str(path), text="", title=title, url=url,
                       source=_as_str(source), published=published,
                       published_source="metadata" if published else None,
                       status="error", fmt=fmt,
                       error=f"no article text: expected a field like 'text', 'body' or 'content' (found: {keys})")
    if not isinstance(text, str):
        text = json.dumps(text, ensure_ascii=False) if not isinstance(text, int | float) else str(text)
    if len(text) > MAX_TEXT_CHARS:
        return Article(doc_id=doc_id, path=str(path), text="", status="error", fmt=fmt,
                       error=f"article text over {MAX_TEXT_CHARS} characters")
    return Article(doc_id=doc_id, path=str(path), text=text, title=title, url=url,
                   source=_as_str(source), published=published,
                   published_source="metadata" if published else None, fmt=fmt, meta=meta)


def _as_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _read_json(text: str, *, name: str, path: Path) -> Iterator[Article]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise IngestError(f"malformed JSON at line {e.lineno}, column {e.colno}: {e.msg}") from e
    except RecursionError as e:  # "[[[[…" a hundred thousand deep
        raise IngestError("JSON nested too deeply to read") from e
    if isinstance(data, Mapping):
        for key in ("articles", "items", "data", "results", "documents", "docs"):
            inner = data.get(key)
            if isinstance(inner, list) and pick(data, "text") is None:
                data = inner
                break
    if isinstance(data, Mapping) and pick(data, "text") is None and data and all(
        isinstance(v, Mapping) for v in data.values()
    ) and any(pick(v, "text") is not None for v in data.values()):
        # {"id1": {"body": …, "url": …}, "id2": {…}}: articles keyed by their id.
        for key, item in data.items():
            yield article_from_record({"id": key, **item} if pick(item, "id") is None else item,
                                      fallback_id=f"{name}:{key}", path=path, fmt="json")
    elif isinstance(data, Mapping):
        yield article_from_record(data, fallback_id=name, path=path, fmt="json")
    elif isinstance(data, list):
        if not data:
            raise IngestError("JSON list is empty: no articles")
        for i, item in enumerate(data, start=1):
            fallback = f"{name}:{i}"
            if isinstance(item, Mapping):
                yield article_from_record(item, fallback_id=fallback, path=path, fmt="json")
            elif isinstance(item, str) and item.strip():
                yield Article(doc_id=fallback, path=str(path), text=item, fmt="json")
            else:
                yield _failed(fallback, path, "json", "error",
                              f"item {i} is a {type(item).__name__}, not an article object")
    else:
        raise IngestError(f"JSON holds a {type(data).__name__}, not an article object or list")


def _read_jsonl(text: str, *, name: str, path: Path) -> Iterator[Article]:
    any_line = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        any_line = True
        fallback = f"{name}:{lineno}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            yield _failed(fallback, path, "jsonl", "error",
                          f"malformed JSON on line {lineno}, column {e.colno}: {e.msg}")
            continue
        except RecursionError:
            yield _failed(fallback, path, "jsonl", "error", f"JSON on line {lineno} nested too deeply to read")
            continue
        if isinstance(item, Mapping):
            yield article_from_record(item, fallback_id=fallback, path=path, fmt="jsonl")
        else:
            yield _failed(fallback, path, "jsonl", "error",
                          f"line {lineno} holds a {type(item).__name__}, not an article object")
    if not any_line:
        raise IngestError("file holds no JSON lines")


def _read_csv(text: str, *, name: str, path: Path) -> Iterator[Article]:
    csv.field_size_limit(MAX_TEXT_CHARS)
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as e:
        raise IngestError(f"CSV has no header row: {e}") from e
    header = [h.strip().lstrip("\ufeff") for h in header]
    probe = {h: "x" for h in header}
    if pick(probe, "text") is None:
        raise IngestError(
            "CSV has no text column: expected a header like 'text', 'body' or 'content' "
            f"(found: {', '.join(header[:12])})"
        )
    rowno = 1
    rows = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            rowno += 1
            rows += 1
            yield _failed(f"{name}:{rowno}", path, "csv", "error", f"malformed CSV row {rowno}: {e}")
            continue
        rowno += 1
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        fallback = f"{name}:{rowno}"
        if len(row) != len(header):
            yield _failed(fallback, path, "csv", "error",
                          f"CSV row {rowno} has {len(row)} cells, the header has {len(header)}")
            continue
        yield article_from_record(dict(zip(header, row, strict=True)), fallback_id=fallback,
                                  path=path, fmt="csv")
    if not rows:  # a header alone must still leave a trace in the documents table
        raise IngestError("CSV has a header but no rows: no articles")


def count_articles(paths: Iterable[str | os.PathLike[str]], *, follow_links: bool = False) -> int:
    """A quick estimate of the number of articles under ``paths`` (for progress bars).

    Counts files, and lines of JSON-lines and CSV files; never raises.
    """
    total = 0
    for _root, path in iter_files(paths, follow_links=follow_links):
        fmt = format_of(path)
        if fmt in ("jsonl", "csv"):
            try:
                opener = gzip.open if path.suffix.lower() == ".gz" else open
                with opener(path, "rb") as fh:  # type: ignore[operator]
                    n = sum(1 for line in fh if line.strip())
                total += max(n - (1 if fmt == "csv" else 0), 1)
            except (OSError, EOFError, zlib.error):
                total += 1
        else:
            total += 1
    return total

"""Store: the output folder — parts written per batch, final tables written atomically.

Layout of an output folder::

    out/
      documents.csv  documents.parquet     # the tables (see actorgraph.schema)
      mentions.*  actors.*  relations.*  edges.*  texts.parquet
      run.json                             # version, model, options, counts, timings
      .actorgraph/
        lock                               # held while a run writes here
        parts/<part-id>/*.parquet          # per-batch results: the incremental cache

Every file is written to a temporary name in the same folder and renamed into place, so
a crash or ``kill -9`` at any point leaves either the previous table or the new one,
never half of one. Parts are complete or absent for the same reason; a run that was
killed resumes from the parts already written.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import json
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from actorgraph import schema

log = logging.getLogger(__name__)

STATE_DIR = ".actorgraph"
PART_TABLES = ("documents", "mentions", "relations", "doc_actors", "texts")
FINAL_TABLES = ("documents", "mentions", "actors", "relations", "edges")

DOC_ACTOR_COLUMNS = {
    "doc_id": "string", "actor_id": "string", "name": "string", "type": "string",
    "country": "string", "sector": "string", "aliases": "string", "title": "string",
    "codes": "string", "n_mentions": "Int64",
}


class StoreError(Exception):
    """The output folder cannot be written (the message says why and what to do)."""


class OutputLocked(StoreError):
    """Another run is writing to the same output folder."""


def state_dir(out: Path) -> Path:
    return out / STATE_DIR


def parts_dir(out: Path) -> Path:
    return state_dir(out) / "parts"


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``out`` for the duration of a run.

    Raises:
        OutputLocked: when another run holds it.
    """
    import fcntl

    state = state_dir(out)
    state.mkdir(parents=True, exist_ok=True)
    path = state / "lock"
    fh = open(path, "a+")  # noqa: SIM115 - held for the whole block
    try:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            if e.errno in (errno.EAGAIN, errno.EACCES):
                fh.seek(0)
                holder = fh.read().strip()
                raise OutputLocked(
                    f"Another actorgraph run is writing to {out} ({holder or 'pid unknown'}). "
                    "Wait for it to finish or choose another --out folder."
                ) from e
            raise
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        fh.close()


def _atomic_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")


def _fsync(path: Path) -> None:
    """Flush a file or a folder (its entries) to disk; best effort."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _commit(tmp: Path, path: Path) -> None:
    try:
        os.replace(tmp, path)
    except OSError as e:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StoreError(f"cannot write {path}: {e.strerror or e}") from e


def _stage_parquet(df: pd.DataFrame | pa.Table, path: Path) -> Path:
    """Write ``df`` to a temporary file beside ``path``; returns the temporary path."""
    tmp = _atomic_path(path)
    try:
        table = df if isinstance(df, pa.Table) else pa.Table.from_pandas(df, preserve_index=False)
        pq.write_table(table, tmp)
        _fsync(tmp)
    except OSError as e:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StoreError(f"cannot write {path}: {e.strerror or e}") from e
    return tmp


def write_parquet(df: pd.DataFrame, path: Path) -> None:
    """Write ``df`` to ``path`` atomically."""
    _commit(_stage_parquet(df, path), path)


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Prefix a quote to a cell a spreadsheet would run as a formula (CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def write_csv(df: pd.DataFrame, path: Path, *, safe: bool = True) -> None:
    """Write ``df`` as UTF-8 CSV with a header, atomically.

    Args:
        safe: neutralise cells that begin with ``= + - @`` so spreadsheets never run them.
    """
    _commit(_stage_csv(df, path, safe=safe), path)


#: Rows converted to pandas at a time when an Arrow table is written as CSV.
CSV_BATCH_ROWS = 50_000


def _csv_frame(df: pd.DataFrame, safe: bool) -> pd.DataFrame:
    if not safe:
        return df
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == "string" or out[col].dtype == object:
            out[col] = out[col].map(neutralise, na_action="ignore")
    return out


def _stage_csv(df: pd.DataFrame | pa.Table, path: Path, *, safe: bool = True) -> Path:
    tmp = _atomic_path(path)
    options: dict[str, Any] = dict(index=False, encoding="utf-8", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    try:
        if isinstance(df, pa.Table):
            # A large table goes out in batches: only one batch is ever a DataFrame.
            batches = df.to_batches(max_chunksize=CSV_BATCH_ROWS) or [None]
            for i, batch in enumerate(batches):
                frame = (pa.Table.from_batches([batch]) if batch is not None else df).to_pandas()
                _csv_frame(frame, safe).to_csv(tmp, mode="w" if i == 0 else "a", header=i == 0, **options)
        else:
            _csv_frame(df, safe).to_csv(tmp, **options)
        _fsync(tmp)
    except OSError as e:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StoreError(f"cannot write {path}: {e.strerror or e}") from e
    return tmp


def write_json(data: Mapping[str, Any], path: Path) -> None:
    tmp = _atomic_path(path)
    try:
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError as e:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StoreError(f"cannot write {path}: {e.strerror or e}") from e


def write_part(out: Path, tables: Mapping[str, pd.DataFrame]) -> str:
    """Write one batch's tables as a part; returns the part id. Atomic (folder rename)."""
    root = parts_dir(out)
    root.mkdir(parents=True, exist_ok=True)
    part_id = uuid.uuid4().hex[:16]
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=root))
    try:
        for name in PART_TABLES:
            df = tables[name]
            pq.write_table(pa.Table.from_pandas(df, preserve_index=False), tmp / f"{name}.parquet")
        os.replace(tmp, root / part_id)
        _fsync(root)
    except OSError as e:
        shutil.rmtree(tmp, ignore_errors=True)
        raise StoreError(f"cannot write results to {out}: {e.strerror or e}") from e
    return part_id


def list_parts(out: Path) -> list[Path]:
    """Complete parts in ``out``; leftovers of an interrupted write are removed."""
    root = parts_dir(out)
    if not root.is_dir():
        return []
    parts = []
    for entry in sorted(root.iterdir()):
        if entry.name.startswith(".tmp-"):
            shutil.rmtree(entry, ignore_errors=True)
            continue
        if entry.is_dir() and all((entry / f"{n}.parquet").exists() for n in PART_TABLES):
            parts.append(entry)
    return parts


def part_index(out: Path) -> dict[tuple[str, str], str]:
    """``(doc_id, content_hash) -> part id`` for every document already processed."""
    index: dict[tuple[str, str], str] = {}
    for part in list_parts(out):
        try:
            table = pq.read_table(part / "documents.parquet", columns=["doc_id", "content_hash"])
        except (OSError, pa.ArrowInvalid) as e:
            log.warning("ignoring unreadable part %s: %s", part.name, e)
            shutil.rmtree(part, ignore_errors=True)
            continue
        for doc_id, h in zip(table.column("doc_id").to_pylist(), table.column("content_hash").to_pylist(),
                             strict=True):
            index.setdefault((doc_id, h), part.name)
    return index


def read_parts(out: Path, table: str, keep: Collection[tuple[str, str]] | None,
               hashes: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Concatenate one table over all parts, keeping the rows of the wanted documents.

    ``keep`` holds ``(doc_id, content_hash)`` pairs; ``hashes`` maps doc_id to the wanted
    hash (for tables without a hash column). The first part holding a document wins.
    """
    frames = []
    seen_docs: set[str] = set()
    for part in list_parts(out):
        docs = pq.read_table(part / "documents.parquet", columns=["doc_id", "content_hash"]).to_pandas()
        if keep is not None:
            mask = [(d, h) in keep and d not in seen_docs for d, h in zip(docs.doc_id, docs.content_hash,
                                                                         strict=True)]
            wanted = set(docs.doc_id[mask])
        else:
            wanted = set(docs.doc_id) - seen_docs
        if not wanted:
            continue
        # Filter in Arrow, before pandas: only the wanted rows are ever converted.
        arrow = pq.read_table(part / f"{table}.parquet")
        if arrow.num_rows:
            import pyarrow.compute as pc

            arrow = arrow.filter(pc.is_in(arrow.column("doc_id"), value_set=pa.array(sorted(wanted))))
        frames.append(arrow)
        seen_docs |= wanted
    if not frames:
        return pd.DataFrame()
    frames = [f.cast(frames[0].schema) if f.schema != frames[0].schema else f for f in frames]
    return pa.concat_tables(frames).to_pandas()


def wanted_parts(out: Path, keep: Collection[tuple[str, str]]) -> list[tuple[Path, set[str]]]:
    """Each part with the documents wanted from it (the first part holding a document wins)."""
    plan: list[tuple[Path, set[str]]] = []
    seen: set[str] = set()
    for part in list_parts(out):
        docs = pq.read_table(part / "documents.parquet", columns=["doc_id", "content_hash"])
        wanted = {d for d, h in zip(docs.column("doc_id").to_pylist(), docs.column("content_hash").to_pylist(),
                                    strict=True) if (d, h) in keep and d not in seen}
        if wanted:
            plan.append((part, wanted))
            seen |= wanted
    return plan


def read_part(part: Path, table: str, wanted: Collection[str]) -> pd.DataFrame:
    """One table of one part, only the rows of the ``wanted`` documents (filtered in Arrow)."""
    import pyarrow.compute as pc

    arrow = pq.read_table(part / f"{table}.parquet")
    if arrow.num_rows:
        arrow = arrow.filter(pc.is_in(arrow.column("doc_id"), value_set=pa.array(sorted(wanted))))
    return arrow.to_pandas()


def prune_parts(out: Path, keep: Collection[tuple[str, str]]) -> int:
    """Delete parts none of whose documents are wanted any more; returns how many."""
    removed = 0
    for part in list_parts(out):
        docs = pq.read_table(part / "documents.parquet", columns=["doc_id", "content_hash"])
        pairs = zip(docs.column("doc_id").to_pylist(), docs.column("content_hash").to_pylist(), strict=True)
        if not any(p in keep for p in pairs):
            shutil.rmtree(part, ignore_errors=True)
            removed += 1
    return removed


def clear_parts(out: Path) -> None:
    shutil.rmtree(parts_dir(out), ignore_errors=True)


def write_tables(out: Path, tables: Mapping[str, pd.DataFrame | pa.Table], *, csv_safe: bool = True) -> None:
    """Write the final tables (CSV and Parquet), each atomically.

    All tables are first written to temporary files and only then renamed into place, so
    a failure while writing (a full disk) leaves the previous tables all intact, and a
    crash can only fall in the short rename phase, where each table is still whole.
    """
    out.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(out)
    staged: list[tuple[Path, Path]] = []
    try:
        for name, df in tables.items():
            path = out / f"{name}.parquet"
            staged.append((_stage_parquet(df, path), path))
            if name != "texts":
                path = out / f"{name}.csv"
                staged.append((_stage_csv(df, path, safe=csv_safe), path))
    except BaseException:
        for tmp, _path in staged:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    for i, (tmp, path) in enumerate(staged):
        try:
            _commit(tmp, path)
        except StoreError:
            for later, _path in staged[i + 1:]:
                with contextlib.suppress(OSError):
                    later.unlink()
            raise
    _fsync(out)


def _remove_stale_temporaries(out: Path) -> None:
    """Delete temporary files left by a run killed while writing (the lock is held)."""
    for entry in out.glob(".*.tmp"):
        if entry.is_file():
            with contextlib.suppress(OSError):
                entry.unlink()


def read_table(out: Path, name: str) -> pd.DataFrame:
    """Read one table of an output folder, typed by the schema."""
    path = out / f"{name}.parquet"
    if path.exists():
        df = pq.read_table(path).to_pandas()
    elif (out / f"{name}.csv").exists():
        df = pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False, na_values=[""])
    else:
        return schema.empty(name)
    return schema.conform(df, name)

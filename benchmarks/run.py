"""Throughput, scaling, memory and re-run benchmarks over Reuters-21578 (not part of the tests).

Usage::

    python benchmarks/run.py [--articles 2000] [--memory 1000,10000] [--out docs/benchmarks.md]

Reports, in one run on one machine:

* articles/s and words/s of ``actorgraph run`` with its defaults (all cores);
* the same for bare ``spacy.load(model)`` + ``nlp.pipe`` with the full default pipeline in one
  process over the same texts (the anchor), and the ratio;
* scaling from 1 to N jobs;
* peak RSS (the largest process) at each ``--memory`` size;
* first run vs unchanged re-run time.

Each timed run is a fresh ``actorgraph`` process, as a user would start it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578" / "reuters21578.jsonl"


def subset(n: int, folder: Path) -> tuple[Path, int]:
    """The first ``n`` Reuters articles with text, as one JSONL file; returns it and its word count."""
    path = folder / f"reuters-{n}.jsonl"
    words = 0
    kept = 0
    with REUTERS.open(encoding="utf-8") as src, path.open("w", encoding="utf-8") as dst:
        for line in src:
            record = json.loads(line)
            if not (record.get("text") or "").strip():
                continue
            dst.write(line)
            words += len(record["text"].split())
            kept += 1
            if kept >= n:
                break
    return path, words


def timed(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and the peak RSS (KiB) of the largest process of ``cmd``."""
    start = time.perf_counter()
    wrapper = ["/usr/bin/time", "-f", "%M"] if Path("/usr/bin/time").exists() else []
    proc = subprocess.run(wrapper + cmd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"command failed: {' '.join(cmd)}")
    peak = 0
    if wrapper:
        peak = int(proc.stderr.strip().splitlines()[-1])
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, children if not wrapper else 0)


def actorgraph_cmd(src: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "actorgraph.cli", "run", str(src), "--out", str(out), "--quiet", *extra]


BARE = """
import json, sys, time, spacy
from actorgraph.nlp import default_model
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
t = time.perf_counter()
nlp = spacy.load(default_model())
for doc in nlp.pipe(texts):
    pass
print(time.perf_counter() - t)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles for the throughput runs")
    parser.add_argument("--memory", default="1000,10000", help="corpus sizes for the peak-RSS runs")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()
    if not REUTERS.exists():
        raise SystemExit(f"{REUTERS} is absent: the benchmarks need ../shared/corpora/reuters21578")
    jobs = len(os.sched_getaffinity(0))
    work = Path(tempfile.mkdtemp(prefix="actorgraph-bench-"))
    rows: list[tuple[str, str]] = []
    try:
        src, words = subset(args.articles, work)
        n = args.articles
        print(f"{n} articles, {words} words; {jobs} cores", file=sys.stderr)

        # The anchor: bare spaCy, full default pipeline, one process (model load included).
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", BARE, str(src)], check=True, capture_output=True)
        bare = time.perf_counter() - start

        # actorgraph with its defaults (all cores).
        default_s, _ = timed(actorgraph_cmd(src, work / "out-default"))
        rerun_s, _ = timed(actorgraph_cmd(src, work / "out-default"))
        scaling = {}
        for j in sorted({1, 2, jobs}):
            scaling[j], _ = timed(actorgraph_cmd(src, work / f"out-j{j}", "--jobs", str(j)))

        memory = {}
        for size in [int(s) for s in args.memory.split(",") if s]:
            msrc, _ = subset(size, work)
            secs, peak = timed(actorgraph_cmd(msrc, work / f"out-m{size}"))
            memory[size] = (secs, peak)

        def rate(seconds: float) -> str:
            return f"{n / seconds:,.1f} articles/s, {words / seconds:,.0f} words/s"

        rows.append(("bare spaCy `nlp.pipe`, full pipeline, 1 process (anchor)", f"{bare:.1f} s — {rate(bare)}"))
        rows.append((f"`actorgraph run` defaults ({jobs} jobs)", f"{default_s:.1f} s — {rate(default_s)}"))
        rows.append(("ratio actorgraph / bare spaCy", f"**{bare / default_s:.2f}×**"))
        for j, secs in scaling.items():
            rows.append((f"`actorgraph run --jobs {j}`", f"{secs:.1f} s — {rate(secs)}"))
        if 1 in scaling and 2 in scaling:
            rows.append(("scaling 1 → 2 jobs", f"**{scaling[1] / scaling[2]:.2f}×**"))
        rows.append(("unchanged re-run", f"{rerun_s:.2f} s = **{100 * rerun_s / default_s:.1f}%** of the first run"))
        sizes = sorted(memory)
        for size in sizes:
            secs, peak = memory[size]
            rows.append((f"peak RSS, {size:,} articles", f"{peak / 1024:,.0f} MiB ({secs:.0f} s)"))
        if len(sizes) >= 2 and memory[sizes[0]][1]:
            ratio = memory[sizes[-1]][1] / memory[sizes[0]][1]
            rows.append((f"peak RSS {sizes[-1]:,} / {sizes[0]:,}", f"**{ratio:.2f}×**"))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    lines = [
        "# Benchmarks",
        "",
        f"Generated by `make bench` (`python benchmarks/run.py --articles {args.articles} --memory {args.memory}`) "
        f"on {date.today().isoformat()}.",
        "",
        f"Machine: {jobs} cores ({cpu}){mem}, Python {platform.python_version()}, {platform.system()}.",
        f"Corpus: the first {args.articles:,} Reuters-21578 articles with text ({words:,} words), "
        "from `../shared/corpora/reuters21578` (research use only).",
        "Each run is a fresh process, model loading included, as a user would start it. "
        "Peak RSS is the largest single process (`/usr/bin/time -f %M`).",
        "",
        "| measure | result |",
        "|---|---|",
        *[f"| {a} | {b} |" for a, b in rows],
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

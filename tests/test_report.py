"""The HTML report: self-contained, escaped, and rendered by headless Chromium without console errors.

Also checks the shared figures (actorgraph.plots) are labelled.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from actorgraph import plots, schema
from actorgraph.edges import build_edges
from actorgraph.report import render_report, top_relations, write_report
from actorgraph.result import Result

HEADINGS = ("Summary", "Top actors", "Actor network", "Timeline", "Countries", "Top relations")
CHROMIUM_TIMEOUT = 120


def _find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


def _run(cmd: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    """Run ``cmd`` in its own process group, killed whole (browser helpers too) on timeout."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, stdin=subprocess.DEVNULL)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        raise
    finally:
        # Chromium's helper processes can outlive the browser; end the group we started.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium; installed with apt-get when missing and running as root, else skip."""
    found = _find_chromium()
    if found:
        return found
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("apt-get") is None:
        pytest.skip("chromium is not installed (apt-get install chromium) and we are not root to install it")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium"]
    try:
        done = subprocess.run(install, capture_output=True, text=True, timeout=900, env=env)
        if done.returncode != 0:  # the package lists may be missing on a fresh machine
            subprocess.run(["apt-get", "update", "-q"], capture_output=True, timeout=300, env=env)
            done = subprocess.run(install, capture_output=True, text=True, timeout=900, env=env)
    except (OSError, subprocess.TimeoutExpired) as e:
        pytest.skip(f"could not install chromium: {e}")
    found = _find_chromium()
    if not found:
        pytest.skip(f"could not install chromium: {done.stderr.strip()[-300:]}")
    return found


def render(chromium: str, page: Path, profile: Path) -> tuple[str, list[str]]:
    """The DOM of ``page`` after Chromium loaded it, and the console messages it logged."""
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-extensions", "--disable-dev-shm-usage", f"--user-data-dir={profile}",
           "--enable-logging=stderr", "--v=0", "--dump-dom", page.resolve().as_uri()]
    done = _run(cmd, CHROMIUM_TIMEOUT)
    assert done.returncode == 0, done.stderr[-2000:]
    # Console messages come as `...:INFO:CONSOLE:1] "message", source: file://... (1)`. The
    # report has no script, so any console message is an error (a CSP refusal, a failed load).
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]
    return done.stdout, console


def hostile_result() -> Result:
    """A tiny run whose text is full of HTML."""
    documents = schema.frame("documents", [{"doc_id": "d<1>", "title": "<i>t</i>", "published": "2023-05-01",
                                            "status": "ok"},
                                           {"doc_id": "d2", "status": "error", "path": "bad.pdf",
                                            "error": "<img src=x onerror=alert(2)>"}])
    actors = schema.frame("actors", [
        {"actor_id": "org:a", "name": "<b>Acme</b> & Sons", "type": "ORG", "country": "USA", "n_mentions": 2,
         "n_docs": 1},
        {"actor_id": "country:FRA", "name": "France", "type": "COUNTRY", "country": "FRA", "n_mentions": 1,
         "n_docs": 1},
    ])
    relations = schema.frame("relations", [{
        "relation_id": "r1", "doc_id": "d<1>", "sent_index": 0, "source_id": "org:a",
        "source_name": "<b>Acme</b> & Sons", "target_id": "country:FRA", "target_name": "France",
        "kind": "action", "event_type": "AGREE", "quad_class": "verbal cooperation", "predicate": "sign",
        "date": "2023-05-01", "evidence": 'Acme <script>alert("x")</script> signed a "deal" with France.'}])
    mentions = schema.frame("mentions", [{"doc_id": "d<1>", "mention_id": "m1", "actor_id": "org:a",
                                          "text": "Acme", "label": "ORG"}])
    return Result(documents, mentions, actors, relations, build_edges(relations, documents))


# -- the page itself ---------------------------------------------------------------------------


def test_report_is_self_contained(sample_result, tmp_path):
    path = write_report(sample_result, tmp_path / "report.html")
    page = path.read_text(encoding="utf-8")
    for heading in HEADINGS:
        assert f">{heading}</h2>" in page
    assert "<script" not in page.lower() and "<link" not in page.lower() and "@import" not in page
    # Every src/href is inline data (or a fragment): nothing to fetch.
    refs = re.findall(r"""(?:src|href)\s*=\s*["']([^"']*)""", page, flags=re.I)
    assert refs and all(r.startswith(("data:", "#")) for r in refs), [r[:40] for r in refs]
    assert "url(" not in page
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', page)
    assert len(images) >= 4  # top actors, network, timeline, countries
    assert all(base64.b64decode(i)[:8] == b"\x89PNG\r\n\x1a\n" for i in images)
    assert "Content-Security-Policy" in page


def test_report_escapes_text_from_the_corpus(tmp_path):
    page = render_report(hostile_result())
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<b>Acme</b>" not in page and "&lt;b&gt;Acme&lt;/b&gt; &amp; Sons" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page  # error rows too
    assert "d&lt;1&gt;" in page


def test_top_relations_rank_and_leave_out_cooccurrence(sample_result):
    top = top_relations(sample_result, n=10)
    assert 0 < len(top) <= 10
    assert "cooccurrence" not in set(top["kind"])
    assert list(top["n_docs"]) == sorted(top["n_docs"], reverse=True)
    assert top["evidence"].notna().all()


def test_report_of_an_empty_run():
    empty = Result(schema.empty("documents"), schema.empty("mentions"), schema.empty("actors"),
                   schema.empty("relations"))
    page = render_report(empty)
    assert "No actors." in page and "No relations other than co-occurrence." in page


# -- in a browser ------------------------------------------------------------------------------


def test_report_renders_in_headless_chromium(chromium, sample_result, tmp_path):
    path = write_report(sample_result, tmp_path / "report.html")
    dom, console = render(chromium, path, tmp_path / "profile")
    assert not console, console
    for heading in HEADINGS:
        assert re.search(rf"<h2[^>]*>{heading}</h2>", dom), heading
    assert dom.count("<img") >= 4
    assert "<tr>" in dom


def test_escaped_text_stays_text_in_the_browser(chromium, tmp_path):
    path = write_report(hostile_result(), tmp_path / "hostile.html")
    dom, console = render(chromium, path, tmp_path / "profile")
    assert not console, console
    assert "<script>" not in dom  # no element was made from the evidence
    assert "&lt;script&gt;" in dom


def test_console_errors_are_detected(chromium, tmp_path):
    """The check above can fail: a page with a failing script is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html><head><title>x</title></head><body><h2>Summary</h2>'
                   '<script>throw new Error("boom-marker")</script></body></html>', encoding="utf-8")
    _, console = render(chromium, bad, tmp_path / "profile")
    assert any("boom-marker" in line for line in console)


# -- figures -----------------------------------------------------------------------------------


def test_figures_are_labelled(sample_result):
    fig = plots.plot_timeline(sample_result, freq="M", by="quad_class")
    ax = fig.axes[0]
    assert ax.get_xlabel() and ax.get_ylabel() == "relations"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert set(legend) == set(sample_result.timeline("M", by="quad_class").columns)

    fig = plots.plot_network(sample_result, top_n=30)
    ax = fig.axes[0]
    assert ax.get_legend() is not None
    shown = {t.get_text().replace("\n", " ") for t in ax.texts}
    top_name = sample_result.actors.sort_values("n_mentions", ascending=False)["name"].iloc[0]
    assert top_name in shown
    assert "actors" in ax.get_title()

    fig = plots.plot_country_matrix(sample_result)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "target country" and ax.get_ylabel() == "source country"
    assert all(len(t.get_text()) == 3 for t in ax.get_xticklabels())

    fig = plots.plot_top_actors(sample_result, n=5)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "mentions" and len(ax.patches) == 5
    assert plots.to_png(fig)[:8] == b"\x89PNG\r\n\x1a\n"


def test_figures_of_an_empty_run():
    empty = Result(schema.empty("documents"), schema.empty("mentions"), schema.empty("actors"),
                   schema.empty("relations"))
    for fig in (plots.plot_network(empty), plots.plot_timeline(empty), plots.plot_country_matrix(empty),
                plots.plot_top_actors(empty)):
        assert fig.axes[0].texts  # a message instead of an empty frame


def test_timeline_figure_trims_far_off_dates():
    import pandas as pd

    periods = pd.date_range("1990-01-01", "2021-12-01", freq="MS")
    table = pd.DataFrame({"verbal cooperation": 0}, index=periods)
    table.iloc[0] = 1  # one relation about 1990
    table.iloc[-24:] = 10  # the stories' own two years
    ax = plots.plot_timeline(table, freq="M").axes[0]
    assert "1 relations outside this span not shown" in ax.get_xlabel()
    assert len(ax.patches) == 24
    everything = plots.plot_timeline(table, freq="M", trim=0).axes[0]
    assert len(everything.patches) == len(periods)
    assert "not shown" not in everything.get_xlabel()

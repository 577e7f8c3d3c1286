"""The command line through typer's CliRunner: help, runs, summaries and user mistakes."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from actorgraph.cli import app

runner = CliRunner()


def _commands():
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)


@pytest.mark.parametrize("command", _commands())
def test_cli_every_command_has_help_with_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output


def test_cli_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("actorgraph ")


def test_cli_run_writes_tables_and_summary(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("German Chancellor Angela Merkel met French President Emmanuel Macron in Paris.",
                               encoding="utf-8")
    (src / "b.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(src), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 3, result.output  # finished; one article failed
    for name in ("documents", "mentions", "actors", "relations", "edges"):
        assert (out / f"{name}.csv").exists() and (out / f"{name}.parquet").exists()
    run = json.loads((out / "run.json").read_text())
    assert run["counts"]["articles"] == 2 and run["counts"]["errors"] == 1
    assert "2 articles" in result.output and "1 failed" in result.output
    assert "Angela Merkel" in result.output  # top actors table
    shown = runner.invoke(app, ["show", str(out)])
    assert shown.exit_code == 0 and "Angela Merkel" in shown.output


def test_cli_strict_fails_on_bad_article(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00binary\x00")
    result = runner.invoke(app, ["run", str(tmp_path), "--out", str(tmp_path / "o"), "--strict", "-q", "-j", "1"])
    assert result.exit_code == 1
    assert "1 article(s) failed (--strict)" in result.output


@pytest.mark.parametrize("args,message", [
    (["run", "does/not/exist"], "Error: No such file or folder: does/not/exist"),
    (["run", ".", "--reference-date", "06/12/2020"], "Error: --reference-date must be YYYY-MM-DD, got '06/12/2020'"),
    (["run", ".", "--engine", "spark"], "Error: --engine must be 'local' or 'dask', got 'spark'"),
    (["run", ".", "--model", "no_such_model_xyz", "-q"], "Error: Cannot find spaCy model 'no_such_model_xyz'"),
    (["show", "no/such/folder"], "Error: no/such/folder holds no actorgraph output"),
    (["evaluate", "xml", "."], "Error: Unknown format 'xml'"),
    (["run", ".", "--actors", "a.txt", "--actors", "missing.csv"], "Error: No such actor dictionary: missing.csv"),
    (["evaluate", "gum", ".", "--actors", "missing.csv"], "Error: No such actor dictionary: missing.csv"),
])
def test_cli_user_mistakes_are_one_line_exit_1(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert message in " ".join(result.output.split())
    assert "Traceback" not in result.output


def test_cli_export_and_report(sample_result, tmp_path):
    out = str(sample_result.out)
    gexf = tmp_path / "net.gexf"
    result = runner.invoke(app, ["export", out, "--format", "gexf", "-o", str(gexf)])
    assert result.exit_code == 0, result.output
    assert gexf.exists() and gexf.stat().st_size > 0
    html = tmp_path / "r.html"
    result = runner.invoke(app, ["report", out, "-o", str(html)])
    assert result.exit_code == 0, result.output
    assert "<html" in html.read_text(encoding="utf-8").lower()
    bad = runner.invoke(app, ["export", out, "--format", "xlsx"])
    assert bad.exit_code == 1 and "Unknown format 'xlsx'" in bad.output

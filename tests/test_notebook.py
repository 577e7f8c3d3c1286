"""The exploration notebook runs top to bottom (nbclient) and is committed without outputs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def test_notebook_is_committed_without_outputs():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code, "the notebook has no code cells"
    with_output = [i for i, c in enumerate(code) if c.get("outputs") or c.get("execution_count")]
    assert not with_output, f"code cells {with_output} keep outputs: clear them before committing"


@pytest.fixture()
def kernel_env(tmp_path, monkeypatch):
    """A ``python3`` kernel spec that runs this interpreter, found before any other."""
    pytest.importorskip("nbclient", reason="nbclient is not installed (pip install 'actorgraph[test]')")
    pytest.importorskip("nbformat", reason="nbformat is not installed (pip install 'actorgraph[test]')")
    pytest.importorskip("ipykernel", reason="ipykernel is not installed (pip install 'actorgraph[test]')")
    from ipykernel.kernelspec import write_kernel_spec

    kernels = tmp_path / "jupyter" / "kernels"
    write_kernel_spec(kernels / "python3", overrides={"argv": [
        sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]})
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    return tmp_path


def test_notebook_executes_on_the_sample(kernel_env, sample_result, monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    # The kernel loads the session's sample run instead of running the pipeline again.
    monkeypatch.setenv("ACTORGRAPH_OUT", str(sample_result.out))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(nb, kernel_name="python3", timeout=180,
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()

    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    errors = [o for o in outputs if o.get("output_type") == "error"]
    assert not errors
    # Warnings (deprecations, font gaps) show up as stderr output: the notebook stays clean.
    stderr = [o.get("text", "") for o in outputs if o.get("name") == "stderr"]
    assert not stderr, stderr
    pngs = [o for o in outputs if "image/png" in o.get("data", {})]
    # top actors, two networks, two timelines, the country matrix
    assert len(pngs) >= 6, f"expected the notebook's figures, got {len(pngs)}"
    text = "\n".join(str(o.get("data", {}).get("text/plain", "")) + str(o.get("text", ""))
                     for o in outputs)
    assert str(sample_result.out) in text  # it loaded the run it was pointed at
    assert "<Actor " in text  # the one-actor view
    # The evidence table shows sentences of the run.
    evidence = sample_result.relations.loc[sample_result.relations["kind"] != "cooccurrence", "evidence"]
    assert any(str(e)[:40] in text for e in evidence.dropna())

"""A Dask LocalCluster run writes the same tables as a local run."""

from __future__ import annotations

import pandas as pd
import pytest

pytest.importorskip("dask.distributed", reason="Dask is an optional dependency (extra 'dask')")


def test_distributed_dask_local_cluster_equals_local_run(tmp_path, sample_result):
    import actorgraph
    from conftest import SAMPLE

    result = actorgraph.extract([SAMPLE], out=tmp_path / "dask", engine="dask", jobs=2, batch_size=3)
    assert result.run["counts"]["processed"] == len(sample_result.documents)
    for name in ("documents", "mentions", "actors", "relations", "edges"):
        a = getattr(sample_result, name)
        b = getattr(result, name)
        pd.testing.assert_frame_equal(a, b, obj=name)

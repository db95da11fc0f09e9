"""ingest.pipeline: one batch says what it did (added, replaced, failed with a reason)."""
from __future__ import annotations

import io

from conftest import SAMPLES
from ingest.pipeline import expand, ingest_paths


def test_a_batch_says_what_it_added_replaced_and_refused(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("阳泉市民政局2024年部门决算\n", encoding="utf-8")  # a title, no table, no figure
    paths = expand([str(SAMPLES)])
    first = ingest_paths(paths + [bad], tmp_path / "store", progress=False, out=io.StringIO())
    assert [d.source for d in first.added] == [p.name for p in paths] and not first.replaced
    assert [p for p, _ in first.failed] == [bad] and first.failed[0][1]
    again = ingest_paths(paths[:1], tmp_path / "store", progress=False, out=io.StringIO())
    assert not again.added and again.replaced == {again.written[0].doc_id} and not again.failed

"""The SQLite store: round trip, replace by content hash, atomic writes, clear errors."""
from __future__ import annotations

import os
import sqlite3

import pytest

from core.store import DB_NAME, Store, StoreError, write_documents


def test_round_trip(tmp_path, yangquan):
    write_documents(tmp_path, [yangquan])
    store = Store(tmp_path)
    [info] = store.documents()
    assert (info.department, info.year, info.kind, info.tables) == ("阳泉市民政局", 2024, "决算", len(yangquan.tables))
    assert info.facts == len(yangquan.facts())
    loaded = store.document(info.doc_id)
    assert loaded.tables == yangquan.tables
    assert loaded.sections == yangquan.sections
    assert store.facts([info.doc_id]) == yangquan.facts()


def test_reingesting_the_same_file_replaces_it(tmp_path, yangquan, linfen):
    assert write_documents(tmp_path, [yangquan, linfen]) == []
    assert write_documents(tmp_path, [yangquan]) == [yangquan.doc_id]
    store = Store(tmp_path)
    assert len(store.documents()) == 2
    assert len(store.facts()) == len(yangquan.facts()) + len(linfen.facts())


def test_failed_write_leaves_previous_store_intact(tmp_path, yangquan, linfen):
    write_documents(tmp_path, [yangquan])
    before = (tmp_path / DB_NAME).read_bytes()
    broken = linfen.__class__(**{**linfen.__dict__, "tables": ["not a table"]})
    with pytest.raises(AttributeError):
        write_documents(tmp_path, [broken])
    assert (tmp_path / DB_NAME).read_bytes() == before
    assert not list(tmp_path.glob(".budget-*"))


def test_missing_and_corrupt_store(tmp_path):
    with pytest.raises(StoreError, match="python -m ingest"):
        Store(tmp_path)
    (tmp_path / DB_NAME).write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="已损坏"):
        Store(tmp_path)


def test_store_is_plain_sqlite_for_staff(tmp_path, linfen):
    write_documents(tmp_path, [linfen])
    db = sqlite3.connect(tmp_path / DB_NAME)
    (value,) = db.execute("SELECT value_text FROM facts WHERE table_code='公开07表' AND column_path LIKE '决算数/合计'").fetchone()
    assert value == "28,452.82"


def test_an_older_store_is_refused_for_reading_and_migrated_step_by_step_when_written(tmp_path, yangquan):
    from core.store import MIGRATIONS, SCHEMA_VERSION

    db = sqlite3.connect(tmp_path / DB_NAME)  # a store as the first schema wrote it
    db.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);" + MIGRATIONS[0])
    db.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="旧版本"):
        Store(tmp_path)
    write_documents(tmp_path, [yangquan])
    store = Store(tmp_path)
    assert store.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    [info] = store.documents()
    doc = store.document(info.doc_id)
    assert [t.type for t in doc.tables][:3] == ["total", "income", "spending"]


def _leave_stale_copy(directory):
    """What a writer killed by kill -9 mid-batch leaves: its copy of the store and the journal."""
    copy = directory / ".budget-k1ll3d.sqlite.tmp"
    copy.write_bytes(b"half a batch")
    (directory / ".budget-k1ll3d.sqlite.tmp-journal").write_bytes(b"journal")
    return copy


def test_copies_left_by_a_killed_writer_are_removed_on_the_next_open(tmp_path, yangquan, linfen):
    write_documents(tmp_path, [yangquan])
    _leave_stale_copy(tmp_path)
    Store(tmp_path).close()
    assert not list(tmp_path.glob(".budget-*"))
    _leave_stale_copy(tmp_path)
    write_documents(tmp_path, [linfen])
    assert not list(tmp_path.glob(".budget-*"))
    assert len(Store(tmp_path).documents()) == 2


def test_the_copy_of_a_batch_being_written_is_kept(tmp_path, yangquan):
    import fcntl

    from core.store import LOCK_NAME, clean_stale

    write_documents(tmp_path, [yangquan])
    copy = _leave_stale_copy(tmp_path)
    with open(tmp_path / LOCK_NAME, "a") as lock:  # as a writer in another process holds it
        fcntl.flock(lock, fcntl.LOCK_SH)
        Store(tmp_path).close()
        assert clean_stale(tmp_path) == [] and copy.exists()
    assert clean_stale(tmp_path) == [copy, copy.with_name(copy.name + "-journal")]


def test_a_read_only_store_is_opened_without_cleaning(tmp_path, yangquan):
    write_documents(tmp_path, [yangquan])
    copy = _leave_stale_copy(tmp_path)
    (tmp_path / ".budget.lock").unlink()
    tmp_path.chmod(0o555)
    try:
        if os.access(tmp_path, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        assert Store(tmp_path).documents() and copy.exists()
    finally:
        tmp_path.chmod(0o755)


def test_document_cache_reads_on_demand_and_holds_only_the_recent(sample_store):
    from core.store import DocumentCache

    store = Store(sample_store)
    ids = [d.doc_id for d in store.documents()]
    docs = DocumentCache(store, ids, size=1)
    assert list(docs) == ids and len(docs) == 2 and ids[0] in docs and "missing" not in docs
    first = docs[ids[0]]
    assert first.doc_id == ids[0] and docs[ids[0]] is first  # held while recent
    assert docs[ids[1]].doc_id == ids[1] and len(docs._held) == 1
    assert docs[ids[0]] is not first and docs[ids[0]].tables == first.tables  # dropped, read again
    with pytest.raises(KeyError):
        docs["missing"]


def test_each_thread_reads_through_its_own_connection(tmp_path, yangquan):
    """The web app answers on several threads at once; one sqlite connection is not shared by
    them (a thread's own connection closes with it)."""
    from concurrent.futures import ThreadPoolExecutor

    write_documents(tmp_path, [yangquan])
    store = Store(tmp_path)
    doc_id = store.documents()[0].doc_id
    expected = len(store.tables(doc_id))

    def read(_):
        return id(store.db), len(store.tables(doc_id)), len(store.facts([doc_id]))

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(read, range(4 * 8)))
    assert {tables for _, tables, _ in results} == {expected}
    assert len({facts for _, _, facts in results}) == 1
    assert len({connection for connection, _, _ in results} | {id(store.db)}) > 1

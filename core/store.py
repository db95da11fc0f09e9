"""The structured store: one SQLite file of documents, sections, tables, rows, facts, warnings.

Written atomically: a batch is applied to a copy of the current file, which then replaces it,
so a crash mid-ingest leaves the previous store intact. A copy left by a writer that died
(kill -9 runs no cleanup) is removed the next time the store is opened, unless a batch is being
written: writers hold ``.budget.lock`` shared, the cleaner needs it alone. A document's id is its
content hash, so re-ingesting the same file replaces it instead of adding a duplicate.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import sqlite3
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from core.model import Document, Fact, Row, Section, StatedFact, Table

DB_NAME = "budget.sqlite"
LOCK_NAME = ".budget.lock"
# a batch's copy of the store and SQLite's journal beside it
TMP_PREFIX, TMP_SUFFIX = ".budget-", ".sqlite.tmp"

# Numbered migrations: a store at version N gets steps N+1… applied, in order, when written.
MIGRATIONS: list[str] = [
    # 1: documents, sections, tables, rows, facts, warnings
    """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, source TEXT, sha256 TEXT, department TEXT, year INTEGER,
    kind TEXT, scope TEXT, title TEXT, pages INTEGER, aliases TEXT, metadata_sources TEXT,
    ingested_at TEXT DEFAULT CURRENT_TIMESTAMP);
CREATE TABLE IF NOT EXISTS sections (
    doc_id TEXT, seq INTEGER, heading_path TEXT, text TEXT, page INTEGER, line INTEGER,
    PRIMARY KEY (doc_id, seq));
CREATE TABLE IF NOT EXISTS tables (
    doc_id TEXT, seq INTEGER, title TEXT, raw_title TEXT, code TEXT, unit TEXT, unit_source TEXT,
    columns TEXT, page_start INTEGER, page_end INTEGER, line INTEGER, category TEXT, note TEXT,
    PRIMARY KEY (doc_id, seq));
CREATE TABLE IF NOT EXISTS rows (
    doc_id TEXT, table_seq INTEGER, seq INTEGER, code TEXT, label TEXT, grp TEXT, unit TEXT,
    "values" TEXT, page INTEGER, line INTEGER, PRIMARY KEY (doc_id, table_seq, seq));
CREATE TABLE IF NOT EXISTS facts (
    doc_id TEXT, table_seq INTEGER, row_seq INTEGER, column_seq INTEGER, department TEXT,
    year INTEGER, kind TEXT, table_title TEXT, table_code TEXT, row_code TEXT, row_label TEXT,
    row_group TEXT, column_path TEXT, value_text TEXT, value REAL, unit TEXT, value_yuan REAL,
    page INTEGER, blank INTEGER);
CREATE INDEX IF NOT EXISTS facts_doc ON facts (doc_id);
CREATE INDEX IF NOT EXISTS facts_dept_year ON facts (department, year);
CREATE TABLE IF NOT EXISTS warnings (doc_id TEXT, table_seq INTEGER, message TEXT);
""",
    # 2: sections remember where their text runs onto a later page
    "ALTER TABLE sections ADD COLUMN page_starts TEXT;",
    # 3: the national templates' keys (table type, column measure, how a code was found, where a
    # unit was read), the department's administrative chain, and the narrative's stated facts
    """
ALTER TABLE documents ADD COLUMN province TEXT DEFAULT '';
ALTER TABLE documents ADD COLUMN city TEXT DEFAULT '';
ALTER TABLE documents ADD COLUMN district TEXT DEFAULT '';
ALTER TABLE documents ADD COLUMN untabled_pages TEXT DEFAULT '[]';
ALTER TABLE tables ADD COLUMN type TEXT DEFAULT 'other';
ALTER TABLE tables ADD COLUMN measures TEXT DEFAULT '[]';
ALTER TABLE rows ADD COLUMN code_source TEXT DEFAULT '';
ALTER TABLE facts ADD COLUMN table_type TEXT DEFAULT 'other';
ALTER TABLE facts ADD COLUMN measure TEXT DEFAULT '';
ALTER TABLE facts ADD COLUMN code_source TEXT DEFAULT '';
ALTER TABLE facts ADD COLUMN unit_source TEXT DEFAULT '';
CREATE INDEX IF NOT EXISTS facts_key ON facts (table_type, row_code, measure);
CREATE TABLE IF NOT EXISTS stated_facts (
    doc_id TEXT, seq INTEGER, subject TEXT, qualifier TEXT, value_text TEXT, value REAL, unit TEXT,
    sentence TEXT, section_seq INTEGER, page INTEGER, line INTEGER, measure TEXT, concept TEXT, year INTEGER,
    "check" TEXT, PRIMARY KEY (doc_id, seq));
CREATE INDEX IF NOT EXISTS stated_concept ON stated_facts (concept);
""",
]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite3.Connection) -> None:
    """Bring a store up to ``SCHEMA_VERSION`` by applying the migrations it has not had."""
    db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
    row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    version = int(row[0]) if row else 0
    if version == 1 and any(r[1] == "page_starts" for r in db.execute("PRAGMA table_info(sections)")):
        version = 2  # written before migrations were numbered, after page breaks were kept
    for number in range(version + 1, SCHEMA_VERSION + 1):
        db.executescript(MIGRATIONS[number - 1])
    db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))


class StoreError(Exception):
    """The store cannot be read (missing, corrupted, or from an incompatible version)."""


@contextmanager
def _writing(directory: Path):
    """Held while a batch is written; shared, so that writers do not wait for one another."""
    with open(directory / LOCK_NAME, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_SH)
        yield


def clean_stale(directory: str | Path) -> list[Path]:
    """Remove the copies (and journals) that writers which died left in a store folder, when no
    batch is being written. Best effort: a read-only folder is left as it is."""
    directory = Path(directory)
    try:
        with open(directory / LOCK_NAME, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            stale = sorted(directory.glob(f"{TMP_PREFIX}*{TMP_SUFFIX}*"))
            for path in stale:
                path.unlink(missing_ok=True)
            return stale
    except OSError:  # a batch is being written, or the folder is read-only
        return []


@dataclass
class DocumentInfo:
    """A document's identity without its contents: enough to list, filter and cite."""
    doc_id: str
    source: str
    department: str
    year: int
    kind: str
    scope: str
    title: str
    pages: int | None
    aliases: list[str]
    tables: int = 0
    facts: int = 0
    province: str = ""
    city: str = ""
    district: str = ""

    @property
    def label(self) -> str:
        return f"{self.department} {self.year}年{self.scope}{self.kind}"


DOCUMENT_COLUMNS = ("doc_id", "source", "sha256", "department", "year", "kind", "scope", "title", "pages",
                    "aliases", "metadata_sources", "province", "city", "district", "untabled_pages")
TABLE_COLUMNS = ("title", "raw_title", "code", "unit", "unit_source", "columns", "page_start", "page_end", "line",
                 "category", "note", "type", "measures")
ROW_COLUMNS = ("code", "label", "group", "unit", "values", "page", "line", "code_source")
FACT_COLUMNS = ("doc_id", "table_index", "row_index", "column_index", "department", "year", "kind", "table_title",
                "table_code", "row_code", "row_label", "row_group", "column", "value_text", "value", "unit",
                "value_yuan", "page", "blank", "table_type", "measure", "code_source", "unit_source")
# model field -> store column, where the two names differ
_STORED_AS = {"group": "grp", "values": '"values"', "table_index": "table_seq", "row_index": "row_seq",
              "column_index": "column_seq", "column": "column_path", "check": '"check"'}
STATED_COLUMNS = ("subject", "qualifier", "value_text", "value", "unit", "sentence", "section_seq", "page", "line",
                  "measure", "concept", "year", "check")
JSON_FIELDS = {"aliases", "metadata_sources", "columns", "measures", "values", "untabled_pages"}


def _sql_columns(fields) -> str:
    return ", ".join(_STORED_AS.get(f, f) for f in fields)


def _stored(obj, fields) -> tuple:
    """A dataclass's fields as store values (lists and dicts as JSON)."""
    return tuple(json.dumps(v, ensure_ascii=False) if f in JSON_FIELDS else v
                 for f, v in ((f, getattr(obj, f)) for f in fields))


def _loaded(fields, values) -> dict:
    return {f: (json.loads(v) if v is not None else ([] if f != "metadata_sources" else {}))
            if f in JSON_FIELDS else v for f, v in zip(fields, values)}


class Store:
    """Read access to a store folder; writes go through :func:`write_documents`."""

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)
        self.path = self.directory / DB_NAME
        if not self.path.exists():
            raise StoreError(f"找不到数据库 {self.path}：请先运行 python -m ingest <文件或目录> --store {self.directory}")
        clean_stale(self.directory)
        self._local = threading.local()
        try:
            version = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"数据库 {self.path} 已损坏（{exc}）：删除后重新运行 python -m ingest") from exc
        if not version or int(version[0]) != SCHEMA_VERSION:
            raise StoreError(f"数据库 {self.path} 由旧版本建立（版本 {version[0] if version else '?'}，当前 "
                             f"{SCHEMA_VERSION}），表格类型与文字陈述的数字需要重新解析：删除后重新运行 python -m ingest")

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's read-only connection (it closes when the thread ends): the web app
        answers on several threads, and one connection is not to be used by two at once."""
        connection = getattr(self._local, "db", None)
        if connection is None:
            connection = self._local.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                                          check_same_thread=False)
        return connection

    def close(self) -> None:
        """Close this thread's connection."""
        connection = getattr(self._local, "db", None)
        if connection is not None:
            connection.close()
            del self._local.db

    def documents(self) -> list[DocumentInfo]:
        rows = self.db.execute(
            "SELECT d.doc_id, source, department, year, kind, scope, title, pages, aliases,"
            " (SELECT COUNT(*) FROM tables t WHERE t.doc_id=d.doc_id),"
            " (SELECT COUNT(*) FROM facts f WHERE f.doc_id=d.doc_id), province, city, district"
            " FROM documents d ORDER BY department, year, kind, source").fetchall()
        return [DocumentInfo(*r[:8], json.loads(r[8] or "[]"), *r[9:]) for r in rows]

    def document(self, doc_id: str) -> Document:
        """The full document (sections, tables, stated facts) as it was ingested."""
        r = self.db.execute(f"SELECT {_sql_columns(DOCUMENT_COLUMNS)} FROM documents WHERE doc_id=?",
                            (doc_id,)).fetchone()
        if r is None:
            raise KeyError(doc_id)
        doc = Document(**_loaded(DOCUMENT_COLUMNS, r))
        doc.sections = self.sections(doc_id)
        doc.tables = self.tables(doc_id)
        doc.stated = self.stated(doc_id)
        doc.warnings = [m for (m,) in self.db.execute(
            "SELECT message FROM warnings WHERE doc_id=? AND table_seq IS NULL ORDER BY rowid", (doc_id,))]
        return doc

    def sections(self, doc_id: str) -> list[Section]:
        return [Section(heading_path=json.loads(h), text=t, page=p, line=ln,
                        page_starts=[tuple(x) for x in json.loads(ps or "[]")])
                for h, t, p, ln, ps in self.db.execute(
                    "SELECT heading_path, text, page, line, page_starts FROM sections WHERE doc_id=? ORDER BY seq",
                    (doc_id,))]

    def tables(self, doc_id: str) -> list[Table]:
        warnings: dict[int, list[str]] = {}
        for seq, msg in self.db.execute(
                "SELECT table_seq, message FROM warnings WHERE doc_id=? AND table_seq IS NOT NULL ORDER BY rowid",
                (doc_id,)):
            warnings.setdefault(seq, []).append(msg)
        rows: dict[int, list[Row]] = {}
        for r in self.db.execute(f"SELECT table_seq, {_sql_columns(ROW_COLUMNS)} FROM rows WHERE doc_id=?"
                                 " ORDER BY table_seq, seq", (doc_id,)):
            rows.setdefault(r[0], []).append(Row(**_loaded(ROW_COLUMNS, r[1:])))
        return [Table(**_loaded(TABLE_COLUMNS, r[1:]), rows=rows.get(r[0], []), warnings=warnings.get(r[0], []))
                for r in self.db.execute(f"SELECT seq, {_sql_columns(TABLE_COLUMNS)} FROM tables WHERE doc_id=?"
                                         " ORDER BY seq", (doc_id,))]

    def stated(self, doc_id: str) -> list[StatedFact]:
        return [StatedFact(**_loaded(STATED_COLUMNS, r)) for r in self.db.execute(
            f"SELECT {_sql_columns(STATED_COLUMNS)} FROM stated_facts WHERE doc_id=? ORDER BY seq", (doc_id,))]

    def facts(self, doc_ids: list[str] | None = None) -> list[Fact]:
        query = f"SELECT {_sql_columns(FACT_COLUMNS)} FROM facts"
        params: tuple = ()
        if doc_ids is not None:
            query += f" WHERE doc_id IN ({','.join('?' * len(doc_ids))})"
            params = tuple(doc_ids)
        return [Fact(**{**_loaded(FACT_COLUMNS, r), "blank": bool(r[18])})
                for r in self.db.execute(query + " ORDER BY rowid", params)]

    def ranked_facts(self, doc_id: str, table_seq: int, column_seq: int, code_prefix: str = "",
                     code_length: int | None = None, ascending: bool = False) -> list[Fact]:
        """The figures of one table column, of 科目 rows under a code (and of one code length:
        3 类, 5 款, 7 项), largest first (or smallest): rankings and breakdowns read from here."""
        query = (f"SELECT {_sql_columns(FACT_COLUMNS)} FROM facts WHERE doc_id=? AND table_seq=? AND column_seq=?"
                 " AND blank=0 AND value IS NOT NULL AND row_code LIKE ? AND row_code != ?")
        params: list = [doc_id, table_seq, column_seq, code_prefix + "%", code_prefix]
        if code_length:
            query += " AND length(row_code)=?"
            params.append(code_length)
        query += f" ORDER BY value_yuan {'ASC' if ascending else 'DESC'}, value {'ASC' if ascending else 'DESC'}, rowid"
        return [Fact(**{**_loaded(FACT_COLUMNS, r), "blank": bool(r[18])}) for r in self.db.execute(query, params)]

    def fingerprint(self) -> str:
        """Changes whenever the set of documents changes (for caches and the index)."""
        ids = sorted(d for (d,) in self.db.execute("SELECT doc_id FROM documents"))
        return ",".join(ids)


class DocumentCache(Mapping):
    """The store's documents by id, read when first asked for and the least recently used
    dropped past ``size``: a library of thousands of documents is not all held in memory."""

    def __init__(self, store: Store, doc_ids: list[str], size: int = 64):
        self.store, self.ids, self.size = store, list(doc_ids), size
        self._known = set(self.ids)
        self._held: OrderedDict[str, Document] = OrderedDict()
        self._lock = threading.Lock()

    def __getitem__(self, doc_id: str) -> Document:
        if doc_id not in self._known:
            raise KeyError(doc_id)
        with self._lock:
            if doc_id in self._held:
                self._held.move_to_end(doc_id)
                return self._held[doc_id]
            doc = self._held[doc_id] = self.store.document(doc_id)
            if len(self._held) > self.size:
                self._held.popitem(last=False)
            return doc

    def __iter__(self):
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, doc_id) -> bool:
        return doc_id in self._known


def _insert_many(db: sqlite3.Connection, table: str, keys: tuple[str, ...], lead: list[tuple], fields,
                 objects) -> None:
    """Rows of ``table``: the key values (doc_id, seq …) in ``lead``, then the objects' fields."""
    names = list(keys) + [_STORED_AS.get(f, f) for f in fields]
    db.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({','.join('?' * len(names))})",
                   [tuple(head) + _stored(o, fields) for head, o in zip(lead, objects)])


def _insert(db: sqlite3.Connection, doc: Document) -> None:
    _insert_many(db, "documents", (), [()], DOCUMENT_COLUMNS, [doc])
    db.executemany("INSERT INTO sections (doc_id, seq, heading_path, text, page, line, page_starts)"
                   " VALUES (?,?,?,?,?,?,?)",
                   [(doc.doc_id, i, json.dumps(s.heading_path, ensure_ascii=False), s.text, s.page, s.line,
                     json.dumps(s.page_starts)) for i, s in enumerate(doc.sections)])
    for ti, t in enumerate(doc.tables):
        _insert_many(db, "tables", ("doc_id", "seq"), [(doc.doc_id, ti)], TABLE_COLUMNS, [t])
        _insert_many(db, "rows", ("doc_id", "table_seq", "seq"), [(doc.doc_id, ti, ri) for ri in range(len(t.rows))],
                     ROW_COLUMNS, t.rows)
        db.executemany("INSERT INTO warnings VALUES (?,?,?)", [(doc.doc_id, ti, w) for w in t.warnings])
    db.executemany("INSERT INTO warnings VALUES (?,?,?)", [(doc.doc_id, None, w) for w in doc.warnings])
    facts = doc.facts()
    _insert_many(db, "facts", (), [()] * len(facts), FACT_COLUMNS, facts)
    _insert_many(db, "stated_facts", ("doc_id", "seq"), [(doc.doc_id, i) for i in range(len(doc.stated))],
                 STATED_COLUMNS, doc.stated)


def _delete(db: sqlite3.Connection, doc_id: str) -> None:
    for table in ("documents", "sections", "tables", "rows", "facts", "warnings", "stated_facts"):
        db.execute(f"DELETE FROM {table} WHERE doc_id=?", (doc_id,))


def write_documents(directory: str | Path, documents: list[Document], remove: list[str] = ()) -> list[str]:
    """Add (or replace, by content hash) documents and remove others, atomically.

    Returns the ids of documents that were already present and got replaced.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    clean_stale(directory)
    with _writing(directory):
        return _write(directory, documents, remove)


def _write(directory: Path, documents: list[Document], remove: list[str]) -> list[str]:
    target = directory / DB_NAME
    fd, tmp_name = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=TMP_SUFFIX, dir=directory)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if target.exists():
            shutil.copyfile(target, tmp)
        db = sqlite3.connect(tmp)
        try:
            migrate(db)
            existing = {d for (d,) in db.execute("SELECT doc_id FROM documents")}
            replaced = [d.doc_id for d in documents if d.doc_id in existing]
            for doc_id in list(remove) + [d.doc_id for d in documents]:
                _delete(db, doc_id)
            for doc in documents:
                _insert(db, doc)
            db.commit()
        finally:
            db.close()
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return replaced

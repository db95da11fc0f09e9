"""The structured store: one SQLite file of documents, sections, tables, rows, facts, warnings.

Written atomically: a batch is applied to a copy of the current file, which then replaces it,
so a crash mid-ingest leaves the previous store intact. A document's id is its content hash,
so re-ingesting the same file replaces it instead of adding a duplicate.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ingest.model import Document, Fact, Row, Section, Table

DB_NAME = "budget.sqlite"
SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, source TEXT, sha256 TEXT, department TEXT, year INTEGER,
    kind TEXT, scope TEXT, title TEXT, pages INTEGER, aliases TEXT, metadata_sources TEXT,
    ingested_at TEXT DEFAULT CURRENT_TIMESTAMP);
CREATE TABLE IF NOT EXISTS sections (
    doc_id TEXT, seq INTEGER, heading_path TEXT, text TEXT, page INTEGER, line INTEGER,
    page_starts TEXT, PRIMARY KEY (doc_id, seq));
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
"""


class StoreError(Exception):
    """The store cannot be read (missing, corrupted, or from an incompatible version)."""


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

    @property
    def label(self) -> str:
        return f"{self.department} {self.year}年{self.scope}{self.kind}"


class Store:
    """Read access to a store folder; writes go through :func:`write_documents`."""

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)
        self.path = self.directory / DB_NAME
        if not self.path.exists():
            raise StoreError(f"找不到数据库 {self.path}：请先运行 python -m ingest <文件或目录> --store {self.directory}")
        try:
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            version = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"数据库 {self.path} 已损坏（{exc}）：删除后重新运行 python -m ingest") from exc
        if not version or int(version[0]) != SCHEMA_VERSION:
            raise StoreError(f"数据库 {self.path} 的版本不兼容：删除后重新运行 python -m ingest")

    def close(self) -> None:
        self.db.close()

    def documents(self) -> list[DocumentInfo]:
        rows = self.db.execute(
            "SELECT d.doc_id, source, department, year, kind, scope, title, pages, aliases,"
            " (SELECT COUNT(*) FROM tables t WHERE t.doc_id=d.doc_id),"
            " (SELECT COUNT(*) FROM facts f WHERE f.doc_id=d.doc_id)"
            " FROM documents d ORDER BY department, year, kind, source").fetchall()
        return [DocumentInfo(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], json.loads(r[8] or "[]"),
                             r[9], r[10]) for r in rows]

    def document(self, doc_id: str) -> Document:
        """The full document (sections and tables) as it was ingested."""
        r = self.db.execute("SELECT doc_id, source, sha256, department, year, kind, scope, title, pages,"
                            " aliases, metadata_sources FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        if r is None:
            raise KeyError(doc_id)
        doc = Document(doc_id=r[0], source=r[1], sha256=r[2], department=r[3], year=r[4], kind=r[5],
                       scope=r[6], title=r[7], pages=r[8], aliases=json.loads(r[9] or "[]"),
                       metadata_sources=json.loads(r[10] or "{}"))
        doc.sections = self.sections(doc_id)
        doc.tables = self.tables(doc_id)
        doc.warnings = [m for (m,) in self.db.execute(
            "SELECT message FROM warnings WHERE doc_id=? AND table_seq IS NULL ORDER BY rowid", (doc_id,))]
        return doc

    def sections(self, doc_id: str) -> list[Section]:
        # a store written before sections recorded their page breaks cites a section's first page
        starts = "page_starts" if _has_column(self.db, "sections", "page_starts") else "NULL"
        return [Section(heading_path=json.loads(h), text=t, page=p, line=ln,
                        page_starts=[tuple(x) for x in json.loads(ps or "[]")])
                for h, t, p, ln, ps in self.db.execute(
                    f"SELECT heading_path, text, page, line, {starts} FROM sections WHERE doc_id=? ORDER BY seq",
                    (doc_id,))]

    def tables(self, doc_id: str) -> list[Table]:
        warnings: dict[int, list[str]] = {}
        for seq, msg in self.db.execute(
                "SELECT table_seq, message FROM warnings WHERE doc_id=? AND table_seq IS NOT NULL ORDER BY rowid",
                (doc_id,)):
            warnings.setdefault(seq, []).append(msg)
        rows: dict[int, list[Row]] = {}
        for tseq, code, label, grp, unit, values, page, line in self.db.execute(
                'SELECT table_seq, code, label, grp, unit, "values", page, line FROM rows WHERE doc_id=?'
                " ORDER BY table_seq, seq", (doc_id,)):
            rows.setdefault(tseq, []).append(Row(label=label, values=json.loads(values), code=code, group=grp,
                                                 unit=unit, page=page, line=line))
        out = []
        for (seq, title, raw_title, code, unit, unit_source, columns, ps, pe, line, category,
             note) in self.db.execute(
                "SELECT seq, title, raw_title, code, unit, unit_source, columns, page_start, page_end, line,"
                " category, note FROM tables WHERE doc_id=? ORDER BY seq", (doc_id,)):
            out.append(Table(title=title, columns=json.loads(columns), rows=rows.get(seq, []), raw_title=raw_title,
                             code=code, unit=unit, unit_source=unit_source, page_start=ps, page_end=pe,
                             line=line, category=category, note=note, warnings=warnings.get(seq, [])))
        return out

    def facts(self, doc_ids: list[str] | None = None) -> list[Fact]:
        query = ("SELECT doc_id, table_seq, row_seq, column_seq, department, year, kind, table_title,"
                 " table_code, row_code, row_label, row_group, column_path, value_text, value, unit,"
                 " value_yuan, page, blank FROM facts")
        params: tuple = ()
        if doc_ids is not None:
            query += f" WHERE doc_id IN ({','.join('?' * len(doc_ids))})"
            params = tuple(doc_ids)
        return [Fact(*r[:18], blank=bool(r[18])) for r in self.db.execute(query + " ORDER BY rowid", params)]

    def fingerprint(self) -> str:
        """Changes whenever the set of documents changes (for caches and the index)."""
        ids = sorted(d for (d,) in self.db.execute("SELECT doc_id FROM documents"))
        return ",".join(ids)


def _has_column(db: sqlite3.Connection, table: str, column: str) -> bool:
    return any(r[1] == column for r in db.execute(f"PRAGMA table_info({table})"))


def _insert(db: sqlite3.Connection, doc: Document) -> None:
    db.execute("INSERT INTO documents (doc_id, source, sha256, department, year, kind, scope, title, pages,"
               " aliases, metadata_sources) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
               (doc.doc_id, doc.source, doc.sha256, doc.department, doc.year, doc.kind, doc.scope, doc.title,
                doc.pages, json.dumps(doc.aliases, ensure_ascii=False),
                json.dumps(doc.metadata_sources, ensure_ascii=False)))
    db.executemany("INSERT INTO sections (doc_id, seq, heading_path, text, page, line, page_starts)"
                   " VALUES (?,?,?,?,?,?,?)",
                   [(doc.doc_id, i, json.dumps(s.heading_path, ensure_ascii=False), s.text, s.page, s.line,
                     json.dumps(s.page_starts)) for i, s in enumerate(doc.sections)])
    for ti, t in enumerate(doc.tables):
        db.execute("INSERT INTO tables VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   (doc.doc_id, ti, t.title, t.raw_title, t.code, t.unit, t.unit_source,
                    json.dumps(t.columns, ensure_ascii=False), t.page_start, t.page_end, t.line, t.category,
                    t.note))
        db.executemany('INSERT INTO rows VALUES (?,?,?,?,?,?,?,?,?,?)',
                       [(doc.doc_id, ti, ri, r.code, r.label, r.group, r.unit,
                         json.dumps(r.values, ensure_ascii=False), r.page, r.line) for ri, r in enumerate(t.rows)])
        db.executemany("INSERT INTO warnings VALUES (?,?,?)", [(doc.doc_id, ti, w) for w in t.warnings])
    db.executemany("INSERT INTO warnings VALUES (?,?,?)", [(doc.doc_id, None, w) for w in doc.warnings])
    db.executemany("INSERT INTO facts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   [(f.doc_id, f.table_index, f.row_index, f.column_index, f.department, f.year, f.kind,
                     f.table_title, f.table_code, f.row_code, f.row_label, f.row_group, f.column, f.value_text,
                     f.value, f.unit, f.value_yuan, f.page, int(f.blank)) for f in doc.facts()])


def _delete(db: sqlite3.Connection, doc_id: str) -> None:
    for table in ("documents", "sections", "tables", "rows", "facts", "warnings"):
        db.execute(f"DELETE FROM {table} WHERE doc_id=?", (doc_id,))


def write_documents(directory: str | Path, documents: list[Document], remove: list[str] = ()) -> list[str]:
    """Add (or replace, by content hash) documents and remove others, atomically.

    Returns the ids of documents that were already present and got replaced.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / DB_NAME
    fd, tmp_name = tempfile.mkstemp(prefix=".budget-", suffix=".sqlite.tmp", dir=directory)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if target.exists():
            shutil.copyfile(target, tmp)
        db = sqlite3.connect(tmp)
        try:
            db.executescript(SCHEMA)
            if not _has_column(db, "sections", "page_starts"):  # a store from before page breaks were kept
                db.execute("ALTER TABLE sections ADD COLUMN page_starts TEXT")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
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

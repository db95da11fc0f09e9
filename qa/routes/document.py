"""The document itself asked about, not a figure in it: which body, year and kind of disclosure it
is ("这份东西是哪一年的？是预算还是决算"), what a numbered part is called ("第三部分叫什么"), whether
it has a part the national template prints ("有没有名词解释这一部分"), and whether its 名词解释
explains a term ("名词解释里有没有解释“财政拨款收入”"). Each answer cites where the document says
it: its title, the part's heading, the definition (or the 名词解释 part that lacks it).
"""
from __future__ import annotations

import re

from core.model import Document, Section
from core.store import DocumentInfo
from core.text import chinese_number, match_key
from core.vocab import intents
from qa.model import ANSWERED, LOOKUP, Answer, Citation
from qa.understand import QueryPlan

IDENTITY_RE = re.compile(r"预算还是决算|决算还是预算|(?:这份|这个|该)[^，,。？?]{0,6}?是?(?:哪一?年|哪个年度|什么年度)的?|"
                         r"是哪一?年的(?:[？?]|$)")
PART_NAMED_RE = re.compile(r"第([一二三四五六七八九十\d]+)部分(?:的标题|的名字|名字|标题)?(?:叫|是)(?:什么|啥)")
PART_NUMBER_RE = re.compile(r"^第([一二三四五六七八九十\d]+)部分")
PARTS_COUNTED_RE = re.compile(r"(?:有|分|分成|包括|包含|由)(?:几|多少)(?:个)?部分")
TERMS_PART = "名词解释"
# "里面解释了机关运行经费没有", "有没有解释“财政拨款收入”" (said of the 名词解释)
TERM_ASKED_RE = re.compile(r"(?:有没有|是否|有无)?(?<!名词)解释(?:了|过)?[“\"「]?(?P<term>[^“”\"「」，,。？?]{2,16}?)[”\"」]?"
                           r"(?:没有?|吗|么|这个词)?[？?]?$")
TERM_ENTRY = r"(?:^|[\s。；;、.．:：）)\d一二三四五六七八九十]){}\s*(?:[：:]|(?:是)?指)"


def document_answer(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """What the document is, or what it holds as a document (see module docstring); None for
    any other question."""
    if not docs:
        return None
    if TERMS_PART in q.text and (m := TERM_ASKED_RE.search(q.text)):
        return _term_explained(q, docs, m.group("term"))
    if m := PART_NAMED_RE.search(q.text):
        return _part_named(q, docs, chinese_number(m.group(1)))
    if PARTS_COUNTED_RE.search(q.text):
        return _parts_counted(q, docs)
    if (part := _part_asked(q.text)) is not None:
        return _has_part(q, docs, part)
    if IDENTITY_RE.search(q.text) and not q.concepts and not q.rows and not q.codes:
        return _identity(q, docs)
    return None


def _identity(q: QueryPlan, docs: list[Document]) -> Answer:
    """Which body, year and kind each document is, as its title prints it."""
    seen, said, cited = set(), [], []
    for doc in docs:
        key = (doc.department, doc.year, doc.scope, doc.kind)
        if key in seen:
            continue  # (a disclosure printed as two files: its narrative and its tables)
        seen.add(key)
        said.append(f"{doc.department}{doc.year}年{doc.scope}{doc.kind}（文件标题：{doc.title}）")
        cited.append(title_citation(doc))
    return Answer(q.text, f"这是{'；'.join(said)}的公开文件。", ANSWERED, LOOKUP, citations=cited)


def _part_named(q: QueryPlan, docs: list[Document], number: int | None) -> Answer | None:
    """The heading of the part numbered so (第三部分), as printed; None when no document prints one."""
    for doc in docs:
        if number in (parts := _numbered_parts(doc)):
            seq, section, said = parts[number]
            top = section.heading_path[0]
            return Answer(q.text, f"{doc.department}{doc.year}年{doc.kind}公开文件的{said}是“{top}”。",
                          ANSWERED, LOOKUP, citations=[_section_citation(doc, seq, section, top)])
    return None


def _parts_counted(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """How many numbered parts the document has: the last part's number (a part of tables only
    prints no text of its own), with each heading found cited; None where its parts are unnumbered."""
    for doc in docs:
        if numbered := _numbered_parts(doc):
            last = max(numbered)
            found = [numbered[n] for n in sorted(numbered)]
            listed = "；".join(section.heading_path[0] for _, section, _ in found)
            return Answer(q.text, f"{doc.department}{doc.year}年{doc.kind}公开文件共{last}个部分（到第{last}部分），"
                                  f"有文字的各部分是：{listed}。", ANSWERED, LOOKUP,
                          citations=[_section_citation(doc, seq, section, section.heading_path[0]) for seq, section, _ in found])
    return None


def _numbered_parts(doc: Document) -> dict[int, tuple[int, Section, str]]:
    """The document's numbered parts by their number: the first section of each (its index, the
    section, and the "第N部分" its heading opens with)."""
    numbered: dict[int, tuple[int, Section, str]] = {}
    for seq, section in enumerate(doc.sections):
        top = section.heading_path[0] if section.heading_path else ""
        if (m := PART_NUMBER_RE.match(top)) and (n := chinese_number(m.group(1))):
            numbered.setdefault(n, (seq, section, m.group(0)))
    return numbered


def _part_asked(text: str) -> str | None:
    """The part of the national template asked after ("有没有名词解释这一部分"), if any."""
    for said in intents()["document_parts"]:
        part = said.pattern
        if re.search(rf"有没有{part}|有无{part}|{part}(?:这一?部分|部分)?(?:有没有|有吗)|是否有{part}", text):
            return part
    return None


def _has_part(q: QueryPlan, docs: list[Document], part: str) -> Answer:
    """Yes with the part's heading cited where a document prints it; else no, with the parts it has."""
    for doc in docs:
        for seq, section in enumerate(doc.sections):
            if heading := next((h for h in section.heading_path if part in h), None):
                return _verdict(q, True, f"{doc.department}{doc.year}年{doc.kind}公开文件有“{heading}”部分。",
                                _section_citation(doc, seq, section, heading))
    tops = list(dict.fromkeys(s.heading_path[0] for d in docs for s in d.sections if s.heading_path))
    return _verdict(q, False, f"文件中没有“{part}”部分" + (f"，它的各部分是：{'；'.join(tops)}。" if tops else "。"),
                    title_citation(docs[0]))


def _term_explained(q: QueryPlan, docs: list[Document], term: str) -> Answer | None:
    """Whether the 名词解释 part defines the term: yes with the definition cited, no with the part
    cited; None when no document has such a part."""
    entry = re.compile(TERM_ENTRY.format(re.escape(match_key(term))))
    parts = [(doc, seq, s) for doc in docs for seq, s in enumerate(doc.sections)
             if any(TERMS_PART in h for h in s.heading_path)]
    if not parts:
        return None
    for doc, seq, section in parts:
        text = match_key(section.text)
        if m := entry.search(text):
            definition = re.split(r"[。；;]", text[m.start():].lstrip("。；;、.．）)"), maxsplit=1)[0]
            return _verdict(q, True, f"{doc.department}{doc.year}年{doc.kind}公开文件的名词解释中有“{term}”：{definition}。",
                            _section_citation(doc, seq, section, definition))
    doc, seq, section = parts[0]
    return _verdict(q, False, f"{doc.department}{doc.year}年{doc.kind}公开文件的名词解释中没有解释“{term}”。",
                    _section_citation(doc, seq, section, section.text[:80]))


def _verdict(q: QueryPlan, yes: bool, said: str, cited: Citation) -> Answer:
    """有 or 没有, then what the document says, cited."""
    found = Answer(q.text, f"{'有' if yes else '没有'}。{said}", ANSWERED, LOOKUP, citations=[cited])
    found.verdict = "yes" if yes else "no"
    return found


def title_citation(doc: Document | DocumentInfo) -> Citation:
    """A document cited by its title, on its first page (its identity, or the library's list of it)."""
    return Citation(source=doc.source, department=doc.department, year=doc.year, kind=doc.kind, section=doc.title,
                    page=1 if doc.pages else None, quote=doc.title, doc_id=doc.doc_id)


def _section_citation(doc: Document, seq: int, section: Section, quote: str) -> Citation:
    return Citation(source=doc.source, department=doc.department, year=doc.year, kind=doc.kind,
                    section=" > ".join(section.heading_path), section_seq=seq, page=section.page, line=section.line,
                    quote=quote, doc_id=doc.doc_id)

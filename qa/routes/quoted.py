"""A sentence of the document pasted into the question: the number that fills its blank ("文件里写
三公经费“比上年度减少1.17万元，下降___%”，这个空里是多少"), or a figure of the sentence a quoted
fragment comes from ("有句“完成年初预算的9.64%”，说的是哪一项？它年初预算是多少"). Only the
document's own sentence answers, read where the quoted words stand in it: a fragment found in no
sentence, or found with different numbers in several, answers nothing here."""
from __future__ import annotations

import re
from dataclasses import replace

from core.model import Document, StatedFact
from core.text import match_key, parse_amount
from ingest.stated import BUDGET_STAGES, LEVEL_QUALIFIERS
from qa.answers import cell_figure, citation, finish, sentence_citation, yuan
from qa.model import LOOKUP, Answer, Figure
from qa.narrative import Sentence, sentences
from qa.lookup import Located
from qa.pasted import BLANK_RE, MIN_FRAGMENT, quoted_keys, quoted_spans
from qa.understand import QueryPlan

NUMBER = r"(-?\d[\d,]*(?:\.\d+)?)"
UNIT_RE = re.compile(r"\s*(亿元|万元|元|%|个|人|辆|台（套）|台|套|次|项)")
SHOWN_SENTENCES = 8  # sentences quoted where a fragment stands in several
# what the question asks of the quoted sentence's subject, beside the fragment: a budget stage, the
# outturn, the year's own level ("今年是多少")
ASKED_MEASURES = (*BUDGET_STAGES, "决算")
WHICH_ASKED_RE = re.compile(r"哪一?[项类个些笔块]|说的是|指的是|是什么|什么(?:支出|项目|钱)")  # what the quoted sentence is of
LEVEL_ASKED_RE = re.compile(r"(?:今年|当年|本年|这一?项|它)(?:的)?(?:是|有|为)?多少")


def quoted_fragment(text: str) -> tuple[str, str] | None:
    """The pasted fragment (the text inside the outermost quotes around a blank, else the first
    quoted stretch long enough) and what the question says after it (what it asks of it: the
    words before, "社工部决算说", only say where it is)."""
    spans = [s for s in quoted_spans(text) if s[1] - s[0] >= MIN_FRAGMENT]
    chosen = next((s for s in spans if BLANK_RE.search(match_key(text[s[0]:s[1]]))), spans[0] if spans else None)
    if chosen is None:
        return None
    start, end = chosen
    return text[start:end], text[end + 1:]


def quoted_answer(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """The blank's number, or the figure asked of the quoted sentence's subject; None where the
    question pastes no fragment or no one sentence of the documents holds it."""
    said = quoted_fragment(q.typed or q.text)
    if said is None or not docs:
        return None
    fragment, rest = said
    pieces = BLANK_RE.split(match_key(fragment))
    found = _blank_filled(q, docs, pieces) if len(pieces) == 2 and len("".join(pieces)) >= MIN_FRAGMENT - 2 else \
        _of_quoted_sentence(q, docs, pieces[0], rest) if len(pieces) == 1 and re.search(r"\d", fragment) else None
    # (the question echoed as typed: its quoted words are what the answer reads)
    return replace(found, question=q.typed) if found is not None and q.typed else found


def _blank_filled(q: QueryPlan, docs: list[Document], pieces: list[str]) -> Answer | None:
    pattern = re.compile(re.escape(pieces[0]) + NUMBER + re.escape(pieces[1]))
    found = [(doc, s, m.group(1)) for doc in docs for s in sentences(doc)
             if (m := pattern.search(match_key(s.text)))]
    if len({value for *_, value in found}) != 1:
        return None  # (nowhere, or several sentences filling it differently)
    doc, sentence, printed = found[0]
    unit = UNIT_RE.match(pieces[1])
    unit = unit.group(1) if unit else ""
    figure = Figure(printed, unit, yuan(float(printed.replace(",", "")), unit), "原文空处", doc.department, doc.year)
    text = f"空处是{printed}{unit}。{doc.department}{doc.year}年{doc.kind}公开文件「{sentence.heading.split(' > ')[-1]}」原文：“{sentence.text}”"
    return finish(q, text, [figure], [sentence_citation(doc, s) for doc, s, _ in found], [], set(), LOOKUP)


def _of_quoted_sentence(q: QueryPlan, docs: list[Document], fragment: str, rest: str) -> Answer | None:
    """The sentence a fragment with a number comes from; the figure the rest of the question asks
    of its subject (a budget stage, the outturn, the year's level) where one fact of the sentence
    is that figure, else, where what it is of is asked, the sentence (or each that holds it)
    quoted with no headline; None where the question asks anything else of it."""
    found = list({match_key(s.text): (doc, s) for doc in docs for s in sentences(doc) if fragment in match_key(s.text)}.values())
    which = WHICH_ASKED_RE.search(rest)
    if not found or len(found) > 1 and not which:
        return None
    if len(found) > 1:  # ("好几处写'增长100.00%'，到底是哪一项"): each sentence, none the answer
        shown = found[:SHOWN_SENTENCES]
        listing = "；".join(f"{doc.department}{doc.year}年「{s.heading.split(' > ')[-1]}」：“{s.text}”" for doc, s in shown)
        return finish(q, f"文件中有{len(found)}句话含有这段文字：{listing}{'…' if len(found) > len(shown) else ''}。",
                      [], [sentence_citation(doc, s) for doc, s in shown], [], {float(len(found))}, LOOKUP)
    doc, sentence = found[0]
    fact = _asked_fact(doc, sentence, fragment, rest)
    lead = f"这句话出自{doc.department}{doc.year}年{doc.kind}公开文件「{sentence.heading.split(' > ')[-1]}」：“{sentence.text}”"
    if fact is None and not which:
        return None  # (asked something else of it: "跟表里的数对得上吗", "比住房保障那类多了多少")
    if fact is None:
        return finish(q, f"{lead}。", [], [sentence_citation(doc, sentence)], [], set(), LOOKUP)
    figure = Figure(fact.value_text, fact.unit, yuan(fact.value, fact.unit),
                    f"{fact.subject}{fact.qualifier}", doc.department, doc.year)
    text = f"{fact.subject}{fact.qualifier}为{fact.value_text}{fact.unit}。{lead}。"
    return finish(q, text, [figure], [sentence_citation(doc, sentence)], [], set(), LOOKUP)


def _asked_fact(doc: Document, sentence: Sentence, fragment: str, rest: str) -> StatedFact | None:
    """The one stated fact of the sentence that the rest of the question asks: of the subject the
    fragment is said of, at the measure the question names, or at its level."""
    key = match_key(sentence.text)
    facts = [f for f in doc.stated if match_key(f.sentence) in key or key in match_key(f.sentence)]
    # (the subject whose figures the fragment's numbers are)
    said = [f for f in facts if f.value_text and f.value_text in fragment]
    subjects = {f.subject for f in said}
    if len(subjects) != 1:
        return None
    own = [f for f in facts if f.subject in subjects]
    measures = [m for m in ASKED_MEASURES if m in rest]
    if measures:
        chosen = [f for f in own if f.qualifier == measures[0]]
    elif LEVEL_ASKED_RE.search(rest):
        chosen = [f for f in own if f.qualifier in LEVEL_QUALIFIERS and f.qualifier != "其中" and f not in said]
    else:
        return None
    return chosen[0] if len(chosen) == 1 else None


def quoted_row_answer(q: QueryPlan, docs: list[Document], row_names_in) -> Answer | None:
    """A table line the question names in quotes by words no row name alone spells ("政府采购表里有个
    “省委办公厅承办的会议费”，这个项目采购预算是多少": the project line of a procurement table, whose
    words hold a department's name): that one row's first printed figure, cited; None where the
    quoted words are a row name the other routes read, or no one row (or several) prints them."""
    for fragment in quoted_keys(q.typed or q.text):
        if re.search(r"\d", fragment) or fragment in row_names_in(fragment):
            continue
        found = [Located(doc, ti, ri, ci, row.label) for doc in docs for ti, table in enumerate(doc.tables)
                 if table.category == "standard"  # (not a 绩效 form's text cells)
                 for ri, row in enumerate(table.rows) if fragment in map(match_key, row.label.split("/"))
                 for ci in [next((i for i, v in enumerate(row.values) if (v or "").strip()), None)] if ci is not None]
        if len({(c.printed, c.unit) for c in found}) != 1 or parse_amount(found[0].printed) is None:
            continue
        cell = found[0]
        text = (f"{cell.doc.department}{cell.doc.year}年度{cell.table.code or ''}《{cell.table.title}》中“{cell.row.label}”"
                f"为{cell.printed}{cell.unit}（“{cell.table.columns[cell.column]}”列）。")
        return finish(q, text, [cell_figure(cell)], [citation(cell)], [], set(), LOOKUP)
    return None

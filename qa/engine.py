"""The answering engine: one ``ask`` used by the UI, the CLI and the eval harness.

Routing: a figure the tables hold is answered by lookup (cited cell, unit, column); two or more
figures asked against each other are computed in code from cited cells, formula shown; reasons
and anything only the narrative states are answered by quoting retrieved sentences. Nothing is
answered for a department, year or document the store lacks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from index.entities import EntityResolver
from index.retriever import filter_documents
from core.store import DocumentInfo, Store
from core.model import YUAN_PER_UNIT, Document
from core.text import decimals, format_amount, match_key, parse_amount
from core.concepts import lexicon
from core.schema import schema
from qa.lookup import (AmbiguousRow, Located, unexplained_modifier, unexplained_phrase, choose_column, default_measure, locate_concept, locate_named_row, named_rows,
                       named_table, names_column, names_row, parent_name, row_name)
from qa.llm import checked, is_no_answer, llm_from_env
from qa.model import ANSWERED, LLM, LOOKUP, NOT_FOUND, RETRIEVAL, UNCLEAR, Answer, Citation, Figure
from qa.narrative import (AMOUNT_RE, MIN_SENTENCE_SCORE, Sentence, Stated, amounts, best_amount, rank_sentences,
                          sentences, stated_figure, without_levels, zero_statement)
from qa.understand import EXCLUSION_RE, SHARE_RE, SUM_RE, Query, understand_conversation
from qa.verify import allowed_from, enforce

# words between a name and an amount that make the amount something other than its level
NOT_LEVEL_RE = re.compile(r"比|较|增|减|上年|同比|下降|上升|占|预算|决算|年初|调整")
# figures only the narrative states: change on last year, 年初预算, budget completion, shares of totals
NARRATIVE_FIGURE_RE = re.compile(r"(比|较|与)(上年|上一年|去年|\d{2,4}年).{0,8}(增|减|多|少|下降|上升|变化|相比)"
                                 r"|(增加|减少|下降|增长|上升)(了)?(多少|百分之|几)|同比|年初预算|完成.{0,4}预算的|执行率")


@dataclass
class Pick:
    """The cells that answer one figure, and how they combine: summed, or (when not) the first
    answers and the others are further parts the question named ("行政单位加参公")."""
    cells: list[Located]
    summed: bool = False
    vague: bool = False  # found from a generic word only ("支出", "一共花了")

    def parts(self) -> list["Pick"]:
        return [self] if self.summed else [Pick([c]) for c in self.cells]

    @property
    def doc(self) -> Document:
        return self.cells[0].doc


def _fmt(value: float, places: int) -> str:
    return format_amount(value, places).replace(",", "") if places >= 0 else str(value)


MAX_ROW_CHOICES = 8  # rows listed when a name is ambiguous


class QAEngine:
    def __init__(self, store_dir: str | Path, embedder=None, llm=None):
        self.store_dir = Path(store_dir)
        self.store = Store(self.store_dir)
        self.infos: list[DocumentInfo] = self.store.documents()
        self.resolver = EntityResolver(self.infos)
        self.docs: dict[str, Document] = {i.doc_id: self.store.document(i.doc_id) for i in self.infos}
        self._embedder = embedder
        self._retriever = None
        self._retriever_error = ""
        # LLM phrasing is optional: from LLM_BASE_URL when not given; llm=False turns it off
        self.llm = llm_from_env() if llm is None else (llm or None)

    # -- context ----------------------------------------------------------------------------
    @property
    def latest_year(self) -> int | None:
        return max((d.year for d in self.infos), default=None)

    def retriever(self):
        """The hybrid retriever, loaded on first need (the embedding model takes seconds)."""
        if self._retriever is None and not self._retriever_error:
            from index.build import IndexUnavailable
            from index.retriever import Retriever
            try:
                self._retriever = Retriever(self.store_dir, self._embedder)
            except IndexUnavailable as exc:
                self._retriever_error = str(exc)
        return self._retriever

    def catalogue(self, infos: list[DocumentInfo] | None = None) -> str:
        infos = self.infos if infos is None else infos
        by_dept: dict[str, list[str]] = {}
        for d in infos:
            by_dept.setdefault(d.department, []).append(f"{d.year}年{d.kind}")
        return "；".join(f"{dept}（{'、'.join(sorted(set(v)))}）" for dept, v in by_dept.items())

    # -- entry point ------------------------------------------------------------------------
    def ask(self, question: str, history: list[str] | None = None) -> Answer:
        question = (question or "").strip()
        if not question:
            return Answer(question, "请输入问题，例如：“阳泉市民政局2024年三公经费多少”。", UNCLEAR, LOOKUP,
                          missing=["问题"])
        q = understand_conversation(question, list(history or []), self.resolver, self.latest_year)
        try:
            return self._answer(q)
        except AmbiguousRow as exc:
            return self._which_row(q, exc.cells)

    def _answer(self, q: Query) -> Answer:
        if q.unknown_orgs and not q.departments:
            return self._not_found(q, f"库中没有“{q.unknown_orgs[0]}”的预算/决算公开文件。")
        docs, problem = self._documents(q)
        if not q.names_something and not q.budget_words and not any(
                named_rows(d, q.match_text) or named_table(d, q.match_text) is not None for d in docs):
            if q.departments and len(re.sub(r"[那么的呢吗？?。，,！!\s]", "", q.rest)) <= 2:
                return self._ask_what(docs, q.text)  # "那临汾的呢？" with nothing before it
            return self._not_found(q, "这个问题不在已收录的部门预算/决算公开文件范围内。")
        if problem is not None:
            return problem
        if q.intent != "reason" and (exclusion := EXCLUSION_RE.search(q.text)):
            return Answer(q.text, f"问题含有排除条件（“{exclusion.group(0)}”），没有哪一格数据直接回答它，为免算错不作推算。"
                          f"请分别查询两项，再问“A比B多多少”，答案会列出两处出处和算式。", UNCLEAR, LOOKUP,
                          missing=["不含排除条件的问法"])
        narrative_only = bool(NARRATIVE_FIGURE_RE.search(q.text))
        several = len({(self.resolver.department_key(d.department), d.year) for d in docs}) > 1
        if (q.intent == "compare" and not narrative_only) or (narrative_only and several and q.intent != "reason"):
            answer = self._compare(q, docs)
            if answer is not None:
                return answer
        focus = ""
        if q.intent != "reason" and not narrative_only:
            answer, focus = self._figure(q, docs)
            if answer is not None:
                return answer
            if not q.names_something and not any(named_rows(d, q.match_text) for d in docs) and \
                    len(match_key(q.rest)) <= 6:
                return self._ask_what(docs, q.text)
        return self._retrieval_answer(q, docs, focus)

    def _which_row(self, q: Query, cells: list[Located]) -> Answer:
        """Several rows answer to the name asked: list them (with their parents) to choose from."""
        shown = cells[:MAX_ROW_CHOICES]
        by_column = len({c.column_path for c in cells}) > 1
        names = "、".join(_row_choice(c, by_column) for c in shown)
        more = f"等{len(cells)}行" if len(cells) > len(shown) else ""
        return Answer(q.text, f"《{cells[0].table.title}》中有{len(cells)}行都叫“{row_name(cells[0].row.label)}”，数值不同："
                      f"{names}{more}。请说明是哪一行。", UNCLEAR, LOOKUP,
                      citations=[self._citation(c) for c in shown], missing=["哪一行"])

    def _ask_what(self, docs: list[Document], question: str = "") -> Answer:
        who = "、".join(sorted({d.department for d in docs})) or "该部门"
        return Answer(question, f"请问想了解{who}的哪项数据？例如：三公经费、本年收入合计、本年支出合计、"
                      f"基本支出、项目支出、机关运行经费、政府采购、车辆数，或某个支出科目。",
                      UNCLEAR, LOOKUP, missing=["要查询的数据项"])

    # -- documents --------------------------------------------------------------------------
    def _not_found(self, q: Query, reason: str, infos: list[DocumentInfo] | None = None) -> Answer:
        return Answer(q.text, f"{reason}库中现有：{self.catalogue(infos)}。", NOT_FOUND, LOOKUP)

    def _documents(self, q: Query) -> tuple[list[Document], Answer | None]:
        """Documents the question is about (in the order the question names them), or the
        refusal/clarification to give instead."""
        depts = q.departments or sorted({self.resolver.department_key(d.department) for d in self.infos})
        if len(depts) > 1 and not q.departments and q.intent != "reason":
            names = "、".join(self.resolver.display(k) for k in depts)
            return [], Answer(q.text, f"请说明是哪个部门的数据。可选：{names}。", UNCLEAR, LOOKUP, missing=["部门"])
        if len(depts) > 1 and q.intent not in ("compare", "reason"):
            names = "、".join(self.resolver.display(k) for k in depts)
            return [], Answer(q.text, f"问题涉及多个部门（{names}），请说明要查哪一个，或改问比较。", UNCLEAR, LOOKUP,
                              missing=["部门"])
        chosen: list[DocumentInfo] = []
        for key in depts:
            infos = [d for d in self.infos if self.resolver.department_key(d.department) == key]
            picked = filter_documents(infos, self.resolver, _mention(q))
            if not picked and ("years" in q.inherited or (q.intent == "compare" and len(depts) > 1)):
                picked = filter_documents(infos, self.resolver, _mention(q, years=False))
            if not picked and q.kind and q.names_something:
                # "三公经费预算多少" in a 决算: the 预算数 column, not a 预算 document
                picked = filter_documents(infos, self.resolver, _mention(q, kind=False))
                if picked and q.measure is None:
                    q.measure = f"{q.kind}数"
            if not picked:
                asked = "、".join(f"{y}年" for y in q.years) + (q.kind or "")
                have = "、".join(sorted({f"{d.year}年{d.scope}{d.kind}" for d in infos}))
                return [], Answer(q.text, f"库中没有{self.resolver.display(key)}{asked}的公开文件；"
                                  f"该部门现有：{have}。", NOT_FOUND, LOOKUP)
            if not q.years and len({d.year for d in picked}) > 1 and q.intent != "compare":
                latest = max(d.year for d in picked)
                picked = [d for d in picked if d.year == latest]
            if q.kind is None and len({d.kind for d in picked}) > 1:
                picked = [d for d in picked if d.kind == "决算"] or picked
            if q.intent == "compare" or NARRATIVE_FIGURE_RE.search(q.text):
                # the other side of "比23年": compared in code when the store has that year
                picked += [d for d in infos if d.year in q.compared_years and d not in picked
                           and (q.kind is None or d.kind == q.kind)]
            chosen += sorted(picked, key=lambda d: (q.compared_years.count(d.year), -d.year if not q.years
                                                    else 0, -self.docs[d.doc_id].tables.__len__(), d.source))
        return [self.docs[d.doc_id] for d in chosen], None

    # -- figures ----------------------------------------------------------------------------
    def _pick(self, q: Query, doc: Document, concept_index: int | None = None, measure: str | None = None,
              concepts_only: bool = False) -> Pick | None:
        """The cells for the figure asked, in one document.

        The target is the last concept named that is not a generic word ("三公经费里公车的钱" asks
        about 公车). A 科目 named by code, or by a label more specific than (or said after) the
        concept word, wins — as does a 科目 whose table has the concept as a column ("行政运行
        基本支出")."""
        measure = measure or q.measure
        if not doc.tables:
            return None
        only = named_table(doc, q.match_text)
        text = q.match_text if only is None else q.match_text.replace(doc.tables[only].title, " ")
        if q.codes:
            cell = locate_named_row(doc, text, q.codes, measure, only)
            if cell:
                return Pick([cell])
        matches = [m for m in lexicon().concepts_in(text) if m.concept in q.concepts]
        if concept_index is None:
            target = ([m for m in matches if not m.generic] or matches or [None])[-1]
            # concepts said only inside a table's title ("财政拨款“三公”经费支出决算表") name the table
            concept = target.concept if target else (q.concepts[-1] if q.concepts and only is None else None)
        else:
            concept = q.concepts[concept_index] if 0 <= concept_index < len(q.concepts) else None
            target = next((m for m in matches if m.concept is concept), None)
        # a "row" that is a concept's own name (本年收入合计, 一、基本支出) is the concept's business
        concept_spans = [(m.start, m.end) for m in matches if not m.generic]
        found_rows = [] if concepts_only else named_rows(doc, lexicon().expand(text, concepts=False), only)
        rows = [] if concepts_only else named_rows(doc, lexicon().expand(text, concepts=False), only,
                                                   skip=concept_spans)
        if rows and target is not None and not target.generic and concept_index != -1:
            rows = [h for h in rows if not names_column(doc, h)]
        if rows and target is not None and not target.generic and concept_index != -1:
            as_column = any(match_key(w) in match_key(c) for w in concept.words()
                            for h in rows if h[0] == rows[0][0] for c in doc.tables[h[2]].columns)
            # "政府采购里服务类": a row of the concept's own table named after it is a part of it
            part = rows[0][1] >= target.end and any(
                f.table in (doc.tables[h[2]].type, schema().family(doc.tables[h[2]].type))
                for h in rows for f in concept.finds)
            if (rows[0][0], rows[0][1]) <= (target.end - target.start, target.start) and not (as_column or part):
                rows = []
        if rows:
            cell = locate_named_row(doc, text, [], measure, only, skip=concept_spans)
            if cell:
                return Pick([cell])
        if concept is None or concept_index == -1:
            table = doc.tables[only] if only is not None else None
            if table is not None and len(table.rows) == 1 and concept_index is None:
                # a one-row table the question names ("…三公经费支出决算表预算数合计")
                column = choose_column(table, table.rows[0], text, measure, doc)
                if column is not None:
                    return Pick([Located(doc, only, 0, column, table.title)])
            return None
        fallback = found_rows and concept_index is None
        # the table is chosen by the words around the concept: not its own ("基本支出" names a
        # figure, not the 基本支出 table), nor, when concepts are compared, the others'
        drop = [t for c in q.concepts if c is concept or concepts_only for t in c.words()]
        context = text
        for word in sorted(drop, key=len, reverse=True):
            context = context.replace(word, " ")
        cells, summed = locate_concept(doc, concept, measure, context if concepts_only else text, only, context)
        if summed:
            # "行政单位机关运行经费": one of the parts, when the question names it
            named = [replace(c, label=f"{row_name(c.row.label)}{c.label}") for c in cells
                     if names_row(c.row.label, text)]
            if named:
                return Pick(named)
        if cells:
            return Pick(cells, summed, vague=target is None or target.generic)
        if fallback:  # the concept is not in these tables, but the row the question names is
            cell = locate_named_row(doc, text, [], measure, only)
            return Pick([cell]) if cell else None
        return None

    def _figure(self, q: Query, docs: list[Document]) -> tuple[Answer | None, str]:
        """The figure from the tables; else no answer, and the phrase (if any) that the table
        cell found did not account for, which a quoted sentence must then contain."""
        focus = ""
        for doc in docs:
            pick = self._pick(q, doc)
            if pick is None:
                continue
            focus = (unexplained_modifier(q.match_text, pick.cells[0])
                     or unexplained_phrase(q.rest, pick.cells[0], anywhere=pick.vague) or "")
            if focus:
                continue
            if q.measure and q.measure != default_measure(doc) and q.measure not in pick.cells[0].column_path:
                # asked for the 决算数 of a 预算 (or the reverse) and the table has no such column
                return Answer(q.text, f"库中{doc.department}{doc.year}年只有{doc.scope}{doc.kind}公开文件，"
                              f"其中没有“{pick.cells[0].label}”的{q.measure}。", NOT_FOUND, LOOKUP), ""
            return self._figure_answer(q, pick), ""
        return None, focus

    def _citation(self, cell: Located) -> Citation:
        doc, table, row = cell.doc, cell.table, cell.row
        printed = " | ".join(v or "" for v in row.values if v is not None)
        label = " ".join(x for x in (row.code, row.label) if x)
        return Citation(source=doc.source, department=doc.department, year=doc.year, kind=doc.kind,
                        table_code=table.code, table_title=table.title, row=row.label, row_code=row.code,
                        column=cell.column_path, cell=cell.printed,
                        page=row.page, line=row.line, quote=f"{label} | {printed}" if label else printed,
                        doc_id=doc.doc_id, table_seq=cell.table_seq, row_seq=cell.row_seq, column_seq=cell.column)

    def _sentence_citation(self, doc: Document, s: Sentence) -> Citation:
        return Citation(source=doc.source, department=doc.department, year=doc.year, kind=doc.kind,
                        page=s.page, line=s.line, quote=s.text, doc_id=doc.doc_id, section=s.heading,
                        section_seq=s.section_seq)

    def _measure_word(self, cell: Located, q: Query) -> str:
        for word in ("预算数", "决算数"):
            if word in cell.column_path:
                return word
        return default_measure(cell.doc)

    def _figure_answer(self, q: Query, pick: Pick) -> Answer:
        doc, cells = pick.doc, pick.cells
        head = cells[0]
        who = f"{doc.department}{doc.year}年度"
        measure = self._measure_word(head, q)
        citations = [self._citation(c) for c in (cells if pick.summed else [head])]
        notes: list[str] = []
        if q.years == [] and len({d.year for d in self.infos
                                  if self.resolver.department_key(d.department) ==
                                  self.resolver.department_key(doc.department)}) > 1:
            notes.append(f"问题未指定年度，按库中最新的{doc.year}年{doc.kind}回答。")
        where = f"{head.table.code + ' ' if head.table.code else ''}《{head.table.title}》"
        if pick.summed:
            values = [c.value or 0.0 for c in cells]
            places = max(decimals(c.printed) for c in cells if c.printed) if any(c.printed for c in cells) else 2
            total = round(sum(values), places)
            parts = " + ".join(f"{c.row.label.split('/')[-1]}{c.printed or '0'}" for c in cells)
            printed = _fmt(total, places)
            formula = f"{' + '.join(c.printed or '0' for c in cells)} = {printed}"
            text = f"{who}{head.label}为{printed}{head.unit}（{parts}，据{where}计算）。"
            figure = Figure(printed, head.unit, _yuan(total, head.unit), head.label, doc.department, doc.year,
                            derived=True, formula=formula)
            allowed = {total, *values}
            return self._finish(q, text, [figure], citations, notes, allowed, LOOKUP)
        if head.blank:
            words = [head.label, head.row.label.split("/")[-1]] + [w for c in q.concepts[:1] for w in c.terms]
            zero = zero_statement(doc, words)
            if head.table.says_empty or zero is not None:
                source = "该表注明本表无数据" if head.table.says_empty else "情况说明载明为0"
                if zero is not None:
                    citations.append(self._sentence_citation(doc, zero))
                text = f"{who}{head.label}{measure}为0{head.unit}（表中该格为空，{source}）。"
                figure = Figure("0", head.unit, 0.0, head.label, doc.department, doc.year)
                notes.append("表中该格为空白，按文件说明视为0。")
                return self._finish(q, text, [figure], citations, notes, {0.0}, LOOKUP)
            text = (f"{who}{where}中“{head.label}”（{head.column_path}）一栏为空，"
                    f"文件没有说明其金额，无法确认该数据。")
            return Answer(q.text, text, NOT_FOUND, LOOKUP, [], citations, notes)
        value = head.value
        text = f"{who}{head.label}{measure}为{head.printed}{head.unit}"
        allowed = {value}
        if head.unit == "元" and value is not None and abs(value) >= 10000:
            wan = round(value / 10000, 2)
            text += f"（折合{_fmt(wan, 2)}万元）"
            notes.append(f"原表单位为元，{head.printed}元 ÷ 10000 = {_fmt(wan, 2)}万元。")
            allowed.add(wan)
        row_part = f"“{head.row.label}”行、" if head.row.label else ""
        text += f"，见{where}{row_part}“{head.column_path}”列。"
        notes += self._warnings_for(head)
        figure = Figure(head.printed, head.unit, _yuan(value, head.unit), head.label, doc.department, doc.year)
        support = self._narrative_check(head, q)
        if support is not None:
            s, agrees = support
            citations.append(self._sentence_citation(doc, s))
            if not agrees and self._warnings_for(head):
                # the table fails its own arithmetic and the narrative says otherwise: no figure
                text = (f"{who}{head.label}{measure}无法确认：{where}{row_part}“{head.column_path}”列印为"
                        f"{head.printed}{head.unit}，但情况说明写道“{s.text}”，且该表分项之和与合计不符。"
                        f"两处均已引用，请以原件核对。")
                return Answer(q.text, text, NOT_FOUND, LOOKUP, [], citations, notes)
            if not agrees:
                notes.append(f"注意：情况说明中的表述与表格不一致：“{s.text}”（以表格为准，两处均已引用）。")
        return self._finish(q, text, [figure], citations, notes, allowed, LOOKUP)

    def _warnings_for(self, cell: Located) -> list[str]:
        """Arithmetic warnings of the table that touch the cited row or column."""
        col_key, row_key = match_key(cell.column_path.split("/")[0]), match_key(cell.row.label)
        out = []
        for w in cell.table.warnings:
            k = match_key(w)
            if (row_key and row_key in k) or (col_key and col_key in k and "数据行" in w):
                out.append(f"注意：该表数据自身不一致——{w}。")
        return out

    def _narrative_check(self, cell: Located, q: Query) -> tuple[Sentence, bool] | None:
        """A narrative sentence naming the same figure: it supports the cell, or contradicts it."""
        if cell.value is None or cell.unit not in YUAN_PER_UNIT:
            return None
        words = [cell.label] + [w for c in q.concepts if c.name == cell.label for w in c.terms]
        target = cell.value * YUAN_PER_UNIT[cell.unit]

        def same(v: float, u: str) -> bool:
            return abs(v * YUAN_PER_UNIT[u] - target) <= 0.5 * YUAN_PER_UNIT[u] * 0.01 + 1e-6

        contradiction = None
        for s in sentences(cell.doc):
            key = match_key(s.text)
            hits = [match_key(w) for w in words if len(match_key(w)) >= 3 and match_key(w) in key]
            if not hits:
                continue
            start = key.find(hits[0])
            found = [(v, u) for _, v, u in amounts(key[start:][:40]) if u in YUAN_PER_UNIT]
            if any(same(v, u) for v, u in found):
                return s, True
            # the amount stated right after the name ("公务用车购置费0元") is another one; not a
            # change or another measure ("比上年增加5万元", "预算5万元")
            near = AMOUNT_RE.search(key, start + len(hits[0]), start + len(hits[0]) + 12)
            if contradiction is None and near and near.group(2) in YUAN_PER_UNIT and \
                    not NOT_LEVEL_RE.search(key[start + len(hits[0]):near.start()]) and \
                    not same(parse_amount(near.group(1)), near.group(2)):
                contradiction = s
        return (contradiction, False) if contradiction is not None else None

    # -- comparisons ------------------------------------------------------------------------
    def _compare(self, q: Query, docs: list[Document]) -> Answer | None:
        """Two or more figures set against each other: departments, years, two concepts (or a
        科目 and a concept) of one document, or the 预算数 and 决算数 of one concept."""
        picks: list[tuple[str, Pick]] = []  # (how the figure is named in the answer, its cells)
        keys = {(self.resolver.department_key(d.department), d.year) for d in docs}
        if len(keys) > 1:
            for doc in docs:
                pick = self._pick(q, doc) or self._stated_pick(q, doc)
                key = (self.resolver.department_key(doc.department), doc.year)
                if pick and not any((self.resolver.department_key(p.doc.department), p.doc.year) == key
                                    for _, p in picks):
                    picks.append((f"{doc.department}{doc.year}年度{pick.cells[0].label}", pick))
        elif docs:
            doc = next((d for d in docs if d.tables), docs[0])
            seen = set()  # figures already picked, by name and by cell
            found = [self._pick(q, doc, concept_index=-1)]  # a named 科目 that is not a concept word
            found += [self._pick(q, doc, concept_index=i, concepts_only=True) for i in range(len(q.concepts))]
            for pick in (part for whole in found if whole for part in whole.parts()):
                head = pick.cells[0]
                names = {head.label} | (set() if pick.summed else {(head.table_seq, head.row_seq, head.column)})
                if not names & seen:
                    picks.append((head.label, pick))
                    seen |= names
            if len(picks) < 2 and q.concepts and "预算" in q.text and re.search(r"决算|实际", q.text):
                picks = []
                for measure in ("预算数", "决算数"):
                    pick = self._pick(q, doc, measure=measure, concepts_only=True)
                    if pick and measure in pick.cells[0].column_path:
                        picks.append((f"{pick.cells[0].label}{measure}", pick))
        if len(picks) < 2:
            return None
        return self._compare_answer(q, picks[:2] if not SUM_RE.search(q.text) else picks)

    def _stated_pick(self, q: Query, doc: Document) -> Pick | None:
        """The concept asked, as the narrative states it, when no table of the document has it
        ("政府采购预算4821.20万元" in a 预算 without a procurement table)."""
        matches = [m for m in lexicon().concepts_in(q.match_text) if not m.generic]
        if not matches:
            return None
        concept = matches[-1].concept
        stated = stated_figure(doc, [matches[-1].word, *concept.terms, *concept.colloquial], concept.name)
        return Pick([stated]) if stated else None

    def _cite(self, cell: Located | Stated) -> Citation:
        return self._sentence_citation(cell.doc, cell.sentence) if isinstance(cell, Stated) else self._citation(cell)

    def _compare_answer(self, q: Query, picks: list[tuple[str, Pick]]) -> Answer:
        units = [p.cells[0].unit for _, p in picks]
        if any(u not in YUAN_PER_UNIT for u in units) and len(set(units)) > 1:
            return Answer(q.text, "两项数据单位不同且无法换算，不能直接比较。", UNCLEAR, LOOKUP)
        unit = "万元" if "万元" in units else units[0]
        # whole yuan stay whole: 189,767,551 − 156,211,123 = 33,556,428, not 33556428.00
        places = 0 if all(p.cells[0].unit == unit and not decimals(c.printed) for _, p in picks for c in p.cells) else 2
        figures, citations, notes, allowed, lines = [], [], [], set(), []
        values = []
        for name, pick in picks:
            cell = pick.cells[0]
            raw = sum(c.value or 0.0 for c in pick.cells) if pick.summed else cell.value
            if raw is None:
                return Answer(q.text, f"{name}的{cell.label}在表中为空，无法比较。", NOT_FOUND, LOOKUP,
                              citations=[self._cite(c) for c in pick.cells])
            converted = raw * YUAN_PER_UNIT.get(cell.unit, 1) / YUAN_PER_UNIT.get(unit, 1)
            values.append(converted)
            allowed |= {raw, round(converted, 6), round(converted, 2)}
            shown = cell.printed if not pick.summed else _fmt(raw, 2)
            line = f"{name}为{shown}{cell.unit}"
            if cell.unit != unit:
                line += f"（换算为{_fmt(round(converted, 6), 6).rstrip('0').rstrip('.')}{unit}）"
                notes.append(f"{shown}{cell.unit} ÷ {int(YUAN_PER_UNIT[unit] / YUAN_PER_UNIT[cell.unit])} "
                             f"= {_fmt(round(converted, 6), 6).rstrip('0').rstrip('.')}{unit}")
            lines.append(line)
            figures.append(Figure(shown, cell.unit, _yuan(raw, cell.unit), name,
                                  cell.doc.department, cell.doc.year))
            citations += [self._cite(c) for c in pick.cells]
        a, b = values[0], values[1]
        if SUM_RE.search(q.text):
            total = round(sum(values), places)
            result = f"合计{_fmt(total, places)}{unit}"
            formula = " + ".join(_fmt(round(v, 6), 6).rstrip("0").rstrip(".") for v in values) + f" = {_fmt(total, places)}"
            headline = Figure(_fmt(total, places), unit, _yuan(total, unit), "合计", "", None, derived=True, formula=formula)
            allowed |= {total}
        elif SHARE_RE.search(q.text) and a and b:
            part, whole = (0, 1) if a <= b else (1, 0)  # a share is the part over the whole
            a, b = values[part], values[whole]
            ratio = round(a / b * 100, 2)
            result = f"{picks[part][0]}占{picks[whole][0]}的{_fmt(ratio, 2)}%"
            formula = f"{_fmt(round(a, 6), 6).rstrip('0').rstrip('.')} ÷ {_fmt(round(b, 6), 6).rstrip('0').rstrip('.')} × 100% = {_fmt(ratio, 2)}%"
            headline = Figure(_fmt(ratio, 2), "%", None, result, "", None, derived=True, formula=formula)
            allowed |= {ratio, 100.0}
        else:
            diff = round(a - b, places)
            change = (f"，前者比后者{'多' if diff > 0 else '少'}{_fmt(abs(diff), places)}{unit}" if diff
                      else "，两者相等")
            pct = ""
            if b:
                rate = round(a / b * 100, 2)
                pct = f"，相当于后者的{_fmt(rate, 2)}%"
                notes.append(f"计算：{_fmt(round(a, 6), 6).rstrip('0').rstrip('.')} ÷ "
                             f"{_fmt(round(b, 6), 6).rstrip('0').rstrip('.')} × 100% = {_fmt(rate, 2)}%")
                allowed |= {rate, 100.0}
            result = change + pct
            formula = f"{_fmt(round(a, 6), 6).rstrip('0').rstrip('.')} − {_fmt(round(b, 6), 6).rstrip('0').rstrip('.')} = {_fmt(diff, places)}{unit}"
            headline = Figure(_fmt(diff, places), unit, _yuan(diff, unit), "差额（前者减后者）", "", None, derived=True,
                              formula=formula)
            allowed |= {abs(diff), diff}
        text = "；".join(lines) + (f"。{result.lstrip('，')}。" if result else "。")
        notes.insert(0, f"计算：{headline.formula}")
        allowed |= allowed_from(notes)
        return self._finish(q, text, [headline] + figures, citations, notes, allowed, LOOKUP)

    # -- narrative --------------------------------------------------------------------------
    def _retrieval_answer(self, q: Query, docs: list[Document], focus: str = "") -> Answer:
        """Quote the sentences that answer, each cited; numbers come only from those quotes. With
        a ``focus`` (a phrase no table cell accounted for), only sentences stating it with an
        amount can answer."""
        candidates: list[tuple[Document, Sentence]] = []
        retriever = self.retriever()
        doc_ids = {d.doc_id for d in docs}
        if retriever is not None:
            result = retriever.search(q.match_text, k=8)
            for hit in result.hits:
                c = hit.chunk
                if doc_ids and c.doc_id not in doc_ids:
                    continue
                doc = self.docs[c.doc_id]
                if c.section_seq is not None:
                    window = match_key(c.text.split("\n", 1)[-1])
                    candidates += [(doc, s) for s in sentences(doc)
                                   if s.section_seq == c.section_seq and match_key(s.text) in window]
        # the documents the question is about are small: every sentence of theirs is a candidate
        if len(docs) <= 4 or not candidates:
            seen = {(d.doc_id, s.text) for d, s in candidates}
            for doc in docs:
                candidates += [(doc, s) for s in sentences(doc) if (doc.doc_id, s.text) not in seen]
        if focus:
            candidates = [(d, s) for d, s in candidates if focus in match_key(without_levels(s.text)) and amounts(s.text)]
        # a follow-up asks about the earlier topic; sentences use the official words
        asked = lexicon().in_official_words(f"{q.rest or q.text} {q.topic}".strip())
        ranked = rank_sentences(asked, [s for _, s in candidates], q.intent == "reason",
                                want_amount=q.intent != "reason")
        if not ranked or ranked[0][0] < MIN_SENTENCE_SCORE:
            missing = f"文件中没有“{focus}”的金额。" if focus else "在相关文件中没有找到能回答这个问题的内容。"
            return self._not_found(q, missing,
                                   [i for i in self.infos if i.doc_id in doc_ids] or None)
        by_sentence = {id(s): d for d, s in candidates}
        chosen = []
        for score, s in ranked:
            if len(chosen) == 2 or score < ranked[0][0] * 0.5:
                break
            if all(s.text != c.text for _, c in chosen):
                chosen.append((by_sentence[id(s)], s))
        citations = [self._sentence_citation(d, s) for d, s in chosen]
        doc = chosen[0][0]
        quotes = "；".join(f"“{s.text.rstrip('。；;')}”" for _, s in chosen)
        text = f"据{doc.department}{doc.year}年{doc.kind}公开文件「{chosen[0][1].heading.split(' > ')[-1]}」：{quotes}。"
        figures = []
        head = best_amount(asked, chosen[0][1].text)
        if q.intent != "reason" and head is not None and not head.named:
            # the amount quoted belongs to words the question does not use ("人员经费963.57万元"
            # for a 局长's monthly pay): the file does not state what was asked
            return Answer(q.text, "文件中没有直接说明这个数字，下列原文最接近，仅供查看。", NOT_FOUND, RETRIEVAL,
                          citations=[self._sentence_citation(d, s) for d, s in chosen])
        if head is not None:
            figures.append(Figure(head.printed, head.unit, _yuan(head.value, head.unit), "情况说明所述数字",
                                  doc.department, doc.year))
        allowed = allowed_from([s.text for _, s in chosen])
        phrased = self._phrase(q, [s.text for _, s in chosen])
        if phrased:
            return Answer(q.text, phrased, ANSWERED, LLM, figures, citations,
                          ["回答由语言模型依据引用原文改写，数字已逐一核对原文。"])
        return self._finish(q, text, figures, citations, [], allowed, RETRIEVAL)

    def _phrase(self, q: Query, passages: list[str]) -> str | None:
        """The optional LLM's wording of the quoted passages, only if every number checks out."""
        if self.llm is None:
            return None
        text = checked(self.llm.phrase(q.text, passages), allowed_from(passages))
        return None if not text or is_no_answer(text) else text

    # -- common -----------------------------------------------------------------------------
    def _finish(self, q: Query, text: str, figures, citations, notes, allowed: set[float], route: str) -> Answer:
        allowed = set(allowed) | allowed_from([c.quote for c in citations])
        clean, dropped = enforce(text, allowed)
        if dropped:
            notes = notes + [f"已删除无法溯源的数字：{'、'.join(dropped)}"]
        if not clean:
            return Answer(q.text, "无法给出可溯源的答案。", NOT_FOUND, route, [], citations, notes)
        return Answer(q.text, clean, ANSWERED, route, figures, citations, notes)


def _row_choice(cell: Located, with_column: bool) -> str:
    """A row as one of several of the same name: its code, its parent ("小型机/分散自行组织" or
    the 科目 its code falls under), its group, and its column where those differ."""
    row = cell.row
    where = [w for w in (parent_name(cell.table, cell.row_seq), row.group) if w]
    return (f"{row.code} " if row.code else "") + f"“{row_name(row.label)}”" + \
        (f"（{'，'.join(where)}）" if where else "") + (f"“{cell.column_path}”列" if with_column else "")


def _yuan(value: float | None, unit: str) -> float | None:
    factor = YUAN_PER_UNIT.get(unit)
    return None if value is None or factor is None else round(value * factor, 4)


def _mention(q: Query, years: bool = True, kind: bool = True):
    from index.entities import Mention

    return Mention(departments=[], years=q.years if years else [], kind=q.kind if kind else None, scope=q.scope,
                   unknown_orgs=[])


"""The answering engine: one ``ask`` used by the UI, the CLI and the eval harness.

A question is understood (department, year, kind, concept or 科目, measure, operation), then
answered by one route: a figure the tables hold by lookup (cited cell, unit, column); two or more
figures against each other computed in code from cited cells, formula shown; reasons and anything
only the narrative states by quoting retrieved sentences. Nothing is answered for a department,
year or document the store lacks.
"""
from __future__ import annotations

import copy
import re
from functools import partial
from dataclasses import replace
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as AnswerTimeout
from pathlib import Path

from core.concepts import lexicon
from core.model import COUNT_UNITS, YUAN_PER_UNIT, Document
from core.schema import schema
from core.text import abbreviates, match_key, parse_amount, simplified, spaced_pauses
from core.vocab import cue_re, has_cue
from index.entities import ORG_MENTION_RE, Mention
from index.retriever import asks_reason
from qa.answers import added_figure, ask_what, finish, fmt, named_infos, not_found, sentence_citation, two_summed_checked, which_row
from qa.claims import checked_claims, claims_in
from qa.corrected import corrected
from qa.context import Library, Shelf
from qa.documents import across_documents, compared_across, documents, years_lacking
from qa.exam import ExamForm, exam_form, option_chosen
from qa.lookup import (INSIDE_RE, SPENDING_SUFFIX_RE, AmbiguousRow, breaks_down, code_row_names, named_rows, named_table, page_named,
                       row_name, rows_said)
from qa.model import ANSWERED, LOOKUP, NOT_FOUND, UNCLEAR, Answer, Figure
from qa.narrative import AMOUNT_RE, sentences, speaks_to
from qa.routes.claim import check_claims, guess_checked, rate_checked, share_checked, told_sum_checked, whole_number_checked
from qa.routes.compare import FIRST_QUESTION_RE, OUTTURN_SAID_RE, PERIOD_AVERAGE_RE, told_with_year_before, change_on_year_before, compare, per_period, per_unit, per_unit_parts
from qa.routes.execution import execution_answer
from qa.routes.defined import meanings_answer, takes_in_answer
from qa.routes.document import document_answer
from qa.routes.held import held_figure_answer, held_item, seen_figures_answer
from qa.pasted import ADMIN_CHARS_RE
from qa.routes.quoted import quoted_answer, quoted_row_answer
from qa.routes import Router
from qa.routes.set_aside import aside_read, set_aside, with_aside, without_aside_beside
from qa.routes.tree import tree_answer
from qa.routes.position import (adjacent_row_answer, ordinal_answer, ordinal_asked, points_at_cell, points_at_named, positioned_answer,
                                ranked_answer, ranked_place, row_step, with_named_item, with_ranked_item)
from qa.routes.per_yuan import per_yuan, per_yuan_answer
from qa.routes.summed_against import (all_on, all_on_answer, ranked_share, ranked_share_answer, sum_against, sum_against_answer,
                                      total_beside)
from qa.routes.catalogue import catalogue_answer
from qa.routes.own import against_own, own_figure
from qa.routes.supposed import MORE_THINGS_SUPPOSED_RE, supposed, supposed_answer
from qa.routes.describe import (bodies_listed, MEMBER_ASKED_RE, EMPTY_TABLES_ASKED_RE, TABLES_COUNTED_RE, table_columns_answer,
                                table_note_answer, TABLE_ASKED_RE, tables_counted_answer, HOW_MUCH_RE, MEANING_ASKED_RE, cause_checked,
                                own_section_answer, retrieval_answer, units_with_own_office, empty_tables_answer, table_asked_answer,
                                table_empty_answer, table_units_answer, with_definition)
from qa.routes.composed import (MONEY_LAST_RE, added_then, measure_summed, count_and_money, either_side, faster, items_counted, other_under, overview,
                                points, place_asked_after, share_moved, premise_checked, said_where, what_for_and_how_much, where_printed,
                                whether_and_why, why_and_how_much)
from qa.routes.earlier import earlier_year_answer
from qa.routes.stated import completion_computed, money_beside_count, names_beside_count, stated_answer
from qa.routes.changes import CHANGE_AMOUNT_ASKED_RE, asked_change, biggest_change, new_items, stated_level
from qa.routes.structure import (ONE_OF_THEM_ASKED, YEARLY_AVERAGE_RE, adds_up_answer, mean_of_years, each_across, rank_across,
                                 structure_answer, ties_answer, zero_parts_answer)
from qa.routes.topic import carrying_answer, narrower_counted, topic_answer
from qa.rounding import places_asked, rounded_as_asked, signed_as_asked
from qa.negated import negated, turned_round
from qa.included import (part_in_brackets_set_aside, without_blank_explanation_asked, without_measure_counted_in, without_others_asked_after_breakdown,
                         without_parts_told)
from qa.several import (amount_asked_after, answered_more, direction_asked_after, answered_together, asked_after_purpose, asked_parts, asked_questions, each_named, left_out, listed_request, mixes_questions, listed_then_compared, relation_disagrees, relation_left_out, summary_parts, years_then_compared,
                        verdict_and_amount, verdict_asked_after, zero_asked_after)
from qa.routes.yesno import HAS_ANY_RE, HAS_ASKED_RE, OVER_YEARS_RE, SAME_ASKED_RE, first_year, places_compared, year_by_year, yes_no
from qa.routes.value import absent_figure, code_described, figure
from qa.understand import (CLAUSE_END_RE, EXCLUSION_RE, PRICED_ASSETS_RE, SCOPE_RE, KINDS_ASKED_RE, NARRATIVE_FIGURE_RE, UNDER_RE,
                           QueryPlan, asking_part, untold, names_item, understand, understand_conversation)
from qa.verify import allowed_from

# the longest question read (the longest gold question has 36 characters): past it, the work
# grows with the text while nothing more is asked; the UI, the CLI and the API all come here
MAX_QUESTION_CHARS = 300
# a body joined to another ("…和太原市民政局"): a whole department by its name's ending, not a meeting
# or an office inside one ("跟全委会、常委会有关的")
BODY_JOINED_RE = re.compile(r"[和与跟同及、](?P<body>[^，,。？?和与跟同及、]{2,10}?(?:局|厅|委员会|办公室|政府|街道|办事处))")
MAX_HISTORY_TURNS = 20  # a follow-up rests on the last few turns, not on an unbounded list
# seconds one question may take before the reply says it gave up (answers take well under a
# second; an optional LLM has its own timeout within this)
DEFAULT_TIME_BUDGET = 30.0
# questions are answered on these threads, so that a caller waits at most the time budget; one
# that runs over finishes in the background and its answer is dropped
_ANSWERING = ThreadPoolExecutor(max_workers=8, thread_name_prefix="answer")


class QAEngine:
    def __init__(self, store_dir: str | Path, embedder=None, llm=None, time_budget: float | None = DEFAULT_TIME_BUDGET):
        """``time_budget``: seconds a question may take (None: no limit, answered on the caller's thread)."""
        self.lib = Library(Shelf(store_dir, embedder), llm)
        self.time_budget = time_budget

    def with_own(self, own_dir: str | Path) -> "QAEngine":
        """An engine over this one's documents plus a session's own uploads (in ``own_dir``):
        answers drawn from those say so; the shared documents and index are not loaded again."""
        engine = copy.copy(self)
        engine.lib = self.lib.with_own(own_dir)
        return engine

    @property
    def infos(self):
        return self.lib.infos

    @property
    def docs(self):
        return self.lib.docs

    def ask(self, question: str, history: list[str] | None = None) -> Answer:
        question = (question or "").strip()
        if not question:
            return Answer(question, "请输入问题，例如：“阳泉市民政局2024年三公经费多少”。", UNCLEAR, LOOKUP,
                          missing=["问题"])
        if len(question) > MAX_QUESTION_CHARS:
            return too_long(question)
        # (a reader in Hong Kong or Taiwan types 經費, 辦公廳; a phone user a space for a comma)
        form = exam_form(spaced_pauses(simplified(question)))  # ("为____万元", "A. 5.2 B. 6.2 …")
        earlier = [exam_form(spaced_pauses(simplified(h))).text for h in list(history or [])[-MAX_HISTORY_TURNS:]
                   if len(h) <= MAX_QUESTION_CHARS]
        if self.time_budget is None:
            return self._answer(form, earlier)
        running = _ANSWERING.submit(self._answer, form, earlier)
        try:
            return running.result(timeout=self.time_budget)
        except AnswerTimeout:
            running.cancel()  # (a question still waiting for a thread is never started)
            return gave_up(form.text, self.time_budget)

    def _pointed_back(self, form: ExamForm, earlier: list[str]) -> tuple[Answer | None, ExamForm]:
        """A turn pointing at the answer before it: the row next to its cell, an item by its place
        in the list it read out (answered here), or the item it named (the question said with it)."""
        step, place = row_step(form.text), ordinal_asked(form.text)
        if not earlier or not (step or place or points_at_named(form.text) or ranked_place(form.text)):
            return None, form
        before = self._answer(ExamForm(earlier[-1], [], False), earlier[:-1])
        # "同一张表的下一行呢": the row next to the one the turn before was answered from; "第二项呢"
        # after a ranking: its second; "按顺序念第一项是多少": the item at that place of the list read out
        found = adjacent_row_answer(self.lib.docs, before, step, form.text) if step else \
            (ranked_answer(before, place, form.text) or ordinal_answer(self.lib.docs, before, place, form.text)) \
            if place else None
        if found is not None:
            found.plan = {**before.plan, "operation": "value"}
            return found, form
        # "那一类降了百分之几" after "哪一类减得最多", "第二项的全年预算是多少" after a top three: the
        # item the ranking named, asked after
        named = (with_ranked_item(form.text, before) or with_named_item(form.text, before)) \
            if not step and not place else None
        return None, (replace(form, text=named) if named is not None else form)

    def _mentions(self, text: str) -> Mention:
        """The departments and years the text names, each with the span it is said in."""
        return self.lib.resolver.resolve(text, self.lib.latest_year)

    def _answer(self, form: ExamForm, earlier: list[str]) -> Answer:
        found, form = self._pointed_back(form, earlier)
        if found is not None:
            return found
        names = lambda text: bool(lexicon().concepts_in(text) or self.lib.row_names_in(text))  # noqa: E731
        if (fixed := corrected(form.text, lambda text: self._mentions(text).spans, names)) is not None:
            # "三公经费，哦不对，是公务接待费，花了多少": the question as the asker corrected it
            found = self._answer(replace(form, text=fixed), earlier)
            return replace(found, question=form.text, notes=[*found.notes, f"按更正后的问题回答：“{fixed}”。"])
        if (neg := negated(form.text)) is not None:
            # "是不是没超预算": whether it did, the yes or no turned round; "不是全花完了吗": the claim
            found = self._answer(replace(form, text=neg.plain), earlier)
            return replace(turned_round(found) if neg.turned else found, question=form.text)
        if (what := supposed(form.text)) is not None and (what.whole or earlier):
            # "公务接待费要是砍掉一半，三公经费合计会变成多少": the part and the whole, each asked, worked
            # ("要是出国那块全砍了，还剩多少": the whole the turn before asked)
            # (the part asked after the whole where only the whole names the department: "把会议费全砍了的话，
            # 江苏省委办公厅17年的机关运行经费还剩多少")
            if not what.whole:
                whole_asked, before_whole, before_part = earlier[-1], earlier[:-1], earlier
            elif not self._mentions(what.part).departments and self._mentions(what.whole).departments:
                whole_asked, before_whole, before_part = what.whole, earlier, [*earlier, what.whole]
            else:
                whole_asked, before_whole, before_part = what.whole, [*earlier, what.part], earlier
            part = None if what.told is not None else self._answer(ExamForm(what.part, [], False), before_part)
            whole = self._answer(ExamForm(whole_asked, [], False), before_whole)
            found = supposed_answer(what, part, whole)
            if found is not whole:  # (else not worked: the whole as printed answers no what-if, read on)
                found.question, found.plan = form.text, {**whole.plan, "operation": "change"}
                return found
        if (found := self._worked_from_plain(form, earlier)) is not None:
            return found
        if (plain := asked_after_purpose(form.text)) is not None and \
                self._mentions(plain).departments:
            # "想算每辆车平均花多少，先问下省委办公厅19年一共有几辆公车": what is asked on the way (where
            # it names the body itself: "…先问下17年它内设多少个处室" leans on the purpose for it)
            return replace(self._answer(replace(form, text=plain), earlier), question=form.text)
        if (aside := part_in_brackets_set_aside(form.text)) is not None:
            # "三公经费（不含公务接待费）多少": the whole less that part
            return replace(self._answer(replace(form, text=aside), earlier), question=form.text)
        if (plain := without_measure_counted_in(form.text) or without_parts_told(form.text)
                or without_blank_explanation_asked(form.text) or without_others_asked_after_breakdown(form.text)) is not None:
            # words that ask nothing more than the plain question answers (qa/included.py): "殡葬这一项连经营支出
            # 在内一共", "三公经费（因公出国、公务用车、公务接待三项合起来）", "…是多少？表中该格为空，文件对此如何
            # 说明" (a blank's answer quotes it), "…从哪来的？除了财政拨款还有别的吗" (the breakdown lists every part)
            return replace(self._answer(replace(form, text=plain), earlier), question=form.text)
        if (plain := place_asked_after(form.text)) is not None:
            # "其中工程是多少？这个数写在哪一段": the question as if alone, then where it is printed
            return said_where(self._answer(replace(form, text=plain), earlier), form.text, list(self.lib.docs.values()))
        if (listed := self._listed(form, earlier)) is not None:
            return listed
        whole = self._read(form, earlier)
        return self._amount_and_verdict(form, earlier, whole) or self._in_parts(form, earlier) or \
            self._each_counted(form, earlier, whole) or self._clause_by_clause(form, earlier, whole) or whole

    def _amount_and_verdict(self, form: ExamForm, earlier: list[str], whole: Answer) -> Answer | None:
        """A yes or no and an amount asked one after the other, each answered, the amount heading:
        "实有人数有没有超过行政编制？实际有几个人？", "涨了一成多？到底花了多少" (the verdict first),
        "单位一共有几辆车？比24年那份多了吗？" (the amount first)."""
        # (the verdict's figure a change, computed, a rate, or stated: "比上年涨了15万吧？现在是多少")
        if whole.verdict and whole.figures and (whole.figures[0].derived or whole.figures[0].unit == "%"
                                                or any(c.change for c in claims_in(form.text))) and \
                (asked := amount_asked_after(form.text)):
            amount = self._read(replace(form, text=asked[1]), [*earlier, asked[0]])
            if amount.status == ANSWERED and amount.figures and not amount.figures[0].derived:
                return verdict_and_amount(form.text, whole, amount)
        if whole.verdict and not whole.figures and len(asked := asked_questions(form.text)) == 2 and \
                (has_cue("figure", asked[1]) or has_cue("count", asked[1])):
            # "…算不算人员工资？这一年机关运行经费预算多少": a yes or no no figure decides, then an amount
            amount = self._read(replace(form, text=asked[1]), [*earlier, asked[0]])
            if amount.status == ANSWERED and amount.figures:
                return verdict_and_amount(form.text, whole, amount)
        if whole.status == ANSWERED and whole.figures and (first := direction_asked_after(form.text)):
            # "…23年机关运行经费大概多少？24年是涨了还是跌了": the amount heads, the change read after it
            amount = self._read(replace(form, text=first), earlier)
            if amount.status == ANSWERED and amount.figures and amount.figures[0].value != whole.figures[0].value:
                return verdict_and_amount(form.text, whole, amount, amount_first=True)
        if not whole.verdict and (asked := verdict_asked_after(form.text)):
            amount = self._read(replace(form, text=asked[0]), earlier)
            verdict = self._read(replace(form, text=asked[1]), [*earlier, asked[0]])
            if amount.status == ANSWERED and amount.figures and not amount.figures[0].derived and verdict.verdict:
                return verdict_and_amount(form.text, verdict, amount, amount_first=True)
        return None

    def _worked_from_plain(self, form: ExamForm, earlier: list[str]) -> Answer | None:
        """A figure worked from plain questions the message stands for: a share or multiple said in
        everyday money ("每100块钱里有多少是财政拨款给的", "基本支出每花1块钱，项目支出对应花几块"),
        said per that many yuan; named parts set against a whole ("基本支出加项目支出等不等于合计"); the
        asker's own number set against the document's figure ("我们单位三公经费是8万元，阳泉民政局24年
        比我们多多少", "按130万人算，人均多少")."""
        if (per := per_yuan(form.text)) is not None:
            return replace(per_yuan_answer(per, self._answer(replace(form, text=per.plain), earlier)), question=form.text)
        if (asked := ranked_share(form.text)) is not None and (found := ranked_share_answer(
                asked, self._answer(replace(form, text=asked.ranking), earlier),
                lambda text: self._answer(replace(form, text=text), earlier))) is not None:
            return replace(found, question=form.text)  # "最小的那一类支出占总预算多少": the ranking, then its first's share
        if (plain := all_on(form.text)) is not None and \
                (found := all_on_answer(self._answer(replace(form, text=plain), earlier))) is not None:
            return replace(found, question=form.text)  # "三公经费全花在公务用车上？": whether the two are one figure
        if (check := sum_against(form.text)) is not None:
            summed = self._answer(replace(form, text=check.parts), earlier)
            whole = None if check.told is not None else total_beside(self.lib, summed, check.named) or \
                self._answer(replace(form, text=check.whole), [*earlier, check.parts] if check.follows else earlier)
            if (found := sum_against_answer(check, summed, whole, form.text)) is not None:
                return replace(found, question=form.text)
        if (own := own_figure(form.text, partial(names_item, lib=self.lib))) is not None:
            found = against_own(own, self._answer(ExamForm(own.question, [], False), earlier))
            # (a share or a grown figure is still the document's figure, worked: its plan as read)
            operation = {"diff": "diff", "multiple": "compare", "percent": "compare"}.get(own.operation, found.plan.get("operation"))
            found.question, found.plan = form.text, {**found.plan, "operation": operation}
            return found
        return None

    def _in_parts(self, form: ExamForm, earlier: list[str]) -> Answer | None:
        """"用一句话说说阳泉民政局24年的三公经费：花了多少，比上年怎样": each part asked of the
        subject (else as a follow-up of it: "临汾民政局机关有多少人：…实际多少"), answered together
        where every part finds its figure."""
        summary = summary_parts(form.text)
        if summary is None or not self._mentions(summary[0]).departments:
            return None
        subject, said, parts = summary
        answers = [found if (found := self._read(replace(form, text=subject + part), earlier)).figures
                   else self._read(replace(form, text=part), [*earlier, said]) for part in parts]
        return answered_together(form.text, answers) if all(a.status == ANSWERED and a.figures for a in answers) else None

    def _each_counted(self, form: ExamForm, earlier: list[str], whole: Answer) -> Answer | None:
        """Several things counted, each asked ("车辆总数和财政拨款负担的公务用车保有量分别是多少"):
        each one's count in the order named, where every one finds its own (amounts of money named
        so are one table's figures side by side: qa/routes/structure.py)."""
        if whole.plan.get("operation") != "count" or (asked := each_named(form.text)) is None:
            return None
        answers = [self._read(replace(form, text=each), earlier) for each in asked]
        counted = all(a.status == ANSWERED and a.figures and a.figures[0].unit in COUNT_UNITS for a in answers)
        return answered_together(form.text, answers) if counted else None

    def _listed(self, form: ExamForm, earlier: list[str]) -> Answer | None:
        """"…申请公开贵局2019年度部门决算…中的以下信息：一是…；二是…": each item listed asked of what
        the request names before the list, answered in turn where the first finds its figure."""
        if (listed := listed_request(form.text)) is None:
            return None
        answers = [self._read(replace(form, text=item), earlier) for item in listed[1]]
        first = answers[0]
        return answered_together(form.text, answers) if first.status == ANSWERED and first.figures and first.route == LOOKUP else None

    def _clause_by_clause(self, form: ExamForm, earlier: list[str], whole: Answer) -> Answer | None:
        """"基本支出多少？项目支出又是多少？": each clause a follow-up of those before it, where that
        answers more of the message than the whole read did; "执法执勤用车有几辆？是不是一辆都没有？":
        the amount, and whether it is none."""
        if (asked := zero_asked_after(form.text)) is not None:
            # ("是不是一辆都没有" of the amount just asked; its cell blank, said so: never all vehicles' count)
            amount = self._read(replace(form, text=asked), earlier)
            none = bool(amount.figures) and parse_amount(amount.figures[0].value) == 0
            return replace(amount, question=form.text, answer=f"{'是' if none else '不是'}。{amount.answer}",
                           verdict="yes" if none else "no") if amount.figures else replace(amount, question=form.text)
        if (two := years_then_compared(form.text)) is not None:
            # "…17到19年…分别多少？19年比17年少了多少": the years listed, then those two compared
            listing = self._read(replace(form, text=two[0]), earlier)
            compared = self._read(replace(form, text=two[1]), [*earlier, two[0]])
            if listing.status == ANSWERED and compared.status == ANSWERED and compared.figures:
                return listed_then_compared(form.text, listing, compared)
        # (else, where no reason is asked, questions asked one after another, each read after those
        # before it: "三公经费多少？其中接待费多少？比上年多还是少？" — where the whole read found no
        # figure, or left out the first question's)
        asked_apart = not (parts := asked_parts(form.text))
        # (a request's preamble, "…国有资产占有情况的相关信息：", says what it is about and asks nothing)
        if asked_apart and not (parts := asked_questions(form.text) if not asks_reason(re.split(r"[：:]", form.text)[-1]) else []):
            return None  # (a reason, a meaning or a yes or no asked among them is the whole read's to answer)
        if asked_apart and not (has_cue("figure", parts[0]) or has_cue("count", parts[0])):
            return None  # (nor where the first asks no amount: "三公预算867万？？钱都花哪去了", "是不是公车一大堆？…")
        answers = [self._read(replace(form, text=part), earlier + parts[:n]) for n, part in enumerate(parts)]
        if asked_apart and (whole.figures or whole.items) and not (
                answers[0].route == LOOKUP and (left_out(whole, answers[0]) or mixes_questions(whole, answers)
                                                or relation_left_out(whole, answers))):
            return None
        return answered_together(form.text, answers) if answered_more(whole, answers) and not relation_disagrees(whole, answers) else None

    def _read(self, form: ExamForm, earlier: list[str]) -> Answer:
        """The message read as one question (in the chat so far)."""
        q = understand_conversation(form.text, earlier, self.lib)
        try:
            result = answer(self.lib, q)
        except AmbiguousRow as exc:
            result = which_row(q, exc.cells)
        result = as_of_checked(form.text, signed_as_asked(form.text, rounded_as_asked(
            form.text, whole_number_checked(q, guess_checked(q, share_checked(q, two_summed_checked(q, result)))))))
        if result.items and not result.figures:
            q.operation = "candidates"  # several rows fit and none is "the" answer
        elif q.operation == "rank" and q.standing in ("member", "at") and result.verdict:
            q.operation = "yesno"  # "前五名里有没有退休费", "排第二吗": the ranking says yes or no
        elif q.operation == "rank" and q.standing == "gap" and result.figures and result.figures[0].derived:
            q.operation = "diff"  # "排第一和排第二的差多少": a gap read off the ranking
        if q.year_substituted and result.status == ANSWERED:
            held = "、".join(f"{y}年" for y in sorted({d.year for d in q.resolved}))
            result.notes.insert(0, f"上文问的是{'、'.join(f'{y}年' for y in q.years)}；{'、'.join(q.names)}没有该年度的公开文件，"
                                   f"以上是其{held}的数字。")
        if q.left_out and result.status == ANSWERED:
            # "普陀区这几家单位2025年的…": the place's bodies without that year's document, said
            result.notes.insert(0, f"{'、'.join(self.lib.resolver.display(k) for k in q.left_out)}没有"
                                   f"{'、'.join(f'{y}年' for y in q.years)}的公开文件，未计入。")
        if q.corrections and result.status == ANSWERED:
            # (a slip read as a word: said, so that a wrong reading shows — "阳全民政局" as 阳泉民政局)
            result.notes.insert(0, "；".join(f"问题中的“{c.written}”按“{c.meant}”理解" for c in q.corrections) + "。")
        if q.years_listed and result.status == ANSWERED:
            # "万里街道的预算你这有哪几年的？最早那年三公经费预算多少": the years held, then the figure
            held = sorted(self.lib.years_held(q.departments[0]))
            chosen = f"，{q.years_listed}的是{q.years[0]}年" if q.years_listed in ("最早", "最新") else ""
            result.answer = f"库中{q.names[0]}有{'、'.join(f'{y}年' for y in held)}的公开文件{chosen}。{result.answer}"
        result.plan = q.to_json()
        mark_own(self.lib, result)
        if result.status == ANSWERED and (letter := option_chosen(form, result)):
            result.answer += f"（对应选项{letter}）"
        return result


# a stock asked as of a date ("截止24年8月底一共有几辆车"), and the date a quoted sentence gives
AS_OF = r"截[至止](?:到)?\s*(?P<year>{year})\s*年\s*(?:(?P<month>\d{{1,2}})\s*月)?"
AS_OF_ASKED_RE = re.compile(AS_OF.format(year=r"(?:19|20)?\d{2}"))
AS_OF_SAID_RE = re.compile(AS_OF.format(year=r"(?:19|20)\d{2}"))


def as_of_checked(question: str, result: Answer) -> Answer:
    """An answer quoting a stock as of another date than the one asked ("截至2023年8月31日…7辆" for
    "截止24年8月底"): no figure; the date printed is said, so the asker can look for the document
    that gives the date asked (a budget states its stock as of the year before)."""
    asked = AS_OF_ASKED_RE.search(question)
    said = AS_OF_SAID_RE.search(result.answer)
    if asked is None or said is None or result.status != ANSWERED:
        return result
    year = int(asked.group("year")) % 100 + 2000 if len(asked.group("year")) == 2 else int(asked.group("year"))
    if int(said.group("year")) == year and not (asked.group("month") and said.group("month")
                                                 and int(asked.group("month")) != int(said.group("month"))):
        return result
    printed = said.group(0).replace(" ", "")
    return Answer(result.question, f"所找到的数字是{printed}的，不是问题所问日期的（预算文件所列资产数一般截至上一年度，"
                  f"所问日期的数字可能在下一年度的文件中）。原文：{result.answer}", NOT_FOUND, result.route, [], result.citations)


def mark_own(lib: Library, result: Answer) -> None:
    """An answer citing the user's own uploads says so: nobody else sees those documents."""
    cited = result.citations + [i.citation for i in result.items]
    own = sorted({c.source for c in cited if c.doc_id in lib.own_ids})
    if own:
        result.notes.append(f"出自你本次上传的文件（{'、'.join(own)}）：只有你能看到，不在共享文件库中。")


def gave_up(question: str, budget: float) -> Answer:
    """The reply when a question runs over its time budget: no figure, and what to do instead."""
    return Answer(question, f"这个问题在{budget:g}秒内没有算完，已停止。请把问题拆小一些（一次问一个部门、一个年度的一项数字）"
                            f"后再试。", UNCLEAR, LOOKUP, missing=["较简单的问法"], notes=["超出单次回答的时间上限。"])


def too_long(question: str) -> Answer:
    """A question over the limit is refused before any reading (its start echoed, not all of it)."""
    return Answer(question[:MAX_QUESTION_CHARS] + "…",
                  f"问题太长（{len(question)}个字）。请把问题控制在{MAX_QUESTION_CHARS}个字以内，一次问一件事，"
                  f"例如：“阳泉市民政局2024年三公经费多少”。", UNCLEAR, LOOKUP, missing=["较短的问题"])


def _bodies_not_held(lib: Library, q: QueryPlan) -> Answer | None:
    """The reply where the body asked about is not what the store holds: a name no document is of,
    one name for several bodies where one is meant, a subordinate unit a department's document
    does not set apart, a body set against or added to one the store lacks."""
    if q.unknown_orgs and not q.departments:
        close = lib.resolver.closest(q.unknown_orgs[0])
        return not_found(lib, q, f"库中没有“{q.unknown_orgs[0]}”的预算/决算公开文件"
                         + (f"（相近的有：{'、'.join(close)}）。" if close else "。"))
    if q.one_name_for_several and (q.computed or q.operation == "change"):
        # "江苏那个…的办公厅一共有多少辆车": one body is meant; which one is asked, nothing added up
        return Answer(q.text, f"问题中所说的单位可指{'、'.join(q.names)}，请说明是哪一个。", UNCLEAR, LOOKUP,
                      missing=["哪个部门"])
    if q.departments and (unit := _subordinate_unit(lib, q)) is not None and not _unit_stated(lib, q, unit):
        if _coverage_asked(q.text) and (covered := _unit_covered(lib, q, unit)) is not None:
            return covered  # "预算把东郊国宾馆算进去了吗": the sentence saying whether it is in or out
        return not_found(lib, q, f"公开文件是{'、'.join(q.names)}的部门预算/决算，不单独列出其下属单位“{unit}”的数字。",
                         named_infos(lib, q))
    if q.unknown_orgs and q.departments and (has_cue("compare", q.text) or has_cue("diff", q.text) or has_cue("sum", q.text)
                                             and any(m.group("body").startswith(q.unknown_orgs[0][:2]) for m in BODY_JOINED_RE.finditer(q.text))):
        # "省委办公厅和省财政厅谁的会议费多": one side is not in the store, so nothing to set it against
        # ("阳泉民政局和太原市民政局的三公经费加起来": nor to add to it, where a body of its own is joined)
        done = "比较" if has_cue("compare", q.text) or has_cue("diff", q.text) else "相加"
        return not_found(lib, q, f"库中没有“{q.unknown_orgs[0]}”的预算/决算公开文件，无法与{'、'.join(q.names)}{done}。",
                         named_infos(lib, q))
    return None


def answer(lib: Library, q: QueryPlan) -> Answer:
    if q.operation == "yesno" and q.unknown_orgs and MEMBER_ASKED_RE.search(q.text):
        q = replace(q, operation="describe")  # "X是不是…二级预算单位": the units its 机构设置 names, X among them or not
    if q.operation == "yesno" and PRICED_ASSETS_RE.search(q.text):
        # "有没有单价100万以上的设备": how many the document counts (0: no), not a purchase row
        q = replace(q, operation="count")
    if (refused := _bodies_not_held(lib, q)) is not None:
        return refused
    if (held := catalogue_answer(lib, q)) is not None:
        return held  # "2019年的一共有几份", "是不是都是决算": the documents held, not a figure in them
    if (rates := faster(lib, q, partial(_routed, lib)) or _each_ones_largest(lib, q)) is not None:
        return rates  # "基本支出和项目支出哪个涨得快": each one's rate; "两家的钱主要都花在哪一类上": each one's largest
    if compared_across(lib, q) and (ranked := _ranked_across(lib, q)) is not None:
        return ranked
    if (each := _each_of_several(lib, q)) is not None:
        return each
    if (worked := added_then(lib, q, partial(_routed, lib))) is not None:
        return worked  # "两项加起来占本年支出合计的比例", "…加起来比18年多了多少": the sum, then the second step
    if (gap := share_moved(lib, q, partial(_routed, lib)) or points(lib, q, partial(_routed, lib))) is not None:
        # "…占总支出的比重，24年比23年是高了还是低了？差几个百分点", "占比比公用经费高几个百分点": two shares, their gap
        return gap
    docs, problem = documents(lib, q)
    if problem is None and (gap := _missing_year(lib, q)) is not None:
        return gap  # "临汾民政局19年和20年的三公经费比": no 2020 document, so nothing to set 2019 against
    if problem is None and (page := page_named(q.text)) is not None and docs and all(d.pages for d in docs if d.tables) \
            and all(named_table(d, q.text) is None for d in docs):
        # "预算公开表格第15页那张表": a page no table of the documents is printed on
        printed = "、".join(f"{d.source}（共{d.pages}页）" if d.pages else d.source for d in docs if d.tables)
        return not_found(lib, q, f"{printed or '该文件'}第{page}页没有表格，无法确定问的是哪张表。", named_infos(lib, q))
    if problem is not None and (earlier := earlier_year_answer(lib, q)) is not None:
        return earlier  # a year the store lacks, as the next year's document states it
    if problem is None and (read_off := _read_off_the_page(lib, q, docs)) is not None:
        return read_off
    if problem is None and q.operation == "describe" and (own := own_section_answer(lib, q, docs)) is not None:
        return own  # what the department does, what it is made of: its 职能 / 机构设置 section
    if problem is None and (averaged := _averaged(lib, q, docs)) is not None:
        return averaged
    if problem is None and (defined := _figure_and_meaning(lib, q, docs)) is not None:
        return defined  # "“机关运行经费”是什么意思？这一项花了多少": the figure, then the term's definition
    if problem is None and (defined := takes_in_answer(q, docs)) is not None:
        return defined  # "三公经费包括会议费吗": the document's own definition, quoted, says
    if problem is None and (defined := meanings_answer(q, docs)) is not None:
        return defined  # "基本支出和项目支出有啥区别": each one's definition
    if problem is None and (executed := execution_answer(lib, q, docs)) is not None:
        return executed  # "哪几项决算数超过了预算数", "执行率最低的是哪一项": 科目 by 科目 from the narrative
    if (declined := _declined(lib, q, docs, problem)) is not None:
        return declined
    # ("公车几辆": all vehicles, or the 公务用车 the narrative counts apart)
    # ("几家单位？都是哪几家": the names listed after the count's sentence, with it)
    return _count_said_yes_or_no(q, names_beside_count(q, docs, narrower_counted(q, docs, _routed(lib, other_under(q, docs), docs))))


def _read_off_the_page(lib: Library, q: QueryPlan, docs: list) -> Answer | None:
    """What the documents' own text answers as it stands: a pasted sentence's blank ("文件里写“比上年度
    减少1.17万元，下降___%”，这个空里是多少"), a figure in hand ("表里那个17.61万元是什么钱", "看到一个
    185000元，又看到28.5万，到底是多少": the cells or sentences printing each), the document itself
    ("这份是预算还是决算", "第三部分叫什么")."""
    return quoted_answer(q, docs) or quoted_row_answer(q, docs, lib.row_names_in) or seen_figures_answer(q, docs) or \
        _held_then_asked(lib, q, docs) or held_figure_answer(q, docs) or document_answer(q, docs)


def _held_then_asked(lib: Library, q: QueryPlan, docs: list) -> Answer | None:
    """A figure in hand with more asked of it ("有个10,191.56万元，它是由哪些部分组成的", "…这是什么钱？
    比前一年多了多少"): what it is, then the rest asked of that item by its code or name."""
    if (held := held_item(q, docs)) is None:
        return None
    identified, name, before, rest = held
    asked = understand(f"{before}{name}{rest}", lib)
    if (asked.departments, asked.years) != (q.departments, q.years):
        return None
    found = answer(lib, asked)
    return replace(found, question=q.text, answer=f"{identified}\n{found.answer}") if found.status == ANSWERED else None


# a yes or no asked of any of the departments named ("有没有哪家安排了…", "有谁…吗")
ANY_OF_THEM_RE = re.compile(r"有没有哪(?:一)?(?:家|个|位)|有谁|谁有|哪家有|有哪家|是否有哪")
# a yes or no asked of every department named ("两家是不是都没花", "是不是都有")
ALL_OF_THEM_RE = re.compile(r"(?:两家|两个|几家|它们|他们|大家)?(?:是不是|是否)?都(?:一分钱|一辆车?|一个人?)?[^，,。？?没无不有]{0,10}?(?P<none>没有?|无|不|有)")


def _each_of_several(lib: Library, q: QueryPlan) -> Answer | None:
    """One figure asked of several departments or years: each one's (see ``each_across``), and
    where a yes or no is asked of all of them ("两家是不是都没花公务接待费"), the verdict on all."""
    if q.operation in ("yesno", "count") and len(q.departments) > 1 and ANY_OF_THEM_RE.search(q.text) and q.names_something and \
            (each := each_across(lib, replace(q, operation="value", intent="figure"), across_documents(lib, q))) is not None:
        return _any_of_them(each)
    if (len(q.departments) > 1 or len(set(q.years)) > 1) and q.operation in ("value", "count") and q.intent == "figure" and \
            q.names_something:
        return each_across(lib, q, across_documents(lib, q))
    if q.operation == "yesno" and len(q.departments) > 1 and ALL_OF_THEM_RE.search(q.text) and q.names_something and \
            (each := each_across(lib, replace(q, operation="value", intent="figure"), across_documents(lib, q))) is not None:
        return _all_of_them(q, each)
    return None


# each named body's largest part asked ("两家的钱主要都花在哪一类上", "支出大头是不是落在同一个功能类别上")
EACH_LARGEST_RE = re.compile(r"(?:大头|主要|最多|最大)[^。？?]{0,12}?(?:哪|同一|一样|相同)")
SAME_ASKED_AFTER_RE = re.compile(r"一样|同一|相同|一致")


def _each_ones_largest(lib: Library, q: QueryPlan) -> Answer | None:
    """Each department's largest part (asked of it alone, in its year asked or its latest held),
    listed; whether they are the same part, where that is asked. None unless every one is found."""
    if len(q.departments) < 2 or not EACH_LARGEST_RE.search(q.text):
        return None
    found = []
    for key, name in zip(q.departments, q.names or q.departments):
        held = lib.years_held(key)
        year = next((y for y in q.years if y in held), max(held, default=None))
        plan = replace(q, departments=[key], names=[name], years=[year], compared_years=[], operation="rank",
                       top_n=1, place=1, standing="", level=q.level or "类")
        docs, problem = documents(lib, plan)
        one = _routed(lib, plan, docs) if problem is None and year is not None else None
        if one is None or one.status != ANSWERED or not one.items:
            return None
        found.append((f"{name}{year}年", one))
    tops = [(said, one.items[0]) for said, one in found]
    same = len({match_key(item.label) for _, item in tops}) == 1
    text = "；".join(f"{said}最多的是{item.label}（{item.value}{item.unit}）" for said, item in tops) + "。"
    asked = SAME_ASKED_AFTER_RE.search(q.text) is not None
    if asked:
        text = f"{'是' if same else '不是'}。{text}{'同为' + tops[0][1].label if same else '各不相同'}。"
    answer = replace(found[0][1], answer=text + " " + " ".join(one.answer for _, one in found),
                     figures=[item.figure() for _, item in tops], citations=[c for _, one in found for c in one.citations[:2]],
                     notes=[n for _, one in found for n in one.notes], items=[item for _, item in tops])
    answer.verdict = ("yes" if same else "no") if asked else None
    return answer


def _any_of_them(each: Answer) -> Answer:
    """Each department's figure, and whether any of them has some ("有没有哪家安排了因公出国经费"):
    yes with those that do heading, else no."""
    some = [i for i in each.items if i.value_yuan or parse_amount(i.value)]
    lead = f"有，{'、'.join(i.label for i in some)}有。" if some else "没有，都为0或空。"
    return _verdict_over_each(each, lead, [i.figure() for i in (some or each.items)], bool(some))


def _all_of_them(q: QueryPlan, each: Answer) -> Answer:
    """Each department's figure (as ``each_across`` lists it), and whether all of them are
    nothing ("都没") or something ("都有")."""
    none = ALL_OF_THEM_RE.search(q.text).group("none") != "有"
    holds = all((i.value_yuan == 0) == none for i in each.items)
    return _verdict_over_each(each, f"{'是' if holds else '不是'}。", [i.figure() for i in each.items], holds)


def _verdict_over_each(each: Answer, lead: str, figures: list, yes: bool) -> Answer:
    """Each department's figure as ``each_across`` lists it (all of them asked, none to choose), led
    by the yes or no on them."""
    listed = each.answer.replace(ONE_OF_THEM_ASKED, "")
    return replace(each, answer=f"{lead}{listed}", status=ANSWERED, figures=figures, missing=[], verdict="yes" if yes else "no")


def _count_said_yes_or_no(q: QueryPlan, found: Answer | None) -> Answer | None:
    """"的车有没有 几辆", "有单价50万元以上的通用设备吗": the count, led by 有 or 没有 as it decides."""
    asked = q.operation in ("count", "yesno") and (HAS_ASKED_RE.search(q.text) or HAS_ANY_RE.search(q.text))
    if found is None or not asked or found.verdict or not found.figures \
            or found.figures[0].unit in YUAN_PER_UNIT or (count := parse_amount(found.figures[0].value)) is None:
        return found
    return replace(found, answer=("有。" if count else "没有。") + found.answer, verdict="yes" if count else "no")


TRAILING_QUALIFIER_RE = re.compile(r"\([^()]*\)$")  # "事业单位医疗（全年预算）": the measure said of the label


def _of_named_code(q: QueryPlan, docs: list, answer: Answer) -> bool:
    """A stated figure answers a question naming a 科目 by code ("20131…是多少") only when its
    sentence names that 科目 (not a total the table's title words call up), and its subject ends
    there (not "党委办公厅（室）及相关机构事务行政运行支出", a 项 under the 款 20131)."""
    if not q.codes:
        return True
    names = {SPENDING_SUFFIX_RE.sub("", n) for n in code_row_names(docs, q.codes)}
    said = match_key(answer.answer)
    # (the label's own qualifier, "事业单位医疗（全年预算）", is no further subject)
    subjects = [SPENDING_SUFFIX_RE.sub("", TRAILING_QUALIFIER_RE.sub("", match_key(f.label))) for f in answer.figures[:1]]
    return not names or (any(n in said for n in names) and all(s.endswith(tuple(names)) for s in subjects))


YEAR_SAID_RE = re.compile(r"(?:19|20)?\d{2}\s*年")


def _share_of_part_said(q: QueryPlan, stated: Answer) -> bool:
    """A stated share is not the one asked when what it is the share of is the whole said after 占
    ("工资福利支出占基本支出的比例" is not 基本支出's own share of the spending, which a sentence states),
    nor when the part is a row named that the stated subject is not ("基本工资占工资福利支出": not
    基本支出's share)."""
    text = q.text
    if not stated.figures:
        return True
    # (the stated subject read without its measure: "一般公共预算财政拨款决算支出" is the
    # 一般公共预算财政拨款支出 said after 占 in "殡葬占一般公共预算财政拨款支出的百分之几")
    subject = TRAILING_QUALIFIER_RE.sub("", match_key(stated.figures[0].label)).replace("决算", "")
    if (m := re.search(r"占", text)) is not None:
        part = re.split(r"[，,。；;：:]", text[:m.start()])[-1]  # (the clause saying it: not "基本支出明细表里，")
        # (or the whole said in a clause before the part: "一般公共预算财政拨款支出里，社会福利这一款占了几成")
        whole = match_key(text[m.end():]) + match_key(text[:m.start() - len(part)])
    elif (m := cue_re("share_part_after").search(text)) is not None:
        # "支出有百分之多少用在住房保障上": the whole before, the part after
        part, whole = re.split(r"[，,。；;：:？?]", text[m.end():])[0], match_key(text[:m.start()])
    else:
        return True
    rows_said = [match_key(r) for r in q.rows if match_key(r) in match_key(part)]
    if subject and rows_said and not any(r in subject or subject in r for r in rows_said):
        return False
    return not subject or not part.strip() or subject not in whole.replace("决算", "") or subject in match_key(part)


def _missing_side(lib: Library, q: QueryPlan, across: list) -> Answer | None:
    """Departments set against each other in a year said ("阳泉民政局同一年的呢？两家谁花得多"),
    one without a document of that year: nothing to compare it with, said so."""
    held = {lib.resolver.department_key(d.department) for d in across}
    missing = [key for key in q.departments if key not in held]
    if not missing or not q.years or "years" in q.inherited or q.by_place and len(held) > 1:
        return None  # (a place's bodies: those with the year's document are compared)
    said = list(YEAR_SAID_RE.finditer(q.text))
    if said and ORG_MENTION_RE.search(q.text[said[-1].end():]):
        return None  # "阳泉民政局2024年三公经费和临汾民政局比较": the year is 阳泉's; 临汾's latest is compared
    asked = "、".join(f"{y}年" for y in q.years)
    return not_found(lib, q, f"库中没有{lib.resolver.display(missing[0])}{asked}的公开文件，无法比较。",
                     named_infos(lib, q))


# a whole population of bodies named ("江苏省级机关", "全市各部门", "所有单位"), not the documents held
POPULATION_RE = re.compile(r"(?:[省市区县]级|[省市区县]直|全[省市区县国]|所有的?|全部的?)(?:的)?各?(?:党政)?(?:机关|单位|部门|局)")
COUNTED_BEFORE_RE = re.compile(r"[这那]?[两二三四五六七八九几\d]+(?:个|家)$")  # ("这两个省级机关": the ones named)


def _ranked_across(lib: Library, q: QueryPlan) -> Answer | None:
    """One figure ranked across departments or years ("哪个部门最多", "哪一年最少"): a side without
    a document said so; years asked that the store lacks named, and nothing ranked with one left."""
    across = across_documents(lib, q)
    if (missing := _missing_side(lib, q, across)) is not None:
        return missing
    lacking = years_lacking(lib, q)
    if (ranked := rank_across(lib, q, across)) is not None:
        if (population := POPULATION_RE.search(q.text)) and not COUNTED_BEFORE_RE.search(q.text[:population.start()]):
            # "江苏省级机关里哪个单位三公经费最多": the store holds some of them, not all; which of
            # those it holds is shown, none named the largest of all
            held = "、".join(dict.fromkeys(i.label for i in ranked.items))
            return replace(ranked, status=NOT_FOUND, figures=[], answer=(
                f"库中只有{len(ranked.items)}份文件（{held}）可比，不是“{population.group(0)}”的全部，"
                f"无法回答其中谁最{'少' if q.order == 'asc' else '多'}。仅就库中这些文件而言：{ranked.answer}"))
        return ranked if not lacking else replace(
            ranked, answer=f"{ranked.answer}库中没有{_years_said(lacking)}的公开文件，未参与比较。")
    if lacking and (worked := _years_ranked_with_earlier(lib, q, across, lacking)) is not None:
        return worked
    if lacking:
        return not_found(lib, q, f"库中没有{lib.resolver.display(q.departments[0])}{_years_said(lacking)}的公开文件，"
                         "无法比较哪一年多少。", named_infos(lib, q))
    return None


def _compared(lib: Library, q: QueryPlan, docs: list, several: bool) -> Answer | None:
    """Figures computed against each other; counts of several bodies or years added one by one
    where the comparison finds none."""
    answer = compare(lib, q, docs)
    if answer is not None and (answer.status == ANSWERED or not several or q.operation != "sum"):
        return answer
    if q.units and not set(q.units) & set(YUAN_PER_UNIT) and COUNTS_ADDED_RE.search(q.text) and \
            not re.search(r"多了|少了|差", q.text) and (counted := _counts_added(lib, q, docs)) is not None:
        return counted  # "两家19年的公车加起来有多少辆": each one's count as it is answered alone, added
    return answer


COUNTS_ADDED_RE = re.compile(r"加(?:起来|一起|在一起|一块儿?)|一共|总共|合计|共有")


def _counts_added(lib: Library, q: QueryPlan, docs: list) -> Answer | None:
    """A count (vehicles, people) of several departments or years added: each read as the count
    question of that one department and year would be, all in one unit, each cited; None unless
    every one is found."""
    found = []
    for key in dict.fromkeys(lib.resolver.department_key(d.department) for d in docs):
        for year in sorted({d.year for d in docs if lib.resolver.department_key(d.department) == key}):
            own = [d for d in docs if d.year == year and lib.resolver.department_key(d.department) == key]
            alone = replace(q, departments=[key], years=[year], compared_years=[], operation="count", intent="figure")
            answer = _routed(lib, alone, own)
            if answer is None or answer.status != ANSWERED or not answer.figures or answer.figures[0].unit not in q.units:
                return None
            found.append(answer)
    if len(found) < 2 or len({a.figures[0].unit for a in found}) != 1 or \
            any(parse_amount(a.figures[0].value) is None for a in found):
        return None
    unit = found[0].figures[0].unit
    head = added_figure([a.figures[0].value for a in found], unit, "合计", "", None)
    each = "；".join(f"{a.figures[0].department}{a.figures[0].year}年{a.figures[0].value}{unit}" for a in found)
    return Answer(q.text, f"{each}。合计{head.value}{unit}。", ANSWERED, LOOKUP, [head] + [a.figures[0] for a in found],
                  [c for a in found for c in a.citations[:1]], [f"计算：{head.formula}{unit}"])


def _years_ranked_with_earlier(lib: Library, q: QueryPlan, across: list, lacking: list[int]) -> Answer | None:
    """One department's years ranked where a year the store lacks is stated, or worked back, by
    the next year's document ("23年和24年哪年三公经费最少" with the 2024 决算 only: 2023 from its
    "比上年度减少1.17万元"); each year's figure cited; None unless every year asked has one."""
    item = "、".join(c.name for c in q.concepts) or "、".join(q.rows)
    if len(q.departments) != 1 or not item:
        return None
    found: dict[int, Answer] = {}
    for year in sorted(set(q.years)):
        alone = understand(f"{lib.resolver.display(q.departments[0])}{year}年{item}是多少", lib)  # (no ranking words)
        held = [d for d in across if d.year == year]
        answer = _routed(lib, alone, held) if held else earlier_year_answer(lib, alone)
        if answer is None or answer.status != ANSWERED or not answer.figures or answer.figures[0].value_yuan is None:
            return None
        found[year] = answer
    if len(found) < 2 or len({a.figures[0].unit for a in found.values()} - set(YUAN_PER_UNIT)):
        return None
    ranked = sorted(found.items(), key=lambda ya: ya[1].figures[0].value_yuan * (1 if q.order == "asc" else -1))
    (top_year, top), word = ranked[0], "最少" if q.order == "asc" else "最多"
    each = "；".join(f"{y}年{a.figures[0].value}{a.figures[0].unit}" + ("（据下一年文件）" if y in lacking else "")
                     for y, a in ranked)
    head = replace(top.figures[0], label=f"{word}：{top_year}年")
    text = f"{lib.resolver.display(q.departments[0])}{top_year}年{word}，为{head.value}{head.unit}。各年：{each}。"
    notes = [n for _, a in ranked for n in a.notes]
    return replace(top, question=q.text, answer=text, figures=[head] + [a.figures[0] for _, a in ranked[1:]],
                   citations=[c for _, a in ranked for c in a.citations], notes=notes)


def _years_said(years: list[int]) -> str:
    return "、".join(f"{y}年" for y in years)


def _missing_year(lib: Library, q: QueryPlan) -> Answer | None:
    """One department's years set against each other, one of which the store holds no document
    of, nor the next year's (whose "比上年" sentences state it): said so, not the change a held
    document states against another year; an average over years one of which is not held
    ("22年到24年平均每年"), not one year's figure; also a figure of two years asked to be the same
    ("2023年预算里的因公出国费，跟2025年的839万一样吗")."""
    years = set(q.years) | set(q.compared_years)
    same_asked = q.operation == "yesno" and (SAME_ASKED_RE.search(q.text) or has_cue("agree", q.text))
    # ("22年到24年平均每年": each year's own figure; not "年均增长率", from the first and last held)
    averaged = YEARLY_AVERAGE_RE.search(q.text) is not None and not AVERAGE_GROWTH_RE.search(q.text)
    if q.operation not in ("change", "diff", "compare", "sum") and not same_asked and not averaged or len(years) < 2 \
            or len(q.departments) != 1:
        return None
    held = lib.years_held(q.departments[0])
    missing = [y for y in sorted(years) if y not in held and (averaged or y + 1 not in held)]
    if not missing:
        return None
    return not_found(lib, q, f"库中没有{lib.resolver.display(q.departments[0])}{_years_said(missing)}的公开文件，"
                             f"无法{'计算平均' if averaged else '比较'}。", named_infos(lib, q))


def _averaged(lib: Library, q: QueryPlan, docs: list) -> Answer | None:
    """An average asked: over the years held ("三年平均每年项目支出预算是多少": each year's figure,
    their mean), over the months or days of the year ("电费平均每个月多少钱", "一天合多少钱": the
    year's ÷ 12 or ÷ 365; asked in the sentence that asks, not "…每个月拿离休的钱。…2019年…离休费
    整了多少钱"), or per thing counted ("平均每辆车一年花多少": the total ÷ the count printed)."""
    if AVERAGE_GROWTH_RE.search(q.text):
        return _years_growth(lib, q, docs)
    if YEARLY_AVERAGE_RE.search(q.text) and (averaged := _years_average(lib, q, docs)) is not None:
        return averaged
    if PERIOD_AVERAGE_RE.search(asking_part(q.text)) and (averaged := _period_average(lib, q, docs)) is not None:
        return averaged
    return _per_unit(lib, q, docs)


# the average yearly rate of growth asked ("从23年到25年年均增长多少", "年均增速"): a rate, not a level
AVERAGE_GROWTH_RE = re.compile(r"(?:年均|平均每年|每年平均|年平均)(?:的)?(?:增长|增速|增幅|涨幅|上涨|增加)(?:率)?(?:了)?(?:多少|百分之几|几个点|几成)?")


def _years_growth(lib: Library, q: QueryPlan, docs: list) -> Answer:
    """The average yearly rate of growth of one department's figure from the first year held (or
    asked) to the last, each year cited: (last ÷ first)^(1 / years between) − 1; said so where the
    figure is not found for two years of money."""
    yearly = year_by_year(lib, q.reworded(AVERAGE_GROWTH_RE), docs) if len(q.departments) == 1 and docs else None
    if yearly is None or len({f.unit for f in yearly.figures}) != 1 or yearly.figures[0].unit not in YUAN_PER_UNIT or \
            (parse_amount(yearly.figures[0].value) or 0) <= 0 or len({f.year for f in yearly.figures}) < 2:
        return not_found(lib, q, "年均增长要有同一部门至少两个年度的同一数字；库中找不到所问年度的这项数字，无法计算。", named_infos(lib, q))
    first, last = yearly.figures[0], yearly.figures[-1]
    span = last.year - first.year
    rate = round(((parse_amount(last.value) / parse_amount(first.value)) ** (1 / span) - 1) * 100, 2)
    formula = f"({last.value} ÷ {first.value})^(1/{span}) − 1 = {fmt(rate, 2)}%"
    figure = Figure(fmt(rate, 2), "%", None, f"{first.label}{first.year}—{last.year}年年均增长率", first.department, last.year,
                    derived=True, formula=formula)
    text = f"{yearly.answer}{first.year}年到{last.year}年年均增长{fmt(rate, 2)}%（{formula}）。"
    # (the years' figures as their own answer said them, checked there)
    return finish(q, text, [figure, *yearly.figures], yearly.citations, [f"计算：{formula}"],
                  {rate, abs(rate), 1.0, float(span)} | allowed_from([yearly.answer]), LOOKUP)


def _years_average(lib: Library, q: QueryPlan, docs: list) -> Answer | None:
    """"三年平均每年项目支出预算是多少" (no years said): the figure of each year held for the one
    department, each cited, and their mean; None with fewer than two years of money found."""
    if len(q.departments) != 1 or not docs:
        return None
    yearly = year_by_year(lib, q.reworded(YEARLY_AVERAGE_RE), docs)
    if yearly is None or len({f.unit for f in yearly.figures}) != 1 or yearly.figures[0].unit not in YUAN_PER_UNIT:
        return None
    mean = mean_of_years([f.value for f in yearly.figures], yearly.figures[0].unit, yearly.figures[0].label,
                         yearly.figures[0].department)
    text = f"{yearly.answer}{len(yearly.figures)}年平均每年{mean.value}{mean.unit}（{mean.formula}）。"
    return finish(q, text, [mean, *yearly.figures], yearly.citations, [],
                  {parse_amount(mean.value), float(len(yearly.figures)), *(parse_amount(f.value) for f in yearly.figures)}, LOOKUP)


def _period_average(lib: Library, q: QueryPlan, docs: list) -> Answer | None:
    """The year's figure asked as an average month or day: the figure without those words, ÷ 12
    or ÷ 365; an amount put up against it ("平均每个月超没超过50万") is checked on the average."""
    if checked_claims(q.text):
        return check_claims(lib, q, docs)
    annual = q.reworded(PERIOD_AVERAGE_RE)
    found = None if _declined(lib, annual, docs, None) is not None else _routed(lib, annual, docs)
    return per_period(q, found) if found is not None else None


def _figure_and_meaning(lib: Library, q: QueryPlan, docs: list) -> Answer | None:
    """A figure asked in the same message as the meaning of its term: the figure without the
    meaning's words, then the document's definition (see ``with_definition``)."""
    rest = MEANING_ASKED_RE.sub("", q.text)
    if not MEANING_ASKED_RE.search(q.text) or not (HOW_MUCH_RE.search(rest) or has_cue("yesno", rest) or has_cue("breakdown", rest)):
        return None  # (a yes or no or the parts asked after the meaning, "…指什么？这项支出是不是比2018年多了", are answered with it)
    asked = understand(rest, lib)
    if has_cue("meaning", asked.text) or (asked.departments, asked.years) != (q.departments, q.years) or \
            _declined(lib, asked, docs, None) is not None:
        return None
    found = _routed(lib, asked, docs)
    if found.status != ANSWERED or not found.figures:
        return None
    return with_definition(q, docs, found)


COUNTED_UNIT_WORDS = {"辆", "台", "套", "人", "名", "个"}


def _per_unit(lib: Library, q: QueryPlan, docs: list) -> Answer | None:
    """A figure asked per vehicle or per person: the total and the count, each asked of the same
    department and year as the question, the one divided by the other."""
    asked = per_unit_parts(q)
    if asked is None and q.before is not None and "concepts" in q.inherited and (before := per_unit_parts(q.before)):
        asked = replace(before, whole=q.text)  # "那省委办公厅呢" after an average: the same average, of it
    if asked is None:
        return None
    # (the things counted, "一辆车" read as 车辆数, are no amount the whole carries on from)
    money = replace(q, concepts=[c for c in q.concepts if not set(c.stated_unit) & COUNTED_UNIT_WORDS],
                    text=asked.whole, carried_units=())
    whole_plan = understand(asked.whole, lib, previous=money)
    if q.before is not None and not money.concepts and not whole_plan.rows and \
            all(set(c.stated_unit) & COUNTED_UNIT_WORDS for c in whole_plan.concepts):
        whole_plan = q.before  # "那按实有人数摊下来每人多少" after "工资福利支出一共多少": the turn before's
    if len(money_named := [c for c in whole_plan.concepts if not set(c.stated_unit) & COUNTED_UNIT_WORDS]) < len(whole_plan.concepts) \
            and money_named:  # ("用财政拨款养的公车，一年运行维护费": the vehicles said are what is counted)
        whole_plan = replace(whole_plan, concepts=money_named)
    count_plan = understand(asked.count, lib, previous=q)
    if (whole_plan.departments, whole_plan.years) != (q.departments, q.years) or \
            (count_plan.departments, count_plan.years) != (q.departments, q.years):
        return None
    if _declined(lib, whole_plan, docs, None) is not None or _declined(lib, count_plan, docs, None) is not None:
        return None
    whole = _routed(lib, whole_plan, docs)
    count = _routed(lib, count_plan, docs)
    if asked.unit == "个" and not (whole.status == ANSWERED and whole.route == LOOKUP and whole.figures) and \
            (beside := money_beside_count(whole_plan, docs, count)) is not None:
        whole = beside  # "那些项目平均每个多少钱": the money their count's sentence states with them
    if (averaged := per_unit(q, asked, whole, count)) is not None:
        return replace(averaged, question=q.text)
    if (other := asked.fallback) is not None and \
            (averaged := per_unit(q, other, whole, _routed(lib, understand(other.count, lib, previous=q), docs))) is not None:
        return replace(averaged, question=q.text)
    if whole.status == ANSWERED and whole.route == LOOKUP and whole.figures:
        # the total is printed, the count it is to be divided by is not: no average, said so
        return replace(whole, answer=f"公开文件只列总数，不列每{asked.unit}的数字；文件中没有找到“{asked.counted}”"
                       f"的数目，无法按它平均。{whole.answer}", status=NOT_FOUND, figures=[])
    return None


# a body of its own said to be under the department ("省委办公厅管的东郊国宾馆", "民政局下属的福利院")
INSTITUTION_SUFFIX = (r"(?:宾馆|饭店|酒店|中心|医院|学校|学院|博物馆|纪念馆|图书馆|研究所|研究院|福利院|敬老院|殡仪馆|公墓|"
                      r"救助站|服务站|事务所|公司|协会|基金会)")
SUBORDINATE_RE = re.compile(r"(?:管的|下属的?|所属的?|旗下的?|下面的|直属的?|下设的?)([\u4e00-\u9fff]{2,12}?" +
                            INSTITUTION_SUFFIX + ")")


# a body of its own named in the question ("东郊国宾馆的收入预算"), and a word saying such bodies are
# under the department ("想对比下属宾馆的做法") or to be counted in with it ("把东郊国宾馆也算进去")
ADDED_IN_RE = re.compile(r"算进去|算在内|算上|加上|包括进|连同|一起算|合在一起")
INSTITUTION_RE = re.compile(r"(?:^|[里的中在和与跟、，,个])([\u4e00-\u9fff]{2,8}?" + INSTITUTION_SUFFIX + ")")


MIN_UNIT_NAME = 4  # the fewest characters of a unit's name that still name it in a sentence
FIGURE_ASKED_RE = re.compile(r"多少|几")  # (a figure asked with the unit counted in: no yes or no)
# whether a unit's accounts are in the disclosure, asked ("算进去了吗", "包不包括", "含不含")
COVERED_ASKED_RE = re.compile(r"算进去|算在内|包不包括|包括不包括|包含|包括.{0,12}(?:吗|没有?)|含不含|纳入")
# how a sentence says a unit is left out ("不含东郊国宾馆", "未纳入") or in ("并入本部", "包括…")
LEFT_OUT_RE = re.compile(r"(?:不含|不包含|不包括|未纳入|没有纳入|不纳入|未包括)[^，,。；;]{0,20}$")
# (the disclosure's scope said, not the department's structure: "下属单位包括：东郊国宾馆" says no scope)
TAKEN_IN_RE = re.compile(r"^[^。；;]{0,16}(?:并入|纳入|包括在|含在)")
SCOPE_TAKEN_IN_RE = re.compile(r"(?:预算|决算|编制范围)[^，,。；;]{0,12}(?:包括|包含|含)[^，,。；;]{0,20}$")


def _coverage_asked(text: str) -> bool:
    """Whether a unit's being in the disclosure is asked, yes or no (not a figure asked with it
    counted in: "要是把东郊国宾馆也算进去，总支出是多少")."""
    return bool(COVERED_ASKED_RE.search(text)) and not FIGURE_ASKED_RE.search(text)


def _unit_covered(lib: Library, q: QueryPlan, unit: str) -> Answer | None:
    """Whether a unit under the department is in its disclosure, as the document's own sentence
    naming the unit says ("…仅包括厅机关本级，不含东郊国宾馆", "交流服务中心不单列预算，并入本部"):
    yes or no with that sentence cited; None where no sentence says either."""
    docs, problem = documents(lib, q)
    said = match_key(unit)
    found = []  # (left out, document, sentence) for each sentence saying which
    for doc in docs if problem is None else []:
        for s in sentences(doc):
            text = match_key(s.text)
            # (the unit's name as the sentence prints it: "预算把东郊国宾馆" says 东郊国宾馆)
            name = next((said[i:] for i in range(len(said) - MIN_UNIT_NAME + 1) if said[i:] in text), "")
            if not name:
                continue
            at = text.find(name)
            before, after = text[:at], text[at + len(name):]
            out = bool(LEFT_OUT_RE.search(before))
            if out or TAKEN_IN_RE.search(after) or SCOPE_TAKEN_IN_RE.search(before):
                found.append((out, doc, s))
    if not found or len({out for out, *_ in found}) > 1:
        return None  # (none says, or sentences disagree: the quotes answer)
    out, doc, s = found[0]
    return Answer(q.text, f"{'没有' if out else '是'}，据{doc.department}{doc.year}年{doc.kind}公开文件"
                  f"「{s.heading.split(' > ')[-1]}」：“{s.text}”。", ANSWERED, LOOKUP,
                  citations=[sentence_citation(doc, s)], verdict="no" if out else "yes")


def _subordinate_unit(lib: Library, q: QueryPlan) -> str | None:
    """A unit under the department that the question asks about and no document of the store is
    (its figures are inside the department's, never printed as its own): its name, else None."""
    m = SUBORDINATE_RE.search(q.text)
    if m is not None and any(match_key(m.group(1)) in match_key(u) for u in q.unknown_orgs):
        return m.group(1)
    named = INSTITUTION_RE.search(q.text) if UNDER_RE.search(q.text) or ADDED_IN_RE.search(q.text) or \
        _coverage_asked(q.text) else None  # ("包不包括下面那个中心")
    if named is not None and not lib.resolver.resolve(named.group(1), None).departments:
        return named.group(1)
    # ("东郊国宾馆2018年的预算收入有多少", "省委办公厅18年东郊国宾馆的收入"): a body the store has no
    # document of, whose figure is asked, beside the department it belongs to
    return next((u for u in q.unknown_orgs if re.fullmatch(rf"[\u4e00-\u9fff]{{2,12}}{INSTITUTION_SUFFIX}", u)
                 and re.search(rf"{re.escape(u)}(?:的|(?:19|20)?\d{{2}}年)", ADMIN_CHARS_RE.sub("", q.text))), None)


def _unit_stated(lib: Library, q: QueryPlan, unit: str) -> bool:
    """The department's own document states a figure of that unit (江苏省政协办公厅's "南京中国近代史
    遗址博物馆管理建设办公室在职10名人员", asked as 南京近代史遗址博物馆): its sentence answers."""
    docs, problem = documents(lib, q)
    name = match_key(unit)
    subjects = [match_key(f.subject) for d in docs for f in d.stated] if problem is None else []
    return any(abbreviates(name, s) for s in subjects) or any(
        abbreviates(heard, s) for heard in lib.speller.heard_as(name, "".join(subjects)) for s in subjects)


# a word in letters no vocabulary read, run into a budget word it qualifies ("qwpz支出"): what is
# asked of the 支出 is unread
UNREAD_LATIN_RE = re.compile(r"[A-Za-z]{2,}(?=\s*(?:支出|经费|费用|收入|资金|预算|决算|花|的钱))")


def _code_not_printed(q: QueryPlan, docs: list) -> str | None:
    """The 科目 codes a question gives, none of which its documents print (as a row's code or in
    their text): said so, with the code's standard name, never a row the words beside it match
    ("2080203机关服务" is not the 政府采购 服务 row)."""
    text = re.sub(r"\s", "", q.text)
    # (written as a code, not an amount: "1,206,000元", "9501164" beside its 合计)
    codes = [c for c in q.codes if re.search(rf"(?<![\d,.]){c}(?![\d,.]|元|万|亿|%|个|人|辆)", text)]
    if not codes or len(codes) < len(q.codes) or not docs:
        return None
    printed = {r.code for d in docs for t in d.tables for r in t.rows if r.code}
    if any(c in printed or any(c in match_key(s.text) for d in docs for s in d.sections) for c in q.codes):
        return None
    code = q.codes[0]
    subject = schema().subject("economic" if code.startswith("3") else "function", code)
    named = f"（{subject.name}）" if subject else ""
    return f"{'、'.join(sorted({d.department for d in docs}))}{'、'.join(str(y) for y in sorted({d.year for d in docs}))}年的公开文件没有列出科目{code}{named}。"


# a part of the year a project's plan may state ("第一季度用款计划25.88万元")
QUARTER_RE = re.compile(r"第?[一二三四1-4]季度")
EVERY_QUARTER_RE = re.compile(r"(?:每|各|每一)个?季度")  # ("每个季度计划用多少": any quarter a sentence gives)


def _period_stated(q: QueryPlan, docs: list) -> bool:
    """The quarter asked (or each quarter) is one a sentence of the documents gives an amount for
    (a project's 用款计划 by quarter): asked, it is read there, not refused as a breakdown never
    published. A sentence of another thing than the question names ("第三季度的三公经费" against a
    project's quarterly plan) gives no such amount."""
    text = q.text
    asked = {m.group(0).lstrip("第") for m in QUARTER_RE.finditer(text)} or \
        ({f"{n}季度" for n in "一二三四"} if EVERY_QUARTER_RE.search(text) else set())
    named = [[match_key(w) for w in c.words()] for c in q.concepts if not c.generic]

    def of_what_is_named(s) -> bool:
        said = match_key(" ".join([s.text, s.heading, s.item]))
        return all(any(w in said for w in words) for words in named)

    return bool(asked) and any(
        any(f"{quarter}{rest}" in s.text for quarter in asked for rest in ("用款", "计划", "支出", "预算", "安排", "拨付"))
        and AMOUNT_RE.search(s.text) and of_what_is_named(s) for d in docs for s in sentences(d))


PROJECTED_YEAR_RE = re.compile(r"明年|后年|下一?年度?|将来|以后")


def _router(lib: Library) -> Router:
    """The engine's router over this library, for a route that asks questions of its own."""
    return Router(partial(_routed, lib), lambda q, docs: _declined(lib, q, docs, None))


def _declined(lib: Library, q: QueryPlan, docs: list, problem: Answer | None) -> Answer | None:
    """The reply instead of an answer: nothing the store speaks to, no such document, a
    person's or a month's figure, an exclusion no cell answers, an item said in letters no
    vocabulary reads (never answered with the whole it qualifies)."""
    if has_cue("projection", q.text) and (PROJECTED_YEAR_RE.search(q.text) or any(
            y > max(lib.years_held(k), default=y) for k in q.departments for y in q.years)):
        # "照这个数推，2026年大概会花多少": the documents state what was budgeted or spent, no forecast
        return not_found(lib, q, "公开文件只载明已编制的预算和已发生的决算，不作预测；文件之外的年份无法推算。",
                         named_infos(lib, q) or None)
    if MORE_THINGS_SUPPOSED_RE.search(q.text):
        return not_found(lib, q, "这是假设增加数量后的推算：公开文件只列总数，不列每辆（每人）的费用会随数量怎样变化，不作推算。",
                         named_infos(lib, q) or None)
    if (unprinted := _code_not_printed(q, docs)) is not None:
        return not_found(lib, q, unprinted, q.resolved or None)
    if (unread := UNREAD_LATIN_RE.search(q.text)) and all(c.department_total for c in q.concepts) \
            and not q.codes and not q.rows:
        return not_found(lib, q, f"没有认出“{unread.group(0)}”指的是哪一项，请用中文写出要查的项目（如：基本支出、三公经费）。",
                         q.resolved or None)
    if not q.names_something and not q.budget_words and q.operation not in ("rank", "breakdown", "count", "yesno") \
            and not EMPTY_TABLES_ASKED_RE.search(q.text) and not TABLES_COUNTED_RE.search(q.text) \
            and not points_at_cell(q.text) and not any(
            rows_said(d, q.match_text) or named_table(d, q.match_text) is not None for d in docs):
        if q.departments and len(re.sub(r"[那么的呢吗？?。，,！!\s]", "", q.rest)) <= 2:
            return ask_what(docs, q.text)  # "那临汾的呢？" with nothing before it
        if not q.departments or problem is not None:
            return not_found(lib, q, "这个问题不在已收录的部门预算/决算公开文件范围内。")
        if not speaks_to(docs, q.rest):  # (its department is in the store: not "out of scope")
            return not_found(lib, q, f"{'、'.join(q.names or [d.department for d in docs])}的公开文件中没有谈到这个问题。",
                             q.resolved or None)
    if problem is not None:
        return problem
    if (has_cue("per_person", match_key(asking_part(q.text, CLAUSE_END_RE))) and not _period_stated(q, docs)
            and not YEARLY_AVERAGE_RE.search(q.text)) or has_cue("own_pay", q.text):  # ("我每天路过…，有多少辆车")
        return not_found(lib, q, "部门预决算公开的是单位全年的总数，不公开个人、每月或每季度的数字（如某位领导的工资、人均、某个月的开支）。",
                         q.resolved or None)
    if has_cue("sequential", q.text) and not q.compared_years and len(q.years) < 2:
        # (two years named, "2024年比2023年环比增长了多少", say what is compared: the year before)
        return not_found(lib, q, "“环比”是与上一个月或上一季度相比；部门预算/决算公开只有全年的数字，没有月度或季度数，"
                                 "无法计算环比。可以问“同比”（与上一年相比）。", q.resolved or None)
    if has_cue("contractor", q.text):
        return not_found(lib, q, "部门预算/决算公开只列政府采购的总额和分类（货物、工程、服务，授予中小企业的合同金额），"
                                 "不列供应商、中标单位的名称或每份合同的金额；可在政府采购网查询中标公告。", q.resolved or None)
    if has_cue("building_detail", q.text):
        return not_found(lib, q, "部门预算/决算公开不列办公用房的地址，也不列房屋、土地的估值；"
                                 "国有资产占用情况只列房屋、车辆、设备等的数量（有的列面积）。", q.resolved or None)
    if has_cue("sales", q.text) and not any("收入" in c.name for c in q.concepts):
        return not_found(lib, q, "部门预算/决算公开只列部门自己的收入和支出，不列彩票、商品或服务的销售额"
                                 "（彩票公益金是按销售额提取后拨给部门使用的资金，不是销售额）。", q.resolved or None)
    if (outside := _row_outside_its_whole(q, docs) or _kind_not_listed(q)) is not None:
        return not_found(lib, q, outside, q.resolved or None)
    # (a listing asked, "项目支出以外的支出有哪些", is no why-question for its 哪些)
    if aside_read(q) and (exclusion := EXCLUSION_RE.search(q.text)):
        if (plain := without_aside_beside(q, docs)) is not None:
            return answer(lib, plain)  # "退休费发了多少（不算离休的）": 离休费 is a row beside it, no part of it
        return with_aside(lib, _router(lib), q, docs, exclusion.group(0))
    if SCOPE_RE.search(q.text) and q.operation != "rank":
        return set_aside(lib, _router(lib), q, docs)  # "不含年初结转的收入": set aside where it reads, else as asked
    return None


def _row_outside_its_whole(q: QueryPlan, docs: list) -> str | None:
    """"项目支出里的办公费": a row said inside a concept whose tables do not break it down to that
    row (办公费 is printed under 基本支出 only): said so, never the concept's own figure instead."""
    key = match_key(q.text)
    named = lexicon().concepts_in(key)
    starts = {n.start for n in named}
    for m in named:
        inside = INSIDE_RE.match(key, m.end)
        if m.generic or m.concept.department_total or inside is None or inside.end() in starts:
            continue  # ("三公经费里的公务接待费", "政府采购里服务": a part the concept's own table holds)
        for doc in docs:
            hits = [h for h in named_rows(doc, key[inside.end():]) if h[1] == 0]
            titles = {doc.tables[h[2]].title for h in hits}
            if hits and not any(breaks_down(doc, h[2], m.concept) for h in hits):
                row = doc.tables[hits[0][2]].rows[hits[0][3]].label
                return (f"文件没有把{m.concept.name}细分到“{row_name(row)}”：“{row_name(row)}”只列在"
                        f"{'、'.join(f'《{t}》' for t in sorted(titles))}中。")
    return None


# a kind said before a whole ("设备类采购", "工程方面的政府采购"): the marker after the kind's word
KIND_MARK_RE = re.compile(r"(?:类|类型|方面)的?$")


def _kind_not_listed(q: QueryPlan) -> str | None:
    """"设备类采购多少": a kind of a whole broken down into named parts (政府采购: 货物, 工程, 服务)
    that is none of them is not printed; said so, never the whole's figure instead."""
    from index.lexical import words

    key = match_key(q.rest or q.text)
    for m in lexicon().concepts_in(key):
        parts = m.concept.parts.concepts if m.concept.parts else []
        mark = KIND_MARK_RE.search(key[:m.start])
        said = [w for w in words(key[:mark.start()]) if re.fullmatch(r"[\u4e00-\u9fff]+", w)] if parts and mark else []
        kind = said[-1] if said else ""
        if kind and not any(kind in p for p in parts) and not any(k.concept.name in parts for k in lexicon().concepts_in(kind)):
            return f"文件没有单列“{kind}类”的{m.concept.name}：{m.concept.name}按{'、'.join(parts)}分列。"
    return None


def _tables_route(q: QueryPlan, docs: list) -> Answer | None:
    """The answers about the printed tables themselves: which one, how many, the cell at a
    place, the empty ones."""
    if (table := table_asked_answer(q, docs)) is not None:
        return table  # "公开08表是什么表": its title, page and columns
    if (columns := table_columns_answer(q, docs)) is not None:
        return columns  # "支出决算表有几栏数字": the table's figure columns, counted and named
    if (note := table_note_answer(q, docs)) is not None:
        return note  # "那张表底下是怎么说明的": the note printed under it
    if (empty := table_empty_answer(q, docs)) is not None:
        return empty  # "公开08表是不是空表": yes or no, with its note
    if (counted := tables_counted_answer(q, docs)) is not None:
        return counted  # "一共有几张表": the tables, each listed and cited
    if (at := positioned_answer(q, docs)) is not None:
        return at  # "第三张表最后一行是啥，多少钱": the cell at that place
    return empty_tables_answer(q, docs)  # "哪张表是空的？为啥空": the tables that print no figure, with their notes


def _table_shaped_route(lib: Library, q: QueryPlan, docs: list) -> Answer | None:
    """The answers read off the tables' own shape: their units, rows adding up, rows carrying a
    word, a measure summed, the headline figures, the tables themselves, the 科目 tree, where a
    figure is printed, the parts of nothing."""
    if (units := table_units_answer(q, docs)) is not None:
        return units  # "那些表是按万元算的吗": the units the tables print
    if (adds := adds_up_answer(lib, q, docs)) is not None:
        return adds  # "底下那几项加起来，正好等于合计吗": the 科目 under it, summed against it
    if (carrying := carrying_answer(q, docs)) is not None:
        return carrying  # "支出决算表里带养老的那几行各是多少": each row whose name carries it
    if (summed := measure_summed(lib, q, docs, partial(_routed, lib))) is not None:
        return summed  # "…和…的年初预算一共多少" of a 决算: each item's 年初预算 the narrative states, added
    if (whole := overview(lib, q, docs, partial(_routed, lib))) is not None:
        return whole  # "总的来说收支情况怎么样": the totals table's headline figures
    if (tables := _tables_route(q, docs)) is not None:
        return tables
    if (tree := tree_answer(q, docs)) is not None:
        return tree  # "社会福利下面有哪些项", "城乡医疗救助是哪个大类下面的": the 科目 tree the table prints
    if (printed := where_printed(q, docs, partial(_routed, lib))) is not None:
        return printed  # "三公经费在哪张表能查到": the figure, where it is printed first
    if (found := zero_parts_answer(lib, q, docs)) is not None:
        return found  # "三公经费里哪几项是零": the parts of nothing
    return None


def _composed_route(lib: Library, q: QueryPlan, docs: list) -> Answer | None:
    """The answers made of several steps (units, years, claims, causes, premises, breakdowns,
    counts, yes/no), tried before a single figure is looked for."""
    if (shaped := _table_shaped_route(lib, q, docs)) is not None:
        return shaped
    if (first := first_year(lib, q, docs)) is not None:
        return first  # "是从哪一年开始有的": each year held looked at, the first with the item
    if (changed := asked_change(q)) is not None and changed.filtered:
        return biggest_change(lib, q, docs)  # "有没有哪项既比18年少、又超过300万": both conditions, never the whole's figure
    if has_cue("ties", q.text) and (found := ties_answer(lib, q, docs)) is not None:
        return found  # "哪几项预算是一样多的": the parts printing the same amount
    if (q.share_above is not None or q.above is not None and q.operation == "yesno") and (found := structure_answer(lib, q, docs)):
        return found  # "有没有哪一类超过一半", "有没有哪一项超过50万": the parts above that share or amount
    if docs and len(q.departments) <= 1 and (has_cue("over_years", q.text) and OVER_YEARS_RE.search(q.text) or has_cue(
            "direction", q.text) and len(set(q.years) | set(q.compared_years)) >= 3 and not CHANGE_AMOUNT_ASKED_RE.search(q.text)) \
            and (yearly := year_by_year(lib, q, docs)) is not None:
        # "这三年三公经费怎么变的", "23、24、25三年三公经费是涨了还是跌了": each year's figure, oldest first (a gap
        # asked too, "…19年比17年少了多少", is the comparison's)
        return replace(yearly, question=q.text)
    if (found := rate_checked(q, docs)) is not None:
        return found  # "说明写增长30%，对不对": the printed rate recomputed from the printed amounts
    if (found := check_claims(lib, q, docs)) is not None:
        return told_sum_checked(q, found)  # "有报道说…13.19万元，对不对": the figures stated, checked
    if (unchecked := _count_bound_unchecked(lib, q)) is not None:
        return unchecked
    if (found := cause_checked(lib, q, docs)) is not None:
        return found  # "涨了，是因为人员增加吗": the reason stated, set against the one guessed
    if (found := why_and_how_much(lib, q, docs, partial(_routed, lib))) is not None:
        return found  # "为啥比上年多了？多了多少": the change stated, then the reason given
    if (found := what_for_and_how_much(lib, q, docs, partial(_routed, lib))) is not None:
        return found  # "医疗费是干什么用的，安排了多少": its figure, then what it is for
    if q.intent == "reason" and (found := premise_checked(lib, q, docs, partial(_routed, lib))) is not None:
        return found  # "为啥涨了这么多" when it fell: the fall, not a reason for a rise
    if (found := whether_and_why(lib, q, docs, partial(_routed, lib))) is not None:
        return found  # "是不是比23年多了？文件里怎么解释的": the yes or no, then the reason given
    if q.operation in ("rank", "breakdown") and all(c.generic for c in q.concepts) and not q.codes and not any(
            rows_said(d, q.match_text) for d in docs) and (found := topic_answer(lib, replace(q, operation="value", intent="figure"), docs)):
        # "养老这块的钱都花在哪几样上了", "救助这块的支出分别是多少": the 科目 of that subject, not all
        # the spending; a subject that is one 科目 ("社会保障那块的钱都花哪了") is broken down beneath it
        return _subject_broken_down(lib, q, docs, found) or found
    if (found := new_items(lib, q, docs) or biggest_change(lib, q, docs)) is not None:
        return found  # "哪些项是2017年没有、2018年新增的", "哪个具体科目变化最大": the 科目 of two years set against each other
    if q.operation in ("rank", "breakdown") and (found := structure_answer(lib, q, docs)) is not None:
        return _top_added(q, found)
    if q.operation == "count" and MONEY_LAST_RE.search(q.text) and (both := count_and_money(q, docs, partial(_routed, lib))) is not None:
        return both  # "又买了几辆新公车吧，花了多少钱": the money asked last, the count beside it
    if q.operation == "count" and (q.above is not None or q.level) and not any(c.counts for c in q.concepts) and \
            (found := items_counted(lib, q, docs)) is not None:
        return found  # "超过1000万的有几项", "有几个类级科目安排了钱": the 科目 listed, counted
    if (found := either_side(lib, q, docs, partial(_routed, lib))) is not None:
        return found  # "是一般公共预算出的还是政府性基金出的": the item under each
    if q.operation == "yesno" and (found := yes_no(lib, q, docs)) is not None:
        return found
    return None


def _count_bound_unchecked(lib: Library, q: QueryPlan) -> Answer | None:
    """"公车有没有超过50辆", "公车至少有十辆吧" where no count is printed (the routes before found
    none): no money figure answers a bound put on a count."""
    claims = checked_claims(q.text)
    if claims and all(c.counted and (c.asked or has_cue("truth", q.text)) and (c.low == 0 or c.high == float("inf"))
                      for c in claims):
        return not_found(lib, q, f"文件中没有能核对“{claims[0].said}”的数量。", q.resolved or None)
    return None


# the items ranked added ("最少的两项加起来是多少"; not "合计数排前三的", the column they are ranked by)
TOP_ADDED_RE = re.compile(r"加(?:起来|一起|在一起|一块儿?)|(?:一共|总共|合计)(?:是|有|为)?多少")


def _top_added(q: QueryPlan, ranked: Answer) -> Answer:
    """The first N items of a ranking added where the question asks their sum ("最少的两项加起来
    是多少"): the sum heads, its formula shown, each item still cited; else the ranking as it is."""
    items = ranked.items[:q.top_n]
    if q.operation != "rank" or q.top_n < 2 or not TOP_ADDED_RE.search(q.text) or len(items) < q.top_n or \
            len({i.unit for i in items}) != 1 or any(parse_amount(i.value) is None for i in items):
        return ranked
    first = ranked.figures[0] if ranked.figures else None
    head = added_figure([i.value for i in items], items[0].unit, f"前{q.top_n}项合计",
                        first.department if first else "", first.year if first else None)
    return replace(ranked, answer=f"{ranked.answer}这{q.top_n}项加起来为{head.value}{head.unit}（{head.formula}）。",
                   figures=[head, *ranked.figures], notes=[*ranked.notes, f"计算：{head.formula}{head.unit}"])


def _not_in_table_named(lib: Library, q: QueryPlan, docs: list) -> Answer | None:
    """"公开08表里的三公经费": a table named by its code that does not print what is asked (a
    wrong premise); the figure from the table that does, with that said first."""
    m = TABLE_ASKED_RE.search(q.text)
    if m is None or m.group("place"):
        return None
    found, _ = figure(lib, q.reworded(re.compile(re.escape(m.group(0)) + r"(?:里|中|上)?(?:的)?")), docs)
    if found is None or found.status != ANSWERED or not found.citations or match_key(found.citations[0].table_code) == match_key(m.group(0)):
        return None
    return replace(found, answer=f"{m.group(0)}不列这一项。{found.answer}")


def _subject_broken_down(lib: Library, q: QueryPlan, docs: list[Document], subject: Answer) -> Answer | None:
    """The parts beneath the one 科目 a subject's figure was read from (its code printed or
    standard), or of the one its candidates all fall under ("个人和家庭": 303 对个人和家庭的补助
    beside its own 30399), or None where it has none: one figure is no breakdown."""
    codes = {c.row_code for c in subject.citations if c.row_code}
    if not subject.figures:
        codes = {p for p in codes if all(c.startswith(p) for c in codes)}
    if len(codes) != 1:
        return None
    return structure_answer(lib, replace(q, codes=sorted(codes)), docs)


# a yes-or-no asked first, up to its question mark or the pause after it ("是不是没有车，到底有几辆")
YES_NO_FIRST_RE = re.compile(rf"{FIRST_QUESTION_RE.pattern}|^[^，,？?]*(?:是不是|是否|有没有|吗)[^，,？?]*[，,]")


def _stated_money_said(q: QueryPlan) -> str:
    """The words naming a sum of money only sentences state (no table holds it: 面向中小企业预留
    政府采购), where that is all the question asks (with the whole holding it, 政府采购, said or
    not); else ""."""
    asked = [c for c in q.concepts if not any(c.contains(o.name) for o in q.concepts if o is not c)]
    said = [m for m in lexicon().concepts_in(q.match_text) if m.concept in asked]
    if len(said) != 1 or not all(c.stated and not c.finds and not c.counts for c in asked):
        return ""
    return said[0].word


def _stated_first(lib: Library, q: QueryPlan, docs: list) -> Answer | None:
    """What sentences state before any table is read: people and bodies, a part of a figure only
    sentences give, a share or a completion rate the document states."""
    if (q.operation == "count" and not any(c.finds for c in q.concepts)) or (
            q.concepts and not any(c.finds for c in q.concepts)):
        # people and bodies: what the narrative states of the department itself (a count a table
        # holds, such as 车辆数, is read from the table first)
        if q.operation == "count" and (whole := units_with_own_office(q, docs)) is not None:
            return whole  # ("连本部在内一共包括几家单位": the sentence counts those under it, and the office)
        if (answer := stated_answer(lib, q, docs)) is not None:
            return answer
        if q.operation == "count" and (listed := bodies_listed(q, docs)) is not None:
            return listed  # "决算一共包括几个单位": counted off the list the document prints
    if q.operation == "value" and (said := _stated_money_said(q)):
        # "政府采购给中小企业预留了多少": a part of the purchases only sentences state; where
        # none states it with an amount, no figure (never the purchases' total quoted)
        return stated_answer(lib, q, docs) or retrieval_answer(lib, q, docs, said)
    if q.operation == "share" and (answer := stated_answer(lib, q, docs)) is not None and _share_of_part_said(q, answer):
        return answer  # the share the document states, from its unrounded figures
    if has_cue("completion", q.text):
        # "完成率": the rate a sentence states; no cell's amount answers it
        return stated_answer(lib, q, docs) or completion_computed(q, docs, places_asked(q.typed)) or \
            retrieval_answer(lib, q, docs, "")
    return None


def _routed(lib: Library, q: QueryPlan, docs: list) -> Answer:
    """The answer by the plan's operation: structure, yes/no, stated facts, comparison, topic
    candidates, a table figure, else the narrative quoted."""
    if (found := _composed_route(lib, q, docs)) is not None:
        return found
    if q.operation == "yesno" and (counted := [c for c in q.concepts if c.counts]) and has_cue("count", q.text):
        # "是不是公车一大堆？到底有几辆车": no yes or no to read, the count asked after it (said
        # without a question mark too: "是不是没有车 到底有几辆")
        q = replace(q.reworded(YES_NO_FIRST_RE), operation="count", concepts=counted)
    if q.operation == "describe" and (found := code_described(lib, q, docs)) is not None:
        return found
    # (a change the asker tells, "比24年少了10万，那25年…安排了多少", is no figure only a sentence states)
    narrative_only = bool(NARRATIVE_FIGURE_RE.search(untold(q.text) if q.operation == "value" else q.text))
    several = len({(lib.resolver.department_key(d.department), d.year) for d in docs}) > 1
    if (found := _stated_first(lib, q, docs)) is not None:
        return found
    # ("比23年预算执行数增加了百分之几": the outturn the next budget states, which no 2023 budget prints)
    outturn_stated = narrative_only and OUTTURN_SAID_RE.search(q.text) is not None
    # (two places named, "三公表里的和经济分类表里的", or a year and the one before, one sentence: of one
    # document, but for a year's outturn the next budget states beside a budget of that year on file)
    if q.intent == "compare" and (placed := (None if several else places_compared(lib, q, docs)) or (
            told_with_year_before(q, docs) if not several or OUTTURN_SAID_RE.search(q.text) else None)) is not None:
        return placed
    if (q.intent == "compare" and not narrative_only) or (narrative_only and several and q.intent != "reason"
                                                          and not outturn_stated):
        if (answer := _compared(lib, q, docs, several)) is not None:
            return answer
    focus = ""
    if q.intent != "reason" and not narrative_only:
        if (answer := topic_answer(lib, q, docs)) is not None:
            return answer
        answer, focus = figure(lib, q, docs)
        if answer is not None:
            return answer
        if (elsewhere := _not_in_table_named(lib, q, docs)) is not None:
            return elsewhere
        if not q.names_something and not any(rows_said(d, q.match_text) for d in docs) and \
                len(match_key(q.rest)) <= 6:  # ("房屋面积多少": what only the narrative states, else which figure)
            return stated_answer(lib, q, docs) or ask_what(docs, q.text)
    # ("有几辆车？都是什么用车": the kinds asked beside a count are no reason to quote)
    if q.intent != "reason" and not asks_reason(KINDS_ASKED_RE.sub("", q.text)) and q.operation not in ("rank", "breakdown") and \
            (answer := stated_answer(lib, q, docs)) is not None and _of_named_code(q, docs, answer) \
            and (focus in match_key(answer.answer) or not schema().subject_name_re.fullmatch(focus)):
        return answer  # (a reason asked too is quoted with its figure by retrieval; a whole is no breakdown;
        # a sentence not stating the standard 科目 no cell accounted for is of the broader figure)
    if q.intent != "reason" and (answer := absent_figure(q, docs)) is not None:
        return answer
    if q.intent != "reason" and not asks_reason(q.text) and \
            (answer := change_on_year_before(lib, q, docs) or stated_level(q, docs)) is not None:
        return answer  # "比上年少了多少" that the document does not state: computed from last year's, or 持平 as said
    return retrieval_answer(lib, q, docs, focus)

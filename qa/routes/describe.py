"""Answers the narrative gives: quoted sentences, each cited, ranked against the question in
the official words; numbers come only from the quotes (an optional LLM may reword them, every
number checked)."""
from __future__ import annotations

import re
from dataclasses import replace

from core.concepts import lexicon
from core.model import COUNT_UNITS, FORM_CATEGORIES, YUAN_PER_UNIT, Document, Table
from core.schema import schema
from core.text import chinese_number, is_total, match_key, parse_amount
from core.vocab import has_cue
from index.retriever import asks_reason
from qa.answers import citation, finish, not_found, sentence_citation, table_citation, yuan
from qa.context import Library
from qa.llm import checked, is_no_answer
from qa.lookup import Located, code_row_names, named_table, row_name, table_words
from qa.model import ANSWERED, LLM, LOOKUP, NOT_FOUND, RETRIEVAL, Answer, Figure
from qa.pasted import quoted_spans
from qa.narrative import (AMOUNT_RE, NEXT_ITEM_RE, absence_statement, bare_heading, CAUSE_RE, MIN_SENTENCE_SCORE, REASON_CUES, Amount, Sentence, against_way_asked, amount_label, amounts, best_amount, change_way, definition,
                          rank_sentences, sentences, without_levels)
from qa.understand import AMOUNT_ASKED_RE, CLAUSE_END_RE, RATE_ASKED_RE, WHY_RE, QueryPlan, asking_part
from qa.routes.stated import own_words, stage_said, whole_unnamed, word_said
from qa.verify import allowed_from


COUNT_SENTENCES = 8  # best-ranked sentences searched for a count told apart by its words
NOT_STATED = "文件中没有直接说明这个数字，下列原文最接近，仅供查看。"


# what a name put in quotes is ("“区政府督查及建议提案工作业务经费”这个项目"): long enough to be a name of
# its own, and words only (a quoted sentence, "…增加的主要原因是…", or a figure, "压减16.5%", is no name)
QUOTED_NAME_RE = re.compile(r"[\u4e00-\u9fff\w（）()]{5,40}")


def _quoted_name(q: QueryPlan, docs: list[Document]) -> str:
    """The name a question asking an amount puts in quotes ("“区政府督查及建议提案工作业务经费”这个项目
    …资金总额是多少"), where no table row carries it: only sentences that state it, or stand under a
    heading naming it, can answer."""
    name = next((said for start, end in quoted_spans(q.text) if QUOTED_NAME_RE.fullmatch(said := q.text[start:end])), None)
    if name is None or q.intent == "reason" or q.operation == "describe":
        return ""
    key = match_key(name)
    in_rows = any(key in match_key(label) for d in docs for t in d.tables for label in [*(r.label for r in t.rows), *t.columns])
    return "" if in_rows else key


def retrieval_answer(lib: Library, q: QueryPlan, docs: list[Document], focus: str = "") -> Answer:
    """Quote the sentences that answer, each cited; numbers come only from those quotes. With
    a ``focus`` (a phrase no table cell accounted for), only sentences stating it with an
    amount can answer."""
    candidates = _candidate_sentences(lib, q, docs)
    focus = _quoted_name(q, docs) or focus
    if focus:
        candidates = [(d, s) for d, s in candidates if amounts(s.text) and (
            focus in match_key(without_levels(s.text)) or focus in match_key(s.heading))]
    # a follow-up asks about the earlier topic; sentences use the official words
    asked = lexicon().in_official_words(f"{q.rest or q.text} {q.topic}".strip())
    why = q.intent == "reason" or asks_reason(q.text)  # "为啥下降这么多？下降了多少": both
    ranked = rank_sentences(asked, [s for _, s in candidates], why, want_amount=q.intent != "reason")
    if not ranked or ranked[0][0] < MIN_SENTENCE_SCORE:
        missing = f"文件中没有“{focus}”的金额。" if focus else "在相关文件中没有找到能回答这个问题的内容。"
        doc_ids = {d.doc_id for d in docs}
        return not_found(lib, q, missing, [i for i in lib.infos if i.doc_id in doc_ids] or None)
    by_sentence = {id(s): d for d, s in candidates}
    if len(q.departments) > 1 and EACH_NAMED_RE.search(q.text):
        # "阳泉和临汾的三公经费为啥都少了": each department's own best sentences, in the order named
        # (a name two departments share, "民政局…为什么增加了", is left to the best sentence)
        chosen = []
        for key in q.departments:
            own = [(score, s) for score, s in ranked
                   if lib.resolver.department_key(by_sentence[id(s)].department) == key]
            if own and own[0][0] >= MIN_SENTENCE_SCORE:
                chosen += _quotes(q, own, by_sentence, why)
    else:
        chosen = _quotes(q, ranked, by_sentence, why)
    if q.intent == "reason" and WHY_RE.search(q.text) and all(change_way(s.text) and not REASON_CUES.search(s.text) for _, s in chosen):
        # "公务接待费为啥要安排28.5万": the sentences saying it state how it changed, and no reason
        # ("与2024年预算持平" is none); a sentence stating only that there is none of it may answer
        return Answer(q.text, "文件中没有说明原因，下列原文最接近，仅供查看。", NOT_FOUND, RETRIEVAL,
                      citations=[sentence_citation(d, s) for d, s in chosen])
    chosen, head = _counted_headline(q, ranked, by_sentence, chosen, _headline(q, asked, chosen, code_row_names(docs, q.codes)))
    citations = [sentence_citation(d, s) for d, s in chosen]
    if (unstated := _kind_unstated(q, chosen, citations)) is not None:
        return unstated
    if q.intent != "reason" and q.operation not in ("describe", "breakdown") and (head is None or not head.said):
        # the amount quoted belongs to words the question does not use ("人员经费963.57万元"
        # for a 局长's monthly pay): the file does not state what was asked
        return Answer(q.text, NOT_STATED, NOT_FOUND, RETRIEVAL, citations=citations)
    doc = chosen[0][0]
    # (a reason quoted heads no amount its words do not name: "…包括些什么" quoting 社会保障和就业支出's
    # 年初预算 beside the 款 asked)
    figures = [] if head is None or not head.said and q.intent == "reason" else [Figure(head.printed, head.unit, yuan(head.value, head.unit),
                                              "情况说明所述数字", doc.department, doc.year)]
    phrased = phrase(lib, q, [s.text for _, s in chosen])
    if phrased:
        return Answer(q.text, phrased, ANSWERED, LLM, figures, citations,
                      ["回答由语言模型依据引用原文改写，数字已逐一核对原文。"])
    text = "；".join(
        f"据{d.department}{d.year}年{d.kind}公开文件「{quoted[0].heading.split(' > ')[-1]}」："
        + "；".join(f"“{s.text.rstrip('。；;')}”" for s in quoted)
        for d, quoted in _by_document(chosen)) + "。"
    return finish(q, text, figures, citations, [], allowed_from([s.text for _, s in chosen]), RETRIEVAL)


def _kind_unstated(q: QueryPlan, chosen: list, citations: list) -> Answer | None:
    """Not found where the sentences state no figure of the kind asked: people or things counted
    ("编制数和实有人数各是多少": sentences of money count none of them), or a change ("机关运行经费比去年
    变了多少" where they give the year's own figure and nothing against the year before)."""
    counted = set(q.units) & COUNT_UNITS
    if q.intent != "reason" and counted and not any(match_key(m.group(2)) in counted for _, s in chosen
                                                    for m in AMOUNT_RE.finditer(s.text)):
        return Answer(q.text, NOT_STATED, NOT_FOUND, RETRIEVAL, citations=citations)
    if q.operation == "change" and not any(change_way(s.text) for _, s in chosen):
        return Answer(q.text, "文件中没有写明与上年相比的变化，下列原文最接近，仅供查看。", NOT_FOUND, RETRIEVAL, citations=citations)
    return None


def _counted_headline(q: QueryPlan, ranked: list, by_sentence: dict, chosen: list, head: Amount | None) -> tuple[list, Amount | None]:
    """The quotes and the headline amount, a count asked put first with the sentence it is in: the
    follow-up's own word telling it ("评良的呢" after "几个项目评了优"), else a count said of what is
    asked; no headline where the amount is not of what was asked."""
    own = _count_by_own_word(q, ranked) if q.operation == "count" and q.units else None
    if q.operation == "count" and q.units and (at := own or _count_told(q, ranked, head)) is not None:
        chosen = [(by_sentence[id(at[0])], at[0])] + [c for c in chosen if c[1] is not at[0]]
        head = at[1]
    if head is not None and own is None and not _of_what_asked(q, chosen[0][1].text, head):
        head = None
    return chosen, head


def _count_told(q: QueryPlan, ranked: list[tuple[float, Sentence]], head: Amount | None) -> tuple[Sentence, Amount] | None:
    """A count said of what is asked: the one printed right beside what is counted ("事业单位4家"
    for "几家事业单位", not "下属1家机关和1家参公事业单位" of a better-ranked sentence); none said: of
    several counts in one sentence ("33个项目…为“优”，6个项目…为“良”"), the one the question's
    words tell apart; with the sentence it is in."""
    told = _count_beside_noun if head is not None and head.said else _count_named_after
    return next(((s, n) for _, s in ranked[:COUNT_SENTENCES] if (n := told(s.text, q.rest or q.text, q.units))), None)


def _count_by_own_word(q: QueryPlan, ranked: list[tuple[float, Sentence]]) -> tuple[Sentence, Amount] | None:
    """A follow-up's count told by its own word ("评良的呢" after "几个项目评了优"): of three or more
    counts in one sentence, the one told apart from the others by a short word the follow-up says
    ("良" of "…为“良”"), with its sentence; None for a question of its own, or where none or
    several are told so."""
    if not q.rest or q.rest == q.text:
        return None
    key, units = match_key(q.text), {match_key(u) for u in q.units}
    for _, s in ranked[:COUNT_SENTENCES]:
        counts = [(m, match_key(re.split(r"[，,；;。]", s.text[m.end():])[0])) for m in AMOUNT_RE.finditer(s.text)
                  if match_key(m.group(2)) in units and parse_amount(m.group(1)) is not None]
        said = [m for (m, _), word in zip(counts, own_words([after for _, after in counts])) if word_said(word, key)] \
            if len(counts) >= 3 else []
        if len(said) == 1:
            return s, Amount(said[0].group(1), parse_amount(said[0].group(1)), said[0].group(2), 1, True)
    return None


def _quotes(q: QueryPlan, ranked: list[tuple[float, Sentence]], by_sentence: dict,
            why: bool) -> list[tuple[Document, Sentence]]:
    """The best sentence or two (within half the best score), with the cause or reason beside
    the first where the question asks why, and what a sentence ending in a colon goes on to."""
    chosen: list[tuple[Document, Sentence]] = []
    for score, s in ranked:
        if len(chosen) == 2 or score < ranked[0][0] * 0.5:
            break
        if all(s.text != c.text for _, c in chosen):
            chosen.append((by_sentence[id(s)], s))
    heading = bare_heading(chosen[0][1].text)
    if heading:
        chosen = chosen[:1]  # said by what follows it, not by a second-best sentence of another item
    if WHY_RE.search(q.text) and not CAUSE_RE.search(chosen[0][1].text) and (cause := _cause_after(chosen[0])):
        chosen = chosen[:1] + [cause]  # "行政运行为啥没花完": its item's "主要原因：…", not its 用于
    elif why and not heading and not REASON_CUES.search(chosen[0][1].text):
        chosen = chosen[:1] + _reason_beside(chosen[0], ranked, by_sentence)
    return _with_what_follows(chosen)


def _by_document(chosen: list[tuple[Document, Sentence]]) -> list[tuple[Document, list[Sentence]]]:
    """The quotes grouped by the document they come from, in the order first quoted."""
    groups: dict[str, tuple[Document, list[Sentence]]] = {}
    for doc, s in chosen:
        groups.setdefault(doc.doc_id, (doc, []))[1].append(s)
    return list(groups.values())


def _with_what_follows(chosen: list[tuple[Document, Sentence]]) -> list[tuple[Document, Sentence]]:
    """A quoted sentence that ends in a colon ("决算包括：", "主要原因是：") goes on in the next
    one: that one is quoted with it, as is the sentence after a numbered item's bare heading
    ("3、一般公共服务支出（类）…其他社会工作事务支出（项）。")."""
    out: list[tuple[Document, Sentence]] = []
    for doc, s in chosen:
        out.append((doc, s))
        if s.text.rstrip().endswith(("：", ":")) or bare_heading(s.text):
            order = sentences(doc)
            at = next((i for i, x in enumerate(order) if x is s), None)
            if at is not None and at + 1 < len(order) and order[at + 1].section_seq == s.section_seq and \
                    all(order[at + 1] is not x for _, x in chosen):
                out.append((doc, order[at + 1]))
    return out


EACH_NAMED_RE = re.compile(r"都|两个|两家|各自|分别|和|跟|与|、")
CAUSE_WITHIN = 4  # sentences after the one quoted that still speak of its item


def _cause_after(first: tuple[Document, Sentence]) -> tuple[Document, Sentence] | None:
    """The sentence giving the cause of what the quoted one names, among the next few of its item
    (up to where the next numbered item starts), in the document's order."""
    doc, head = first
    order = sentences(doc)
    at = next((i for i, x in enumerate(order) if x is head), None)
    if at is None:
        return None
    for s in order[at + 1:at + 1 + CAUSE_WITHIN]:
        if s.section_seq != head.section_seq or NEXT_ITEM_RE.match(s.text):
            return None
        if CAUSE_RE.search(s.text):
            return doc, s
    return None


def _reason_beside(first: tuple[Document, Sentence], ranked: list[tuple[float, Sentence]],
                   by_sentence: dict) -> list[tuple[Document, Sentence]]:
    """For a why-question whose best sentence states the change only: the best-ranked sentence
    of the same section that gives a reason ("…比2024年预算减少10万元，主要原因是…"), one for a
    change the same way as the one stated first (not "（一）因公出国（境）费…持平。主要原因是…" for a fall)."""
    doc, head = first
    reasons = [s for _, s in ranked if s is not head and by_sentence[id(s)] is doc
               and s.section_seq == head.section_seq and REASON_CUES.search(s.text)]
    way = change_way(head.text)
    return [(doc, next((s for s in reasons if change_way(s.text) == way), reasons[0]))] if reasons else []


def _candidate_sentences(lib: Library, q: QueryPlan, docs: list[Document]) -> list[tuple[Document, Sentence]]:
    """The sentences of the retrieved narrative windows; for a question about a few documents,
    every sentence of theirs (they are small)."""
    candidates: list[tuple[Document, Sentence]] = []
    doc_ids = {d.doc_id for d in docs}
    for hit in lib.search(q.match_text, k=8):
        c = hit.chunk
        if doc_ids and c.doc_id not in doc_ids:
            continue
        doc = lib.docs[c.doc_id]
        if c.section_seq is not None:
            window = match_key(c.text.split("\n", 1)[-1])
            candidates += [(doc, s) for s in sentences(doc)
                           if s.section_seq == c.section_seq and match_key(s.text) in window]
    if len(docs) <= 4 or not candidates:
        seen = {(d.doc_id, s.text) for d, s in candidates}
        for doc in docs:
            candidates += [(doc, s) for s in sentences(doc) if (doc.doc_id, s.text) not in seen]
    return candidates


WHICH_ITEM_RE = re.compile(r"哪(?:个|一个|一)?(?:科目|项目|项|类|款)")


AVERAGE_ASKED_RE = re.compile(r"平均|人均|均摊")
WORDING_ASKED_RE = re.compile(r"怎么写|写(?:了|的)(?:是)?(?:什么|啥|哪些)|怎么说的|说了(?:什么|啥)|内容是(?:什么|啥)")


def _headline(q: QueryPlan, asked: str, chosen: list[tuple[Document, Sentence]], code_names: set[str]):
    """The first quoted sentence's amount, or the next sentence's when it goes on about the same
    thing ("收入支出总计2140.33万元。" + "与上年相比，收入支出总计增加148.47万元"); none where one
    sentence's amount is one operand, one item or one department's, not what was asked, nor for
    a yes or no, which a quoted amount does not decide."""
    if q.computed or q.operation in ("rank", "breakdown", "yesno") or len(q.departments) > 1 or \
            WHICH_ITEM_RE.search(q.text) and not AMOUNT_ASKED_RE.search(q.text):
        return None  # ("降得最狠的是哪个科目": one sentence's amount does not name the item asked for)
    if q.operation == "change" and not set(q.years) <= {doc.year for doc, _ in chosen}:
        return None  # "卫生健康支出23年是多少？用24年…推一下": no amount of 2024's sentence is 2023's figure
    units = q.units  # as the citizen said it ("几辆"), before official words replace it
    if not units and q.operation == "count":
        # "车辆总数和…保有量分别是多少": things counted (bodies and items too), never the money beside them
        units = tuple(COUNT_UNITS | {"个", "家", "项"})
    if not units and q.operation == "change" and AMOUNT_ASKED_RE.search(q.text) and not RATE_ASKED_RE.search(q.text):
        units = tuple(YUAN_PER_UNIT)  # "比18年少了多少": the amount, not the rate beside it ("减少2.35万元，减少8.85%")
    earlier = [w for c in q.concepts for w in [c.name, *c.terms, *c.colloquial]] or q.rows
    if "concepts" in q.inherited and earlier and not any(
            match_key(w) in match_key(without_levels(CAUSE_CLAUSE_RE.sub("", s.text))) for _, s in chosen[:2]
            for w in earlier):
        # "比去年多了多少" after a total: a sentence on another item's change is not it, nor one
        # naming the item only in the reason it gives ("…离退休（项）…减少…主要原因是退休人员退休费…")
        return None
    if AVERAGE_ASKED_RE.search(q.text) and not AVERAGE_ASKED_RE.search(chosen[0][1].text):
        return None  # "平均一个项目多少钱": a sentence's total is no average
    if WORDING_ASKED_RE.search(q.text) and not has_cue("figure", q.text):
        return None  # "这个项目的绩效目标是怎么写的": the words asked, no amount of them
    head = best_amount(asked, chosen[0][1].text, units)
    if (head is None or not head.said) and len(chosen) > 1 and _follows(chosen[0], chosen[1]):
        head = best_amount(asked, chosen[1][1].text, units) or head
    if head is not None and not _of_measure_asked(q, chosen[0], head):
        return None  # "预算是多少" of a 决算: its spending is not the budget
    if head is not None and _of_other_side(q, chosen[0][1], head):
        return None  # "总收入为什么比上年减少这么多": not the 财政拨款支出's fall the best sentence states
    if head is not None and not _names_each_concept(q, chosen[0][1], head):
        return None  # "项目支出里财政拨款多少": 财政拨款收入总计 is not the 项目支出's 财政拨款
    if head is not None and not _of_code_asked(code_names, chosen[0][1], head):
        return None  # "20131…多少": the amount of a 项 under that 款 is not the 款's
    if head is not None and not head.said and q.operation == "count" and q.units and \
            _only_count(chosen[0][1].text, head.unit) and _says_all(chosen[0][1].text, q.rest):
        # "几个 / 几人": the best sentence's one number with that measure word answers it
        head = head._replace(said=True)
    if head is not None and q.operation == "change" and not has_cue("figure", q.text):
        # ("请予说明其较上年增减情况": no amount asked but the change; "花了多少，跟18年比怎么样": the level first)
        head = _change_amount(chosen[0][1].text, head)
    return head


# an amount said as a change ("比上年度减少1.17万元"), in money
CHANGED_AMOUNT_RE = re.compile(r"(?:增加|减少|增长|下降|上升|降低|节约|压减|压缩)了?(?P<printed>\d[\d,]*(?:\.\d+)?)(?P<unit>万元|亿元|元)")


def _change_amount(sentence: str, head: Amount) -> Amount:
    """A change asked ("较上年增减情况"): the amount the sentence gives as its change, where the
    amount read first is its level ("支出决算12.02万元，…比上年度减少1.17万元")."""
    m = CHANGED_AMOUNT_RE.search(sentence)
    if m is None or m.group("printed") == head.printed:
        return head
    return head._replace(printed=m.group("printed"), value=parse_amount(m.group("printed")), unit=m.group("unit"))


# a 科目 chain as the narrative prints it: "党委办公厅（室）及相关机构事务（款）一般行政管理事务（项）"
# (a bracket inside a name, the 室 of 党委办公厅（室）, is no level mark)
LEVEL_MARKED_RE = re.compile(r"((?:[^（）()]|[（(](?![类款项][）)])[^（）()]*[）)])+)[（(][类款项][）)]")


def _of_code_asked(names: set[str], sentence: Sentence, head) -> bool:
    """A 科目 asked by code (``names``: its printed names) is answered by an amount whose own 科目
    chain ends at that 科目, not one of the 项 under it the sentence goes on to name."""
    at = sentence.text.find(head.printed)
    chain = LEVEL_MARKED_RE.findall(amount_label(sentence.text, at)) if names and at >= 0 else []
    return not chain or match_key(chain[-1]).endswith(tuple(names))


WITHIN_WORD_RE = re.compile(r"里|其中|当中")


def _side(name: str) -> str:
    return "收入" if "收入" in name else "支出" if "支出" in name else ""


def _of_other_side(q: QueryPlan, sentence: Sentence, head) -> bool:
    """The amount's own words name only items of the other side than the one item asked (income
    asked, spending named): never its figure."""
    at = sentence.text.find(head.printed)
    if len(q.concepts) != 1 or not (asked := _side(q.concepts[0].name)) or at < 0:
        return False
    sides = {_side(m.concept.name) for m in lexicon().concepts_in(amount_label(sentence.text, at)) if not m.generic}
    return bool(sides) and "" not in sides and asked not in sides


def _names_each_concept(q: QueryPlan, sentence: Sentence, head) -> bool:
    """One figure asked of two concepts together, one within the other ("项目支出里财政拨款"), is
    only an amount whose clause names both."""
    if q.operation != "value" or len(q.concepts) != 2 or not WITHIN_WORD_RE.search(q.text):
        return True
    at = sentence.text.find(head.printed)
    clause = match_key(re.split(r"[，,；;。]", sentence.text[:at])[-1]) if at >= 0 else ""
    return all(any(match_key(w) in clause for w in [c.name, *c.terms, *c.colloquial]) for c in q.concepts)


OTHER_MEASURE_WORDS = {("预算数", "决算"): "预算", ("决算数", "预算"): "决算|执行"}


def _of_measure_asked(q: QueryPlan, first: tuple[Document, Sentence], head) -> bool:
    """A measure asked other than the document's own (the 预算 of a 决算, the 执行数 of a 预算) is
    answered only by an amount its sentence labels so ("全年预算12.02万元"), not the spending."""
    doc, sentence = first
    words = OTHER_MEASURE_WORDS.get((q.measure or "", doc.kind))
    if words is None:
        return True
    at = sentence.text.find(head.printed)
    return at >= 0 and bool(re.search(words, amount_label(sentence.text, at)))


def _count_named_after(sentence: str, asked: str, units: tuple[str, ...]) -> Amount | None:
    """Of several counts in one sentence, the one whose words after it (to the clause's end) say
    what the question asks and no other's do: "33个项目自评等级为“优”，6个项目…为“良”" answers
    "几个项目评了优"; a tie (the question names nothing that tells them apart) answers nothing."""
    from index.lexical import shared_words

    key = match_key(asked)
    found = []
    for m in AMOUNT_RE.finditer(sentence):
        if match_key(m.group(2)) not in {match_key(u) for u in units} or (value := parse_amount(m.group(1))) is None:
            continue
        after = match_key(re.split(r"[，,；;。]", sentence[m.end():])[0])
        words = shared_words(key, after)
        if words >= 2 and _names_counted(asked, after):  # "几个内设机构" is not told by "养老服务机构"
            found.append((words, len(set(key) & set(after)), m.group(1), value, m.group(2)))
    found.sort(reverse=True)
    if len(found) < 2 or found[0][:2] == found[1][:2]:
        return None  # (one count alone is the best sentence's to give, when it says all asked)
    words, _, printed, value, unit = found[0]
    return Amount(printed, value, unit, words, True)


def _count_beside_noun(sentence: str, asked: str, units: tuple[str, ...]) -> Amount | None:
    """The one count a sentence prints touching the noun the question counts: before it
    ("事业单位4家", "事业单位有4家") or after it ("4家事业单位"); "1家参公事业单位" counts something
    narrower. None where no count, or counts of different values, touch it."""
    noun = _counted_noun(asked)
    if len(noun) < 2:
        return None
    found, counted_in = set(), {match_key(u) for u in units}
    for m in AMOUNT_RE.finditer(sentence):
        if match_key(m.group(2)) not in counted_in or (value := parse_amount(m.group(1))) is None:
            continue
        if re.search(re.escape(noun) + r"(?:共有|共计|共|有|为)?$", match_key(sentence[:m.start()])) or \
                match_key(sentence[m.end():]).startswith(noun):
            found.add((m.group(1), value, m.group(2)))
    if len(found) != 1:
        return None
    printed, value, unit = found.pop()
    return Amount(printed, value, unit, 1, True)


def _counted_noun(question: str) -> str:
    """The first word of what the question counts, named right after its "几个" ("有几家事业单位": 事业单位)."""
    from index.lexical import words

    m = COUNTED_NOUN_RE.search(match_key(question))
    return next(iter(words(m.group(1))), "") if m else ""


# (past a bound said of what is counted: "多少个80岁以上老人" counts 老人)
COUNTED_NOUN_RE = re.compile(r"(?:(?<![好十])几|多少)(?:个|名|人|辆|台|套|次|批|家|项|处)(?:\d+[\u4e00-\u9fff]{0,2}?(?:以上|以下|以内)的?)?([\u4e00-\u9fff]+)")


FUND_NAMED_RE = re.compile(r"政府性基金|一般公共预算|国有资本经营|社会保险基金")  # a fund the figure must be of


def _of_what_asked(q: QueryPlan, sentence: str, head: Amount) -> bool:
    """The figure a sentence gives is of what was asked: a count of the thing counted ("2个区域养老
    服务综合体" is no answer to "多少个80岁以上老人"), of the fund named ("政府性基金的…下降了百分之几"
    is not the 财政拨款支出总计's rate), and a rate or change of a concept the sentence names."""
    if q.operation == "count" and head.said and not _counts_what_asked(q, sentence, head):
        return False
    if (funds := set(FUND_NAMED_RE.findall(q.text))) and not all(f in sentence for f in funds):
        return False
    if whole_unnamed(q.match_text, sentence):
        return False  # "政府采购预算里，公车加油的钱": not a 三公 sentence's 运行维护费
    if lexicon().contradicts(match_key(q.rest or q.text), match_key(_clause_around(sentence, head))):
        return False  # "面向中小企业预留": not the contracts "授予中小企业" the sentence gives
    if (stage := stage_said(q.text)) and stage not in _clause_around(sentence, head):
        return False  # "全年预算是多少": not the outturn the sentence gives, nor its 年初预算
    if q.operation in ("describe", "value") and _told_in_question(q, head):
        return False  # "年初预算了100万，最后花了没有": the amount the asker gave is not the answer
    if q.operation == "change" and AMOUNT_ASKED_RE.search(q.text) and against_way_asked(q.text, re.split(r"[，,；;。]", sentence[:sentence.find(head.printed)])[-1]):
        return False  # "比上年多了多少": not the "比上年度减少1.17万元" the sentence states
    if head.unit == "%" and re.search(rf"占[^，,。；;]*?{re.escape(head.printed)}%", sentence) and not has_cue("share", q.text):
        return False  # "三公经费要是再压10%…": not "公务接待费…占“三公”经费的65.60%", a share nobody asked
    if q.intent != "reason" and _of_another_part(q, sentence, head):
        return False  # "中小企业的采购合同里，服务类的": not the 政府采购 clause's 授予中小企业 figure
    return not (q.concepts and (q.operation == "change" or head.unit == "%") and not any(
        match_key(w) in match_key(sentence) for c in q.concepts for w in c.words()))


def _of_another_part(q: QueryPlan, sentence: str, head: Amount) -> bool:
    """The figure's clause names the whole of a part asked, or another of its parts, and not that
    part: a share of 服务类 ("服务类政府采购支出预算1,011.90万元,占79.60%") or a figure said under
    the whole is no figure of the part asked (nor a part's share of the whole asked)."""
    at = sentence.find(f"{head.printed}{head.unit}")
    if at < 0:
        return False
    said = re.split(r"[；;。]", sentence[:at])[-1]
    said = said[:said.rfind("占")] if head.unit == "%" and "占" in said else said
    named = {m.concept.name for m in lexicon().concepts_in(said) if not m.generic}
    asked = {c.name for c in q.concepts if not c.generic}
    for name in named - asked:
        concept = lexicon().named(name)
        if any(concept.contains(a) for a in asked) and not named & asked and head.unit != "%":
            return True  # the whole's clause, the part asked unsaid
        if any(lexicon().named(a).contains(name) for a in asked):
            return True  # a part's figure or share, the whole asked
    return False


def _told_in_question(q: QueryPlan, head: Amount) -> bool:
    """The amount quoted is one the question itself gives in figures, pointed back at or not ("那
    100万预算为什么一分没花": unlike qa.claims, which reads a figure pointed back at as no claim)."""
    if head.unit not in YUAN_PER_UNIT or head.value is None:
        return False
    said = head.value * YUAN_PER_UNIT[head.unit]
    return any(abs(told - said) < 0.5 for _, told, _ in given_amounts(q.typed or q.text))


GIVEN_AMOUNT_RE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(亿元|万元|元|亿|万)(?![里\d])")


def given_amounts(text: str) -> list[tuple[re.Match, float, float]]:
    """The amounts a text writes in figures ("162.9万"): each with its value in yuan and the yuan
    of the unit it is said in."""
    found = []
    for m in GIVEN_AMOUNT_RE.finditer(text):
        per = YUAN_PER_UNIT[m.group(2).rstrip("元") + "元"]
        found.append((m, float(m.group(1)) * per, per))
    return found


def _counts_what_asked(q: QueryPlan, sentence: str, head: Amount) -> bool:
    """The count quoted is of what the question counts: the words right after it say it."""
    clause = _clause_around(sentence, head)
    return not clause or _names_counted(q.rest or q.text, match_key(clause))


def _clause_around(sentence: str, head: Amount) -> str:
    """The words of the clause a figure sits in, which say what it is of ("涉及二级项目39个" names
    what it counts before the number); "" where the figure is not printed as read."""
    at = sentence.find(f"{head.printed}{head.unit}")
    if at < 0:
        return ""
    before = re.split(r"[，,；;。：:]", sentence[:at])[-1]
    after = re.split(r"[，,；;。]", sentence[at + len(head.printed) + len(head.unit):])[0]
    return before + after


def _names_counted(question: str, after: str) -> bool:
    """The words after a count say what the question counts, when it names it right after its
    "几个" ("有几个内设机构": 内设…, which "1个公办养老服务机构" does not say)."""
    counted = _counted_noun(question)  # its first word: "项目" of "项目评了优"
    return len(counted) < 2 or counted in after


def _says_all(sentence: str, question_rest: str) -> bool:
    """The sentence holds every word the question names (two characters or more, beyond asking
    and filler words): "评成优的项目" is not answered by a sentence counting all projects."""
    from index.lexical import words
    from qa.lookup import FILLER_WORDS
    from qa.narrative import ASKING_WORDS

    key = match_key(sentence)
    # (and a one-character quality word: "几个项目是差" is not all the projects)
    return all(w in key for w in words(match_key(question_rest)) if len(w) >= 2
               and w not in FILLER_WORDS and w not in ASKING_WORDS and w[0] not in "几多") and \
        all(w in key for w in _quality_words(question_rest))


def _quality_words(text: str) -> list[str]:
    """One-character adjectives that qualify what is counted (优, 良, 中, 差), not grammar."""
    import jieba.posseg

    from qa.spelling import FUNCTION_CHARS

    return [w.word for w in jieba.posseg.cut(match_key(text))
            if len(w.word) == 1 and w.flag == "a" and w.word not in FUNCTION_CHARS]


def _only_count(sentence: str, unit: str) -> bool:
    """The sentence gives one number in this measure word (not "3个项目…其中2个…")."""
    return sum(1 for m in AMOUNT_RE.finditer(sentence) if match_key(m.group(2)) == match_key(unit)) == 1


def _follows(first: tuple[Document, Sentence], second: tuple[Document, Sentence]) -> bool:
    """The second sentence comes right after the first in the same section of one document."""
    (doc, a), (other, b) = first, second
    if doc.doc_id != other.doc_id or a.section_seq != b.section_seq:
        return False
    order = sentences(doc)
    return any(x is a and order[i + 1] is b for i, x in enumerate(order[:-1]))


def phrase(lib: Library, q: QueryPlan, passages: list[str]) -> str | None:
    """The optional LLM's wording of the quoted passages, only if every number checks out."""
    if lib.llm is None:
        return None
    text = checked(lib.llm.phrase(q.text, passages), allowed_from(passages))
    return None if not text or is_no_answer(text) else text


MAX_SECTION_CHARS = 2400  # a duties section can run on for pages: quoted up to about two screens
# a question about the department itself, by its cue, and the heading of the section that answers it
SECTION_ASKED = {"duties": "duty_heading", "bodies": "body_heading"}


# whether a body named is one of the department's units ("阳泉市养老院是不是…二级预算单位")
MEMBER_ASKED_RE = re.compile(r"(?:是不是|是否|算不算|属不属于|属于)[^，,。？?]{0,16}?(?:二级|下属|所属)(?:预算)?单位")


def own_section_answer(lib: Library, q: QueryPlan, docs: list[Document]) -> Answer | None:
    """What the department does ("是干啥的") or which bodies it is made of ("下面都有哪些单位"):
    the section the templates give it (职能; 机构设置 / 单位构成) of the first document that has
    one, quoted from the start, about a screen of it, each sentence cited; whether a body named is
    among them, where that is asked."""
    member_asked = bool(q.unknown_orgs and MEMBER_ASKED_RE.search(q.text))
    heading = "body_heading" if member_asked else next(
        (h for cue, h in SECTION_ASKED.items() if has_cue(cue, match_key(q.text))
         and (cue == "bodies" or not q.names_something)), None)  # (a 科室 asked of is one of the bodies;
    if heading is None:                                                      # "三公经费是干什么的" no duty)
        return None
    for doc in docs:
        section = [s for s in sentences(doc) if has_cue(heading, match_key(s.heading.split(" > ")[-1]))]
        chosen, length = [], 0
        for s in section:
            if s.section_seq != section[0].section_seq or length + len(s.text) > MAX_SECTION_CHARS and chosen:
                break
            chosen.append(s)
            length += len(s.text)
        if not chosen:
            continue
        quotes = "；".join(f"“{s.text.rstrip('。；;')}”" for s in chosen)
        text = f"据{doc.department}{doc.year}年{doc.kind}公开文件「{chosen[0].heading.split(' > ')[-1]}」：{quotes}。"
        member = _named_among(q.unknown_orgs[0], chosen) if member_asked else None
        if member is not None:
            text = f"{'是' if member else '不是'}，文件列出的单位中{'有' if member else '没有'}“{q.unknown_orgs[0]}”。{text}"
        answer = finish(q, text, [], [sentence_citation(doc, s) for s in chosen], [],
                        allowed_from([s.text for s in chosen]), RETRIEVAL)
        answer.verdict = None if member is None else "yes" if member else "no"
        return answer
    return None


def _named_among(body: str, chosen: list) -> bool:
    """Whether the sentences name the body: its name, or the name less a place said before it (two
    or three characters: "阳泉民政事务中心" of 阳泉市民政事务中心)."""
    name, said = match_key(body), match_key("".join(s.text for s in chosen))
    return any(key in said for key in [name] + [name[cut:] for cut in (2, 3) if len(name) - cut >= 3])


# how many units the document covers ("决算一共包括几个单位", "把几个单位算进去了"), the units listed
# where no sentence counts them; the department's own office set aside where the units under it are
# asked ("下面还有几家", "除了本级")
# (or the list asked, then counted: "单位有哪些？一共几家")
UNITS_COUNTED_RE = re.compile(r"(?:几|多少)(?:个|家)[^，,。？?]{0,4}单位|单位[^，,。？?]{0,4}(?:几|多少)(?:个|家)|"
                              r"单位[^。]{0,12}?(?:一共|总共|共计|共)(?:有)?(?:几|多少)(?:个|家)")
UNDER_ASKED_RE = re.compile(r"下属|下面|底下|二级|除了|除去|不算")
# the sentence that lists them ("纳入…编制范围的(预算)单位包括：" then the list, in that sentence or the
# next; not "直属单位包括", the bodies under it whatever budget they are in)
UNITS_LISTED_RE = re.compile(r"(?:编制范围的|预算|决算)单位(?:包括|包含)[:：]?")
OWN_OFFICE_RE = re.compile(r"本级|本部")


# "部门预算是包括万里街道本部以及下属5家预算单位的综合收支计划": the own office and the units under it
UNIT_KIND_RE = re.compile(r"事业单位|行政单位|参公单位|参照公务员")
LIST_ITEM_RE = re.compile(r"\s*\d{1,2}[.、．](?!\d)")
OWN_AND_UNDER_RE = re.compile(r"包括(?P<own>[^，,。；;]{2,30}?(?:本部|本级))(?:以及|和|及)(?:下属|所属)"
                              r"(?P<n>\d+|[一二三四五六七八九十]+)(?P<measure>家|个)(?P<kind>[^，,。；;的]{0,8}?单位)")


def units_with_own_office(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """All the units a document covers, asked with its own office in ("连本部在内一共包括几家单位",
    "部门预算包括几个单位"), where its sentence counts only those under it ("包括…本部以及下属5家预算
    单位"): that count and one, the sum shown; None where the units under it are asked, or no
    sentence says it so."""
    if not UNITS_COUNTED_RE.search(q.text) or UNDER_ASKED_RE.search(q.text) or UNIT_KIND_RE.search(q.text):
        return None  # (nor one kind of unit asked: "事业单位有几家")
    for doc in docs:
        for s in sentences(doc):
            if (m := OWN_AND_UNDER_RE.search(s.text)) is None:
                continue
            under = int(m.group("n")) if m.group("n").isdigit() else chinese_number(m.group("n"))
            if not under:
                continue
            formula = f"1 + {under} = {under + 1}"
            # (the units the section then lists one by one, "1.…本部。2.下属事业单位…", named with it)
            listed = [t for t in sentences(doc) if t.section_seq == s.section_seq and LIST_ITEM_RE.match(t.text)]
            text = (f"{doc.department}{doc.year}年{doc.kind}包括{m.group('own')}和下属{under}{m.group('measure')}{m.group('kind')}，"
                    f"共{under + 1}{m.group('measure')}（{formula}）：“{s.text.rstrip('。；;')}”。"
                    + (f"所列：{''.join(t.text for t in listed)}" if listed else ""))
            figure = Figure(str(under + 1), m.group("measure"), None, "本部（本级）及下属单位数", doc.department, doc.year,
                            derived=True, formula=formula)
            return finish(q, text, [figure], [sentence_citation(doc, t) for t in [s, *listed]], [],
                          allowed_from([t.text for t in [s, *listed]]) | {1.0, float(under), float(under + 1)}, LOOKUP)
    return None


def bodies_listed(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """How many units the document covers, counted off the list its 单位构成 section prints
    (社工部 2024: "1 中共…社会工作部（本级） 2 上海市普陀区社会工作发展服务中心"), each named; None
    where no section lists them (a sentence counting them is the stated route's)."""
    if not UNITS_COUNTED_RE.search(q.text):
        return None
    for doc in docs:
        said = [s for s in sentences(doc) if has_cue("body_heading", match_key(s.heading.split(" > ")[-1]))]
        for k, s in enumerate(said):
            lead = UNITS_LISTED_RE.search(s.text)
            if lead is None:
                continue
            listed = s.text[lead.end():] or (said[k + 1].text if k + 1 < len(said) else "")
            units = _units_in(listed, doc.department)
            if UNDER_ASKED_RE.search(q.text):
                units = [u for u in units if not OWN_OFFICE_RE.search(u)]
            if len(units) < 1:
                continue
            used = [s] if s.text[lead.end():] else said[k:k + 2]
            text = (f"{doc.department}{doc.year}年{doc.kind}公开文件「{s.heading.split(' > ')[-1]}」列出的单位共{len(units)}个"
                    f"（按所列逐个数出）：{'；'.join(f'{i}. {u}' for i, u in enumerate(units, 1))}。")
            figure = Figure(str(len(units)), "个", None, "所列单位数", doc.department, doc.year, derived=True)
            return finish(q, text, [figure], [sentence_citation(doc, u) for u in used], [],
                          allowed_from([u.text for u in used]) | {float(i) for i in range(1, len(units) + 1)} | {float(doc.year)}, LOOKUP)
    return None


def _units_in(listed: str, department: str) -> list[str]:
    """The units a list names: numbered ("1中共…（本级）2上海…中心", the numbers in order; a page
    title run on after the last cut at the department's name) or separated by 、."""
    listed = re.sub(r"^(?:序号)?(?:单位名称)?(?:备注)?", "", listed.strip())
    starts, at = [], 0
    while (m := re.compile(rf"(?<!\d){len(starts) + 1}\s*(?=[\u4e00-\u9fff])").search(listed, at)) is not None:
        starts.append(m)
        at = m.end()
    if len(starts) >= 2 and starts[0].start() == 0:
        units = [listed[a.end():b.start()] for a, b in zip(starts, starts[1:])] + [listed[starts[-1].end():]]
        last = units[-1]
        units[-1] = last[:last.find(department, 1)] if last.find(department, 1) > 0 else last
    else:
        units = re.split(r"[、；;]", listed.split("。")[0])
    units = [u.strip(" ，,。") for u in units]
    return [u for u in units if len(u) >= 2]


# the unit of the document's tables asked ("那些表是按万元算的吗", "表里的单位是什么")
# (a body called 单位 is no unit: "项目的实施单位是什么", "预算单位是什么")
TABLE_UNIT_ASKED_RE = re.compile(r"(?:按|以|用)(亿元|万元|元)(?:算|计|计算|为单位)|"
                                 r"(?<!实施)(?<!主管)(?<!承担)(?<!填报)(?<!所属)(?<!下属)(?<!预算)(?<!编制)(?<!执行)单位是(亿元|万元|元|什么|啥)|"
                                 r"(?:什么|啥)单位|金额单位(?:是|为|都是)?(?:(亿元|万元|元)(?![还或]))?")  # (not a choice: "是元还是万元")


def table_units_answer(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """The units the document's tables print their amounts in, each cited on a table printing it;
    where the question names a unit, whether all the tables use it. No figure: a unit is not an amount."""
    m = TABLE_UNIT_ASKED_RE.search(q.text)
    # (the tables pointed at, "那几张表", count nothing)
    if m is None or has_cue("figure", re.sub(r"[那这](?:几|些)张?", "", q.text.replace(m.group(0), ""))):
        return None
    by_unit: dict[str, list[tuple[Document, int]]] = {}
    for doc in docs:
        for ti, table in enumerate(doc.tables):
            if table.category == "standard" and table.unit and table.rows:
                by_unit.setdefault(table.unit, []).append((doc, ti))
    if not by_unit:
        return None
    doc = docs[0]
    listing = "；".join(f"{unit}：{len(found)}张表（如《{found[0][0].tables[found[0][1]].title}》）" for unit, found in by_unit.items())
    said = m.group(1) or m.group(2) or m.group(3)
    lead = ""
    if said in ("亿元", "万元", "元"):
        lead = "是。" if set(by_unit) == {said} else "不是。"
    text = f"{lead}{doc.department}{doc.year}年{doc.kind}公开表格的金额单位——{listing}。"
    citations = [citation(Located(d, ti, 0, 0, d.tables[ti].title)) for found in by_unit.values() for d, ti in found[:1]]
    answer = Answer(q.text, text, ANSWERED, LOOKUP, citations=citations)
    if lead:
        answer.verdict = "yes" if lead == "是。" else "no"
    return answer


# a table asked by its code or place ("公开08表是什么表", "第8张表是什么表，都有哪几列")
TABLE_ASKED_RE = re.compile(r"公开\s*0?(?P<code>\d{1,2})\s*表|公开表\s*(?P<chinese>[一二三四五六七八九十]+)|"
                            r"第\s*(?P<place>[一二三四五六七八九十]+|\d{1,2})\s*张表")
WHAT_TABLE_RE = re.compile(r"是(?:一张)?(?:什么|啥|哪张|哪个)表|叫什么|有哪(?:几|些)(?:列|栏)|什么内容")
COLUMNS_ASKED_RE = re.compile(r"哪(?:几|些)(?:列|栏)|几列")
# a table's columns asked of a table named by its words ("支出决算表有几栏数字", "三公那张表分了哪几列",
# "收入表的列都叫什么"): how many, or what they are called
COLUMNS_OF_TABLE_RE = re.compile(r"(?<![那这])(?:几|多少)(?:个)?(?:栏|列)|(?:哪几|哪些|什么)(?:个)?(?:栏|列)|(?:栏|列)(?:都|分别)?(?:叫|是)(?:什么|啥)|"
                                 r"分(?:成|了)?(?:哪几|几)(?:栏|列)")


def table_asked_answer(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """The table a question names by its printed code ("公开08表", "公开表八") or its place in
    the document ("第8张表"): its title and page, and its columns where they are asked, the
    table cited. No figure: a table's name is not an amount."""
    m = TABLE_ASKED_RE.search(q.text)
    if m is None or not WHAT_TABLE_RE.search(q.text, m.end()):
        return None
    for doc in docs:
        if (found := table_said(doc, m)) is None:
            continue
        index, table = found
        text = (f"{doc.department}{doc.year}年{doc.kind}公开文件中的{m.group(0)}是《{table.title}》"
                f"{f'（{table.code}）' if table.code and table.code != m.group(0) else ''}"
                f"{f'，在第{table.page_start}页' if table.page_start else ''}")
        if COLUMNS_ASKED_RE.search(q.text):
            text += f"，金额栏目有：{'、'.join(table.columns)}" + (f"（单位：{table.unit}）" if table.unit else "")
        return Answer(q.text, text + "。", ANSWERED, LOOKUP, citations=[table_citation(doc, index)])
    return None


def table_columns_answer(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """How many figure columns a table the question names has, and what they are called, in
    order (a heading over several, "决算数", narrows them to its own where the question says it);
    the table cited. The count heads where it is asked; names alone are no figure."""
    m = COLUMNS_OF_TABLE_RE.search(q.text)
    if m is None or TABLE_ASKED_RE.search(q.text) or ROW_ASKED_RE.search(q.text) or COLUMN_AT_PLACE_RE.search(q.text):
        return None  # (a column pointed at by its number, "第3栏", is a cell: qa/routes/position.py)
    for doc in docs:
        if (index := _table_named(doc, q.text)) is None or not (table := doc.tables[index]).columns:
            continue
        key = match_key(q.text)
        heads = {part for path in table.columns for part in path.split("/")[:-1] if len(path.split("/")) > 1}
        said = [h for h in heads if match_key(h) in key and not match_key(h) in match_key(table.title)]
        columns = [c for c in table.columns if not said or any(h in c.split("/") for h in said)]
        word = "栏" if "栏" in m.group(0) else "列"
        if LAST_COLUMN_RE.search(q.text):
            return _last_column(q, doc, index)
        names = "、".join(_column_name(c, said) for c in columns)
        text = (f"{doc.department}{doc.year}年{doc.kind}公开文件的《{table.title}》"
                f"{'“' + '”“'.join(said) + '”下' if said else ''}有{len(columns)}{word}数字：{names}。")
        cited = table_citation(doc, index, quote=names)
        counted = re.search(r"(?<!哪)几|多少", m.group(0)) is not None
        figures = [Figure(str(len(columns)), word, None, f"《{table.title}》的{word}数", doc.department, doc.year)] if counted else []
        return Answer(q.text, text, ANSWERED, LOOKUP, figures=figures, citations=[cited])
    return None


def _column_name(path: str, said: list[str]) -> str:
    """A column as a reader names it: its deepest heading that names something, with what only
    qualifies it after ("公务用车购置及运行维护费（小计）", "因公出国（境）费（决算数）"), without the
    heading the question already said."""
    parts = [p for p in path.split("/") if p not in said] or [path]
    qualifying = [p for p in parts if p in ("小计", "合计") or schema().measure_named(p)]
    named = [p for p in parts if p not in qualifying] or [qualifying.pop()]
    return named[-1] + "".join(f"（{p}）" for p in reversed(qualifying))


def _table_named(doc: Document, question: str) -> int | None:
    """The table a question names, by its title or code, else by a short form of its title."""
    index = named_table(doc, question)
    return _table_said_short(doc, question) if index is None else index


def _table_said_short(doc: Document, question: str) -> int | None:
    """A table said by a short form of its title ("收入表", "三公那张表"): its type's short name, else
    the shortest title holding the words before 表."""
    for said in table_words(question):
        for start in range(len(said) - 1):  # ("年收入表": the longest end of the words that names one)
            words = said[start:]
            kind = schema().short_named(words + "表")
            found = [i for i, t in enumerate(doc.tables) if t.category == "standard" and
                     (kind and t.type == kind or words in match_key(t.title))]
            if found:
                return min(found, key=lambda i: (not (kind and doc.tables[i].type == kind), len(doc.tables[i].title), i))
    return None


COLUMN_AT_PLACE_RE = re.compile(r"第\s*[一二三四五六七八九十\d]+\s*(?:栏|列)")
LAST_COLUMN_RE = re.compile(r"最右(?:边|侧|面)?|最后一(?:栏|列)")


def _last_column(q: QueryPlan, doc: Document, index: int) -> Answer | None:
    """The rightmost column of a table named: its name, and its figure where the table prints one
    row of figures (the 三公 table), that cell cited; else its name only."""
    table = doc.tables[index]
    name = _column_name(table.columns[-1], [])
    printing = [ri for ri, row in enumerate(table.rows) if any((v or "").strip() for v in row.values)]
    cited = table_citation(doc, index)
    text = f"{doc.department}{doc.year}年{doc.kind}公开文件的《{table.title}》最右边一栏是“{name}”"
    if len(printing) != 1 or not (cell := Located(doc, index, printing[0], len(table.columns) - 1, name)).printed:
        return Answer(q.text, text + "。", ANSWERED, LOOKUP, citations=[cited])
    figure = Figure(cell.printed, cell.unit, yuan(cell.value, cell.unit), name, doc.department, doc.year)
    return Answer(q.text, f"{text}，填的是{cell.printed}{cell.unit}。", ANSWERED, LOOKUP, figures=[figure],
                  citations=[citation(cell)])
# the total row pointed at with the columns ("合计那一行分成哪几栏"): its figures by column, a breakdown
ROW_ASKED_RE = re.compile(r"(?:合计|总计)(?:那一?|这一?)?行")


# how many tables a disclosure prints ("一共有几张表", "公开报表有多少张")
TABLES_COUNTED_RE = re.compile(r"(?:一共|总共|共)?(?:有)?(?<![哪第那这])(?:几|多少)张(?:预算|决算|公开|统计)?(?:表|报表)|(?:表|报表|表格)(?:一共|总共|共)?(?:有)?(?:几|多少)张")


def tables_counted_answer(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """How many tables the department's disclosure of the year prints (over its files), each
    listed by its code and title and cited, so the count can be checked table by table."""
    if not TABLES_COUNTED_RE.search(q.text) or len(q.departments) != 1 or len({d.year for d in docs}) != 1:
        return None
    tables = [(d, i, t) for d in docs for i, t in enumerate(d.tables) if t.category not in FORM_CATEGORIES]
    if not tables:
        return None
    doc = docs[0]
    listing = "；".join(f"{t.code}《{t.title}》" for _, _, t in tables)
    cited = [table_citation(d, i) for d, i, _ in tables]
    figure = Figure(str(len(tables)), "张", None, "公开表格数", doc.department, doc.year)
    return Answer(q.text, f"{doc.department}{doc.year}年{doc.kind}公开文件共有{len(tables)}张表：{listing}。", ANSWERED, LOOKUP,
                  figures=[figure], citations=cited)


# which tables print no figure ("哪张表是空的？为啥空", "哪几张表是空表")
EMPTY_TABLES_ASKED_RE = re.compile(r"(?:哪|几|有没有|是否有)(?:一|几|些)?(?:张|个)?表.{0,6}(?:空|没有?数|无数据)|(?:哪|几)(?:几|些)?张?(?:是|为)?空表|空表有哪|"
                                   r"表(?:里|中|当中)[，,]?(?:哪|有哪)(?:几张|些|几个|张)?(?:是|为)?空")  # "公开的表里，哪张是空表"
# a note's template wording before the department's own ("…并在本表下方作下述说明： 说明：本部门…")
NOTE_SAID_RE = re.compile(r"说明[:：]\s*(?!$)")


def empty_tables_answer(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """The tables of each document asked about that print no figure other than 0, each with the
    note printed under it (why it is empty), each cited; one whose note calls it empty though it
    prints figures is said so. No figure: the answer is which tables."""
    if not EMPTY_TABLES_ASKED_RE.search(q.text) or not docs:
        return None
    lines, cited = [], []
    for doc in docs:
        for index, table in enumerate(doc.tables):
            if table.category != "standard":
                continue
            printed = [v for r in table.rows for v in (parse_amount(x) for x in r.values) if v]
            if printed and not table.says_empty:
                continue
            note = NOTE_SAID_RE.split(table.note)[-1].strip()
            said = f"表下注明：“{note}”" if note else "表下没有说明"
            if printed:
                said = f"表下注明为空表（“{note}”），但表中印有数字，请以原件核对"
            lines.append(f"《{table.title}》{f'（{table.code}）' if table.code else ''}"
                         f"{f'第{table.page_start}页' if table.page_start else ''}，{said}")
            total = next((r for r in table.rows if is_total(r.label)), None)  # (its blank total row, where it has one)
            cited.append(table_citation(doc, index, row=total.label if total else ""))
    if not cited:
        return Answer(q.text, f"{docs[0].department}{docs[0].year}年{docs[0].kind}公开文件中没有空表：每张表都印有数字。",
                      ANSWERED, LOOKUP)
    head = f"{docs[0].department}{docs[0].year}年{docs[0].kind}公开文件中没有数字的表有{len(cited)}张："
    return Answer(q.text, head + "；".join(lines) + "。", ANSWERED, LOOKUP, citations=cited)


# whether one table named is empty ("公开08表是不是空表", "那张三公经费表是空表吗", "收入表是空的吗")
# (asked: "那张表是空的，说明里又写了多少" tells it and asks another thing; of the table, not of a
# cell in it: "公务用车购置费一栏是空的吗")
# (or asked in a clause of its own after the table is named: "那张国有资本经营预算的表，是空表吗",
# "有没有政府性基金的表？是不是空表")
TABLE_EMPTY_ASKED_RE = re.compile(r"表[^,，。？?栏格项行列]{0,8}?(?:(?:是不是|是否为?)(?:一张)?(?:空表|空的|空着)|(?:空表|空的|空着|为空)(?:吗|么|没|不))"
                                  r"|(?:^|[，,？?])\s*(?:那|这)?(?:它)?(?:是不是|是否为?|是)(?:一张)?空表")


def table_empty_answer(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """Whether the one table the question names prints no figure but 0: yes or no, its note
    quoted, the table cited; no, with the first figure it prints, that cell cited (a note calling
    it empty while it prints figures is said so)."""
    if not TABLE_EMPTY_ASKED_RE.search(asking_part(q.text, CLAUSE_END_RE)) or EMPTY_TABLES_ASKED_RE.search(q.text):
        return None
    if (named := _named_table_and_note(docs, q.text)) is None:
        return None
    doc, index, note = named
    table = doc.tables[index]
    said = f"表下注明：“{note}”" if note else "表下没有印注释"
    first = next((Located(doc, index, ri, ci, "") for ri, r in enumerate(table.rows)
                  for ci, x in enumerate(r.values) if parse_amount(x)), None)
    total = next((r for r in table.rows if is_total(r.label)), None)
    cited = [table_citation(doc, index, row=total.label if total else "", quote=note)]
    figures = []
    if first is not None:
        name = row_name(first.row.label) or first.column_path
        said = f"表中印有数字：“{name}”{first.printed}{first.unit}" + (
            f"，虽然表下注明：“{note}”，请以原件核对" if table.says_empty else "")
        figures = [Figure(first.printed, first.unit, yuan(first.value, first.unit), name, doc.department, doc.year)]
        cited = [citation(first)]
    answer = Answer(q.text, f"{'不是' if first else '是'}。{doc.department}{doc.year}年{doc.kind}公开文件的《{table.title}》"
                    f"{'' if first else '是空表，表中没有数字；'}{said}。", ANSWERED, LOOKUP, figures=figures, citations=cited)
    answer.verdict = "no" if first else "yes"
    return answer


def _named_table_and_note(docs: list[Document], question: str) -> tuple[Document, int, str] | None:
    """The first document holding a table the question names, that table, and the note printed
    under it (the template's wording before the department's own left out)."""
    for doc in docs:
        if (index := _table_named(doc, question)) is not None:
            table = doc.tables[index]
            return doc, index, NOTE_SAID_RE.split(table.note)[-1].strip().rstrip("。") if table.note else ""
    return None


# the note under a table asked ("表下面注明了什么", "底下有一行注，写的是什么", "表底下是怎么说明的"),
# or why a table named prints nothing ("那张表一个数都没有，是漏填了还是怎么回事")
NOTE_ASKED_RE = re.compile(r"(?:注明|注释|备注)[^，,。？?]{0,6}(?:什么|啥|哪些)|(?:一行|一句)注[^。？?]{0,8}(?:什么|啥)|"
                           r"(?:底下|下面|下方)[^，,。？?]{0,6}(?:怎么说|写(?:了|的)?(?:是)?(?:什么|啥)|说明了?(?:什么|啥))|"
                           r"(?:一个数都没有|是空的|为空|空着|没有数)[^。？?]{0,12}(?:为什么|为啥|怎么回事|漏填|原因|"
                           r"(?:怎么|如何|是怎么|是如何)(?:说明|解释|说)的?)|"
                           r"(?:为什么|为啥|怎么)(?:是|会)?(?:空的|空表|没有数|一个数都没有)")


def table_note_answer(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """The note printed under a table the question names, quoted as printed, the table cited
    (a note calling a table empty that prints figures is said so). No figure, a note being words,
    unless how much is asked of a table of money that prints none: 0."""
    if not NOTE_ASKED_RE.search(q.text) or TABLE_ASKED_RE.search(q.text):
        return None
    if (named := _named_table_and_note(docs, q.text)) is None:
        return None
    doc, index, note = named
    table = doc.tables[index]
    printed = any(v for r in table.rows for v in (parse_amount(x) for x in r.values))
    said = f"表下注明：“{note}”" if note else "表下没有印注释"
    if note and printed and table.says_empty:
        said += "。但表中印有数字，请以原件核对"
    cited = [table_citation(doc, index, quote=note)]
    if not printed and (told := _fund_absent(table, docs)) is not None:
        said += f"；文件说明写道：“{told[1].text.rstrip('。')}”"  # (why it is empty, said in the narrative)
        cited.append(sentence_citation(*told))
    # ("…怎么是空的？到底是多少？": an empty table in money prints nothing spent: 0, in its unit)
    figures = [Figure("0", table.unit, 0.0, f"《{table.title}》（空表）", doc.department, doc.year)] \
        if not printed and table.unit in YUAN_PER_UNIT and HOW_MUCH_RE.search(NOTE_ASKED_RE.sub("", q.text)) else []
    if figures:
        said += f"，表中没有数字，即为0{table.unit}"
    return Answer(q.text, f"{doc.department}{doc.year}年{doc.kind}公开文件的《{table.title}》{said}。", ANSWERED, LOOKUP,
                  figures=figures, citations=cited)


def _fund_absent(table: Table, docs: list[Document]) -> tuple[Document, object] | None:
    """The sentence of the disclosure's files saying the department has none of the fund an empty
    table is of ("本部门无政府性基金预算" for the 政府性基金 table)."""
    funds = [f for f in schema().fund_words if f in match_key(table.title)]
    words = [w for f in funds for w in (f + "预算", f)]
    return next(((d, said) for d in docs if words and (said := absence_statement(d, words)) is not None), None)


def table_said(doc: Document, m: re.Match) -> tuple[int, Table] | None:
    """The table a match of TABLE_ASKED_RE (or a pattern extending it with a ``bare`` "表三")
    names in the document: by its printed code, else by its place among the tables ("第三张表";
    "表三" where no table prints a code)."""
    tables = numbered_tables(doc)
    bare = m.groupdict().get("bare")
    number = chinese_number(m.group("code") or m.group("chinese") or m.group("place") or bare)
    by_code = next(((i, t) for i, t in tables if table_number(t.code) == number), None)
    if m.group("place") or (bare and by_code is None and not any(t.code for _, t in tables)):
        return tables[number - 1] if number and 0 < number <= len(tables) else None
    return by_code


def numbered_tables(doc: Document) -> list[tuple[int, Table]]:
    """The document's tables as a reader numbers them: the project forms of its annex are not counted."""
    return [(i, t) for i, t in enumerate(doc.tables) if t.category not in FORM_CATEGORIES]


def table_number(code: str) -> int | None:
    """The number of a printed table code: 公开08表 → 8, 公开表八 / 表八 → 8."""
    if m := re.search(r"\d{1,2}", code):
        return int(m.group(0))
    m = re.search(r"[一二三四五六七八九十]+", code)
    return chinese_number(m.group(0)) if m else None


# the words asking what a term means, with what goes with them ("这到底指什么钱", "是什么意思")
MEANING_ASKED_RE = re.compile(r"(?:这个词|这|它)?(?:到底|究竟)?是?(?:指什么|什么意思|啥意思|指的是什么|含义是什么|的含义|怎么理解|怎么定义|(?:具体|主要)指(?:什么|哪几项|哪几样|哪些|哪几类)|具体包括(?:什么|哪几项|哪几样|哪些))"
                              r"(?:钱|东西|费用|经费)?"
                              # ("年初结转和结余是个啥？", "三公到底是哪三公，", "基本支出和项目支出有啥区别？")
                              r"|(?<![行项列栏个])(?:到底|究竟)?(?:是个啥|是啥|指的?是?啥|是个什么|是什么东西|是什么钱|是什么|是哪三公|有啥区别|"
                              r"有什么区别|啥区别|什么区别|有(?:什么|啥)不一样|有(?:什么|啥)不同|指哪(?:三|几|些)(?:块|项|样|类|个)?|"
                              r"(?:包括|包含)(?:哪几样|哪几项|哪些|什么))(?=[？?，,]|$)"
                              # ("什么是机关运行经费？", "啥叫结转结余，"): the term said after the asking words
                              r"|(?:^|(?<=[？?。，,]))(?:请问)?(?:什么是|什么叫|啥是|啥叫|何为|何谓)(?=[^？?，,]{2,16}[？?，,])")
# an amount asked beside the meaning, or the largest of them ("项目支出指的是啥？…哪个花得最多")
HOW_MUCH_RE = re.compile(r"多少|几[个辆台人名]|金额|数额|最(?:多|大|少|小|高|低)|由哪(?:几|些)(?:块|项|部分|方面)?(?:组成|构成)|(?:组成|构成)(?:是|有)?(?:什么|哪些|怎样)")
QUOTED_RE = re.compile(r"[“\"「]([^”\"」]{2,20})[”\"」]")


def with_definition(q: QueryPlan, docs: list[Document], found: Answer) -> Answer | None:
    """A figure asked together with what its term means ("“机关运行经费”是什么意思？这一项花了多少"):
    the figure's answer, then the document's own definition of the term, quoted and cited."""
    # (each term the answer gives a figure of: "基本支出和项目支出有啥区别？各多少" defines both)
    terms = list(dict.fromkeys(QUOTED_RE.findall(q.text) + _terms_before_meaning(q.text) + [c.name for c in q.concepts]
                               + [f.label for f in found.figures[:1]]))
    cited = [c.doc_id for c in found.citations]
    defined: list = []
    for term in terms:
        for doc in sorted(docs, key=lambda d: d.doc_id not in cited):
            if (s := definition(doc, term)) is not None and match_key(s.text)[:24] not in match_key(found.answer) \
                    and all(s.text != d.text for _, d in defined):
                defined.append((doc, s))
                break
    if not defined:
        return None
    said = "\n".join(f"名词解释：“{s.text}”" for _, s in defined)
    return replace(found, question=q.text, answer=f"{found.answer}\n\n{said}",
                   citations=found.citations + [sentence_citation(doc, s) for doc, s in defined])


def _terms_before_meaning(text: str) -> list[str]:
    """The terms said right before the meaning is asked ("基本支出和项目支出有啥区别": both)."""
    m = MEANING_ASKED_RE.search(text)
    if m is None:
        return []
    said = re.sub(r"^.*?(?:讲|说|听说)|(?:到底|究竟)$", "", re.split(r"[，,。？?；;！!]", text[:m.start()])[-1])
    # (the whole said first: "年初结转和结余" is one term)
    return [said, *(t for t in re.split(r"和|与|跟|及|、", said) if len(t) >= 2)]


# a cause put up to be confirmed ("涨了，是因为人员增加吗", "没花完是不是因为人员变动")
# ("…是因为压缩开支，是这么回事吗": the guess, then a plain "is that so" after it)
CAUSE_GUESS_RE = re.compile(r"(?:是不是|是否|是|难道是)?(?:因为|由于)(?P<cause>[^，,。？?]{2,16}?)(?:吗|么|吧|呢|的吗|的吧)?"
                            r"(?:[，,](?:是这么回事|是这样|是真的|对|属实|是不是这样|靠谱)(?:吗|么|吧|不)?)?[？?。！!]*$")
# what a guessed cause says beyond its direction and the words that ask ("人员增加" → 人员)
CAUSE_FILLER_RE = re.compile(r"的|了|得|所以|有关|导致|造成|增加|减少|增长|下降|上升|降低|变多|变少|多|少|涨|降|变动|变化|调整|改变|发生|变|改")
TOLD_AMOUNT_RE = re.compile(r"(?:(?:只|才|就|一共|共)?(?:花|用)了?)?(?:\d[\d.,]*|[一二两三四五六七八九十百千]+)多?(?:[万亿]多?(?:元|块)?|千?(?:元|块))")
ASKED_CAUSE_RE = re.compile(r"什么|啥|哪|何|怎")
CAUSE_CLAUSE_RE = re.compile(rf"(?:{CAUSE_RE.pattern})[^。]*")


def cause_checked(lib: Library, q: QueryPlan, docs: list[Document]) -> Answer | None:
    """Whether the reason the document gives is the one the question guesses: the reason is
    quoted as for "为什么", and the verdict is yes only where its cause clause says the guess's
    own words (its direction words aside); no reason quoted, no verdict."""
    guess = CAUSE_GUESS_RE.search(q.text)
    if guess is None or not docs or ASKED_CAUSE_RE.search(guess.group("cause")):
        return None  # ("是由于什么": the cause asked, none guessed)
    said = CAUSE_FILLER_RE.sub("", match_key(guess.group("cause")))
    if not said:
        return None
    # asked as "为什么", without the amounts the question tells ("只花了11万多"): they rank
    # sentences of other items that print like amounts
    asked = replace(q.reworded(CAUSE_GUESS_RE, "为什么").reworded(TOLD_AMOUNT_RE), intent="reason", operation="describe")
    quoted = retrieval_answer(lib, asked, docs)
    causes = [CAUSE_CLAUSE_RE.findall(c.quote) for c in quoted.citations]
    clauses = [match_key(x) for found in causes for x in found]
    if quoted.status != ANSWERED or not clauses:
        return None
    yes = any(_says(clause, said) for clause in clauses)
    lead = "是。" if yes else f"文件给出的原因里没有说到“{guess.group('cause')}”。"
    return replace(quoted, question=q.text, answer=lead + quoted.answer, verdict="yes" if yes else "no")


def _says(clause: str, words: str) -> bool:
    """The clause says the words, in order, within a short stretch ("人员划转" in "人员及单位职能
    划转"): a stated cause is worded its own way."""
    reach = 2 * len(words) + 4
    for start in (i for i, ch in enumerate(clause) if ch == words[0]):
        at = start
        for ch in words[1:]:
            at = clause.find(ch, at + 1)
            if at < 0:
                break
        if at >= 0 and at - start < reach:
            return True
    return False

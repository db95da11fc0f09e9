"""Figures the narrative states (the documents' stated facts): people, bodies, vehicles, a
project's amount, what a department says of itself, a change on last year. Answered as figures
through the same choice as table cells: the fact whose subject the question names, of the unit
the question asks for, with its sentence cited; several facts that fit with different figures
are listed, never one of them guessed.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace

from core.concepts import Concept, lexicon
from core.model import YUAN_PER_UNIT, Document, StatedFact
from core.schema import schema
from core.text import QUALIFIER_RE, abbreviates, chinese_number, match_key
from core.vocab import INSIDE, YEAR_BEFORE, claimed_multiples, filler_re, has_cue
from index.lexical import shared_words, words
from ingest.stated import BUDGET_STAGES, LEVEL_QUALIFIERS, as_of_year
from qa.answers import finish, fmt, yuan
from qa.claims import PERCENT_CHANGE_RE, SHARE_CLAIM_RE, TENTHS_CHANGE_RE, multiple_verdict
from qa.context import Library
from qa.lookup import SPENDING_SUFFIX_RE, named_rows, prints_row, row_names, stated_stretch, word_runs
from qa.model import LOOKUP, UNCLEAR, Answer, Citation, Figure, Item
from qa.narrative import Sentence, Stated, against_way_asked, performance_aside, section_path, sentences
from qa.understand import AMOUNT_ASKED_RE, KINDS_ASKED_RE, MEASURE_WORD_RE, OUTTURN_YEAR_RE, RATE_ASKED_RE, WITHIN_RE, QueryPlan, asking_part, side_read

# how a change is asked ("比上年增长了百分之多少"): said of the figure before, naming nothing new
CHANGE_ASKING_RE = re.compile(r"(?:比|较|与|和|跟)(?:上|去|上一|前)年?|增长|下降|增加|减少|上升|降低|涨|降|变化|百分之|百分比|几成")
PUNCTUATION_RE = re.compile(r"[？?！!。，,、：:；;“”\"'（）()\s]")
COUNT_ASKING_RE = re.compile(r"(?:几|多少)(?:个人|人次|批次|个|人|名|辆|台|套|次|批|家|项)")
ASKING_RE = filler_re("asking")  # words that ask, not name (fillers.toml)
PLAIN_WORDS_RE = filler_re("plain")  # words that name nothing a stated fact could be about
LATIN_WORD_RE = re.compile(r"[A-Za-z]+")
# the funds the template's 绩效 sentences split a project's money by ("其中一般公共预算支出…、政府性基金预算支出…")
FUND_SPLIT_RE = re.compile(r"(?:一般公共预算|政府性基金预算|国有资本经营预算|国有资产经营预算|社会保险基金预算|财政拨款|其他资金)(?:财政拨款)?(?:项目|基本)?(?:支出|资金|拨款)?")
MIN_SUBJECT_SHARE = 0.5  # of a subject's characters the question must say
STRONG_MATCH = 1.5  # a subject said in full, or a concept named and its subject said
# a concept the question names counts for a fact of that concept, but less than a subject that
# says more of the question ("授予中小企业合同" is not the 政府采购 total)
CONCEPT_BONUS = 0.5
# characters more of the question's other words that a rival fact must say to take the bonus away
RIVAL_WORDS = 3


MIN_NAMING_WORDS = 4  # of an everyday phrase with a count asked inside, what is left that names the thing
# where in the document, said before what is asked ("预算里，有执法执勤用车吗", "按19年决算上写的，…"):
# no words of the subject
# ("的报告里，一共有几辆车", "按…的预算报告，街道一共有几辆车": the report named as the place)
DOCUMENT_PLACE_RE = re.compile(r"^(?:(?:按照?|根据|依据)\s*)?的?(?:部门|单位)?(?:(?:预算|决算)(?:公开)?(?:文件|报告|说明)?(?:里|中|上)(?:面|头)?|"
                               r"(?:(?:预算|决算)(?:公开)?)?(?:文件|报告)(?:里|中|上)?(?:面|头)?)"
                               r"(?:(?:写|说|列|讲|印)(?:着|的))?[,，]?")
# a part of the document named as where to look ("“其他重要事项说明”里", "情况说明中的"): no subject
SECTION_PLACE_RE = re.compile(r"(?:的)?[\u4e00-\u9fff]{0,14}(?:说明|概况|部分)(?:部分)?(?:里|中|里面|当中)(?:的)?[,，]?")
# the words asking each body's figure and the gap between them, which name no subject
GAP_ASKING_RE = re.compile(r"(?:两家|两个|二者|两者|两边)相?差(?:了|距)?(?:多少|几)?[辆个人名台套万元]*|各(?=有|是|自|多少|几)")


def stage_said(text: str) -> str | None:
    """The budget stage the question names ("全年预算是多少"), if any."""
    return next((s for s in BUDGET_STAGES if s in text), None)


def asked_subject(text: str) -> str:
    """What the question names, without the words that ask how many ("执法执勤的车有几辆" →
    执法执勤车): a subject must match what is named, not the asking."""
    # ("（不含离退休）" says what is left out of it, not what it is; the asking words inside a
    # concept's own name stay: the 有 of 实有人数)
    # (English words no vocabulary read, "did … according to its … document", name no subject)
    # ("各有多少辆车？两家差多少辆": each body's count, then the gap between them)
    key = DOCUMENT_PLACE_RE.sub("", match_key(asking_part(text)))  # (not the background told before it)
    # (the narrative set against a table, "表里…情况说明里说…对得上吗", is one of two places, kept)
    key = key if "表" in key else SECTION_PLACE_RE.sub("", key)
    for m in reversed(lexicon().concepts_in(key)):
        if m.colloquial and not m.generic and COUNT_ASKING_RE.search(m.word) and \
                len(ASKING_RE.sub("", COUNT_ASKING_RE.sub("", m.word))) >= MIN_NAMING_WORDS:
            # ("内部设了几个部门": 内设机构 said with its count asked inside; not "有多少人", all asking)
            key = key[:m.start] + m.concept.name + key[m.end:]
    key = COUNT_ASKING_RE.sub("", PUNCTUATION_RE.sub("", GAP_ASKING_RE.sub("", QUALIFIER_RE.sub("", LATIN_WORD_RE.sub("", key)))))
    key = KINDS_ASKED_RE.sub("", key)  # ("有几辆车？都是什么车": the kinds asked beside the count name nothing more)
    for pattern in (*(p for p, _, _ in claimed_multiples()), TENTHS_CHANGE_RE):
        key = pattern.sub("", key)  # ("翻了一倍", "少了六成多" are the claim to check, not what it is of)
    # (nor a rate's bound, "执行率到九成了没有"; a share's "占了六成" still says what it is of)
    key = SHARE_CLAIM_RE.sub(lambda m: m.group(0) if "占" in m.group(0) else "", key)
    kept, at = [], 0
    for m in lexicon().concepts_in(key):
        if not m.generic and m.start >= at:
            kept += [ASKING_RE.sub("", key[at:m.start]), key[m.start:m.end]]
            at = m.end
    return "".join(kept) + ASKING_RE.sub("", key[at:])


def stated_answer(lib: Library, q: QueryPlan, docs: list[Document]) -> Answer | None:
    """The stated figure the question asks for, or the stated figures that fit it equally (a
    difference, comparison or sum is computed from its operands by the compare route)."""
    if q.computed:
        return None
    ask = _Asked.of(q)
    found = matching_facts(q, docs + _outturn_told_later(lib, q, docs), ask)
    if not found:
        return None
    best = found[0][0]
    top = [(doc, fact) for score, doc, fact in found if score >= best - 1e-9]
    if "预算" not in q.text and len(top) > 1:
        # "有没有花钱" of an outturn document: what was spent, not the 年初预算 said beside it
        top = [(doc, fact) for doc, fact in top if not (doc.kind == "决算" and fact.qualifier in (*BUDGET_STAGES, "预算"))] or top
    named = _siblings_said(q, found, top) or _part_said_within(q, found)
    top = _told_apart(q, named or top)
    values = {(round(f.value * YUAN_PER_UNIT.get(f.unit, 1), 4), f.unit in YUAN_PER_UNIT or f.unit) for _, f in top}
    if len(values) == 1:
        part = _part_within(q.rest)
        said = match_key(top[0][1].sentence)
        if whole_unnamed(q.match_text, said, top[0][1].concept):
            return None  # "政府采购预算里，公车加油的钱": not the 三公 sentence's 运行维护费
        if part and part.replace("的", "") not in said and not any(o in said for o in lexicon().officials_of(part)):
            return None  # "政府采购里台式电脑": the whole's stated figure is not its part's
        if _kemu_unsaid(q, top[0][0], match_key(top[0][1].subject) + said):
            return None  # "“社会福利事业单位”这一项的收入里，财政拨款出了多少": that 科目's cell, not the total's sentence
        if _names_more(ask, *top[0]):
            return None  # "政府采购面向中小企业预留": not the 政府采购 total's sentence
        if not top[0][1].concept and not ask.shares and "concepts" not in q.inherited and \
                not all(_accounts_for(top[0][1], c, ask.subject) for c in _asked_of_it(q, ask, top[0][1])):
            # "中小企业的采购合同里，服务类的": a figure found by its subject's words (授予中小企业合同) is
            # not of a concept asked that it does not name (政府采购服务)
            return None
        return _figure(q, *top[0])
    # several figures fit equally: list them when they fit well, else leave it to the quotes
    if (best >= STRONG_MATCH or named) and (added := _one_sentence_s_parts_added(q, top)) is not None:
        return added
    return _candidates(q, top) if best >= STRONG_MATCH else None


TOTAL_ASKED_RE = re.compile(r"一共|总共|共计|合计|总数|加起来|总的")


def _one_sentence_s_parts_added(q: QueryPlan, top: list[tuple[Document, StatedFact]]) -> Answer | None:
    """"一共自评了多少个项目": the counts one sentence gives for each kind ("33个项目自评等级为“优”，
    6个…“良”，0个…“中”，0个…“差”"), asked all together, added up, each part cited; None unless the
    question asks the total and the facts are one sentence's, in one count unit, their subjects
    told apart by a short word only."""
    if not TOTAL_ASKED_RE.search(q.text) or len({(id(d), f.sentence) for d, f in top}) != 1 or \
            len({f.unit for _, f in top}) != 1 or top[0][1].unit in YUAN_PER_UNIT or any(f.value is None for _, f in top):
        return None
    if any(not 0 < len(word) <= 4 for word in _own_words(top)):
        return None
    doc, unit = top[0][0], top[0][1].unit
    total = sum(f.value for _, f in top)
    said = " + ".join(f"{f.value_text}{unit}（{stated_label(f)}）" for _, f in top)
    head_figure = Figure(fmt(total, 0 if float(total).is_integer() else 2), unit, None,
                         "、".join(stated_label(f) for _, f in top) + "合计", doc.department, doc.year, derived=True)
    text = (f"{doc.department}{doc.year}年{doc.kind}公开文件中，同一句话分别列出：{said}，"
            f"合计{head_figure.value}{unit}。")
    return finish(q, text, [head_figure], [stated_citation(d, f) for d, f in top],
                  [f"按文件所列各项相加：{said.replace('（', '(').replace('）', ')')} = {head_figure.value}{unit}。"],
                  {total, *(f.value for _, f in top)}, LOOKUP)


def _asked_of_it(q: QueryPlan, ask: _Asked, fact: StatedFact) -> list[Concept]:
    """The parts a question asks of a whole that a stated figure's subject names, which the figure
    must name too to answer it ("政府采购授予中小企业合同" is no figure of 服务): not a whole said as
    where to look ("政府采购里，给小微企业的"), nor money beside a count ("几个在职人员的经费")."""
    key = match_key(q.match_text)
    where = {m.concept.name for m in lexicon().concepts_in(key) if WITHIN_RE.match(key[m.end:])}
    wholes = [m.concept for m in lexicon().concepts_in(match_key(fact.subject)) if not m.generic]
    counted = fact.unit not in YUAN_PER_UNIT
    return [c for c in ask.named if c.name not in where and c.counts == counted and any(w.contains(c.name) for w in wholes)]


def _names_more(ask: _Asked, doc: Document, fact: StatedFact) -> bool:
    """The question names a phrase that a stated figure it excludes is of, but not this fact
    ("政府采购面向中小企业预留": 中小企业 is the 授予 figure's, which 预留 excludes; the 政府采购 total
    answers another question), or, beside the concepts it names, the words of a figure of no
    concept ("中小企业的采购合同里，服务类的": the 授予中小企业合同 figure's words, which the 服务
    figure's sentence does not say)."""
    contrasted = "\n".join(match_key(f.subject) for f in doc.stated if lexicon().contradicts(ask.subject, match_key(f.subject)))
    untagged = "\n".join(match_key(f.subject) for f in doc.stated if not f.concept and f.unit == fact.unit) if fact.concept else ""
    if not contrasted and not untagged:
        return False
    concept = lexicon().named(fact.concept) if fact.concept else None
    said = match_key(" ".join([fact.subject, fact.sentence, *(concept.words() if concept else [])]))
    beside = ask.subject
    for m in lexicon().concepts_in(ask.subject):
        beside = beside.replace(m.word, " ")
    return bool(contrasted and stated_stretch(_unsaid(ask.subject, said), contrasted)
                or untagged and stated_stretch(_unsaid(beside, said), untagged))


def _unsaid(subject: str, said: str) -> list[list[str]]:
    """The subject's runs of words, cut where ``said`` says a word."""
    unsaid: list[list[str]] = []
    for run in word_runs(subject):
        unsaid.append([])
        for word in run:
            if word in said:
                unsaid.append([])
            else:
                unsaid[-1].append(word)
    return unsaid


# a part asked within a figure named ("政府采购里台式电脑安排了多少钱"): 里 right after the figure's
# official name, then the part, then the asking
# what may come between 里 and the part it names ("里，", "里那个", "里有没有"): no part of it
PART_LEAD = r"[，,]?的?(?:那个|这个|那|这)?(?:有没有|有无|是否有|是不是有)?"
PART_WITHIN_RE = re.compile(rf"里(?:面)?{PART_LEAD}(?:买|购买|购置|给)?([\u4e00-\u9fff]{{2,8}}?)的?(?:钱|费用)?(?:安排了|花了|用了|是多少|有多少|多少)")


def concepts_name_all_of(part: str) -> bool:
    """Concepts say all of a part but a character ("写的三公经费"), not a word of its own beside
    one ("公车买油" is no 公务用车: 买油 is left)."""
    part = SAID_AS_RE.sub("", part)  # ("说明里写的三公经费是": as the narrative writes it)
    named = sum(m.end - m.start for m in lexicon().concepts_in(part))
    return len(part) - named - sum(len(w) for w in PART_FILLER_RE.findall(part)) <= 1


SAID_AS_RE = re.compile(r"^(?:写|说|列|讲|提到|印)的")
PART_FILLER_RE = filler_re("part_filler")  # words beside a part that name nothing ("公车的钱")


# what follows a part without naming it ("货物类一共", "培训费总共", "其他交通费用预算": its measure)
PART_TAIL_RE = re.compile(r"(?:类|项|部分|那块|这块)?(?:的)?(?:(?:年初|全年|调整)?(?:预算|决算)数?)?(?:的)?(?:总金额|金额|总额|总数|数额)?(?:一共|总共|合计|共计|总计)?"
                          r"(?:打算|准备|计划|要|拟)?(?:花|用|安排)?(?:到底|究竟|具体)?$")  # ("公务接待费到底是多少")
# a whole said as where the figure lies: "政府采购预算里，", "三公经费中的"
WHOLE_SAID_RE = re.compile(rf"(?:预算|决算)?数?(?:{INSIDE})[，,]?")


def wholes_said(question: str) -> list[Concept]:
    """The concepts a question names as where its figure lies ("政府采购预算里，公车加油的钱"): an
    item of the same name outside them is not the figure asked."""
    key = match_key(question)
    matches = lexicon().concepts_in(key)
    named = {m.concept.name for m in matches}
    # (a whole of which the question names a part, "基本支出里，人员经费", holds it: nothing to check)
    return [m.concept for m in matches if not m.generic and not m.concept.department_total and
            WHOLE_SAID_RE.match(key, m.end) and not any(m.concept.contains(n) for n in named)]


def whole_unnamed(question: str, text: str, concept: str = "") -> bool:
    """The question says a whole its figure lies in that ``text`` (a sentence, a cell's names) never
    names, and that is not the ``concept`` of the figure itself."""
    key = match_key(text)
    return any(whole.name != concept and not any(match_key(w) in key for w in whole.words())
               for whole in wholes_said(question))


def _kemu_unsaid(q: QueryPlan, doc: Document, said: str) -> bool:
    """The question names a spending 科目 (功能分类, coded) the document prints, and the stated figure
    (its subject and sentence) does not name it."""
    names = [doc.tables[t].rows[r] for _, _, t, r in named_rows(doc, q.match_text)
             if doc.tables[t].rows[r].code and schema().row_kind(doc.tables[t].type) == "function"]
    return any(not any(n in said for n in row_names(row.label)) for row in names)


def _part_within(question: str) -> str:
    """The part a question asks for inside a concept it names by its official term, when no concept
    says that part (an everyday word for it counts where the sentence prints its official words);
    else ""."""
    key = match_key(question)
    for m in PART_WITHIN_RE.finditer(key):
        # (the figure's name right before 里, or with its measure between: "政府采购预算里")
        before = [c for c in lexicon().concepts_in(key[:m.start()]) if not c.generic and
                  re.fullmatch(r"(?:预算|决算)?数?", key[c.end:m.start()])]
        part = PART_TAIL_RE.sub("", m.group(1))
        if before and not concepts_name_all_of(part):
            return part
    return ""




TOPIC_MEASURE_RE = re.compile(r"(?:年初|全年|调整)?(?:预算|决算)数?$")  # a subject's measure said after it
OUTTURN_WORD_RE = re.compile(r"执行|实际|决算")  # a follow-up asking the outturn of a budget asked before


@dataclass
class _Asked:
    """What a question asks of the stated facts, read once for all of them."""
    text: str
    units: tuple[str, ...]
    subject: str  # the question's words for the subject ("政府采购给中小企业合同")
    official: set[str]  # concepts said by an official term
    concepts: set[str]  # concepts said at all
    named: list[Concept]  # the concepts the subject names (asking words left out)
    beyond: str  # what the subject says beyond its concepts and budget words
    changes: bool
    shares: bool
    counted: bool  # "接待了多少批次": a rare unit narrows it
    measures: tuple[str, ...]
    stage: str | None  # "全年预算是多少": not the 年初预算
    stage_only: bool  # only the stage is said: the department's whole at that stage
    rate_asked: bool  # a change asked as a rate ("下降百分之几"), not an amount
    completion: bool  # how much of its budget it reached ("完成率"): that rate only
    completion_of_whole: bool  # "预算执行得咋样，完成了百分之几": no item named, the department's rate
    narrowed: str  # what a follow-up names beyond the concept it keeps ("留给中小企业")
    rows: tuple[str, ...] = ()  # the 科目 rows the question names ("事业运行")
    funds: tuple[str, ...] = ()  # a fund said of the item ("财政拨款的项目支出"), not within a concept's name
    # the years asked (not those compared against): a later document's sentence about one of them
    # ("2023年当年预算执行数为389.59万元" in a 2024 budget) answers for that year only
    years: frozenset[int] = frozenset()
    compared: frozenset[int] = frozenset()

    @classmethod
    def of(cls, q: QueryPlan) -> "_Asked":
        asked = asked_subject(q.rest or q.text)
        completion = has_cue("completion", q.text)
        own = ""  # what a follow-up says beyond the concept it keeps ("那留给中小企业的呢")
        if q.topic and "concepts" in q.inherited:
            # (the measure the turn before asked in is no part of the subject: "城管执法预算多少" then
            # "那最后执行了多少" asks 城管执法's outturn; the plan carries the measure)
            topic = (TOPIC_MEASURE_RE.sub("", asked_subject(q.topic)) or q.topic) if OUTTURN_WORD_RE.search(q.rest or "") else q.topic
            if len(PLAIN_WORDS_RE.sub("", CHANGE_ASKING_RE.sub("", asked))) <= 1:
                asked = asked_subject(f"{topic}{q.rest}")  # "比18年少了多少" after 社会保障和就业支出: of that
            else:  # "那留给中小企业的呢" after 政府采购: the part of it the follow-up names
                own = PLAIN_WORDS_RE.sub("", COMPLETION_WORDS_RE.sub("", asked) if completion else asked)
                asked = asked_subject(("".join(c.name for c in q.concepts) or topic) + (q.rest or ""))
        asked = _counted_as_said(q, asked)
        matches = lexicon().concepts_in(asking_part(q.match_text))  # (not what the background told)
        # what the question says beyond its concepts and budget words: "三无人员和无名尸丧葬费项目管了
        # 多少人" names a project, and is not the 实有人数 its "多少人" would otherwise call up
        in_asked = lexicon().concepts_in(asked)
        beyond = asked
        for m in in_asked:
            beyond = beyond.replace(m.word, "")
        shares = q.operation == "share"
        units = q.units
        if units == ("%",) and q.operation == "change" and (AMOUNT_ASKED_RE.search(q.text) or TENTHS_CHANGE_RE.search(q.text)):
            units = tuple(YUAN_PER_UNIT)  # "多了多少，增长了百分之几": the amount first ("少了六成多": its ratio checked)
        stage = stage_said(q.text)
        # "社工部全年预算是多少": the 全年预算 a 决算 states for a whole such as 一般公共预算财政拨款支出
        stage_only = bool(stage) and not PLAIN_WORDS_RE.sub("", asked_subject((q.rest or q.text).replace(stage, " ")))
        planned = list(dict.fromkeys(c.name for c in q.concepts))  # the concepts the plan kept, in its order
        # (a whole the plan reads a part within, "基本支出里的人员经费", is where to look, not what)
        official = {m.concept.name for m in matches if m.concept.name in planned or
                    not m.colloquial and not any(m.concept.contains(p) for p in planned)}
        if planned and not set(planned) & official:
            # the plan kept a part said by its short name ("工程那块" of 政府采购): that part is
            # what is asked, not the whole said in full beside it
            official = set(planned)
        return cls(q.text, units, asked, official,
                   {m.concept.name for m in matches},
                   _named(in_asked, q.concepts),
                   PLAIN_WORDS_RE.sub("", SHARE_WORDS_RE.sub("", beyond) if shares else
                                      CHANGE_ASKING_RE.sub("", beyond) if q.operation == "change" else
                                      COMPLETION_WORDS_RE.sub("", beyond) if completion else beyond),
                   q.operation == "change", shares, bool(units) and not set(units) & set(YUAN_PER_UNIT),
                   {"预算数": ("预算",), "决算数": ("决算", "执行数")}.get(q.measure or "", ()), stage, stage_only,
                   bool(RATE_ASKED_RE.search(q.text)) and not AMOUNT_ASKED_RE.search(q.text), completion,
                   completion and not HOW_IT_WENT_RE.sub("", PLAIN_WORDS_RE.sub("", COMPLETION_WORDS_RE.sub("", beyond)))
                   and all(c.department_total for c in _named(in_asked, q.concepts)),
                   own, tuple(match_key(r) for r in q.rows), _funds_said(q.match_text, matches),
                   frozenset(q.years), frozenset(q.compared_years))


def _counted_as_said(q: QueryPlan, asked: str) -> str:
    """"有几辆公务车": the everyday word for a narrower class of what is counted, said alone, asks
    for the things counted (车辆); where the narrower class is stated apart it is listed beside
    (``narrower_counted``)."""
    for concept in q.concepts:
        narrower = sorted(map(match_key, concept.narrower_said), key=len, reverse=True)
        # (a character left beside it, "车就个公务用车", names nothing else)
        if concept.counts and narrower and len(PLAIN_WORDS_RE.sub("", re.sub("|".join(map(re.escape, narrower)), "", asked))) <= 1:
            return match_key(concept.terms[-1])
    return asked


def _funds_said(text: str, matches: list) -> tuple[str, ...]:
    """The funds a question says of what it asks ("财政拨款的项目支出", "项目支出里财政拨款出了多少"):
    said on their own, not as part of a concept's longer name ("一般公共预算财政拨款支出")."""
    key = match_key(text)
    return tuple(f for f in [*schema().fund_words, schema().all_funds] if f in key and
                 not any(f in match_key(m.word) and match_key(m.word) != f for m in matches))


def _named(in_asked: list, plan: list[Concept]) -> list[Concept]:
    """The concepts the subject names, as the plan reads them and in its order ("有货物也有工程，工程那块":
    工程 only; "基本支出里人员经费占几成": the part first; "一般公共预算财政拨款，全年预算": the
    plan's 支出 of the name)."""
    planned = list(dict.fromkeys(c.name for c in plan))
    sides = {m.concept.name: c for m in in_asked for c in plan if side_read(m.word, [c])}
    named = list({m.concept.name: sides.get(m.concept.name, m.concept) for m in in_asked if not m.generic}.values())
    return sorted((c for c in named if c.name in planned), key=lambda c: planned.index(c.name)) or named


def _outturn_told_later(lib: Library, q: QueryPlan, docs: list[Document]) -> list[Document]:
    """What was actually spent in a year the store holds only a plan for ("万里街道2023年…实际花了多少"):
    the next year's plan states it in a sentence ("2023年当年预算执行数为389.59万元"), read after the
    year's own documents (for its sentences only: its cells are the next year's plan)."""
    said = OUTTURN_YEAR_RE.search(q.text)
    if q.measure != "决算数" or len(set(q.years)) != 1 or q.compared_years or not docs or \
            any(d.kind == "决算" for d in docs) or said and said.group("year") and int(said.group("year")) != q.years[0]:
        return []  # (nor "那2022年当年执行数", the year before's outturn, which this year's plan states)
    return [d for d in lib.documents_of(docs[0], q.years[0] + 1) if d not in docs]


BUYING_ASKED_RE = re.compile(r"买|购|添置|新增(?:车|车辆)")
BOUGHT_SENTENCE_RE = re.compile(r"购置|购买|新购|采购车辆")


def _bought_if_asked(q: QueryPlan, out: list) -> list:
    """"执法执勤车有没有买": the facts of what the budget buys ("安排购置车辆1辆，其中…"), not of
    what is held ("共有车辆7辆，其中…"), where a sentence of each states it."""
    if BUYING_ASKED_RE.search(q.text) and any(BOUGHT_SENTENCE_RE.search(e[2].sentence) for e in out):
        return [e for e in out if BOUGHT_SENTENCE_RE.search(e[2].sentence)]
    return out


def _classes_not_printed(ask: _Asked, doc: Document) -> list[str]:
    """The 功能分类 类 the question names (match keys) that no table of the document prints
    ("教育支出" of a year without it): a sentence must name it, not the department's "支出预算"."""
    return [match_key(r) for r in ask.rows if match_key(r) in schema().function_classes and not prints_row(doc, r)]


def outturn_facts(q: QueryPlan, doc: Document, year: int) -> list[StatedFact]:
    """The outturn a later plan states of the item asked for ``year`` ("2023年当年预算执行数为830.24万元"
    in the 2024 plan), best first, whatever unit or rate the question asks of it."""
    ask = replace(_Asked.of(replace(q, measure="决算数", years=[year])), units=(), rate_asked=False, completion=False,
                  completion_of_whole=False, shares=False, changes=False)
    return [f for _, _, f in matching_facts(q, [doc], ask)
            if f.year == year and f.measure == "执行数" and f.unit in YUAN_PER_UNIT]


def matching_facts(q: QueryPlan, docs: list[Document], ask: _Asked | None = None) -> list[tuple[float, Document, StatedFact]]:
    """Stated facts of the documents that the question names, best first: by concept, or by how
    much of its subject the question says, of the unit it asks for, for the document's own year."""
    ask = ask or _Asked.of(q)
    stage = stage_said(q.text) or ""  # "全年预算是多少": not the 年初预算 beside it
    out = []
    for doc in docs:
        sibling_concepts = {(f.sentence, f.subject): f.concept for f in doc.stated if f.concept}
        unprinted = _classes_not_printed(ask, doc)
        for fact in doc.stated:
            if not _kind_fits(ask, fact, doc) or stage and fact.qualifier in BUDGET_STAGES and fact.qualifier != stage \
                    or any(r not in match_key(fact.subject) for r in unprinted):
                continue
            if ask.changes and AMOUNT_ASKED_RE.search(q.text) and against_way_asked(q.text, fact.qualifier):
                continue  # "为什么比上年少了，少了多少": not a rise some sentence states
            if ask.shares and fact.unit == "%" and not _of_whole_asked(ask, doc, fact):
                continue  # "占本年支出的比例": not a share its sentence says is of 一般公共预算财政拨款支出
            # a share stated beside its amount ("因公出国（境）费支出70万元，占“三公”经费的13.75%")
            # is of the concept the amount is tagged with
            concept = fact.concept or sibling_concepts.get((fact.sentence, fact.subject), "")
            score, bonus, beyond_said = _scored(ask, fact, concept)
            own_said = shared_words(ask.narrowed, match_key(fact.subject))
            if len(ask.narrowed) - own_said >= RIVAL_WORDS:
                continue  # "那小微企业的呢" after 政府采购: not the 政府采购 total
            if score or bonus:
                out.append((score - (0.01 if fact.qualifier == "其中" else 0), doc, fact, bonus, beyond_said, own_said,
                            concept))
    # a fact of another concept is not the asked one's rival ("公务用车保有量": not the 公务用车购置支出
    # beside it; "退休的老同志有多少人": not 实有人数, which only the asking words call up)
    asked_found = any(concept in ask.official for *_, concept in out)
    out = [entry for entry in out if not (asked_found and entry[-1] and entry[-1] not in ask.official)]
    # nor is it when the question's subject names a concept and the fact's is another, neither
    # part nor whole of it ("年末财政拨款结转和结余": not the 财政拨款收入 stated)
    # (amounts only: a follow-up's count, "那离退休的呢" after 编制, names its own people)
    named = {c.name for c in ask.named if not c.department_total} if not ask.counted and not ask.narrowed else set()
    out = [entry for entry in out if not (entry[-1] and named and not _related(entry[-1], named))]
    # nor, for an amount or a rate, a fact of another concept by its tag or its subject's words
    # ("支出总计…下降62.3%" for 基本支出's rate)
    asked = {c.name for c in ask.named}
    out = [entry for entry in out if not (
        asked and (entry[2].unit == "%" or entry[2].unit in YUAN_PER_UNIT)
        and (said := {entry[-1]} if entry[-1] else _subject_concepts(entry[2].subject))
        and not any(_related(c, asked) for c in said))]
    # a department total's change is no part's its sentence names ("一般公共预算收入…增长18.14%")
    totals = {c.name for c in ask.named if c.department_total}
    out = [entry for entry in out if not (ask.changes and totals and _names_other(entry[2].subject, totals))]
    out = [entry[:-1] for entry in _bought_if_asked(q, out)]
    # the concept's own figure loses its bonus, and as much again, to a fact that says what else
    # the question asks ("政府采购给中小企业的合同": 授予中小企业合同金额, not the 政府采购 total), or
    # all a follow-up adds to the concept it keeps ("其中离休的有几个": 离休人员, not 离退休人员)
    best_beyond = max((said for score, *_, said, _ in out if score), default=0)
    best_own = max((own for score, *_, own in out if score), default=0)

    def outdone(said: int, own: int) -> bool:
        return said <= best_beyond - RIVAL_WORDS or (best_own and best_own == len(ask.narrowed) and own < best_own)

    return sorted(((score + (CONCEPT_BONUS if bonus and not outdone(said, own) else 0)
                    - (CONCEPT_BONUS if score and outdone(said, own) else 0)
                    + (CONCEPT_BONUS if score and ask.narrowed and own == len(ask.narrowed) else 0), doc, fact)
                   for score, doc, fact, bonus, said, own in out), key=lambda x: -x[0])


def _subject_concepts(subject: str) -> set[str]:
    """The concepts a fact's subject names by their own words (not a generic one)."""
    return {m.concept.name for m in lexicon().concepts_in(subject) if not m.generic}


def _related(name: str, asked: set[str]) -> bool:
    """The concept is one asked, a part of one or the whole one is a part of."""
    concept = lexicon().named(name)
    return name in asked or any((other := lexicon().named(a)) is not None and (
        other.contains(name) or concept is not None and concept.contains(a)) for a in asked)


def _names_other(subject: str, asked: set[str]) -> bool:
    """The subject names a concept of its own (not a generic word) that is none of those asked."""
    return bool(_subject_concepts(subject) - asked)


# the year before's outturn asked of a budget, which states it ("上年执行数", "去年的预算执行数")
OUTTURN_BEFORE_RE = re.compile(rf"(?:{YEAR_BEFORE})度?的?(?:预算)?执行数")


def _kind_fits(ask: _Asked, fact: StatedFact, doc: Document) -> bool:
    """The fact is of the kind asked: its stage, unit, measure and year, a level, change, rate or
    share as asked, each concept named accounted for, nothing the question contrasts with."""
    if ask.stage and fact.qualifier in BUDGET_STAGES and fact.qualifier != ask.stage:
        return False
    # (an amount a 决算 states without a measure word is its outturn: "一般公共预算财政拨款支出4,004.92万元"
    # is no 预算)
    measure = fact.measure or (doc.kind if fact.unit in YUAN_PER_UNIT and not fact.qualifier else "")
    if (ask.units and fact.unit not in ask.units) or (ask.measures and measure and measure not in ask.measures):
        return False
    # (a share's whole, "占总支出", is checked on its own below: the part must be the fact's)
    if len(ask.named) > 1 and not all(_accounts_for(fact, concept, ask.subject) for concept in (
            ask.named[:1] if ask.shares else ask.named)):
        return False  # "年末项目支出结转和结余" is not the 项目支出 stated
    if doc.year in ask.years or doc.year in ask.compared or not ask.years:
        if fact.year and fact.year != doc.year and not (fact.year == doc.year - 1 and OUTTURN_BEFORE_RE.search(ask.text)):
            return False  # "2023年预算执行数…" in a 2024 budget (unless "上年执行数" is asked of it)
    elif fact.year not in ask.years and as_of_year(fact.sentence) not in ask.years:
        # a later year's document, read only for what it says of the year asked (a stock "截至2024年
        # 8月31日" in a 2025 budget)
        return False
    if fact.qualifier.startswith("比上年") and ask.compared and doc.year - 1 not in ask.compared:
        return False  # "19年比17年多了多少" is not the change on 18 a 2019 document states
    if ask.funds and not all(f in match_key(fact.subject + _heading_path(doc, fact)) for f in ask.funds):
        return False  # "财政拨款的项目支出" is not the 项目支出 of all funds stated
    if _broader_than_asked(ask, fact):
        return False  # "政府性基金预算财政拨款支出" is not the 财政拨款支出 stated
    if FUND_SPLIT_RE.fullmatch(match_key(fact.subject)) and performance_aside(doc, fact.section_seq, ask.text):
        return False  # (a project named is looked for there)
    if ask.completion or fact.qualifier == "完成预算的":
        return ask.completion and fact.qualifier == "完成预算的" and \
            not lexicon().contradicts(ask.subject, match_key(fact.subject))
    if ask.shares:
        if not fact.qualifier.startswith("占") or not _share_of_asked_whole(fact, ask.text, doc):
            return False  # "基本支出占多少比例": the share stated ("占比13.06%"), no level
    elif ask.changes and fact.concept and ask.named and fact.concept not in {c.name for c in ask.named}:
        return False  # "机关运行经费比去年涨了多少" is not the change of 三公经费 stated beside it
    elif ask.changes and fact.qualifier.endswith("率") != ask.rate_asked:
        return False  # a change asked as an amount ("少了多少") is not its rate, nor the reverse
    elif (fact.qualifier.startswith("比上年") or fact.qualifier.endswith("率")) != ask.changes \
            or (not ask.changes and fact.qualifier not in LEVEL_QUALIFIERS and not fact.qualifier.startswith("不含")):
        return False
    return not lexicon().contradicts(ask.subject, match_key(fact.subject))  # "农村…资金" is not "城市…资金"


def _broader_than_asked(ask: _Asked, fact: StatedFact) -> bool:
    """The fact is of another standard figure whose name the asked one's name qualifies (asked
    政府性基金预算财政拨款支出, stated 财政拨款支出): the broader figure is not the one asked."""
    if not fact.concept or fact.concept in ask.official:
        return False
    subject = match_key(fact.subject)
    return any(subject in term and subject != term for name in ask.official if (c := lexicon().named(name))
               for term in map(match_key, c.terms))


# how a sentence says which money pays for its subject: not part of the subject's name
# ("一般公共预算拨款安排的会议费预算支出" is the 会议费, "使用财政拨款负担的公务用车保有量" the 保有量)
SUBJECT_FUNDING_RE = re.compile(r"^.{0,12}?拨款(?:安排|负担)的|预算(?=支出$)")


def _of_whole_asked(ask: _Asked, doc: Document, fact: StatedFact) -> bool:
    """A share stated of the department's whole the question names, not of another whole its
    sentence or the headings above it name ("(二)一般公共预算财政拨款支出决算结构情况" says its
    sentences' shares are of that fund's spending, not of 本年支出合计), and no other figure the
    question names as its whole that the sentence does not name; any share where the question
    names no department total."""
    wholes = {c.name for c in ask.named if c.department_total}
    said = fact.sentence + section_path(doc, fact.section_seq)
    # ("项目支出是基本支出的百分之几": a whole of the department's own that the sentence never names)
    subject = match_key(fact.subject)
    if any(not c.department_total and c.name != fact.concept and match_key(c.name) not in subject and
           not any(match_key(w) in match_key(said) for w in c.words()) for c in ask.named):
        return False
    others = {m.concept.name for m in lexicon().concepts_in(said) if m.concept.department_total and not m.generic}
    return not wholes or bool(wholes & others) or not others - wholes


def _scored(ask: _Asked, fact: StatedFact, concept: str) -> tuple[float, bool, int]:
    """(how well the fact's subject fits, whether its concept earns the bonus, how much of the
    question's other words it says)."""
    # the subject with and without the words for the money paying for it, whichever the
    # question says more of (the shorter on a tie)
    full = match_key(fact.subject)
    named = SUBJECT_FUNDING_RE.sub("", full) or full
    # (a subject the narrative names by its 款 and 项, "社会工作事务事业运行", is that 项 row's where the
    # question names the row alone)
    # (with the 款 the question names too, where the subject carries it: "统战事务（一般行政管理事务）"
    # is not every 款's 一般行政管理事务)
    tails = [(_subject_fit(ask, tail), 2, tail) for r in ask.rows
             if SPENDING_SUFFIX_RE.sub("", full).endswith(SPENDING_SUFFIX_RE.sub("", r)) and len(r) >= 4
             for tail in ["".join(o for o in ask.rows if o != r and match_key(o) in full) + r]]
    score, _, subject = max((_subject_fit(ask, named), 1, named), (_subject_fit(ask, full), 0, full), *tails)
    if ask.completion_of_whole and fact.qualifier == "完成预算的" and concept and \
            (whole := lexicon().named(concept)) and whole.department_total:
        score = max(score, 1.0)
    if ask.stage_only and fact.qualifier == ask.stage and fact.concept and \
            (whole := lexicon().named(fact.concept)) and whole.department_total:
        score = max(score, 1.0)
    # a concept said by its official term counts; said colloquially ("采购", "处室") only where the
    # subject's own words do not already link the two (either way, only where the question's
    # other words are the subject's too: "其中给中小企业的" after 政府采购 is not the 政府采购 total)
    beyond_said = shared_words(ask.beyond, subject)
    explained = len(ask.beyond) - beyond_said <= 2
    bonus = bool(concept) and (concept in ask.official and (bool(score) or explained)
                               or concept in ask.concepts and not score and explained)
    # the question spells the fact's whole subject, a concept's term and more ("财政拨款支出总计": not the
    # 财政拨款支出 the concept names alone): it fits as well as the concept's own fact
    bonus = bonus or any(full != match_key(c.name) and full.startswith(match_key(c.name)) for c in ask.named) \
        and full in match_key(ask.subject)
    return score, bonus, beyond_said


def _subject_fit(ask: _Asked, subject: str) -> float:
    """How much of the subject the question says, and of the question the subject explains;
    a concept the question names counts as one whole: "几辆车" is the 车辆 stated, but
    "执法执勤的车有几辆" is the 执法执勤用车 the question spells out."""
    if _other_subject(ask.subject, subject) or _other_threshold(ask.text, subject):
        return 0.0
    said = shared_words(ask.subject, subject)
    whole_ask = ask.counted and said >= 2 and said == len(ask.subject)  # all the question names, in a rare unit
    if not whole_ask and (said < min(2 if ask.changes else 3, len(subject)) or said / len(subject) < MIN_SUBJECT_SHARE):
        return 0.0  # "项目" alone does not name 项目支出 (a change of "收入" is 收入总计's)
    return said / len(subject) + said / max(len(ask.subject), 1)


def _other_threshold(question: str, subject: str) -> bool:
    """Both set a price the things counted are above, and not the same one ("单价50万以上的设备" is
    not the 单价100万元以上设备 stated; "超过200000元" is 20万元): a count above one price says
    nothing of the count above another."""
    said, stated = _thresholds(question), _thresholds(subject)
    return bool(said) and bool(stated) and not said & stated


# a price things are counted above ("20万元（含）以上", "超过200000元"), in yuan
THRESHOLD_RE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(万|亿)?元?\s*(?:[（(]含[）)])?\s*(?:及)?以上|"
                          r"(?:超过|高于|大于|不低于)\s*(\d+(?:\.\d+)?)\s*(万|亿)?元?")


def _thresholds(text: str) -> set[float]:
    return {float(m.group(1) or m.group(3)) * YUAN_PER_UNIT[f"{m.group(2) or m.group(4) or ''}元"]
            for m in THRESHOLD_RE.finditer(text)}


def _other_subject(asked: str, subject: str) -> bool:
    """The stated subject is a standard 科目 the question does not say, and shares no word of it
    ("奖金(款)支出" shares 金支出 with "政府性基金支出", but no word)."""
    standard = schema().subject_name_re.search(subject)
    if standard is None or standard.group() in asked:
        return False
    content = [w for w in words(asked) if len(w) >= 2 and w not in GENERIC_SUBJECT_WORDS]
    return bool(content) and not any(w in subject for w in content)


GENERIC_SUBJECT_WORDS = {"支出", "收入", "资金", "经费", "费用", "预算", "决算", "财政", "拨款", "财政拨款", "合计", "总计"}


def _accounts_for(fact: StatedFact, concept: Concept, asked: str = "") -> bool:
    """A stated fact answers for a concept the question names when it is that concept's figure,
    a part of it ("三公经费中公务接待费"), or its subject spells one of the concept's words, or
    the short form the question uses of one ("公车有几辆": 公务用车保有量)."""
    if fact.concept == concept.name or (concept.parts and fact.concept in concept.parts.concepts):
        return True
    words = _clause(fact) if fact.qualifier.startswith("占") else match_key(fact.subject)
    said = [match_key(w) for w in concept.terms + concept.colloquial if match_key(w) in match_key(asked)]
    return any(match_key(w) in words for w in concept.terms + concept.colloquial) or \
        any(len(w) >= 2 and abbreviates(w, words) for w in said)


def _clause(fact: StatedFact) -> str:
    """A fact's words from its subject to its value (match key): where a share names its whole,
    "公务用车购置及运行费支出411.20万元，占“三公”经费的80.92%"."""
    subject, sentence = match_key(fact.subject), match_key(fact.sentence)
    start = sentence.find(subject)
    end = sentence.find(match_key(fact.value_text), start + len(subject))
    return sentence[start:end] if 0 <= start < end else subject


HOW_IT_WENT_RE = re.compile(r"得?(?:怎么样|怎样|如何|咋样|好不好|情况)")  # "预算执行得咋样": asks, names nothing
# a completion rate's asking words ("完成了预算的百分之几", "执行率"), said of no subject
COMPLETION_WORDS_RE = re.compile(r"完成|执行|比?率|百分之?|几成|比例")
SHARE_WORDS_RE = re.compile(r"占|比例|比重|百分之?|几成|份额")  # a share's asking words, said of no subject
# (the whole may come after the department and year: "占阳泉民政局2024年总支出的百分之几")
SHARE_WHOLE_RE = re.compile(r"占(?:到)?(.{2,24}?)(?:的)?(?:比例|比重|百分比|百分之|多少|几)")


def _share_of_asked_whole(fact: StatedFact, question: str, doc: Document) -> bool:
    """A stated share answers only for the whole the question names ("占全部支出的比例" is not the
    "占11.91%" of the 财政拨款 section, which names no whole)."""
    asked = SHARE_WHOLE_RE.search(match_key(question))
    if not asked:
        return True
    said = clause = _clause(fact)
    sentence, subject = match_key(fact.sentence), match_key(fact.subject)
    lead = sentence[:max(sentence.find(subject), 0)]
    if "其中" in lead:
        said = lead + said  # "本年支出合计307.82万元，其中：基本支出105.58万元，占34.30%"
    else:
        said = _lead_line(doc, fact) + said  # the same, the "其中：" ending the line before
    if re.search(r"占(?:比)?[\d.]+%", clause + match_key(fact.value_text) + "%"):
        # "住房保障支出（类）29.42万元，占9.55%" names no whole: its section's heading does
        # ("（二）一般公共预算财政拨款支出决算结构情况")
        said += match_key(_heading_path(doc, fact).split(" > ")[-1])
    said = MEASURE_WORD_RE.sub("", said)  # "本年支出预算合计" is the 本年支出合计
    whole = match_key(asked.group(1))
    # the whole in the question's words ("总支出") or the concept's terms (本年支出合计)
    # (measure words left out on both sides: "一般公共预算财政拨款支出" keeps its 预算 in neither)
    return MEASURE_WORD_RE.sub("", whole) in said or any(
        MEASURE_WORD_RE.sub("", match_key(t)) in said for m in lexicon().concepts_in(whole) for t in [m.concept.name, *m.concept.terms])


def _lead_line(doc: Document, fact: StatedFact) -> str:
    """The sentence leading into the list the fact is in, when it ends in "其中：" and so names the
    whole the listed parts and shares are of ("…本年支出预算合计27664.22万元，其中：" + "基本支出
    …占42.30 %；项目支出…占47.08%"); else ""."""
    section = doc.sections[fact.section_seq] if 0 <= fact.section_seq < len(doc.sections) else None
    if section is None or (at := section.text.find(fact.sentence)) <= 0:
        return ""
    before = section.text[:at]
    lead = max(before.rfind("其中："), before.rfind("其中:"))
    # (the parts listed before the fact, "基本支出…占42.30 %；", belong to the same list)
    if lead < 0 or "。" in before[lead:]:
        return ""
    return match_key(re.split(r"[。\n]", before[:lead])[-1])


def _heading_path(doc: Document, fact: StatedFact) -> str:
    return section_path(doc, fact.section_seq)


# the words asking a rate, which the budget and outturn it is computed from are not asked in
# ("全年预算花出去了百分之多少": how much of it went)
RATE_CLAUSE_RE = re.compile(r"[，,、]?的?(?:支出)?(?:决算)?(?:执行率|完成率|完成比例|完成了?百分之|完成情况|完成了?(?:年初|全年|调整)?预算数?的|"
                            r"(?:用掉|花掉|用去|花出去|花|用)了?(?:百分之|几成|多少比例|多大比例))"
                            r"[^，,。？?]*[。？?]?(?:[（(][^）)]*[）)])?")  # (and a rounding asked after it)


def completion_computed(q: QueryPlan, docs: list[Document], places: int | None) -> Answer | None:
    """A completion rate the narrative does not state, from the item's stated budget and outturn
    of one sentence ("事业单位医疗…全年预算为2.29万元，支出决算为0.49万元": 21.40%), both cited; None
    unless the question's subject fits one item's pair exactly."""
    pairs = {}
    # (both measures are read: the 决算 and 全年预算 said in the rate clause pick no one of them)
    amounts = replace(q, operation="value", text=RATE_CLAUSE_RE.sub("", q.text), rest=RATE_CLAUSE_RE.sub("", q.rest),
                      measure=None)
    for score, doc, fact in matching_facts(amounts, docs):
        if score and fact.unit in YUAN_PER_UNIT and (fact.qualifier in BUDGET_STAGES or fact.qualifier == "决算"):
            pairs.setdefault((doc.doc_id, fact.sentence, fact.subject), {}).setdefault(fact.qualifier, (doc, fact))
    whole = [p for p in pairs.values() if "决算" in p and any(st in p for st in BUDGET_STAGES)]
    if len(whole) != 1:
        return None
    (doc, spent), = [whole[0]["决算"]]
    stage = next(st for st in BUDGET_STAGES if st in whole[0])
    planned = whole[0][stage][1]
    if not planned.value:
        return None
    places = 2 if places is None else places
    rate = round(yuan(spent.value, spent.unit) / yuan(planned.value, planned.unit) * 100, places)
    formula = f"{spent.value_text}{spent.unit} ÷ {planned.value_text}{planned.unit} × 100% = {fmt(rate, places)}%"
    text = (f"{doc.department}{doc.year}年度{spent.subject}{stage}{planned.value_text}{planned.unit}，决算"
            f"{spent.value_text}{spent.unit}，完成{stage}的{fmt(rate, places)}%（{formula}；文件未直接写出该比例，"
            f"按其所列两数计算）。见{doc.kind}公开文件：“{spent.sentence.rstrip('。；;')}”。")
    head = Figure(fmt(rate, places), "%", None, f"{spent.subject}完成{stage}的比例", doc.department, doc.year,
                  derived=True, formula=formula)
    figures = [head, *(Figure(f.value_text, f.unit, yuan(f.value, f.unit), stated_label(f), doc.department, doc.year)
                       for f in (planned, spent))]
    return finish(q, text, figures, [stated_citation(doc, spent)], [], {rate, planned.value, spent.value, 100.0}, LOOKUP)


def stated_citation(doc: Document, fact: StatedFact) -> Citation:
    return Citation(source=doc.source, department=doc.department, year=doc.year, kind=doc.kind, page=fact.page,
                    line=fact.line, quote=fact.sentence, doc_id=doc.doc_id,
                    section=_heading_path(doc, fact), section_seq=fact.section_seq)


def money_beside_count(q: QueryPlan, docs: list[Document], count: Answer) -> Answer | None:
    """The money a sentence states right after the count it gives ("编报绩效目标的项目49个，涉及项目
    预算资金8825.98万元"): what the things counted involve, cited on that sentence; None where the
    count is no stated fact or no amount follows it in its sentence."""
    cited = count.citations[0] if count.citations else None
    if cited is None or not cited.quote or not count.figures:
        return None
    for doc in docs:
        if doc.source != cited.source:
            continue
        stated = [f for f in doc.stated if f.sentence == cited.quote]
        at = next((i for i, f in enumerate(stated) if f.value_text == count.figures[0].value and f.unit == count.figures[0].unit), None)
        after = next((f for f in stated[at + 1:] if f.unit in YUAN_PER_UNIT and not f.qualifier), None) if at is not None else None
        if after is not None:
            return _figure(q, doc, after)
    return None


# the names of what is counted asked beside the count ("几家单位？都是哪几家", "分别是哪些")
NAMES_ASKED_RE = re.compile(r"(?:都|分别|各|具体)?是哪(?:几|些)|有哪(?:几|些)(?:家|个)?(?=[？?，,。]|$)|叫什么|(?:哪几|哪些)(?:家|个)(?:单位)?(?:呢)?(?=[？?，,。]|$)")
# one entry of a list the narrative prints line by line ("2.上海市…受理服务中心。", "（三）…")
LISTED_LINE_RE = re.compile(r"^\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.、．]|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)])\s*(?=\S)")
MAX_LISTED = 20


def names_beside_count(q: QueryPlan, docs: list[Document], count: Answer | None) -> Answer | None:
    """A count of bodies whose names are asked too ("下面管着几家单位？都是哪几家"): the count's
    sentence, then the entries listed line by line right after it in its section ("1.…（本部）
    2.…中心"), quoted as printed. The count alone where its sentence is followed by no list."""
    if count is None or not count.figures or count.figures[0].unit not in ("家", "个") or not NAMES_ASKED_RE.search(q.text):
        return count
    cited = count.citations[0] if count.citations else None
    doc = next((d for d in docs if cited is not None and cited.quote and d.source == cited.source), None)
    if doc is None:
        return count
    said = sentences(doc)
    at = next((i for i, s in enumerate(said) if s.text == cited.quote), None)
    listed: list[str] = []
    for s in said[at + 1:at + 2 + MAX_LISTED] if at is not None else []:
        if s.section_seq != said[at].section_seq or not (m := LISTED_LINE_RE.match(s.text)):
            if listed or not s.text.rstrip().endswith(("：", ":")):
                break  # (one lead-in line, "…具体包括：", may come between)
            continue
        listed.append(s.text[m.end():].rstrip("。；;，, "))
    if not listed:
        return count
    return replace(count, answer=f"{count.answer}文件接着逐条列出：{'；'.join(listed)}。")


def stated_cell(doc: Document, fact: StatedFact) -> Stated:
    """A stated fact in the shape of a cell: its sentence cited, its value computed with."""
    sentence = Sentence(fact.sentence, fact.section_seq, _heading_path(doc, fact), fact.page, fact.line)
    return Stated(doc, sentence, fact.value_text, fact.unit, fact.subject)


def stated_label(fact: StatedFact) -> str:
    """The fact's subject, with what it is of it ("（预算）", "（比上年增加）"); "其中" says nothing."""
    return fact.subject + (f"（{fact.qualifier}）" if fact.qualifier and fact.qualifier != "其中" else "")


def _figure(q: QueryPlan, doc: Document, fact: StatedFact) -> Answer:
    where = doc.sections[fact.section_seq].heading if 0 <= fact.section_seq < len(doc.sections) else ""
    label = stated_label(fact)
    # a qualifier that reads into its figure ("完成预算的60%") is said so, not put in brackets
    said = f"{fact.subject}{fact.qualifier}" if fact.qualifier.endswith("的") else f"{label}为"
    # a sentence of a later year's document about an earlier year ("2023年当年预算执行数为…" in a
    # 2024 budget) is that year's figure, its document named by its own year
    year, told_later = fact.year or doc.year, bool(fact.year) and fact.year != doc.year
    if told_later and fact.measure and not fact.qualifier:
        said = f"{label}（{fact.measure}）为"
    text = (f"{doc.department}{year}年度{said}{fact.value_text}{fact.unit}，"
            f"见{f'{doc.year}年' if told_later else ''}{doc.kind}公开文件{f'「{where}」' if where else ''}："
            f"“{fact.sentence.rstrip('。；;')}”。")
    # a count printed in words ("四个二级预算单位") is given in digits, as a figure is read
    shown = fact.value_text if not re.fullmatch(r"[零一二两三四五六七八九十百千]+", fact.value_text) \
        else str(chinese_number(fact.value_text) or fact.value_text)
    figures = [Figure(shown, fact.unit, yuan(fact.value, fact.unit), label, doc.department, year)]
    notes = []
    if fact.check == "disagrees":
        notes.append("注意：文字陈述的这个数字与表格中同一项目的数字不一致，两处请以原件核对。")
    said = _stated_multiple(doc, fact) if has_cue("multiple", q.text) else None
    verdict = multiple_verdict(q.text, said[0]) if said else ""
    allowed = {fact.value}
    if verdict:
        # "是不是比上年腰斩了": the stated change decides the multiple put up to be checked
        deciding = [Figure(f.value_text, f.unit, yuan(f.value, f.unit), stated_label(f), doc.department, doc.year)
                    for f in said[1] if f is not fact]
        # (a change claimed in tenths or percent, "涨了超过三成吗", is decided by the rate: it leads)
        rate_claimed = TENTHS_CHANGE_RE.search(q.text) or PERCENT_CHANGE_RE.search(q.text)
        figures = [f for f in deciding if f.unit == "%"] + figures + [f for f in deciding if f.unit != "%"] \
            if rate_claimed and fact.unit != "%" else figures + deciding
        allowed |= {f.value for f in said[1]}
        text = f"{verdict}。{said[2]}。" + text
    answer = finish(q, text, figures, [stated_citation(doc, fact)], notes, allowed, LOOKUP)
    return replace(answer, verdict={"是": "yes", "不是": "no"}[verdict]) if verdict else answer


def _stated_multiple(doc: Document, fact: StatedFact) -> tuple[float, list[StatedFact], str] | None:
    """(this year's figure over last year's, the facts that say so, the words saying it) for a
    change a sentence states: from its rate ("下降62.3%"), else from the level and the change
    stated together ("预算数为37.91万元，比2024年预算减少10万元")."""
    level = change_level(doc, fact)
    if (rate := _stated_rate(doc, fact)) is not None:
        ratio = 1 + (-1 if rate.qualifier == "下降率" else 1) * rate.value / 100
        return ratio, [f for f in (rate, level) if f], f"{rate.subject}比上年{rate.qualifier[:2]}{rate.value_text}{rate.unit}"
    if level is None:
        return None
    earlier = year_before(level, fact)
    if earlier <= 0:
        return None
    return level.value / earlier, [level], (f"{level.subject}为{level.value_text}{level.unit}，"
                                            f"比上年{fact.qualifier[-2:]}{fact.value_text}{fact.unit}")


def change_level(doc: Document, change: StatedFact) -> StatedFact | None:
    """The figure a change's own sentence states for its subject ("预算数为37.91万元，比2024年预算
    减少10万元": 37.91), in its unit; a 决算's 支出决算 before the 全年预算 said beside it."""
    if change.qualifier not in ("比上年增加", "比上年减少"):
        return None
    before = [f.sentence for f in doc.stated[:doc.stated.index(change)]
              if f.section_seq == change.section_seq and f.sentence != change.sentence]

    def levels_in(sentence: str, zero: bool = False) -> list[StatedFact]:
        return [f for f in doc.stated if f.sentence == sentence and f.subject == change.subject
                and f.qualifier in LEVEL_QUALIFIERS and f.unit == change.unit and (f.value or zero)]

    # "卫生健康支出…支出决算34.95万元…。较上年决算增加3.92万元": a sentence that goes on about the
    # subject of the one before it changes the figure that sentence states; so does one naming it
    # again where its own states no level ("2024年度收入总计8,641.02万元…。与上年相比，收入总计减少…")
    # (in its own sentence a level of 0 is one: "公务接待费支出决算0万元，…比上年减少0.22万元")
    levels = levels_in(change.sentence, zero=True) if match_key(change.subject) in match_key(change.sentence) else []
    if not levels and before:
        levels = levels_in(before[-1])
    return min(levels, key=lambda f: f.qualifier != doc.kind, default=None)


def year_before(level: StatedFact, change: StatedFact) -> float:
    """The year before's figure, from this year's and the change on it stated with it."""
    return level.value - (1 if change.qualifier == "比上年增加" else -1) * change.value


def _stated_rate(doc: Document, fact: StatedFact) -> StatedFact | None:
    """The rate of the change a fact states, said in the same sentence of the same subject
    ("收入总计减少14,279.38万元，下降62.3%"); the fact itself when it is that rate."""
    if fact.qualifier in ("下降率", "增长率"):
        return fact
    if not fact.qualifier.startswith("比上年"):
        return None
    return next((f for f in doc.stated if f.sentence == fact.sentence and f.subject == fact.subject
                 and f.qualifier == ("下降率" if fact.qualifier == "比上年减少" else "增长率")), None)


def _own_words(facts: list[tuple[Document, StatedFact]]) -> list[str]:
    """What each fact's subject says beside the words all of them share at their start and end
    ("优" of "项目自评等级为优" beside 良, 中, 差)."""
    return own_words([f.subject for _, f in facts])


def own_words(names: list[str]) -> list[str]:
    """What each name says beside the words all of them share at their start and end."""
    subjects = [match_key(n) for n in names]
    head = len(os.path.commonprefix(subjects))
    tail = len(os.path.commonprefix([s[::-1] for s in subjects]))
    return [s[head:len(s) - tail] for s in subjects]


def word_said(word: str, key: str) -> bool:
    """A short word telling stated facts apart is said in the question: one character only where
    it stands as a word ("“优”", "为优和良的"), not inside another ("中" of 其中)."""
    if not 0 < len(word) <= 4:
        return False
    if len(word) > 1:
        return word in key
    return bool(re.search(rf"(?:(?<=[“\"'为是和与及、个])|(?<![\u4e00-\u9fff])){re.escape(word)}|"
                          rf"{re.escape(word)}(?=[的和与及、”\"'，,。？?！!]|$)", key))


def _siblings_said(q: QueryPlan, found: list, top: list[tuple[Document, StatedFact]]) -> list[tuple[Document, StatedFact]]:
    """Where the question names two or more of one sentence's counts by the word each is told
    apart by ("评了优的和评了良的": 33个…“优”, 6个…“良”), those (found as well as the best or less
    well); else []."""
    doc, best = top[0]
    siblings = [(d, f) for _, d, f in found if d is doc and f.sentence == best.sentence and f.unit == best.unit]
    if len(siblings) < 3:
        return []
    key = match_key(q.text)
    said = [pair for pair, word in zip(siblings, _own_words(siblings)) if word_said(word, key)]
    return said if len(said) >= 2 else []


COUNTED_NOUN_RE = re.compile(r"(?:人员|人数|的人)$")


def _part_said_within(q: QueryPlan, found: list) -> list[tuple[Document, StatedFact]]:
    """"离退休人员里，离休的有几个": the one fact whose subject the question says after the whole it
    lies in, and not in that whole ("离休人员 2人", not the 离退休人员 25人 that matched more words)."""
    key = match_key(q.rest or q.text)
    m = WHOLE_SAID_RE.search(key)
    if m is None:
        return []
    whole, part = key[:m.start()], key[m.end():]
    # (among the facts of the sentences found: the part is stated beside its whole, "离退休人员25人，
    # 其中离休人员2人，退休人员23人")
    said = {(id(d), f.sentence) for _, d, f in found}
    beside = [(d, f, COUNTED_NOUN_RE.sub("", match_key(f.subject))) for d in {id(d): d for _, d, _ in found}.values()
              for f in d.stated if (id(d), f.sentence) in said and f.qualifier in ("", "其中")]
    if not any(len(core) >= 2 and core in whole for _, _, core in beside):
        return []  # (the whole said is no subject of those sentences: "万里街道25年预算里，…")

    def outside(core: str, text: str) -> bool:  # (退休 is not said by 离退休, a longer subject beside it)
        for _, _, longer in beside:
            if core in longer and core != longer:
                text = text.replace(longer, " ")
        return core not in text

    picked = {id(f): (d, f) for d, f, core in beside if len(core) >= 2 and core in part and outside(core, whole)}
    return list(picked.values()) if len(picked) == 1 else []


def _told_apart(q: QueryPlan, top: list[tuple[Document, StatedFact]]) -> list[tuple[Document, StatedFact]]:
    """Of facts fitting equally, those whose subjects differ from the others' by a word the
    question says ("自评等级是优的项目有几个": "33个项目自评等级为“优”", not the 良, 中 or 差 beside
    it; "优和良的": those two); all of them where none does, or where the one is said denied ("不是优")."""
    if len(top) < 2:
        return top
    own = _own_words(top)
    key = match_key(q.text)
    said = [pair for pair, word in zip(top, own) if word_said(word, key)]
    # (two or more said, "优和良的加起来": those, added where a total is asked)
    if not said or len(said) == 1 and re.search(rf"(?:不是|不为|非|没有){re.escape(own[top.index(said[0])])}", key):
        return top
    return said


def _candidates(q: QueryPlan, found: list[tuple[Document, StatedFact]]) -> Answer:
    items = [Item(stated_label(f), f.value_text, f.unit, stated_citation(d, f), yuan(f.value, f.unit))
             for d, f in found[:8]]
    listed = "；".join(f"{i.label}{i.value}{i.unit}" for i in items)
    return Answer(q.text, f"文件中有{len(items)}处说法都与问题相符，数字不同：{listed}。请说明要哪一项。", UNCLEAR, LOOKUP,
                  citations=[i.citation for i in items], missing=["哪一项"], items=items)

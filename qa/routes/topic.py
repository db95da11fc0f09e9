"""A broad subject asked about ("养老花了多少", "离退休的钱", "职业年金交了多少"): the word is
part of several 科目 names and the whole name of none, so no one row is "the" answer. Each
科目 that carries it (or a row word the topics vocabulary files under it) is listed with its
figure and cell, without a headline: one figure would answer for a broader or narrower thing.
Where all of them print one figure (a 款 and its only 项), or a longer word names one 科目 alone
("买办公设备" for 办公设备购置), that figure answers, cited on the finest 科目."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from core.concepts import Concept, lexicon
from core.model import COUNT_UNITS, YUAN_PER_UNIT, Document
from core.schema import schema
from core.text import is_total, match_key
from index.lexical import words
from qa.answers import item
from qa.context import Library
from qa.lookup import (GENERIC_LABELS, SPENDING_SUFFIX_RE, Located, breaks_down, choose_column, named_table, row_key, row_name, stated_stretch, table_priority,
                       unexplained_modifier, unexplained_phrase, without_spent_word, word_runs)
from qa.model import LOOKUP, UNCLEAR, Answer, Item
from qa.narrative import narrative_key
from qa.pick import Pick, pick_cells
from qa.routes.stated import stated_citation
from qa.routes.value import cell_amount, figure_answer
from qa.understand import TOTAL_ASKED_RE, QueryPlan

MONEY_RE = re.compile(r"钱|花|支出|经费|费用|资金|预算|决算|万元|元")
# words of every budget (a measure, a fund, a total): they name no subject of spending
BUDGET_WORD_RE = re.compile(r"(预算|决算|预决算|全年|年初|调整|本年|上年|年末)*(预算|决算|支出|收入|经费|费用|资金|拨款|财政|"
                            r"财政拨款|一般公共预算|政府性基金|国有资本经营|基本支出|项目支出|合计|总计|小计|项目|金额|结转|结余|"
                            r"结转和结余)?(数|的)?")
# words that pick a column of a 科目's row: a figure read without them in mind is not the one asked
COLUMN_WORD_RE = re.compile(r"年初|年末|结转|结余|基本支出|项目支出|财政拨款|一般公共预算|政府性基金|上年|调整")
JOIN_RE = re.compile(r"和|及|与|跟|、|以及")
# "给职工交社保": the staff the money is paid for, said after 给 / 为, name no 科目 of their own
RECIPIENT_MARKS = {"给", "为", "替", "帮"}
STAFF_WORDS = {"职工", "员工", "干部", "人员", "工作人员", "个人", "大家"}
# the money's word after a subject ("离退休费", "养老经费")
MONEY_WORD_RE = re.compile(r"(?:经费|费用|费|钱)$")
DE_MONEY_RE = re.compile(r"的(?:支出|钱|经费|费用|资金)$")  # a subject's 的, then its money
MAX_TOPIC_ROWS = 10  # more 科目 than this carry the word: it is too general to be a subject
MIN_ONE_ROW_WORD = 3  # a word this long that one 科目's name alone carries names that 科目
MAX_SPAN_WORDS = 3  # a subject is said in at most this many words ("基本 养老 保险")
# tables whose rows are 科目 (功能分类 or 经济分类) or counted things (车辆, 设备); other tables' rows are not subjects
SUBJECT_TABLES = {"total", "spending", "general", "economic", "fund", "income", "appropriation", "running", "stats", "procurement"}


# (科目 key, row name) -> where that 科目 is printed (table, row)
SubjectRows = dict[tuple[str, str], list[tuple[int, int]]]


@dataclass
class Topic:
    said: str  # the words of the question naming the subject
    rows: list[Located]  # one cell per 科目 that belongs to it, in table order


# rows asked by a word their names carry ("带养老的那几行", "名称里有“救助”的科目"): each such row
CARRYING_RE = re.compile(r"(?:带有?|含有|名字里有|名称里有|名字中有|名称中有)[“\"'‘]?(?P<word>[\u4e00-\u9fff]{2,8}?)[”\"'’]?"
                         r"(?:[两二三四五六七八]个)?字?的"
                         r"(?:那|哪|这)?(?:几|些)?(?:行|项|个|条|科目)")


def carrying_answer(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """Each 科目 whose name carries the word asked, with its figure and cell (in the table the
    question names, else where each fits best); none the headline."""
    if (asked := CARRYING_RE.search(q.text)) is None:
        return None
    word = match_key(asked.group("word"))
    # ("基本支出里带“其他”的科目": the whole said before is where they lie, its own tables)
    wholes = [m.concept for m in lexicon().concepts_in(match_key(q.text[:asked.start()])) if not m.generic]
    for doc in docs:
        only = named_table(doc, q.match_text)
        within = {ti for ti in range(len(doc.tables)) if any(breaks_down(doc, ti, c) for c in wholes)}
        places = [[p for p in where if (only is None or p[0] == only) and (not within or p[0] in within)]
                  for (_, name), where in subject_rows(doc).items() if word in name]
        cells = [c for where in places if where and (c := best_cell(doc, where, q)) is not None]
        if cells:
            return candidates_answer(q, Topic(asked.group("word"), sorted(cells, key=lambda c: (c.table_seq, c.row_seq))))
    return None


def topic_answer(lib: Library, q: QueryPlan, docs: list[Document]) -> Answer | None:
    """The candidates of a subject in the first document that has 科目 of it; where they all
    print one figure (one 科目, or a 款 and its only 项), that figure, cited on the finest 科目."""
    if q.operation != "value" or q.intent != "figure" or q.codes or set(q.units) & COUNT_UNITS:
        return None  # (a count asked, "救助了多少孤儿", is no 科目's money)
    named = [m for m in lexicon().concepts_in(q.match_text) if not m.generic and not _counts_only(m.concept, q.text)
             and not _source_of_topic(m, match_key(q.match_text))]
    if named:
        return _undecided(q, docs) or _everyday_rivals(lib, q, docs, named)
    # who the money is for ("离退休人员") names no subject of its own, nor does a table's title
    # ("相关信息统计表" is where to look, not 信息网络)
    # (a follow-up naming nothing, "那前一年呢", after a subject found by its words: that subject)
    rest = match_key(f"{q.topic} {q.rest}" if q.topic and "concepts" in q.inherited and not q.rows else q.rest)
    for start, end in reversed(lib.title_spans(rest)):
        rest = rest[:start] + " " + rest[end:]
    q = replace(q, rest=rest)
    for m in lexicon().concepts_in(rest):
        if _counts_only(m.concept, q.text):
            rest = rest.replace(m.word, " ")
    for doc in docs:
        rows = subject_rows(doc)
        if _narrative_subject(rest, doc, rows):
            continue  # "最低生活保障支出": a subject the narrative states and no row is named by
        topic = asked_topic(q, doc, rows)
        if topic is None:
            continue
        if (only := _only_spent(topic.rows)) is not None:
            # "买办公设备花了多少": 30902 and 31002 are both 办公设备购置, one of them 0: the other is
            # all there is of it, said with the one that is 0
            answer = figure_answer(lib, q, Pick([only]))
            answer.notes.append("同名科目" + "、".join(f"{c.row.code or ''}{c.label}" for c in topic.rows if c is not only)
                                + "为0。")
            return answer
        if len({round(cell_amount(c), 2) for c in topic.rows}) > 1:
            return candidates_answer(q, topic)
        finest = max(topic.rows, key=lambda c: len(c.row.code or ""))
        beyond = match_key(q.rest).replace(topic.said, " ")  # the subject is what the rows explain
        # (as do words of the finest 科目's own name: "困难群众的生活救助" of 其他城市生活救助)
        beyond = " ".join(w for w in words(beyond) if not (len(w) >= 2 and w in match_key(finest.label)))
        if COLUMN_WORD_RE.search(q.rest) or unexplained_modifier(q.match_text, finest) or \
                unexplained_phrase(beyond, finest) or \
                _short_lead(topic.said, finest) and cell_amount(finest) or _said_within(topic.said, finest, q.text):
            # "彩票公益金年末结转": a column not read for certain; "机关多少": a word far too short for
            # the 机关事业单位基本养老保险缴费支出 it begins, listed rather than answered (where every
            # row it could mean prints nothing, "有领导专车吗", nothing is the answer either way; not
            # so for a kind of the thing asked, "资产" of 无形资产购置: its 0 is not the assets')
            return candidates_answer(q, topic)
        return figure_answer(lib, q, Pick([finest]))
    return None


def _row_named(said: str, keys: list[tuple[str, str]], rows: SubjectRows, asked: str, filed: list[str]) -> bool:
    """The words name a row outright: "社会福利的" (a row's whole name with 的), a row carrying them
    named whole ("政协会议", its 政协 read as the department's; "社会保障和就业", the 类 without its
    支出, not its 其他社会保障和就业支出), but not one the vocabulary files under the subject ("优待
    抚恤": 抚恤 is one of the rows filed under 优待)."""
    return said.endswith("的") and any(name == said[:-1] for _, name in rows) or any(
        name == said or SPENDING_SUFFIX_RE.sub("", name) == said or name in asked
        and not lexicon().read_across(name, asked) and not any(t in name for t in filed) for _, name in keys)


MIN_SAID_SHARE = 4  # a two-character word that begins a row's name says at least a quarter of it


def _short_lead(said: str, cell: Located) -> bool:
    """A two-character word that only begins a much longer 科目 name ("机关" of 机关事业单位基本养老
    保险缴费支出): too little of it said for its figure to head an answer."""
    name = row_key(cell.label)
    return len(said) <= 2 and name.startswith(said) and len(said) * MIN_SAID_SHARE < len(name)


def _said_within(said: str, cell: Located, question: str) -> bool:
    """The whole of a thing asked by a two-character word ("资产总额") that a 科目 name carries
    only between words making it one kind of it (无形资产购置: intangible assets bought): another
    thing."""
    name = without_spent_word(row_key(cell.label)).removesuffix("费")
    whole = re.search(re.escape(said) + "的?(?:" + TOTAL_ASKED_RE.pattern + ")", match_key(question))
    return bool(whole) and len(said) <= 2 and said in name[1:-1] and not name.startswith(said) and not name.endswith(said)


def _source_of_topic(m, key: str) -> bool:
    """"财政给离退休拨了多少钱": money's source said the everyday way (a fund's income, "财政给",
    "政府拨") before a subject the vocabulary files 科目 under: the subject is asked, the fund only
    says whose money it is."""
    if not (m.colloquial and m.concept.department_total and m.concept.name.endswith("收入")):
        return False
    clause = re.split(r"[,;。?!]", key[m.end:])[0]
    return any(match_key(word) in clause for word in lexicon().topics)


def _undecided(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """A word for two concepts alike with nothing else said to tell which ("结转结余有多少": carried
    into the year, or out of it): each one's figure and cell, none the headline."""
    if (said := lexicon().undecided_in(q.text)) is None:
        return None
    word, concepts = said
    for doc in docs:
        picks = [pick_cells(_said_as(q, word, c), doc) for c in concepts]
        cells = [p.cells[0] for p in picks if p is not None and not p.summed and isinstance(p.cells[0], Located)]
        if len(cells) == len(concepts) and len({round(cell_amount(c) or 0, 2) for c in cells}) > 1:
            items = [item(c, f"{row_name(c.row.label)}（{c.table.title}“{c.column_path}”）") for c in cells]
            listed = "；".join(f"{i.label} {i.value}{i.unit}" for i in items)
            return Answer(q.text, f"“{word}”可指{'或'.join(row_name(c.row.label) for c in cells)}，数字不同：{listed}。请说明要哪一个。",
                          UNCLEAR, LOOKUP, citations=[i.citation for i in items], missing=["哪一个"], items=items)
    return None


def _said_as(q: QueryPlan, word: str, concept: Concept) -> QueryPlan:
    """The question with the word said as one concept's name; the concept then named is the one
    the words around it make of that name ("财政拨款" + "年初结转和结余": 年初财政拨款结转和结余)."""
    said = q.reworded(re.compile(re.escape(word)), concept.name)
    name = match_key(concept.name)
    named = [m.concept for m in lexicon().concepts_in(match_key(said.text)) if name in m.word]
    return replace(said, concepts=named[-1:] or [concept])


def _everyday_rivals(lib: Library, q: QueryPlan, docs: list[Document], named: list) -> Answer | None:
    """A concept asked by its everyday word ("开会的钱") where the document also prints 科目 the word
    fits ("政协会议", the spending on the sessions the body holds) with another figure: each listed,
    no headline; the concept's own term ("会议费") asks for it alone."""
    if len(named) != 1 or not named[0].colloquial or not named[0].concept.everyday_rivals:
        return None
    concept = named[0].concept
    for doc in docs:
        pick = pick_cells(q, doc)
        if pick is None or pick.summed or not isinstance(pick.cells[0], Located):
            continue
        rows = subject_rows(doc)
        keys = [k for k in rows if k[0].isdigit() and any(w in k[1] for w in concept.everyday_rivals)
                and not any(match_key(t) in k[1] for t in concept.terms)]  # (科目 by their codes)
        own = pick.cells[0]
        rivals = [c for k in keys if (c := best_cell(doc, rows[k], q)) is not None
                  and round(cell_amount(c), 2) != round(cell_amount(own), 2)]
        return candidates_answer(q, Topic(named[0].word, [own, *rivals])) if rivals else None
    return None


def narrower_counted(q: QueryPlan, docs: list[Document], answer: Answer | None) -> Answer | None:
    """A count asked by a narrower word than what the count found ("公车几辆" answered with all 25
    vehicles) where the document also states that narrower class ("公务用车保有量10辆") with another
    number: both listed, no headline; else the answer as found."""
    counted = [c for c in q.concepts if c.narrower_stated is not None and any(w in q.text for w in c.narrower_said)]
    if answer is None or not counted or not answer.figures or not docs:
        return answer
    found, doc = answer.figures[0], next((d for d in docs if d.department == answer.figures[0].department), docs[0])
    narrower = [f for f in doc.stated if f.unit == found.unit and f.qualifier in ("", "其中")
                and counted[0].narrower_stated.search(match_key(f.subject)) and f.value_text != found.value]
    if not narrower or counted[0].narrower_stated.search(match_key(found.label)):
        return answer
    items = [Item(found.label, found.value, found.unit, answer.citations[0]),
             *(Item(f.subject, f.value_text, f.unit, stated_citation(doc, f)) for f in narrower[:2])]
    listed = "；".join(f"{i.label}{i.value}{i.unit}" for i in items)
    text = (f"{doc.department}{doc.year}年{doc.kind}中，“{next(w for w in counted[0].narrower_said if w in q.text)}”"
            f"可指不同口径的数字：{listed}。请说明要哪一个。")
    return Answer(q.text, text, UNCLEAR, LOOKUP, citations=[i.citation for i in items], missing=["哪一个口径"], items=items)


def _only_spent(cells: list[Located]) -> Located | None:
    """Of rows of one name in one table's column (a 办公设备购置 under 309 and under 310), the one
    not 0 when all the others are: their total is its figure."""
    places = {(c.table_seq, c.column_path, match_key(c.label)) for c in cells}
    spent = [c for c in cells if cell_amount(c)]
    return spent[0] if len(cells) > 1 and len(places) == 1 and len(spent) == 1 else None


def _narrative_subject(question_rest: str, doc: Document, rows: SubjectRows) -> bool:
    """The question names (in four characters or more) something the narrative states and no
    科目 is named by: the 科目 that share a word with it are not its parts."""
    phrase = stated_stretch(word_runs(match_key(question_rest)), narrative_key(doc))
    # (a word the topics vocabulary files rows under names those rows: "福利彩票" → 彩票公益金; "离退休支出"
    # is the 行政事业单位离退休 row's subject, said with the spending word its name leaves off)
    said = {phrase, without_spent_word(phrase)} if phrase is not None else set()
    return phrase is not None and not any(p in name for p in said if len(p) >= 2 for _, name in rows) and \
        phrase not in lexicon().topics


def _counts_only(concept: Concept, question: str) -> bool:
    """A concept of people or bodies (离退休人员: 人, 名) in a question about money ("离退休人员
    花了多少钱"): it names who the money is for, not the figure."""
    return not concept.finds and bool(concept.stated_unit) and \
        not any(u in YUAN_PER_UNIT for u in concept.stated_unit) and bool(MONEY_RE.search(question))


def _names_subject(word: str) -> bool:
    """A standard 科目 name of a department's disclosures (退休费 30302, 养老服务 2081002)."""
    return bool(schema().codes_named("function", word) or schema().codes_named("economic", word))


def _subject_words(said: str) -> list[str]:
    """The words a 科目 name carries when it is of the subject said: the words, their stem, and
    the rows the topics vocabulary files under it."""
    # ("养老支出": the subject is 养老, the 支出 of every 科目, so 养老服务 carries it as much as
    # 行政事业单位养老支出 does)
    stem = SPENDING_SUFFIX_RE.sub("", said) if len(said) > 3 else said
    # ("离退休费": the topic 离退休 with the money's word after it, not the 退休费 row inside it;
    # but "退休费" names its 科目)
    if (topic := MONEY_WORD_RE.sub("", stem)) in lexicon().topics and not _names_subject(said):
        stem = topic
    return [said, stem, *map(match_key, lexicon().topics.get(stem, []))]


def asked_topic(q: QueryPlan, doc: Document, rows: SubjectRows) -> Topic | None:
    """The longest run of the question's words that some 科目 names carry (with the runs right
    beside it or joined to it by 和/及/、 that also do: "优抚拥军"): a subject when two to
    ``MAX_TOPIC_ROWS`` 科目 carry it and none is named exactly by it; a longer word that one
    科目 alone carries names that 科目 ("买办公设备" for 办公设备购置)."""
    said_words = [part for w in words(match_key(q.rest)) if w.strip() for part in _verb_apart(w)]
    spans = sorted({(i, j) for i in range(len(said_words))
                    for j in range(i + 1, min(i + MAX_SPAN_WORDS, len(said_words)) + 1)},
                   key=lambda s: (-len("".join(said_words[s[0]:s[1]])), s))
    asked = match_key(q.match_text)

    def carried(i: int, j: int) -> list[tuple[str, str]]:
        said = "".join(said_words[i:j])
        if len(said) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", said) or BUDGET_WORD_RE.fullmatch(said.lstrip("的")) or \
                DE_MONEY_RE.search(said):
            return []  # ("的支出" of "养老的支出" is no subject, though "…安排的支出" rows carry it; "社会福利的支出"
            #            says no more than 社会福利, though 用于社会福利的彩票公益金支出 carries "社会福利的")
        wanted = _subject_words(said)
        return [k for k in rows if any(w in k[1] for w in wanted)]

    for i, j in spans:
        keys = carried(i, j)
        if not keys:
            continue
        start, end = i, j
        for a, b in _beside(said_words, i, j):
            # ("救助流浪乞讨人员": 救助 says again what 流浪乞讨人员救助支出 says, no other 救助 row)
            more = [] if all("".join(said_words[a:b]) in name for _, name in keys) else \
                [k for k in carried(a, b) if k not in keys]
            if more:
                keys += more
                start, end = min(a, start), max(b, end)
        # another word of the question naming some of those rows narrows them ("离休的老干部": 离休费)
        # (not a word joined to another, "补贴和服务": it is one of several things asked; nor one the
        # vocabulary files under the subject, "优待抚恤": 抚恤 is part of what 优待 says)
        filed = [match_key(t) for t in lexicon().topics.get("".join(said_words[i:j]), [])]
        # (nor who it is paid for, "给职工交社保": the staff, not 职工基本医疗保险缴费 alone)
        for a in range(len(said_words)):
            joined = any(0 <= b < len(said_words) and JOIN_RE.fullmatch(said_words[b]) for b in (a - 1, a + 1))
            paid_for = a > 0 and said_words[a - 1] in RECIPIENT_MARKS and said_words[a] in STAFF_WORDS
            narrowed = [k for k in keys if k in carried(a, a + 1)] \
                if not start <= a < end and not joined and not paid_for and said_words[a] not in filed else []
            if narrowed and len(narrowed) < len(keys):
                keys, start, end = narrowed, min(a, start), max(a + 1, end)
        said = "".join(said_words[start:end])
        # ("办公设备" of 办公设备购置 alone; "管理的" says no more than 管理, which many 科目 carry)
        fewest = 1 if len(said.replace("的", "")) >= MIN_ONE_ROW_WORD else 2
        if len(keys) > MAX_TOPIC_ROWS or _row_named(said, keys, rows, asked, filed):
            return None  # a word too general to be a subject, or a row the question names
        if len(keys) < fewest:
            if any(w in lexicon().topics for w in said_words[:i] + said_words[j:]):
                continue  # "军人家属的优待抚恤": 军人 in one 科目 name says who; the subject (优待) comes after
            return None
        said = _widened(said, q.rest, [k[1] for k in keys])
        cells = [cell for k in keys if (cell := best_cell(doc, rows[k], q)) is not None]
        return Topic(said, sorted(cells, key=lambda c: (c.row.code or "9", c.table_seq, c.row_seq))) \
            if len(cells) >= fewest else None
    return None


# a verb run into its object by the word splitter ("发工资", "交社保", "买车辆"): the object is the subject
VERB_BEFORE_OBJECT_RE = re.compile(r"^([发交缴买付给养用花])([\u4e00-\u9fff]{2,})$")


def _verb_apart(word: str) -> list[str]:
    m = VERB_BEFORE_OBJECT_RE.match(word)
    return [m.group(1), m.group(2)] if m else [word]


def _beside(said_words: list[str], i: int, j: int) -> list[tuple[int, int]]:
    """The one-word runs right before and after words i..j, or past a joining word (和, 及, 、)."""
    after = j + 1 if j < len(said_words) and JOIN_RE.fullmatch(said_words[j]) else j
    before = i - 2 if i > 0 and JOIN_RE.fullmatch(said_words[i - 1]) else i - 1
    return [(a, a + 1) for a in (after, before) if 0 <= a < len(said_words)]


def _widened(said: str, question: str, names: list[str]) -> str:
    """The subject as the question writes it, where the word cutter split it short ("职业年" of
    职业年金): grown by characters while some matching 科目 name still carries it."""
    key = match_key(question)
    start = key.find(said)
    if start < 0:
        return said
    end = start + len(said)
    while end < len(key) and any(key[start:end + 1] in n for n in names):
        end += 1
    while start > 0 and any(key[start - 1:end] in n for n in names):
        start -= 1
    return key[start:end]


def subject_rows(doc: Document) -> SubjectRows:
    """(科目 key, row name) -> where that 科目 is printed: by code where printed, else by name."""
    found: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for ti, table in enumerate(doc.tables):
        if table.category != "standard" or schema().family(table.type) not in SUBJECT_TABLES:
            continue
        for ri, row in enumerate(table.rows):
            name = row_key(row.label)
            if len(name) < 2 or name in GENERIC_LABELS or is_total(name):
                continue
            found.setdefault((row.code or name, name), []).append((ti, ri))
    return found


def best_cell(doc: Document, places: list[tuple[int, int]], q: QueryPlan) -> Located | None:
    """The 科目's figure from the table the question fits best (a 支出 question reads a spending
    table first), in the column it names or the row's first."""
    ti, ri = min(places, key=lambda p: (table_priority(doc.tables[p[0]], q.text), p))
    table = doc.tables[ti]
    column = choose_column(table, table.rows[ri], q.text, q.measure, doc)
    if column is None:
        return None
    cell = Located(doc, ti, ri, column, row_name(table.rows[ri].label))
    return cell if cell.value is not None else None


def candidates_answer(q: QueryPlan, topic: Topic) -> Answer:
    cells = topic.rows
    doc = cells[0].doc
    items = [item(c, f"{c.row.code + ' ' if c.row.code else ''}{c.label}（{c.table.title}“{c.column_path}”）")
             for c in cells]
    listed = "；".join(f"{i.label} {i.value}{i.unit}" for i in items)
    text = (f"{doc.department}{doc.year}年{doc.kind}中，与“{topic.said}”有关的科目有{len(cells)}个，"
            f"口径不同，没有哪一个单独等于“{topic.said}”的总数：{listed}。请说明要哪一项。")
    return Answer(q.text, text, UNCLEAR, LOOKUP, citations=[i.citation for i in items],
                  missing=["哪一个科目"], items=items)

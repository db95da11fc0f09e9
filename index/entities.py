"""Which department, year and document kind a question names, matched against the store.

People type short forms: 阳泉民政局 for 阳泉市民政局, 社工部 for 中共上海市普陀区委社会工作部,
省政协 for 江苏省政协办公厅. Each department gets a set of name fragments built by rules
(drop 省/市/区/县, standard abbreviations, the name without its place prefix); the longest
fragment found in the question wins. A name-like word that matches nothing is reported, so
the caller can refuse instead of silently answering for another department.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from core.config import current_year
from core.concepts import lexicon
from core.names import canonical_department, split_places
from core.vocab import budget_terms, organisations, province_of_prefecture, provinces, shortenings
from core.text import chinese_number, match_key

ADMIN_CHARS = re.compile(r"(?<!社)[省市区县](?!委|人民政府|政府|府|场)")  # 省委/区委, 区政府, 区府办 keep theirs; 市场, 社区 are no place
# an autonomous region is called by its first name: 广西, 宁夏, 新疆, 西藏, 内蒙古
AUTONOMOUS_REGION_RE = re.compile(r"^(.+?)(?:壮族|回族|维吾尔)?自治区$")
# organisation words that say nothing without a place: 政府 also starts 政府采购, 政府性基金
# ("委办", a party committee's office, is the office's own shorthand, as 政协 is: the one the store holds)
GENERIC_ORGS = {"政府", "人民政府", "办公室", "办公厅", "办", "政府办", "人民政府办", "府办", "政府办公室", "政府办公厅",
                "街道", "街道办", "委", "部", "局", "院", "中心", "办事处"}
# (a 部 after 干 is a person: "老干部", "退休干部")
ORG_SUFFIX = r"(?:局|厅|委|办(?!公)|(?<![干全内外])部|院|中心|街道|政府|政协|人大|处|站|(?<!有)所|馆)"
# "政府性基金", "政府采购" are funds and purchases, not a 政府 named
# (not "部分", "政协会议": a word that starts with a body's name; nor "民政部门", bodies of a field;
# nor "康养中心项目", "照料中心配套资金": a project named after the centre it builds or funds)
ORG_MENTION_RE = re.compile(rf"[\u4e00-\u9fff]{{1,8}}?{ORG_SUFFIX}(?:(?<=委)办(?!公|事))?"
                            r"(?!性|采购|分|会议|门|项目(?!支出)|配套|工程|新建|建设|改造|提档)")
# "临汾那个局", "临汾的那个局": a demonstrative between a place and the body it points at
DEMONSTRATIVE_RE = re.compile(r"(?<=[\u4e00-\u9fff])的?(?:那个|这个|那家|这家)(?=局|厅|委|院|街道)")
NOT_ORG = re.compile(r"^(?:请问|请|问一下|查询|我想|我们|我|想知道|想|了解一下|了解下|了解|看到|看了|听说|听人说|听人讲|晓得|打听|人家说|人家讲|别人说|别人讲|有人说|有人讲|网上说|网传|传言|(?:有)?(?:报道|文章|媒体|新闻|帖子)(?:上)?说|据说|记得|印象中|印象里|好像|知道|关于|对于|咨询|查一下|查下|问问|问下|为什么|为啥|怎么|怎样|是否|有没有|多少|那|和|跟|与|比|占|的|年|年度"
                     r"|今|去|前|本|该|这个|哪个|各|全|这两个|两个|两家|这几个|几个|各个|所有|全部|每个"
                     # when the asker came to it ("刚了解省委办公厅", "最近看到…")
                     r"|刚刚|刚|才|最近|近来|初次|第一次|正在"
                     # what the asker wants done ("列出省委办公厅…", "帮我查一下…", "说说…")
                     r"|列出|列一下|列举|帮我|给我|告诉我|说说|说一下|讲讲|看看|查查|看一下|看下|查看"
                     # ("我想算算省委办公厅平均每个处室摊多少钱", "对比一下两个民政局")
                     r"|算算|算一下|算下|比比|比一下|对比一下|对比下|对比|比较一下|比较下|比较"
                     # a ranking word run into the name ("…got the biggest allocation in 万里街道's": "最多万里街道")
                     r"|最多|最少|最大|最小|最高|最低"
                     # a chat turning to another body ("换成省政协的", "改问临汾的", "再看看…")
                     r"|换成|换到|换个|改成|改问|改为|再看看|再看|再问|回到"
                     # a letter's address to the body it is sent to ("恳请贵局", "致…：", "截至…日该部门")
                     r"|恳请|烦请|敬请|劳烦|麻烦|致|贵|日|月|度)+")
NOT_NAME_RUN_RE = re.compile(r"[着了过看说讲又还在把被让给想问叫]")
# "两个民政局", "各个街道": every department the name fits is meant, not one to be chosen
ALL_OF_RE = re.compile(r"(?:这)?(?:两|几|各|每|所有|全部)(?:个|家)?$")
# …or asked which of them ("哪个办公厅")
EVERY_OF_KIND_RE = re.compile(rf"(?:{ALL_OF_RE.pattern})|哪(?:个|家|一个|一家)$")
CONJUNCTION = r"(?:和|跟|与|及|、|同|还有)"
# a body addressed by its kind in a letter ("贵局", "贵街道", "贵院")
ADDRESSED_RE = re.compile(r"贵(?P<kind>局|部|院|街道|办|厅|委|处|中心)")
COUNTED_KIND_RE = re.compile(r"(?<!哪)(?:几|多少)[个家]")
COUNTED_BODIES_RE = re.compile(r"(?:这)?[两二三四五几][个家份]")
YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2}|\d{2})\s*年")
YEAR_SPAN_RE = re.compile(r"(?<!\d)((?:19|20)\d{2}|\d{2})\s*年?度?\s*(?:到|至|-|—|~|～)\s*((?:19|20)\d{2}|\d{2})\s*(?:这|那)?(?:[两二三四五六七八九十]个?)?年")
CHINESE_YEAR_RE = re.compile(r"([〇零一二三四五六七八九]{2,4})(?=\s*年)")
# a year said as a number ("两千零一十九年"), and one written without 年: four digits standing
# alone, not an amount, a count or a code ("2017 三公", "2023、2024、2025这三年")
SPOKEN_YEAR_RE = re.compile(r"([两二]千零?[一二三四五六七八九十]{1,3})(?=\s*年)")
# a year of this century said by its last two numbers ("十八年" for 2018, "二十四年" for 2024),
# not a span of years ("近十九年", "十八年来", "几十年")
SPOKEN_SHORT_YEAR_RE = re.compile(r"(?<![\d〇零一二三四五六七八九十两几多近过这那前后连续每第了已满共])((?:二)?十[一二三四五六七八九])(?=\s*年(?![来间里内前后]))")
BARE_YEAR_RE = re.compile(r"(?<![\d.])(?<!\d,)((?:19[89]|20[0-4])\d)(?![\d.]|,\d)(?!\s*(?:年|万|亿|千|百|元|块|%|％|人(?!员)|辆|个|名|台|套|次|项(?!目)|多|余|来|号|届))")
# a search-box year: two digits right after a name and before a word ("省委办公厅17采购", "委办19 项目支出",
# "社工部23决算", "政协19 买公车没"), in a question that writes no year otherwise; not an amount, a
# count, a code or an ordinal
SHORT_YEAR_RE = re.compile(r"(?<=[\u4e00-\u9fff\s])(?<![比占是为有约近超过第前后共计达])([12]\d)(?![\d.,])"
                           r"(?=\s*[\u4e00-\u9fff]|\s*$)(?!\s*(?:年|万|亿|千|百|元|块|人(?!员)|辆|个|名|台|套|次|项(?!目)|多|余|来|号|届|岁"
                           r"|家|批|条|天|月|日|分|位|倍|成|表|栏|行|页|类|款|级|层|平|米|小时|周))")
CHINESE_DIGIT = str.maketrans("〇零一二三四五六七八九", "00123456789")
# a year typed with a letter that looks like a digit ("20l8年", "2O19年", "二O一九年"): the digit meant
SLIPPED_YEAR_RE = re.compile(r"(?<![A-Za-z\d])(?=[\dlIoO]{4}\s*年)(?=[^年]*\d)[\dlIoO]{4}(?=\s*年)|"
                             r"(?=[〇零一二三四五六七八九oO]{4}\s*年)(?=[^年]*[〇零一二三四五六七八九])[〇零一二三四五六七八九oO]{4}(?=\s*年)")
LOOKALIKE_DIGIT = {ord("l"): "1", ord("I"): "1", ord("o"): "0", ord("O"): "0"}
# a year no disclosure has ("2204年"): two neighbouring digits typed the wrong way round, read as
# the one budget year that swapping a pair gives (2024)
IMPOSSIBLE_YEAR_RE = re.compile(r"(?<![\d.])(?!19|20)\d{4}(?=\s*年)")
BUDGET_YEAR_RE = re.compile(r"20[0-3]\d")
LOOKALIKE_NUMERAL = {ord("o"): "〇", ord("O"): "〇"}
# "比一比2019年…", "对比2019年和2018年", "比较2019年…": the verb of comparing, the year one of the things
# compared, not the other side
COMPARED_RE = re.compile(r"(?<![对一])(?<!比比)(比|(?<!比)较)(?:它|其)?$")  # ("比它前一年那份": its year before)
COMPARED_AFTER_RE = re.compile(r"^(度)?(相比|比较|对比)")
# "跟上一年比": a year between 跟/和/与/同 and a plain 比 (while "去年比前年" has 去年 as its subject)
SET_AGAINST_RE = re.compile(r"(跟|和|与|同)$")
# 本年/上年 are not here: they start 本年收入合计 and 上年结转; "再往前一年" is 前一年
RELATIVE_DELTA = {"今年": 0, "去年": -1, "上一年": -1, "前一年": -1, "往前一年": -1, "前年": -2, "上上年": -2, "上上一年": -2,
                  "大前年": -3, "下一年": 1, "后一年": 1, "次年": 1, "第二年": 1, "明年": 1, "后年": 2}
# words that count from the year talked of, not from today ("前一年的机关运行经费", "最新那份预算里，
# 今年比去年多了多少"): said of a department with no year, they count from its latest document
COUNTED_FROM_DOCUMENT_RE = re.compile(r"上一年|前一年|往前一年|下一年|后一年|次年|第二年|最新|最近一份|最近那份")
# "2019年的前一年": a year said only to count from; the year meant is the one counted to
ANCHORED_YEAR_RE = re.compile(r"((?:19|20)\d{2}|(?<!\d)\d{2})\s*年度?的(" + "|".join(
    sorted((w for w, d in RELATIVE_DELTA.items() if d), key=len, reverse=True)) + ")")
CARRIED_OVER_RE = re.compile(r"(?:的|里|中)?(?:结转|结余|剩|转过来|留下|没花完|没用完|滚过来|滚)")
CARRIED_ON_RE = re.compile(r"(?:结转|转|留|剩)(?:到|至|给|入)$")
DOCUMENT_POINTED_AFTER_RE = re.compile(r"的?(?:那|那一)份")
RELATIVE_YEARS_RE = re.compile("|".join(sorted(RELATIVE_DELTA, key=len, reverse=True)))


def _compared_at(text: str, start: int, end: int) -> bool:
    """The year written at text[start:end] is a comparison's other side ("比23年", "23年相比")."""
    return bool(COMPARED_RE.search(text[:start]) or COMPARED_AFTER_RE.match(text[end:])
                # ("跟2018年度比", "是不是跟17年一样")
                or SET_AGAINST_RE.search(text[:start]) and re.match(r"度?(?:的)?(?:比|一样|相同|一致|持平|差不多)", text[end:]))


def _amount_unit_at(text: str, start: int, fragment: str) -> bool:
    """The fragment starts with a magnitude written right after a number ("95.36万里面" in "万里")."""
    if fragment[0] not in "万千百亿" or start == 0:
        return False
    before = text[start - 1]
    # (a 多 after a number, "十多万", not one after 最: "最多万里街道")
    return before.isdigit() or before in "零一二两三四五六七八九十几" or \
        before == "多" and start > 1 and (text[start - 2].isdigit() or text[start - 2] in "零一二两三四五六七八九十百千")


def relative_years(text: str) -> list[tuple[int, bool]]:
    """(years from the year meant, whether it is a comparison's other side) for each relative
    year written: "去年呢" → [(-1, False)]; "比前年少了多少" → [(-2, True)]. "比去年", "比上一年"
    are the document's own 比上年 (its stated change, its 上年 column): no year of their own."""
    found = []
    for m in RELATIVE_YEARS_RE.finditer(text):
        delta = RELATIVE_DELTA[m.group(0)]
        compared = _compared_at(text, m.start(), m.end())
        if text[m.end():m.end() + 1] == "度" or text[max(m.start() - 1, 0):m.start()] == "以":
            continue  # "以前年度的结转结余": earlier years in general, not the year before last
        if delta < 0 and CARRIED_OVER_RE.match(text[m.end():]):
            continue  # "从上一年结转过来的钱": this year's 年初结转, no year of its own
        if delta > 0 and CARRIED_ON_RE.search(text[:m.start()]):
            continue  # "有没有留钱结转到下一年": this year's 结转下年, no year of its own
        if not (compared and delta == -1) or DOCUMENT_POINTED_AFTER_RE.match(text, m.end()):
            found.append((delta, compared))  # ("比上一年那份预算里安排的": that year's own document)
    return found


def _org_variants(org: str) -> set[str]:
    """The organisation part and its usual shortenings (委社会工作部 -> 社会工作部, 社工部)."""
    out = {org}
    for full, short in shortenings():
        # names arrive canonical (委员会 → 委): a rule for 卫生健康委员会 holds for 卫生健康委
        for written in {full, canonical_department(full)}:
            out |= {o.replace(written, short) for o in out}
    for o in list(out):
        if o.startswith("委") and len(o) > 3 and o[1:] not in GENERIC_ORGS:
            # 区委社会工作部: the 委 belongs to the place's party committee (but 省委办公厅 is no
            # more "the province's 办公厅" than the 政府's or the 政协's)
            out.add(o[1:])
        for lead in ("人民政府", "政府"):
            if o.startswith(lead) and len(o) - len(lead) >= 3:
                out.add(o[len(lead):])  # 人民政府万里街道办事处 -> 万里街道办事处
        for tail in ("办公厅", "办公室", "办"):
            if o.endswith(tail) and len(o) - len(tail) >= 2:
                out.add(o[:-len(tail)])  # 政协办公厅 -> 政协
            if tail != "办" and o.endswith(tail) and len(o) > len(tail):
                out.add(o[:-len(tail)] + "办")  # 委办公厅 -> 委办 (省委办公厅: "委办"), 政协办公厅 -> 政协办
    for o in list(out):
        for tail in ("街道办事处", "街道办", "街道"):
            if o.endswith(tail) and len(o) - len(tail) >= 2 and not o.startswith(("人民政府", "政府")):
                out.add(o[:-len(tail)])  # 万里街道办事处 -> 万里: a 街道 is called by its own name
    return {o for o in out if o}


def _fragments(name: str) -> tuple[set[str], set[str]]:
    """(organisation fragments, place names) a person may use for this department,
    normalised without 省/市/区/县 (except before 委)."""
    places, org = split_places(canonical_department(name))
    frags = set()
    spoken = [[AUTONOMOUS_REGION_RE.sub(r"\1", p) for p in places]] if any(
        AUTONOMOUS_REGION_RE.search(p) for p in places) else []  # 广西 for 广西壮族自治区
    for variant in _org_variants(org):
        if not ADMIN_CHARS.sub("", variant):
            continue
        # 上海普陀政府办, 普陀政府办, 政府办: higher places may be left out, the lowest never
        # ("上海政府办" is the city's office, not 普陀区's)
        for chain in [places, *spoken]:
            for i in range(len(chain) + 1):
                prefix = "".join(chain[i:])
                if prefix or (len(variant) >= 2 and variant not in GENERIC_ORGS):
                    frags.add(ADMIN_CHARS.sub("", prefix + variant))
        for rank in _other_ranks(variant):
            frags |= {ADMIN_CHARS.sub("", "".join(chain[i:]) + rank) for chain in [places, *spoken]
                      for i in range(len(chain))}  # "天津教育厅" is 天津市教育委员会, with its place only
        if places and variant.startswith(("委", "政府", "人民政府", "府")):
            frags.add(places[-1][-1] + variant)  # 省委办公厅, 区委社会工作部, 区政府办
    bare_places = {ADMIN_CHARS.sub("", p) for chain in [places, *spoken] for p in chain}
    return {f for f in frags if len(f) >= 2 and not _budget_word(f)}, {p for p in bare_places if len(p) >= 2}


RANKS = ("厅", "局", "委")  # the same body is a province's 厅, a city's 局, a municipality's 委员会


def _other_ranks(org: str) -> list[str]:
    """The body under the other rank words ("教育委" → 教育厅, 教育局): a place has one body per
    function, and people rarely know which rank word it uses. Only for bodies the vocabulary
    knows by function (民政, 教育 …), so 办公厅 or 政法委 gain no 局."""
    if not org.endswith(RANKS) or len(org) < 3:
        return []
    stem = org[:-1]
    if not any(stem + r in organisations() for r in RANKS):
        return []
    # (and a 处, the word people slip into for a body they know as a section, "阳泉市民政处", or a
    # 委(员会), as a municipality's bodies are called: "阳泉市民政委员会")
    return [stem + r for r in ("厅", "局", "处", "委") if stem + r != org]


@lru_cache(maxsize=1)
def _budget_words() -> tuple[str, ...]:
    return tuple(match_key(w) for w in [*budget_terms(), *(t for c in lexicon().concepts for t in c.words())])


def _budget_word(fragment: str) -> bool:
    """A fragment that budget words contain and no body is called by ("财政" of a cover's 区财政,
    inside 财政拨款): read as a department it would take over every 财政拨款 question."""
    return fragment not in organisations() and any(fragment in w for w in _budget_words())


# word classes no place name is made of: pronouns, prepositions, conjunctions, particles,
# modal words, interjections ("同事报给我说", "公车比" before 省政协 are no place)
NOT_PLACE_FLAGS = ("r", "p", "c", "u", "y", "e")


# a verb word jieba joins with its copula or preposition ("是从" in "我是从区府办退休的"): no place
LEADING_FUNCTION_CHARS = "是在从给被把让对向到看听问想知"


def _may_be_place(prefix: str) -> bool:
    """Whether the words before an organisation's name can be a place ("太原", "二七", "经济开发"):
    not when they hold a pronoun, a preposition … or a one-character verb ("老师让查省委办公厅")."""
    import jieba.posseg

    return not any(w.flag.startswith(NOT_PLACE_FLAGS) or (w.flag.startswith("v") and (
        len(w.word) == 1 or w.word[0] in LEADING_FUNCTION_CHARS)) for w in jieba.posseg.cut(prefix))


@lru_cache(maxsize=1)
def _kind_names() -> frozenset[str]:
    return frozenset(ADMIN_CHARS.sub("", o) for o in [*organisations(), *GENERIC_ORGS])


@lru_cache(maxsize=1024)
def _lowest_place(key: str) -> str:
    places = split_places(key)[0]
    return ADMIN_CHARS.sub("", places[-1]) if places else ""


def _above_the_body(bare: str, prefix: str, said_place: str, inside: list) -> bool:
    """"上海市社会福利院" of 上海市普陀区社会福利院: only a kind of body (no name of its own, as
    万里 is) said after a place above the body's own, whose own place (普陀) is not said."""
    return all(bare[h[0]:h[1]] in _kind_names() for h in inside) and all(
        (lowest := _lowest_place(k)) and lowest != said_place and lowest not in prefix for h in inside for k in h[2])


def _starts_word(text: str, start: int, fragment: str) -> bool:
    """The fragment at ``start`` begins a longer word the dictionary knows (政协会议, a 科目)."""
    from index.lexical import is_word

    end = start + len(fragment)
    return any(is_word(text[start:end + n]) for n in (1, 2) if end + n <= len(text))


YEAR_BETWEEN_RE = re.compile(rf"{YEAR_RE.pattern}度?的?")


def _joined(mentions: list[tuple[int, int, str]]) -> list[str]:
    """Unknown names, those written one right after another read as one ("江苏人大" + "常委" +
    "会办" + "公厅" is 江苏人大常委会办公厅)."""
    out: list[tuple[int, int, str]] = []
    for start, end, word in sorted(mentions):
        if out and start == out[-1][1]:
            out[-1] = (out[-1][0], end, out[-1][2] + word)
        else:
            out.append((start, end, word))
    return [w for _, _, w in out]


@dataclass
class Department:
    name: str  # display name (as the first document prints it)
    names: set[str] = field(default_factory=set)
    fragments: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)  # years the store holds documents for


@dataclass
class Mention:
    departments: list[str]  # canonical names; more than one means ambiguous
    years: list[int]
    kind: str | None  # "决算" | "预算"
    scope: str | None  # "部门" | "单位"
    unknown_orgs: list[str]  # organisation-like words that match no department
    spans: list[str] = field(default_factory=list)
    rest: str = ""  # the question without the department names and years it mentions
    # one name that fits several departments ("江苏办公厅"): they are not two named to be set
    # against each other or added up
    one_name_for_several: bool = False
    # the departments are those of a place said alone ("普陀区这几家单位"): a group, not each one named
    by_place: bool = False


def _province_of(places: set[str]) -> set[str]:
    """The province of a city's body, where its name says none ("阳泉市民政局" is a 山西 body), so that
    a province said of it finds it ("山西这两家民政局")."""
    if any(p in provinces() for p in places):
        return set()
    by_bare = _province_of_bare_place()
    return {by_bare[p] for p in places if p in by_bare}


@lru_cache(maxsize=1)
def _province_of_bare_place() -> dict[str, str]:
    """Each prefecture by its bare name, as a department's places are kept ("阳泉" → 山西)."""
    return {ADMIN_CHARS.sub("", name): province for name, province in province_of_prefecture().items()}


class EntityResolver:
    """Built from the store's documents; resolves the entities a question names."""

    def __init__(self, documents):
        self.by_key: dict[str, Department] = {}
        self.years: set[int] = set()
        for doc in documents:
            key = canonical_department(doc.department)
            dept = self.by_key.setdefault(key, Department(name=doc.department))
            dept.names |= {doc.department, *doc.aliases}
            dept.years.add(doc.year)
            self.years.add(doc.year)
        for key, dept in self.by_key.items():
            for n in dept.names:
                if len(split_places(canonical_department(n))[1]) < 2:
                    continue  # a bare place name ("江苏省") is not a department
                if canonical_department(n) == key or canonical_department(n) in key:
                    frags, places = _fragments(n)
                    dept.fragments |= frags
                    dept.places |= places
            dept.places |= _province_of(dept.places)
        # a fragment shared by several departments is ambiguous, but still a match for each
        self.fragment_index: dict[str, set[str]] = {}
        for key, dept in self.by_key.items():
            for f in dept.fragments:
                self.fragment_index.setdefault(f, set()).add(key)
        self._fragments_by_length = sorted(self.fragment_index, key=len, reverse=True)
        places = sorted({p for d in self.by_key.values() for p in d.places}, key=len, reverse=True)
        alternatives = "|".join(map(re.escape, places)) or "(?!)"
        # "阳泉跟临汾民政局": the place before the conjunction takes the same organisation
        self._shared_org = re.compile(rf"({alternatives}){CONJUNCTION}(?=({alternatives}))")
        self._places = places  # longest first: the place said before a name is the longest it ends with

    def department_key(self, name: str) -> str:
        return canonical_department(name)

    def display(self, key: str) -> str:
        return self.by_key[key].name

    def known_as(self, name: str) -> str:
        """A printed name with the short form it is known by when that is not inside it
        (中国共产党江苏省委员会办公厅（江苏省委办公厅）): a reader who asked about 省委办公厅
        finds it in the answer."""
        key = canonical_department(name)
        return name if key in match_key(name) else f"{name}（{key}）"

    def _within_province(self, prefix: str, key: str) -> bool:
        """The province said before a city's or district's body ("山西省阳泉市民政局"): the store does
        not know which province a city is in, so any province its places do not contradict (a
        body of 上海 is no 江苏 body) — city names are all but unique across the country."""
        said = prefix.rstrip("省市区县")
        held = [p for p in self.by_key[key].places if p.endswith(provinces())]
        return said in provinces() and not held and any(p not in provinces() for p in self.by_key[key].places)

    def resolve(self, question: str, latest_year: int | None = None) -> Mention:
        # "烦请告知贵局…": the body a letter is addressed to, by its kind only (read below)
        typed = match_key(question)
        addressed = ADDRESSED_RE.search(typed)
        text = DEMONSTRATIVE_RE.sub("", ADDRESSED_RE.sub("", typed))
        dropped = {m.start() for m in ADMIN_CHARS.finditer(text)}
        # "阳泉和临汾两个民政局": a count of the bodies between the places and their shared name
        dropped |= {i for m in COUNTED_BODIES_RE.finditer(text)
                    if any(text.endswith(p, 0, m.start()) for p in self._places) for i in range(m.start(), m.end())}
        keep = [i for i in range(len(text)) if i not in dropped]  # bare position -> text position
        bare = "".join(text[i] for i in keep)
        hits, covered = self._fragment_hits(bare)
        hits, unknown = self._organisations_named(bare, text, hits, covered)
        years = self.years_in(question, latest_year)
        departments = self._departments_hit(bare, hits, years)
        by_place = False
        if not departments and unknown and COUNTED_BODIES_RE.search(text):
            # "山西这两家民政局": bodies of that kind counted after a place are that place's, a group
            departments, unknown = self._counted_group(unknown)
            by_place = bool(departments)
        if not departments and not unknown:
            for key, dept in self.by_key.items():
                if any(p in bare for p in dept.places):
                    departments.append(key)  # "那临汾的呢": a place alone
            # (one place said holding them all, "普陀区这几家单位"; not a place for each, "阳泉24 临汾19")
            by_place = len(departments) > 1 and any(p in bare and all(p in self.by_key[k].places for k in departments)
                                                    for p in self.by_key[departments[0]].places)
        if not departments and not unknown and addressed:
            departments = self._addressed(addressed.group("kind"), years)
        elif departments:
            departments += self._same_kind_by_place(bare, covered, departments)
        drop = {keep[i] for a, b, _ in hits for i in range(a, b)}
        drop |= {keep[i] for a, b in self._shortened_names(bare, departments) for i in range(a, b)}
        # the 省/市/区 inside a name ("越秀区法院"), and a 和/跟 between two names, go with them
        drop |= {i for i in dropped if i - 1 in drop or i + 1 in drop}
        drop |= {i for i, ch in enumerate(text) if ch in "和跟与及同、" and i - 1 in drop and i + 1 in drop}
        rest = YEAR_RE.sub(" ", "".join(ch for i, ch in enumerate(text) if i not in drop))
        if departments and COUNTED_FROM_DOCUMENT_RE.search(question) and not YEAR_RE.search(arabic_years(question)):
            years = self.years_in(question, max(max(self.by_key[k].years, default=0) for k in departments) or latest_year)
        return Mention(departments=departments, years=years,
                       kind=kind_in(question), scope=scope_in(question), unknown_orgs=_joined(unknown),
                       spans=[bare[a:b] for a, b, _ in hits], rest=rest.strip(),
                       one_name_for_several=self._one_name_for_several(bare, text, departments, hits), by_place=by_place)

    def _fragment_hits(self, bare: str) -> tuple[list[tuple[int, int, set[str]]], list[bool]]:
        """Where the store's name fragments occur, longest first, never overlapping: (start, end,
        departments) per fragment found, and which characters they cover."""
        hits: list[tuple[int, int, set[str]]] = []
        covered = [False] * len(bare)
        for frag in self._fragments_by_length:
            start = bare.find(frag)
            first = start
            while start >= 0:
                # "省政协19年政协会议": a second 政协 that starts a budget word is that word's
                # "人员经费95.36万里面": a 万 after a number is the amount's, not the place 万里's
                if not any(covered[start:start + len(frag)]) and not (start != first and _starts_word(bare, start, frag)) \
                        and not _amount_unit_at(bare, start, frag):
                    hits.append((start, start + len(frag), self.fragment_index[frag]))
                    for i in range(start, start + len(frag)):
                        covered[i] = True
                start = bare.find(frag, start + 1)
        return hits, covered

    def _organisations_named(self, bare: str, text: str, hits: list, covered: list[bool]):
        """The fragment hits an organisation's name confirms, and the names of organisations the
        store lacks, (start, end, word) each: a name whose place belongs to another body, or whose
        place only a generic fragment matched, names none the store holds."""
        unknown: list[tuple[int, int, str]] = []  # (start, end, word) of names the store lacks
        at = {h[0]: h for h in hits}  # hits never overlap: looked up by where they start
        for m in ORG_MENTION_RE.finditer(bare):
            # (a name holds no verb or particle: "前两年看着民政局又是…" names 民政局 only)
            word = NOT_ORG.sub("", NOT_NAME_RUN_RE.split(NOT_ORG.sub("", m.group(0)))[-1])
            start = m.end() - len(word)
            # ("一处写339.77万元，一处写323.35万元": places in a document, counted, not a body)
            if len(word) < 2 or re.fullmatch(ORG_SUFFIX, word) or re.search(r"经费|费|支出|收入|预算|决算|资金|采购|人员|单位", word) \
                    or re.fullmatch(r"[一二两三四五六七八九十几多每另]处", word) \
                    or COUNTED_KIND_RE.search(bare[max(0, m.start() - 4):m.end() - 2]) \
                    or bare.startswith("事务", m.end()):
                # ("有几个专门委员会": a kind of body counted; "其他政协事务支出": a 科目's name)
                continue
            if not any(covered[start:m.end()]):
                if fits := self._generic_at_place(bare, start):
                    at[start] = (start, *fits)  # "江苏办公厅": each 办公厅 of 江苏 the store holds
                    hits.append(at[start])
                    covered[start:fits[0]] = [True] * (fits[0] - start)
                else:
                    unknown.append((start, m.end(), word))
                continue
            inside = [at[i] for i in range(start, m.end()) if i in at]  # (a mention is a few characters)
            if self._names_another_body(bare, text, start, covered.index(True, start), inside):
                unknown.append((start, m.end(), word))
                for h in inside:
                    del at[h[0]]
        hits = [h for h in hits if at.get(h[0]) is h]
        hits += self._places_sharing_an_organisation(bare, hits)
        hits.sort()
        hits = [h for n, h in enumerate(hits) if not (n and self._unit_of(bare, hits[n - 1], h))]
        return hits, unknown

    def _unit_of(self, bare: str, before: tuple, hit: tuple) -> bool:
        """Whether ``hit`` names one of the units of the department ``before`` names, not a body of its
        own: written right after it and no longer ("临汾民政局福利院"), or with only a year between
        where it says no place and no department it fits is of the same place ("临汾民政局19年福利院养老楼
        新建项目"; not "省委办公厅19年政协19年…", two bodies of 江苏, "阳泉民政局24年临汾民政局19年…", a body
        said with its place, nor the same department named again)."""
        (first, end, named), (start, stop, keys) = before, hit
        if keys & named or stop - start > end - first:
            return False
        if start == end:
            return True
        places = {p for k in named for p in self.by_key[k].places}
        said_place = any(p in bare[start:stop] for k in keys for p in self.by_key[k].places)
        return bool(YEAR_BETWEEN_RE.fullmatch(bare[end:start])) and not said_place and \
            not any(places & self.by_key[k].places for k in keys)

    def _names_another_body(self, bare: str, text: str, start: int, first: int, inside: list) -> bool:
        """Whether the words before the first fragment hit (bare[start:first]) make the
        organisation one the store does not hold."""
        prefix = bare[start:first]
        if len(prefix) == 1 and prefix in "省市区县":
            # "区委办", "市委办": another level's party committee office, not the 省委's
            return not any(prefix + bare[first] in k for h in inside for k in h[2])
        if len(prefix) < 2:
            return False
        explicit_place = _may_be_place(prefix) and (bool(re.search(r"[省市区县]$", prefix)) or bool(
            re.search(re.escape(prefix) + r"[省市区县]", text)) or prefix.endswith(provinces()))
        # the place said right before the organisation ("在阳泉市社会福利院上班": 阳泉)
        said_place = next((p for p in self._places if prefix.endswith(p)), "")
        if said_place:
            # 临汾福利院, 上海市民政局: the place belongs to another department; 上海市社会福利院:
            # a kind of body said after a place above its own names that place's body; either
            # way the organisation named is none the store holds
            if not any(said_place in self.by_key[k].places for h in inside for k in h[2]) \
                    or _above_the_body(bare, prefix, said_place, inside):
                return True
        # 太原市民政局: only the generic 民政局 matched; the place is unexplained
        return all(len(h[2]) > 1 for h in inside) or (explicit_place and not any(
            prefix.rstrip("省市区县") in self.by_key[k].places or self._within_province(prefix, k)
            for h in inside for k in h[2]))

    def _departments_hit(self, bare: str, hits: list, years: list[int]) -> list[str]:
        """The departments the hits name, in the order said; a department named by a fragment of
        its own beats one that only shares a generic fragment."""
        departments: list[str] = []
        unique = {k for h in hits if len(h[2]) == 1 for k in h[2]}
        def named_at(key: str) -> int:  # "阳泉和临汾民政局": the shared 民政局 in the order of the places
            return min((bare.find(p) for p in self.by_key[key].places if p in bare), default=len(bare))

        for start, _, keys in hits:
            if len(keys) > 1 and years and not ALL_OF_RE.search(bare[:start]):
                # "民政局24年": of the departments the name fits, those with a document of that year
                keys = {k for k in keys if self.by_key[k].years & set(years)} or keys
            for k in sorted(keys, key=lambda k: (named_at(k), k)):
                if k not in departments and (not unique or k in unique):
                    departments.append(k)
        return departments

    def _addressed(self, kind: str, years: list[int]) -> list[str]:
        """The one body of that kind (局, 部, 院, 街道, 办…) the store holds (for the years said),
        a letter addressed "贵局" is written to; none where several are."""
        fits = [k for k in self.by_key if re.search(rf"{kind}(?:办事处|公室|公厅)?$", k)]
        # (of several, the one with a document of the year said; "截至2023年底" of a 2024 budget: the one)
        dated = [k for k in fits if self.by_key[k].years & set(years)] if len(fits) > 1 else fits
        return dated if len(dated) == 1 else []

    def _one_name_for_several(self, bare: str, text: str, departments: list[str], hits) -> bool:
        """Several departments from one name ("江苏办公厅"), none of them told apart by a place of
        its own said in the question ("临汾19年和阳泉24年民政局" names two)."""
        if len(departments) < 2 or len(hits) != 1 or ALL_OF_RE.search(bare[:hits[0][0]]) or COUNTED_BODIES_RE.search(text):
            return False  # ("两个民政局…加起来": both are meant)
        shared = set.intersection(*(self.by_key[k].places for k in departments))
        return not all(any(p in bare for p in self.by_key[k].places - shared) for k in departments)

    def _shortened_names(self, bare: str, departments: list[str]) -> list[tuple[int, int]]:
        """Where a department found is said as its place and the start of its organisation's name
        ("临汾民政" for 临汾市民政局): that is its name, not words of the question."""
        spans = []
        for key in departments:
            dept = self.by_key[key]
            orgs = {f for f in dept.fragments if not any(p in f for p in dept.places)}
            for place in dept.places:
                for m in re.finditer(re.escape(place), bare):
                    said = max((k for k in range(2, max(map(len, orgs), default=0) + 1)
                                if any(o.startswith(bare[m.end():m.end() + k]) for o in orgs)
                                and len(bare[m.end():m.end() + k]) == k), default=0)
                    if said:
                        spans.append((m.start(), m.end() + said))
        return spans

    def _generic_at_place(self, bare: str, start: int) -> tuple[int, set[str]] | None:
        """Where a place plus a generic body's word ("江苏办公厅", "普陀区政府办") starting at
        ``start`` ends, and the departments it may mean: those of that place whose name ends in
        that word (of any place where every such body is meant: "两个办公厅"); which one is not
        guessed."""
        places = sorted({p for d in self.by_key.values() for p in d.places}, key=len, reverse=True)
        said, at = [], start
        while (place := next((p for p in places if bare.startswith(p, at)), None)) is not None:
            said.append(place)  # ("上海普陀街道办": the city and the district before the body)
            at += len(place)
        # ("两个办公厅", "哪个办公厅": every body whose name ends in the word, wherever it is)
        every = not said and EVERY_OF_KIND_RE.search(bare[:start])
        for tail in sorted(GENERIC_ORGS, key=len, reverse=True) if said or every else []:
            if bare.startswith(tail, at):
                # (a name ending in the body's full word is one said short: 街道办事处 for 街道办)
                ends = (tail, *(full for full, short in shortenings() if short == tail))
                # (the body's own place said: "上海政府办" is the city's office, not 普陀区's)
                keys = {k for k, d in self.by_key.items() if set(said) <= d.places and (not said or _lowest_place(k) in said)
                        and any(ADMIN_CHARS.sub("", canonical_department(n)).endswith(ends) for n in d.names)}
                if keys:
                    return at + len(tail), keys
        return None

    def _counted_group(self, unknown: list[tuple[int, int, str]]) -> tuple[list[str], list[tuple[int, int, str]]]:
        """The departments of the kind a name unknown as one body ("山西民政局", said "山西这两家民政局")
        names in its place, where several are held; the names still unknown."""
        group, left = [], []
        for mention in unknown:
            name = mention[2]
            place = next((p for p in self._places if name.startswith(p)), "")
            kind = name[len(place):].lstrip("的")
            found = [k for k, d in self.by_key.items() if place and place in d.places and len(kind) >= 2 and k.endswith(kind)]
            group, left = (group + found, left) if len(found) > 1 else (group, left + [mention])
        return group, left

    def _same_kind_by_place(self, bare: str, covered: list[bool], named: list[str]) -> list[str]:
        """"阳泉民政局比临汾的多多少": a place said alone names that place's body of the kind
        already named (a place of a body already named is its own: "CPPCC office Jiangsu")."""
        kinds = {k[-3:] for k in named}
        own = {p for k in named for p in self.by_key[k].places}
        extra = []
        for key, dept in self.by_key.items():
            if key in named or key[-3:] not in kinds:
                continue
            for place in dept.places:
                if place in own:
                    continue
                start = bare.find(place)
                if start >= 0 and not any(covered[start:start + len(place)]):
                    extra.append(key)
                    break
        return extra

    def _places_sharing_an_organisation(self, bare: str, hits) -> list[tuple[int, int, set[str]]]:
        """"阳泉跟临汾民政局": 阳泉 with the organisation of the department named after it."""
        extra = []
        for m in self._shared_org.finditer(bare):
            after = next((h for h in hits if h[0] == m.end(2) - len(m.group(2)) or h[0] == m.start(2)), None)
            if after is None:
                continue
            org = bare[after[0]:after[1]][len(m.group(2)):]
            keys = self.fragment_index.get(m.group(1) + org)
            if org and keys:
                extra.append((m.start(1), m.end(1), keys))
        return extra

    def closest(self, word: str, n: int = 3) -> list[str]:
        """The departments whose names share most characters with an unknown name ("太原市民政局"
        → 阳泉市民政局, 临汾市民政局), for asking back."""
        key = canonical_department(word)
        org = split_places(key)[1][-3:]  # 民政局: the kind of body asked about comes first
        scored = sorted(((org in canonical_department(d.name), len(set(key) & set(canonical_department(d.name))), d.name)
                         for d in self.by_key.values()), reverse=True)
        return [name for same_kind, score, name in scored[:n] if same_kind or score >= 3]

    def years_in(self, question: str, latest_year: int | None = None, compared: bool = False) -> list[int]:
        """Years the question asks about; a year after 比/较/与 is a comparison, not a filter
        (``compared=True`` returns those instead)."""
        text = ANCHORED_YEAR_RE.sub(lambda m: f"{full_year(int(m.group(1))) + RELATIVE_DELTA[m.group(2)]}年",
                                    arabic_years(question.replace(" ", "")))
        # "去年8月底": a day's date said relatively is that date, like "截至2024年8月31日" (relative to
        # the year named: "按2025年的预算文件，…截至去年8月底" is 2024年8月, in the 2025 document)
        named = next((full_year(int(m.group(1))) for m in YEAR_RE.finditer(text)), None) or latest_year
        if named:
            text = DATED_RELATIVE_RE.sub(lambda m: f"{named + RELATIVE_DELTA[m.group(1)]}年", text)
        years = []
        if not compared and (span := YEAR_SPAN_RE.search(text)):
            first, last = (full_year(int(g)) for g in span.groups())
            years = list(range(first, last + 1)) if 0 < last - first <= 20 else []  # "23到25年"
        dated = []  # "截至2024年8月31日": a day's date, the year asked only when no other is said
        for m in YEAR_RE.finditer(text):
            if _compared_at(text, m.start(), m.end()) != compared:
                continue
            y = full_year(int(m.group(1)))
            if DATE_AFTER_YEAR_RE.match(text, m.end()):
                dated.append(y)
            elif y not in years:
                years.append(y)
        years += [y for y in dict.fromkeys(dated) if not years]
        # "19年比前年": a year relative to the year the question names; "去年的预算" said alone, to
        # today's year; "前一年", "最新那份…去年", to the year of the latest document
        base = next((full_year(int(m.group(1))) for m in YEAR_RE.finditer(text)
                     if not _compared_at(text, m.start(), m.end())), None) or \
            (latest_year if COUNTED_FROM_DOCUMENT_RE.search(text) else current_year())
        for delta, is_compared in relative_years(text):
            if base and is_compared == compared and base + delta not in years:
                years.append(base + delta)
        return years


DATE_AFTER_YEAR_RE = re.compile(r"\d{1,2}月(?:\d{1,2}[日号])?")
DATED_RELATIVE_RE = re.compile(r"(去年|前年|今年)(?=\d{1,2}月)")
# years listed with one 年 after them ("17、18、19三年", "2017、2018和2019年")
LISTED_YEARS_RE = re.compile(r"(?<![\d.])((?:19|20)?\d{2})((?:[、,，和与及跟](?:19|20)?\d{2}){1,5})(?=(?:这|那)?(?:[两二三四五六七八九]个?)?年)")


def _each_year(m: re.Match) -> str:
    numbers = [m.group(1)] + re.split(r"[、,，和与及跟]", m.group(2))[1:]
    own = m.string[m.end():m.end() + 1] == "年"  # (the last one's 年 is printed)
    return "、".join(n + ("" if own and i == len(numbers) - 1 else "年") for i, n in enumerate(numbers))


def arabic_years(text: str) -> str:
    """二〇二四年 / 二零一九年 / 一九年 / 两千零一十九年 / 十八年 written with digits (2024年, 2019年, 19年, 18年),
    and a year written without 年 ("政协 2017 三公", "2025 buy new car", "省委办公厅17采购") given its 年,
    each of a list given one ("17、18、19三年")."""
    text = LISTED_YEARS_RE.sub(_each_year, text)
    text = SLIPPED_YEAR_RE.sub(lambda m: m.group(0).translate(  # ("20l8年", "二O一九年")
        LOOKALIKE_DIGIT if m.group(0)[0] in "0123456789lIoO" else LOOKALIKE_NUMERAL), text)
    text = CHINESE_YEAR_RE.sub(lambda m: m.group(1).translate(CHINESE_DIGIT), text)
    text = IMPOSSIBLE_YEAR_RE.sub(_transposed_year, text)
    text = SPOKEN_YEAR_RE.sub(lambda m: str(chinese_number(m.group(1))), text)
    text = SPOKEN_SHORT_YEAR_RE.sub(lambda m: str(chinese_number(m.group(1))), text)
    text = BARE_YEAR_RE.sub(r"\1年", text)
    text = _counted_from_year_said(text)
    return text if YEAR_RE.search(text) else SHORT_YEAR_RE.sub(r"\1年", text, count=1)


def _transposed_year(m: re.Match) -> str:
    said = m.group(0)
    swapped = {said[:i] + said[i + 1] + said[i] + said[i + 2:] for i in range(3)}
    years = [y for y in swapped if BUDGET_YEAR_RE.fullmatch(y)]
    return years[0] if len(years) == 1 else said


# a year said as the one a relative word counts from ("2021年的上上年", "2018年那份…第二年的"), and the
# present said as a year ("现在都2026年了，…上上年的"): the year meant, written out
YEAR_THEN_RELATIVE_RE = re.compile(r"(?P<year>(?:19|20)\d{2})年(?:度)?(?:的|之)(?P<rel>上上一?年|大前年|前年|上一年|前一年|下一年|后一年|次年|第二年)")
NOW_SAID_RE = re.compile(r"(?:现在|今年|如今)(?:都|已经|是)*(?P<year>(?:19|20)\d{2})年了?[，,。！!]?\s*")
FROM_NOW_RE = re.compile(r"上上一?年|大前年|前年|去年|今年")


def _counted_from_year_said(text: str) -> str:
    """Relative years counted from the year said before them, written as years ("2021年的上上年" →
    2019年; "现在都2026年了，…上上年的" → 2024年的), so that the year said is not asked itself."""
    text = YEAR_THEN_RELATIVE_RE.sub(lambda m: f"{int(m.group('year')) + RELATIVE_DELTA[m.group('rel')]}年", text)
    if (now := NOW_SAID_RE.search(text)) is not None and FROM_NOW_RE.search(text, now.end()):
        year = int(now.group("year"))
        rest = FROM_NOW_RE.sub(lambda m: f"{year + RELATIVE_DELTA[m.group(0)]}年", text[now.end():])
        text = text[:now.start()] + rest
    return text


def full_year(y: int) -> int:
    return y + 2000 if y < 100 else y


MEASURE_PHRASES = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|预算数|决算数|年初预算|全年预算"
                             r"|预算执行|预算单位|预算主管|预算绩效|预决算"
                             # (spending set against its budget, "超预算", "完成预算的": an outturn's words)
                             r"|超(?:过|出)?了?(?:全年|年初|调整)?预算|(?:低于|少于|小于|高于|大于|多于)(?:全年|年初|调整)?预算"
                             r"|完成(?:了)?(?:全年|年初|调整)?预算|预算完成")


def kind_in(question: str) -> str | None:
    """决算 or 预算 when the question asks for that kind of document (not a 预算数 column)."""
    text = MEASURE_PHRASES.sub("", question)
    final, budget = "决算" in text, "预算" in text
    if final != budget:
        return "决算" if final else "预算"
    return None


def scope_in(question: str) -> str | None:
    if re.search(r"单位(预算|决算)", question):
        return "单位"
    if re.search(r"部门(预算|决算)", question):
        return "部门"
    return None

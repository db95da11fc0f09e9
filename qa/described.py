"""A body named by what it does instead of by its name ("阳泉那个管低保和养老的局", "管着东郊国宾馆的
那个省委部门", "普陀区那个给在院老人提供生活照料的福利院"): the department whose own documents say
those things, found by the description's rarer words (a word every department's text has tells
nothing). The body's kind ("局", "福利院", "区委部门") and the place said before it narrow the field.
Where no department is clearly ahead, the words are left as they are, to be resolved (or not) as
any other name."""
from __future__ import annotations

import re

from core.text import match_key
from index.lexical import words

# "那个负责殡葬改革、低保和养老服务的市级局", "管社会工作的那个区委部门": what it does, then its kind
DESCRIBED_RE = re.compile(r"(?:那个|那家|这个)?(?P<duty>(?:专门|主要)?(?:管着?|负责|主管|承担|分管|收养|给|服务于|统筹|指导|主抓)"
                          r"[^。？?]{1,60}?)的(?:那个|那家|这个)?[“\"]?"
                          r"(?P<kind>[\u4e00-\u9fff]{0,6}?(?:局|厅|部门|单位|机关|机构|办公室|办公厅|福利院|部|委))[”\"]?"
                          r"(?=[\s，,。？?\d]|$)")
# "普陀区政府在万里地区设的那个派出机关": a body named by where its parent set it up (the parent,
# said first, is no body asked about)
SET_UP_RE = re.compile(r"(?P<parent>(?:^|(?<=[^\u4e00-\u9fff])|(?<=年))[\u4e00-\u9fff]{2,4}[省市区县](?:人民)?(?:政府|委))?"
                       r"在(?P<duty>[\u4e00-\u9fff]{2,8}?)(?:地区|一带|那边|那里|这边|那块)?(?:设立|设置|设|派驻|派出)的"
                       r"(?:那个|那家|这个)?(?P<kind>[\u4e00-\u9fff]{0,6}?(?:机关|机构|单位|办事处|街道|部门))(?=[\s，,。？?\d]|$)")
# kind words that say no more than "a body" ("市政府工作部门", "事业单位", "市级局" is a 局)
GENERIC_KIND_RE = re.compile(r"市级|区级|省级|市政府|区政府|省政府|工作|部门|单位|机关|机构|事业|派出|办事")
# the verbs and links of a description, which name no duty
DUTY_FILLER = {"负责", "主管", "分管", "承担", "管着", "还", "以及", "和", "的", "等", "工作", "相关", "有关"}
PLACE_RE = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:市|区|省|县)?(?:委|政府)?$")
EARLIER_PLACE_RE = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?:省|市|区|县)")
# words after a place that point into it ("普陀区委里负责…的那个部门"), not part of its name
INTO_PLACE_RE = re.compile(r"(?:里面?|中|下面|下属|系统|的|那个|那家|这个)+$")
MIN_SCORE = 1.0  # the description's words, each weighted by its rarity (see _score)
MAX_DESCRIBED = 3  # bodies described in one question
MIN_LEAD = 2.0  # the best department's score over the next one's, where it alone fits
MAX_FITTING = 3  # bodies a description may fit all of, each then asked about
CLOSE_SCORE = 0.75  # a body scoring this share of the best one's fits as well


def named_by_duty(lib, text: str) -> str:
    """The text with each body described by its duties replaced by that department's name
    ("省委那个负责办文办会的办公厅，和负责政协日常工作的办事机关"); as it was where it describes
    none, or none clearly."""
    for _ in range(MAX_DESCRIBED):
        named = _first_named(lib, text)
        if named == text:
            break
        text = named
    return text


def _first_named(lib, text: str) -> str:
    m = DESCRIBED_RE.search(text) or SET_UP_RE.search(text)
    if m is None:
        return text
    set_up = m.re is SET_UP_RE
    before = INTO_PLACE_RE.sub("", text[:m.start()])
    place = None if set_up else PLACE_RE.search(before)
    # (no place said right before it: the place of a body named earlier, "江苏省委办公厅，和负责政协
    # 日常工作的办事机关", narrows the field, as people name two bodies of one place)
    within = place.group(1) if place is not None else next(
        (p.group(1) for p in EARLIER_PLACE_RE.finditer(text[:m.start()]) if _any_has(lib, p.group(1))), None)
    candidates = [name for name in lib.department_texts if _of_kind(name, m.group("kind"))
                  and (within is None or within in name or not _any_has(lib, within))]
    duty = [w for w in dict.fromkeys(words(match_key(m.group("duty")))) if len(w) >= 2 and w not in DUTY_FILLER]
    scored = sorted(((_score(lib, name, duty), name) for name in candidates), reverse=True)
    # (the only body of the kind and place said needs only some of its words; one of several, more)
    if not scored or scored[0][0] < (MIN_SCORE if len(scored) > 1 else 0.01):
        return text
    best = scored[0][0]
    fits = [name for score, name in scored if score >= CLOSE_SCORE * best]
    if len(fits) > MAX_FITTING or len(fits) == 1 and len(scored) > 1 and best <= MIN_LEAD * scored[1][0]:
        return text  # (one ahead, but not clearly)
    # (several bodies the description fits about as well as each other: each is asked about)
    start = place.start() if place is not None and place.group(1) in fits[0] else m.start()
    return f"{text[:start]}{'、'.join(fits)}{text[m.end():]}"


def _of_kind(name: str, kind: str) -> bool:
    """The department's name fits the kind said: every character of its specific words is in it
    ("区委部门": 区委; "区政府办公室": 办公室 of a 区's 人民政府; "市级局": a 局)."""
    return all(ch in name for ch in GENERIC_KIND_RE.sub("", kind))


def _any_has(lib, place: str) -> bool:
    return any(place in name for name in lib.department_texts)


def _score(lib, name: str, duty: list[str]) -> float:
    """Each word of the description the department's text has, by its rarity among the texts; a
    word its name has, by its rarity among the names ("负责政协日常工作的办事机关": 政协 names only
    江苏省政协办公厅, though other texts speak of 政协)."""
    texts = lib.department_texts
    return sum(1 / sum(w in n for n in texts) if w in name else 1 / sum(w in t or w in n for n, t in texts.items())
               for w in duty if w in texts[name] or w in name)

"""Whether a term, as the document's own explanations define it, takes in something ("三公经费
包括会议费吗", "机关运行经费里算不算人员工资", "因公出国（境）费包括培训费吗"): the definition its
名词解释 prints (or the clause of one defining the term inside another's, "其中，因公出国（境）费指…")
is quoted and cited, and the verdict is read from it: yes where it names the thing asked, no where
it does not. Nothing is answered where the document defines no term the question names."""
from __future__ import annotations

import re
from dataclasses import dataclass

from core.concepts import lexicon
from core.model import Document
from core.text import match_key
from qa.answers import sentence_citation
from qa.model import ANSWERED, LOOKUP, Answer
from qa.narrative import Sentence, definition, sentences
from qa.routes.describe import HOW_MUCH_RE, MEANING_ASKED_RE
from qa.understand import QueryPlan

# "X(里)包括Y吗", "X算不算Y", "X含不含Y": the term before the asking words, what is asked of after
TAKES_IN_RE = re.compile(r"(?:里|中|里面|当中|之中)?(?:到底)?(?:(?P<either>包括不包括|包含不包含|包不包括|包不包含|含不含|算不算)|(?<!不)(?:包括|包含|含有|含|算进|计入))了?"
                         r"(?P<part>[^，,。？?！!；;]{2,16}?)(?P<tail>吗|么|没有|不|呢|在内吗|在里面吗|在内)?(?=[？?，,。！!；;]|$)")
# what would make the words after the asking word no thing at all ("算不算多", "算不算前三")
# ("三公经费里包括多少接待费": an amount asked)
# ("算进去了": no thing named; "包括些什么": the parts asked)
NOT_A_THING_RE = re.compile(r"^(?:很|太|比较|挺)?(?:多|少|高|低|大|小|前|第|超|正常|合理|浪费|去|来)|多少|几|哪|什|些|啥|怎")
# the clause of a definition that defines another term inside it ("其中，因公出国（境）费指…；")
INNER_DEFINITION = r"{term}(?:主要)?(?:是指|指|反映|主要安排|主要用于|包括)[^；;。]*"
# words before a name that leave it out ("不含会议费、培训费", "除会议费外")
LEFT_OUT_RE = re.compile(r"不含|不包括|不包含|除了?|扣除|以外|之外")
LEFT_OUT_REACH = 8
MIN_TAIL = 3  # "车辆保险费" is named by a definition printing "保险费", never by a two-character tail


@dataclass(frozen=True)
class Defined:
    term: str
    doc: Document
    sentence: Sentence
    said: str  # the words defining the term (the whole sentence, or the clause of one)


def takes_in_answer(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """Whether the term the question names takes in the thing it asks of, by the first of
    ``docs`` that defines the term; None where the question asks no such thing or no document
    defines it."""
    clause = re.split(r"[？?。！!]", q.text)[0]
    asked = TAKES_IN_RE.search(clause)
    # (asked, not told: "我要的是…基本支出，不含其他资金的那个。"; a clause ending the text unmarked is asked)
    if asked is None or NOT_A_THING_RE.search(asked.group("part")) or not (
            asked.group("either") or asked.group("tail") or q.text[len(clause):len(clause) + 1] in ("？", "?", "")):
        return None
    defined = _defined(clause[:asked.start()], docs)
    if defined is None:
        return None
    part = asked.group("part")
    yes = _names(defined.said, part)
    lead = (f"{'包括' if yes else '不包括'}。据{defined.doc.department}{defined.doc.year}年{defined.doc.kind}公开文件的解释，"
            f"“{defined.term}”{'所列含有' if yes else '所列不含'}“{part}”：")
    return Answer(q.text, f"{lead}“{defined.said}”", ANSWERED, LOOKUP, [], [sentence_citation(defined.doc, defined.sentence)],
                  verdict="yes" if yes else "no")


def meanings_answer(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """Two or more terms asked what they mean or how they differ, no amount asked ("基本支出指的是
    什么？和项目支出有啥区别"): each one's definition quoted and cited, in the order named; None
    unless a document defines every one."""
    if not MEANING_ASKED_RE.search(q.text) or HOW_MUCH_RE.search(MEANING_ASKED_RE.sub("", q.text)):
        return None
    named = list({m.concept.name: m for m in lexicon().concepts_in(q.text) if not m.generic}.values())
    if len(named) < 2:
        return None
    defined = [_defined_term(_terms(m), docs) for m in named]
    if None in defined:
        return None
    said = "\n".join(f"“{d.term}”：“{d.said}”" for d in defined)
    doc = defined[0].doc
    return Answer(q.text, f"据{doc.department}{doc.year}年{doc.kind}公开文件的名词解释：\n{said}", ANSWERED, LOOKUP, [],
                  [sentence_citation(d.doc, d.sentence) for d in defined])


def _defined(before: str, docs: list[Document]) -> Defined | None:
    """The last term said before the asking words that a document defines, with its definition."""
    return _defined_term([word for m in reversed(lexicon().concepts_in(before)) if not m.generic for word in _terms(m)], docs)


def _terms(match) -> list[str]:
    """The words a definition may print a concept said in the question by: as said, then its names."""
    return [match.word, match.concept.name, *match.concept.terms]


def _defined_term(terms: list[str], docs: list[Document]) -> Defined | None:
    """The first of ``terms`` a document defines, with its definition."""
    for term in dict.fromkeys(terms):
        for doc in docs:
            if (s := definition(doc, term)) is not None:
                return Defined(term, doc, s, s.text)
            if (inner := _inner_definition(doc, term)) is not None:
                return inner
    return None


def _inner_definition(doc: Document, term: str) -> Defined | None:
    """The clause of a 名词解释 sentence defining ``term`` inside another term's definition."""
    pattern = re.compile(INNER_DEFINITION.format(term=re.escape(term)))
    for s in sentences(doc):
        if "名词解释" in s.heading and (m := pattern.search(s.text)):
            return Defined(term, doc, s, m.group())
    return None


def _names(said: str, part: str) -> bool:
    """The definition names the thing asked, not as left out ("（不含会议费）"): its words, a tail
    of them of three characters or more ("车辆保险费" → 保险费), or a name of the concept they say."""
    key = match_key(said)
    words = [part[i:] for i in range(len(part) - MIN_TAIL + 1)]
    words += [w for m in lexicon().concepts_in(part) for w in (m.concept.name, *m.concept.terms)]
    return any(not LEFT_OUT_RE.search(key[max(0, at - LEFT_OUT_REACH):at])
               for w in {match_key(w) for w in words if len(w) >= MIN_TAIL} for at in _places(key, w))


def _places(key: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(word), key)]

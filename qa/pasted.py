"""A question that pastes from a document names it by what it pastes ("“2080299 其他民政管理事务支出
844644.42” 这是收入表里的…", "文中说“单位预留机动经费预算为 1,157.63 万元”，这比上年多了多少"): where
it names no department, the one disclosure holding every quoted passage and every exact amount it
quotes is the one asked about. Several disclosures holding them (a round figure, a stock phrase) or
none leave the question as it was, to be asked which department; so does a quoted name alone (a
科目 or a concept every disclosure of its kind prints, whatever the store happens to hold)."""
from __future__ import annotations

import re

from core.text import match_key

# quote marks that open and close a pasted fragment (the outermost pair holds it: ‘三公’ inside “…”)
CLOSING = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"', "'": "'"}
# a blank the asker leaves for the number (as match_key writes it: "（ ）" is "()")
BLANK_RE = re.compile(r"_{2,}|\(\)|（）|…{1,2}|\?{1,3}|？{1,3}|多少|几")
MIN_FRAGMENT = 6  # characters a fragment must have to be told apart from an ordinary phrase
MIN_TELLING_PASSAGE = 15  # characters of a quoted passage without figures that tell one document's wording

# an amount precise enough to tell documents apart: grouped by thousands, or with at least four
# digits around a decimal point ("1,157.63", "844644.42", "134.29"; not "10.5" or "100")
EXACT_AMOUNT_RE = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![\d,]*\d)")
MIN_AMOUNT_DIGITS = 4
THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
CELL_END = "|"  # between the cells of a disclosure's text (an amount ends at its cell)
ADMIN_CHARS_RE = re.compile(r"[省市区县]")
ELLIPSIS_RE = re.compile(r"…+|\.{3,}|—{2,}")


def without_thousands(key: str) -> str:
    """A match key with its amounts written without thousands separators (as cells and sentences
    are compared with what a question pastes)."""
    return THOUSANDS_RE.sub("", key)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where each outermost quoted stretch of a text starts and ends (inside its marks)."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for at, ch in enumerate(text):
        if stack and ch == CLOSING[stack[-1][0]]:
            _, start = stack.pop()
            if not stack:
                spans.append((start + 1, at))
        elif ch in CLOSING:
            stack.append((ch, at))
    return spans


def quoted_keys(text: str) -> list[str]:
    """The match keys of the outermost quoted stretches long enough to be more than an ordinary
    phrase."""
    return [key for start, end in quoted_spans(text) if len(key := match_key(text[start:end])) >= MIN_FRAGMENT]


def outside_quotes(text: str) -> str:
    """The text with each quoted stretch left out (its marks kept)."""
    kept, at = [], 0
    for start, end in quoted_spans(text):
        kept.append(text[at:start])
        at = end
    return "".join(kept) + text[at:]


def pasted_pieces(text: str, min_digits: int = MIN_AMOUNT_DIGITS) -> tuple[list[str], list[str]]:
    """What a question quotes from a document: the passages inside quote marks (as match keys,
    split where the asker left a blank or an ellipsis) long enough to be told from an ordinary
    phrase, and the exact amounts it writes anywhere."""
    passages = [p for start, end in quoted_spans(text)
                for p in re.split(f"{BLANK_RE.pattern}|{ELLIPSIS_RE.pattern}", without_thousands(match_key(text[start:end])))
                if len(p) >= MIN_FRAGMENT]
    amounts = [m.group(0).replace(",", "") for m in EXACT_AMOUNT_RE.finditer(match_key(text))
               if len(re.sub(r"\D", "", m.group(0)).lstrip("0")) >= min_digits]
    return passages, list(dict.fromkeys(amounts))


def quoted_out(names: list[str], text: str) -> list[str]:
    """The names less those inside a passage the question quotes ("文中说“主要原因是阳泉市社会福利院
    养老公益苑二期工程完成…”"): words of the document, not a body asked about (a name quoted on its
    own, "“XX局”的三公经费", still names one)."""
    passages = [ADMIN_CHARS_RE.sub("", key) for key in quoted_keys(text)]
    # (as names are read: "阳泉市社会福利院" is found as 阳泉社会福利院)
    return [n for n in names if not any((name := ADMIN_CHARS_RE.sub("", match_key(n))) in p and len(p) > len(name) + 1
                                        for p in passages)]


def holds(haystack: str, passages: list[str], amounts: list[str]) -> bool:
    """A disclosure's text (see ``Library.disclosure_texts``) holds every amount as a whole
    number, and every passage, which may run across the cells of a row as a table line pasted."""
    return all(re.search(rf"(?<![\d.]){re.escape(a)}(?!\d)", haystack) for a in amounts) and (
        not passages or all(p in haystack.replace(CELL_END, "") for p in passages))


def named_by_paste(lib, text: str) -> str:
    """The text with the department and year of the one disclosure holding what it pastes put
    before it; as it was when it names a department, pastes nothing exact, or what it pastes is
    in no disclosure or in several."""
    mention = lib.resolver.resolve(outside_quotes(text), lib.latest_year)
    if mention.departments:
        return text  # (a body named inside the quoted words is the document's wording, not the asker's)
    # (with the year said, a shorter figure tells the one disclosure of that year too: "2024年…下降62.3%")
    passages, amounts = pasted_pieces(text, MIN_AMOUNT_DIGITS - 1 if mention.years else MIN_AMOUNT_DIGITS)
    # (a 科目 or concept name quoted alone, "“一般公共预算财政拨款支出”", is every such document's)
    telling = amounts or [p for p in passages if re.search(r"\d", p) or len(p) >= MIN_TELLING_PASSAGE]
    if not telling:
        return text
    found = {key for key, haystack in lib.disclosure_texts.items()
             if (not mention.years or key[1] in mention.years) and holds(haystack, passages, amounts)}
    if len({(department, year) for department, year, _ in found}) != 1:
        return text
    department, year, _ = found.pop()
    return f"{lib.resolver.display(department)}{year}年：{text}"

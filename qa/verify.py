"""The number check: every number in an answer must be a cited cell, a value computed from
cited cells, or part of a quoted sentence. Anything else is removed before the answer leaves."""
from __future__ import annotations

import re

NUMBER_RE = re.compile(r"(?<![0-9A-Za-z.,])\d[\d,]*(?:\.\d+)?")
QUOTED_RE = re.compile(r"“[^”]*”|「[^」]*」")
EXEMPT_RE = re.compile(r"公开\s*\d+\s*表|第\s*\d+\s*(页|行)|(19|20)\d{2}\s*年度?|编码\s*\d+")


def _value(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def unsupported_numbers(answer: str, allowed: set[float]) -> list[str]:
    """Numbers in ``answer`` (outside quotes, codes, years and page references) not in ``allowed``."""
    text = EXEMPT_RE.sub(" ", QUOTED_RE.sub(" ", answer))
    bad = []
    for m in NUMBER_RE.finditer(text):
        value = _value(m.group(0))
        if value is None or not any(abs(value - a) <= 1e-6 * max(1.0, abs(a)) for a in allowed):
            bad.append(m.group(0))
    return bad


def enforce(answer: str, allowed: set[float]) -> tuple[str, list[str]]:
    """Drop sentences carrying unsupported numbers; returns the cleaned text and what was dropped."""
    bad = unsupported_numbers(answer, allowed)
    if not bad:
        return answer, []
    kept = [s for s in re.split(r"(?<=[。！？\n])", answer) if s and not unsupported_numbers(s, allowed)]
    return "".join(kept).strip(), bad


def allowed_from(texts: list[str]) -> set[float]:
    """Every number printed in the given cited cells or sentences."""
    out = set()
    for t in texts:
        for m in NUMBER_RE.finditer(t or ""):
            v = _value(m.group(0))
            if v is not None:
                out.add(v)
    return out

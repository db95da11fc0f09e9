"""Chinese budget vocabulary, kept as data files beside this module and loaded once.

``concepts.toml`` (what people call the template's figures and where each lives),
``budget_terms.txt`` (words jieba must keep whole).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

VOCAB_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def budget_terms() -> tuple[str, ...]:
    """Budget terms ("公务用车运行维护费", "机关运行经费") that word cutting keeps whole."""
    return tuple((VOCAB_DIR / "budget_terms.txt").read_text(encoding="utf-8").split())

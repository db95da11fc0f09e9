"""The optional LLM path: rephrase retrieved passages into a fluent Chinese answer.

Off unless LLM_BASE_URL names an OpenAI-compatible endpoint, so by default nothing remote is
called. The model only phrases; it never decides citations, and its text is kept only when every
number in it passes the number check (``checked``). Any failure returns None so the caller falls
back to its own extractive answer.
"""
from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from qa.verify import enforce

log = logging.getLogger(__name__)

PROMPTS = Path(__file__).resolve().parent.parent / "prompts"  # the top-level prompts/ package
NO_ANSWER = "资料中没有找到答案"  # what the system prompt tells the model to say when it cannot answer

_THINK_RE = re.compile(r"<think>.*?</think>", re.S)  # reasoning models (Qwen3, R1) may emit these
_MARKER_RE = re.compile(r"\s*[\[［【]\s*\d{1,2}\s*[\]］】]")  # [1]-style passage markers: the system cites, not the model
_QUOTES = str.maketrans("“”「」", '""""')


def _prompt(name: str) -> str:
    return (PROMPTS / name).read_text(encoding="utf-8").strip()


def clean(text: str) -> str:
    """The model's text without reasoning blocks or passage markers (a bare "[2]" would read as a number)."""
    return _MARKER_RE.sub("", _THINK_RE.sub("", text)).strip()


def is_no_answer(text: str | None) -> bool:
    """True when the model said the passages do not answer the question."""
    return bool(text) and NO_ANSWER in text and len(text) < len(NO_ANSWER) + 20


def checked(text: str | None, allowed_numbers: set[float]) -> str | None:
    """``text`` if every number in it is allowed, else None: a half-dropped LLM answer is not used.

    Quotation marks are neutralised first, because ``enforce`` exempts quoted text and a model
    could otherwise slip any number past it inside “…”.
    """
    if not text or not text.strip():
        return None
    _, dropped = enforce(text.translate(_QUOTES), allowed_numbers)
    if dropped:
        log.debug("LLM answer discarded, unsupported numbers: %s", dropped)
        return None
    return text.strip()


class LLMPhraser:
    """Asks an OpenAI-compatible chat endpoint to answer from numbered passages, never raising."""

    def __init__(self, base_url: str, model: str = "default", api_key: str = "not-needed",
                 timeout: float = 20.0, max_tokens: int = 800):
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.api_key = api_key
        self.timeout = float(timeout)
        self.max_tokens = max_tokens
        self._llm = None  # built on first use: importing llama-index takes about a second

    @classmethod
    def from_env(cls) -> "LLMPhraser":
        return cls(os.environ["LLM_BASE_URL"],
                   model=os.environ.get("LLM_MODEL") or "default",
                   api_key=os.environ.get("LLM_API_KEY") or "not-needed",
                   timeout=float(os.environ.get("LLM_TIMEOUT") or 20))

    def __repr__(self) -> str:
        return f"LLMPhraser({self.base_url!r}, model={self.model!r}, timeout={self.timeout})"

    @property
    def llm(self):
        if self._llm is None:
            from llama_index.llms.openai_like import OpenAILike
            # No retries: a slow or broken endpoint should cost the user one timeout, then the
            # extractive answer. No tokenizer, so nothing tries to download tiktoken data.
            self._llm = OpenAILike(model=self.model, api_base=self.base_url, api_key=self.api_key,
                                   is_chat_model=True, is_function_calling_model=False,
                                   temperature=0.0, max_tokens=self.max_tokens,
                                   timeout=self.timeout, max_retries=0, reuse_client=True)
        return self._llm

    def messages(self, question: str, passages: list[str]) -> list[tuple[str, str]]:
        """(role, content) pairs: the system rules and the question with passages numbered [1], [2] …"""
        numbered = "\n\n".join(f"[{i}] {p.strip()}" for i, p in enumerate(passages, 1))
        user = _prompt("answer_user.txt").replace("{passages}", numbered).replace("{question}", question.strip())
        return [("system", _prompt("answer_system.txt")), ("user", user)]

    def phrase(self, question: str, passages: list[str]) -> str | None:
        """The model's answer from ``passages`` only, or None on no passages, any error or timeout."""
        if not passages:
            return None
        try:
            from llama_index.core.llms import ChatMessage
            msgs = [ChatMessage(role=role, content=content) for role, content in self.messages(question, passages)]
            response = self.llm.chat(msgs)
            text = clean(response.message.content or "")
            return text or None
        except Exception as exc:  # noqa: BLE001 - the LLM is optional; the caller falls back
            log.debug("LLM call to %s failed: %s: %s", self.base_url, type(exc).__name__, exc)
            return None


def llm_from_env() -> LLMPhraser | None:
    """An LLMPhraser when LLM_BASE_URL is set, else None (the default: no LLM, nothing remote)."""
    if not (os.environ.get("LLM_BASE_URL") or "").strip():
        return None
    try:
        return LLMPhraser.from_env()
    except ValueError as exc:  # e.g. LLM_TIMEOUT=abc
        log.warning("LLM disabled, bad LLM_* setting: %s", exc)
        return None

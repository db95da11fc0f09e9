"""QAEngine.ask, the one entry point of the UI, the CLI and the API: how long a question and a
conversation it reads."""
from __future__ import annotations

import tracemalloc

import pytest

import qa.engine
from bench.long_question import QUESTION, padded
from qa.engine import MAX_QUESTION_CHARS, QAEngine
from qa.model import ANSWERED, UNCLEAR


@pytest.fixture(scope="module")
def plain_engine(plain_store):
    return QAEngine(plain_store, llm=False)


def test_a_question_over_the_limit_is_refused_with_a_message(plain_engine):
    answer = plain_engine.ask(padded(20_000))
    assert answer.status == UNCLEAR and not answer.figures and not answer.citations
    assert f"{MAX_QUESTION_CHARS}个字以内" in answer.answer and "20000个字" in answer.answer
    assert len(answer.question) == MAX_QUESTION_CHARS + 1  # its start, not all of it, echoed


def test_a_question_at_the_limit_is_answered(plain_engine):
    answer = plain_engine.ask(QUESTION + "？" * (MAX_QUESTION_CHARS - len(QUESTION)))
    assert answer.status == ANSWERED and answer.figures[0].value == "12.02"


def test_earlier_turns_over_the_limit_are_not_read(plain_engine):
    plain = plain_engine.ask("临汾市民政局呢？")
    after_long = plain_engine.ask("临汾市民政局呢？", [padded(20_000)])
    assert after_long.answer == plain.answer
    follow_up = plain_engine.ask("临汾市民政局呢？", [padded(20_000), QUESTION])
    assert follow_up.figures[0].value == "28,452.82"


def test_without_the_limit_a_long_question_takes_little_memory(plain_engine, monkeypatch):
    """The limit is not what keeps a long question cheap: with it lifted, 5,000 characters of
    the padding that used to take gigabytes are answered in a few megabytes."""
    monkeypatch.setattr(qa.engine, "MAX_QUESTION_CHARS", 10 ** 9)
    plain_engine.ask(padded(400))  # the word cutter and the narrative load once
    tracemalloc.start()
    try:
        answer = plain_engine.ask(padded(5_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert answer.status == ANSWERED and "授予中小企业合同金额" in answer.answer
    assert peak < 100_000_000

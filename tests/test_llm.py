"""The optional language model only rewords questions; the pipeline still answers and numbers come from
data. A fake chat model stands in at the edge (no network)."""

from __future__ import annotations

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant import Assistant
from assistant.llm import make_chat_model, rewrite_question

UNPLACED = "Hvordan var det med doktorsjekk i småfirma?"


@pytest.fixture(scope="module")
def base(built):
    a = Assistant(chat_model=None)
    yield a
    a.close()


def _with_model(base: Assistant, model) -> Assistant:
    base.chat_model = model
    return base


def test_without_a_model_the_question_is_not_placed(base):
    base.chat_model = None
    assert base.ask(UNPLACED).answerable is False


def test_rewritten_question_is_answered_from_data(base):
    fake = FakeListChatModel(
        responses=["Hvor nyttige er generelle helsekontroller for de minste bedriftene?"]
    )
    ans = _with_model(base, fake).ask(UNPLACED)
    assert ans.answerable and ans.route == "data"
    assert "55 %" in ans.answer and any(s.label == "Tabell 7" for s in ans.sources)
    assert ans.caveats[0].startswith("Jeg tolket spørsmålet som")
    assert ans.question == UNPLACED


@pytest.mark.parametrize(
    "reply",
    [
        "INGEN",
        "Hvor mange av de 77 bedriftene har avtale?",  # invents a number: refused
        "første linje\nandre linje",
        "",
    ],
)
def test_unusable_rewrites_are_ignored(base, reply):
    ans = _with_model(base, FakeListChatModel(responses=[reply])).ask(UNPLACED)
    assert ans.answerable is False and "77" not in ans.answer


def test_model_is_not_asked_about_deliberate_refusals(base):
    class Exploding:
        def invoke(self, _messages):
            raise AssertionError("the model must not be called")

    ans = _with_model(base, Exploding()).ask("Hvor stor andel av bedriftene har en HR-ansvarlig?")
    assert ans.answerable is False


def test_model_failure_is_harmless(base):
    class Broken:
        def invoke(self, _messages):
            raise RuntimeError("no network")

    assert rewrite_question(Broken(), UNPLACED) is None
    ans = _with_model(base, Broken()).ask(UNPLACED)
    assert ans.answerable is False and ans.answer


def test_settings_default_to_no_model(monkeypatch):
    monkeypatch.setenv("ASSISTANT_LLM", "none")
    assert make_chat_model() is None
    monkeypatch.setenv("ASSISTANT_LLM", "noe-ukjent")
    assert make_chat_model() is None

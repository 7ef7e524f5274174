"""The app (app.py, AppTest) when the deployment is at fault: feedback that cannot be written, a build
that is missing or damaged and cannot be rebuilt. The user sees a Norwegian message in the page, never a
traceback, and the session stays usable."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
QUESTION = "Hvor nyttig var tilsyn med veiledning fra Arbeidstilsynet?"


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input(key="sporsmal").set_value(question).run()
    assert not at.exception
    return at


def test_feedback_that_cannot_be_written_is_a_warning(built, tmp_path, monkeypatch, caplog):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("ASSISTANT_FEEDBACK_DIR", str(blocker / "feedback"))  # no folder can be made there
    at = ask(AppTest.from_file(APP, default_timeout=60).run(), QUESTION)
    with caplog.at_level(logging.WARNING, logger="barometerassistenten.app"):
        at.feedback(key="vurdering_1").set_value(1).run()
    assert not at.exception and not at.error
    assert [t.value for t in at.toast] == ["Kunne ikke lagre tilbakemeldingen, men svarene virker som før."]
    records = [r for r in caplog.records if r.name == "barometerassistenten.app"]
    assert [r.levelno for r in records] == [logging.WARNING] and not records[0].exc_info
    assert "ASSISTANT_FEEDBACK_DIR" in records[0].getMessage()
    ask(at, "Ble resultatene vektet?")  # the session goes on
    assert "vekting" in "\n".join(m.value for m in at.chat_message[-1].markdown)


@pytest.fixture
def fresh_engine():
    """The app shares one Assistant per process (st.cache_resource): start and end without it."""
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def test_unusable_build_is_explained_in_the_page(built, tmp_path, monkeypatch, fresh_engine):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(blocker / "build"))  # missing, and cannot be built there
    at = ask(AppTest.from_file(APP, default_timeout=60).run(), QUESTION)
    message = at.chat_message[-1]
    assert message.name == "assistant"
    shown = message.warning[0].value
    assert "kan ikke bygges på nytt her" in shown
    assert "`make build`" in shown and "`.venv/bin/python -m assistant build`" in shown
    assert "Traceback" not in shown and not at.exception
    assert at.session_state["messages"][-2]["failed"]  # not used as context for a follow-up
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(built))  # the operator fixes it: the next question works
    ask(at, QUESTION)
    assert "39 %" in "\n".join(m.value for m in at.chat_message[-1].markdown)

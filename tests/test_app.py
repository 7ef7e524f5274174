"""The Streamlit app (app.py) driven by AppTest, with the real Assistant behind it."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from fake_engine import CLAIM, SUGGESTED, UNSURE, install  # tests/fake_engine.py
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Widget

from assistant import settings
from assistant.build import DB_NAME, build

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")


@pytest.fixture(scope="module", autouse=True)
def database() -> None:
    if not (settings.data_dir() / DB_NAME).exists():
        build(log=lambda _msg: None)


@pytest.fixture(autouse=True)
def feedback_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "feedback"
    monkeypatch.setenv("ASSISTANT_FEEDBACK_DIR", str(folder))
    return folder


@pytest.fixture(scope="module")
def app_module():
    """app.py imported as a module (its `main()` only runs as a script), for the pure helpers."""
    spec = importlib.util.spec_from_file_location("barometer_app", APP)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def start() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    return at


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input(key="sporsmal").set_value(question).run()
    assert not at.exception
    return at


def last_answer(at: AppTest):
    message = at.chat_message[-1]
    assert message.name == "assistant"
    return message


def answer_text(at: AppTest) -> str:
    return "\n".join(m.value for m in last_answer(at).markdown)


def shown(block) -> str:
    """The markdown under a block as the reader sees it (the app escapes quoted text)."""
    return re.sub(r"\\(.)", r"\1", "\n".join(m.value for m in block.markdown))


def expander(block, label: str):
    found = [e for e in block.expander if e.label == label]
    assert found, f"no expander {label!r}"
    return found[0]


def unkeyed_widgets(at: AppTest) -> list[str]:
    """Widgets, and expanders (stateful since Streamlit 1.5x), that lack a key."""
    return [f"{n.type}: {getattr(n, 'label', '')}" for block in (at.main, at.sidebar) for n in block
            if (isinstance(n, Widget) or n.type == "expander") and not n.key]  # fmt: skip


def test_start_page_shows_waves_examples_and_questions():
    at = start()
    text = "\n".join(m.value for m in at.main.markdown)
    assert "16 861" in text and "1 713" in text and "2 253" in text
    assert "18.–29. november 2021" in text
    assert "Forebyggende arbeidsmiljøarbeid" in text
    examples = [b for b in at.button if (b.key or "").startswith("eksempel_")]
    assert 6 <= len(examples) <= 8
    assert any((b.key or "").startswith("skjema_") for b in at.sidebar.button)
    assert "ikke svare på" in at.info[0].value
    assert not unkeyed_widgets(at)


def test_data_question_has_number_chart_sources_data_and_press_text():
    at = ask(start(), "Hvor nyttig var tilsyn med veiledning fra Arbeidstilsynet?")
    assert "39 %" in answer_text(at)
    message = last_answer(at)
    assert message.get("vega_lite_chart"), "no chart under the answer"
    sources = shown(expander(message, "Kilder"))
    assert "Tabell 3" in sources
    data = expander(message, "Data og SQL")
    assert data.dataframe[0].value.shape[0] >= 1
    assert "SELECT" in data.code[0].value
    assert data.get_by_key("csv_1").type == "download_button"
    press = expander(message, "Til pressemelding").code[0].value
    assert "**" not in press
    assert (
        "Kilde: NHOs Arbeidsmiljøbarometer 2021 (Agenda Kaupang/Kantar for NHO), Tabell 3, n = 257" in press
    )
    assert {"png_1", "svg_1"} <= {b.key for b in message.download_button}
    assert not unkeyed_widgets(at)


def test_text_question_from_example_button():
    at = start()
    button = next(b for b in at.button if b.label == "Ble resultatene vektet?")
    button.click().run()
    assert not at.exception
    assert at.chat_message[0].markdown[0].value == "Ble resultatene vektet?"
    assert "vekting" in answer_text(at)
    assert "7.2 Beskrivelse av utvalget" in shown(expander(last_answer(at), "Kilder"))


def test_follow_up_uses_the_conversation():
    at = ask(start(), "Hvor nyttige er generelle helsekontroller fra bedriftshelsetjenesten?")
    at = ask(at, "Og blant de minste bedriftene?")
    assert len(at.chat_message) == 4
    assert "55 %" in answer_text(at)
    assert not unkeyed_widgets(at)


def test_unanswerable_question_says_so():
    at = ask(start(), "Hvor stor andel av bedriftene har en HR-ansvarlig?")
    text = answer_text(at).lower()
    assert "ingen tall" in text or "kan ikke besvares" in text or "ikke publiser" in text
    labels = [e.label for e in last_answer(at).expander]
    assert "Til pressemelding" not in labels  # nothing to put in a press release


def test_sidebar_question_button_asks_about_the_wording():
    at = start()
    at.button(key="skjema_AT_NYTTE").click().run()
    assert not at.exception
    assert "Hvor nyttig var kontakten med Arbeidstilsynet i 2021?" in answer_text(at)


def test_user_text_is_shown_literally():
    at = ask(start(), "**fet** <b>hei</b> $x$")
    shown = at.chat_message[0].markdown[0].value
    assert "\\*\\*fet\\*\\*" in shown and "\\<b\\>" in shown and "\\$x\\$" in shown


def test_new_conversation_clears():
    at = ask(start(), "Ble resultatene vektet?")
    at.button(key="ny_samtale").click().run()
    assert not at.exception
    assert len(at.chat_message) == 0
    assert at.session_state["messages"] == []
    assert any((b.key or "").startswith("eksempel_") for b in at.button)


def test_feedback_is_stored_without_personal_data(feedback_dir):
    at = ask(start(), "Hvor nyttig var tilsyn med veiledning fra Arbeidstilsynet?")
    at.feedback(key="vurdering_1").set_value(0).run()
    assert not at.exception
    records = [json.loads(line) for line in (feedback_dir / "feedback.jsonl").read_text().splitlines()]
    assert len(records) == 1
    assert set(records[0]) == {"timestamp", "question", "answer", "route", "answerable", "rating"}
    assert records[0]["rating"] == "down" and records[0]["route"] == "data"
    assert "39 %" in records[0]["answer"]


def test_failure_shows_short_message_and_session_stays_usable(monkeypatch):
    from assistant.pipeline import Assistant

    def broken(self, question, history=None):
        raise RuntimeError("boom")

    at = start()
    with monkeypatch.context() as patch:
        patch.setattr(Assistant, "ask", broken)
        ask(at, "Ble resultatene vektet?")
    assert "Beklager, noe gikk galt" in at.warning[0].value
    assert "boom" not in answer_text(at)
    ask(at, "Ble resultatene vektet?")
    assert "vekting" in answer_text(at)


def test_source_line_and_plain_text(app_module):
    answer = {
        "answer": "**Tabell 3** (november 2021)\n\n> «Sitat»",
        "sources": [{"label": "Tabell 3", "section": "6.2", "page": None, "quote": "Tabell 3 nytte"}],
        "data": [{"source": "Tabell 3", "n": "336"}, {"source": "Tabell 3", "n": "336"}],
    }
    assert app_module.source_line(answer) == (
        "Kilde: NHOs Arbeidsmiljøbarometer 2021 (Agenda Kaupang/Kantar for NHO), Tabell 3, n = 336"
    )
    assert app_module.plain_text(answer["answer"]) == "Tabell 3 (november 2021)\n\n«Sitat»"
    text_answer = {"answer": "", "data": None,
                   "sources": [{"label": "7.2 Beskrivelse av utvalget", "section": "7.2", "page": 48, "quote": "…"},
                               {"label": "Tabell 9", "section": "7.2", "page": None, "quote": None}]}  # fmt: skip
    assert app_module.source_line(text_answer).endswith(", avsnitt 7.2 Beskrivelse av utvalget, s. 48")
    ranged = {
        "answer": "",
        "sources": [],
        "data": [{"source": "Tabell 7", "n": "166–197"}, {"source": "Tabell 7", "n": "27–33"}],
    }
    assert app_module.source_line(ranged).endswith("Tabell 7, n = 27–197")


# ---------------------------------------------------------------- press desk and asking back (fake engine)


@pytest.fixture
def fake_engine(monkeypatch):
    from assistant.pipeline import Assistant

    monkeypatch.setattr(Assistant, "ask", Assistant.ask)  # restored after the test
    install()


def test_claim_check_shows_verdict_badge_press_text_and_short_count(fake_engine):
    at = ask(start(), CLAIM)
    message = last_answer(at)
    assert message.markdown[0].value == ":red-badge[:material/cancel: Nei]"
    press = expander(message, "Til pressemelding")
    text = press.code[0].value
    assert text.startswith("13 prosent av bedriftene mener at bruken av hjemmearbeid og fjernarbeid")
    assert "viser NHOs Arbeidsmiljøbarometer 2021" in text and "**" not in text
    assert text.rstrip().endswith("Tabell 2, n = 1706")
    short = press.code[1].value
    assert f"{len(short)} av 280 tegn" in " ".join(c.value for c in press.caption)
    assert {"word_1", "png_1", "svg_1"} <= {b.key for b in message.download_button}
    assert at.download_button(key="word_samtale").label == "Samtalen som Word"
    assert not unkeyed_widgets(at)


def test_verdict_badges_have_their_colours(app_module):
    assert app_module.VERDICT_BADGES["supported"][:2] == ("Ja", "green")
    assert app_module.VERDICT_BADGES["contradicted"][:2] == ("Nei", "red")
    assert app_module.VERDICT_BADGES["partly"][:2] == ("Delvis", "orange")
    assert app_module.VERDICT_BADGES["not_in_report"][:2] == ("Ikke i rapporten", "gray")


def test_suggestions_are_buttons_that_ask_their_question(fake_engine):
    at = ask(start(), UNSURE)
    buttons = [b for b in last_answer(at).button if (b.key or "").startswith("forslag_1_")]
    assert [b.label for b in buttons] == ["Produktivitet og hjemmekontor", "Kreativitet og innovasjon"]
    assert not unkeyed_widgets(at)
    at.button(key="forslag_1_0").click().run()
    assert not at.exception
    assert len(at.chat_message) == 4
    assert at.chat_message[2].markdown[0].value == escape(SUGGESTED)
    assert "Produktivitet" in answer_text(at)


def test_low_confidence_is_shown_quietly(monkeypatch):
    from assistant.pipeline import Assistant

    real = Assistant.ask

    def unsure(self, question, history=None):
        answer = real(self, question, history)
        answer.confidence = 0.3
        return answer

    monkeypatch.setattr(Assistant, "ask", unsure)
    at = ask(start(), "Hvor nyttig var tilsyn med veiledning fra Arbeidstilsynet?")
    captions = " ".join(c.value for c in last_answer(at).caption)
    assert "usikker på om jeg forsto spørsmålet" in captions
    assert not at.warning and not at.error


def test_confident_answer_has_no_doubt_caption():
    at = ask(start(), "Hvor nyttig var tilsyn med veiledning fra Arbeidstilsynet?")
    assert "usikker på om jeg forsto" not in " ".join(c.value for c in last_answer(at).caption)


def escape(text: str) -> str:
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:])", r"\\\1", text)


def test_the_real_engine_asks_back_with_buttons_that_answer():
    """No fake: a question without a topic gets suggestion buttons; one click asks it and gets an answer."""
    at = ask(start(), "Hvor nyttig var det?")
    buttons = [b for b in last_answer(at).button if (b.key or "").startswith("forslag_1_")]
    assert 1 <= len(buttons) <= 3
    assert not unkeyed_widgets(at)
    at.button(key="forslag_1_0").click().run()
    assert not at.exception
    assert len(at.chat_message) == 4
    assert re.search(r"\d+ ?%", answer_text(at)), answer_text(at)

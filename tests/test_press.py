"""Press text (assistant/press.py): its form, that its numbers are the rows' numbers, and when there is none."""

from __future__ import annotations

import re

import pytest

from assistant import knowledge
from assistant.press import ATTRIBUTION, SHORT_MAX, press_for

NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
PRESS_QUESTIONS = [
    "Hvor nyttig var tilsyn med veiledning fra Arbeidstilsynet?",
    "Hvor stor andel av bedriftene har ingen ansatte på hjemmekontor?",
    "Har hjemmekontor gjort bedriftene mer produktive?",
    "Hvor mange fikk mindre støtte og informasjon fra NAV Arbeidslivssenter?",
    "Varierer nytten av generelle helsekontroller med bedriftsstørrelse?",
    "Hvilken BHT-tjeneste får høyest andel «svært nyttig»?",
    "Hvor mange prosent av bedriftene har avtale med bedriftshelsetjeneste?",
    "Hvor viktig er det å redusere sykefravær for arbeidsmiljøarbeidet?",
]


def numbers(text: str) -> set[float]:
    return {float(n.replace(" ", "").replace("\u00a0", "").replace(",", ".")) for n in NUMBER.findall(text)}


def allowed_numbers(answer: dict) -> set[float]:
    """Numbers a press text may print: the rows' values and bases, numbers in the question's wording, the
    options, items, notes and quotes, the quoted report sentences and the survey waves."""
    allowed: set[float] = set()
    for r in answer.get("data") or []:
        allowed.add(float(r["value"]))
        for key in ("n", "option", "item", "question_text", "quote", "note", "group_label"):
            allowed |= numbers(str(r.get(key) or ""))
    for s in answer.get("sources") or []:
        allowed |= numbers(s.get("quote") or "")
    for w in knowledge.codebook()["waves"]:
        allowed |= numbers(w["label"]) | {float(w["completed"])}
    return allowed


def check_form(press: dict, answer: dict) -> None:
    text, short = press["text"], press["short"]
    assert not re.search(r"\*\*|^#|^>|\[|\]\(|`", text, re.M), "markdown in the press text"
    assert "…" not in text and "(sum)" not in text, "an internal table label in the press text"
    assert "prosent" in text and "%" not in text
    first, second = re.split(r"(?<=\.) (?=[A-ZÆØÅ0-9])", text)[:2]
    assert first.endswith(f", {ATTRIBUTION}."), first
    assert re.search(r"november 2021|juni 2022", second) and NUMBER.search(second), (
        "wave and base in sentence 2"
    )
    assert len(short) <= SHORT_MAX and ATTRIBUTION in short
    assert press["source"].startswith("Kilde: NHOs Arbeidsmiljøbarometer 2021")
    extra = numbers(text + " " + short) - allowed_numbers(answer)
    assert not extra, f"numbers that are not in the rows: {extra}"


@pytest.mark.parametrize("question", PRESS_QUESTIONS)
def test_press_text_form_and_numbers(assistant, question):
    answer = assistant.ask(question).to_dict()
    assert answer["press"], f"no press text for {question!r}"
    check_form(answer["press"], answer)


def test_press_text_names_the_lead_figure(assistant):
    press = assistant.ask("Hvor nyttig var tilsyn med veiledning fra Arbeidstilsynet?").press
    assert press["text"].startswith("39 prosent av bedriftene som hadde kontakt med Arbeidstilsynet i 2021,")
    assert "tilsyn med veiledning" in press["text"] and "9 prosent" in press["text"]
    assert "257 bedrifter" in press["text"] and "november 2021" in press["text"]
    assert press["source"].endswith("Tabell 3, n = 257")


def test_internal_labels_are_rewritten(assistant):
    nav = assistant.ask("Hvor mange fikk mindre støtte og informasjon fra NAV Arbeidslivssenter?").press[
        "text"
    ]
    assert "mindre støtte og informasjon fra NAV Arbeidslivssenter" in nav
    home = assistant.ask("Hvor stor andel av bedriftene har ansatte på hjemmekontor?").to_dict()
    if home["press"] and "55" in home["press"]["text"]:
        assert "har ansatte som jobber fra hjemmekontor i større eller mindre grad" in home["press"]["text"]


def test_merged_options_read_as_both(assistant):
    text = assistant.ask("Varierer nytten av generelle helsekontroller med bedriftsstørrelse?").press["text"]
    assert "nyttige eller svært nyttige" in text  # Tabell 7's «Nyttig» is nyttig + svært nyttig
    assert "med 1–9 ansatte" in text and "80 prosent" in text


def test_the_sample_and_means(assistant):
    sample = assistant.ask("Hvor mange bedrifter svarte på undersøkelsen i november 2021?").press
    assert "1 713 av 16 861" in sample["text"] and "10 prosent" in sample["text"]
    roles = assistant.ask("Hvilken rolle har størst betydning for arbeidsmiljøarbeidet?").press
    assert (
        roles["text"].startswith("Ledelsen får en gjennomsnittskåre på 3,9") and ATTRIBUTION in roles["text"]
    )


def test_no_press_text_for_refusals_and_plain_text(assistant):
    assert assistant.ask("Hvor stor andel av bedriftene har en HR-ansvarlig?").press is None
    assert assistant.ask("Hvor mange bedrifter i Oslo har hjemmekontor i 2019?").press is None
    assert assistant.ask("Ble resultatene vektet?").press is None


# ---------------------------------------------------------------- answer dicts at the edge

TABELL2 = [
    {"source": "Tabell 2", "wave": "2021-11", "question_id": "HJEM_ENDRING", "item": "Produktivitet",
     "group_dim": "total", "group_label": "Alle", "option": o, "value": v, "unit": "pct", "n": "1706",
     "n_min": 1706, "note": "", "quote": "",
     "question_text": "Har bruk av hjemmearbeid/fjernarbeid i 2021 ført til endringer i negativ eller positiv retning for bedriften?"}
    for o, v in [("Negativ endring", 11.0), ("Ingen endring", 39.0), ("Positiv endring", 13.0),
                 ("Ikke relevant", 30.0), ("Vet ikke", 6.0)]
]  # fmt: skip


def claim(verdict: str, lead: str) -> dict:
    return {
        "question": "Kan jeg skrive at 30 prosent av bedriftene opplevde at produktiviteten ble bedre med hjemmearbeid?",
        "route": "data", "answerable": True, "verdict": verdict, "answer": lead,
        "sources": [{"label": "Tabell 2", "section": "3.4", "page": None, "quote": "Tabell 2 Endringer …"}],
        "data": TABELL2, "caveats": [], "suggestions": [],
    }  # fmt: skip


def test_claim_check_press_is_the_reports_figure_not_the_claim():
    answer = claim("contradicted", "**Nei.** Rapporten viser at **13 %** svarte «Positiv endring» for produktivitet, "
                                   "ikke 30 %.\n\n**Tabell 2** (november 2021) …")  # fmt: skip
    press = press_for(answer)
    check_form(press, answer)
    assert press["text"].startswith("13 prosent av bedriftene mener at bruken av hjemmearbeid og fjernarbeid")
    assert "positiv endring for produktiviteten" in press["text"]
    assert "30 prosent" not in press["text"]  # the 30 % «Ikke relevant» is not what the claim was about


def test_no_press_for_not_in_report_suggestions_refusals_and_errors():
    assert press_for(claim("not_in_report", "Rapporten sier ikke noe om dette.")) is None
    asking_back = {**claim(None, "Mente du …?"), "suggestions": [{"label": "Produktivitet", "question": "…"}]}
    assert press_for(asking_back) is None
    assert press_for({**claim(None, "…"), "answerable": False, "route": "none"}) is None
    assert press_for({"question": "x", "answer": "Beklager", "error": True}) is None
    assert press_for({"broken": object()}) is None  # never raises


def test_comparison_lead_gives_both_figures():
    answer = claim(None, "**13 %** svarte «Positiv endring» mot **11 %** «Negativ endring».")
    text = press_for(answer)["text"]
    assert text.index("13 prosent") < text.index("11 prosent")
    assert "Samtidig mener 11 prosent at bruken av hjemmearbeid" in text


def test_quoted_report_sentence_becomes_press_text():
    answer = {
        "question": "Hvor mange bedrifter har diskutert tilgjengelighet?", "route": "text", "answerable": True,
        "answer": "Rapporten (3.3 …):\n\n> «Resultatene viser at 44 prosent av bedriftene har hatt diskusjon i ledelsen.»",
        "sources": [{"label": "3.3 Tilgjengelighet", "section": "3.3", "page": None,
                     "quote": "Resultatene viser at 44 prosent av bedriftene har hatt diskusjon i ledelsen."}],
        "data": None, "caveats": [],
    }  # fmt: skip
    press = press_for(answer)
    assert press["text"].startswith("44 prosent av bedriftene har hatt diskusjon i ledelsen, viser NHOs")
    assert "juni 2022" in press["text"]
    check_form(press, answer)


def test_short_text_is_cut_to_280_characters():
    long = [{**TABELL2[2], "item": "Produktivitet " + "og noe mer " * 40}]
    answer = {**claim(None, "**13 %** «Positiv endring»"), "data": long}
    press = press_for(answer)
    assert len(press["short"]) <= SHORT_MAX and press["short"].endswith("…")

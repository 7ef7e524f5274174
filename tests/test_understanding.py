"""Understanding as users word it: asking back when unsure, questions about the previous answer, leads that
answer what was asked, comparisons, single companies. Numbers are read from the data, never from the test."""

from __future__ import annotations

import re

import pytest
from answers import lead as _lead


def test_vague_question_asks_back_with_answerable_suggestions(assistant):
    ans = assistant.ask("Hvor nyttig var det?")
    assert ans.answerable is False and ans.route == "none"
    assert 1 <= len(ans.suggestions) <= 3
    assert not re.search(r"\d+ ?%", _lead(ans)), "no figure when asking back"
    for s in ans.suggestions:
        assert s.label and s.question
        follow = assistant.ask(s.question)
        assert follow.answerable, s.question


def test_confident_answer_carries_its_confidence(assistant):
    ans = assistant.ask("Hvor nyttige var risikovurderingene fra BHT?")
    assert ans.answerable and ans.suggestions == []
    assert assistant.calibration.threshold <= ans.confidence <= 1.0


@pytest.mark.parametrize(
    "question",
    ["Vis svarene til bedrift nummer 4711 i Oslo", "Hvilke bedrifter svarte at de har avtale med BHT?",
     "Hva svarte min bedrift på undersøkelsen?"],
)  # fmt: skip
def test_single_companies_are_refused(assistant, question):
    ans = assistant.ask(question)
    assert ans.answerable is False and ans.data is None
    assert "enkeltbedrift" in ans.answer.lower()


def test_base_of_the_previous_answer(assistant):
    first = assistant.ask("Hvor nyttige var risikovurderingene fra BHT?")
    n = {r["n"] for r in first.data}
    ans = assistant.ask("Hvor mange bedrifter er tallet basert på?", history=[first.question])
    assert any(x.replace(" ", "") in _lead(ans).replace(" ", "").replace("\u00a0", "") for x in n)


def test_who_was_asked_the_previous_question(assistant):
    ans = assistant.ask(
        "Hvem fikk det spørsmålet?", history=["Hvor nyttig var kontakten med NAV Arbeidslivssenter?"]
    )
    assert ans.answerable and "stilt til" in _lead(ans).lower()
    assert any(s.label == "Vedlegg 2" for s in ans.sources)


def test_caveats_of_the_previous_answer(assistant):
    history = ["Hvor stor andel av bedriftene har avtale med bedriftshelsetjeneste?"]
    prev = assistant.ask(history[0])
    ans = assistant.ask("Er det noe jeg bør være obs på med disse tallene?", history=history)
    assert ans.answerable and "obs" in _lead(ans).lower()
    assert all(c in ans.answer for c in prev.caveats)
    assert "vekt" in ans.answer


def test_followup_asking_another_measure_reads_the_previous_topic(assistant):
    ans = assistant.ask(
        "Var det nyttig?", history=["Hvor mange bedrifter har hatt kontakt med NAV Arbeidslivssenter?"]
    )
    assert ans.answerable
    assert "nyttig" in _lead(ans).lower() and "NAV Arbeidslivssenter" in _lead(ans)


def test_change_question_leads_with_both_sides(assistant):
    ans = assistant.ask("Har hjemmekontor gjort bedriftene mer produktive?")
    rows = {r["option"]: r["value"] for r in ans.data if r["item"] == "Produktivitet"}
    lead = _lead(ans)
    assert lead.index("Positiv endring") < lead.index("Negativ endring")
    for option in ("Positiv endring", "Negativ endring"):
        assert f"{rows[option]:g} %" in lead


def test_synonym_for_a_negative_option_leads_with_it(assistant):
    ans = assistant.ask("Hvor mange syntes tilsyn med veiledning fra Arbeidstilsynet var bortkastet?")
    lead = _lead(ans)
    assert "Lite nyttig" in lead and "Tilsyn med veiledning" in lead


def test_comparison_of_two_named_groups_leads_with_both_and_a_verdict(assistant):
    ans = assistant.ask("Er mellomstore bedrifter mer fornøyd med helsekontrollene fra BHT enn de minste?")
    lead = _lead(ans)
    values = {
        r["group_label"]: r["value"]
        for r in ans.data
        if r["item"] == "Generelle helsekontroller" and r["option"] == "Nyttig"
    }
    assert lead.startswith(("Ja", "Nei"))
    assert f"{values['10–49']:g} %" in lead and f"{values['1–9']:g} %" in lead
    assert lead.startswith("Ja") == (values["10–49"] > values["1–9"])


def test_breakdown_leads_with_every_group(assistant):
    ans = assistant.ask("Hvor nyttige er generelle helsekontroller fra BHT etter bedriftsstørrelse?")
    lead = _lead(ans)
    groups = {r["group_label"] for r in ans.data}
    assert len(groups) >= 4 and all(g.split("–")[0] in lead for g in groups)


def test_statement_answers_keep_to_the_wave_asked(assistant):
    ans = assistant.ask("I hvilken periode ble tilleggsundersøkelsen om hjemmekontor gjennomført?")
    assert "november 2021" not in _lead(ans)


def test_text_answers_lead_with_the_quote(assistant):
    ans = assistant.ask("Ble resultatene vektet?")
    assert "vekting" in _lead(ans)


def test_comparison_of_two_items_in_the_order_asked(assistant):
    ans = assistant.ask("Er tilsyn med veiledning mer nyttig enn tilsyn uten veiledning?")
    lead = _lead(ans)
    share = {}
    for r in ans.data:
        if r["option"] in ("Nyttig", "Svært nyttig") and r["group_label"] == "Alle":
            share[r["item"]] = share.get(r["item"], 0) + r["value"]
    with_, without = share["Tilsyn med veiledning"], share["Tilsyn, men uten veiledning"]
    assert lead.index("«Tilsyn med veiledning»") < lead.index("«Tilsyn, men uten veiledning»")
    assert lead.startswith("Ja") == (with_ > without)
    assert f"{with_:g} %" in lead and f"{without:g} %" in lead


@pytest.mark.parametrize(
    "question",
    ["Hvilken størrelsesgruppe er mest fornøyd med risikovurderingene?",
     "Hvilken størrelsesgruppe er mest fornøyd med BHT-tjenestene?",
     "Hvilken BHT-tjeneste er minst nyttig for de minste bedriftene?",
     "Hvilken type AT-kontakt fikk flest «nyttig»-svar?"],
)  # fmt: skip
def test_rankings_never_add_up_shares_of_different_groups(assistant, question):
    ans = assistant.ask(question)
    for r in ans.data or []:
        if r.get("unit") == "pct":
            assert r["value"] <= 100.0, r
    assert not re.search(r"\b(1\d\d|[2-9]\d\d) %", ans.answer)

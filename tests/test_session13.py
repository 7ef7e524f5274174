"""Session-13 behaviour through the real Assistant: the user's own headcount («vi er 12 ansatte … er vi
typiske?»), a size band the report does not state, «50 ansatte eller flere», a sibling item told by its own
words, the figure statement first, briefs with a preamble, amounts said of the previous answer, and compounds
of a known word and «bedrift»."""

from __future__ import annotations

import pytest
from answers import lead

from assistant.briefs.request import detect
from assistant.claims.unknown import unknown_term


def test_own_headcount_in_a_band_the_text_does_not_state_answers_for_all_companies(assistant):
    a = assistant.ask(
        "Vi er 12 ansatte og har aldri hatt noe kontakt med arbeidstilsynet. Er vi typiske der?"
    )
    assert a.answerable is True, a.answer
    assert "1 av 4" in lead(a), a.answer  # 6.2: all companies; 10–49 is only in Figur 29's image
    assert any("10–49" in c and "alle bedriftene" in c for c in a.caveats), a.caveats


def test_own_headcount_in_a_band_the_report_states_answers_for_that_band(assistant):
    a = assistant.ask("Me er 5 tilsette og har aldri hatt kontakt med Arbeidstilsynet. Er det vanleg?")
    assert a.answerable is True and "15 %" in lead(a), a.answer  # Figur 29, 1–9 ansatte
    assert not any("alle bedriftene" in c for c in a.caveats), a.caveats


def test_own_headcount_said_by_a_sentence_of_the_section(assistant):
    a = assistant.ask("er det vanlig å ha avtale med bht når man er rundt 30 ansatte?")
    assert "9 av 10" in lead(a), a.answer  # 6.4: «mellomstore (10-49 ansatte) … 9 av 10 har en avtale»


def test_a_size_band_the_report_does_not_state_is_refused_naming_those_it_does(assistant):
    a = assistant.ask("Hvor mange bedrifter med 10-49 ansatte har hatt kontakt med Arbeidstilsynet?")
    assert a.answerable is False, a.answer
    assert "200 eller flere og 1–9" in a.answer, a.answer
    assert "%" not in a.answer and "2 av 10" not in a.answer, a.answer  # not the landsforening sentence


def test_fifty_employees_or_more_is_the_band_from_fifty(assistant):
    q = assistant.understand("Hvor mange bedrifter med 50 ansatte eller flere har hatt kontakt med NAV?")
    assert (q.group_dim, q.group_key) == ("storrelse", "50-")
    a = assistant.ask(
        "Hvor mange bedrifter med 50 ansatte eller flere har hatt kontakt med NAV Arbeidslivssenter?"
    )
    assert "5 av 10" in lead(a), a.answer


def test_a_sibling_item_sharing_a_word_does_not_answer(assistant):
    # «dialog» is said of the doctor and of the employee: the summary's sentence on the employee is not the doctor's
    a = assistant.ask("Kor nyttig meiner verksemdene at dialogen med den som sjukmelder har vore?")
    assert "halvparten" in lead(a) and "sykemelder" in lead(a), a.answer


def test_the_statement_with_a_figure_leads(assistant):
    a = assistant.ask("Hvor nyttig var dialogen med arbeidstakeren?")
    assert "7 av 10" in lead(a), a.answer


@pytest.mark.parametrize(
    ("text", "count", "theme"),
    [
        (
            "Jeg skal ha møte med en bransjeforening neste uke om mye rart. Gi meg fire nøkkeltall fra rapporten "
            "om sykefravær.",
            4,
            "sykefravær",
        ),
        ("Kort brief til et medlemsmøte: tre nøkkeltall om hjemmekontor fra barometeret.", 3, "hjemmekontor"),
        (
            "Eg skal halde eit innlegg i AMU om bedriftshelsetenesta. Gi meg nokre nøkkeltal.",
            3,
            "bedriftshelsetjenesten",
        ),
        ("kan du gi meg noen kjappe tall om hjemmekontor? typ 4 stk til styremøtet", 4, "hjemmekontor"),
    ],
)
def test_brief_requests_with_a_preamble_or_a_count_after(text, count, theme):
    found = detect(text)
    assert found is not None and (found.count, found.theme) == (count, theme), found


def test_a_brief_after_a_preamble_is_answered(assistant):
    a = assistant.ask(
        "Kort brief til et medlemsmøte: tre nøkkeltall om hjemmekontor og hjemmearbeid fra barometeret."
    )
    assert a.answerable is True and len({s.label for s in a.sources}) >= 3, a.answer


@pytest.mark.parametrize(
    ("history", "question", "verdict", "figure"),
    [
        (
            "hvor mange bedrifter har ansatte på hjemmekontor nå etter pandemien?",
            "stemmer det at det er flere enn halvparten?",
            "supported",
            "55 %",
        ),
        (
            "hvor mange bedrifter har vært i kontakt med nav arbeidslivssenter i 2021?",
            "så over halvparten har hatt kontakt med dem altså?",
            "contradicted",
            "av",
        ),
    ],
)
def test_an_amount_said_of_the_previous_answer(assistant, history, question, verdict, figure):
    a = assistant.ask(question, history=[history])
    assert a.verdict == verdict, a.answer
    assert lead(a).startswith("Ja" if verdict == "supported" else "Nei") and figure in lead(a), a.answer


def test_an_amount_with_a_claim_of_its_own_is_not_said_of_the_previous_answer(assistant):
    a = assistant.ask(
        "så over halvparten av de store har hatt kontakt?",
        history=["hvor mange bedrifter har vært i kontakt med nav arbeidslivssenter i 2021?"],
    )
    assert not lead(a).startswith("Nei, tallet er 1 av 3"), a.answer  # «av de store» is another group


def test_compounds_with_the_companies_are_known_words():
    assert unknown_term("Oslo var fylket med flest svarbedrifter") is None
    assert unknown_term("overtredelsesgebyr ble gitt til 10 prosent") == "overtredelsesgebyr"


def test_an_industry_of_the_users_story_is_not_the_group_asked_about(assistant):
    a = assistant.ask(
        "Eg skal møte ei handelsbedrift som vurderer ny heimekontorordning. Kor stor del av bedriftene svarte i "
        "juni 2022 at dei tilsette jobbar ei overvekt av tida i verksemda sine lokale?"
    )
    assert a.answerable is True and "15 %" in lead(a), a.answer  # Figur 1, all companies


def test_an_industry_named_by_its_name_before_a_sample_question_is_kept(assistant):
    a = assistant.ask(
        "Vi har fått spørsmål om NHO Service og Handel er underrepresentert i utvalget. Hva er andelen i "
        "nettoutvalget sammenlignet med bruttoutvalget?"
    )
    assert "13,31 %" in a.answer and "16,16 %" in a.answer, a.answer  # Tabell 10


def test_a_band_made_up_of_several_is_not_answered_by_one_of_them(assistant):
    # Figur 29's text states 1–9 and 200+ only: «små og mellomstore» (1–49) is not the 1–9 figure
    a = assistant.ask("Hvor mange små og mellomstore bedrifter har hatt kontakt med Arbeidstilsynet?")
    assert "15 %" not in lead(a), a.answer
    b = assistant.ask(
        "Hvor mange bedrifter med 10 ansatte eller flere synes risikovurderinger fra BHT er nyttige?"
    )
    assert all(x in lead(b) for x in ("10–49", "50–199", "200 eller flere")), b.answer  # Tabell 7: each band


def test_how_many_came_from_a_county_is_the_sample(assistant):
    a = assistant.ask(
        "Kor mange av dei kom frå Vestland?", history=["Kor mange bedrifter svara i november 2021?"]
    )
    assert "208" in lead(a), a.answer  # Tabell 9

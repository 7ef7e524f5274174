"""Session-6 behaviour through the real Assistant: a figure asked for both waves or for the wave its question
was not asked in, follow-ups that point back at a group or a place, whether a question was asked, questions
with no topic, key figures about the survey itself, and claims framed as hearsay."""

from __future__ import annotations

import re

import pytest
from answers import lead


def test_both_waves_of_home_office_lead_with_both_figures(assistant):
    a = assistant.ask(
        "Kor mange bedrifter hadde ikkje heimekontor i det heile i november 2021, og kor mange i juni 2022?"
    )
    first = lead(a)
    assert "33 %" in first and "37 %" in first, first
    assert first.index("33 %") < first.index("37 %")  # November first
    assert "ikke direkte sammenlignbare" in a.answer
    assert {"Fotnote 9", "Figur 1"} <= {s.label for s in a.sources}


def test_wave_follow_up_takes_the_question_asked_in_that_wave(assistant):
    a = assistant.ask(
        "hva svarte de i november-undersøkelsen i 2021?",
        history=["Hvor mange prosent av bedriftene har ingen ansatte på hjemmekontor i juni 2022?"],
    )
    assert "**33 %**" in lead(a) and "november 2021" in lead(a)
    assert "37 %" not in lead(a)


def test_both_waves_named_for_a_question_of_one_wave_says_so(assistant):
    a = assistant.ask("Hvor mange hadde avtale med BHT i november 2021 og i juni 2022?")
    assert lead(a).startswith("Dette ble bare spurt om i november 2021.")
    assert "77 %" in lead(a)
    assert "65 prosent" not in lead(a)  # not the home-office sentence that names both waves


def test_can_the_waves_be_compared_is_not_a_brief(assistant):
    a = assistant.ask("Kan tallene for hjemmekontor i november 2021 og juni 2022 sammenlignes?")
    assert "nøkkeltall" not in a.answer


def test_base_of_the_previous_figure_for_its_group(assistant):
    a = assistant.ask(
        "hvor mange bedrifter svarte i den gruppa?",
        history=["Hvor mange av de minste bedriftene (1-9) syns tilsyn med veiledning var lite nyttig?"],
    )
    assert "27–33" in lead(a) and "Tabell 4" in lead(a)


def test_there_points_at_the_previous_county(assistant):
    a = assistant.ask(
        "hvor mange ble invitert der da?",
        history=["Hvor mange bedrifter i Nordland svarte?", "Og i Troms og Finnmark?"],
    )
    assert "Troms og Finnmark" in lead(a) and "1 024" in lead(a)
    assert "16 861" not in lead(a)


def test_who_was_asked_about_that(assistant):
    a = assistant.ask(
        "hvem ble spurt om det?",
        history=[
            "Har det vært diskutert i ledelsen hvor tilgjengelige de ansatte skal være etter arbeidstid?"
        ],
    )
    assert "hjemmekontor" in lead(a), lead(a)


def test_was_it_asked_is_answered_yes_when_no_results_are_published(assistant):
    a = assistant.ask("Spurte dere bedriftene om digitale møter har erstattet jobbreiser og fysiske møter?")
    assert a.answerable and lead(a).startswith("Ja.")
    assert "ingen resultater" in a.answer and any(s.label == "Vedlegg 2" for s in a.sources)
    figure = assistant.ask("Hvor mange bedrifter svarte at digitale møteflater har økt?")
    assert not figure.answerable  # a figure the report does not publish is still refused


@pytest.mark.parametrize(
    "question", ["hvor stor var andelen?", "Hva er tallet?", "Hvor stor er andelen totalt?"]
)
def test_a_figure_of_nothing_named_is_asked_back(assistant, question):
    a = assistant.ask(question)
    assert not a.answerable and a.suggestions, a.answer[:200]
    assert not re.search(r"\d+ ?%", lead(a))


def test_key_figures_about_the_survey_itself(assistant):
    a = assistant.ask("Trenger hovedtall om selve undersøkelsen (utvalg, svarprosent osv) til en faktaboks")
    assert "1 713 av 16 861" in a.answer and "2 253 av 16 853" in a.answer
    assert "10 %" in a.answer and "13 %" in a.answer
    assert "faktaboks fra" not in a.answer  # what the figures are for is not part of the theme
    assert len({s.label for s in a.sources}) >= 3


def test_the_next_sentence_names_the_other_actor(assistant):
    a = assistant.ask("Hvem er mest nyttig når noen er sykmeldt hos oss – BHT eller NAV sitt dialogmøte 2?")
    assert "8 av 10" in lead(a) and "6 av 10" in lead(a)


@pytest.mark.parametrize(
    "question, verdict, figure",
    [
        (
            "Noen på HMS-kurset sa at 77 prosent av bedriftene har avtale med bedriftshelsetjeneste. Stemmer det?",
            "supported",
            "77",
        ),
        (
            "BHT-leverandøren vår sier at 3 av 4 bedrifter syns forebygging av sykefravær fra BHT er svært nyttig. "
            "Kan det stemme?",
            "contradicted",
            "10",
        ),
        (
            "Sjefen min mente at bare 10 prosent hadde kontakt med NAV Arbeidslivssenter, er det riktig?",
            "contradicted",
            "1 av 3",
        ),
    ],
)
def test_hearsay_frames_are_claims(assistant, question, verdict, figure):
    a = assistant.ask(question)
    assert a.verdict == verdict, a.answer[:200]
    assert figure in lead(a)
    assert "Rapporten viser Om" not in a.answer  # a figure quoted from a sentence's start, mid-sentence


def test_a_study_the_report_cites_is_not_a_company(assistant):
    a = assistant.ask(
        "Rapporten viser til Arbeidskraftundersøkelsen fra 2017. Hvor mange lønnstakere svarte der, og hvor "
        "mange prosent av dem sa at de kunne jobbe hjemmefra?"
    )
    assert a.answerable and "9960" in lead(a) and "35 prosent" in lead(a)
    assert any("Arbeidskraftundersøkelsen" in c for c in a.caveats)


def test_both_ends_of_the_size_scale_are_two_groups_not_a_ranking(assistant):
    a = assistant.ask(
        "Dei minste mot dei største: kor mange syntest arbeidsmiljøkartlegginga frå BHT var lite nyttig?"
    )
    assert "26 %" in lead(a) and "5 %" in lead(a), lead(a)
    assert not lead(a).startswith("Høyest")


def test_satisfied_with_the_contact_asks_how_useful_it_was(assistant):
    a = assistant.ask("Hvilken landsforening var mest fornøyd med kontakten med NAV Arbeidslivssenter?")
    assert "Energi Norge" in lead(a), lead(a)


def test_a_cited_study_named_in_nynorsk_is_answered_from_the_report(assistant):
    a = assistant.ask(
        "Kva fann AFI-studien som rapporten viser til om kor mange tilsette meiner arbeidsgjevaren forventar at "
        "dei er tilgjengelege utanom arbeidstid?"
    )
    assert a.answerable and "27 prosent" in lead(a)
    refused = assistant.ask("Hvor mange ansatte føler seg utbrent?")
    assert not refused.answerable  # employees' own views are still not in the survey


def test_who_carried_out_the_data_collection_in_nynorsk(assistant):
    a = assistant.ask("Kven var det som stod for sjølve datainnsamlinga i barometeret?")
    assert "Kantar" in a.answer.split("\n\n")[0] or "Kantar" in a.answer[:400]


@pytest.mark.parametrize("question", ["tallene for nyttig pls", "tall på nytte?"])
def test_a_scale_alone_is_no_theme_for_key_figures(assistant, question):
    a = assistant.ask(question)
    assert not a.answerable and a.suggestions and "nøkkeltall" not in a.answer


def test_why_gets_the_explanation_a_few_sentences_after_the_finding(assistant):
    a = assistant.ask(
        "Hvorfor tror forfatterne at de største bedriftene syns NAVs dialogmøte 2 er mer nyttig enn de små?"
    )
    assert "bedre tilpasset behovene til de største bedriftene" in lead(a)


def test_a_question_named_by_its_title_in_the_questionnaire(assistant):
    a = assistant.ask("Hvilke svaralternativer hadde spørsmålet om antall ansatte?")
    assert "Hvor mange ansatte har bedriften?" in a.answer and "50-199" in a.answer
    assert "hjemmekontor" not in lead(a)


def test_a_quote_whose_start_the_report_lost_is_marked(assistant):
    a = assistant.ask("Hvilke landsforeninger hadde lavest andel bedrifter i kontakt med Arbeidstilsynet?")
    assert "NHO Reiseliv" in lead(a)
    assert "«… bedrifter i Byggenæringens" in a.answer


def test_claimed_figure_of_another_item_is_named(assistant):
    a = assistant.ask("Stemmer det at verneombudet ble vurdert som viktigste rolle med en snittskår på 3,9?")
    assert a.verdict == "contradicted"
    assert "3,1" in lead(a) and "«Ledelse»" in lead(a)


def test_did_everyone_get_the_question(assistant):
    some = assistant.ask(
        "Fikk alle bedriftene spørsmålene om forventet tilgjengelighet utenom arbeidstid, eller bare noen?"
    )
    assert lead(some).startswith("Nei, bare noen.") and "hjemmekontor" in lead(some)
    everyone = assistant.ask("Fikk alle bedriftene spørsmålet om avtale med BHT?")
    assert lead(everyone).startswith("Ja.")


def test_who_got_the_follow_up_question_on_usefulness(assistant):
    a = assistant.ask(
        "hvem fikk oppfølgingsspørsmålet om hvor nyttig det var?",
        history=["Hvor mange bedrifter har vært i kontakt med NAV Arbeidslivssenter i 2021?"],
    )
    assert "«Ja»" in lead(a) and "NAV Arbeidslivssenter" in lead(a)


@pytest.mark.parametrize(
    "question",
    [
        "Korleis vart bedriftene som fekk undersøkinga plukka ut?",
        "Fikk alle medlemsbedriftene undersøkelsen?",
    ],
)
def test_how_the_invited_were_chosen(assistant, question):
    a = assistant.ask(question)
    assert "register over sine medlemsbedrifter" in lead(a)


def test_without_home_office_in_both_waves(assistant):
    a = assistant.ask(
        "Andelen uten noe hjemmearbeid i november 2021 mot andelen uten ansatte på hjemmekontor i juni 2022 – hvordan er tallene?"
    )
    assert "33 %" in lead(a) and "37 %" in lead(a)


def test_a_common_word_does_not_name_an_item(assistant):
    # "vanlig" once named Arbeidstilsynet's «Tilsyn, men uten veiledning» (alias "vanlig tilsyn")
    a = assistant.ask("Er hjemmekontor mer vanlig i store bedrifter?")
    assert "Tilsyn" not in lead(a) and "hjemmekontor" in lead(a)


def test_an_option_printed_with_spaces_around_the_slash(assistant):
    a = assistant.ask("Hvor mange svarte vet ikke på spørsmålet om hjemmekontor i juni?")
    assert "**8 %**" in lead(a) and "Vet ikke / ikke relevant" in lead(a)


def test_now_is_the_latest_wave(assistant):
    a = assistant.ask("hvor stor andel av bedriftene har hjemmekontor nå?")
    assert "55 %" in lead(a) and "juni 2022" in lead(a)
    bht = assistant.ask("Hvor mange har avtale med BHT nå?")
    assert "ikke spurt om i juni 2022" in lead(bht) and "77 %" in lead(bht)


def test_small_or_large_is_not_answered_by_a_sentence_about_all(assistant):
    a = assistant.ask("Hvem er mest fornøyd med BHT-tjenestene, små eller store bedrifter?")
    assert "1–9 ansatte" in lead(a) and "200 eller flere" in lead(a)


@pytest.mark.parametrize(
    "question",
    [
        "Hvilke bedrifter fikk spørsmålene om hvor tilgjengelige ansatte forventes å være etter arbeidstid?",
        "Før vi bruker tallene om tilgjengelighet etter arbeidstid i en sak: hvem fikk egentlig de spørsmålene – "
        "alle bedriftene, eller bare en del av dem?",
    ],
)
def test_which_companies_got_a_question_is_not_a_brief(assistant, question):
    a = assistant.ask(question)
    assert lead(a).startswith("Spørsmålet ble stilt til:") and "hjemmekontor" in lead(a)


@pytest.mark.parametrize(
    "question, theme",
    [
        (
            "Lag en kort «Om undersøkelsen»-boks til pressemeldingen med minst tre tall om utvalg og gjennomføring.",
            "1 713",
        ),
        (
            "Vi lager en faktaboks om hjemmekontor etter pandemien. Kan du gi meg tre nøkkeltall med kilde?",
            "hjemmekontor",
        ),
    ],
)
def test_briefs_asked_for_in_other_words(assistant, question, theme):
    a = assistant.ask(question)
    assert "3 nøkkeltall" in a.answer and theme in a.answer
    assert len({s.label for s in a.sources}) >= 3


def test_a_share_of_the_answers_in_a_brief_is_a_press_figure(assistant):
    a = assistant.ask("Trenger hovedtall om selve undersøkelsen (utvalg, svarprosent osv) til en faktaboks")
    assert "om lag 45 % (45,24 % i tabellen)" in a.answer


@pytest.mark.parametrize(
    "question", ["Hvem har svart på undersøkelsen?", "Hvilke bedrifter fikk undersøkelsen?"]
)
def test_who_answered_is_the_member_companies(assistant, question):
    # "Hvem har svart …" once quoted the sentence where 65 % «svarte» they had home office
    a = assistant.ask(question)
    assert "register over sine medlemsbedrifter" in lead(a)
    assert "65 prosent" not in lead(a)


def test_who_had_contact_is_the_yes_no_question_not_its_usefulness(assistant):
    a = assistant.ask("Hvor mange hadde kontakt med Arbeidstilsynet?")
    assert "1 av 4" in lead(a) and "nyttig" not in lead(a).lower()


def test_a_cited_survey_is_never_credited_to_the_barometer_in_press_text(assistant):
    a = assistant.ask("Stemmer det at 45 prosent av lønnstakerne kunne jobbe hjemmefra i 2017?")
    short = (a.press or {}).get("short") or ""
    assert "35 prosent" in short and "viser NHOs Arbeidsmiljøbarometer" not in short
    assert "sitert i NHOs Arbeidsmiljøbarometer 2021" in short and len(short) <= 280

"""Session-19 behaviour through the real Assistant: a claim about one size group of a list the report gives one
figure for («Blant bedrifter med 2-9, 10-49 og 50-100 ansatte oppgir om lag 3 av 4 …»); a claim after the user's
story; the base of the figure just given; «samme i juni?» for a question asked only in November; a group's share of
the sample as a follow-up; an answer named by its label; «hvor høy var svarprosenten»; union membership and hours
of support refused."""

from __future__ import annotations

import re

import pytest
from answers import lead

from assistant import intents
from assistant.briefs.request import detect as detect_brief
from assistant.claims import detect
from assistant.claims.prose import prose_figures
from assistant.normalize import normalize

LISTED = (
    "Blant bedrifter med 2-9, 10-49 og 50-100 ansatte oppgir om lag 3 av 4 bedrifter at de er «delvis» eller "
    "«helt enig» i påstanden om at det er en felles forståelse av mål og roller, sammenliknet med bedrifter med "
    "200 ansatte eller flere der om lag 2 av 3 bedrifter oppgir dette."
)


def test_a_list_of_size_groups_cut_by_commas_shares_its_figure():
    figs = prose_figures(LISTED)
    three = sorted(f["group_label"] for f in figs if f["text"] == "om lag 3 av 4")
    assert three == ["10–49", "2–9", "50–100"], figs
    assert [f["group_label"] for f in figs if f["text"] == "om lag 2 av 3"] == ["200 eller flere"]
    # the quote the verdict shows starts where the list starts
    assert all(
        f["context"].startswith("Blant bedrifter med 2-9") for f in figs if f["text"] == "om lag 3 av 4"
    )


def test_a_figure_after_a_list_of_findings_is_not_shared():
    s = "Blant små bedrifter svarer 40 %, mens 10-49 ansatte oppgir om lag 3 av 4 dette."
    assert [f["group_label"] for f in prose_figures(s) if f["text"] == "om lag 3 av 4"] == ["10–49"]


def test_a_claim_about_one_group_of_the_list_is_checked(assistant):
    a = assistant.ask(
        "Stemmer det at 3 av 4 bedrifter med 10-49 ansatte opplever felles forståelse av mål og roller med de "
        "tillitsvalgte?"
    )
    assert a.answerable and a.answer.startswith("Ja"), a.answer
    a = assistant.ask(
        "Kan jeg skrive at halvparten av bedriftene med 10-49 ansatte har felles forståelse av mål og roller?"
    )
    assert a.answer.startswith("Nei") and "3 av 4" in a.answer.split("\n")[0], a.answer


def test_a_wrong_group_names_every_group_the_figure_is_for(assistant):
    a = assistant.ask(
        "Stemmer det at 3 av 4 bedrifter med 200 eller flere ansatte opplever felles forståelse av mål og roller?"
    )
    first = a.answer.split("\n")[0]
    assert first.startswith("Nei") and "2 av 3" in first, a.answer
    assert "2–9, 10–49 og 50–100 ansatte" in first, a.answer


# ------------------------------------------------------------------------------------- claims after a story


@pytest.mark.parametrize(
    "question, figure",
    [
        (
            "I vår bedrift er samarbeidet med de tillitsvalgte gull. Er det riktig at 9 av 10 bedrifter mener "
            "samarbeidet mellom tillitsvalgte og ledelse er positivt for bedriften?",
            "9 av 10",
        ),
        (
            "Vi er 5 tilsette og syntest covid-tilsynet var greitt. Stemmer det at 45 prosent av bedriftene med 1–9 "
            "tilsette fann tilsynet med covid-19-forskrifta nyttig?",
            "45 %",
        ),
    ],
)
def test_a_claim_after_the_users_story_is_checked(assistant, question, figure):
    a = assistant.ask(question)
    assert a.answer.startswith("Ja") and figure in a.answer.split("\n")[0], a.answer


def test_the_story_is_not_part_of_the_claim():
    req = detect("Vi har én ansatt som jobber hjemmefra. Stemmer det at 2 prosent har mest hjemmekontor?")
    assert req is not None and req.claims == ["2 prosent har mest hjemmekontor"], req


# ------------------------------------------------------------------------------------- follow-ups


@pytest.mark.parametrize(
    "question, history, figure",
    [
        (
            "Kva var basen for det talet, altså kor mange svarte?",
            "Kor mange bedrifter hadde kontakt med Arbeidstilsynet i 2021?",
            "1 714",
        ),
        (
            "hvor mange bedrifter svarte på akurat det?",
            "Hvor nyttig syns bedriftene tilsyn med veiledning fra Arbeidstilsynet var?",
            "257",
        ),
    ],
)
def test_the_base_of_the_figure_just_given(assistant, question, history, figure):
    a = assistant.ask(question, history=[history])
    assert figure in lead(a) and "16 861" not in lead(a), a.answer


def test_base_of_figure_pattern_leaves_a_new_topic_alone():
    assert re.fullmatch(intents.BASE_OF_FIGURE, "hva var basen for det tallet, altså hvor mange svarte?")
    assert not re.fullmatch(intents.BASE_OF_FIGURE, "hvor mange svarte på spørsmålet om hjemmekontor?")


def test_the_same_in_june_is_the_nearest_question_of_june(assistant):
    a = assistant.ask(
        "samme i juni?",
        history=[
            "Hvor mange bedrifter sa i november 2021 at ingen av arbeidstimene ble utført på hjemmekontor?"
        ],
    )
    assert "37 %" in lead(a) and "Har ikke ansatte på hjemmekontor" in lead(a), a.answer
    assert any("stilt annerledes" in c for c in a.caveats), a.caveats


@pytest.mark.parametrize(
    "question, history, figure",
    [
        (
            "Kor mange prosent av nettoutvalet utgjer det?",
            "Kor mange verksemder i NHO Service og Handel svarte?",
            "13,31 %",
        ),
        ("Hvor stor andel av bruttoutvalget var de?", "Hvor mange bedrifter i Viken svarte?", "18,4 %"),
    ],
)
def test_the_share_of_the_sample_a_group_just_named_makes_up(assistant, question, history, figure):
    a = assistant.ask(question, history=[history])
    assert figure in lead(a), a.answer


# ------------------------------------------------------------------------------------- understanding


def test_an_answer_named_by_its_label_picks_the_question_with_that_scale(assistant):
    # «verken/eller» is a rating's answer: the usefulness of the contact, not whether there was contact
    a = assistant.ask(
        "Andel «verken/eller» om annen type kontakt med Arbeidstilsynet for bedrifter med 50-199 ansatte?"
    )
    assert "40 %" in lead(a) and "Tabell 4" in lead(a), a.answer


def test_response_rate_asked_as_how_high_leads_with_the_figure(assistant):
    a = assistant.ask("Hvor høy var svarandelen blant de inviterte i hovedrunden (november 2021)?")
    assert "10 %" in lead(a) and "Juni 2022" not in a.answer, a.answer


@pytest.mark.parametrize(
    "question, why",
    [
        ("Kor stor del av dei tilsette i verksemdene er fagorganiserte?", "fagorganisert"),
        ("Hvor mange timer bistand fikk bedriftene fra NAV Arbeidslivssenter i snitt?", "timer"),
    ],
)
def test_what_the_survey_did_not_ask_is_refused(assistant, question, why):
    a = assistant.ask(question)
    assert not a.answerable and why in a.answer, a.answer


# ------------------------------------------------------------------------------------- claims


def test_a_figure_asked_back_as_a_question_is_a_claim(assistant):
    req = detect(
        "Var det 25 prosent av bedriftene med 10–49 ansatte som syntes tilsyn uten veiledning var lite nyttig?"
    )
    assert req is not None and req.claims[0].startswith("25 prosent av bedriftene"), req
    assert detect("Var det flest små bedrifter som svarte?") is None
    a = assistant.ask(
        "Var det 25 prosent av bedriftene med 10–49 ansatte som syntes tilsyn uten veiledning var lite nyttig?"
    )
    first = a.answer.split("\n")[0]
    assert first.startswith("Nei") and "17" in first, a.answer


def test_an_aside_narrowing_the_answer_is_no_part_of_the_claim(assistant):
    req = detect(
        "Kan eg skrive at 54 prosent fann dei generelle helsekontrollane frå BHT «nyttige» (berre det "
        "svaralternativet, ikkje «svært nyttig»)?"
    )
    assert req is not None and req.claims == [
        "54 prosent fann dei generelle helsekontrollane frå BHT «nyttige»"
    ]
    a = assistant.ask(
        "Kan jeg skrive at halvparten av bedriftene i juni 2022 hadde ansatte som var i virksomhetens lokaler så godt "
        "som hele tiden (bare «det aller meste», ikke «overvekt»)?"
    )
    first = a.answer.split("\n")[0]
    assert first.startswith("Nei") and "35" in first, a.answer


def test_the_lowest_of_a_listed_ranking_is_read_as_lowest(assistant):
    a = assistant.ask(
        "Er det riktig at Abelia-bedriftene hadde den laveste andelen med kontakt med NAV Arbeidslivssenter i 2021?"
    )
    assert a.answer.startswith("Ja") and "2 av 10" in a.answer.split("\n")[0], a.answer
    a = assistant.ask("Stemmer det at NHO Reiseliv hadde lavest andel med kontakt med NAV Arbeidslivssenter?")
    assert a.answer.startswith("Nei") and "Abelia" in a.answer.split("\n")[0], a.answer


@pytest.mark.parametrize(
    "claim",
    [
        "Stemmer det at berre 2 prosent av verksemdene i juni 2022 hadde tilsette som er meir heime enn på jobb?",
        "Stemmer det at bare 2 prosent har ansatte som for det meste jobber hjemmefra?",
    ],
)
def test_mostly_at_home_in_other_words(assistant, claim):
    a = assistant.ask(claim)
    assert a.answer.startswith("Ja") and "2 %" in a.answer.split("\n")[0], a.answer


def test_a_quoted_claim_right_after_the_verb(assistant):
    a = assistant.ask("Kan vi skrive «ni av ti bedrifter mener samarbeidet med tillitsvalgte er positivt»?")
    assert a.answer.startswith("Ja") and "9 av 10" in a.answer.split("\n")[0], a.answer


# ------------------------------------------------------------------------------------- questions


def test_the_base_of_the_figure_named_with_a_determiner(assistant):
    a = assistant.ask(
        "Hvor mange bedrifter bygger den figuren på?",
        history=["Hvor nyttig var kontakten med NAV Arbeidslivssenter, fordelt på bedriftsstørrelse?"],
    )
    assert "575" in lead(a) and "Figur 31" in lead(a), a.answer


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mange ansatte har bedriftene i utvalget i gjennomsnitt?",
        "Hva er gjennomsnittlig antall ansatte i bedriftene?",
    ],
)
def test_an_average_head_count_is_refused(assistant, question):
    a = assistant.ask(question)
    assert not a.answerable and a.route == "none", a.answer


@pytest.mark.parametrize("question", ["Er det mye eller lite?", "Gi meg tallet på det", "tall på dette?"])
def test_a_figure_of_nothing_named_is_asked_back(assistant, question):
    a = assistant.ask(question)
    assert not a.answerable and a.suggestions, a.answer
    assert a.answer.startswith("Spørsmålet sier ikke hva det gjelder"), a.answer


def test_the_scale_and_its_flaw_together(assistant):
    a = assistant.ask(
        "Kva skala vart brukt på spørsmålet om kor viktige leiing, verneombod, tillitsvalde og AMU er – og kva er "
        "gale med han?"
    )
    assert "stor betydning" in a.answer and "4 Svært stor betydning" in a.answer, a.answer


def test_use_asked_in_a_parenthesis_apart_from_usefulness(assistant):
    a = assistant.ask(
        "Hvor mange av bedriftene hadde med BHT i sykefraværsoppfølgingn i 2021 (ikke hvor nyttig det var, bare om "
        "de brukte den)?"
    )
    assert "3 av 10" in lead(a), a.answer


def test_one_letter_typed_wrong_inside_a_survey_word():
    assert normalize("posetiv endring") == "positiv endring"
    assert normalize("negetiv endring") == "negativ endring"


def test_employees_or_companies_asks_who_answered(assistant):
    a = assistant.ask("Er dette en undersøkelse blant arbeidstakere eller blant bedriftene?")
    assert "medlemsbedrift" in lead(a), a.answer


def test_the_one_who_sick_listed_is_the_doctor(assistant):
    a = assistant.ask(
        "Hvor mange bedrifter hadde snakket med den som sykmeldte (legen) i forbindelse med sykefravær i 2021?"
    )
    assert "1 av 5" in lead(a), a.answer


def test_an_answer_and_a_group_of_them_follow_the_previous_question(assistant):
    a = assistant.ask(
        "hvor mange svarte vet ikke blant dem med 200 eller fler ansatte?",
        history=["Hvor mange bedrifter har hatt kontakt med NAV Arbeidslivssenter i 2021?"],
    )
    assert "2 av 10" in lead(a), a.answer


def test_employer_branding_is_the_attractive_employer(assistant):
    a = assistant.ask(
        "Employer branding eller trygg arbeidssituasjon – hva er oftest «svært viktig» som grunn til HMS-arbeid?"
    )
    assert "57 %" in lead(a) and "65 %" in lead(a), a.answer


def test_a_source_question_keeps_the_topic_for_what_follows(assistant):
    a = assistant.ask(
        "Hvilken tabell er det hentet fra, og hvor mange bedrifter er prosentene basert på?",
        history=[
            "Hvor stor andel av bedriftene mener de har fått tilsvarende støtte og informasjon fra NAV "
            "Arbeidslivssenter de siste tre årene?"
        ],
    )
    assert "Tabell 5" in lead(a) and "1 696" in lead(a), a.answer


# ------------------------------------------------------------------------------------- stories and two parts


def test_two_method_facts_with_one_wave_named(assistant):
    a = assistant.ask(
        "Hva var svarprosenten i novemberundersøkelsen, og hvem sto for selve datainnsamlingen?"
    )
    assert "10 %" in lead(a) and "Kantar" in lead(a), a.answer
    assert not lead(a).startswith("- -"), a.answer


def test_weighting_asked_with_a_reason_about_small_companies(assistant):
    a = assistant.ask("Var tallene vektet, siden små bedrifter visstnok er underrepresentet?")
    assert "ikke benyttet vekting" in lead(a), a.answer


def test_figures_for_a_group_of_no_theme_is_no_brief(assistant):
    assert detect_brief("Kan du gi meg tallene for de store?") is None
    assert (
        detect_brief(
            "Hei, jeg sitter med tallene fra vår egen undersøkelse. Kan du gi meg tallene for de store?"
        )
        is None
    )
    assert detect_brief("Gi meg tre tall om hjemmekontor").theme == "hjemmekontor"
    a = assistant.ask(
        "Hei, jeg sitter med tallene fra vår egen medarbeiderundersøkelse. Kan du gi meg tallene for de store?"
    )
    assert not a.answerable and a.suggestions, a.answer


def test_a_band_of_an_answer_is_no_size_group(assistant):
    a = assistant.ask(
        "I novemberundersøkelsen 2021 spurte dere visst hvor stor del av arbeidstimene som ble gjort på hjemmekontor "
        "den siste måneden. Hos oss var det kanskje 10–15 prosent. Hvor mange prosent av bedriftene svarte i "
        "intervallet 1–20 %?"
    )
    assert "45 %" in lead(a) and "Fotnote 9" in lead(a), a.answer


def test_our_association_told_in_the_story(assistant):
    a = assistant.ask(
        "Vi driv eit hotell med 60 tilsette og er med i NHO Reiseliv. Kor stor del av bedriftene i vår landsforeining "
        "hadde kontakt med Arbeidstilsynet i 2021, ifølgje barometeret?"
    )
    assert "2 av 10" in lead(a) and "NHO Reiseliv" in lead(a), a.answer


def test_a_size_told_in_the_story_is_the_users_own(assistant):
    a = assistant.ask(
        "Hei! Jeg er HR-sjef i et regnskapsbyrå med 35 ansatte der de fleste jobber hybrid, og partnerne er redde for "
        "at hjemmejobbingen har gått ut over nytenkningen. Hvor stor andel av bedriftene i barometeret mente at "
        "hjemmearbeidet i 2021 ga en negativ endring i kreativitet og innovasjon?"
    )
    assert "15 %" in lead(a) and "Kreativitet og innovasjon" in lead(a), a.answer


def test_a_brief_request_ending_a_sentence_keeps_its_theme():
    found = detect_brief(
        "En journalist ber om nøkkeltall om NAV Arbeidslivssenter. Gi meg minst tre tall vi kan sende over."
    )
    assert found is not None and found.theme == "nav arbeidslivssenter", found

"""Session-16 behaviour through the real Assistant: a sentence beside the question that asks for nothing of
its own («trenger eksakt tall», «Hva sier barometeret?»); a question told as someone else's («… spør om …»);
an aside in parentheses that repeats the answer asked; the general phrasings of a finding for all companies
not bound to a subset's sentence; «uten veiledning» said with a negation; «praten med fastlegen»; a claim
naming a negative answer without «ikke» («helt likegyldig»); a bare size word on one side of a comparison;
«svarte da at …» is a share, not the base; «opp til en femtedel»; «gjelder det alle, eller er det forskjell
på små og store?»; a compound head («fravær» of «sykefravær») is no foreign item; a brief «til kurset mitt»; a
claim frame with where it is said («si på kurset at»); a previous figure rounded («runde det av til …»)."""

from __future__ import annotations

import pytest
from answers import lead

from assistant.briefs.request import detect as detect_brief
from assistant.claims import detect
from assistant.claims.parse import side_groups
from assistant.claims.readings import names_negative_answer
from assistant.normalize import drop_asides
from assistant.understand import _asked_sentence, without_asides


def test_a_sentence_that_asks_for_nothing_of_its_own_is_dropped():
    assert drop_asides("hvor mange svarte nyttig? trenger eksakt tall") == "hvor mange svarte nyttig?"
    assert drop_asides("hvor mange svarte nyttig? oppgi kilde.") == "hvor mange svarte nyttig?"
    assert drop_asides("hvor mange svarte nyttig? trenger tallet til en sak.") == "hvor mange svarte nyttig?"
    assert drop_asides("hva sier arbeidsmiljøbarometeret?") == "hva sier arbeidsmiljøbarometeret?"  # alone: kept
    assert drop_asides("hvor mange svarte? trenger hjelp med sykefravær") == (
        "hvor mange svarte? trenger hjelp med sykefravær"
    )


def test_the_figure_asked_with_an_aside_after_it(assistant):
    a = assistant.ask(
        "hvor mange prosent av bedriftene sier at folk er mindre på kontoret enn sjefen vil? trenger eksakt tall"
    )
    assert a.answerable is True and "12 %" in lead(a), a.answer


def test_a_finding_for_all_companies_is_not_answered_by_a_subset(assistant):
    a = assistant.ask("Hvor mange ledere opplever at folk er for lite på kontoret i forhold til det de selv ønsker?")
    assert a.answerable is True and "12 %" in lead(a), a.answer
    assert "65 %" not in a.answer  # a section's other prose figures are not set beside it


def test_a_question_told_as_someone_elses(assistant):
    assert _asked_sentence("et medlem spør om andre bedrifter har blitt flinkere til å lede") == (
        "andre bedrifter har blitt flinkere til å lede"
    )
    assert _asked_sentence("hvor mange kunne velge da de ble spurt om de største utfordringene?") == ""
    a = assistant.ask(
        "Et medlem med rundt 120 ansatte spør om andre bedrifter på deres størrelse har blitt flinkere til å lede "
        "folk som sitter andre steder etter hjemmekontortiden. Hva sier barometeret?"
    )
    assert a.answerable is True and "1 av 3 bedrifter med 50–199" in a.answer, a.answer


def test_an_aside_that_repeats_the_answer(assistant):
    assert without_asides("hvor mange syns det var nyttig? (bare «nyttig», ikke svært nyttig)") == (
        "hvor mange syns det var nyttig?"
    )
    assert "(«verken/eller»)" in without_asides("hvor mange var nøytrale («verken/eller») til oppfølgingen?")
    a = assistant.ask("hvor mange syns BHT sin hjelp med å følge opp sykmeldte var nyttig? (bare «nyttig», ikke svært nyttig)")
    assert "36 %" in lead(a) and "Tabell 6" in a.answer, a.answer


def test_supervision_without_guidance_said_with_a_negation(assistant):
    a = assistant.ask("Hvor mange prosent svarte «nyttig» om tilsyn fra Arbeidstilsynet der de ikke fikk veiledning?")
    assert "uten veiledning" in lead(a) and "46 %" in lead(a), a.answer


def test_talking_with_the_doctor(assistant):
    for asked in (
        "Hvor nyttig synes bedriftene praten med fastlegen er i sykefraværsoppfølgingen?",
        "Hvor mange bedrifter syntes dialogen med fastlegen var til nytte når noen var sykmeldt?",
    ):
        a = assistant.ask(asked)
        assert "den som sykemelder" in lead(a) and "halvparten" in lead(a), a.answer


def test_a_claim_naming_a_negative_answer_without_a_negation(assistant):
    assert names_negative_answer("8 prosent sier det er helt likegyldig hvor de ansatte jobber fra")
    assert not names_negative_answer("8 prosent sier det er viktig hvor de ansatte jobber fra")
    a = assistant.ask(
        "Faktasjekk: 8 prosent av de minste bedriftene sier det er helt likegyldig hvor de ansatte jobber fra. "
        "stemmer det?"
    )
    assert a.verdict == "supported", a.answer


def test_a_bare_size_word_on_one_side_of_a_comparison(assistant):
    assert side_groups("store har vært i kontakt med arbeidstilsynet")[0][1] == "largest"
    a = assistant.ask("Stemmer det at små bedrifter oftere enn store har vært i kontakt med Arbeidstilsynet?")
    assert a.verdict == "contradicted" and "51 %" in lead(a) and "15 %" in lead(a), a.answer


@pytest.mark.parametrize(
    ("asked", "history", "expected"),
    [
        pytest.param(  # «svarte da at …» is a share, not the base
            "Og hvor mange svarte da at ingenting av arbeidet ble gjort hjemmefra?",
            ["Hvor stor andel av bedriftene hadde noe hjemmekontor i november 2021?"],
            "33 %",
            id="answered-that-is-a-share-not-the-base",
        ),
        pytest.param(  # «opp til en femtedel» is «1–20 %»
            "I høstmålingen 2021, hvor mange bedrifter anslo at bare en liten del av arbeidstimene – opp til en "
            "femtedel – ble gjort på hjemmekontor?",
            [],
            "45 %",
            id="up-to-a-fifth-of-the-hours",
        ),
        pytest.param(  # a breakdown by size, not who was asked
            "gjelder det alle bedrifter, eller er det stor forskjell på små og store?",
            ["Hvor mange bedrifter har avtale med en bedriftshelsetjeneste?"],
            "6 av 10",
            id="for-all-or-different-by-size",
        ),
    ],
)
def test_the_figure_asked_leads(assistant, asked, history, expected):
    a = assistant.ask(asked, history=history)
    assert expected in lead(a), a.answer


def test_the_head_of_a_compound_is_not_a_foreign_item(assistant):
    a = assistant.ask(
        "Jeg forbereder et kurs om forebygging av fravær: hvor stor er forskjellen mellom de minste og de største "
        "bedriftene i hvor nyttig de syns BHT er til å forebygge sykefravær?"
    )
    assert a.answerable is True and "46 %" in lead(a) and "66 %" in lead(a), a.answer


def test_a_brief_for_a_course(assistant):
    found = detect_brief("Lag tre korte kulepunkter med tall til kurset mitt om hvem bedriftene har nytte av å snakke med")
    assert found is not None and found.count == 3 and found.theme.startswith("hvem bedriftene har nytte")


def test_a_claim_frame_with_where_it_is_said():
    found = detect("Kan eg seie på kurset at ni av ti verksemder meiner samarbeidet er positivt?")
    assert found is not None and found.claims == ["ni av ti verksemder meiner samarbeidet er positivt"]


def test_a_previous_figure_rounded(assistant):
    history = ["Hvor mange bedrifter har hatt kontakt med NAV Arbeidslivssenter i 2021?"]
    a = assistant.ask("kan jeg runde det av til en tredjedel?", history=history)
    assert a.verdict == "supported", a.answer
    b = assistant.ask("kan jeg runde det av til halvparten?", history=history)
    assert b.verdict == "contradicted", b.answer


def test_which_is_more_often_asked_in_nynorsk(assistant):
    a = assistant.ask(
        "Kva er oftast «svært viktig» som grunn til arbeidsmiljøarbeid – betre lønsemd eller å følgje lova? "
        "Med tal, takk."
    )
    assert "38 %" in lead(a) and "45 %" in lead(a), a.answer  # Figur 12, not an explanation


def test_the_claimed_figure_is_the_other_waves(assistant):
    a = assistant.ask("Kan jeg skrive at 55 prosent av bedriftene hadde ansatte på hjemmekontor i november 2021?")
    assert a.verdict == "contradicted" and "65" in lead(a) and "55 prosent er tallet for juni 2022 (Figur 1)" in lead(a), a.answer
    b = assistant.ask("Kan jeg skrive at 60 prosent av bedriftene hadde ansatte på hjemmekontor i november 2021?")
    assert b.verdict == "contradicted" and "tallet for juni 2022" not in lead(b), b.answer  # 60 is no wave's


def test_that_or_the_figure_with_nothing_before_is_asked_back(assistant):
    for asked in ("kan du gi meg tallet", "Kva seier rapporten om det der?"):
        a = assistant.ask(asked)
        assert a.answerable is False and a.suggestions, a.answer


def test_before_the_measures_were_lifted_is_not_before_the_pandemic(assistant):
    a = assistant.ask(
        "Hvor stor andel av bedriftene hadde ingen arbeid på hjemmekontor i det hele tatt i november 2021, altså "
        "før koronatiltakene ble opphevet?"
    )
    assert "33 %" in lead(a), a.answer


def test_which_wave_the_previous_figure_is_from(assistant):
    a = assistant.ask(
        "Var det tallet fra november 2021 eller juni 2022?",
        history=["Hvor mange bedrifter har ansatte som jobber det aller meste av tiden i lokalene?"],
    )
    assert "juni 2022" in a.answer, a.answer


def test_the_banks_item_vote_counts_every_answer_of_the_item(assistant):
    a = assistant.ask(
        "Hvor nyttig syntes bedriftene med 200 eller flere ansatte at arbeidsplassundersøkelsen fra BHT var?"
    )
    assert "Arbeidsmiljøkartlegging" in lead(a) and "200" in lead(a), a.answer

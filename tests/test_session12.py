"""Session-12 behaviour through the real Assistant: «de andre» after a size group are the other groups, names
the report never uses (another agency, a dialogue meeting or figure it does not number), whom a figure
covers, two answers of one figure shown as an image compared, a non-answer («vet ikke») asked about, the
time before the pandemic, claims of equality and of «ingenting», and nynorsk participles in -a."""

from __future__ import annotations

import pytest
from answers import lead

from assistant.unknown import unknown_reference


def test_de_andre_after_a_size_group_are_the_other_size_groups(assistant):
    a = assistant.ask(
        "Er det høyt sammenlignet med de andre bedriftene?",
        history=["Hvor nyttige syntes bedrifter med 1–9 ansatte at generelle helsekontroller fra BHT var?"],
    )
    first = lead(a)
    # Tabell 7, «Generelle helsekontroller», «Nyttig» by size: the smallest and the others side by side
    assert "1–9" in first and "200 eller flere" in first, a.answer
    assert "Høyest" not in first, first  # not a ranking of the other services


def test_de_andre_without_a_group_still_ranks_the_other_items(assistant):
    a = assistant.ask(
        "er det mye sammenlignet med de andre?", history=["Hvor nyttige var risikovurderingene fra BHT?"]
    )
    assert "nr. 3 av 6" in lead(a), a.answer  # Tabell 6: «Risikovurderinger» among the six services


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mange bedrifter har hatt tilsyn fra Datatilsynet?",
        "Kor nyttig var kontakten med Helsedirektoratet?",
        "Hvor mange deltok i dialogmøte 3 hos NAV?",
        "Hva viser tabell 14?",
    ],
)
def test_names_the_report_never_uses_are_refused(assistant, question):
    a = assistant.ask(question)
    assert a.answerable is False and a.route == "none", a.answer
    assert "%" not in a.answer, a.answer  # no figure of the nearest thing (Arbeidstilsynet, dialogmøte 2)


@pytest.mark.parametrize(
    "text",
    [
        "hvor mange hadde kontakt med arbeidstilsynet?",
        "hvor mange var i dialogmøte 2?",
        "hva viser figur 32?",
        "hvor mange vurderte koronatilsynet som nyttig?",  # a kind of inspection, not an agency
    ],
)
def test_names_the_report_uses_are_not_unknown(text):
    assert unknown_reference(text) is None


def test_whom_a_figure_covers_gives_its_base_and_the_answers_left_out(assistant):
    a = assistant.ask(
        "gjelder tallene alle bedriftene?",
        history=["Hvor mange opplevde mindre støtte fra NAV Arbeidslivssenter?"],
    )
    # Tabell 5 (n = 1696); footnote 27: «har ikke hatt kontakt» is left out of the base
    assert "1 696" in a.answer and "Har ikke hatt kontakt" in a.answer, a.answer
    assert "Tabell 5" in [s.label for s in a.sources]


def test_two_answers_of_a_figure_shown_as_an_image_are_compared(assistant):
    a = assistant.ask("Er det mer vanlig å ha hatt dialog med BHT enn å ha vært i NAVs dialogmøte 2?")
    first = lead(a)
    # 5.3: «3 av 10 har brukt bedriftshelsetjenesten. 1 av 4 bedrifter har vært i NAVs dialogmøte 2 …»
    assert "3 av 10" in first and "1 av 4" in first, a.answer


def test_a_question_about_usefulness_of_both_is_not_split(assistant):
    a = assistant.ask(
        "Hvem er nyttigst ved sykefravær, bedriftshelsetjenesten eller NAVs digitale oppfølging?"
    )
    assert "8 av 10" in lead(a), a.answer  # 5.1: «… bedriftshelsetjenesten som klart nyttigst (8 av 10 …)»


def test_dont_know_asked_about_leads_with_the_sentence_that_says_it(assistant):
    a = assistant.ask(
        "Blant de med 200 eller flere ansatte, hvor mange vet ikke om de har hatt kontakt?",
        history=["Hvor mange bedrifter har vært i kontakt med NAV Arbeidslivssenter?"],
    )
    # 6.3: «… 200 eller flere som oppgir at de «vet ikke» om det har vært kontakt … (om lag 2 av 10)»
    assert "vet ikke" in lead(a) and "2 av 10" in lead(a), a.answer


def test_the_time_before_the_pandemic_is_answered_from_the_report_text(assistant):
    a = assistant.ask(
        "Og hvordan var det før koronapandemien?",
        history=["Hvor mange bedrifter har ansatte som jobber hjemmefra i juni 2022?"],
    )
    # 3.2: Arbeidskraftundersøkelsen 2017: 35 prosent could work from home
    assert "35 prosent" in lead(a) and a.route == "text", a.answer


def test_a_claim_of_equality_is_judged_on_the_subjects_own_figure(assistant):
    a = assistant.ask("Stemmer det at tillitsvalgte får like høy snittskår som ledelsen (3,9)?")
    assert a.verdict == "contradicted", a.answer  # 4.2: ledelse 3,9, tillitsvalgte lower


def test_a_claim_about_no_home_office_work_reads_ingenting_as_ikke_noe(assistant):
    a = assistant.ask(
        "Er det riktig at 45 prosent av bedriftene oppga at ingenting av arbeidet ble gjort hjemmefra i november 2021?"
    )
    # fotnote 9: «Ikke noe» 33 %, «1–20 %» 45 %
    assert a.verdict == "contradicted" and "33" in lead(a), a.answer


def test_a_wave_the_question_was_not_asked_in_is_not_answerable(assistant):
    a = assistant.ask(
        "og i juni 2022?",
        history=["Hvor mange mente hjemmekontor ga bedre mulighet til å tilpasse arbeidet til helsa?"],
    )
    assert a.answerable is False and "november 2021" in a.answer, a.answer


def test_nynorsk_participle_in_a_reads_as_bokmal():
    from assistant.normalize import normalize

    assert "endret" in normalize("for kva forhold har heimekontor ikkje endra noko?")


def test_an_amount_said_of_the_figure_just_given_is_judged_on_it(assistant):
    history = ["Hvor stor andel av bedriftene har avtale med bedriftshelsetjeneste?"]
    yes = assistant.ask("Så det er altså over tre av fire?", history=history)
    no = assistant.ask("det er vel over 90 prosent da?", history=history)
    # Figur 32: 77 % have an agreement
    assert yes.verdict == "supported" and "77 %" in lead(yes), yes.answer
    assert no.verdict == "contradicted" and "77 %" in lead(no), no.answer


def test_a_quoted_draft_after_riktig_sitert_is_a_claim(assistant):
    a = assistant.ask(
        "Er dette riktig gjengitt: «Ledelsen får et snitt på 3,1 for betydning i arbeidsmiljøarbeidet»?"
    )
    assert a.verdict == "contradicted" and "3,9" in lead(a), a.answer  # 4.2: ledelse 3,9


def test_how_often_is_not_measured(assistant):
    a = assistant.ask("Hvor ofte bruker bedriftene bedriftshelsetjenesten?")
    assert a.answerable is False and "%" not in a.answer, a.answer


def test_now_in_the_users_own_story_is_not_the_june_wave(assistant):
    a = assistant.ask(
        "Vi har tre sykmeldte nå og sliter. Hvor mange bedrifter med 10–49 ansatte sier at langvarig sykefravær "
        "er en stor utfordring?"
    )
    assert "juni 2022" not in lead(a) and "1 av 7" in a.answer, a.answer  # 5.2, november 2021


def test_less_contact_by_size_is_who_had_contact_not_how_useful(assistant):
    a = assistant.ask("Har de minste bedriftene mindre kontakt med Arbeidstilsynet enn de største?")
    first = lead(a)
    assert "15 %" in first and "51 %" in first and "Nyttig" not in first, a.answer  # Figur 29 / 1 Sammendrag


def test_which_is_used_most_is_not_answered_by_how_useful(assistant):
    a = assistant.ask("Hvilke BHT-tjenester er mest brukt?")
    assert a.answerable is False or "%" not in lead(a), a.answer

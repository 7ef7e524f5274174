"""Two actors compared in one question: each side is its own survey question, answered one by one."""

from __future__ import annotations

import pytest

from assistant.normalize import normalize
from assistant.two_questions import share_of, split


@pytest.mark.parametrize(
    "question, first, second",
    [
        (
            "Hadde flere bedrifter kontakt med Arbeidstilsynet enn med NAV Arbeidslivssenter?",
            "hvor mange bedrifter hadde kontakt med arbeidstilsynet?",
            "hvor mange bedrifter hadde kontakt med nav arbeidslivssenter?",
        ),
        (
            "Hva er mest utbredt: å ha avtale med BHT eller å ha vært i kontakt med Arbeidstilsynet?",
            "hvor mange bedrifter har avtale med bedriftshelsetjenesten?",
            "hvor mange bedrifter har vært i kontakt med arbeidstilsynet?",
        ),
        (
            "Hvem er mest nyttig, Arbeidstilsynet eller NAV ALS?",
            "hvor nyttig er arbeidstilsynet?",
            "hvor nyttig er nav arbeidslivssenter?",
        ),
    ],
)
def test_each_side_is_asked_on_its_own(question, first, second):
    sides = split(normalize(question))
    assert sides is not None and sides.questions == (first, second)


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mange har vært i kontakt med Arbeidstilsynet?",  # one actor
        "Er verneombudet viktigere enn tillitsvalgte i arbeidsmiljøarbeidet?",  # words between name and «enn»
        "Har NAV og NAV Arbeidslivssenter …",  # one actor inside the other
    ],
)
def test_not_two_sides(question):
    assert split(normalize(question)) is None


def test_a_lead_with_one_share_gives_it_and_a_distribution_gives_none():
    assert share_of("Om lag 1 av 3 bedrifter oppgir at de har hatt kontakt") == (1 / 3, "om lag 1 av 3")
    assert share_of("**77 %** har avtale") == (0.77, "77 %")
    assert share_of("1 av 10 lite nyttig, 2 av 10 verken/eller, 6 av 10 nyttig") is None
    assert share_of("Høyest andel «Nyttig» har «Generelle helsekontroller»: **70 %**") is None


def test_two_actors_lead_with_both_figures_and_the_higher(assistant):
    ans = assistant.ask("Hadde flere bedrifter kontakt med Arbeidstilsynet enn med NAV Arbeidslivssenter?")
    first = ans.answer.split("\n\n")[0]
    assert first.startswith("Høyest for NAV Arbeidslivssenter") and "1 av 4" in first and "1 av 3" in first
    assert {"6.2", "6.3"} <= {s.section for s in ans.sources}, ans.sources
    ans = assistant.ask(
        "Hva er mest utbredt: å ha avtale med BHT eller å ha vært i kontakt med Arbeidstilsynet?"
    )
    first = ans.answer.split("\n\n")[0]
    assert "77 %" in first and "1 av 4" in first and first.startswith("Høyest for Bedriftshelsetjenesten")


def test_one_question_with_both_as_items_is_left_to_that_question(assistant):
    ans = assistant.ask("Er verneombudet viktigere enn tillitsvalgte i arbeidsmiljøarbeidet?")
    assert "3,3" in ans.answer and "3,1" in ans.answer and "to ulike spørsmål" not in ans.answer


def test_how_useful_an_actor_is_for_all_companies_not_one_landsforening(assistant):
    first = assistant.ask("Hvor nyttig er NAV Arbeidslivssenter?").answer.split("\n\n")[0]
    assert "6 av 10" in first and "Energi Norge" not in first, first


def test_two_relative_clauses_are_two_sides(assistant):
    q = "Er det flere som har avtale med BHT enn som har hatt kontakt med NAV Arbeidslivssenter?"
    assert split(normalize(q)).questions == (
        "hvor mange bedrifter har avtale med bedriftshelsetjenesten?",
        "hvor mange bedrifter har hatt kontakt med nav arbeidslivssenter?",
    )
    first = assistant.ask(q).answer.split("\n\n")[0]
    assert "77 %" in first and "1 av 3" in first, first


def test_which_is_more_common_of_two_noun_phrases():
    sides = split(normalize("Hva er vanligst: avtale med BHT eller kontakt med NAV Arbeidslivssenter?"))
    assert sides is not None and sides.questions == (
        "hvor mange bedrifter har avtale med bedriftshelsetjenesten?",
        "hvor mange bedrifter har kontakt med nav arbeidslivssenter?",
    )

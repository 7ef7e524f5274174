"""Session-7 behaviour through the real Assistant: how many had an item of a rating question (its base),
employees counted where the survey counts companies, an answer the text does not print, negated claims
against a report sentence's positive share, and words that frame a question rather than name its topic."""

from __future__ import annotations

import pytest


def lead(answer) -> str:
    return answer.answer.strip().split("\n\n")[0]


@pytest.mark.parametrize(
    ("question", "base"),
    [
        ("Hvor mange bedrifter har fått tilsyn uten veiledning?", "336"),
        ("kor mange verksemder fekk tilsyn med covid-19-forskrifta?", "266"),
    ],
)
def test_how_many_had_an_item_of_a_rating_question_gives_its_base(assistant, question, base):
    a = assistant.ask(question)
    assert f"**{base}**" in lead(a), lead(a)
    assert "nyttig" not in lead(a).lower()  # not the usefulness of it


def test_an_option_named_keeps_the_rating(assistant):
    a = assistant.ask("Hvor mange fikk nyttig tilsyn uten veiledning?")
    assert "54 %" in lead(a) and "336" not in lead(a)


def test_employees_counted_says_the_survey_counts_companies(assistant):
    a = assistant.ask("Hvor mange ansatte har hjemmekontor?")
    assert lead(a).startswith("Undersøkelsen teller bedrifter, ikke ansatte")
    assert "55 %" in lead(a)


def test_an_answer_the_text_does_not_print_is_answered_from_the_sentences(assistant):
    # Figur 11 is an image; the text prints only its «vet ikke» shares, and says «godt eller svært godt» in prose
    a = assistant.ask("kor mange meiner samarbeidet med tillitsvalde fungerer godt?")
    assert a.route == "text"
    assert "8 av 10" in lead(a)
    assert not lead(a).startswith("**Figur 11**")


def test_a_printed_answer_named_in_words_is_still_a_figure(assistant):
    a = assistant.ask("hvor mange svarte vet ikke om samarbeid om seniorer")
    assert "**34 %**" in lead(a)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Stemmer det at flertallet ikke har hatt kontakt med Arbeidstilsynet?", "supported"),
        (
            "Kan vi skrive at 90 prosent av bedriftene ikke har vært i kontakt med Arbeidstilsynet?",
            "contradicted",
        ),
        ("Er det riktig at et flertall ikke har hjemmekontor?", "contradicted"),
        ("Stemmer det at over en tredel av bedriftene ikke har ansatte på hjemmekontor?", "supported"),
    ],
)
def test_negated_claims(assistant, claim, verdict):
    a = assistant.ask(claim)
    assert a.verdict == verdict, a.answer[:300]


def test_negated_claim_on_a_sentence_gives_the_rest(assistant):
    a = assistant.ask("Stemmer det at flertallet ikke har hatt kontakt med Arbeidstilsynet?")
    assert "1 av 4" in lead(a) and "75 %" in lead(a)


def test_corrected_negated_claim_is_a_main_clause(assistant):
    a = assistant.ask("Er det riktig at et flertall ikke har hjemmekontor?")
    assert "«37 prosent av bedriftene har ikke hjemmekontor.»" in lead(a), lead(a)


def test_frame_words_do_not_dilute_the_topic(assistant):
    # "størrelsesgruppe" and "høyest" say how to answer, "BHT" what about: not asked back
    a = assistant.ask("Hvilken størrelsesgruppe har høyest andel med BHT?")
    assert not a.suggestions
    assert "9 av 10" in a.answer and "6 av 10" in a.answer

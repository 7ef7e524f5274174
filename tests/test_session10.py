"""Session-10 behaviour through the real Assistant: the gap in percentage points when it is asked for,
claim frames in English or with a place to publish, the answer «Vet ikke» asked with an indirect question,
inflected stopwords, and an explanation quoted once."""

from __future__ import annotations

import re

import pytest

from assistant.normalize import tokens


def lead(answer) -> str:
    return answer.answer.strip().split("\n\n")[0]


def test_the_gap_in_percentage_points_is_computed_when_asked(assistant):
    a = assistant.ask(
        "Hvor stor er forskjellen i prosentpoeng mellom de minste og de største bedriftene i kontakt med Arbeidstilsynet?"
    )
    # Figur 29 (prose): 200 or more 51 %, 1-9 employees 15 %
    first = lead(a)
    assert "51 %" in first and "15 %" in first and "**36 prosentpoeng**" in first, first


def test_no_gap_when_no_difference_is_asked(assistant):
    a = assistant.ask("Har de største bedriftene oftere hatt kontakt med Arbeidstilsynet enn de minste?")
    assert "51 %" in lead(a) and "prosentpoeng" not in lead(a), lead(a)


def test_the_gap_of_two_items_keeps_its_decimals():
    from assistant.compose.lead import gap
    from assistant.types import Question

    q = Question(raw="", text="hvor mye høyere er andelen?")
    assert gap(q, 11.97, 10.5) == " Forskjellen er **1,47 prosentpoeng**."


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Fact check: 37 prosent av bedriftene har ikke ansatte på hjemmekontor", "supported"),
        ("Is it true that 90 % of the companies have a BHT agreement? Over 90 % har BHT-avtale", None),
        (
            "Kan vi si i nyhetsbrevet at over 90 % av bedriftene har avtale med bedriftshelsetjeneste?",
            "contradicted",
        ),
        ("Kan jeg skrive i en kronikk at 77 prosent har avtale med en bedriftshelsetjeneste?", "supported"),
    ],
)
def test_claim_frames_in_english_and_with_a_place_to_publish(assistant, question, verdict):
    a = assistant.ask(question)
    if verdict is None:  # a frame read as such: some verdict, never a plain figure answer
        assert a.verdict in ("supported", "contradicted", "partly", "not_in_report"), a.answer
    else:
        assert a.verdict == verdict, (a.verdict, a.answer)


def test_dont_know_asked_with_an_indirect_question(assistant):
    a = assistant.ask(
        "Hvor mange svarte at de ikke vet om de har fått mer eller mindre støtte fra NAV Arbeidslivssenter?"
    )
    first = lead(a)
    # Tabell 5: «Vet ikke» 30 %, and no "more or less" verdict between the answers the indirect question names
    assert "**30 %** «Vet ikke»" in first and not first.startswith("Flere"), first


def test_dont_know_in_nynorsk(assistant):
    a = assistant.ask("Kor mange veit ikkje om heimekontoret har endra produktiviteten?")
    assert "6 %" in lead(a) and "Vet ikke" in lead(a), lead(a)


def test_inflected_forms_of_stopwords_are_stopwords():
    assert tokens("andelen prosenten bedriftene") == []
    # short stems of stopwords are words of their own: "ett tilsyn" keeps its "ett"
    assert "ett" in tokens("mer enn ett tilsyn")


def test_an_explanation_is_quoted_once(assistant):
    a = assistant.ask(
        "Hvorfor er den andelen så høy?",
        history=["Hvor mange vet ikke om de har fått mer eller mindre støtte fra NAV Arbeidslivssenter?"],
    )
    sentences = [
        s.strip() for s in re.split(r"(?<=[.!?])\s+", re.sub(r"[>«»\n]", " ", a.answer)) if len(s) > 40
    ]
    repeated = {s for s in sentences if sentences.count(s) > 1}
    assert a.answerable and not repeated, repeated

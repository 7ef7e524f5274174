"""Session-10 behaviour through the real Assistant: the gap in percentage points when it is asked for,
claim frames in English or with a place to publish, the answer «Vet ikke» asked with an indirect question,
and an explanation quoted once."""

from __future__ import annotations

import re

import pytest
from answers import lead


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


def test_may_i_use_it_in_a_press_release(assistant):
    a = assistant.ask(
        "Kan vi bruke det tallet i nyhetsbrevet vårt?", history=["Hvor mange bedrifter har avtale med BHT?"]
    )
    # yes, with the source line, the figure again (Figur 32: 77 %) and what to watch out for
    assert a.answer.startswith("Ja, med kilde") and "77 %" in a.answer and "Figur 32" in a.answer, a.answer
    assert "ikke vektet" in a.answer and a.verdict is None, a.answer


def test_a_use_question_with_a_figure_of_its_own_is_a_claim(assistant):
    a = assistant.ask("Kan jeg bruke det at 90 prosent har avtale med bedriftshelsetjeneste?")
    assert not a.answer.startswith("Ja, med kilde"), a.answer


def test_a_bare_why_gives_the_reason_after_the_finding_just_quoted(assistant):
    a = assistant.ask(
        "Hvorfor det?",
        history=["Har små bedrifter oftere enn store ingen ansatte på hjemmekontor?"],
    )
    # 3.2: «… siden de små og mellomstore bedriftene i større grad tilhører bransjer der arbeidet må gjøres
    # på stedet …»
    assert a.answerable and "på stedet" in a.answer, a.answer


def test_the_gap_of_two_shares_in_a_quoted_sentence(assistant):
    a = assistant.ask("Med hvor mange prosentpoeng gikk andelen med hjemmekontor ned fra 2021 til 2022?")
    first = lead(a)
    # 3.2: «Endringen fra 65 prosent i november 2021 til 55 prosent i juni 2022 …»
    assert "**10 prosentpoeng**" in first and "65" in first and "55" in first, first


def test_the_low_end_asked_is_answered_with_it(assistant):
    a = assistant.ask("Hvilke landsforeninger har minst trøbbel med hyppig gjentagende fravær?")
    # 5.2: «Bedriftene i Norsk olje og gass, Energi Norge og Abelia oppgir å ha minst utfordringer.»
    assert "Energi Norge" in a.answer, a.answer


def test_sentences_left_out_of_a_quote_are_marked():
    from assistant.compose.text import compose_passages
    from assistant.types import Passage

    p = Passage(0, "5.2", "Utfordringer", "Første setning. Andre setning. Tredje setning.", "prose")
    text, _sources = compose_passages([(p, "Første setning.", 1.0), (p, "Tredje setning.", 0.5)])
    assert "Første setning. […] Tredje setning." in text
    text, _sources = compose_passages([(p, "Første setning.", 1.0), (p, "Andre setning.", 0.5)])
    assert "Første setning. Andre setning." in text


def test_nynorsk_who_struggles_most_with_long_absence(assistant):
    a = assistant.ask("Kven slit mest med langtidsfråvær, dei små eller dei store verksemdene?")
    # 5.2: 3 av 10 with 200 or more employees
    assert a.answerable and "3 av 10" in a.answer, a.answer


def test_smallest_and_largest_without_the_article(assistant):
    a = assistant.ask("Sammenlign minste og største bedrifter på kontakt med Arbeidstilsynet")
    assert "51 %" in lead(a) and "15 %" in lead(a), lead(a)


def test_when_the_figure_was_measured(assistant):
    a = assistant.ask("Når ble dette målt?", history=["Hvor nyttig var tilsyn uten veiledning?"])
    assert "november 2021" in lead(a) and "juni 2022" not in lead(a), lead(a)


def test_when_it_was_asked_cites_the_method_section(assistant):
    a = assistant.ask(
        "Når ble det spurt om?", history=["Hvor mange bedrifter har ingen ansatte på hjemmekontor?"]
    )
    labels = [s.label for s in a.sources]
    assert "juni 2022" in lead(a) and "7.2" in labels and "Vedlegg 2" in labels, (labels, lead(a))


def test_a_size_group_as_the_subject_of_a_claim(assistant):
    a = assistant.ask(
        "Stemmer det at de minste bedriftene oftere enn de store har hatt kontakt med Arbeidstilsynet?"
    )
    # Figur 29: 15 % against 51 %, the other way round
    assert a.verdict == "contradicted" and "15 %" in a.answer and "51 %" in a.answer, a.answer


def test_a_brief_asked_after_a_sentence_of_context(assistant):
    a = assistant.ask(
        "Jeg skal snakke på et medlemsmøte i morgen. Kan du gi meg noen nøkkeltall om bedriftshelsetjenesten?"
    )
    assert a.answer.startswith("3 nøkkeltall") and len(a.sources) >= 3, a.answer[:300]

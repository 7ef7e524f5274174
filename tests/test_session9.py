"""Session-9 behaviour through the real Assistant: a short question that continues the previous one, a
degree asked of «de», a question found by the item and answer it names, the understood question offered
first when asking back, and a word of another question's items noticed in any form."""

from __future__ import annotations

from answers import lead


def test_a_short_question_of_the_same_table_continues_the_previous_one(assistant):
    a = assistant.ask(
        "og hvor mange mente de fikk mer støtte da?",
        history=["Hvor mange svarte «vet ikke» om støtten fra NAV Arbeidslivssenter har endret seg?"],
    )
    # Tabell 5: «… mer støtte og informasjon» 17 %, answered, not asked back
    assert a.answerable and "**17 %**" in lead(a) and "Tabell 5" in lead(a), lead(a)


def test_a_short_question_of_the_same_table_keeps_the_group(assistant):
    a = assistant.ask(
        "hvor mange syntes den var lite nyttig da?",
        history=[
            "Hvor nyttig syntes bedriftene med 200 eller flere ansatte at arbeidsplassundersøkelsen fra BHT var?"
        ],
    )
    assert a.answerable and "200" in lead(a), lead(a)


def test_how_much_over_represented_they_were(assistant):
    a = assistant.ask(
        "Hvor sterkt overrepresentert var de?", history=["Hvor mange bedrifter i NHO Mat og Drikke svarte?"]
    )
    # Tabell 10: 7,59 % of the answers, 5,51 % of the invited
    assert a.answerable and "2,08" in a.answer and "NHO Mat og Drikke" in a.answer, a.answer


def test_item_and_answer_named_find_their_question_under_a_year(assistant):
    a = assistant.ask(
        "Hvor stor del mente at hjemmearbeidet i 2021 ikke endret kreativiteten og innovasjonen?"
    )
    first = lead(a)
    # Tabell 2: «Kreativitet og innovasjon», «Ingen endring» 29 %
    assert a.answerable and "Kreativitet og innovasjon" in first and "29 %" in first, first


def test_asking_back_offers_the_question_understood_first(assistant):
    from assistant.confidence import _understood_target
    from assistant.types import Question

    m = assistant.match
    phrased = {p.target: p.text for p in m.bank.phrasings}
    q = Question(raw="x", text="x", intent="figure", question_id="HJEM_ENDRING", items=["Produktivitet"])
    t = _understood_target(q, m, phrased)
    assert t is not None
    target = m.bank.targets[t]
    assert (target.question_id, target.item) == ("HJEM_ENDRING", "Produktivitet")
    # a question understood with no bank target of its own gives none
    assert _understood_target(Question(raw="x", text="x", intent="figure"), m, phrased) is None


def test_a_word_of_another_questions_items_is_noticed_in_another_form(assistant):
    a = assistant.ask("Har hjemmekontoret gjort det vanskeligere å rekruttere?")
    # recruitment is not among Tabell 2's items (it is a reason in Figur 12): no figure for its other items
    assert not a.answerable and a.suggestions, a.answer
    assert "«rekruttere» er ikke blant punktene" in a.answer, a.answer


def test_a_word_family_the_question_shares_is_not_foreign(assistant):
    a = assistant.ask("Har hjemmejobbing gjort det vanskeligere å ta inn folk med funksjonsnedsettelser?")
    assert a.answerable and "Muligheter for å inkludere personer med nedsatt funksjonsevne" in lead(a), lead(
        a
    )


def test_a_pronoun_and_the_scale_alone_keep_the_previous_topic(assistant):
    a = assistant.ask(
        "kor mange syntest den var lite nyttig da?",
        history=["Kor nyttige var risikovurderingane frå BHT for verksemder med 50–199 tilsette?"],
    )
    first = lead(a)
    # Tabell 7, not Tabell 3 (Arbeidstilsynet), whose answers «lite nyttig» the words also fit
    assert a.answerable and "Tabell 7" in first and "Risikovurderinger" in first, first


def test_weighting_is_answered_by_its_sentence_whatever_group_is_named(assistant):
    a = assistant.ask("De minste bedriftene svarte sjeldnere enn de store – er tallene vektet for det?")
    assert a.answerable and "ikke benyttet vekting" in lead(a), lead(a)


def test_a_count_in_brackets_asks_for_key_figures(assistant):
    a = assistant.ask("Har du noen tall (minst tre) om Arbeidstilsynet til et nyhetsbrev?")
    assert a.answerable and a.answer.count("Kilde") >= 3, a.answer


def test_were_the_figures_weighted_is_not_a_request_for_key_figures(assistant):
    for question in ("Ble tallene for rollene vektet?", "Vart tala for BHT vekta?"):
        a = assistant.ask(question)
        assert "nøkkeltall" not in a.answer and "ikke benyttet vekting" in lead(a), lead(a)


def test_orders_and_fines_after_inspections_are_not_measured(assistant):
    a = assistant.ask("Hvor mange bedrifter fikk pålegg eller bøter etter tilsyn fra Arbeidstilsynet?")
    assert not a.answerable and "pålegg" in a.answer and "Tabell 3" in a.answer, a.answer


def test_a_nynorsk_compound_of_sick_leave_is_understood(assistant):
    rate = assistant.ask("Kva var sjukefråværsprosenten i verksemdene i 2021?")
    assert not rate.answerable and "måler ikke nivået på sykefraværet" in rate.answer, rate.answer
    bht = assistant.ask("Kor nyttig er BHT i sjukefråværsoppfølginga?")
    assert bht.answerable and "Oppfølging av sykefravær" in lead(bht), lead(bht)


def test_a_modal_verb_is_not_a_rare_word_a_statement_must_hold(assistant):
    a = assistant.ask("Hvor stor andel av lønnstakerne i AKU 2017 kunne jobbe hjemme hvis de ville?")
    assert a.answerable and "35 prosent" in lead(a), lead(a)


def test_the_base_of_a_figure_named_by_its_words_and_group(assistant):
    a = assistant.ask(
        "Hva er n i figuren om nytten av kontakten med NAV Arbeidslivssenter fordelt på størrelse?"
    )
    assert a.answerable and "575" in lead(a), lead(a)

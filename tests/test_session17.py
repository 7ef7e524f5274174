"""Session-17 behaviour through the real Assistant: a story told before the question (its sample words, its
group, its anaphora, its out-of-scope words); claims as headlines and ingresses, a share claimed as a range, a
size group in apposition, a listed item's own figure, a sentence about a subset, a claim the pipeline asked
back about; a named company; a month outside the two waves; two-part questions after a lead-in or a dash;
press-desk shorthand; follow-ups «kven vart spurt?», «skala?», «200+?»."""

from __future__ import annotations

import pytest
from answers import lead

from assistant.briefs.request import detect as detect_brief
from assistant.claims import detect
from assistant.claims.parse import amounts_in, groups_in
from assistant.normalize import normalize
from assistant.two_parts import parts

# ------------------------------------------------------------------------------------------- claims


def test_a_share_claimed_as_a_range_is_one_figure():
    (a,) = amounts_in("30-40 prosent av bedriftene mener tjenestene er lite nyttige")
    assert (a.low, a.high) == (29.5, 40.5)
    assert amounts_in("1-20 % av arbeidstimene") == []  # an answer option, not a share of companies


def test_a_range_claim_far_off_the_report_is_contradicted(assistant):
    a = assistant.ask(
        "I eit debattinnlegg står det at 30–40 prosent av verksemdene meiner tenestene frå bedriftshelsetenesta "
        "er lite nyttige. Stemmer det?"
    )
    assert a.verdict == "contradicted", a.answer


def test_a_size_group_in_apposition_narrows_the_one_before():
    assert [g[1] for g in groups_in(normalize("de aller minste bedriftene, med bare én ansatt, er få"))] == ["one"]
    assert [g[1] for g in groups_in(normalize("de minste bedriftene og de med 200 ansatte eller flere"))] == [
        "smallest",
        "200-",
    ]


def test_representation_of_one_band_gives_both_shares(assistant):
    a = assistant.ask(
        "Stemmer det at de aller minste bedriftene, med bare én ansatt, er underrepresentert blant respondentene?"
    )
    assert a.verdict == "supported" and "4,38 %" in a.answer and "8,48 %" in a.answer, a.answer
    assert "?" not in lead(a)


@pytest.mark.parametrize(
    "text",
    [
        "Stemmer tittelen: «Over halvparten har fortsatt hjemmekontor»?",
        "Ingress: «Syv av ti bedrifter mener samarbeidet om omstilling fungerer godt.» OK?",
        "«Hver femte bedrift fikk mindre støtte fra NAV ALS» – stemmer?",
    ],
)
def test_headlines_and_ingresses_are_claims(text):
    found = detect(text)
    assert found is not None and len(found.claims) == 1 and "«" not in found.claims[0]


def test_a_word_ending_in_ok_is_no_claim_frame():
    assert detect("Jeg jobber i BNL – hvor mange bedrifter fra Byggenæringens Landsforening deltok?") is None


def test_a_listed_item_is_judged_on_its_own_figure(assistant):
    a = assistant.ask("Ingress: «Syv av ti bedrifter mener samarbeidet med tillitsvalgte om omstilling fungerer godt.» OK?")
    assert a.verdict == "supported" and "7 av 10" in lead(a), a.answer
    b = assistant.ask("Stemmer det at 8 av 10 mener samarbeidet med tillitsvalgte om kompetanseutvikling fungerer godt?")
    assert b.verdict == "contradicted" and "6 av 10" in lead(b), b.answer


def test_the_leaders_wish_is_not_judged_on_a_subset_or_on_half_the_time(assistant):
    a = assistant.ask("Tittel: «Flertallet vil ha de ansatte tilbake på kontoret» – dekning?")
    assert a.verdict == "supported" and "81 prosent" in lead(a), a.answer


def test_a_claim_the_pipeline_asked_back_about_offers_suggestions(assistant):
    a = assistant.ask(
        "En av våre analytikere mener at det særlig er de store bedriftene som svarer at spørsmålene om "
        "konsekvenser av hjemmearbeid ikke er relevante for dem. Stemmer det?"
    )
    assert a.verdict == "not_in_report" and a.suggestions, a.answer
    assert "Jeg er ikke sikker" not in a.answer  # the pipeline's own ask-back is not pasted into the verdict


def test_small_companies_struggle_less_with_sick_leave(assistant):
    a = assistant.ask("stemmer det at småbedrifter sliter mindre med sykefravær enn de store?")
    assert a.verdict == "supported", a.answer


def test_a_correction_that_repeats_the_claim_is_left_out(assistant):
    a = assistant.ask("«Verneombodet viktigare enn tillitsvalde» – stemmer?")
    assert a.verdict == "contradicted" and "Skriv heller" not in a.answer, a.answer


# ------------------------------------------------------------------------------------------- a story first


def test_a_story_about_representation_does_not_make_a_count_a_figure(assistant):
    a = assistant.ask(
        "Byggenæringa er ofte godt representert i slike undersøkingar. Kor mange verksemder frå Byggenæringens "
        "Landsforening svara i november 2021?"
    )
    assert a.answerable is True and "276" in lead(a), a.answer


def test_the_users_own_federation_is_story_not_group(assistant):
    a = assistant.ask(
        "Bransjeforeningen vår vurderer å lage egne maler for arbeidsmiljøtiltak. Hvor stor andel av bedriftene "
        "var lunkne – verken/eller – til forslagene bedriftshelsetjenesten kom med om tiltak for bedre arbeidsmiljø?"
    )
    assert "26 %" in lead(a), a.answer


def test_out_of_scope_words_in_the_story_only(assistant):
    a = assistant.ask(
        "Vi i BHT lurer på hvor ofte vi faktisk blir koblet inn. Hvor stor andel av bedriftene hadde dialog med "
        "bedriftshelsetjenesten i forbindelse med sykefravær i 2021?"
    )
    assert a.answerable is True and "3 av 10" in a.answer, a.answer


# ------------------------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    "question",
    [
        "Eit av medlemmene våre er Veidekke. Korleis svara Veidekke på spørsmålet om bedriftshelsetenesta?",
        "Hvordan vurderer Equinor kontakten med Arbeidstilsynet?",
        "Hjemmekontorandelen falt fra november til juni. Hvordan utviklet den seg videre fra juni til desember 2022?",
        "De minste bedriftene er mindre fornøyd med BHT. Skyldes det at tjenestene er for dyre?",
    ],
)
def test_refused(assistant, question):
    a = assistant.ask(question)
    assert a.answerable is False and not a.suggestions, a.answer
    assert "«Veidekke.»" not in a.answer


def test_a_cited_study_is_no_company(assistant):
    a = assistant.ask(
        "Kva fann AFI-studien som rapporten viser til om kor mange tilsette meiner arbeidsgjevaren forventar at dei "
        "er tilgjengelege utanom arbeidstid?"
    )
    assert a.answerable is True and "27 prosent" in a.answer, a.answer


def test_differences_with_nothing_before_are_asked_back(assistant):
    a = assistant.ask("Kan du si noe om forskjellene?")
    assert a.answerable is False and a.suggestions, a.answer


# ------------------------------------------------------------------------------------------- two parts


def test_two_parts_after_a_lead_in():
    first, second = parts(
        "Jeg vil sammenligne de to målingene: hvor stor andel hadde ikke noe hjemmearbeid i november 2021, og "
        "hvor stor andel hadde ingen ansatte på hjemmekontor i juni 2022?"
    )
    assert first.startswith("hvor stor andel hadde ikke noe") and second.startswith("hvor stor andel hadde ingen")


def test_two_waves_two_questions_each_answered(assistant):
    a = assistant.ask(
        "Jeg vil sammenligne de to målingene: hvor stor andel hadde ikke noe hjemmearbeid i november 2021, og "
        "hvor stor andel hadde ingen ansatte på hjemmekontor i juni 2022?"
    )
    assert "33 %" in lead(a) and "37 %" in lead(a), a.answer


def test_a_second_part_on_the_question_itself(assistant):
    a = assistant.ask(
        "Og hvordan var det i novembermålingen 2021 – og ble spørsmålet stilt på samme måte, slik at tallene kan "
        "sammenlignes direkte?",
        ["Hvor stor andel av bedriftene hadde ansatte på hjemmekontor i juni 2022?"],
    )
    assert "65 %" in lead(a) and "annerledes stilt" in lead(a), a.answer


# ------------------------------------------------------------------------------------------- follow-ups


def test_who_was_asked_after_a_figure(assistant):
    a = assistant.ask("kven vart spurt?", ["kor mange hadde kontakt med AT i 2021?"])
    assert "medlemsbedrifter" in lead(a) and "Alle bedrifter" in lead(a), a.answer


def test_the_scale_after_a_mean(assistant):
    a = assistant.ask(
        "Kva skala vart brukt, og kan me stole på desse snitta?",
        ["Kva er gjennomsnittsskåren for tillitsvalde i arbeidsmiljøarbeidet?"],
    )
    assert "skjev" in a.answer and "1-4" in a.answer, a.answer


def test_a_size_band_alone_after_a_figure(assistant):
    a = assistant.ask("200+?", ["Hvor mange syns BHT-tjenestene var nyttige?"])
    assert a.answerable is True and "200 eller flere" in a.answer, a.answer


def test_how_many_could_be_chosen(assistant):
    a = assistant.ask(
        "Om spørsmålet om de største utfordringene i arbeidsmiljøarbeidet: kunne bedriftene krysse av for så mange "
        "de ville, eller var antallet begrenset?"
    )
    assert "inntil tre" in a.answer, a.answer


# ------------------------------------------------------------------------------------------- shorthand


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("andel m/ ansatte mest på hjemmekontor?", "med ansatte"),
        ("svar-% nov-målingen?", "svarprosent november 2021"),
        ("Byggenæringens LF – antall svar?", "byggenæringens landsforening"),
        ("Kva skala vart brukt, og kan me stole på desse snitta?", "kan vi stole på disse snittene"),
    ],
)
def test_shorthand_is_read(typed, read):
    assert read in normalize(typed)


def test_press_shorthand_answers(assistant):
    assert "276" in lead(assistant.ask("Byggenæringens LF – antall svar?"))
    assert "10" in lead(assistant.ask("svar-% nov-målingen?"))


def test_a_brief_with_what_the_figures_are_for_before_the_theme():
    found = detect_brief("Gi meg tre tall jeg kan bruke i et innlegg om inkludering")
    assert found is not None and found.theme == "inkludering"
    assert detect_brief("Skriv eit kort notat til AMU med tre hovudfunn om sjukefråvær frå barometeret, med tal.")


def test_a_brief_on_inclusion(assistant):
    a = assistant.ask("Gi meg tre tall jeg kan bruke i et innlegg om inkludering")
    assert a.answerable is True and len(a.sources) >= 2, a.answer


@pytest.mark.parametrize(
    ("typed", "theme"),
    [
        ("3 BHT-tall til pressemelding, pls", "bedriftshelsetjenesten"),
        ("ingress hjemmekontor – key figures?", "hjemmekontor"),
        ("faktaboks sjukefråvær, tre tal?", "sykefravær"),
    ],
)
def test_a_brief_in_shorthand(typed, theme):
    found = detect_brief(typed)
    assert found is not None and found.theme == theme and found.count == 3
    assert detect_brief("3 tall") is None and detect_brief("BHT-tall?") is None


def test_small_against_large_said_bare(assistant):
    a = assistant.ask("tilsyn m/ veiledning lite nyttig, små vs store?")
    assert "19 %" in lead(a) and "15 %" in lead(a), a.answer


def test_a_count_in_weeks_leads(assistant):
    a = assistant.ask("dialogmøte 2 – innan kor mange veker?")
    assert "26 ukers" in lead(a), a.answer

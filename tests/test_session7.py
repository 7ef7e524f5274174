"""Session-7 behaviour through the real Assistant: how many had an item of a rating question (its base),
employees counted where the survey counts companies, an answer the text does not print, negated claims
against a report sentence's positive share, and words that frame a question rather than name its topic."""

from __future__ import annotations

import pytest
from answers import lead


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


def test_an_answer_written_out_names_its_question(assistant):
    # «Ansatte tilbringer mindre tid i virksomhetens lokaler enn ledelsen ønsker» (3.2), not Figur 3's wish
    a = assistant.ask(
        "hvor mange bedrifter sier at de ansatte tilbringer mindre tid i lokalene enn ledelsen ønsker"
    )
    assert "12 prosent" in lead(a) or "**12 %**" in lead(a), lead(a)
    assert "38 %" not in lead(a)


def test_claim_on_an_answer_written_out_is_judged_on_it(assistant):
    a = assistant.ask(
        "Stemmer det at hver tredje bedrift sier at de ansatte tilbringer mindre tid i lokalene enn ledelsen ønsker?"
    )
    assert a.verdict == "contradicted"
    assert "12 prosent av bedriftene sier" in lead(a), lead(a)


@pytest.mark.parametrize(
    ("request_text", "theme"),
    [
        ("Gi meg tre tall med kilde om NAV Arbeidslivssenter til en pressemelding.", "nav arbeidslivssenter"),
        (
            "Gi meg nøkkeltall med kilde om samarbeidet mellom ledelse og tillitsvalgte – minst tre tall.",
            "samarbeidet mellom ledelse og tillitsvalgte",
        ),
        (
            "Vi lager en sak om hvor lederne ønsker at de ansatte skal jobbe, sammenlignet med hvordan det faktisk er. "
            "Gi meg tre nøkkeltall med kilde.",
            "hvor lederne ønsker at de ansatte skal jobbe",
        ),
        (
            "Gi meg tre tall til en pressemelding om hvor stor utfordring sykefraværet er for bedriftene, gjerne "
            "etter bedriftsstørrelse.",
            "utfordring sykefraværet er for bedriftene",
        ),
    ],
)
def test_brief_requests_with_sources_and_counts_said_twice(request_text, theme):
    from assistant.briefs.request import detect

    found = detect(request_text)
    assert found is not None and found.theme == theme and found.count == 3


def test_brief_with_sources_has_three_sourced_figures(assistant):
    a = assistant.ask("Gi meg tre tall med kilde om NAV Arbeidslivssenter til en pressemelding.")
    assert a.answerable and len({s.label for s in a.sources}) >= 3


def test_typed_without_special_letters(assistant):
    from assistant.normalize import normalize

    assert "de største utfordringene" in normalize("de storste utfordringene")
    assert normalize("bedrifter med bare 1 ansat").endswith("1 ansatt")
    a = assistant.ask("hvor mange bedrifter mente at ingenting pa lista var blant de storste utfordringene")
    assert "**34 %**" in lead(a) and "Ingen av disse" in lead(a)


def test_rank_of_one_answer_only_leaves_out_the_option_negated(assistant):
    a = assistant.ask(
        "Hvilken tjeneste fra BHT fikk flest «nyttig»-svar (bare «nyttig», ikke «svært nyttig»)?"
    )
    assert "**Generelle helsekontroller** (54 %)" in lead(a), lead(a)
    assert "Svært nyttig" not in lead(a)


def test_base_of_a_question_with_no_printed_n(assistant):
    a = assistant.ask("Hvor mange svarte på spørsmålet om hjemmekontor?")
    assert lead(a).startswith("Rapporten oppgir ikke hvor mange som svarte")
    assert "2 253" in lead(a)


def test_base_follow_up_names_the_question_by_a_compound(assistant):
    a = assistant.ask(
        "Hvor mange bedrifter svarte på nytte-spørsmålet?",
        history=[
            "Hvor mange hadde kontakt med NAV Arbeidslivssenter i 2021?",
            "Hvor nyttig var den kontakten?",
        ],
    )
    assert "575" in lead(a)


def test_two_actors_compared_get_a_sentence_each(assistant):
    a = assistant.ask(
        "Hvem synes bedriftene det er mest nyttig å snakke med ved sykefravær – den sykmeldte selv eller legen?"
    )
    assert "7 av 10" in a.answer and "halvparten" in a.answer


def test_who_designed_the_questions(assistant):
    a = assistant.ask("Hvem utformet spørsmålene og analyserte resultatene?")
    assert "Agenda Kaupang" in lead(a)


def test_significance_part_is_answered_not_refused(assistant):
    a = assistant.ask("Hva er feilmarginen i undersøkelsen, og er forskjellene signifikanstestet?")
    assert a.answerable and "signifikanstesting" in a.answer


def test_nynorsk_excluded_answers(assistant):
    a = assistant.ask(
        "Er «ikkje aktuelt»-svara tekne med når dei reknar ut kor nyttig tilsynet frå Arbeidstilsynet var?"
    )
    assert "holdt utenfor" in lead(a)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        (
            "Ledelsen fikk en gjennomsnittsskår på 3,9 av 5 for betydning i arbeidsmiljøarbeidet – stemmer det?",
            "contradicted",
        ),
        ("Stemmer det at ledelsen fikk 3,9 på en skala fra 1 til 4?", "supported"),
        ("Stemmer det at ledelsen fikk 3,9 i snitt?", "supported"),
        ("Kan vi skrive at verneombudet fikk 3,5 i snitt?", "contradicted"),
    ],
)
def test_mean_claims_are_judged_on_the_item_and_its_scale(assistant, claim, verdict):
    a = assistant.ask(claim)
    assert a.verdict == verdict, a.answer[:300]
    assert "3,9" in lead(a) or "3,1" in lead(a)


def test_scale_mismatch_names_the_scale(assistant):
    a = assistant.ask("Ledelsen fikk 3,9 av 5 i betydning for arbeidsmiljøarbeidet – stemmer det?")
    assert "Skalaen går fra 1 til 4, ikke til 5" in lead(a)


def test_a_group_left_out_is_not_the_group_asked(assistant):
    a = assistant.ask("Kva fylke hadde flest svar, og kva fylke hadde færrast (utanom «ukjent»)?")
    assert "**Viken** (317)" in lead(a)


def test_all_associations_follow_up_quotes_the_variation(assistant):
    a = assistant.ask(
        "Er det likt i alle bransjar?", history=["Kor mange bedrifter har avtale med bedriftshelseteneste?"]
    )
    assert a.answerable and "varierer også mellom landsforeningene" in a.answer


def test_a_direction_word_names_the_answer_of_a_change_question(assistant):
    a = assistant.ask(
        "Overskrift i utkastet: «Nesten én av fem bedrifter: Hjemmekontor ga mer kreativitet og innovasjon». "
        "Holder den?"
    )
    assert a.verdict == "supported" and "18 %" in lead(a) and "Positiv endring" in lead(a)


def test_of_two_likely_questions_the_one_with_the_group_asked(assistant):
    a = assistant.ask(
        "Syntes de store bedriftene med 200+ ansatte at BHT var flinke til å følge opp sykmeldte?"
    )
    assert "**65 %**" in lead(a) and "Tabell 7" in lead(a)


def test_a_much_likelier_question_keeps_its_place_without_the_group(assistant):
    a = assistant.ask(
        "Hvor nyttig synes små og mellomstore bedrifter at NAVs digitale sykefraværsoppfølgning er?"
    )
    assert "NAVs digitale oppfølging" in lead(a)


@pytest.mark.parametrize(
    "history",
    [
        ["Kva var svarprosenten i november 2021?", "Er ikkje det veldig lågt?"],
        ["Var svarprosenten lavere enn forventet?"],
    ],
)
def test_response_rate_judged_by_the_report(assistant, history):
    *before, question = history
    a = assistant.ask(question, history=before)
    assert "forhåndskalkylen" in lead(a), lead(a)


def test_is_it_enough_to_say_something_certain_gives_the_caveats(assistant):
    a = assistant.ask(
        "Er det nok til å si noe sikkert om de store bedriftene?",
        history=["Hvor mange bedrifter med 200 eller flere ansatte svarte på undersøkelsen?"],
    )
    assert not a.suggestions and "signifikans" in a.answer


@pytest.mark.parametrize(
    ("first", "question", "item", "place"),
    [
        (
            "Hvor viktig er det for bedriftene å være en attraktiv arbeidsgiver?",
            "Er det mye sammenlignet med de andre grunnene?",
            "Være en attraktiv arbeidsgiver",
            "nr. 2 av 5",
        ),
        (
            "Hvor nyttig var helsekontrollene fra BHT?",
            "og sammenlignet med de andre tjenestene?",
            "Generelle helsekontroller",
            "nr. 1 av 6",
        ),
    ],
)
def test_previous_item_against_the_others(assistant, first, question, item, place):
    a = assistant.ask(question, history=[first])
    assert lead(a).startswith(f"«{item}» har **") and place in lead(a), lead(a)


def test_claim_on_a_sick_leave_level_is_not_in_the_report(assistant):
    a = assistant.ask("Kan jeg skrive at sykefraværet er høyere i store bedrifter enn i små?")
    assert a.verdict == "not_in_report" and "måler ikke nivået på sykefraværet" in lead(a)


def test_claim_on_sick_leave_as_a_challenge_is_still_judged(assistant):
    a = assistant.ask("Stemmer det at 1 av 5 bedrifter opplever korttids sykefravær som en stor utfordring?")
    assert a.verdict == "supported"


def test_refusal_opens_with_what_the_report_does_not_say(assistant):
    a = assistant.ask("Har bedriftene vorte meir positive til Arbeidstilsynet sidan førre barometer?")
    assert not a.answerable and lead(a).startswith("Rapporten sier ikke noe om dette")
    assert "nullpunkt" in a.answer


def test_how_an_answer_was_treated_is_the_excluded_answers(assistant):
    a = assistant.ask("Korleis er «ikkje aktuelt i 2021»-svara handsama i tala om Arbeidstilsynet?")
    assert "holdt utenfor" in lead(a)


def test_cited_employee_figure_with_ifolge(assistant):
    a = assistant.ask(
        "Hvor stor andel av de ansatte kunne jobbe hjemmefra før pandemien, ifølge tallene rapporten viser til?"
    )
    assert a.answerable and "35 prosent" in lead(a)


def test_size_comparison_of_a_table_without_sizes_is_answered_by_the_sentence(assistant):
    a = assistant.ask("Har store bedrifter oftere ansatte på hjemmekontor enn små?")
    assert a.answerable and "små og mellomstore bedrifter som ikke har ansatte på hjemmekontor" in lead(a)


def test_why_follow_up_finds_the_cause_near_the_finding(assistant):
    a = assistant.ask(
        "hvorfor?",
        history=[
            "Hvor mange svarte at det ikke var relevant å vurdere om hjemmekontor påvirket produktiviteten?"
        ],
    )
    assert "trolig fordi de i langt mindre grad har benyttet" in lead(a)


def test_why_without_a_reason_in_the_report_says_so(assistant):
    a = assistant.ask(
        "Kvifor er det så lågt?", history=["Hvor mange bedrifter har hatt kontakt med Arbeidstilsynet?"]
    )
    assert lead(a).startswith("Rapporten forklarer ikke hvorfor.")
    assert "1 av 4" in a.answer


def test_response_rate_much_follow_up(assistant):
    a = assistant.ask("er det mye?", history=["Hva var svarprosenten i novemberundersøkelsen?"])
    assert "forhåndskalkylen" in lead(a)


@pytest.mark.parametrize(
    ("claim", "verdict", "section"),
    [
        ("Stemmer det at resultatene ikke er vektet?", "supported", "7.2"),
        ("Stemmer det at resultatene er vektet etter bedriftsstørrelse?", "contradicted", "7.2"),
        (
            "Kan vi skrive at forskjellene mellom bedriftsstørrelser og bransjer i rapporten ikke er testet for "
            "statistisk signifikans?",
            "supported",
            "7.3",
        ),
        ("Kan vi skrive at forskjellene er statistisk signifikante?", "not_in_report", "7.3"),
    ],
)
def test_method_fact_claims(assistant, claim, verdict, section):
    a = assistant.ask(claim)
    assert a.verdict == verdict and section in {s.label for s in a.sources}


def test_size_comparison_claim_whose_group_lost_its_flere(assistant):
    a = assistant.ask(
        "Stemmer det at bedrifter med 50 ansatte eller flere er mer fornøyd med NAVs digitale "
        "sykefraværsoppfølging enn de små og mellomstore bedriftene?"
    )
    assert a.verdict == "supported" and "5 av 10" in lead(a) and "mindre enn 4 av 10 det samme" in lead(a)


def test_an_item_of_another_question_is_asked_back(assistant):
    # recruitment is an alias of a reason for the work on the environment (Figur 12), not a change in Tabell 2
    a = assistant.ask("kor mange verksemder opplevde at rekrutteringa vart betre av heimekontor")
    assert not a.answerable and a.suggestions
    assert "er ikke blant punktene" in lead(a)


def test_how_many_used_a_service_gives_the_base(assistant):
    a = assistant.ask("Hvor mange bedrifter brukte BHT til risikovurderinger?")
    assert "**905**" in lead(a)


def test_which_companies_is_answered_by_size(assistant):
    a = assistant.ask("Hvilke bedrifter har flest ansatte på hjemmekontor?")
    assert "små og mellomstore bedrifter" in lead(a)


def test_tested_statistically_is_the_significance_question(assistant):
    a = assistant.ask("Er forskjellene mellom små og store bedrifter testet statistisk?")
    assert "signifikanstesting" in lead(a)


def test_a_change_asked_of_a_question_measuring_none_is_asked_back(assistant):
    # Figur 13 lists challenges; whether cooperation got worse is no question of the survey
    a = assistant.ask("Hvor mange opplevde at samarbeidet mellom ansatte ble dårligere?")
    assert not a.answerable and a.suggestions


def test_a_direction_word_inside_an_item_is_no_change_asked(assistant):
    a = assistant.ask(
        "Og forslag til tiltak for bedre arbeidsmiljø?",
        history=["Hvor nyttige var helsekontrollene fra BHT?"],
    )
    assert a.answerable and "49 %" in lead(a)


def test_working_from_home_mostly_is_the_majority_at_home(assistant):
    a = assistant.ask("Hvor mange bedrifter har ansatte som jobber hjemme mest?")
    assert "**2 %**" in lead(a) and "55 %" not in lead(a)


def test_response_rate_of_a_size_group_is_not_given(assistant):
    a = assistant.ask("Hva er svarprosenten for de minste bedriftene?")
    assert not a.answerable and "bare svarprosenten for hele undersøkelsen" in a.answer


@pytest.mark.parametrize(
    "claim",
    [
        "Stemmer det at Kantar gjennomførte begge undersøkelsene?",
        "Kan vi skrive at NHO selv sto for begge rundene?",
    ],
)
def test_one_organisation_for_both_waves_is_contradicted(assistant, claim):
    a = assistant.ask(claim)
    assert a.verdict == "contradicted" and "Kantar" in lead(a) and "utført av NHO" in lead(a)


@pytest.mark.parametrize(
    "question",
    [
        "Gi meg tre nøkkeltall fra rapporten",
        "Kan du oppsummere rapporten?",
        "Hva er hovedfunnene i rapporten?",
    ],
)
def test_whole_report_brief_takes_findings_from_several_themes(assistant, question):
    a = assistant.ask(question)
    assert a.answerable and lead(a).startswith("3 nøkkeltall fra NHOs Arbeidsmiljøbarometer 2021")
    sections = {str(s.section or "")[:1] for s in a.sources}
    assert len(a.sources) >= 3 and len(sections) >= 2


def test_a_theme_brief_is_unchanged_by_the_whole_report_words():
    from assistant.briefs.request import detect

    assert detect("Gi meg tre tall om hjemmekontor").theme == "hjemmekontor"


def test_a_share_of_a_scale_the_report_gives_as_means_names_the_means(assistant):
    a = assistant.ask("Hvor mange svarte at ledelsen har svært stor betydning?")
    assert not a.answerable and "Ledelse 3,9" in a.answer and "spurte ikke" not in a.answer


def test_question_words_typed_as_one(assistant):
    a = assistant.ask("hvormange bedriftr svarte i juni")
    assert "2 253" in lead(a)


@pytest.mark.parametrize(
    "question",
    [
        "Lag en kort faktaboks om bedriftshelsetjenesten med de viktigste tallene",
        "nokkeltall om NAV ALS til nyhetsbrevet takk",
        "Oppsummer partssamarbeidet i verksemdene med minst tre tal",
    ],
)
def test_briefs_asked_for_by_name(assistant, question):
    a = assistant.ask(question)
    assert a.answerable and lead(a).startswith("3 nøkkeltall om") and len(a.sources) >= 3


def test_a_brief_theme_ignores_who_it_is_about():
    from assistant.briefs.request import theme_words

    assert "virksom" not in theme_words("partssamarbeidet i virksomhetene", "4").any_of


def test_days_a_week_at_home_is_not_measured(assistant):
    a = assistant.ask("Hvor mange dager i uka jobber de ansatte hjemmefra i snitt?")
    assert not a.answerable and "andel av arbeidstimene" in a.answer


def test_negated_option_in_a_claim(assistant):
    a = assistant.ask("Stemmer det at 45 prosent av bedriftene ikke hadde noe hjemmearbeid i november 2021?")
    assert a.verdict == "contradicted" and "33 prosent" in lead(a)


def test_how_the_other_wave_asked_shows_its_own_question(assistant):
    a = assistant.ask(
        "Korleis var spørsmålet stilt i november?",
        history=["Kor stor del av verksemdene hadde tilsette på heimekontor i juni 2022?"],
    )
    assert a.answer.startswith("I november 2021 ble det spurt annerledes")
    assert "arbeidstimer" in a.answer


def test_a_brief_on_several_actors_takes_one_figure_from_each(assistant):
    a = assistant.ask(
        "Lag en faktaboks om bedriftenes kontakt med Arbeidstilsynet, NAV Arbeidslivssenter og bedriftshelsetjenesten."
    )
    labels = " ".join(s.label for s in a.sources)
    assert "Figur 29" in labels and "Figur 30" in labels and len(a.sources) >= 3


def test_a_claim_on_an_unpublished_question_is_not_supported_by_its_wording(assistant):
    a = assistant.ask("Kan vi skrive at hjemmekontor har ført til flere digitale møter i bedriftene?")
    assert a.verdict == "not_in_report"


def test_a_groups_share_claimed_of_all_companies_is_contradicted(assistant):
    a = assistant.ask(
        "Sjekk: «31 prosent av NHO-bedriftene synes det er vanskelig å vite hvilke arbeidsmiljøforhold de bør "
        "gjøre noe med.» Holder det for alle bedriftene?"
    )
    assert a.verdict == "contradicted" and "22 prosent" in lead(a)


def test_a_sentence_about_a_sibling_actor_does_not_answer(assistant):
    # NAVs digitale oppfølging is not NAVs dialogmøte 2, though both are «NAV»
    a = assistant.ask("Hvor stor andel av bedriftene med 50-199 ansatte syns NAVs dialogmøte 2 var nyttig?")
    assert "dialogmøte 2" in lead(a) and "6 av 10" in lead(a) and "digitale" not in lead(a)


def test_two_words_for_one_size_band_are_one_group(assistant):
    a = assistant.ask("vi er en liten bedrift med 5 ansatte, hva sier rapporten om bht for sånne som oss")
    assert " mot " not in lead(a) and "1–9 ansatte" in lead(a)


def test_like_much_at_home_as_at_the_office(assistant):
    a = assistant.ask("Hvor mange ledere ønsker like mye hjemmekontor som kontor?")
    assert "**4 %**" in lead(a)

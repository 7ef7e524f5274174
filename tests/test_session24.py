"""Session-24 behaviour through the real Assistant: a claim that restates its figure in apposition; a claim the
report's own sentence holds about another measure than the table found; claims told as something said at a
meeting; having a verneombud or an AMU (not asked); who a table leaves out, as a follow-up; a group's share with
all companies' share after it; the sample asked about after a story; a question first and a story after; bare
topics asked back; words that judge a figure name no item."""

from __future__ import annotations

from answers import first_line

from assistant.claims.parse import groups_in, split_figures
from assistant.understand import question_first

# --- claims ----------------------------------------------------------------------------------------------------


def test_a_figure_restated_in_apposition_is_one_clause():
    assert split_figures("nesten halvparten, 47 prosent, svarte ikke relevant") == [
        "nesten halvparten, 47 prosent, svarte ikke relevant"
    ]
    # two figures of their own stay two clauses
    assert len(split_figures("13 prosent svarte positiv endring, 11 prosent svarte negativ endring")) == 2


def test_a_claim_with_its_share_said_twice_is_judged_once(assistant):
    a = assistant.ask("Stemmer det at godt over en tredjedel, 37 prosent, ikke har ansatte på hjemmekontor i juni 2022?")
    assert a.verdict == "supported" and "37" in first_line(a), a.answer


def test_a_report_sentence_about_the_same_thing_holds_a_claim_the_table_would_contradict(assistant):
    a = assistant.ask("Stemmer det at 8 av 10 bedrifter synes bedriftshelsetjenesten er nyttig ved oppfølging av sykefravær?")
    assert a.verdict == "supported", a.answer
    assert "8 av 10" in first_line(a) and "Tabell 6" in first_line(a), a.answer
    # a wrong figure stays wrong
    a = assistant.ask("Stemmer det at 6 av 10 bedrifter syntes BHT var nyttig i sykefraværsoppfølgingen?")
    assert a.verdict == "contradicted", a.answer


def test_a_claim_told_as_said_at_a_meeting(assistant):
    a = assistant.ask("På styremøtet ble det sagt at 77 prosent har avtale med bedriftshelsetjeneste. Stemmer det?")
    assert a.verdict == "supported", a.answer
    a = assistant.ask("Det ble hevdet at over 60 prosent syntes covid-tilsynet fra Arbeidstilsynet var nyttig. Riktig?")
    assert a.verdict == "contradicted" and "43" in first_line(a), a.answer


def test_the_largest_said_of_challenges_is_no_size_group():
    assert groups_in("ingen av utfordringene er de største") == []
    assert groups_in("de største har hatt kontakt") != []


# --- what the survey did not ask -------------------------------------------------------------------------------


def test_having_a_verneombud_was_not_asked(assistant):
    for q in ("Hvor mange bedrifter har verneombud?", "Har dei små verksemdene sjeldnare arbeidsmiljøutval?"):
        a = assistant.ask(q)
        assert not a.answerable and a.route == "none", a.answer
        assert "betydning" in a.answer, a.answer
    # what a verneombud means for the work was asked
    a = assistant.ask("Hvor stor betydning har verneombudet for arbeidsmiljøarbeidet?")
    assert a.answerable and "3,1" in first_line(a), a.answer


def test_what_the_sick_listed_themselves_thought_was_not_asked(assistant):
    a = assistant.ask("og hva mente de sykmeldte selv?", ["Hvor nyttig var BHT i sykefraværsoppfølgingen?"])
    assert not a.answerable and "arbeidsgiverne" in a.answer, a.answer


# --- follow-ups and stories ------------------------------------------------------------------------------------


def test_who_a_table_leaves_out_and_its_base(assistant):
    a = assistant.ask(
        "hvem er holdt utenfor i den tabellen, og hva er n?",
        ["Hvor mange fikk mer støtte fra NAV Arbeidslivssenter de siste tre årene?"],
    )
    assert "1 696" in a.answer and "ikke hatt kontakt" in a.answer, a.answer
    assert "575" not in a.answer, a.answer


def test_a_groups_share_comes_with_all_companies_share(assistant):
    a = assistant.ask("Hvor mange bedrifter synes det er vanskelig å vite hvilke arbeidsmiljøforhold de bør ta tak i?")
    lead = a.answer.split("\n\n")[0]
    assert "22 %" in lead or "22 prosent" in lead, a.answer
    a = assistant.ask("Hva sier rapporten om at det er vanskelig å vite hvilke arbeidsmiljøforhold man bør gjøre noe med?")
    assert "22 prosent" in a.answer or "22 %" in a.answer, a.answer


def test_the_sample_asked_about_after_a_story(assistant):
    a = assistant.ask(
        "Vi lurer på om vi er godt representert. Hvor stor andel av dem som svarte hadde 10–49 ansatte?"
    )
    assert "45,24" in first_line(a), a.answer
    a = assistant.ask(
        "Vi er i Norsk Industri og lurer på hvor mye vekt bransjen vår har. Hvor mange fra vår landsforening svarte?"
    )
    assert "251" in first_line(a), a.answer


def test_a_question_first_and_a_story_after():
    assert question_first("Hvor mange svarte? Vi lurer fordi vi skal på møte.") == "Hvor mange svarte?"
    assert question_first("Hvor mange svarte? Og hvor mange ble invitert?") == ""


def test_the_answer_options_asked_with_a_reason_after(assistant):
    a = assistant.ask(
        "Hvilke svaralternativer hadde spørsmålet om hvor mye langtidsfravær er en utfordring? Vi skal lage "
        "vår egen undersøkelse."
    )
    assert a.answerable and "I svært stor grad" in a.answer and not a.suggestions, a.answer


def test_an_unpublished_question_named_only_in_the_story_is_asked_back(assistant):
    a = assistant.ask("Jeg har nettopp begynt som HR-sjef. Hvordan står det egentlig til der ute?")
    assert a.suggestions and not a.answerable, a.answer


def test_a_bare_topic_is_asked_back(assistant):
    for q in ("noe om arbeidstilsynet?", "hjemmekontor da?"):
        a = assistant.ask(q)
        assert a.suggestions and not a.answerable, (q, a.answer)


def test_a_judging_word_names_no_item(assistant):
    a = assistant.ask("er det bedre blant dem med 200+ ansatte?", ["Hvor nyttig var BHT til å forebygge sykefravær?"])
    assert "Forebygging av sykefravær" in first_line(a) and "66" in first_line(a), a.answer


def test_when_dialogmote_2_is_held_is_answered_from_the_text(assistant):
    a = assistant.ask("Hvor mange uker ut i sykefraværet blir dialogmøte 2 vanligvis holdt?")
    assert a.answerable and "26 ukers" in a.answer, a.answer


def test_how_companies_judged_the_contact_with_nav(assistant):
    a = assistant.ask("Hvordan vurderte bedriftene dialogen med NAV ved sykefravær?")
    assert a.answerable and "dialogmøte 2" in a.answer and "6 av 10" in a.answer, a.answer


def test_pay_and_equipment_for_home_office_were_not_asked(assistant):
    a = assistant.ask("Dekker bedriftene utstyr til hjemmekontoret for de ansatte?")
    assert not a.answerable and "utstyr" in a.answer and "55 %" in a.answer, a.answer


def test_an_answer_the_likeliest_question_prints_no_figure_for_goes_to_the_table_that_does(assistant):
    a = assistant.ask("Da BHT bisto med å følge opp sykmeldte, hvor mange svarte verken eller?")
    assert "Tabell 6" in first_line(a) and "36" in first_line(a), a.answer


def test_weighting_asked_with_a_worry_after_it(assistant):
    a = assistant.ask("Er tallene vektet? Jeg lurer på om de store bedriftene er overrepresentert.")
    assert "vekting" in a.answer.lower(), a.answer


def test_a_report_sentence_on_the_other_answer_does_not_hold_a_claim(assistant):
    # «1 av 5 … positiv utvikling i sin evne til å lede» is no support for a negative change of 20-odd percent
    a = assistant.ask("Sjekk: 21 prosent opplevde en negativ endring i evnen til å lede ansatte med større avstand.")
    assert a.verdict == "contradicted" and "13" in first_line(a), a.answer


def test_asking_to_be_told_something_about_a_theme_is_asked_back(assistant):
    a = assistant.ask("kan du fortelle litt om det med sykefravær?")
    assert a.suggestions and not a.answerable, a.answer


def test_a_rounded_report_sentence_does_not_overrule_its_own_table(assistant):
    # «Om lag halvparten … tilsyn med eller uten veiledning var nyttig» rounds Tabell 3; its 48 % is the figure
    a = assistant.ask("Kan vi skrive at 45 prosent syntes tilsyn med veiledning fra Arbeidstilsynet var nyttig?")
    assert a.verdict == "contradicted" and "48" in first_line(a), a.answer


def test_a_share_written_in_words_is_a_figure(assistant):
    a = assistant.ask("Svarprosenten i juni-undersøkelsen var rundt tretti prosent.")
    assert a.verdict == "contradicted" and "13" in first_line(a), a.answer


def test_checks_asked_the_other_way_round_and_hearsay_after(assistant):
    a = assistant.ask("Over halvparten har ingen ansatte på hjemmekontor nå, stemmer ikke det?")
    assert a.verdict == "contradicted" and "37" in first_line(a), a.answer
    a = assistant.ask("NHO Reiseliv var overrepresentert blant dem som svarte, har jeg hørt.")
    assert a.verdict in ("supported", "contradicted") and "Tabell 10" in first_line(a), a.answer


def test_layoffs_were_not_asked(assistant):
    a = assistant.ask("Hvor mange bedrifter måtte permittere ansatte under pandemien?")
    assert not a.answerable and a.route == "none", a.answer


def test_the_fieldwork_dates_lead_when_asked_for(assistant):
    a = assistant.ask("hva var feltperioden i juni?")
    assert "1.–6. juni 2022" in a.answer.split("\n\n")[0], a.answer


def test_the_same_support_as_before_is_the_middle_answer(assistant):
    a = assistant.ask("Hvor mange sier de har fått like mye støtte fra NAV Arbeidslivssenter som før?")
    assert "33" in first_line(a) and "Tabell 5" in first_line(a), a.answer


def test_a_vague_request_for_figures_on_a_theme_with_prose_figures_gets_suggestions(assistant):
    a = assistant.ask("tall om sykefravær, takk")
    assert a.suggestions, a.answer


def test_none_of_the_listed_challenges(assistant):
    a = assistant.ask("Hvor stor andel mener ingen av de oppgitte alternativene er blant de største utfordringene?")
    assert "34" in a.answer.split("\n\n")[0], a.answer


def test_a_figure_stated_in_the_text_for_one_item_cites_its_figure(assistant):
    a = assistant.ask("og hvor nyttig var det?", ["Hvor mange bedrifter hadde dialog med BHT da de fulgte opp sykmeldte?"])
    assert "8 av 10" in a.answer and "Figur 22" in [s.label for s in a.sources], a.answer


def test_having_a_union_rep_or_a_standing_nav_contact_was_not_asked(assistant):
    for q in ("Hvor stor andel av bedriftene har ikke tillitsvalgte?",
              "Hvor mange har fast kontaktperson i NAV Arbeidslivssenter?"):
        a = assistant.ask(q)
        assert not a.answerable and a.route == "none", (q, a.answer)
    a = assistant.ask("Hvilken betydning har de tillitsvalgte for arbeidsmiljøarbeidet?")
    assert a.answerable and "3,3" in first_line(a), a.answer

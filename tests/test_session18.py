"""Session-18 behaviour through the real Assistant: the answer named after a verb of answering; how common
something is («er det vanlig …»); employees' thoughts refused; a trailing aside («…, ikke om nytte»); a
mistyped size bound, a dropped last letter or two swapped letters; a relative clause naming the respondents;
a bare «utviklinga?»; «var det filtrert?»; the base asked with a dash; a share of all answers as a follow-up;
who says a claim after it; «kan jeg poste at …»; a reason the report does not give; «X eller Y oftest?»;
who collected the data; a follow-up of a dates-and-response question."""

from __future__ import annotations

import pytest
from answers import lead

from assistant.briefs.request import detect as detect_brief
from assistant.claims import detect
from assistant.normalize import normalize
from assistant.understand import without_asides

# ------------------------------------------------------------------------------------- the words asked


def test_the_answer_named_after_svarte_is_the_one_asked(assistant):
    a = assistant.ask("Hvor mange svarte vet ikke på spørsmålet om de har fått mer støtte fra NAV ALS?")
    assert "30 %" in lead(a) and "Vet ikke" in lead(a).split("30 %")[1][:20], lead(a)


def test_how_common_asks_for_the_share_not_a_word_to_find(assistant):
    a = assistant.ask("Er det vanlig for små bedrifter å ha hjemmekontor?")
    assert a.answerable and not a.suggestions, a.answer
    assert "små og mellomstore bedrifter som ikke har ansatte på hjemmekontor" in a.answer


def test_no_unpublished_refusal_about_a_question_barely_matched(assistant):
    # matched to the home-office changes (Tabell 2) by a hair: not "no figures for changes by size", but a
    # question back
    # (session 19: the bank's phrasings of how common home office is place it on Figur 1's question, and the
    # report's sentence on small companies without home office answers it; asking back is fine too)
    a = assistant.ask("Er det vanleg at små verksemder har heimekontor?")
    assert "endringer" not in a.answer.split("\n")[0], a.answer
    assert a.suggestions or "små og mellomstore bedrifter som ikke har ansatte på hjemmekontor" in lead(a), a.answer


@pytest.mark.parametrize(
    "question", ["Hva tenker de ansatte om å jobbe hjemmefra?", "Kva tykkjer dei tilsette om tilsynet?"]
)
def test_what_employees_think_is_refused(assistant, question):
    a = assistant.ask(question)
    assert not a.answerable and "arbeidsgiverne" in a.answer, a.answer


def test_a_trailing_aside_is_not_the_topic():
    assert without_asides("hvor mange brukte bht ved sykefravær, ikke om det var nyttig?") == (
        "hvor mange brukte bht ved sykefravær?"
    )
    # «ikke bare» and «ikke sant» set nothing aside
    assert without_asides("hvor mange har hjemmekontor, ikke bare i juni?").endswith("ikke bare i juni?")


def test_use_asked_apart_from_usefulness_is_the_dialogue_figure(assistant):
    a = assistant.ask(
        "Hvor mange bedrifter snakket med bedriftshelsetjenesten om sykefravær i 2021, ikke om hvor nyttig det var?"
    )
    assert "3 av 10" in lead(a), a.answer


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("200 elle flere ansatte", "200 eller flere ansatte"),
        ("langtids sykefravære", "sykefraværet"),
        ("svarprosneten", "svarprosenten"),
    ],
)
def test_typos_of_a_bound_a_last_letter_and_two_swapped_letters(typed, meant):
    assert meant in normalize(typed)


def test_short_words_keep_their_own_form():
    assert normalize("mangel") == "mangel" and normalize("nyttige") == "nyttige"


def test_a_relative_clause_naming_the_respondents_is_not_a_response_question(assistant):
    a = assistant.ask("Hvor mange av bedriftene som svarte, har avtale med bedriftshelsetjeneste?")
    assert "77 %" in lead(a) and "svarprosent" not in lead(a), a.answer


def test_a_bare_development_asks_back(assistant):
    a = assistant.ask("Hvordan var utviklingen?")
    assert a.suggestions, a.answer
    assert not assistant.ask("Hvordan var utviklingen i støtten fra NAV Arbeidslivssenter?").suggestions


def test_whether_a_question_was_filtered_names_its_filter(assistant):
    a = assistant.ask("Fikk alle spørsmålet om hvor nyttig kontakten med aktørene var – var det filtrert?")
    assert "hatt dialog" in a.answer and any(s.label == "Vedlegg 2" for s in a.sources), a.answer


# ------------------------------------------------------------------------------------------- follow-ups


def test_the_base_asked_with_a_dash_is_the_figure_base(assistant):
    a = assistant.ask(
        "Hva er n – hvor mange svarte?", history=["Hvor mange syns forslagene til tiltak fra BHT var nyttige?"]
    )
    assert "Tabell 6" in lead(a) and "1 713" not in lead(a), a.answer


def test_a_share_of_all_answers_after_a_count(assistant):
    a = assistant.ask("Hvor stor andel av svarene utgjør det?", history=["Hvor mange fra Nelfo svarte?"])
    assert "% av svarene" in a.answer, a.answer


def test_the_same_in_june_after_dates_and_response_gives_both(assistant):
    a = assistant.ask("Og i juni?", history=["Når ble undersøkelsen i november gjort, og hvor mange svarte?"])
    assert "2 253" in lead(a) and "1.–6. juni 2022" in lead(a), a.answer


# ------------------------------------------------------------------------------------------------ claims


@pytest.mark.parametrize(
    "text",
    [
        "Stemmer det at 1 av 4 bedrifter hadde kontakt med Arbeidstilsynet, slik sjefen min sier?",
        "Kan jeg skrive at 1 av 4 bedrifter hadde kontakt med Arbeidstilsynet, har jeg hørt?",
        "Er det riktig at 1 av 4 bedrifter hadde kontakt med Arbeidstilsynet, ifølge en journalist?",
    ],
)
def test_who_says_it_after_the_claim_is_not_claimed(text):
    (claim,) = detect(text).claims
    assert claim.endswith("Arbeidstilsynet"), claim


@pytest.mark.parametrize("verb", ["poste", "tvitre", "legge ut"])
def test_posting_frames_a_claim(verb):
    (claim,) = detect(f"Kan vi {verb} at 77 prosent har avtale med BHT?").claims
    assert claim.startswith("77 prosent"), claim


def test_who_collected_the_data(assistant):
    yes = assistant.ask("Stemmer det at Kantar sto for datainnsamlingen?")
    no = assistant.ask("Kan jeg skrive at Agenda Kaupang samlet inn svarene?")
    assert yes.verdict == "supported" and no.verdict == "contradicted", (yes.answer, no.answer)
    assert "Kantar har stått for datainnsamlingen" in no.answer


# ---------------------------------------------------------------------------------------- what is said


def test_a_reason_the_report_does_not_give_is_not_answerable(assistant):
    a = assistant.ask("Hvorfor har bedriftene i Nelfo så mye korttidsfravær?")
    assert not a.answerable and a.answer.startswith("Rapporten forklarer ikke hvorfor"), a.answer


def test_a_reason_the_report_gives_is_answered(assistant):
    a = assistant.ask("Hvorfor varierer det mellom landsforeningene hvor mange som har avtale med BHT?")
    assert a.answerable and "pålagt" in a.answer, a.answer


def test_either_or_names_the_higher_not_yes(assistant):
    a = assistant.ask("Er å følge loven eller lavere sykefravær oftest «svært viktig» for arbeidsmiljøarbeidet?")
    first = lead(a)
    assert not first.startswith(("Ja", "Nei")) and first.startswith("Flest om"), first


def test_a_mistyped_brief_is_a_brief():
    found = detect_brief("Gi meg tre nøkeltall om Arbeidstilsynet til et internt nyhetsbrev")
    assert found is not None and found.theme.strip() == "arbeidstilsynet", found


@pytest.mark.parametrize(
    "first, expected",
    [
        ("Hvor mange hadde dialog med bedriftshelsetjenesten ved sykefravær i 2021?", "8 av 10"),
        ("Kor mange hadde dialog med den som sykmelder?", "halvparten"),
        # the wording names the item ("digitale oppfølging"), even when a word of it ("sykmeldte") names an answer
        ("Har bedriftene brukt NAVs digitale oppfølging av sykmeldte?", "4 av 10"),
    ],
)
def test_how_useful_after_who_had_dialogue_is_the_filtered_question(assistant, first, expected):
    # the questionnaire put the usefulness question to those who had the dialogue (base_filter): its item is
    # the answer just given, not the BHT services' table
    a = assistant.ask("Og hvor nyttig var det?", history=[first])
    assert expected in a.answer and "Tabell 6" not in lead(a), a.answer


@pytest.mark.parametrize(
    "typed, meant",
    [("invitasjn", "invitasjon"), ("respondentne", "respondentene"), ("arbeidsulykkr", "arbeidsulykker")],
)
def test_long_report_words_and_unmeasured_concepts_typed_one_letter_off(typed, meant):
    assert normalize(typed) == meant


def test_the_base_asked_as_what_a_share_is_counted_of(assistant):
    a = assistant.ask(
        "Hvor mange bedrifter er den prosenten regnet ut fra?", history=["Hvor mange har avtale med BHT?"]
    )
    assert "1 702" in lead(a), a.answer


@pytest.mark.parametrize(
    "question",
    ["Hvor mye økte produktiviteten av hjemmekontor?", "Kor mykje fall lønnsomheita i kroner?"],
)
def test_the_size_of_a_change_is_not_measured(assistant, question):
    a = assistant.ask(question)
    assert not a.answerable and "%" not in lead(a), a.answer


def test_what_the_sick_listed_think_is_refused(assistant):
    a = assistant.ask("Og hva mener de sykemeldte selv om dialogmøtet?", history=["Hvor mange har vært i dialogmøte 2?"])
    assert not a.answerable and "arbeidsgiverne" in a.answer, a.answer


def test_a_reason_for_a_federations_finding_the_report_does_not_give(assistant):
    # the bank points at the sentence with the finding (route «statement»); its cause is not in the report
    a = assistant.ask("Hvorfor var bedriftene i NHO Transport minst fornøyd med NAV Arbeidslivssenter?")
    assert not a.answerable and a.answer.startswith("Rapporten forklarer ikke hvorfor"), a.answer
    assert "3 av 10" in a.answer


def test_press_year_shorthand_names_both_waves():
    assert normalize("inviterte: nov -21 vs juni -22?") == "inviterte: november 2021 mot juni 2022?"


def test_key_numbers_with_the_count_after_the_theme():
    found = detect_brief("Key numbers om sykefravær, fire–fem stk til en faktaboks")
    assert found is not None and (found.count, found.theme) == (5, "sykefravær"), found


def test_the_scale_of_a_question_named_by_its_topic(assistant):
    a = assistant.ask("Hva var skalaen på spørsmålet om betydningen av ledelse, verneombud og tillitsvalgte?")
    assert "svært stor betydning" in a.answer and "skjev" in a.answer, a.answer


def test_a_score_asked_on_a_scale_is_the_score(assistant):
    a = assistant.ask("Hvilket snitt fikk verneombud på 1–4-skalaen i spørsmålet om rollenes betydning?")
    assert "3,1" in lead(a), a.answer


def test_a_word_an_item_says_is_absent_does_not_name_it(assistant):
    # «Tilsyn, men uten veiledning» is not named by "veiledningen"; said with «uten», it is
    a = assistant.ask("Hva syntes bedriftene om veiledningen fra Arbeidstilsynet?")
    assert lead(a).startswith("Om «Tilsyn med veiledning»"), lead(a)
    b = assistant.ask("Hvor nyttig var tilsyn uten veiledning?")
    assert "«Tilsyn, men uten veiledning»" in lead(b), lead(b)

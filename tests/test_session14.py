"""Session-14 behaviour through the real Assistant: «å få ansatte til …» is a verb, not a size group;
words typed with aa/oe/ae; what the report says of a question's answer scale; other countries; a claim in
quotes after «Stemmer påstanden»; «flinkare» and «gikk ut over» as directions of change; an item set aside in
parentheses; who was invited; what the employees themselves want."""

from __future__ import annotations

import pytest
from answers import lead

from assistant.claims import strip_frame
from assistant.normalize import normalize


def test_the_verb_faa_is_not_the_size_group_few_employees(assistant):
    assert assistant.match.match_size_groups(normalize("å få ansatte til å stå lenger i jobb")) == []
    assert assistant.match.match_size_groups(normalize("bedrifter med få ansatte")) != []
    a = assistant.ask(
        "hjemmekontor og å få ansatte til å stå lenger i jobb – hvor mange svarte ingen endring?"
    )
    assert a.answerable is True and "36 %" in lead(a), a.answer  # Tabell 2, all companies


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("naar ble den gjennomfort", "når ble den gjennomført"),
        ("paa hjemmekontor", "på hjemmekontor"),
        ("foer pandemien", "før pandemien"),
        ("vaere tilgjengelig", "være tilgjengelig"),
    ],
)
def test_words_typed_with_two_letters_for_one(typed, meant):
    assert normalize(typed) == meant


def test_poeng_and_other_real_oe_words_stay(assistant):
    assert normalize("hvor mange poeng") == "hvor mange poeng"


def test_a_question_about_the_answer_scale_gets_the_method_chapters_caveat(assistant):
    a = assistant.ask(
        "Kva svarskala vart brukt på spørsmålet om kor viktige leiinga, verneombodet osv. er? "
        "eg har høyrt at det var noko rart med den"
    )
    first = a.answer.split("\n\n")[:2]
    assert any("glipp" in x and "1-4" in x for x in first), a.answer
    assert a.sources[0].label == "7.3", [s.label for s in a.sources]
    assert "Vedlegg 2" in [s.label for s in a.sources]  # the wording follows


def test_a_question_about_a_scale_the_report_says_nothing_of_is_not_given_the_caveat(assistant):
    a = assistant.ask("Hvordan var spørsmålet om hjemmekontor formulert, og hvilke svaralternativer var det?")
    assert "glipp" not in a.answer, a.answer


def test_other_countries_are_refused_also_as_a_follow_up(assistant):
    a = assistant.ask("og korleis er det i Sverige og Danmark?", ["Hvor mange har ansatte på hjemmekontor?"])
    assert a.answerable is False and "andre land" in a.answer, a.answer
    assert "%" not in lead(a), a.answer


def test_a_claim_in_quotes_after_stemmer_paastanden():
    assert strip_frame(normalize("Stemmer påstanden «7 av 10 har BHT-avtale»?")).startswith("7 av 10")


def test_a_claim_about_small_companies_is_checked_against_their_figure(assistant):
    a = assistant.ask(
        "Stemmer påstanden «hver tredje småbedrift (1–9 ansatte) hadde kontakt med Arbeidstilsynet i fjor»?"
    )
    assert a.verdict == "contradicted" and "15 %" in lead(a), a.answer  # Figur 29, 1–9 ansatte
    b = assistant.ask("Stemmer det at hver tredje småbedrift hadde kontakt med Arbeidstilsynet i fjor?")
    assert "15 %" in lead(b), b.answer  # «småbedrift» is the 1–9 band, not all companies' «1 av 4»


def test_directions_of_change_in_other_words(assistant):
    better = assistant.ask(
        "Kan eg skrive at kvar femte bedrift har blitt flinkare til å leie tilsette på avstand på grunn av heimekontor?"
    )
    assert better.verdict == "supported" and "22 %" in lead(better), better.answer
    worse = assistant.ask(
        "Fleirtalet av bedriftene opplevde at heimekontor gjekk ut over kreativitet og innovasjon – kan vi bruke det?"
    )
    assert worse.verdict == "contradicted" and "15 %" in lead(worse), worse.answer


def test_an_item_set_aside_in_parentheses_is_not_what_is_asked(assistant):
    a = assistant.ask("Hvor mange bedrifter har egen bedriftshelsetjeneste (ikke avtale med ekstern)?")
    assert a.answerable is False and "Egen bedriftshelsetjeneste" in a.answer, a.answer
    assert "77 %" not in lead(a), a.answer


def test_who_was_invited_is_the_register_sentence(assistant):
    a = assistant.ask("Kven fekk invitasjon til å svare på undersøkinga i november?")
    assert "register over sine medlemsbedrifter" in lead(a), a.answer
    assert any(s.label.startswith("7.2") for s in a.sources)


def test_what_employees_themselves_want_is_not_in_the_survey(assistant):
    a = assistant.ask("Kor mange av arbeidstakarane i NHO-bedriftene ønskjer sjølv å jobbe meir heimanfrå?")
    assert a.answerable is False and "arbeidsgiverne" in a.answer, a.answer
    b = assistant.ask("hvor mange ledere ønsker at de ansatte jobber mer hjemme?")
    assert b.answerable is True, b.answer  # the managements' wish is Figur 3


def test_a_flaw_of_the_scale_in_nynorsk_is_the_method_chapters_note(assistant):
    a = assistant.ask(
        "Kva var gale med svarskalaen på spørsmålet om kor mykje ulike roller betyr for arbeidsmiljøarbeidet?"
    )
    assert "glipp" in lead(a) or "mangler" in lead(a), a.answer
    assert any(s.label.startswith("7.3") for s in a.sources), [s.label for s in a.sources]


def test_two_method_facts_in_one_question_are_both_answered(assistant):
    a = assistant.ask("Når ble hovedundersøkelsen gjennomført, og hvem sto for datainnsamlingen?")
    first = lead(a)
    assert "18.–29. november 2021" in first and "Kantar" in first, a.answer


def test_a_representation_claim_in_percentage_points(assistant):
    a = assistant.ask(
        "Er det riktig at Norsk Industri er overrepresentert i utvalget med drøyt fire prosentpoeng?"
    )
    assert a.verdict == "supported" and "4,24" in lead(a), a.answer


def test_a_representation_claim_said_in_words_and_its_correction(assistant):
    a = assistant.ask(
        "Stemmer det at bedrifter med 2–9 ansatte utgjør en mindre andel av dem som svarte enn av dem som ble invitert?"
    )
    assert a.verdict == "supported" and "33,86 %" in lead(a) and "43,13 %" in lead(a), a.answer
    b = assistant.ask("Stemmer det at Norsk Industri utgjør en mindre andel av svarene enn av de inviterte?")
    assert b.verdict == "contradicted" and "større andel av svarene" in lead(b), b.answer


def test_a_question_after_a_story_is_understood_on_its_own(assistant):
    a = assistant.ask(
        "Jeg forbereder et møte om hybridarbeid. Hvor stor andel av bedriftene sier at de ansatte tilbringer "
        "mindre tid i virksomhetens lokaler enn ledelsen ønsker?"
    )
    assert "12 %" in lead(a), a.answer  # 3.2, not Figur 3's «Overvekt» 38 %


def test_a_count_of_weeks_is_the_sentence_that_counts_them(assistant):
    a = assistant.ask("Innan kor mange veker kallar NAV vanlegvis inn til dialogmøte 2?")
    assert "26 ukers" in lead(a), a.answer


def test_no_matter_where_they_work_in_other_words(assistant):
    b = assistant.ask("hvor mange ledere mener det spiller ingen rolle hvor de ansatte jobber?")
    assert "5 %" in lead(b), b.answer  # Figur 3, all companies
    a = assistant.ask(
        "Vi er et lite firma på 4 årsverk. Hvor mange ledere i små bedrifter sier det er likegyldig hvor de ansatte jobber fra?"
    )
    assert "8 %" in lead(a) and "bedrifter med opp til 9 årsverk" in lead(a), a.answer  # 3.2's own band

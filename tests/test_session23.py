"""Session-23 behaviour through the real Assistant: claims typed as a note's shorthand (the figure first, a
trailing «stemmer», a fraction) or as a comparison ended with a full stop; abbreviations written out in a
claim's sides; questions about the law and about one's own answers refused; method facts cited from
Vedlegg 1 as well; a wave named by the user prefers its sentences; figures asked for a theme and nothing more
get the brief and narrower questions; brief requests in shorthand; nynorsk comparatives; the scale of the
question named (not of its neighbour); who was asked, in nynorsk; responses counted by size."""

from __future__ import annotations

from answers import first_line

from assistant.briefs.request import detect as brief
from assistant.claims.detect import detect as claim
from assistant.claims.parse import parse
from assistant.normalize import normalize

# --- claims in shorthand -------------------------------------------------------------------------------------


def test_a_claim_typed_as_a_note():
    assert claim("30 % dårlegare leiing på avstand").claims == ["30 % dårlegare leiing på avstand"]
    assert claim("39 % ingen endring produktivitet stemmer").claims == ["39 % ingen endring produktivitet"]
    assert claim("1/3 fikk samme støtte nav als") is not None
    # … but a number of figures asked for, an answer band or a size group is no claim
    assert claim("3 BHT-tall til pressemelding, pls") is None
    assert claim("1-20% av timane heime nov") is None
    assert claim("50-199 tilsette covidtilsyn verken eller") is None


def test_a_comparison_stated_with_a_full_stop_is_a_claim_but_a_story_is_not():
    assert claim("Det er de minste bedriftene (1–9 ansatte) som oftest har vært i kontakt med Arbeidstilsynet.")
    assert claim("Vi er 35 ansatte og bruker BHT mer enn før.") is None
    assert claim("Jeg lurer på om flere små enn store bedrifter har BHT.") is None


def test_a_fraction_is_a_share_and_a_date_is_not():
    assert [round(a.value) for a in parse("2/3 av bedriftene har BHT").amounts] == [67]
    assert parse("18/11 ble det sendt ut").amounts == []
    assert parse("tilgjengelig 24/7").amounts == []


def test_shorthand_claims_are_judged(assistant):
    a = assistant.ask("30 % dårlegare leiing på avstand")
    assert a.verdict == "contradicted" and "13" in first_line(a), a.answer
    a = assistant.ask("39 % ingen endring produktivitet stemmer")
    assert a.verdict == "supported", a.answer
    a = assistant.ask("Det er de minste bedriftene (1–9 ansatte) som oftest har vært i kontakt med Arbeidstilsynet.")
    assert a.verdict == "contradicted" and "51 %" in first_line(a), a.answer


def test_an_abbreviation_in_a_claims_side_is_written_out(assistant):
    a = assistant.ask("Stemmer det at VO ble tillagt større betydning enn de tillitsvalgte i arbeidsmiljøarbeidet?")
    assert a.verdict == "contradicted" and "3,1" in first_line(a) and "3,3" in first_line(a), a.answer


def test_could_not_judge_is_dont_know_and_no_change_in_other_words(assistant):
    a = assistant.ask(
        "En tredjedel av bedriftene (34 %) kunne ikke vurdere partssamarbeidet om å få seniorer til å stå "
        "lenger i jobb."
    )
    assert a.verdict == "supported", a.answer
    a = assistant.ask(
        "Stemmer det at 36 prosent ikke så noen endring i muligheten til å holde på seniorene lenger som følge "
        "av hjemmekontor?"
    )
    assert a.verdict == "supported", a.answer


def test_nynorsk_comparatives():
    assert normalize("vanlegare") == "vanligere"  # not the typo correction's «vanlige»
    assert normalize("viktigare") == "viktigere"


# --- refusals ------------------------------------------------------------------------------------------------


def test_the_law_is_not_what_the_survey_says(assistant):
    for q in (
        "Må vi ha verneombod når vi berre har åtte tilsette? Kva seier lova?",
        "Er det lovpålagt å ha verneombud når man har 5 ansatte?",
        "Må bedriften ha BHT når vi er 4 ansatte?",
    ):
        a = assistant.ask(q)
        assert not a.answerable and "loven" in a.answer, (q, a.answer)
    # … but the reason «Følge lov og regelverket» is a figure of the survey
    a = assistant.ask("Hvor viktig er det å følge lov og regelverket?")
    assert a.answerable and "Figur 12" in first_line(a), a.answer


def test_ones_own_answers_are_not_published(assistant):
    for q in (
        "Vi svarte på undersøkelsen i november – kan dere vise hva vår bedrift svarte?",
        "Hva svarte vi på spørsmålet om BHT?",
        "Kva svara eg på spørsmålet om heimekontor?",
    ):
        a = assistant.ask(q)
        assert not a.answerable and "enkeltbedrifter" in a.answer, (q, a.answer)


# --- sources and waves ---------------------------------------------------------------------------------------


def test_a_method_fact_cites_vedlegg_1_too(assistant):
    a = assistant.ask("Når var feltperioden for hovedundersøkelsen?")
    assert "18.–29. november 2021" in a.answer, a.answer
    assert any(s.section == "7.2" for s in a.sources), a.sources


def test_a_wave_named_prefers_its_sentence(assistant):
    a = assistant.ask("I novembermålingen 2021, hvor mange bedrifter oppga at noe av jobben ble gjort på hjemmekontor?")
    assert "65 prosent" in first_line(a), a.answer


def test_a_story_with_a_determiner_and_an_adjective_is_not_pointed_back_to(assistant):
    a = assistant.ask(
        "Jeg er HR-direktør i et konsern med ca 450 ansatte, og vi vurderer å kutte helsekontrollene i "
        "BHT-avtalen for å spare penger. Hvor mange av de største bedriftene (200+) syntes de generelle "
        "helsekontrollene var nyttige?"
    )
    assert a.answerable and "80 %" in first_line(a), a.answer


# --- briefs --------------------------------------------------------------------------------------------------


def test_figures_on_a_theme_and_nothing_more_get_narrower_questions(assistant):
    a = assistant.ask("tallene for BHT?")
    assert a.answerable and a.suggestions and "nøkkeltall" in first_line(a), a.answer
    assert all("bedriftshelsetjeneste" in s.question.lower() for s in a.suggestions), a.suggestions
    # a brief asked for as such gets none
    a = assistant.ask("Gi meg tre tall om hjemmekontor til en pressemelding")
    assert a.answerable and not a.suggestions, a.suggestions


def test_brief_requests_in_shorthand():
    r = brief(
        "Til et debattinnlegg om tilsynsmyndighetene: kan du gi meg noen få nøkkeltall (3-5 stk) om "
        "bedriftenes kontakt med og nytte av Arbeidstilsynet?"
    )
    assert r is not None and r.count == 5 and r.theme.endswith("arbeidstilsynet"), r
    r = brief("3-5 nøkkeltall arbeidstilsynet pressemld")
    assert r is not None and r.count == 5 and r.theme == "arbeidstilsynet", r


def test_a_theme_of_two_words_sharing_one_actor_is_one_theme(assistant):
    a = assistant.ask("Gi meg fem nøkkeltall om bedriftenes kontakt med og nytte av Arbeidstilsynet")
    assert a.answerable and "digitale oppfølging" not in a.answer, a.answer


# --- the questionnaire and follow-ups ------------------------------------------------------------------------


def test_the_scale_of_the_question_named_not_its_neighbours(assistant):
    a = assistant.ask("Kva svarskala hadde spørsmålet om felles forståing av mål og roller mellom leiing og tillitsvalde?")
    assert "I svært liten grad" in a.answer and "svært liten betydning" not in a.answer, a.answer


def test_the_skewed_scale_with_what_it_is(assistant):
    a = assistant.ask(
        "Hvordan var skalaen på spørsmålet om betydningen av ledelse, VO og tillitsvalgte – var det noe rart med den?"
    )
    assert "fra 1-4" in a.answer and "skjev" in a.answer, a.answer
    a = assistant.ask(
        "hvilken skala brukte de der? var det noe rart med den?",
        ["Hvor stor betydning har ledelsen for arbeidsmiljøarbeidet ifølge bedriftene?"],
    )
    assert "roller" in a.answer and "svarskal" in a.answer.lower(), a.answer


def test_who_was_asked_in_nynorsk(assistant):
    a = assistant.ask(
        "kven vart spurd om det?",
        ["Kor mange av dei største verksemdene meinte covid-tilsynet frå AT var lite nyttig?"],
    )
    assert "kontakt med Arbeidstilsynet" in first_line(a), a.answer


def test_how_many_answers_came_from_a_size_group(assistant):
    a = assistant.ask("Hvor mange svar kom egentlig fra de store bedriftene med 200+ ansatte i november-undersøkelsen?")
    assert a.answerable and "45" in first_line(a), a.answer


def test_an_item_in_other_words(assistant):
    a = assistant.ask(
        "Hvor stor andel så ingen forskjell i muligheten til å tilrettelegge jobben etter de ansattes helse etter "
        "hjemmekontorperioden?"
    )
    assert "tilpasse arbeidet" in first_line(a), a.answer


def test_a_notes_shorthand_names_the_group_and_the_item(assistant):
    a = assistant.ask("1 av 4 småbedr tilsyn utan rettl lite nyttig")
    assert a.verdict == "supported" and "1–9" in first_line(a), a.answer
    a = assistant.ask("helsekontroll vs sykefraværsoppf bht nyttig")
    assert "70 %" in first_line(a) and "46 %" in first_line(a), a.answer


def test_a_pronoun_pointing_to_nothing_is_asked_back(assistant):
    a = assistant.ask("hva sier den om de små?")
    assert not a.answerable and a.suggestions, a.answer


def test_a_committee_named_in_a_story_is_no_sample_question(assistant):
    a = assistant.ask(
        "Jeg lager en intern presentasjon om Arbeidstilsynet til HMS-utvalget vårt og vil være ærlig om "
        "datagrunnlaget. Hvor mange bedrifter ligger bak tallene om nytten av tilsyn der det ikke ble gitt "
        "veiledning, altså hva er N?"
    )
    assert "336" in first_line(a) and "uten veiledning" in first_line(a), a.answer


def test_a_question_quoted_in_other_words_and_the_base_of_a_figure(assistant):
    a = assistant.ask("Kva svarskala vart brukt på spørsmålet om kor mykje ulike roller betyr for arbeidsmiljøarbeidet?")
    assert "svært liten betydning" in a.answer or "betydning følgende roller" in a.answer, a.answer
    a = assistant.ask("Kor mange svar byggjer det talet på?", ["Hvor nyttig var tilsyn med veiledning?"])
    assert "257" in first_line(a), a.answer


def test_a_close_paraphrase_of_a_question_counts_only_when_clearly_ahead(assistant):
    a = assistant.ask("Hvilke svaralternativer fikk lederne på spørsmålet om hvor de vil at de ansatte skal jobbe?")
    assert "Hvor ønsker du som leder" in a.answer, a.answer

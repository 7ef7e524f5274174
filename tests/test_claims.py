"""Unit tests of assistant.claims: detect (claim frames), parse (figures, quantifiers, comparisons,
changes, groups, waves) and judge (verdicts on hand-made figure rows), without the pipeline."""

from __future__ import annotations

import pytest

from assistant.claims import detect, judge, parse, split_figures
from assistant.claims.check import aggregate, as_question
from assistant.claims.parse import side_groups
from assistant.claims.prose import prose_figures
from assistant.claims.readings import band_of

# ------------------------------------------------------------------------------------------------ detect


@pytest.mark.parametrize(
    "text, claim",
    [
        (
            "Kan jeg skrive at 30 prosent opplevde bedre produktivitet?",
            "30 prosent opplevde bedre produktivitet",
        ),
        ("Stemmer det at 77 prosent har avtale med BHT?", "77 prosent har avtale med BHT"),
        (
            "Er det riktig at 1 av 4 var i kontakt med Arbeidstilsynet?",
            "1 av 4 var i kontakt med Arbeidstilsynet",
        ),
        ("Kan vi si at flertallet er fornøyd?", "flertallet er fornøyd"),
        (
            "«Hele 7 av 10 synes helsekontrollene er nyttige.» Stemmer det?",
            "Hele 7 av 10 synes helsekontrollene er nyttige",
        ),
        ("Sjekk: 55 prosent hadde hjemmekontor i juni 2022.", "55 prosent hadde hjemmekontor i juni 2022"),
        ("En journalist påstår at 2500 bedrifter svarte.", "2500 bedrifter svarte"),
        (
            "Kan eg skrive at 44 prosent har diskutert tilgjengelegheit?",
            "44 prosent har diskutert tilgjengelegheit",
        ),
        ("Er det rett at dei fleste har avtale?", "dei fleste har avtale"),
        (
            "Stemmer det at 51 % av de største bedriftene har hatt kontakt?",
            "51 % av de største bedriftene har hatt kontakt",
        ),
        (
            "Kan jeg skrive i pressemeldingen at 13 prosent fikk bedre produktivitet?",
            "13 prosent fikk bedre produktivitet",
        ),
        ("13 prosent fikk bedre produktivitet, stemmer det?", "13 prosent fikk bedre produktivitet"),
        ("Er følgende riktig: 77 prosent har avtale med BHT", "77 prosent har avtale med BHT"),
        ("Holder det å si at 77 prosent har avtale?", "77 prosent har avtale"),
        ("Vi skriver i pressemeldingen at 77 prosent har avtale – stemmer det?", "77 prosent har avtale"),
        ("NRK skriver at 77 prosent har avtale. Er det korrekt?", "77 prosent har avtale"),
        (
            "Stemmer det at de fleste bedriftene sier at de har avtale?",
            "de fleste bedriftene sier at de har avtale",
        ),
    ],
)
def test_detect_strips_the_frame(text, claim):
    request = detect(text)
    assert request is not None and request.claims == [claim]


@pytest.mark.parametrize(
    "text",
    ["Hvor mange bedrifter svarte?", "Hva sier rapporten om hjemmekontor?", "Hvor nyttig var BHT?", ""],
)
def test_questions_are_not_claims(text):
    assert detect(text) is None


def test_bare_check_has_no_claim():
    assert detect("Stemmer det?").claims == []
    assert detect("Sjekk!").claims == []


@pytest.mark.parametrize(
    "text",
    [
        "Kan du sjekke et tall for meg?",
        "Sjekk denne setningen for meg",
        "Kan du faktasjekke pressemeldingen vår?",
        "Stemer det?",
        "Kan du sjekke noen tall fra rapporten?",
    ],
)
def test_a_check_that_states_nothing_asks_back(text):
    request = detect(text)
    assert request is not None and request.claims == []


@pytest.mark.parametrize(
    "text, claim",
    [
        ("Stemer det at 77 prosent har avtale?", "77 prosent har avtale"),
        ("«77 prosent har avtale.» Stemer det?", "77 prosent har avtale"),
        ("Er det riktg at 77 prosent har avtale?", "77 prosent har avtale"),
    ],
)
def test_frames_with_typos(text, claim):
    assert detect(text).claims == [claim]


def test_a_check_of_a_question_is_the_question():
    assert detect("Kan du sjekke hvor mange som har avtale med BHT?") is None


def test_long_draft_is_checked_sentence_by_sentence_up_to_a_limit():
    sentences = [f"{10 + i} prosent av bedriftene svarte ja på spørsmål {i}." for i in range(12)]
    request = detect("Sjekk dette utkastet: " + " ".join(sentences))
    assert len(request.claims) == 8 and len(request.unchecked) == 4
    # sentences without anything to check are left out of a draft
    request = detect("Sjekk: Barometeret er nytt. 77 prosent har avtale med BHT.")
    assert request.claims == ["77 prosent har avtale med BHT"]


# ------------------------------------------------------------------------------------------------ parse


@pytest.mark.parametrize(
    "claim, kind, low, high",
    [
        ("30 prosent av bedriftene", "pct", 29.5, 30.5),
        ("om lag 30 prosent", "pct", 27.0, 33.0),
        ("over 50 prosent", "pct", 50.0, 100.0),
        ("under 20 %", "pct", 0.0, 20.0),
        ("1 av 4 bedrifter", "ratio", 20.0, 30.0),
        ("to av tre bedrifter", "ratio", 61.67, 71.67),
        ("7 av 10", "ratio", 65.0, 75.0),
        ("flertallet av bedriftene", "quant", 50.5, 100.0),
        ("halvparten av bedriftene", "quant", 45.0, 55.0),
        ("om lag halvparten", "quant", 44.0, 56.0),
        ("hver fjerde bedrift", "quant", 20.0, 30.0),
        ("nesten alle bedrifter", "quant", 90.0, 100.0),
        ("fleirtalet av verksemdene", "quant", 50.5, 100.0),
        ("1713 bedrifter svarte", "count", 1712.5, 1713.5),
        ("en skår på 3,9", "mean", 3.85, 3.95),
        ("svarprosenten i juni var 13", "pct", 12.5, 13.5),  # a bare number after its share noun
        ("andelen med avtale er 40", "pct", 39.5, 40.5),
        ("færre enn hver femte bedrift", "quant", 0.0, 20.0),  # a bound before a quantifier
        ("mer enn hver tredje bedrift", "quant", 33.0, 100.0),
        ("de fleste syntes kontakten var nyttig – 6 av 10", "ratio", 55.0, 65.0),  # one figure, restated
        ("flertallet (56 %) har avtale", "pct", 55.5, 56.5),
    ],
)
def test_parse_amounts(claim, kind, low, high):
    amounts = parse(claim).amounts
    assert len(amounts) == 1
    a = amounts[0]
    assert a.kind == kind and round(a.low, 2) == low and round(a.high, 2) == high


@pytest.mark.parametrize(
    "claim",
    [
        "bedrifter med 1–9 ansatte har avtale",
        "bedrifter med 200 eller flere ansatte",
        "NAVs dialogmøte 2 var nyttig",
        "tilsyn med covid-19-forskriften",
        "i november 2021",
        "de siste tre årene",
    ],
)
def test_names_are_not_figures(claim):
    assert parse(claim).amounts == []


def test_parse_comparison_change_groups_waves():
    p = parse("Små bedrifter har oftere vært i kontakt med Arbeidstilsynet enn store bedrifter")
    assert p.comparison == "more" and p.comparator == "oftere"
    assert "små bedrifter" in p.sides[0] and p.sides[1] == "store bedrifter"
    assert parse("flere enn 200 ansatte har kontakt").comparison is None  # a group, not a comparison
    assert parse("mer enn halvparten har hjemmekontor").comparison is None
    p = parse("Andelen med hjemmekontor falt fra 2021 til 2022")
    assert p.change == "down" and p.waves == ["2021-11", "2022-06"]
    assert parse("Produktiviteten økte med hjemmekontor").change is None  # no time span: an answer option
    assert parse("de minste bedriftene").groups[0][:2] == ("storrelse", "smallest")
    assert parse("bedrifter med 50–199 ansatte").groups[0][2:] == (50.0, 199.0)
    assert parse("bedrifter i Oslo").groups[0][:2] == ("fylke", "Oslo")
    assert parse("i juni 2022").waves == ["2022-06"]
    assert parse("Ifølge SSB er sykefraværet 6 prosent").other_source == "ssb"
    assert parse("har ikke ansatte på hjemmekontor").negated


def test_split_figures_and_question_form():
    assert split_figures("77 prosent har avtale, og 64 prosent synes de er nyttige") == [
        "77 prosent har avtale",
        "64 prosent synes de er nyttige",
    ]
    assert split_figures("fra 65 prosent i november 2021 til 55 prosent i juni 2022") == [
        "fra 65 prosent i november 2021 til 55 prosent i juni 2022"
    ]
    assert (
        as_question(parse("1 av 4 bedrifter har vært i kontakt")) == "hvor mange bedrifter har vært i kontakt"
    )


def test_band_of_labels():
    assert band_of("50–199") == (50.0, 199.0)
    assert band_of("opp til 9 årsverk") == (1.0, 9.0)
    assert band_of("Alle") is None


def test_prose_figures_carry_their_group_and_wave():
    s = "Endringen fra 65 prosent i november 2021 til 55 prosent i juni 2022 tyder på en nedgang"
    assert [(f["value"], f["wave"]) for f in prose_figures(s)] == [(65.0, "2021-11"), (55.0, "2022-06")]
    s = "Høyest andel finner vi blant bedrifter med flere enn 200 ansatte (51 %), og lavest blant 1-9 ansatte (15 %)"
    assert [(f["value"], f["group_label"]) for f in prose_figures(s)] == [
        (51.0, "200 eller flere"),
        (15.0, "1–9"),
    ]


# ------------------------------------------------------------------------------------------------ judge


def _row(option, value, item="Produktivitet", group="Alle", wave="2021-11", source="Tabell 2", n="1706"):
    dim = "total" if group == "Alle" else "storrelse"
    return {
        "value": value, "unit": "pct", "option": option, "item": item, "group_label": group, "group_dim": dim,
        "wave": wave, "source": source, "n": n, "question_id": "HJEM_ENDRING",
    }  # fmt: skip


TABELL_2 = [
    _row("Negativ endring", 11.0),
    _row("Ingen endring", 39.0),
    _row("Positiv endring", 13.0),
    _row("Ikke relevant", 30.0),
    _row("Vet ikke", 6.0),
]


def _judge(claim, figures, options=(), sides=None):
    p = parse(claim)
    p.options = list(options)
    if sides:
        p.side_options = sides
    return judge(p, figures)


@pytest.mark.parametrize(
    "claim, verdict",
    [
        ("13 prosent opplevde bedre produktivitet", "supported"),
        ("om lag 15 prosent opplevde bedre produktivitet", "supported"),
        ("1 av 10 opplevde bedre produktivitet", "supported"),
        ("hver tiende bedrift opplevde bedre produktivitet", "supported"),
        ("30 prosent opplevde bedre produktivitet", "contradicted"),
        ("flertallet opplevde bedre produktivitet", "contradicted"),
        ("en av fire opplevde bedre produktivitet", "contradicted"),
        ("13 prosent opplevde bedre produktivitet i juni 2022", "contradicted"),  # wrong wave
        ("13 prosent opplevde bedre produktivitet i 2021", "supported"),
    ],
)
def test_judge_one_figure(claim, verdict):
    assert _judge(claim, TABELL_2, ["Positiv endring"]).verdict == verdict


def test_judge_gives_the_report_figure_and_a_correction():
    v = _judge("30 prosent av bedriftene opplevde bedre produktivitet", TABELL_2, ["Positiv endring"])
    assert v.verdict == "contradicted" and v.lead.startswith("Nei.")
    assert "13 %" in v.lead and "Tabell 2" in v.lead and "november 2021" in v.lead
    assert v.corrected == "13 prosent av bedriftene opplevde bedre produktivitet"
    v = _judge("Flertallet av bedriftene opplevde bedre produktivitet", TABELL_2, ["Positiv endring"])
    assert v.corrected == "13 prosent av bedriftene opplevde bedre produktivitet"
    v = _judge("13 prosent opplevde bedre produktivitet i juni 2022", TABELL_2, ["Positiv endring"])
    assert v.corrected == "13 prosent opplevde bedre produktivitet i november 2021"


def test_judge_comparison_and_direction():
    sides = (["Negativ endring"], ["Positiv endring"])
    assert (
        _judge("Flere opplevde negativ enn positiv endring", TABELL_2, sides=sides).verdict == "contradicted"
    )
    assert _judge("Færre opplevde negativ enn positiv endring", TABELL_2, sides=sides).verdict == "supported"
    v = _judge("Flere opplevde negativ enn positiv endring", TABELL_2, sides=sides)
    assert v.corrected == "Færre opplevde negativ enn positiv endring"
    # no figure: a direction is weighed against its opposite (13 % positive, 11 % negative)
    assert _judge("Produktiviteten ble bedre", TABELL_2, ["Positiv endring"]).verdict == "supported"
    assert _judge("Produktiviteten ble dårligere", TABELL_2, ["Negativ endring"]).verdict == "contradicted"


def test_judge_groups():
    rows = [
        _row("Ja", 15.0, item=None, group="1–9", source="Figur 29"),
        _row("Ja", 51.0, item=None, group="200 eller flere", source="Figur 29"),
    ]
    assert _judge("51 prosent av de største bedriftene har hatt kontakt", rows).verdict == "supported"
    v = _judge("51 prosent av de minste bedriftene har hatt kontakt", rows)
    assert v.verdict == "contradicted" and "15" in v.lead and "200 eller flere" in v.lead
    sides = ([], [])
    v = _judge("De minste bedriftene har oftere hatt kontakt enn de største bedriftene", rows, sides=sides)
    assert v.verdict == "contradicted"
    v = _judge("45 prosent av bedriftene i Oslo har hatt kontakt", rows)
    assert v.verdict == "not_in_report"


def test_judge_prose_figures_and_other_sources():
    sentence = (
        "Resultatene viser at 1 av 4 bedrifter oppgir at de har vært i kontakt med Arbeidstilsynet i 2021."
    )
    figures = prose_figures(sentence, "6.2", "6.2 Tilsyn", "2021-11")
    assert _judge("1 av 4 bedrifter har vært i kontakt med Arbeidstilsynet", figures).verdict == "supported"
    assert _judge("25 prosent har vært i kontakt med Arbeidstilsynet", figures).verdict == "supported"
    assert _judge("halvparten har vært i kontakt med Arbeidstilsynet", figures).verdict == "contradicted"
    # a sentence on another topic does not speak to the claim
    assert _judge("40 prosent har innført firedagersuke", figures).verdict == "not_in_report"
    assert (
        _judge("YS Arbeidslivsbarometer viser at 70 prosent er fornøyde", TABELL_2).verdict == "not_in_report"
    )
    assert _judge("30 prosent er fornøyde", []).verdict == "not_in_report"


def test_aggregate():
    assert aggregate(["supported", "supported"]) == "supported"
    assert aggregate(["supported", "not_in_report"]) == "partly"
    assert aggregate(["contradicted", "contradicted"]) == "contradicted"
    assert aggregate(["not_in_report"]) == "not_in_report"


def test_eval_scores_claim_cases_by_verdict():
    from assistant.evaluate import check_case

    case = {"question": "Stemmer det at …?", "claim": "not_in_report"}
    assert (
        check_case(
            case,
            {"answer": "Rapporten sier ikke noe om dette.", "answerable": False, "verdict": "not_in_report"},
        )
        == []
    )
    assert check_case({**case, "claim": False}, {"answer": "Ja.", "answerable": True, "verdict": "supported"})
    assert (
        check_case({**case, "claim": True}, {"answer": "Ja.", "answerable": True, "verdict": "supported"})
        == []
    )


def test_report_roundings_are_compared_as_an_editor_would():
    sentence = "4 av 10 bedrifter svarer at de har brukt NAVs digitale oppfølging."
    figures = prose_figures(sentence, "5.3", "5.3 Dialog", "2021-11")
    claim = "bedrifter har brukt NAVs digitale oppfølging"
    assert _judge(f"halvparten av {claim}", figures).verdict == "contradicted"  # 45–55 is not «4 av 10»
    assert _judge(f"40 prosent av {claim}", figures).verdict == "supported"
    assert _judge(f"et mindretall av {claim}", figures).verdict == "supported"
    figures = prose_figures("Om lag 1 av 6 bedrifter opplever at langvarig sykefravær er en utfordring.")
    assert (
        _judge("1 av 5 bedrifter opplever at langvarig sykefravær er en utfordring", figures).verdict
        == "contradicted"
    )


def test_a_figure_for_the_plain_answer_alone_holds():
    rows = [_row("Nyttig", 49.0, item="Kartlegging"), _row("Svært nyttig", 19.0, item="Kartlegging")]
    v = _judge("49 prosent synes kartleggingen er nyttig", rows, ["Nyttig", "Svært nyttig"])
    assert v.verdict == "supported" and "68 %" in v.lead
    assert (
        _judge("68 prosent synes kartleggingen er nyttig", rows, ["Nyttig", "Svært nyttig"]).verdict
        == "supported"
    )
    assert (
        _judge("19 prosent synes kartleggingen er nyttig", rows, ["Nyttig", "Svært nyttig"]).verdict
        == "contradicted"
    )


@pytest.mark.parametrize(
    "claim, source",
    [
        ("LOs tillitsvalgtundersøkelse viser at 60 prosent er fornøyd", "los tillitsvalgtundersøkelse"),
        ("YS Arbeidslivsbarometer sier at 4 av 10 jobber hjemme", "ys arbeidslivsbarometer"),
        ("Fafos måling viser at flertallet har hjemmekontor", "fafos måling"),
    ],
)
def test_another_organisations_survey_is_another_source(claim, source):
    assert parse(claim).other_source == source


@pytest.mark.parametrize(
    "claim",
    ["NAVs dialogmøte 2 var nyttig for 6 av 10", "de fleste har avtale, og 6 av 10 synes den er nyttig"],
)
def test_no_other_source_without_another_survey(claim):
    assert parse(claim).other_source is None


def test_a_quantifier_and_a_separate_figure_stay_two_figures():
    assert [a.text for a in parse("de fleste har avtale, og 6 av 10 synes den er nyttig").amounts] == [
        "de fleste",
        "6 av 10",
    ]


def test_hedged_ratio_holds_against_the_reports_rounded_ratio():
    from assistant.claims.readings import Reading, fits_amount

    report = {
        "text": "Om lag 1 av 3",
        "value": 100 / 3,
        "unit": "pct",
        "low": 100 / 3 - 5,
        "high": 100 / 3 + 5,
    }
    r = Reading(value=100 / 3, unit="pct", rows=[report], fit=1.0, low=report["low"], high=report["high"])
    assert fits_amount(parse("rundt 3 av 10 bedrifter").amounts[0], r)
    assert not fits_amount(parse("1 av 5 bedrifter").amounts[0], r)


def test_a_change_is_judged_on_one_measure_in_both_waves_not_two_unrelated_figures():
    june = {**_row("Har ansatte på hjemmekontor (sum)", 55.0, item="", wave="2022-06", source="Figur 1"),
            "question_id": "HJEM_SITUASJON"}  # fmt: skip
    # November's figure is of another question (Tabell 2): no change can be read from the two
    v = _judge("Andelen med positiv endring økte fra november 2021 til juni 2022", [*TABELL_2, june])
    assert v.verdict == "not_in_report", v
    nov = {**_row("Andel med noe arbeid på hjemmekontor (sum)", 65.0, item="", source="Figur 1"),
           "question_id": "HJEM_SITUASJON"}  # fmt: skip
    v = _judge("Andelen med ansatte på hjemmekontor økte fra november 2021 til juni 2022", [nov, june])
    assert v.verdict == "contradicted" and "65 %" in v.lead and "55 %" in v.lead, v


def test_a_bare_comparative_after_enn_is_no_size_group():
    p = parse("flere bedrifter har fått mer støtte fra NAV Arbeidslivssenter de siste tre årene enn mindre")
    assert side_groups(p.sides[1]) == []
    assert side_groups("de store")[0][1] == "largest"


def test_the_basis_lists_each_line_once():
    from assistant.claims.compose import _without_repeats

    out = _without_repeats(
        ["- **November 2021**: 1 713 svar.\n- Tabell 11: 1 713.", "- **November 2021**: 1 713 svar."]
    )
    assert out == ["- **November 2021**: 1 713 svar.\n- Tabell 11: 1 713."]

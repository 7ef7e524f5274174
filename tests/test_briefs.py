"""Key-figure briefs (assistant/briefs.py): recognising the request, the theme's questions, and the brief
itself through the real Assistant — the number of figures asked for, one source each, and every number
either quoted from the report or equal to a database row."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from assistant.briefs import detect, match_theme

REPORT = (Path(__file__).resolve().parent.parent / "knowledge" / "report.txt").read_text(encoding="utf-8")
REPORT_FLAT = re.sub(r"\s+", " ", REPORT)


@pytest.mark.parametrize(
    "text, count, theme",
    [
        ("Gi meg tre tall om hjemmekontor", 3, "hjemmekontor"),
        ("nøkkeltall om sykefravær", 3, "sykefravær"),
        ("Hva er hovedfunnene om bedriftshelsetjenesten?", 3, "bedriftshelsetjenesten"),
        ("Hva er den viktigste saken om Arbeidstilsynet?", 3, "arbeidstilsynet"),
        ("fem tall om Arbeidstilsynet til et nyhetsbrev", 5, "arbeidstilsynet"),
        ("Gi meg 4 nøkkeltall om NAV Arbeidslivssenter", 4, "nav arbeidslivssenter"),
        ("Gje meg tre tal om heimekontor", 3, "hjemmekontor"),
        ("Kan du gi meg ti tall om sykefravær til en pressemelding?", 5, "sykefravær"),
        ("Gi meg to tall om BHT", 3, "bedriftshelsetjenesten"),
    ],
)
def test_detect(text, count, theme):
    request = detect(text)
    assert request is not None and (request.count, request.theme) == (count, theme)


@pytest.mark.parametrize(
    "text",
    [
        "Hvor mange bedrifter har avtale med BHT?",
        "Hva er hovedfunnene?",
        "Stemmer det at 77 prosent har avtale?",
    ],
)
def test_not_a_brief(text):
    assert detect(text) is None


def test_match_theme_is_data_driven():
    assert match_theme("Arbeidstilsynet") == (["AT_KONTAKT", "AT_NYTTE"], None)
    qids, chapter = match_theme("sykefravær")
    assert chapter == "5" and {"SF_UTFORDRING", "SF_DIALOG", "SF_NYTTE"} <= set(qids)
    assert set(match_theme("NAV Arbeidslivssenter")[0]) == {
        "NAV_ALS_KONTAKT",
        "NAV_ALS_NYTTE",
        "NAV_ALS_UTVIKLING",
    }
    assert match_theme("lønn") == ([], None)


def _figure_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if re.match(r"^\d+\. ", line)]


def _values(rows) -> set[float]:
    return {round(float(r["value"]), 2) for r in rows}


@pytest.mark.parametrize(
    "question, count",
    [
        ("Gi meg tre tall om hjemmekontor", 3),
        ("nøkkeltall om sykefravær", 3),
        ("Hva er hovedfunnene om bedriftshelsetjenesten?", 3),
        ("Hva er den viktigste saken om Arbeidstilsynet?", 3),
        ("fem tall om Arbeidstilsynet til et nyhetsbrev", 5),
        ("Gi meg tre tall om forebyggende arbeidsmiljøarbeid", 3),
    ],
)
def test_brief_has_figures_sources_and_only_report_numbers(assistant, question, count):
    answer = assistant.ask(question)
    assert answer.answerable and answer.verdict is None
    lines = _figure_lines(answer.answer)
    assert len(lines) == count
    assert len({s.label for s in answer.sources}) >= 3, [s.label for s in answer.sources]
    first_paragraph = answer.answer.split("\n\n")[0]
    assert all(line in first_paragraph for line in lines)  # the figures are the answer's lead
    rows = answer.data or []
    for line in lines:
        sentence, source = re.match(r"^\d+\. (.*) \(Kilde: (.+)\)$", line).groups()
        assert any(s.label == source for s in answer.sources), source
        quoted = re.fullmatch(r"«(.*)\.»", sentence)
        if quoted:  # quoted from the report, word for word
            assert re.sub(r"\s+", " ", quoted.group(1)) in REPORT_FLAT, sentence
            continue
        # composed around database rows: every share is a row's value or the sum of the ones it names
        values = _values(rows)
        shares = [float(x.replace(",", ".")) for x in re.findall(r"(\d+(?:,\d+)?) %", sentence)]
        assert shares
        for x in shares:
            assert x in values or "til sammen" in sentence, (x, sentence)


def test_brief_on_table_figures_is_a_data_answer_with_a_chart(assistant):
    answer = assistant.ask("Hva er hovedfunnene om bedriftshelsetjenesten?")
    assert answer.route == "data" and answer.chart is not None and answer.sql
    labels = [s.label for s in answer.sources]
    assert "Tabell 7" in labels and "Figur 32" in labels
    assert "Slik er tallene valgt" in answer.answer


def test_unknown_theme_says_what_the_report_has(assistant):
    answer = assistant.ask("Gi meg tre tall om lønn")
    assert not answer.answerable and answer.route == "none" and answer.suggestions
    assert "Sykefravær og sykefraværsoppfølging" in answer.answer


# ------------------------------------------------------------------ requests worded freely (claims2)

BRIEFS = yaml.safe_load(
    (Path(__file__).resolve().parent / "fixtures" / "briefs.yaml").read_text(encoding="utf-8")
)


def test_brief_fixture_structure():
    assert len(BRIEFS) >= 15 and len({c["id"] for c in BRIEFS}) == len(BRIEFS)
    for c in BRIEFS:
        assert set(c) <= {"id", "question", "count", "theme", "sources", "min_sources"}, c["id"]
        assert 3 <= c["count"] <= 5, c["id"]


@pytest.mark.parametrize("case", BRIEFS, ids=[c["id"] for c in BRIEFS])
def test_brief_fixture_detect(case):
    request = detect(case["question"])
    assert request is not None and (request.count, request.theme) == (case["count"], case["theme"])


@pytest.mark.parametrize("case", BRIEFS, ids=[c["id"] for c in BRIEFS])
def test_brief_fixture_answer(assistant, case):
    answer = assistant.ask(case["question"])
    assert answer.answerable and answer.verdict is None
    assert len(_figure_lines(answer.answer)) == case["count"]
    labels = {s.label for s in answer.sources}
    assert len(labels) >= case.get("min_sources", 3), labels
    assert any(label.startswith(e) for e in case["sources"] for label in labels), labels


@pytest.mark.parametrize(
    "text, theme",
    [
        ("Jeg skal skrive om BHT, hvilke tall bør jeg bruke?", "bedriftshelsetjenesten"),
        ("Hvilke tall bør jeg bruke i en sak om sykefravær?", "sykefravær"),
        ("Gi meg tre tall til en sak om hjemmekontor", "hjemmekontor"),
        ("Trenger noen BHT-tall til styremøtet", "bedriftshelsetjenesten"),
    ],
)
def test_detect_free_wording(text, theme):
    assert detect(text).theme == theme


@pytest.mark.parametrize(
    "text",
    [
        "Hvor mange tall om sykefravær finnes?",
        "Kan du sjekke et tall for meg?",
    ],
)
def test_questions_and_checks_are_not_briefs(text):
    assert detect(text) is None


def test_compound_themes_match_the_chapter():
    assert match_theme("sykefraværsoppfølgingen")[1] == "5"
    assert match_theme("sykefraværstall")[1] == "5"
    assert match_theme("arbeidstilsynet") == (["AT_KONTAKT", "AT_NYTTE"], None)  # a stem is not a compound


def test_a_brief_asked_for_after_the_purpose_without_a_count():
    from assistant.briefs.request import detect

    req = detect(
        "Jeg skriver en pressemelding om sykefravær. Gi meg de viktigste tallene fra barometeret med kilde."
    )
    assert req is not None and req.count == 3 and req.theme == "sykefravær"


def test_figures_on_how_many_is_one_question_not_a_brief():
    from assistant.briefs.request import detect

    assert detect("Kan du gi meg tall på hvor mange som har hjemmekontor fordelt på bransje?") is None
    assert detect("Trenger nøkkeltall om hvordan hjemmearbeid har påvirket bedriftene") is not None


@pytest.mark.parametrize(
    "question, theme",
    [
        ("Hva sier rapporten om hjemmekontor?", "hjemmekontor"),
        ("Kva seier rapporten om heimekontor?", "hjemmekontor"),
        ("Hva sier undersøkelsen om Arbeidstilsynet?", "arbeidstilsynet"),
        ("Hva sier rapporten om NAVs digitale oppfølging?", None),  # one question, not a chapter
        ("Hva sier rapporten om vekting?", None),
        ("Hva sier rapporten om kontakten med Arbeidstilsynet i 2021?", None),
    ],
)
def test_what_the_report_says_about_a_whole_chapter_or_actor_is_a_brief(question, theme):
    found = detect(question)
    assert (found.theme if found else None) == theme, found


def test_a_chapter_narrowed_to_a_group_is_not_a_whole_chapter_brief():
    assert detect("Kva seier undersøkinga om sjukefråvær hjå små verksemder?") is None

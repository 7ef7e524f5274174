"""Passage parsing: sections, captions, footnotes, pages and repairs of the extracted report text."""

from __future__ import annotations

import pytest

from assistant.report import dehyphenate, figure_refs, parse_report, section_titles, split_sentences


@pytest.fixture(scope="module")
def passages():
    return parse_report()


def test_all_sections_found_in_order(passages):
    titles = section_titles(passages)
    assert list(titles) == [
        "0", "1", "2.1", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3",
        "6.1", "6.2", "6.3", "6.4", "7.1", "7.2", "7.3", "8",
    ]  # fmt: skip
    assert titles["6.2"] == "Tilsyn, veiledning og dialog med Arbeidstilsynet"
    # titles broken over two lines are joined
    assert titles["3.4"] == "Opplevde endringer som følge av hjemmearbeid og fjernarbeid"
    assert titles["8"] == "Vedlegg 2: Spørsmål og svaralternativer"


def test_tabell_3_is_in_section_6_2(passages):
    caption = next(p for p in passages if p.kind == "caption" and p.label == "Tabell 3")
    table = next(p for p in passages if p.kind == "table" and p.label == "Tabell 3")
    assert caption.section == "6.2"
    assert "Tilsyn med veiledning" in table.text and "N = 336 257 266 315" in table.text


def test_every_table_and_figure_caption_once(passages):
    labels = [p.label for p in passages if p.kind == "caption"]
    for n in range(1, 12):
        assert labels.count(f"Tabell {n}") == 1, n
    for n in range(1, 33):
        assert labels.count(f"Figur {n}") == 1, n


def test_page_from_header(passages):
    tabell9 = next(p for p in passages if p.kind == "caption" and p.label == "Tabell 9")
    assert tabell9.page == 48
    page12 = [p for p in passages if p.page == 12]
    assert any(p.text.startswith("De fant at 27 prosent av de ansatte") for p in page12)
    # text before a header is not given that header's page
    before = next(p for p in passages if "Svarskalaen er med andre ord skjev" in p.text)
    assert before.page != 48


def test_footnotes_are_separate_and_markers_removed(passages):
    fn9 = next(p for p in passages if p.kind == "footnote" and p.label == "Fotnote 9")
    assert fn9.section == "3.2"
    assert "33 prosent svarte «Ikke noe»" in fn9.text
    prose = " ".join(p.text for p in passages if p.kind == "prose")
    assert "utført på hjemmekontor." in prose  # the glued marker "hjemmekontor.9" is gone
    assert "hjemmekontor.9" not in prose


def test_chart_labels_are_not_prose(passages):
    chart = next(p for p in passages if p.kind == "chart" and p.label == "Figur 12")
    assert chart.text.startswith("36 38 45 57 65")
    assert not any(p.text.startswith("36 38 45") for p in passages if p.kind == "prose")


def test_passages_refer_to_their_figures(passages):
    p = next(p for p in passages if "44 prosent av bedriftene har hatt diskusjon" in p.text)
    assert p.section == "3.3" and "Figur 4" in p.figures


def test_repairs():
    assert dehyphenate("Arbeidsmiljø- kartlegging") == "Arbeidsmiljøkartlegging"
    assert dehyphenate("IA- avtalen") == "IA-avtalen"
    assert dehyphenate("arbeidsgiver- og arbeidstakersiden") == "arbeidsgiver- og arbeidstakersiden"
    assert figure_refs("jf. figur 5 og 7, tabell 2") == ["Figur 5", "Tabell 2"]
    assert split_sentences("Det gjelder bl.a. ledere. Neste setning.") == [
        "Det gjelder bl.a. ledere.",
        "Neste setning.",
    ]


def test_a_sentence_broken_by_a_figure_and_a_page_break_is_joined(passages):
    joined = [p for p in passages if "analysene viser at 12 prosent av bedriftene" in p.text]
    assert joined and joined[0].text.startswith("Resultatet fra disse analysene viser"), joined

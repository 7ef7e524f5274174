"""Normalisation: nynorsk and colloquial words to the report's bokmål, typos, tokens."""

from __future__ import annotations

import pytest

from assistant.normalize import normalize, tokens


@pytest.mark.parametrize(
    ("text", "contains"),
    [
        (
            "Kva svaralternativ hadde spørsmålet om kor stor utfordring sjukefråværet er?",
            "hvor stor utfordring sykefraværet",
        ),
        ("Kor mange verksemder svarte?", "hvor mange virksomheter"),
        ("Har dei tilsette heimekontor?", "hjemmekontor"),
        ("Hvor nyttig var BHT?", "bedriftshelsetjenesten"),
        ("Hvor nyttig var AT sitt tilsyn?", "arbeidstilsynet"),
        ("sykefravar i bedriftene", "sykefravær"),
        ("bedriftshelsetjenst", "bedriftshelsetjenesten"),
        ("arbeidstilsynt", "arbeidstilsynet"),
    ],
)
def test_normalize(text, contains):
    assert contains in normalize(text)


@pytest.mark.parametrize("word", ["unyttig", "mangel", "uviktig"])
def test_typo_correction_does_not_flip_meaning(word):
    assert word in normalize(f"var det {word} for dem")


def test_lowercase_at_is_not_arbeidstilsynet():
    assert "arbeidstilsynet" not in normalize("Hva mener bedriftene at er viktig?")


def test_tokens_drop_stopwords_and_stem():
    assert tokens("Hvor nyttige var risikovurderingene?") == ["nytt", "risikovurdering"]
    assert tokens("") == []


@pytest.mark.parametrize("text", ["NAV ALS", "kontakt med NAV ALS", "NAV-ALS", "ALS"])
def test_an_abbreviation_after_its_expansions_first_word_is_not_doubled(text):
    out = normalize(text)
    assert "nav arbeidslivssenter" in out and "nav nav" not in out and "nav-nav" not in out, out

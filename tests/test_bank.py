"""The question bank (knowledge/bank/*.yaml): every target exists in the codebook, the published rows or the
report text, and has enough distinct phrasings."""

from __future__ import annotations

import json
import re

import pytest

from assistant import bank, knowledge, settings
from assistant.build import INDEX_DIR
from assistant.normalize import fold
from assistant.report import parse_report

BANK = bank.load()
QUESTIONS = {q["id"]: q for q in knowledge.questions()}
ROWS = knowledge.published_rows()


def _labels(qid: str, field: str) -> set[str]:
    out = {r[field] for r in ROWS if r["question_id"] == qid}
    q = QUESTIONS.get(qid) or {}
    key = "items" if field == "item" else "options"
    out |= {x["label"] for x in q.get(key) or []}
    return out


def test_bank_is_large_enough():
    assert len(BANK.targets) >= 300
    assert len(BANK.phrasings) >= 5 * len(BANK.targets)


@pytest.mark.parametrize("t", range(len(BANK.targets)), ids=lambda t: BANK.targets[t].key[:60])
def test_target_is_known(t):
    target = BANK.targets[t]
    assert target.route in bank.ROUTES
    phrasings = [p for p in BANK.phrasings if p.target == t]
    assert len(phrasings) >= 5, target
    if target.question_id:
        assert target.question_id in QUESTIONS or target.question_id == "UTVALG"
        if target.item:
            assert target.item in _labels(target.question_id, "item")
        for o in target.options:
            assert o in _labels(target.question_id, "option")
    if target.route == "text":
        assert target.quote


def test_every_quote_is_located_in_the_report():
    passages = parse_report()
    missing = [t.quote for t in BANK.targets if t.quote and bank.locate(t.quote, passages) is None]
    assert not missing


def test_locate_returns_the_fewest_sentences():
    passages = parse_report()
    pid, sentence = bank.locate("Vi har derfor ikke benyttet vekting av utvalget", passages)
    assert sentence.startswith("Vi har derfor ikke benyttet vekting")


def test_phrasings_are_distinct_and_normalised():
    seen = set()
    for p in BANK.phrasings:
        key = re.sub(r"\s+", " ", fold(p.text))
        assert key not in seen, p.text
        seen.add(key)
        assert p.norm == p.norm.lower()


def test_every_published_question_has_bank_phrasings():
    published = {r["question_id"] for r in ROWS if r["question_id"] != "UTVALG"}
    covered = {t.question_id for t in BANK.targets}
    assert published <= covered, published - covered


def test_phrasings_normalised_by_the_build_are_those_normalised_now(tmp_path):
    bank.save_norms(tmp_path, BANK)
    assert bank.load(tmp_path) == BANK
    assert bank.load(settings.data_dir() / INDEX_DIR) == BANK  # the build the other tests use


def test_phrasings_normalised_otherwise_are_normalised_again(tmp_path):
    stale = {"digest": "another lexicon", "norms": {p.text: "noe annet" for p in BANK.phrasings}}
    (tmp_path / bank.NORMS_FILE).write_text(json.dumps(stale), encoding="utf-8")
    assert bank.load(tmp_path) == BANK
    assert bank.load(tmp_path / "missing") == BANK

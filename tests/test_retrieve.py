"""Retrieval: BM25 on stemmed Norwegian plus dense vectors, fused by reciprocal rank."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.build import INDEX_DIR
from assistant.retrieve import BM25, Index


@pytest.fixture(scope="module")
def index(built):
    return Index.load(built / INDEX_DIR)


@pytest.mark.parametrize(
    ("query", "section", "phrase"),
    [
        ("ble utvalget vektet", "7.2", "ikke benyttet vekting"),
        ("signifikanstesting av forskjeller", "7.3", "signifikanstesting"),
        ("hvorfor er svarskalaen for roller skjev", "7.3", "skjev"),
        ("langtids sykefravær landsforeninger", "5.2", "NHO Transport"),
        ("NAVs dialogmøte 2 nyttig", "5.3", "6 av 10"),
    ],
)
def test_finds_the_passage(assistant, index, query, section, phrase):
    qvec = assistant.embedder.query(query)
    hits = index.search(query, qvec, k=5)
    assert any(p.section == section and phrase in p.text for p, _ in hits), [
        (p.section, p.text[:60]) for p, _ in hits
    ]


def test_lexical_only_and_dense_only_both_work(assistant, index):
    lexical = Index(index.passages, None)
    hits = lexical.search("vekting av utvalget", None, k=3)
    assert hits and hits[0][0].section == "7.2"
    qvec = assistant.embedder.query("hvor mange bedrifter ble invitert og hvor mange svarte")
    dense = index.search("zzzz", qvec, k=3)  # no lexical match: the vectors alone still rank passages
    assert dense and any("16 861 bedrifter invitert" in p.text for p, _ in dense)


def test_allowed_and_boost(index):
    allowed = {p.id for p in index.passages if p.section == "6.4"}
    hits = index.search("nyttig", None, k=5, allowed=allowed)
    assert hits and all(p.section == "6.4" for p, _ in hits)


def test_bm25_prefers_rare_terms():
    bm = BM25([["a", "b"], ["a", "c"], ["a", "a", "b"]])
    s = bm.scores(["c"])
    assert int(np.argmax(s)) == 1 and s[0] == 0

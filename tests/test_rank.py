"""The ranker and the answer calibration: fitted weights on file, and what they do."""

from __future__ import annotations

import json

import numpy as np

from assistant import confidence, rank
from assistant.fit import choose_threshold, examples, fit_logistic


def test_weights_are_fitted_and_on_file():
    model = json.loads(rank.PATH.read_text(encoding="utf-8"))
    assert model["question"]["features"] == list(rank.FEATURES)
    assert len(model["question"]["weights"]) == len(rank.FEATURES)
    assert model["answer"]["features"] == list(confidence.FEATURES)
    assert 0.0 <= model["answer"]["threshold"] < 1.0
    assert model["question"]["examples"] > 500


def test_probability_is_monotone_in_the_bank_vote():
    r = rank.Ranker.load()
    low = r.probability([0.5, 0.5, 0.0, 0.0, 0.5, 0.0])
    high = r.probability([0.5, 0.5, 0.9, 0.5, 0.5, 0.0])
    assert 0.0 < low < high < 1.0


def test_ranker_puts_the_right_question_first_for_most_bank_phrasings(assistant):
    """Each phrasing scored against the bank without itself: the question of its target ranks first."""
    data = examples(assistant)
    r = assistant.match.ranker
    right = sum(max(f, key=lambda c: r.probability(f[c])) == qid for f, qid in data if f)
    assert right / len(data) >= 0.8


def test_fit_logistic_separates_and_threshold_prefers_asking_back_on_wrong_answers():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 1))
    y = (x[:, 0] + 0.3 * rng.normal(size=400) > 0).astype(float)
    w, b = fit_logistic(x, y)
    assert w[0] > 1.0
    probs = 1 / (1 + np.exp(-(x[:, 0] * w[0] + b)))
    t = choose_threshold(probs, y > 0.5, wrong_cost=2.0)
    assert 0.2 <= t <= 0.8


def test_scale_words_favour_questions_on_that_scale(assistant):
    """'Hvor nyttig …' fits the usefulness questions, 'har hatt kontakt' the yes/no ones; with both, the
    rating scale wins; without either, the feature says nothing."""
    m = assistant.match
    assert m.asked_scales("hvor nyttig var tilsynet?") == {"useful"}
    assert m.asked_scales("hvor mange har hatt kontakt med arbeidstilsynet?") == {"yesno"}
    assert m.asked_scales("hvor mange har hatt nytte av arbeidstilsynet?") == {"useful"}
    assert m.asked_scales("hvor mange bedrifter svarte?") == set()
    feats = m.question_features("hvor mange har hatt tilsyn fra arbeidstilsynet?", None)
    assert feats["AT_KONTAKT"][-1] == 1.0 and feats["AT_NYTTE"][-1] == -1.0
    model = json.loads(rank.PATH.read_text(encoding="utf-8"))
    assert model["question"]["weights"][rank.FEATURES.index("scale")] > 0  # fitted, and it helps


def test_bank_max_is_the_maximum_per_question(assistant):
    m = assistant.match
    values = np.random.default_rng(0).random(len(m._bank_qidx))
    fast, slow = np.full(len(m._qid_names), 0.8), np.full(len(m._qid_names), 0.8)
    m.bank_max(fast, values)
    keep = m._bank_qidx >= 0
    np.maximum.at(slow, m._bank_qidx[keep], values[keep])
    assert np.array_equal(fast, slow)


def test_bank_similarities_are_computed_once_per_vector(assistant):
    m = assistant.match
    vec = m.bvecs[3].copy()
    first = m.bank_similarities(vec)
    assert m.bank_similarities(vec) is first
    assert np.array_equal(first, m.bvecs @ vec)
    assert not np.shares_memory(m.bank_similarities(vec.copy()), first)

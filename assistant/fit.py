"""`python -m assistant fit`: fit the ranker's weights (knowledge/ranker.json) — never tuned by hand.

Examples: every bank phrasing of a codebook question, scored against the bank without itself (so its
features look like those of a new user's wording), and the understanding fixtures. For each example every
candidate question is a row: features → 1 if it is the question asked, else 0. A logistic regression
(Newton's method, a little L2) gives weights whose output is a probability; the report printed shows how
well it ranks and how well its probabilities are calibrated.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import yaml

from . import rank
from .normalize import normalize

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "understand.yaml"


def examples(assistant) -> list[tuple[dict[str, list[float]], str]]:
    """(features per candidate question, the right question) for every labelled example."""
    m = assistant.match
    out = []
    for j, p in enumerate(m.bank.phrasings):
        qid = m.bank.targets[p.target].question_id
        if not qid:
            continue
        qvec = m.bvecs[j] if m.bvecs is not None else None
        out.append((m.question_features(m.strip_slots(p.norm), qvec, exclude=j), qid))
    if FIXTURES.exists():
        for case in yaml.safe_load(FIXTURES.read_text(encoding="utf-8")) or []:
            if not case.get("question_id"):
                continue
            text = normalize(case["q"])
            qvec = assistant.embedder.query(text)
            out.append((m.question_features(m.strip_slots(text), qvec), case["question_id"]))
    return out


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-2, steps: int = 50) -> tuple[np.ndarray, float]:
    """Weights and bias by Newton's method on the L2-penalised log-likelihood.

    >>> x = np.array([[0.0], [1.0], [2.0], [3.0]]); y = np.array([0, 0, 1, 1])
    >>> w, b = fit_logistic(x, y); bool(w[0] > 0 and -b / w[0] > 0.5 and -b / w[0] < 2.5)
    True
    """
    xb = np.hstack([x, np.ones((len(x), 1))])
    beta = np.zeros(xb.shape[1])
    reg = np.eye(xb.shape[1]) * l2
    reg[-1, -1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ beta, -30, 30)))
        grad = xb.T @ (p - y) + reg @ beta
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + reg
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta[:-1], float(beta[-1])


def run_fit(write: bool = True) -> int:
    from .pipeline import Assistant

    a = Assistant()
    data = examples(a)
    rows, labels = [], []
    for feats, qid in data:
        for cand, f in feats.items():
            rows.append(f)
            labels.append(1.0 if cand == qid else 0.0)
    x, y = np.array(rows), np.array(labels)
    w, b = fit_logistic(x, y)
    model = {
        "question": {
            "features": list(rank.FEATURES),
            "weights": [round(float(v), 4) for v in w],
            "bias": round(b, 4),
            "examples": len(data),
        }
    }
    ranker = rank.Ranker(model)
    top_ok, probs, oks = 0, [], []
    for feats, qid in data:
        if not feats:
            continue
        best = max(feats, key=lambda c: ranker.probability(feats[c]))
        top_ok += best == qid
        probs.append(ranker.probability(feats[best]))
        oks.append(best == qid)
    print(f"{len(data)} eksempler; rett spørsmål først: {top_ok / len(data):.3f}")
    probs_a, oks_a = np.array(probs), np.array(oks)
    for lo, hi in ((0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01)):
        sel = (probs_a >= lo) & (probs_a < hi)
        if sel.any():
            print(
                f"  sannsynlighet {lo:.1f}–{min(hi, 1):.1f}: {sel.sum():4d} eksempler, {oks_a[sel].mean():.2f} riktige"
            )
    print(
        "vekter:",
        dict(zip(rank.FEATURES, model["question"]["weights"], strict=True)),
        "konstant:",
        model["question"]["bias"],
    )
    if write:
        rank.PATH.write_text(json.dumps(model, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"skrev {rank.PATH}")
    return 0

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

from . import knowledge, rank
from .embed import LazyVector
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


def fit_logistic(
    x: np.ndarray, y: np.ndarray, l2: float = 1e-2, steps: int = 50, weight: np.ndarray | None = None
) -> tuple[np.ndarray, float]:
    """Weights and bias by Newton's method on the L2-penalised log-likelihood.

    >>> x = np.array([[0.0], [1.0], [2.0], [3.0]]); y = np.array([0, 0, 1, 1])
    >>> w, b = fit_logistic(x, y); bool(w[0] > 0 and -b / w[0] > 0.5 and -b / w[0] < 2.5)
    True
    """
    xb = np.hstack([x, np.ones((len(x), 1))])
    beta = np.zeros(xb.shape[1])
    reg = np.eye(xb.shape[1]) * l2
    reg[-1, -1] = 0.0
    sw = np.ones(len(y)) if weight is None else weight
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ beta, -30, 30)))
        grad = xb.T @ (sw * (p - y)) + reg @ beta
        hess = (xb * (sw * p * (1 - p))[:, None]).T @ xb + reg
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
    a.match.ranker = ranker  # the answers below are reached with the new question weights
    model["answer"] = fit_answer(a)
    if write:
        rank.PATH.write_text(json.dumps(model, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"skrev {rank.PATH}")
    return 0


# ---------------------------------------------------------------------------------------- the answer
# the project's own question sets, written as users write (tests/*.yaml); a set kept for measuring what the
# assistant does on wording it never saw is left out (tests/unseen.yaml, and a fresh set before its first run)
HOLDOUT = (
    "unseen.yaml",
    "fresh12.yaml",
    "fresh15.yaml",
    "fresh18.yaml",
    "fresh19.yaml",
    "fresh22.yaml",
    "fresh26.yaml",
    "fresh28.yaml",
    "fresh30.yaml",
    "fresh32.yaml",
    "fresh35.yaml",
    "fresh38.yaml",
    "fresh40.yaml",
    "fresh45.yaml",
    "fresh50.yaml",
    "fresh52.yaml",
    "fresh55.yaml",
    "fresh56.yaml",
    "fresh60.yaml",
    "fresh62.yaml",
    "fresh66.yaml",
    "fresh70.yaml",
    "fresh71.yaml",
    "fresh78.yaml",
    "fresh82.yaml",
    "fresh83.yaml",
    "fresh84.yaml",
    "fresh90.yaml",
    "fresh94.yaml",
    "fresh96.yaml",
    "fresh97.yaml",
    "fresh103.yaml",
    "fresh108.yaml",
    "fresh111.yaml",
    "fresh114.yaml",
    "fresh116.yaml",
    "fresh120.yaml",
    "fresh121.yaml",
    "fresh127.yaml",
    "fresh128.yaml",
    "fresh137.yaml",
    "fresh138.yaml",
)
OWN_WEIGHT = 5.0


def own_sets(tests: Path) -> list[Path]:
    return sorted(
        f
        for f in [tests / "questions.yaml", tests / "heldout.yaml", *tests.glob("fresh*.yaml")]
        if f.exists() and f.name not in HOLDOUT
    )


def _bank_label(assistant, target, turn) -> bool:
    """Did the answer answer the bank target's question? (rows of its question and item, its sentence, …)"""
    a = turn.answer
    info = knowledge.question(target.question_id or "") or {}
    sources = a.sources or []
    if target.route == "text":
        from .confidence import quoted

        found = assistant.match.statements.get(assistant.match.bank.targets.index(target))
        return bool(found) and quoted(found[1], (a.answer or "").replace("\n", " "))
    if target.route == "questionnaire":
        return any(s.label == "Vedlegg 2" or s.section == "8" for s in sources)
    if target.route == "method":
        return a.answerable and any(str(s.section or "").startswith(("7", "2.1", "1")) for s in sources)
    if str(info.get("results")) == "none":
        return not a.answerable
    rows = a.data or []
    if any(r.get("question_id") == target.question_id for r in rows):
        return target.item is None or any(r.get("item") == target.item for r in rows)
    section = str(info.get("section") or "")
    return a.route == "text" and any(str(s.section or "") == section for s in sources)


def answer_examples(assistant) -> list[tuple[list[float], bool, bool]]:
    """(features, correct) for every bank phrasing (left out of the bank) and every own question."""
    from . import confidence, pipeline
    from .evaluate import check_case

    steps = tuple(s for s in pipeline.STEPS if s not in (confidence.run,))
    out = []
    m = assistant.match
    for j, p in enumerate(m.bank.phrasings):
        # the phrasing's vector was computed at build from the same normalised text: no need to embed again
        vec = m.bvecs[j] if m.bvecs is not None else None
        turn = assistant._run(pipeline.Turn(raw=p.text, exclude=j, vector=LazyVector(lambda v=vec: v)), steps)
        if turn.answer is None or turn.question is None or turn.question.intent in confidence.RULE_REFUSALS:
            continue
        out.append(
            (
                confidence.features(turn, assistant),
                _bank_label(assistant, m.bank.targets[p.target], turn),
                False,
            )
        )
    tests = Path(__file__).resolve().parent.parent / "tests"
    for path in own_sets(tests):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if case.get("answerable") is False or "claim" in case or case.get("expect_suggestions"):
                continue
            turn = assistant._turn(case["question"], case.get("history") or [], steps)
            if turn.answer is None or turn.question is None:
                continue
            if (
                turn.answer.route == "none"
                and turn.decision is not None
                and turn.decision.reason in confidence.RULE_REFUSALS
            ):
                continue
            out.append(
                (confidence.features(turn, assistant), not check_case(case, turn.answer.to_dict()), True)
            )
    return out


def choose_threshold(
    probs: np.ndarray, ok: np.ndarray, wrong_cost: float = 1.0, weight: np.ndarray | None = None
) -> float:
    """The probability below which asking back pays: a right answer counts 1, a wrong one −wrong_cost
    (with cost 1: ask back when an answer is more likely wrong than right)."""
    sw = np.ones(len(ok)) if weight is None else weight
    best, best_u = 0.0, -1e9
    for t in np.linspace(0.0, 0.9, 91):
        answered = probs >= t
        u = sw[answered & ok].sum() - wrong_cost * sw[answered & ~ok].sum()
        if u > best_u + 1e-9:
            best, best_u = float(t), float(u)
    return round(best, 2)


def fit_answer(assistant) -> dict:
    from . import confidence

    data = answer_examples(assistant)
    x = np.array([f for f, _, _ in data], dtype=float)
    y = np.array([1.0 if ok else 0.0 for _, ok, _ in data])
    own = np.array([is_own for _, _, is_own in data])
    # the bank's labels are strict (another right answer counts as wrong); the own questions, written as
    # users write, weigh more
    w, b = fit_logistic(x, y, l2=0.1, weight=np.where(own, OWN_WEIGHT, 1.0))
    cal = confidence.Calibration({"weights": list(w), "bias": b})
    probs = np.array([cal.probability(list(f)) for f in x])
    ok = y > 0.5
    threshold = choose_threshold(probs, ok, weight=np.where(own, OWN_WEIGHT, 1.0))
    print(f"{len(data)} svar; riktige: {ok.mean():.3f}; terskel for å spørre tilbake: {threshold}")
    for lo, hi in ((0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01)):
        sel = (probs >= lo) & (probs < hi)
        if sel.any():
            print(f"  sikkerhet {lo:.1f}–{min(hi, 1):.1f}: {sel.sum():4d} svar, {ok[sel].mean():.2f} riktige")
    for name, sel in (("spørsmålsbanken", ~own), ("egne spørsmål", own)):
        answered = probs[sel] >= threshold
        print(
            f"  {name}: {answered.mean():.3f} besvart over terskelen, {ok[sel][answered].mean():.3f} av dem riktige; "
            f"{(~ok[sel][answered]).sum()} feil besvart, {ok[sel][~answered].sum()} riktige spurt tilbake"
        )
    return {
        "features": list(confidence.FEATURES),
        "weights": [round(float(v), 4) for v in w],
        "bias": round(b, 4),
        "threshold": threshold,
        "examples": len(data),
    }

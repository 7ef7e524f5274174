"""The ranker: a logistic model over match features whose output is a calibrated probability.

Weights live in `knowledge/ranker.json`, fitted by `python -m assistant fit` on the question bank (each
phrasing left out of the bank it is scored against) and the understanding fixtures — never by hand.

>>> r = Ranker({"question": {"weights": [4.0, 0, 0, 0, 0, 0], "bias": -2.0}})
>>> round(r.probability([0.5, 0, 0, 0, 0, 0]), 2), round(r.probability([1.0, 0, 0, 0, 0, 0]), 2)
(0.5, 0.88)
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from . import knowledge

PATH = knowledge.KNOWLEDGE / "ranker.json"
# the features of a candidate question, in this order (match.Matcher.question_features)
FEATURES = ("codebook", "lexical", "bank_vote", "bank_nearest", "bank_lexical", "scale")
# before any fit: the codebook score alone, scaled so that its old thresholds keep their meaning
DEFAULT = {"question": {"weights": [6.0, 0.0, 0.0, 0.0, 0.0, 0.0], "bias": -2.4}}


class Ranker:
    def __init__(self, model: dict[str, Any]):
        self.model = model
        q = model.get("question") or DEFAULT["question"]
        if len(q["weights"]) != len(FEATURES):  # fitted for other features: refit (`python -m assistant fit`)
            q = DEFAULT["question"]
        self.weights = [float(w) for w in q["weights"]]
        self.bias = float(q["bias"])

    @classmethod
    def load(cls, path: Path = PATH) -> Ranker:
        if path.exists():
            return cls(json.loads(path.read_text(encoding="utf-8")))
        return cls(DEFAULT)

    def probability(self, features: list[float]) -> float:
        z = self.bias + math.fsum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

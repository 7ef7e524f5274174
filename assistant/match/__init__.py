"""Matching a normalised question against what the survey knows: codebook questions and items (lexical +
dense, weighed with the question bank's vote by the fitted ranker), answer options, groups (size,
landsforening, fylke) and waves. Used by `understand`, `followup`, `route` and `confidence`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .. import knowledge
from ..bank import Bank
from ..rank import Ranker
from .bank import BankMatching
from .groups import GroupMatching
from .items import ItemMatching
from .questions import QuestionMatching, Target
from .words import strip_numbers

__all__ = ["Matcher", "Target", "strip_numbers"]


class Matcher(QuestionMatching, BankMatching, ItemMatching, GroupMatching):
    """Holds the codebook match targets (with their vectors), the question bank (with its vectors), the
    catalogue of published rows and the lexicon's group, option and wave words."""

    def __init__(
        self,
        targets: list[dict[str, Any]],
        tvecs: np.ndarray | None,
        catalogue: list[dict[str, Any]],
        bank: Bank | None = None,
        bvecs: np.ndarray | None = None,
        ranker: Ranker | None = None,
    ):
        self.catalogue = catalogue
        # the query embedder, when there is one (set by the Assistant): matching a text outside a turn
        self.query_vector: Callable[[str], np.ndarray | None] = lambda _text: None
        self.questions = {q["id"]: q for q in knowledge.questions()}
        self._init_questions(targets, tvecs, ranker)
        self._init_bank(bank, bvecs)
        self._init_items(catalogue)
        self._init_groups()

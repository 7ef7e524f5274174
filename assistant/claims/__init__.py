"""Claim checks: recognise a claim ("Kan jeg skrive at …?"), parse what it states, judge it on the
report's figures, and answer with a verdict.

`detect`, `parse` and `judge` are pure functions over text and figure dicts; `check` is the one place
that asks the pipeline for the figures. Vocabulary (quantifiers, hedges, comparison and change words,
other publications) is data in knowledge/lexicon.yaml under `claims`.

>>> detect("Kan jeg skrive at 30 prosent av bedriftene opplevde bedre produktivitet?").claims
['30 prosent av bedriftene opplevde bedre produktivitet']
>>> [(a.kind, a.low, a.high) for a in parse("om lag halvparten av bedriftene").amounts]
[('quant', 44.0, 56.0)]
"""

from .check import check, strip_frame
from .detect import ClaimRequest, detect
from .judge import Verdict, judge
from .parse import Amount, ParsedClaim, parse, split_figures
from .previous import judge_previous
from .statements import figures_of

__all__ = [
    "Amount", "ClaimRequest", "ParsedClaim", "Verdict", "check", "detect", "figures_of", "judge", "parse",
    "split_figures", "strip_frame",
]  # fmt: skip


def run(turn, ctx) -> None:
    """Pipeline step (first): a claim check ("Kan jeg skrive at …?") is answered with a verdict; the claim's
    content is answered by the rest of the pipeline (`ctx.answer_question`)."""
    if turn.answer is None and turn.history:  # "så det er altså over halvparten?" of the figure just given
        turn.answer = judge_previous(turn.raw, turn.history, ctx.answer_question)
    if turn.answer is None:
        turn.answer = check(turn.raw, turn.history, ctx.answer_question, ctx.match, ctx.index.passages)

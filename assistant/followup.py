"""Step 2: resolve a follow-up — a question that leaves slots open inherits them from the previous turn.

"Og blant de minste bedriftene?" keeps the previous question and item and sets the group; "Hva med
risikovurderinger?" swaps the item; "Hvor mange svarte?" asks for the base of the previous figure.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import intents
from .match import Matcher
from .state import Context, Turn
from .types import Question
from .understand import is_followup

NEW_TOPIC_SCORE = 0.55
WEAK_SCORE = 0.35
TERMINAL = {"empty", "injection", "code", "english", "out_of_scope", "questionnaire", "smalltalk"}


def run(turn: Turn, ctx: Context) -> None:
    assert turn.question is not None
    turn.question = resolve(turn.question, turn.prev, ctx.match)


def resolve(cur: Question, prev: Question | None, und: Matcher) -> Question:
    if prev is None or prev.intent in TERMINAL or cur.intent in TERMINAL:
        return cur
    if re.search(r"\b(av|blant) (dem|disse|de samme)\b|\bav de bedriftene\b", cur.text) and not cur.group_dim:
        # "… og hvor mange av dem har avtale med BHT?": the group of the earlier question still holds
        cur = replace(
            cur, group_dim=prev.group_dim, group_key=prev.group_key, inherited=[*cur.inherited, "group"]
        )
    if (
        cur.intent == "method"
        and prev.intent != "method"
        and not re.fullmatch(intents.BASE_OF_FIGURE, cur.text)
    ):
        return cur  # "Ble resultatene vektet?" stands alone, whatever came before
    if prev.intent == "method":
        # "Og i juni 2022?" after "Hvor mange svarte i november 2021?": same method question, new slots
        strong_new = cur.intent != "method" and cur.question_score >= NEW_TOPIC_SCORE
        if is_followup(cur) and not strong_new:
            return replace(
                cur,
                intent="method",
                method_topic=cur.method_topic or prev.method_topic,
                group_dim=cur.group_dim or prev.group_dim,
                group_key=cur.group_key if cur.group_dim else prev.group_key,
                wave=cur.wave or prev.wave,
                inherited=[*cur.inherited, "followup"],
            )
        return cur
    if not prev.question_id:
        return cur
    items = und.match_items(cur.text, prev.question_id)
    strong_new = (
        cur.question_id is not None
        and cur.question_id != prev.question_id
        and cur.question_score >= NEW_TOPIC_SCORE
        and not items
    )
    followup = is_followup(cur) or bool(items) or cur.question_score < WEAK_SCORE
    if strong_new or not followup:
        return cur
    options, option_word = cur.options, cur.option_word
    if not options:
        options, option_word = und.match_options(prev.text, prev.question_id)
        if not options:
            options, option_word = prev.options, prev.option_word
    intent = cur.intent
    if intent == "method":  # "Hvor mange svarte?" after a figure: the base of that figure
        intent = "figure"
    measure = cur.measure if cur.measure != "share" else ("n" if cur.intent == "method" else "share")
    merged = replace(
        cur,
        intent=intent if intent not in ("figure",) or prev.intent not in ("rank", "compare") else prev.intent,
        question_id=prev.question_id,
        question_score=max(prev.question_score, cur.question_score),
        items=items or ([] if cur.intent == "rank" else prev.items),
        group_dim=cur.group_dim or prev.group_dim,
        group_key=cur.group_key if cur.group_dim else prev.group_key,
        options=options,
        option_word=option_word,
        wave=cur.wave or prev.wave,
        measure=measure,
        method_topic=None,
        inherited=[*cur.inherited, "followup"],
        context=f"{prev.context} {prev.text}".strip(),
    )
    return merged

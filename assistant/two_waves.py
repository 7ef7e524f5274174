"""Step: one figure asked for both waves — «Kor mange bedrifter hadde ikkje heimekontor i november 2021, og kor
mange i juni 2022?». The two waves asked different questions about home office (footnote 9); the codebook names
each one's nearest question in the other wave (`other_wave`). Each wave is asked on its own through the
pipeline, and the lead gives both figures with the caveat that the questions were worded differently.

It steps aside when the question names one wave or none, when the answer asked for has no counterpart in the
other wave (the share with any home office: the report's own sentence compares 65 and 55 %), or when a side
is not answered from the data.
"""

from __future__ import annotations

import re

from . import knowledge
from .knowledge import WAVE_TEXT
from .normalize import normalize
from .state import Context, Turn
from .two_questions import merged_answer

# what is left of the second half once its wave is gone: ", og kor mange ?", "og hvor mange var det ?"
_TAIL = re.compile(
    r"[,;]?\s*(og|men|mens)\s+(hvor|kor|hva|kva)\b[^?]*$|[,;]?\s*(og|men|mens)\s*$", re.IGNORECASE
)
WORDED_OTHERWISE = (
    "Spørsmålet var stilt annerledes i november 2021 (andel av arbeidstimene hjemme, fotnote 9) enn i juni 2022 "
    "(hvor de ansatte jobber, Figur 1), så tallene er ikke direkte sammenlignbare."
)


def run(turn: Turn, ctx: Context) -> None:
    if turn.answer is not None or len(ctx.match.match_wave(normalize(turn.raw))) < 2:
        return  # cheap first: both waves must be named
    whole = ctx.understand(turn.raw, turn.history)
    if "both_waves" not in whole.inherited or not whole.question_id:
        return
    info = knowledge.question(whole.question_id) or {}
    mapping = (info.get("other_wave") or {}).get("options") or {}
    if not whole.options or not all(o in mapping for o in whole.options):
        return  # an answer without a counterpart (the share with home office: the report's sentence compares)
    plain = ctx.match.strip_waves(turn.raw.rstrip(" ?"))
    plain = _TAIL.sub("", plain).strip(" ,")
    waves = sorted(WAVE_TEXT)  # November 2021 first
    answers = [ctx.answer_question(f"{plain} i {WAVE_TEXT[w]}?", turn.history) for w in waves]
    if not all(a.answerable and a.route == "data" for a in answers):
        return
    if {str((a.data or [{}])[0].get("wave")) for a in answers} != set(waves):
        return  # a side fell back on the other wave's figure
    leads = [a.answer.strip().split("\n\n")[0] for a in answers]
    lines = [f"- **{WAVE_TEXT[w].capitalize()}:** {lead}" for w, lead in zip(waves, leads, strict=True)]
    head = "Tall for begge målingene, fra to ulike spørsmål:"
    text = "\n".join([head, *lines, "", WORDED_OTHERWISE])
    turn.answer = merged_answer(turn.raw, text, answers, [WAVE_TEXT[w].capitalize() for w in waves])

"""Step: a question in two parts — «Hvilket forhold fikk høyest andel positiv endring, og hvilket fikk høyest
andel negativ endring?», «Kan jeg bruke det i en pressemelding? Hva er grunnlaget for tallet?». Each part is
asked through the pipeline, the second as a follow-up to the first (so «hvilket» and «tallet» keep the first
part's topic), and the lead gives both answers.

It steps aside unless both parts are questions of their own (the second opens with a question word) and both
are answered: a part the pipeline asks back about leaves the whole question to the pipeline.
"""

from __future__ import annotations

import re

from .normalize import normalize
from .state import Context, Turn
from .two_questions import _said, merged_answer

_ASKS = (
    r"(?:hvilket|hvilken|hvilke|hvor|hva|kva|kor|hvem|kven|når|korleis|hvordan|hvorfor|kvifor|stemmer|"
    r"(?:er|var|har|hadde|kan|ble|vart|fikk|fekk) (?:det|de|dei|dette|tallet|tallene|tala|spørsmålet|spørsmåla|"
    r"spørsmålene|jeg|eg|vi|me|bedriftene)\b)"
)
# ", og hvilket …", "? Hva er …": where the second question begins
_JOINT = re.compile(
    rf"(?:,\s*(?:og|men|samt)\s+|\s-\s*(?:og|men|samt)\s+|\?\s+(?:(?:og|men|samt)\s+)?)(?={_ASKS}\b)"
)


def parts(text: str) -> tuple[str, str] | None:
    """The two questions of a two-part question, or None.

    >>> parts("Hvilket forhold fikk høyest andel positiv endring, og hvilket fikk høyest andel negativ endring?")
    ('Hvilket forhold fikk høyest andel positiv endring?', 'hvilket fikk høyest andel negativ endring?')
    >>> parts("Hvor mange bedrifter har hjemmekontor?") is None
    True
    >>> parts("Jeg vil sammenligne: hvor mange hadde ikke noe hjemmearbeid i 2021, og hvor mange hadde ingen i 2022?")[1]
    'hvor mange hadde ingen i 2022?'
    """
    lead_in = re.match(r"^[^?:]{3,80}:\s+(?=\S)", text)  # "Jeg vil sammenligne de to målingene: hvor …, og hvor …?"
    if lead_in and re.match(_ASKS, normalize(text[lead_in.end() :])):
        text = text[lead_in.end() :]
    norm = normalize(text)
    joints = list(_JOINT.finditer(norm))
    if len(joints) != 1:
        return None
    cut = _raw_offset(text, norm, joints[0])
    if cut is None:
        return None
    first, second = text[: cut[0]].strip(" ,;"), text[cut[1] :].strip()
    if (
        len(first.split()) < 3
        or len(second.split()) < 3
        or not re.match(rf"(?:og |men )?{_ASKS}", normalize(first))
    ):
        return None
    return first.rstrip("?") + "?", second if second.endswith("?") else second + "?"


def _raw_offset(text: str, norm: str, joint: re.Match[str]) -> tuple[int, int] | None:
    """The joint's span in the user's own text (normalising may change words, not the punctuation)."""
    mark = norm[joint.start()] if norm[joint.start()] != " " else norm[joint.start() + 1]
    rest = norm[joint.end() :].split()
    if not rest:
        return None
    same = {mark, "–", "—"} if mark == "-" else {mark}  # normalising makes a dash a hyphen
    positions = [i for i, ch in enumerate(text) if ch in same]
    count = norm[: joint.start() + 2].count(mark)
    if count > len(positions):
        return None
    at = positions[count - 1]
    second = re.match(r"[?,–—-]\s*(?:(?:og|men|samt)\s+)?", text[at:], re.IGNORECASE)
    return at, at + (second.end() if second else 1)


_DIFFERENCE = re.compile(r"\b(forskjell\w*|differans\w*|prosentpoeng|gap\w*)\b")


def _asks_two_things(ctx: Context, first: str, second: str, history: list[str]) -> bool:
    """The parts ask for different things (another answer, item or question, or something about the figure),
    not the same thing for another group or wave, nor a difference or the other end of one ranking, which
    the pipeline answers whole ("… og hvor mange i juni 2022?", "… og kva gruppe hadde lågast?")."""
    if _DIFFERENCE.search(normalize(second)):
        return False
    q1 = ctx.understand(first, history)
    q2 = ctx.understand(second, [*history, first])
    if "method" in (q1.intent, q2.intent):
        # two facts of the method ("hvilke er underrepresentert? og ble det vekta?"), not one fact for two waves
        return (
            q1.intent == q2.intent
            and None not in (q1.method_topic, q2.method_topic)
            and (
                q1.method_topic != q2.method_topic
                and (q1.wave == q2.wave or None in (q1.wave, q2.wave))  # (a wave named once holds for both)
                # (dates and response are one sentence of 2.1: "gjennomført 18.–29. november … 1713 svarte")
                and not {q1.method_topic, q2.method_topic} <= {"dates", "response"}
            )
        )
    if q1.intent in ("out_of_scope", "questionnaire"):
        return False
    if q1.group_key != q2.group_key or (q1.wave != q2.wave and q1.question_id == q2.question_id):
        return False  # one question for two groups or waves (two survey questions, one per wave, are two)
    # (what the second part leaves out is the first part's: "… og kva gruppe hadde lågast?" names no item)
    return (q1.intent, q1.question_id) != (q2.intent, q2.question_id) or any(
        b and a != b for a, b in ((q1.items, q2.items), (q1.options, q2.options))
    )


def _short(lead: str) -> str:
    """A part's answer in one line: a quote without its markup, else the lead's first line (a ranking's top
    entry, not the whole list), without a colon that leads on to what follows."""
    # (a list's first line without its bullet)
    line = _said(lead) if lead.startswith(">") else re.sub(r"^[-•]\s+", "", lead.splitlines()[0])
    return re.sub(r"\s*(Det forrige svaret|Rangert):?\s*$", "", line).rstrip(":")


def run(turn: Turn, ctx: Context) -> None:
    if turn.answer is not None:
        return
    found = parts(turn.raw)
    if found is None:
        return
    first, second = found
    if not _asks_two_things(ctx, first, second, turn.history):
        return
    one = ctx.answer_question(first, turn.history)
    if not one.answerable or one.route == "none" or one.suggestions:
        return
    two = ctx.answer_question(second, [*turn.history, first])
    if not two.answerable or two.route == "none" or two.suggestions:
        return
    leads = [a.answer.strip().split("\n\n")[0] for a in (one, two)]
    if leads[0] == leads[1]:
        return  # both parts found the same answer: the question is one question
    head = "\n".join(f"- {_short(lead)}" for lead in leads)
    turn.answer = merged_answer(
        turn.raw, head, [one, two], [first[:1].upper() + first[1:], second[:1].upper() + second[1:]]
    )

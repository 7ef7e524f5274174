"""A claim about the figure just given: «så det er altså over halvparten?», «Det er vel mer enn tre av fire?»
after an answer. The amount is judged on the share the previous answer leads with, and the verdict repeats
that figure and its source."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..normalize import normalize, tokens
from ..types import Answer
from .parse import amounts_in

_CHECK = r"(?:stemmer det at |stemmer det |er det riktig at |er det sant at |kan jeg si at |kan vi si at )?"
FOLLOWUP_CLAIM = re.compile(
    rf"^(?:og |men )?(?:så |altså |ok,? så )?{_CHECK}(?:det|dette|tallet|andelen|det tallet|talet|delen) "
    r"(?:er|var|blir|vart|betyr) (?:altså |da |vel |jo |faktisk |egentlig |eigentleg |dermed )*"
    r"(?:at )?(?P<rest>[^?]{3,60}?)\s*\??\s*$",
    re.IGNORECASE,
)
# "kan jeg runde det av til en tredjedel?", "går det an å skrive det som 30 prosent?": the figure said otherwise
FOLLOWUP_ROUNDED = re.compile(
    r"^(?:og |men )?(?:så )?(?:kan|kunne|går det an å|er det greit å|er det ok å|holder det å|bør) "
    r"(?:jeg |vi |eg |me |man |en )?(?:runde|avrunde|runda|avrunda|skrive|skrive om|si|seie|kalle|omtale|"
    r"formulere) (?:det|dette|tallet|talet|det tallet|andelen|delen) (?:av |opp |ned )?(?:til |som |for )?"
    r"(?P<rest>[^?]{3,60}?)\s*\??\s*$",
    re.IGNORECASE,
)
# "så over halvparten har hatt kontakt med dem altså?": an amount first, said of what was just asked
FOLLOWUP_AMOUNT = re.compile(
    r"^(?:og |men )?(?:så |altså |ok,? så )(?P<rest>(?:over|under|mer enn|meir enn|mindre enn|flere enn|fleire enn|"
    r"færre enn|nesten|bare|berre|kun|hele|heile|rundt|om lag|ca\.?|omtrent)?\s*[^?]{3,80}?)\s*\??\s*$",
    re.IGNORECASE,
)
_FRAME = frozenset("har er var med i på til som".split())  # not «av de store»: a group of its own
_BACK = frozenset(
    "dem dei de det den disse dette der da altså vel jo hatt vært vore blitt fått gjort".split()
)
# the asked figure of a lead: a share in bold, or «N av M»
_LEAD_SHARE = re.compile(r"\*\*(\d+(?:,\d+)?) ?%\*\*|\b(\d+) av (\d+)\b")


def judge_previous(
    question: str, history: list[str], answer: Callable[[str, list[str]], Answer]
) -> Answer | None:
    """The verdict on an amount said of the previous answer's figure, or None when the message is not one."""
    said_now = question.strip()
    m = FOLLOWUP_CLAIM.match(said_now) or FOLLOWUP_ROUNDED.match(said_now) or FOLLOWUP_AMOUNT.match(said_now)
    if m is None or not history:
        return None
    rest = re.sub(
        r"(?:\s+(?:da|då|altså|vel|jo|eller|eller hva|ikke sant|ikkje sant))+\s*$", "", m.group("rest")
    )
    amounts = amounts_in(rest)
    if len(amounts) != 1 or amounts[0].kind not in ("pct", "ratio", "quant"):
        return None
    a = amounts[0]
    said_rest = rest.strip(" ?,").lower()
    if said_rest != a.text.lower().strip():
        # more than an amount ("… over halvparten av de store"): a claim of its own, unless what follows the
        # amount only repeats the question before ("… har hatt kontakt med dem")
        after = said_rest.split(a.text.lower().strip(), 1)
        if len(after) != 2 or after[0].strip() or not _repeats(after[1], history[-1]):
            return None
    prev = answer(history[-1], history[:-1])
    if not prev.answerable or prev.route == "none":
        return None
    lead = prev.answer.strip().split("\n\n")[0]
    found = _LEAD_SHARE.search(lead)
    if found is None:
        return None
    slack = 0.5
    if found.group(1):
        value, shown = float(found.group(1).replace(",", ".")), f"{found.group(1)} %"
    else:
        value, shown = 100 * int(found.group(2)) / max(int(found.group(3)), 1), found.group(0)
        slack = 5.0  # «1 av 3» is the report's rounding: «30 prosent» is within it, «halvparten» is not
    holds = a.low - slack <= value <= a.high + slack
    said = a.text.strip()
    head = f"Ja, tallet er {shown}, altså {said}." if holds else f"Nei, tallet er {shown}, ikke {said}."
    where = ", ".join(dict.fromkeys(s.label for s in prev.sources[:2]))
    text = f"{head} (Kilde: {where}.)\n\n{lead}" if where else f"{head}\n\n{lead}"
    return Answer(
        question,
        prev.route,
        True,
        text,
        sources=prev.sources,
        data=prev.data,
        verdict="supported" if holds else "contradicted",
        confidence=prev.confidence,
    )


def _repeats(words: str, before: str) -> bool:
    """Whether every content word of `words` is a word of the question before (or points back to it)."""
    own = [t for t in tokens(words, keep_stopwords=True) if t not in _BACK and t not in _FRAME]
    if not own:
        return False
    said = {t[:5] for t in tokens(normalize(before), keep_stopwords=True)}
    return all(t[:5] in said for t in own)

"""Step: two actors compared in one question — «Hadde flere bedrifter kontakt med Arbeidstilsynet enn med NAV
Arbeidslivssenter?», «Er BHT eller NAV Arbeidslivssenter mest nyttig?». Each actor is a survey question of its
own (AT_KONTAKT, NAV_ALS_KONTAKT), so no one table compares them: each side is asked on its own through the
pipeline, and the lead gives both figures with a one-line conclusion when both are shares.

It steps aside when the whole question is one survey question with the two actors as its items or answers
(«BHT eller dialogmøte 2 i sykefraværsoppfølgingen»: SF_NYTTE compares them itself), when a side is not
answered with confidence, or when both sides are answered by the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .claims.statements import _actor_patterns
from .normalize import normalize
from .state import Context, Turn
from .types import Answer, Source

MARKER = re.compile(
    r"\b(enn|eller|kontra|versus|vs\.?|sammenlignet med|sammenliknet med|samanlikna med|i forhold til|mot)\b"
)
# comparative words of the whole question, made plain for one side ("flere bedrifter" → "mange bedrifter")
PLAIN = [
    (re.compile(r"\b(flere|fleire|flest)\b"), "mange"),
    (re.compile(r"\b(mer|meir|mest)\s+(?=\w)"), ""),
    (re.compile(r"\b(oftere|oftast|oftest)\s+"), ""),
    (re.compile(r"\b(nyttigere|nyttigst|nyttigast)\b"), "nyttig"),
    (re.compile(r"\b(bedre|best)\b"), "nyttig"),
]
SHARE = re.compile(
    r"(?:om lag |rundt |cirka |ca\. )?(\d+) av (\d+)|\*{0,2}(\d+(?:,\d+)?) ?%|(\d+(?:,\d+)?) prosent",
    re.IGNORECASE,
)
DISPLAY = {"nav": "NAV", "navs": "NAVs", "arbeidslivssenter": "Arbeidslivssenter", "2": "2"}


@dataclass
class Sides:
    first: str  # the actor as written (normalised)
    second: str
    questions: tuple[str, str]


def split(norm: str) -> Sides | None:
    """The question once for each of two actors on either side of «enn», «eller», «mot» …, or None."""
    found = [(m.start(), m.end(), a) for a, pattern in _actor_patterns() for m in pattern.finditer(norm)]
    # a longer name covers the shorter ones inside it ("nav arbeidslivssenter" is not also "nav")
    found = sorted(f for f in found if not any(g != f and g[0] <= f[0] and f[1] <= g[1] for g in found))
    if len(found) != 2 or _same_actor(found[0][2], found[1][2]):
        return None
    (s1, e1, a1), (s2, e2, a2) = found
    marker = next((m for m in MARKER.finditer(norm, e1, s2)), None)
    if marker is None:
        return None
    between = norm[marker.end() : s2].split()
    if not norm[e1 : marker.start()].strip(" ,") and all(w in LINKS for w in between):
        # "kontakt med Arbeidstilsynet enn med NAV Arbeidslivssenter": the question again with the other name
        first = norm[: marker.start()].rstrip(" ,") + " " + norm[e2:].lstrip()
        second = norm[:s1] + norm[marker.end() :].lstrip()
        second = re.sub(r"\b(\w+) \1\b", r"\1", second)  # "kontakt med med NAV" → "kontakt med NAV"
        return Sides(a1, a2, (_as_question(first), _as_question(second)))
    # "Hva er mest utbredt: å ha avtale med BHT eller å ha vært i kontakt med Arbeidstilsynet?": two clauses
    start = max(norm.rfind(":", 0, s1), norm.rfind(",", 0, s1)) + 1
    left, right = norm[start : marker.start()].strip(" ,"), norm[marker.end() :].strip(" ?.!")
    # "er det flere som har avtale med BHT enn som har hatt kontakt med NAV …": two relative clauses
    relative = re.search(r"\bsom (?=\S+ )", left)
    if relative and right.startswith("som "):
        left, right = left[relative.end() :], right[4:]
        return Sides(a1, a2, tuple(_as_question(f"hvor mange bedrifter {x}") for x in (left, right)))  # type: ignore[arg-type]
    comparative = re.search(r"\b(vanligere|vanlegare|oftere|meir vanleg|mer vanlig|mer utbredt)\b å ", left)
    if comparative and INFINITIVE.match(right):
        # "er det vanligere å ha hatt X enn å ha vært i Y": the two clauses, each from its «å»
        left = left[comparative.end() - 2 :]
    if INFINITIVE.match(left) and INFINITIVE.match(right):
        return Sides(a1, a2, (_as_question(_finite(left)), _as_question(_finite(right))))
    if PREVALENCE.search(norm[:start]) and not (INFINITIVE.match(left) or INFINITIVE.match(right)):
        # "Hva er vanligst: avtale med BHT eller kontakt med NAV …": how many have each
        return Sides(a1, a2, tuple(_as_question(f"hvor mange bedrifter har {x}") for x in (left, right)))  # type: ignore[arg-type]
    return None


PREVALENCE = re.compile(
    r"\b(vanligst|vanligste|mest vanlig|mest utbredt|mest utbreidd|flest|oftest|oftast)\b"
)


LINKS = {"med", "fra", "frå", "hos", "i", "på", "til", "om", "de", "den", "det", "dei"}
INFINITIVE = re.compile(r"^å (\w+) ")
PRESENT = {"ha": "har", "være": "er", "vere": "er", "få": "får", "gå": "går", "gjøre": "gjør"}


def _finite(clause: str) -> str:
    """ "å ha vært i kontakt med X" → "hvor mange bedrifter har vært i kontakt med X"."""
    m = INFINITIVE.match(clause)
    assert m is not None
    verb = PRESENT.get(m.group(1), m.group(1) + "r")
    return f"hvor mange bedrifter {verb} {clause[m.end() :]}"


# one side of a comparison, asked as a question of its own
AS_QUESTION = [
    # "hadde mange bedrifter kontakt med X" → "hvor mange bedrifter hadde kontakt med X"
    (
        re.compile(r"^(hadde|har|var|er|ble|fikk|får) mange (bedrifter |virksomheter |verksemder )?"),
        r"hvor mange bedrifter \1 ",
    ),
    # "hvem er nyttig, X" → "hvor nyttig er X"
    (re.compile(r"^(?:hvem|hva|hvilken|hvilke|kven|kva) (er|var) (\w+)[,:]? "), r"hvor \2 \1 "),
    # "er X nyttig" → "hvor nyttig er X"
    (re.compile(r"^(er|var) (.+?) (nyttig|viktig|utbredt|vanlig)\b"), r"hvor \3 \1 \2"),
]


def _as_question(text: str) -> str:
    text = _plain(text)
    for pattern, new in AS_QUESTION:
        text = pattern.sub(new, text, count=1)
    return re.sub(r"\s+", " ", text).strip(" ?") + "?"


def _named_in(actor: str, labels: str) -> bool:
    return any(w in labels for w in (actor, actor.rstrip("en"), actor.removeprefix("navs ")))


def _same_actor(a: str, b: str) -> bool:
    return a.rstrip("en") == b.rstrip("en") or a in b or b in a


def _plain(text: str) -> str:
    for pattern, new in PLAIN:
        text = pattern.sub(new, text)
    return re.sub(r"\s+", " ", text).strip()


def display(actor: str) -> str:
    return " ".join(DISPLAY.get(w, w.capitalize() if i == 0 else w) for i, w in enumerate(actor.split()))


def run(turn: Turn, ctx: Context) -> None:
    if turn.answer is not None:
        return
    sides = split(normalize(turn.raw))
    if sides is None:
        return
    whole = ctx.understand(turn.raw, turn.history)
    labels = normalize(" | ".join([*whole.items, *whole.options]))
    tabled = bool(whole.question_id and ctx.match.catalogue_rows(whole.question_id))
    both_named = all(_named_in(a, labels) for a in (sides.first, sides.second))
    if whole.intent in ("out_of_scope", "questionnaire") or (tabled and both_named):
        # one survey question has both as its items or answers, and its table compares them itself (a figure
        # shown as an image does not: each side's sentence does)
        return
    answers = [ctx.answer_question(q, turn.history) for q in sides.questions]
    if not all(a.answerable and a.route != "none" for a in answers):
        return
    if both_named and any(getattr(a, "_question_id", None) != whole.question_id for a in answers):
        return  # a side asked alone drifts to another question (BHT's own services): the whole one answers
    leads = [a.answer.strip().split("\n\n")[0] for a in answers]
    if leads[0] == leads[1]:
        return  # both sides found the same answer: it is not about the two actors
    turn.answer = compose(turn.raw, sides, answers, leads)


def share_of(lead: str, actor: str = "") -> tuple[float, str] | None:
    """The one share a lead states, as a fraction and as written ("om lag 1 av 3", "25 %"); None when it
    states none or several (a distribution, a ranking: which one answers is not for this step to guess),
    unless one clause names the actor and states one share («1 av 4 bedrifter har vært i NAVs dialogmøte 2
    …, og 1 av 5 …»)."""
    found = list(SHARE.finditer(lead))
    if RANKING.match(lead):
        return None
    if len(found) > 1 and actor:
        clauses = [c for c in re.split(r",? og |[;.] ", lead) if actor in normalize(c)]
        found = list(SHARE.finditer(clauses[0])) if len(clauses) == 1 else found
    if len(found) != 1:
        return None
    m = found[0]
    if m.group(1):
        return int(m.group(1)) / max(int(m.group(2)), 1), m.group(0).strip().lower()
    value = (m.group(3) or m.group(4)).replace(",", ".")
    return float(value) / 100, m.group(0).strip("* ")


RANKING = re.compile(r"^(Høyest|Lavest|Flest|Færrest|Størst|Minst)\b")


def _said(lead: str) -> str:
    """A lead as one line: a quote without its markup and attribution."""
    text = re.sub(r"^>[ \t]?|\n>[ \t]?", " ", lead)  # (not the next line's break: its «>» would stay)
    text = re.sub(r"\s*—\s*Rapporten,.*$", "", text.strip(), flags=re.S)
    return re.sub(r"\s+", " ", text).strip()


def compose(raw: str, sides: Sides, answers: list[Answer], leads: list[str]) -> Answer:
    names = [display(sides.first), display(sides.second)]
    shares = [share_of(x, a) for x, a in zip(leads, (sides.first, sides.second), strict=True)]
    lines = []
    for name, share, a, lead in zip(names, shares, answers, leads, strict=True):
        where = ", ".join(dict.fromkeys(s.label for s in a.sources[:2]))
        lines.append(f"- **{name}:** {share[1] if share else _said(lead)} ({where})")
    asked = {getattr(a, "_question_id", None) for a in answers}
    two = len(asked) == 2 or None in asked
    head = "Rapporten har tall for begge" + (", fra to ulike spørsmål i undersøkelsen:" if two else ":")
    if shares[0] and shares[1] and shares[0][0] != shares[1][0]:
        hi, lo = (0, 1) if shares[0][0] > shares[1][0] else (1, 0)
        head = (
            f"Høyest for {names[hi]}: {shares[hi][1]} mot {shares[lo][1]} for {names[lo]}"  # type: ignore[index]
            + (" (to ulike spørsmål i undersøkelsen):" if two else ":")
        )
    return merged_answer(raw, "\n".join([head, *lines]), answers, names)


def merged_answer(raw: str, lead: str, answers: list[Answer], names: list[str]) -> Answer:
    """One answer of a lead over two answers, each after it in full under its name, with both answers'
    sources, rows, caveats and the lower confidence."""
    text = lead
    for name, a in zip(names, answers, strict=True):
        text += f"\n\n**{name}**\n\n{a.answer.strip()}"
    sources: list[Source] = []
    for a in answers:
        sources += [s for s in a.sources if all(s.label != x.label for x in sources)]
    return Answer(
        question=raw,
        route="data" if any(a.route == "data" for a in answers) else "text",
        answerable=True,
        answer=text,
        sources=sources,
        sql="\n".join(a.sql for a in answers if a.sql) or None,
        data=[r for a in answers for r in a.data or []],
        caveats=list(dict.fromkeys(c for a in answers for c in a.caveats)),
        confidence=min((a.confidence for a in answers if a.confidence is not None), default=None),
    )

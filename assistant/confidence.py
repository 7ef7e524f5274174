"""Step: how sure the assistant is that its answer answers what was asked — and asking back when it is not.

The confidence is a logistic model over what the earlier steps found (the ranker's probability for the
question, its margin over the runner-up, the bank's vote, how the answer was reached), fitted by
`python -m assistant fit` on the question bank (each phrasing left out of the bank) and the project's own
question sets; its threshold is chosen there too. Below the threshold no figure is given: the answer says
what was understood and offers up to three questions the survey can answer (`suggestions`).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

from . import intents, knowledge
from .compose.lead import asked_options
from .match.questions import topic_words
from .match.words import _key
from .normalize import normalize, strings, tokens
from .rank import Ranker
from .state import Context, Turn
from .types import Answer, Question, Suggestion
from .understand import _POINTS_BACK, TIE, _asked_sentence, question_first, without_asides

FEATURES = (
    "question", "margin", "vote", "lexical", "data", "statement", "search", "questionnaire", "method",
    "followup", "named", "short", "agree", "support", "unasked",
)  # fmt: skip
SEARCH_REASONS = {
    "search", "fallback", "prose", "item_prose", "figure_only", "size_prose", "group_prose", "rank_prose",
    "no_rows",
}  # fmt: skip
# refusals decided by rule (the survey does not cover it): certain, never asked back
RULE_REFUSALS = {
    "empty", "injection", "code", "english", "out_of_scope", "smalltalk", "unpublished", "measure_mismatch",
    "group_unpublished", "item_unpublished", "no_group", "company",
}  # fmt: skip
_UNPUBLISHED = {"group_unpublished", "item_unpublished"}
UNSURE_UNPUBLISHED = 0.45
DEFAULT = {"weights": [0.0] * len(FEATURES), "bias": 3.0, "threshold": 0.0}
VAGUE = re.compile(
    r"^(og |men )?(hvor|hva|hvordan|var|er|ble)\b.{0,25}\b(det|dette|den|de|dem|disse)\b\W*$|"
    # the whole survey ("Hva sier undersøkelsen?"): which part is meant
    r"^(hva|kva) (sier|viser|fant|finner) (undersøkelsen|rapporten|barometeret|arbeidsmiljøbarometeret|undersøkinga)\W*$|"
    # … about "that" with nothing before it ("Kva seier rapporten om det der?"): what "that" is
    r"^(og |men )?(hva|kva) (sier|viser|fant|finner) (undersøkelsen|rapporten|barometeret|arbeidsmiljøbarometeret|"
    r"undersøkinga)( egentlig| eigentleg)? om (det|dette|den|denne|de|dem|disse)( der| her)?\W*$|"
    # "kan du gi meg tallet" with nothing before: which figure
    r"^(og |men )?(kan du |kunne du |vil du )?(gi|gje|vise|vis|finne|finn|si) (meg |oss )?"
    r"(tallet|talet|tallene|tala|svaret|prosenten|prosenttallet|andelen)( igjen)?\W*$|"
    # "Kan du si noe om forskjellene?" with nothing before: which differences
    r"^(og |men )?(kan du |kunne du |vil du |kan eg få vite |kan jeg få vite )?(si|fortelle|seie|forklare) (meg |oss )?"
    r"(noe |noko |litt |mer |meir )?(om )?(forskjellene|forskjellen|skilnadene|skilnaden|dette|det|den|disse|desse|"
    r"tallene|tala|resultatene|resultata|funnene)( der| her)?\W*$|"
    # "Kan du sammenligne dem?" with nothing before: what with what
    r"^(og |men )?(kan du |vil du |kunne du )?(sammenlign|sammenlikn|samanlikn)\w*"
    r"( (dem|de|dei|disse|desse|det|dette|de to|tallene|tala))?\W*$"
)
# words that ask for a figure without saying of what: "Hvor stor var andelen?" names no topic at all
_GENERIC = (
    "hvor kor stor store stort mange var er ble andel andelen andelene tall tallet tala talet tallene prosent "
    "prosenten prosentandel hva kva svar svaret resultat resultatet nivå nivået høy høyt lav lavt gjennomsnitt "
    "gjennomsnittet snitt snittet egentlig eigentleg da nå no i dag totalt samlet sum summen "
    # a scale alone names no topic either: "tallene for nyttig", "hvor viktig"
    "nyttig nytte nyttige viktig viktige fornøyd fornøyde godt bra dårlig pls please takk "
    # a change or a difference alone names no topic: "Korleis var utviklinga?"
    "utvikling utviklingen utviklinga endring endringen endringa endringene trend trenden forskjell forskjellen "
    "forskjellene skilnad skilnaden gått gikk vært "
    # a ranking alone names no topic: "Kva var størst?"
    "størst største høyest høyeste høgast lavest lavaste lågast flest færrest vanligst vanligste"
)
GENERIC_TOKENS = frozenset(tokens(_GENERIC))
# "sykefravær?", "sykefravær da?", "og BHT, da?": a theme, not a question (a method word is one)
BARE_TOPIC = re.compile(
    r"^\W*(?:og |men |hva med |kva med |(?:hva|kva) (?:finnes|fins) (?:det )?om |(?:noe|noko|litt|mer|meir|info|informasjon|tall|tal) om |"
    r"(?:kan du |kunne du )?(?:si|seie|fortelle|fortelje) (?:meg |oss )?(?:noe|noko|litt|mer|meir) om (?:det med |dette med )?)?"
    r"[\wæøå-]+,?(?: (?:da|då|så|nå|no|egentlig))?\W*$"
)


def quoted(sentence: str, text: str) -> bool:
    """Whether an answer's text quotes a report sentence (its start; a summary bullet's «►» is not quoted)."""
    return sentence.lstrip("►•-– ")[:50] in text


def agreement(turn: Turn, ctx: Context) -> float:
    """How much of the bank's vote went to what the answer is about: targets of the question its rows come
    from (or the question understood), and statements it quotes."""
    q: Question = turn.question  # type: ignore[assignment]
    a = turn.answer
    text = (a.answer if a is not None else "").replace("\n", " ")
    qids = {r.get("question_id") for r in (a.data or [])} if a is not None else set()
    qids = qids or {q.question_id}
    sections = {str(s.section) for s in (a.sources if a is not None else []) if s.section}
    share = 0.0
    for t, v in q.votes.items():
        found = ctx.match.statements.get(t)
        about = found is not None and (
            quoted(found[1], text) or ctx.index.passages[found[0]].section in sections
        )
        if ctx.match.target_qid[t] in qids or about:
            share += v
    return share


def support(turn: Turn, ctx: Context) -> float:
    """The weight of the question's own words (by rarity in the report) that the answer's text contains;
    after a story of the user's own («Vi er 5 stk i et regnskapskontor …»), the words of the sentence that
    asks count, when they name a topic of their own."""
    q: Question = turn.question  # type: ignore[assignment]
    whole = _support(turn, ctx, q.text)
    asking = _asked_sentence(q.text) or question_first(q.text)
    if asking and len(set(topic_words(asking)) - GENERIC_TOKENS) >= 2:
        return max(whole, _support(turn, ctx, asking))
    return whole


def _support(turn: Turn, ctx: Context, text: str) -> float:
    q: Question = turn.question  # type: ignore[assignment]
    idf = ctx.index.bm25.idf
    # the question's words but "nå" / "i dag" (the latest wave: the answer names it "juni 2022")
    # ("… (altså hadde dialog med dem, ikke hvor nyttig det var)": what is set aside is not asked)
    asked = re.sub(r"\b(nå|no|i dag|for tiden|per i dag)\b", " ", without_asides(text))
    # "hvor stor del av …": a share, said in other words than the answer's
    asked = re.sub(r"\b(hvor|kor) (stor|store) (del|delen|prosentdel)\b", " ", asked)
    # the user's own headcount and "er vi typiske/vanlige?": who asks and how they compare, not the topic
    asked = re.sub(intents.OWN_SIZE, " ", asked)
    asked = re.sub(
        r"\b(u?vanlig\w*|u?vanleg\w*|typisk\w*|u?normal\w*|som (de )?andre|som folk flest)\b", " ", asked
    )
    own = sorted(set(topic_words(asked) or tokens(asked)))  # "hvilket fylke … flest": the frame is the topic
    own = [t for t in own if t not in _PARTICLES] or own  # "…, altså legen?": words that carry no topic
    if not own or turn.answer is None:
        return 0.0
    a = turn.answer
    # what the answer is about: its text, the survey question its rows come from, its sources' quotes
    about = [a.answer, q.context, *(s.quote or "" for s in a.sources)]
    about += [f"{r.get('question_text') or ''} {r.get('item') or ''}" for r in (a.data or [])[:3]]
    # and the bank's phrasings of what it is about: a user's word for it ("legen" for "den som sykemelder")
    about += _voted_phrasings(turn, ctx)
    said = set(tokens(" ".join(about)))
    answer_text = normalize(a.answer)
    for dim, words in _DIMENSION_WORDS.items():
        if ctx.match.match_named_groups(answer_text, dim):
            said |= words  # "i hvilken landsforening …?" answered "NHO Transport (5 av 10)": the kind of group named
    if said & _RANK_WORDS:
        said |= _RANK_WORDS  # "vanligst" answered "Høyest andel finner vi …": one ranking, in other words
    if said & _USEFUL_WORDS:
        said |= _USEFUL_WORDS  # "mest fornøyd med NAV" answered "9 av 10 … nyttig": the one usefulness scale
    shown = set(tokens(answer_text))
    def shows(label: str) -> bool:  # every word of the answer's label, or all but one of a long one
        words = set(tokens(label.replace("(sum)", ""))) - GENERIC_TOKENS
        return len(words - shown) <= (1 if len(words) >= 3 else 0)

    if q.option_word and any(shows(o) for o in q.options):
        # "det ikke betyr noe hvor …": the lexicon's words for an answer the answer shows («… ingen betydning for
        # dem hvor de ansatte jobber fra»), in the user's own words
        said |= set(tokens(q.option_word))
    if re.search(r"\benn\b", asked):
        said |= _MORE_WORDS  # "er det flere av de minste enn …": a comparison asked, in the answer's figures
    # the stemmer splits a word family ("produktiviteten"/"produktivitet", "endret"/"endring"): a shared
    # start of five letters counts as the same word
    starts = {w[:5] for w in said if len(w) >= 5}
    joined = " ".join(said)  # and a word inside a compound ("data" in "datainnsamling")

    def found(t: str) -> bool:
        return t in said or (len(t) >= 5 and t[:5] in starts) or (len(t) >= 4 and t in joined)

    total = math.fsum(idf.get(t, 3.0) for t in own)
    return math.fsum(idf.get(t, 3.0) for t in own if found(t)) / total


@lru_cache(maxsize=1)
def _shared_answers() -> frozenset[str]:
    """Answer labels (as `_key`s) that three survey questions or more share («Vet ikke», «Nyttig»)."""
    count: dict[str, int] = {}
    for q in knowledge.questions():
        for o in {_key(str(o.get("label", "") if isinstance(o, dict) else o)) for o in q.get("options") or []}:
            count[o] = count.get(o, 0) + 1
    return frozenset(label for label, n in count.items() if n >= 3)


# discourse particles and adverbs a user adds to a question (rare in the report, so heavy by idf)
_PARTICLES = frozenset(
    tokens(
        "altså egentlig eigentleg vel jo liksom forresten dvs typ kanskje faktisk akkurat omtrent cirka ca gjerne "
        "helst uansett nemlig ut "
        # words that point back at what was told before («med slik kontakt»), not a topic of their own
        "slik slike slikt sånn sånne sånt "
        # what the user asks the assistant to do, not what about («Gi begge andelene», «fikk … flest svar»)
        "begge andelen andelene andelane tallet tallene"
    )
)
_DIMENSION_WORDS = {
    "landsforening": frozenset(tokens("landsforening landsforeninger bransje bransjer bransjen næring")),
    "fylke": frozenset(tokens("fylke fylker fylket region regioner")),
}
_USEFUL_WORDS = frozenset(tokens("nyttig nyttige nytte fornøyd fornøyde verdifull verdifulle gagn utbytte"))
_MORE_WORDS = frozenset(tokens("flere fleire færre"))
_RANK_WORDS = frozenset(tokens("høyest høyeste flest størst største mest vanligst vanligste oftest lavest færrest minst"))


def _voted_phrasings(turn: Turn, ctx: Context, min_vote: float = 0.1) -> list[str]:
    """The bank's phrasings of the targets the question's nearest phrasings voted for, when the answer is
    about them (its rows' question, or a statement it quotes)."""
    q: Question = turn.question  # type: ignore[assignment]
    a = turn.answer
    if a is None:
        return []
    text = a.answer.replace("\n", " ")
    qids = {r.get("question_id") for r in (a.data or [])} or {q.question_id}
    m = ctx.match
    chosen = set()
    for t, v in q.votes.items():
        found = m.statements.get(t)
        said = found is not None and quoted(found[1], text)
        if v >= min_vote and (said or (found is None and m.target_qid[t] in qids)):
            chosen.add(t)
    skip = getattr(turn, "exclude", None)  # fitting: the phrasing asked is left out of the bank
    voted = sorted(j for t in chosen for j in m.phrasings_of.get(t, ()))  # in the bank's order
    return [m.bank.phrasings[j].text for j in voted if j != skip]


def unasked(turn: Turn) -> float:
    """1 when a data answer's figures answer no option the question named or its scale implies (the lead
    falls back to the most common answer): the table may be about something else."""
    a, q = turn.answer, turn.question
    if a is None or q is None or a.route != "data" or not a.data or q.measure != "share":
        return 0.0
    if a.data[0].get("unit") != "pct" or a.data[0].get("question_id") == "UTVALG":
        return 0.0
    return float(not asked_options(q, a.data))


def features(turn: Turn, ctx: Context) -> list[float]:
    q: Question = turn.question  # type: ignore[assignment]
    d = turn.decision
    reason = d.reason if d is not None else ""
    route = turn.answer.route if turn.answer is not None else "none"
    return [
        q.question_score,
        q.question_score - q.runner_up,
        max(q.votes.values(), default=0.0),
        q.question_lex,
        float(
            route == "data" or reason in ("rows", "rank_items", "rank_groups", "sample", "response", "base")
        ),
        float(reason == "statement"),
        float(reason in SEARCH_REASONS),
        float(
            reason in ("questionnaire", "excluded", "caveats", "source", "wording_waves")
        ),  # looked up (codebook, the previous answer)
        float(reason == "method" or q.intent == "method"),
        float("followup" in q.inherited),
        float(bool(q.items or q.options)),
        float(len(q.text.split()) <= 4),
        agreement(turn, ctx),
        support(turn, ctx),
        unasked(turn),
    ]


class Calibration:
    def __init__(self, model: dict | None = None):
        m = model or DEFAULT
        if len(m["weights"]) != len(FEATURES):  # fitted for other features: refit (`python -m assistant fit`)
            m = DEFAULT
        self.weights = [float(w) for w in m["weights"]]
        self.bias = float(m["bias"])
        self.threshold = float(m.get("threshold", 0.0))

    @classmethod
    def load(cls) -> Calibration:
        return cls(Ranker.load().model.get("answer"))

    def probability(self, f: list[float]) -> float:
        z = self.bias + math.fsum(w * x for w, x in zip(self.weights, f, strict=True))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def run(turn: Turn, ctx: Context) -> None:
    a, q = turn.answer, turn.question
    if a is None or q is None:
        return
    reason = turn.decision.reason if turn.decision is not None else ""
    # "the report has no figure for this group/item" is certain only about a question surely understood; about a
    # question barely matched it would refuse something else than was asked: ask back instead
    unsure = (
        reason in _UNPUBLISHED
        and q.question_score < UNSURE_UNPUBLISHED
        and "followup" not in q.inherited
        # (the report has no results by fylke at all: refusing one is right whichever question was meant)
        and not (reason == "group_unpublished" and q.group_dim == "fylke")
    )
    # "Jeg er ny som HR-leder … Hvordan står det egentlig til ute i bedriftene?": the question the story named
    # has no results, but the sentence that asks is not about it: what is meant is asked back
    unsure = unsure or (reason in {"unpublished", *_UNPUBLISHED} and _adrift(turn, ctx))
    if a.route == "none" and (reason in RULE_REFUSALS or q.intent in RULE_REFUSALS) and not unsure:
        a.confidence = 0.95
        return
    cal: Calibration = ctx.calibration
    p = round(cal.probability(features(turn, ctx)), 3)
    a.confidence = p
    # "Hvor nyttig var det?" or "Og de små bedriftene da?" with nothing before: no topic to answer about
    orphan = bool(re.match(intents.FOLLOWUP, q.text)) and len(q.text.split()) <= 6
    # "hva sier den om de små?": "den" points back to something never said
    orphan = orphan or (
        bool(
            re.match(
                r"(og |men )?(hva|kva) (sier|seier|viser) (den|det|dei|de|dem|disse|desse) (om|for) (de |dei )?"
                r"(aller )?(små|store|minste|største|mellomstore|andre)\b",
                q.text,
            )
        )
        and len(q.text.split()) <= 8
    )
    bare = bool(BARE_TOPIC.match(q.text)) and q.intent not in ("method", "questionnaire")
    no_topic = not set(tokens(q.text)) - GENERIC_TOKENS and q.intent not in ("method", "questionnaire")
    # "hvor mange svarte vet ikke?": an answer of many questions named, and nothing of which question
    only_option = (
        bool(q.options)
        and not q.items
        and all(_key(label) in _shared_answers() for label in q.options)  # («vet ikke», not Figur 13's)
        and not (set(tokens(q.text)) - GENERIC_TOKENS - set(tokens(" ".join(q.options))))
    )
    no_topic = no_topic or (only_option and q.intent not in ("method", "questionnaire"))
    # "Kor nyttig var kontakten?" with nothing before: two questions tie (Arbeidstilsynet, NAV Arbeidslivssenter)
    # and a short question has nothing else that tells them apart
    # (a rival ranked above the one chosen means a rule chose it, by the scale or wave asked: no tie)
    tied = len(q.text.split()) <= 6 and q.runner_up >= 0.5 and 0 <= q.question_score - q.runner_up < TIE
    vague = (bool(VAGUE.match(q.text)) or orphan or bare or no_topic or tied) and not turn.history
    # "rekrutteringa … betre av heimekontor": an item of another question, and none of this one's; the answer
    # would be about its other items, however well the rest of the wording matched
    same = bool(a.data) and a.data[0].get("question_id") == q.question_id  # the rows are the question's own
    strange = foreign_item(q, ctx.match, ctx.index.bm25.idf) if a.answerable and same else None
    note = None
    if strange:  # named as the user wrote it ("rekruttere"), not as its stem
        word = next((w for w in re.findall(r"[\wæøå-]+", q.raw) if tokens(w) == [strange]), strange)
        note = f"«{word}» er ikke blant punktene i spørsmålet om {_title(q.question_id)}"
    # "samarbeidet ble dårligere": a change asked about, answered by a question that measures none
    clash = not strange and same and a.route in ("data", "text") and _scale_clash(q, ctx.match)
    if a.answerable and p >= cal.threshold and not vague and not strange and not clash:
        return
    suggestions = suggest(turn, ctx)
    if not suggestions:
        return
    if a.answerable or vague or unsure:
        turn.answer = ask_back(q, suggestions, p, note=note)
    else:  # nothing found: the refusal says so, and offers what is close
        a.suggestions = suggestions
        a.answer += "\n\n**Mente du kanskje:**\n" + "\n".join(f"- {s.question}" for s in suggestions)


_IDIOM_PLACE = r"\b(der|her) (ute|inne|i landet|i norge)\b"


def _adrift(turn: Turn, ctx: Context) -> bool:
    """The sentence that asks, after a story, names nothing of the survey question found (the story named it)
    and points back to nothing in the story («Jeg er ny som HR-leder … Hvordan står det egentlig til ute i
    bedriftene?»)."""
    q: Question = turn.question  # type: ignore[assignment]
    asking = _asked_sentence(q.text)
    # ("der ute", "her i landet": a place said for its own sake points back to nothing)
    if not asking or turn.history or not q.question_id or re.search(_POINTS_BACK, re.sub(_IDIOM_PLACE, " ", asking)):
        return False
    info = ctx.match.questions.get(q.question_id) or {}
    items = [i for i in info.get("items") or [] if isinstance(i, dict)]
    said = " ".join(
        [str(info.get("text") or ""), str(info.get("title") or ""), *(str(k) for k in info.get("keywords") or [])]
        + [str(i.get("label") or "") + " " + " ".join(i.get("aliases") or []) for i in items]
    )
    own = set(topic_words(asking)) - GENERIC_TOKENS
    return bool(own) and not own & set(tokens(normalize(said)))


def _scale_clash(q: Question, m: Any) -> bool:
    """A change asked about ("ble dårligere", "har økt") and the answer's question measures no change; or
    who used something asked about ("mest brukt") and the answer's question measures how useful it was."""
    asked = m.asked_scales(m.strip_slots(q.text))
    scale = m._scales.get(q.question_id or "")
    if (
        asked == {"yesno"}
        and scale == "useful"
        and q.measure != "n"
        and re.search(r"\b(brukt|brukes|brukte|benytte[td]?)\b", q.text)
    ):
        # Tabell 6 rates the services the companies used: how many used one is its base (a count), but which
        # is used most is nowhere
        return True
    if q.items or q.options:  # "forslag til tiltak for et bedre arbeidsmiljø": the word is the item's own
        return False
    return asked == {"change"} and scale != "change"


def foreign_item(q: Question, m: Any, idf: dict[str, float]) -> str | None:
    """A word of the question that names an item of another survey question only ("rekrutteringa … betre av
    heimekontor": recruitment is a reason for the work on the environment, Figur 12, not a change from home
    office, Tabell 2), when no item of the question found was named: the answer would be about its other items."""
    if not q.question_id or not (m.questions.get(q.question_id) or {}).get("items"):
        return None
    owners = _item_word_owners(m)
    own = _own_words(m, q.question_id)
    said = q.text
    asking = _asked_sentence(q.text)
    if q.items and "bank_item" not in q.inherited and asking:
        # "Vi hadde en telefon om et regelverksspørsmål. Hvor nyttig var slik annen type kontakt?": the sentence
        # that asks names an item of its own; the story's words are not asked about
        said = asking
    for t in tokens(m.strip_slots(said)):
        if t in own or t in GENERIC_TOKENS or len(t) < 5 or idf.get(t, 99.0) < 5.0:
            continue  # a common word ("ansatte") or one of this question's own
        if any(len(o) > len(t) and o.endswith(t) for o in own):
            continue  # the head of one of its own compounds ("fravær" of «sykefravær»)
        others = owners.get(t, set()) - {q.question_id}
        if not others and t not in idf and len(t) >= 7:
            # a word the report never uses in this form ("rekruttere"): the other question's word of the
            # same family ("rekruttering")
            family = {o for w, qs in owners.items() if w[:7] == t[:7] for o in qs}
            others = set() if q.question_id in family else family  # a family this question's items share
        if len(others) == 1:  # a specific item word of exactly one other question
            return t
    return None


@lru_cache(maxsize=64)
def _own_words(m: Any, qid: str) -> frozenset[str]:
    """Every stemmed word of a codebook question (wording, items, options, keywords …), once per question."""
    return frozenset(tokens(" ".join(strings(m.questions.get(qid) or {}, keys=False))))


@lru_cache(maxsize=4)
def _item_word_owners(m: Any) -> dict[str, set[str]]:
    """Stemmed item words (labels and aliases) → the questions whose items use them (once per matcher)."""
    found: dict[str, set[str]] = {}
    for qid, info in m.questions.items():
        for it in info.get("items") or []:
            for w in tokens(" ".join([str(it.get("label") or ""), *(it.get("aliases") or [])])):
                found.setdefault(w, set()).add(qid)
    return found


def ask_back(
    q: Question, suggestions: list[Suggestion], confidence: float, note: str | None = None
) -> Answer:
    first = (
        f"{note}, så jeg gir ikke et tall som kan gjelde noe annet. "
        if note
        else "Jeg er ikke sikker på hva du spør om, så jeg gir ikke et tall som kan gjelde noe annet. "
    )
    lines = [
        first + "Mente du ett av disse spørsmålene?",
        "",
        *(f"- {s.question}" for s in suggestions),
    ]
    understood = _title(q.question_id) if q.question_id else None
    if understood:
        lines += ["", f"Slik jeg forstod det, handler spørsmålet om {understood}."]
    return Answer(q.raw, "none", False, "\n".join(lines), confidence=confidence, suggestions=suggestions)


def _title(qid: str | None) -> str | None:
    info = knowledge.question(qid or "") or {}
    title = str(info.get("title") or "")
    return (title[0].lower() + title[1:] if title[1:2].islower() else title) if title else None


def suggest(turn: Turn, ctx: Context, limit: int = 3) -> list[Suggestion]:
    """Up to three questions the survey answers, nearest to what was asked: the bank targets the question's
    nearest phrasings voted for, then the ranker's next questions."""
    q: Question = turn.question  # type: ignore[assignment]
    m = ctx.match
    out: list[Suggestion] = []
    seen: set[str] = set()
    first_phrasing: dict[int, str] = {}
    for p in m.bank.phrasings:
        first_phrasing.setdefault(p.target, p.text)
    ranked = [t for t, _v in sorted(q.votes.items(), key=lambda kv: (-kv[1], kv[0])) if t in first_phrasing]
    if q.intent != "questionnaire":  # figures first: a question about the questionnaire only when asked for
        ranked = [t for t in ranked if m.bank.targets[t].route != "questionnaire"] + [
            t for t in ranked if m.bank.targets[t].route == "questionnaire"
        ]
    # different survey questions first, so the choices differ; then the rest in the order of the vote
    firsts = [t for i, t in enumerate(ranked) if m.target_qid[t] is None or m.target_qid[t] not in
              {m.target_qid[u] for u in ranked[:i]}]  # fmt: skip
    understood = _understood_target(q, m, first_phrasing)
    if understood is not None:  # what was understood comes first: one click answers it if it was meant
        firsts = [understood, *(t for t in firsts if t != understood)]
    for t in [*firsts, *ranked]:
        target = m.bank.targets[t]
        key = target.quote or f"{target.question_id}/{target.item}"
        if key in seen:
            continue
        seen.add(key)
        label = _title(target.question_id) or first_phrasing[t]
        if target.item:
            label = f"{label}: {target.item}"
        out.append(Suggestion(label=(label[:1].upper() + label[1:])[:80], question=first_phrasing[t]))
        if len(out) >= limit:
            break
    return out


def _understood_target(q: Question, m: Any, phrased: dict[int, str]) -> int | None:
    """The bank target of the question and item understood (its answer named, if one is), when there is one."""
    if not q.question_id or q.intent not in ("figure", "rank", "compare"):
        return None
    fits = [
        (bool(q.options) and bool(set(t.options) & set(q.options)), -i)
        for i, t in enumerate(m.bank.targets)
        if i in phrased
        and t.route == "data"
        and t.question_id == q.question_id
        and (t.item in q.items if q.items else t.item is None)
    ]
    return -max(fits)[1] if fits else None

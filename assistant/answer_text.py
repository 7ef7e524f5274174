"""Step: answer from the report's text — the questionnaire (Vedlegg 2) or the sentences that answer best.

Retrieval (BM25 + e5 vectors) ranks passages, boosted towards the sections and figures the decision points
at; `best_sentences` picks the sentences; a text answer must cover the question's own words, and a figure
asked for needs a sentence that states one for the item asked about.
"""

from __future__ import annotations

import math
import re

from . import intents, knowledge
from .answer_data import SKEWED
from .claims.statements import actors, named_actors
from .compose.data import WAVE_TEXT
from .compose.lead import GAP
from .compose.numbers import n_text, points
from .compose.scale import ASKS_SCALE, scale_part
from .compose.text import (
    ANAPHOR,
    BECAUSE_BEFORE,
    CAUSAL,
    EXPLANATION,
    NUMBER_STATEMENT,
    SIZE_MENTION,
    best_sentences,
    compose_passages,
    compose_questionnaire,
    passage_source,
)
from .match import Matcher
from .match.questions import scales_named, topic_words
from .match.words import _key
from .normalize import names_nothing, normalize, tokens
from .report import ALL_COMPANIES, split_sentences
from .route import GROUP_DIM_WORDS, WAVE_WORDS, Decision, group_words, only_other_wave
from .state import Context, Turn
from .two_questions import _said
from .types import Answer, Passage, Question, Source
from .understand import _asked_sentence

DATE_PATTERN = re.compile(
    r"\d+\.\s*[–-]\s*\d+\.|\d+\. (januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)"
)
METHOD_SECTIONS = {"0", "1", "2.1", "7.1", "7.2", "7.3"}
METHOD_QUERY = {
    "weighting": "vekting vektet vekt utvalget bruttoutvalget nettoutvalget",
    "significance": "statistisk signifikanstesting forskjeller",
    "who": "Agenda Kaupang Kantar oppdrag gjennomføringen datainnsamlingen",
    "dates": "gjennomført perioden",
    "representativeness": "bruttoutvalget nettoutvalget underrepresentert forskjeller",
    "method": "metode spørreskjemabasert undersøkelse utvalg",
    "scale": "svarskalaen skjev mangler svaralternativ glipp kodingen varsomhet",
}


WHO_PATTERN = re.compile(
    r"\b(utført|gjennomført|stått for|hatt ansvaret for|ansvaret for)\b.{0,40}\b(av|datainnsamlingen)\b|\bav (NHO|Kantar|Agenda Kaupang)\b"
)


# who carried out the June supplement: the sentence naming that wave ("Tilleggsundersøkelsen … ble utført av NHO")
WHO_JUNE = re.compile(r"(Tilleggsundersøkelsen|juni)\b[^.]*\b(utført|gjennomført) av\b", re.IGNORECASE)
BOTH_WAVES = re.compile(r"(2021|november).*(2022|juni)|(2022|juni).*(2021|november)", re.IGNORECASE)


_COMPARABLE = re.compile(r"\b(sammenlign|sammenlikn|samanlikn|sammenstill)\w*|\bsamme spørsmål\b")
# whether the waves' figures can be compared: the report's note that the question was worded otherwise
_WORDED_OTHERWISE = re.compile(r"annerledes stilt|annleis stilt|stilt annerledes|spurte vi", re.IGNORECASE)


def _both_waves(q: Question) -> re.Pattern[str] | None:
    """Two waves compared: the sentences that name both first ("Endringen fra 65 prosent i november 2021 …");
    whether they can be compared at all: the sentence saying the question was worded otherwise."""
    if "both_waves" not in q.inherited:
        return None
    if _COMPARABLE.search(q.text) and re.search(r"\b(hvorfor|kvifor|kan|ikke|ikkje|direkte)\b", q.text):
        return _WORDED_OTHERWISE
    return BOTH_WAVES


def _named_wave(q: Question) -> re.Pattern[str] | None:
    """The wave the question names ("i novembermålingen"): a sentence about that wave is preferred."""
    if (
        q.wave
        and q.intent in ("figure", "compare")
        and q.question_score >= 0.5  # a figure of a question understood, not a search for anything said
        and re.search(r"novemb|juni|\b202[12]\b", q.text)
        # a topic both waves asked about (in the same or in other words): the wave named tells them apart
        and (not knowledge.asked_only_in(q) or (knowledge.question(q.question_id or "") or {}).get("other_wave"))
    ):
        return re.compile(WAVE_WORDS[q.wave], re.IGNORECASE)
    return None


def _who_pattern(q: Question) -> re.Pattern[str] | None:
    """Who carried out (a wave of) the survey: the sentences that say so first; for one wave, the sentence
    naming that wave ("Tilleggsundersøkelsen … ble utført av NHO")."""
    if q.method_topic != "who" or not re.search(
        r"gjennomf|utført|samle|byrå|datainnsaml|\b(sto|står|stod)\b.{0,30}\bbak\b|\b(tok|kjørte|hadde ansvaret)\b",
        q.text,
    ):
        return None
    return WHO_JUNE if q.wave == "2022-06" else WHO_PATTERN


def size_words(m: Matcher, key: str, limit: int = 13) -> list[str]:
    """Words the report uses for a size group ("2–9", "de minste", "200 eller flere"); `limit` of them."""
    band = m.size_band(key)
    if band is None:
        return []
    lo, hi = band
    bands = [m.size_band(str(g.get("key") or "")) for g in m.groups.get("storrelse") or []]
    # "over 200 ansatte" is the lexicon's band of 200 or more: its words («de største», «flere enn 200 …»)
    key = next((str(g["key"]) for g, b in zip(m.groups.get("storrelse") or [], bands, strict=True)
                if b == band and g.get("key")), key)  # fmt: skip
    if not any(g.get("key") == key for g in m.groups.get("storrelse") or []) and band not in bands:
        # "vi er 30 ansatte": the report's narrowest band that holds it (10–49)
        holding = [
            (int(g.get("min") or 1), g.get("max"), g["key"])
            for g in m.groups.get("storrelse") or []
            if g.get("key")
            and int(g.get("min") or 1) <= lo
            and (g.get("max") is None or hi is not None and hi <= int(g["max"]))
        ]
        if holding:
            lo2, hi2, key = min(holding, key=lambda x: (x[1] if x[1] is not None else 10**6) - x[0])
            lo, hi = lo2, (int(hi2) if hi2 is not None else None)
    return [
        f"{lo}-{hi}" if hi else f"{lo} eller flere",
        "ansatte",
        *group_words(m, "storrelse", key)[1:limit],
    ]


def run(turn: Turn, ctx: Context) -> None:
    d = turn.decision
    if turn.answer is not None or d is None or d.route != "text":
        return
    turn.answer, turn.decision = text_answer(turn, ctx, d)


def text_answer(turn: Turn, ctx: Context, d: Decision) -> tuple[Answer | None, Decision]:
    """The answer, or None with a 'none' decision saying why nothing in the text answers."""
    q: Question = turn.question  # type: ignore[assignment]
    if d.reason == "statement":
        a = statement_answer(ctx, q, d)
        if a.route != "none":
            return a, d
        return a, Decision("none", "no_figure" if a.answer.startswith(NO_FIGURE_LEAD) else "unexplained")
    if d.reason == "base":
        return base_answer(q), d
    if d.reason == "wording_waves":
        a = wording_waves_answer(ctx, q)
        if a is not None:
            return a, d
        d = Decision("text", "prose", sections=d.sections, figures=d.figures)
    if d.reason == "excluded":
        return excluded_answer(ctx, q), d
    if d.reason == "caveats":
        return caveats_answer(ctx, q, ctx.previous_answer(turn.history)), d
    if d.reason == "source":
        previous = ctx.previous_answer(turn.history)
        if previous is None or not previous.answerable or not previous.sources:
            return None, Decision("none", "not_found")
        return source_answer(q, previous), d
    if d.reason == "questionnaire":
        matches = ctx.match.match_questions(ctx.match.strip_slots(q.text), turn.qvec())
        text, sources = compose_questionnaire(q, matches)
        info = knowledge.question(q.question_id) if q.question_id and text else None
        if info and ASKS_SCALE.search(q.text):
            said, cited = scale_part(ctx.index.passages, info)
            if said:
                text, sources = said + "\n\n" + text, [*cited, *sources]
        if text:
            return Answer(q.raw, "text", True, text, sources=sources), d
        d = Decision("text", "search", sections=["8"])
    boost: dict[int, float] = {}
    for p in ctx.index.passages if d.reason == "method" else []:
        # method text: any method section, Vedlegg 1's own first (the summary and 2.1 repeat its facts)
        if p.section in d.sections and p.section.startswith("7"):
            boost[p.id] = 1.3
    for p in ctx.index.passages if d.reason != "method" else []:
        w = 1.0
        if p.section in d.sections:
            w *= 1.6
        elif p.section == "1" or any(p.section.split(".")[0] == x.split(".")[0] for x in d.sections if x):
            w *= 1.2  # the chapter's own summary and the report's summary
        if d.figures and set(p.figures) & set(d.figures):
            w *= 1.4
        if p.kind in ("footnote",) and not d.sections:
            w *= 0.7
        if w != 1.0:
            boost[p.id] = w
    quotable = {p.id for p in ctx.index.passages if p.kind in ("prose", "footnote")}
    allowed = quotable
    if d.must_mention:
        allowed = {
            i
            for i in ctx.mentioning(tuple(sorted({w.lower() for w in d.must_mention if w})))
            if not d.sections
            or ctx.index.passages[i].section in d.sections
            or set(ctx.index.passages[i].figures) & set(d.figures)
        }
        if not allowed:
            return None, Decision("none", "group_unpublished", sections=d.sections)
    if d.reason == "method":  # (the sentence named, if one is, in a method section)
        allowed = {i for i in allowed if ctx.index.passages[i].section in METHOD_SECTIONS}
    expansion = METHOD_QUERY.get(q.method_topic or "", "")
    # the method's one defining sentence is asked for ("ikke benyttet vekting"): a size group named beside it
    # ("siden små bedrifter er underrepresentert") is a reason, not where to look
    defining = d.reason == "method" and bool(d.must_mention)
    if q.group_dim == "storrelse" and q.group_key and not defining:
        expansion += " " + " ".join(size_words(ctx.match, q.group_key))
    # a wave the question was not asked in: its sentences are found without that wave's words, and say so first
    if q.wave and not knowledge.asked_only_in(q):
        expansion += " " + {"2021-11": "november 2021", "2022-06": "juni 2022"}[q.wave]
    if q.intent == "rank":
        expansion += " høyest flest størst lavest minst"
    if _both_waves(q) is _WORDED_OTHERWISE:
        expansion += " annerledes stilt"
    if q.question_id and q.intent != "method":  # a method question's best survey question is a guess
        info = knowledge.question(q.question_id) or {}
        expansion += " " + " ".join((info.get("keywords") or [])[:4])
    topic = f"{q.context} {q.text} {' '.join(q.items)}".strip()  # a follow-up keeps its earlier topic
    query = f"{topic} {expansion}"
    hits = ctx.index.search(query, turn.qvec(), k=10, allowed=allowed, boost=boost)
    # the best passages anywhere, too: an exact rare word ("skjev") may sit outside the boosted section
    seen = {p.id for p, _ in hits}
    hits += [h for h in ctx.index.search(query, turn.qvec(), k=4, allowed=allowed) if h[0].id not in seen]
    who = _who_pattern(q)
    before_pandemic = bool(re.search(intents.BEFORE_PANDEMIC, q.text))
    by_size = q.group_dim == "storrelse" and not q.group_key and q.intent in ("rank", "compare")
    counted = _counted(q)  # "innen hvor mange uker?": a sentence that counts in weeks
    named_wave = _named_wave(q)  # "i novembermålingen": that wave's sentences first
    picked = best_sentences(
        topic,
        hits,
        ctx.index.bm25.idf,
        limit=6
        if _choices(q) or len(q.items) == 2 or before_pandemic
        else 3,  # room for what is asked (`asked_option_first`)
        prefer_total=q.group_dim is None,
        focus=" ".join([*q.items, q.option_word or " ".join(q.options)]),
        must_mention=d.must_mention,
        explain=q.intent == "explain" or bool(re.search(r"\bhvorfor\b", q.text)),
        expansion=expansion,
        prefer=DATE_PATTERN
        if q.method_topic == "dates"
        else _population(q)
        if q.method_topic == "population"
        else SIZE_MENTION  # "hvilke bedrifter har flest …": a sentence naming sizes, with a figure or not
        if by_size
        else _BEFORE  # "sammenlignet med før pandemien": the report's sentence on the time before
        if before_pandemic
        else counted or who or _both_waves(q) or named_wave,
        want_number=q.intent in ("figure", "rank", "compare") and q.question_id is not None and not by_size,
        group_words=size_words(ctx.match, q.group_key, limit=100)  # every word of the group, to find it by
        # (not when the sentence that answers is named: "de små svarte mindre – ble det vektet?" asks about
        # the weighting, and its sentence names no size)
        if q.group_dim == "storrelse" and q.group_key and not defining
        else _ANY_SIZE
        if by_size
        else None,
        following=ctx.following,
        preceding=ctx.preceding,
    )
    picked = _own_topic_first(ctx, q, picked)
    if named_wave is not None:
        # "I novembermålingen, hvor mange …?": a sentence on the other wave only answers another question
        picked = [x for x in picked if not only_other_wave(q.wave, x[1].lower())] or picked
    if defining:
        # "Var tallene vektet, siden små bedrifter er underrepresentert?": the sentence that says it leads
        named = [w.lower() for w in d.must_mention]
        picked = sorted(picked, key=lambda x: not any(w in x[1].lower() for w in named))
        if q.method_topic == "scale" and picked:
            # "Svarskalaen er med andre ord skjev …": what the scale is, said in the sentence before, comes along
            ps, said, score = picked[0]
            own = split_sentences(ps.text)
            at = next((i for i, x in enumerate(own) if x[:40] in said), None)
            before = own[at - 1] if at else (ctx.preceding.get(ps.id) or "") if at == 0 else ""
            if "svarskal" in before.lower() and before not in said:
                picked[0] = (ps, f"{before} {said}", score)
    if before_pandemic:
        # "… sammenlignet med før pandemien?": what the report says of the time before leads, its figure first
        before = sorted((x for x in picked if _BEFORE.search(x[1])), key=lambda x: not re.search(r"\d", x[1]))
        picked = before + [x for x in picked if x not in before]
        if before and not re.search(r"\d", before[0][1]):
            # "… mer utbredt enn før pandemien." and the figure it rests on, in the next sentence
            ps, said, score = before[0]
            rest = split_sentences(ps.text)
            nxt = next((rest[i + 1] for i, x in enumerate(rest[:-1]) if said.startswith(x)), "")
            if re.search(r"\d", nxt) and nxt not in said:
                picked[0] = (ps, f"{said.split(' […] ')[0]} {nxt}", score)
    picked = each_item(ctx, q, asked_option_first(q, same_actor(q, picked)))[:3]
    if counted is not None:  # "innen hvor mange uker?": the sentence that counts in weeks leads
        picked = sorted(picked, key=lambda x: not counted.search(x[1]))
    picked = unrated_first(ctx, q, picked)
    if _both_waves(q) is BOTH_WAVES and picked and not _SHARE.search(picked[0][1]):
        # two waves compared, and the first sentence has no share: one with both waves' shares leads
        picked = sorted(picked, key=lambda x: not (BOTH_WAVES.search(x[1]) and _SHARE.search(x[1])))
    why = q.intent == "explain" or bool(re.search(r"\b(hvorfor|kvifor)\b", q.text))
    if why and "followup" in q.inherited and len(q.text.split()) <= 4:
        # a bare "Hvorfor?" after an answer: the reason the report gives right after the finding just quoted
        because = _reason_for_previous(ctx, q, ctx.previous_answer(turn.history))
        if because is not None:
            picked = because
    unexplained = False
    if why and picked and not any(EXPLANATION.match(s) or CAUSAL.search(s) for _p, s, _v in picked):
        # "Hvorfor …?": the report's explanation a few sentences after the finding («Det kan tyde på at …»)
        found = _explanation_after(ctx, q, picked) or _explanation_among(ctx, q, hits)
        if found is None:
            # the report states the finding but gives no reason for it: say so first
            unexplained = bool(re.search(r"\b(hvorfor|kvifor)\b", q.text))
        elif not any(found[1] in x for _p, x, _v in picked):  # (not already quoted after its finding)
            picked = [found, *[x for x in picked if x[1] != found[1]]][:3]
    if who is not None and q.wave and not any(who.search(x) for _p, x, _s in picked[:1]):
        # who carried out one wave: the report's sentence naming that wave and who did it, first
        picked = _led_by(ctx, picked, who)
    if q.method_topic == "population" and not any(POPULATION.search(x[1]) for x in picked):
        # how the companies were chosen is said once, in 7.2: that sentence, also when retrieval missed it
        picked = _led_by(ctx, picked, POPULATION, chapter="7")
    if q.method_topic == "population" and picked and not POPULATION.search(picked[0][1]):
        # who answered: the sentences naming the member companies first (not one that only shares «svarte»)
        picked = sorted(picked, key=lambda x: (not POPULATION.search(x[1]), not ANSWERED_BY.search(x[1])))
    if q.method_topic == "dates" and picked and not _DATED.search(picked[0][1]):
        # when it was carried out: the sentences that give the dates first (not one that shares «tidsperioden»)
        picked = sorted(picked, key=lambda x: not _DATED.search(x[1]))
    if _both_waves(q) is _WORDED_OTHERWISE and picked:
        # can the waves be compared: the report's note that the question was worded otherwise, first
        noted = next((x for x in picked if _WORDED_OTHERWISE.search(x[1])), None)
        if noted is None:
            noted = next(((ps, x, 99.0) for ps, _s in hits for x in split_sentences(ps.text)
                          if ps.kind in ("prose", "footnote") and _WORDED_OTHERWISE.search(x)), None)  # fmt: skip
        if noted is not None:  # "… annerledes stilt. Den gang spurte vi «…»": how, too
            rest = split_sentences(noted[0].text)
            nxt = [y for i, y in enumerate(rest[1:]) if rest[i] in noted[1] and y not in noted[1]]
            if nxt and re.match(r"(Den gang|Da|Der) ", nxt[0]):
                noted = (noted[0], f"{noted[1]} {nxt[0]}", noted[2])
        if noted is not None:
            picked = [noted, *[x for x in picked if x[1] != noted[1]]][:3]
    if not picked or not covers(ctx, q, query, picked):
        if d.reason == "size_prose" and q.question_id:
            # a size group of a question the report publishes for all companies only, and no sentence on it
            return None, Decision("none", "group_unpublished", sections=d.sections)
        return None, Decision("none", "not_found")
    if d.reason in ("item_prose", "figure_only") and q.intent == "figure" and q.measure in ("share", "mean"):
        # a figure was asked for; prose without any figure for that item does not answer it
        if not mentions_item(q, picked) or not any(NUMBER_STATEMENT.search(s) for _p, s, _ in picked):
            return None, Decision("none", "item_unpublished")
    text, sources = compose_passages(picked)
    text = _wave_note(q) + _gap_of_quoted(q, picked) + text
    if unexplained:
        text, refused = _no_reason_given(q, text, sources)
        if refused is not None:
            return refused, Decision("none", "unexplained")
    elif d.reason == "group_prose" and q.group_key is None and not _names_a_group(d, picked):
        # "hvilken landsforening …?" answered by a sentence on «bransjer» in general: say the breakdown is missing
        each = "hvert fylke" if q.group_dim == "fylke" else "hver landsforening"
        text = f"Rapporten oppgir ikke tall for {each} om dette. Dette er det den skriver:\n" + text
    counted = _counted(q)  # ("hvor mange uker …": «innen 26 ukers sykefravær» states the figure asked)
    no_figure = (
        d.reason == "search"
        and q.intent == "figure"
        and re.search(_COUNT_ASKED, q.text)
        and not any(NUMBER_STATEMENT.search(s) or (counted and counted.search(s)) for _p, s, _ in picked)
    )
    if no_figure:
        # "Kor mange har skrive under IA-avtale?" and the report's sentences on it give no figure: no answer to
        # the question as asked (answerable false), with what the report does say
        text = f"{NO_FIGURE_LEAD} Dette er det den skriver om det:\n\n" + text
        return Answer(q.raw, "none", False, text, sources=sources), Decision("none", "no_figure")
    caveats = []
    if q.question_id == "ROLLER_BETYDNING" or any("svarskala" in s.lower() for _p, s, _ in picked):
        caveats.append(SKEWED)
    caveats += other_survey(picked)
    if d.reason in ("figure_only", "item_prose"):
        # the figure the quoted sentence states for the one item asked about (an image in the report) is a source
        sources += [Source(label=lab, section=d.sections[0] if d.sections else None) for lab in _item_figures(q, picked)
                    if all(src.label != lab for src in sources)]  # fmt: skip
    return Answer(q.raw, "text", True, text, sources=sources, caveats=caveats), d


def _item_figures(q: Question, picked: list[tuple[Passage, str, float]]) -> list[str]:
    """The figures the codebook gives for the one item asked about, when a quoted sentence names that item."""
    info = knowledge.question(q.question_id or "") or {}
    if len(q.items) != 1 or not mentions_item(q, picked):
        return []
    said = _key(q.items[0])  # (the key by which the published labels are matched to the codebook's)
    for it in info.get("items") or []:
        if isinstance(it, dict) and said in (_key(it.get("label") or ""), _key(it.get("table_label") or "")):
            return [str(x) for x in (it.get("published_in") or [])[:1]]
    return []


# "hvorfor mener rapporten …", "kvifor trur dei …": the authors' reasoning, which the quotes show
_AUTHORS_VIEW = (
    r"\b(mener|meiner|tror|trur|skriver|skriv|sier|seier|konkluderer|foreslår|anbefaler|tolker|tolkar)\s+"
    r"(rapporten|de|dei|forfatterne|forfattarane|nho|agenda kaupang|barometeret|analysen)\b"
)
_SHARE = re.compile(r"\d+\s*(%|prosent)|\d+ av \d+")


def _no_reason_given(q: Question, text: str, sources: list) -> tuple[str, Answer | None]:
    """The quoted finding, said first to give no reason. The finding is there, its cause is not: the question
    as asked has no answer (answerable false), with what the report does say — unless the authors' own
    reasoning was asked («hvorfor mener rapporten …»), which the quotes are."""
    text = "Rapporten forklarer ikke hvorfor. Dette er det den sier om det:\n\n" + text
    if re.search(_AUTHORS_VIEW, q.text):
        return text, None
    return text, Answer(q.raw, "none", False, text, sources=sources)


def _counted(q: Question) -> re.Pattern[str] | None:
    """ "innen hvor mange uker …?": a sentence that counts in that unit («innen 26 ukers sykefravær») first."""
    unit = re.search(r"\b(?:hvor|kor) mange (uker|dager|måneder|timer)\b", q.text)
    if unit is None and re.match(r"(?:og |men )?(?:når|kor tid|hvor lenge|kor lenge|hvor tidlig)\b", q.text):
        # "Når i sykefraværet blir dialogmøte 2 holdt?": a sentence that says when, in weeks, days or months
        return re.compile(r"\b\d+\s*(?:uke|uker|ukers|dag|dager|dagers|måned|måneder|måneders)\b", re.IGNORECASE)
    return re.compile(rf"\b\d+\s*{unit.group(1)[:3]}\w*", re.IGNORECASE) if unit else None


# a date of the fieldwork ("18.–29. november 2021", "1.–6. juni 2022")
_DATED = re.compile(r"\b\d{1,2}\.\s*(?:[–-]\s*\d{1,2}\.\s*)?(?:(?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)\b|[–-])")
_COUNT_ASKED = re.compile(r"\b(hvor|kor) mange\b|\b(hvor|kor) stor\b|\bandel(en)?\b|\bprosent\b")


def _names_a_group(d: Decision, picked: list[tuple[Passage, str, float]]) -> bool:
    """Whether a quoted sentence names one of the groups by name (not just «bransjer», «fylkene»)."""
    generic = {w for words in GROUP_DIM_WORDS.values() for w in words}
    names = [w for w in d.must_mention if w not in generic]
    return any(
        re.search(rf"(?<![\wæøå]){re.escape(w)}(?![\wæøå])", s, re.IGNORECASE)
        for w in names
        for _p, s, _v in picked
    )


def _led_by(
    ctx: Context, picked: list[tuple[Passage, str, float]], pattern: re.Pattern[str], chapter: str = ""
) -> list[tuple[Passage, str, float]]:
    """The picked sentences led by the report's first prose sentence matching `pattern` (in `chapter`, when
    given), found in the whole report: retrieval may have missed it. Unchanged when there is none."""
    found = next(((ps, x) for ps in ctx.index.passages if ps.kind == "prose" and ps.section.startswith(chapter)
                  for x in split_sentences(ps.text) if pattern.search(x)), None)  # fmt: skip
    if found is None:
        return picked
    return [(found[0], found[1], 99.0), *[x for x in picked if x[1] != found[1]]][:3]


def _explanation_after(
    ctx: Context, q: Question, picked: list[tuple[Passage, str, float]]
) -> tuple[Passage, str, float] | None:
    """The first explaining sentence within five after a picked finding that shares a topic word with the
    question ("… dialogmøte 2 …": «Det kan tyde på at NAVs dialogmøte 2 er, relativt sett, bedre tilpasset …»)."""
    asked = {t for t in tokens(f"{q.context} {q.text}") if len(t) >= 5}  # a follow-up's "hvorfor?": its topic
    for p, sentence, score in picked:
        sentences = split_sentences(p.text) + ctx.following.get(p.id, [])[:5]
        at = next((i for i, x in enumerate(sentences) if x in sentence or sentence in x), None)
        if at is None:
            continue
        for x in sentences[at + 1 : at + 6]:
            if (EXPLANATION.match(x) or CAUSAL.search(x)) and asked & set(tokens(x)):
                return p, x, score
    return None


def _gap_of_quoted(q: Question, picked: list[tuple[Passage, str, float]]) -> str:
    """ "Hvor mange prosentpoeng falt …?" answered by a sentence with two shares: their difference first."""
    if not picked or not re.search(GAP, q.text):
        return ""
    said = " ".join(x for p, x, _v in picked if p.id == picked[0][0].id)  # one paragraph's figures
    shares = re.findall(r"(?<![\d,])(\d{1,3}(?:,\d+)?) ?(?:%|prosent\b)", said)
    values = list(dict.fromkeys(shares))
    if len(values) != 2:
        return ""
    a, b = (float(v.replace(",", ".")) for v in values)
    return (
        f"Forskjellen mellom {values[0]} % og {values[1]} % er **{points(a, b)}**, regnet ut fra tallene "
        "rapporten oppgir:\n\n"
    )


def _reason_for_previous(
    ctx: Context, q: Question, previous: Answer | None
) -> list[tuple[Passage, str, float]] | None:
    """The previous answer's quoted findings (at most two) each with the report's explanation after it, or
    None when the report explains none of them."""
    if previous is None or not previous.answerable:
        return None
    quotes = [s.quote.strip(" «»") for s in previous.sources if s.quote]
    out: list[tuple[Passage, str, float]] = []
    for quote in quotes:
        head = quote[:60]
        p = next((x for x in ctx.index.passages if x.kind == "prose" and head in x.text), None)
        sentence = next((x for x in split_sentences(p.text) if head in x), None) if p is not None else None
        if sentence is None:
            continue
        found = _explanation_after(ctx, q, [(p, sentence, 99.0)])
        if found is not None and found[1] != sentence and len(out) < 4:
            out += [(p, sentence, 99.0), found]
    return out or None


# any size group in the report's words: "hvilke bedrifter …" is answered by a sentence that names sizes
_ANY_SIZE = [
    "små og mellomstore",
    "store bedrift",
    "største bedrift",
    "minste bedrift",
    "årsverk",
    "mellomstore",
]


def _explanation_among(
    ctx: Context, q: Question, hits: list[tuple[Passage, float]]
) -> tuple[Passage, str, float] | None:
    """A sentence giving a cause («trolig fordi de i langt mindre grad har benyttet …») in the passages found
    or next to them, sharing at least two topic words with the question (a follow-up's earlier question
    included)."""
    asked = {t for t in tokens(f"{q.context} {q.text}") if len(t) >= 5}
    best: tuple[int, Passage, str, float] | None = None
    ps = ctx.index.passages
    near = {}
    for p, score in hits:
        for i in range(p.id - 2, p.id + 3):
            if 0 <= i < len(ps) and ps[i].section == p.section and i not in near:
                near[i] = (ps[i], score)
    for p, score in near.values():
        if p.kind not in ("prose", "footnote"):
            continue
        for x in split_sentences(p.text):
            shared = len(asked & set(tokens(x)))
            if CAUSAL.search(x) and shared >= 2 and (best is None or shared > best[0]):
                best = (shared, p, x, score)
    return (best[1], best[2], best[3]) if best else None


POPULATION = re.compile(r"register over sine medlemsbedrifter|samtlige av disse", re.IGNORECASE)
# … and sentences that say who answered without saying how they were chosen
ANSWERED_BY = re.compile(r"blant (sine|NHOs) medlemsbedrifter|arbeidsgivernes perspektiv", re.IGNORECASE)
WHO_ANSWERED = re.compile(f"{POPULATION.pattern}|{ANSWERED_BY.pattern}", re.IGNORECASE)


def _population(q: Question) -> re.Pattern[str]:
    """How the companies were chosen, or — «arbeidstakere eller arbeidsgivere?» — who answered."""
    asked_who = re.search(
        r"\b(arbeidstaker\w*|arbeidsgiver\w*|ansatte|tilsette|ledere|leiarar|ledelsen)\b", q.text
    )
    return WHO_ANSWERED if asked_who else POPULATION


def _wave_note(q: Question) -> str:
    """«Dette ble ikke spurt om i juni 2022, bare i november 2021:» when the user named a wave the question
    was not asked in (the quote that follows is about the other wave)."""
    asked = knowledge.asked_only_in(q)
    if asked not in WAVE_TEXT or q.wave not in WAVE_TEXT:
        return ""
    return f"Dette ble ikke spurt om i {WAVE_TEXT[q.wave]}, bare i {WAVE_TEXT[asked]}:\n"


_REFERS_TO_LIST = re.compile(
    r"\b(?:disse|de|dei) (?:to |tre |fire )?(?:forholdene|forholda|grunnene|grunnane|årsakene|punktene|momentene)\b",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"(?:^|:\s)(?:For det (?:første|andre|tredje|fjerde)|Dels|Først|Dernest|Til slutt)\b")


def _listed_reasons(ctx: Context, pid: int, sentence: str) -> list[str]:
    """ "På bakgrunn av disse to forholdene …": the sentences before it in its section that list them
    («For det første …», «For det andre …»), so the answer says what they are."""
    if not _REFERS_TO_LIST.search(sentence):
        return []
    section = ctx.index.passages[pid].section
    found: list[str] = []
    for ps in ctx.index.passages[max(0, pid - 3) : pid + 1]:
        if ps.section != section or ps.kind != "prose":
            continue
        for x in split_sentences(ps.text):
            if x in sentence:
                break
            if _LIST_ITEM.search(x.strip()):
                found.append(x.strip())
    return found[-4:]


def _up_to_explanation(sentences: list[str], sentence: str) -> str:
    """The statement and the sentences after it up to the first that explains it (at most two further on),
    with the one after that when it continues the explanation («Samtidig kan …»)."""
    last = max((i for i, x in enumerate(sentences) if x in sentence), default=None)
    if last is None:
        return sentence
    nxt = sentences[last + 1 : last + 4]
    for j, x in enumerate(nxt[:2]):
        if EXPLANATION.match(x) or CAUSAL.search(x):
            more = [y for y in nxt[j + 1 : j + 2] if EXPLANATION.match(y) or CAUSAL.search(y)]
            return " ".join([sentence, *nxt[: j + 1], *more])
    return sentence


def _names_the_other_actor(q: Question, sentence: str, after: str) -> bool:
    """The question names two actors and the sentence after names the one this sentence leaves out."""
    asked = actors(normalize(q.raw))
    if len(asked) < 2:
        return False
    said, then = named_actors(normalize(sentence)), named_actors(normalize(after))
    return any(a not in said and a in then for a in asked)


def statement_answer(ctx: Context, q: Question, d: Decision) -> Answer:
    """The statements the bank pointed at, best first; an explanation that follows a finding comes along."""
    picked = []
    seen: set[str] = set()
    for pid, sentence, vote in d.statements[:3]:
        if sentence in seen:  # two bank phrasings may point at one sentence
            continue
        seen.add(sentence)
        p = ctx.index.passages[pid]
        sentences = split_sentences(p.text) + ctx.following.get(pid, [])[:2]
        after = [s for i, s in enumerate(sentences) if i > 0 and sentences[i - 1] in sentence]
        before = [
            s for i, s in enumerate(sentences[:-1]) if sentences[i + 1] in sentence and s not in sentence
        ]
        why = q.intent == "explain" or bool(re.search(r"\b(hvorfor|kvifor)\b", q.text))
        listed = _listed_reasons(ctx, pid, sentence) if why else []
        if listed:
            # "På bakgrunn av disse to forholdene …": the two first (what lies between is left out, and marked)
            sentence = " ".join(listed) + " […] " + sentence
        elif before and why and BECAUSE_BEFORE.search(sentence):
            sentence = f"{before[0]} {sentence}"  # "… derfor …": the reason is the sentence before
        elif before and re.search(r"\bmed andre ord\b", sentence[:80]):
            sentence = f"{before[0]} {sentence}"  # "X er med andre ord skjev": what it restates comes first
        elif before and re.search(r"\bdet samme\.?$", sentence):
            sentence = f"{before[0]} {sentence}"  # "… svarer 6 av 10 det samme": what it repeats comes first
        elif before and re.match(r"(De|Han|Hun|Dei|Ho) (fant|finner|viser|skriver|peker|mener)\b", sentence):
            sentence = f"{before[0]} {sentence}"  # "De fant at …": who they are is the sentence before
        # the sentence after belongs to the statement: a short figure ("8 av 10 svarer dette."), or the
        # explanation or continuation of a finding
        if after and (
            (len(after[0].split()) <= 8 and re.search(r"\d", after[0]))
            or EXPLANATION.match(after[0])
            or CAUSAL.search(after[0])
            or (ANAPHOR.match(after[0]) and not NUMBER_STATEMENT.search(sentence))
            or (len(sentence.split()) <= 16 and not NUMBER_STATEMENT.search(sentence))
            or re.match(r"(De|Den|Det|Dette|Disse|Vi|Rapporten)\s+\S+\s+også\b", after[0])  # "De fant også …"
            or ALL_COMPANIES.search(after[0])  # "31 prosent oppgir …" of a group: "For alle bedriftene … 22 prosent"
        ):
            sentence = f"{sentence} {after[0]}"
        elif after and _names_the_other_actor(q, sentence, after[0]):
            sentence = f"{sentence} {after[0]}"  # "BHT eller dialogmøte 2?": the next sentence has the other
        elif why and not (EXPLANATION.search(sentence) or CAUSAL.search(sentence)):
            # "Hvorfor …?" of a finding: its explanation a sentence or two further on («Dette kan indikere …»)
            sentence = _up_to_explanation(sentences, sentence)
        picked.append((p, sentence, vote))
    text, sources = compose_passages(picked)
    for p, sentence, _vote in picked:
        # a method fact quoted from the summary or 2.1: where Vedlegg 1 documents it too, that is cited as well
        p7, said = _in_method_appendix(ctx, p, sentence)
        if p7 is not p and all(src.section != p7.section for src in sources):
            sources.append(passage_source(p7, said))
            label = f"> — Rapporten, {p.section_label}"
            text = text.replace(label, f"{label} (det samme står i metodevedlegget, {p7.section_label})", 1)
    text = _wave_note(q) + _gap_of_quoted(q, picked) + text
    if (
        re.search(r"\b(hvorfor|kvifor)\b", q.text)
        and q.group_dim
        in ("landsforening", "fylke")  # (the report explains no federation's or county's figure)
        and picked
        and not any(
            EXPLANATION.search(s) or CAUSAL.search(s) or BECAUSE_BEFORE.search(s) for _p, s, _v in picked
        )
    ):
        # "Hvorfor … i NHO Transport?": the finding is quoted, its cause is not in the report
        text, refused = _no_reason_given(q, text, sources)
        if refused is not None:
            return refused
    if (
        q.intent == "figure"
        and re.search(_COUNT_ASKED, q.text)
        and picked
        and not any(re.search(r"\d", s) or NUMBER_STATEMENT.search(s) or _SOME_QUANTITY.search(s) for _p, s, _ in picked)
    ):
        # "Hvor stor andel har IA-avtale i dag?" and the sentences the bank points at give no figure, not even in
        # words: no answer to the question as asked, with what the report does say
        text, sources = compose_passages(picked)
        said = f"{NO_FIGURE_LEAD} Dette er det den skriver om det:\n\n{text}"
        return Answer(q.raw, "none", False, said, sources=sources)
    caveats = [SKEWED] if any("svarskala" in s.lower() for _p, s, _ in picked) else []
    caveats += other_survey(picked)
    return Answer(q.raw, "text", True, text, sources=sources, caveats=caveats)


def _in_method_appendix(ctx: Context, p: Passage, sentence: str) -> tuple[Passage, str]:
    """A method fact quoted from the summary or 2.1 is quoted from Vedlegg 1 (7.x) when it says the same there,
    word for word or nearly: the method appendix is where the report documents its method."""
    if p.section not in ("0", "1", "2.1"):
        return p, sentence
    words = set(tokens(sentence))
    if len(words) < 5:
        return p, sentence
    for other in ctx.index.passages:
        if not other.section.startswith("7") or other.kind != "prose":
            continue
        own = split_sentences(other.text)
        # up to three sentences in a row (2.1 may join in one order what 7.2 says in another)
        runs = [" ".join(own[i : i + n]) for n in (1, 2, 3) for i in range(len(own) - n + 1)]
        for s in runs:
            theirs = set(tokens(s))
            if len(words & theirs) >= 0.75 * len(words) and len(theirs) <= 1.5 * len(words):
                return other, s
    return p, sentence


NO_FIGURE_LEAD = "Rapporten oppgir ikke noe tall for dette."
# a quantity said in words ("de fleste", "mange", "om lag", "ingen"): a figure of a kind
_SOME_QUANTITY = re.compile(
    r"\b(mange|færre|flere|fleire|majoritet\w*|mindretall\w*|om lag|rundt|omtrent|nesten|hver|kvar|"
    r"del av|andel\w*)\b",
    re.IGNORECASE,
)


def other_survey(picked: list[tuple[Passage, str, float]]) -> list[str]:
    """The caveat for a quoted figure about employees: it is from another survey the report cites."""
    cited = next((s for _p, s, _ in picked if re.search(r"\bav de ansatte\b|\blønnstakere\b", s)), None)
    if cited is None:
        return []
    study = (
        "Arbeidskraftundersøkelsen (2017)" if "Arbeidskraftundersøkelsen" in cited else "AFI-rapport 2022:04"
    )
    return [OTHER_SURVEY.format(study=study)]


OTHER_SURVEY = (
    "Tallet om de ansatte er fra en annen undersøkelse som rapporten viser til ({study}), ikke fra "
    "Arbeidsmiljøbarometeret: barometeret er besvart av bedriftene, ikke av de ansatte."
)


GENERAL_CAVEATS = (
    "Utvalget er ikke vektet, og svarprosenten var om lag 10 % i november 2021 og 13 % i juni 2022: tallene "
    "gjelder bedriftene som svarte, ikke alle NHOs medlemsbedrifter (7.2).",
    "2021 var første gang barometeret ble gjennomført, og undersøkelsen ble gjort mens koronapandemien preget "
    "arbeidslivet; rapporten ber derfor om at funnene tolkes med varsomhet (2.1).",
    "Forskjeller mellom grupper er ikke testet for statistisk signifikans (7.3).",
)


def wording_waves_answer(ctx: Context, q: Question) -> Answer | None:
    """ "Ble spørsmålet stilt på samme måte i november som i juni?": each wave's wording, and the report's own
    sentence on how they differ (the question and its `other_wave` in the codebook)."""
    info = knowledge.question(q.question_id) if q.question_id else None
    other = knowledge.question(str((info or {}).get("other_wave", {}).get("question") or ""))
    if not info or not other:
        return None
    pair = sorted([info, other], key=lambda x: str(x.get("wave")))
    differs = next(
        (
            (p, sent)
            for p in ctx.index.passages
            for sent in split_sentences(p.text)
            if re.search(r"\bannerledes stilt\b", sent)
        ),
        None,
    )
    lines: list[str] = []
    sources = [Source(label=lab) for x in pair for lab in (x.get("published_in") or [])[:1]]
    if differs is not None:
        label = f"{differs[0].section} {ctx.titles.get(differs[0].section, '')}".strip()
        lines += [f"Nei. Rapporten skriver: «{differs[1].strip()}» ({label}).", ""]
        sources.insert(0, Source(label=label, section=differs[0].section))
    for x in pair:
        where = ", ".join(x.get("published_in") or []) or str(x.get("section") or "")
        lines.append(f"- **{WAVE_TEXT.get(str(x.get('wave')), x.get('wave'))}** ({where}): «{x.get('text')}»")
    lines += ["", "Tallene fra de to rundene kan derfor bare sammenlignes grovt."]
    return Answer(q.raw, "text", True, "\n".join(lines), sources=sources)


def source_answer(q: Question, previous: Answer) -> Answer:
    """ "Hva er kilden?": where the previous answer's figure stands, with that figure again."""
    labels = list(dict.fromkeys(s.label for s in previous.sources))[:3]
    said = _said(previous.answer.strip().split("\n\n")[0])  # a quote: its sentence, without the markup
    text = (
        f"Kilden er NHOs Arbeidsmiljøbarometer 2021 ({', '.join(labels)}). Det forrige svaret: {said}\n\n"
        f"Skriv for eksempel: «Kilde: NHOs Arbeidsmiljøbarometer 2021 ({', '.join(labels[:2])})»."
    )
    return Answer(
        q.raw, "text", True, text, sources=list(previous.sources[:4]), caveats=list(previous.caveats)
    )


def caveats_answer(ctx: Context, q: Question, previous: Answer | None) -> Answer:
    """What to watch out for in the previous answer's figures: its own caveats, then the survey's."""
    own = list(previous.caveats) if previous is not None else []
    labels = [s.label for s in (previous.sources if previous is not None else [])][:3]
    if re.search(intents.ABOUT_USE, q.text) and previous is not None and previous.answerable and labels:
        # "Kan jeg bruke det i en pressemelding?": yes, with its source, the figure again, then the caveats
        said = previous.answer.strip().split("\n\n")[0]
        lines = [
            f"Ja, med kilde: «Kilde: NHOs Arbeidsmiljøbarometer 2021 ({', '.join(labels[:2])})». Det forrige svaret:",
            "",
            said if said.startswith(">") else f"> {said}",
            "",
            "Dette bør du være obs på:",
        ]
    else:
        lines = [
            "Dette bør du være obs på med tallene"
            + (f" i forrige svar ({', '.join(labels)}):" if labels else ":")
        ]
    lines += ["", *(f"- {c}" for c in own)]
    lines += [f"- Rapporten skriver ({label}): «{sent}»" for label, sent in _report_caveats(ctx, previous)]
    lines += [f"- {c}" for c in GENERAL_CAVEATS if not any(c.split()[:3] == o.split()[:3] for o in own)]
    sources = [*(previous.sources[:2] if previous is not None else [])]
    for sec in ("7.2", "2.1", "7.3"):
        title = ctx.titles.get(sec, "")
        sources.append(Source(label=f"{sec} {title}".strip(), section=sec))
    return Answer(q.raw, "text", True, "\n".join(lines), sources=sources)


_CAVEAT_SENTENCE = re.compile(
    r"«vet ikke»|\bvet ikke\b|varsom|forsiktig|usikker|tolkes|få bedrifter|lavt antall|skjev|ikke vektet",
    re.IGNORECASE,
)


def _report_caveats(ctx: Context, previous: Answer | None) -> list[tuple[str, str]]:
    """The report's own words of caution next to the sentences the previous answer quoted ("Det er også et
    betydelig antall bedrifter … som oppgir at de «vet ikke» …"): at most two."""
    if previous is None:
        return []
    quotes = [s.quote for s in previous.sources if s.quote]
    out: list[tuple[str, str]] = []
    for p in ctx.index.passages:
        if p.kind != "prose" or not any(qt[:60] in p.text for qt in quotes):
            continue
        for sent in split_sentences(p.text) + ctx.following.get(p.id, [])[:3]:
            # one the previous answer quoted too: asked what to watch out for, it is pointed out
            if _CAVEAT_SENTENCE.search(sent) and len(out) < 2 and all(sent != x for _l, x in out):
                out.append((p.section_label, sent))
    return out


def mentions_item(q: Question, picked) -> bool:
    """The quoted sentences name the item asked about (its own words, not the question's)."""
    if not q.items or not q.question_id:
        return True
    info = knowledge.question(q.question_id) or {}
    others: set[str] = set(tokens(info.get("text", "")))
    for it in info.get("items") or []:
        if it["label"] not in q.items and (it.get("table_label") or "") not in q.items:
            others |= set(tokens(it["label"]))
    own = set(tokens(" ".join(q.items))) - others  # the words that tell this item from its siblings
    return not own or any(own & set(tokens(s)) and NUMBER_STATEMENT.search(s) for _p, s, _ in picked)


def same_actor(q: Question, picked: list[tuple[Passage, str, float]]) -> list[tuple[Passage, str, float]]:
    """Sentences about another actor than the one asked about are left out ("Det er i langt større grad de
    store … som har vært i kontakt" follows a sentence about NAV Arbeidslivssenter, not Arbeidstilsynet)."""
    from .claims.statements import actors  # the lexicon's actors (claims vocabulary)

    # the actors as named, the longest name only: "NAVs dialogmøte 2" is not "NAV" (nor its digital follow-up)
    asked = actors(normalize(f"{q.context} {q.text}"))
    if not asked:
        return picked
    kept = []
    for p, sentence, score in picked:
        said = actors(normalize(sentence))
        if not said:  # a sentence without its actor speaks of the one the sentence before names
            sentences = split_sentences(p.text)
            at = next((i for i, x in enumerate(sentences) if x[:40] and x[:40] in sentence), None)
            said = actors(normalize(sentences[at - 1])) if at else set()
        if said and not any(a in b or b in a for a in said for b in asked):  # "nav" is in "navs dialogmøte 2"
            continue
        kept.append((p, sentence, score))
    return kept


def each_item(
    ctx: Context, q: Question, picked: list[tuple[Passage, str, float]]
) -> list[tuple[Passage, str, float]]:
    """Two items compared («BHT eller NAVs digitale oppfølging»): the best sentence naming both, or one
    naming each, before the rest."""
    if len(q.items) != 2 or not q.question_id:
        return picked
    words = ctx.match.item_words(q.question_id)
    names = [words.get(i, set()) for i in q.items]

    asked = scales_named(q.text) - {"yesno"}  # "mest nyttig": sentences stating usefulness, not use

    def named(x: tuple[Passage, str, float]) -> list[bool]:
        said = set(tokens(normalize(x[1])))
        rated = not asked or bool(asked & scales_named(x[1].lower()))
        return [rated and bool(w & said) for w in names]

    both = sorted((x for x in picked if all(named(x))), key=lambda x: not NUMBER_STATEMENT.search(x[1]))
    if both:
        return [both[0], *[x for x in picked if x is not both[0]]]
    first = [next((x for x in picked if named(x)[k]), None) for k in (0, 1)]
    head = [x for x in first if x is not None]
    return head + [x for x in picked if x not in head]


_BEFORE = re.compile(r"\bfør (pandemien|koronapandemien|covid)|\b(19\d\d|200\d|201\d)\b")
NON_ANSWER = re.compile(r"vet ikke|ikke relevant|ingen endring|verken/eller|verken eller")


def _choices(q: Question) -> bool:
    """One or more answers of a question that lists choices (actors, factors) were asked about: not a scale."""
    info = knowledge.question(q.question_id or "") or {}
    return bool(q.options) and info.get("type") == "multi"


def unrated_first(
    ctx: Context, q: Question, picked: list[tuple[Passage, str, float]]
) -> list[tuple[Passage, str, float]]:
    """A share asked for without a rating («hadde dialog med BHT», «brukte») on a question that rates
    nothing: sentences whose figure is a usefulness rating («8 av 10 … nyttig») follow the others, and of
    those, the ones with a figure lead."""
    if q.question_id is None or q.intent != "figure":
        return picked
    rated = {"yesno", None}
    if ctx.match.asked_scales(q.text) - rated or ctx.match._scales.get(q.question_id) not in rated:
        return picked
    return sorted(
        picked,
        key=lambda x: ("useful" in ctx.match.asked_scales(normalize(x[1])), not re.search(r"\d", x[1])),
    )


def asked_option_first(
    q: Question, picked: list[tuple[Passage, str, float]]
) -> list[tuple[Passage, str, float]]:
    """One answer of a question asked about («… dialog med BHT»): the sentences naming it first, and those
    naming only the question's other answers («… dialog med sykemeldte arbeidstakere») left out — when the
    report has a sentence for the answer asked about. A non-answer asked about («vet ikke», «ikke relevant»):
    the sentence that says it first."""
    asked_label = [o.lower() for o in q.options if NON_ANSWER.fullmatch(o.lower())]
    if asked_label and not _choices(q):
        saying = [x for x in picked if any(label in x[1].lower() for label in asked_label)]
        return saying + [x for x in picked if x not in saying]
    if not _choices(q):
        return picked
    from .route import _option_words

    words = _option_words(q.question_id)
    asked = set().union(*(words.get(o, set()) for o in q.options))
    others = set().union(*(w for o, w in words.items() if o not in q.options)) - asked
    if not asked or not others:
        return picked
    naming = [x for x in picked if set(tokens(x[1])) & asked]
    if not naming:
        return picked
    rest = [x for x in picked if x not in naming and not set(tokens(x[1])) & others]
    return naming + rest


def _own_topic_first(ctx: Context, q: Question, picked: list) -> list:
    """A sentence with the question's own topic words leads one found by the words added to the search (a
    size group's many names): «Er det vanleg at små verksemder har heimekontor?» is answered by the sentence on
    small companies without home office, not by one on the smallest companies' views that never says
    «hjemmekontor»."""
    if len(picked) < 2:
        return picked
    idf = ctx.index.bm25.idf
    rare = {t for t in topic_words(ctx.match.strip_slots(q.text)) if idf.get(t, 0.0) > 0.0}
    if not rare:
        return picked

    def has(x: tuple) -> float:
        return math.fsum(idf.get(t, 0.0) for t in rare & set(tokens(x[1])))

    if has(picked[0]) > 0.0 or not any(has(x) for x in picked):
        return picked  # (the search's order stands unless the first sentence has none of them)
    return sorted(picked, key=lambda x: not has(x))


def covers(ctx: Context, q: Question, query: str, picked) -> bool:
    """A text answer needs real overlap with the question: most of the weight of the question's own
    words must be found in the quoted sentences (unknown words weigh the most)."""
    idf = ctx.index.bm25.idf
    unknown = sorted(idf.values())[len(idf) // 2] if idf else 3.0  # an unknown word weighs like a typical one
    own = set(tokens(f"{q.context} {q.text}"))
    if q.intent != "method" and names_nothing(f"{q.context} {q.text}"):
        return False  # "tall på dette?": a figure asked for, of nothing named
    # the words that named the group and the answer asked about («småbedrifter», «gir blaffen») are slots the
    # question was understood by, not topic words a sentence must repeat
    topic = own & set(tokens(f"{q.context} {ctx.match.strip_slots(q.text)}"))
    if q.options and q.option_word:
        topic -= set(tokens(q.option_word))
    topic = set(
        topic_words(" ".join(sorted(topic)))
    )  # nor the words framing a comparison («sammenlignet med»)
    if q.group_dim == "storrelse":  # «… enn de større»: the other side of a comparison by size
        topic -= set(tokens("større store største små mindre minste mellomstore"))
    slots = own - topic if topic else set()  # (a question of slots alone keeps its words)
    asking = _asked_sentence(q.text)
    if asking:  # the story told before the question: its words count when a sentence repeats them, like slots
        slots |= own - set(tokens(f"{q.context} {asking}"))
    found = set().union(*(set(tokens(s)) for _p, s, _ in picked)) | set(tokens(query)) - own
    # a slot word counts when a sentence repeats it, and is left out of the weight to find when none does
    total = math.fsum(idf.get(t, unknown) for t in own if t not in slots or t in found)
    covered = math.fsum(idf.get(t, unknown) for t in own & found)
    if q.intent == "method" or (q.question_id is not None and q.question_score >= 0.45):
        # (or the item found is named, with its figure: «hyppig gjentagende» for "ofte og gjentatte ganger")
        return covered > 0 or q.intent == "method" or (bool(q.items) and mentions_item(q, picked))
    # a question placed on a survey question already has its topic; otherwise most words must be found
    threshold = 0.25 if q.question_id is not None and q.question_score >= 0.35 else 0.4
    if total > 0 and covered / total >= threshold:
        return True
    # "Jeg driver en liten bedrift … Hvor mange av de minste bedriftene svarer …?": the sentence that asks,
    # without the context told before it
    last = set(tokens(_asked_sentence(q.text)))
    total = math.fsum(idf.get(t, unknown) for t in last)
    return len(last) >= 4 and math.fsum(idf.get(t, unknown) for t in last & found) / total >= threshold


def excluded_answer(ctx: Context, q: Question) -> Answer:
    """Which answers a question's published percentages leave out (codebook `excluded_in_report`), with the
    report's own footnote saying so."""

    def excluded(info: dict) -> list[str]:
        return [str(o.get("label")) for o in info.get("options") or [] if isinstance(o, dict)
                and o.get("excluded_in_report")]  # fmt: skip

    info = knowledge.question(q.question_id or "") or {}
    if not excluded(
        info
    ):  # "tabellen om Arbeidstilsynet": the question of that section whose table leaves some out
        table = bool(re.search(r"\btabell", q.text))
        siblings = [x for x in knowledge.questions() if x.get("section") == info.get("section") and excluded(x)
                    and (not table or any(str(s).startswith("Tabell") for s in x.get("published_in") or []))]  # fmt: skip
        info = siblings[0] if siblings else info
    left_out = excluded(info)
    where = ", ".join(info.get("published_in") or []) or f"avsnitt {info.get('section')}"
    title = str(info.get("title") or q.question_id)
    if not left_out:
        text = f"I «{title}» ({where}) er ingen svaralternativer holdt utenfor prosentgrunnlaget."
        return Answer(q.raw, "text", True, text, sources=[Source(label="Vedlegg 2", section="8", page=None,
                                                                 quote=str(info.get("text") or ""))])  # fmt: skip
    lines = [
        f"I «{title}» ({where}) er bedrifter som svarte "
        + " eller ".join(f"«{x}»" for x in left_out)
        + " holdt utenfor prosentgrunnlaget: prosentene gjelder bedriftene som svarte noe annet."
    ]
    sources = []
    section = str(info.get("section") or "")
    found = [
        p
        for p in ctx.index.passages
        if p.kind in ("prose", "footnote")
        and "holdt utenfor" in p.text
        and any(x.lower() in p.text.lower() for x in left_out)
    ]  # a footnote may stand on the next section's page: the one in the question's own section first
    for p in sorted(found, key=lambda p: p.section != section):
        sentence = next((s for s in split_sentences(p.text) if "holdt utenfor" in s), "")
        if sentence:
            sentence = re.sub(r"^\d+\s+", "", sentence)  # the footnote's number
            lines.append(f"\n> «{sentence}»\n>\n> — Rapporten, {p.section_label}")
            sources.append(passage_source(p, sentence))
            break
    published = [Source(label=str(x), section=section or None, page=None, quote=None)
                 for x in info.get("published_in") or []]  # fmt: skip
    sources = [
        *published,
        *sources,
        Source(label="Vedlegg 2", section="8", page=None, quote=str(info.get("text") or "")),
    ]
    return Answer(q.raw, "text", True, "\n".join(lines), sources=sources)


def base_answer(q: Question) -> Answer:
    """How many answered a question whose figure is an image: the base its caption states (codebook
    `bases`, transcribed from the report)."""
    info = knowledge.question(q.question_id or "") or {}
    wave = WAVE_TEXT.get(str(info.get("wave") or ""), "")
    title = str(info.get("title") or q.question_id)
    parts = [f"n = {n_text(b['n'])} ({b['source']})" for b in info.get("bases") or []]
    if not parts:  # no base printed for this question (Figur 1): the wave's respondents, said to be that
        where = ", ".join(info.get("published_in") or []) or f"avsnitt {info.get('section')}"
        done = next((r for r in knowledge.published() if r["question_id"] == "UTVALG" and r["option"] == "Fullført"
                     and r["wave"] == info.get("wave")), None)  # fmt: skip
        text = f"Rapporten oppgir ikke hvor mange som svarte på spørsmålet om «{title}» ({where})."
        sources = [Source(label=str(x), section=str(info.get("section") or ""), page=None, quote=None)
                   for x in info.get("published_in") or []]  # fmt: skip
        if done is not None:
            text += (
                f" Til sammen fullførte **{n_text(done['value'])}** bedrifter undersøkelsen i {wave} (avsnitt 7.2), "
                "men ikke alle svarer på hvert spørsmål."
            )
            sources.append(Source(label="7.2", section="7.2", page=None, quote=done["quote"]))
        return Answer(q.raw, "text", True, text, sources=sources)
    text = (
        f"Grunnlaget for «{title}» ({wave}) er {' og '.join(parts)}: så mange bedrifter svarte på spørsmålet. "
        "Figuren er et bilde i rapporten; bare de verdiene teksten selv nevner, kan siteres."
    )
    sources = [Source(label=b["source"], section=str(info.get("section") or ""), page=None, quote=None)
               for b in info.get("bases") or []]  # fmt: skip
    return Answer(q.raw, "text", True, text, sources=sources)

"""Step 4: route a understood question to data (SQL), text (passages) or none, and plan the data query.

The decision rests on what is published: a data answer only when the catalogue of published numbers has
rows for the question, item and group asked about; text when the report's prose (or the questionnaire)
carries the answer; none when the survey does not cover it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from . import intents, knowledge
from .compose.lead import partial_distribution
from .compose.text import NUMBER_STATEMENT, SIZE_MENTION
from .match import Matcher
from .normalize import tokens
from .plan import Plan
from .state import Context, Turn
from .types import Passage, Question
from .understand import without_asides

MIN_QUESTION_SCORE = 0.30
# the report's words for the breakdown itself ("varierer også mellom landsforeningene")
GROUP_DIM_WORDS = {
    "landsforening": ["landsforeningene", "landsforeninger", "landsforening", "bransjer", "bransjene"],
    "fylke": ["fylkene", "fylker"],
}
STATEMENT_SHARE = 0.35  # the bank's vote a report statement needs to answer on its own
RARE_IDF = 5.0  # a word at most a few passages use: a statement that answers must use it too
POSITIVE_PAIRS = (
    ["Nyttig", "Svært nyttig"],
    ["Viktig", "Svært viktig"],
    ["Godt", "Svært godt"],
    ["Delvis enig", "Helt enig"],
    ["I stor grad", "I svært stor grad"],
)


@dataclass
class Decision:
    route: str  # data | text | none
    reason: str = ""  # why, for none (Norwegian, shown to the user) or a code for text
    plan: Plan | None = None
    sections: list[str] = field(default_factory=list)  # where text retrieval should look first
    figures: list[str] = field(default_factory=list)
    must_mention: list[str] = field(default_factory=list)  # words a text passage has to contain
    statements: list[tuple[int, str, float]] = field(default_factory=list)  # (passage, sentence, vote) found


def _rows(cat: list[dict[str, Any]], **flt: Any) -> list[dict[str, Any]]:
    out = []
    for r in cat:
        ok = True
        for k, v in flt.items():
            if v is None:
                continue
            if isinstance(v, list | tuple | set):
                if v and r[k] not in v:
                    ok = False
                    break
            elif r[k] != v:
                ok = False
                break
        if ok:
            out.append(r)
    return out


def map_size_groups(und: Matcher, key: str, available: list[dict[str, Any]]) -> list[str]:
    """Map a size request onto the bands a source table actually uses (1–9 vs 1 and 2–9)."""
    band = und.size_band(key)
    if band is None:
        return []
    lo, hi = band
    hi_v = hi if hi is not None else 10**9
    labels: dict[str, tuple[int, int]] = {}
    for r in available:
        if r["group_dim"] == "storrelse" and r["group_min"] is not None:
            labels[r["group_label"]] = (
                r["group_min"],
                r["group_max"] if r["group_max"] is not None else 10**9,
            )
    inside = [g for g, (a, b) in labels.items() if a >= lo and b <= hi_v]
    if inside:
        # the bands inside must make up the whole request: «små og mellomstore» (1–49) is not 1–9 alone
        reach = lo - 1
        for a, b in sorted(labels[g] for g in inside):
            if a > reach + 2:
                break
            reach = max(reach, b)
        return inside if reach >= hi_v - 1 else []
    best, overlap = None, 0
    for g, (a, b) in labels.items():
        ov = min(b, hi_v) - max(a, lo) + 1
        if ov > overlap:
            best, overlap = g, ov
    return [best] if best else []


def size_group_words(und: Matcher, key: str) -> list[str]:
    """The words of the size groups with the band asked for ("over 200 ansatte" → «de største», «200 eller
    flere», …): what a report sentence about that group says."""
    band = und.size_band(key)
    if band is None:
        return []
    lo, hi = band
    if lo == hi and lo > 1:  # "vi er 12 ansatte": the report's band that holds that headcount
        inside = [
            b for g in und.groups.get("storrelse") or []
            if (b := und.size_band(g.get("key") or "")) and b[0] in (1, 10, 50, 200) and b[0] <= lo
            and (b[1] is None or lo <= b[1]) and (b[1] is None) == (b[0] == 200)
        ]  # fmt: skip
        if inside:
            lo, hi = inside[0]
    out: list[str] = []
    for g in und.groups.get("storrelse") or []:
        b = und.size_band(g.get("key") or "")
        if b is not None and abs(b[0] - lo) <= 1 and (b[1] == hi or (b[1] and hi and abs(b[1] - hi) <= 1)):
            out += [w for w in group_words(und, "storrelse", g.get("key")) if w]
    standard = [(1, 9), (10, 49), (50, 199), (200, None)]
    parts = [b for b in standard if b[0] >= lo and (hi is None or (b[1] is not None and b[1] <= hi))]
    if len(parts) >= 2:  # "10 årsverk og oppover": a sentence on one of the bands it spans says its part
        for g in und.groups.get("storrelse") or []:
            if und.size_band(g.get("key") or "") in parts:
                out += [w for w in group_words(und, "storrelse", g.get("key")) if w]
    return list(dict.fromkeys(out))


def _size_words(und: Matcher, q: Question) -> list[str]:
    """Every size group named ("store … enn dei små": both), as the report's sentences word them."""
    keys = q.group_keys or ([q.group_key] if q.group_key else [])
    return list(dict.fromkeys(w for k in keys for w in size_group_words(und, k)))


def group_words(und: Matcher, dim: str, key: str | None) -> list[str]:
    for g in und.groups.get(dim) or []:
        if (g.get("canonical") or g.get("key")) == key:
            return [g.get("canonical") or "", *(g.get("words") or [])]
    return []


def run(turn: Turn, ctx: Context) -> None:
    assert turn.question is not None
    turn.decision = decide(turn.question, ctx.match, ctx.index.passages, ctx.index.bm25.idf)


def _wording_waves(q: Question) -> Decision | None:
    """ "Ble spørsmålet stilt på samme måte i november som i juni?": each wave's wording and how it differed,
    for a question asked in both waves (codebook `other_wave`)."""
    info = knowledge.question(q.question_id) if q.question_id else None
    if (
        info is None
        or not info.get("other_wave")
        or "both_waves" not in q.inherited
        or not re.search(intents.SAME_WAY, q.text)
        or q.question_score < MIN_QUESTION_SCORE / 2
    ):
        return None
    return Decision(
        "text", "wording_waves", sections=[str(info.get("section") or "")], figures=list(info.get("published_in") or [])
    )


def decide(q: Question, und: Matcher, passages: list[Passage] | None = None, idf=None) -> Decision:
    cat = und.catalogue
    if q.intent in ("empty", "injection", "code", "english", "out_of_scope", "smalltalk"):
        return Decision("none", q.intent)
    alike = _wording_waves(q)
    if alike is not None:
        return alike
    if q.intent == "questionnaire":
        return Decision("text", "questionnaire", sections=["8"])
    if q.intent == "caveats":
        return Decision("text", "caveats", sections=["7.2", "2.1"])
    if q.intent == "source":
        return Decision("text", "source")
    if re.search(intents.EXCLUDED, q.text) and q.question_id:
        info = knowledge.question(q.question_id) or {}
        return Decision("text", "excluded", sections=[str(info.get("section") or "")],
                        figures=list(info.get("published_in") or []))  # fmt: skip
    statement = _statement(q, und, passages, idf)
    if statement is not None:
        return statement
    if (
        q.intent == "method"
        and q.method_topic == "scale"
        and q.question_id
        and q.question_score >= 0.5
        and re.search(r"\b(hva|kva|hvilken|kva for|hva slags|kva slags) (svar)?skala", q.text)
    ):
        # "Kva skala vart brukt på … – og kva er gale med han?": the question's answers and the report's
        # account of its scale (which names the flaw) together
        return Decision("text", "questionnaire", sections=["8"])
    if q.intent == "method":
        return _decide_method(q, und)

    info = _other_wave(q, knowledge.question(q.question_id) if q.question_id else None)
    # "Hvor mange svarte i den gruppa?" after a figure whose item was named: the base of that question, even
    # when it was found by its item words more than by its wording
    base_of_previous = "previous" in q.inherited and q.measure == "n" and bool(q.items)
    # a question whose item and answer the wording both names is found by them, however loose the rest
    # (or its item, and its words fit well: the group rule chose it over a likelier question without the group)
    named = bool(q.items) and (
        (bool(q.options) and q.question_score >= MIN_QUESTION_SCORE / 2) or q.question_lex >= 0.5
    )
    # … and the base of a figure named by its words ("hva er n i figuren om opplevd nytte av …")
    named = named or (q.measure == "n" and q.question_lex >= 0.35 and q.question_score >= 0.1)
    if (
        q.group_dim == "fylke"
        and not (q.items or q.options)
        and re.search(_ANSWERED_FROM, q.text)
        and (info is None or str(info.get("theme")) != "bakgrunn")
    ):
        # "Hvilket fylke hadde flest bedrifter som svarte i november 2021?": the report has no results by fylke,
        # only who answered from where (Tabell 9), whatever topic the wave's words matched
        return _sample_plan(q, und)
    if info is None or (q.question_score < MIN_QUESTION_SCORE and not base_of_previous and not named):
        # ("Og Agder då?" after how many answered from Rogaland: the sample, as asked before)
        asked = q.text if "followup" not in q.inherited else f"{q.text} {q.context.split('. ')[-1] if q.context else ''}"
        if q.group_dim in ("fylke", "landsforening") and re.search(intents.SAMPLE_WORDS, asked):
            return _sample_plan(q, und)
        return Decision("text", "search")
    sections = [str(info.get("section") or "")]
    figures = list(info.get("published_in") or [])
    if str(info.get("results")) == "none":
        return Decision("none", "unpublished", sections=sections)
    if (
        q.measure == "n"
        and info.get("bases")
        and not any(r["question_id"] == q.question_id and r["group_dim"] == "total" for r in cat)
    ):  # how many answered, and no table row of all companies carries the base: the caption's base
        return Decision("text", "base", sections=sections, figures=[b["source"] for b in info["bases"]])
    if (
        q.measure == "n"
        and not info.get("bases")
        and str(info.get("results")) != "none"
        and not any(r["question_id"] == q.question_id and r["n"] for r in knowledge.published())
    ):  # how many answered, and the report prints no base for this question: say so, with the wave's total
        return Decision("text", "base", sections=sections, figures=figures)
    # both waves named: the sentences comparing them, for a question asked in both (home office); one asked in
    # one wave only is answered from that wave's figures, saying so
    if (
        ("both_waves" in q.inherited and info.get("other_wave"))
        or (q.intent == "explain" and q.measure != "n")
        or re.search(intents.BEFORE_PANDEMIC, q.text)
    ):
        return Decision("text", "prose", sections=sections, figures=figures)

    if q.intent == "figure" and not (q.items or q.options or q.group_dim) and q.question_lex < 0.3:
        # the wording barely touches this question ("Hvor fornøyde er de ansatte?"): no table answers it
        return Decision("text", "search", sections=sections, figures=figures)
    qrows = und.catalogue_rows(q.question_id)  # (found with a codebook entry: not None)
    if q.wave:
        qrows = [r for r in qrows if r["wave"] == q.wave] or qrows
    if q.group_dim in ("fylke", "landsforening"):
        grows = _rows(qrows, group_dim=q.group_dim)
        if q.group_key:
            grows = [r for r in grows if r["group_label"] in (q.group_keys or [q.group_key])]
        if not grows:
            if q.group_key:
                words = group_words(und, q.group_dim, q.group_key)
            else:  # "hvilke landsforeninger …", "er det likt i alle bransjar?": prose that names any of them
                words = [g.get("canonical") or "" for g in und.groups.get(q.group_dim) or []]
                words += GROUP_DIM_WORDS.get(q.group_dim, [])
            return Decision(
                "text",
                "group_prose",
                sections=sections,
                figures=figures,
                must_mention=[w for w in words if w],
            )
    if q.group_dim == "storrelse" and q.group_key and "own_size" in q.inherited:
        # "vi er 12 ansatte … er vi typiske?": that size group's figure where the report has one, else all
        srows = [r for r in qrows if r["group_dim"] == "storrelse"]
        words = _size_words(und, q)
        said = (
            re.compile(r"(?<![\wæøå])(" + "|".join(map(re.escape, words)) + r")(?![\wæøå])")
            if words
            else None
        )
        told = said is not None and any(
            p.section in sections
            and p.kind != "table"
            and said.search(p.text.lower())
            # (about the item asked, when one is: prose on another item's sizes says nothing of this one)
            and (not q.items or any(set(tokens(i)) <= set(tokens(p.text)) for i in q.items))
            # (and about the answer asked: "halvparten hjemme" is not the smallest's «ingen betydning» sentence)
            and (
                not q.options
                or any(set(tokens(o.replace("(sum)", ""))) <= set(tokens(p.text)) for o in q.options)
            )
            for p in passages or []
        )  # a sentence of the question's section about that size group ("… mellomstore (10-49 ansatte) …")
        if not (srows and map_size_groups(und, q.group_key, srows)) and not told:
            q.inherited += ["own_size_all", f"own_size={q.group_key}"]
            q.group_dim, q.group_key = None, None
    if not qrows:  # the values are an image: the report's sentences, those naming the size groups asked first
        named = _size_words(und, q) if q.group_dim == "storrelse" else []
        return Decision("text", "figure_only", sections=sections, figures=figures, must_mention=named or None)

    items_all = []
    for r in qrows:
        if r["item"] not in items_all:
            items_all.append(r["item"])
    items = [i for i in q.items if i in items_all]
    if q.items and not items:
        return Decision("text", "item_prose", sections=sections, figures=figures)

    # the group slot, mapped onto the bands this question's rows use
    group_dim, groups = "total", []
    if q.group_dim == "storrelse":
        srows = _rows(qrows, group_dim="storrelse", item=items or None)
        if not srows:  # the report's sentences about that size group, if it has any
            named = _size_words(und, q)
            return Decision(
                "text", "size_prose", sections=sections, figures=figures, must_mention=named or None
            )
        group_dim = "storrelse"
        labels = [map_size_groups(und, k, srows) for k in q.group_keys]
        q.group_labels = [x[0] for x in labels if len(x) == 1]
        if (
            len(q.group_keys) >= 2
            and len(q.group_labels) == len(q.group_keys)
            and len(set(q.group_labels)) == 1
        ):
            # "en liten bedrift med 5 ansatte": two words for one band of the table, so one group, not a comparison
            q.group_key, q.group_keys, q.group_labels = q.group_keys[-1], [], []
        if q.group_key:
            groups = map_size_groups(und, q.group_key, srows)
            if not groups:  # the report's sentences about that size group, if it has any
                named = _size_words(und, q)
                return Decision(
                    "text", "size_prose", sections=sections, figures=figures, must_mention=named or None
                )
    elif q.group_dim in ("fylke", "landsforening"):
        group_dim = q.group_dim
        groups = (q.group_keys or [q.group_key]) if q.group_key else []

    base = _rows(qrows, group_dim=group_dim, group_label=groups or None, item=items or None)
    if not base:
        return Decision("text", "no_rows", sections=sections, figures=figures)
    # the options asked about decide between publications that print different options
    if q.options:
        with_options = [r for r in base if r["option"] in q.options]
        if with_options:
            keep = {(r["source"], r["item"]) for r in with_options}
            base = [r for r in base if (r["source"], r["item"]) in keep]
    # one source: the first of the question's publications that has these rows
    order = {s: i for i, s in enumerate(figures)}
    sources = sorted({r["source"] for r in base}, key=lambda s: (order.get(s, 99), s))
    source = sources[0]
    base = [r for r in base if r["source"] == source]
    # a figure that sets two questions side by side (Figur 3: dagens situasjon kontra leders ønske)
    also = sorted({r["question_id"] for r in cat if r["source"] == source} - {q.question_id})
    if also and re.search(intents.SIDE_BY_SIDE, q.text) and not re.fullmatch(r"[\d.]+", source):
        # (a section's prose figures are separate statements, not one figure printing two questions)
        base += [
            r
            for r in cat
            if r["source"] == source and r["question_id"] in also and r["group_dim"] == group_dim
        ]
    else:
        also = []

    options = [o for o in q.options if any(r["option"] == o for r in base)]
    asked_words = set(tokens(q.text))
    if (
        q.options
        and not options
        and all(r["from_prose"] and r["unit"] == "pct" for r in base)
        and not any(
            len(set(tokens(r["option"])) & asked_words) >= 2 for r in base
        )  # a printed answer, in words
    ):
        # "fungerer godt": the text prints other answers of this question («vet ikke» 38 %), not the one asked;
        # the report's sentences about it (Figur 11's «godt» or «svært godt» for 8 av 10) answer it
        return Decision("text", "figure_only", sections=sections, figures=figures)
    plan = Plan(
        question_id=q.question_id,
        also=also,
        items=items,
        group_dim=group_dim,
        groups=groups,
        options=[],
        sources=[source],
        wave=q.wave if any(r["wave"] == q.wave for r in base) else None,
    )
    if q.measure == "mean":
        plan.unit = "mean" if any(r["unit"] == "mean" for r in base) else None
    if q.intent == "rank" and q.measure != "n":  # (the most answers: the bases listed, ranked in the lead)
        distinct_items = {r["item"] for r in base}
        one_group = (
            group_dim == "total" or len(groups) == 1
        )  # a ranking sums one series' options, never groups
        if len(distinct_items) > 1 and not items and one_group:
            rank_opts = options or _positive_pair(base)
            if not rank_opts and not any(r["unit"] == "mean" for r in base):
                return Decision("text", "rank_prose", sections=sections, figures=figures)
            if any(r["from_prose"] for r in base) and not all(r["unit"] == "mean" for r in base):
                return Decision("text", "rank_prose", sections=sections, figures=figures)
            plan.kind = "rank_items"
            plan.options = rank_opts
            plan.descending = not re.search(r"lavest|\bminst\b|færrest|dårligst", q.text)
            return Decision("data", "rank_items", plan=plan, sections=sections, figures=figures)
        if len(distinct_items) <= 1 and not q.items and group_dim == "total" and partial_distribution(base):
            # the answers' ranking is an image; the text states only some of them: the report's own words
            return Decision("text", "rank_prose", sections=sections, figures=figures)
        if group_dim != "total" and not groups and len(distinct_items) == 1:
            rank_opts = options or _positive_pair(base)
            if rank_opts:
                plan.kind = "rank_groups"
                plan.options = rank_opts
                plan.descending = not re.search(r"lavest|\bminst\b|færrest|dårligst", q.text)
                return Decision("data", "rank_groups", plan=plan, sections=sections, figures=figures)
    if (
        q.intent == "figure"
        and all(r["unit"] == "mean" for r in base)
        and re.search(r"hvor mange|andel|prosent", q.text)
        and q.measure != "mean"
    ):
        return Decision("none", "measure_mismatch", sections=sections)
    plan.options = []  # fetch the whole distribution; the answer leads with the options asked for
    return Decision("data", "rows", plan=plan, sections=sections, figures=figures)


def _other_wave(q: Question, info: dict[str, Any] | None) -> dict[str, Any] | None:
    """A question asked about the wave it was not asked in, whose nearest question in that wave the codebook
    names (`other_wave`: home office in June 2022 and in November 2021, asked otherwise): that question, with
    its option for the one asked. `q` is changed in place; the answer's rows carry the wording caveat."""
    other = (info or {}).get("other_wave") or {}
    if not (info and other and q.wave and q.wave != info.get("wave")):
        return info
    mapping = other.get("options") or {}
    if q.options and not all(o in mapping for o in q.options):
        return info
    q.question_id = str(other["question"])
    q.options = [mapping[o] for o in q.options]
    q.items = []
    q.inherited = [*q.inherited, "other_wave"]
    return knowledge.question(q.question_id)


def _statement(q: Question, und: Matcher, passages: list[Passage] | None = None, idf=None) -> Decision | None:
    """A report statement answers when the bank's nearest phrasings vote for it more than for any table of
    the question found, and it fits what was asked: the group, the wave, the direction («mest»/«minst»), a
    figure when one is asked for, and every rare word of the question."""
    if not q.votes or "followup" in q.inherited:  # a follow-up's few words say little on their own
        return None
    if q.measure == "n" and (
        any(r["question_id"] == q.question_id for r in und.catalogue)
        or (knowledge.question(q.question_id or "") or {}).get("bases")
    ):
        return None  # how many answered: the table's or the figure caption's base, not a sentence about it
    if len(q.group_keys) >= 2 and und.has_group(q.question_id, q.group_dim):
        return None  # "små eller store bedrifter?": both groups' figures, which the table has, not a sentence
    ranked = sorted(q.votes.items(), key=lambda kv: (-kv[1], kv[0]))
    top, share = ranked[0]
    if top not in und.statements or share < STATEMENT_SHARE:
        return None
    if q.intent == "method" and und.bank.targets[top].route != "method":
        return None  # the survey's own method facts (counts, response rates) come from the data
    data_share = math.fsum(
        v for s, v in ranked if und.bank.targets[s].route == "data" and und.target_qid[s] == q.question_id
    )
    if data_share >= share:
        return None
    qid = und.target_qid[top]
    if qid and q.question_id and qid != q.question_id and q.question_score >= 0.9 and q.question_lex >= 0.6:
        return None  # the wording names another question outright
    rare = _rare_words(q, idf)
    fitting = [
        (s, v)
        for s, v in ranked
        if s in und.statements and v >= 0.1 and _fits(q, und, und.statements[s], passages, rare)
    ]
    if not fitting or (fitting[0][0] != top and fitting[0][1] < 0.2):
        return None
    chosen = [fitting[0], *[(s, v) for s, v in fitting[1:] if v >= 0.2]]
    unit = re.search(r"\bhvor mange (uker|dager|måneder|år|timer|ganger)\b", q.text)
    counted = unit is not None and re.search(rf"\d+ {unit.group(1)[:3]}", und.statements[chosen[0][0]][1])
    if q.intent == "figure" and not re.search(r"\b(hvorfor|kvifor)\b", q.text) and not counted:
        # "hvor nyttig var …?": the statement with the figure leads, the comment without one follows (not
        # when the best one counts what is asked: "innen hvor mange uker …" — «innen 26 ukers sykefravær»)
        chosen.sort(key=lambda x: not NUMBER_STATEMENT.search(und.statements[x[0]][1]))
    if len(q.items) == 2 and q.question_id:
        # two items compared: a statement about each, the other item's too when its vote is low
        all_words = und.item_words(q.question_id)
        a, b = (all_words.get(i, set()) for i in q.items)
        words = {q.items[0]: a - b, q.items[1]: b - a}  # "dialogen med …" names neither side
        named_any = any(words[i] & set(tokens(und.statements[x][1])) for i in q.items for x, _v in chosen)
        for item in q.items:
            # a side is said by a sentence with its figure ("arbeidstaker" in a sentence with none is not 7 av 10)
            said = [set(tokens(und.statements[x][1])) for x, _v in chosen
                    if NUMBER_STATEMENT.search(und.statements[x][1])]  # fmt: skip
            if any(words.get(item, set()) & w for w in said):
                continue
            more = next(
                ((x, v) for x, v in ranked if x in und.statements and (x, v) not in chosen
                 and words.get(item, set()) & set(tokens(und.statements[x][1]))
                 and NUMBER_STATEMENT.search(und.statements[x][1])
                 and _fits(q, und, und.statements[x], passages, rare)),
                None,
            )  # fmt: skip
            if more is not None:
                chosen.insert(1, more)  # the other side's sentence right after the first (three are quoted)
            elif named_any:  # a statement about one side only: the report's sentences, searched for each item
                return None
    info = knowledge.question(qid) if qid else None
    return Decision(
        "text",
        "statement",
        sections=[str(info.get("section") or "")] if info else [],
        figures=list(info.get("published_in") or []) if info else [],
        statements=[(*und.statements[s], v) for s, v in chosen],
    )


MOST = r"\b(mest|størst|flest|høyest|oftest)\b"
LEAST = r"\b(minst|lavest|færrest|sjeldnest)\b"
WAVE_WORDS = {"2021-11": r"\bnovember\b|\b2021\b", "2022-06": r"\bjuni\b|\b2022\b"}


def only_other_wave(wave: str, low: str) -> bool:
    """Whether a (lower-cased) sentence names the other wave and not `wave`: it answers about the other one."""
    other = next(p for w, p in WAVE_WORDS.items() if w != wave)
    return bool(re.search(other, low)) and not re.search(WAVE_WORDS[wave], low)


def _rare_words(q: Question, idf) -> set[str]:
    """Content words of the question that only a few passages of the report use ("prosjektleder")."""
    if not idf:
        return set()
    text = without_asides(q.text)  # "…, ikke om vurdert nytte?": a word set aside need not be found
    return {t for t in tokens(text) if idf.get(t, 0.0) >= RARE_IDF and t not in _ASKING_WORDS}


# words about the asking, not the topic ("ifølge tallene rapporten viser til"): never a rare word to match
_ASKING_WORDS = frozenset(
    tokens(
        "tall tallene tala tal rapporten rapport ifølge undersøkelsen barometeret "
        "oftere sjeldnere hyppigere oftast oftest "  # how a comparison is asked
        "vanligvis vanlegvis normalt typisk egentlig eigentleg "  # how sure or how usual, not what
        "ville skulle kunne måtte burde "  # modal verbs ("om de ville"): how it is put, not what
        # how a change is put ("har X gått ned", "sunket"): the report says «nedgang», «endringen fra … til»
        "gått gikk gjekk gjenge falt sunket sank sokke minket minka økt økte auka steget steg vokst vokste"
    )
)


def _fits(q: Question, und: Matcher, found: tuple[int, str], passages, rare: set[str]) -> bool:
    pid, sentence = found
    low = sentence.lower()
    published = any(
        r["question_id"] == q.question_id
        and (q.intent != "compare" or not q.group_dim or r["group_dim"] == q.group_dim)
        for r in und.catalogue
    )  # a table with the group asked about (Figur 1 has no size breakdown: the sentence on sizes answers)
    if q.group_dim is None and q.intent != "compare" and SIZE_MENTION.search(sentence):
        return False  # about some size groups, while all companies were asked about
    if q.group_dim == "storrelse" and not q.group_key and q.intent in ("rank", "compare"):
        if not SIZE_MENTION.search(sentence):
            return False  # "små eller store bedrifter?": a sentence about all companies does not say which
    if q.group_dim and q.group_key and not mentions_group(und, q, sentence):
        return False
    if _SUBSET.match(sentence.lstrip("►•- ")) and not re.search(
        r"\b(blant|av de som|av dem som|av dei som)\b", q.text
    ):
        return False  # «Blant bedriftene som ønsker …, svarer 1 av 10 …»: a share of some, not of all asked about
    if q.group_dim in ("fylke", "landsforening") and not q.group_key:
        # "hvilken landsforening …": a sentence that names one
        names = [str(g.get("canonical") or "").lower() for g in und.groups.get(q.group_dim) or []]
        if not any(n and n in low for n in names):
            return False
    if (
        published
        and (q.options or q.items)
        and q.intent in ("figure", "rank", "compare")
        and q.question_score >= MIN_QUESTION_SCORE  # not when the question barely fits ("hvor mange uker …")
    ):
        return False  # the table the wording names answers with its figures
    span = re.search(r"\b(hvor|kor) mange (uker|veker|dager|dagar|måneder|månader|år|timer|timar)\b", q.text)
    if span and not re.search(r"\d", sentence):
        return False  # "innen hvor mange uker …": a number of weeks, not a share
    if not span and not NUMBER_STATEMENT.search(sentence) and re.search(intents.FIGURE_ASKED, q.text):
        return False  # a figure was asked for: a statement without one does not answer
    if q.method_topic == "dates" and not re.search(r"\d+\.\s*[–-]\s*\d+\.|\d+\. [a-zæøå]+ 20\d\d", sentence):
        return False  # "i hvilken periode …": a statement without its dates does not answer
    if q.wave and not knowledge.asked_only_in(q):
        if only_other_wave(q.wave, low):
            return False
    for a, b in ((MOST, LEAST), (LEAST, MOST)):
        if re.search(a, q.text) and not re.search(b, q.text) and re.search(b, low) and not re.search(a, low):
            return False  # "sliter mest" is not answered by "minst utfordringer"
    why = q.intent == "explain" or re.search(r"\b(hvorfor|kvifor)\b", q.text)
    if (
        not why
        and und.asked_scales(without_asides(q.text)) == {"useful"}
        and "useful" not in und.asked_scales(low)
    ):
        return False  # "mest fornøyd med kontakten" is not answered by who had contact
    if q.items and q.question_id:
        # a statement about a sibling item ("korttids …" when "langtids …" was asked) does not answer
        words = und.item_words(q.question_id)
        said = set(tokens(sentence))
        asked = set().union(*(words.get(i, set()) for i in q.items))
        sibling = set().union(*(w for i, w in words.items() if i not in q.items))
        others = sibling - asked
        own = (asked - sibling) or asked  # "dialog" is said of the doctor and of the employee alike
        if said & others and not said & own:
            return False
    if q.options and q.question_id:
        # nor one about another answer of the question ("… sykemeldte arbeidstakere" when the doctor was asked)
        words = _option_words(q.question_id)
        said = set(tokens(sentence))
        asked = set().union(*(words.get(o, set()) for o in q.options))
        # a comparison may be answered by the asked answer's negation ("høyere andel små … som ikke har
        # ansatte på hjemmekontor" for "har store oftere ansatte på hjemmekontor?")
        negations = {o for o in words if q.intent == "compare" and _negation_of(o, q.options)}
        others = (
            set().union(*(w for o, w in words.items() if o not in q.options and o not in negations)) - asked
        )
        if said & others and not said & asked:
            return False
    if rare and passages is not None:
        text = set(tokens(passages[pid].text))
        if not all(_said(w, text) for w in rare):
            return False
    return True


_SUBSET = re.compile(r"Blant (bedriftene|de|dei|virksomhetene|verksemdene) som\b")


def _said(word: str, text: set[str]) -> bool:
    """A word is in a passage, or a form or compound of it is ("uker" in «ukers», "kall" in «innkaller»)."""
    return word in text or (
        len(word) >= 4
        and any(len(t) >= 4 and (t.startswith(word) or word.startswith(t) or word in t) for t in text)
    )


def _negation_of(option: str, asked: list[str]) -> bool:
    """«Har ikke ansatte på hjemmekontor» against «Har ansatte på hjemmekontor (sum)»."""
    own = set(tokens(option))
    neg = bool(re.search(r"\b(ikke|ingen)\b", option.lower()))
    return any(
        neg != bool(re.search(r"\b(ikke|ingen)\b", a.lower())) and len(own & set(tokens(a))) >= 2
        for a in asked
    )


@lru_cache(maxsize=64)
def _option_words(question_id: str) -> dict[str, set[str]]:
    """Each answer's own words (label and codebook aliases, stemmed), for telling answers apart."""
    out: dict[str, set[str]] = {}
    for o in (knowledge.question(question_id) or {}).get("options") or []:
        if isinstance(o, dict) and o.get("label"):
            out[str(o["label"])] = set(tokens(" ".join([str(o["label"]), *(o.get("aliases") or [])])))
    common = (
        {t for t in set().union(*out.values()) if sum(t in w for w in out.values()) > 1} if out else set()
    )
    common |= set(tokens(str((knowledge.question(question_id) or {}).get("text") or "")))  # the stem's words
    return {o: w - common for o, w in out.items()}


def mentions_group(und: Matcher, q: Question, sentence: str) -> bool:
    """The sentence names the group asked about (a size band in the report's words, or the group's name)."""
    text = sentence.lower().replace("–", "-")
    if q.group_dim == "storrelse":
        band = und.size_band(q.group_key or "")
        if band is None:
            return False
        lo, hi = band
        if re.search(rf"(?<!\d){lo}\s*-\s*{hi}\b" if hi else rf"\b{lo} eller flere", text):
            return True
        words = group_words(und, "storrelse", q.group_key)
    else:
        words = group_words(und, q.group_dim or "", q.group_key)
    return any(re.search(r"(?<![\wæøå])" + re.escape(w.lower()) + r"(?![\wæøå])", text) for w in words if w)


def _positive_pair(rows: list[dict[str, Any]]) -> list[str]:
    present = {r["option"] for r in rows}
    for pair in POSITIVE_PAIRS:
        if all(p in present for p in pair):
            return pair
        if pair[0] in present and "Svært" not in " ".join(present):
            return [pair[0]]
    return []


# who answered, with no answer named after it ("bedrifter som svarte i november", not "svarte at …")
_ANSWERED_FROM = (
    r"\b(svarte|svara|deltok|deltakere|respondenter|respondentene|svarene|svar)\b"
    r"(?!\s+(?:at|«|ja|nei|vet|det|om|på (?:spørsmålet|spørsmål)))"
)


def _sample_plan(q: Question, und: Matcher) -> Decision:
    """Sample composition by fylke / landsforening / size (Tabell 9–11)."""
    cat = und.catalogue_rows("UTVALG")
    dim = q.group_dim or "total"
    rows = _rows(cat, group_dim=dim)
    if not rows:
        return Decision("text", "method", sections=["7.2"])
    groups: list[str] = []
    if q.group_key:
        if dim == "storrelse":
            groups = map_size_groups(und, q.group_key, rows)
        else:
            groups = [g for g in (q.group_keys or [q.group_key]) if any(r["group_label"] == g for r in rows)]
        if not groups:
            return Decision("none", "no_group")
    plan = Plan(question_id="UTVALG", group_dim=dim, groups=groups, sources=[rows[0]["source"]])
    if (q.intent == "rank" or re.search(intents.RANK_WORDS, q.text)) and not groups:
        plan.kind = "rank_groups"
        plan.options = ["Nettoutvalg (antall)"]
        plan.descending = not re.search(r"lavest|\bminst\b|færrest|dårligst", q.text)
        if re.search(r"overrepresent|underrepresent", q.text):  # rank by the difference from the invited
            plan.options = ["Differanse (prosentpoeng)"]
            plan.descending = "overrepresent" in q.text
        plan.groups = []
        return Decision("data", "rank_groups", plan=plan, sections=["7.2"])
    return Decision("data", "sample", plan=plan, sections=["7.2"])


def _decide_method(q: Question, und: Matcher) -> Decision:
    if q.method_topic in ("response", "representativeness") and q.group_dim:
        return _sample_plan(q, und)
    if q.method_topic == "dates" and re.search(intents.METHOD["response"], q.text):
        q.method_topic = "response"  # "når …, og hvor mange fullførte?": the response lines carry the dates
    if q.method_topic == "response":
        rows = _rows(und.catalogue_rows("UTVALG"), group_dim="total")
        if rows:
            # the November 2021 totals are also printed as the Sum row of Tabell 11
            plan = Plan(question_id="UTVALG", group_dim="total", wave=q.wave, with_totals_of="Tabell 11")
            return Decision("data", "response", plan=plan, sections=["7.2", "2.1", "1"])
    sections = {
        "weighting": ["7.2"], "significance": ["7.3"], "who": ["0", "7.1"], "dates": ["7.2", "2.1"], "population": ["7.2"],
        "scale": ["7.3", "4.2"],
    }  # fmt: skip
    # the one sentence that says it ("ikke benyttet vekting", "signifikanstesting"), however much else the
    # question's words ("de små svarte mindre") fit a neighbour
    defining = {"weighting": ["vekting"], "significance": ["signifikanstesting"], "scale": ["skjev"]}.get(
        q.method_topic or "", []
    )
    return Decision(
        "text",
        "method",
        sections=sections.get(q.method_topic or "", ["7.2", "7.3", "2.1"]),
        must_mention=defining,
    )

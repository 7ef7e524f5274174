"""Step 2: resolve a follow-up — a question that leaves slots open inherits them from the previous turn.

"Og blant de minste bedriftene?" keeps the previous question and item and sets the group; "Hva med
risikovurderinger?" swaps the item; "Hvor mange svarte?" asks for the base of the previous figure.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import intents
from .confidence import GENERIC_TOKENS
from .match import Matcher
from .match.questions import topic_words
from .normalize import fold, tokens
from .state import Context, Turn
from .types import Question
from .understand import is_followup, understand

NEW_TOPIC_SCORE = 0.55
SURE_NEW_SCORE = 0.9  # "Og kva ønskjer leiarane?" names another question's own item: a new topic
WEAK_SCORE = 0.35
TERMINAL = {"empty", "injection", "code", "english", "out_of_scope", "questionnaire", "smalltalk"}


def run(turn: Turn, ctx: Context) -> None:
    assert turn.question is not None
    shifted = _filtered_question(turn, ctx.match) or shift_measure(turn, ctx) or shift_wave(turn, ctx)
    turn.question = shifted if shifted is not None else resolve(turn.question, turn.prev, ctx.match)
    q = turn.question
    if (
        turn.prev is not None
        and "both_waves" not in q.inherited
        and re.search(_SAME_WAY, q.text)
        and len(set(ctx.match.match_wave(f"{q.context} {turn.prev.context} {turn.prev.text} {q.text}"))) > 1
    ):
        # "… ble spørsmålet stilt på samme måte?" after the two waves' figures: can the waves be compared
        q.inherited = [*q.inherited, "both_waves"]


_SAME_WAY = re.compile(intents.SAME_WAY)


_WAVE_PHRASE = re.compile(
    r"\b(?:i |fra |frå |per |pr\.? )?(?:(?:november|juni|høsten|sommeren) )?(?:2021|2022)\b|\b(?:i )?(?:november|juni)\b"
)


def _answer_switched(cur: Question, prev: Question) -> bool:
    """ "… noe hjemmekontor i november?" after "ingen på hjemmekontor": the answer asked now is the other one
    (the same words, without the previous negation, or with one it did not have)."""
    neg = r"\b(ingen|ikke|ikkje|inga|uten|utan)\b"
    return bool(prev.options) and bool(re.search(neg, prev.text)) != bool(re.search(neg, cur.text)) and bool(
        set(tokens(cur.text)) & set(tokens(" ".join(prev.options)))
    )


def _nearest_in_wave(cur: Question, prev: Question, ctx: Context) -> Question | None:
    """ "Samme i juni?" after the share with no hours at home in November 2021 («Ikke noe»): the codebook's
    nearest question of the wave named (`other_wave`), its answer for the one asked before («Har ikke ansatte på
    hjemmekontor»), when every answer asked has one there; the answer carries the wave's wording caveat."""
    other = (ctx.match.questions.get(prev.question_id) or {}).get("other_wave") or {}
    qid, mapping = other.get("question"), other.get("options") or {}
    if not qid or (ctx.match.questions.get(qid) or {}).get("wave") != cur.wave or prev.items:
        return None
    if prev.intent != "figure" or prev.question_score < NEW_TOPIC_SCORE:
        return None  # (a method question's or a barely matched question's id is no topic to carry over)
    if not all(o in mapping for o in prev.options):
        return None
    if _answer_switched(cur, prev):
        return None
    if cur.question_id not in (None, prev.question_id, qid) and cur.question_score >= NEW_TOPIC_SCORE:
        return None  # (a new topic of its own)
    return replace(
        cur,
        question_id=qid,
        question_score=max(prev.question_score, cur.question_score),
        items=[],
        options=[mapping[o] for o in prev.options],
        group_dim=cur.group_dim or prev.group_dim,
        group_key=cur.group_key if cur.group_dim else prev.group_key,
        context=f"{prev.context} {prev.text}".strip(),
        inherited=[*cur.inherited, "followup", "wave", "other_wave"],
    )


def shift_wave(turn: Turn, ctx: Context) -> Question | None:
    """ "Hva med i juni 2022?" after a question asked only in November 2021 (the hours at home): the
    previous question read again in the new wave, so the question asked then answers, not the old one."""
    cur, prev = turn.question, turn.prev
    if prev is None or cur is None or not prev.question_id or not cur.wave or cur.intent in TERMINAL:
        return None
    asked = (ctx.match.questions.get(prev.question_id) or {}).get("wave")
    pointing = len(cur.text.split()) <= 8 and re.search(intents.ANAPHOR, cur.text)  # "hva var tallet i …?"
    if asked is None or asked == cur.wave or not (is_followup(cur) or pointing):
        return None
    nearest = _nearest_in_wave(cur, prev, ctx)
    if nearest is not None:
        return nearest
    text = f"{ctx.match.strip_waves(_WAVE_PHRASE.sub(' ', prev.text))} {cur.text}"
    text = re.sub(r"\s+", " ", text).strip()
    vec = ctx.embedder.cached_query(text)
    again = understand(ctx.match, cur.raw, text, vec)
    if _answer_switched(cur, prev) and again.question_id:
        # the answer is the one the new question names (or none), not the previous one read into it
        options, word = ctx.match.match_options(cur.text, again.question_id)
        again = replace(again, options=options, option_word=word)
    if again.wave == cur.wave and (not again.question_id or again.question_id == prev.question_id):
        # the likeliest question of the same theme that was asked in the wave named
        theme = (ctx.match.questions.get(prev.question_id) or {}).get("theme")
        ranked = ctx.match.match_questions(ctx.match.strip_slots(text), vec)
        other = next(
            (
                (qid, p)
                for qid, p, _l in ranked[:6]
                if (ctx.match.questions.get(qid) or {}).get("wave") == cur.wave
                and (ctx.match.questions.get(qid) or {}).get("theme") == theme
                and p >= 0.01
            ),
            None,
        )
        if other is not None:
            options, word = ctx.match.match_options(text, other[0])
            items = ctx.match.match_items(text, other[0])
            again = replace(again, question_id=other[0], question_score=max(other[1], 0.5), items=items,
                            options=options, option_word=word)  # fmt: skip
    if not again.question_id or again.question_id == prev.question_id or again.wave != cur.wave:
        return None
    if prev.items and not again.items and not again.options:
        return None  # an item of the old question that the wave's question does not have (Tabell 2)
    return replace(
        again,
        text=cur.text,
        group_dim=cur.group_dim or prev.group_dim,
        group_key=cur.group_key if cur.group_dim else prev.group_key,
        context=f"{prev.context} {prev.text}".strip(),
        inherited=[*again.inherited, "followup", "wave"],
    )


def shift_measure(turn: Turn, ctx: Context) -> Question | None:
    """ "Var det nyttig?" after "Hvor mange har hatt kontakt med NAV Arbeidslivssenter?": a short follow-up
    asking for a measure the previous question does not have is read together with the previous question
    (the topic from there, the measure from here), and keeps its group and wave."""
    cur, prev = turn.question, turn.prev
    if prev is None or cur is None or not prev.question_id or cur.intent in TERMINAL:
        return None
    if len(cur.text.split()) > 7 or not re.search(intents.ANAPHOR, cur.text):
        return None
    phrase = ctx.match.option_phrase(cur.text)
    if phrase is None or ctx.match.match_options(cur.text, prev.question_id)[0]:
        return None
    if ctx.match._scales.get(prev.question_id) in ctx.match.asked_scales(cur.text):
        return None  # "hva var det minst nyttige?" after a usefulness question: the same measure
    text = f"{prev.text} {cur.text}"
    vec = ctx.embedder.cached_query(text)
    ranked = ctx.match.match_questions(ctx.match.strip_slots(text), vec)
    # the best-ranked question that has the measure asked for
    fit = next(
        (qid for qid, p, _l in ranked if p >= 0.05 and ctx.match.match_options(cur.text, qid)[0]), None
    )
    if fit is None:
        return None
    combo = understand(ctx.match, cur.raw, text, vec)
    options, word = ctx.match.match_options(cur.text, fit)
    return replace(
        combo,
        question_id=fit,
        question_score=max(0.5, max(p for qid, p, _l in ranked if qid == fit)),  # topic and measure agree
        items=ctx.match.match_items(text, fit),
        options=options,
        option_word=word,
        text=cur.text,
        group_dim=cur.group_dim or prev.group_dim,
        group_key=cur.group_key if cur.group_dim else prev.group_key,
        wave=cur.wave or prev.wave,
        context=f"{prev.context} {prev.text}".strip(),
        inherited=[*combo.inherited, "followup"],
    )


# "de andre" that are companies, not the other items of the question
_OTHER_COMPANIES = (
    r"\bandre (bedrift\w*|virksomhet\w*|verksemd\w*|størrelse\w*|storleik\w*|\w*grupp\w*|firma\w*)"
    r"|\bandre\s*\??$"
)


def _other_groups(cur: Question, prev: Question) -> bool:
    """After a question about one group, «de andre» are the other groups of that kind."""
    if cur.group_dim and not cur.group_key:  # "de andre størrelsene"
        return True
    return bool(prev.group_key) and bool(re.search(_OTHER_COMPANIES, cur.text))


def about_previous(cur: Question, prev: Question | None) -> Question | None:
    """A question about the previous answer itself — its base, who was asked, what to watch out for — keeps
    that answer's keys (question, item, group, wave, options) and asks for something else about them."""
    if prev is None:
        return None
    # where the previous answer's figure stands, whatever it was
    if re.search(intents.ABOUT_SOURCE, cur.text):
        # (with that answer's keys: a question after this one still follows the topic, not this one's guess)
        keys = (
            dict(
                question_id=prev.question_id, question_score=prev.question_score, items=prev.items,
                options=prev.options, group_dim=prev.group_dim, group_key=prev.group_key, wave=prev.wave,
            )
            if prev.question_id and prev.intent not in TERMINAL
            else {}
        )  # fmt: skip
        return replace(
            cur,
            intent="source",
            method_topic=None,
            inherited=[*cur.inherited, "followup", "previous"],
            **keys,
        )
    if prev.question_id is None:
        return None
    others = (
        bool(re.search(intents.ABOUT_OTHERS, cur.text))
        and len(prev.items) == 1
        and len(cur.text.split()) <= 14
    )
    # "Kven vart spurt?", "skala?" right after a figure: who was asked the question it answered, and how
    bare_about = bool(
        re.fullmatch(
            r"(og |men )?(hvem|kven) (ble|vart|blei|fikk|fekk) (egentlig |faktisk |eigentleg )?(spurt|spørsmålet)\W*",
            cur.text,
        )
        # "Kva skala vart brukt(, og …)?": the scale of the question just answered
        or re.match(r"(og |men )?(hva|hvilken) (slags )?(svar)?skala (ble|var) (brukt|det)\b", cur.text)
        # "hvilken skala brukte de der?": the scale they used, of the question just answered
        or re.match(r"(og |men )?(hva|hvilken) (slags )?(svar)?skala(en)? (brukte|bruker|hadde|har) (de|dei|dere|man)\b", cur.text)
        or re.fullmatch(r"(og |men )?(hvilken |hva slags )?(svar)?skala(en)?\W*", cur.text)
    )
    if not others and not bare_about and not re.search(intents.ANAPHOR, cur.text):
        return None
    keys = dict(
        question_id=prev.question_id,
        question_score=prev.question_score,
        items=prev.items,
        options=prev.options,
        option_word=prev.option_word,
        group_dim=cur.group_dim or prev.group_dim,
        group_key=cur.group_key if cur.group_dim else prev.group_key,
        wave=cur.wave or prev.wave,
        method_topic=None,
        context=f"{prev.context} {prev.text}".strip(),
        inherited=[*cur.inherited, "followup", "previous"],
    )
    if (
        bare_about
        or re.search(intents.ABOUT_WHO, cur.text)
        or (
            # "Kva skala var det snakk om?", "hvilke svaralternativer hadde det?": how that question was asked
            re.search(
                r"\b(skala|skalaen|svarskala\w*|svaralternativ\w*|svarmulighet\w*|ordlyd\w*|formulert|formulering|"
                r"spørreskjema\w*|spørjeskjema\w*|spørsmålstekst\w*)\b",
                cur.text,
            )
            and len(cur.text.split()) <= 12
        )
    ):
        return replace(cur, intent="questionnaire", **keys)
    # ("Hva med NAVs digitale oppfølging – hvor mange brukte den?" names another answer: how many chose it)
    other_answer = bool(cur.options) and cur.question_id == prev.question_id and bool(set(cur.options) - set(prev.options))
    if re.search(intents.ABOUT_BASE, cur.text) and not other_answer:
        return replace(cur, intent="figure", measure="n", **keys)
    if re.search(intents.EXCLUDED, cur.text) and not cur.items and not cur.options:
        # "hvem er holdt utenfor i den tabellen?": who the previous answer's percentages leave out
        return replace(cur, intent="figure", **keys)
    if (re.search(intents.ABOUT_CAVEATS, cur.text) and len(cur.text.split()) <= 14) or re.search(
        intents.ABOUT_USE, cur.text
    ):
        return replace(cur, intent="caveats", **keys)
    if others and _other_groups(cur, prev):
        # "er det mye sammenlignet med de andre (bedriftene)?" after a size group: that item in every group
        return replace(
            cur, intent="compare", **{**keys, "group_dim": prev.group_dim or cur.group_dim, "group_key": None}
        )
    if others:
        # the previous item ranked among the others of its question, on the answers it was asked about
        return replace(cur, intent="rank", **{**keys, "items": [], "focus_item": prev.items[0]})
    return None


def _items_of_answers(prev: Question, following: str, und: Matcher) -> list[str]:
    """The items of the filtered question that the previous answers stand for: the questionnaire lists them
    in the same order as the answers its filter keeps (SF_DIALOG's options 1–5 are SF_NYTTE's items)."""
    info, nxt = und.questions.get(prev.question_id or "") or {}, und.questions.get(following) or {}
    codes = list(((nxt.get("base_filter") or {}).get("codes")) or [])
    items = nxt.get("items") or []
    if not prev.options or len(codes) != len(items):
        return []
    by_label = {
        fold(str(o.get("label") or "")): o.get("code")
        for o in info.get("options") or []
        if isinstance(o, dict)
    }
    out = []
    for option in prev.options:
        code = by_label.get(fold(option))
        if code in codes:
            found = und.match_items(items[codes.index(code)]["label"], following)
            out += [x for x in found[:1] if x not in out]
    return out


def _filtered_question(turn: Turn, und: Matcher) -> Question | None:
    """ "Og hvor nyttig syntes de det var?" after who had contact with BHT: the questionnaire's next question,
    put to those who answered the previous one so (codebook `base_filter`), on the scale now asked — with the
    previous answer as its item («Bedriftshelsetjenesten»)."""
    cur, prev = turn.question, turn.prev
    if (
        prev is None
        or cur is None
        or not prev.question_id
        or cur.intent in TERMINAL
        or prev.intent in TERMINAL
    ):
        return None
    if len(cur.text.split()) > 10:
        return None
    # ("Hvor nyttig syntes de at kontakten var?": «de», the subject after the verb, are those just asked about)
    they = re.search(r"\b(syntes|synes|syns|synest|mente|mener|meinte|opplevde|opplever|vurderte|vurderer|fant|fann) (de|dei)\b", cur.text)
    if not (is_followup(cur) or re.search(intents.ANAPHOR, cur.text) or they):
        return None
    asked = und.asked_scales(cur.text)
    if not asked or und._scales.get(prev.question_id) in asked:
        return None
    following = next(
        (
            qid
            for qid, info in und.questions.items()
            if (
                (info.get("base_filter") or {}).get("question") == prev.question_id
                and und._scales.get(qid) in asked
            )
        ),
        None,
    )
    if following is None:
        return None
    named = und.match_items(und.strip_slots(cur.text), following)
    # the items the previous wording names ("NAVs digitale oppfølging av sykmeldte"), else its answers' items
    said = und.match_items(und.strip_slots(prev.text), following)
    answered = _items_of_answers(prev, following, und)
    before = ([x for x in said if x in answered] or said if len(said) > 1 else said) or answered
    # "den dialogen" fits two items by one shared word: the one the previous question was about
    items = (named if len(named) == 1 else [x for x in named if x in before] or named) if named else before
    options, option_word = und.match_options(cur.text, following)
    return replace(
        cur,
        intent="figure",
        question_id=following,
        question_score=max(cur.question_score, prev.question_score),
        items=items if named or len(items) <= 2 else [],
        options=options,
        option_word=option_word,
        group_dim=cur.group_dim or prev.group_dim,
        group_key=cur.group_key if cur.group_dim else prev.group_key,
        wave=cur.wave or prev.wave,
        method_topic=None,
        context=f"{prev.context} {prev.text}".strip(),
        inherited=[*cur.inherited, "followup"],
    )


# a share the previous answer's group makes up: "… utgjør det?", "hvor stor del av utvalget er de?"
_IT_MAKES_UP = r"\b(utgjør|utgjer|utgjorde|var|er)\s+(det|dette|de|dei|disse|desse|den|dem)\s*\??$"


def resolve(cur: Question, prev: Question | None, und: Matcher) -> Question:
    about = about_previous(cur, prev)
    if about is not None and about.intent == "questionnaire" and about.question_id:
        # "Hvem fikk spørsmålet om hvor nyttig kontakten var?" after the contact question: the question of
        # the same section on the scale named (its usefulness), not the previous one
        asked = und.asked_scales(cur.text)
        if asked and und._scales.get(about.question_id) not in asked:
            section = (und.questions.get(about.question_id) or {}).get("section")
            sibling = next(
                (
                    qid
                    for qid, info in und.questions.items()
                    if info.get("section") == section and und._scales.get(qid) in asked
                ),
                None,
            )
            if sibling is not None:
                about = replace(about, question_id=sibling, items=[], options=[])
    if about is not None:
        return about
    if prev is None or prev.intent in TERMINAL or cur.intent in TERMINAL:
        return cur
    if (
        re.search(
            r"\b(av|blant) (dem|disse|de samme)\b|\bav de bedriftene\b|\bder( da| nede| oppe)?\s*\??$|\bderfra\b|\bderifrå\b|"
            r"\bi (det|dette|same|samme) (fylket|fylke)\b|\bi (den|denne) (gruppen|gruppa|landsforeningen)\b",
            cur.text,
        )
        and not cur.group_dim
    ):
        # "… og hvor mange av dem har avtale med BHT?", "hvor mange ble invitert der?": the group of the earlier
        # question still holds
        cur = replace(
            cur, group_dim=prev.group_dim, group_key=prev.group_key, inherited=[*cur.inherited, "group"]
        )
    if (
        cur.intent == "method"
        and prev.intent != "method"
        and not re.fullmatch(intents.BASE_OF_FIGURE, cur.text)
    ):
        if (
            prev.group_dim in ("fylke", "landsforening")
            and not cur.group_dim
            and re.search(_IT_MAKES_UP, cur.text)
        ):
            # "Kor mange prosent av nettoutvalet utgjer det?" after how many in NHO Service og Handel answered:
            # that group's share of the sample
            return replace(
                cur,
                group_dim=prev.group_dim,
                group_key=prev.group_key,
                inherited=[*cur.inherited, "group", "followup"],
            )
        return cur  # "Ble resultatene vektet?" stands alone, whatever came before
    if prev.intent == "method":
        # "Og i juni 2022?" after "Hvor mange svarte i november 2021?": same method question, new slots
        strong_new = cur.intent != "method" and cur.question_score >= NEW_TOPIC_SCORE
        # "Og hvor mange av dem har vært i kontakt med Arbeidstilsynet?" after how many in Nordland answered:
        # a topic of its own, asked of the group just named (which the report may not break it down by)
        strong_new = strong_new or (
            cur.intent != "method"
            and bool(cur.question_id)
            and "group" in cur.inherited
            and _names_topic(cur, und)
            and not _continues_topic(cur, prev, und)
        )
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
    cur = _narrowed_by_previous(cur, prev, und)
    items = und.match_items(und.strip_slots(cur.text), prev.question_id)  # "over 200 ansatte" names no item
    if items and cur.question_id not in (None, prev.question_id) and cur.question_score >= SURE_NEW_SCORE:
        # "… har ledelsen diskutert hvor tilgjengelige …" after the office question: a word of the new
        # question's own wording («diskutert i ledelsen») does not name the previous one's item («leders ønske»)
        stem = set(tokens((und.questions.get(cur.question_id) or {}).get("text") or ""))
        own = " ".join(w for w in und.strip_slots(cur.text).split() if not set(tokens(w)) & stem)
        items = und.match_items(own, prev.question_id)
    # "Og med NAVs dialogmøte 2?" after the dialogue question names one of its answers: the same question
    own_options = und.match_options(cur.text, prev.question_id)[0] if len(cur.text.split()) <= 8 else []
    # "Var det nyttig?" points back at the previous topic, however well its few words fit another question
    pointing_back = (len(cur.text.split()) <= 5 and bool(re.search(intents.ANAPHOR, cur.text))) or bool(
        re.search(
            r"\b(det|dette|den|denne|de|disse|samme) (tallet|tallene|talet|tala|andelen|prosenten|prosentene|figuren|resultatet|resultatene)\b",
            cur.text,
        )
    )  # "… regnet med i det tallet?": however long, about the figure just given
    # "hvor mange syntes den var lite nyttig da?": a pronoun and the scale's words only name no new topic
    pointing_back = pointing_back or (
        bool(re.search(r"\b(den|det|dette|de|dei|dem|disse|desse)\b", cur.text))
        and not _names_topic(cur, und)
    )
    # "hvor mange av de største vet ikke om de har hatt kontakt?" after the contact with NAV Arbeidslivssenter:
    # every word of its topic is the previous question's, so it asks about the same thing
    pointing_back = pointing_back or (
        cur.question_score < SURE_NEW_SCORE and _continues_topic(cur, prev, und)
    )
    # "hvor mange svarte vet ikke blant dem med 200 eller fler ansatte?": an answer and a group of «dem», and no
    # word of a topic of its own
    pointing_back = pointing_back or (
        cur.question_lex < 0.1
        and bool(cur.options or cur.group_dim)
        and bool(re.search(r"\b(dem|dei|disse|desse)\b", cur.text))
    )
    strong_new = (
        cur.question_id is not None
        and cur.question_id != prev.question_id
        and cur.question_score >= NEW_TOPIC_SCORE
        and cur.question_lex >= 0.2  # its own words name the new topic ("Og blant dei minste?" names none)
        and (not items or (cur.question_score >= SURE_NEW_SCORE and bool(cur.items)))
        and not pointing_back
        and not own_options
    )
    # "hvor mange av de minste syns det var lite nyttig?" after one item of the same question: that item
    same_item = (
        cur.question_id == prev.question_id
        and bool(prev.items)
        and not cur.items
        and bool(re.search(intents.ANAPHOR, cur.text))
    )
    # "hvor mange mente de fikk mindre støtte da?" after a figure of the same question: a short question
    # that continues the previous one (its group and wave still hold)
    # (one that names an item of its own stands alone: "Har hjemmekontor gjort bedriftene mer produktive?")
    # (one that adds a topic of its own does not: "Er det mye sammenlignet med før pandemien?")
    continuing = (
        cur.question_id == prev.question_id
        and len(cur.text.split()) <= 10
        and not cur.items
        and (not _names_topic(cur, und) or _continues_topic(cur, prev, und))
    )
    followup = (
        is_followup(cur)
        or bool(items)
        or cur.question_score < WEAK_SCORE
        or pointing_back
        or same_item
        or continuing
    )
    if strong_new and re.match(r"^(og|men|hva med|kva med|enn) ", cur.text) and len(cur.text.split()) <= 6:
        # "og med NAV Arbeidslivssenter?" after the contact with Arbeidstilsynet by size: the same measure for
        # the actor named (its question of the same section on the previous question's scale), same group
        scale = und._scales.get(prev.question_id)
        section = (und.questions.get(cur.question_id or "") or {}).get("section")
        same = [qid for qid, info in und.questions.items()
                if info.get("section") == section and und._scales.get(qid) == scale]  # fmt: skip
        if scale and len(same) == 1 and not cur.group_dim:
            return replace(
                cur,
                question_id=same[0],
                items=[],
                options=[],
                group_dim=prev.group_dim,
                group_key=prev.group_key,
                group_keys=prev.group_keys,
                wave=cur.wave or prev.wave,
                context=f"{prev.context} {prev.text}".strip(),
                inherited=[*cur.inherited, "followup", "actor"],
            )
    if strong_new or not followup:
        return cur
    options, option_word = cur.options, cur.option_word
    if own_options or cur.question_id != prev.question_id:
        # "Og med NAVs dialogmøte 2?": the previous question's answer it names; the labels of another question's
        # answers are not this one's ("ikke relevant" is «Ikke relevant» in Tabell 2)
        options, option_word = und.match_options(cur.text, prev.question_id)
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
        # (a follow-up naming one item of its own asks for that item's figure: "Og AMU?" after a ranking)
        intent=intent
        if intent not in ("figure",) or prev.intent not in ("rank", "compare") or len(items) == 1
        else prev.intent,
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


def _narrowed_by_previous(cur: Question, prev: Question, und: Matcher) -> Question:
    """«hvor nyttig syntes de den dialogen var?» after the dialogue with sick-listed employees: of the items
    the question's words fit («dialogen med …» fits two), the one the previous question named."""
    if (
        len(cur.items) < 2
        or not cur.question_id
        or not re.search(r"\b(den|det|denne|dette|de|dei)\b", cur.text)
    ):
        return cur
    named = [i for i in und.match_items(und.strip_slots(prev.text), cur.question_id) if i in cur.items]
    if not named or len(named) == len(cur.items):
        return cur
    return replace(cur, items=named, inherited=[*cur.inherited, "item"])


# opinion verbs: "syntes", "mente", "svarte" say how the companies answered, not what about
_OPINION = frozenset(
    # …and pronouns, which point back ("hvor mange av dem syntes det var nyttig?")
    tokens("syntes synes mente meiner mener tror trur svarte sa sier oppga fikk hadde opplevde")
    + tokens("dem dei de disse desse det dette den denne deres deira")
)


def _continues_topic(cur: Question, prev: Question, und: Matcher) -> bool:
    """Whether every word the question has of its own (beyond the frame, the group, the answer scale) is a
    word of the previous question."""
    scale = _scale_words(und, cur.question_id) | _scale_words(und, prev.question_id)
    own = set(topic_words(und.strip_slots(cur.text))) - GENERIC_TOKENS - _OPINION - scale
    return bool(own) and own <= set(topic_words(f"{prev.context} {prev.text}"))


def _names_topic(cur: Question, und: Matcher) -> bool:
    """Whether the question has a word of its own beyond the frame, the opinion and the answer scale."""
    # (group and wave words are slots: "blant dem med 200 eller fler ansatte" names no topic)
    words = set(topic_words(und.strip_slots(cur.text))) - set(tokens("blant dem dei de disse desse"))
    return bool(words - GENERIC_TOKENS - _OPINION - _scale_words(und, cur.question_id))


def _scale_words(und: Matcher, qid: str | None) -> set[str]:
    """The words of a survey question's answer labels («vet», «nyttig», …)."""
    options = (und.questions.get(qid or "") or {}).get("options") or []
    return set(tokens(" ".join(str(o.get("label") or "") for o in options)))

"""Step 3: understand a normalised question — intent and slots (question/item, group, options, wave, measure).

No language model: patterns for intents, the lexicon for groups/options/waves, and the matcher's fused
lexical + dense match of the question against the codebook's questions and items.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from . import intents
from .embed import LazyVector
from .english import is_english
from .match import Matcher
from .match.items import DONT_KNOW, SET_ASIDE
from .match.words import _loose
from .normalize import fold, report_tokens, tokens
from .state import Context, Turn
from .types import Question
from .unknown import unknown_reference

EMPLOYEES_NOT_ASKED = (
    "Undersøkelsen er besvart av arbeidsgiverne (ledelsen i NHOs medlemsbedrifter), ikke av de ansatte, "
    "verneombudene eller de tillitsvalgte. Den sier derfor ikke noe om hva de selv mener, føler eller opplever, "
    "bare om bedriftenes vurderinger – for eksempel hvordan ledelsen vurderer partssamarbeidet og "
    "rollene til tillitsvalgte og verneombud (4.2)."
)


TIE = 0.03  # ranker probabilities this close are a tie
# words by which a sentence leans on the one before it ("Hvor mange synes den er nyttig?")
_POINTS_BACK = (
    r"\b(den|denne|dette|disse|desse|dei|dem|slike|sånne|sånn|slik|der|her|det samme|samme|oss|vi|me|vår|våre|vårt)\b"
    r"|\b(syntes|synes|syns|mente|mener|opplevde|opplever|vurderte|vurderer|fant|finner) det\b"  # "syntes det var …"
)


# "de minste", "det aller meste", "den slags kartlegging": a determiner before the sentence's own noun, not a
# pronoun standing for the story told before it
_DETERMINER = re.compile(
    r"\b(?:den|denne|det|dei|de) (?:slags|typen|type)\b"
    r"|\bdet (?:aller|meste|mest)\b"
    r"|\bde(?:i)? (?:[a-zæøå]+ste|små|store|ansatte|tilsette|tilsatte|bedriftene|verksemdene|fleste|mellomstore)\b"
    # "de generelle helsekontroller", "dei digitale møta": an adjective and its noun follow
    r"|\bde(?:i)? [a-zæøå]{3,}e [a-zæøå]{4,}(?:ene|er|ar|ane|a|ne)\b"
)


def _points_back(asking: str) -> bool:
    """Whether the sentence that asks leans on the story before it for what it asks about (a pronoun)."""
    rest = _DETERMINER.sub(" ", asking)
    return bool(re.search(rf"{_POINTS_BACK}|\b(det|de)\b", rest))


# words by which the sentence that asks takes its topic from the story told before it ("… i et slikt møte?")
_REFERS_BACK = r"\b(slik|slike|slikt|sånn|sånne|sånt|dette|denne|disse|desse|dei|dem|det samme|det same)\b"


def run(turn: Turn, ctx: Context) -> None:
    """Intent and slots; the embedding is computed once, here, and reused by retrieval."""
    text = turn.text
    has_words = bool(re.search(r"[a-zæøå]{3}", text))
    # "Jeg forbereder et møte om hybridarbeid. Hvor stor andel …?": a question that stands on its own is
    # embedded without the story told before it (which would pull towards its own topic)
    asked = _asked_sentence(text) or question_first(text)
    # "… var nyttig? (bare «nyttig», ikke svært nyttig)": an aside in parentheses that repeats the answer says
    # which answer (a slot, read from the whole text), not what the question is about
    meant = without_asides(asked if len(asked.split()) >= 10 and not re.search(_POINTS_BACK, asked) else text)
    if turn.typed and len(meant.split()) >= 6 and not re.search(r"[?.!:]\W*$", meant):
        # "hvor mange bedrifter ble bedre til å lede på avstand": typed without its question mark, embedded as
        # the question it is (the bank's phrasings are questions; a bare phrase leans towards other targets;
        # the lookups a claim check words were fitted as they are)
        meant = f"{meant.rstrip()}?"
    if turn.vector is None:  # (fitting passes the bank phrasing's own vector)
        turn.vector = LazyVector(
            lambda: ctx.embedder.cached_query(meant, fresh=turn.fresh) if has_words else None
        )
    turn.question = understand(ctx.match, turn.raw, text, turn.vector, turn.exclude)
    q, whole_text = turn.question, without_asides(text)
    if (
        meant != whole_text
        and has_words
        and q.intent in ("figure", "compare", "rank")
        and q.question_id
        and q.question_score < 0.5
        and turn.exclude is None
    ):
        # "I novemberundersøkelsen spurte dere om X. … Hvor mange svarte i intervallet 1–20 %?": the sentence that
        # asks leaned on the story after all; the whole message, embedded, decides when it is surer
        whole = ctx.embedder.cached_query(whole_text, fresh=turn.fresh)
        again = understand(ctx.match, turn.raw, text, whole, turn.exclude)
        if again.question_score >= 0.5 and again.question_score > q.question_score:
            turn.question, turn.vector = again, LazyVector(lambda: whole)


def understand(m: Matcher, raw: str, text: str, qvec: Any = None, exclude: int | None = None) -> Question:
    """`qvec`: the question's embedding, or an object whose get() computes it only when needed."""
    q = Question(raw=raw, text=text)
    if not re.search(r"[a-zæøå]", text) and not re.fullmatch(r"\W*\d{1,3}\s*(\+|-\s*\d{1,3})\W*", text):
        q.intent = "empty"  # (but "200+?" or "1-9?" names a size group: a follow-up)
        return q
    if re.search(intents.SMALLTALK, text):
        q.intent = "smalltalk"
        return q
    if re.search(intents.INJECTION, text):
        q.intent = "injection"
        return q
    if re.search(intents.CODE, text):
        q.intent = "code"
        return q
    english = len(re.findall(intents.ENGLISH, text))
    # (what is still English after the glossary: the words it does not know)
    if (english >= 3 and english >= len(text.split()) / 3) or is_english(text):
        q.intent = "english"
        return q
    # "Vi i BHT lurer på hvor ofte vi blir koblet inn. Hvor stor andel …?": the story's words are not what is
    # asked (unless the question points back into it)
    asking = _asked_sentence(text)  # the sentence that asks, when a story comes before it (else "")
    scoped = asking if asking and not _points_back(asking) else text
    for pattern, why in m.out_of_scope_words(scoped):
        if pattern.search(scoped) and not re.search(intents.METHOD["significance"], text):
            # "feilmarginen, og er forskjellene signifikanstestet?": the method text answers the second part
            q.intent = "out_of_scope"
            q.out_of_scope_reason = why
            return q
    # ("Vi synes de ansatte er for lite på kontoret. Hvor stor andel av bedriftene …?": the user's own view,
    # told before the question, is no question about the employees' views)
    views = asking if asking and not re.search(_POINTS_BACK, asking) else text
    if re.search(intents.EMPLOYEE_VIEWS, views) and not _reports_employee_figure(m, qvec, exclude, text):
        q.intent = "out_of_scope"
        q.out_of_scope_reason = EMPLOYEES_NOT_ASKED
        return q
    if (
        re.search(intents.EMPLOYEE_COUNTS, text)
        and not re.search(intents.QUESTIONNAIRE, text)
        and not (re.search(intents.CITED_STUDY, text) and _reports_employee_figure(m, qvec, exclude, text))
    ):
        q.intent = "out_of_scope"
        q.out_of_scope_reason = (
            "Undersøkelsen teller bedrifter, ikke ansatte: den viser hvor stor andel av bedriftene som svarte noe, "
            "ikke hvor mange eller hvor stor andel av de ansatte det gjelder. Spør gjerne om andelen bedrifter, "
            "for eksempel «Hvor mange bedrifter har ansatte på hjemmekontor?»."
        )
        return q
    if re.search(intents.SINGLE_COMPANY, text):
        q.intent = "out_of_scope"
        q.out_of_scope_reason = (
            "Undersøkelsen rapporterer bare samlede tall for alle bedrifter og for grupper. Svarene til "
            "enkeltbedrifter eller enkeltpersoner er ikke tilgjengelige, og jeg viser dem aldri. Jeg kan gi tallene "
            "for gruppen bedriften tilhører, for eksempel etter bedriftsstørrelse."
        )
        return q
    company = m.company_name(raw)
    if company:
        q.intent = "out_of_scope"
        q.out_of_scope_reason = (
            f"Rapporten viser bare samlede tall. Den publiserer ikke svar fra enkeltbedrifter, så jeg kan ikke si "
            f"noe om hva «{company}» svarte."
        )
        return q
    unknown = unknown_reference(text)
    if unknown:  # "kontakt med Mattilsynet", "dialogmøte 3": the nearest name the report has is another thing
        q.intent = "out_of_scope"
        q.out_of_scope_reason = unknown
        return q
    years = set(re.findall(intents.YEAR, text))
    other_month = re.search(intents.OTHER_MONTH, text) and not re.search(
        r"publiser|utgitt|utgiving|lansert|oppdrag|datert|skrevet|fotnote|lest\b", text
    )  # "fra juni til desember 2022": after the last wave (not the report's own dates)
    if (years - {"2021", "2022"} or re.search(intents.RELATIVE_YEAR, text) or other_month) and not re.search(
        r"ia-avtalen|2019-2022|2017", text
    ):
        q.intent = "out_of_scope"
        q.out_of_scope_reason = (
            "Undersøkelsen dekker bare november 2021 (hovedundersøkelsen) og juni 2022 "
            "(tilleggsundersøkelsen om hjemmekontor). Den har ingen tall for andre år eller tidspunkter."
        )
        return q

    waves = m.match_wave(_without_story_time(text))
    q.wave = waves[0] if len(waves) == 1 else None
    if len(waves) > 1 or re.search(r"\bbegge (rundene|rundane|undersøkelsene|undersøkingane|målingene|målingane)\b", text):
        q.inherited.append("both_waves")
    # "utanom «ukjent»": a group left out is not the group asked about
    q.group_dim, q.group_key = m.match_group(re.sub(_LEFT_OUT, " ", text))
    if q.group_dim is None and re.search(r"\b(mindre|større) (bedrift|virksomhet|verksemd|firma)\w*", text):
        # "de mindre bedriftene": no band of the report, so the breakdown by size (each band with its figure)
        q.group_dim = "storrelse"
    if (
        q.group_dim in ("fylke", "landsforening")
        and asking
        and m.match_group(asking)[0] is None
        and not re.search(
            r"\b(oss|vi|me|vår|våre|vårt|slike|sånne|der|dem|disse|desse|bransjen|bransje|næringen)\b", asking
        )
        # "… NHO Service og Handel … andelen i nettoutvalget?": the sample
        and not re.search(r"utvalg|representert|invitert|respondent|deltok|deltak|svarprosent", asking)
        and not (q.group_key and str(q.group_key).lower() in text)  # named by its name, it is what is asked about
    ):
        # "Eg skal møte ei handelsbedrift … Kor stor del av bedriftene …?": the industry or county is the user's
        # story; the question asks about all companies
        q.group_dim, q.group_key = None, None
        q.inherited.append("story_group")
    if (
        q.group_dim in ("fylke", "landsforening")
        and q.group_key
        and asking
        and re.search(
            r"\b(hvilken|hvilke|kva for|kva|hva for|i hvilken|i hvilke)( ei| en| et)? (landsforening\w*|bransje\w*|fylke\w*)",
            asking,
        )
        and not m.match_named_groups(asking, q.group_dim)
    ):
        # "Vi er et bussselskap i NHO Transport … Hvilken landsforening hadde størst andel …?": every group of
        # that kind asked about; the one told in the story is the user's own
        q.group_key = None
        q.inherited.append("story_group")
    if q.group_dim != "landsforening" and asking and re.search(r"\b(landsforening\w*|bransje\w*)", asking):
        # "Vi driv eit hotell med 60 tilsette og er med i NHO Reiseliv. … i vår landsforeining …?": the
        # association told in the story is the group asked about, not the company's size
        told = m.match_named_groups(text, "landsforening")
        if told:
            q.group_dim, q.group_key = "landsforening", told[0]
    if q.group_dim in ("fylke", "landsforening"):
        named = m.match_named_groups(text, q.group_dim)
        if len(named) >= 2:  # "Oslo og Viken": each of them
            q.group_key, q.group_keys = named[0], named
    if q.group_dim == "storrelse" and (
        re.search(intents.OWN_SIZE, text)
        # "Jeg er HR-sjef i et regnskapsbyrå med 35 ansatte … Hvor stor andel av bedriftene …?": a size told in
        # the story, not in the sentence that asks, is the user's own
        or (
            q.group_key
            and asking
            and m.match_group(asking)[0] != "storrelse"
            and not m.match_size_groups(asking)
        )
    ):
        q.inherited.append("own_size")  # a figure for that size group if the report has one, else for all
    sizes = m.match_size_groups(text)
    asked_sizes = m.match_size_groups(asking) if asking and len(sizes) >= 2 else []
    # (a band in numbers: "de minste" beside a story's "6 årsverk" is compared as before, in the bands a
    # question has, «opp til 9 årsverk» against «10 årsverk eller flere»)
    explicit = bool(asked_sizes) and all(x[:1].isdigit() for x in asked_sizes)
    # ("… på vår størrelse (10–49)": the band named is the user's own, the story's size inside it)
    if explicit and (not re.search(r"\b(vi|oss|me|vår|våre|vårt|vår[ae])\b", asking) or _inside_asked(m, sizes, asked_sizes)):
        # "Vi er 25 tilsette. Kor mange … i storleiken 10–49 …?": the size told in the story is the user's own,
        # the sentence that asks names the group asked about (no comparison with the user's own)
        sizes = [s for s in sizes if s in asked_sizes]
        asked_group = m.match_group(asking)
        if len(sizes) == 1 and asked_group[0] == "storrelse":
            q.group_dim, q.group_key = asked_group
            q.inherited = [x for x in q.inherited if x != "own_size"]  # the group asked, not the user's own
    if len(sizes) < 2 and re.search(_SIZE_ENDS, text):  # "de minste mot de største": both ends of the scale
        sizes = ["smallest", "largest"]
    if len(sizes) >= 2:  # "mellomstore … enn de minste": the whole breakdown, led by the two named
        q.group_dim, q.group_key, q.group_keys = "storrelse", None, sizes
    if re.search(intents.MEASURE_MEAN, text):
        q.measure = "mean"
    elif re.search(intents.MEASURE_N, text) or re.search(_MOST_ANSWERS, text):
        q.measure = "n"

    topic_text = m.strip_slots(without_asides(text))  # group and wave words are slots, not the topic
    topic_text = re.sub(_SIZE_ENDS, " ", topic_text)  # "de minste mot de største": groups, not a ranking
    # the bank's nearest phrasings vote for targets; the ranker weighs their vote with the wording's match
    vec = qvec.get() if hasattr(qvec, "get") else qvec
    q.votes = m.bank_votes(vec, exclude)
    matches = m.match_questions(topic_text, vec, exclude, q.votes)
    # "Vi er en liten bedrift … Hvor mange av de minste …?": the sentence that asks, if it matches better
    asked = _asked_sentence(topic_text)
    if asked and not re.search(_REFERS_BACK, asked):  # ("… i et slikt møte?": the topic is in the story)
        alone = m.match_questions(asked, vec, exclude, q.votes)
        if alone and (not matches or alone[0][1] > matches[0][1]):
            matches = alone
    if len(matches) > 1 and matches[1][1] >= 0.5 and matches[0][1] - matches[1][1] < TIE:
        # two questions the ranker cannot tell apart: the one the bank's nearest phrasings vote for
        vote = {qid: 0.0 for qid, _p, _l in matches[:2]}
        for t, v in q.votes.items():
            if m.target_qid[t] in vote:
                vote[m.target_qid[t]] += v
        if vote[matches[1][0]] >= vote[matches[0][0]] + 0.1 and not (
            # (not over one whose item the wording names, for one it names nothing of: "… muligheten til å
            # la ansatte stå lenger i jobb" is Tabell 2's item, whatever phrasings about home office voted)
            m.match_items(topic_text, matches[0][0]) and not m.match_items(topic_text, matches[1][0])
        ):
            matches = [matches[1], matches[0], *matches[2:]]
    if (
        len(matches) > 1
        and matches[1][1] >= 0.5
        and not m.match_items(topic_text, matches[0][0])
        and not m.match_options(text, matches[0][0])[0]
        and m.match_items(topic_text, matches[1][0])
    ):
        # a likely question whose item the wording names over one it names nothing of ("… svarte på spørsmålet
        # om heimearbeid og moglegheita til å la tilsette stå lenger i jobb" is Tabell 2's item)
        matches = [matches[1], matches[0], *matches[2:]]
    if len(matches) > 1 and not _verbatim_own_answer(m, matches[0][0], text):
        # an answer only one likely question has, written out word for word («… tilbringer mindre tid i
        # virksomhetens lokaler enn ledelsen ønsker»), is that question's, however the phrasings voted
        matches = _first_where(matches, 4, lambda c: c[1] >= 0.02 and _verbatim_own_answer(m, c[0], text))
    if len(matches) > 1 and matches[0][1] < 0.5 and not _own_answer_named(m, matches[0][0], text):
        # (the ranker unsure) an answer only one likely question has, named in several words, is that question's
        matches = _first_where(matches, 4, lambda c: c[1] >= 0.02 and _own_answer_named(m, c[0], text))
    if len(matches) > 1 and not _names_needed(m, matches[0][0], text):
        # «Hvor ønsker du som leder …»: a question about a wish is not what a wording naming no wish asks
        # («… svarte at de ansatte er i lokalene en overvekt av tiden»), when a likely rival is there
        matches = _first_where(matches, 3, lambda c: c[1] >= 0.3 and _names_needed(m, c[0], text))
    if len(matches) > 1 and re.search(r"\b(eller|enn|kontra|versus|mot)\b", topic_text):
        # "BHT eller samtalen med den sykmeldte?": the likely question that has an item on each side
        if not compared_items(m, topic_text, matches[0][0]):
            matches = _first_where(matches, 3, lambda c: c[1] >= 0.5 and compared_items(m, topic_text, c[0]))
    if len(matches) > 1 and matches[0][1] < 0.5:
        # neither likely: a question whose items and answers the wording both names ("ikke endret
        # produktiviteten": «Ingen endring» for «Produktivitet») over one that it names neither of
        def naming(qid: str) -> int:  # 0–2: whether an item of it, and an answer of it, are named
            return bool(m.match_items(topic_text, qid)) + bool(m.match_options(text, qid)[0])

        def names_all(qid: str) -> bool:  # an item and an answer named; an answer, for a question without items
            return naming(qid) == (2 if (m.questions.get(qid) or {}).get("items") else 1)

        if naming(matches[0][0]) == 0:
            matches = _first_where(matches, 3, lambda c: c[1] >= 0.15 and names_all(c[0]))

        def printed(qid: str) -> bool:  # the report prints a figure for an answer named
            named = set(m.match_options(text, qid)[0])
            return bool(named) and any(r.get("option") in named for r in m.catalogue_rows(qid))

        if m.match_options(text, matches[0][0])[0] and not printed(matches[0][0]):
            # an answer named that the likeliest question prints no figure for (its figure is an image), and a
            # near rival whose item is named prints it: «verken/eller» of BHT's help with the sick-listed is
            # Tabell 6's, not Figur 22's
            matches = _first_where(
                matches, 3, lambda c: c[1] >= 0.15 and printed(c[0]) and bool(m.match_items(topic_text, c[0]))
            )
    asked_scales = m.asked_scales(topic_text)
    # "hvor mange brukte BHT i oppfølgingen av sykmeldte?" asks who used it, not how useful it was;
    # "mest fornøyd med kontakten med NAV Arbeidslivssenter" asks how useful the contact was, not who had it:
    # a likely question on the scale asked comes first
    top_scale = m._scales.get(matches[0][0]) if matches else None
    # (unless an answer of the first's own scale is named: "svarte verken/eller om annen type kontakt med …")
    if asked_scales == {"yesno"} and top_scale != "yesno" and not m.match_options(text, matches[0][0])[0]:
        matches = _first_where(matches, 3, lambda c: c[1] >= 0.15 and m._scales.get(c[0]) == "yesno")
    elif asked_scales == {"useful"} and top_scale == "yesno":
        matches = _first_where(matches, 3, lambda c: c[1] >= 0.15 and m._scales.get(c[0]) == "useful")
    if len(matches) > 1:
        # a question not asked in the wave named is no rival ("… hjemmekontor nå?" is not November's hours)
        rivals = [c for c in matches[1:] if not q.wave or _asked_in(m, c[0], q.wave)] or matches[1:]
        q.runner_up = rivals[0][1]
    if q.wave and matches:
        # a wave the best question was not asked in ("… i juni 2022" of November's hours at home): the
        # likely question that was asked then, if there is one
        if not _asked_in(m, matches[0][0], q.wave):
            matches = _first_where(matches, 4, lambda c: _asked_in(m, c[0], q.wave) and c[1] >= 0.5)
    if q.group_dim in ("storrelse", "fylke", "landsforening") and len(matches) > 1:
        # "de store bedriftene med 200+ ansatte …": of two likely questions, the one with figures for the
        # group asked about (Tabell 7 by size, not Figur 22 for all companies)
        if not m.has_group(matches[0][0], q.group_dim):
            floor = max(0.4, matches[0][1] - 0.3)
            # … and whose words fit nearly as well ("NAVs digitale oppfølging" is not BHT's by size)
            lex_floor = matches[0][2] - 0.2
            # (or whose words fit far better, however the bank's phrasings voted: "BHT … flinke til å følge opp
            # sykmeldte" is BHT's service by size, Tabell 7, more than the actors of Figur 22)
            lex_far = matches[0][2] + 0.2
            # (but not one on another scale than the one asked, when the first is on it: "mindre kontakt med
            # Arbeidstilsynet" by size is who had contact, Figur 29, not how useful it was, Tabell 4)
            on_scale = m._scales.get(matches[0][0]) in asked_scales
            matches = _first_where(
                matches,
                3,
                lambda c: (
                    ((c[1] >= floor and c[2] >= lex_floor) or (c[1] >= 0.02 and c[2] >= lex_far))
                    and m.has_group(c[0], q.group_dim)
                    and (
                        not on_scale
                        or m._scales.get(c[0]) in asked_scales
                        or bool(m.match_options(text, c[0])[0])
                    )
                ),
            )
    if matches:
        q.question_id, q.question_score, lex = matches[0]
        q.question_lex = lex
        q.inherited.append(f"lex={lex:.2f}")
    if q.question_id:
        named = m.match_items(topic_text, q.question_id)
        asked_part = _asked_sentence(topic_text)
        if asked_part and len(named) > 1:
            # the items the sentence that asks names, not words of the story before it ("de fleste jobber …")
            named = [i for i in m.match_items(asked_part, q.question_id) if i in named] or named
        pair = compared_items(m, asked_part or topic_text, q.question_id)
        # "ledelse, tillitsvalgte eller verneombud": a list of more than two is every item on it
        q.items = named if len(named) > 2 and set(pair) <= set(named) else (pair or named)
        head = re.split(r",?\s+\b(?:ikke|ikkje)\s+(?:bare|berre|kun)\b", topic_text, maxsplit=1)[0]
        if head != topic_text:
            # "egen bedriftshelsetjeneste, ikke bare avtale": the item before «ikke bare» is the one asked
            q.items = m.match_items(head, q.question_id) or q.items
        q.options, q.option_word = m.match_options(text, q.question_id)
        q.contrast = contrasted_options(m, text, q.question_id)
        if not q.items:
            bank_keys(m, q)
    if (
        # "I novemberundersøkelsen ble det spurt om X. Hvor mange svarte …?": the context told is not the question
        re.search(intents.QUESTIONNAIRE, asking or text)
        # "fikk alle medlemsbedriftene spørreskjemaet?" is about who was invited, not about one question
        and not re.search(intents.METHOD["population"], text)
        # "hvor mange bedrifter fikk skjemaet …?": how many were invited
        and not re.search(
            r"\b(hvor|kor) mange (bedrifter |verksemder |virksomheter )?(fikk|fekk|mottok)\b", text
        )
        and not re.search(r"\bhvorfor\b", text)
        # "Hvor stor del svarte at X ikke var relevant da de ble spurt om …?": a share of an answer
        and not re.search(r"^(hvor|kor) (mange|stor (andel|del))\b[^?]*\bsvarte at\b", asking or text)
        and not re.search(intents.METHOD["dates"], text)  # "i hvilket tidsrom ble spørreskjemaet sendt ut"
        # "Hva var galt med svarskalaen …?": a flaw the method chapter describes, not the questionnaire's wording
        and not re.search(
            r"\b(galt|gale|feil|feilen|svakhet\w*|problem\w*|mangl\w*|skjev\w*|skeiv\w*|ulempe\w*|svak)\b",
            text,
        )
        # "Hva var det vanligste svaret da bedriftene ble spurt om …?", "hvilket tilsyn valgte flest
        # svaralternativet «nyttig»?": the answers ranked, not how the question was put
        and not re.search(_RANKED_ANSWERS, asking or text)
        # "hvor mange mente det var nyttig (altså svaralternativet «nyttig»)": a share of one answer
        and not re.search(
            r"\b(hvor|kor) (mange|stor (andel|del))\b(?! (svar|spørsmål))[^?]*\b(svar)?alternativ\w*\s*«",
            text,
        )
    ):
        q.intent = "questionnaire"
        # a question quoted nearly word for word ("… om hvor mange ansatte bedriften har") is that question
        about = re.split(r"spørsmålet om|spørsmålet|spurt om", text, maxsplit=1)[-1]
        about = re.sub(r"[^\wæøå ]+", " ", about)  # "antall ansatte?": words, not punctuation
        named = bool(re.search(r"spørsmålet om|spørsmål om", text))  # "spørsmålet om antall ansatte": a title
        ranked = sorted(
            (
                (
                    max(
                        fuzz.token_set_ratio(about, fold(t))
                        for t in (x["text"], (x.get("title") if named else None) or x["text"])
                    ),
                    x["id"],
                )
                for x in m.questions.values()
                # most of the words quoted are the question's own (a short title shares a few of them with
                # anything: «Samarbeid mellom ledelse og tillitsvalgte» is not «felles forståelse av mål og roller»)
                if _covers_quoted(about, x)
            ),
            reverse=True,
        )  # its wording, or its title ("spørsmålet om antall ansatte": «Antall ansatte i bedriften»)
        best = ranked[0] if ranked else (0, None)
        runner_up = ranked[1][0] if len(ranked) > 1 else 0
        # a close paraphrase (75–80) only when clearly ahead: «hvor de vil at de ansatte skal jobbe» fits the
        # wish and the availability question alike
        if best[0] >= 80 or (best[0] >= 75 and best[0] - runner_up >= 3):
            q.question_id, q.question_score = best[1], max(q.question_score, best[0] / 100)
        elif (
            re.search(r"\b(hvem|kven)\b", text)
            and q.question_score < 0.5
            and not re.search(r"spørsmålet", text)
        ):
            # "Hvem ble spurt i barometeret?" is about the survey's respondents, not one question's filter
            asked_whom = re.search(r"\b(spurt|spurte|svarte|svara|deltok|fikk|fekk)\b", text)
            q.intent, q.method_topic = "method", "population" if asked_whom else "who"
    else:
        # "Byggenæringa er godt representert … Kor mange … svara?": what the story says is not what is asked
        told = asking or text
        topics = [name for name, pattern in intents.METHOD.items() if re.search(pattern, text)]
        if asking.rstrip().endswith("?") and len(topics) > 1:
            # "… hvor mye vekt vår bransje har i tallene. Hvor mange … svarte?": the sentence that asks says which
            topics = [t for t in topics if re.search(intents.METHOD[t], asking)] or topics
        topic = topics[0] if topics else None
        # "… spørsmålet om hjemmekontor": a question named as one, found as well as a figure's is
        named_question = (
            bool(re.search(r"\b(spørsmålet|spørsmålene|påstanden|påstandene|delspørsmålene) (om|på)\b", text))
            and q.question_score >= 0.3
        )
        strong_topic = q.question_id is not None and (q.question_score >= 0.45 or named_question)
        background = (m.questions.get(q.question_id or "") or {}).get("theme") == "bakgrunn"
        named = bool(q.options or q.items) and q.question_score >= 0.35 and not background
        if topic == "response" and (
            (named and (told == text or bool(m.match_options(told, q.question_id)[0]) or bool(q.items)))
            or re.search(
                r"hvor mange prosent|\bandel|svarte (at|«|\"|ja\b|nei\b)|(?<!utanom )(?<!utenom )(?<!unntatt )[«\"]",
                told,
            )
            # "hvor mange svarte verken/eller om …": an answer option
            or (re.search(r"\bsvar(te|er|t)\b", told) and m.option_phrase(told))
            # "hvor mange av bedriftene som svarte, har …": the respondents' answer to a question
            or re.search(_RESPONDENTS_WHO, told)
        ):
            # "hvor mange svarte «vet ikke» om …" asks about one question, not the survey; "andel av svarene kom
            # fra …, mot andelen av de inviterte" asks about the sample
            topic = next((t for t in topics if t == "representativeness"), None)
        elif topic == "response" and not re.search(r"spørsmål|påstand", text) and not (
            # "Hvilken BHT-tjeneste fikk flest svar?": the bases of one question's items, ranked
            re.search(_MOST_ANSWERS, text) and q.group_dim is None and len((m.questions.get(q.question_id or "") or {}).get("items") or []) > 1
        ):
            strong_topic = False  # about the survey's response, not one question's base
        if (
            topic is None
            and q.group_dim == "storrelse"
            and q.question_lex < 0.15
            and re.search(r"\b(svarte|svarene|deltok|respondentene|utvalget)\b", text)
            and not (re.search(r"\bsvar(te|er|t)\b", text) and m.option_phrase(text))  # "svarte vet ikke"
            # "svarte det samme": the answer told in the story, not the sample
            and not re.search(r"\bsvar(te|er|a) (det samme|det same|likt|slik|sånn)\b", text)
        ):
            topic = "representativeness"  # "andel av bedriftene som svarte hadde 10–49 ansatte": no topic but the sample
        if topic and (
            not strong_topic
            or topic in ("weighting", "significance", "who", "representativeness", "scale")
            # "når var feltperioden i november?": the survey's dates, whatever question November's figures fit
            or (topic == "dates" and bool(re.search(r"\b(tidsperiode\w*|tidsrom\w*|felttid\w*|datoe?\w*)\b", told)))
            # "Hvem var det som svarte på dette – de ansatte eller arbeidsgiverne?": who the respondents were
            or (topic == "population" and bool(re.search(r"\b(hvem|kven)\b", told)))
        ):
            q.intent = "method"
            q.method_topic = topic
            if topic == "dates" and "response" in topics:
                # "når …, og hvor mange svarte?": the response lines carry the dates (a follow-up keeps both)
                q.method_topic = "response"
        if q.intent != "method":
            how_many_chose = bool(q.options) and re.search(r"\b(hvor|kor) mange\b|\bandel|\bprosent", text)
            # "hvor mange sier at … utfordringene …": a count, unless a reason is asked for too
            how_many_chose = how_many_chose or (
                re.match(r"(hvor|kor) mange\b", text) and not re.search(r"hvorfor|kvifor|forklar|årsak", text)
            )
            if (re.search(intents.EXPLAIN, text) and not how_many_chose) or (
                re.match(r"hva (er|betyr|menes med|innebærer) ", text)
                and not re.search(intents.FIGURE_WORDS, text)
            ):
                q.intent = "explain"
            elif (
                # (the sentence that asks, after a story: "de fleste jobber hybrid" told is no ranking asked)
                re.search(intents.RANK, _asked_sentence(topic_text) or topic_text)
                and not (
                    how_many_chose and re.match(r"(hvor|kor) (mange|stor (andel|del))\b", asking or text)
                )
            ):  # "hvor mange … «ingen av disse» blant de største utfordringene": one answer's share, not a ranking
                q.intent = "rank"
                head = re.match(
                    r"(?:for |i |blant |hos |på |med )?(hvilken|hvilke|hvilket|kva for ein|kva for eit|kva for|hva slags|(?:hva|kva) (?:type|sort|slags))((?: \S+){1,3})",
                    text,
                )
                if (
                    head
                    and len(q.items) == 1
                    and set(tokens(head.group(0))) & m.item_words(q.question_id or "").get(q.items[0], set())
                ):
                    q.items = []  # "hvilken type kontakt …" names what is ranked, not one item of it
            elif re.search(intents.COMPARE, text) or (q.group_dim and q.group_key is None):
                q.intent = "compare"
            else:
                q.intent = "figure"
    if q.question_id and not q.items and not q.options:
        # the user may quote an answer option of a close runner-up ("det har ingen betydning hvor de jobber")
        for qid, score, _lex in matches[1:5]:
            if score < 0.3:
                break
            if not _asked_in(m, qid, q.wave) and _asked_in(m, q.question_id, q.wave):
                continue
            opts, word = m.match_options(text, qid)
            if opts and word is None:  # a direct option match, not a generic word like "nyttig"
                q.question_id, q.question_score = qid, score
                q.options, q.option_word = opts, word
                q.items = m.match_items(topic_text, qid)
                break
    if (
        q.group_dim is None
        and q.question_id
        and (q.items or len((m.questions.get(q.question_id) or {}).get("items") or []) <= 1)
        and re.match(_WHICH_COMPANIES, text)
        and re.search(intents.RANK, text)
    ):
        # "Hvilke bedrifter har flest ansatte på hjemmekontor?": which kind of company, by size (the report's
        # breakdown), for one item (a ranking of many items by size is no one answer)
        q.group_dim = "storrelse"
    if q.question_id and matches:
        spelled = _spelled_out_option(m, text, matches[:3])
        if spelled is not None and (spelled[0] != q.question_id or spelled[1] not in q.options):
            # "de ansatte tilbringer mindre tid i lokalene enn ledelsen ønsker": a long answer of a likely
            # question written out nearly word for word is that answer, whatever the wording matched best
            qid, option = spelled
            if qid != q.question_id:
                q.question_id = qid  # as likely as the best match: its answer is written out
                q.question_score = max(q.question_score, next(c[1] for c in matches if c[0] == qid))
                q.items = m.match_items(topic_text, qid)
            q.options, q.option_word = [option], None
            if not q.items:
                bank_keys(m, q)
    if q.question_id:
        evaluated = (
            re.search(r"\b(vurderte|vurdert|tok stilling|tatt stilling)\b", text) and not q.option_word
        )
        explicit_n = re.search(
            r"\b(hva|kva|hvor stor|kor stor) (er|var) n\b|\bn ?=|\(n\)|\bgrunnlag|\bbase\b", text
        ) or re.search(intents.BEHIND_FIGURES, text) or re.search(_MOST_ANSWERS, text)
        if (
            q.options and q.measure == "n" and not evaluated and not explicit_n
        ):  # "vurderte nytten av": how many answered
            q.measure = "share"  # "hvor mange svarte «vet ikke»" asks for a share, not the base
        if (
            q.measure == "share"
            and q.intent == "figure"
            and q.items
            and not q.options
            and not asked_scales - {"yesno"}
            and m._scales.get(q.question_id) in _RATING_SCALES
            and re.search(_HOW_MANY_HAD, text)
        ):
            # "hvor mange bedrifter har fått tilsyn uten veiledning?" asks how many had it, not how useful it
            # was: the survey has only the number who rated it (the base), so that is the figure
            q.measure = "n"
    return q


# which item had the most or fewest answers: a ranking of the bases ("flest respondenter", "færrest svar")
_MOST_ANSWERS = (
    r"\b(flest|færrest|fleire|flere|færre)\s+(svar|respond\w*|besvarelser|bedrifter som svarte)\b"
)


def _inside_asked(m: Matcher, sizes: list[str], asked: list[str]) -> bool:
    """Every size told outside the sentence that asks lies in the one band it names ("Vi har 25 ansatte. … på vår
    størrelse (10–49)"): the same group, not two to compare."""
    bands = [m.size_band(a) for a in asked]
    if len(bands) != 1 or bands[0] is None:
        return False
    lo, hi = bands[0]
    told = [m.size_band(s) for s in sizes if s not in asked]
    return bool(told) and all(b is not None and lo <= b[0] and (hi is None or b[1] is not None and b[1] <= hi) for b in told)


_RANKED_ANSWERS = (
    r"\b(vanligst\w*|flest|oftest|hyppigst\w*|andreplass\w*|førsteplass\w*|tredjeplass\w*|"
    r"nest (flest|størst|vanligst\w*|høyest|mest|oftest))\b"
)
_NOT_MEANT = re.compile(r"(?:\bmen|\baltså),?\s+(?:ikke|ikkje)\b[^,.?!]*")


def _spelled_out_option(m: Matcher, text: str, candidates: list[Any]) -> tuple[str, str] | None:
    """(question, option) whose long label (five content words or more) the text holds nearly all of."""
    # not an answer set aside: "(altså ikke det aller meste)", "…, men ikke det aller meste av tiden"
    said = set(tokens(_NOT_MEANT.sub(" ", SET_ASIDE.sub(" ", text))))
    best: tuple[float, str, str] | None = None
    for qid, score, _lex in candidates:
        if score < 0.15:
            continue
        for label in m._catalogue_options(qid):
            own = set(tokens(label))
            if len(own) < 5:
                continue
            cover = len(own & said) / len(own)
            if cover >= 0.85 and (best is None or cover > best[0]):
                best = (cover, qid, label)
    return (best[1], best[2]) if best else None


_WHICH_COMPANIES = r"(hvilke|hvilken|kva for|kva slags|hva slags) (type |slags )?(bedrifter|bedrift|verksemder|virksomheter)\b"
_LEFT_OUT = r"\b(?:utanom|utenom|unntatt|bortsett fra|eksklusive|ekskludert)\s+«?[\wæøå-]+»?"
_RATING_SCALES = ("useful", "agree", "extent", "importance")
_HOW_MANY_HAD = (
    r"\b(hvor|kor) mange\b(?: \w+){0,3} (har |hadde |fikk |fekk )?"
    r"(fått|fikk|fekk|hatt|hadde|mottatt|mottok|fått besøk|hatt besøk|brukte|brukt|benyttet|benytta|tok i bruk)\b"
    # "Hvor stor andel av bedriftene har tilsyn med veiledning?": who had it, not how useful it was
    r"|\b(hvor|kor) (mange|stor (andel|del))\b(?: \w+){0,3} (har|hadde|fikk|fekk) (hatt |fått )?(tilsyn|besøk)\b"
)


def _names_needed(m: Matcher, qid: str, text: str) -> bool:
    """Whether the wording names what the codebook says a question is only asked with (`needs_words`)."""
    needs = (m.questions.get(qid) or {}).get("needs_words")
    if not needs or re.search(needs, text):
        return True
    return _own_answer_named(m, qid, text)  # («Det har ingen betydning for meg hvor de ansatte jobber fra»)


def _verbatim_own_answer(m: Matcher, qid: str, text: str) -> bool:
    """Whether the text writes out, word for word, an answer of five words or more that no other question has."""
    said = _loose(text)

    def written(label: str) -> bool:  # word for word, with at most two words put in between
        words = [re.escape(w) for w in _loose(label).replace("(sum)", "").split()]
        return bool(re.search(r"\b" + r"(?:\s+\S+){0,2}?\s+".join(words) + r"\b", said))

    return any(len(o.split()) >= 5 and written(o) for o in _only_answers(m, qid))


def _own_answer_named(m: Matcher, qid: str, text: str) -> bool:
    """Whether the wording names, in several words, an answer that no other question has ("det ikke betyr noe
    hvor de ansatte jobber fra" is only the managements' wish, Figur 3)."""
    named, phrase = m.match_options(text, qid)
    own = set(named) & _only_answers(m, qid)
    if not own:
        return False
    # (the phrase said, or the label itself when it was named as printed: «Bedriftshelsetjenesten», one word
    # for BHT, is no answer named in several words)
    return len(phrase.split()) >= 3 if phrase is not None else any(len(o.split()) >= 3 for o in own)


@lru_cache(maxsize=128)
def _only_answers(m: Matcher, qid: str) -> frozenset[str]:
    """A question's answers (as the tables print them) that no other question has, once per question."""
    others = {o for other in m.questions if other != qid for o in m._catalogue_options(other)}
    return frozenset(o for o in m._catalogue_options(qid) if o not in others)


def _first_where(matches: list[Any], stop: int, test: Callable[[Any], bool]) -> list[Any]:
    """The matches with the likeliest of `matches[1:stop]` that passes `test` first (unchanged when none does)."""
    found = next((c for c in matches[1:stop] if test(c)), None)
    return matches if found is None else [found] + [c for c in matches if c is not found]


_SIZE_ENDS = (
    r"\b(de |dei )?(minste|største)\b\W*(og|mot|versus|vs\.?|eller|kontra|sammenlignet med)\s+(de |dei )?(største|minste)\b|"
    # "…, små mot store?": the two ends, said bare
    r"\b(små|store)\s+(mot|versus|vs\.?|kontra|eller)\s+(store|små)(\s+bedrifter)?\W*$"
)


def _reports_employee_figure(m: Matcher, qvec: Any, exclude: int | None, text: str = "") -> bool:
    """The employees were not asked, but the report cites another survey of them ("De fant at 27 prosent av
    de ansatte …", AFI): a question the bank places squarely on that sentence is answered with it."""
    vec = qvec.get() if hasattr(qvec, "get") else qvec
    if vec is None:
        return False
    votes = m.bank_votes(vec, exclude)
    if not votes:
        return False
    top, share = max(votes.items(), key=lambda kv: (kv[1], -kv[0]))
    found = m.statements.get(top)
    if not (
        share >= 0.3
        and found is not None
        and bool(
            re.search(r"\bav de ansatte\b|\barbeidstakerne\b|\blønnstakere\w*|\barbeidstakere\b", found[1])
        )
        and bool(re.search(r"\d", found[1]))
    ):
        return False
    # every word of the question the survey's own wording does not know must be in that sentence
    # ("stressende" is not: the cited survey did not ask about stress)
    said = set(tokens(found[1]))
    known = report_tokens()
    text = re.sub(intents.CITED_STUDY, " ", text)  # "AFI-studien som rapporten viser til": the framing
    text = re.sub(r"\b(ifølge|i følge|ifylgje|iflg)\b", " ", text)
    unknown = [
        t
        for t in tokens(text)
        if len(t) >= 4
        and t not in m.idf
        and t not in known
        and not any(
            w.startswith(t)
            or w.endswith(t)
            or (len(w) >= 5 and t.startswith(w))
            # a compound on the sentence's word ("jobbmail" on "jobbrelaterte")
            or (len(t) >= 7 and len(w) >= 7 and w[:4] == t[:4])
            for w in said
        )
    ]
    return not unknown


def _asked_in(m: Matcher, qid: str, wave: str | None) -> bool:
    """Whether the codebook question was asked in the wave (a question of both waves has none)."""
    asked = (m.questions.get(qid) or {}).get("wave")
    return wave is None or asked is None or asked == wave


BANK_KEY_SHARE = (
    0.4  # the vote a bank target needs for its item or options to fill a slot the wording left open
)


def _covers_quoted(about: str, info: dict) -> bool:
    """Whether a codebook question's wording and title hold at least half of the content words quoted."""
    quoted = set(tokens(about))
    if len(quoted) < 3:
        return True
    own = set(tokens(f"{info.get('text') or ''} {info.get('title') or ''}"))
    return len(quoted & own) >= 0.5 * len(quoted)


def bank_keys(m: Matcher, q: Question) -> None:
    """The winning bank target's item fills what the wording left open: "kreativiteten" (a word form the
    item's label does not have) is the item «Kreativitet og innovasjon» when the nearest phrasings say so."""
    # the vote per item, whatever answer each phrasing names: only the item is taken from it
    share: dict[str | None, float] = {}
    for t, v in q.votes.items():
        target = m.bank.targets[t]
        if target.route == "data" and target.question_id == q.question_id:
            share[target.item] = share.get(target.item, 0.0) + v
    if not share:
        return
    item, best = max(share.items(), key=lambda kv: (kv[1], str(kv[0])))
    if best < BANK_KEY_SHARE:
        return
    # the item only: which answer (nyttig or lite nyttig) is asked the wording says, and the nearest
    # phrasings often share the topic but not the direction
    if q.options and any(
        not r.get("item") and r.get("option") in q.options for r in m.catalogue_rows(q.question_id)
    ):
        # «overvekt av tiden» of all companies (Figur 1): a named answer the item-less series prints is
        # not the share of one split of it (Figur 3's «Dagens situasjon», on another base)
        return
    if not q.items and item:
        q.items = [item]
        q.inherited.append("bank_item")


def contrasted_options(m: Matcher, text: str, question_id: str) -> list[str]:
    """ "mer eller mindre støtte", "positiv eller negativ endring": one answer on each side of «eller»,
    «enn», «mot» (the shared noun written out on the first side)."""
    if DONT_KNOW.search(text):  # "vet ikke om de fikk mer eller mindre": the sides are what is not known
        return []
    text = re.sub(r"\b([\wæøå]+) (eller|enn|mot|kontra) ([\wæøå]+) ([\wæøå]+)\b", r"\1 \4 \2 \3 \4", text)
    for joint in re.finditer(r"\s(?:eller|enn|mot|kontra|versus)\s", text):
        left, _w = m.match_options(text[: joint.start()], question_id)
        right, _w2 = m.match_options(text[joint.end() :], question_id)
        if len(left) == 1 and len(right) == 1 and left != right:
            return [left[0], right[0]]
    return []


def compared_items(m: Matcher, text: str, question_id: str) -> list[str]:
    """ "Er risikovurderinger mindre nyttige enn helsekontroller?": an item on each side of «enn», «mot» …"""
    # "tilsyn uten eller med veiledning": the words the two sides share, written out on each side
    text = re.sub(
        r"\b([\wæøå]+) (uten|med|utan) (eller|og) (uten|med|utan) ([\wæøå]+)", r"\1 \2 \5 \3 \1 \4 \5", text
    )
    parts = re.split(
        r"\b(?:enn|kontra|versus|vs\.?|sammenlignet med|sammenliknet med|samanlikna med|i forhold til|mot|"
        r"like [\wæøå]+ som|så [\wæøå]+ som)\b",
        text,
        maxsplit=1,
    )
    splits = [parts] if len(parts) == 2 else []
    # two-part questions: "X, og hvor mange … Y?", "Sammenlign X og Y"
    splits += [[text[: m.start()], text[m.end() :]] for m in re.finditer(r",? og ", text)]
    # "Hva ble oftere forbedret: evnen til å lede på avstand eller muligheten til å tilpasse arbeidet?"
    splits += [[text[: m.start()], text[m.end() :]] for m in re.finditer(r",? eller ", text)]
    # "sammenlign X med Y": each «med» after the verb may be the joint ("kontakt med Arbeidstilsynet" is not)
    verb = re.search(r"\bsammenlign\w*\b", text)
    if verb:
        joints = re.finditer(r" med ", text[verb.end() :])
        splits += [[text[: verb.end() + j.start()], text[verb.end() + j.end() :]] for j in joints]
    for left_text, right_text in splits:
        left, right = m.match_items(left_text, question_id), m.match_items(right_text, question_id)
        # "tilsyn uten veiledning … enn med veiledning": the elided noun from the left side
        if len(right) != 1:
            right = m.match_items(_elided(left_text, right_text), question_id) or right
        if len(left) > 1:  # "… ved sykefravær – den sykmeldte selv eller legen": the side after the dash
            left = m.match_items(re.split(r"\s[-–:]\s|,\s", left_text)[-1], question_id) or left
        if len(left) == 1 and len(right) == 1 and left != right:
            return [left[0], right[0]]
    return []


def _without_story_time(text: str) -> str:
    """The question without «nå», «i dag», «i år» of the user's own story told before it («… har to
    langtidssykmeldte nå. Hvor mange …?»): that is the user's time, not a wave of the survey."""
    asking = _asked_sentence(text)
    if not asking:
        return text
    story = text[: len(text) - len(asking)]
    story = re.sub(r"\b(nå|no|i dag|i år|for tiden|akkurat nå|per i dag|nylig|i det siste)\b", " ", story)
    return f"{story}{asking}"


# a question told as someone's («Et medlem med 120 ansatte spør om andre bedrifter …»): what is asked follows
_REPORTED = re.compile(
    r"(?<!\bble )(?<!\bvart )(?<!\bblei )(?<!\bvar )(?<!\ber )(?<!\bblir )"  # not "da de ble spurt om …"
    r"\b(?:spør|spurte|lurer på|lurte på|lurar på|vil vite|ville vite|vil gjerne vite|ønsker å vite|ønskjer å vite|"
    r"undrer seg på|undrar seg på|undrer seg over)(?: meg| oss)? (?:om |hvorvidt )?"
)


_TRAILING_ASIDE = re.compile(
    r"\s*[,-] (?:altså |og )?(?:ikke|ikkje) (?!bare\b|berre\b|kun\b|minst\b|sant\b|så\b|sånn\b|noe\b|noko\b)"
    r"(?:om |på |for |til )?[\wæøå /-]{1,40}(?=[?.!]*\s*$)"
)


# "av bedriftene som svarte, har …": a relative clause naming the respondents, then what is asked of them (not
# "som svarte er fra Oslo": who the respondents are)
_RESPONDENTS_WHO = (
    r"\bsom (svarte|svara|har svart|deltok|var med),? (har|hadde|mener|meiner|synes|syns|opplever|opplevde|"
    r"oppgir|oppga|brukte|bruker|ønsker|ønsket|vil|jobber|hadde hatt|har hatt|fikk|får)\b"
)


def without_asides(text: str) -> str:
    """The text without asides in parentheses that only repeat what it says («… var nyttig? (bare «nyttig»,
    ikke svært nyttig)»): they narrow an answer read from the whole text, and would pull the question towards
    another topic. An aside that says something new («nøytrale («verken/eller»)») stays.

    >>> without_asides("hvor mange syns det var nyttig? (bare «nyttig», ikke svært nyttig)")
    'hvor mange syns det var nyttig?'
    >>> without_asides("hvor mange hadde dialog med bht ved sykefravær - jeg spør om bruk, ikke om vurdert nytte?")
    'hvor mange hadde dialog med bht ved sykefravær - jeg spør om bruk?'
    >>> without_asides("hvor mange var nøytrale («verken/eller») til oppfølgingen?")
    'hvor mange var nøytrale («verken/eller») til oppfølgingen?'
    >>> without_asides("hvor mange hadde med bht i 2021 (ikke hvor nyttig det var, bare om de brukte den)?")
    'hvor mange hadde med bht i 2021 om de brukte den?'
    """

    def repeated(m: re.Match[str]) -> str:
        negated = re.match(
            r"(?:men |og )?(?:ikke|ikkje)\b[^,;]*(?:[,;]\s*(?:men |bare |berre |kun )?(.*))?$", m.group(1)
        )
        if negated:  # "(ikke hvor nyttig det var, bare om de brukte den)": what is set aside is not the topic
            return f" {negated.group(1)}" if negated.group(1) else " "
        restated = re.match(
            r"(?:altså|dvs\.?|det vil si|altso)\s+([^,;]+)[,;]\s*(?:men |og )?(?:ikke|ikkje)\b.*$", m.group(1)
        )
        if restated:  # "(altså hadde dialog med dem, ikke hvor nyttig det var)": the question said again, and
            return " "  # what it is not: neither is a topic of its own
        outside = set(tokens(text[: m.start()] + " " + text[m.end() :]))
        said = set(tokens(m.group(1))) - _ASIDE_WORDS
        return " " if said and said <= outside else m.group(0)

    bare = re.sub(r"\s*\(([^()]{1,80})\)", repeated, text).strip()
    # "…, ikke om vurdert nytte?" at the end: what is set aside is not the topic
    bare = _TRAILING_ASIDE.sub("", bare)
    bare = re.sub(r"\s+([?.!,])", r"\1", bare)
    return bare if len(bare.split()) >= 4 else text


_ASIDE_WORDS = frozenset(tokens("bare kun berre ikke ikkje altså dvs svært særlig mer mindre eller og"))


def _asked_sentence(text: str) -> str:
    """The last sentence when it asks and sentences telling the context come before it, or the question a
    sentence reports («… spør om X»: X); else ''. Always a suffix of `text`.

    >>> _asked_sentence("et medlem med 120 ansatte spør om andre bedrifter har blitt flinkere til å lede")
    'andre bedrifter har blitt flinkere til å lede'
    >>> _asked_sentence("hvor mange alternativ kunne de velge da de ble spurte om de største utfordringene?")
    ''
    """
    text = text.strip()
    parts = re.split(r"(?<=[.!])\s+", text)
    last = parts[-1]
    told = _REPORTED.search(last)
    if told and told.start() > 0 and len(last[told.end() :].split()) >= 4:
        return last[told.end() :]
    if len(parts) < 2 or not last.endswith("?") or len(last.split()) < 4:
        return ""
    return last


def question_first(text: str) -> str:
    """The question when it comes first and the sentences after it only tell why it is asked («Hvilke
    svaralternativer …? Vi vil bruke samme skala i vår egen kartlegging.»); else ''.

    >>> question_first("Hvor mange svarte? Eg har ein kamerat som lurer.")
    'Hvor mange svarte?'
    >>> question_first("Hvor mange svarte?")
    ''
    """
    parts = re.split(r"(?<=[?.!])\s+", text.strip())
    if len(parts) < 2 or not parts[0].endswith("?") or any(x.rstrip().endswith("?") for x in parts[1:]):
        return ""
    return parts[0]


def _elided(left: str, right: str) -> str:
    """ "enn med veiledning" after "tilsyn uten veiledning": the right side with the left's noun before it."""
    prep = re.match(r"\W*(med|uten|utan|for|blant)\b", right)
    noun = prep and re.search(r"\b([\wæøå]+) (?:med|uten|utan|for|blant)\b", left)
    return f"{noun.group(1)} {right}" if noun else right


def is_followup(q: Question) -> bool:
    # "Er ikke det veldig lavt?": a judgement of the previous figure
    judged = re.match(
        r"(er|var) (ikke |ikkje )?(det|dette|den|tallet|tallene|andelen)\b(?: [\wæøå]+){0,3}\W*$", q.text
    )
    # "Er de over- eller underrepresentert?": «de» is the group or the companies asked about before
    # … and «Hvor mye overrepresentert var de …?»: a degree asked of them
    pronoun = re.match(
        r"(?:(?:hvor|kor) (?:mye|mykje|sterkt|stor|store) (?:[\wæøå-]+ )?)?"
        r"(er|var|har|hadde|blir|ble) (de|dei|disse)\b(?! (fleste|flest|store|små|minste|største|mellomstore|aller|ansatte|tilsette)\b)",
        q.text,
    )
    # "kor mange prosent var det av alle svara?", "hvor mange var det i prosent?": the figure just given, as a share
    share_of_it = re.match(
        r"(hvor|kor) (mange prosent|stor (andel|del)|mange|mykje|mye)"
        r"( av (alle )?(svarene|svara|svar|utvalget|utvalet|nettoutvalget|nettoutvalet|bruttoutvalget|bruttoutvalet|"
        r"de inviterte|dei inviterte|de som svarte|dei som svara))?"
        r" (var|er|utgjør|utgjorde|utgjer) (det|dette|de|dei|disse)"
        r"\b(?! (for|om|med|i forhold til) )",
        q.text,
    ) and re.search(r"\b(prosent|andel|del|av alle|av svarene|av svara)\b", q.text)
    return (
        bool(re.search(intents.FOLLOWUP, q.text))
        or len(q.text.split()) <= 4
        or bool(judged)
        or bool(pronoun)
        or bool(share_of_it)
    )

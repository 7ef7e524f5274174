"""Groups (size bands, landsforeninger, fylker), waves and company names in a question."""

from __future__ import annotations

import re

from .. import knowledge
from ..normalize import fold, normalize, report_names, vocabulary
from .words import _KNOWN_NAMES, _NUMERIC_GROUP, _first_word, _word_re, _words, joined, may_match

_COMPOUND = re.compile(r"([a-zæøå]{4,}?)s?(?:bedrif|selskap|virksomhet|verksemd|firma|foretak)[a-zæøå]*$")


# "200 eller flere/fler/fleire ansatte", "200+", "over 200", "minst 200 tilsette": the band from that size up
_AT_LEAST = (
    r"(\d+)\s*(?:\+|(?:(?:ansatte|årsverk|tilsette) )?(?:eller (?:flere|fler|fleire|mer|meir)\b|og (?:oppover|over|mer|meir)\b))"
    r"|(?:over|flere enn|fler enn|fleire enn|mer enn|meir enn|minst) (\d+) (?:ansatte|årsverk|tilsette)"
)


# the verb opening a yes/no question whose subject is a company ("Har Veidekke …?")
_ASKING_VERB = (
    r"har|hadde|hev|er|var|bruker|brukar|brukte|fikk|fekk|får|tilbyr|gir|gjer|gjør|gjorde|kan|skal|vil|mener|meiner"
    r"|syns|synes|synest|tenker|planlegger"
)
# what a company is asked about as having answered or judged ("Korleis svara Veidekke …", "Hva mente Equinor?")
_ANSWERED_VERB = (
    r"(svarte|svart|svara|svarer|svarar|mener|meiner|mente|meinte|syns|synes|syntes|synst|synte|synest|sa|rapporterte|gjorde|"
    r"vurderer|vurderte|opplever|opplevde)"
)


class GroupMatching:
    def _init_groups(self) -> None:
        lex = knowledge.lexicon()
        self.groups = lex.get("groups") or {}
        self.wave_words = {w: [fold(x) for x in words] for w, words in (lex.get("waves") or {}).items()}
        self.out_of_scope = lex.get("out_of_scope") or []
        self._oos = [  # words, or regular expressions written "re: …"
            (re.compile(w[3:].strip()) if w.startswith("re:") else _word_re(w), entry.get("why"))
            for entry in self.out_of_scope
            for w in entry.get("words") or []
            if w
        ]
        # each one's first word (None for a regular expression): only those can match whose first word is asked
        self._oos_first = [
            None if w.startswith("re:") or not _first_word(w) else frozenset([_first_word(w)])
            for entry in self.out_of_scope
            for w in entry.get("words") or []
            if w
        ]
        self._wave_res = {
            w: [_word_re(x) for x in sorted(words, key=len, reverse=True)]
            for w, words in self.wave_words.items()
        }
        self._wave_any = {w: joined(patterns) for w, patterns in self._wave_res.items()}
        self._group_res: list[tuple[re.Pattern[str], int, str, str, str]] = []
        for dim in ("landsforening", "fylke", "storrelse"):
            for g in self.groups.get(dim) or []:
                key = g.get("canonical") or g.get("key")
                for w in dict.fromkeys([*(g.get("words") or []), g.get("canonical") or ""]):  # fixed order
                    if not w:
                        continue
                    pattern = r"(?<![\wæøå])" + re.escape(fold(w)) + r"(?![\wæøå])"
                    if dim == "storrelse" and not re.search(
                        r"\d|bedrift|virksomhet|foretak|ansatt|årsverk", w
                    ):
                        # "de største" is a size group only about companies, not in "de største utfordringene"
                        pattern = (
                            pattern
                            + r"(?:\s+\S+){0,2}?\s*(bedrift|virksomhet|foretak|arbeidsgiver)|"
                            # (not said of a thing: "… utfordringene … er de største")
                            + r"(?<!\ber )(?<!\bvar )(?<!\bble )(?<!\bblir )"
                            + pattern
                            + r"(?:\s+(?:da|då|enn|også|nå|no|vel|altså|her|i så fall))*\s*[?.!]?$"
                        )
                    if dim == "storrelse" and fold(w).startswith("få "):
                        # "å få ansatte til å stå lenger": the verb, not "few employees"
                        pattern = r"(?<!\bå )(?<!\bog )(?:" + pattern + r")(?!\s+til\b)"
                    self._group_res.append((re.compile(pattern), len(w), dim, key, _first_word(w)))
        # one-word names of a landsforening or fylke, for compounds ("luftfartsbedriftene", "oslobedrifter")
        self._compound_stems = {
            fold(w): (dim, g.get("canonical") or g.get("key"))
            for dim in ("landsforening", "fylke")
            for g in self.groups.get(dim) or []
            for w in g.get("words") or []
            if re.fullmatch(r"[a-zæøå]{4,}", fold(w))
        }
        self.known_words = {fold(w) for w in vocabulary()} | set(_KNOWN_NAMES) | report_names()
        for dim in self.groups.values():
            for g in dim:
                for w in [*(g.get("words") or []), g.get("canonical") or ""]:
                    self.known_words.update(re.findall(r"[\wæøå]+", fold(w)))
        for src in lex.get("abbreviations_case_sensitive") or {}:
            self.known_words.add(fold(str(src)))

    def match_group(self, text: str) -> tuple[str | None, str | None]:
        """(group_dim, key): size key from the lexicon (or 'min-max'), or the canonical landsforening/fylke."""
        m = re.search(r"(?<!\d )(\d+)\s*(?:-|til|og)\s*(\d+)\s*(ansatte|årsverk)", text)
        if m:
            return "storrelse", f"{int(m.group(1))}-{int(m.group(2))}"
        m = re.search(
            r"\b(?:størrelse|størrelsen|storleik|storleiken|størrelsesgruppen?|størrelsesgruppa)\s*\(?\s*(\d{1,3})\s*-\s*(\d{1,3})\b"
            r"(?!\s*(?:%|prosent))",
            text,
        )
        if m:  # "bedrifter på vår størrelse (10–49)": the band named by its numbers alone
            return "storrelse", f"{int(m.group(1))}-{int(m.group(2))}"
        m = re.search(_AT_LEAST, text)
        if m:
            lo = int(m.group(1) or m.group(2))
            return "storrelse", f"{lo}-"
        m = re.search(
            r"\b(?:under|færre enn|mindre enn|opp til|opptil|inntil) (\d+) (?:ansatte|årsverk|tilsette)", text
        )
        if m:  # "under 10 årsverk": the bands below
            return "storrelse", f"1-{int(m.group(1)) - 1}"
        m = re.search(r"\b(\d+) (ansatte|ansatt|årsverk|tilsette)\b", text)
        if m:  # "en liten bedrift med 5 ansatte": the band that holds 5
            return "storrelse", f"{int(m.group(1))}-{int(m.group(1))}"
        words = _words(text)
        hits = [
            (n, dim, key)
            for pattern, n, dim, key, first in self._group_res
            if first in words and pattern.search(text)
        ]
        if hits:
            hits.sort(key=lambda h: -h[0])
            return hits[0][1], hits[0][2]
        for w in words:  # a group's name in a compound: "luftfartsbedrifter" (typos in the tail too)
            m = _COMPOUND.match(w)
            if m and m.group(1) in self._compound_stems:
                return self._compound_stems[m.group(1)]
        if re.search(r"landsforening|bransje", text):
            return "landsforening", None
        if re.search(r"\bfylke|\bregion|landsdel", text):
            return "fylke", None
        if re.search(r"størrelse|antall ansatte|årsverk|store og små|små og store", text):
            return "storrelse", None
        return None, None

    def match_size_groups(self, text: str) -> list[str]:
        """Every size group named, in the order named ("mellomstore … enn de minste" → medium, smallest);
        a longer phrase wins over the words inside it."""
        spans: list[tuple[int, int, str]] = []
        for m in re.finditer(r"(?:mellom )?(\d+)\s*(?:-|til|og)\s*(\d+)\s*(?:ansatte|årsverk)?", text):
            if "og" in m.group(0) and not m.group(0).startswith("mellom"):
                continue  # "10 og 49" is a band only as "mellom 10 og 49"
            if re.match(r"\s*(?:%|prosent|pst)", text[m.end() :]):
                continue  # "i intervallet 1–20 %": a band of an answer, not of company size
            spans.append((m.start(), m.end(), f"{int(m.group(1))}-{int(m.group(2))}"))
        for m in re.finditer(_AT_LEAST, text):
            spans.append((m.start(), m.end(), f"{int(m.group(1) or m.group(2))}-"))
        for m in re.finditer(r"(?<![\d,.–-])(\d+)\s+(?:ansatte|årsverk|tilsette)\b", text):
            spans.append((m.start(), m.end(), f"{int(m.group(1))}-{int(m.group(1))}"))  # "vi er 40 ansatte"
        words = _words(text)
        for pattern, _n, dim, key, first in self._group_res:
            if dim == "storrelse" and first in words:
                spans += [(m.start(), m.end(), key) for m in pattern.finditer(text)]
        if spans and re.search(r"\b(og|eller|enn|mot|kontra|versus|vs)\b", text):
            # "de minste og de største bedriftene": the first group's noun is left out
            for g in self.groups.get("storrelse") or []:
                for w in g.get("words") or []:
                    if not re.search(r"\d", w):
                        spans += [(m.start(), m.end(), g["key"]) for m in _word_re(w).finditer(text)]
            # "små og store bedrifter": a bare size adjective shares the noun of the group after it
            for m in re.finditer(
                r"\b(små|store|mellomstore|minste|største)(?= (?:og|eller|enn|mot|kontra|versus|vs) (?:i |blant |hos |for )?(?:de |dei )?"
                r"(?:små|store|mellomstore|minste|største)\b)",
                text,
            ):
                adjective = m.group(1)
                noun = (
                    "de minste" if adjective == "minste" else "de største" if adjective == "største" else None
                )
                phrase = noun or f"{adjective} bedrifter"
                own = [
                    g["key"] for g in self.groups.get("storrelse") or [] if phrase in (g.get("words") or [])
                ]
                # the adjective's group ends at the adjective, not at the other group's noun
                spans = [s for s in spans if not (s[0] == m.start() and s[2] in own and s[1] > m.end())]
                spans += [(m.start(), m.end(), key) for key in own]
        if spans:
            # "små bedrifter … like mye som store?": a bare size adjective after the comparison word, at the end
            for m in re.finditer(
                r"\b(?:som|enn|mot|kontra) (?:de |dei )?(små|store|mellomstore|minste|største)(?=\s*[?.!]*$)",
                text,
            ):
                adjective = m.group(1)
                phrase = f"de {adjective}" if adjective in ("minste", "største") else f"{adjective} bedrifter"
                own = [
                    g["key"] for g in self.groups.get("storrelse") or [] if phrase in (g.get("words") or [])
                ]
                spans += [(m.start(1), m.end(1), key) for key in own]
        spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
        keys: list[str] = []
        end = -1
        for start, stop, key in spans:
            if start < end:
                continue  # inside a longer phrase already taken
            end = stop
            band = self.size_band(key)
            # "de største bedriftene (200+)" names one group twice
            if key not in keys and (band is None or all(self.size_band(k) != band for k in keys)):
                keys.append(key)
        return keys

    def match_named_groups(self, text: str, dim: str) -> list[str]:
        """Every landsforening or fylke named ("Oslo og Viken"), as canonical names, in the order named."""
        words = _words(text)
        found: list[tuple[int, str]] = []
        for pattern, _n, d, key, first in self._group_res:
            if d == dim and first in words:
                m = pattern.search(text)
                if m:
                    found.append((m.start(), key))
        out: list[str] = []
        for _pos, key in sorted(found):
            if key not in out:
                out.append(key)
        return out

    def out_of_scope_words(self, text: str) -> list[tuple[re.Pattern[str], str | None]]:
        """The lexicon's out-of-scope patterns (with why) that may match the text, in the lexicon's order."""
        words = _words(text)
        return [o for o, first in zip(self._oos, self._oos_first, strict=True) if may_match(first, words)]

    def match_wave(self, text: str) -> list[str]:
        return [wave for wave, any_word in self._wave_any.items() if any_word.search(text)]

    def strip_waves(self, text: str) -> str:
        """The text without its wave words ("i juni 2022", "etter pandemien", "november")."""
        for patterns in self._wave_res.values():
            for p in patterns:
                text = p.sub(" ", text)
        return re.sub(r"\s+", " ", text).strip()

    def has_group(self, qid: str | None, group_dim: str | None) -> bool:
        """Whether the published rows of a question include a breakdown by `group_dim`."""
        return any(r["question_id"] == qid and r["group_dim"] == group_dim for r in self.catalogue)

    def strip_slots(self, text: str) -> str:
        text = re.sub(_NUMERIC_GROUP, " ", text)
        words = _words(text)
        for pattern, _n, _dim, _key, first in self._group_res:
            if first in words:  # only phrases whose first word occurs can match: skip the rest cheaply
                text = pattern.sub(" ", text)
        return self.strip_waves(text)

    def company_name(self, raw: str) -> str | None:
        """A capitalised word the survey does not know, asked about as a company ("Hva svarte Equinor?")."""
        found = list(re.finditer(r"[A-Za-zÆØÅæøå][\wæøåÆØÅ&.-]*", raw))
        for i, m in enumerate(found):
            w = m.group(0)
            if i == 0 or not w[0].isupper() or w.isupper():
                continue
            if re.search(r"[.!?:]\s*$", raw[: m.start()]) or (i > 0 and found[i - 1].group(0).endswith(".")):
                continue  # the first word of a sentence ("Vi er 40 ansatte. Syns …")
            f = fold(w).strip(".")
            parts = {f, f.rstrip("s"), *f.split("-")}
            # a word the lexicon rewrites (nynorsk, synonym, typo) is known to the survey, not a name
            if parts & self.known_words or len(f) < 3 or normalize(f) != f:
                continue
            if len(f) >= 10 and any(k[:10] == f[:10] for k in self.known_words):
                continue  # a form of a name the report uses ("Arbeidskraftundersøkinga")
            if re.match(r"(arbeidsmilj[oø])?barometer|nho", f):  # the survey's own name, in any form
                continue
            name = re.escape(fold(w))
            verb = _ANSWERED_VERB
            if re.search(  # the name beside the verb: "Korleis svara Veidekke …", "Hva mente Equinor?"
                rf"\b{verb}\W+(?:[\wæøå-]+\W+){{0,2}}{name}(?![\wæøå])|(?<![\wæøå]){name}\W+(?:[\wæøå-]+\W+){{0,2}}{verb}\b",
                fold(raw),
            ) or re.search(r"\b(as|asa)\b", fold(raw)) or re.search(
                # the subject of a yes/no question: "Har Veidekke avtale med BHT?", "Bruker Orkla …?"
                rf"(?:^|[.!?:]\s+)(?:{_ASKING_VERB})\s+{name}(?![\wæøå])",
                fold(raw),
            ):
                return w.rstrip(".")
        return None

    def size_band(self, key: str) -> tuple[int, int | None] | None:
        if re.fullmatch(r"\d+-\d*", key):
            lo, hi = key.split("-")
            return int(lo), (int(hi) if hi else None)
        for g in self.groups.get("storrelse") or []:
            if g.get("key") == key:
                return int(g.get("min") or 1), (int(g["max"]) if g.get("max") is not None else None)
        return None

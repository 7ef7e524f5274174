"""Recognise a key-figure request ("Gi meg tre tall om hjemmekontor") and find the questions its
theme covers (the codebook's theme and question `keywords`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import knowledge
from ..normalize import normalize, tokens

DEFAULT_COUNT, MIN_COUNT, MAX_COUNT = 3, 3, 5
_NUMBER_WORDS = {
    "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9, "ti": 10,
}  # fmt: skip
_ONE = r"\d+|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti"
# "tre", "4", "fire-fem", "3–4", "tre eller fire"; "et par", "noen": no number (the default)
_N = (
    rf"(?:(?:minst |inntil |opptil |maks )?(?P<n>{_ONE})(?:\s*(?:-|–|/|til|eller)\s*(?P<n2>{_ONE}))?|et par|eit par|noen|nokre|nokon|"
    r"et knippe|en håndfull|ei handfull|et utvalg|flere|fleire)"
)
_ADJ = (
    r"(?:(?:gode|sentrale|viktige|viktigste|viktigaste|beste|ferske|interessante|sterke|tydelige|konkrete|"
    r"slående|relevante|nye|spennende|oppsiktsvekkende|korte|tunge|solide|gode,)\s+)*"
)
# what is asked for: figures or findings themselves, or bullet points / sentences "med tall"
_FIGURES = (
    r"(?:n[øo]k{1,2}e?l?tal{1,2}(?:ene|a)?|hovedtall(?:ene)?|hovudtal(?:a)?|tall(?:ene)?|tal(?:a)?|funn(?:ene)?|hovedfunn(?:ene)?|"
    r"nøkkelfunn(?:ene)?|høydepunkt(?:er|ene)?|hovedpoeng(?:ene)?|fakta|faktapunkt(?:er|ene)?|statistikk|"
    r"key facts|key figures|key numbers|key stats|numbers|facts|fun facts|stats|"
    r"[\wæøå]+-tall(?:ene)?)"
)
_POINTS = (
    r"(?:kulepunkt(?:er|ene)?|punkt(?:er|ene)?|setninger|setningar|bullet ?points?|bullets|poeng(?:ene)?|"
    r"påstander|budskap(?:ene)?)"
)
_WITH_FIGURES = (
    r"\s+(?:med|basert på|som inneholder)\s+(?:gode\s+|ferske\s+)?(?:tall|tal|nøkkeltall|fakta|statistikk)"
)
_ABOUT = (
    r"\s+(?:om|fra|frå|for|på|knyttet til|knytt til|rundt|innen|innenfor|angående|vedrørende|når det gjelder|"
    r"som gjelder|som handler om|som viser)\s+(?P<theme>.+)"
)
# "tre tall til en sak om hjemmekontor": what the figures are for, between them and the theme
_FOR = (
    r"(?:\s+(?:som\s+)?(?:jeg|vi|eg|me)\s+(?:kan|skal|kunne|vil)\s+(?:bruke|nytte|ha))?"
    r"(?:\s+(?:til|for|i)\s+(?:(?:en|et|ei|eit|vår|vårt|min|mitt|mi|neste)\s+)?[\wæøå-]*(?:sak|saka|saken|artikkel|"
    r"melding|meldingen|innlegg|kronikk|tale|presentasjon|brev|brevet|post|posten|notat|møte|møtet|kurs|kurset|"
    r"seminar|seminaret|foredrag|foredraget|samling|samlinga|samlingen|opplæring|opplæringen)"
    r"(?:\s+(?:mitt|min|mi|mine|vårt|vår|våre))?)?"
)
_SOURCED = (
    r"(?:\s+(?:med|og)\s+(?:kilde|kilder|kjelde|kjelder|kildehenvisning|kildehenvisninger|kjeldetilvising))?"
)
_WHAT = rf"(?:{_N}\s+)?{_ADJ}(?:{_FIGURES}|{_POINTS}{_WITH_FIGURES}|{_POINTS}(?=\s+om\s)){_SOURCED}{_FOR}"
_PATTERNS = [
    re.compile(p)
    for p in (
        # a request of a few words, then what it asks for and the theme ("trenger noen nøkkeltall om …",
        # "lag tre kulepunkter med tall om …", "kan du gi meg fire-fem tall om …")
        rf"^(?!.*\b(?:hvem|kven) (?:fikk|fekk|ble spurt|vart spurt)\b)(?!(?:hvor|kor|hva|kva|hvilke|hvilken|hvilket|kva for|hvordan|korleis|hvorfor|stemmer|er det|kan jeg skrive|kan vi skrive|sjekk|kan du sjekke|faktasjekk|kan du faktasjekke|(?:kan|er|var|blir|ble|vart|blei|har|hadde) (?:tallene|tala|funnene|resultatene)|(?:[\wæøå]+\s+){{0,12}}?[\wæøå]+(?:es|ast|est)\s*\?\s*$)\b)(?:[\wæøå«»':,.-]+\s+){{0,9}}?(?:de\s+|dei\s+)?{_WHAT}{_ABOUT}",
        rf"^(?:hva|hvilke|kva) (?:er|var)\s+(?:de\s+|dei\s+|den\s+|det\s+)?(?:{_N}\s+)?(?:viktigste\s+|viktigaste\s+|største\s+)?"
        rf"(?:hovedfunn(?:ene)?|nøkkeltall(?:ene)?|nøkkelfunn(?:ene)?|funnene|tallene|tala|saken|nyheten|hovedsaken|"
        rf"poengene|hovedpoengene)(?:\s+i rapporten)?{_ABOUT}",
        # "Hvilke tall har dere om Arbeidstilsynet?"
        rf"^(?:hvilke|kva for|kva|hva for)\s+{_ADJ}(?:nøkkeltall|tall|tal|funn|hovedfunn|fakta)\s+"
        rf"(?:har (?:dere|du|de|rapporten|barometeret)|finnes|fins|er det|har det kommet){_ABOUT}",
        # "Hvilke tall bør jeg bruke i en sak om BHT?"
        rf"^(?:hvilke|kva for|hva slags)\s+{_ADJ}(?:nøkkeltall|tall|tal|funn|fakta)\s+(?:bør|skal|kan|burde|passer)\b"
        r".*?\bom\s+(?P<theme>.+)",
        # "Jeg skal skrive en sak om BHT – hvilke tall bør jeg bruke?"
        r"^.*?\b[\wæøå]*(?:sak|saka|saken|artikkel|artikkelen|melding|meldingen|innlegg|kronikk|tale|presentasjon|brev|"
        r"post|notat|skrive|snakke|fortelle|presentere)\s+om\s+(?P<theme>[^–,.;:?!]+?)\s*[–,.;:?!-]+\s*(?:hvilke|kva for|hva slags|hvilket)\s+"
        rf"{_ADJ}(?:nøkkeltall|tall|tal|funn|fakta)\b",
        # "ingress hjemmekontor – key figures?", "faktaboks sjukefråvær, tre tal?": what the figures are for, the
        # theme, then the figures asked for (the press desk's shorthand)
        r"^(?:ingress|ingressen|faktaboks|faktaboksen|pressemelding|pressemeldingen|sak|saken|artikkel|notat|"
        r"nyhetsbrev|innlegg|tweet|post|linkedin|linkedin-post|tale|presentasjon)\s+(?:om\s+)?"
        rf"(?P<theme>[^–,.;:?!-]+?)\s*[–,:-]+\s*(?:(?P<n>{_ONE})\s+)?{_ADJ}{_FIGURES}\s*$",
        # "Jeg skriver en LinkedIn-post om BHT – kan du gi meg tre nøkkeltall?": the theme first, then a
        # number of figures asked for
        r"^.*?\b[\wæøå]*(?:sak|saka|saken|artikkel|artikkelen|melding|meldingen|innlegg|kronikk|tale|presentasjon|"
        r"brev|post|notat|skrive|snakke|fortelle|presentere|skriver|lager|lage|faktaboks|boks|oversikt|nyhetsbrev)\s+om\s+"
        r"(?P<theme>[^–,.;:?!]+?)\s*"
        rf"[–,.;:?!-]+\s*(?:[\wæøå]+[.,:;]?\s+){{0,12}}?(?:(?:{_N})\s+|de\s+|dei\s+){_ADJ}{_FIGURES}"
        r"(?:\s+(?:med|og) (?:kilde|kilder|kjelde|kjelder|kildehenvisning))?\s*$",
        # "nøkkeltall hjemmekontor og tilgjengelighet, 4 stk", "3 nøkkeltal sjukefråvær": the press desk's shorthand,
        # the theme right after the word for key figures
        rf"^(?:(?P<n>{_ONE})(?:\s*[-–]\s*(?P<n2>{_ONE}))?\s+)?(?:nøkkeltall|nøkkeltal|nokkeltall|hovedtall|key numbers|key figures)\s+"
        r"(?!om\b|for\b|på\b|fra\b|i\b)(?P<theme>[\wæøå].*)$",
    )
]
# what the figures are for ("til en pressemelding", "til nyhetsbrevet", "som jeg kan bruke på LinkedIn")
_PURPOSE = re.compile(
    r"\s+(?:til|for|i|på)\s+(?:(?:et|en|ei|eit|vårt|vår|våre|min|mitt|mi|neste|dagens|morgendagens|ukens|årets|"
    r"det|den|et kort|en kort|kort|kortere|internt|interne|intern|eksternt|eksterne|nytt|ny|nye|felles|månedlig|"
    r"ukentlig)\s+)*[\wæøå-]*(?:melding|meldingen|brev|brevet|møte|møtet|sak|saka|saken|artikkel|"
    r"artikkelen|innlegg|innlegget|presentasjon|presentasjonen|tale|talen|post|posten|ark|arket|kronikk|kronikken|"
    r"notat|notatet|tekst|teksten|oppslag|oppslaget|side|sida|siden|video|videoen|podkast|podkasten|lysbilde|"
    r"lysbilder|lysbildet|foredrag|foredraget|webinar|webinaret|nyhetssak|linkedin|facebook|twitter|instagram|"
    r"kurs|kurset|seminar|seminaret|samling|samlinga|samlingen|opplæring|opplæringen|"
    r"nettside|nettsiden|nettsida|hjemmeside|hjemmesiden|intranett|intranettet|styret|ledergruppen|kunder|media|"
    r"faktaboks|faktaboksen|faktaark|faktaarket|infoboks|infoboksen|oppsummering|oppsummeringen|"
    r"pressen|journalister|journalistene|medlemmene|medlemmer)\b(?!\s+(?:(?:mitt|min|mi|mine|vårt|vår|våre)\s+)?(?:om|med)\b).*$|"
    # (not when the theme follows: "tall jeg kan bruke i et innlegg om inkludering")
    r"\s+(?:som\s+)?(?:jeg|vi|eg|me)\s+(?:kan|skal|kunne|vil)\s+(?:bruke|sende|skrive|legge|presentere)(?!.*\som\s).*$|"
    # "for HMS-rådgiverne våre", "til kollegaene mine": who the figures are for
    r"\s+(?:for|til)\s+(?:de |dei |våre |mine |alle )?[\wæøå-]*(?:rådgiver\w*|rådgjevar\w*|kolleg\w*|medlem\w*|"
    r"leder\w*|leiar\w*|ledelse\w*|leiing\w*|styre\w*|kunde\w*|team\w*|avdeling\w*|seksjon\w*|ansatte|tilsette)"
    r"(?:\s+(?:våre|vår|vårt|mine|min|mitt|sine|i [\wæøå-]+))*\s*$|"
    r"\s+(?:i|fra|frå)\s+(?:rapporten|barometeret|undersøkelsen|arbeidsmiljøbarometeret|nhos arbeidsmiljøbarometer)\b.*$"
)
_POLITE = re.compile(
    r"(?:[,.!]?\s+|^)(?:takk|tusen takk|på forhånd takk|takk på forhånd|er du snill|om du vil|hvis du kan|"
    r"please|pls|plz|plis|raskt|kjapt|fort|asap)\s*$"
)
_THEME_PREFIX = re.compile(r"^(?:temaet|tema|det|dette|kapitlet om|kapittelet om|delen om|avsnittet om)\s+")


@dataclass
class BriefRequest:
    count: int
    theme: str  # as the user wrote it ("hjemmekontor", "Arbeidstilsynet")


def _number(word: str | None) -> int | None:
    if not word:
        return None
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


_OPEN = re.compile(
    r"^(?:hva|kva) (?:sier|seier|viser|skriver|forteller|fortel|fant|finner|vet|veit) (?:rapporten|undersøkelsen|"
    r"undersøkinga|barometeret|arbeidsmiljøbarometeret|vi|dere|de)(?: egentlig| eigentleg)? om (?P<theme>[^?]{2,50})$"
)


# the external actors with a section of their own (6.2–6.4): "Hva sier rapporten om BHT?" asks for the section
_SECTION_ACTORS = (
    "arbeidstilsynet",
    "nav arbeidslivssenter",
    "arbeidslivssenteret",
    "bedriftshelsetjenesten",
)


def _whole_actor(theme: str) -> bool:
    """The theme is one of the actors with a section of their own and nothing more ("Arbeidstilsynet", "BHT")."""
    return theme.strip(" ?.!,") in _SECTION_ACTORS


def detect(text: str) -> BriefRequest | None:
    """A request for key figures on a theme, or None.

    >>> detect("Gi meg tre tall om hjemmekontor")
    BriefRequest(count=3, theme='hjemmekontor')
    >>> detect("fem tall om Arbeidstilsynet til et nyhetsbrev")
    BriefRequest(count=5, theme='arbeidstilsynet')
    >>> detect("Hva er hovedfunnene om bedriftshelsetjenesten?").theme, detect("Hvor mange svarte?")
    ('bedriftshelsetjenesten', None)
    >>> detect("Lag tre kulepunkter med tall om sykefraværsoppfølging til nyhetsbrevet")
    BriefRequest(count=3, theme='sykefraværsoppfølging')
    >>> detect("Gi meg fire-fem nøkkeltall om hjemmekontor til en pressemelding")
    BriefRequest(count=5, theme='hjemmekontor')
    >>> detect("Noen nøkkeltall (minst fire) om Arbeidstilsynet til et medlemsbrev?")
    BriefRequest(count=4, theme='arbeidstilsynet')
    >>> detect("Trenger noen BHT-tall til styremøtet")
    BriefRequest(count=3, theme='bedriftshelsetjenesten')
    >>> detect("Eg skal halde innlegg for ei landsforeining. Kan du gi meg nokre nøkkeltal om Arbeidstilsynet?")
    BriefRequest(count=3, theme='arbeidstilsynet')
    """
    found = _detect(text)
    if found is not None and re.search(r"[.!]\s+\S", found.theme):
        # a theme running over a sentence end: "… nøkkeltall om NAV Arbeidslivssenter. Gi meg minst tre tall …"
        # ends there; "Jeg sitter med tallene fra vår egen undersøkelse. Kan du gi meg …" told a story first
        head = re.split(r"[.!]\s+", found.theme, maxsplit=1)[0].strip()
        strong = re.search(r"nøkkelt|key (numbers|figures)|hovedfunn|kulepunkt", (text or "").lower())
        found = BriefRequest(found.count, head) if strong and head else None
    if found is None:
        # "Jeg skal holde et innlegg i morgen. Kan du gi meg noen nøkkeltall om X?": the request after the context
        sentences = [x for x in re.split(r"(?<=[.!])\s+(?=[A-ZÆØÅ])", (text or "").strip()) if x.strip()]
        if len(sentences) > 1:
            found = _detect(sentences[-1])
    if found is None and ":" in (text or ""):
        # "Kort brief til et medlemsmøte: tre nøkkeltall om hjemmekontor": the request after the colon
        found = _detect(text.rsplit(":", 1)[1])
    if found is not None and "?" in found.theme:
        # "… tall om hjemmekontor? typ 4 stk til styremøtet": the theme ends at the question mark, and what
        # follows may say how many
        theme, rest = found.theme.split("?", 1)
        n = re.search(rf"\b({_ONE})\s*(?:stk|stykker|tall|tal|nøkkeltall|nøkkeltal)\b", rest)
        count = _number(n.group(1)) if n else None
        found = BriefRequest(max(MIN_COUNT, min(MAX_COUNT, count or found.count)), theme.strip())
    if found is not None:
        # "key numbers om hjemmekontor, tre–fire stk til en faktaboks": how many, said after the theme
        m = re.match(
            rf"(?P<theme>.+?),\s*(?:ca\.?\s+|typ\s+|gjerne\s+|minst\s+|inntil\s+|opptil\s+)?(?P<a>{_ONE})(?:\s*[-–]\s*(?P<b>{_ONE}))?"
            r"\s*(?:stk|stykker|tall|tal)\b",
            found.theme,
        )
        if m:
            count = max(n for n in (_number(m.group("a")), _number(m.group("b"))) if n)
            found = BriefRequest(max(MIN_COUNT, min(MAX_COUNT, count)), m.group("theme").strip())
    if found is not None and re.fullmatch(_ONLY_A_GROUP, found.theme.strip()):
        return None  # "Kan du gi meg tallene for de store?": the figures of a group, of no theme named
    return found or _theme_told_before(text)


_ONLY_A_GROUP = (
    r"(?:for |om |blant )?(?:de |dei |dem )?(?:aller )?(?:største|store|stora|små|minste|mellomstore|største bedriftene|"
    r"store bedrifter|små bedrifter)(?: bedriftene| bedrifter| virksomhetene| verksemdene| firmaene)?"
)


# "Jeg skal snakke om NAV Arbeidslivssenter på et medlemsmøte – har du noen tall jeg kan vise fram?": the theme
# told with what the figures are for, the figures asked for after it without a theme of their own
_TOLD = re.compile(
    r"\b(?:[\wæøå]*(?:sak|saka|saken|artikkel|artikkelen|melding|meldingen|innlegg|innlegget|kronikk|tale|talen|"
    r"presentasjon|foredrag|brev|post|notat|webinar|nyhetsbrev)|skrive|skriv|skriver|snakke|snakker|snakka|"
    r"fortelle|presentere|prate|prater)(?:\s+(?:i|på|for|til|hos)\s+(?:(?:et|en|ei|eit|vårt|vår|mitt|min|mi)\s+)?[\wæøå-]+"
    r"(?:\s+(?:våre|vår|vårt|mine|min|mitt|sine))?){0,3}"
    r"\s+om\s+(?P<theme>[^–,.;:?!]+?)"
    r"(?=\s+(?:på|til|for|i|neste|i morgen|med|foran|hos)\b|\s*[–,.;:?!-]|$)"
)
_ASKED = re.compile(
    r"\b(?:gi meg|gje meg|gi oss|har du|har dere|kan du gi|kan du finne|trenger|treng|vil ha|ønsker|finn|hent|"
    rf"send|foreslå)\b(?:\s+(?:meg|oss|litt|gjerne|kjapt|raskt))*\s+(?:{_N}\s+)?{_ADJ}"
    r"(?:nøkkeltall|nøkkeltal|nokkeltall|hovedtall|tall|tal|funn|fakta|statistikk)(?:ene|a)?\b"
    r"(?!\s+(?:om|på|for)\s+(?:hvor|kor|hva|kva)\b)"
)


def _theme_told_before(text: str) -> BriefRequest | None:
    """The theme in the context, the figures asked for after it ("… et innlegg om BHT. Gi meg 3–4 nøkkeltall
    fra barometeret med kilde.")."""
    t = normalize(text or "")
    told, asked = _TOLD.search(t), _ASKED.search(t)
    if told is None or asked is None or asked.start() < told.end():
        return None
    theme = _THEME_PREFIX.sub("", told.group("theme").strip())
    if not theme or WHOLE_WORDS.fullmatch(theme) or theme in ("meg", "oss", "dette", "det"):
        return None
    numbers = [n for n in (_number(asked.groupdict().get("n")), _number(asked.groupdict().get("n2"))) if n]
    count = max(numbers) if numbers else DEFAULT_COUNT
    return BriefRequest(max(MIN_COUNT, min(MAX_COUNT, count)), theme)


def _detect(text: str) -> BriefRequest | None:
    t = _POLITE.sub("", normalize(text or "").strip().rstrip("?.! ")).strip().rstrip("?.!, ")
    # "noen nøkkeltall (minst tre) om …": the count in brackets said before what it counts
    t = re.sub(
        rf"(\S+)\s*\(\s*((?:minst |inntil |opptil |gjerne )?(?:{_ONE})(?:\s*[-–]\s*(?:{_ONE}))?)\s*(?:stk|stykker)?\.?\s*\)",
        r"\2 \1",
        t,
    )
    t = re.sub(r"\b(noen|nokre|nokon) (?:få|fåtall)\b", r"\1", t)  # "noen få nøkkeltall": a few, the default
    t = re.sub(r"^(noen|nokre|nokon|et par|eit par) (minst |inntil |opptil |gjerne )", r"\2", t)
    if re.search(r"\b(hvem|kven) (fikk|fekk|ble spurt|vart spurt)\b", t):
        return None  # "… hvem fikk egentlig de spørsmålene?": who was asked, not key figures
    # "fire nøkkeltall fra rapporten om sykefravær": the theme is what follows «om»
    t = re.sub(
        r"\s+(?:fra|i) (?:rapporten|barometeret|undersøkelsen|arbeidsmiljøbarometeret)(?=\s+om\s)", "", t
    )
    # ("oppsummer X med minst tre tall til et internt notat": what it is for, said after)
    boxed = _BOX.search(t) or _BOX.search(_PURPOSE.sub("", t).strip())
    if boxed:  # "lag en kort faktaboks om BHT med de viktigste tallene", "oppsummer X med minst tre tal"
        theme = re.sub(r"\s+(?:og|med|til)\s*$", "", boxed.group("theme") or boxed.group("theme2")).strip(
            " ,."
        )
        n = _number(boxed.groupdict().get("n"))
        if theme and not WHOLE_WORDS.fullmatch(theme) and not re.match(r"(hvor|kor) (mange|stor)\b", theme):
            return BriefRequest(max(MIN_COUNT, min(MAX_COUNT, n or DEFAULT_COUNT)), theme)
    whole = _WHOLE_REPORT.search(t)
    if whole:  # "tre nøkkeltall fra rapporten", "oppsummer rapporten", "hva er de viktigste funnene?"
        n = _number(whole.groupdict().get("n"))
        return BriefRequest(max(MIN_COUNT, min(MAX_COUNT, n or DEFAULT_COUNT)), "rapporten")
    t = _PURPOSE.sub("", t).strip()
    if re.match(r"^(?:og |men )?(?:de |dei |det )?samme\b", t):
        return None  # "samme tall fra novembermålinga?": the previous figure again, not key figures
    for pattern in _PATTERNS:
        m = pattern.search(t)
        if not m:
            continue
        if re.search(r"[.!?]\s+\S", m.group("theme")) and re.search(
            r"[.!?]\s+(?:i [\wæøå ]+, )?(?:hvor|kor|hva|kva|hvilke|hvilken|hvem|kven)\b", m.group("theme")
        ):
            return None  # "Jeg ser på tallene fra før X. I november 2021, hvor stor andel …?": context, then a question
        theme = _PURPOSE.sub("", m.group("theme")).strip(" ?.!,")
        # "3-5 nøkkeltall arbeidstilsynet pressemld": what the figures are for, in shorthand after the theme
        theme = re.sub(r"\s+(?:til\s+)?(?:pressemld|pm|presse|pressemelding|artikkel|sak|notat|innlegg|some)$", "", theme)
        theme = _THEME_PREFIX.sub("", theme)
        # "… om samarbeidet – minst tre tall": the count said again after the theme
        theme = re.sub(
            r"\s*[-–]\s*(?:minst |inntil |gjerne )?(?:[\wæøå]+ )?(?:nøkkel)?(?:tall|tal)\b.*$", "", theme
        )
        theme = re.sub(r"^(?:hvordan|korleis|hva|kva|hvorfor|kvifor)\s+", "", theme)  # "tall om hvordan X …"
        theme = re.sub(r",\s*(?:gjerne|helst|og gjerne|også)\b.*$", "", theme)  # ", gjerne etter størrelse"
        if not theme or theme in ("meg", "oss", "deg", "dere", "dette", "det", "den", "dem"):
            return None
        numbers = [n for n in (_number(m.groupdict().get("n")), _number(m.groupdict().get("n2"))) if n]
        if re.match(r"(hvor|kor) (mange|stor|store|høy|høg)\b", theme) and not numbers:
            # "gi meg tall på hvor mange som …" asks one question; "tre tall om hvor stor utfordring …" is a brief
            return None
        theme = re.sub(
            r"^(?:hvor|kor) (?:stor|store|mye|mykje|mange)\s+", "", theme
        )  # "… om hvor stor utfordring X er"
        if re.fullmatch(
            r"(?:det |de |dei )?(?:nyttig|nytte|nyttige|viktig|viktige|fornøyd|fornøyde|godt|bra)", theme
        ):
            return None  # "tallene for nyttig": a scale, not a theme (which question is meant is asked back)
        count = max(numbers) if numbers else DEFAULT_COUNT  # "fire-fem": as many as five
        return BriefRequest(max(MIN_COUNT, min(MAX_COUNT, count)), theme)
    m = _OPEN.match(t)
    whole = m is not None and len(m.group("theme").split()) <= 2  # the theme alone, nothing narrower
    if m and whole and (match_theme(m.group("theme"))[1] is not None or _whole_actor(m.group("theme"))):
        # "Hva sier rapporten om hjemmekontor?": a whole chapter, so its key findings (a narrower topic is one
        # question, answered by the pipeline)
        return BriefRequest(DEFAULT_COUNT, m.group("theme").strip(" ?.!,"))
    m = re.search(rf"(?:^|\s)(?:{_N}\s+)?{_ADJ}(?P<theme>[\wæøå]+?)-?(?:tall|tal)(?:ene|a)?$", t)
    if (
        m
        and (_REQUEST.match(t) or re.match(rf"(?:{_ONE})\s", t))  # "3 BHT-tall til pressemelding": the count asks
        and m.group("theme") not in ("nøkkel", "an", "at")
    ):  # "tre BHT-tall", "sykefraværstall"
        theme = (
            re.sub(r"s$", "", m.group("theme")) if not m.group("theme").endswith("ss") else m.group("theme")
        )
        numbers = [n for n in (_number(m.group("n")), _number(m.group("n2"))) if n]
        count = max(numbers) if numbers else DEFAULT_COUNT
        return BriefRequest(max(MIN_COUNT, min(MAX_COUNT, count)), normalize(theme))
    return None


# a fact box, brief or summary asked for by name ("lag en kort faktaboks om X", "oppsummer X med minst tre tal")
_BOX = re.compile(
    r"^(?:kan du |kunne du |vil du )?(?:lag|lage|skriv|skrive|gi meg|gje meg|sett opp|sette opp)\s+(?:en |ei |et |eit )?"
    r"(?:kort |kortfattet |liten |lita |enkel |rask )?(?:faktaboks|faktaboksen|brief|briefing|oppsummering|"
    r"kortversjon|notat)\s+(?:om|over|for)\s+(?P<theme>.+?)"
    rf"(?:\s+med\s+(?:de |dei )?(?:(?:minst |inntil )?(?P<n>{_ONE})\s+)?{_ADJ}(?:tall|tal|nøkkeltall|nøkkeltal|fakta)\w*.*)?$|"
    r"^(?:kan du |kunne du )?oppsummer\w*\s+(?P<theme2>.+?)\s+med\s+(?:minst |inntil )?(?:[\wæøå]+\s+)?(?:tall|tal|nøkkeltall)\w*$"
)
WHOLE_WORDS = re.compile(r"(?:hele |heile )?(?:rapporten|barometeret|undersøkelsen|undersøkinga)")
_WHOLE_REPORT = re.compile(
    rf"^(?:[\wæøå]+\s+){{0,4}}?(?:(?P<n>{_ONE})\s+)?{_ADJ}(?:nøkkeltall|hovedtall|hovedfunn|nøkkelfunn|funn|tall|tal|"
    r"høydepunkt)(?:ene|a|er)?\s+(?:fra|frå|i|om)\s+(?:hele |heile )?(?:rapporten|barometeret|undersøkelsen|"
    r"undersøkinga|arbeidsmiljøbarometeret)$|"
    r"^(?:kan du |kunne du )?oppsummer\w*\s+(?:hele |heile )?(?:rapporten|barometeret|undersøkelsen|undersøkinga)$|"
    r"^(?:hva|kva) (?:er|var) (?:de |dei |det )?(?:viktigste|viktigaste|største) (?:funnene|funnet|funna|funn)"
    r" i (?:rapporten|barometeret|undersøkelsen)$|^(?:hva|kva) er hovedfunnene i (?:rapporten|barometeret|undersøkelsen)$"
)
_REQUEST = re.compile(
    r"^(?:gi meg|gje meg|gi oss|finn|hent|lag|skriv|foreslå|vis|list opp|jeg vil ha|eg vil ha|jeg trenger|"
    r"vi trenger|eg treng|me treng|trenger|treng|kan du gi meg|kan du finne|kan du hente|har du|har dere|send|"
    r"kom med|jeg ønsker|vi ønsker|ønsker)\b"
)


def match_theme(theme: str) -> tuple[list[str], str | None]:
    """(codebook questions the theme covers, the chapter when it names a whole theme). A whole theme is
    named by its `keywords`; otherwise the questions whose own keywords name it best (published ones only).

    >>> match_theme("Arbeidstilsynet")
    (['AT_KONTAKT', 'AT_NYTTE'], None)
    >>> qids, chapter = match_theme("hjemmekontor"); "HJEM_SITUASJON" in qids, chapter
    (True, '3')
    """
    want = set(tokens(normalize(theme)))
    if not want:
        return [], None
    published = [
        q for q in knowledge.questions() if str(q.get("results")) != "none" and q.get("theme") != "bakgrunn"
    ]
    for th in knowledge.codebook().get("themes") or []:
        if any(_covers(want, set(tokens(normalize(k)))) for k in th.get("keywords") or []):
            return [q["id"] for q in published if q.get("theme") == th["id"]], str(th.get("section"))
    scores, loose = {}, {}
    for q in published:
        words = set(tokens(normalize(" ".join([*(q.get("keywords") or []), q.get("title") or ""]))))
        scores[q["id"]] = len(want & words)
        loose[q["id"]] = sum(
            any(_same_word(w, k) for k in words) for w in want
        )  # compounds, as a last resort
    if not any(scores.values()):
        scores = loose
    best = max(scores.values(), default=0)
    return ([qid for qid, n in scores.items() if n == best] if best else []), None


def _same_word(word: str, keyword: str) -> bool:
    """The same word, or a compound built on it ("sykefraværstall", "hjemmekontorbruk" on "sykefravær",
    "hjemmekontor"): a keyword of six letters or more that starts the word.

    >>> _same_word("sykefraværstall", "sykefravær"), _same_word("sykefravær", "sykefraværet"), _same_word("nav", "navn")
    (True, True, False)
    """
    if word == keyword:
        return True
    short, long = sorted((word, keyword), key=len)
    return len(short) >= 6 and long.startswith(short)


def _covers(want: set[str], keyword: set[str]) -> bool:
    """Every word of a keyword is among the theme's words (or starts one of them)."""
    return bool(keyword) and all(any(_same_word(w, k) for w in want) for k in keyword)


@dataclass
class Theme:
    any_of: set[str]  # a whole theme's keywords: one of them is enough ("hjemmearbeid" for "hjemmekontor")
    all_of: set[str]  # a named actor's words: all of them ("nav" and "arbeidslivssenter")


_WHO = frozenset(tokens("bedrift bedrifter bedriftene virksomhet virksomhetene verksemd verksemdene ansatte"))


def theme_words(theme: str, chapter: str | None) -> Theme:
    own = set(tokens(normalize(theme))) - _WHO  # "partssamarbeidet i virksomhetene": who, not what
    if chapter is None:
        return Theme(set(), own)
    words = set(own)
    for th in knowledge.codebook().get("themes") or []:
        if str(th.get("section")) == chapter:
            for k in th.get("keywords") or []:
                words |= set(tokens(normalize(k)))
    return Theme(words, set())

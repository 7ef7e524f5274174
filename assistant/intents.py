"""Intent patterns, tried on normalised (lower-case bokmål) question text by `understand`.

Each pattern names a kind of question; they are data for the understanding step, kept apart from its logic.
"""

# what may be wrong with a question's answer scale ("Kva var gale med svarskalaen …?")
_FLAW = r"(galt|gale|feil|feilen|svakhet\w*|problem\w*|mangl\w*|skjev\w*|skeiv\w*|ulempe\w*|glipp\w*|rart|merkelig\w*)"
# who the respondents may have been ("svarte de ansatte eller bedriftene?")
_WHO = (
    r"(arbeidstakere|arbeidstakarar|ansatte|tilsette|ledere|leiarar|ledelsen|arbeidsgivere|arbeidsgjevarar|"
    r"bedriftene|bedrifter|virksomhetene|verksemdene|firmaene|arbeidsgiverne|lederne)\b"
)
METHOD = {
    "weighting": r"\bvekt(et|ing|a|es)?\b|\bvekte\b",
    "significance": r"signifikan|\bsignif\w*|\bsignfi\w*|statistisk(?:e)? test|test\w* statistisk|statistisk sikre?\b",
    "who": r"\b(hvem|kven) (var det som |er det som |har |hadde )?(egentlig |faktisk |eigentleg |da )?(stod for|sto for|står for|gjort|gjennomført|gjennomførte|laget|lagde|utførte|utført|sto bak|står bak|analyserte|utviklet|utarbeidet|samlet inn|sto for|står for|skrev|har skrevet|utformet|utforma|formulerte|lagde|laga|designet)|\bkantar\b|agenda kaupang|oppdragsgiver|prosjektleder|"
    r"\bhvilke[tn]? (analyse)?(byrå|selskap|firma|institutt)\b|\bsamlet inn (svarene|dataene|data|svar)\b|\bhvem (har )?samlet inn",
    # how the invited companies were chosen: all members in NHO's register
    "population": r"\b(sendt|send|gikk) (ut )?til (et utvalg|alle)\b|\bet utvalg eller (til )?alle\b|\b(hvem|kven)( (er|var) det( egentlig| eigentleg)?( som)?)?( har)? (svart|svara|svarte|deltatt|deltok|fylte ut|fylte i)( på| i| ut)? "
    r"(denne |den |dette )?(undersøkelsen|undersøkinga|\w*barometeret|skjemaet|spørreskjemaet)\b|"
    r"\b(hvem|kven) (er|var) det (egentlig|eigentleg) som (har )?(svart|svara|svarte|deltatt|deltok)\b|"
    r"\b(hvem|kven) (fikk|fekk|ble|vart|har fått) (en |ei )?(invitasjon\w*|invitert|tilbud om å svare)\b|"
    # "svarte arbeidstakere eller arbeidsgivere?": who the respondents were
    rf"\b(svart|svara|svarte)\b(?! at\b)[^?]{{0,40}}\b{_WHO} eller (de |dei )?{_WHO}|"
    # "Er dette en undersøkelse blant arbeidstakere eller blant bedriftene?"
    rf"\b(undersøkelse|undersøking|spørreundersøkelse|kartlegging|barometer)\w* (blant|av|for|med) (de |dei )?{_WHO} "
    rf"eller (blant |av |for |med )?(de |dei )?{_WHO}|\b{_WHO} eller (de |dei )?{_WHO} som (har )?(svart|svara|svarte)\b|"
    r"\bplukk\w* ut\b|\b(valgt|valt|trukket|trekt) ut\b|\butvalget (ble )?(hentet|trukket|valgt)|"
    r"\bhvordan ble (bedriftene|utvalget|respondentene) (valgt|trukket|plukket|funnet)|\bhvem (fikk|ble invitert til) undersøkelsen\b|"
    r"\bhvilke bedrifter (fikk (undersøkelsen|invitasjon\w*)|ble invitert)|\b(fikk|fekk) alle (medlemsbedrift\w*|medlemmene|bedriftene|nho-bedriftene|verksemdene)"
    r"( i nho)? (tilsendt )?(undersøkelsen|undersøkinga|invitasjon\w*|spørreskjemaet)\b|\bble alle (medlemsbedrift\w*|medlemmene) invitert\b",
    "dates": r"\bnår ble\b|\bnår var\b|\bhvilken periode\b|\btidsrom|\btidsperiode|\bdato|"
    # "Hvilke dager var spørreskjemaet åpent i juni 2022?", "Hvor lenge var undersøkelsen åpen?"
    r"\b(hvilke|hvilken|hva for) (dager|dag|uker|uke)\b|\bfeltperiode|\bfelttid|"
    r"\b(spørreskjemaet|skjemaet|undersøkelsen|undersøkinga) (var |ble )?(åpent|åpen|open|ope|opent)\b|"
    r"\b(hvor|kor) lenge (var|varte|pågikk|stod|sto|ble)\b|\bnår (gikk|gjekk|pågikk|foregikk|skjedde)\b|\bi felt\b",
    "response": r"svarprosent|\bsvarandel|\binvitert|\binvitasjon|\bhvor mange\b.{0,60}?\b(svarte(?! (det samme|det same|likt|slik|sånn)\b)|deltok|har svart|besvarte|besvart|fullførte|var med(?! på (?!undersøkelsen|undersøkinga|spørreundersøkelsen|barometeret|tilleggsundersøkelsen)\w)|med i undersøkelsen)\b|\bantall (svar|respondenter|deltakere)\b|\b(hvor|kor) mange (svar|besvarelser)\b(?! (på|om|bygger|byggjer|baserer|ligger|står|er|var|gjelder|har) )|\bdeltok\b|\bfullførte\b|\bflest svar|\bfærrest svar|"
    r"\b(fikk|fekk|mottok|mottatt|fått)( tilsendt| tilsend| sendt| tilbud om å svare på)? (undersøkelsen|undersøkinga|spørreskjemaet|skjemaet|invitasjon)|\bsendt (ut )?til\b|"
    r"\b(fikk|hadde|fekk) (flere|færre|flest|færrest|fleire|mange|få) svar\b|"
    # "hvor mange bedrifter gjennomførte juni-runden?": completed the survey
    r"\b(gjennomførte|gjennomført|gjennomføre) (juni-runden|november-runden|runden|undersøkelsen|undersøkinga|"
    r"spørreskjemaet|skjemaet|tilleggsundersøkelsen|hovedundersøkelsen|tilleggsrunden|hovedrunden)\b",
    "representativeness": r"andel(en)? av svarene|svarene kom fra|(kom|kommer) (det )?\w* ?svar(ene)? fra|representativ|"
    r"\b(godt|dårlig|dårleg|svakt|sterkt|bra|riktig|rett|skjevt|over|under) representert\b|\brepresentert (i utvalget|blant)\b|underrepresent|overrepresent|bruttoutvalg|nettoutvalg|\bskjevhet|(?<![\w-])utvalget\b",
    "method": r"\bmetode\b|datainnsamling|\bhvordan ble undersøkelsen",
    # a flaw in how a question was asked ("Hva var galt med svarskalaen …?"): the method chapter's note
    "scale": rf"\b{_FLAW}\b.{{0,60}}\b(svar)?skala\w*|\b(svar)?skala\w*\b.{{0,120}}\b{_FLAW}\b",
}
# "fikk alle bedriftene (det) spørsmålet?": was a question put to every company
_ALL_GOT = r"(fikk|fekk) alle (bedriftene |verksemdene |virksomhetene )?"
QUESTIONNAIRE = (
    r"svaralternativ|svarmulighet|\bi skjemaet\b|\bskjemaet\b|(hva|kva) (kunne|kan) (man|en|ein|bedriftene|de|dei|respondentene) svare|spørreskjema|hvilke spørsmål|hva slags spørsmål|hva spørsmål|spørsmål (fikk|ble stilt)|ordlyd|"
    r"formulert|hvordan (ble|var) spørsmålet|hvem (fikk|ble spurt|svarte på spørsmålet)|"
    rf"{_ALL_GOT}(det |dette |disse |de |dei )?(spørsmålet|spørsmålene|spørsmåla|spørsmål)|"
    r"(hvilke|kva for|hva slags) (bedrifter|verksemder|virksomheter) (fikk|fekk|ble spurt|vart spurt|svarte på)"
    r" ([\wæøå-]*spørsmålet|[\wæøå-]*spørsmålene|[\wæøå-]*spørsmåla|spørsmål|det|dette)|"
    # "Skalaen på rolle-spørsmålet?": how a question was answered
    r"^(og |men )?((hva|kva|hvilken|kva for ein) (er|var) )?(svar)?skalaen (på|for|i|til|brukt)\b|"
    # "var det filtrert?": whether a question went to some companies only
    r"\bfiltrert\b|\bfilteret\b|\bfiltrering\w*|"
    r"(ble|vart) alle (bedriftene |verksemdene )?spurt|bare noen (av )?(bedriftene |bedrifter )?(fikk|ble spurt)|"
    r"hvilke (forhold|tjenester|roller|påstander|områder|aktører|alternativer|grunner|suksessfaktorer|utfordringer) "
    r"(ble|var|kunne|fikk)|hva ble (bedriftene )?spurt|(ble|var) (det |bedriftene )?spurt om|det spurt om|"
    r"krysse av|flere svar(?! (fra|frå|enn|kom|i |blant|per|fordelt))|velge mellom|kunne (bedriftene )?velge|svarskala|\bskala\b"
)
EXPLAIN = r"\bhvorfor\b|forklar|\bårsak|hva betyr|tolkes|varsom|\bhva kan\b|\bkonklu|\butfordringene\b|hovedfunn|viktigste funn|\b(god|bra|gode) nok\b"
FIGURE_WORDS = (
    r"andel|prosent|gjennomsnitt|snitt|tall|resultat|svarprosent|flest|størst|høyest|viktigst|hvor mange|oftest|oftere"
    r"|vanligst|hyppigst|færrest|lavest"
)
RANK = (
    r"høyest|størst|flest|\bmest\b|lavest|\bminst\b|færrest|viktigst|\bbest\b|dårligst|rangert|rangering"
    r"|\bvanligst|\boftest\b|\bhyppigst|andreplass|\bnest (?:flest|størst|høyest|mest|vanligst|oftest)"
)
COMPARE = r"varier|forskjell|sammenlign|sammenlikn|\bkontra\b|\bmot\b|etter (bedrifts)?størrelse|etter antall ansatte|store og små|små og store|bedriftsstørrelse"
# "Hvor mange bedrifter bygger tallene om … på?", "… ligger bak figuren om …?": the base of the figures named
_FIGURES = r"(tallene|tallet|talet|tala|talene|talla|figuren|resultatene|andelene|prosentene|andelen|prosenten|resultatet)"
BEHIND_FIGURES = (
    # "hvor mange bedrifter bygger det på?": the figure just given, pointed at
    r"(hvor|kor) mange (bedrifter |verksemder |virksomheter |svar )?(bygger|byggjer|baserer|er) (det|dette|den|denne)"
    r"( seg)? (på|basert på|bygd på)\s*\??$|"
    # ("nyttetalene": a compound of the figures' word)
    rf"(hvor|kor) mange\b.*{_FIGURES}\b.*\b(basert på|bygd på|bygget på|bygger på|byggjer på)\b|"
    rf"(hvor|kor) mange\b.*\b(bygger|byggjer|baserer) ((den|det|de|dei|denne|dette|disse|desse) )?{_FIGURES}\b.*\bpå\b|"
    rf"(hvor|kor) mange\b.*\b(ligger|ligg) bak ((den|det|de|dei|denne|dette|disse|desse) )?{_FIGURES}\b"
)
MEASURE_N = (
    r"hvor mange (har )?svarte på|hvor mange svarte(?! (?:(?:da|så|egentlig|faktisk|vel|nå|altså) )?(at|«|ja\b|nei\b|vet ikke|ikke relevant|verken))|\bantall svar|\bgrunnlag|\bn ?=|\bbasen?\b|"
    r"hvor mange (bedrifter )?(har )?svart på spørsmålet|\b(hva|kva|hvor stor|kor stor) (er|var) n\b|"
    r"\bn (for|på|i) (spørsmål|tabell|figur)|\(n\)|\bhvor mange (bedrifter |virksomheter )?svarte om\b(?![^?]*\b(at|«)\s)|"
    r"hvor mange (bedrifter |virksomheter )?(har )?svarte? på (spørsmålet|spørsmålene|spørsmål|delspørsmålene|påstanden|påstandene)\b(?!.*(\bat\b|«|\bja\b|\bnei\b))|"
    r"hvor mange (bedrifter |virksomheter )?(har )?(vurderte|vurdert|besvarte|besvart|tok stilling til|tatt stilling til)\b|"
    + BEHIND_FIGURES
)
MEASURE_MEAN = r"gjennomsnitt|\bsnitt|\bskår|score"
FOLLOWUP = (
    r"^(og|men|hva med|hvordan med|enn|samme|også|hva om|gjelder det|og hva|og for|og blant|blant|for)\b"
)
CODE = r"```|\b(select|insert|update|delete|drop|create|alter|attach|copy|pragma)\b.{0,80}\b(from|table|into|set|database|to)\b|<script|import os|\bos\.system|\bsubprocess\b|;\s*--"
INJECTION = r"ignorer (alle |dine |tidligere )*(instruks|regler|instruksjon)|ignore (all |your |previous )*instruction|system ?prompt|du er nå|late som|jailbreak|glem (alt|reglene)"
ENGLISH = r"\b(what|how|which|many|the|companies|did|does|were|percentage|survey|share)\b"
SMALLTALK = r"^(hei|hallo|heisann|god (morgen|dag|kveld)|takk|tusen takk|takk skal du ha|ok|okei|flott|supert?|hjelp|hva kan du( svare på| hjelpe med)?|hvem er du|hva er du|hvordan bruker jeg deg|(hvordan|korleis) (går det|har du det|står det til|er det med deg))\W*$"
# a year, not a count ("mer enn 2000 bedrifter", "2000 svar")
YEAR = (
    r"(?<!mer enn )(?<!over )(?<!under )(?<!om lag )(?<!rundt )(?<!nesten )(?<!færre enn )(?<!flere enn )"
    r"\b(19[5-9]\d|20[0-4]\d)\b(?! (?:bedrifter|virksomheter|verksemder|svar|respondenter|ansatte|deltakere|deltok)\b)"
)
# a month of 2021 or 2022 when the survey did not ask (its waves: November 2021 and June 2022)
OTHER_MONTH = (
    r"\b(?:januar|februar|mars|april|mai|juli|august|september|oktober|desember|jan|feb|apr|aug|sept?|okt|des)\.? "
    r"(?:20(?:21|22))\b|\b(?:november|nov)\.? 2022\b|\b(?:juni|jun)\.? 2021\b|\bhausten 2022\b|\bhøsten 2022\b|"
    r"\bvinteren 2022\b"
)
# a later year said without its number ("og året etter?", "neste år"): the survey has two waves only («i fjor»,
# «året før» are what users call 2021 and November 2021)
RELATIVE_YEAR = (
    # (not "i juni året etter": June 2022, the supplement, after November 2021)
    r"\b(?<!juni )(?<!sommeren )(året (etter|etterpå|deretter|etter det)|neste år|seinare år|senere år|om et år|om eitt år|året som kommer|"
    r"året som kjem|kommende år|komande år)\b"
)
SIDE_BY_SIDE = r"kontra|sammenlign|sammenlikn|stemmer|samsvar|faktisk|i forhold til|\bmot\b|og hvor"
# the wording asks for a number ("hvor mange prosent", "andel", "hvor stor del")
FIGURE_ASKED = (
    r"\bprosent|svarprosent|\bandel|hvor mange|hvor stor (del|andel)|\bhvor ofte|\bantall\b|\btall\b"
)
RANK_WORDS = r"flest|færrest|høyest|lavest|størst|minst|\bmest\b|\bminst\b"
# words that make a fylke/landsforening question one about who answered (Tabell 9–10)
SAMPLE_WORDS = r"svar|respondent|deltok|deltak|representert|utvalg|invitert|hvor mange (bedrifter|virksomheter)|\bflest\b|\bfærrest\b|\bkom(mer)? fra\b"
# "Hvor mange svarte?" right after a figure asks for that figure's base
_POINTER = r"(det|dette|den|denne|de|disse)( (tallet|talet|tala|tallene|andelen|prosenten|figuren|resultatet|spørsmålet|spørsmål))?"
_BASE_WORD = r"(hva|kva) (var|er) (basen|grunnlaget|n|n-en)"
BASE_OF_FIGURE = (
    rf"({_BASE_WORD}( (for|til|bak) {_POINTER})?\s*[-–,:?]?\s*(altså |dvs\.? |eller |og )?)?(og )?(hvor mange|kor mange) "
    rf"(bedrifter |verksemder |virksomheter )?(svarte|har svart|svara)"
    rf"( (på|om) ([a-zæøå]+ )?{_POINTER}| der| da)?\s*\??"
    rf"|{_BASE_WORD} (for|til|bak) {_POINTER}\s*\??"
    # telegraphic: "antall svar bak?", "n?", "basen for det tallet?"
    rf"|(og )?(antall|hvor mange|kor mange) (svar|respondenter)( bak| i grunnlaget)?( (for|til|bak|på) {_POINTER})?\s*\??"
    rf"|(og )?(basen|grunnlaget|n)( (for|til|bak) {_POINTER})?\s*\??"
)
# one company's or one person's own answers: never shown (the survey reports aggregates only)
SINGLE_COMPANY = (
    r"\b(bedrift|firma|virksomhet|verksemd|respondent|organisasjon)(en)? (nr\.?|nummer|med id|med nummer|id)\s*\d+|"
    r"\bsvarene (til|fra) (bedrift|firma|virksomhet|verksemd|respondent)|\benkeltsvar\b|\brådata\b|"
    r"\b(hva|kva) svarte (min|vår|mi|vår egen) (bedrift|virksomhet|verksemd)|\borganisasjonsnummer|\borg\.? ?nr|"
    r"\bhvilke bedrifter (svarte|har svart|sa|mente)\b|\bhvem (svarte|sa|mente) (at|hva|ja|nei)\b|"
    r"\b(navn|navnene) på (bedriftene|respondentene|de som svarte)|\bliste over (alle )?(bedriftene|respondentene|svarene)"
)
# what employees themselves think or feel: the survey asked the managements only
EMPLOYEE_VIEWS = (
    r"\b(hva|hvordan|hvor fornøyd|hvor fornøyde) (mener|synes|syns|meiner|opplever|vurderer|er) (verneombud|verneombudet|"
    r"tillitsvalgte|de tillitsvalgte|dei tillitsvalde)( selv| sjølv)?\b|\b(verneombud|tillitsvalgte|tillitsvalde) (selv|sjølv)\b|"
    r"\b(svarte|svarer|sa|sier) (de ansatte|arbeidstakerne|medarbeiderne|dei tilsette|de tilsette) selv\b|"
    r"(?<!\d )(?<!flere )(?<!færre )(?<!enn )\b(de ansatte|arbeidstakerne|arbeidstakarane|medarbeiderne|de tilsette|dei tilsette|"
    r"de sykemeldte|de sykmeldte|dei sjukmelde|dei sjukemelde)(s)? (selv |sjølv )?"
    r"(føler|kjenner|synes|syns|meiner|mener|trives|trivst|opplever seg|liker|ønsker seg|vil helst|foretrekker|"
    r"tenker|tenkjer|tykkjer|tykker)\b|"
    r"\b(de ansatte|arbeidstakerne|medarbeiderne|dei tilsette|de tilsette)(s)? (er|var|blir|vert) (mer |mindre |mest |minst |veldig |svært )?"
    r"(fornøyd|fornøyde|nøgd|nøgde|tilfreds|misfornøyd|misfornøyde|glade|lykkelige|stresset|stressa|slitne|utbrent|"
    r"utbrente|motivert|motiverte|ensomme|ensom|engasjert|engasjerte)\b|"
    # (not "hvor mange ledere mener de ansatte er for lite på kontoret": the managements' view of them)
    r"(?<!ledere )(?<!lederne )(?<!ledelsen )(?<!sjefer )(?<!sjefene )(?<!leiarar )(?<!leiarane )(?<!bedriftene )"
    r"(?<!arbeidsgivere )(?<!arbeidsgiverne )(?<!bedrifter )"
    r"\b(synes|syns|syntes|meiner|mener|mente|meinte|føler|følte|trives|trivst|liker|likte|tenker|tenkjer|tykkjer|tykker|synst) (de sykemeldte|de sykmeldte|"
    r"dei sjukmelde|de ansatte|ansatte|arbeidstakerne|medarbeiderne|dei tilsette|folk)\b|"
    r"\b(fornøyd|fornøyde|nøgd|nøgde|tilfreds|misfornøyd|misfornøyde) (er|var) (de ansatte|ansatte|arbeidstakerne|medarbeiderne|dei tilsette)\b|"
    r"\b(er|var|blir) (de )?(ansatte|arbeidstakerne|medarbeiderne|tilsette) (mer |mindre |veldig |svært )?(fornøyd|fornøyde|nøgde|tilfreds|misfornøyd|stresset|slitne|motivert|motiverte)\b"
)
# counting employees rather than companies: the survey counts companies
# another study the report cites about employees ("AFI-studien", "Arbeidskraftundersøkelsen", "forskning")
CITED_STUDY = (
    r"\b(studien|studie|forskning\w*|undersøkelsen som rapporten viser til|rapporten viser til|afi|"
    r"arbeidskraftundersøk\w*|aku|ingelsrud|ssb|annen undersøkelse|anna undersøking)\b"
)
EMPLOYEE_COUNTS = (
    r"\b(hvor|kor) mange (av de |av dei )?(ansatte|tilsette|arbeidstakere|arbeidstakarar|medarbeidere|sykemeldte|sjukmelde|personer)\b"
    r"(?! (har|hadde) )(?! (bedrifta|bedriften|bedriftene|verksemda|verksemdene|virksomheten)\b)|\b(andel|andelen|prosent|prosenten) (av )?(de |dei )?(ansatte|tilsette)\b|"
    # "Hvor mange ansatte har bedriftene som svarte til sammen?": a head count the survey does not have
    r"\b(hvor|kor) mange (ansatte|tilsette|arbeidstakere)\b.*\b(til sammen|til saman|totalt|i alt|samlet|samla|"
    r"i (gjennomsnitt|gjennomsnittet|snitt|snittet|median)|gjennomsnittlig|typisk)\b|"
    r"\b(gjennomsnittlig|gjennomsnittleg|median|snittlig)\w* (antall|tal på|bedriftsstørrelse|størrelse) ?(ansatte|tilsette)?\b"
)
# questions about the previous answer rather than a new topic
WAVE_NAMED = r"\b(november\w*|juni\w*|2021|2022|hovedundersøk\w*|tilleggsundersøk\w*|høsten|sommeren)\b"
# which answers a table leaves out of its percentages ("Hvilke bedrifter er holdt utenfor prosentgrunnlaget?")
EXCLUDED = (
    r"\bholdt utenfor\b|\butelatt\b|\bprosentgrunnlag\w*|\bprosentueringsgrunnlag\w*|\bprosentberegningsgrunnlag\w*|"
    r"\bikke (?:tatt )?med i (?:grunnlaget|prosentene|beregningen)|"
    # "Er de som ikke har hatt kontakt, regnet med i det tallet?"
    r"\b(?:regnet|rekna|talt|telt|inkludert|tatt) med i (?:det |dette |de |disse |dei )?(?:tallet|tallene|prosenten|"
    r"prosentene|prosentane|prosentandel\w*|andelen|andelene|grunnlaget|beregningen|tala)\b|\b(?:inngår|inngikk|er med) i (?:grunnlaget|tallet|prosentene)\b|"
    # "Er de som ikke brukte tjenesten med i de prosentene?"
    r"\b(?:er|var|blir|ble) (?:de|dei|bedriftene|verksemdene) som (?:ikke|ikkje|aldri) [\wæøå ]{3,60}? med i (?:det |dette |de |dei |disse )?"
    r"(?:tallet|tallene|talet|tala|prosenten|prosentene|andelen|andelene|grunnlaget|beregningen|utrekninga)\b|"
    # "er de som svarte «ikke aktuelt i 2021» med i grunnlaget?"
    r"\b(?:er|var|blir|ble) (?:de|dei|bedriftene|verksemdene|bedrifter|virksomheter|verksemder|virksomhetene) som "
    r"(?:svarte|svara|krysset av for)\b[^?]{3,60}?\bmed i "
    r"(?:grunnlaget|prosentene|tallene|tala|beregningen|utregningen|utrekninga)\b|"
    # "Er «ikkje aktuelt»-svara tekne med når dei reknar ut …?"
    r"\b(?:tatt|teke|tekne|tekna|regnet|rekna|talt|telt|inkludert) med (?:når|i utregningen|i utrekninga)\b|"
    # "Korleis er «ikkje aktuelt»-svara handsama i tala?"
    r"\b(?:hvordan|korleis) (?:er|blir|ble|vart) [«\"][^»\"]+[»\"][\wæøå-]* (?:behandlet|behandla|handsama|håndtert|handtert)\b"
)
ANAPHOR = r"\b(det|dette|disse|dem|den|her|tallet|tallene|andelen|prosenten|spørsmålet|svaret|resultatet|de tallene)\b"
# "hvor mange av dem svarte vet ikke?": an answer named after the verb is a share of that answer, not the base
_NO_ANSWER_NAMED = (
    r"(?!\s+(?:(?:da|så|egentlig|faktisk) )?(?:at\b|«|ja\b|nei\b|vet ikke|veit ikkje|ikke relevant|ikkje relevant|"
    r"verken|nyttig|lite|svært|positiv|negativ|ingen|mer\b|mindre\b))"
)
ABOUT_BASE = (
    r"\b(hvor|kor) mange (bedrifter |verksemder )?(i (den|denne|den samme) (gruppen|gruppa) |av dem |blant dem |av dei )"
    rf"(svarte|har svart|svara)\b{_NO_ANSWER_NAMED}|"
    r"\b(hvor|kor) mange (bedrifter |verksemder )?(svarte|har svart|svara) (i|blant|av) (den|denne|dei|de) (gruppen|gruppa|bedriftene)\b|"
    r"\b(basert på|grunnlaget|grunnlag|utvalget bak|hvor stor er n|(hva|kva) er n\b|\bn her\b|hvor mange (bedrifter )?(svarte|har svart)( totalt| i alt| egentlig| faktisk)? på (akkurat |nettopp |selve )?(det|dette|[\wæøå]*-?spørsmålet)|"
    # "hvor mange bedrifter bygger det på?"
    r"(hvor|kor) mange (bedrifter |verksemder |svar )?(bygger|bygde|byggjer|bygg) (det|dette|tallet|talet|tallene|tala|andelen|prosenten) på\b|"
    r"hvor mange (bedrifter |svar )?(er|var|ligger) (det|dette|tallet|tallene|andelen) basert|"
    # "hvor mange bedrifter er den andelen regnet av?", "kor mange er prosenten rekna ut frå?"
    r"(hvor|kor) mange (bedrifter |verksemder |svar )?(er|var) (den |denne |det |dette )?(andelen|tallet|talet|prosenten|prosenttallet|det|dette) "
    r"(regnet|rekna|beregnet|berekna|prosentuert|prosentert|basert)( ut)? (av|fra|frå|på)\b|"
    # "Hvor mange brukte den tjenesten?": who used it is who rated it (the others are left out of the base)
    r"hvor mange (bedrifter |virksomheter )?(brukte|har brukt|benyttet|har benyttet|tok i bruk) (den|denne|de|disse)\b)"
)
# whether a question was asked the same way (in the two waves): "stilt på samme måte", "sammenlignes direkte"
SAME_WAY = (
    r"\b(stilt|spurt|formulert) (på )?(samme|same|nøyaktig samme) (måte|måten)\b|\b(stilt|formulert|spurt) likt\b|"
    r"\b(sammenlign|sammenlikn|samanlikn)\w* direkte\b|\b(samme|same) spørsmål\w* (ble |vart )?(stilt|brukt)\b|"
    r"\b(stilt|spurt|formulert) (annerledes|anleis|annleis|ulikt|forskjellig)\b"
)
# how a figure came about in time ("når ble det målt?", "hvilken periode gjelder tallet?")
ASKED = r"(spurt|stilt|målt|samlet inn|samla inn|innhentet|henta inn|registrert)"
PERIOD = r"(hvilken|kva for ein|hvilket) (periode|tidsrom|måned|månad)"
ABOUT_WHO = (
    r"\b(hvem|kven) (fikk|fekk|ble stilt|vart stilt|ble spurt|vart spurt|svarte på|gjelder) (egentlig |faktisk )?(om )?"
    r"(det|dette|\w*spørsmålet|\w*spørsmålene|tallet|tallene)\b|"
    r"\b(hvem|kven) (ble|vart|blei) (egentlig |faktisk |eigentleg )?(spurt|stilt) (om )?(det|dette|\w*spørsmålet)\b|"
    # (not "gjelder det alle, eller er det forskjell på små og store?": a breakdown asked for)
    r"\bgjelder (det|dette|tallet|tallene) (alle|bare|kun)\b(?!.*\b(forskjell\w*|skilnad\w*|variere\w*|ulikt|annerledes|anleis|annleis|annerleis|størrelse\w*|storleik\w*|bedriftsstørrelse\w*|bransje\w*|typer|slags)\b)(?!.*\b(de|dei) (største|minste|store|små)\b)|\b(ble|vart|blei) (alle|alle bedrifter|alle bedriftene|alle verksemdene|alle virksomhetene) (spurt|spurte|spurd|spurde)\b|"
    rf"\b{_ALL_GOT}(det|dette|disse|de|dei) (spørsmålet|spørsmålene|spørsmåla)\b|"
    # when the previous question was asked: the questionnaire answer names its wave
    r"\b(når|kva tid|når i tid) (ble|vart|blei) (det|dette|spørsmålet|den|det spørsmålet|tallet|tallene|talet|tala"
    rf"|disse tallene|dei tala) {ASKED}\b|"
    rf"\b{PERIOD} (gjelder|er) (det|dette|tallet|tallene|talet|tala)( fra| frå)?\b|"
    r"\b(hvilket|kva) år gjelder (det|dette|tallet|tallene)\b|\bgjelder (det|dette|tallet|tallene) hvilket år\b|"
    # "Var det tallet fra november 2021 eller juni 2022?": which wave the figure is from
    r"\b(var|er|gjelder|gjaldt) (det|dette|det tallet|tallet|tallene|talet|tala|de tallene) (fra|frå|for|i) "
    r"(november|juni|høsten|sommeren|2021|2022)\b[^?]*\beller\b|"
    # "Var det novemberundersøkelsen eller juniundersøkelsen som stilte det?", "hvilken runde spurte om det?"
    r"\b(var|er) (det|dette) (i )?(november|juni|hoved|tillegg)\w*( undersøkelsen| runden| målingen)? eller\b|"
    r"\b(hvilken|kva for ei?n?) (undersøkelse|undersøking|runde|måling)\w* (stilte|spurte|hadde|tok med) (det|dette|spørsmålet|om det)\b|"
    # whether it was asked in a wave: "Ble det spurt om i novemberundersøkelsen også?"
    rf"\b(ble|vart|var) (det|dette|den|spørsmålet|det spørsmålet) (også |og )?(spurt|stilt|med)\b.*{WAVE_NAMED}"
)
# whether the previous answer may be used, and how ("Kan jeg bruke det i en pressemelding?", "Er det greit å
# sitere tallet på LinkedIn?"): the answer again, with its source line and what to watch out for
_THAT = (
    r"(det|dette|den|denne|disse|dei|de|det tallet|dette tallet|tallet|tallene|talet|tala|svaret|resultatet|"
    r"resultata|resultatene|funnet|funna|funnene|den setningen|sitatet)"
)
# "Hva er kilden?", "Hvor står det?", "Hvilken tabell er det fra?": where the previous answer's figure stands
ABOUT_SOURCE = (
    r"^(og |men )?((hva|kva) (er|var) (kilden|kjelda|kjelden|kildene|kjeldene|kildehenvisningen)( (for|til) "
    r"(det|dette|tallet|tallene|tala|talet))?|kilde|kjelde|kilder|kjelder|"
    r"(hvor|kvar) (står|stod|finner jeg|finn eg|har du|fikk du|fekk du) (det|dette|tallet|tallene|tala|talet)"
    r"( fra| frå| i rapporten)?|hvor kommer (det|dette|tallet|tallene) fra|kvar kjem (det|tala|talet) frå|"
    r"(hvilken|hvilket|hvilke|kva for ein|kva for eit|kva) (tabell|figur|side|kilde|kjelde|kapittel|avsnitt)"
    r"( er (det|dette|tallet|tallene) (fra|frå|hentet fra|henta frå|i))?|"
    r"(kan du )?(gi|oppgi|vise|gje) (meg )?(kilden|kjelda|kilde|kjelde|kildehenvisning))\s*\??$"
)
ABOUT_USE = (
    r"^(og |men )?((kan|kunne|får|bør|tør|skal) (jeg|vi|eg|me|man|en) (trygt |godt |fritt )?"
    r"|(er|blir) (det|dette) (greit|trygt|ok|lov|i orden|forsvarlig) (å |og )?|går det an å )"
    rf"(bruke|sitere|publisere|dele|vise til|referere til|gjengi|skrive om|ta med) {_THAT}"
    r"( (?!at\b)[a-zæøå-]+){0,6}\s*\??$"  # a place to publish, no claim of its own ("… at 8 av 10 …")
)


# the previous item against the others of its question ("Er det mye sammenlignet med de andre grunnene?")
ABOUT_OTHERS = (
    r"\b(sammenlignet|sammenliknet|samanlikna|i forhold til|i høve til|mot|enn|blant) (med )?(de|dei|alle de|alle dei) "
    r"andre\b"
)
ABOUT_CAVEATS = (
    r"\b(obs på|være obs|forbehold|feilkilde|svakhet|usikkerhet|stole på|hvor sikre?|hvor pålitelig|"
    r"tolkes|varsom|ta høyde for|fallgruver|begrensning|si noe sikkert|seie noko sikkert|sikre konklusjoner|"
    r"nok til å (?:si|seie|konkludere|trekke|generalisere))"
)
# Claim frames ("Kan jeg skrive at …?", "Stemmer det at …?") are recognised by assistant.claims.detect.

# a time before the survey's waves, which only the report's text compares with (Arbeidskraftundersøkelsen 2017)
# (not "før koronatiltakene ble opphevet": November 2021, while the measures were still in force)
BEFORE_PANDEMIC = (
    r"\b(før|frå før|fra før) (pandemien|koronapandemien|covid-19-pandemien|covid-19|covid|"
    r"korona(?!tiltak|restriksjon|regl)\w*|nedstenging\w*)\b"
)

# the user's own company's headcount ("vi er 12 ansatte", "me er ei bedrift med 40 tilsette", "bedriften vår
# har 8 ansatte"): who asks, not necessarily the group asked about
OWN_SIZE = (
    r"\b((vi|me|(når|hvis|om) (man|en|ein)) (er|har)|(bedriften|firmaet|virksomheten|verksemda) (vår|min|mi) (er|har))"
    r"( (en|ei|et|eit) [a-zæøå]+ ?[a-zæøå]* (med|på))?( (ca\.?|cirka|rundt|om lag|omtrent|snaut|drøyt))? "
    r"\d+ (ansatte|årsverk|medarbeidere|tilsette)\b"
)

"""2023–2026 part 1 agreement: Polisen (LPO Piteå älvdal), Arjeplog and Arvidsjaur; transcribed from signed text."""

from __future__ import annotations

TITLE = "Samverkansöverenskommelse del 1 – Polisen, Arjeplogs kommun och Arvidsjaurs kommun 2023–2026"

SECTIONS: list[tuple[str, str]] = [
    (
        "syfte",
        (
            "Ett effektivt brottsförebyggande arbetet kräver samverkan. Samhället har allt att vinna på minskad "
            "brottslighet och ökad trygghet för medborgarna. Orsakerna till brottslighet är många gånger "
            "komplicerade och kan påverkas av många olika samhällsfunktioner. Därför behövs ett planerat aktivt "
            "brottsförebyggande arbete. Det innebär att alla – både offentliga och privata samhällsfunktioner men "
            "även medborgerliga initiativ – ska samverka sida vid sida.\n\n"
            "Samverkansöverenskommelse, del 1, är polisledningens och kommunledningens gemensamma beslut om att "
            "fortsätta samverka. Del 1 av samverkansöverenskommelsen är den strategiska delen med inriktning på "
            "fokusområden som Polisen och kommunerna åtar sig att arbeta mot. Den strategiska "
            "samverkansöverenskommelsen ska kompletteras med del 2, som ger inriktningen på det lokala "
            "brottsförebyggande arbetet i varje kommun. Del 2 ska innehålla lokala mål, lokala genomförande-, och "
            "uppföljningsplaner samt medborgarlöften i varje kommun. I del 2 framgår hur det konkreta "
            "brottsförebyggande arbetet ska genomföras.\n\n"
            "För att nå framgång i arbetet med att minska brottsligheten och öka tryggheten i glesbygd krävs "
            "samverkan av samhällets alla aktörer. Samverkan sker till viss mån redan idag i, och mellan, berörda "
            "kommuner och polismyndigheten. Denna samverkansöverenskommelse syftar till att ytterligare "
            "formalisera, fördjupa och utveckla samarbetet mellan polis och kommun/er genom att skapa struktur "
            "och en plattform för ett effektivt, långsiktigt brottsförebyggande- och trygghetsskapande arbetet. "
            "Samverkansöverenskommelsen ska syfta till att upprätthålla och utveckla den kompetens som finns inom "
            "de olika kommunerna."
        ),
    ),
    (
        "utgangspunkter",
        (
            "Viktiga utgångspunkter i arbetet är:\n\n"
            "- Polismyndighetens uppdrag\n"
            "- Den nationella handlingsplanen för medborgarlöften\n"
            "- Processen för samverkan i lokalt brottsförebyggande arbete\n"
            "- En samlad strategi för alkohol-, narkotika-, dopnings, tobak, och spelpolitiken\n"
            "- Kommunala styrdokument och hälsomål"
        ),
    ),
    (
        "samverkansmodell",
        (
            "Utgångspunkten för en fungerande samverkan är att polismyndigheten och kommunerna enas kring en "
            "gemensam uppfattning om vilka problem som finns lokalt.\n\n"
            "För att skapa en sådan gemensam lägesbild behöver polisen och kommunerna beskriva sin uppfattning om "
            "det rådande läget utifrån det faktaunderlag som var och en av parterna förfogar över.\n\n"
            "Den gemensamma lägesbilden utgör grunden för att i en gemensam skriftlig överenskommelse kunna "
            "prioritera inom vilka områden samverkan ska ske. Detta utgör grunden för fortsatta åtaganden om vad "
            "var och en ska göra.\n\n"
            "Samverkansmodellen bygger på:\n\n"
            "- Information och kartläggning görs inom polisen och kommunen i de nätverk som bedrivs i brotts- och "
            "drogförebyggande arbete.\n"
            "- Skapande av en gemensam lägesbild baserad på kartläggning från varje kommun.\n"
            "- Strategiska överenskommelser som bygger på den gemensamma lägesbilden upprättas.\n"
            "- Konkret brottsförebyggande arbete som bedrivs i sammansatta samverkansgrupper i varje kommun med "
            "handlingsplaner som grund.\n"
            "- Uppföljning av samverkansavtalet genomförs innan nytt avtal 2027."
        ),
    ),
    (
        "lagesbild",
        (
            "Kommunerna är lika, men varje kommun är unik. Det är de lokala omständigheterna som avgör vad varje "
            "kommun ska arbeta med. I arbetet med att ta fram den gemensamma lägesbilden har kommunerna och "
            "polismyndigheten bidragit med sin lokala lägesbild.\n\n"
            "Den lokala lägesbilden i varje kommun bygger på medarbetarnas bild av utmaningar i området och synen "
            "på prioritering av problemen. Den bygger på medborgarnas bild av vad som skapar otrygghet, vilka "
            "problem de upplever i sitt närområde samt samverkansparternas bild och en beskrivning av möjliga "
            "beröringspunkter. Den bygger även på lokal brottsstatistik från polisen, Brottsförebyggande rådet "
            "och kommunala undersökningar.\n\n"
            "Med hänsyn till kommunernas olikheter så visar genomgång av lägesbilderna att det finns liknande "
            "problemen i kommunerna t.ex. psykisk ohälsa bland unga, störande och olagliga trafikbeteenden, "
            "alkohol, narkotika och tobaksanvändning samt våldsutsatthet.\n\n"
            "Kommunerna är lika i struktur och storlek och många ungdomar har hög rörlighet och rör sig naturligt "
            "över kommungränserna. Rörligheten beror på olika anledningar som utbildning, arbete och nöjen. Många "
            "ungdomar studerar på annan ort än hemkommunen. Ett behov av samverkan mellan polisen och kommunerna "
            "finns, men även kommunerna emellan då en del ungdomar riskerar att försvinna utanför skyddsnätet "
            "annars.\n\n"
            "Fokusområdet kring ANDTS visar på stora samverkansbehov. Internet öppnar i dag upp för större "
            "tillgångar än tidigare till narkotika och dopningspreparat. Tobakstillsyn kopplat till tobaksbruket "
            "bland unga är en viktig del av det brottsförebyggande arbetet.\n\n"
            "Kommunerna har kraftigt ökad befolkning under vissa tider på året kopplat till främst turism, "
            "biltestverksamhet, marknadshelger och andra evenemang. Risken för brott ökar under dessa perioder, "
            "det ställer därmed högre krav på samordning, kring exempelvis trafikarbete, alkoholtillsyn och "
            "ansvarsfull alkoholservering.\n\n"
            "De problembilder som identifieras i den gemensamma lägesbilden bör hanteras gemensamt för att få "
            "genomslag i det brottsförebyggande arbetet med tanke på de speciella förutsättningar som finns i "
            "glesbygdskommuner med begränsade resurser och stora geografiska avstånd."
        ),
    ),
    (
        "fokusomraden",
        (
            "Alla kommuner har tillsammans med polisen via nätverksträffar bidragit till att ge sin syn på vad "
            "som bör prioriteras i den gemensamma lägesbilden. Arbetet har resulterat i ett antal fokusområden "
            "som ska prioriteras av polis och kommun de kommande åren.\n\n"
            "Polismyndigheten och kommunerna Arjeplog och Arvidsjaur avser genom denna överenskommelse att "
            "samverka kring dessa fokusområden.\n\n"
            "Den gemensamma lägesbilden och de övergripande målen för samverkan kommer att prioriteras under "
            "kommande period 2023–2026.\n\n"
            "De övergripande målen är att stärka och utveckla samverkan mellan polis och kommun inom följande "
            "fokusområden.\n\n"
            "- Alkohol, narkotika, doping, tobak och spel (ANDT-S)\n"
            "- Brottsförebyggande arbete (BRÅ)\n"
            "- Psykisk och fysisk hälsa"
        ),
    ),
    (
        "strategiska_forutsattningar",
        (
            "I båda kommunerna bör det finnas en lokal samverkansgrupp som samordnar det förebyggande och "
            "hälsofrämjande arbetet. Samordnarna i varje kommun samt polisen ska träffas regelbundet, i "
            "partsammansatta grupper varje år. Arbetet ska utgå från den lägesbild som presenterats utifrån "
            "samverkansmodellen:\n\n"
            "Polisen tillsammans med kommunerna åtar sig att skapa en gemensam samverkansstruktur/organisation "
            "för styrning och uppföljning av det brottsförebyggande och hälsofrämjande arbetet. Gruppens "
            "sammansättning bestäms utifrån varje kommuns lokala förutsättningar.\n\n"
            "I varje kommun ska det finnas ansvariga samordnare hos både polis och kommun som samverkar "
            "tillsammans i det brottsförebyggande och hälsofrämjande arbetet:\n\n"
            "- Kommunerna åtar sig att utse en ansvarig kontaktperson och/eller samordnare som har till uppgift "
            "att, tillsammans med övriga verksamheter inom organisationerna samordna det lokala ANDT-S och "
            "brottsförebyggande arbetet tillsammans med polis. Gruppens sammansättning bestäms utifrån varje "
            "kommuns lokala förutsättningar.\n"
            "- Polisen åtar att utse en ansvarig kontaktperson som har till uppgift att svara upp, och driva "
            "samverkan mot varje kommun.\n\n"
            "I varje kommun ska det brottsförebyggande arbetet kunna följas upp på ett strukturerat sätt. För att "
            "nå de övergripande målen ska prioriteringen i överenskommelsen konkretiseras i en handlingsplan som "
            "upprättas i varje kommun:\n\n"
            "- Polisen och kommunerna åtar sig att ta fram en fördjupad lägesbild, (en baslinje) som ska ligga "
            "till grund för val av åtgärder och uppföljning av arbetet.\n"
            "- Polisen och kommunerna åtar sig att ta fram ett antal gemensamma och separata mål kopplat till "
            "fokusområdena, där några bryts ned till handlingsplanen.\n"
            "- Polis och kommun åtar sig att löpande följa upp arbetet i de lokala samverkansgrupperna och "
            "årligen återrapporteras till polis- och kommunledning.\n"
            "- Polisen och kommunerna åtar sig att skapa en gemensam kommunikationsplan för "
            "samverkansöverenskommelsen."
        ),
    ),
    (
        "medborgarloften",
        (
            "Medborgarlöftet är ett löfte och ett avtal om konkreta aktiviteter från polis och kommun i syfte att "
            "öka tryggheten och minska brottsligheten, och är unikt för den enskilda kommunen.\n\n"
            "Det är den lokala lägesbilden i varje kommun, där medborgarna och medarbetarna ges mer delaktighet "
            "och deras kunskap bättre tas tillvara, som skall utgöra grund för prioriteringar av verksamheten.\n\n"
            "Arbetet kring medborgardialog och löfte, läggs in som en del i den befintliga "
            "samverkansöverenskommelsen mellan Polisen och kommunerna. Ansvar för de olika aktiviteterna finns i "
            "de gemensamma handlingsplaner som upprättas lokalt i varje kommun. Medborgarlöftet är en process som "
            "ständigt är pågående och ska revideras utifrån den lokala problembilden i kommunen, i nära samråd "
            "med medborgarna."
        ),
    ),
    (
        "tidsram",
        (
            "Överenskommelsen gäller från och med datum för underskrift till och med 31 december 2026.\n\n"
            "Överenskommelsen ska därefter revideras."
        ),
    ),
]

FOCUS_AREAS: list[tuple[str, str, str]] = [
    (
        "ANDT-S",
        "Alkohol, narkotika, doping, tobak och spel (ANDT-S)",
        (
            "Stärka och utveckla samverkan kring alkohol, narkotika, doping, tobak och spel, där internet öppnar "
            "för större tillgångar till narkotika och dopningspreparat och tobakstillsyn kopplat till "
            "tobaksbruket bland unga är en viktig del av det brottsförebyggande arbetet."
        ),
    ),
    (
        "BRÅ",
        "Brottsförebyggande arbete (BRÅ)",
        (
            "Stärka och utveckla samverkan i det brottsförebyggande och trygghetsskapande arbetet, bland annat "
            "kring störande och olagliga trafikbeteenden, våldsutsatthet och samordning under perioder med "
            "kraftigt ökad befolkning."
        ),
    ),
    (
        "Hälsa",
        "Psykisk och fysisk hälsa",
        (
            "Stärka och utveckla samverkan i det hälsofrämjande arbetet, där psykisk ohälsa bland unga är en "
            "gemensam utmaning och ungdomar som rör sig över kommungränserna inte ska riskera att försvinna "
            "utanför skyddsnätet."
        ),
    ),
]

COMMITMENTS: list[dict] = [
    {
        "responsible": "bada",
        "text": (
            "Den strategiska samverkansöverenskommelsen ska kompletteras med del 2, som ger inriktningen på det "
            "lokala brottsförebyggande arbetet i varje kommun. Del 2 ska innehålla lokala mål, lokala "
            "genomförande-, och uppföljningsplaner samt medborgarlöften i varje kommun."
        ),
        "recurrence": "",
        "due_on": None,
        "focus_area": None,
    },
    {
        "responsible": "bada",
        "text": "Uppföljning av samverkansavtalet genomförs innan nytt avtal 2027.",
        "recurrence": "",
        "due_on": "2026-12-31",
        "focus_area": None,
    },
    {
        "responsible": "bada",
        "text": (
            "Stärka och utveckla samverkan mellan polis och kommun inom fokusområdet alkohol, narkotika, doping, "
            "tobak och spel (ANDT-S)."
        ),
        "recurrence": "",
        "due_on": None,
        "focus_area": "ANDT-S",
    },
    {
        "responsible": "bada",
        "text": (
            "Stärka och utveckla samverkan mellan polis och kommun inom fokusområdet brottsförebyggande arbete (BRÅ)."
        ),
        "recurrence": "",
        "due_on": None,
        "focus_area": "BRÅ",
    },
    {
        "responsible": "bada",
        "text": "Stärka och utveckla samverkan mellan polis och kommun inom fokusområdet psykisk och fysisk hälsa.",
        "recurrence": "",
        "due_on": None,
        "focus_area": "Hälsa",
    },
    {
        "responsible": "kommun",
        "text": (
            "I båda kommunerna bör det finnas en lokal samverkansgrupp som samordnar det förebyggande och "
            "hälsofrämjande arbetet."
        ),
        "recurrence": "",
        "due_on": None,
        "focus_area": None,
    },
    {
        "responsible": "bada",
        "text": "Samordnarna i varje kommun samt polisen ska träffas regelbundet, i partsammansatta grupper varje år.",
        "recurrence": "Varje år",
        "due_on": None,
        "focus_area": None,
    },
    {
        "responsible": "bada",
        "text": "Arbetet ska utgå från den lägesbild som presenterats utifrån samverkansmodellen.",
        "recurrence": "",
        "due_on": None,
        "focus_area": None,
    },
    {
        "responsible": "bada",
        "text": (
            "Polisen tillsammans med kommunerna åtar sig att skapa en gemensam samverkansstruktur/organisation "
            "för styrning och uppföljning av det brottsförebyggande och hälsofrämjande arbetet."
        ),
        "recurrence": "",
        "due_on": None,
        "focus_area": None,
    },
    {
        "responsible": "kommun",
        "text": (
            "Kommunerna åtar sig att utse en ansvarig kontaktperson och/eller samordnare som har till uppgift "
            "att, tillsammans med övriga verksamheter inom organisationerna samordna det lokala ANDT-S och "
            "brottsförebyggande arbetet tillsammans med polis."
        ),
        "recurrence": "",
        "due_on": None,
        "focus_area": None,
    },
    {
        "responsible": "polis",
        "text": (
            "Polisen åtar att utse en ansvarig kontaktperson som har till uppgift att svara upp, och driva "
            "samverkan mot varje kommun."
        ),
        "recurrence": "",
        "due_on": None,
        "focus_area": None,
    },
    {
        "responsible": "bada",
        "text": (
            "I varje kommun ska det brottsförebyggande arbetet kunna följas upp på ett strukturerat sätt. För att "
            "nå de övergripande målen ska prioriteringen i överenskommelsen konkretiseras i en handlingsplan som "
            "upprättas i varje kommun."
        ),
        "recurrence": "",
        "due_on": None,
        "focus_area": None,
    },
    {
        "responsible": "bada",
        "text": (
            "Polisen och kommunerna åtar sig att ta fram en fördjupad lägesbild, (en baslinje) som ska ligga till "
            "grund för val av åtgärder och uppföljning av arbetet."
        ),
        "recurrence": "",
        "due_on": None,
        "focus_area": None,
    },
    {
        "responsible": "bada",
        "text": (
            "Polisen och kommunerna åtar sig att ta fram ett antal gemensamma och separata mål kopplat till "
            "fokusområdena, där några bryts ned till handlingsplanen."
        ),
        "recurrence": "",
        "due_on": None,
        "focus_area": None,
    },
    {
        "responsible": "bada",
        "text": "Polis och kommun åtar sig att löpande följa upp arbetet i de lokala samverkansgrupperna.",
        "recurrence": "Löpande",
        "due_on": None,
        "focus_area": None,
    },
    {
        "responsible": "bada",
        "text": "Arbetet ska årligen återrapporteras till polis- och kommunledning.",
        "recurrence": "Årligen",
        "due_on": None,
        "focus_area": None,
    },
    {
        "responsible": "bada",
        "text": (
            "Polisen och kommunerna åtar sig att skapa en gemensam kommunikationsplan för samverkansöverenskommelsen."
        ),
        "recurrence": "",
        "due_on": None,
        "focus_area": None,
    },
    {
        "responsible": "bada",
        "text": (
            "Medborgarlöftet är en process som ständigt är pågående och ska revideras utifrån den lokala "
            "problembilden i kommunen, i nära samråd med medborgarna."
        ),
        "recurrence": "Löpande",
        "due_on": None,
        "focus_area": None,
    },
    {
        "responsible": "bada",
        "text": "Överenskommelsen gäller till och med 31 december 2026 och ska därefter revideras.",
        "recurrence": "",
        "due_on": None,
        "focus_area": None,
    },
]

COMMUNICATION_PLAN: list[dict] = [
    {
        "message": (
            "Samverkansöverenskommelsen del 1 är undertecknad: polis och kommun samverkar kring ANDT-S, "
            "brottsförebyggande arbete och psykisk och fysisk hälsa 2023–2026."
        ),
        "audience": "Allmänheten och lokala medier",
        "channel": "Gemensamt pressmeddelande",
        "when": "Vid undertecknandet",
        "responsible": "Kommunikatörer i Arjeplogs och Arvidsjaurs kommuner samt Polisens kommunikationsfunktion",
    },
    {
        "message": "Den undertecknade samverkansöverenskommelsen publiceras i sin helhet.",
        "audience": "Medborgare, medarbetare och samverkansparter",
        "channel": "Arjeplogs och Arvidsjaurs kommuners webbplatser samt polisen.se",
        "when": "I samband med undertecknandet",
        "responsible": "Kommunernas samordnare och polisens kontaktperson",
    },
    {
        "message": "Medborgarlöftena och de lokala aktiviteterna presenteras och stäms av med medborgarna.",
        "audience": "Medborgarna i respektive kommun",
        "channel": "Medborgardialog",
        "when": "När medborgarlöftena tagits fram, därefter årligen",
        "responsible": "Den lokala samverkansgruppen i respektive kommun",
    },
    {
        "message": "Årlig återrapportering av arbetet och uppföljningen i de lokala samverkansgrupperna.",
        "audience": "Polis- och kommunledning",
        "channel": "Skriftlig rapport och dragning på ledningsmöte",
        "when": "Årligen",
        "responsible": "Kommunernas samordnare och polisens kontaktperson",
    },
]

/**
 * Dutch texts of the signal rules that only the server words (issue 12): the reasons of rules v2 and
 * later, with the values they name, the presence figure, and the labels of the page "Hoe de signalen
 * worden bepaald" (/signalen). Merged into the server's common namespace (server-bundles.ts) and never
 * sent to the browser: the pages receive these as words from their loaders.
 */
const rulesExplained = {
  reason: {
    "every-weekday-by-others_one":
      "Op elke werkdag is een huisarts fysiek aanwezig. Van {{count}} huisarts zijn de dagen niet opgegeven, maar de anderen dekken samen elke werkdag.",
    "every-weekday-by-others_other":
      "Op elke werkdag is een huisarts fysiek aanwezig. Van {{count}} huisartsen zijn de dagen niet opgegeven, maar de anderen dekken samen elke werkdag.",
    "days-partly-unknown_one":
      "Volgens de opgegeven dagen is er niet op elke werkdag een huisarts fysiek aanwezig, maar van {{count}} huisarts zijn de dagen niet opgegeven: onbekend of die de open werkdag dekt.",
    "days-partly-unknown_other":
      "Volgens de opgegeven dagen is er niet op elke werkdag een huisarts fysiek aanwezig, maar van {{count}} huisartsen zijn de dagen niet opgegeven: onbekend of zij de open werkdag dekken.",
    "arrangements-partly":
      "{{why}}; dan moeten de minimale randvoorwaarden expliciet en aantoonbaar zijn ingericht. Dat is maar deels zo: medisch eindverantwoordelijke huisarts aangewezen: {{medicallyResponsibleGp}}; governance vastgelegd: {{governanceDocumented}}.",
    "arrangements-unknown-explicit":
      "{{why}}; dan moeten de minimale randvoorwaarden expliciet en aantoonbaar zijn ingericht. Niet bekend is of dat zo is: medisch eindverantwoordelijke huisarts aangewezen: {{medicallyResponsibleGp}}; governance vastgelegd: {{governanceDocumented}}.",
    "arrangements-explicit": "{{why}}; een huisarts is formeel aangewezen als medisch eindverantwoordelijk en de governance is vastgelegd, zoals dan nodig is.",
    "arrangements-documented": "Een huisarts is formeel aangewezen als medisch eindverantwoordelijk en de governance is vastgelegd.",
    "owner-unknown-arrangements":
      "Niet bekend is wie eigenaar is. Is dat geen huisarts, dan moeten de minimale randvoorwaarden expliciet en aantoonbaar zijn ingericht; nu: medisch eindverantwoordelijke huisarts aangewezen: {{medicallyResponsibleGp}}; governance vastgelegd: {{governanceDocumented}}.",
    "keten-unknown-arrangements":
      "De eigenaar is huisarts, maar niet bekend is of de praktijk onderdeel is van een keten of holding. Is zij dat, dan moeten de minimale randvoorwaarden expliciet en aantoonbaar zijn ingericht; nu: medisch eindverantwoordelijke huisarts aangewezen: {{medicallyResponsibleGp}}; governance vastgelegd: {{governanceDocumented}}.",
    "owner-gp-implicit-topics":
      "De eigenaar is huisarts en de praktijk is geen onderdeel van een keten of holding: de minimale randvoorwaarden zijn dan doorgaans impliciet geborgd. Medisch eindverantwoordelijke huisarts aangewezen: {{medicallyResponsibleGp}}; governance vastgelegd: {{governanceDocumented}}; wat niet ‘ja’ is, staat als onderwerp in de gespreksleidraad.",
    "no-nearby-cooperation": "Er is geen hagro in de regio, en de praktijk stemt niet structureel af met de huisartsen in de omgeving.",
    "no-nearby-cooperation-hagro-unknown": "De praktijk stemt niet structureel af met de huisartsen in de omgeving; niet bekend is of er in de regio een hagro is.",
    "anw-unknown": "Niet bekend is of de praktijk deelneemt aan de ANW-zorg (huisartsenpost).",
    "hagro-unknown": "Niet bekend is of er in de regio een hagro is, of of de praktijk eraan deelneemt.",
    "nearby-unknown": "Er is geen hagro in de regio, en niet bekend is of de praktijk structureel afstemt met de huisartsen in de omgeving.",
    "cooperation-unknown": "Van meer dan één onderdeel is niet bekend of de praktijk eraan deelneemt: zie de onderbouwing.",
    "takes-part": "De praktijk neemt deel aan de hagro ({{hagro}}) en aan de ANW-zorg ({{anw}}).",
    "takes-part-partly": "De praktijk neemt deel aan de hagro ({{hagro}}) en aan de ANW-zorg ({{anw}}). ‘Deels’ telt als deelnemen; wat ‘deels’ inhoudt, is een onderwerp voor het gesprek.",
    "nearby-takes-part": "Er is geen hagro in de regio; de praktijk stemt af met de huisartsen in de omgeving ({{nearbyCooperation}}) en neemt deel aan de ANW-zorg ({{anw}}).",
    "nearby-takes-part-partly":
      "Er is geen hagro in de regio; de praktijk stemt af met de huisartsen in de omgeving ({{nearbyCooperation}}) en neemt deel aan de ANW-zorg ({{anw}}). ‘Deels’ telt als deelnemen; wat ‘deels’ inhoudt, is een onderwerp voor het gesprek.",
  },
  why: {
    owner: "De eigenaar is geen huisarts",
    keten: "De praktijk is onderdeel van een keten of holding",
    "owner-and-keten": "De eigenaar is geen huisarts en de praktijk is onderdeel van een keten of holding",
  },
  presenceFigure: {
    below_zero: "Geen huisarts is minder dan {{min}} dagen per week fysiek aanwezig.",
    below_one: "{{count}} van de {{total}} huisartsen is minder dan {{min}} dagen per week fysiek aanwezig.",
    below_other: "{{count}} van de {{total}} huisartsen zijn minder dan {{min}} dagen per week fysiek aanwezig.",
    onlyWaarnemers: "Alle huisartsen zijn waarnemers: er is geen vaste huisarts.",
  },
  evidence: {
    ketenOrHolding: "Onderdeel van een keten of holding",
    nearbyCooperation: "Structurele afstemming met de huisartsen in de omgeving",
    huisartsenWithoutDays: "Huisartsen zonder opgegeven dagen",
  },
  page: {
    title: "Hoe de signalen worden bepaald",
    lead: "Per signaal wat de bron zegt, hoe Kernwaardenscan dat leest, welke grenzen daarbij gelden, wanneer een signaal onbekend is, en welke delen de eigen interpretatie van de scan zijn.",
    statusTitle: "Een uitwerking, geen gevalideerde versie",
    evaluationTitle: "Evaluatie na één jaar",
    inForce: "Nu gelden regels versie {{version}}. Elke uitkomst in de scan zegt met welke versie ze is berekend; een ingediende versie houdt de uitkomst van de regels waarmee ze werd berekend.",
    source: "Wat de bron zegt",
    sourceTranslation: "Wat de bron zegt (in het Nederlands, met een Engelse weergave)",
    rule: "Hoe de scan het leest",
    thresholds: "Grenzen uit de parameters",
    noThresholds: "Dit signaal gebruikt geen getallen uit de parameters.",
    unknown: "Wanneer onbekend",
    interpretation: "Eigen interpretatie van de scan",
    reading: "Zo leest u het signaal",
    kernpunten: "Kernpunten",
    inUse: "nu in gebruik",
    versionsTitle: "Versies van de regels",
    version: "Versie {{version}} ({{date}})",
    parametersTitle: "Alle parameters",
    parametersIntro: "De getallen die de regels en de teksten gebruiken. De beroepsgroepen kunnen ze na hun evaluatie aanpassen; elke tekst die een getal noemt, neemt het hieruit over.",
    matrixTitle: "De signaleringsmatrix lezen",
    matrixIntro: "De matrix van de regio staat naast de signalen van een praktijk als context, niet als signaal over de praktijk.",
    matrixChoices: "Keuzes van de scan bij de matrix",
    toMatrix: "Naar de signaleringsmatrix",
    parameter: {
      hoursPerFte: "Uren per fte huisarts",
      normPatientsPerFte: "Normpraktijk: patiënten per fte (een gemiddelde, geen norm)",
      maxPatientsPerFte: "Grens: patiënten per fte huisarts",
      consultsPerPatientPerYear: "Consulten en visites per patiënt per jaar, binnen kantoortijd",
      workingDaysPerYear: "Werkdagen per jaar",
      minDaysPresentPerWeek: "Bij voorkeur minimaal dagen per week fysiek aanwezig",
      rulesVersion: "Versie van de regels",
    },
  },
};

export default rulesExplained;

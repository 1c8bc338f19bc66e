/**
 * Dutch texts of the versioned signal rules (issue 12) that pages render themselves: the link to how a
 * signal is decided, which rules computed a result, the markers in the portfolio and the presence lines.
 * The texts only the server words (reasons, the /signalen page) are in rules-explained.nl.ts.
 */
const signalRules = {
  howDecided: "Hoe wordt dit signaal bepaald?",
  howDecidedAll: "Hoe de signalen worden bepaald",
  computedWith: "Berekend met regels v{{version}}.",
  computedWithOld:
    "Deze ingediende versie is berekend met regels v{{version}} en blijft zo staan, zoals ze werd ingediend. De regels die nu gelden zijn v{{current}}.",
  currentTitle: "Wat de huidige regels (v{{current}}) zouden zeggen",
  currentIntro: "Ter vergelijking, op dezelfde antwoorden. De ingediende uitkomst hierboven verandert hierdoor niet.",
  differs: "anders dan berekend",
  same: "gelijk",
  rulesBadge: "regels v{{version}}",
  rulesBadgeLong: "signalen berekend met regels v{{version}}; nu gelden v{{current}}",
  contextGiven: "met context van de praktijk",
  legend: "Een signaal met “met context van de praktijk” heeft een eigen toelichting van de praktijk (context en borging). Waar de signalen met oudere regels zijn berekend dan de huidige (v{{current}}), staat het regelnummer bij de bron.",
  notAsked: "niet gevraagd: niet van toepassing bij deze antwoorden",
  presence: {
    withoutDays_one: "Van {{count}} huisarts zijn de dagen niet opgegeven: die telt in dit overzicht niet mee, de aanwezigheid is onbekend.",
    withoutDays_other: "Van {{count}} huisartsen zijn de dagen niet opgegeven: die tellen in dit overzicht niet mee, de aanwezigheid is onbekend.",
    belowMin: "Huisartsen minder dan {{min}} dagen per week aanwezig",
    onlyWaarnemers: "Alleen waarnemers, geen vaste huisarts",
  },
  keten: {
    none: "{{title}}: bij geen van de {{total}} praktijken een signaal",
    noneButUnknown: "{{title}}: bij geen van de {{total}} praktijken een signaal, maar bij {{unknown}} onbekend",
    someAndUnknown: "{{title}}: {{n}} van {{total}} praktijken, bij {{unknown}} onbekend",
  },
};

export default signalRules;

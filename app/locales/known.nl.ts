/**
 * Issue 13, "start from what is known" and "next year in five minutes": where a prefilled answer came
 * from, "Klopt nog", what changed since the previous version, two versions side by side (Dutch).
 * Merged into nl.ts as `known`.
 */
const known = {
  origin: {
    label: "Overgenomen",
    self: "Overgenomen uit de zelfevaluatie van {{practice}}, versie {{version}}, ingediend {{date}}.",
    import: "Uit uw import van {{date}} (peildatum {{sourceDate}}).",
    otherSame: "De andere bron zegt hetzelfde.",
    otherSelfDiffers: "De zelfevaluatie van {{practice}} (versie {{version}}, ingediend {{date}}) zegt iets anders; uw import is recenter en is overgenomen.",
    otherImportDiffers: "Uw import (peildatum {{sourceDate}}) zegt iets anders; de zelfevaluatie is recenter en is overgenomen.",
    confirmed: "Bevestigd door {{by}} op {{date}}.",
    confirmedByUnknown: "Bevestigd op {{date}}.",
    todo: "Bevestig dit antwoord of wijzig het.",
    confirm: "Klopt",
    confirmFor: "Klopt: {{question}}",
  },
  changed: {
    mark: "Gewijzigd sinds versie {{version}}",
    was: "was: {{value}}",
  },
  section: {
    title: "Klopt dit onderdeel nog?",
    introNext: "De antwoorden komen uit versie {{version}}. Klopt alles nog, bevestig het onderdeel dan in één klik; wijzig anders eerst wat veranderd is.",
    introPrefill: "Een deel van de antwoorden is overgenomen uit wat uw organisatie al kon zien, met de bron erbij. Klopt het, bevestig het onderdeel dan in één klik.",
    button: "Klopt nog",
    confirmed: "Onderdeel bevestigd door {{by}} op {{date}}.",
    confirmedByUnknown: "Onderdeel bevestigd op {{date}}.",
    confirmedPrevious: "Onderdeel “{{title}}” is bevestigd: het klopt nog.",
  },
  nav: {
    confirmed: "bevestigd",
    toConfirm: "nog bevestigen",
  },
  progress: "{{confirmed}} van {{total}} onderdelen bevestigd",
  prefilled_one: "{{count}} antwoord is overgenomen uit wat uw organisatie al kon zien; bevestig of wijzig het in de onderdelen.",
  prefilled_other: "{{count}} antwoorden zijn overgenomen uit wat uw organisatie al kon zien; bevestig of wijzig ze in de onderdelen.",
  versions: {
    compareWith: "Vergelijk met versie {{version}}",
    title: "Versie {{older}} naast versie {{newer}}",
    intro: "De antwoorden en signalen van twee versies van dezelfde {{perspective}}, de oudere links.",
    differences_one: "{{count}} verschil",
    differences_other: "{{count}} verschillen",
    none: "Geen verschillen tussen deze twee versies.",
    showAll: "Toon alle antwoorden",
    showDifferences: "Toon alleen de verschillen",
    answers: "Antwoorden",
    signals: "Signalen",
    question: "Vraag",
    signal: "Signaal",
    version: "Versie {{version}}",
    what: "Verschil",
    change: { changed: "gewijzigd", added: "nieuw beantwoord", removed: "niet meer beantwoord", same: "gelijk" },
    back: "Terug naar de versies",
  },
  report: {
    title: "Gewijzigd sinds versie {{version}}",
    none: "Geen antwoorden of signalen gewijzigd sinds versie {{version}}.",
    signalChanged: "{{signal}}: was {{before}}, nu {{after}}",
    compare: "Beide versies naast elkaar",
  },
  portfolio: {
    changed: "signalen gewijzigd sinds de vorige versie",
    unchanged: "signalen gelijk aan de vorige versie",
    filterChanged: "Alleen praktijken waarvan de signalen veranderden sinds de vorige versie",
    csvColumn: "Signalen sinds vorige versie",
    csvChanged: "gewijzigd",
    csvSame: "gelijk",
  },
};

export default known;

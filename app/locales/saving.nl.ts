/** Saving answers: status, refused values, conflicts between colleagues (Dutch). Merged into nl.ts as `saving`. */
const saving = {
  taken: "Hun antwoord overgenomen",
  notSaved_one: "Niet opgeslagen: {{fields}}.",
  notSaved_other: "{{count}} antwoorden niet opgeslagen: {{fields}}.",
  reason: {
    invalid: "controleer de invoer",
    conflict: "kies welk antwoord blijft",
    offline: "geen verbinding, wordt opnieuw geprobeerd",
    "signed-out": "u bent afgemeld; meld u aan in een ander tabblad en sla dan opnieuw op",
    frozen: "deze versie is ingediend",
  },
  field: "{{label}} ({{reason}})",
  tokenRenewed: "Het formulier is vernieuwd na een nieuwe sessie; uw antwoorden worden gewoon opgeslagen.",
  conflict: {
    title: "Iemand anders heeft dit antwoord intussen gewijzigd",
    byAt: "{{by}} heeft dit antwoord op {{at}} gewijzigd.",
    byUnknown: "Dit antwoord is op {{at}} gewijzigd.",
    theirs: "Hun antwoord",
    mine: "Uw antwoord",
    choose: "Kies welk antwoord blijft. Tot u kiest, wordt deze vraag niet opgeslagen; niets wordt overschreven.",
    take: "Hun antwoord overnemen",
    keep: "Mijn antwoord houden",
    someone: "Een collega",
  },
  summary: {
    errors_one: "Er is niets opgeslagen: één antwoord klopt nog niet.",
    errors_other: "Er is niets opgeslagen: {{count}} antwoorden kloppen nog niet.",
    conflicts_one: "Eén antwoord is intussen door iemand anders gewijzigd en niet overschreven. Kies bij de vraag welk antwoord blijft; de andere antwoorden zijn opgeslagen.",
    conflicts_other: "{{count}} antwoorden zijn intussen door iemand anders gewijzigd en niet overschreven. Kies bij elke vraag welk antwoord blijft; de andere antwoorden zijn opgeslagen.",
  },
};

export default saving;

/** Strings only the server uses (the spreadsheet reader's messages), kept out of the browser's locale chunk. */
const server = {
  csv: {
  "file": {
    "unreadable": "Het bestand {{file}} kan niet worden gelezen: {{reason}}",
    "malformed": "Het bestand {{file}} is geen leesbaar CSV-bestand: {{reason}}",
    "empty": "Het bestand {{file}} is leeg: er is geen kopregel met kolomnamen.",
    "missingColumns": "Ontbrekende kolommen in de kopregel van {{file}}: {{columns}}. Gevonden: {{found}}. Verwacht (in elke volgorde, gescheiden door ; of ,): {{expected}}.",
    "duplicateColumns": "De kolommen {{columns}} staan meer dan eens in de kopregel van {{file}}; het is niet duidelijk welke geldt."
  },
  "row": {
    "tooFewCells": "Deze rij heeft {{found}} cellen, de kopregel {{expected}} kolommen. Controleer of er geen cellen of scheidingstekens ontbreken.",
    "tooManyCells": "Deze rij heeft {{found}} gevulde cellen, de kopregel maar {{expected}} kolommen. Staat er een scheidingsteken in een waarde, zoals een decimale komma in een bestand met komma's? Zet zo'n waarde dan tussen aanhalingstekens."
  },
  "agb": {
    "required": "De AGB-code ontbreekt. Verwacht de 8 cijfers van de AGB-code van de praktijk, bijvoorbeeld 01234567.",
    "lostLeadingZero": "“{{found}}” heeft {{digits}} cijfers; een AGB-code heeft er precies 8. Waarschijnlijk heeft het spreadsheetprogramma voorloopnullen weggehaald: maak de kolom een tekstkolom en vul de volledige code in (bijvoorbeeld {{padded}} als dat de code is).",
    "invalid": "“{{found}}” is geen AGB-code. Verwacht precies 8 cijfers, bijvoorbeeld 01234567."
  },
  "name": {
    "required": "De naam van de praktijk ontbreekt."
  },
  "choice": {
    "invalid": "“{{found}}” is geen geldige waarde. Verwacht {{allowed}}; leeg betekent onbekend."
  },
  "patients": {
    "invalid": "“{{found}}” is geen aantal patiënten. Verwacht een heel getal van 0 of meer, bijvoorbeeld 6300 of 6.300; leeg betekent onbekend.",
    "notWhole": "“{{found}}” is geen heel getal. Het aantal ingeschreven patiënten is een heel getal, bijvoorbeeld 6300 of 6.300 (een komma is geen duizendtalscheiding).",
    "negative": "“{{found}}” is negatief. Het aantal ingeschreven patiënten is 0 of meer."
  },
  "hours": {
    "invalid": "“{{found}}” is geen aantal uren. Verwacht een getal van 0 of meer, bijvoorbeeld 32,5 of 32.5; leeg betekent onbekend.",
    "negative": "“{{found}}” is negatief. Het aantal huisartsuren per week is 0 of meer.",
    "tooLarge": "“{{found}}” uur per week is meer dan {{max}}; dat past bij geen enkele praktijk. Staan hier de uren per jaar, of een waarde uit een andere kolom?"
  },
  "days": {
    "invalid": "“{{words}}” in “{{found}}” is geen werkdag. Verwacht ma, di, wo, do, vr of maandag tot en met vrijdag, gescheiden door spaties, komma's, puntkomma's of schuine strepen; of “geen”, of “onbekend”.",
    "weekend": "“{{words}}” in “{{found}}” valt in het weekend. Alleen de werkdagen maandag tot en met vrijdag tellen (het signaal gaat over reguliere dagzorg).",
    "mixed": "“{{found}}” combineert “{{word}}” met andere woorden. Vul werkdagen in, of alleen “geen” of alleen “onbekend”."
  }
},
};

export default server;

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type ServerTranslation = Shape<typeof server>;

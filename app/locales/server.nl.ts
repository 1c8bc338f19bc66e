/** Strings only the server uses (the spreadsheet reader's messages), kept out of the browser's locale chunk. */
import securityMail from "./security-mail.nl";

const server = {
  securityMail,
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
  "keten": {
    "contradicts": "De kolom keten noemt “{{keten}}”, maar deze kolom zegt dat de praktijk geen onderdeel is van een keten of holding. Vul “ja” in, of laat de keten leeg."
  },
  "days": {
    "invalid": "“{{words}}” in “{{found}}” is geen werkdag. Verwacht ma, di, wo, do, vr of maandag tot en met vrijdag, gescheiden door spaties, komma's, puntkomma's of schuine strepen; of “geen”, of “onbekend”.",
    "weekend": "“{{words}}” in “{{found}}” valt in het weekend. Alleen de werkdagen maandag tot en met vrijdag tellen (het signaal gaat over reguliere dagzorg).",
    "mixed": "“{{found}}” combineert “{{word}}” met andere woorden. Vul werkdagen in, of alleen “geen” of alleen “onbekend”."
  }
},
  regionCsv: {
    file: {
      missingColumns: "Ontbrekende kolommen in de kopregel van {{file}}: {{columns}}. Gevonden: {{found}}. Verwacht: regio_code, regio_naam en jaar, en minstens één indicatorkolom ({{expected}}), in elke volgorde, gescheiden door ; of ,.",
      noIndicators: "De kopregel van {{file}} heeft geen enkele indicatorkolom, dus er valt niets te kleuren. Gevonden: {{found}}. Verwacht minstens één van: {{expected}}.",
      duplicateColumns: "In de kopregel van {{file}} staat dezelfde kolom meer dan eens, onder deze namen: {{columns}}. Het is niet duidelijk welke geldt: laat er één staan.",
      noRows: "Het bestand {{file}} heeft een kopregel maar geen regels met gegevens. Verwacht één regel per regio en jaar.",
      tooManyRows: "Het bestand {{file}} heeft meer dan {{max, number}} regels; een signaleringsmatrix heeft één regel per regio en jaar. Er is niets ingelezen; controleer of dit het goede bestand is.",
      ignoredColumns: "Deze kolommen worden niet gelezen, omdat het geen kolom van de signaleringsmatrix is: {{columns}}. Is het een tikfout, verbeter dan de kolomnaam; anders kunt u ze laten staan.",
      ambiguousAge: "De kolom {{columns}} wordt niet gelezen: de matrix vergelijkt het aandeel 75-plussers, en uit de kolomnaam blijkt niet dat het daarover gaat. Gaat de kolom over 75 jaar en ouder, noem hem dan ouderen_75plus_pct; een aandeel 65-plussers is een andere maat en kan niet met 75-plussers worden vergeleken.",
      countWithoutPopulation: "De kolom {{column}} geeft aantallen verzekerden zonder vaste huisarts, maar er is geen kolom verzekerden of inwoners om een percentage uit te rekenen. De aantallen worden bewaard, maar de indicator wordt niet gekleurd (geen gegevens), want regio's van verschillende grootte zijn alleen in procenten te vergelijken. Voeg een kolom verzekerden (of inwoners) toe, of een kolom zonder_vaste_huisarts_pct."
    },
    code: {
      required: "De regiocode ontbreekt. Verwacht de code van de huisartsenregio, zoals in de indeling van Hechte Huisartsenzorg.",
      duplicateYear: "Regio {{code}} staat voor {{year}} al in regel {{line}}. Elke regio komt één keer per jaar voor: verwijder een van de twee regels, of verbeter het jaar.",
    },
    name: {
      required: "De naam van de regio ontbreekt.",
      conflict: "Regio {{code}} heet hier “{{name}}”, maar in regel {{line}} “{{earlier}}”. Eén code hoort bij één regio: gebruik overal dezelfde naam, of verbeter de code."
    },
    year: {
      required: "Het jaar ontbreekt. Verwacht een jaartal van vier cijfers, bijvoorbeeld 2026.",
      invalid: "“{{found}}” is geen jaartal. Verwacht vier cijfers, bijvoorbeeld 2026.",
      outOfRange: "{{found}} ligt buiten {{min}} tot en met {{max}}. Verwacht het jaar waarop de cijfers betrekking hebben, bijvoorbeeld 2026."
    },
    number: {
      invalid: "“{{found}}” is geen getal. Verwacht een getal zoals 6,1 of 6.1 (duizendtallen met een punt: 2.350); laat de cel leeg als er geen gegevens zijn.",
      notWhole: "“{{found}}” is geen heel getal. Een aantal mensen is een heel getal, bijvoorbeeld 2350 of 2.350; een komma is een decimale komma, geen duizendtalscheiding.",
      ambiguous: "“{{found}}” kan {{first}} of {{second}} betekenen. Schrijf het getal zonder duizendtalpunt, of met een decimale komma, zodat maar één lezing overblijft."
    },
    range: {
      density: "{{found}} huisartsen per 10.000 inwoners ligt buiten {{min}} tot {{max}}; dat past bij geen enkele regio. Staat hier het aantal inwoners per huisarts? Zet dat dan in de kolom inwoners_per_huisarts.",
      inhabitantsPerGp: "{{found}} inwoners per huisarts ligt buiten {{min}} tot {{max}}; dat past bij geen enkele regio. Staat hier het aantal huisartsen per 10.000 inwoners? Zet dat dan in de kolom huisartsen_per_10000_inwoners.",
      percentage: "{{found}} ligt buiten {{min}} tot en met {{max}}; een percentage ligt daartussen. Staat hier een aantal in plaats van een percentage, of is een duizendtalpunt als decimaalteken gelezen?",
      growth: "{{found}}% groei tot 2035 ligt buiten {{min}} tot en met {{max}}. Verwacht de verwachte groei (of krimp, negatief) in procenten, bijvoorbeeld 4,2 of -1,5.",
      count: "{{found}} ligt buiten {{min}} tot en met {{max}}. Verwacht een aantal mensen in de regio."
    },
    density: {
      inconsistent: "De twee kolommen voor huisartsendichtheid zeggen niet hetzelfde: {{perTenThousand}} huisartsen per 10.000 inwoners, maar {{perGp}} inwoners per huisarts is {{computed}} per 10.000. Verbeter een van de twee, of laat er één leeg."
    },
    uninsured: {
      inconsistent: "Het percentage zonder vaste huisarts ({{pct}}%) past niet bij het aantal: {{count}} van {{population}} {{populationColumn}} is {{computed}}%. Verbeter een van de twee, of laat het percentage of het aantal leeg.",
      countAbovePopulation: "{{count}} verzekerden zonder vaste huisarts is meer dan het aantal {{populationColumn}} ({{population}}). Staan de kolommen verwisseld, of is een duizendtalpunt verkeerd gelezen?",
      countWithoutPopulation: "Het aantal zonder vaste huisarts ({{count}}) is bewaard, maar zonder aantal {{populationColumns}} in deze regel valt er geen percentage uit te rekenen; deze indicator krijgt voor deze regio en dit jaar geen kleur (geen gegevens). Vul het aantal verzekerden of inwoners in om hem te kleuren."
    }
  },
};

export default server;

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type ServerTranslation = Shape<typeof server>;

/** Strings only the server uses (the spreadsheet reader's messages), kept out of the browser's locale chunk. */
import type { ServerTranslation } from "./server.nl";

import securityMail from "./security-mail.en";

const server = {
  securityMail,
  csv: {
  "file": {
    "unreadable": "The file {{file}} cannot be read: {{reason}}",
    "malformed": "The file {{file}} is not readable CSV: {{reason}}",
    "empty": "The file {{file}} is empty: there is no header row with column names.",
    "missingColumns": "Missing columns in the header row of {{file}}: {{columns}}. Found: {{found}}. Expected (in any order, separated by ; or ,): {{expected}}.",
    "duplicateColumns": "The columns {{columns}} appear more than once in the header row of {{file}}; it is unclear which one counts."
  },
  "row": {
    "tooFewCells": "This row has {{found}} cells, the header row {{expected}} columns. Check that no cells or delimiters are missing.",
    "tooManyCells": "This row has {{found}} filled cells, the header row only {{expected}} columns. Is there a delimiter inside a value, such as a decimal comma in a comma-separated file? Then put that value in quotes."
  },
  "agb": {
    "required": "The AGB code is missing. Expected the practice's 8-digit AGB code, for example 01234567.",
    "lostLeadingZero": "“{{found}}” has {{digits}} digits; an AGB code has exactly 8. The spreadsheet program probably dropped leading zeros: make the column a text column and enter the full code (for example {{padded}} if that is the code).",
    "invalid": "“{{found}}” is not an AGB code. Expected exactly 8 digits, for example 01234567."
  },
  "name": {
    "required": "The practice's name is missing."
  },
  "choice": {
    "invalid": "“{{found}}” is not a valid value. Expected {{allowed}}; empty means unknown."
  },
  "patients": {
    "invalid": "“{{found}}” is not a number of patients. Expected a whole number of 0 or more, for example 6300 or 6.300; empty means unknown.",
    "notWhole": "“{{found}}” is not a whole number. The number of registered patients is a whole number, for example 6300 or 6.300 (a comma is not a thousands separator).",
    "negative": "“{{found}}” is negative. The number of registered patients is 0 or more."
  },
  "hours": {
    "invalid": "“{{found}}” is not a number of hours. Expected a number of 0 or more, for example 32,5 or 32.5; empty means unknown.",
    "negative": "“{{found}}” is negative. The huisarts hours per week are 0 or more.",
    "tooLarge": "“{{found}}” hours per week is more than {{max}}, which fits no practice. Are these hours per year, or a value from another column?"
  },
  "keten": {
    "contradicts": "The keten column names “{{keten}}”, but this column says the practice is not part of a keten or holding. Enter “ja”, or leave the keten empty."
  },
  "days": {
    "invalid": "“{{words}}” in “{{found}}” is not a weekday. Expected ma, di, wo, do, vr or maandag to vrijdag, separated by spaces, commas, semicolons or slashes; or “geen” (none), or “onbekend” (unknown).",
    "weekend": "“{{words}}” in “{{found}}” is in the weekend. Only the weekdays Monday to Friday count (the signal is about regular daytime care).",
    "mixed": "“{{found}}” combines “{{word}}” with other words. Enter weekdays, or only “geen” (none) or only “onbekend” (unknown)."
  }
},
  regionCsv: {
    file: {
      missingColumns: "Missing columns in the header row of {{file}}: {{columns}}. Found: {{found}}. Expected: regio_code, regio_naam and jaar, and at least one indicator column ({{expected}}), in any order, separated by ; or ,.",
      noIndicators: "The header row of {{file}} has no indicator column at all, so there is nothing to colour. Found: {{found}}. Expected at least one of: {{expected}}.",
      duplicateColumns: "The header row of {{file}} has the same column more than once, under these names: {{columns}}. It is unclear which one counts: keep only one.",
      noRows: "The file {{file}} has a header row but no rows with data. Expected one row per region and year.",
      tooManyRows: "The file {{file}} has more than {{max, number}} rows; a signaleringsmatrix has one row per region and year. Nothing was imported; check that this is the right file.",
      ignoredColumns: "These columns are not read, because they are not a column of the signaleringsmatrix: {{columns}}. If it is a typo, correct the column name; otherwise you can leave them.",
      ambiguousAge: "The column {{columns}} is not read: the matrix compares the share of people aged 75 and over, and the column name does not say that it is about them. If the column is about 75 and over, name it ouderen_75plus_pct; a share of people aged 65 and over is a different measure and cannot be compared with 75 and over.",
      countWithoutPopulation: "The column {{column}} gives numbers of insured people without a regular GP, but there is no verzekerden (insured) or inwoners (inhabitants) column to compute a percentage from. The numbers are kept, but the indicator is not coloured (no data), because regions of different size can only be compared in percentages. Add a verzekerden (or inwoners) column, or a zonder_vaste_huisarts_pct column."
    },
    code: {
      required: "The region code is missing. Expected the code of the GP region, as in the Hechte Huisartsenzorg division.",
      duplicateYear: "Region {{code}} is already in row {{line}} for {{year}}. Each region appears once per year: remove one of the two rows, or correct the year."
    },
    name: {
      required: "The region's name is missing.",
      conflict: "Region {{code}} is called “{{name}}” here, but “{{earlier}}” in row {{line}}. One code belongs to one region: use the same name everywhere, or correct the code."
    },
    year: {
      required: "The year is missing. Expected a four-digit year, for example 2026.",
      invalid: "“{{found}}” is not a year. Expected four digits, for example 2026.",
      outOfRange: "{{found}} is outside {{min}} to {{max}}. Expected the year the figures refer to, for example 2026."
    },
    number: {
      invalid: "“{{found}}” is not a number. Expected a number such as 6,1 or 6.1 (thousands with a dot: 2.350); leave the cell empty when there is no data.",
      notWhole: "“{{found}}” is not a whole number. A number of people is a whole number, for example 2350 or 2.350; a comma is a decimal comma, not a thousands separator.",
      ambiguous: "“{{found}}” can mean {{first}} or {{second}}. Write the number without a thousands dot, or with a decimal comma, so that only one reading remains."
    },
    range: {
      density: "{{found}} GPs per 10,000 inhabitants is outside {{min}} to {{max}}, which fits no region. Is this the number of inhabitants per GP? Then put it in the inwoners_per_huisarts column.",
      inhabitantsPerGp: "{{found}} inhabitants per GP is outside {{min}} to {{max}}, which fits no region. Is this the number of GPs per 10,000 inhabitants? Then put it in the huisartsen_per_10000_inwoners column.",
      percentage: "{{found}} is outside {{min}} to {{max}}; a percentage lies in between. Is this a number instead of a percentage, or was a thousands dot read as a decimal point?",
      growth: "{{found}}% growth to 2035 is outside {{min}} to {{max}}. Expected the expected growth (or decline, negative) in percent, for example 4,2 or -1,5.",
      count: "{{found}} is outside {{min}} to {{max}}. Expected a number of people in the region."
    },
    density: {
      inconsistent: "The two GP density columns disagree: {{perTenThousand}} GPs per 10,000 inhabitants, but {{perGp}} inhabitants per GP is {{computed}} per 10,000. Correct one of the two, or leave one empty."
    },
    uninsured: {
      inconsistent: "The percentage without a regular GP ({{pct}}%) does not match the number: {{count}} of {{population}} {{populationColumn}} is {{computed}}%. Correct one of the two, or leave the percentage or the number empty.",
      countAbovePopulation: "{{count}} insured people without a regular GP is more than the number of {{populationColumn}} ({{population}}). Are the columns swapped, or was a thousands dot misread?",
      countWithoutPopulation: "The number without a regular GP ({{count}}) is kept, but without a number of {{populationColumns}} in this row no percentage can be computed; this indicator gets no colour for this region and year (no data). Fill in the number of insured people or inhabitants to colour it."
    }
  },
} satisfies ServerTranslation;

export default server;

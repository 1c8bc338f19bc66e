/** Strings only the server uses (the spreadsheet reader's messages), kept out of the browser's locale chunk. */
import type { ServerTranslation } from "./server.nl";

const server = {
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
  "days": {
    "invalid": "“{{words}}” in “{{found}}” is not a weekday. Expected ma, di, wo, do, vr or maandag to vrijdag, separated by spaces, commas, semicolons or slashes; or “geen” (none), or “onbekend” (unknown).",
    "weekend": "“{{words}}” in “{{found}}” is in the weekend. Only the weekdays Monday to Friday count (the signal is about regular daytime care).",
    "mixed": "“{{found}}” combines “{{word}}” with other words. Enter weekdays, or only “geen” (none) or only “onbekend” (unknown)."
  }
},
} satisfies ServerTranslation;

export default server;

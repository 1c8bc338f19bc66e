/**
 * The spreadsheet adapter for the signals engine: one row of the bulk-evaluation CSV (issue 3, "Bulk
 * evaluation"; also the format insurers will upload) becomes SignalFacts, or every problem in the row
 * in words a spreadsheet user can act on. Pure: no I/O.
 *
 * The messages live here as a small nl/en table keyed by code until they move to app/locales; the
 * templates use i18next's {{name}} interpolation so they can move as they are.
 */
import { WEEKDAYS, parseDutchNumber, type Weekday } from "./answers";
import type { HagroStatus, OwnerKind, Tri } from "./facts";
import type { SignalFacts } from "./signals";

export const REQUIRED_COLUMNS = [
  "agb",
  "naam",
  "eigenaar",
  "ingeschreven_patienten",
  "uren_huisarts_per_week",
  "dagen_huisarts_fysiek_aanwezig",
  "medisch_eindverantwoordelijke_huisarts",
  "governance_vastgelegd",
  "hagro",
  "anw",
] as const;
export type PracticeColumn = (typeof REQUIRED_COLUMNS)[number];

/**
 * A week has 168 hours; the largest health centres have a few dozen huisartsen, well under 50 fte
 * (2000 hours). More than that per week is not a practice but a mistake: hours per year, or the
 * patient count or an AGB pasted into the hours column. Caught here, it would otherwise quietly turn
 * into a very low patients-per-fte figure and hide a signal.
 */
export const MAX_HOURS_PER_WEEK = 2000;

export type Lng = "nl" | "en";

const nl = {
  "csv.file.unreadable": "Het bestand {{file}} kan niet worden gelezen: {{reason}}",
  "csv.file.malformed": "Het bestand {{file}} is geen leesbaar CSV-bestand: {{reason}}",
  "csv.file.empty": "Het bestand {{file}} is leeg: er is geen kopregel met kolomnamen.",
  "csv.file.missingColumns":
    "In de kopregel van {{file}} ontbreken de kolommen {{columns}}. Gevonden: {{found}}. Verwacht (in elke volgorde, gescheiden door ; of ,): {{expected}}.",
  "csv.file.duplicateColumns": "De kolommen {{columns}} staan meer dan eens in de kopregel van {{file}}; het is niet duidelijk welke geldt.",
  "csv.row.tooFewCells":
    "Deze rij heeft {{found}} cellen, de kopregel {{expected}} kolommen. Controleer of er geen cellen of scheidingstekens ontbreken.",
  "csv.row.tooManyCells":
    "Deze rij heeft {{found}} gevulde cellen, de kopregel maar {{expected}} kolommen. Staat er een scheidingsteken in een waarde, zoals een decimale komma in een bestand met komma's? Zet zo'n waarde dan tussen aanhalingstekens.",
  "csv.agb.required": "De AGB-code ontbreekt. Verwacht de 8 cijfers van de AGB-code van de praktijk, bijvoorbeeld 01234567.",
  "csv.agb.lostLeadingZero":
    "“{{found}}” heeft 7 cijfers; een AGB-code heeft er precies 8. Waarschijnlijk heeft het spreadsheetprogramma een voorloopnul weggehaald: maak de kolom een tekstkolom en vul de volledige code in (bijvoorbeeld 0{{found}} als dat de code is).",
  "csv.agb.invalid": "“{{found}}” is geen AGB-code. Verwacht precies 8 cijfers, bijvoorbeeld 01234567.",
  "csv.name.required": "De naam van de praktijk ontbreekt.",
  "csv.choice.invalid": "“{{found}}” is geen geldige waarde. Verwacht {{allowed}}; leeg betekent onbekend.",
  "csv.patients.invalid":
    "“{{found}}” is geen aantal patiënten. Verwacht een heel getal van 0 of meer, bijvoorbeeld 6300 of 6.300; leeg betekent onbekend.",
  "csv.patients.notWhole":
    "“{{found}}” is geen heel getal. Het aantal ingeschreven patiënten is een heel getal, bijvoorbeeld 6300 of 6.300 (een komma is geen duizendtalscheiding).",
  "csv.patients.negative": "“{{found}}” is negatief. Het aantal ingeschreven patiënten is 0 of meer.",
  "csv.hours.invalid":
    "“{{found}}” is geen aantal uren. Verwacht een getal van 0 of meer, bijvoorbeeld 32,5 of 32.5; leeg betekent onbekend.",
  "csv.hours.negative": "“{{found}}” is negatief. Het aantal huisartsuren per week is 0 of meer.",
  "csv.hours.tooLarge":
    "“{{found}}” uur per week is meer dan {{max}}; dat past bij geen enkele praktijk. Staan hier de uren per jaar, of een waarde uit een andere kolom?",
  "csv.days.invalid":
    "“{{words}}” in “{{found}}” is geen werkdag. Verwacht ma, di, wo, do, vr of maandag tot en met vrijdag, gescheiden door spaties, komma's, puntkomma's of schuine strepen; of “geen”, of “onbekend”.",
  "csv.days.weekend":
    "“{{words}}” in “{{found}}” valt in het weekend. Alleen de werkdagen maandag tot en met vrijdag tellen (het signaal gaat over reguliere dagzorg).",
  "csv.days.mixed": "“{{found}}” combineert “{{word}}” met andere woorden. Vul werkdagen in, of alleen “geen” of alleen “onbekend”.",
} as const;

export type MessageCode = keyof typeof nl;

const en: Record<MessageCode, string> = {
  "csv.file.unreadable": "The file {{file}} cannot be read: {{reason}}",
  "csv.file.malformed": "The file {{file}} is not readable CSV: {{reason}}",
  "csv.file.empty": "The file {{file}} is empty: there is no header row with column names.",
  "csv.file.missingColumns":
    "The header row of {{file}} lacks the columns {{columns}}. Found: {{found}}. Expected (in any order, separated by ; or ,): {{expected}}.",
  "csv.file.duplicateColumns": "The columns {{columns}} appear more than once in the header row of {{file}}; it is unclear which one counts.",
  "csv.row.tooFewCells": "This row has {{found}} cells, the header row {{expected}} columns. Check that no cells or delimiters are missing.",
  "csv.row.tooManyCells":
    "This row has {{found}} filled cells, the header row only {{expected}} columns. Is there a delimiter inside a value, such as a decimal comma in a comma-separated file? Then put that value in quotes.",
  "csv.agb.required": "The AGB code is missing. Expected the practice's 8-digit AGB code, for example 01234567.",
  "csv.agb.lostLeadingZero":
    "“{{found}}” has 7 digits; an AGB code has exactly 8. The spreadsheet program probably dropped a leading zero: make the column a text column and enter the full code (for example 0{{found}} if that is the code).",
  "csv.agb.invalid": "“{{found}}” is not an AGB code. Expected exactly 8 digits, for example 01234567.",
  "csv.name.required": "The practice's name is missing.",
  "csv.choice.invalid": "“{{found}}” is not a valid value. Expected {{allowed}}; empty means unknown.",
  "csv.patients.invalid":
    "“{{found}}” is not a number of patients. Expected a whole number of 0 or more, for example 6300 or 6.300; empty means unknown.",
  "csv.patients.notWhole":
    "“{{found}}” is not a whole number. The number of registered patients is a whole number, for example 6300 or 6.300 (a comma is not a thousands separator).",
  "csv.patients.negative": "“{{found}}” is negative. The number of registered patients is 0 or more.",
  "csv.hours.invalid": "“{{found}}” is not a number of hours. Expected a number of 0 or more, for example 32,5 or 32.5; empty means unknown.",
  "csv.hours.negative": "“{{found}}” is negative. The huisarts hours per week are 0 or more.",
  "csv.hours.tooLarge":
    "“{{found}}” hours per week is more than {{max}}, which fits no practice. Are these hours per year, or a value from another column?",
  "csv.days.invalid":
    "“{{words}}” in “{{found}}” is not a weekday. Expected ma, di, wo, do, vr or maandag to vrijdag, separated by spaces, commas, semicolons or slashes; or “geen” (none), or “onbekend” (unknown).",
  "csv.days.weekend":
    "“{{words}}” in “{{found}}” is in the weekend. Only the weekdays Monday to Friday count (the signal is about regular daytime care).",
  "csv.days.mixed": "“{{found}}” combines “{{word}}” with other words. Enter weekdays, or only “geen” (none) or only “onbekend” (unknown).",
};

const MESSAGES: Record<Lng, Record<MessageCode, string>> = { nl, en };

export type MessageParams = Record<string, string | number>;

/** The message for a code in a language, with {{name}} placeholders filled in. */
export function message(code: MessageCode, lng: Lng = "nl", params: MessageParams = {}): string {
  return MESSAGES[lng][code].replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** "a, b of c" / "a, b or c": for the allowed values in a message. */
export function listInWords(values: readonly string[], lng: Lng = "nl"): string {
  if (values.length <= 1) return values.join("");
  return `${values.slice(0, -1).join(", ")} ${lng === "nl" ? "of" : "or"} ${values.at(-1)}`;
}

// ---------------------------------------------------------------------------------------------------
// Header

export interface ColumnMap {
  /** Where each required column is in a row. */
  index: Record<PracticeColumn, number>;
  /** How many columns the header has (other, extra columns are allowed and ignored). */
  width: number;
}

export type HeaderResult =
  | { ok: true; columns: ColumnMap }
  | { ok: false; missing: PracticeColumn[]; duplicate: PracticeColumn[] };

export function mapHeader(header: readonly string[]): HeaderResult {
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  const duplicate = REQUIRED_COLUMNS.filter((c) => names.indexOf(c) !== names.lastIndexOf(c));
  if (missing.length > 0 || duplicate.length > 0) return { ok: false, missing, duplicate };
  const index = Object.fromEntries(REQUIRED_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<PracticeColumn, number>;
  return { ok: true, columns: { index, width: header.length } };
}

// ---------------------------------------------------------------------------------------------------
// Row

export interface RowError {
  /** null for a problem with the row as a whole (its number of cells). */
  column: PracticeColumn | null;
  code: MessageCode;
  message: string;
}

export type PracticeRowResult =
  | { ok: true; agb: string; name: string; facts: SignalFacts }
  | { ok: false; errors: RowError[] };

const OWNER_VALUES = ["huisarts", "andere-zorgverlener", "bestuurder", "onbekend"] as const satisfies readonly OwnerKind[];
const TRI_VALUES = ["ja", "nee", "onbekend"] as const satisfies readonly Tri[];
const HAGRO_VALUES = ["ja", "nee", "geen-hagro", "onbekend"] as const satisfies readonly HagroStatus[];

const DAY_WORDS: Record<string, Weekday> = {
  ma: "ma",
  maandag: "ma",
  di: "di",
  dinsdag: "di",
  wo: "wo",
  woensdag: "wo",
  do: "do",
  donderdag: "do",
  vr: "vr",
  vrijdag: "vr",
};
const WEEKEND_WORDS = new Set(["za", "zaterdag", "zo", "zondag"]);

type Problem = { code: MessageCode; params?: MessageParams };
type Parsed<T> = { value: T } | { problems: Problem[] };

/** Only called once a row is known to have no problems. */
function valueOf<T>(parsed: Parsed<T>): T {
  if ("problems" in parsed) throw new Error("valueOf on a value with problems");
  return parsed.value;
}

function choice<T extends string>(raw: string, allowed: readonly T[], lng: Lng): Parsed<T> {
  const v = raw.toLowerCase();
  if (v === "") return { value: "onbekend" as T };
  if ((allowed as readonly string[]).includes(v)) return { value: v as T };
  return { problems: [{ code: "csv.choice.invalid", params: { found: raw, allowed: listInWords(allowed, lng) } }] };
}

function agb(raw: string): Parsed<string> {
  if (raw === "") return { problems: [{ code: "csv.agb.required" }] };
  if (/^\d{8}$/.test(raw)) return { value: raw };
  // A spreadsheet that read the column as a number dropped the leading zero: say so, never pad.
  if (/^\d{7}$/.test(raw)) return { problems: [{ code: "csv.agb.lostLeadingZero", params: { found: raw } }] };
  return { problems: [{ code: "csv.agb.invalid", params: { found: raw } }] };
}

function patients(raw: string): Parsed<number | null> {
  if (raw === "") return { value: null };
  const n = parseDutchNumber(raw, true);
  if (n === "invalid") return { problems: [{ code: "csv.patients.invalid", params: { found: raw } }] };
  if (n < 0) return { problems: [{ code: "csv.patients.negative", params: { found: raw } }] };
  if (!Number.isSafeInteger(n)) {
    return { problems: [{ code: Number.isFinite(n) && n % 1 !== 0 ? "csv.patients.notWhole" : "csv.patients.invalid", params: { found: raw } }] };
  }
  return { value: n };
}

function hours(raw: string): Parsed<number | null> {
  if (raw === "") return { value: null };
  const n = parseDutchNumber(raw, false);
  if (n === "invalid") return { problems: [{ code: "csv.hours.invalid", params: { found: raw } }] };
  if (n < 0) return { problems: [{ code: "csv.hours.negative", params: { found: raw } }] };
  if (n > MAX_HOURS_PER_WEEK) return { problems: [{ code: "csv.hours.tooLarge", params: { found: raw, max: MAX_HOURS_PER_WEEK } }] };
  return { value: n };
}

function weekdays(raw: string): Parsed<Weekday[] | null> {
  const words = raw.toLowerCase().split(/[\s,;/]+/).filter((w) => w !== "");
  if (words.length === 0) return { value: null };
  for (const word of ["geen", "onbekend"] as const) {
    if (words.includes(word)) {
      if (words.every((w) => w === word)) return { value: word === "geen" ? [] : null };
      return { problems: [{ code: "csv.days.mixed", params: { found: raw, word } }] };
    }
  }
  const weekend = words.filter((w) => WEEKEND_WORDS.has(w));
  const unknown = words.filter((w) => !(w in DAY_WORDS) && !WEEKEND_WORDS.has(w));
  const problems: Problem[] = [];
  if (unknown.length > 0) problems.push({ code: "csv.days.invalid", params: { found: raw, words: unknown.join(" ") } });
  if (weekend.length > 0) problems.push({ code: "csv.days.weekend", params: { found: raw, words: weekend.join(" ") } });
  if (problems.length > 0) return { problems };
  const days = new Set(words.map((w) => DAY_WORDS[w]));
  return { value: WEEKDAYS.filter((d) => days.has(d)) };
}

/**
 * One data row. Every problem in the row is reported together, so a spreadsheet can be fixed in one
 * pass; values are trimmed and case-insensitive; an empty cell means unknown, except agb and naam.
 */
export function parsePracticeRow(cells: readonly string[], columns: ColumnMap, lng: Lng = "nl"): PracticeRowResult {
  const errors: RowError[] = [];
  const report = (column: PracticeColumn | null, problems: Problem[]) => {
    for (const p of problems) errors.push({ column, code: p.code, message: message(p.code, lng, p.params) });
  };
  // Trailing empty cells (a stray delimiter at the end of the line) carry nothing and are ignored.
  let filled = cells.length;
  while (filled > 0 && cells[filled - 1]!.trim() === "") filled--;
  if (cells.length < columns.width) {
    report(null, [{ code: "csv.row.tooFewCells", params: { found: cells.length, expected: columns.width } }]);
  } else if (filled > columns.width) {
    report(null, [{ code: "csv.row.tooManyCells", params: { found: filled, expected: columns.width } }]);
  }
  const cell = (column: PracticeColumn) => (cells[columns.index[column]] ?? "").trim();
  const check = <T>(column: PracticeColumn, parsed: Parsed<T>): Parsed<T> => {
    if ("problems" in parsed) report(column, parsed.problems);
    return parsed;
  };

  const agbCode = check("agb", agb(cell("agb")));
  const name = cell("naam");
  if (name === "") report("naam", [{ code: "csv.name.required" }]);
  const owner = check("eigenaar", choice(cell("eigenaar"), OWNER_VALUES, lng));
  const registeredPatients = check("ingeschreven_patienten", patients(cell("ingeschreven_patienten")));
  const huisartsHoursPerWeek = check("uren_huisarts_per_week", hours(cell("uren_huisarts_per_week")));
  const weekdaysPresent = check("dagen_huisarts_fysiek_aanwezig", weekdays(cell("dagen_huisarts_fysiek_aanwezig")));
  const medicallyResponsibleGp = check(
    "medisch_eindverantwoordelijke_huisarts",
    choice(cell("medisch_eindverantwoordelijke_huisarts"), TRI_VALUES, lng),
  );
  const governanceDocumented = check("governance_vastgelegd", choice(cell("governance_vastgelegd"), TRI_VALUES, lng));
  const hagro = check("hagro", choice(cell("hagro"), HAGRO_VALUES, lng));
  const anw = check("anw", choice(cell("anw"), TRI_VALUES, lng));

  if (errors.length > 0) {
    // Left to right as the file has its columns (a row-wide problem first); sort is stable.
    const position = (e: RowError) => (e.column === null ? -1 : columns.index[e.column]);
    return { ok: false, errors: errors.sort((a, b) => position(a) - position(b)) };
  }
  return {
    ok: true,
    agb: valueOf(agbCode),
    name,
    facts: {
      owner: valueOf(owner),
      registeredPatients: valueOf(registeredPatients),
      huisartsHoursPerWeek: valueOf(huisartsHoursPerWeek),
      weekdaysPresent: valueOf(weekdaysPresent),
      medicallyResponsibleGp: valueOf(medicallyResponsibleGp),
      governanceDocumented: valueOf(governanceDocumented),
      hagro: valueOf(hagro),
      anw: valueOf(anw),
    },
  };
}

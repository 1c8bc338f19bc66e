/**
 * The spreadsheet adapter for the signals engine: one row of the bulk-evaluation CSV (issue 3, "Bulk
 * evaluation"; also the format insurers will upload) becomes SignalFacts, or every problem in the row
 * as message codes with their values. Pure: no I/O, no i18n instance. The words a spreadsheet user can act
 * on are rendered from the codes by app/utils/spreadsheet-messages.ts (keys under `csv` in the
 * server-only namespace, app/locales/server.*.ts).
 */
import { WEEKDAYS, parseDutchNumber, type Weekday } from "./answers";
import type { HagroStatus, KetenStatus, OwnerKind, Tri } from "./facts";
import type { SignalFacts } from "./signals";
import type { ServerTranslation } from "../locales/server.nl";

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
 * Columns a spreadsheet may add. Issue 5 (an insurer's import): the keten a practice belongs to and its
 * huisartsenregio (code or name). Issue 12 (signal rules v2): cooperation with the huisartsen nearby,
 * read when there is no hagro, and whether the practice is part of a keten or holding. An absent
 * column is unknown for every row. A named keten makes the practice part of one.
 */
export const OPTIONAL_COLUMNS = ["keten", "regio", "samenwerking_huisartsen_omgeving", "onderdeel_van_keten_of_holding"] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];
export type SpreadsheetColumn = PracticeColumn | OptionalColumn;

/**
 * A week has 168 hours; the largest health centres have a few dozen huisartsen, well under 50 fte
 * (2000 hours). More than that per week is not a practice but a mistake: hours per year, or the
 * patient count or an AGB pasted into the hours column. Caught here, it would otherwise quietly turn
 * into a very low patients-per-fte figure and hide a signal.
 */
export const MAX_HOURS_PER_WEEK = 2000;

export type Lng = "nl" | "en";

/** Message codes: their text lives in app/locales (nl.ts, en.ts) under `csv`, rendered by i18next. */
export type MessageCode = `csv.${FlatKeys<ServerTranslation["csv"]>}`;
type FlatKeys<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${FlatKeys<T[K]>}` }[keyof T & string];

export type MessageParams = Record<string, string | number>;

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
  /** Where each optional column is, if the header has it. */
  optional: Partial<Record<OptionalColumn, number>>;
  /** How many named columns the header has (extra columns beyond the required ones are ignored). */
  width: number;
}

export type HeaderResult =
  | { ok: true; columns: ColumnMap }
  | { ok: false; missing: PracticeColumn[]; duplicate: PracticeColumn[] };

/** A column name as people type it: any case, stray spaces, and spaces or hyphens for underscores. */
export const columnName = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, "_");

export function mapHeader(header: readonly string[]): HeaderResult {
  const names = header.map(columnName);
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  const duplicate = REQUIRED_COLUMNS.filter((c) => names.indexOf(c) !== names.lastIndexOf(c));
  if (missing.length > 0 || duplicate.length > 0) return { ok: false, missing, duplicate };
  const index = Object.fromEntries(REQUIRED_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<PracticeColumn, number>;
  const optional = Object.fromEntries(OPTIONAL_COLUMNS.filter((c) => names.includes(c)).map((c) => [c, names.indexOf(c)]));
  // Trailing unnamed columns (a stray delimiter at the end of the header) do not count.
  let width = names.length;
  while (width > 0 && names[width - 1] === "") width--;
  return { ok: true, columns: { index, optional, width } };
}

// ---------------------------------------------------------------------------------------------------
// Row

export interface RowError {
  /** null for a problem with the row as a whole (its number of cells). */
  column: SpreadsheetColumn | null;
  code: MessageCode;
  /** The values the message was filled with, so it can be worded again in another language. */
  params: MessageParams;
}

export type PracticeRowResult<E = RowError> =
  | { ok: true; agb: string; name: string; facts: SignalFacts; extra: Record<"keten" | "regio", string | null> }
  | { ok: false; errors: E[] };

const OWNER_VALUES = ["huisarts", "andere-zorgverlener", "bestuurder", "onbekend"] as const satisfies readonly OwnerKind[];
/** "Deels" counts as taking part (rules v2); a spreadsheet may say so as the questionnaire does. */
const TRI_VALUES = ["ja", "deels", "nee", "onbekend"] as const satisfies readonly Tri[];
const HAGRO_VALUES = ["ja", "nee", "geen-hagro", "onbekend"] as const satisfies readonly HagroStatus[];
const KETEN_VALUES = ["ja", "nee", "onbekend"] as const satisfies readonly KetenStatus[];

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
  // Any case; spaces for the hyphen of a two-word value ("Geen hagro", "andere zorgverlener").
  const v = raw.trim().toLowerCase().replace(/\s+/g, "-");
  if (v === "") return { value: "onbekend" as T };
  if ((allowed as readonly string[]).includes(v)) return { value: v as T };
  return { problems: [{ code: "csv.choice.invalid", params: { found: raw, allowed: listInWords(allowed, lng) } }] };
}

function agb(raw: string): Parsed<string> {
  if (raw === "") return { problems: [{ code: "csv.agb.required" }] };
  if (/^\d{8}$/.test(raw)) return { value: raw };
  // A spreadsheet that read the column as a number dropped the leading zeros (01234567 → 1234567):
  // say so, never pad, since a short code may as well be a typo.
  if (/^[1-9]\d{0,6}$/.test(raw)) {
    return { problems: [{ code: "csv.agb.lostLeadingZero", params: { found: raw, digits: raw.length, padded: raw.padStart(8, "0") } }] };
  }
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
export function readPracticeRow(cells: readonly string[], columns: ColumnMap, lng: Lng = "nl"): PracticeRowResult {
  const errors: RowError[] = [];
  const report = (column: SpreadsheetColumn | null, problems: Problem[]) => {
    for (const p of problems) errors.push({ column, code: p.code, params: p.params ?? {} });
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
  const optional = (column: OptionalColumn) => {
    const at = columns.optional[column];
    return at === undefined ? "" : (cells[at] ?? "").trim();
  };
  const check = <T>(column: SpreadsheetColumn, parsed: Parsed<T>): Parsed<T> => {
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
  // Absent columns read as empty cells: unknown.
  const nearbyCooperation = check("samenwerking_huisartsen_omgeving", choice(optional("samenwerking_huisartsen_omgeving"), TRI_VALUES, lng));
  const ketenColumn = check("onderdeel_van_keten_of_holding", choice(optional("onderdeel_van_keten_of_holding"), KETEN_VALUES, lng));
  const ketenName = optional("keten");
  if ("value" in ketenColumn && ketenColumn.value === "nee" && ketenName !== "") {
    report("onderdeel_van_keten_of_holding", [{ code: "csv.keten.contradicts", params: { keten: ketenName } }]);
  }

  if (errors.length > 0) {
    // Left to right as the file has its columns (a row-wide problem first); sort is stable.
    const position = (e: RowError) =>
      e.column === null ? -1 : ((REQUIRED_COLUMNS as readonly string[]).includes(e.column) ? columns.index[e.column as PracticeColumn] : (columns.optional[e.column as OptionalColumn] ?? Infinity));
    return { ok: false, errors: errors.sort((a, b) => position(a) - position(b)) };
  }
  const extra = (column: "keten" | "regio") => optional(column) || null;
  return {
    ok: true,
    agb: valueOf(agbCode),
    name,
    extra: { keten: extra("keten"), regio: extra("regio") },
    facts: {
      owner: valueOf(owner),
      registeredPatients: valueOf(registeredPatients),
      huisartsHoursPerWeek: valueOf(huisartsHoursPerWeek),
      // A spreadsheet gives the practice's days as a whole, never per huisarts.
      weekdaysPresent: valueOf(weekdaysPresent),
      huisartsenWithoutDays: 0,
      huisartsen: null,
      medicallyResponsibleGp: valueOf(medicallyResponsibleGp),
      governanceDocumented: valueOf(governanceDocumented),
      // A keten named in the row is membership of one, whatever the column says (a contradiction is an error above).
      ketenOrHolding: ketenName !== "" ? "ja" : valueOf(ketenColumn),
      hagro: valueOf(hagro),
      nearbyCooperation: valueOf(nearbyCooperation),
      anw: valueOf(anw),
    },
  };
}

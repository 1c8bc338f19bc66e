/**
 * The spreadsheet reader for the regional signaleringsmatrix: one row per region and year, with the
 * indicators of the leidraad (section 3) as users download them from Vektis and CBS. The file is read
 * by the shared CSV reader (app/utils/csv.ts: `;` or `,`, BOM, Windows-1252, CRLF, row numbers) in
 * app/utils/spreadsheet-messages.ts (`readRegionCsv`); this module decides what the columns and cells mean. Like the practice spreadsheet (../practice-row.ts), every
 * problem in a row is reported together with its column, good rows are kept, and messages are i18n keys
 * under `regionCsv` in the server namespace (app/locales/server.*.ts), worded outside the domain. Pure:
 * no I/O, no i18n instance.
 */
import type { Lng } from "../../i18n";
import type { ServerTranslation } from "../../locales/server.nl";
import { formatNumber } from "../format";
import { emptyValues, regionKey, type RegionCounts, type RegionYearValues } from "./colouring";
import type { IndicatorId } from "./schema";

// ---------------------------------------------------------------------------------------------------
// Messages

type FlatKeys<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${FlatKeys<T[K]>}` }[keyof T & string];


/** Rows per region file: some 80 huisartsenregio's over decades of years fit many times over. */
export const MAX_REGION_ROWS = 10_000;

/** The shared reader's messages that say exactly what is needed here, and this reader's own. */
export type RegionMessageCode =
  | `regionCsv.${FlatKeys<ServerTranslation["regionCsv"]>}`
  | "csv.file.empty"
  | "csv.file.malformed"
  | "csv.row.tooFewCells"
  | "csv.row.tooManyCells";

export type MessageParams = Record<string, string | number>;

const listInWords = (values: readonly string[], lng: Lng) =>
  values.length <= 1 ? values.join("") : `${values.slice(0, -1).join(", ")} ${lng === "nl" ? "of" : "or"} ${values.at(-1)}`;

// ---------------------------------------------------------------------------------------------------
// Columns

/** What a number column may hold, in its own unit: anything outside is a mistake, not a region. */
export interface NumberSpec {
  min: number;
  max: number;
  integer: boolean;
  /** A trailing "%" is allowed, as Excel writes a cell formatted as percentage. */
  percent: boolean;
  rangeCode: RegionMessageCode;
}

const percentage: NumberSpec = { min: 0, max: 100, integer: false, percent: true, rangeCode: "regionCsv.range.percentage" };
/** A region is part of a country of under 20 million people. */
const people: NumberSpec = { min: 0, max: 20_000_000, integer: true, percent: false, rangeCode: "regionCsv.range.count" };

/**
 * The national average is around 7 huisartsen per 10,000 inhabitants (about 1,400 per huisarts); the
 * range allows far more spread than any region has, and stays narrow enough that 1.200 inhabitants per
 * huisarts in the wrong column, or read as 1,2, cannot pass. The two ranges are (to the whole
 * inhabitant) each other's inverse, so both columns accept the same regions.
 */
const DENSITY: NumberSpec = { min: 2, max: 30, integer: false, percent: false, rangeCode: "regionCsv.range.density" };
const INHABITANTS_PER_GP: NumberSpec = { min: 333, max: 5_000, integer: false, percent: false, rangeCode: "regionCsv.range.inhabitantsPerGp" };

interface ColumnDef {
  /** Header names as found after normalising (see normaliseHeader), the canonical name first. */
  names: readonly string[];
  spec?: NumberSpec;
  /** The indicator the column feeds; population columns feed one only together with a count. */
  indicator?: IndicatorId;
}

export const REGION_COLUMNS = {
  regio_code: { names: ["regio_code", "regiocode", "code_regio", "huisartsenregio_code", "code"] },
  regio_naam: { names: ["regio_naam", "regionaam", "naam_regio", "huisartsenregio", "huisartsenregio_naam", "regio", "naam"] },
  jaar: { names: ["jaar", "year", "peiljaar", "kalenderjaar"] },
  huisartsen_per_10000_inwoners: {
    names: ["huisartsen_per_10000_inwoners", "huisartsen_per_10000", "huisartsendichtheid", "huisartsendichtheid_per_10000_inwoners"],
    spec: DENSITY,
    indicator: "huisartsendichtheid",
  },
  inwoners_per_huisarts: { names: ["inwoners_per_huisarts", "aantal_inwoners_per_huisarts"], spec: INHABITANTS_PER_GP, indicator: "huisartsendichtheid" },
  uitstroom_5jaar_pct: {
    names: ["uitstroom_5jaar_pct", "uitstroom_5_jaar_pct", "verwachte_uitstroom_pct", "verwachte_uitstroom_5jaar_pct", "verwachte_uitstroom_5_jaar_pct", "uitstroom_pct"],
    spec: percentage,
    indicator: "verwachte-uitstroom",
  },
  zonder_vaste_huisarts_pct: {
    names: ["zonder_vaste_huisarts_pct", "verzekerden_zonder_vaste_huisarts_pct", "pct_zonder_vaste_huisarts", "zonder_huisarts_pct", "niet_ingeschreven_pct"],
    spec: percentage,
    indicator: "zonder-vaste-huisarts",
  },
  zonder_vaste_huisarts_aantal: {
    names: ["zonder_vaste_huisarts_aantal", "aantal_zonder_vaste_huisarts", "verzekerden_zonder_vaste_huisarts", "verzekerden_zonder_vaste_huisarts_aantal", "zonder_huisarts_aantal", "niet_ingeschreven_aantal"],
    spec: people,
    indicator: "zonder-vaste-huisarts",
  },
  verzekerden: { names: ["verzekerden", "aantal_verzekerden"], spec: { ...people, min: 1 } },
  inwoners: { names: ["inwoners", "aantal_inwoners", "bevolking"], spec: { ...people, min: 1 } },
  bevolkingsgroei_2035_pct: {
    names: ["bevolkingsgroei_2035_pct", "bevolkingsgroei_tot_2035_pct", "bevolkingsgroei_pct", "groei_2035_pct", "bevolkingsgroei_2035"],
    // Krimp is negative; a region cannot lose more than everyone, nor plausibly double in ten years.
    spec: { min: -100, max: 100, integer: false, percent: true, rangeCode: "regionCsv.range.growth" },
    indicator: "bevolkingsgroei",
  },
  ouderen_75plus_pct: {
    names: ["ouderen_75plus_pct", "aandeel_ouderen_75plus_pct", "aandeel_75plus_pct", "75plus_pct", "pct_75plus", "ouderen_75plus"],
    spec: percentage,
    indicator: "aandeel-ouderen",
  },
  lage_ses_pct: { names: ["lage_ses_pct", "aandeel_lage_ses_pct", "pct_lage_ses", "lage_ses", "achterstandswijken_pct"], spec: percentage, indicator: "aandeel-lage-ses" },
} as const satisfies Record<string, ColumnDef>;

export type RegionColumn = keyof typeof REGION_COLUMNS;
type NumberColumn = { [C in RegionColumn]: (typeof REGION_COLUMNS)[C] extends { spec: NumberSpec } ? C : never }[RegionColumn];

export const REQUIRED_REGION_COLUMNS = ["regio_code", "regio_naam", "jaar"] as const satisfies readonly RegionColumn[];
const COLUMN_NAMES = Object.keys(REGION_COLUMNS) as RegionColumn[];
export const INDICATOR_COLUMNS = COLUMN_NAMES.filter((c) => "indicator" in REGION_COLUMNS[c]);

/**
 * The age of "ouderen" must be in the column name (content/regional/v1/matrix.yaml compares 75+): a
 * bare "ouderen_pct" or a 65+ share is recognised so it can be named as not read, never ranked as 75+.
 */
const UNCLEAR_AGE = /^(aandeel_)?(ouderen|\d+plus|ouderen_\d+plus)(_pct)?$|^pct_(ouderen|\d+plus)$/;

/**
 * "Huisartsen per 10.000 inwoners", "zonder vaste huisarts (%)", "Ouderen 75+ %" and "uitstroom-5jaar-pct"
 * all become the snake_case names above: accents, case, spaces, hyphens and brackets do not matter.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/%/g, "_pct_")
    .replace(/\+/g, "plus")
    .replace(/(\d)[.,\s](\d{3})(?!\d)/g, "$1$2")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/(^|_)(percentage|procent|perc)(?=_|$)/g, "$1pct")
    .replace(/(\d)_plus/g, "$1plus")
    .replace(/^_+|_+$/g, "");
}

const CANONICAL = new Map<string, RegionColumn>(COLUMN_NAMES.flatMap((c) => REGION_COLUMNS[c].names.map((n) => [n, c] as const)));

export interface RegionColumnMap {
  index: Partial<Record<RegionColumn, number>>;
  /** Each recognised column's header as the file writes it, for messages and the preview. */
  header: Partial<Record<RegionColumn, string>>;
  /** How many named columns the header has; trailing unnamed ones (a stray delimiter) do not count. */
  width: number;
}

export interface RegionCsvMessage {
  /** The spreadsheet row (the header is row 1); null for a problem with the file as a whole. */
  line: number | null;
  column: RegionColumn | null;
  /** The column's header as the file writes it. */
  header: string | null;
  code: RegionMessageCode;
  /** The values the message was filled with, so it can be worded again in another language. */
  params: MessageParams;
  message: string;
}

export type Problem = { code: RegionMessageCode; params?: MessageParams };
export type HeaderResult = { ok: true; columns: RegionColumnMap; warnings: Problem[] } | { ok: false; problems: Problem[] };

export function mapRegionHeader(header: readonly string[], fileName: string, delimiter: ";" | "," = ";"): HeaderResult {
  let width = header.length;
  while (width > 0 && header[width - 1]!.trim() === "") width--;
  const columns: RegionColumnMap = { index: {}, header: {}, width };
  const seen = new Map<RegionColumn, string[]>();
  const ignored: string[] = [];
  const unclearAge: string[] = [];
  header.slice(0, width).forEach((raw, i) => {
    const name = normaliseHeader(raw);
    const column = CANONICAL.get(name);
    if (column) {
      seen.set(column, [...(seen.get(column) ?? []), raw.trim()]);
      columns.index[column] ??= i;
      columns.header[column] ??= raw.trim();
    } else if (UNCLEAR_AGE.test(name)) unclearAge.push(raw.trim());
    else if (name !== "") ignored.push(raw.trim());
  });

  const found = header.slice(0, width).join(delimiter);
  const problems: Problem[] = [];
  const missing = REQUIRED_REGION_COLUMNS.filter((c) => columns.index[c] === undefined);
  if (missing.length > 0) {
    problems.push({ code: "regionCsv.file.missingColumns", params: { file: fileName, columns: missing.join(", "), found, expected: INDICATOR_COLUMNS.join(", ") } });
  } else if (!INDICATOR_COLUMNS.some((c) => columns.index[c] !== undefined)) {
    problems.push({ code: "regionCsv.file.noIndicators", params: { file: fileName, found, expected: INDICATOR_COLUMNS.join(", ") } });
  }
  const duplicate = [...seen.values()].filter((names) => names.length > 1);
  if (duplicate.length > 0) {
    problems.push({ code: "regionCsv.file.duplicateColumns", params: { file: fileName, columns: duplicate.map((names) => names.join(" = ")).join("; ") } });
  }
  // Not read, but said, so a typo in a column name is seen in the preview instead of silently lost.
  const warnings: Problem[] = [];
  if (unclearAge.length > 0) warnings.push({ code: "regionCsv.file.ambiguousAge", params: { columns: unclearAge.join(", ") } });
  if (ignored.length > 0) warnings.push({ code: "regionCsv.file.ignoredColumns", params: { columns: ignored.join(", ") } });
  const count = columns.index.zonder_vaste_huisarts_aantal;
  if (count !== undefined && columns.index.verzekerden === undefined && columns.index.inwoners === undefined) {
    warnings.push({ code: "regionCsv.file.countWithoutPopulation", params: { column: columns.header.zonder_vaste_huisarts_aantal! } });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, columns, warnings };
}

// ---------------------------------------------------------------------------------------------------
// Numbers

export type NumberReading =
  | { ok: true; value: number; /** Decimals as written: the precision a consistency check allows. */ decimals: number }
  | { ok: false; code: RegionMessageCode; params: MessageParams };

interface Candidate {
  value: number;
  decimals: number;
}

/**
 * Unsigned readings of a number as a Dutch (or English) spreadsheet may write it. A comma is always the
 * decimal comma, and then dots can only group thousands ("1.234,5"). Without a comma, several dots group
 * thousands ("1.234.567"), and a single dot before exactly three digits is either ("1.234": 1,234 or
 * 1234): both readings are returned, for the column's range to decide.
 */
function candidates(body: string, integer: boolean): Candidate[] {
  const decimal = /^(\d{1,3}(?:\.\d{3})+|\d+),(\d+)$/.exec(body);
  if (decimal) return [{ value: Number(`${decimal[1]!.replace(/\./g, "")}.${decimal[2]}`), decimals: decimal[2]!.length }];
  if (/^\d+$/.test(body)) return [{ value: Number(body), decimals: 0 }];
  const thousands = { value: Number(body.replace(/\./g, "")), decimals: 0 };
  // A count is whole: there "1.000" is a thousand people, never one.
  if (/^[1-9]\d{0,2}\.\d{3}$/.test(body)) return integer ? [thousands] : [{ value: Number(body), decimals: 3 }, thousands];
  if (/^[1-9]\d{0,2}(\.\d{3}){2,}$/.test(body)) return [thousands];
  const point = /^\d+\.(\d+)$/.exec(body);
  if (point) return [{ value: Number(body), decimals: point[1]!.length }];
  return [];
}

/** What statistics offices write for a figure they do not have (CBS: "." ontbreekt, "x" geheim). */
const NO_DATA = new Set(["", ".", "x", "n.b.", "nb", "onbekend"]);

/** One cell of a number column: null for no data, else its value in the column's unit or a problem. */
export function parseRegionNumber(raw: string, spec: NumberSpec, lng: Lng = "nl"): NumberReading | null {
  const trimmed = raw.trim();
  if (NO_DATA.has(trimmed.toLowerCase())) return null;
  let s = trimmed.replace(/[\s\u00a0\u202f]/g, "").replace(/\u2212/g, "-");
  if (spec.percent) s = s.replace(/%$/, "");
  const [, sign = "", body = ""] = /^([+-]?)(.*)$/.exec(s) ?? [];
  const read = candidates(body, spec.integer).map((c) => ({ ...c, value: sign === "-" ? -c.value : c.value }));
  if (read.length === 0) return { ok: false, code: "regionCsv.number.invalid", params: { found: trimmed } };
  const whole = spec.integer ? read.filter((c) => Number.isInteger(c.value)) : read;
  if (whole.length === 0) return { ok: false, code: "regionCsv.number.notWhole", params: { found: trimmed } };
  const plausible = whole.filter((c) => c.value >= spec.min && c.value <= spec.max);
  const fmt = (n: number) => formatNumber(n, lng, 3);
  if (plausible.length === 1) return { ok: true, ...plausible[0]! };
  if (plausible.length > 1) {
    return { ok: false, code: "regionCsv.number.ambiguous", params: { found: trimmed, first: fmt(plausible[0]!.value), second: fmt(plausible[1]!.value) } };
  }
  return { ok: false, code: spec.rangeCode, params: { found: trimmed, min: formatNumber(spec.min, lng), max: formatNumber(spec.max, lng) } };
}

// ---------------------------------------------------------------------------------------------------
// Row

export interface RegionRow extends RegionYearValues {
  /** The spreadsheet row number, as Excel shows it. */
  line: number;
  counts: RegionCounts;
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export type RowProblem = Problem & { column: RegionColumn | null };
export type RowResult = { ok: true; row: Omit<RegionRow, "line">; warnings: RowProblem[] } | { ok: false; errors: RowProblem[] };

function year(raw: string): { value: number } | { problem: Problem } {
  if (raw === "") return { problem: { code: "regionCsv.year.required" } };
  // Excel shows 2024 as "2.024" in a number column with thousands separators.
  const digits = /^\d\.\d{3}$/.test(raw) ? raw.replace(".", "") : raw;
  if (!/^\d{4}$/.test(digits)) return { problem: { code: "regionCsv.year.invalid", params: { found: raw } } };
  const value = Number(digits);
  if (value < MIN_YEAR || value > MAX_YEAR) return { problem: { code: "regionCsv.year.outOfRange", params: { found: raw, min: MIN_YEAR, max: MAX_YEAR } } };
  return { value };
}

/** Half a unit of the last decimal written: how far a rounded figure may be from the exact one. */
const halfUnit = (decimals: number) => 0.5 * 10 ** -decimals;
const TOLERANCE = 1e-9;

type Reading = Extract<NumberReading, { ok: true }>;
type Readings = Partial<Record<NumberColumn, Reading>>;

interface RowContext {
  read: Readings;
  columns: RegionColumnMap;
  lng: Lng;
  fail: (column: RegionColumn | null, problem: Problem) => void;
  warn: (column: RegionColumn | null, problem: Problem) => void;
}

const NUMBER_COLUMNS = COLUMN_NAMES.filter((c): c is NumberColumn => "spec" in REGION_COLUMNS[c]);

/**
 * One data row. Every problem in the row is reported together; an empty cell is no data. The two
 * ways to give an indicator (per 10,000 or per huisarts; a percentage or a count with its population)
 * are converted to the canonical unit and, when both are given, must agree to the precision written.
 */
export function parseRegionRow(cells: readonly string[], columns: RegionColumnMap, lng: Lng = "nl"): RowResult {
  const errors: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const fail = (column: RegionColumn | null, problem: Problem) => errors.push({ ...problem, column });

  let filled = cells.length;
  while (filled > 0 && cells[filled - 1]!.trim() === "") filled--;
  if (cells.length < columns.width) fail(null, { code: "csv.row.tooFewCells", params: { found: cells.length, expected: columns.width } });
  else if (filled > columns.width) fail(null, { code: "csv.row.tooManyCells", params: { found: filled, expected: columns.width } });

  const cell = (column: RegionColumn) => {
    const at = columns.index[column];
    return at === undefined ? "" : (cells[at] ?? "").trim();
  };
  const code = cell("regio_code");
  if (code === "") fail("regio_code", { code: "regionCsv.code.required" });
  const name = cell("regio_naam").replace(/\s+/g, " ");
  if (name === "") fail("regio_naam", { code: "regionCsv.name.required" });
  const jaar = year(cell("jaar"));
  if ("problem" in jaar) fail("jaar", jaar.problem);

  // Each cell is read once, so a bad cell is reported once however many figures use it.
  const read: Readings = {};
  for (const column of NUMBER_COLUMNS) {
    const reading = parseRegionNumber(cell(column), REGION_COLUMNS[column].spec, lng);
    if (reading?.ok) read[column] = reading;
    else if (reading) fail(column, reading);
  }
  const context: RowContext = { read, columns, lng, fail, warn: (column, problem) => warnings.push({ ...problem, column }) };

  const values = emptyValues();
  values.huisartsendichtheid = density(context);
  values["verwachte-uitstroom"] = read.uitstroom_5jaar_pct?.value ?? null;
  values["zonder-vaste-huisarts"] = uninsured(context);
  values.bevolkingsgroei = read.bevolkingsgroei_2035_pct?.value ?? null;
  values["aandeel-ouderen"] = read.ouderen_75plus_pct?.value ?? null;
  values["aandeel-lage-ses"] = read.lage_ses_pct?.value ?? null;
  const pop = population(read);
  const counts: RegionCounts = { zonderVasteHuisarts: read.zonder_vaste_huisarts_aantal?.value ?? null, population: pop?.value ?? null, populationKind: pop?.column ?? null };

  if (errors.length > 0 || "problem" in jaar) return { ok: false, errors };
  return { ok: true, row: { code, name, year: jaar.value, values, counts }, warnings };
}

const fmt = (n: number, lng: Lng, decimals = 2) => formatNumber(n, lng, decimals);

/** Huisartsen per 10,000 inhabitants (the canonical unit), given or converted from inhabitants per huisarts. */
function density({ read, lng, fail }: RowContext): number | null {
  const perTenThousand = read.huisartsen_per_10000_inwoners;
  const perGp = read.inwoners_per_huisarts;
  if (perTenThousand && perGp) {
    const computed = 10_000 / perGp.value;
    // d(10000/x) = 10000/x² dx: the inverse of a rounded figure is as uncertain as its rounding.
    const allowed = halfUnit(perTenThousand.decimals) + (10_000 * halfUnit(perGp.decimals)) / perGp.value ** 2 + TOLERANCE;
    if (Math.abs(perTenThousand.value - computed) > allowed) {
      fail("inwoners_per_huisarts", {
        code: "regionCsv.density.inconsistent",
        params: { perTenThousand: fmt(perTenThousand.value, lng), perGp: fmt(perGp.value, lng), computed: fmt(computed, lng) },
      });
    }
  }
  return perTenThousand?.value ?? (perGp ? 10_000 / perGp.value : null);
}

/** The population a count of people without a vaste huisarts is a share of: the insured, else inhabitants. */
function population(read: Readings): { value: number; column: "verzekerden" | "inwoners" } | null {
  if (read.verzekerden) return { value: read.verzekerden.value, column: "verzekerden" };
  if (read.inwoners) return { value: read.inwoners.value, column: "inwoners" };
  return null;
}

/**
 * Verzekerden zonder vaste huisarts as a percentage (section 3.2a): given, or computed from a count and
 * its population. A count without a population is kept (in counts) but is no value: regions of different
 * size only compare as shares, so the cell stays "geen gegevens" and the row says why.
 */
function uninsured({ read, columns, lng, fail, warn }: RowContext): number | null {
  const pct = read.zonder_vaste_huisarts_pct;
  const count = read.zonder_vaste_huisarts_aantal;
  const pop = population(read);
  if (!count) return pct?.value ?? null;
  if (!pop) {
    const populationColumns = (["verzekerden", "inwoners"] as const).filter((c) => columns.index[c] !== undefined).map((c) => columns.header[c]!);
    // Without any population column the header already said so, once for the whole file.
    if (!pct && populationColumns.length > 0) {
      warn("zonder_vaste_huisarts_aantal", {
        code: "regionCsv.uninsured.countWithoutPopulation",
        params: { count: fmt(count.value, lng, 0), populationColumns: listInWords(populationColumns, lng) },
      });
    }
    return pct?.value ?? null;
  }
  const populationColumn = columns.header[pop.column]!;
  if (count.value > pop.value) {
    fail("zonder_vaste_huisarts_aantal", {
      code: "regionCsv.uninsured.countAbovePopulation",
      params: { count: fmt(count.value, lng, 0), population: fmt(pop.value, lng, 0), populationColumn },
    });
    return null;
  }
  const computed = (count.value / pop.value) * 100;
  if (pct && Math.abs(pct.value - computed) > halfUnit(pct.decimals) + TOLERANCE) {
    fail("zonder_vaste_huisarts_pct", {
      code: "regionCsv.uninsured.inconsistent",
      params: { pct: fmt(pct.value, lng, pct.decimals), count: fmt(count.value, lng, 0), population: fmt(pop.value, lng, 0), populationColumn, computed: fmt(computed, lng, 3) },
    });
  }
  return pct?.value ?? computed;
}

// ---------------------------------------------------------------------------------------------------
// File

export type RegionCsvResult =
  | {
      ok: true;
      delimiter: ";" | ",";
      /** The recognised columns, in the file's order. */
      columns: RegionColumn[];
      /** The good rows, in the file's order. */
      rows: RegionRow[];
      /** Every problem of every rejected row, by row and then column as the file has them. */
      errors: RegionCsvMessage[];
      /** Things read but worth saying: columns not read, counts that cannot be coloured. */
      warnings: RegionCsvMessage[];
      /** How many data rows were rejected (a row may have several errors). */
      rejectedRows: number;
    }
  | { ok: false; problems: RegionCsvMessage[] };

/**
 * The checks that need earlier rows. Every row with a readable code and year takes part, also a row
 * rejected for another reason: once that row is fixed it would be the duplicate, so say so now.
 */
export function crossRowProblems(
  cells: readonly string[],
  columns: RegionColumnMap,
  line: number,
  byRegionYear: Map<string, number>,
  nameOf: Map<string, { name: string; line: number }>,
): Array<Problem & { column: RegionColumn }> {
  const cell = (column: RegionColumn) => (columns.index[column] === undefined ? "" : (cells[columns.index[column]!] ?? "").trim());
  const code = cell("regio_code");
  if (code === "") return [];
  const problems: Array<Problem & { column: RegionColumn }> = [];
  const key = regionKey(code);
  const jaar = year(cell("jaar"));
  if ("value" in jaar) {
    const earlier = byRegionYear.get(`${key}|${jaar.value}`);
    if (earlier !== undefined) problems.push({ column: "jaar", code: "regionCsv.code.duplicateYear", params: { code, year: jaar.value, line: earlier } });
    else byRegionYear.set(`${key}|${jaar.value}`, line);
  }
  const name = cell("regio_naam").replace(/\s+/g, " ");
  if (name !== "") {
    const known = nameOf.get(key);
    if (known === undefined) nameOf.set(key, { name, line });
    else if (known.name.toLocaleLowerCase("nl") !== name.toLocaleLowerCase("nl")) {
      problems.push({ column: "regio_naam", code: "regionCsv.name.conflict", params: { code, name, earlier: known.name, line: known.line } });
    }
  }
  return problems;
}

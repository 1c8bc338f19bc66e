/**
 * The words of the spreadsheet readers: the domain (app/domain/practice-row.ts, regional/region-row.ts)
 * reports problems as message codes with their values; here they are worded in the reader's language
 * (keys under `csv` and `regionCsv` in the server namespace, app/locales/server.*.ts), and a region file
 * is read as a whole with the shared CSV reader.
 */
import type { Lng } from "~/i18n";
import { readPracticeRow, type ColumnMap, type MessageCode, type MessageParams, type RowError } from "~/domain/practice-row";
import {
  crossRowProblems,
  mapRegionHeader,
  MAX_REGION_ROWS,
  parseRegionRow,
  type Problem,
  type RegionColumn,
  type RegionColumnMap,
  type RegionCsvMessage,
  type RegionCsvResult,
  type RegionMessageCode,
  type RegionRow,
} from "~/domain/regional/region-row";
import { CsvReadError, readDelimited } from "./csv";
import { fixedT } from "./i18n-node";

/** The message for a code in a language, with {{name}} placeholders filled in. */
export function message(code: MessageCode | RegionMessageCode, lng: Lng = "nl", params: MessageParams = {}): string {
  return fixedT(lng, "server")(code, params);
}

export const regionMessage = message;

/** One practice row as the domain reads it, each problem with its words. */
export function parsePracticeRow(cells: readonly string[], columns: ColumnMap, lng: Lng = "nl") {
  const result = readPracticeRow(cells, columns, lng);
  if (result.ok) return result;
  return { ok: false as const, errors: result.errors.map((e): RowError & { message: string } => ({ ...e, message: message(e.code, lng, e.params) })) };
}

export interface ReadRegionCsvOptions {
  /** The file's name as the user knows it, for file-level messages. */
  fileName?: string;
  lng?: Lng;
}

/**
 * A whole spreadsheet of region data: file-level problems (unreadable, no header, missing columns) end
 * the reading; row problems reject that row and keep the others. Across rows: a region appears once per
 * year (a second row for the same region and year is rejected) and a code keeps one name.
 */
export function readRegionCsv(input: string | Buffer, options: ReadRegionCsvOptions = {}): RegionCsvResult {
  const { fileName = "", lng = "nl" } = options;
  const render = (line: number | null, column: RegionColumn | null, columns: RegionColumnMap | null, p: Problem): RegionCsvMessage => ({
    line,
    column,
    header: column === null ? null : (columns?.header[column] ?? column),
    code: p.code,
    params: p.params ?? {},
    message: regionMessage(p.code, lng, p.params),
  });
  const fileFail = (...problems: Problem[]): RegionCsvResult => ({ ok: false, problems: problems.map((p) => render(null, null, null, p)) });

  let table;
  try {
    table = readDelimited(input);
  } catch (error) {
    if (error instanceof CsvReadError) return fileFail({ code: "csv.file.malformed", params: { file: fileName, reason: error.message } });
    throw error;
  }
  if (table.header.length === 0) return fileFail({ code: "csv.file.empty", params: { file: fileName } });
  const header = mapRegionHeader(table.header, fileName, table.delimiter);
  if (!header.ok) return fileFail(...header.problems);
  const { columns } = header;
  if (table.rows.length === 0) return fileFail({ code: "regionCsv.file.noRows", params: { file: fileName } });
  if (table.rows.length > MAX_REGION_ROWS) return fileFail({ code: "regionCsv.file.tooManyRows", params: { file: fileName, max: MAX_REGION_ROWS } });

  const rows: RegionRow[] = [];
  const errors: RegionCsvMessage[] = [];
  const warnings: RegionCsvMessage[] = header.warnings.map((w) => render(null, null, columns, w));
  const byRegionYear = new Map<string, number>();
  const nameOf = new Map<string, { name: string; line: number }>();
  let rejectedRows = 0;

  for (const { line, cells } of table.rows) {
    const parsed = parseRegionRow(cells, columns, lng);
    const rowErrors = parsed.ok ? [] : [...parsed.errors];
    for (const problem of crossRowProblems(cells, columns, line, byRegionYear, nameOf)) rowErrors.push(problem);
    if (!parsed.ok || rowErrors.length > 0) {
      rejectedRows++;
      const position = (column: RegionColumn | null) => (column === null ? -1 : (columns.index[column] ?? Number.MAX_SAFE_INTEGER));
      rowErrors.sort((a, b) => position(a.column) - position(b.column));
      errors.push(...rowErrors.map((e) => render(line, e.column, columns, e)));
      continue;
    }
    warnings.push(...parsed.warnings.map((w) => render(line, w.column, columns, w)));
    rows.push({ line, ...parsed.row });
  }
  const recognised = (Object.keys(columns.index) as RegionColumn[]).sort((a, b) => columns.index[a]! - columns.index[b]!);
  return { ok: true, delimiter: table.delimiter, columns: recognised, rows, errors, warnings, rejectedRows };
}


/**
 * CSV as Dutch spreadsheets write it, and as Dutch Excel opens it. Parsing is csv-parse's; this module
 * only decides what a spreadsheet user means: which delimiter, which encoding, which row number.
 */
import { parse } from "csv-parse/sync";

export interface DelimitedRow {
  /**
   * The spreadsheet row number (the header is row 1), as Excel or LibreOffice shows it when opening the
   * file: a skipped blank line still counts as a row, a quoted cell with line breaks does not add rows.
   */
  line: number;
  cells: string[];
}

export interface Delimited {
  header: string[];
  rows: DelimitedRow[];
  delimiter: ";" | ",";
}

/** The file is not CSV that can be read at all (an unclosed quote, a record too large). */
export class CsvReadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CsvReadError";
  }
}

/**
 * Dutch Excel's plain "CSV (puntkomma-gescheiden)" writes Windows-1252, only "CSV UTF-8" writes UTF-8
 * (with a BOM). Bytes that are not valid UTF-8 are therefore read as Windows-1252, so "Café" survives
 * either way instead of becoming replacement characters.
 */
function decode(input: string | Buffer): string {
  if (typeof input === "string") return input;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input);
  } catch {
    return new TextDecoder("windows-1252").decode(input);
  }
}

/**
 * `;` or `,`: whichever occurs more often outside quotes on the header line. Dutch Excel writes `;`
 * (and then decimal commas appear unquoted in the data, so the data rows cannot decide). A tie,
 * including a header without either, falls back to `;`.
 */
export function detectDelimiter(text: string): ";" | "," {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  let started = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      // Blank lines before the header are skipped by the reader too; the header's end is the end.
      if (started) break;
      continue;
    } else if (!quoted && ch === ";") semicolons++;
    else if (!quoted && ch === ",") commas++;
    if (ch.trim() !== "") started = true;
  }
  return commas > semicolons ? "," : ";";
}

const CR = 0x0d;
const LF = 0x0a;

/** Line breaks in bytes [from, to): CRLF, LF and a lone CR each count once. */
function countBreaksInBytes(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const b = buf[i];
    if (b === LF) n++;
    else if (b === CR && buf[i + 1] !== LF) n++;
  }
  return n;
}

function countBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR && s.charCodeAt(i + 1) !== LF) n++;
  }
  return n;
}

const LEADING_BLANK_LINES = /^(?:[ \t]*(?:\r\n|\n|\r))+/;

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { bytes: number };
}

export function readDelimited(input: string | Buffer): Delimited {
  const text = decode(input).replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(text);
  let records: ParsedRecord[];
  try {
    records = parse(text, {
      delimiter,
      // Mixed line endings happen in files edited by hand; a lone CR is old Mac Excel.
      record_delimiter: ["\r\n", "\n", "\r"],
      trim: true,
      // A bare quote inside an unquoted value (Praktijk "De Linde") is kept as text, not an error.
      relax_quotes: true,
      // Short and long rows are the row parser's to report, with the row number.
      relax_column_count: true,
      skip_empty_lines: true,
      // Excel writes ";;;;;;;;;" for a row that was only formatted, never filled: that row is blank too.
      skip_records_with_empty_values: true,
      info: true,
      raw: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    throw new CsvReadError((error as Error).message, { cause: error });
  }

  // csv-parse's info.lines counts the CR and LF of a CRLF inside a quoted cell as two lines, and then
  // every later row is off by one; so the row number is computed here from info.bytes (the end of
  // the record in the input) and the record's raw text (its line breaks are the quoted ones).
  const bytes = Buffer.from(text, "utf8");
  let cursor = 0;
  let breaksBefore = 0;
  let quotedBreaks = 0;
  const numbered = records.map(({ record, raw, info }) => {
    breaksBefore += countBreaksInBytes(bytes, cursor, info.bytes);
    cursor = info.bytes;
    const last = bytes[info.bytes - 1];
    const endsWithBreak = last === LF || last === CR;
    const lastLine = endsWithBreak ? breaksBefore : breaksBefore + 1;
    // raw may start with the blank lines skipped before the record and ends with (part of) its line
    // break; neither is inside the record. An unquoted line break always ends a record, so what
    // is left can only have line breaks inside quoted cells.
    const inside = countBreaks(raw.replace(LEADING_BLANK_LINES, "").replace(/[\r\n]+$/, ""));
    const row = lastLine - inside - quotedBreaks;
    quotedBreaks += inside;
    return { line: row, cells: record };
  });

  const [header, ...rows] = numbered;
  return { header: header?.cells ?? [], rows, delimiter };
}

function quoteIfNeeded(value: string): string {
  // Both delimiters are quoted whatever the file uses, so delimiter detection on read back is never
  // misled; leading or trailing spaces are quoted because the reader trims unquoted values.
  const needs = /[";,\r\n]/.test(value) || value !== value.trim();
  return needs ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * CSV that Dutch Excel opens right on a double click: `;`, CRLF and a UTF-8 BOM (without the BOM it
 * guesses Windows-1252 and "é" turns into "Ã©"). Every row ends with CRLF, as Excel writes it.
 */
/**
 * Free text (a toelichting) that starts like a formula would run as one when Excel opens the file
 * (CSV injection): such a cell gets a leading apostrophe, which Excel shows as text. Plain numbers
 * such as "-5" or "-3,5" stay numbers.
 */
export function neutraliseFormula(cell: string): string {
  if (!/^[=+\-@\t\r]/.test(cell)) return cell;
  if (/^[+-]?\d+([.,]\d+)?$/.test(cell)) return cell;
  return `'${cell}`;
}

export function toDelimited(rows: string[][], options: { delimiter?: ";" | ","; bom?: boolean } = {}): string {
  const { delimiter = ";", bom = true } = options;
  const body = rows.map((row) => row.map((cell) => quoteIfNeeded(neutraliseFormula(cell))).join(delimiter) + "\r\n").join("");
  return (bom ? "\uFEFF" : "") + body;
}

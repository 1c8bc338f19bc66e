/**
 * CSV as Dutch spreadsheets write it, and as Dutch Excel opens it. Parsing is csv-parse's; this module
 * only decides what a spreadsheet user means: which delimiter, which encoding, which row number.
 */
import { Readable } from "node:stream";
import { parse as parseStream } from "csv-parse";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

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

/** csv-parse's options for a spreadsheet as Dutch users write one. */
function parseOptions(delimiter: ";" | ",") {
  return {
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
  };
}

/**
 * The spreadsheet row number of each record, in order. csv-parse's info.lines counts the CR and LF of
 * a CRLF inside a quoted cell as two lines, and then every later row is off by one; so the row number
 * is computed here from info.bytes (the end of the record in the input) and the record's raw text
 * (its line breaks are the quoted ones).
 */
function rowNumbers(bytes: Buffer) {
  let cursor = 0;
  let breaksBefore = 0;
  let quotedBreaks = 0;
  return ({ raw, info }: ParsedRecord) => {
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
    return row;
  };
}

export function readDelimited(input: string | Buffer): Delimited {
  const text = decode(input).replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(text);
  let records: ParsedRecord[];
  try {
    records = parse(text, parseOptions(delimiter)) as unknown as ParsedRecord[];
  } catch (error) {
    throw new CsvReadError((error as Error).message, { cause: error });
  }
  const lineOf = rowNumbers(Buffer.from(text, "utf8"));
  const [header, ...rows] = records.map((r) => ({ line: lineOf(r), cells: r.record }));
  return { header: header?.cells ?? [], rows, delimiter };
}

export interface StreamedDelimited {
  header: string[];
  delimiter: ";" | ",";
  /** The data rows, parsed as they are read: a few at a time in memory, never the whole file. */
  rows: AsyncIterable<DelimitedRow>;
}

/**
 * The same reading as readDelimited, as a stream: the file (already within its size limit) is fed to
 * csv-parse in pieces, and the rows come out one by one, so a file of 60,000 rows never becomes
 * 60,000 objects at once. A malformed file fails with a CsvReadError where the reading meets it.
 */
export async function streamDelimited(input: string | Buffer): Promise<StreamedDelimited> {
  const text = decode(input).replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(text);
  const lineOf = rowNumbers(Buffer.from(text, "utf8"));
  const pieces = function* () {
    for (let i = 0; i < text.length; i += 64 * 1024) yield text.slice(i, i + 64 * 1024);
  };
  const parser = Readable.from(pieces()).pipe(parseStream(parseOptions(delimiter)));
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<ParsedRecord>;
  const read = async () => {
    try {
      return await records.next();
    } catch (error) {
      throw new CsvReadError((error as Error).message, { cause: error });
    }
  };
  const first = await read();
  const header = first.done ? [] : first.value.record;
  if (!first.done) lineOf(first.value);
  return {
    header,
    delimiter,
    rows: {
      async *[Symbol.asyncIterator]() {
        try {
          for (let next = await read(); !next.done; next = await read()) yield { line: lineOf(next.value), cells: next.value.record };
        } finally {
          parser.destroy();
        }
      },
    },
  };
}

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

/**
 * CSV that Dutch Excel opens right on a double click: `;`, CRLF after every row (as Excel writes it)
 * and a UTF-8 BOM (without it Excel guesses Windows-1252 and "é" turns into "Ã©"). Written by
 * csv-stringify. Both delimiters are quoted whatever the file uses, so delimiter detection on read
 * back is never misled; leading or trailing spaces are quoted because the reader trims unquoted values.
 */
export function toDelimited(rows: string[][], options: { delimiter?: ";" | ","; bom?: boolean } = {}): string {
  const { delimiter = ";", bom = true } = options;
  return (bom ? "\uFEFF" : "") + stringify(rows, { delimiter, record_delimiter: "windows", quoted_match: [/[";,\r\n]/, /^\s|\s$/], cast: { string: neutraliseFormula } });
}

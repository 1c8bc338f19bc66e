/**
 * `npm run --silent signals -- FILE.csv [--lang en]`: the five signals for a spreadsheet of practices
 * (issue 3, "Bulk evaluation"; also the format insurers will upload).
 *
 * stdout: one JSON object per data row, in file order (JSON Lines), `row` being the spreadsheet row
 * number (header = row 1): the engine's result per signal with the rules version that computed it, or
 * the row's errors. A bad row never stops the others. stderr: a short summary for the person running
 * it, or why nothing was evaluated.
 *
 * Exit code: 0 every row evaluated · 1 some rows had errors · 2 nothing evaluated (the file cannot be
 * read, lacks a required column, or the content cannot be loaded).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getCurrentQuestionnaire } from "../app/models/content.server";
import { SIGNAL_IDS, type SignalId } from "../app/domain/content/schema";
import { REQUIRED_COLUMNS, listInWords, mapHeader, type Lng } from "../app/domain/practice-row";
import { message, parsePracticeRow } from "../app/utils/spreadsheet-messages";
import { evaluateSignals, type SignalStatus } from "../app/domain/signals";
import { CsvReadError, readDelimited, type Delimited } from "../app/utils/csv";

export interface Output {
  write(chunk: string): unknown;
}

const STATUSES = ["signal", "no-signal", "unknown"] as const satisfies readonly SignalStatus[];

export function runSignals(file: string, io: { stdout: Output; stderr: Output }, options: { lng?: Lng } = {}): number {
  const lng = options.lng ?? "nl";
  const started = performance.now();
  const fail = (text: string) => {
    io.stderr.write(`${text}\n`);
    return 2;
  };

  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? (lng === "nl" ? "het bestaat niet." : "it does not exist.") : (error as Error).message;
    return fail(message("csv.file.unreadable", lng, { file, reason }));
  }
  let table: Delimited;
  try {
    table = readDelimited(bytes);
  } catch (error) {
    if (error instanceof CsvReadError) return fail(message("csv.file.malformed", lng, { file, reason: error.message }));
    throw error;
  }
  if (table.header.length === 0) return fail(message("csv.file.empty", lng, { file }));
  const header = mapHeader(table.header);
  if (!header.ok) {
    const lines: string[] = [];
    if (header.missing.length > 0) {
      lines.push(
        message("csv.file.missingColumns", lng, {
          file,
          columns: listInWords(header.missing, lng),
          found: table.header.join(table.delimiter),
          expected: REQUIRED_COLUMNS.join(";"),
        }),
      );
    }
    if (header.duplicate.length > 0) {
      lines.push(message("csv.file.duplicateColumns", lng, { file, columns: listInWords(header.duplicate, lng) }));
    }
    return fail(lines.join("\n"));
  }

  let questionnaire;
  try {
    questionnaire = getCurrentQuestionnaire();
  } catch (error) {
    return fail(`The content cannot be loaded: ${(error as Error).message}`);
  }
  const { parameters } = questionnaire;

  const counts = Object.fromEntries(
    SIGNAL_IDS.map((id) => [id, { signal: 0, "no-signal": 0, unknown: 0 }]),
  ) as Record<SignalId, Record<SignalStatus, number>>;
  let evaluated = 0;
  let failed = 0;
  const out: string[] = new Array(table.rows.length);
  table.rows.forEach(({ line, cells }, i) => {
    const parsed = parsePracticeRow(cells, header.columns, lng);
    if (!parsed.ok) {
      failed++;
      const errors = parsed.errors.map((e) => ({ column: e.column, code: e.code, message: e.message }));
      out[i] = JSON.stringify({ row: line, errors });
      return;
    }
    evaluated++;
    const results = evaluateSignals(parsed.facts, parameters);
    const signals: Record<string, unknown> = {};
    for (const id of SIGNAL_IDS) {
      const r = results[id];
      counts[id][r.status]++;
      // The id is the key already.
      signals[id] = { status: r.status, reason: r.reason, params: r.params, evidence: r.evidence, figure: r.figure };
    }
    out[i] = JSON.stringify({ row: line, agb: parsed.agb, name: parsed.name, rulesVersion: parameters.rulesVersion, signals });
  });
  // One write: thousands of small writes to a pipe cost more than the evaluation itself.
  if (out.length > 0) io.stdout.write(`${out.join("\n")}\n`);

  const ms = Math.round(performance.now() - started);
  const width = Math.max(...SIGNAL_IDS.map((id) => id.length));
  const summary = [
    `signals: ${table.rows.length} rows, ${evaluated} evaluated, ${failed} with errors · content v${questionnaire.version} · rules v${parameters.rulesVersion} · ${ms} ms`,
    ...SIGNAL_IDS.map((id) => `  ${id.padEnd(width)}  ${STATUSES.map((s) => `${s} ${counts[id][s]}`).join("  ")}`),
  ];
  io.stderr.write(`${summary.join("\n")}\n`);
  return failed > 0 ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------
// Run directly (tsx scripts/signals.ts …), not when a test imports runSignals.

const USAGE = "usage: npm run --silent signals -- FILE.csv [--lang nl|en]";

function main(argv: string[]): number {
  let lng = "nl";
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--lang") lng = argv[++i] ?? "";
    else if (arg.startsWith("--lang=")) lng = arg.slice("--lang=".length);
    else files.push(arg);
  }
  if (files.length !== 1 || (lng !== "nl" && lng !== "en")) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  // npm runs scripts from the package root; a relative FILE means relative to where npm was started.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), files[0]!);
  // The content folder belongs to this package, wherever the command was started.
  process.env.CONTENT_DIR ??= path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../content");
  return runSignals(file, { stdout: process.stdout, stderr: process.stderr }, { lng });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // exitCode, not exit(): the process ends once stdout is flushed, so a piped consumer gets every line.
  process.exitCode = main(process.argv.slice(2));
}

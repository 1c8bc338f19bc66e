/**
 * Bulk import of practice facts by an insurer or toezichthouder (issue 5): the same spreadsheet and
 * reader as `npm run signals`, read into a preview with an error per bad row, then confirmed. The
 * facts keep their source and date and belong to the importing organisation; they never touch what a
 * practice answered itself (they live in imported_facts, not in answers).
 */
import { randomUUID } from "node:crypto";
import { checkpoint, getDb } from "../../db/index.server";
import type { SignalColumns } from "../../db/schema";
import { getCurrentQuestionnaire } from "~/models/content.server";
import { mapHeader, readPracticeRow, REQUIRED_COLUMNS, OPTIONAL_COLUMNS, type MessageParams, type PracticeColumn, type OptionalColumn } from "../domain/practice-row";
import type { SignalFacts } from "../domain/signals";
import { evaluateSignals, normaliseFacts } from "../domain/signals";
import { CsvReadError, streamDelimited, type StreamedDelimited } from "../utils/csv";
import { UPLOAD_LIMIT_BYTES } from "../utils/request-body.server";
import { recordEvent } from "./audit.server";
import { refreshPortfolio } from "./portfolio.server";
import { importedSignalFacts, signalColumns, storedSignalColumns } from "./signal-store.server";
import type { Viewer } from "./viewer.server";
import { SIGNAL_COLUMNS } from "../domain/portfolio";

/** A spreadsheet of every practice in the country is about 1 MB; ten times that is not a practice list. */
export const MAX_IMPORT_BYTES = UPLOAD_LIMIT_BYTES;
/** Rows per file: ten times the country's 5,700 practices, so a mistake cannot stall the portfolio. */
export const MAX_IMPORT_ROWS = 60_000;
/** Rows shown in the preview; the rest are counted. */
export const PREVIEW_ROWS = 200;
/** Rows with problems listed in the preview; the rest are counted. */
export const PREVIEW_ERRORS = 500;
/**
 * Rows read, checked and staged (or applied) before other requests get their turn: small enough that
 * a page asked for meanwhile waits a few milliseconds, not the whole import.
 */
const BATCH_ROWS = 100;

/** Uploading adds practices to the shared register: verified insurers and toezichthouders only. */
export const canImport = (viewer: Viewer) =>
  (viewer.organisationKind === "zorgverzekeraar" || viewer.organisationKind === "toezichthouder") && viewer.role !== "lezer" && viewer.verification === "verified";
/** Imports carry what the register knows of other practices: verified insurers and toezichthouders only. */
export const mayReadImports = (viewer: Viewer) => (viewer.organisationKind === "zorgverzekeraar" || viewer.organisationKind === "toezichthouder") && viewer.verification === "verified";

/** A message as a code (in the server namespace, or `common:` for the import's own) with its values. */
export interface ImportMessage {
  column: PracticeColumn | OptionalColumn | null;
  code: string;
  params: MessageParams;
}

export interface PreviewRow {
  line: number;
  agb: string;
  name: string;
  facts: SignalFacts;
  signals: SignalColumns;
  ketenName: string | null;
  ketenId: string | null;
  regionId: string | null;
  regionName: string | null;
  /** The practice as the register knows it: null for a practice new to Kernwaardenscan. */
  practiceId: string | null;
  /** The practice has a self-assessment of its own: the import stands beside it, never over it. */
  practiceAnswers: boolean;
  replaces: boolean;
}

export interface PreviewError {
  line: number;
  agb: string | null;
  name: string | null;
  errors: ImportMessage[];
}

export type FileProblem = { code: string; params: MessageParams };

export type PreviewResult = { ok: true; id: string } | { ok: false; problems: FileProblem[] };

/** Lets the server answer other requests between batches of a long piece of work. */
const otherRequestsFirst = () => new Promise<void>((resolve) => setImmediate(resolve));

class TooManyRows extends Error {}

/** The file's header, checked; or what is wrong with the file as a whole. */
async function openFile(bytes: Buffer, fileName: string): Promise<{ problems: FileProblem[] } | { table: StreamedDelimited; columns: Extract<ReturnType<typeof mapHeader>, { ok: true }>["columns"] }> {
  if (bytes.byteLength === 0) return { problems: [{ code: "csv.file.empty", params: { file: fileName } }] };
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { problems: [{ code: "common:workspaces.import.errors.tooLarge", params: { max: MAX_IMPORT_BYTES / 1024 / 1024 } }] };
  let table: StreamedDelimited;
  try {
    table = await streamDelimited(bytes);
  } catch (error) {
    if (error instanceof CsvReadError) return { problems: [{ code: "csv.file.malformed", params: { file: fileName, reason: error.message } }] };
    throw error;
  }
  if (table.header.length === 0) return { problems: [{ code: "csv.file.empty", params: { file: fileName } }] };
  const header = mapHeader(table.header);
  if (!header.ok) {
    const problems: FileProblem[] = [];
    if (header.missing.length > 0) {
      problems.push({
        code: "csv.file.missingColumns",
        params: { file: fileName, columns: header.missing.join(", "), found: table.header.join(table.delimiter), expected: [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].join(";") },
      });
    }
    if (header.duplicate.length > 0) problems.push({ code: "csv.file.duplicateColumns", params: { file: fileName, columns: header.duplicate.join(", ") } });
    return { problems };
  }
  return { table, columns: header.columns };
}

type Staged = { line: number; ok: true; row: PreviewRow } | { line: number; ok: false; error: PreviewError };

/**
 * Reads the file into a preview (status preview): nothing reaches the portfolio until it is confirmed.
 * The file is read as a stream and its rows are checked and staged in batches, with other requests
 * served in between; every bad row keeps its problems, the good rows are kept. A file with more than
 * MAX_IMPORT_ROWS rows is refused whole, with that limit in the message.
 */
export async function previewImport(input: { viewer: Viewer; fileName: string; bytes: Buffer; source: string; sourceDate: string }): Promise<PreviewResult> {
  const { viewer } = input;
  if (!canImport(viewer)) throw new Response("Forbidden", { status: 403 });
  const opened = await openFile(input.bytes, input.fileName);
  if ("problems" in opened) return { ok: false, problems: opened.problems };
  const { table, columns } = opened;
  const db = await getDb();
  const { parameters } = getCurrentQuestionnaire();

  const [regions, ketens] = await Promise.all([
    db.selectFrom("region").select(["id", "code", "name"]).execute(),
    // Only a verified keten is matched by name: a stranger signing up under a keten's name gets no members.
    db.selectFrom("organisation").select(["id", "name"]).where("kind", "=", "keten").where("verification", "=", "verified").execute(),
  ]);
  const regionBy = new Map<string, { id: string; name: string }>();
  for (const r of regions) {
    regionBy.set(r.code.toLowerCase(), r);
    regionBy.set(r.name.toLowerCase(), r);
  }
  const ketenBy = new Map(ketens.map((k) => [k.name.trim().toLowerCase(), k.id]));

  const id = randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto("facts_import")
    .values({
      id,
      kind: "practices",
      organisation_id: viewer.organisationId,
      status: "preview",
      stage: "reading",
      confirmed_through: null,
      file_name: input.fileName,
      source: input.source,
      source_date: input.sourceDate,
      row_count: 0,
      error_count: 0,
      preview: null,
      created_by: viewer.personId,
      created_at: now,
      decided_at: null,
    })
    .execute();

  /** What the register already knows of a batch's practices, then the batch staged in one transaction. */
  const stage = async (batch: Staged[]) => {
    const agbs = batch.flatMap((b) => (b.ok ? [b.row.agb] : []));
    if (agbs.length > 0) {
      const found = await db
        .selectFrom("practice as p")
        .select(["p.id", "p.agb", "p.keten_id"])
        .select((eb) => [
          eb.exists(eb.selectFrom("assessment as a").select("a.id").whereRef("a.practice_id", "=", "p.id").where("a.perspective", "=", "zelfevaluatie")).as("self"),
          eb
            .exists(eb.selectFrom("imported_facts as i").select("i.id").whereRef("i.practice_id", "=", "p.id").where("i.organisation_id", "=", viewer.organisationId))
            .as("imported"),
        ])
        .where("p.agb", "in", agbs)
        .execute();
      const known = new Map(found.map((f) => [f.agb!, f]));
      for (const b of batch) {
        if (!b.ok) continue;
        const k = known.get(b.row.agb);
        if (k) {
          b.row.practiceId = k.id;
          b.row.practiceAnswers = Boolean(k.self);
          b.row.replaces = Boolean(k.imported);
        }
        // Part of a keten: the row names one, or the register has the practice in one.
        if (b.row.ketenName || b.row.ketenId || k?.keten_id) b.row.facts.ketenOrHolding = "ja";
        b.row.signals = signalColumns(evaluateSignals(b.row.facts, parameters));
      }
    }
    await db
      .insertInto("import_row")
      .values(batch.map((b) => ({ import_id: id, line: b.line, ok: b.ok ? 1 : 0, agb: b.ok ? b.row.agb : b.error.agb, data: JSON.stringify(b.ok ? b.row : b.error) })))
      .execute();
  };

  const seen = new Map<string, number>();
  let rowCount = 0;
  let errorCount = 0;
  let batch: Staged[] = [];
  try {
    for await (const { line, cells } of table.rows) {
      if (++rowCount > MAX_IMPORT_ROWS) throw new TooManyRows();
      const parsed = readPracticeRow(cells, columns, "nl");
      const agbCell = (cells[columns.index.agb] ?? "").trim() || null;
      const nameCell = (cells[columns.index.naam] ?? "").trim() || null;
      const errors: ImportMessage[] = parsed.ok ? [] : parsed.errors.map((e) => ({ column: e.column, code: e.code, params: e.params }));
      let region: { id: string; name: string } | undefined;
      if (parsed.ok) {
        const earlier = seen.get(parsed.agb);
        if (earlier !== undefined) errors.push({ column: "agb", code: "common:workspaces.import.errors.duplicateAgb", params: { agb: parsed.agb, line: earlier } });
        const regio = parsed.extra.regio;
        region = regio ? regionBy.get(regio.toLowerCase()) : undefined;
        if (regio && !region) errors.push({ column: "regio", code: "common:workspaces.import.errors.unknownRegion", params: { found: regio } });
      }
      if (!parsed.ok || errors.length > 0) {
        errorCount++;
        batch.push({ line, ok: false, error: { line, agb: agbCell, name: nameCell, errors } });
      } else {
        seen.set(parsed.agb, line);
        const ketenName = parsed.extra.keten;
        batch.push({
          line,
          ok: true,
          row: {
            line,
            agb: parsed.agb,
            name: parsed.name,
            facts: parsed.facts,
            // Evaluated once the register has been read (in stage): a practice in a keten there is in one.
            signals: {} as SignalColumns,
            ketenName,
            ketenId: ketenName ? (ketenBy.get(ketenName.toLowerCase()) ?? null) : null,
            regionId: region?.id ?? null,
            regionName: region?.name ?? null,
            practiceId: null,
            practiceAnswers: false,
            replaces: false,
          },
        });
      }
      if (batch.length >= BATCH_ROWS) {
        await stage(batch);
        batch = [];
        await otherRequestsFirst();
      }
    }
    if (batch.length > 0) await stage(batch);
  } catch (error) {
    await db.deleteFrom("facts_import").where("id", "=", id).execute();
    if (error instanceof TooManyRows) return { ok: false, problems: [{ code: "common:workspaces.import.errors.tooManyRows", params: { max: MAX_IMPORT_ROWS } }] };
    if (error instanceof CsvReadError) return { ok: false, problems: [{ code: "csv.file.malformed", params: { file: input.fileName, reason: error.message } }] };
    throw error;
  }
  if (rowCount === 0) {
    await db.deleteFrom("facts_import").where("id", "=", id).execute();
    return { ok: false, problems: [{ code: "common:workspaces.import.errors.noRows", params: { file: input.fileName } }] };
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("facts_import").set({ stage: null, row_count: rowCount, error_count: errorCount }).where("id", "=", id).execute();
    await recordEvent(trx, { viewer, at: now, action: "facts.previewed", subjectType: "facts_import", subjectId: id, detail: { rows: rowCount, errors: errorCount } });
  });
  return { ok: true, id };
}

type ImportKind = "practices" | "regions";

/**
 * An import of the viewer's own organisation, of one kind, with its preview parsed; or undefined (a
 * 404 for anyone else). Shared by the practice-facts and the region imports (regions.server.ts).
 */
export async function findImport<P>(viewer: Viewer, id: string, kind: ImportKind) {
  const db = await getDb();
  const row = await db
    .selectFrom("facts_import as f")
    .leftJoin("person", "person.id", "f.created_by")
    .selectAll("f")
    .select("person.name as created_by_name")
    .where("f.id", "=", id)
    .where("f.organisation_id", "=", viewer.organisationId)
    .where("f.kind", "=", kind)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, preview: row.preview ? (JSON.parse(row.preview) as P) : null };
}

/** The organisation's latest imports of one kind, newest first. */
export async function listImportsOf(viewer: Viewer, kind: ImportKind) {
  const db = await getDb();
  return db
    .selectFrom("facts_import as f")
    .leftJoin("person", "person.id", "f.created_by")
    .select(["f.id", "f.status", "f.file_name", "f.source", "f.source_date", "f.row_count", "f.error_count", "f.created_at", "f.decided_at", "person.name as created_by_name"])
    .where("f.organisation_id", "=", viewer.organisationId)
    .where("f.kind", "=", kind)
    .orderBy("f.created_at", "desc")
    .limit(50)
    .execute();
}

/**
 * A practice-facts import of the viewer's own organisation with the first rows of its preview (good
 * rows and rows with problems), or undefined: a 404 for anyone else.
 */
export async function getImport(viewer: Viewer, id: string) {
  const imp = await findImport<never>(viewer, id, "practices");
  if (!imp || imp.stage === "reading") return undefined;
  const db = await getDb();
  const staged = (ok: boolean, limit: number) =>
    db.selectFrom("import_row").select("data").where("import_id", "=", id).where("ok", "=", ok ? 1 : 0).orderBy("line").limit(limit).execute();
  const [rows, errors] = imp.status === "preview" ? await Promise.all([staged(true, PREVIEW_ROWS), staged(false, PREVIEW_ERRORS)]) : [[], []];
  return {
    ...imp,
    rows: rows.map((r) => JSON.parse(r.data) as PreviewRow),
    errors: errors.map((r) => JSON.parse(r.data) as PreviewError),
  };
}

export const listImports = (viewer: Viewer) => listImportsOf(viewer, "practices");

export class ImportStateError extends Error {}

/**
 * Confirms a preview: every good row becomes the organisation's current imported facts for its
 * practice (a practice new to the register is added, without an account). The rows are applied in
 * batches, each in its own transaction with the portfolio rows it changes, with other requests served
 * in between; the import says how far it got, so a restart picks it up where it stopped (see
 * resumeImports). Null when the import is not the viewer's.
 */
export async function confirmImport(viewer: Viewer, id: string) {
  if (!canImport(viewer)) throw new Response("Forbidden", { status: 403 });
  const db = await getDb();
  const claimed = await db
    .updateTable("facts_import")
    .set({ stage: "confirming", confirmed_through: 0 })
    .where("id", "=", id)
    .where("organisation_id", "=", viewer.organisationId)
    .where("kind", "=", "practices")
    .where("status", "=", "preview")
    .where("stage", "is", null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) {
    const exists = await db.selectFrom("facts_import").select(["status", "stage"]).where("id", "=", id).where("organisation_id", "=", viewer.organisationId).where("kind", "=", "practices").executeTakeFirst();
    if (!exists) return null;
    throw new ImportStateError(exists.stage ?? exists.status);
  }
  return applyImport(id, { id: viewer.organisationId, kind: viewer.organisationKind }, viewer);
}

async function applyImport(id: string, owner: { id: string; kind: Viewer["organisationKind"] }, viewer: Viewer | null) {
  const db = await getDb();
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const imp = await trx.selectFrom("facts_import").select(["confirmed_through"]).where("id", "=", id).executeTakeFirstOrThrow();
      const staged = await trx
        .selectFrom("import_row")
        .select(["line", "data"])
        .where("import_id", "=", id)
        .where("ok", "=", 1)
        .where("line", ">", imp.confirmed_through ?? 0)
        .orderBy("line")
        .limit(BATCH_ROWS)
        .execute();
      if (staged.length === 0) return true;
      const rows = staged.map((r) => JSON.parse(r.data) as PreviewRow);
      const now = new Date().toISOString();
      // The rules in force when the import is confirmed compute what is stored, with their version.
      const { parameters } = getCurrentQuestionnaire();
      // Look the practices up again: another import may have added some since the preview.
      const practiceIds = new Map((await trx.selectFrom("practice").select(["id", "agb"]).where("agb", "in", rows.map((r) => r.agb)).execute()).map((f) => [f.agb!, f.id]));
      const newPractices = rows
        .filter((r) => !practiceIds.has(r.agb))
        .map((r) => {
          const practiceId = randomUUID();
          practiceIds.set(r.agb, practiceId);
          return { id: practiceId, organisation_id: null, keten_id: r.ketenId, region_id: r.regionId, agb: r.agb, name: r.name, postcode: null, created_at: now, updated_at: now };
        });
      if (newPractices.length > 0) await trx.insertInto("practice").values(newPractices).execute();
      const facts = rows.map((r) => {
        // A preview read before an upgrade of the rules lacks the later facts: unknown, never undefined.
        const rowFacts = normaliseFacts(r.facts, { ketenOrHolding: r.ketenName || r.ketenId ? "ja" : undefined });
        return {
          id: randomUUID(),
          organisation_id: owner.id,
          practice_id: practiceIds.get(r.agb)!,
          import_id: id,
          row_number: r.line,
          name: r.name,
          keten_id: r.ketenId,
          keten_name: r.ketenName,
          region_id: r.regionId,
          facts: JSON.stringify(rowFacts),
          imported_at: now,
          ...storedSignalColumns(evaluateSignals(rowFacts, parameters), parameters.rulesVersion),
        };
      });
      for (let i = 0; i < facts.length; i += 100) {
        await trx
          .insertInto("imported_facts")
          .values(facts.slice(i, i + 100))
          .onConflict((oc) =>
            oc.columns(["organisation_id", "practice_id"]).doUpdateSet((eb) => ({
              import_id: eb.ref("excluded.import_id"),
              row_number: eb.ref("excluded.row_number"),
              name: eb.ref("excluded.name"),
              keten_id: eb.ref("excluded.keten_id"),
              keten_name: eb.ref("excluded.keten_name"),
              region_id: eb.ref("excluded.region_id"),
              facts: eb.ref("excluded.facts"),
              imported_at: eb.ref("excluded.imported_at"),
              ...Object.fromEntries(SIGNAL_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])),
              patients_per_fte: eb.ref("excluded.patients_per_fte"),
              signal_count: eb.ref("excluded.signal_count"),
              signals_rules_version: eb.ref("excluded.signals_rules_version"),
              signal_results: eb.ref("excluded.signal_results"),
            })),
          )
          .execute();
      }
      await refreshPortfolio(trx, owner, facts.map((f) => f.practice_id));
      await trx
        .updateTable("facts_import")
        .set((eb) => ({ confirmed_through: staged.at(-1)!.line, new_practices: eb("new_practices", "+", newPractices.length) }))
        .where("id", "=", id)
        .execute();
      return false;
    });
    if (done) break;
    await otherRequestsFirst();
  }
  const result = await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const imp = await trx.selectFrom("facts_import").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    const rows = imp.row_count - imp.error_count;
    await trx.updateTable("facts_import").set({ status: "confirmed", stage: null, decided_at: now, preview: null }).where("id", "=", id).execute();
    await trx.deleteFrom("import_row").where("import_id", "=", id).execute();
    await recordEvent(trx, {
      viewer,
      at: now,
      action: "facts.imported",
      subjectType: "facts_import",
      subjectId: id,
      detail: { rows, newPractices: imp.new_practices, errors: imp.error_count, source: imp.source, sourceDate: imp.source_date, ...(viewer ? {} : { resumedBy: "start-up", by: imp.created_by }) },
    });
    return { rows, newPractices: imp.new_practices };
  });
  checkpoint();
  return result;
}

/** At start-up: an import whose confirmation a stop interrupted is finished; one half read is removed. */
export async function resumeImports() {
  const db = await getDb();
  await db.deleteFrom("facts_import").where("stage", "=", "reading").execute();
  const pending = await db
    .selectFrom("facts_import as f")
    .innerJoin("organisation as o", "o.id", "f.organisation_id")
    .select(["f.id", "o.id as org_id", "o.kind"])
    .where("f.stage", "=", "confirming")
    .execute();
  for (const p of pending) await applyImport(p.id, { id: p.org_id, kind: p.kind }, null);
  return pending.length;
}

export async function discardImport(viewer: Viewer, id: string) {
  if (!canImport(viewer)) throw new Response("Forbidden", { status: 403 });
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const result = await trx
      .updateTable("facts_import")
      .set({ status: "discarded", decided_at: now, preview: null })
      .where("id", "=", id)
      .where("organisation_id", "=", viewer.organisationId)
      .where("kind", "=", "practices")
      .where("status", "=", "preview")
      .where("stage", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      const exists = await trx.selectFrom("facts_import").select(["status", "stage"]).where("id", "=", id).where("organisation_id", "=", viewer.organisationId).where("kind", "=", "practices").executeTakeFirst();
      if (!exists) return false;
      throw new ImportStateError(exists.stage ?? exists.status);
    }
    await trx.deleteFrom("import_row").where("import_id", "=", id).execute();
    await recordEvent(trx, { viewer, at: now, action: "facts.discarded", subjectType: "facts_import", subjectId: id });
    return true;
  });
}

/** The organisation's imported facts of one practice, with where and when they came from. */
export async function getImportedFacts(viewer: Viewer, practiceId: string) {
  const db = await getDb();
  const row = await db
    .selectFrom("imported_facts as i")
    .innerJoin("facts_import as f", "f.id", "i.import_id")
    .selectAll("i")
    .select(["f.source", "f.source_date", "f.file_name"])
    .where("i.practice_id", "=", practiceId)
    .where("i.organisation_id", "=", viewer.organisationId)
    .executeTakeFirst();
  return row ? { ...row, facts: importedSignalFacts(row) } : undefined;
}


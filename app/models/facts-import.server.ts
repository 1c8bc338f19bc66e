/**
 * Bulk import of practice facts by an insurer or toezichthouder (issue 5): the same spreadsheet and
 * reader as `npm run signals`, read into a preview with an error per bad row, then confirmed. The
 * facts keep their source and date and belong to the importing organisation; they never touch what a
 * practice answered itself (they live in imported_facts, not in answers).
 */
import { randomUUID } from "node:crypto";
import { getDb } from "../../db/index.server";
import type { SignalColumns } from "../../db/schema";
import { getCurrentQuestionnaire } from "../domain/content/load.server";
import { mapHeader, parsePracticeRow, REQUIRED_COLUMNS, OPTIONAL_COLUMNS, type MessageParams, type PracticeColumn, type OptionalColumn } from "../domain/practice-row";
import type { SignalFacts } from "../domain/signals";
import { evaluateSignals } from "../domain/signals";
import { CsvReadError, readDelimited } from "../utils/csv";
import { recordEvent } from "./audit.server";
import { refreshPortfolio } from "./portfolio.server";
import { signalColumns } from "./signal-store.server";
import type { Viewer } from "./viewer.server";

/** A spreadsheet of every practice in the country is about 1 MB; ten times that is not a practice list. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Rows shown in the preview; the rest are counted. */
export const PREVIEW_ROWS = 200;

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

export interface ImportPreview {
  rows: PreviewRow[];
  errors: PreviewError[];
}

export type FileProblem = { code: string; params: MessageParams };

export type PreviewResult = { ok: true; id: string } | { ok: false; problems: FileProblem[] };

function fileProblems(bytes: Buffer, fileName: string): { problems: FileProblem[] } | { table: ReturnType<typeof readDelimited>; columns: Extract<ReturnType<typeof mapHeader>, { ok: true }>["columns"] } {
  if (bytes.byteLength === 0) return { problems: [{ code: "csv.file.empty", params: { file: fileName } }] };
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { problems: [{ code: "common:workspaces.import.errors.tooLarge", params: { max: MAX_IMPORT_BYTES / 1024 / 1024 } }] };
  let table;
  try {
    table = readDelimited(bytes);
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
  if (table.rows.length === 0) return { problems: [{ code: "common:workspaces.import.errors.noRows", params: { file: fileName } }] };
  return { table, columns: header.columns };
}

/**
 * Reads the file into a preview stored with the import (status preview): nothing reaches the
 * portfolio until it is confirmed. Every bad row keeps its problems; the good rows are kept.
 */
export async function previewImport(input: { viewer: Viewer; fileName: string; bytes: Buffer; source: string; sourceDate: string }): Promise<PreviewResult> {
  const { viewer } = input;
  if (!canImport(viewer)) throw new Response("Forbidden", { status: 403 });
  const read = fileProblems(input.bytes, input.fileName);
  if ("problems" in read) return { ok: false, problems: read.problems };
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

  const preview: ImportPreview = { rows: [], errors: [] };
  const seen = new Map<string, number>();
  for (const { line, cells } of read.table.rows) {
    const parsed = parsePracticeRow(cells, read.columns, "nl");
    const agbCell = (cells[read.columns.index.agb] ?? "").trim() || null;
    const nameCell = (cells[read.columns.index.naam] ?? "").trim() || null;
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
      preview.errors.push({ line, agb: agbCell, name: nameCell, errors });
      continue;
    }
    seen.set(parsed.agb, line);
    const ketenName = parsed.extra.keten;
    preview.rows.push({
      line,
      agb: parsed.agb,
      name: parsed.name,
      facts: parsed.facts,
      signals: signalColumns(evaluateSignals(parsed.facts, parameters)),
      ketenName,
      ketenId: ketenName ? (ketenBy.get(ketenName.toLowerCase()) ?? null) : null,
      regionId: region?.id ?? null,
      regionName: region?.name ?? null,
      practiceId: null,
      practiceAnswers: false,
      replaces: false,
    });
  }

  // What the register already knows of these practices: in chunks, as the country has 5,700 of them.
  const agbs = preview.rows.map((r) => r.agb);
  const known = new Map<string, { id: string; self: boolean; imported: boolean }>();
  for (let i = 0; i < agbs.length; i += 500) {
    const found = await db
      .selectFrom("practice as p")
      .select(["p.id", "p.agb"])
      .select((eb) => [
        eb.exists(eb.selectFrom("assessment as a").select("a.id").whereRef("a.practice_id", "=", "p.id").where("a.perspective", "=", "zelfevaluatie")).as("self"),
        eb
          .exists(eb.selectFrom("imported_facts as i").select("i.id").whereRef("i.practice_id", "=", "p.id").where("i.organisation_id", "=", viewer.organisationId))
          .as("imported"),
      ])
      .where("p.agb", "in", agbs.slice(i, i + 500))
      .execute();
    for (const f of found) known.set(f.agb!, { id: f.id, self: Boolean(f.self), imported: Boolean(f.imported) });
  }
  for (const row of preview.rows) {
    const k = known.get(row.agb);
    if (!k) continue;
    row.practiceId = k.id;
    row.practiceAnswers = k.self;
    row.replaces = k.imported;
  }

  const id = await storePreview({
    viewer,
    kind: "practices",
    fileName: input.fileName,
    source: input.source,
    sourceDate: input.sourceDate,
    rows: read.table.rows.length,
    errors: preview.errors.length,
    preview,
  });
  return { ok: true, id };
}

/** An upload in preview, with the parsed rows and errors, audited; nothing else changes until it is decided. */
export async function storePreview(input: { viewer: Viewer; kind: ImportKind; fileName: string; source: string; sourceDate: string; rows: number; errors: number; preview: unknown }) {
  const { viewer } = input;
  const db = await getDb();
  const id = randomUUID();
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("facts_import")
      .values({
        id,
        kind: input.kind,
        organisation_id: viewer.organisationId,
        status: "preview",
        file_name: input.fileName,
        source: input.source,
        source_date: input.sourceDate,
        row_count: input.rows,
        error_count: input.errors,
        preview: JSON.stringify(input.preview),
        created_by: viewer.personId,
        created_at: now,
        decided_at: null,
      })
      .execute();
    await recordEvent(trx, {
      viewer,
      at: now,
      action: input.kind === "practices" ? "facts.previewed" : "regions.previewed",
      subjectType: input.kind === "practices" ? "facts_import" : "region-import",
      subjectId: id,
      detail: { rows: input.rows, errors: input.errors },
    });
  });
  return id;
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

export const getImport = (viewer: Viewer, id: string) => findImport<ImportPreview>(viewer, id, "practices");
export const listImports = (viewer: Viewer) => listImportsOf(viewer, "practices");

export class ImportStateError extends Error {}

/**
 * Confirms a preview: every good row becomes the organisation's current imported facts for its
 * practice (a practice new to the register is added, without an account). All rows or none.
 */
export async function confirmImport(viewer: Viewer, id: string) {
  if (!canImport(viewer)) throw new Response("Forbidden", { status: 403 });
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("facts_import").selectAll().where("id", "=", id).where("organisation_id", "=", viewer.organisationId).where("kind", "=", "practices").executeTakeFirst();
    if (!row) return null;
    if (row.status !== "preview" || !row.preview) throw new ImportStateError(row.status);
    const preview = JSON.parse(row.preview) as ImportPreview;
    const now = new Date().toISOString();
    // Look the practices up again: another import may have added some since the preview.
    const practiceIds = new Map<string, string>();
    const agbs = preview.rows.map((r) => r.agb);
    for (let i = 0; i < agbs.length; i += 500) {
      const found = await trx.selectFrom("practice").select(["id", "agb"]).where("agb", "in", agbs.slice(i, i + 500)).execute();
      for (const f of found) practiceIds.set(f.agb!, f.id);
    }
    const newPractices = preview.rows
      .filter((r) => !practiceIds.has(r.agb))
      .map((r) => {
        const practiceId = randomUUID();
        practiceIds.set(r.agb, practiceId);
        return { id: practiceId, organisation_id: null, keten_id: r.ketenId, region_id: r.regionId, agb: r.agb, name: r.name, postcode: null, created_at: now, updated_at: now };
      });
    for (let i = 0; i < newPractices.length; i += 500) await trx.insertInto("practice").values(newPractices.slice(i, i + 500)).execute();
    const facts = preview.rows.map((r) => ({
      id: randomUUID(),
      organisation_id: viewer.organisationId,
      practice_id: practiceIds.get(r.agb)!,
      import_id: id,
      row_number: r.line,
      name: r.name,
      keten_id: r.ketenId,
      keten_name: r.ketenName,
      region_id: r.regionId,
      facts: JSON.stringify(r.facts),
      imported_at: now,
      ...r.signals,
    }));
    for (let i = 0; i < facts.length; i += 200) {
      await trx
        .insertInto("imported_facts")
        .values(facts.slice(i, i + 200))
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
            sig_owner_not_gp: eb.ref("excluded.sig_owner_not_gp"),
            sig_patients_per_fte: eb.ref("excluded.sig_patients_per_fte"),
            sig_no_gp_present: eb.ref("excluded.sig_no_gp_present"),
            sig_unclear_organisation: eb.ref("excluded.sig_unclear_organisation"),
            sig_regional_cooperation: eb.ref("excluded.sig_regional_cooperation"),
            patients_per_fte: eb.ref("excluded.patients_per_fte"),
            signal_count: eb.ref("excluded.signal_count"),
          })),
        )
        .execute();
    }
    await refreshPortfolio(trx, { id: viewer.organisationId, kind: viewer.organisationKind }, facts.map((f) => f.practice_id));
    await trx.updateTable("facts_import").set({ status: "confirmed", decided_at: now, preview: null }).where("id", "=", id).execute();
    await recordEvent(trx, {
      viewer,
      at: now,
      action: "facts.imported",
      subjectType: "facts_import",
      subjectId: id,
      detail: { rows: preview.rows.length, newPractices: newPractices.length, errors: preview.errors.length, source: row.source, sourceDate: row.source_date },
    });
    return { rows: preview.rows.length, newPractices: newPractices.length };
  });
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
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      const exists = await trx.selectFrom("facts_import").select("status").where("id", "=", id).where("organisation_id", "=", viewer.organisationId).where("kind", "=", "practices").executeTakeFirst();
      if (!exists) return false;
      throw new ImportStateError(exists.status);
    }
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
  return row ? { ...row, facts: JSON.parse(row.facts) as SignalFacts } : undefined;
}


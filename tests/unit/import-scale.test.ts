/**
 * Big imports (issue 10, "Big work does not block small work"): a file is read and staged in batches
 * with other work served in between, a file over the stated row limit is refused whole, and a
 * confirmation a stop interrupted is finished at start-up where it stopped, exactly once.
 */
import { sql } from "kysely";
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "../../db/index.server";
import { confirmImport, getImport, MAX_IMPORT_ROWS, previewImport, resumeImports } from "~/models/facts-import.server";
import type { Viewer } from "~/models/viewer.server";
import { makeOrganisation, makeViewer } from "../factories";

const HEADER = "agb;naam;eigenaar;ingeschreven_patienten;uren_huisarts_per_week;dagen_huisarts_fysiek_aanwezig;medisch_eindverantwoordelijke_huisarts;governance_vastgelegd;hagro;anw";
const csv = (rows: number, first = 20_000_000) =>
  Buffer.from([HEADER, ...Array.from({ length: rows }, (_, i) => `${first + i};Praktijk ${i};huisarts;${3000 + (i % 5000)};40;ma di wo do vr;ja;ja;ja;ja`)].join("\r\n"));

let insurer: Viewer;

beforeAll(async () => {
  const db = await getDb();
  insurer = await makeViewer(db, { organisation: await makeOrganisation(db, { kind: "zorgverzekeraar" }) });
});

/** Counts the turns other work gets while `work` runs. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  const result = await work();
  running = false;
  return { result, turns };
}

describe("big imports", () => {
  test("a file over the row limit is refused whole, with the limit in the message; nothing stays behind", async () => {
    const db = await getDb();
    const before = await db.selectFrom("facts_import").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
    const result = await previewImport({ viewer: insurer, fileName: "te-groot.csv", bytes: csv(MAX_IMPORT_ROWS + 1), source: "test", sourceDate: "2026-11-01" });
    expect(result).toEqual({ ok: false, problems: [{ code: "common:workspaces.import.errors.tooManyRows", params: { max: MAX_IMPORT_ROWS } }] });
    expect(MAX_IMPORT_ROWS).toBeGreaterThanOrEqual(57_000);
    const after = await db.selectFrom("facts_import").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect((await db.selectFrom("import_row").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()).n).toBe(0);
  }, 60_000);

  test("reading and confirming 3,000 rows lets other work run between batches", async () => {
    const preview = await turnsDuring(() => previewImport({ viewer: insurer, fileName: "groot.csv", bytes: csv(3000), source: "test", sourceDate: "2026-11-01" }));
    expect(preview.result.ok).toBe(true);
    const id = (preview.result as { id: string }).id;
    // 3,000 rows in batches of 500: other work had a turn between every two batches.
    expect(preview.turns).toBeGreaterThanOrEqual(5);
    const imp = (await getImport(insurer, id))!;
    expect(imp).toMatchObject({ row_count: 3000, error_count: 0, stage: null });
    expect(imp.rows).toHaveLength(200);

    const confirm = await turnsDuring(() => confirmImport(insurer, id));
    expect(confirm.result).toEqual({ rows: 3000, newPractices: 3000 });
    expect(confirm.turns).toBeGreaterThanOrEqual(5);
    const db = await getDb();
    expect((await db.selectFrom("imported_facts").select(sql<number>`count(*)`.as("n")).where("import_id", "=", id).executeTakeFirstOrThrow()).n).toBe(3000);
    expect((await db.selectFrom("portfolio_entry").select(sql<number>`count(*)`.as("n")).where("organisation_id", "=", insurer.organisationId).executeTakeFirstOrThrow()).n).toBe(3000);
    // The staged rows are gone once the import is decided.
    expect((await db.selectFrom("import_row").select(sql<number>`count(*)`.as("n")).where("import_id", "=", id).executeTakeFirstOrThrow()).n).toBe(0);
  }, 60_000);

  test("a confirmation cut off half-way is finished at start-up, each row once, audited once", async () => {
    const db = await getDb();
    const result = await previewImport({ viewer: insurer, fileName: "onderbroken.csv", bytes: csv(1200, 30_000_000), source: "test", sourceDate: "2026-11-01" });
    const id = (result as { id: string }).id;
    // The database refuses one row of the third batch: the confirmation stops there, as a crash would.
    await sql.raw(`CREATE TRIGGER stop_half_way BEFORE INSERT ON imported_facts WHEN NEW.row_number = 1100 BEGIN SELECT RAISE(ABORT, 'stopped'); END`).execute(db);
    await expect(confirmImport(insurer, id)).rejects.toThrow(/stopped/);
    await sql.raw("DROP TRIGGER stop_half_way").execute(db);
    const halfway = await db.selectFrom("facts_import").select(["stage", "confirmed_through", "status"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(halfway).toEqual({ stage: "confirming", confirmed_through: 1001, status: "preview" });
    expect((await db.selectFrom("imported_facts").select(sql<number>`count(*)`.as("n")).where("import_id", "=", id).executeTakeFirstOrThrow()).n).toBe(1000);
    // Nobody can confirm or discard it meanwhile.
    await expect(confirmImport(insurer, id)).rejects.toThrow();

    expect(await resumeImports()).toBe(1);
    expect(await db.selectFrom("facts_import").select(["stage", "status", "new_practices"]).where("id", "=", id).executeTakeFirstOrThrow()).toEqual({ stage: null, status: "confirmed", new_practices: 1200 });
    expect((await db.selectFrom("imported_facts").select(sql<number>`count(*)`.as("n")).where("import_id", "=", id).executeTakeFirstOrThrow()).n).toBe(1200);
    const audits = await db.selectFrom("audit_event").select("detail").where("subject_id", "=", id).where("action", "=", "facts.imported").execute();
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0]!.detail!)).toMatchObject({ rows: 1200, newPractices: 1200, resumedBy: "start-up" });
    expect(await resumeImports()).toBe(0);
  }, 60_000);
});

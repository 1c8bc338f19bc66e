/**
 * The signaleringsmatrix in the app: stored region figures coloured by the criteria in force, an import
 * previewed and confirmed (or not) by the platform beheerder, cut-offs it publishes with their basis, an
 * insurer's own cut-offs for its own view only, a region's row beside a practice, and a practice's own
 * choice of region.
 */
import { updateRegister } from "~/models/register.server";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "../../db/index.server";
import { emptyValues, type RegionYearValues } from "~/domain/regional/colouring";
import {
  decideRegionImport,
  getRegionalMatrix,
  getRegionContext,
  getRegionImport,
  getRegionPage,
  listOwnCriteriaChanges,
  listPublications,
  practiceRegionId,
  previewRegionImport,
  publishCriteria,
  RegionImportStateError,
  setOwnCriteria,
  storeRegionRows,
} from "~/models/regions.server";
import type { PlatformViewer, Viewer } from "~/models/viewer.server";
import { makeOrganisation, makePlatformAdmin, makePractice, makeViewer } from "../factories";

let admin: PlatformViewer;
let manager: Viewer;
let insurerInvuller: Viewer;
let otherManager: Viewer;
let practiceViewer: Viewer;

/** Six regions, two years; density from 5,0 (worst) to 10,0, a gap for one region in one year. */
function rows(): RegionYearValues[] {
  return [2025, 2026].flatMap((year) =>
    [5, 6, 7, 8, 9, 10].map((density, i) => ({
      code: `T-0${i + 1}`,
      name: `Testregio ${i + 1}`,
      year,
      values: {
        ...emptyValues(),
        huisartsendichtheid: year === 2026 && i === 5 ? null : density,
        "zonder-vaste-huisarts": year === 2025 ? 1 + i * 0.1 : 1 + i * 0.3,
        "verwachte-uitstroom": 20 + i,
      },
    })),
  );
}

beforeAll(async () => {
  const db = await getDb();
  admin = await makePlatformAdmin(db);
  const insurer = await makeOrganisation(db, { kind: "zorgverzekeraar" });
  manager = await makeViewer(db, { organisation: insurer, role: "beheerder" });
  insurerInvuller = await makeViewer(db, { organisation: insurer, role: "invuller" });
  otherManager = await makeViewer(db, { organisation: await makeOrganisation(db, { kind: "toezichthouder" }), role: "beheerder" });
  practiceViewer = await makeViewer(db, { organisation: await makeOrganisation(db, { kind: "praktijk" }), role: "beheerder" });
  await db.transaction().execute((trx) => storeRegionRows(trx, rows(), { importId: null, source: "Testcijfers", at: new Date().toISOString() }));
});

describe("the matrix", () => {
  test("the latest year by default, regions with most red cells first; a missing value is geen gegevens, not green", async () => {
    const m = await getRegionalMatrix();
    expect(m.years).toEqual([2025, 2026]);
    expect(m.year).toBe(2026);
    expect(m.sources).toEqual(["Testcijfers"]);
    const red = m.matrix!.regions.map((r) => r.red);
    expect(red).toEqual([...red].sort((a, b) => b - a));
    const t1 = m.matrix!.regions.find((r) => r.code === "T-01")!;
    // Worst density of the five with a value: the worst fifth of 5 is one region, red.
    expect(t1.cells.huisartsendichtheid).toMatchObject({ value: 5, colour: "rood" });
    expect(m.matrix!.regions.find((r) => r.code === "T-06")!.cells.huisartsendichtheid).toMatchObject({ value: null, colour: "geen-gegevens", reason: "no-value" });
  });

  test("the trend of verzekerden zonder vaste huisarts comes from the years, and an earlier year's matrix uses no later figures", async () => {
    const latest = await getRegionalMatrix(2026);
    // T-06: 1,5 % in 2025 and 2,5 % in 2026: +1,0 percentage point a year.
    expect(latest.matrix!.regions.find((r) => r.code === "T-06")!.cells["trend-zonder-vaste-huisarts"].value).toBeCloseTo(1.0);
    const earlier = await getRegionalMatrix(2025);
    expect(earlier.matrix!.regions.every((r) => r.cells["trend-zonder-vaste-huisarts"].colour === "geen-gegevens")).toBe(true);
    // A year without figures falls back to the latest.
    expect((await getRegionalMatrix(1999)).year).toBe(2026);
  });

  test("a region page has its row of every year; an unknown code is undefined (a 404)", async () => {
    const page = (await getRegionPage("t-02"))!;
    expect(page.history.map((h) => h.year)).toEqual([2025, 2026]);
    expect(await getRegionPage("NERGENS")).toBeUndefined();
  });
});

describe("criteria", () => {
  const basis = { agreedBy: "ZN, LHV en InEen", source: "Leidraad 2027/2028, bijlage (test)", agreedOn: "2026-11-01" };

  test("published cut-offs recolour a column for everyone, with their basis; a later publication returns it to the content", async () => {
    await publishCriteria(admin, "huisartsendichtheid", { kind: "fixed", rood: 6, oranje: 8 }, basis);
    const m = await getRegionalMatrix();
    const colour = (code: string) => m.matrix!.regions.find((r) => r.code === code)!.cells.huisartsendichtheid.colour;
    expect([colour("T-01"), colour("T-02"), colour("T-03"), colour("T-04"), colour("T-05")]).toEqual(["rood", "rood", "oranje", "oranje", "groen"]);
    expect(m.overrides).toEqual([expect.objectContaining({ indicatorId: "huisartsendichtheid", kind: "national", basis: expect.objectContaining(basis) })]);
    // Every organisation reads the same national matrix.
    expect((await getRegionalMatrix(undefined, otherManager.organisationId)).matrix!.cutOffs.huisartsendichtheid).toMatchObject({ kind: "fixed", rood: 6 });

    await publishCriteria(admin, "huisartsendichtheid", null, { ...basis, source: "Afspraak ingetrokken (test)" });
    expect((await getRegionalMatrix()).matrix!.cutOffs.huisartsendichtheid.kind).toBe("relative");
    // Both publications are kept, newest first.
    expect((await listPublications()).slice(0, 2).map((p) => [p.indicator_id, p.criteria === null])).toEqual([
      ["huisartsendichtheid", true],
      ["huisartsendichtheid", false],
    ]);
  });

  test("own cut-offs colour only the organisation's own view, are never in anyone else's, and are audited for it alone", async () => {
    await expect(setOwnCriteria(insurerInvuller, "verwachte-uitstroom", { kind: "fixed", rood: 24, oranje: 22 })).rejects.toMatchObject({ status: 404 });
    await expect(setOwnCriteria(practiceViewer, "verwachte-uitstroom", { kind: "fixed", rood: 24, oranje: 22 })).rejects.toMatchObject({ status: 404 });
    await setOwnCriteria(manager, "verwachte-uitstroom", { kind: "fixed", rood: 24, oranje: 22 });
    const own = await getRegionalMatrix(undefined, manager.organisationId);
    expect(own.matrix!.cutOffs["verwachte-uitstroom"]).toMatchObject({ kind: "fixed", rood: 24 });
    expect(own.overrides).toEqual([expect.objectContaining({ indicatorId: "verwachte-uitstroom", kind: "own", basis: null })]);
    // The national matrix, and another organisation's own view, do not move.
    expect((await getRegionalMatrix()).matrix!.cutOffs["verwachte-uitstroom"].kind).toBe("relative");
    expect((await getRegionalMatrix(undefined, otherManager.organisationId)).matrix!.cutOffs["verwachte-uitstroom"].kind).toBe("relative");
    expect((await listOwnCriteriaChanges(manager)).map((c) => c.action)).toEqual(["own-criteria.changed"]);
    expect(await listOwnCriteriaChanges(otherManager)).toEqual([]);
    await setOwnCriteria(manager, "verwachte-uitstroom", null);
    expect((await getRegionalMatrix(undefined, manager.organisationId)).matrix!.cutOffs["verwachte-uitstroom"].kind).toBe("relative");
  });
});

describe("import", () => {
  const file = readFileSync(path.resolve(import.meta.dirname, "../fixtures/regions-mixed.csv"));

  test("the platform beheerder's preview changes nothing until it is confirmed; a decided import cannot be decided again", async () => {
    const before = (await getRegionalMatrix()).matrix!.regions.length;
    const preview = await previewRegionImport({ admin, fileName: "regio.csv", bytes: file, source: "Vektis 2025" });
    if (!preview.ok) throw new Error(JSON.stringify(preview.problems));
    const imp = (await getRegionImport(preview.id))!;
    expect(imp.preview!.rows.length).toBeGreaterThan(0);
    expect(imp.preview!.errors.length).toBeGreaterThan(0);
    expect(imp.error_count).toBeGreaterThan(0);
    expect((await getRegionalMatrix()).matrix!.regions.length).toBe(before);
    expect(await decideRegionImport(admin, "00000000-0000-4000-8000-000000000000", true)).toBeNull();

    expect(await decideRegionImport(admin, preview.id, true)).toMatchObject({ rows: imp.preview!.rows.length });
    await expect(decideRegionImport(admin, preview.id, true)).rejects.toBeInstanceOf(RegionImportStateError);
    const years = new Set(imp.preview!.rows.map((r) => r.year));
    const after = await getRegionalMatrix(Math.max(...years));
    for (const row of imp.preview!.rows.filter((r) => r.year === after.year)) {
      expect(after.matrix!.regions.some((r) => r.code === row.code.toUpperCase())).toBe(true);
    }
    // The figures know the import they came from.
    const db = await getDb();
    expect(await db.selectFrom("region_year").select("import_id").where("import_id", "=", preview.id).executeTakeFirst()).toEqual({ import_id: preview.id });
  });

  test("a file that cannot be read is refused whole", async () => {
    const result = await previewRegionImport({ admin, fileName: "leeg.csv", bytes: Buffer.from(""), source: "x" });
    expect(result.ok).toBe(false);
  });
});

describe("a practice and its region", () => {
  test("the practice chooses its own region; another organisation cannot; an unknown region is refused", async () => {
    const db = await getDb();
    const practice = await makePractice(db, { organisation_id: practiceViewer.organisationId, agb: "20000001" });
    const region = await db.selectFrom("region").select("id").where("code", "=", "T-01").executeTakeFirstOrThrow();
    // The region is a fact of the practice register (issue 13), kept on /organisation.
    const form = (regionId: string) => ({ practiceId: practice.id, name: practice.name, agb: practice.agb!, kvk: null, postcode: practice.postcode, regionId });
    expect(await updateRegister(manager, form(region.id))).toEqual({ ok: false, reason: "not-found" });
    expect(await updateRegister(practiceViewer, form("geen-regio"))).toMatchObject({ ok: false, errors: { regionId: "register.errors.region" } });
    expect(await updateRegister(practiceViewer, form(region.id))).toMatchObject({ ok: true, changed: ["regionId"] });
    expect(await practiceRegionId(practice.id, manager.organisationId)).toBe(region.id);
    const context = (await getRegionContext(region.id))!;
    expect(context.row.code).toBe("T-01");
    expect(context.row.red).toBeGreaterThan(0);
    expect(await getRegionContext(null)).toBeNull();
  });
});

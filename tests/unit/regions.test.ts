/**
 * The signaleringsmatrix in the app: stored region figures coloured by the criteria in force, an import
 * previewed and confirmed (or not) by a manager, agreed cut-offs that change the colours and are audited,
 * a region's row beside a practice, and a practice's own choice of region.
 */
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
  listMatrixChanges,
  practiceRegionId,
  previewRegionImport,
  RegionImportStateError,
  setIndicatorCriteria,
  setPracticeRegion,
  storeRegionRows,
} from "~/models/regions.server";
import type { Viewer } from "~/models/viewer.server";
import { makeOrganisation, makePractice, makeViewer } from "../factories";

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
  test("agreed fixed cut-offs recolour a column, are audited, and can be set back; only a manager may", async () => {
    await expect(setIndicatorCriteria(insurerInvuller, "huisartsendichtheid", { kind: "fixed", rood: 6, oranje: 8 })).rejects.toMatchObject({ status: 403 });
    await setIndicatorCriteria(manager, "huisartsendichtheid", { kind: "fixed", rood: 6, oranje: 8 });
    const fixed = (await getRegionalMatrix()).matrix!;
    const colour = (code: string) => fixed.regions.find((r) => r.code === code)!.cells.huisartsendichtheid.colour;
    expect([colour("T-01"), colour("T-02"), colour("T-03"), colour("T-04"), colour("T-05")]).toEqual(["rood", "rood", "oranje", "oranje", "groen"]);
    expect(fixed.cutOffs.huisartsendichtheid).toMatchObject({ kind: "fixed", rood: 6, oranje: 8 });
    await setIndicatorCriteria(manager, "huisartsendichtheid", null);
    expect((await getRegionalMatrix()).matrix!.cutOffs.huisartsendichtheid.kind).toBe("relative");
    expect((await listMatrixChanges()).slice(0, 2).map((c) => c.action)).toEqual(["criteria.reset", "criteria.changed"]);
  });
});

describe("import", () => {
  const file = readFileSync(path.resolve(import.meta.dirname, "../fixtures/regions-mixed.csv"));

  test("a preview changes nothing; its owner confirms it, nobody else sees or decides it", async () => {
    const before = (await getRegionalMatrix()).matrix!.regions.length;
    await expect(previewRegionImport({ viewer: insurerInvuller, fileName: "r.csv", bytes: file, source: "x" })).rejects.toMatchObject({ status: 403 });
    const preview = await previewRegionImport({ viewer: manager, fileName: "regio.csv", bytes: file, source: "Vektis 2025" });
    if (!preview.ok) throw new Error(JSON.stringify(preview.problems));
    const imp = (await getRegionImport(manager, preview.id))!;
    expect(imp.preview!.rows.length).toBeGreaterThan(0);
    expect(imp.preview!.errors.length).toBeGreaterThan(0);
    expect(imp.error_count).toBeGreaterThan(0);
    expect((await getRegionalMatrix()).matrix!.regions.length).toBe(before);
    expect(await getRegionImport(otherManager, preview.id)).toBeUndefined();
    expect(await decideRegionImport(otherManager, preview.id, true)).toBeNull();

    expect(await decideRegionImport(manager, preview.id, true)).toMatchObject({ rows: imp.preview!.rows.length });
    await expect(decideRegionImport(manager, preview.id, true)).rejects.toBeInstanceOf(RegionImportStateError);
    const years = new Set(imp.preview!.rows.map((r) => r.year));
    const after = await getRegionalMatrix(Math.max(...years));
    for (const row of imp.preview!.rows.filter((r) => r.year === after.year)) {
      expect(after.matrix!.regions.some((r) => r.code === row.code.toUpperCase())).toBe(true);
    }
  });

  test("a file that cannot be read is refused whole", async () => {
    const result = await previewRegionImport({ viewer: manager, fileName: "leeg.csv", bytes: Buffer.from(""), source: "x" });
    expect(result.ok).toBe(false);
  });
});

describe("a practice and its region", () => {
  test("the practice chooses its own region; another organisation cannot; an unknown region is refused", async () => {
    const db = await getDb();
    const practice = await makePractice(db, { organisation_id: practiceViewer.organisationId, agb: "20000001" });
    const region = await db.selectFrom("region").select("id").where("code", "=", "T-01").executeTakeFirstOrThrow();
    expect(await setPracticeRegion(manager, practice.id, region.id)).toBe("not-found");
    expect(await setPracticeRegion(practiceViewer, practice.id, "geen-regio")).toBe("unknown-region");
    expect(await setPracticeRegion(practiceViewer, practice.id, region.id)).toBe("ok");
    expect(await practiceRegionId(practice.id, manager.organisationId)).toBe(region.id);
    const context = (await getRegionContext(region.id))!;
    expect(context.row.code).toBe("T-01");
    expect(context.row.red).toBeGreaterThan(0);
    expect(await getRegionContext(null)).toBeNull();
  });
});

/**
 * The portfolio in SQL: which practices an organisation may see and from which source, the signals
 * per row, filters, sorting, grouping, counts and pages; the import that feeds it, preview first.
 */
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "../../db/index.server";
import type { Organisation } from "../../db/schema";
import { getAnswers, getAssessment, saveAnswers } from "~/models/assessment.server";
import { startExternalAssessment, startSelfAssessment } from "~/models/start.server";
import { confirmImport, discardImport, getImport, getImportedFacts, ImportStateError, previewImport } from "~/models/facts-import.server";
import {
  computePortfolioEntries,
  DEFAULT_QUERY,
  getPortfolio,
  getPortfolioRow,
  ketenKeyOfName,
  listPortfolio,
  listPortfolioFacets,
  checkPortfolioSample,
  rebuildPortfolios,
  type PortfolioQuery,
} from "~/models/portfolio.server";
import { grantShare, revokeShare, submitAssessment } from "~/models/sharing.server";
import type { Viewer } from "~/models/viewer.server";
import { makeAnswers, makeOrganisation, makePractice, makeViewer } from "../factories";

const HEADER = "agb;naam;eigenaar;ingeschreven_patienten;uren_huisarts_per_week;dagen_huisarts_fysiek_aanwezig;medisch_eindverantwoordelijke_huisarts;governance_vastgelegd;hagro;anw;keten;regio";

let insurer: Viewer;
let insurerLezer: Viewer;
let toezicht: Viewer;
let keten: Organisation;
let ketenBeheerder: Viewer;
const practice: Record<"een" | "twee" | "drie", { id: string; orgViewer: Viewer }> = {} as never;
let shareId: string;
let regionId: string;

async function answer(viewer: Viewer, assessmentId: string, answers: Record<string, unknown>) {
  const assessment = (await getAssessment({ id: assessmentId, viewerOrgId: viewer.organisationId }))!;
  // Issue 13: an insurer's beoordeling starts with the facts it may see, so answers build on their stored revisions.
  const stored = await getAnswers(assessmentId);
  await saveAnswers({ assessment, viewer, entries: Object.entries(answers).map(([questionId, value]) => ({ questionId, value: value as never, seenRevision: stored.get(questionId)?.revision ?? 0 })) });
}

async function importCsv(viewer: Viewer, lines: string[], source = "Vektis, test") {
  const result = await previewImport({ viewer, fileName: "praktijken.csv", bytes: Buffer.from([HEADER, ...lines].join("\r\n")), source, sourceDate: "2026-11-01" });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.id;
}

/**
 * The stored portfolio rows of every organisation are exactly what the definition gives: checked after
 * every step, so a change that forgets to refresh them fails here.
 */
async function expectStoredIsCurrent() {
  const db = await getDb();
  const owners = await db.selectFrom("organisation").select(["id", "kind"]).where("kind", "!=", "praktijk").execute();
  for (const owner of owners) {
    const stored = await db.selectFrom("portfolio_entry").selectAll().where("organisation_id", "=", owner.id).orderBy("practice_id").execute();
    const computed = (await computePortfolioEntries(db, owner)).sort((a, b) => a.practice_id.localeCompare(b.practice_id));
    expect(stored.map(({ organisation_id: _o, ...r }) => r), `portfolio of ${owner.kind} ${owner.id}`).toEqual(computed);
  }
}

const query = (overrides: Partial<PortfolioQuery> & { filter?: PortfolioQuery["filter"] } = {}): PortfolioQuery => ({ ...DEFAULT_QUERY, ...overrides, filter: overrides.filter ?? {} });

beforeAll(async () => {
  const db = await getDb();
  const insurerOrg = await makeOrganisation(db, { kind: "zorgverzekeraar", name: "Verzekeraar Test" });
  insurer = await makeViewer(db, { organisation: insurerOrg, role: "beheerder" });
  insurerLezer = await makeViewer(db, { organisation: insurerOrg, role: "lezer" });
  toezicht = await makeViewer(db, { organisation: await makeOrganisation(db, { kind: "toezichthouder" }), role: "beheerder" });
  keten = await makeOrganisation(db, { kind: "keten", name: "Zorggroep Proef" });
  ketenBeheerder = await makeViewer(db, { organisation: keten, role: "beheerder" });
  regionId = "region-test-1";
  await db.insertInto("region").values({ id: regionId, code: "T01", name: "Testregio" }).execute();

  for (const [key, agb, inKeten] of [["een", "10000001", true], ["twee", "10000002", true], ["drie", "10000003", false]] as const) {
    const org = await makeOrganisation(db, { kind: "praktijk", name: `Praktijk ${key}` });
    const p = await makePractice(db, { organisation_id: org.id, keten_id: inKeten ? keten.id : null, agb, name: `Praktijk ${key}`, region_id: key === "een" ? regionId : null });
    practice[key] = { id: p.id, orgViewer: await makeViewer(db, { organisation: org, role: "beheerder" }) };
  }
  // Een: owned by a bestuurder, submitted and shared with the insurer.
  const een = practice.een;
  const selfId = (await startSelfAssessment({ practiceId: een.id, viewer: een.orgViewer }))!;
  await answer(een.orgViewer, selfId, makeAnswers({ eigenaar: "bestuurder" }));
  await submitAssessment((await getAssessment({ id: selfId, viewerOrgId: een.orgViewer.organisationId }))!, een.orgViewer);
  shareId = await grantShare((await getAssessment({ id: selfId, viewerOrgId: een.orgViewer.organisationId }))!, een.orgViewer, insurer.organisationId);
  // The insurer's own beoordeling of Een says the owner is a huisarts: a difference.
  const ownEen = (await startExternalAssessment({ practiceId: een.id, viewer: insurer }))!;
  await answer(insurer, ownEen, makeAnswers({ eigenaar: "huisarts" }));
  // Twee: a self-assessment the insurer may not see.
  const selfTwee = (await startSelfAssessment({ practiceId: practice.twee.id, viewer: practice.twee.orgViewer }))!;
  await answer(practice.twee.orgViewer, selfTwee, makeAnswers({ "ingeschreven-patienten": 9000 }));
  // Drie: only the insurer's own beoordeling.
  const ownDrie = (await startExternalAssessment({ practiceId: practice.drie.id, viewer: insurer }))!;
  await answer(insurer, ownDrie, makeAnswers({ "ingeschreven-patienten": 12000 }));
});

afterEach(expectStoredIsCurrent);

describe("what an organisation may see", () => {
  test("nothing before anything is shared, assessed or imported", async () => {
    const page = await getPortfolio(toezicht, query());
    expect(page.total).toBe(0);
    expect(page.rows).toEqual([]);
    expect(await getPortfolioRow(toezicht, practice.een.id)).toBeUndefined();
  });

  test("a shared self-assessment speaks before the insurer's own; its own speaks where nothing is shared; invisible self-assessments stay out", async () => {
    const page = await getPortfolio(insurer, query({ sort: "name", desc: false }));
    expect(page.rows.map((r) => [r.name, r.source])).toEqual([
      ["Praktijk drie", "own"],
      ["Praktijk een", "self"],
    ]);
    const een = page.rows.find((r) => r.name === "Praktijk een")!;
    expect(een).toMatchObject({ hasSelf: true, hasOwn: true, hasImport: false, differs: true, ketenName: "Zorggroep Proef", ketenKey: keten.id, regionName: "Testregio" });
    expect(een.signals["owner-not-gp"]).toBe("signal");
    const drie = page.rows.find((r) => r.name === "Praktijk drie")!;
    // 12000 patients on 64 hours: 7500 per fte.
    expect(drie).toMatchObject({ hasSelf: false, differs: false, patientsPerFte: 7500, signalCount: 1 });
    expect(drie.signals["patients-per-fte"]).toBe("signal");
  });

  test("a revoked grant is gone at once: the row falls back to the insurer's own assessment", async () => {
    const een = practice.een;
    const selfId = (await getPortfolioRow(insurer, een.id))!.sourceId;
    await revokeShare((await getAssessment({ id: selfId, viewerOrgId: een.orgViewer.organisationId }))!, een.orgViewer, shareId);
    expect(await getPortfolioRow(insurer, een.id)).toMatchObject({ source: "own", hasSelf: false, differs: false });
    shareId = await grantShare((await getAssessment({ id: selfId, viewerOrgId: een.orgViewer.organisationId }))!, een.orgViewer, insurer.organisationId);
    expect(await getPortfolioRow(insurer, een.id)).toMatchObject({ source: "self", hasSelf: true });
  });

  test("a keten's beheerder sees its members' self-assessments, shared or not; nothing of other practices", async () => {
    const page = await getPortfolio(ketenBeheerder, query({ sort: "name", desc: false }));
    expect(page.rows.map((r) => [r.name, r.source])).toEqual([
      ["Praktijk een", "self"],
      ["Praktijk twee", "self"],
    ]);
  });
});

describe("import", () => {
  test("a preview keeps good rows and gives each bad row its problems; nothing reaches the portfolio before confirming", async () => {
    const id = await importCsv(insurer, [
      "10000002;Praktijk twee;huisarts;9000;40;ma di wo do vr;ja;ja;ja;ja;Zorggroep Proef;T01",
      "10000004;Praktijk vier;bestuurder;3000;40;ma di;ja;nee;ja;ja;Keten Elders;",
      "1234;Kapotte rij;baas;veel;40;za;ja;ja;ja;ja;;",
      "10000004;Praktijk vier dubbel;huisarts;3000;40;ma;ja;ja;ja;ja;;",
      "10000005;Praktijk vijf;huisarts;3000;40;ma;ja;ja;ja;ja;;Onbekende regio",
    ]);
    const imp = (await getImport(insurer, id))!;
    expect(imp.status).toBe("preview");
    expect(imp.rows.map((r) => [r.line, r.agb, r.practiceId !== null, r.practiceAnswers])).toEqual([
      [2, "10000002", true, true],
      [3, "10000004", false, false],
    ]);
    expect(imp.errors.map((e) => [e.line, e.errors.map((x) => `${x.column}:${x.code}`)])).toEqual([
      [4, ["agb:csv.agb.lostLeadingZero", "eigenaar:csv.choice.invalid", "ingeschreven_patienten:csv.patients.invalid", "dagen_huisarts_fysiek_aanwezig:csv.days.weekend"]],
      [5, ["agb:common:workspaces.import.errors.duplicateAgb"]],
      [6, ["regio:common:workspaces.import.errors.unknownRegion"]],
    ]);
    expect((await getPortfolio(insurer, query())).total).toBe(2);
    // Another organisation cannot see, confirm or discard it.
    expect(await getImport(toezicht, id)).toBeUndefined();
    await expect(confirmImport({ ...toezicht, organisationKind: "zorgverzekeraar" }, id)).resolves.toBeNull();
    await expect(confirmImport(insurerLezer, id)).rejects.toMatchObject({ status: 403 });

    expect(await confirmImport(insurer, id)).toEqual({ rows: 2, newPractices: 1 });
    await expect(confirmImport(insurer, id)).rejects.toBeInstanceOf(ImportStateError);
    const page = await getPortfolio(insurer, query({ sort: "name", desc: false }));
    // Twee is now visible from the import (its self-assessment stays invisible and untouched); vier is new.
    expect(page.rows.map((r) => [r.name, r.source, r.hasSelf])).toEqual([
      ["Praktijk drie", "own", false],
      ["Praktijk een", "self", true],
      ["Praktijk twee", "import", false],
      ["Praktijk vier", "import", false],
    ]);
    const vier = page.rows.find((r) => r.name === "Praktijk vier")!;
    expect(vier).toMatchObject({ ketenName: "Keten Elders", ketenKey: ketenKeyOfName("Keten Elders") });
    expect(vier.signals["owner-not-gp"]).toBe("signal");
    expect(vier.signals["unclear-organisation"]).toBe("signal");
    expect(page.rows.find((r) => r.name === "Praktijk twee")).toMatchObject({ ketenKey: keten.id, regionName: "Testregio" });
    const facts = (await getImportedFacts(insurer, vier.practiceId))!;
    expect(facts).toMatchObject({ source: "Vektis, test", source_date: "2026-11-01" });
    expect(facts.facts.registeredPatients).toBe(3000);
  });

  test("a later import replaces the organisation's facts of a practice; a discarded one changes nothing", async () => {
    const vier = (await getPortfolio(insurer, query({ filter: { q: "vier" } }))).rows[0]!;
    const id = await importCsv(insurer, ["10000004;Praktijk vier;huisarts;3000;40;ma di wo do vr;ja;ja;ja;ja;;"], "Eigen opgave");
    expect((await getImport(insurer, id))!.rows[0]!.replaces).toBe(true);
    expect(await discardImport(insurer, id)).toBe(true);
    expect((await getPortfolioRow(insurer, vier.practiceId))!.signals["owner-not-gp"]).toBe("signal");
    const again = await importCsv(insurer, ["10000004;Praktijk vier;huisarts;3000;40;ma di wo do vr;ja;ja;ja;ja;Keten Elders;"], "Eigen opgave");
    await confirmImport(insurer, again);
    expect((await getPortfolioRow(insurer, vier.practiceId))!.signals["owner-not-gp"]).toBe("no-signal");
    expect((await getImportedFacts(insurer, vier.practiceId))!.source).toBe("Eigen opgave");
  });

  test("a file without the columns, or empty, is refused whole with what is wrong", async () => {
    const empty = await previewImport({ viewer: insurer, fileName: "leeg.csv", bytes: Buffer.from(""), source: "x", sourceDate: "2026-11-01" });
    expect(empty).toEqual({ ok: false, problems: [{ code: "csv.file.empty", params: { file: "leeg.csv" } }] });
    const columns = await previewImport({ viewer: insurer, fileName: "kolommen.csv", bytes: Buffer.from("agb;naam\n10000009;X\n"), source: "x", sourceDate: "2026-11-01" });
    expect(columns.ok ? [] : columns.problems.map((p) => p.code)).toEqual(["csv.file.missingColumns"]);
    const onlyHeader = await previewImport({ viewer: insurer, fileName: "kop.csv", bytes: Buffer.from(`${HEADER}\n`), source: "x", sourceDate: "2026-11-01" });
    expect(onlyHeader.ok ? [] : onlyHeader.problems.map((p) => p.code)).toEqual(["common:workspaces.import.errors.noRows"]);
  });
});

describe("stored portfolio rows", () => {
  test("a rebuild from scratch gives the rows the changes kept, and a row that lost its last source is gone", async () => {
    const db = await getDb();
    const before = await db.selectFrom("portfolio_entry").selectAll().orderBy("organisation_id").orderBy("practice_id").execute();
    expect(before.length).toBeGreaterThan(0);
    await db.deleteFrom("portfolio_entry").execute();
    await rebuildPortfolios(db);
    expect(await db.selectFrom("portfolio_entry").selectAll().orderBy("organisation_id").orderBy("practice_id").execute()).toEqual(before);
  });
});

describe("filters, sorting, groups, counts and pages, all in SQL", () => {
  test("filter on a signal's status, counts per column over the filtered set", async () => {
    const all = await getPortfolio(insurer, query());
    expect(all.total).toBe(4);
    expect(all.counts["owner-not-gp"]).toEqual({ signal: 1, unknown: 0, "no-signal": 3 });
    const owner = await getPortfolio(insurer, query({ filter: { signal: "owner-not-gp", status: "signal" } }));
    expect(owner.rows.map((r) => r.name)).toEqual(["Praktijk een"]);
    expect(owner.counts["owner-not-gp"]).toEqual({ signal: 1, unknown: 0, "no-signal": 0 });
    const any = await getPortfolio(insurer, query({ filter: { signal: "any" } }));
    expect(any.rows.every((r) => r.signalCount > 0)).toBe(true);
  });

  test("keten, region, source, has-self, differs and search filters", async () => {
    const names = async (filter: PortfolioQuery["filter"]) => (await getPortfolio(insurer, query({ filter, sort: "name", desc: false }))).rows.map((r) => r.name);
    expect(await names({ keten: keten.id })).toEqual(["Praktijk een", "Praktijk twee"]);
    expect(await names({ region: regionId })).toEqual(["Praktijk een", "Praktijk twee"]);
    expect(await names({ source: "import" })).toEqual(["Praktijk twee", "Praktijk vier"]);
    expect(await names({ hasSelf: false })).toEqual(["Praktijk drie", "Praktijk twee", "Praktijk vier"]);
    expect(await names({ differs: true })).toEqual(["Praktijk een"]);
    expect(await names({ q: "10000003" })).toEqual(["Praktijk drie"]);
    expect(await names({ q: "TWEE" })).toEqual(["Praktijk twee"]);
    // A LIKE wildcard is searched for literally.
    expect(await names({ q: "%" })).toEqual([]);
  });

  test("sorted by patients per fte, unknown last either way; grouped by keten with counts per group; paginated", async () => {
    const desc = await getPortfolio(insurer, query({ sort: "patients-per-fte", desc: true }));
    // Twee's import: 9000 patients on 40 hours; drie: 12000 on 64 (7500); een: 5000 on 64; vier: 3000 on 40.
    expect(desc.rows.map((r) => r.patientsPerFte)).toEqual([9000, 7500, 3125, 3000]);
    const asc = await getPortfolio(insurer, query({ sort: "patients-per-fte", desc: false }));
    expect(asc.rows.map((r) => r.patientsPerFte)).toEqual([3000, 3125, 7500, 9000]);
    const grouped = await getPortfolio(insurer, query({ group: "keten", sort: "name", desc: false }));
    expect(grouped.rows.map((r) => r.ketenName)).toEqual(["Keten Elders", "Zorggroep Proef", "Zorggroep Proef", null]);
    expect(grouped.groups.get(keten.id)).toBe(2);
    const page2 = await getPortfolio(insurer, query({ sort: "name", desc: false, pageSize: 3, page: 2 }));
    expect(page2).toMatchObject({ total: 4, page: 2, pages: 2 });
    expect(page2.rows.map((r) => r.name)).toEqual(["Praktijk vier"]);
    const beyond = await getPortfolio(insurer, query({ pageSize: 3, page: 99 }));
    expect(beyond.page).toBe(2);
    expect((await listPortfolio(insurer, { filter: {}, sort: "name", desc: false, group: "none" })).length).toBe(4);
  });

  test("the filter menus list the ketens and regions in the portfolio", async () => {
    const facets = await listPortfolioFacets(insurer);
    expect(facets.ketens).toEqual([
      { key: ketenKeyOfName("Keten Elders"), name: "Keten Elders", n: 1 },
      { key: keten.id, name: "Zorggroep Proef", n: 2 },
    ]);
    expect(facets.regions).toEqual([{ key: regionId, name: "Testregio", code: "T01", n: 2 }]);
  });
});

describe("issue 12: the first screen is not a ranking; the practice's context and the rules version per row", () => {
  test("by default by name; “meeste signalen eerst” is a sort the reader chooses, in its own direction", async () => {
    const { readPortfolioParams, toPortfolioQuery } = await import("~/utils/portfolio-query.server");
    const parse = (search: string) => toPortfolioQuery(readPortfolioParams(new URLSearchParams(search)));
    expect(parse("")).toMatchObject({ sort: "name", desc: false });
    expect(parse("sort=signals")).toMatchObject({ sort: "signals", desc: true });
    expect(parse("sort=signals&dir=asc")).toMatchObject({ sort: "signals", desc: false });
    expect(parse("sort=name&dir=desc")).toMatchObject({ sort: "name", desc: true });
    expect(parse("sort=region")).toMatchObject({ sort: "region", desc: false });
    const page = await getPortfolio(insurer, query());
    const names = page.rows.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  test("a signal beside which the practice wrote its context is marked; an empty text is not context", async () => {
    const db = await getDb();
    const row = (await getPortfolioRow(insurer, practice.een.id))!;
    expect(row.source).toBe("self");
    await db
      .insertInto("signal_context")
      .values([
        { assessment_id: row.sourceId, signal_id: "owner-not-gp", text: "De bestuurder is zelf huisarts geweest.", revision: 1, updated_at: new Date().toISOString(), updated_by: null },
        { assessment_id: row.sourceId, signal_id: "regional-cooperation", text: "", revision: 2, updated_at: new Date().toISOString(), updated_by: null },
      ])
      .execute();
    const page = await getPortfolio(insurer, query());
    expect(page.rows.find((r) => r.practiceId === practice.een.id)?.contextGiven).toEqual(["owner-not-gp"]);
    // Only the practice's own word counts: the insurer's own assessment of drie has no marks.
    expect(page.rows.find((r) => r.practiceId === practice.drie.id)?.contextGiven).toEqual([]);
  });

  test("every row carries the rules version its source was computed with", async () => {
    const page = await getPortfolio(insurer, query());
    expect(page.rows.every((r) => r.rulesVersion === 2)).toBe(true);
  });

  test("the keten's roll-up never says “none” of a signal that is unknown somewhere", async () => {
    const { rollupSentence } = await import("~/models/keten.server");
    const i18next = (await import("~/i18next.server")).default;
    const t = await i18next.getFixedT("nl");
    const rollup = (signal: number, unknown: number, none: number) => ({
      id: "regional-cooperation" as const,
      title: "Regionale samenwerking.",
      counts: { signal, unknown, "no-signal": none },
      practices: { signal: [], unknown: [] },
    });
    expect(rollupSentence(rollup(0, 2, 2), 4, t)).toBe("Regionale samenwerking: bij geen van de 4 praktijken een signaal, maar bij 2 onbekend");
    expect(rollupSentence(rollup(0, 0, 4), 4, t)).toBe("Regionale samenwerking: bij geen van de 4 praktijken een signaal");
    expect(rollupSentence(rollup(1, 1, 2), 4, t)).toBe("Regionale samenwerking: 1 van 4 praktijken, bij 1 onbekend");
    expect(rollupSentence(rollup(4, 0, 0), 4, t)).toBe("Regionale samenwerking: alle 4 praktijken");
  });

  test("the start-up check finds a stored row that drifted from its definition, and a rebuild repairs it", async () => {
    const db = await getDb();
    await rebuildPortfolios(db);
    expect(await checkPortfolioSample(db, { owners: 50, practices: 500 })).toEqual([]);
    const victim = await db.selectFrom("portfolio_entry").select(["organisation_id", "practice_id", "signal_count"]).where("organisation_id", "=", insurer.organisationId).executeTakeFirstOrThrow();
    await db
      .updateTable("portfolio_entry")
      .set({ signal_count: Number(victim.signal_count ?? 0) + 7 })
      .where("organisation_id", "=", victim.organisation_id)
      .where("practice_id", "=", victim.practice_id)
      .execute();
    const found = await checkPortfolioSample(db, { owners: 50, practices: 500 });
    expect(found).toEqual([`${victim.organisation_id}/${victim.practice_id}: stored row differs from the definition`]);
    await rebuildPortfolios(db);
    expect(await checkPortfolioSample(db, { owners: 50, practices: 500 })).toEqual([]);
    await expectStoredIsCurrent();
  });
});

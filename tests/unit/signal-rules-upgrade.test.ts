/**
 * The upgrade to rules v2 on a database from before it (issue 12, "Done when": a submitted v1
 * assessment keeps its v1 signals after the upgrade). The database is migrated up to the last migration
 * before this issue and filled as the app then filled it: signal columns computed by rules v1 (the frozen
 * engine in app/domain/signals/v1.ts is that code). Then the new migration and the start-up backfill run.
 */
import { randomUUID } from "node:crypto";
import { Migrator, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "../../db/index.server";
import { migrations } from "../../db/migrations";
import type { Database } from "../../db/schema";
import type { Answers } from "~/domain/answers";
import { getQuestionnaire } from "~/models/content.server";
import { SIGNAL_IDS } from "~/domain/content/schema";
import { factsFromAnswers, signalFactsFromPractice } from "~/domain/facts";
import { evaluateV1 } from "~/domain/signals/v1";
import { walk } from "~/domain/walk";
import { answerValues } from "~/models/assessment.server";
import { computePortfolioEntries } from "~/models/portfolio.server";
import { buildReport } from "~/models/report.server";
import { backfillAssessmentSignals, signalColumns } from "~/models/signal-store.server";
import { makeAnswers, statement } from "../factories";

const BEFORE = "2026-12-01-07-regional-matrix";
const p = getQuestionnaire(1).parameters;

/**
 * A bestuurder practice without a hagro in its region, "nee" to cooperating with the huisartsen nearby,
 * ANW "deels", both minimum arrangements "deels". Rules v1: unclear organisation and regional
 * cooperation no signal. Rules v2: both a signal.
 */
const ANSWERS: Answers = makeAnswers({
  eigenaar: "bestuurder",
  "medisch-eindverantwoordelijke-huisarts": statement("deels"),
  "governance-vastgelegd": statement("deels"),
  "hagro-aanwezig": "nee",
  "samenwerking-huisartsen-omgeving": statement("nee"),
  "anw-deelname": statement("deels"),
});

let db: Kysely<Database>;
const ids = { practice: randomUUID(), praktijk: randomUUID(), insurer: randomUUID(), submitted: randomUUID(), concept: randomUUID(), imported: randomUUID(), facts: randomUUID() };
const now = new Date().toISOString();
const V1_IMPORT_FACTS = {
  owner: "huisarts",
  registeredPatients: 3000,
  huisartsHoursPerWeek: 40,
  weekdaysPresent: ["ma", "di", "wo", "do", "vr"],
  medicallyResponsibleGp: "ja",
  governanceDocumented: "ja",
  hagro: "geen-hagro",
  anw: "ja",
};

beforeAll(async () => {
  db = openDatabase(":memory:");
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const before = await migrator.migrateTo(BEFORE);
  expect(before.error).toBeUndefined();

  // As the app stored things before issue 12 (no rules version, no results JSON).
  const raw = db as unknown as Kysely<any>;
  await raw.insertInto("organisation").values([
    { id: ids.praktijk, kind: "praktijk", name: "Praktijk Oud (test)", created_at: now },
    { id: ids.insurer, kind: "zorgverzekeraar", name: "Verzekeraar (test)", created_at: now },
  ]).execute();
  await raw.insertInto("practice").values({ id: ids.practice, organisation_id: ids.praktijk, keten_id: null, region_id: null, agb: "03000001", name: "Praktijk Oud (test)", postcode: null, created_at: now, updated_at: now }).execute();
  const v1Columns = signalColumns(evaluateV1(signalFactsFromPractice(factsFromAnswers(ANSWERS)), p));
  for (const [id, status, versionNo] of [[ids.submitted, "ingediend", 1], [ids.concept, "concept", 2]] as const) {
    await raw
      .insertInto("assessment")
      .values({ id, practice_id: ids.practice, author_org_id: ids.praktijk, perspective: "zelfevaluatie", content_version: 1, status, version_no: versionNo, previous_id: null, created_by: null, created_at: now, updated_at: now, submitted_at: status === "ingediend" ? now : null, signals_at: now, ...v1Columns })
      .execute();
    await raw
      .insertInto("answer")
      .values(Object.entries(ANSWERS).map(([question_id, value]) => ({ assessment_id: id, question_id, value: JSON.stringify(value), revision: 1, updated_at: now, updated_by: null })))
      .execute();
  }
  await raw.insertInto("share").values({ id: randomUUID(), assessment_id: ids.submitted, organisation_id: ids.insurer, granted_by: null, created_at: now, revoked_at: null, revoked_by: null }).execute();
  await raw.insertInto("facts_import").values({ id: ids.imported, organisation_id: ids.insurer, status: "confirmed", file_name: "oud.csv", source: "Oud (test)", source_date: "2026-11-30", row_count: 1, error_count: 0, preview: null, created_by: null, created_at: now, decided_at: now }).execute();
  const importedPractice = randomUUID();
  await raw.insertInto("practice").values({ id: importedPractice, organisation_id: null, keten_id: null, region_id: null, agb: "03000002", name: "Praktijk Ingelezen (test)", postcode: null, created_at: now, updated_at: now }).execute();
  await raw
    .insertInto("imported_facts")
    .values({ id: ids.facts, organisation_id: ids.insurer, practice_id: importedPractice, import_id: ids.imported, row_number: 2, name: "Praktijk Ingelezen (test)", keten_id: null, keten_name: null, region_id: null, facts: JSON.stringify(V1_IMPORT_FACTS), imported_at: now, ...signalColumns(evaluateV1(V1_IMPORT_FACTS as never, p)) })
    .execute();
  // The insurer's stored portfolio row of the shared version, as the old code wrote it.
  await raw
    .insertInto("portfolio_entry")
    .values({ organisation_id: ids.insurer, practice_id: ids.practice, source: "self", source_id: ids.submitted, at: now, version_no: 1, ...v1Columns, has_self: 1, has_own: 0, has_import: 0, differs: 0 })
    .execute();

  // The upgrade: the new migration, then what start-up does.
  const after = await migrator.migrateToLatest();
  expect(after.error).toBeUndefined();
  await backfillAssessmentSignals(db);
});

afterAll(async () => {
  await db.destroy();
});

const row = (id: string) => db.selectFrom("assessment").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const statuses = (r: Awaited<ReturnType<typeof row>>) => Object.fromEntries(SIGNAL_IDS.map((id) => [id, r[`sig_${id.replace(/-/g, "_")}` as "sig_owner_not_gp"]]));

describe("after the upgrade", () => {
  test("the submitted v1 version keeps its v1 signals, says so, and its results are v1's exactly as computed", async () => {
    const submitted = await row(ids.submitted);
    expect(submitted.signals_rules_version).toBe(1);
    expect(statuses(submitted)).toMatchObject({ "unclear-organisation": "no-signal", "regional-cooperation": "no-signal" });
    const results = JSON.parse(submitted.signal_results!);
    expect(results).toEqual(evaluateV1(signalFactsFromPractice(factsFromAnswers(ANSWERS)), p));
    expect(results["regional-cooperation"]).toMatchObject({ status: "no-signal", reason: "no-hagro-in-region" });
  });

  test("the concept with the same answers follows the rules in force: v2", async () => {
    const concept = await row(ids.concept);
    expect(concept.signals_rules_version).toBe(2);
    expect(statuses(concept)).toMatchObject({ "unclear-organisation": "signal", "regional-cooperation": "signal" });
    expect(JSON.parse(concept.signal_results!)["regional-cooperation"]).toMatchObject({ reason: "no-nearby-cooperation" });
  });

  test("a confirmed import keeps the version that computed it, its results filled in by that version", async () => {
    const imported = await db.selectFrom("imported_facts").selectAll().where("id", "=", ids.facts).executeTakeFirstOrThrow();
    expect(imported.signals_rules_version).toBe(1);
    expect(JSON.parse(imported.signal_results!)["regional-cooperation"]).toMatchObject({ status: "no-signal", reason: "no-hagro-in-region" });
  });

  test("the portfolio row of the shared v1 version says v1, as its definition does", async () => {
    const stored = await db.selectFrom("portfolio_entry").selectAll().where("organisation_id", "=", ids.insurer).where("practice_id", "=", ids.practice).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ signals_rules_version: 1, sig_regional_cooperation: "no-signal" });
    const computed = await computePortfolioEntries(db, { id: ids.insurer, kind: "zorgverzekeraar" });
    expect(computed.find((r) => r.practice_id === ids.practice)).toMatchObject({ signals_rules_version: 1, sig_regional_cooperation: "no-signal" });
  });

  test("a second start changes nothing", async () => {
    const before = await row(ids.submitted);
    expect(await backfillAssessmentSignals(db)).toBe(0);
    expect(await row(ids.submitted)).toEqual(before);
  });

  test("its report shows the signals as computed, “berekend met regels v1”, and beside them what v2 would say", async () => {
    const assessment = { ...(await row(ids.submitted)), practice_name: "Praktijk Oud (test)", practice_agb: "03000001", practice_org_id: ids.praktijk, practice_keten_id: null, practice_verification: "verified", access: "author" as const };
    const q = getQuestionnaire(1);
    const stored = await db.selectFrom("answer").select(["question_id", "value", "revision", "updated_at", "updated_by"]).where("assessment_id", "=", ids.submitted).execute();
    const answers = answerValues(new Map(stored.map((s) => [s.question_id, { ...s, value: JSON.parse(s.value) }])) as never);
    const viewer = { personId: "x", personName: "x", email: "x@example.com", organisationId: ids.praktijk, organisationKind: "praktijk" as const, organisationName: "x", role: "lezer" as const, verification: "verified" as const };
    const report = await buildReport({ viewer, assessment, questionnaire: q, editable: false, stored: new Map(), answers, states: walk(q, answers) }, "nl");
    expect(report.signals.find((s) => s.id === "regional-cooperation")).toMatchObject({ status: "no-signal", reason: "Er is geen hagro in de regio; de praktijk neemt (ten minste deels) deel aan de ANW-zorg." });
    expect(report.rules).toMatchObject({ version: 1, current: 2, asComputed: true });
    const now = report.rules.currentWouldSay!;
    expect(now.find((s) => s.id === "regional-cooperation")).toMatchObject({ status: "signal", differs: true });
    expect(now.find((s) => s.id === "unclear-organisation")).toMatchObject({ status: "signal", differs: true });
    expect(now.find((s) => s.id === "owner-not-gp")).toMatchObject({ status: "signal", differs: false });
  });
});
